import { LocalDate } from '../../common/scalars';
import { IsEnum, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { IsLocalDate } from '../../common/validation';
import { CalendarDayKind, CalendarYearStatus } from './calendar.entities';

@InputType({ description: 'Set one day of the working calendar (设置工作日历日期).' })
export class SetCalendarDayInput {
  @Field(() => LocalDate, { description: 'The date, YYYY-MM-DD (日期).' }) @IsLocalDate() date: string;
  @Field(() => CalendarDayKind, { description: 'HOLIDAY (any day), ADJUSTED_WORKDAY (Saturday or Sunday), or the weekday’s own kind — WORKDAY / WEEKEND — to remove an exception (类型).' })
  @IsEnum(CalendarDayKind)
  kind: CalendarDayKind;
  @Field(() => String, { nullable: true, description: 'Holiday name, e.g. 国庆节 (节日名称).' }) @IsOptional() @MaxLength(50) name?: string | null;
}

@InputType({ description: 'Mark a year’s calendar official or weekends-only (设置年度日历状态).' })
export class SetCalendarYearInput {
  @Field(() => Int, { description: 'Year (年份).' }) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field(() => Int, { description: 'The version you read; 0 for a year without a calendar (版本号).' }) @IsInt() @Min(0) expectedVersion: number;
  @Field(() => CalendarYearStatus, { description: 'New status (状态).' }) @IsEnum(CalendarYearStatus) status: CalendarYearStatus;
  @Field(() => String, { nullable: true, description: 'Note, e.g. the State Council notice (备注); omitted keeps it.' }) @IsOptional() @MaxLength(500) note?: string | null;
}

@InputType({ description: 'Set a department’s review window (设置复查期限).' })
export class SetDepartmentReviewWindowInput {
  @Field({ description: 'Department code, e.g. FIRE (部门代码).' }) @MaxLength(40) departmentCode: string;
  @Field(() => Int, { description: 'Working days after the deadline or the application within which the review is due, 1–30 (复查期限，工作日).' })
  @IsInt()
  @Min(1)
  @Max(30)
  workingDays: number;
}
