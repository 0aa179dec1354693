import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../../common/context';
import { UserErrorCode, fail } from '../../common/errors';
import { addDays, addWorkingDays, isWeekday, shanghaiDate } from '../../common/time';
import { clean } from '../../common/validation';
import { recordAudit } from '../audit/audit.service';
import { CALENDAR_YEARS } from './calendar.data';
import { CalendarDay, CalendarDayKind, CalendarYear, CalendarYearStatus, type WorkingCalendar, type WorkingCalendarDay } from './calendar.entities';
import type { SetCalendarDayInput, SetCalendarYearInput, SetDepartmentReviewWindowInput } from './calendar.inputs';
import { Department } from './reference.entities';
import { departmentById, invalidateStaticTable, staticLookup } from './reference.service';

/** The review window when an item has no lead department (MPS Order No. 120: 3 working days). */
export const DEFAULT_REVIEW_WINDOW = 3;

const WORKING_KINDS = new Set([CalendarDayKind.WORKDAY, CalendarDayKind.ADJUSTED_WORKDAY]);

/** The working calendar as one process sees it: explicit days over the Monday–Friday default. */
export class CalendarSnapshot {
  constructor(private readonly days: ReadonlyMap<string, { kind: CalendarDayKind; name: string | null }>) {}

  kindOf(date: string): CalendarDayKind {
    return this.days.get(date)?.kind ?? (isWeekday(date) ? CalendarDayKind.WORKDAY : CalendarDayKind.WEEKEND);
  }

  isWorkingDay(date: string): boolean {
    return WORKING_KINDS.has(this.kindOf(date));
  }

  /** The n-th working day after `date`. */
  addWorkingDays(date: string, n: number): string {
    return addWorkingDays(date, n, (d) => this.isWorkingDay(d));
  }

  day(date: string): WorkingCalendarDay {
    const kind = this.kindOf(date);
    const explicit = this.days.get(date);
    return { date, kind, isWorkingDay: WORKING_KINDS.has(kind), name: explicit?.name ?? null, explicit: !!explicit };
  }
}

// ---- the process's copy ----

/** Drops this process's copy of the calendar (after an edit). */
export function invalidateCalendar(ds: DataSource): void {
  invalidateStaticTable(ds, CalendarDay);
}

/** The working calendar: public holidays and exchanged working days over Monday–Friday. */
export async function workingCalendar(ctx: Pick<Context, 'dataSource'>): Promise<CalendarSnapshot> {
  return new CalendarSnapshot(await staticLookup(ctx, CalendarDay, 'date').rows);
}

// ---- working-day rules ----

/**
 * When the review (复查) is due, DOMAIN.md §6.2: the department's window of working days after the
 * deadline, or after the party applied for review (reported completion) when that came first.
 * The window is the item's lead department's, 3 working days by default.
 */
export async function reviewDueDate(
  ctx: Context,
  item: { deadline: string | null; completionReportedAt: Date | null; leadDepartmentId: string | null },
): Promise<string | null> {
  const applied = item.completionReportedAt ? shanghaiDate(item.completionReportedAt) : null;
  const from = item.deadline && applied ? (applied < item.deadline ? applied : item.deadline) : (item.deadline ?? applied);
  if (!from) return null;
  const [dept, calendar] = await Promise.all([item.leadDepartmentId ? departmentById(ctx).load(item.leadDepartmentId) : null, workingCalendar(ctx)]);
  return calendar.addWorkingDays(from, dept?.reviewWindowWorkingDays ?? DEFAULT_REVIEW_WINDOW);
}

// ---- reading and editing (ADMIN) ----

export async function workingCalendarOfYear(ctx: Context, year: number): Promise<WorkingCalendar> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) fail(UserErrorCode.VALIDATION, 'year', '年份须在 2000 至 2100 之间', 'The year must be between 2000 and 2100');
  return calendarView(ctx.em, year);
}

/** A year as stored, read through `em` (inside a mutation: its own writes). */
async function calendarView(em: EntityManager, year: number): Promise<WorkingCalendar> {
  const [meta, rows] = await Promise.all([
    em.findOne(CalendarYear, { where: { year } }),
    em.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_day WHERE date BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)`, [year]) as Promise<
      { date: string; kind: CalendarDayKind; name: string | null }[]
    >,
  ]);
  const snapshot = new CalendarSnapshot(new Map(rows.map((r) => [r.date, r])));
  const days: WorkingCalendarDay[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) days.push(snapshot.day(d));
  return {
    year,
    status: meta?.status ?? null,
    note: meta?.note ?? null,
    version: meta?.version ?? 0,
    workingDays: days.filter((d) => d.isWorkingDay).length,
    exceptions: days.filter((d) => d.explicit),
    days,
  };
}

/** Which kinds a date may be given: weekend kinds on Saturdays and Sundays, WORKDAY on weekdays, HOLIDAY on any. */
function checkKind(date: string, kind: CalendarDayKind): void {
  const weekday = isWeekday(date);
  if (kind === CalendarDayKind.ADJUSTED_WORKDAY && weekday) {
    fail(UserErrorCode.VALIDATION, 'input.kind', `${date} 是周一至周五，本来就是工作日，不能设为调休上班日`, `${date} is a weekday, already a working day; ADJUSTED_WORKDAY is for a Saturday or Sunday`);
  }
  if (kind === CalendarDayKind.WEEKEND && weekday) {
    fail(UserErrorCode.VALIDATION, 'input.kind', `${date} 是周一至周五；工作日放假请设为 HOLIDAY`, `${date} is a weekday; a weekday off is a HOLIDAY`);
  }
  if (kind === CalendarDayKind.WORKDAY && !weekday) {
    fail(UserErrorCode.VALIDATION, 'input.kind', `${date} 是周末；周末上班请设为 ADJUSTED_WORKDAY（调休上班）`, `${date} is a Saturday or Sunday; a weekend day worked is ADJUSTED_WORKDAY`);
  }
}

async function lockYear(ctx: Context, year: number): Promise<CalendarYear | null> {
  return ctx.em.findOne(CalendarYear, { where: { year }, lock: { mode: 'pessimistic_write' } });
}

/**
 * Sets one day. The default kind of the weekday (WORKDAY on Monday–Friday, WEEKEND on Saturday and
 * Sunday) removes the exception. A year that had no calendar gets one, WEEKENDS_ONLY until an
 * administrator marks it OFFICIAL.
 */
export async function setCalendarDay(ctx: Context, input: SetCalendarDayInput): Promise<{ day: WorkingCalendarDay; calendar: WorkingCalendar }> {
  if (addDays(input.date, 0) !== input.date) fail(UserErrorCode.VALIDATION, 'input.date', `${input.date} 不是有效日期`, `${input.date} is not a calendar date`);
  const year = Number(input.date.slice(0, 4));
  if (year < 2000 || year > 2100) fail(UserErrorCode.VALIDATION, 'input.date', '日期须在 2000 至 2100 年之间', 'The date must lie in the years 2000 to 2100');
  checkKind(input.date, input.kind);
  const name = clean(input.name);
  if (name && ![CalendarDayKind.HOLIDAY, CalendarDayKind.ADJUSTED_WORKDAY].includes(input.kind)) {
    fail(UserErrorCode.VALIDATION, 'input.name', '只有节假日和调休上班日有名称', 'Only a HOLIDAY or an ADJUSTED_WORKDAY has a name');
  }
  const principal = ctx.principal!;
  let yearRow = await lockYear(ctx, year);
  if (!yearRow) {
    await ctx.em.query(`INSERT INTO calendar_year (year, status, note, updated_by) VALUES ($1, $2, NULL, $3) ON CONFLICT (year) DO NOTHING`, [year, CalendarYearStatus.WEEKENDS_ONLY, principal.id]);
    yearRow = (await lockYear(ctx, year))!;
  }
  const existing = await ctx.em.findOne(CalendarDay, { where: { date: input.date } });
  const before = existing ? { kind: existing.kind, name: existing.name } : { kind: isWeekday(input.date) ? CalendarDayKind.WORKDAY : CalendarDayKind.WEEKEND, name: null };
  const isDefault = input.kind === (isWeekday(input.date) ? CalendarDayKind.WORKDAY : CalendarDayKind.WEEKEND);
  if (isDefault) await ctx.em.delete(CalendarDay, { date: input.date });
  else {
    await ctx.em.query(
      `INSERT INTO calendar_day (date, kind, name, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [input.date, input.kind, name, principal.id],
    );
  }
  await ctx.em.query(`UPDATE calendar_year SET version = version + 1, updated_by = $2, updated_at = now() WHERE year = $1`, [year, principal.id]);
  invalidateCalendar(ctx.dataSource);
  await recordAudit(ctx, { operation: 'setCalendarDay', entityType: 'CalendarDay', entityId: input.date, before, after: { kind: input.kind, name: isDefault ? null : name } });
  const calendar = await calendarView(ctx.em, year);
  return { day: calendar.days.find((d) => d.date === input.date)!, calendar };
}

/** Marks a year's calendar OFFICIAL (the State Council schedule is entered) or WEEKENDS_ONLY, with its note. */
export async function setCalendarYear(ctx: Context, input: SetCalendarYearInput): Promise<WorkingCalendar> {
  const principal = ctx.principal!;
  const row = await lockYear(ctx, input.year);
  if (row && input.expectedVersion !== row.version) {
    fail(UserErrorCode.CONFLICT, 'input.expectedVersion', `该年度日历已被他人修改（当前版本 ${row.version}），请刷新后重试`, `The calendar of ${input.year} was changed by someone else (now version ${row.version}); reload and retry`);
  }
  if (!row && input.expectedVersion !== 0) {
    fail(UserErrorCode.CONFLICT, 'input.expectedVersion', `${input.year} 年尚无日历，版本号应为 0`, `${input.year} has no calendar yet; expectedVersion is 0`);
  }
  const note = input.note === undefined ? (row?.note ?? null) : clean(input.note);
  const before = row ? { status: row.status, note: row.note } : null;
  await ctx.em.query(
    `INSERT INTO calendar_year (year, status, note, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (year) DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, version = calendar_year.version + 1, updated_at = now()`,
    [input.year, input.status, note, principal.id],
  );
  await recordAudit(ctx, { operation: 'setCalendarYear', entityType: 'CalendarYear', entityId: String(input.year), before, after: { status: input.status, note } });
  return calendarView(ctx.em, input.year);
}

/** Sets a department's review window (复查期限, working days), DOMAIN.md §6.2 "configurable per department". */
export async function setDepartmentReviewWindow(ctx: Context, input: SetDepartmentReviewWindowInput): Promise<Department> {
  const dept = await ctx.em.findOne(Department, { where: { code: input.departmentCode }, lock: { mode: 'pessimistic_write' } });
  if (!dept) fail(UserErrorCode.NOT_FOUND, 'input.departmentCode', `没有代码为 ${input.departmentCode} 的部门`, `No department with code ${input.departmentCode}`);
  const before = { reviewWindowWorkingDays: dept.reviewWindowWorkingDays };
  dept.reviewWindowWorkingDays = input.workingDays;
  await ctx.em.update(Department, { id: dept.id }, { reviewWindowWorkingDays: input.workingDays });
  await recordAudit(ctx, { operation: 'setDepartmentReviewWindow', entityType: 'Department', entityId: dept.id, before, after: { reviewWindowWorkingDays: input.workingDays } });
  return dept;
}

// ---- reference data ----

/**
 * Loads the calendar years of CALENDAR_YEARS that the database does not have yet, with their days.
 * A year already present is left alone: what administrators entered or corrected is never overwritten.
 */
export async function loadCalendarData(em: EntityManager): Promise<number> {
  let loaded = 0;
  for (const y of CALENDAR_YEARS) {
    const inserted = await em.query(`INSERT INTO calendar_year (year, status, note) VALUES ($1, $2, $3) ON CONFLICT (year) DO NOTHING RETURNING year`, [y.year, y.status, y.note]);
    if (!inserted.length) continue;
    loaded++;
    const days: [string, CalendarDayKind, string][] = [];
    for (const h of y.holidays) {
      for (let d = h.from; d <= h.to; d = addDays(d, 1)) days.push([d, CalendarDayKind.HOLIDAY, h.name]);
      for (const w of h.workedDays) days.push([w, CalendarDayKind.ADJUSTED_WORKDAY, `${h.name}调休上班`]);
    }
    if (days.length) {
      await em.query(
        `INSERT INTO calendar_day (date, kind, name) SELECT d, k::calendar_day_kind, n FROM unnest($1::date[], $2::text[], $3::text[]) AS t(d, k, n) ON CONFLICT (date) DO NOTHING`,
        [days.map((d) => d[0]), days.map((d) => d[1]), days.map((d) => d[2])],
      );
    }
  }
  return loaded;
}
