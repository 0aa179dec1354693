/** A calendar date, YYYY-MM-DD. */
export const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A YYYY-MM-DD string that names a real day (no 2026-02-31, which PostgreSQL's date cast refuses). */
export function isLocalDate(v: unknown): v is string {
  return typeof v === 'string' && LOCAL_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
}

/** Calendar days in Asia/Shanghai (UTC+8 all year, no daylight saving), the program's reporting time zone. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from date a to date b (both YYYY-MM-DD); positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

/** A date plus n days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

/** Monday–Friday: the working week when no calendar says otherwise. */
export function isWeekday(date: string): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/**
 * A date plus n working days: the n-th working day after `date`. Which days work is the caller's
 * calendar (public holidays and exchanged weekend days, src/modules/reference/calendar.service.ts);
 * without one, Monday–Friday.
 */
export function addWorkingDays(date: string, n: number, isWorkingDay: (date: string) => boolean = isWeekday): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** YYYYMMDD of a Shanghai date, for human codes. */
export function compactDate(date: string): string {
  return date.replace(/-/g, '');
}
