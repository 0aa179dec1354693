import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The one place that reads process.env. Every variable is documented in README.md and
 * .env.example; a bad value fails fast with one line naming the variable.
 */
export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** External PostgreSQL; when absent an embedded one is started under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  dbPoolSize: number;
  dbStatementTimeoutMs: number;
  /** PostgreSQL's JIT compilation for the service's connections (DB_JIT, off by default). */
  dbJit: boolean;
  /** Distinct SELECT texts sent as named prepared statements (DB_PREPARED_STATEMENTS, 200; 0: none). */
  dbPreparedStatements: number;
  /** Compiled execution of queries by graphql-jit (GRAPHQL_JIT, on by default; src/http/compiled-execution.ts). */
  graphqlJit: boolean;
  /** How long start-up keeps retrying an unreachable database before giving up. */
  dbConnectTimeoutMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  ide: boolean;
  introspection: boolean;
  corsOrigins: string[];
  bodyLimit: string;
  trustProxy: boolean;
  shutdownTimeoutMs: number;
  /** Report the number of SQL statements per request in the response `extensions`. */
  exposeSqlCount: boolean;
  maxQueryDepth: number;
  maxQueryCost: number;
  /** Most lexical tokens in one document; more is refused while parsing (too many nodes). */
  maxQueryTokens: number;
  jwtSecret: string | null;
  jwtTtlSeconds: number;
  /** Idle lifetime of a refresh token: each use replaces it with a new one valid this long. */
  refreshTokenTtlSeconds: number;
  /** Sign-in attempts (login, refreshSession, password checks) per client address per window. */
  signInAttemptsPerAddress: number;
  signInAddressWindowSeconds: number;
  /** Password hashes (argon2) computed at once; the rest wait in a bounded queue. */
  passwordHashConcurrency: number;
  /** Hashes waiting for a slot beyond which sign-ins are refused at once (503 + Retry-After). */
  passwordHashQueue: number;
  redisUrl: string | null;
  rateLimitPoints: number;
  rateLimitWindowSeconds: number;
  bootstrapAdmin: boolean;
  /**
   * Address people use to reach the service (`https://ebike.example.gov.cn`), when known. Only an
   * https:// address turns on HSTS and `upgrade-insecure-requests`: over plain HTTP on an intranet
   * name or a LAN address those headers would make browsers fetch the IDE's scripts over HTTPS.
   */
  publicUrl: string | null;
  behindHttps: boolean;
  /** Report results kept per process (0: no cache); invalidated by the database on every change. */
  reportCacheEntries: number;
  /** Upper bound on a cached report's age even without a change notification. */
  reportCacheTtlSeconds: number;
  /** Access tokens whose caller is kept per process (PrincipalCache); 0 reads PostgreSQL on every request. */
  principalCacheEntries: number;
  /** Longest a cached caller is served without a change notification. */
  principalCacheTtlSeconds: number;
  /** Compiling unit (编制单位) printed on the bulletin page, Word file and workbook. */
  bulletinCompiler: string;
  /** Largest spreadsheet an import accepts, in bytes. */
  importMaxBytes: number;
  /** Most data rows per import. */
  importMaxRows: number;
  /** Most bytes an XLSX may unpack to (zip bombs). */
  importMaxUncompressedBytes: number;
  /** How many lines from the top the header row is looked for. */
  importHeaderSearchRows: number;
  /** Bearer token `GET /metrics` requires (METRICS_TOKEN); null: no token. */
  metricsToken: string | null;
  /** A separate listener for `/metrics` only (METRICS_PORT); null: served on the main port. */
  metricsPort: number | null;
  metricsHost: string;
  /** Distinct operation names kept as metric labels when no trusted documents are configured. */
  metricsMaxOperations: number;
  /** Manifest of trusted documents (TRUSTED_DOCUMENTS); when set, /graphql runs only those. */
  trustedDocuments: string | null;
  /** OTLP/HTTP endpoint for traces (OTEL_EXPORTER_OTLP_ENDPOINT); null: tracing off. */
  otlpEndpoint: string | null;
  /** Whether this instance runs the daily jobs on schedule (escalation, snapshots); off in tests unless a test starts them. */
  dailyJobs: boolean;
  /** Asia/Shanghai time of day, HH:MM, from which the day's run is due. */
  dailyJobsAt: string;
  /** Effects written per transaction by the daily run. */
  dailyJobsBatchSize: number;
  /** How often an instance checks whether the daily run is due. */
  /** Days published outbox events and delivered webhook deliveries are kept before the daily PRUNE job deletes them (0 = always). */
  outboxRetentionDays: number;
  /** Days a notification is kept after it was read, before the daily PRUNE job deletes it (0 = always; unread ones stay). */
  notificationRetentionDays: number;
  dailyJobsPollSeconds: number;
  /** Whether this instance sends webhook deliveries (any number of instances may). */
  webhooksEnabled: boolean;
  /** Longest wait for a webhook receiver's answer. */
  webhookTimeoutMs: number;
  /** Attempts before a webhook delivery is dead-lettered. */
  webhookMaxAttempts: number;
  /** Wait after a webhook's first failure, doubled after each further one, capped. */
  webhookBackoffBaseMs: number;
  webhookBackoffMaxMs: number;
  /** How often due webhook retries are looked for between change notifications. */
  webhookPollMs: number;
  /** Live updates (subscriptions) fan-out: PostgreSQL LISTEN/NOTIFY, or Redis pub/sub when REDIS_URL is set. */
  liveTransport: 'postgres' | 'redis';
  /** Redis transport: how often the outbox is looked at for events to publish (besides this process's own commits). */
  liveRelayPollMs: number;
  /** Most open subscriptions per WebSocket connection. */
  liveMaxSubscriptionsPerConnection: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return def;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = str(env, name);
  if (raw === undefined) return def;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function timeOfDay(env: Env, name: string, def: string): string {
  const raw = str(env, name);
  if (raw === undefined) return def;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) throw new ConfigError(name, `must be a time of day HH:MM (Asia/Shanghai), got "${raw}"`);
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], def: T): T {
  const raw = str(env, name);
  if (raw === undefined) return def;
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${values.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

export function validateDatabaseUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL (expected postgres://user:pass@host:port/db)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must use the postgres:// scheme, got "${url.protocol}"`);
  }
  if (!url.hostname) throw new ConfigError(name, 'has no host');
  if (url.pathname.replace(/^\//, '') === '') throw new ConfigError(name, 'has no database name');
  return raw;
}

function redisUrl(env: Env, name: string): string | null {
  const raw = str(env, name);
  if (raw === undefined) return null;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error();
  } catch {
    throw new ConfigError(name, 'must be a redis:// or rediss:// URL');
  }
  return raw;
}

function publicUrl(env: Env, name: string): string | null {
  const raw = str(env, name);
  if (raw === undefined) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an http:// or https:// URL, got "${raw}"`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) throw new ConfigError(name, `must be an http:// or https:// URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/**
 * OTEL_EXPORTER_OTLP_ENDPOINT (the OpenTelemetry variable): the collector's base address; traces go
 * to `<endpoint>/v1/traces` (or to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given). Unset: tracing off.
 */
export function otlpEndpoint(env: Env): string | null {
  const traces = str(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const base = str(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const name = traces ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  const raw = traces ?? base;
  if (raw === undefined) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an http:// or https:// URL, got "${raw}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(name, `must be an http:// or https:// URL, got "${raw}"`);
  return traces ? raw : `${raw.replace(/\/+$/, '')}/v1/traces`;
}

export interface TracingConfig {
  /** Where spans are posted (OTLP/HTTP JSON), e.g. http://collector:4318/v1/traces. */
  endpoint: string;
  serviceName: string;
  /** How long spans are batched before they are sent (OTEL_BSP_SCHEDULE_DELAY, ms). */
  scheduleDelayMs: number;
}

/** Tracing settings; null (tracing off, nothing loaded) unless an OTLP endpoint is configured. */
export function tracingConfig(env: Env): TracingConfig | null {
  const endpoint = otlpEndpoint(env);
  if (endpoint === null) return null;
  return { endpoint, serviceName: str(env, 'OTEL_SERVICE_NAME') ?? 'ebike-remediation', scheduleDelayMs: int(env, 'OTEL_BSP_SCHEDULE_DELAY', 5000, 10, 600000) };
}

/**
 * `.env` in the working directory, as `.env.example` suggests: its values go under the real
 * environment (a variable set in the shell wins) and are validated like any other.
 */
export function applyDotEnv(cwd = process.cwd()): string | null {
  const file = path.join(cwd, '.env');
  if (!fs.existsSync(file)) return null;
  process.loadEnvFile(file);
  return file;
}

/** Reading the process's own environment also reads `.env`; an explicit `env` (tests) does not. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  if (env === process.env) applyDotEnv(cwd);
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = nodeEnv === 'production';
  const databaseUrlRaw = str(env, 'DATABASE_URL');
  const jwtSecret = str(env, 'JWT_SECRET') ?? null;
  if (jwtSecret !== null && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  const corsRaw = str(env, 'CORS_ORIGINS');
  const corsOrigins = corsRaw ? corsRaw.split(',').map((s) => s.trim()).filter(Boolean) : [];
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError('CORS_ORIGINS', `has an invalid origin "${origin}" (expected scheme://host[:port])`);
    }
  }
  const publicAddress = publicUrl(env, 'PUBLIC_URL');
  const metricsToken = str(env, 'METRICS_TOKEN') ?? null;
  if (metricsToken !== null && metricsToken.length < 16) throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters long');
  const bodyLimit = str(env, 'BODY_LIMIT') ?? '1mb';
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) throw new ConfigError('BODY_LIMIT', `must look like 512kb or 1mb, got "${bodyLimit}"`);

  return {
    nodeEnv,
    host: str(env, 'HOST') ?? '0.0.0.0',
    port: int(env, 'PORT', 4000, 0, 65535),
    databaseUrl: databaseUrlRaw ? validateDatabaseUrl('DATABASE_URL', databaseUrlRaw) : null,
    dataDir: path.resolve(cwd, str(env, 'DATA_DIR') ?? '.data'),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    dbStatementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 15000, 0, 3600000),
    dbJit: bool(env, 'DB_JIT', false),
    graphqlJit: bool(env, 'GRAPHQL_JIT', true),
    dbPreparedStatements: int(env, 'DB_PREPARED_STATEMENTS', 200, 0, 10000),
    dbConnectTimeoutMs: int(env, 'DB_CONNECT_TIMEOUT_MS', 30000, 0, 600000),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    ide: bool(env, 'GRAPHQL_IDE', !production),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    corsOrigins,
    bodyLimit,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10000, 0, 300000),
    exposeSqlCount: bool(env, 'EXPOSE_SQL_COUNT', !production),
    maxQueryDepth: int(env, 'MAX_QUERY_DEPTH', 10, 1, 100),
    maxQueryCost: int(env, 'MAX_QUERY_COST', 5000, 1, 10000000),
    maxQueryTokens: int(env, 'MAX_QUERY_TOKENS', 5000, 100, 1000000),
    jwtSecret,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 900, 60, 7 * 24 * 3600),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 7 * 24 * 3600, 300, 90 * 24 * 3600),
    signInAttemptsPerAddress: int(env, 'SIGN_IN_ATTEMPTS_PER_ADDRESS', 100, 1, 1000000),
    signInAddressWindowSeconds: int(env, 'SIGN_IN_ADDRESS_WINDOW_SECONDS', 600, 1, 86400),
    // Half the CPUs (at least one): the rest stay free for queries while a sign-in flood runs.
    passwordHashConcurrency: int(env, 'PASSWORD_HASH_CONCURRENCY', Math.max(1, Math.floor(os.availableParallelism() / 2)), 1, 64),
    passwordHashQueue: int(env, 'PASSWORD_HASH_QUEUE', 100, 0, 100000),
    redisUrl: redisUrl(env, 'REDIS_URL'),
    rateLimitPoints: int(env, 'RATE_LIMIT_POINTS', 600, 1, 1000000),
    rateLimitWindowSeconds: int(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86400),
    bootstrapAdmin: bool(env, 'BOOTSTRAP_ADMIN', databaseUrlRaw === undefined),
    publicUrl: publicAddress,
    behindHttps: publicAddress !== null && publicAddress.startsWith('https:'),
    reportCacheEntries: int(env, 'REPORT_CACHE_ENTRIES', 200, 0, 10000),
    reportCacheTtlSeconds: int(env, 'REPORT_CACHE_TTL_SECONDS', 300, 1, 86400),
    principalCacheEntries: int(env, 'PRINCIPAL_CACHE_ENTRIES', 10000, 0, 1000000),
    principalCacheTtlSeconds: int(env, 'PRINCIPAL_CACHE_TTL_SECONDS', 60, 1, 3600),
    bulletinCompiler: str(env, 'BULLETIN_COMPILER')?.trim() || '乐山市电动自行车安全隐患全链条整治工作专班办公室',
    importMaxBytes: int(env, 'IMPORT_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    importMaxRows: int(env, 'IMPORT_MAX_ROWS', 100000, 1, 10000000),
    importMaxUncompressedBytes: int(env, 'IMPORT_MAX_UNCOMPRESSED_BYTES', 300 * 1024 * 1024, 1024, 8 * 1024 * 1024 * 1024),
    importHeaderSearchRows: int(env, 'IMPORT_HEADER_SEARCH_ROWS', 10, 1, 100),
    metricsToken,
    metricsPort: str(env, 'METRICS_PORT') === undefined ? null : int(env, 'METRICS_PORT', 0, 0, 65535),
    metricsHost: str(env, 'METRICS_HOST') ?? '127.0.0.1',
    metricsMaxOperations: int(env, 'METRICS_MAX_OPERATIONS', 200, 1, 10000),
    trustedDocuments: str(env, 'TRUSTED_DOCUMENTS') ? path.resolve(cwd, str(env, 'TRUSTED_DOCUMENTS')!) : null,
    otlpEndpoint: otlpEndpoint(env),
    dailyJobs: bool(env, 'DAILY_JOBS', nodeEnv !== 'test'),
    dailyJobsAt: timeOfDay(env, 'DAILY_JOBS_AT', '00:30'),
    dailyJobsBatchSize: int(env, 'DAILY_JOBS_BATCH_SIZE', 2000, 1, 10000),
    dailyJobsPollSeconds: int(env, 'DAILY_JOBS_POLL_SECONDS', 60, 1, 3600),
    outboxRetentionDays: int(env, 'OUTBOX_RETENTION_DAYS', 30, 0, 3650),
    notificationRetentionDays: int(env, 'NOTIFICATION_RETENTION_DAYS', 180, 0, 3650),
    webhooksEnabled: bool(env, 'WEBHOOKS_ENABLED', true),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10000, 100, 120000),
    webhookMaxAttempts: int(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 1, 50),
    webhookBackoffBaseMs: int(env, 'WEBHOOK_BACKOFF_BASE_MS', 5000, 10, 3600000),
    webhookBackoffMaxMs: int(env, 'WEBHOOK_BACKOFF_MAX_MS', 3600000, 10, 24 * 3600000),
    webhookPollMs: int(env, 'WEBHOOK_POLL_MS', 1000, 20, 600000),
    liveTransport: oneOf(env, 'LIVE_TRANSPORT', ['postgres', 'redis'] as const, redisUrl(env, 'REDIS_URL') ? 'redis' : 'postgres'),
    liveRelayPollMs: int(env, 'LIVE_RELAY_POLL_MS', 50, 5, 60000),
    liveMaxSubscriptionsPerConnection: int(env, 'LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION', 50, 1, 10000),
  };
}

/**
 * For entry points (the service, the command-line tools): a bad value stops the process with one
 * line naming the variable and exit code 2, whether it came from the environment or from `.env`.
 */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
