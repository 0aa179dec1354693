/**
 * Load benchmark of the GraphQL service against a seeded database:
 *
 *   npm run bench -- --scale small|city|province [--runs 3] [--duration 10] [--connections 10] [--reuse]
 *
 * 1. Database: DATABASE_URL's server (database ebike_bench_<scale>), else an embedded PostgreSQL
 *    under .bench-data/<scale>; seeded with `seed:demo --seed 20250101` unless --reuse finds data.
 * 2. Builds (npm run build) and starts dist/src/main.js as a child (production, SQL counts exposed),
 *    creates a COORDINATOR and logs in.
 * 3. For each operation: autocannon at fixed concurrency (runs × duration), alternating with the
 *    same data fetched by hand-written SQL through a pg Pool (the floor), then the CSV export
 *    with the service's RSS sampled every 50 ms.
 * 4. Prints the table and PASS/MISS per target; saves bench/results/<scale>-<timestamp>.json.
 */
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client, Pool } from 'pg';
import { shanghaiDate, addDays } from '../src/common/time';
import { EmbeddedPostgres } from '../src/database/embedded';
import { hashPassword } from '../src/modules/access/access.passwords';
import { SCALES, type DemoScale } from '../src/modules/demo/demo.types';
import { OPERATIONS, type Operation, type Params } from './ops';
import { PEER_OPERATIONS, firstDifference, peerParameters, type PeerOperation, type PeerParams } from './peer';

const ROOT = path.resolve(__dirname, '..');
const SEED = 20250101;
const BENCH_USER = 'bench.coordinator';
const WARMUP_S = 2;

// ---------------------------------------------------------------- arguments

const { values: argv } = parseArgs({
  options: {
    scale: { type: 'string' },
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    reuse: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    peer: { type: 'string' },
    database: { type: 'string' },
  },
});
const scale = argv.scale as DemoScale;
if (!scale || !['small', 'city', 'province', 'tiny'].includes(scale)) {
  console.error('usage: npm run bench -- --scale small|city|province [--runs 3] [--duration 10] [--connections 10] [--reuse] [--only key,…] [--profile] [--peer URL] [--database NAME]');
  process.exit(2);
}
const RUNS = Math.max(1, Number(argv.runs));
const DURATION = Math.max(1, Number(argv.duration));
const CONNECTIONS = Math.max(1, Number(argv.connections));
/** Operation keys to run (and `csvExport`, `bulletinDocs`); all when absent. */
const ONLY = argv.only ? new Set(argv.only.split(',').map((k) => k.trim())) : null;
const KNOWN = [...OPERATIONS.map((o) => o.key), 'csvExport', 'sideBySide', 'bulletinDocs'];
/** --peer: a PostGraphile v5 server over the same database (see bench/peer.ts and bench/README.md). */
const PEER_URL = argv.peer?.trim() || null;
if (PEER_URL && !/^http:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?\//.test(PEER_URL)) {
  console.error('--peer: a loopback URL such as http://127.0.0.1:5055/graphql');
  process.exit(2);
}
if (argv.database && !/^[a-z_][a-z0-9_]{0,62}$/.test(argv.database)) {
  console.error('--database: a plain lower-case database name');
  process.exit(2);
}
for (const k of ONLY ?? []) {
  if (!KNOWN.includes(k)) {
    console.error(`--only: unknown operation ${k}; known: ${KNOWN.join(', ')}`);
    process.exit(2);
  }
}
const runs = (key: string) => !ONLY || ONLY.has(key);
/** --profile: the service writes a V8 CPU profile (open in Chrome DevTools) when it stops. */
const PROFILE_DIR = argv.profile ? path.join(ROOT, 'bench', 'results', 'profiles') : null;

// ---------------------------------------------------------------- helpers

const log = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x);
const r2 = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : x);

interface RunStats {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  detail?: Record<string, number>;
}

function stats(latencies: number[], seconds: number, errors: number, detail?: Record<string, number>): RunStats {
  const s = latencies.slice().sort((a, b) => a - b);
  return { requests: s.length, rps: r1(s.length / seconds), p50: r2(percentile(s, 50)), p95: r2(percentile(s, 95)), p99: r2(percentile(s, 99)), errors, detail };
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

// ---------------------------------------------------------------- cleanup

let embedded: EmbeddedPostgres | null = null;
let service: ChildProcess | null = null;
let cleaning: Promise<void> | null = null;

async function stopService(): Promise<void> {
  const child = service;
  service = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(t);
}

function cleanup(): Promise<void> {
  return (cleaning ??= (async () => {
    await stopService().catch((e) => log(`could not stop the service: ${e}`));
    if (embedded) {
      log('stopping the embedded PostgreSQL');
      await embedded.stop().catch((e) => log(`could not stop the embedded PostgreSQL: ${e}`));
      embedded = null;
    }
  })());
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log(`\n${sig}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- 1. database

async function prepareDatabase(): Promise<{ url: string; where: string }> {
  const dbName = argv.database ?? `ebike_bench_${scale}`;
  let serverUrl = process.env.DATABASE_URL?.trim() || '';
  let where: string;
  if (serverUrl) {
    where = `DATABASE_URL server, database ${dbName}`;
  } else {
    const dataDir = path.join(ROOT, '.bench-data', scale);
    embedded = new EmbeddedPostgres({ dataDir, port: await freePort() });
    log(`starting embedded PostgreSQL in ${path.relative(ROOT, dataDir)}`);
    await embedded.start();
    serverUrl = embedded.url('postgres');
    where = `embedded PostgreSQL (${path.relative(ROOT, dataDir)}), database ${dbName}`;
  }
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (!rowCount) {
      log(`creating database ${dbName}`);
      await admin.query(`CREATE DATABASE "${dbName}"`);
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, dbName);

  const items = await countItems(url);
  const expected = SCALES[scale].items;
  if (items > 0 && argv.reuse) {
    log(`--reuse: ${items} remediation items already there (scale ${scale} makes ${expected}); not reseeding`);
  } else {
    const force = items > 0;
    log(`seeding: seed:demo --scale ${scale} --seed ${SEED}${force ? ' --force' : ''}`);
    const t = Date.now();
    const res = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/seed-demo.ts', '--scale', scale, '--seed', String(SEED), ...(force ? ['--force'] : [])], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (res.status !== 0) throw new Error(`seed:demo failed with exit code ${res.status}`);
    log(`seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return { url, where };
}

async function countItems(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT to_regclass('public.remediation_item') IS NOT NULL AS ok`);
    if (!rows[0].ok) return 0;
    return Number((await c.query('SELECT count(*) FROM remediation_item')).rows[0].count);
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------- 2. service

function build(): string[] {
  log('building (npm run build)');
  const t = Date.now();
  const res = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8' });
  const main = path.join(ROOT, 'dist/src/main.js');
  if (res.status === 0) {
    log(`built in ${((Date.now() - t) / 1000).toFixed(1)} s; running the compiled dist/src/main.js`);
    return [main];
  }
  // tsc still emits on type errors; a half-finished module elsewhere should not stop the bench.
  log(`npm run build exited ${res.status}:\n${(res.stdout + res.stderr).split('\n').slice(0, 8).join('\n')}`);
  if (fs.existsSync(main) && fs.statSync(main).mtimeMs >= t) {
    log('tsc emitted anyway; running the compiled dist/src/main.js');
    return [main];
  }
  log('falling back to ts-node (transpile-only): numbers include no build-time optimisation differences, but are not the production artefact');
  return ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/main.ts')];
}

async function startService(dbUrl: string, args: string[]): Promise<{ port: number; pid: number; command: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      // One sign-in for the whole run, which can outlast the default 15-minute access token.
      JWT_TTL_SECONDS: '7200',
      EXPOSE_SQL_COUNT: 'true',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_POINTS: '1000000',
      RATE_LIMIT_WINDOW_SECONDS: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: dbUrl,
      BOOTSTRAP_ADMIN: 'false',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  service = child;
  let warned = 0;
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim() || line.startsWith('GraphQL listening')) continue;
      if (warned++ < 20) log(`  [service] ${line.slice(0, 300)}`);
    }
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the service did not start within 120 s')), 120000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('GraphQL listening')) {
        clearTimeout(timer);
        resolve();
      }
      relay(chunk);
    });
    child.stderr!.on('data', relay);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited during start-up (code ${code})`));
    });
  });
  return { port, pid: child.pid!, command: `node ${args.map((a) => path.relative(ROOT, a) || a).join(' ')}` };
}

async function ensureUser(url: string): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const hash = await hashPassword(password);
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      `INSERT INTO app_user (username, display_name, role, password_hash) VALUES ($1, '压测协调员', 'COORDINATOR', $2)
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = TRUE, role = 'COORDINATOR'`,
      [BENCH_USER, hash],
    );
    await c.query('DELETE FROM login_throttle WHERE username = $1', [BENCH_USER]).catch(() => undefined);
  } finally {
    await c.end();
  }
  return password;
}

function post(port: number, body: unknown, token?: string): Promise<{ status: number; json: any }> {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString()) });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

// ---------------------------------------------------------------- 3. parameters from the data

async function parameters(pool: Pool): Promise<Params> {
  const today = shanghaiDate(new Date());
  const monthFrom = `${today.slice(0, 8)}01`;
  const lastMonthTo = addDays(monthFrom, -1);
  const lastMonthFrom = `${lastMonthTo.slice(0, 8)}01`;
  const prevMonthTo = addDays(lastMonthFrom, -1);
  const days = Math.round((Date.parse(lastMonthTo) - Date.parse(lastMonthFrom)) / 86400000) + 1;
  const prevMonthFrom = addDays(prevMonthTo, -(days - 1));
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const ym = new Date(Date.UTC(y, m - 1 - 11, 1));
  const yearFrom = ym.toISOString().slice(0, 10);
  // The (district, type) with the most live businesses that buy from someone: a full, nested page.
  const partner = (
    await pool.query(
      `SELECT b.district_code, t::text AS type, count(*) AS n FROM business b, unnest(b.types) t
        WHERE b.status <> 'ARCHIVED' AND EXISTS (SELECT 1 FROM supply_relation r WHERE r.buyer_business_id = b.id AND r.status = 'ACTIVE')
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1`,
    )
  ).rows[0];
  const chain = (
    await pool.query(
      `SELECT b.id, count(*) AS n FROM business b JOIN supply_relation r ON r.supplier_business_id = b.id AND r.status = 'ACTIVE'
        WHERE 'VEHICLE_MANUFACTURER' = ANY(b.types) AND b.status <> 'ARCHIVED' GROUP BY b.id ORDER BY 2 DESC, 1 LIMIT 1`,
    )
  ).rows[0];
  const itemDistrict = (
    await pool.query(
      `SELECT district_code FROM remediation_item WHERE deadline < $1::date AND status NOT IN ('VERIFIED', 'CLOSED', 'INVALIDATED')
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      [today],
    )
  ).rows[0];
  if (!partner || !chain || !itemDistrict) throw new Error('the seeded data lacks partners, vehicle makers with relations, or overdue items');
  return {
    today,
    monthFrom,
    yearFrom,
    lastMonthFrom,
    lastMonthTo,
    prevMonthFrom,
    prevMonthTo,
    partnerDistrict: partner.district_code,
    partnerType: partner.type,
    chainStart: chain.id,
    itemDistrict: itemDistrict.district_code,
  };
}

// ---------------------------------------------------------------- the load

interface ItemRef {
  id: string;
  version: number;
}

/** Items for the transition; the cursor persists across runs so that no item is reused while a lost response may have changed it. */
interface ItemPool {
  items: ItemRef[];
  next: number;
}

async function graphqlRun(port: number, token: string, op: Operation, p: Params, seconds: number, itemPool?: ItemPool): Promise<RunStats> {
  const pool = itemPool?.items;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const latencies: number[] = [];
  let gqlErrors = 0;
  const detail: Record<string, number> = {};
  const byId = new Map((pool ?? []).map((x) => [x.id, x]));
  const request: autocannon.Request = pool
    ? {
        method: 'POST',
        path: '/graphql',
        headers,
        setupRequest: (req) => {
          const n = itemPool!.next++;
          const item = pool[n % pool.length];
          const body = JSON.stringify({ query: op.query, variables: { input: { id: item.id, expectedVersion: item.version, action: 'COMMENT', comment: `bench ${n}` } } });
          return { ...req, body };
        },
        onResponse: (status, body) => {
          try {
            const j = JSON.parse(body);
            if (j.errors?.length) {
              gqlErrors++;
              detail[`error:${j.errors[0].extensions?.code ?? 'unknown'}`] = (detail[`error:${j.errors[0].extensions?.code ?? 'unknown'}`] ?? 0) + 1;
            }
            const payload = j.data?.transitionRemediationItem;
            for (const e of payload?.userErrors ?? []) detail[e.code] = (detail[e.code] ?? 0) + 1;
            const it = payload?.remediationItem;
            if (it) {
              const ref = byId.get(it.id);
              if (ref) ref.version = it.version;
            }
          } catch {
            gqlErrors++;
          }
        },
      }
    : {
        method: 'POST',
        path: '/graphql',
        headers,
        body: JSON.stringify({ query: op.query, variables: op.variables(p) }),
        onResponse: (_status, body) => {
          if (body.includes('"errors":[')) gqlErrors++;
        },
      };
  const inst = autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: seconds, requests: [request] });
  inst.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (status !== 200) detail[`http${status}`] = (detail[`http${status}`] ?? 0) + 1;
  });
  const result = await inst;
  const non2xx = result.non2xx ?? 0;
  const errors = gqlErrors + (result.errors ?? 0) + (result.timeouts ?? 0) + non2xx + Object.entries(detail).filter(([k]) => !k.startsWith('error:') && !k.startsWith('http')).reduce((s, [, v]) => s + v, 0);
  return stats(latencies, result.duration ?? seconds, errors, Object.keys(detail).length ? detail : undefined);
}

async function floorRun(pgPool: Pool, fn: () => Promise<unknown>, seconds: number): Promise<RunStats> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await fn();
          latencies.push(performance.now() - t);
        } catch (e) {
          if (errors++ === 0) log(`    floor error: ${(e as Error).message}`);
        }
      }
    }),
  );
  return stats(latencies, (performance.now() - t0) / 1000, errors);
}

/** The floor of the COMMENT transition: lock-and-bump with the version check, the event, the audit row. */
function transitionFloor(pgPool: Pool, items: ItemRef[], actorId: string) {
  let next = 0;
  return async () => {
    const item = items[next++ % items.length];
    const c = await pgPool.connect();
    try {
      await c.query('BEGIN');
      const u = await c.query(
        `UPDATE remediation_item SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING status, version`,
        [item.id, item.version],
      );
      if (!u.rowCount) throw new Error('floor: CONFLICT');
      item.version = u.rows[0].version;
      await c.query(
        `INSERT INTO remediation_event (item_id, action, from_status, to_status, actor_id, actor_name, actor_role, occurred_at, comment)
         VALUES ($1, 'COMMENT', $2, $2, $3, '压测协调员', 'COORDINATOR', now(), $4)`,
        [item.id, u.rows[0].status, actorId, `floor ${next}`],
      );
      await c.query(
        `INSERT INTO audit_event (actor_type, actor_id, actor_name, role, operation, entity_type, entity_id, outcome, changes)
         VALUES ('user', $1, '压测协调员', 'COORDINATOR', 'transitionRemediationItem:COMMENT', 'RemediationItem', $2, 'SUCCESS', $3)`,
        [actorId, item.id, JSON.stringify({ version: [item.version - 1, item.version] })],
      );
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  };
}


// ---------------------------------------------------------------- side by side with the peer

async function postUrl(url: string, body: unknown, token?: string): Promise<{ status: number; json: any }> {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

/** autocannon against one GraphQL URL with a fixed body; an answer with `errors` counts as an error. */
async function httpRun(url: string, body: string, seconds: number, token?: string): Promise<RunStats> {
  const latencies: number[] = [];
  let gqlErrors = 0;
  const u = new URL(url);
  const inst = autocannon({
    url: `${u.protocol}//${u.host}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: u.pathname,
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
        onResponse: (_status, b) => {
          if (b.includes('"errors":[')) gqlErrors++;
        },
      },
    ],
  });
  inst.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await inst;
  const errors = gqlErrors + (result.errors ?? 0) + (result.timeouts ?? 0) + (result.non2xx ?? 0);
  return stats(latencies, result.duration ?? seconds, errors);
}

interface SideBySideRow {
  key: string;
  title: string;
  sameData: boolean;
  difference: string | null;
  sqlStatements?: number;
  service: RunStats;
  peer: RunStats;
  floor: RunStats | null;
  /** Medians of the per-run ratios (each run: service, then peer, then floor, back to back). */
  ratioRps: number;
  ratioP95: number;
  floorOverServiceP50: number | null;
  runs: { service: RunStats; peer: RunStats; floor: RunStats | null; loadAvg: number[] }[];
}

/**
 * The issue's reads on both servers, interleaved per run (service, peer, SQL floor), after a check
 * that both return the same data. The service is authenticated (the bench's COORDINATOR); the peer
 * is anonymous and read-only, as it runs.
 */
async function sideBySide(svcPort: number, token: string, pgPool: Pool, p: PeerParams, peerUrl: string): Promise<SideBySideRow[]> {
  const svcUrl = `http://127.0.0.1:${svcPort}/graphql`;
  const rows: SideBySideRow[] = [];
  for (const op of PEER_OPERATIONS) {
    const sBody = { query: op.service.query, variables: op.service.variables(p) };
    const pBody = { query: op.peer.query, variables: op.peer.variables(p) };
    const s = await postUrl(svcUrl, sBody, token);
    const q = await postUrl(peerUrl, pBody);
    if (s.json.errors || !s.json.data) throw new Error(`${op.key}: the service answered with errors: ${JSON.stringify(s.json).slice(0, 500)}`);
    if (q.json.errors || !q.json.data) throw new Error(`${op.key}: the peer answered with errors: ${JSON.stringify(q.json).slice(0, 500)}`);
    const difference = firstDifference(op.normalize.service(s.json.data), op.normalize.peer(q.json.data));
    const size = JSON.stringify(s.json.data).length;
    log(`\n▶ peer ${op.key} — ${op.title}: ${difference ? `DIFFERENT DATA (${difference})` : 'same data on both'}; ${s.json.extensions?.sqlStatements ?? '?'} SQL statements; service ${size} bytes, peer ${JSON.stringify(q.json.data).length} bytes`);
    const floorFn = op.floor ? () => op.floor!(pgPool, p) : null;
    // Warm-up of both (JIT, plan caches), not measured.
    await httpRun(svcUrl, JSON.stringify(sBody), WARMUP_S, token);
    await httpRun(peerUrl, JSON.stringify(pBody), WARMUP_S);
    if (floorFn) await floorRun(pgPool, floorFn, WARMUP_S);
    const runsOut: SideBySideRow['runs'] = [];
    for (let r = 0; r < RUNS; r++) {
      const a = await httpRun(svcUrl, JSON.stringify(sBody), DURATION, token);
      const b = await httpRun(peerUrl, JSON.stringify(pBody), DURATION);
      const f = floorFn ? await floorRun(pgPool, floorFn, DURATION) : null;
      const loadAvg = os.loadavg().map(r2);
      runsOut.push({ service: a, peer: b, floor: f, loadAvg });
      log(`  run ${r + 1}: service ${a.rps} req/s p50 ${a.p50} p95 ${a.p95} err ${a.errors} | peer ${b.rps} req/s p50 ${b.p50} p95 ${b.p95} err ${b.errors}${f ? ` | SQL ${f.rps} req/s p50 ${f.p50}` : ''} | ratio ${r2(a.rps / b.rps)} | load ${loadAvg.join(' ')}`);
    }
    const medOf = (k: 'service' | 'peer' | 'floor', f: keyof RunStats) => r2(median(runsOut.map((x) => (x[k] ? (x[k]![f] as number) : NaN))));
    const pick = (k: 'service' | 'peer' | 'floor'): RunStats => ({ requests: medOf(k, 'requests'), rps: medOf(k, 'rps'), p50: medOf(k, 'p50'), p95: medOf(k, 'p95'), p99: medOf(k, 'p99'), errors: runsOut.reduce((t, x) => t + (x[k]?.errors ?? 0), 0) });
    rows.push({
      key: op.key,
      title: op.title,
      sameData: !difference,
      difference,
      sqlStatements: s.json.extensions?.sqlStatements,
      service: pick('service'),
      peer: pick('peer'),
      floor: floorFn ? pick('floor') : null,
      ratioRps: r2(median(runsOut.map((x) => x.service.rps / x.peer.rps))),
      ratioP95: r2(median(runsOut.map((x) => x.service.p95 / x.peer.p95))),
      floorOverServiceP50: floorFn ? r2(median(runsOut.map((x) => x.service.p50 / x.floor!.p50))) : null,
      runs: runsOut,
    });
  }
  return rows;
}

// ---------------------------------------------------------------- CSV export

async function csvExport(port: number, token: string, pid: number, filter: unknown): Promise<{ ms: number; rows: number; bytes: number; status: number; peakRssMb: number; baseRssMb: number }> {
  const qs = filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
  const baseRssMb = rssMb(pid);
  let peak = baseRssMb;
  const sampler = setInterval(() => {
    const v = rssMb(pid);
    if (v > peak) peak = v;
  }, 50);
  const t = performance.now();
  try {
    return await new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/exports/remediation-items.csv${qs}`, headers: { authorization: `Bearer ${token}` } }, (res) => {
        let bytes = 0;
        let lines = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) lines++;
        });
        res.on('end', () => resolve({ ms: performance.now() - t, rows: Math.max(0, lines - 1), bytes, status: res.statusCode!, peakRssMb: Math.max(peak, rssMb(pid)), baseRssMb }));
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  } finally {
    clearInterval(sampler);
  }
}

// ---------------------------------------------------------------- bulletin documents

/** One GET, timed to the last byte. */
function timedGet(port: number, token: string, urlPath: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ ms: performance.now() - t, bytes, status: res.statusCode! }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const BULLETIN_DOCS = [
  { key: 'page', path: '/reports/bulletin' },
  { key: 'docx', path: '/exports/bulletin.docx' },
  { key: 'xlsx', path: '/exports/bulletin.xlsx' },
] as const;

/**
 * The bulletin page, Word file and workbook of a month at this scale. Each run takes a different
 * month (the service caches the bulletin computation per period), and rotates which document is
 * asked first: that one pays for the computation ("cold"), the other two only render ("warm").
 */
async function bulletinDocsRun(port: number, token: string, pool: Pool) {
  const months = (
    await pool.query(`SELECT to_char(discovered_on, 'YYYY-MM') AS m, count(*)::int AS n FROM remediation_item GROUP BY 1 ORDER BY 2 DESC, 1 DESC LIMIT $1`, [Math.max(RUNS, 3)])
  ).rows as { m: string; n: number }[];
  const out: { run: number; month: string; items: number; doc: string; cold: boolean; ms: number; bytes: number; status: number; loadAvg1: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const { m, n } = months[r % months.length];
    const from = `${m}-01`;
    const to = addDays(`${m}-01`.replace(/^(\d{4})-(\d{2})/, (_x, y: string, mm: string) => (mm === '12' ? `${Number(y) + 1}-01` : `${y}-${String(Number(mm) + 1).padStart(2, '0')}`)), -1);
    const order = [...BULLETIN_DOCS.slice(r % 3), ...BULLETIN_DOCS.slice(0, r % 3)];
    for (const [k, d] of order.entries()) {
      const e = await timedGet(port, token, `${d.path}?from=${from}&to=${to}`);
      out.push({ run: r + 1, month: m, items: n, doc: d.key, cold: k === 0, ms: Math.round(e.ms), bytes: e.bytes, status: e.status, loadAvg1: r2(os.loadavg()[0]) });
      log(`  run ${r + 1} ${m} (${n} items found): ${d.key}${k === 0 ? ' (cold: computes the bulletin)' : ''} HTTP ${e.status}, ${(e.bytes / 1024).toFixed(0)} KiB in ${(e.ms / 1000).toFixed(2)} s, load ${os.loadavg()[0].toFixed(2)}`);
    }
  }
  const summary = Object.fromEntries(
    BULLETIN_DOCS.map((d) => {
      const mine = out.filter((x) => x.doc === d.key);
      return [d.key, { coldSeconds: r2(median(mine.filter((x) => x.cold).map((x) => x.ms / 1000))), warmSeconds: r2(median(mine.filter((x) => !x.cold).map((x) => x.ms / 1000))), maxSeconds: r2(Math.max(...mine.map((x) => x.ms / 1000))), kib: Math.round(median(mine.map((x) => x.bytes)) / 1024), errors: mine.filter((x) => x.status !== 200).length }];
    }),
  );
  return { summary, runs: out };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const started = Date.now();
  const { url, where } = await prepareDatabase();
  const entry = build();
  const password = await ensureUser(url);
  const svc = await startService(url, PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR, ...entry] : entry);
  log(`service pid ${svc.pid} on 127.0.0.1:${svc.port} (${svc.command})`);

  const login = await post(svc.port, { query: 'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken user { id } userErrors { code message } } }', variables: { u: BENCH_USER, p: password } });
  const accessToken: string | undefined = login.json.data?.login?.accessToken;
  if (!accessToken) throw new Error(`login failed: ${JSON.stringify(login.json)}`);
  const token: string = accessToken;
  const actorId: string = login.json.data.login.user.id;

  const pgPool = new Pool({ connectionString: url, max: CONNECTIONS, application_name: 'ebike-bench-floor', options: '-c timezone=UTC' } as never);
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
    memoryGb: r1(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres: (await pgPool.query('SHOW server_version')).rows[0].server_version as string,
    loadAvgAtStart: os.loadavg().map(r2),
  };
  const counts: Record<string, number> = {};
  for (const t of ['business', 'site', 'product_model', 'certificate', 'supply_relation', 'inspection', 'remediation_item', 'remediation_event', 'enforcement_case', 'evidence', 'audit_event']) {
    try {
      counts[t] = Number((await pgPool.query(`SELECT count(*) FROM "${t}"`)).rows[0].count);
    } catch {
      /* table absent */
    }
  }
  log(`\nmachine: ${machine.cpu} × ${machine.cpus}, ${machine.memoryGb} GB, node ${machine.node}, PostgreSQL ${machine.postgres}, load ${machine.loadAvgAtStart.join(' ')}`);
  log(`database: ${where}`);
  log(`rows: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);

  const p = await parameters(pgPool);
  log(`parameters: ${JSON.stringify(p)}`);

  // Item pools for the transition: distinct items, GraphQL and floor never share one.
  const poolRows = (await pgPool.query('SELECT id, version FROM remediation_item ORDER BY md5(id::text) LIMIT 40000')).rows as ItemRef[];
  const gqlItems = poolRows.filter((_, i) => i % 2 === 0);
  const gqlPool: ItemPool = { items: gqlItems, next: 0 };
  /** Re-reads the versions: responses still in flight when autocannon stopped were applied but never seen. */
  const refreshVersions = async () => {
    const { rows } = await pgPool.query('SELECT id, version FROM remediation_item WHERE id = ANY($1::uuid[])', [gqlItems.map((x) => x.id)]);
    const v = new Map(rows.map((r: ItemRef) => [r.id, r.version]));
    for (const x of gqlItems) x.version = v.get(x.id) ?? x.version;
  };
  const floorItems = poolRows.filter((_, i) => i % 2 === 1);

  const results: Record<string, unknown>[] = [];
  for (const op of OPERATIONS.filter((o) => runs(o.key))) {
    const isWrite = op.key === 'transition';
    // Sample response: SQL statements and a sanity check of the data.
    const sampleItem = gqlItems[gqlPool.next++];
    const sampleVars = isWrite ? { input: { id: sampleItem.id, expectedVersion: sampleItem.version, action: 'COMMENT', comment: 'bench sample' } } : op.variables(p);
    const sample = await post(svc.port, { query: op.query, variables: sampleVars }, token);
    if (isWrite && sample.json.data?.transitionRemediationItem?.remediationItem) sampleItem.version = sample.json.data.transitionRemediationItem.remediationItem.version;
    if (isWrite && sample.json.data?.transitionRemediationItem?.userErrors?.length) log(`  transition sample userErrors: ${JSON.stringify(sample.json.data.transitionRemediationItem.userErrors)}`);
    const sqlStatements = sample.json.extensions?.sqlStatements as number | undefined;
    // The same request again: what a request costs once report results and reference tables are cached.
    const again = isWrite ? null : await post(svc.port, { query: op.query, variables: sampleVars }, token);
    const sqlStatementsWarm = again ? (again.json.extensions?.sqlStatements as number | undefined) : sqlStatements;
    if (sample.json.errors) log(`  ${op.key}: sample response has errors: ${JSON.stringify(sample.json.errors).slice(0, 400)}`);
    const sampleSize = JSON.stringify(sample.json.data ?? {}).length;
    const floorFn = isWrite ? transitionFloor(pgPool, floorItems, actorId) : () => op.floor(pgPool, p);
    const floorRows = isWrite ? 0 : await op.floor(pgPool, p);
    log(`\n▶ ${op.key} — ${op.title}: ${sqlStatements} SQL statements (${sqlStatementsWarm} when repeated), response ${sampleSize} bytes of data; floor rows ${floorRows}`);
    // Warm-up (JIT, plan caches, buffers), not measured.
    await graphqlRun(svc.port, token, op, p, WARMUP_S, isWrite ? gqlPool : undefined);
    if (isWrite) await refreshVersions();
    await floorRun(pgPool, floorFn, WARMUP_S);
    const gql: RunStats[] = [];
    const sql: RunStats[] = [];
    for (let r = 0; r < RUNS; r++) {
      const g = await graphqlRun(svc.port, token, op, p, DURATION, isWrite ? gqlPool : undefined);
      if (isWrite) await refreshVersions();
      const s = await floorRun(pgPool, floorFn, DURATION);
      gql.push(g);
      sql.push(s);
      log(`  run ${r + 1}: GraphQL ${g.rps} req/s p50 ${g.p50} p95 ${g.p95} p99 ${g.p99} ms, errors ${g.errors}${g.detail ? ` ${JSON.stringify(g.detail)}` : ''} | SQL ${s.rps} req/s p50 ${s.p50} p95 ${s.p95} ms, errors ${s.errors}`);
    }
    const med = (rs: RunStats[], k: keyof RunStats) => r2(median(rs.map((x) => x[k] as number)));
    const row = {
      key: op.key,
      title: op.title,
      kind: op.kind,
      list: op.list,
      depth: op.depth,
      depthNote: op.depthNote,
      sqlStatements,
      sqlStatementsWarm,
      sqlBudget: 2 + op.depth,
      rps: med(gql, 'rps'),
      p50: med(gql, 'p50'),
      p95: med(gql, 'p95'),
      p99: med(gql, 'p99'),
      errors: gql.reduce((s, x) => s + x.errors, 0),
      floor: { rps: med(sql, 'rps'), p50: med(sql, 'p50'), p95: med(sql, 'p95'), p99: med(sql, 'p99'), errors: sql.reduce((s, x) => s + x.errors, 0) },
      ratioP50: r2(med(gql, 'p50') / med(sql, 'p50')),
      ratioP95: r2(med(gql, 'p95') / med(sql, 'p95')),
      runs: gql,
      floorRuns: sql,
    };
    results.push(row);
  }

  let peerRows: SideBySideRow[] | null = null;
  if (PEER_URL && runs('sideBySide')) {
    const pp = await peerParameters(pgPool, p);
    log(`\n=== side by side with the peer at ${PEER_URL} (lookup business ${pp.lookupBusiness}) ===`);
    peerRows = await sideBySide(svc.port, token, pgPool, pp, PEER_URL);
  }

  const csv = runs('csvExport') ? await exportRun() : null;
  async function exportRun() {
    // CSV export: ≥ 100,000 rows (districts with the most items until the sum reaches it), or everything when smaller.
    const totalItems = counts.remediation_item ?? 0;
    let filter: unknown = null;
    let expectedRows = totalItems;
    if (totalItems > 100000) {
      const byDistrict = (await pgPool.query('SELECT district_code AS d, count(*)::int AS n FROM remediation_item GROUP BY 1 ORDER BY 2 DESC, 1')).rows as { d: string; n: number }[];
      const chosen: string[] = [];
      let sum = 0;
      for (const r of byDistrict) {
        if (sum >= 100000) break;
        chosen.push(r.d);
        sum += r.n;
      }
      filter = { district: { in: chosen } };
      expectedRows = sum;
    }
    log(`\n▶ csvExport — GET /exports/remediation-items.csv ${filter ? JSON.stringify(filter) : '(no filter)'}, ${expectedRows} rows expected`);
    const exportsRuns = [];
    for (let r = 0; r < RUNS; r++) {
      const e = await csvExport(svc.port, token, svc.pid, filter);
      exportsRuns.push(e);
      log(`  run ${r + 1}: HTTP ${e.status}, ${e.rows} rows, ${(e.bytes / 1048576).toFixed(1)} MiB in ${(e.ms / 1000).toFixed(2)} s; RSS ${e.baseRssMb.toFixed(0)} → peak ${e.peakRssMb.toFixed(0)} MB`);
    }
    return {
      filter,
      expectedRows,
      rows: exportsRuns[0]?.rows,
      seconds: r2(median(exportsRuns.map((e) => e.ms / 1000))),
      peakRssMb: r1(Math.max(...exportsRuns.map((e) => e.peakRssMb))),
      baseRssMb: r1(exportsRuns[0]?.baseRssMb),
      errors: exportsRuns.filter((e) => e.status !== 200 || e.rows !== expectedRows).length,
      runs: exportsRuns.map((e) => ({ ...e, ms: Math.round(e.ms) })),
    };
  }

  let bulletinDocs: Awaited<ReturnType<typeof bulletinDocsRun>> | null = null;
  if (runs('bulletinDocs')) {
    log('\n▶ bulletinDocs — GET /reports/bulletin, /exports/bulletin.docx, /exports/bulletin.xlsx for a month');
    bulletinDocs = await bulletinDocsRun(svc.port, token, pgPool);
  }

  await pgPool.end();
  await cleanup();

  // ---------------------------------------------------------------- report
  const pad = (s: unknown, n: number) => String(s).padStart(n);
  log(`\n=== bench ${scale}: ${RUNS} run(s) × ${DURATION} s at ${CONNECTIONS} connections (medians over runs; latency in ms) ===`);
  log(`machine: ${machine.cpu} × ${machine.cpus}, ${machine.memoryGb} GB RAM, node ${machine.node}, PostgreSQL ${machine.postgres}`);
  log(`rows: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  log(`${'operation'.padEnd(14)}${pad('req/s', 8)}${pad('p50', 8)}${pad('p95', 8)}${pad('p99', 8)}${pad('err', 6)}${pad('SQL', 5)}${pad('warm', 5)}${pad('depth', 6)}${pad('sql p50', 9)}${pad('sql p95', 9)}${pad('x p50', 7)}${pad('x p95', 7)}`);
  for (const r of results as any[]) {
    log(`${String(r.key).padEnd(14)}${pad(r.rps, 8)}${pad(r.p50, 8)}${pad(r.p95, 8)}${pad(r.p99, 8)}${pad(r.errors, 6)}${pad(r.sqlStatements, 5)}${pad(r.sqlStatementsWarm, 5)}${pad(r.depth, 6)}${pad(r.floor.p50, 9)}${pad(r.floor.p95, 9)}${pad(r.ratioP50, 7)}${pad(r.ratioP95, 7)}`);
  }
  if (csv) log(`${'csvExport'.padEnd(14)} ${csv.rows} rows in ${csv.seconds} s (median), service RSS ${csv.baseRssMb} → peak ${csv.peakRssMb} MB, errors ${csv.errors}`);
  if (peerRows) {
    log(`\n=== side by side: this service (node ${process.version}, authenticated) vs PostGraphile v5 at ${PEER_URL} (anonymous, read-only; its own Node) — medians of ${RUNS} interleaved run(s) × ${DURATION} s at ${CONNECTIONS} connections ===`);
    log(`| query | same data | SQL | service req/s (p95 ms) | peer req/s (p95 ms) | ratio req/s | SQL floor req/s (p50 ms) | service ÷ floor p50 | errors |`);
    log(`|---|---|---|---|---|---|---|---|---|`);
    for (const r of peerRows) {
      log(`| ${r.key} | ${r.sameData ? 'yes' : 'NO'} | ${r.sqlStatements ?? '?'} | ${r.service.rps} (${r.service.p95}) | ${r.peer.rps} (${r.peer.p95}) | ${r.ratioRps} | ${r.floor ? `${r.floor.rps} (${r.floor.p50})` : '—'} | ${r.floorOverServiceP50 ?? '—'} | ${r.service.errors}/${r.peer.errors} |`);
    }
    log(`load average at the end: ${os.loadavg().map(r2).join(' ')}`);
  }

  const targets: { target: string; pass: boolean; detail: string }[] = [];
  for (const r of results as any[]) {
    if (r.kind === 'read') targets.push({ target: `${r.key}: p95 ≤ 50 ms @${CONNECTIONS}`, pass: r.p95 <= 50, detail: `p95 ${r.p95} ms` });
    targets.push({ target: `${r.key}: SQL statements ≤ 2 + depth ${r.depth} = ${r.sqlBudget}`, pass: r.sqlStatements !== undefined && r.sqlStatements <= r.sqlBudget, detail: `${r.sqlStatements} statements, ${r.sqlStatementsWarm} repeated (${r.depthNote})` });
    if (r.list) targets.push({ target: `${r.key}: GraphQL/SQL ratio ≤ 3`, pass: r.ratioP50 <= 3, detail: `p50 ×${r.ratioP50}, p95 ×${r.ratioP95}` });
    if (r.key === 'transition') {
      const conflicts = r.runs.reduce((s: number, x: RunStats) => s + (x.detail?.CONFLICT ?? 0), 0);
      targets.push({ target: 'transition: 0 CONFLICTs and 0 other userErrors', pass: r.errors === 0, detail: `${conflicts} CONFLICT, ${r.errors} errors in total` });
    }
  }
  for (const r of peerRows ?? []) {
    targets.push({ target: `peer ${r.key}: same data on both`, pass: r.sameData, detail: r.difference ?? 'equal' });
    const goal = r.key === 'typename' ? 0.5 : 1;
    targets.push({ target: `peer ${r.key}: req/s ratio ≥ ${goal}`, pass: r.ratioRps >= goal, detail: `×${r.ratioRps}` });
    if (r.key !== 'typename') targets.push({ target: `peer ${r.key}: p95 ≤ 50 ms @${CONNECTIONS}`, pass: r.service.p95 <= 50, detail: `p95 ${r.service.p95} ms` });
    if (r.floorOverServiceP50 !== null) targets.push({ target: `peer ${r.key}: GraphQL/SQL p50 ≤ 3`, pass: r.floorOverServiceP50 <= 3, detail: `×${r.floorOverServiceP50}` });
  }
  if (csv) {
    targets.push({ target: `csvExport: ${csv.rows} rows ≤ 10 s`, pass: csv.seconds <= 10 && csv.errors === 0, detail: `${csv.seconds} s` });
    targets.push({ target: 'csvExport: service RSS < 300 MB', pass: csv.peakRssMb < 300, detail: `peak ${csv.peakRssMb} MB` });
  }
  if (bulletinDocs) {
    for (const [k, v] of Object.entries(bulletinDocs.summary)) {
      log(`${`bulletin ${k}`.padEnd(14)} cold ${v.coldSeconds} s, warm ${v.warmSeconds} s (medians), max ${v.maxSeconds} s, ${v.kib} KiB, errors ${v.errors}`);
      targets.push({ target: `bulletin ${k}: each < 2 s`, pass: v.maxSeconds < 2 && v.errors === 0, detail: `max ${v.maxSeconds} s (cold median ${v.coldSeconds} s)` });
    }
  }
  log('\ntargets:');
  for (const t of targets) log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.target.padEnd(52)} ${t.detail}`);

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${scale}-${stamp}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ scale, runs: RUNS, durationSeconds: DURATION, connections: CONNECTIONS, startedAt: new Date(started).toISOString(), machine, database: where, service: svc.command, rows: counts, parameters: p, operations: results, csvExport: csv, bulletinDocs, peer: peerRows ? { url: PEER_URL, rows: peerRows } : null, targets }, null, 2),
  );
  log(`\nsaved ${path.relative(ROOT, file)} (total ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().then(
  () => process.exit(0),
  async (e) => {
    console.error(`bench failed: ${(e as Error).stack ?? e}`);
    await cleanup();
    process.exit(1);
  },
);
