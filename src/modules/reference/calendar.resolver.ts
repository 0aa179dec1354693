import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { ALL_ROLES, Role, Roles } from '../../common/auth';
import type { Context } from '../../common/context';
import { InputArg, Mutation, MutationPayload } from '../../common/mutation';
import { WorkingCalendar, WorkingCalendarDay } from './calendar.entities';
import { SetCalendarDayInput, SetCalendarYearInput, SetDepartmentReviewWindowInput } from './calendar.inputs';
import * as calendar from './calendar.service';
import { Department } from './reference.entities';

/**
 * Drops the process's calendar copy once the edit's transaction has ended. Declared below @Mutation,
 * so it wraps the transaction: a request that re-read the calendar while the edit was in flight
 * cannot leave the old calendar in the copy.
 */
const InvalidateCalendarAfter: MiddlewareFn<Context> = async ({ context }, next) => {
  try {
    return await next();
  } finally {
    calendar.invalidateCalendar(context.dataSource);
  }
};

@ObjectType({ description: 'Result of setCalendarDay (设置工作日历日期).' })
export class SetCalendarDayPayload extends MutationPayload {
  @Field(() => WorkingCalendarDay, { nullable: true, description: 'The day after the change; null when userErrors is not empty.' }) day?: WorkingCalendarDay | null;
  @Field(() => WorkingCalendar, { nullable: true, description: 'Its year after the change.' }) workingCalendar?: WorkingCalendar | null;
}

@ObjectType({ description: 'Result of setCalendarYear (设置年度日历状态).' })
export class SetCalendarYearPayload extends MutationPayload {
  @Field(() => WorkingCalendar, { nullable: true, description: 'The year after the change; null when userErrors is not empty.' }) workingCalendar?: WorkingCalendar | null;
}

@ObjectType({ description: 'Result of setDepartmentReviewWindow (设置复查期限).' })
export class SetDepartmentReviewWindowPayload extends MutationPayload {
  @Field(() => Department, { nullable: true, description: 'The department after the change; null when userErrors is not empty.' }) department?: Department | null;
}

@Resolver()
export class CalendarResolver {
  @Roles(...ALL_ROLES)
  @Query(() => WorkingCalendar, { description: 'The working calendar of a year: public holidays and weekend days worked in exchange, used by every working-day rule (工作日历).' })
  workingCalendar(@Ctx() ctx: Context, @Arg('year', () => Int, { description: 'Year, 2000–2100 (年份).' }) year: number): Promise<WorkingCalendar> {
    return calendar.workingCalendarOfYear(ctx, year);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SetCalendarDayPayload, { description: 'Set a day as public holiday, weekend day worked in exchange, or back to its weekday (设置节假日/调休).' })
  @UseMiddleware(InvalidateCalendarAfter)
  async setCalendarDay(@Ctx() ctx: Context, @InputArg() input: SetCalendarDayInput): Promise<SetCalendarDayPayload> {
    const r = await calendar.setCalendarDay(ctx, input);
    return { day: r.day, workingCalendar: r.calendar, userErrors: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SetCalendarYearPayload, { description: 'Mark a year’s calendar OFFICIAL once its State Council schedule is entered, or WEEKENDS_ONLY (设置年度日历状态).' })
  @UseMiddleware(InvalidateCalendarAfter)
  async setCalendarYear(@Ctx() ctx: Context, @InputArg() input: SetCalendarYearInput): Promise<SetCalendarYearPayload> {
    return { workingCalendar: await calendar.setCalendarYear(ctx, input), userErrors: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SetDepartmentReviewWindowPayload, { description: 'Set how many working days a department has for a review (设置复查期限).' })
  async setDepartmentReviewWindow(@Ctx() ctx: Context, @InputArg() input: SetDepartmentReviewWindowInput): Promise<SetDepartmentReviewWindowPayload> {
    return { department: await calendar.setDepartmentReviewWindow(ctx, input), userErrors: [] };
  }
}
