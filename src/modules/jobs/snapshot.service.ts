import type { Context } from '../../common/context';
import { badInput } from '../../common/errors';
import { addDays, daysBetween } from '../../common/time';
import type { SupplyChainStage } from '../reference/reference.enums';
import type { JobEnv } from './escalation.service';

/**
 * Stores the closing figures of `day` (the day before the run) per district, team and stage, in one
 * statement; a second run for the same day writes nothing (ON CONFLICT DO NOTHING), so a figure once
 * stored — and printed in a bulletin — stays as it was. Day-dated figures (found, closed, overdue
 * backlog, escalated by then, letters) are exact for the day; stock figures by status (open, listed)
 * are as at the run, a few minutes after the day ended with the default schedule.
 */
export async function runSnapshot(env: JobEnv, day: string): Promise<number> {
  return env.ds.transaction(async (em) => {
    const rows: unknown[] = await em.query(
      `WITH esc AS (SELECT item_id, count(*) FILTER (WHERE day = $1::date AND action = 'SUPERVISION_LETTER')::int AS letters FROM escalation WHERE day <= $1::date GROUP BY item_id),
       ins AS (
        INSERT INTO daily_snapshot (day, district_code, team_code, stage, found_total, closed_total, found_on_day, closed_on_day, open, overdue, listed, escalated, letters_on_day)
        SELECT $1::date, i.district_code, t.code, i.stage::text,
          count(*) FILTER (WHERE i.status <> 'INVALIDATED' AND i.discovered_on <= $1::date),
          count(*) FILTER (WHERE i.status <> 'INVALIDATED' AND i.closed_on <= $1::date),
          count(*) FILTER (WHERE i.status <> 'INVALIDATED' AND i.discovered_on = $1::date),
          count(*) FILTER (WHERE i.closed_on = $1::date),
          count(*) FILTER (WHERE i.status NOT IN ('VERIFIED', 'CLOSED', 'INVALIDATED') AND i.discovered_on <= $1::date),
          count(*) FILTER (WHERE i.deadline < $1::date AND i.status <> 'INVALIDATED'
                             AND (i.rectified_on IS NULL OR i.rectified_on > $1::date) AND (i.closed_on IS NULL OR i.closed_on > $1::date)),
          count(*) FILTER (WHERE i.listed AND i.status NOT IN ('VERIFIED', 'CLOSED', 'INVALIDATED')),
          count(*) FILTER (WHERE e.item_id IS NOT NULL AND i.status NOT IN ('VERIFIED', 'CLOSED', 'INVALIDATED')),
          coalesce(sum(e.letters), 0)
        FROM remediation_item i JOIN task_team t ON t.id = i.team_id LEFT JOIN esc e ON e.item_id = i.id
        GROUP BY i.district_code, t.code, i.stage
        ON CONFLICT DO NOTHING RETURNING 1)
       SELECT 1 FROM ins`,
      [day],
    );
    await env.onBatch(em, rows.length);
    return rows.length;
  });
}

export enum SnapshotGroup {
  DISTRICT = 'DISTRICT',
  TEAM = 'TEAM',
  STAGE = 'STAGE',
}

/** Stored figures per day from `from` to `to`, summed over the dimensions not grouped by. */
export async function readSnapshots(ctx: Context, from: string, to: string, groupBy: SnapshotGroup[]) {
  if (from > to) throw badInput(`from (${from}) is after to (${to})`, 'from');
  if (daysBetween(from, to) > 3700) throw badInput('at most 3,700 days', 'to');
  const g = new Set(groupBy);
  const cols = [g.has(SnapshotGroup.DISTRICT) ? 'district_code' : 'NULL::varchar', g.has(SnapshotGroup.TEAM) ? 'team_code' : 'NULL::varchar', g.has(SnapshotGroup.STAGE) ? 'stage' : 'NULL::varchar'];
  const rows: Record<string, unknown>[] = await ctx.em.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, ${cols[0]} AS district_code, ${cols[1]} AS team_code, ${cols[2]} AS stage,
            sum(found_total)::int AS found_total, sum(closed_total)::int AS closed_total, sum(found_on_day)::int AS found_on_day,
            sum(closed_on_day)::int AS closed_on_day, sum(open)::int AS open, sum(overdue)::int AS overdue, sum(listed)::int AS listed,
            sum(escalated)::int AS escalated, sum(letters_on_day)::int AS letters_on_day
       FROM daily_snapshot WHERE day BETWEEN $1::date AND $2::date
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2 NULLS FIRST, 3 NULLS FIRST, 4 NULLS FIRST`,
    [from, to],
  );
  return rows.map((r) => ({
    day: r.day as string,
    districtCode: (r.district_code as string | null) ?? null,
    teamCode: (r.team_code as string | null) ?? null,
    stage: (r.stage as SupplyChainStage | null) ?? null,
    foundTotal: r.found_total as number,
    closedTotal: r.closed_total as number,
    foundOnDay: r.found_on_day as number,
    closedOnDay: r.closed_on_day as number,
    open: r.open as number,
    overdue: r.overdue as number,
    listed: r.listed as number,
    escalated: r.escalated as number,
    lettersOnDay: r.letters_on_day as number,
  }));
}

/** The day a run on `runDay` stores figures for: the day that has just ended. */
export const snapshotDayOf = (runDay: string): string => addDays(runDay, -1);
