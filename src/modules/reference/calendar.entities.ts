import { LocalDate } from '../../common/scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

const ts = { type: 'timestamptz', precision: 3 } as const;

/** What a calendar day is for working-day rules (工作日/休息日). */
export enum CalendarDayKind {
  /** Monday–Friday with no exception. */
  WORKDAY = 'WORKDAY',
  /** Saturday or Sunday with no exception. */
  WEEKEND = 'WEEKEND',
  /** A day off of a public holiday (法定节假日放假), including weekend days inside the holiday. */
  HOLIDAY = 'HOLIDAY',
  /** A Saturday or Sunday worked in exchange for a holiday day (调休上班). */
  ADJUSTED_WORKDAY = 'ADJUSTED_WORKDAY',
}

registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'Kind of calendar day for working-day rules (工作日历日期类型).',
  valuesConfig: {
    WORKDAY: { description: 'Ordinary working day, Monday–Friday (工作日).' },
    WEEKEND: { description: 'Ordinary Saturday or Sunday (周末休息日).' },
    HOLIDAY: { description: 'Public holiday day off, per the State Council schedule (法定节假日放假).' },
    ADJUSTED_WORKDAY: { description: 'Weekend day worked in exchange for a holiday (调休上班日).' },
  },
});

/** Whether a year's holidays are the official schedule or only weekends. */
export enum CalendarYearStatus {
  OFFICIAL = 'OFFICIAL',
  WEEKENDS_ONLY = 'WEEKENDS_ONLY',
}

registerEnumType(CalendarYearStatus, {
  name: 'CalendarYearStatus',
  description: 'Whether a year’s calendar holds the official holiday schedule (年度日历状态).',
  valuesConfig: {
    OFFICIAL: { description: 'The State Council holiday schedule is entered (已录入国务院放假安排).' },
    WEEKENDS_ONLY: { description: 'Only weekends are known: the official schedule still has to be entered (仅周末，待录入放假安排).' },
  },
});

/** A year of the working calendar; a year without a row counts Monday–Friday as working days. */
@Entity('calendar_year')
@Check('ck_calendar_year_range', `year BETWEEN 2000 AND 2100`)
export class CalendarYear {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'enum', enum: CalendarYearStatus, enumName: 'calendar_year_status' })
  status: CalendarYearStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;
}

/**
 * A day set explicitly in the working calendar: the holidays and exchanged working days of the
 * official schedule, and whatever an administrator set. Days without a row follow the weekday.
 */
@Entity('calendar_day')
@Check('ck_calendar_day_kind', `kind IN ('HOLIDAY', 'ADJUSTED_WORKDAY') OR name IS NULL`)
export class CalendarDay {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'enum', enum: CalendarDayKind, enumName: 'calendar_day_kind' })
  kind: CalendarDayKind;

  @Column({ type: 'varchar', length: 50, nullable: true })
  name: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;
}

@ObjectType({ description: 'One day of the working calendar (工作日历日期).' })
export class WorkingCalendarDay {
  @Field(() => LocalDate, { description: 'The date, YYYY-MM-DD (日期).' }) date: string;
  @Field(() => CalendarDayKind, { description: 'Kind of day (类型).' }) kind: CalendarDayKind;
  @Field({ description: 'Counts as a working day for deadlines and review windows (是否工作日).' }) isWorkingDay: boolean;
  @Field(() => String, { nullable: true, description: 'Holiday name, e.g. 国庆节 (节日名称).' }) name: string | null;
  @Field({ description: 'Set explicitly (official schedule or an administrator), not derived from the weekday (是否例外日期).' }) explicit: boolean;
}

@ObjectType({ description: 'The working calendar of one year: public holidays and exchanged working days (年度工作日历).' })
export class WorkingCalendar {
  @Field(() => Int, { description: 'Year (年份).' }) year: number;
  @Field(() => CalendarYearStatus, { nullable: true, description: 'Whether the official schedule is entered; null when the year is not loaded at all and only weekends count (状态).' })
  status: CalendarYearStatus | null;
  @Field(() => String, { nullable: true, description: 'Note, e.g. the State Council notice it follows (备注).' }) note: string | null;
  @Field(() => Int, { description: 'Changes with every edit of the year or its days; 0 when the year has no calendar (版本号).' }) version: number;
  @Field(() => Int, { description: 'Working days in the year (全年工作日数).' }) workingDays: number;
  @Field(() => [WorkingCalendarDay], { description: 'The days set explicitly (holidays and exchanged working days), in order (节假日与调休日).' }) exceptions: WorkingCalendarDay[];
  @Field(() => [WorkingCalendarDay], { description: 'Every day of the year, in order (全年日期).' }) days: WorkingCalendarDay[];
}
