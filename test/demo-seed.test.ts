import { Client } from 'pg';
import { BusinessType, CertStatus, CHARGING_SITE_TYPES, SiteType } from '../src/modules/registry/registry.enums';
import { CCC_NUMBER, checkUscc } from '../src/modules/registry/registry.identifiers';
import { DISTRICTS } from '../src/modules/reference/reference.data';
import { InspectionMethod } from '../src/modules/inspection/inspection.enums';
import { HazardStatus } from '../src/modules/remediation/remediation.enums';
import { DemoRefusedError, seedDemo, type SeedResult } from '../src/modules/demo/demo.load';
import { Rng } from '../src/modules/demo/demo.random';
import { cloneTemplate, workerDatabaseName } from './support/db';

const TODAY = '2025-06-15';
const TABLES = [
  'business', 'site', 'product_model', 'certificate', 'certificate_status_change', 'supply_relation', 'inspection', 'inspection_checklist_result',
  'remediation_item', 'remediation_event', 'extension_request', 'listing', 'enforcement_case', 'evidence', 'code_counter',
];

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** md5 of every row of a table, in a stable order. */
async function checksums(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    await c.query(`SET TIME ZONE 'UTC'`);
    const out: Record<string, string> = {};
    for (const t of TABLES) {
      const { rows } = await c.query(`SELECT md5(coalesce(string_agg(x, E'\\n' ORDER BY x), '')) AS h, count(*)::int AS n FROM (SELECT to_jsonb(t)::text AS x FROM "${t}" t) s`);
      out[t] = `${rows[0].n}:${rows[0].h}`;
    }
    return out;
  });
}

const one = async (c: Client, sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows[0];
const col = async (c: Client, sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows.map((r) => Object.values(r)[0]);

describe('demo seed (npm run seed:demo)', () => {
  let urlA: string;
  let urlB: string;
  let resA: SeedResult;

  beforeAll(async () => {
    urlA = await cloneTemplate(workerDatabaseName('_demo_a'));
    urlB = await cloneTemplate(workerDatabaseName('_demo_b'));
    resA = await seedDemo(urlA, { scale: 'small', seed: 42, today: TODAY, force: false });
    // The second run takes the plain path (FK triggers on, tables in order) and must match byte for byte.
    await seedDemo(urlB, { scale: 'small', seed: 42, today: TODAY, force: false, fastLoad: false });
  }, 180_000);

  it('the PRNG is deterministic and makes v4 UUIDs', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const xs = Array.from({ length: 5 }, () => a.uuid());
    expect(Array.from({ length: 5 }, () => b.uuid())).toEqual(xs);
    for (const u of xs) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Rng(8).uuid()).not.toEqual(xs[0]);
  });

  it('forked streams do not repeat at province scale (one fork per item: 2,000,000)', () => {
    // With a 32-bit sub-seed per fork, the province scale's 2,000,000 item forks repeated 104 UUIDs
    // and the load failed on a duplicate remediation_item primary key; items 96,499 and 944,172 were
    // one such pair (same sub-seed 3978208375). Forks now derive a 128-bit state.
    const root = new Rng(20250101).fork('item-skeletons');
    expect(root.fork(96_499).uuid()).not.toBe(root.fork(944_172).uuid());
    const seen = new Set<string>();
    for (let j = 0; j < 200_000; j++) seen.add(root.fork(j).uuid());
    expect(seen.size).toBe(200_000);
    expect(root.fork(1).uuid()).toBe(new Rng(20250101).fork('item-skeletons').fork(1).uuid());
  });

  it('is deterministic: the same seed and --today give identical rows in two databases', async () => {
    const [a, b] = [await checksums(urlA), await checksums(urlB)];
    expect(b).toEqual(a);
    expect(resA.stats.tables.remediation_item).toBe(5000);
  });

  it('has every business type in every district, valid USCCs, and workshops without one', async () => {
    await withClient(urlA, async (c) => {
      const pairs = await col(c, `SELECT DISTINCT t::text || '|' || district_code FROM business, unnest(types) t`);
      for (const t of Object.values(BusinessType)) for (const d of DISTRICTS) expect(pairs).toContain(`${t}|${d.code}`);
      const rows = (await c.query(`SELECT uscc, district_code, types::text[] AS types, contact_phone FROM business`)).rows;
      for (const r of rows) {
        const types = Array.isArray(r.types) ? r.types : String(r.types).replace(/[{}]/g, '').split(',');
        if (types.includes('ILLEGAL_WORKSHOP')) {
          expect(r.uscc).toBeNull();
          continue;
        }
        const check = checkUscc(r.uscc);
        expect(check.problem).toBeNull();
        expect(check.warnings).toEqual([]);
        expect(r.uscc.slice(0, 2)).toMatch(/^9[12]$/);
        expect(r.uscc.slice(2, 8)).toBe(r.district_code);
        if (r.contact_phone) expect(r.contact_phone).toMatch(/^1[3-9]\d{9}$/);
      }
      expect(Number((await one(c, `SELECT count(DISTINCT uscc) AS n FROM business`)).n)).toBe(rows.filter((r) => r.uscc).length);
    });
  });

  it('has sites of every type, ports only where charging counts, operators of the right kind', async () => {
    await withClient(urlA, async (c) => {
      expect((await col(c, `SELECT DISTINCT site_type::text FROM site`)).sort()).toEqual(Object.values(SiteType).sort());
      const withPorts = await col(c, `SELECT DISTINCT site_type::text FROM site WHERE charging_ports IS NOT NULL`);
      for (const t of withPorts) expect(CHARGING_SITE_TYPES.has(t as SiteType)).toBe(true);
      const swapOps = await col(c, `SELECT DISTINCT t::text FROM site s JOIN business b ON b.id = s.operator_business_id, unnest(b.types) t WHERE s.site_type = 'SWAP_CABINET_SITE'`);
      expect(swapOps).toContain('SWAP_CABINET_OPERATOR');
    });
  });

  it('has certificates in every status with valid unique CCC numbers, and supply chains without self-relations', async () => {
    await withClient(urlA, async (c) => {
      const numbers = await col(c, `SELECT number FROM certificate`);
      for (const n of numbers) expect(n).toMatch(CCC_NUMBER);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect((await col(c, `SELECT DISTINCT status::text FROM certificate`)).sort()).toEqual(Object.values(CertStatus).sort());
      expect(Number((await one(c, `SELECT count(*) AS n FROM certificate c WHERE status <> 'VALID' AND NOT EXISTS (SELECT 1 FROM certificate_status_change h WHERE h.certificate_id = c.id AND h.to_status = c.status)`)).n)).toBe(0);
      expect(Number((await one(c, `SELECT count(*) AS n FROM product_model WHERE (kind = 'LITHIUM_BATTERY' AND chemistry <> 'LITHIUM_ION') OR (kind = 'LEAD_ACID_BATTERY' AND chemistry <> 'LEAD_ACID') OR (kind = 'CHARGER' AND chemistry IS NOT NULL)`)).n)).toBe(0);
      expect(Number((await one(c, `SELECT count(*) AS n FROM supply_relation WHERE supplier_business_id = buyer_business_id`)).n)).toBe(0);
      // The chain: pack makers → vehicle makers → distributors → shops → repairers → recyclers.
      const links = await col(c, `SELECT DISTINCT st::text || '>' || bt::text FROM supply_relation r JOIN business s ON s.id = r.supplier_business_id JOIN business b ON b.id = r.buyer_business_id, unnest(s.types) st, unnest(b.types) bt`);
      for (const l of ['BATTERY_CELL_MANUFACTURER>BATTERY_PACK_MANUFACTURER', 'BATTERY_PACK_MANUFACTURER>VEHICLE_MANUFACTURER', 'VEHICLE_MANUFACTURER>DISTRIBUTOR', 'DISTRIBUTOR>RETAIL_STORE', 'REPAIR_SHOP>RECYCLER']) {
        expect(links).toContain(l);
      }
    });
  });

  it('has campaigns with joint operations, linked inspections and items, team task lists and warnings', async () => {
    await withClient(urlA, async (c) => {
      const n = async (sql: string) => Number((await one(c, sql)).n);
      expect(await n(`SELECT count(*) AS n FROM campaign`)).toBe(16);
      expect(await n(`SELECT count(*) AS n FROM joint_operation`)).toBeGreaterThan(0);
      expect(await n(`SELECT count(*) AS n FROM inspection WHERE campaign_id IS NOT NULL`)).toBeGreaterThan(0);
      // An item carries its inspection's campaign; an inspection its operation's campaign, day and district.
      expect(await n(`SELECT count(*) AS n FROM remediation_item i JOIN inspection n ON n.id = i.inspection_id WHERE i.campaign_id IS DISTINCT FROM n.campaign_id`)).toBe(0);
      expect(await n(`SELECT count(*) AS n FROM inspection n JOIN joint_operation j ON j.id = n.joint_operation_id
                       WHERE j.campaign_id <> n.campaign_id OR j.held_on <> (n.started_at AT TIME ZONE 'Asia/Shanghai')::date OR NOT n.district_code = ANY(j.district_codes)`)).toBe(0);
      expect(await n(`SELECT count(*) AS n FROM joint_operation WHERE cardinality(department_ids) < 2 OR officer_count < cardinality(officers)`)).toBe(0);
      // Every team has tasks, done ones with evidence; some are overdue (open after their due day).
      expect(await n(`SELECT count(DISTINCT team_id) AS n FROM task`)).toBe(6);
      expect(await n(`SELECT count(*) AS n FROM task WHERE state = 'DONE' AND (evidence IS NULL OR done_on > DATE '${TODAY}')`)).toBe(0);
      expect(await n(`SELECT count(*) AS n FROM task WHERE state IN ('NOT_STARTED', 'IN_PROGRESS') AND due_on < DATE '${TODAY}'`)).toBeGreaterThan(0);
      expect(await n(`SELECT count(*) AS n FROM task_note`)).toBeGreaterThan(0);
      expect(await n(`SELECT count(*) AS n FROM warning WHERE business_id IS NOT NULL`)).toBeGreaterThan(0);
      expect(await n(`SELECT count(*) AS n FROM warning WHERE business_id IS NULL`)).toBeGreaterThan(0);
    });
  });

  it('has inspections by every method, by the team of the stage, with that stage’s checklist', async () => {
    await withClient(urlA, async (c) => {
      expect((await col(c, `SELECT DISTINCT method::text FROM inspection`)).sort()).toEqual(Object.values(InspectionMethod).sort());
      expect(Number((await one(c, `SELECT count(*) AS n FROM inspection WHERE method = 'JOINT_ENFORCEMENT' AND cardinality(inspectors) < 2`)).n)).toBe(0);
      expect(Number((await one(c, `SELECT count(*) AS n FROM inspection i WHERE NOT EXISTS (SELECT 1 FROM task_team_stage s WHERE s.team_id = i.team_id AND s.stage = i.stage)`)).n)).toBe(0);
      expect(Number((await one(c, `SELECT count(*) AS n FROM inspection_checklist_result r JOIN inspection i ON i.id = r.inspection_id JOIN checklist_item ci ON ci.code = r.item_code WHERE ci.stage <> i.stage`)).n)).toBe(0);
    });
  });

  it('has items in every status, with gap-free codes and code counters that continue them', async () => {
    await withClient(urlA, async (c) => {
      expect((await col(c, `SELECT DISTINCT status::text FROM remediation_item`)).sort()).toEqual(Object.values(HazardStatus).sort());
      for (const [table, kind, day] of [['remediation_item', 'LS', 'discovered_on'], ['inspection', 'JC', `to_date(split_part(code, '-', 3), 'YYYYMMDD')`]]) {
        const gaps = await one(
          c,
          `SELECT count(*) AS n FROM (
             SELECT district_code, ${day} AS day, count(*) AS cnt, min(split_part(code, '-', 4)::int) AS lo, max(split_part(code, '-', 4)::int) AS hi
               FROM "${table}" GROUP BY 1, 2) g
           LEFT JOIN code_counter k ON k.kind = '${kind}' AND k.district_code = g.district_code AND k.day = g.day
           WHERE g.lo <> 1 OR g.hi <> g.cnt OR k.last_seq IS DISTINCT FROM g.hi`,
        );
        expect(Number(gaps.n)).toBe(0);
      }
      expect(Number((await one(c, `SELECT count(*) AS n FROM remediation_item WHERE code !~ ('^LS-' || district_code || '-' || to_char(discovered_on, 'YYYYMMDD') || '-\\d{4}$')`)).n)).toBe(0);
    });
  });

  it('CLOSED items satisfy the workflow guards; history matches the status path', async () => {
    await withClient(urlA, async (c) => {
      const bad = await one(
        c,
        `SELECT count(*) AS n FROM remediation_item i
          WHERE i.status = 'CLOSED' AND (
                i.closed_at IS NULL OR i.rectified_at IS NULL OR i.closed_at < i.rectified_at OR i.closed_on < i.rectified_on
             OR i.review_result IS DISTINCT FROM 'PASS' OR i.reviewer_id IS NULL OR i.reviewer_id = i.completion_reported_by
             OR NOT EXISTS (SELECT 1 FROM evidence e WHERE e.item_id = i.id AND e.phase = 'AFTER')
             OR ((i.level = 'MAJOR' OR i.is_major_fire_hazard) AND NOT EXISTS (SELECT 1 FROM listing l WHERE l.item_id = i.id AND l.accepted_on IS NOT NULL))
             OR ((i.level = 'MAJOR' OR i.is_major_fire_hazard) AND (i.plan IS NULL OR NOT i.plan ?& array['objectives','measures','funds','responsible','timeline','contingency'])))`,
      );
      expect(Number(bad.n)).toBe(0);
      const counts = await one(
        c,
        `SELECT count(*) FILTER (WHERE failed_reviews > 0) AS reopened, count(*) FILTER (WHERE listed) AS listed,
                count(*) FILTER (WHERE status = 'INVALIDATED' AND invalidation_reason IS NULL) AS invalid_no_reason,
                count(*) FILTER (WHERE status IN ('RECTIFIED_ON_SITE', 'VERIFIED') AND rectified_at IS NULL) AS unrectified,
                count(*) FILTER (WHERE deadline < $1::date AND status NOT IN ('VERIFIED', 'CLOSED', 'INVALIDATED')) AS overdue,
                count(*) FILTER (WHERE notice_type = 'LIMITED_TIME' AND deadline IS NULL) AS no_deadline
           FROM remediation_item`,
        [TODAY],
      );
      expect(Number(counts.reopened)).toBeGreaterThan(0);
      expect(Number(counts.listed)).toBeGreaterThan(0);
      expect(Number(counts.overdue)).toBeGreaterThan(0);
      expect(Number(counts.invalid_no_reason) + Number(counts.unrectified) + Number(counts.no_deadline)).toBe(0);
      // First event CREATED; the last status-changing event ends in the item's status; one event per transition.
      const hist = await one(
        c,
        `WITH e AS (SELECT item_id, action, from_status, to_status, row_number() OVER (PARTITION BY item_id ORDER BY occurred_at, id) AS k,
                           row_number() OVER (PARTITION BY item_id ORDER BY CASE WHEN from_status IS DISTINCT FROM to_status THEN 0 ELSE 1 END, occurred_at DESC) AS last_change
                      FROM remediation_event)
         SELECT count(*) FILTER (WHERE e.k = 1 AND e.action <> 'CREATED') AS bad_first,
                count(*) FILTER (WHERE e.last_change = 1 AND e.to_status <> i.status) AS bad_last
           FROM e JOIN remediation_item i ON i.id = e.item_id`,
      );
      expect(Number(hist.bad_first) + Number(hist.bad_last)).toBe(0);
      const missing = await one(c, `SELECT count(*) AS n FROM remediation_item i WHERE status = 'CLOSED' AND NOT EXISTS (SELECT 1 FROM remediation_event e WHERE e.item_id = i.id AND e.action = 'CLOSE')`);
      expect(Number(missing.n)).toBe(0);
      // Cases with exact amounts, some sent to the police; extension requests decided both ways.
      const cases = await one(c, `SELECT count(*) FILTER (WHERE transferred_to_police) AS police, count(*) FILTER (WHERE fine_amount::text !~ '^\\d+\\.\\d{2}$') AS inexact, count(*) FILTER (WHERE fine_amount > 0) AS fined FROM enforcement_case`);
      expect(Number(cases.police)).toBeGreaterThan(0);
      expect(Number(cases.fined)).toBeGreaterThan(0);
      expect(Number(cases.inexact)).toBe(0);
      expect((await col(c, `SELECT DISTINCT status::text FROM extension_request WHERE status <> 'PENDING'`)).sort()).toEqual(['APPROVED', 'REFUSED']);
    });
  });

  it('refuses a database with data unless forced; --force replaces the demo rows and keeps the audit trail', async () => {
    const before = await withClient(urlA, (c) => one(c, `SELECT (SELECT count(*) FROM business) AS b, (SELECT count(*) FROM audit_event) AS a`));
    await expect(seedDemo(urlA, { scale: 'tiny', seed: 1, today: TODAY, force: false })).rejects.toBeInstanceOf(DemoRefusedError);
    const same = await withClient(urlA, (c) => one(c, `SELECT (SELECT count(*) FROM business) AS b, (SELECT count(*) FROM audit_event) AS a`));
    expect(same).toEqual(before);
    const lines: string[] = [];
    const res = await seedDemo(urlA, { scale: 'tiny', seed: 1, today: TODAY, force: true, say: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/deleting existing rows: .*business 300/);
    expect(res.deleted.remediation_item).toBe(5000);
    const after = await withClient(urlA, (c) => one(c, `SELECT (SELECT count(*) FROM business) AS b, (SELECT count(*) FROM remediation_item) AS i, (SELECT count(*) FROM audit_event) AS a`));
    expect(Number(after.b)).toBe(120);
    expect(Number(after.i)).toBe(600);
    expect(after.a).toEqual(before.a);
  }, 120_000);
});
