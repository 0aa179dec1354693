import request from 'supertest';
import { Role } from '../src/common/auth';
import { recordJobRun } from '../src/observability/metrics';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { COMMIT, JOB, csv, upload, uscc } from './import-support';
import { workerDataSource } from './support/db';
import type { DataSource } from 'typeorm';

/**
 * `GET /metrics` (Prometheus text format) through HTTP: after a known set of requests the scrape
 * shows exactly their counts. This file's module registry is its own (jest), so every counter
 * starts at zero here.
 */

/** Value of the sample `name{labels}` in a Prometheus text scrape; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = (m[2] ?? '').match(/[a-zA-Z_]+="(?:[^"\\]|\\.)*"/g)?.sort().join(',') ?? '';
    if (got === want) return Number(m[3]);
  }
  return undefined;
}

const CREATE = `mutation CreateShop($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } userErrors { code } } }`;
const STATS = `query Stats($p: PeriodInput!) { remediationStatistics(groupBy: [DISTRICT], period: $p) { isTotal found } }`;

// A database of this file's own: other files in the same worker write businesses too.
let ds: DataSource;
beforeAll(async () => {
  ds = await workerDataSource({ suffix: '_metrics' });
});
afterAll(async () => {
  await ds.destroy();
});

describe('metrics: exact counts after a known set of requests', () => {
  let t: TestApp;
  let coord: string;
  beforeAll(async () => {
    t = await startTestApp({ ds, env: { REPORT_CACHE_ENTRIES: '50' } });
    coord = (await makeUser(t.ds, Role.COORDINATOR)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts requests, outcomes, errors, SQL, cache, export rows and job runs', async () => {
    // 2 businesses created (ok), 1 refused with a userError (CHECK_DIGIT).
    for (const name of ['指标测试门店甲', '指标测试门店乙']) {
      const r = await t.gql(CREATE, { i: { name, types: ['RETAIL_STORE'], districtCode: '511102' } }, coord);
      expect(r.body.data!.createBusiness.userErrors).toEqual([]);
    }
    const bad = await t.gql(CREATE, { i: { name: '指标测试门店丙', types: ['RETAIL_STORE'], districtCode: '511102', uscc: '91350211M00013FA1N' } }, coord);
    expect(bad.body.data!.createBusiness.userErrors).toEqual([{ code: 'CHECK_DIGIT' }]);
    // The same statistics twice: a miss, then a hit that runs no SQL.
    const first = await t.gql(STATS, { p: { from: '2026-03-01', to: '2026-03-31' } }, coord);
    expect(first.body.errors).toBeUndefined();
    const firstSql = first.body.extensions!.sqlStatements as number;
    expect(firstSql).toBeGreaterThan(0);
    const second = await t.gql(STATS, { p: { from: '2026-03-01', to: '2026-03-31' } }, coord);
    expect(second.body.extensions!.sqlStatements).toBe(0);
    // A document that does not validate, an anonymous query, and an unauthenticated one.
    expect((await t.gql('query Broken { noSuchField }', {}, coord)).body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await t.gql('{ districts { code } }', {}, coord)).body.errors).toBeUndefined();
    expect((await t.gql('query Anonymous2 { businesses(first: 1) { totalCount } }', {}, null)).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    // A download of the two businesses, a health probe and a page that does not exist.
    const csv = await request(t.app).get('/exports/businesses.csv?district=511102').set('Authorization', `Bearer ${coord}`);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(3); // header + 2 rows
    expect((await request(t.app).get('/healthz')).status).toBe(200);
    expect((await request(t.app).get('/no-such-page')).status).toBe(404);
    // Two runs reported by the scheduler.
    recordJobRun('overdue-scan', 'success', 1.5);
    recordJobRun('overdue-scan', 'failure', 0.25);

    const res = await request(t.app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = res.text;

    const gq = (operation: string, outcome: string) => sample(m, 'ebike_graphql_requests_total', { operation, outcome });
    expect(gq('CreateShop', 'ok')).toBe(2);
    expect(gq('CreateShop', 'user_error')).toBe(1);
    expect(gq('Stats', 'ok')).toBe(2);
    expect(gq('Broken', 'error')).toBe(1);
    expect(gq('anonymous', 'ok')).toBe(1);
    expect(gq('Anonymous2', 'error')).toBe(1);
    // Every (operation, outcome) series there is: nothing else was counted.
    expect(m.split('\n').filter((l) => l.startsWith('ebike_graphql_requests_total{')).length).toBe(6);
    expect(sample(m, 'ebike_graphql_request_duration_seconds_count', { operation: 'CreateShop', outcome: 'ok' })).toBe(2);
    expect(sample(m, 'ebike_graphql_request_duration_seconds_count', { operation: 'Stats', outcome: 'ok' })).toBe(2);

    expect(sample(m, 'ebike_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(m, 'ebike_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(m.split('\n').filter((l) => l.startsWith('ebike_graphql_errors_total{')).length).toBe(2);
    expect(sample(m, 'ebike_graphql_user_errors_total', { code: 'CHECK_DIGIT' })).toBe(1);

    // SQL per operation: one observation per executed operation (the refused document ran none).
    expect(sample(m, 'ebike_sql_statements_per_operation_count', { operation: 'CreateShop' })).toBe(3);
    expect(sample(m, 'ebike_sql_statements_per_operation_count', { operation: 'Stats' })).toBe(2);
    expect(sample(m, 'ebike_sql_statements_per_operation_sum', { operation: 'Stats' })).toBe(firstSql);
    expect(sample(m, 'ebike_sql_statements_per_operation_bucket', { operation: 'Stats', le: '0' })).toBe(1);
    expect(sample(m, 'ebike_sql_statements_per_operation_count', { operation: 'Broken' })).toBeUndefined();

    expect(sample(m, 'ebike_report_cache_lookups_total', { result: 'miss' })).toBe(1);
    expect(sample(m, 'ebike_report_cache_lookups_total', { result: 'hit' })).toBe(1);
    expect(sample(m, 'ebike_export_rows_total', { export: 'businesses.csv' })).toBe(2);

    // HTTP requests by route: 3 + 2 + 3 GraphQL POSTs (a validation failure is 400, no credentials 401),
    // one download, one probe, one 404.
    expect(sample(m, 'ebike_http_requests_total', { route: 'graphql', method: 'POST', status: '200' })).toBe(6);
    expect(sample(m, 'ebike_http_requests_total', { route: 'graphql', method: 'POST', status: '400' })).toBe(1);
    expect(sample(m, 'ebike_http_requests_total', { route: 'graphql', method: 'POST', status: '401' })).toBe(1);
    expect(sample(m, 'ebike_http_requests_total', { route: 'exports', method: 'GET', status: '200' })).toBe(1);
    expect(sample(m, 'ebike_http_requests_total', { route: 'health', method: 'GET', status: '200' })).toBe(1);
    expect(sample(m, 'ebike_http_requests_total', { route: 'not_found', method: 'GET', status: '404' })).toBe(1);
    expect(sample(m, 'ebike_http_request_duration_seconds_count', { route: 'graphql' })).toBe(8);

    expect(sample(m, 'ebike_job_runs_total', { job: 'overdue-scan', outcome: 'success' })).toBe(1);
    expect(sample(m, 'ebike_job_runs_total', { job: 'overdue-scan', outcome: 'failure' })).toBe(1);
    expect(sample(m, 'ebike_job_run_duration_seconds_sum', { job: 'overdue-scan', outcome: 'success' })).toBe(1.5);

    // Nothing runs between requests: no connection in use, none waiting, at least one idle.
    expect(sample(m, 'ebike_db_pool_connections', { state: 'in_use' })).toBe(0);
    expect(sample(m, 'ebike_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);
    expect(sample(m, 'ebike_db_pool_waiting')).toBe(0);
    // The process metrics come along.
    expect(sample(m, 'ebike_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('metrics: job runs through the scheduler', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ds });
  });
  afterAll(() => t.close());

  it('runDailyJobs (ADMIN) counts one successful run of each daily job', async () => {
    const admin = (await makeUser(t.ds, Role.ADMIN)).token;
    const r = await t.gql(`mutation RunJobs { runDailyJobs(input: {}) { ran runs { job status } userErrors { field } } }`, {}, admin);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.runDailyJobs).toMatchObject({ ran: true, userErrors: [] });
    const m = (await request(t.app).get('/metrics')).text;
    // The daily jobs by name (DailyJob, lower case): each ran once and succeeded; none failed.
    for (const job of ['escalation', 'snapshot', 'prune']) {
      expect(sample(m, 'ebike_job_runs_total', { job, outcome: 'success' })).toBe(1);
      expect(sample(m, 'ebike_job_run_duration_seconds_count', { job, outcome: 'success' })).toBe(1);
      expect(sample(m, 'ebike_job_runs_total', { job, outcome: 'failure' })).toBeUndefined();
    }
  });
});

describe('metrics: import rows', () => {
  let t: TestApp;
  let coord: string;
  beforeAll(async () => {
    // The worker's own database: the import runner of the app above (same data source) was stopped with it.
    t = await startTestApp();
    coord = (await makeUser(t.ds, Role.COORDINATOR)).token;
  });
  afterAll(() => t.close());

  async function settle(id: string) {
    for (let i = 0; i < 400; i++) {
      const j = (await t.gql(JOB, { id }, coord)).body.data!.import;
      if (!['PENDING', 'VALIDATING', 'COMMITTING'].includes(j.status)) return j;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not settle');
  }

  it('counts validated rows by action, then the committed ones', async () => {
    const ZH = ['统一社会信用代码', '名称', '主体类型', '区县', '地址', '法定代表人/经营者', '联系电话', '主体状态'];
    const rows = [
      ZH,
      [uscc(7101), '指标导入甲', '销售门店/经营网点', '市中区', '', '', '', ''],
      [uscc(7102), '指标导入乙', '维修店铺', '市中区', '', '', '', ''],
      ['91350211M00013FA1N', '指标导入丙', '维修店铺', '市中区', '', '', '', ''],
    ];
    const res = await upload(t.app, coord, 'metrics.csv', csv(rows));
    const dry = await settle(res.body.data.startImport.import.id);
    expect(dry).toMatchObject({ status: 'VALIDATED', createdCount: 2, rejectedRows: 1 });
    const c = await t.gql(COMMIT, { input: { id: dry.id, validRowsOnly: true } }, coord);
    expect(c.body.data!.commitImport.userErrors).toEqual([]);
    expect(await settle(dry.id)).toMatchObject({ status: 'COMMITTED', createdCount: 2 });

    const m = (await request(t.app).get('/metrics')).text;
    expect(sample(m, 'ebike_import_rows_total', { stage: 'validated', action: 'create' })).toBe(2);
    expect(sample(m, 'ebike_import_rows_total', { stage: 'validated', action: 'rejected' })).toBe(1);
    expect(sample(m, 'ebike_import_rows_total', { stage: 'committed', action: 'create' })).toBe(2);
    expect(m.split('\n').filter((l) => l.startsWith('ebike_import_rows_total{')).length).toBe(3);
  });
});

describe('metrics: who may scrape', () => {
  const TOKEN = 'metrics-token-0123456789';
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });
  async function app(env: Record<string, string>) {
    const a = await startTestApp({ env });
    apps.push(a);
    return a;
  }

  it('with METRICS_TOKEN: 401 without the bearer token or with a wrong one, 200 with it', async () => {
    const a = await app({ METRICS_TOKEN: TOKEN });
    const none = await request(a.app).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(none.text).not.toContain('ebike_');
    expect((await request(a.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}x`)).status).toBe(401);
    // An API token of a user is not a metrics token.
    const { token } = await makeUser(a.ds, Role.ADMIN);
    expect((await request(a.app).get('/metrics').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const ok = await request(a.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('# TYPE ebike_graphql_requests_total counter');
  });

  it('in production without a token: off (404) on the main port', async () => {
    const a = await app({ NODE_ENV: 'production' });
    expect((await request(a.app).get('/metrics')).status).toBe(404);
    expect(a.handle.metricsApp).toBeNull();
  });

  it('in production with a token: served with it', async () => {
    const a = await app({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN });
    expect((await request(a.app).get('/metrics')).status).toBe(401);
    expect((await request(a.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('with METRICS_PORT: not on the main port, only on the separate listener (token still required when set)', async () => {
    const a = await app({ NODE_ENV: 'production', METRICS_PORT: '0' });
    expect((await request(a.app).get('/metrics')).status).toBe(404);
    expect((await request(a.handle.metricsApp!).get('/metrics')).status).toBe(200);
    expect((await request(a.handle.metricsApp!).get('/graphql')).status).toBe(404);
    const b = await app({ NODE_ENV: 'production', METRICS_PORT: '0', METRICS_TOKEN: TOKEN });
    expect((await request(b.handle.metricsApp!).get('/metrics')).status).toBe(401);
    expect((await request(b.handle.metricsApp!).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('bounds operation-name labels: after METRICS_MAX_OPERATIONS distinct names, new names count as other', async () => {
    const a = await app({ METRICS_MAX_OPERATIONS: '2', METRICS_TOKEN: TOKEN });
    const { token } = await makeUser(a.ds, Role.COORDINATOR);
    // Operation-name labels are process-wide; this app's configuration starts a fresh set.
    for (const name of ['First', 'Second', 'Third', 'Fourth', 'First']) await a.gql(`query ${name} { districts { code } }`, {}, token);
    const m = (await request(a.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).text;
    expect(sample(m, 'ebike_graphql_requests_total', { operation: 'Third', outcome: 'ok' })).toBeUndefined();
    expect(sample(m, 'ebike_graphql_requests_total', { operation: 'Fourth', outcome: 'ok' })).toBeUndefined();
    expect(sample(m, 'ebike_graphql_requests_total', { operation: 'other', outcome: 'ok' })).toBe(2);
    expect(sample(m, 'ebike_graphql_requests_total', { operation: 'Second', outcome: 'ok' })).toBe(1);
  });
});
