import { currentRequest } from '../common/request-store';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics (prom-client) of this process: one registry, filled by one-line hooks in the
 * HTTP layer, the GraphQL plugins, the SQL logger, the report cache, the exports and the imports,
 * and read by `GET /metrics` (src/observability/metrics-http.ts).
 *
 * Label values are bounded so a client cannot grow the series without limit: operation names are
 * client-chosen, so only the names of trusted documents (when TRUSTED_DOCUMENTS is set) or the first
 * METRICS_MAX_OPERATIONS distinct well-formed names are kept; every other name counts as `other`.
 * Error codes outside the documented set count as `other`, routes are a fixed list.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'ebike_' });

/** Outcome of a GraphQL request: no errors, refused in `userErrors`, or top-level errors. */
export type GraphqlOutcome = 'ok' | 'user_error' | 'error';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const SQL_BUCKETS = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144];

export const httpRequests = new Counter({
  name: 'ebike_http_requests_total',
  help: 'HTTP requests by route, method and status (HTTP 请求数)',
  labelNames: ['route', 'method', 'status'] as const,
  registers: [registry],
});
export const httpDuration = new Histogram({
  name: 'ebike_http_request_duration_seconds',
  help: 'HTTP request duration by route (HTTP 请求耗时, seconds)',
  labelNames: ['route'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});
export const graphqlRequests = new Counter({
  name: 'ebike_graphql_requests_total',
  help: 'GraphQL requests by operation name and outcome ok|user_error|error (GraphQL 请求数)',
  labelNames: ['operation', 'outcome'] as const,
  registers: [registry],
});
export const graphqlDuration = new Histogram({
  name: 'ebike_graphql_request_duration_seconds',
  help: 'GraphQL request duration by operation name and outcome (GraphQL 请求耗时, seconds)',
  labelNames: ['operation', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});
export const graphqlErrors = new Counter({
  name: 'ebike_graphql_errors_total',
  help: 'Top-level GraphQL errors by extensions.code (GraphQL 错误数)',
  labelNames: ['code'] as const,
  registers: [registry],
});
export const userErrors = new Counter({
  name: 'ebike_graphql_user_errors_total',
  help: 'userErrors returned by mutations, by code (业务校验拒绝数)',
  labelNames: ['code'] as const,
  registers: [registry],
});
export const sqlPerOperation = new Histogram({
  name: 'ebike_sql_statements_per_operation',
  help: 'SQL statements run by one GraphQL operation, authentication excluded (每个操作的 SQL 语句数)',
  labelNames: ['operation'] as const,
  buckets: SQL_BUCKETS,
  registers: [registry],
});
export const reportCacheLookups = new Counter({
  name: 'ebike_report_cache_lookups_total',
  help: 'Report cache lookups by result hit|miss (统计缓存命中/未命中)',
  labelNames: ['result'] as const,
  registers: [registry],
});
export const exportRows = new Counter({
  name: 'ebike_export_rows_total',
  help: 'Rows sent by the download endpoints, by export (导出行数)',
  labelNames: ['export'] as const,
  registers: [registry],
});
export const importRows = new Counter({
  name: 'ebike_import_rows_total',
  help: 'Spreadsheet import rows by stage validated|committed and action create|update|unchanged|rejected (导入行数)',
  labelNames: ['stage', 'action'] as const,
  registers: [registry],
});
export const jobRuns = new Counter({
  name: 'ebike_job_runs_total',
  help: 'Scheduled job runs by job and outcome (定时任务运行次数)',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});
export const jobDuration = new Histogram({
  name: 'ebike_job_run_duration_seconds',
  help: 'Scheduled job run duration by job and outcome (定时任务耗时, seconds)',
  labelNames: ['job', 'outcome'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
  registers: [registry],
});

/** The pg pool read at scrape time (in use = total − idle). */
export interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
let pool: PoolLike | null = null;
/** The service's pool, read by the pool gauges at each scrape (createApp sets it). */
export function watchPool(p: PoolLike | null): void {
  pool = p;
}
new Gauge({
  name: 'ebike_db_pool_connections',
  help: 'Database pool connections by state in_use|idle (数据库连接池连接数)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    if (!pool) return;
    this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
    this.set({ state: 'idle' }, pool.idleCount);
  },
});
new Gauge({
  name: 'ebike_db_pool_waiting',
  help: 'Requests waiting for a database connection (等待数据库连接的请求数)',
  registers: [registry],
  collect() {
    this.set(pool ? pool.waitingCount : 0);
  },
});

// ---- bounded label values -------------------------------------------------------------------

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
let maxOperations = 200;
let trustedNames: ReadonlySet<string> | null = null;
const seenNames = new Set<string>();

/**
 * How operation names become labels: with trusted documents only their names; otherwise the first
 * `max` distinct names seen (later new names are `other`).
 */
export function configureOperationLabels(opts: { max: number; trusted?: ReadonlySet<string> | null }): void {
  maxOperations = opts.max;
  trustedNames = opts.trusted ?? null;
  seenNames.clear();
}

export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'other';
  if (trustedNames) return trustedNames.has(name) ? name : 'other';
  if (seenNames.has(name)) return name;
  if (seenNames.size >= maxOperations) return 'other';
  seenNames.add(name);
  return name;
}

let knownCodes: ReadonlySet<string> = new Set();
/** The codes that may appear as labels (the documented error codes and userError codes). */
export function configureErrorCodes(codes: Iterable<string>): void {
  knownCodes = new Set(codes);
}
export function codeLabel(code: unknown): string {
  return typeof code === 'string' && knownCodes.has(code) ? code : 'other';
}

const JOB_NAME = /^[a-z][a-z0-9_.-]{0,63}$/i;

/**
 * One run of a scheduled job (for the scheduler): counts it and its duration by job and outcome.
 * Job names and outcomes are chosen by code, not by clients; malformed ones are `other`.
 */
export function recordJobRun(job: string, outcome: 'success' | 'failure' | 'skipped' | string, seconds: number): void {
  const labels = { job: JOB_NAME.test(job) ? job : 'other', outcome: JOB_NAME.test(outcome) ? outcome : 'other' };
  jobRuns.inc(labels);
  if (Number.isFinite(seconds) && seconds >= 0) jobDuration.observe(labels, seconds);
}

/** A report cache lookup (src/modules/reports/reports.cache.ts). */
export function recordReportCache(hit: boolean): void {
  reportCacheLookups.inc({ result: hit ? 'hit' : 'miss' });
}

const EXPORT_NAME = /^[a-z0-9-]{1,64}\.(csv|xlsx)$/;
/** Rows one download sent (src/http/exports.ts, src/http/imports.ts). */
export function recordExportRows(exportName: string, rows: number): void {
  exportRows.inc({ export: EXPORT_NAME.test(exportName) ? exportName : 'other' }, rows);
}

/** Import rows by stage and action (src/modules/import/import.service.ts). */
export function recordImportRows(stage: 'validated' | 'committed', counts: Partial<Record<'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REJECTED', number>>): void {
  for (const [action, n] of Object.entries(counts)) if (n) importRows.inc({ stage, action: action.toLowerCase() }, n);
}

/** userErrors a mutation returns (src/common/mutation.ts): counted by code and kept for the request's outcome. */
export function noteUserErrors<T extends { code: string }>(list: T[]): T[] {
  if (!list.length) return list;
  const store = currentRequest();
  for (const e of list) {
    userErrors.inc({ code: codeLabel(e.code) });
    if (store) (store.userErrorCodes ??= []).push(e.code);
  }
  return list;
}
