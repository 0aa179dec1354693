import type { Context } from '../../common/context';
import { today } from '../remediation/remediation.service';
import { enforcementStatistics, inspectionStatistics, remediationStatistics, resolvePeriod, type ResolvedPeriod } from '../reports/reports.service';
import { Campaign, type CampaignGoal } from './campaigns.entities';
import { CampaignGoalMetric } from './campaigns.enums';
import { Deployment } from '../reports/reports.types';
import { CampaignGoalProgress, CampaignResults, Dispatch, DispatchCampaignLine, DispatchTeamLine } from './campaigns.types';

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);

/**
 * The population filter of a campaign or of one of its goals, as SQL over business `b`: active,
 * and of the types, stages and districts given (an empty list does not restrict).
 */
const POPULATION = (types: string, stages: string, districts: string) => `b.status <> 'ARCHIVED'
  AND (cardinality(${districts}) = 0 OR b.district_code = ANY(${districts}))
  AND (cardinality(${types}) = 0 OR b.types::text[] && ${types})
  AND (cardinality(${stages}) = 0 OR b.stages::text[] && ${stages})`;

/**
 * The site population of a campaign or of a site goal, as SQL over site `s`: in use (not archived,
 * as businesses), of the site types given (an empty list: no site population) and in the districts
 * given (an empty list does not restrict).
 */
const SITE_POPULATION = (types: string, districts: string) => `s.status <> 'ARCHIVED'
  AND s.site_type = ANY(${types}::site_type[])
  AND (cardinality(${districts}) = 0 OR s.district_code = ANY(${districts}))`;

/**
 * Results of campaigns, all of them in ONE statement (a DataLoader batch): with the bulletin's
 * definitions (reports.service.ts) — hazards found exclude written-off false reports (INVALIDATED),
 * closed means a closing date, cases and fines are the cases filed over those hazards — counted over
 * everything linked to the campaign to date. Goals are counted up to their own due dates.
 */
export async function campaignResults(ctx: Context, ids: readonly string[]): Promise<CampaignResults[]> {
  const rows: Record<string, any>[] = await ctx.em.query(
    `WITH c AS (SELECT id, stages::text[] AS stages, business_types::text[] AS types, district_codes::text[] AS districts, site_types::text[] AS site_types, goals FROM campaign WHERE id = ANY($1::uuid[])),
     insp AS (SELECT n.campaign_id, n.id, n.target_business_id, n.target_site_id, (n.started_at AT TIME ZONE 'Asia/Shanghai')::date AS day
              FROM inspection n WHERE n.campaign_id = ANY($1::uuid[])),
     it AS (SELECT i.campaign_id, i.id, i.district_code, i.closed_on FROM remediation_item i WHERE i.campaign_id = ANY($1::uuid[]) AND i.status <> 'INVALIDATED'),
     cs AS (SELECT it.campaign_id, e.closed_on, e.fine_amount, e.confiscated_amount FROM it JOIN enforcement_case e ON e.item_id = it.id),
     g AS (SELECT c.id AS campaign_id, g.n, g.goal->>'metric' AS metric, (g.goal->>'dueOn')::date AS due_on, c.stages,
                  CASE WHEN jsonb_array_length(g.goal->'districtCodes') > 0 THEN ARRAY(SELECT jsonb_array_elements_text(g.goal->'districtCodes')) ELSE c.districts END AS districts,
                  CASE WHEN jsonb_array_length(g.goal->'businessTypes') > 0 THEN ARRAY(SELECT jsonb_array_elements_text(g.goal->'businessTypes')) ELSE c.types END AS types,
                  CASE WHEN jsonb_array_length(coalesce(g.goal->'siteTypes', '[]')) > 0 THEN ARRAY(SELECT jsonb_array_elements_text(g.goal->'siteTypes')) ELSE c.site_types END AS site_types
           -- LIMIT: at most 20 goals a campaign (the input rule); without it the planner assumes 100 per
           -- campaign, and the inflated cost of the goals' subqueries switches JIT on (~1 s of compiling).
           FROM c CROSS JOIN LATERAL (SELECT * FROM jsonb_array_elements(c.goals) WITH ORDINALITY e(goal, n) LIMIT 20) g),
     gv AS (SELECT g.campaign_id, g.n,
              CASE g.metric WHEN '${CampaignGoalMetric.INSPECTION_COVERAGE}'
                THEN (SELECT count(*) FROM business b WHERE ${POPULATION('g.types', 'g.stages', 'g.districts')})
                WHEN '${CampaignGoalMetric.SITE_INSPECTION_COVERAGE}'
                THEN (SELECT count(*) FROM site s WHERE ${SITE_POPULATION('g.site_types', 'g.districts')})
                ELSE (SELECT count(*) FROM it WHERE it.campaign_id = g.campaign_id AND (cardinality(g.districts) = 0 OR it.district_code = ANY(g.districts))) END AS population,
              CASE g.metric WHEN '${CampaignGoalMetric.INSPECTION_COVERAGE}'
                THEN (SELECT count(DISTINCT insp.target_business_id) FROM insp JOIN business b ON b.id = insp.target_business_id
                       WHERE insp.campaign_id = g.campaign_id AND insp.day <= g.due_on AND ${POPULATION('g.types', 'g.stages', 'g.districts')})
                WHEN '${CampaignGoalMetric.SITE_INSPECTION_COVERAGE}'
                THEN (SELECT count(DISTINCT insp.target_site_id) FROM insp JOIN site s ON s.id = insp.target_site_id
                       WHERE insp.campaign_id = g.campaign_id AND insp.day <= g.due_on AND ${SITE_POPULATION('g.site_types', 'g.districts')})
                ELSE (SELECT count(*) FROM it WHERE it.campaign_id = g.campaign_id AND (cardinality(g.districts) = 0 OR it.district_code = ANY(g.districts)) AND it.closed_on <= g.due_on) END AS achieved
            FROM g)
     SELECT c.id,
       (SELECT count(*) FROM insp WHERE insp.campaign_id = c.id)::int AS inspections,
       (SELECT count(DISTINCT target_business_id) FROM insp WHERE insp.campaign_id = c.id)::int AS businesses,
       (SELECT count(DISTINCT target_site_id) FROM insp WHERE insp.campaign_id = c.id)::int AS sites,
       (SELECT count(*) FROM business b WHERE ${POPULATION('c.types', 'c.stages', 'c.districts')})::int AS population,
       -- Covered: from the campaign's inspections to their businesses (by key), not from the population to the inspections.
       (SELECT count(DISTINCT insp.target_business_id) FROM insp JOIN business b ON b.id = insp.target_business_id
         WHERE insp.campaign_id = c.id AND ${POPULATION('c.types', 'c.stages', 'c.districts')})::int AS covered,
       (SELECT count(*) FROM site s WHERE ${SITE_POPULATION('c.site_types', 'c.districts')})::int AS target_sites,
       (SELECT count(DISTINCT insp.target_site_id) FROM insp JOIN site s ON s.id = insp.target_site_id
         WHERE insp.campaign_id = c.id AND ${SITE_POPULATION('c.site_types', 'c.districts')})::int AS sites_covered,
       (SELECT count(*) FROM it WHERE it.campaign_id = c.id)::int AS found,
       (SELECT count(*) FROM it WHERE it.campaign_id = c.id AND it.closed_on IS NOT NULL)::int AS closed,
       (SELECT count(*) FROM cs WHERE cs.campaign_id = c.id)::int AS cases_filed,
       (SELECT count(*) FROM cs WHERE cs.campaign_id = c.id AND cs.closed_on IS NOT NULL)::int AS cases_closed,
       (SELECT coalesce(sum(fine_amount), 0)::numeric(16,2)::text FROM cs WHERE cs.campaign_id = c.id) AS fines,
       (SELECT coalesce(sum(fine_amount + confiscated_amount), 0)::numeric(16,2)::text FROM cs WHERE cs.campaign_id = c.id) AS fines_total,
       (SELECT count(*) FROM joint_operation j WHERE j.campaign_id = c.id)::int AS operations,
       (SELECT coalesce(sum(groups_dispatched), 0) FROM joint_operation j WHERE j.campaign_id = c.id)::int AS groups,
       (SELECT coalesce(sum(officer_count), 0) FROM joint_operation j WHERE j.campaign_id = c.id)::int AS officers,
       (SELECT count(*) FROM warning w WHERE w.campaign_id = c.id)::int AS warnings,
       (SELECT coalesce(json_agg(json_build_object('population', gv.population, 'achieved', gv.achieved) ORDER BY gv.n), '[]'::json) FROM gv WHERE gv.campaign_id = c.id) AS goal_values,
       c.goals
     FROM c`,
    [ids],
  );
  const todayDate = today(ctx);
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) return Object.assign(new CampaignResults(), { inspections: 0, businessesInspected: 0, sitesInspected: 0, targetPopulation: 0, businessesCovered: 0, coverageRate: null, targetSites: 0, sitesCovered: 0, siteCoverageRate: null, hazardsFound: 0, hazardsClosed: 0, rectificationRate: null, casesFiled: 0, casesClosed: 0, fines: '0.00', finesAndConfiscations: '0.00', jointOperations: 0, groupsDispatched: 0, officerVisits: 0, warnings: 0, goals: [] });
    const goals = (r.goals as CampaignGoal[]).map((goal, i) => {
      const v = (r.goal_values as { population: number; achieved: number }[])[i];
      const rate = ratio(Number(v.achieved), Number(v.population));
      const met = rate !== null && rate >= goal.target;
      return Object.assign(new CampaignGoalProgress(), { goal, achieved: Number(v.achieved), population: Number(v.population), rate, met, overdue: !met && goal.dueOn < todayDate });
    });
    return Object.assign(new CampaignResults(), {
      inspections: r.inspections,
      businessesInspected: r.businesses,
      sitesInspected: r.sites,
      targetPopulation: r.population,
      businessesCovered: r.covered,
      coverageRate: ratio(r.covered, r.population),
      targetSites: r.target_sites,
      sitesCovered: r.sites_covered,
      siteCoverageRate: ratio(r.sites_covered, r.target_sites),
      hazardsFound: r.found,
      hazardsClosed: r.closed,
      rectificationRate: ratio(r.closed, r.found),
      casesFiled: r.cases_filed,
      casesClosed: r.cases_closed,
      fines: r.fines,
      finesAndConfiscations: r.fines_total,
      jointOperations: r.operations,
      groupsDispatched: r.groups,
      officerVisits: r.officers,
      warnings: r.warnings,
      goals,
    });
  });
}

/** The per-request batch of campaignResults: every campaign of a page in the one statement. */
export function campaignResultsLoader(ctx: Context) {
  return ctx.loaders.get<string, CampaignResults>('Campaign.results', (keys) => campaignResults(ctx, keys));
}

/** 出动检查组 / 出动人次 of the bulletin: joint operations held in the period. */
export async function deployment(ctx: Context, period: { from: string; to: string }): Promise<Deployment> {
  const [r] = await ctx.em.query(
    `SELECT count(*)::int AS operations, coalesce(sum(groups_dispatched), 0)::int AS groups, coalesce(sum(officer_count), 0)::int AS officers
     FROM joint_operation WHERE held_on BETWEEN $1::date AND $2::date`,
    [period.from, period.to],
  );
  return Object.assign(new Deployment(), { jointOperations: r.operations, groupsDispatched: r.groups, officerVisits: r.officers });
}

/** Tasks per team, warnings and exposures of the period in one statement. */
async function dispatchCounts(ctx: Context, p: ResolvedPeriod) {
  const [r] = await ctx.em.query(
    `SELECT
       (SELECT coalesce(json_agg(x ORDER BY x.sort_order), '[]'::json) FROM (
          SELECT t.code, t.name_zh, t.sort_order,
            count(k.id) FILTER (WHERE k.state <> 'CANCELLED')::int AS tasks,
            count(k.id) FILTER (WHERE k.done_on BETWEEN $1::date AND $2::date)::int AS done_in_period,
            count(k.id) FILTER (WHERE k.state <> 'CANCELLED' AND k.due_on BETWEEN $1::date AND $2::date)::int AS due_in_period,
            count(k.id) FILTER (WHERE k.due_on BETWEEN $1::date AND $2::date AND k.done_on <= k.due_on)::int AS due_done_on_time,
            count(k.id) FILTER (WHERE k.state <> 'CANCELLED' AND k.due_on < $3::date AND (k.done_on IS NULL OR k.done_on > $3::date))::int AS overdue,
            count(k.id) FILTER (WHERE k.done_on <= $3::date)::int AS done_total
          FROM task_team t LEFT JOIN task k ON k.team_id = t.id
          GROUP BY t.id) x) AS teams,
       (SELECT count(*) FROM warning w WHERE w.issued_on BETWEEN $1::date AND $2::date)::int AS warnings,
       (SELECT count(*) FROM warning w WHERE w.issued_on BETWEEN $1::date AND $2::date AND w.business_id IS NOT NULL)::int AS warnings_business,
       (SELECT count(*) FROM enforcement_case e WHERE e.exposed_on BETWEEN $1::date AND $2::date)::int AS exposed`,
    [p.from, p.to, p.asOf],
  );
  return r as { teams: Record<string, any>[]; warnings: number; warnings_business: number; exposed: number };
}

/** The weekly dispatch (调度): what the office sends up for the period. */
export async function buildDispatch(ctx: Context, from: string, to: string): Promise<Dispatch> {
  const period = resolvePeriod(ctx, { from, to });
  const [counts, campaigns, rem, insp, enf, dep] = await Promise.all([
    dispatchCounts(ctx, period),
    ctx.em
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .where('c.starts_on <= CAST(:to AS date) AND c.ends_on >= CAST(:from AS date)', { from: period.from, to: period.to })
      .orderBy('c.starts_on', 'ASC')
      .addOrderBy('c.code', 'ASC')
      // Every campaign of the period, none left out: a week overlaps a handful, and a reader of the
      // dispatch takes the list for the whole of it.
      .getMany(),
    remediationStatistics(ctx, undefined, [], period),
    inspectionStatistics(ctx, undefined, [], period),
    enforcementStatistics(ctx, undefined, [], period),
    deployment(ctx, period),
  ]);
  const results = campaigns.length ? await campaignResults(ctx, campaigns.map((c) => c.id)) : [];
  return Object.assign(new Dispatch(), {
    period: { from: period.from, to: period.to, days: period.days },
    asOf: period.asOf,
    teams: counts.teams.map((t) =>
      Object.assign(new DispatchTeamLine(), {
        teamCode: t.code,
        teamName: t.name_zh,
        tasks: t.tasks,
        doneInPeriod: t.done_in_period,
        dueInPeriod: t.due_in_period,
        dueDoneOnTime: t.due_done_on_time,
        overdue: t.overdue,
        doneTotal: t.done_total,
      }),
    ),
    campaigns: campaigns.map((c, i) =>
      Object.assign(new DispatchCampaignLine(), { id: c.id, code: c.code, name: c.name, kind: c.kind, phase: c.phase, startsOn: c.startsOn, endsOn: c.endsOn, results: results[i] }),
    ),
    warningsIssued: counts.warnings,
    warningsToBusinesses: counts.warnings_business,
    warningsToDistricts: counts.warnings - counts.warnings_business,
    casesExposed: counts.exposed,
    remediation: rem.find((r) => r.isTotal)!,
    inspections: insp[0],
    enforcement: enf[0],
    deployment: dep,
  });
}
