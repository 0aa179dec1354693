import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { createLogger } from '../src/common/logger';
import { seedDemo } from '../src/modules/demo/demo.load';
import { MAX_CACHED_ROWS, ReportCache } from '../src/modules/reports/reports.cache';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';

/**
 * The report cache (src/modules/reports/reports.cache.ts) through HTTP: repeated statistics are
 * served without SQL; a mutation, a change committed by another connection (NOTIFY) and a lost
 * LISTEN connection each make the next request compute afresh.
 */
let t: TestApp;
let ds: DataSource;
let coord: string;
const clock = new Date('2026-03-20T04:00:00Z');

const STATS = `query($p: PeriodInput!) {
  remediationStatistics(groupBy: [DISTRICT], period: $p) { isTotal districtCode found listed }
}`;
const PERIOD = { p: { from: '2026-03-01', to: '2026-03-31' } };

async function stats() {
  const r = await t.gql<{ remediationStatistics: { isTotal: boolean; found: number; listed: number }[] }>(STATS, PERIOD, coord);
  expect(r.body.errors).toBeUndefined();
  const total = r.body.data!.remediationStatistics.find((x) => x.isTotal)!;
  return { found: total.found, listed: total.listed, sql: r.body.extensions!.sqlStatements as number };
}

async function createItem(name: string): Promise<string> {
  const biz = await t.gql(`mutation($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } userErrors { message } } }`, {
    i: { name: `缓存主体${name}`, types: ['RETAIL_STORE'], districtCode: '511102' },
  }, coord);
  const r = await t.gql(
    `mutation($i: CreateRemediationItemInput!) { createRemediationItem(input: $i) { remediationItem { id } userErrors { field message } } }`,
    { i: { businessId: biz.body.data!.createBusiness.business.id, teamCode: 'SALES', hazardTypeCode: 'SALES_SHOP_FIRE', description: `cache ${name}`, discoveryMethod: 'ROUTINE', discoveredAt: '2026-03-10T02:00:00Z' } },
    coord,
  );
  expect(r.body.data!.createRemediationItem.userErrors).toEqual([]);
  return r.body.data!.createRemediationItem.remediationItem.id;
}

const urlOf = (d: DataSource) => (d.options as { url: string }).url;

/** Runs statements on a connection of its own (not the service's), as another writer would. */
async function onOtherConnection<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: urlOf(ds) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Repeats the query until `check` holds (the notification travels asynchronously). */
async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  ds = await workerDataSource({ suffix: '_rcache' });
  t = await startTestApp({ ds, now: () => clock, env: { REPORT_CACHE_ENTRIES: '50', EXPOSE_SQL_COUNT: 'true' } });
  coord = (await makeUser(ds, Role.COORDINATOR)).token;
  await eventually(async () => t.handle.reportCache.active, (a) => a);
});

afterAll(async () => {
  await t.close();
  await ds.destroy();
});

test('a repeated statistics query is answered from the cache, without SQL', async () => {
  await createItem('one');
  const first = await stats();
  expect(first).toMatchObject({ found: 1, listed: 0 });
  expect(first.sql).toBeGreaterThanOrEqual(1);
  const second = await stats();
  expect(second).toEqual({ found: 1, listed: 0, sql: 0 });
  // A different question is not the same entry.
  const other = await t.gql(STATS, { p: { from: '2026-03-01', to: '2026-03-30' } }, coord);
  expect(other.body.extensions!.sqlStatements).toBeGreaterThanOrEqual(1);
});

test('a mutation of this process clears it at once: the client reads its own write', async () => {
  await stats();
  await createItem('two');
  const after = await stats();
  expect(after.found).toBe(2);
  expect(after.sql).toBeGreaterThanOrEqual(1);
});

test('a change committed by another connection reaches it through NOTIFY', async () => {
  await stats();
  expect((await stats()).sql).toBe(0);
  await onOtherConnection((c) => c.query(`UPDATE remediation_item SET listed = TRUE WHERE description = 'cache one'`));
  const after = await eventually(stats, (s) => s.listed === 1);
  expect(after).toMatchObject({ found: 2, listed: 1 });
});

test('a rolled-back change signals nothing and changes nothing', async () => {
  const before = await stats();
  await onOtherConnection(async (c) => {
    await c.query('BEGIN');
    await c.query(`UPDATE remediation_item SET listed = FALSE`);
    await c.query('ROLLBACK');
  });
  await new Promise((r) => setTimeout(r, 200));
  expect(await stats()).toEqual({ ...before, sql: 0 });
});

test('the bulletin is cached as a whole', async () => {
  const q = `query { bulletin(from: "2026-03-01", to: "2026-03-31") { totals { found } majorItems { code } } }`;
  const a = await t.gql(q, {}, coord);
  expect(a.body.errors).toBeUndefined();
  expect(a.body.extensions!.sqlStatements).toBeGreaterThanOrEqual(1);
  const b = await t.gql(q, {}, coord);
  expect(b.body.data).toEqual(a.body.data);
  expect(b.body.extensions!.sqlStatements).toBe(0);
});

test('without its LISTEN connection the cache is off, and it comes back when LISTEN does', async () => {
  await stats();
  expect((await stats()).sql).toBe(0);
  const { rowCount } = await onOtherConnection((c) =>
    c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ebike-report-cache' AND datname = current_database()`),
  );
  expect(rowCount).toBe(1);
  await eventually(async () => t.handle.reportCache.active, (a) => !a, 2000);
  // Nothing is served from the cache while nobody listens for changes.
  expect((await stats()).sql).toBeGreaterThanOrEqual(1);
  expect((await stats()).sql).toBeGreaterThanOrEqual(1);
  // The listener reconnects (after about a second) and caching resumes.
  expect(await eventually(async () => t.handle.reportCache.active, (a) => a, 10000)).toBe(true);
  await stats();
  expect((await stats()).sql).toBe(0);
});

test('long answers are not kept; entries beyond the limit are dropped least recently used first', async () => {
  const cache = new ReportCache({ entries: 2, ttlMs: 60000 }, { connectionString: urlOf(ds) }, createLogger('silent'));
  await cache.start();
  try {
    expect(cache.active).toBe(true);
    let computed = 0;
    const rows = (n: number) => async () => (computed++, new Array(n).fill({}));
    await cache.get('long', rows(MAX_CACHED_ROWS + 1));
    await cache.get('long', rows(MAX_CACHED_ROWS + 1));
    expect(computed).toBe(2);
    computed = 0;
    await cache.get('a', rows(1));
    await cache.get('b', rows(1));
    await cache.get('a', rows(1)); // a is now the most recently used
    await cache.get('c', rows(1)); // drops b
    await cache.get('a', rows(1));
    expect(computed).toBe(3);
    await cache.get('b', rows(1));
    expect(computed).toBe(4);
  } finally {
    await cache.stop();
  }
});

test('seed:demo (which loads with triggers off) still clears a running service\'s cache', async () => {
  // A database of its own, empty, as a newcomer's before the first seed:demo.
  const ds2 = await workerDataSource({ suffix: '_rcache_seed' });
  const t2 = await startTestApp({ ds: ds2, now: () => clock, env: { REPORT_CACHE_ENTRIES: '50', EXPOSE_SQL_COUNT: 'true' } });
  try {
    const token = (await makeUser(ds2, Role.COORDINATOR)).token;
    await eventually(async () => t2.handle.reportCache.active, (a) => a);
    const q = `query { remediationStatistics(groupBy: [], period: { from: "2020-01-01", to: "2026-03-20" }) { isTotal found } }`;
    const found = async () => {
      const r = await t2.gql<{ remediationStatistics: { found: number }[] }>(q, {}, token);
      return { found: r.body.data!.remediationStatistics[0].found, sql: r.body.extensions!.sqlStatements as number };
    };
    expect((await found()).found).toBe(0);
    expect(await found()).toEqual({ found: 0, sql: 0 });
    // The seeder's own signal, sent in its transaction (the reference-data load before it signals too,
    // but earlier: a report cached in between would otherwise outlive the seed).
    const listener = new Client({ connectionString: urlOf(ds2) });
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (n) => payloads.push(n.payload ?? ''));
    await listener.query('LISTEN report_data_changed');
    try {
      await seedDemo(urlOf(ds2), { scale: 'tiny', seed: 3, today: '2026-03-20', force: false });
      await eventually(async () => payloads, (p) => p.includes('seed:demo'));
    } finally {
      await listener.end();
    }
    expect(payloads).toContain('seed:demo');
    const after = await eventually(found, (f) => f.found > 0);
    expect(after.found).toBeGreaterThan(0);
  } finally {
    await t2.close();
    await ds2.destroy();
  }
}, 60_000);
