/**
 * The benchmark's operations: for each, the GraphQL document a user sends, its variables, and the
 * "floor" — hand-written SQL through pg returning the same data — used for the GraphQL/SQL ratio.
 */
import type { Pool } from 'pg';

export interface Params {
  today: string;
  monthFrom: string;
  yearFrom: string;
  lastMonthFrom: string;
  lastMonthTo: string;
  prevMonthFrom: string;
  prevMonthTo: string;
  partnerDistrict: string;
  partnerType: string;
  chainStart: string;
  itemDistrict: string;
}

export interface Operation {
  key: string;
  title: string;
  kind: 'read' | 'write';
  /** Counted for the GraphQL/SQL ratio target (list queries). */
  list: boolean;
  /** Relation levels below the root fields that need another table (what the statement budget is 2 + of). */
  depth: number;
  depthNote: string;
  query: string;
  variables: (p: Params) => Record<string, unknown>;
  /** Hand-written SQL returning the same data; returns the number of rows fetched. */
  floor: (pool: Pool, p: Params) => Promise<number>;
}

const NOT_OPEN = `('VERIFIED', 'CLOSED', 'INVALIDATED')`;

/**
 * Remediation statistics written by hand (one scan of the items touched in the period): the cohort (items discovered in the period, bucketed by
 * discovery day) and the closings (items closed in the period, bucketed by closing day), grouped
 * with a total row. `dims` picks district, team and/or month.
 */
export function statsSql(dims: ('district' | 'team' | 'month')[]): string {
  const cols: string[] = [];
  if (dims.includes('district')) cols.push('x.district_code', 'd.name');
  if (dims.includes('team')) cols.push('t.code', 't.name_zh');
  if (dims.includes('month')) cols.push(`date_trunc('month', x.day)::date`);
  const group = cols.length ? `GROUP BY GROUPING SETS ((${cols.join(', ')}), ())` : '';
  const select = cols.length ? `${cols.join(', ')}, GROUPING(${cols[0]}) = 1 AS is_total,` : 'TRUE AS is_total,';
  const found = `x.cohort AND x.status <> 'INVALIDATED'`;
  return `
    WITH f AS MATERIALIZED (
      SELECT i.district_code, i.team_id, i.status, i.rectified_on, i.closed_on, i.deadline, i.listed, i.failed_reviews, i.discovered_on
        FROM remediation_item i
       WHERE i.discovered_on BETWEEN $1::date AND $2::date OR i.closed_on BETWEEN $1::date AND $2::date),
    x AS (
      SELECT f.*, TRUE AS cohort, f.discovered_on AS day FROM f WHERE f.discovered_on BETWEEN $1::date AND $2::date
      UNION ALL
      SELECT f.*, FALSE, f.closed_on FROM f WHERE f.closed_on BETWEEN $1::date AND $2::date)
    SELECT ${select}
      count(*) FILTER (WHERE ${found})::int AS found,
      count(*) FILTER (WHERE ${found} AND x.rectified_on <= $2::date)::int AS rectified,
      count(*) FILTER (WHERE ${found} AND x.closed_on <= $2::date)::int AS closed,
      count(*) FILTER (WHERE ${found} AND x.deadline < $3::date AND (x.rectified_on IS NULL OR x.rectified_on > $3::date)
                         AND (x.closed_on IS NULL OR x.closed_on > $3::date))::int AS overdue,
      count(*) FILTER (WHERE ${found} AND x.listed)::int AS listed,
      count(*) FILTER (WHERE x.cohort AND x.status = 'INVALIDATED')::int AS invalidated,
      count(*) FILTER (WHERE NOT x.cohort)::int AS closed_in_period,
      coalesce(sum(x.failed_reviews) FILTER (WHERE ${found}), 0)::int AS failed_reviews,
      count(*) FILTER (WHERE ${found} AND x.closed_on <= $2::date AND (x.deadline IS NULL OR x.closed_on <= x.deadline))::int AS closed_on_time,
      avg(x.closed_on - x.discovered_on) FILTER (WHERE ${found} AND x.closed_on <= $2::date)::float8 AS avg_days
    FROM x ${dims.includes('district') ? 'LEFT JOIN district d ON d.code = x.district_code' : ''}
           ${dims.includes('team') ? 'LEFT JOIN task_team t ON t.id = x.team_id' : ''}
    ${group}`;
}

const asOf = (to: string, today: string) => (to < today ? to : today);
const n = (r: { rowCount: number | null; rows: unknown[] }) => r.rowCount ?? r.rows.length;

export const OPERATIONS: Operation[] = [
  {
    key: 'dashboard',
    title: 'coordinator dashboard',
    kind: 'read',
    list: false,
    depth: 1,
    depthNote: 'stats (flat) + overdue list → business, district (1 level)',
    query: `query Dashboard($from: LocalDate!, $to: LocalDate!) {
  stats: remediationStatistics(groupBy: [DISTRICT], period: { from: $from, to: $to }) {
    isTotal districtCode districtName found rectified closed open overdue listed closedInPeriod rectificationRate onTimeRate
  }
  overdue: remediationItems(first: 10, filter: { overdue: { eq: true } }, orderBy: { field: DEADLINE, direction: ASC }) {
    totalCount
    nodes { id code level status deadline overdueDays district { name } business { name } }
  }
}`,
    variables: (p) => ({ from: p.monthFrom, to: p.today }),
    floor: async (pool, p) => {
      const [a, b, c] = await Promise.all([
        pool.query(statsSql(['district']), [p.monthFrom, p.today, p.today]),
        pool.query(
          `SELECT i.id, i.code, i.level, i.status, i.deadline, $1::date - i.deadline AS overdue_days, d.name AS district, b.name AS business
             FROM remediation_item i JOIN district d ON d.code = i.district_code LEFT JOIN business b ON b.id = i.business_id
            WHERE i.deadline < $1::date AND i.status NOT IN ${NOT_OPEN}
            ORDER BY i.deadline, i.id LIMIT 11`,
          [p.today],
        ),
        pool.query(`SELECT count(*)::int FROM remediation_item i WHERE i.deadline < $1::date AND i.status NOT IN ${NOT_OPEN}`, [p.today]),
      ]);
      return n(a) + n(b) + n(c);
    },
  },
  {
    key: 'partners',
    title: 'partner list, 3 nested levels',
    kind: 'read',
    list: true,
    depth: 3,
    depthNote: 'businesses → certificates/suppliers/district → productModel / supplier nodes → manufacturer / district (3 levels)',
    query: `query Partners($district: String!, $type: BusinessType!) {
  businesses(first: 20, filter: { district: { eq: $district }, type: { eq: $type } }) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name uscc
      district { name }
      certificates { number status productModel { brand model manufacturer { name } } }
      suppliers(first: 5) { nodes { id name district { name } } }
    }
  }
}`,
    variables: (p) => ({ district: p.partnerDistrict, type: p.partnerType }),
    floor: async (pool, p) => {
      const page = await pool.query(
        `SELECT b.id, b.name, b.uscc, d.name AS district FROM business b JOIN district d ON d.code = b.district_code
          WHERE b.district_code = $1 AND b.types @> ARRAY[$2]::business_type[] AND b.status <> 'ARCHIVED'
          ORDER BY b.name, b.id LIMIT 21`,
        [p.partnerDistrict, p.partnerType],
      );
      const ids = page.rows.slice(0, 20).map((r) => r.id as string);
      const [certs, sups] = await Promise.all([
        pool.query(
          `SELECT c.holder_business_id, c.number, c.status, m.brand, m.model, mb.name AS manufacturer
             FROM certificate c LEFT JOIN product_model m ON m.id = c.product_model_id LEFT JOIN business mb ON mb.id = m.manufacturer_business_id
            WHERE c.holder_business_id = ANY($1::uuid[]) AND NOT c.archived ORDER BY c.holder_business_id, c.number`,
          [ids],
        ),
        pool.query(
          `SELECT parent, id, name, district FROM (
             SELECT p.parent, b.id, b.name, d.name AS district, row_number() OVER (PARTITION BY p.parent ORDER BY b.name, b.id) AS rn
               FROM (SELECT DISTINCT r.buyer_business_id AS parent, r.supplier_business_id AS other FROM supply_relation r
                      WHERE r.buyer_business_id = ANY($1::uuid[]) AND r.status = 'ACTIVE') p
               JOIN business b ON b.id = p.other AND b.status <> 'ARCHIVED' JOIN district d ON d.code = b.district_code) x
            WHERE rn <= 6 ORDER BY parent, rn`,
          [ids],
        ),
      ]);
      return n(page) + n(certs) + n(sups);
    },
  },
  {
    key: 'supplyChain',
    title: 'supply-chain trace, depth 4 (first 200 businesses, the default maxNodes)',
    kind: 'read',
    list: true,
    depth: 1,
    depthNote: 'trace (one recursive statement) → nodes.business (1 level)',
    query: `query Trace($id: ID!) {
  supplyChain(from: { businessId: $id }, direction: DOWNSTREAM, maxDepth: 4) {
    nodes { depth business { name } }
    edges { depth }
  }
}`,
    variables: (p) => ({ id: p.chainStart }),
    floor: async (pool, p) => {
      const r = await pool.query(
        `WITH RECURSIVE walk(id, depth) AS (
           SELECT $1::uuid, 0
           UNION
           SELECT r.buyer_business_id, w.depth + 1 FROM walk w JOIN supply_relation r ON r.supplier_business_id = w.id AND r.status = 'ACTIVE'
            WHERE w.depth < 4),
         reached AS (SELECT id, min(depth) AS depth FROM walk GROUP BY id),
         nodes AS MATERIALIZED (SELECT * FROM reached ORDER BY depth, id LIMIT 200)
         SELECT 'node' AS kind, nd.depth, b.name FROM nodes nd JOIN business b ON b.id = nd.id
         UNION ALL
         SELECT 'edge', s.depth + 1, NULL FROM supply_relation r JOIN nodes s ON s.id = r.supplier_business_id AND s.depth < 4
           JOIN nodes t ON t.id = r.buyer_business_id WHERE r.status = 'ACTIVE'`,
        [p.chainStart],
      );
      return n(r);
    },
  },
  {
    key: 'items',
    title: 'remediationItems district+overdue',
    kind: 'read',
    list: true,
    depth: 1,
    depthNote: 'items → business, hazardType (1 level)',
    query: `query Items($district: String!) {
  remediationItems(first: 20, filter: { district: { eq: $district }, overdue: { eq: true } }) {
    pageInfo { hasNextPage endCursor }
    nodes { id code level status deadline discoveredAt overdueDays business { name } hazardType { code nameZh } }
  }
}`,
    variables: (p) => ({ district: p.itemDistrict }),
    floor: async (pool, p) => {
      const r = await pool.query(
        `SELECT i.id, i.code, i.level, i.status, i.deadline, i.discovered_at, $2::date - i.deadline AS overdue_days, b.name AS business, h.code AS hcode, h.name_zh
           FROM remediation_item i LEFT JOIN business b ON b.id = i.business_id JOIN hazard_type h ON h.code = i.hazard_type_code
          WHERE i.district_code = $1 AND i.deadline < $2::date AND i.status NOT IN ${NOT_OPEN}
          ORDER BY i.discovered_at DESC, i.id DESC LIMIT 21`,
        [p.itemDistrict, p.today],
      );
      return n(r);
    },
  },
  {
    key: 'transition',
    title: 'transitionRemediationItem COMMENT',
    kind: 'write',
    list: false,
    depth: 0,
    depthNote: 'mutation, payload scalars only (0 levels)',
    query: `mutation Comment($input: TransitionInput!) {
  transitionRemediationItem(input: $input) { userErrors { field code message } remediationItem { id version status } }
}`,
    variables: () => ({}), // built per request from the item pool
    floor: async () => 0, // replaced by the runner (needs its own item pool)
  },
  {
    key: 'stats12',
    title: 'statistics DISTRICT×MONTH, 12 months',
    kind: 'read',
    list: false,
    depth: 0,
    depthNote: 'flat rows (0 levels)',
    query: `query Stats($from: LocalDate!, $to: LocalDate!) {
  remediationStatistics(groupBy: [DISTRICT, MONTH], period: { from: $from, to: $to }) {
    isTotal districtCode districtName periodStart found rectified closed open overdue listed invalidated closedInPeriod failedReviews
    rectificationRate onTimeRate avgDaysToClose
  }
}`,
    variables: (p) => ({ from: p.yearFrom, to: p.today }),
    floor: async (pool, p) => n(await pool.query(statsSql(['district', 'month']), [p.yearFrom, p.today, p.today])),
  },
  {
    key: 'campaignResults',
    title: 'campaign results, a page of campaigns (专项行动成效)',
    kind: 'read',
    list: true,
    depth: 0,
    depthNote: 'the campaigns page, and every campaign’s results (goals included) in one batched statement (0 relation levels)',
    query: `query CampaignResults {
  campaigns(first: 20) {
    nodes {
      code name kind phase startsOn endsOn
      results {
        inspections businessesInspected targetPopulation businessesCovered coverageRate hazardsFound hazardsClosed rectificationRate
        casesFiled fines finesAndConfiscations jointOperations groupsDispatched officerVisits warnings
        goals { achieved population rate met overdue goal { metric target dueOn } }
      }
    }
  }
}`,
    variables: () => ({}),
    floor: async (pool) => {
      // The page, then the figures of its campaigns in one statement (goals left out: the floor counts the headline figures).
      const page = await pool.query(`SELECT id, code, name, kind, phase, starts_on, ends_on, goals FROM campaign ORDER BY starts_on DESC, id DESC LIMIT 21`);
      const ids = page.rows.slice(0, 20).map((r: { id: string }) => r.id);
      const r = await pool.query(
        `SELECT c.id,
           (SELECT count(*) FROM inspection n WHERE n.campaign_id = c.id),
           (SELECT count(DISTINCT n.target_business_id) FROM inspection n WHERE n.campaign_id = c.id),
           (SELECT count(*) FROM business b WHERE b.status <> 'ARCHIVED' AND (cardinality(c.district_codes) = 0 OR b.district_code = ANY(c.district_codes))
              AND (cardinality(c.business_types) = 0 OR b.types && c.business_types) AND (cardinality(c.stages) = 0 OR b.stages && c.stages)),
           (SELECT count(*) FILTER (WHERE i.status <> 'INVALIDATED') FROM remediation_item i WHERE i.campaign_id = c.id),
           (SELECT count(*) FILTER (WHERE i.status <> 'INVALIDATED' AND i.closed_on IS NOT NULL) FROM remediation_item i WHERE i.campaign_id = c.id),
           (SELECT count(*) || ':' || coalesce(sum(e.fine_amount), 0) FROM enforcement_case e JOIN remediation_item i ON i.id = e.item_id WHERE i.campaign_id = c.id AND i.status <> 'INVALIDATED'),
           (SELECT count(*) || ':' || coalesce(sum(j.groups_dispatched), 0) || ':' || coalesce(sum(j.officer_count), 0) FROM joint_operation j WHERE j.campaign_id = c.id),
           (SELECT count(*) FROM warning w WHERE w.campaign_id = c.id)
         FROM campaign c WHERE c.id = ANY($1::uuid[])`,
        [ids],
      );
      return n(page) + n(r);
    },
  },
  {
    key: 'bulletin',
    title: 'bulletin, last full month',
    kind: 'read',
    list: false,
    depth: 0,
    depthNote: 'one root object; nested objects are computed, no relation loads (0 levels)',
    query: `query Bulletin($from: LocalDate!, $to: LocalDate!) {
  bulletin(from: $from, to: $to) {
    period { from to days } previousPeriod { from to days }
    totals { found rectified closed open overdue listed invalidated closedInPeriod rectificationRate onTimeRate avgDaysToClose }
    previousTotals { found closed overdue rectificationRate }
    foundChange rateChange
    districtRanking { rank districtCode districtName current { found closed overdue rectificationRate } previous { found closed overdue rectificationRate } rateChange overdueChange }
    teamProgress { teamCode teamName found rectified closed overdue listed rectificationRate }
    inspections { inspections businessesInspected sitesInspected officerVisits hazardsFound hazardsPerInspection }
    enforcement { casesFiled casesClosed fines confiscations finesAndConfiscations seizedVehicles }
    majorItems { code level status districtCode discoveredOn deadline listed }
    overdueItems { code level status districtCode discoveredOn deadline listed }
  }
}`,
    variables: (p) => ({ from: p.lastMonthFrom, to: p.lastMonthTo }),
    floor: async (pool, p) => {
      const cur = asOf(p.lastMonthTo, p.today);
      const prevAsOf = asOf(p.prevMonthTo, p.today);
      const rs = await Promise.all([
        pool.query(statsSql(['district']), [p.lastMonthFrom, p.lastMonthTo, cur]),
        pool.query(statsSql(['district']), [p.prevMonthFrom, p.prevMonthTo, prevAsOf]),
        pool.query(statsSql(['team']), [p.lastMonthFrom, p.lastMonthTo, cur]),
        pool.query(
          `SELECT count(*)::int AS inspections, count(DISTINCT n.target_business_id)::int, count(DISTINCT n.target_site_id)::int,
                  coalesce(sum(cardinality(n.inspectors)), 0)::int,
                  coalesce(sum((SELECT count(*) FROM remediation_item r WHERE r.inspection_id = n.id)), 0)::int
             FROM inspection n
            WHERE n.started_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND n.started_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
          [p.lastMonthFrom, p.lastMonthTo],
        ),
        pool.query(
          `SELECT count(*) FILTER (WHERE c.filed_on BETWEEN $1 AND $2)::int, count(*) FILTER (WHERE c.closed_on BETWEEN $1 AND $2)::int,
                  coalesce(sum(c.fine_amount) FILTER (WHERE c.filed_on BETWEEN $1 AND $2), 0)::text,
                  coalesce(sum(c.confiscated_amount) FILTER (WHERE c.filed_on BETWEEN $1 AND $2), 0)::text,
                  coalesce(sum(c.seized_vehicles) FILTER (WHERE c.filed_on BETWEEN $1 AND $2), 0)::int
             FROM enforcement_case c WHERE c.filed_on BETWEEN $1 AND $2 OR c.closed_on BETWEEN $1 AND $2`,
          [p.lastMonthFrom, p.lastMonthTo],
        ),
        pool.query(
          `SELECT id, code, level, status, district_code, discovered_on, deadline, listed FROM remediation_item i
            WHERE (i.level = 'MAJOR' OR i.is_major_fire_hazard OR i.listed) AND i.discovered_on <= $2::date AND i.status <> 'INVALIDATED'
              AND (i.closed_on IS NULL OR i.closed_on >= $1::date)
            ORDER BY i.discovered_on, i.id LIMIT 200`,
          [p.lastMonthFrom, p.lastMonthTo],
        ),
        pool.query(
          `SELECT id, code, level, status, district_code, discovered_on, deadline, listed FROM remediation_item i
            WHERE i.deadline < $1::date AND i.status <> 'INVALIDATED' AND (i.rectified_on IS NULL OR i.rectified_on > $1::date)
              AND (i.closed_on IS NULL OR i.closed_on > $1::date)
            ORDER BY i.deadline, i.id LIMIT 200`,
          [cur],
        ),
      ]);
      return rs.reduce((s, r) => s + n(r), 0);
    },
  },
];
