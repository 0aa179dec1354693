import type { Context } from '../../common/context';
import { badInput } from '../../common/errors';
import { addDays, daysBetween } from '../../common/time';
import { Inspection } from '../inspection/inspection.entities';
import type { InspectionFilter } from '../inspection/inspection.inputs';
import { applyDateRange, applyEnumFilter, applyIdFilter, applyStringFilter } from '../../common/filters';
import { TaskTeam } from '../reference/reference.entities';
import { RemediationItem } from '../remediation/remediation.entities';
import type { RemediationItemFilter } from '../remediation/remediation.inputs';
import { applyItemFilter, today } from '../remediation/remediation.service';
import { listDistricts } from '../reference/reference.service';
import { deployment } from '../campaigns/campaigns.results';
import { bulletinItems } from './reports.items';
import { Bulletin, BulletinStoredFigures, DistrictRanking, EnforcementStatisticsRow, InspectionStatisticsRow, RemediationStatisticsRow, StatisticsDimension as D, type PeriodInput } from './reports.types';

/** The longest period a statistics request may cover (about ten years). */
const MAX_DAYS = 3700;

export interface ResolvedPeriod {
  from: string;
  to: string;
  days: number;
  /** The day overdue is judged on: the period's last day, or today if that is earlier. */
  asOf: string;
}

export function resolvePeriod(ctx: Context, p: PeriodInput): ResolvedPeriod {
  if (p.from > p.to) throw badInput(`period.from (${p.from}) is after period.to (${p.to})`, 'period');
  const days = daysBetween(p.from, p.to) + 1;
  if (days > MAX_DAYS) throw badInput(`period covers ${days} days; at most ${MAX_DAYS}`, 'period');
  const t = today(ctx);
  return { from: p.from, to: p.to, days, asOf: p.to < t ? p.to : t };
}

/** The period of the same length that ends the day before. */
export function previousPeriod(p: ResolvedPeriod, todayDate: string): ResolvedPeriod {
  const to = addDays(p.from, -1);
  const from = addDays(to, -(p.days - 1));
  return { from, to, days: p.days, asOf: to < todayDate ? to : todayDate };
}

interface DimSql {
  /** Columns (of the x relation) that make the group, aliased as the row fields. */
  cols: [expr: string, alias: string][];
}

const TIME: Partial<Record<D, string>> = { [D.DAY]: 'x.day', [D.WEEK]: `date_trunc('week', x.day)::date`, [D.MONTH]: `date_trunc('month', x.day)::date` };

function dimensions(groupBy: D[], allowed: D[], map: Partial<Record<D, DimSql>>): DimSql['cols'] {
  const unique = [...new Set(groupBy)];
  const bad = unique.filter((d) => !allowed.includes(d));
  if (bad.length) throw badInput(`groupBy ${bad.join(', ')} is not available here; use ${allowed.join(', ')}`, 'groupBy');
  if (unique.filter((d) => TIME[d]).length > 1) throw badInput('groupBy takes at most one of DAY, WEEK, MONTH', 'groupBy');
  return unique.flatMap((d) => (TIME[d] ? [[`${TIME[d]}::text`, 'period_start'] as [string, string]] : map[d]!.cols));
}

/** SELECT list and GROUP BY for the chosen dimensions plus a total row (GROUPING SETS). */
function grouping(cols: DimSql['cols']): { select: string; groupBy: string; order: string } {
  if (cols.length === 0) return { select: 'TRUE AS is_total', groupBy: '', order: '' };
  const exprs = cols.map(([e]) => e);
  return {
    select: [...cols.map(([e, a]) => `${e} AS ${a}`), `GROUPING(${exprs[0]}) = 1 AS is_total`].join(', '),
    groupBy: `GROUP BY GROUPING SETS ((${exprs.join(', ')}), ())`,
    order: `ORDER BY GROUPING(${exprs[0]}), ${exprs.map((e) => `${e} NULLS LAST`).join(', ')}`,
  };
}

/** Appends parameters after TypeORM's $1…$n. */
function params(base: unknown[]) {
  const list = [...base];
  return { list, add: (v: unknown) => (list.push(v), `$${list.length}`) };
}

const LABEL_JOINS = `LEFT JOIN district d ON d.code = x.district_code
  LEFT JOIN task_team t ON t.id = x.team_id
  LEFT JOIN department dep ON dep.id = x.department_id`;

const COMMON_DIMS: Partial<Record<D, DimSql>> = {
  [D.DISTRICT]: { cols: [['x.district_code', 'district_code'], ['d.name', 'district_name']] },
  [D.TEAM]: { cols: [['t.code', 'team_code'], ['t.name_zh', 'team_name']] },
  [D.STAGE]: { cols: [['x.stage::text', 'stage']] },
  [D.DEPARTMENT]: { cols: [['dep.code', 'department_code'], ['dep.name', 'department_name']] },
};

function key<T extends object>(row: Record<string, unknown>, target: T): T {
  return Object.assign(target, {
    isTotal: row.is_total === true,
    districtCode: row.district_code ?? null,
    districtName: row.district_name ?? null,
    teamCode: row.team_code ?? null,
    teamName: row.team_name ?? null,
    stage: row.stage ?? null,
    departmentCode: row.department_code ?? null,
    departmentName: row.department_name ?? null,
    periodStart: row.period_start ?? null,
  });
}

/**
 * A report through the process's report cache (reports.cache.ts). The key holds every input and
 * today's date; the result is computed outside any transaction, so a mutation never caches what
 * it has not committed.
 */
function cached<T>(ctx: Context, report: string, args: unknown[], compute: () => Promise<T>): Promise<T> {
  if (ctx.em.queryRunner?.isTransactionActive) return compute();
  return ctx.reportCache.get(JSON.stringify([report, today(ctx), ...args]), compute);
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);

/** [bucket start, last day counted] for each DAY/WEEK/MONTH bucket from the one holding `from` to the one holding the as-of day. */
function backlogBuckets(unit: 'day' | 'week' | 'month', period: ResolvedPeriod): [string, string][] {
  const start = (d: string): string => {
    if (unit === 'day') return d;
    if (unit === 'month') return `${d.slice(0, 8)}01`;
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay(); // ISO weeks start on Monday
    return addDays(d, -((dow + 6) % 7));
  };
  const next = (d: string): string => {
    if (unit === 'day') return addDays(d, 1);
    if (unit === 'week') return addDays(d, 7);
    const [y, m] = d.split('-').map(Number);
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  const out: [string, string][] = [];
  for (let b = start(period.from); b <= period.asOf; b = next(b)) {
    const last = addDays(next(b), -1);
    out.push([b, last < period.asOf ? last : period.asOf]);
  }
  return out;
}

// ===================== remediation =====================

/**
 * Remediation statistics in one statement. Items found in the period (by discovery date) form the
 * cohort for found / rectified / closed / open / overdue / listed and the rates; items closed in the
 * period (whatever their discovery date) give closedInPeriod. Time buckets use the discovery date
 * for the cohort and the closing date for closedInPeriod. See README "Report definitions".
 */
export function remediationStatistics(ctx: Context, filter: RemediationItemFilter | undefined, groupBy: D[], period: ResolvedPeriod): Promise<RemediationStatisticsRow[]> {
  return cached(ctx, 'remediationStatistics', [filter, groupBy, period], () => computeRemediationStatistics(ctx, filter, groupBy, period));
}

async function computeRemediationStatistics(ctx: Context, filter: RemediationItemFilter | undefined, groupBy: D[], period: ResolvedPeriod): Promise<RemediationStatisticsRow[]> {
  const cols = dimensions(groupBy, [D.DISTRICT, D.TEAM, D.STAGE, D.HAZARD_TYPE, D.LEVEL, D.STATUS, D.DEPARTMENT, D.METHOD, D.DAY, D.WEEK, D.MONTH], {
    ...COMMON_DIMS,
    [D.HAZARD_TYPE]: { cols: [['x.hazard_type_code', 'hazard_type_code'], ['h.name_zh', 'hazard_type_name']] },
    [D.LEVEL]: { cols: [['x.level::text', 'level']] },
    [D.STATUS]: { cols: [['x.status::text', 'status']] },
    [D.METHOD]: { cols: [['x.discovery_method::text', 'method']] },
  });
  const qb = ctx.em.getRepository(RemediationItem).createQueryBuilder('i');
  applyItemFilter(qb, 'i', filter, period.asOf);
  const [fromP, toP, asOfP] = [':statFrom', ':statTo', ':statAsOf'];
  // The cohort, the closed of the period, and the candidates of the overdue backlog (overdue on some day from `from` to the as-of day).
  qb.andWhere(
    `(i.discovered_on BETWEEN CAST(${fromP} AS date) AND CAST(${toP} AS date) OR i.closed_on BETWEEN CAST(${fromP} AS date) AND CAST(${toP} AS date)
      OR (i.deadline < CAST(${asOfP} AS date) AND i.status <> 'INVALIDATED' AND (i.rectified_on IS NULL OR i.rectified_on > CAST(${fromP} AS date)) AND (i.closed_on IS NULL OR i.closed_on > CAST(${fromP} AS date))))`,
    { statFrom: period.from, statTo: period.to, statAsOf: period.asOf },
  );
  qb.select([
    'i.id AS id',
    'i.district_code AS district_code',
    'i.team_id AS team_id',
    'i.lead_department_id AS department_id',
    'i.stage AS stage',
    'i.hazard_type_code AS hazard_type_code',
    'i.level AS level',
    'i.status AS status',
    'i.discovery_method AS discovery_method',
    'i.discovered_on AS discovered_on',
    'i.rectified_on AS rectified_on',
    'i.closed_on AS closed_on',
    'i.deadline AS deadline',
    'i.listed AS listed',
    'i.failed_reviews AS failed_reviews',
    'EXISTS (SELECT 1 FROM escalation esc WHERE esc.item_id = i.id) AS escalated_any',
  ]);
  const [fSql, fParams] = qb.getQueryAndParameters();
  const p = params(fParams);
  const from = p.add(period.from);
  const to = p.add(period.to);
  const asOf = p.add(period.asOf);
  const g = grouping(cols);
  const found = `x.kind = 'found' AND x.status <> 'INVALIDATED'`;
  // The overdue backlog (逾期存量) is a stock: counted as of a day, not over a span. Without a time
  // dimension that day is the period's as-of day; with one, each bucket's last day (capped at the
  // as-of day), and the total row takes the last bucket only (summing stocks would count an item
  // once per bucket). See README "Report definitions".
  const unit = groupBy.includes(D.DAY) ? 'day' : groupBy.includes(D.WEEK) ? 'week' : groupBy.includes(D.MONTH) ? 'month' : null;
  // The buckets as literal rows (dates computed here, not user text): the planner then knows how many
  // there are; with generate_series it assumes 1,000, and the inflated cost switched JIT on (+6 s).
  const buckets = unit
    ? `SELECT day::date, as_of::date FROM (VALUES ${backlogBuckets(unit, period).map(([d, a]) => `('${d}', '${a}')`).join(', ') || `(NULL, NULL)`}) v(day, as_of) WHERE day IS NOT NULL`
    : `SELECT NULL::date AS day, ${asOf}::date AS as_of`;
  const timeExpr = cols.find(([, a]) => a === 'period_start')?.[0];
  const backlog = timeExpr
    ? `CASE WHEN GROUPING(${timeExpr}) = 1 THEN count(*) FILTER (WHERE x.kind = 'backlog' AND x.as_of = ${asOf}::date) ELSE count(*) FILTER (WHERE x.kind = 'backlog') END`
    : `count(*) FILTER (WHERE x.kind = 'backlog')`;
  const sql = `
    WITH f AS (${fSql}),
    bk AS (${buckets}),
    ev AS (
      SELECT f.*, 'found' AS kind, f.discovered_on AS day, NULL::date AS as_of FROM f WHERE f.discovered_on BETWEEN ${from}::date AND ${to}::date
      UNION ALL
      SELECT f.*, 'closed' AS kind, f.closed_on AS day, NULL::date AS as_of FROM f WHERE f.closed_on BETWEEN ${from}::date AND ${to}::date
      UNION ALL
      SELECT f.*, 'backlog' AS kind, bk.day, bk.as_of FROM f JOIN bk
        ON f.deadline < bk.as_of AND f.status <> 'INVALIDATED'
       AND (f.rectified_on IS NULL OR f.rectified_on > bk.as_of) AND (f.closed_on IS NULL OR f.closed_on > bk.as_of))
    SELECT ${g.select},
      count(*) FILTER (WHERE ${found})::int AS found,
      count(*) FILTER (WHERE ${found} AND x.rectified_on <= ${to}::date)::int AS rectified,
      count(*) FILTER (WHERE ${found} AND x.closed_on <= ${to}::date)::int AS closed,
      count(*) FILTER (WHERE ${found} AND x.deadline < ${asOf}::date
                         AND (x.rectified_on IS NULL OR x.rectified_on > ${asOf}::date)
                         AND (x.closed_on IS NULL OR x.closed_on > ${asOf}::date))::int AS overdue,
      count(*) FILTER (WHERE ${found} AND x.listed)::int AS listed,
      count(*) FILTER (WHERE ${found} AND x.escalated_any)::int AS escalated,
      ${backlog}::int AS overdue_backlog,
      count(*) FILTER (WHERE x.kind = 'found' AND x.status = 'INVALIDATED')::int AS invalidated,
      count(*) FILTER (WHERE x.kind = 'closed')::int AS closed_in_period,
      coalesce(sum(x.failed_reviews) FILTER (WHERE ${found}), 0)::int AS failed_reviews,
      count(*) FILTER (WHERE ${found} AND x.closed_on <= ${to}::date AND (x.deadline IS NULL OR x.closed_on <= x.deadline))::int AS closed_on_time,
      avg(x.closed_on - x.discovered_on) FILTER (WHERE ${found} AND x.closed_on <= ${to}::date)::float8 AS avg_days
    FROM ev x
    ${LABEL_JOINS}
    LEFT JOIN hazard_type h ON h.code = x.hazard_type_code
    ${g.groupBy}
    ${g.order}`;
  const rows: Record<string, unknown>[] = await ctx.em.query(sql, p.list);
  return rows.map((r) => {
    const row = key(r, new RemediationStatisticsRow());
    const n = (k: string) => Number(r[k] ?? 0);
    return Object.assign(row, {
      hazardTypeCode: r.hazard_type_code ?? null,
      hazardTypeName: r.hazard_type_name ?? null,
      level: r.level ?? null,
      status: r.status ?? null,
      found: n('found'),
      rectified: n('rectified'),
      closed: n('closed'),
      open: n('found') - n('closed'),
      overdue: n('overdue'),
      newOverdue: n('overdue'),
      overdueBacklog: n('overdue_backlog'),
      listed: n('listed'),
      escalated: n('escalated'),
      invalidated: n('invalidated'),
      closedInPeriod: n('closed_in_period'),
      failedReviews: n('failed_reviews'),
      rectificationRate: ratio(n('closed'), n('found')),
      onTimeRate: ratio(n('closed_on_time'), n('closed')),
      avgDaysToClose: r.avg_days === null || r.avg_days === undefined ? null : Math.round(Number(r.avg_days) * 100) / 100,
    });
  });
}

// ===================== inspections =====================

export function inspectionStatistics(ctx: Context, filter: InspectionFilter | undefined, groupBy: D[], period: ResolvedPeriod): Promise<InspectionStatisticsRow[]> {
  return cached(ctx, 'inspectionStatistics', [filter, groupBy, period], () => computeInspectionStatistics(ctx, filter, groupBy, period));
}

async function computeInspectionStatistics(ctx: Context, filter: InspectionFilter | undefined, groupBy: D[], period: ResolvedPeriod): Promise<InspectionStatisticsRow[]> {
  const cols = dimensions(groupBy, [D.DISTRICT, D.TEAM, D.STAGE, D.METHOD, D.DAY, D.WEEK, D.MONTH], {
    ...COMMON_DIMS,
    [D.METHOD]: { cols: [['x.method::text', 'method']] },
  });
  const qb = ctx.em.getRepository(Inspection).createQueryBuilder('n');
  applyStringFilter(qb, 'n.district_code', filter?.district);
  if (filter?.team) {
    const sub = qb.subQuery().select('tt.id').from(TaskTeam, 'tt');
    applyStringFilter(sub, 'tt.code', filter.team);
    qb.andWhere(`n.team_id IN ${sub.getQuery()}`, sub.getParameters());
  }
  applyEnumFilter(qb, 'n.method', filter?.method);
  applyEnumFilter(qb, 'n.stage', filter?.stage);
  applyIdFilter(qb, 'n.target_business_id', filter?.businessId);
  applyIdFilter(qb, 'n.target_site_id', filter?.siteId);
  applyStringFilter(qb, 'n.code', filter?.code);
  applyDateRange(qb, 'n.started_at', { from: period.from, to: period.to }, 'timestamptz');
  qb.select([
    'n.id AS id',
    'n.district_code AS district_code',
    'n.team_id AS team_id',
    'NULL::uuid AS department_id',
    'n.stage AS stage',
    'n.method AS method',
    `(n.started_at AT TIME ZONE 'Asia/Shanghai')::date AS day`,
    'n.target_business_id AS target_business_id',
    'n.target_site_id AS target_site_id',
    'cardinality(n.inspectors) AS officers',
    // Written-off false reports are not hazards found, as in remediationStatistics.found.
    `(SELECT count(*) FROM remediation_item r WHERE r.inspection_id = n.id AND r.status <> 'INVALIDATED') AS hazards`,
    `(SELECT count(*) FROM remediation_item r WHERE r.inspection_id = n.id AND r.status = 'INVALIDATED') AS invalidated`,
  ]);
  const [fSql, fParams] = qb.getQueryAndParameters();
  const g = grouping(cols);
  const rows: Record<string, unknown>[] = await ctx.em.query(
    `WITH x AS (${fSql})
     SELECT ${g.select},
       count(*)::int AS inspections,
       count(DISTINCT x.target_business_id)::int AS businesses,
       count(DISTINCT x.target_site_id)::int AS sites,
       coalesce(sum(x.officers), 0)::int AS officers,
       coalesce(sum(x.hazards), 0)::int AS hazards,
       coalesce(sum(x.invalidated), 0)::int AS invalidated
     FROM x ${LABEL_JOINS}
     ${g.groupBy} ${g.order}`,
    fParams,
  );
  return rows.map((r) =>
    Object.assign(key(r, new InspectionStatisticsRow()), {
      method: r.method ?? null,
      inspections: Number(r.inspections),
      businessesInspected: Number(r.businesses),
      sitesInspected: Number(r.sites),
      officerVisits: Number(r.officers),
      hazardsFound: Number(r.hazards),
      hazardsInvalidated: Number(r.invalidated),
      hazardsPerInspection: ratio(Number(r.hazards), Number(r.inspections)),
    }),
  );
}

// ===================== enforcement =====================

/** Cases filed in the period give counts, money and seizures; cases closed in the period give casesClosed. */
export function enforcementStatistics(ctx: Context, filter: RemediationItemFilter | undefined, groupBy: D[], period: ResolvedPeriod): Promise<EnforcementStatisticsRow[]> {
  return cached(ctx, 'enforcementStatistics', [filter, groupBy, period], () => computeEnforcementStatistics(ctx, filter, groupBy, period));
}

async function computeEnforcementStatistics(ctx: Context, filter: RemediationItemFilter | undefined, groupBy: D[], period: ResolvedPeriod): Promise<EnforcementStatisticsRow[]> {
  const cols = dimensions(groupBy, [D.DISTRICT, D.TEAM, D.STAGE, D.DEPARTMENT, D.DAY, D.WEEK, D.MONTH], COMMON_DIMS);
  const qb = ctx.em.getRepository(RemediationItem).createQueryBuilder('i').innerJoin('enforcement_case', 'c', 'c.item_id = i.id');
  applyItemFilter(qb, 'i', filter, period.asOf);
  qb.andWhere('(c.filed_on BETWEEN CAST(:eFrom AS date) AND CAST(:eTo AS date) OR c.closed_on BETWEEN CAST(:eFrom AS date) AND CAST(:eTo AS date))', {
    eFrom: period.from,
    eTo: period.to,
  });
  qb.select([
    'c.id AS id',
    'i.district_code AS district_code',
    'i.team_id AS team_id',
    'c.department_id AS department_id',
    'i.stage AS stage',
    'c.filed_on AS filed_on',
    'c.closed_on AS closed_on',
    'c.fine_amount AS fine_amount',
    'c.confiscated_amount AS confiscated_amount',
    'c.seized_vehicles AS seized_vehicles',
    'c.seized_batteries AS seized_batteries',
    'c.seized_parts AS seized_parts',
    'c.transferred_to_police AS transferred_to_police',
  ]);
  const [fSql, fParams] = qb.getQueryAndParameters();
  const p = params(fParams);
  const from = p.add(period.from);
  const to = p.add(period.to);
  const g = grouping(cols);
  const rows: Record<string, unknown>[] = await ctx.em.query(
    `WITH f AS (${fSql}),
     ev AS (
       SELECT f.*, TRUE AS is_filed, f.filed_on AS day FROM f WHERE f.filed_on BETWEEN ${from}::date AND ${to}::date
       UNION ALL
       SELECT f.*, FALSE AS is_filed, f.closed_on AS day FROM f WHERE f.closed_on BETWEEN ${from}::date AND ${to}::date)
     SELECT ${g.select},
       count(*) FILTER (WHERE x.is_filed)::int AS filed,
       count(*) FILTER (WHERE NOT x.is_filed)::int AS closed,
       coalesce(sum(x.fine_amount) FILTER (WHERE x.is_filed), 0)::numeric(16,2)::text AS fines,
       coalesce(sum(x.confiscated_amount) FILTER (WHERE x.is_filed), 0)::numeric(16,2)::text AS confiscations,
       coalesce(sum(x.fine_amount + x.confiscated_amount) FILTER (WHERE x.is_filed), 0)::numeric(16,2)::text AS total,
       coalesce(sum(x.seized_vehicles) FILTER (WHERE x.is_filed), 0)::int AS vehicles,
       coalesce(sum(x.seized_batteries) FILTER (WHERE x.is_filed), 0)::int AS batteries,
       coalesce(sum(x.seized_parts) FILTER (WHERE x.is_filed), 0)::int AS parts,
       count(*) FILTER (WHERE x.is_filed AND x.transferred_to_police)::int AS police
     FROM ev x ${LABEL_JOINS}
     ${g.groupBy} ${g.order}`,
    p.list,
  );
  return rows.map((r) =>
    Object.assign(key(r, new EnforcementStatisticsRow()), {
      casesFiled: Number(r.filed),
      casesClosed: Number(r.closed),
      fines: String(r.fines),
      confiscations: String(r.confiscations),
      finesAndConfiscations: String(r.total),
      seizedVehicles: Number(r.vehicles),
      seizedBatteries: Number(r.batteries),
      seizedParts: Number(r.parts),
      transferredToPolice: Number(r.police),
    }),
  );
}

// ===================== bulletin =====================

/**
 * Escalations of the period (the daily run's rows, by the day they were written) and the stored
 * daily snapshots (每日统计快照): the figures of the period's last day as they were stored, and
 * the period's day figures summed, so that a published bulletin's stock figures can be read back
 * exactly however the items change afterwards. One statement.
 */
async function bulletinDailyFigures(ctx: Context, from: string, to: string): Promise<{ escalations: number; letters: number; stored: BulletinStoredFigures | null }> {
  const [r]: Record<string, number | null>[] = await ctx.em.query(
    `SELECT (SELECT count(*) FROM escalation WHERE day BETWEEN $1::date AND $2::date AND action = 'ESCALATE')::int AS escalations,
            (SELECT count(*) FROM escalation WHERE day BETWEEN $1::date AND $2::date AND action = 'SUPERVISION_LETTER')::int AS letters,
            (SELECT count(DISTINCT day) FROM daily_snapshot WHERE day BETWEEN $1::date AND $2::date)::int AS days_stored,
            p.found_in_period, p.closed_in_period, p.letters_in_period, l.*
       FROM (SELECT sum(found_on_day)::int AS found_in_period, sum(closed_on_day)::int AS closed_in_period, sum(letters_on_day)::int AS letters_in_period
               FROM daily_snapshot WHERE day BETWEEN $1::date AND $2::date) p,
            (SELECT count(*)::int AS last_rows, sum(found_total)::int AS found_total, sum(closed_total)::int AS closed_total, sum(open)::int AS open,
                    sum(overdue)::int AS overdue, sum(listed)::int AS listed, sum(escalated)::int AS escalated
               FROM daily_snapshot WHERE day = $2::date) l`,
    [from, to],
  );
  const stored = r.last_rows
    ? Object.assign(new BulletinStoredFigures(), {
        asOf: to,
        daysStored: r.days_stored ?? 0,
        foundTotal: r.found_total ?? 0,
        closedTotal: r.closed_total ?? 0,
        open: r.open ?? 0,
        overdue: r.overdue ?? 0,
        listed: r.listed ?? 0,
        escalated: r.escalated ?? 0,
        foundInPeriod: r.found_in_period ?? 0,
        closedInPeriod: r.closed_in_period ?? 0,
        supervisionLettersInPeriod: r.letters_in_period ?? 0,
      })
    : null;
  return { escalations: r.escalations ?? 0, letters: r.letters ?? 0, stored };
}

/** The standard bulletin (通报): used by the `bulletin` query and by /exports/bulletin.xlsx. */
export async function buildBulletin(ctx: Context, fromDate: string, toDate: string): Promise<Bulletin> {
  if (fromDate > toDate) throw badInput('from is after to', 'from');
  return cached(ctx, 'bulletin', [fromDate, toDate], () => computeBulletin(ctx, fromDate, toDate));
}

async function computeBulletin(ctx: Context, fromDate: string, toDate: string): Promise<Bulletin> {
  const period = resolvePeriod(ctx, { from: fromDate, to: toDate });
  const previous = previousPeriod(period, today(ctx));
  // Independent statements, run side by side (each on its own pooled connection).
  const trendUnit = period.days <= 92 ? D.WEEK : D.MONTH;
  const [cur, prev, teams, insp, enf, prevInsp, prevEnf, districts, majorItems, overdueItems, trend, dep, daily] = await Promise.all([
    remediationStatistics(ctx, undefined, [D.DISTRICT], period),
    remediationStatistics(ctx, undefined, [D.DISTRICT], previous),
    remediationStatistics(ctx, undefined, [D.TEAM], period),
    inspectionStatistics(ctx, undefined, [], period),
    enforcementStatistics(ctx, undefined, [], period),
    inspectionStatistics(ctx, undefined, [], previous),
    enforcementStatistics(ctx, undefined, [], previous),
    listDistricts(ctx),
    ctx.em
      .getRepository(RemediationItem)
      .createQueryBuilder('i')
      .where(`(i.level = 'MAJOR' OR i.is_major_fire_hazard OR i.listed)`)
      .andWhere('i.discovered_on <= CAST(:to AS date)', { to: period.to })
      .andWhere(`i.status <> 'INVALIDATED'`)
      .andWhere('(i.closed_on IS NULL OR i.closed_on >= CAST(:from AS date))', { from: period.from })
      .orderBy('i.discovered_on', 'ASC')
      .addOrderBy('i.id')
      .limit(200)
      .getMany(),
    ctx.em
      .getRepository(RemediationItem)
      .createQueryBuilder('i')
      .where('i.deadline < CAST(:asOf AS date)', { asOf: period.asOf })
      .andWhere(`i.status <> 'INVALIDATED'`)
      .andWhere('(i.rectified_on IS NULL OR i.rectified_on > CAST(:asOf AS date))')
      .andWhere('(i.closed_on IS NULL OR i.closed_on > CAST(:asOf AS date))')
      .orderBy('i.deadline', 'ASC')
      .addOrderBy('i.id')
      .limit(200)
      .getMany(),
    remediationStatistics(ctx, undefined, [trendUnit], period),
    deployment(ctx, period),
    bulletinDailyFigures(ctx, period.from, period.to),
  ]);
  const totals = cur.find((r) => r.isTotal)!;
  const previousTotals = prev.find((r) => r.isTotal)!;
  const empty = (code: string, name: string): RemediationStatisticsRow =>
    Object.assign(new RemediationStatisticsRow(), {
      isTotal: false, districtCode: code, districtName: name, teamCode: null, teamName: null, stage: null, departmentCode: null, departmentName: null,
      periodStart: null, hazardTypeCode: null, hazardTypeName: null, level: null, status: null, found: 0, rectified: 0, closed: 0, open: 0, overdue: 0, newOverdue: 0, overdueBacklog: 0,
      listed: 0, escalated: 0, invalidated: 0, closedInPeriod: 0, failedReviews: 0, rectificationRate: null, onTimeRate: null, avgDaysToClose: null,
    });
  const points = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 10000) / 100);
  const ranking = districts
    .map((d) => {
      const c = cur.find((r) => !r.isTotal && r.districtCode === d.code) ?? empty(d.code, d.name);
      const p = prev.find((r) => !r.isTotal && r.districtCode === d.code) ?? empty(d.code, d.name);
      return Object.assign(new DistrictRanking(), {
        rank: 0, districtCode: d.code, districtName: d.name, current: c, previous: p,
        rateChange: points(c.rectificationRate, p.rectificationRate), overdueChange: c.newOverdue - p.newOverdue,
        overdueBacklogChange: c.overdueBacklog - p.overdueBacklog,
      });
    })
    // DOMAIN §10 ranks by rectification rate and overdue count. Higher rate first (a district with nothing found ranks after
    // those with a rate), then the smaller overdue backlog — what a district still owes, whenever found, so an old backlog
    // is not hidden by a quiet month — then fewer new overdue, then code.
    .sort((a, b) =>
      (b.current.rectificationRate ?? -1) - (a.current.rectificationRate ?? -1) ||
      a.current.overdueBacklog - b.current.overdueBacklog ||
      a.current.newOverdue - b.current.newOverdue ||
      a.districtCode.localeCompare(b.districtCode));
  ranking.forEach((r, i) => (r.rank = i + 1));
  const [majorLines, overdueLines] = await bulletinItems(ctx, [majorItems, overdueItems], districts);

  return Object.assign(new Bulletin(), {
    period: { from: period.from, to: period.to, days: period.days },
    previousPeriod: { from: previous.from, to: previous.to, days: previous.days },
    totals,
    previousTotals,
    foundChange: totals.found - previousTotals.found,
    rateChange: points(totals.rectificationRate, previousTotals.rectificationRate),
    districtRanking: ranking,
    teamProgress: teams.filter((r) => !r.isTotal),
    inspections: insp[0],
    enforcement: enf[0],
    previousInspections: prevInsp[0],
    previousEnforcement: prevEnf[0],
    majorItems: majorLines,
    overdueItems: overdueLines,
    trendUnit,
    trend: trend.filter((r) => !r.isTotal),
    deployment: dep,
    escalationsInPeriod: daily.escalations,
    supervisionLettersInPeriod: daily.letters,
    stored: daily.stored,
  });
}

