/**
 * Fan-out latency of live updates (issue 18): commit → subscriber, with 200 open subscriptions
 * spread over two service instances (child processes) on one database.
 *
 *   DATABASE_URL=postgres://… [REDIS_URL=redis://…] npm run bench:live -- [--events 100] [--subs 200] [--transport postgres|redis]
 *
 * Database `ebike_bench_live` on DATABASE_URL's server is created (migrated, reference data) when
 * missing. Instance A takes the writes (createRemediationItem, one at a time, 50 ms apart);
 * the subscriptions (10 per WebSocket connection) are split evenly over A and B and all match
 * every event. Latency per delivered message = time received − the event's `occurredAt` (set in
 * the transaction just before commit, so an upper bound of commit → subscriber); also shown:
 * time received − the mutation's HTTP response (a lower bound, since the commit precedes the
 * response). Prints p50/p95/p99/max and the load average, and writes bench/results/live-<ts>.json.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { Client as PgClient } from 'pg';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '../src/common/auth';
import { createLogger } from '../src/common/logger';
import { migrate } from '../src/database/connect';
import { makeDataSource } from '../src/database/data-source';
import { loadReferenceData } from '../src/modules/reference/reference.loader';
import { signAccessToken } from '../src/modules/access/access.tokens';

const ROOT = path.resolve(__dirname, '..');
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const EVENTS = Number(arg('events', '100'));
const SUBS = Number(arg('subs', '200'));
const TRANSPORT = arg('transport', process.env.REDIS_URL ? 'redis' : 'postgres');
const PER_CONNECTION = 10;
const JWT_SECRET = `bench-live-${Date.now()}-0123456789abcdef0123456789`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function pct(v: number[], p: number): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

async function startService(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
      DATABASE_URL: url, NODE_ENV: 'production', JWT_SECRET, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn',
      RATE_LIMIT_POINTS: '1000000', WEBHOOKS_ENABLED: 'false', LIVE_TRANSPORT: TRANSPORT, ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const on = (b: Buffer) => {
      out += b.toString();
      if (/GraphQL listening on/.test(out)) resolve();
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.on('exit', () => reject(new Error(`service exited:\n${out}`)));
  });
  return child;
}

async function post(port: number, token: string, query: string, variables: Record<string, unknown>) {
  const r = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await r.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL (a PostgreSQL server; database ebike_bench_live is created on it)');
  if (TRANSPORT === 'redis' && !process.env.REDIS_URL) throw new Error('--transport redis needs REDIS_URL');
  const admin = new PgClient({ connectionString: serverUrl });
  await admin.connect();
  if (!(await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'ebike_bench_live'`)).rowCount) await admin.query(`CREATE DATABASE ebike_bench_live`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = '/ebike_bench_live';
  const url = u.toString();
  const log = createLogger('warn');
  const ds = makeDataSource({ url, log, poolSize: 2 });
  await ds.initialize();
  await migrate(ds, log);
  await loadReferenceData(ds);
  const [user] = await ds.query(
    `INSERT INTO app_user (username, display_name, role, password_hash) VALUES ('bench.live', 'bench.live', $1, 'x')
     ON CONFLICT (username) DO UPDATE SET role = EXCLUDED.role RETURNING id, token_version`,
    [Role.COORDINATOR],
  );
  const token = signAccessToken(JWT_SECRET, user.id, user.token_version, 3600).token;

  const [pa, pb] = [await freePort(), await freePort()];
  const children = [await startService(url, pa), await startService(url, pb)];
  const clients: Client[] = [];
  const latencies: { instance: 'A' | 'B'; upper: number; lower: number }[] = [];
  const responded = new Map<string, number>();
  const received = new Map<string, { instance: 'A' | 'B'; at: number; occurredAt: number }[]>();
  try {
    const district = '511102';
    let ready = 0;
    for (let i = 0; i < SUBS / PER_CONNECTION; i++) {
      const instance: 'A' | 'B' = i % 2 === 0 ? 'A' : 'B';
      const c = createClient({ url: `ws://127.0.0.1:${instance === 'A' ? pa : pb}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      clients.push(c);
      for (let j = 0; j < PER_CONNECTION; j++) {
        c.subscribe(
          { query: `subscription($f: RemediationItemChangedFilter) { remediationItemChanged(filter: $f) { id occurredAt item { id } } }`, variables: { f: { districtCodes: [district] } } },
          {
            next: (r) => {
              const at = Date.now();
              const m = (r.data as any).remediationItemChanged;
              const list = received.get(m.item.id) ?? [];
              list.push({ instance, at, occurredAt: Date.parse(m.occurredAt) });
              received.set(m.item.id, list);
            },
            error: (e) => console.error('subscription error', e),
            complete: () => undefined,
          },
        );
      }
      await new Promise<void>((resolve, reject) => {
        const un = c.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: reject, complete: () => { un(); resolve(); } });
      });
      ready += PER_CONNECTION;
    }
    const b = await post(pa, token, `mutation($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } } }`, { i: { name: `测速车行${Date.now()}`, types: ['RETAIL_STORE'], districtCode: district } });
    const businessId = b.createBusiness.business.id;
    // A yardstick under the same load: plain HTTP round trips to instance B.
    const baseline: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await post(pb, token, '{ __typename }', {});
      baseline.push(performance.now() - t0);
    }
    const load1 = os.loadavg();
    for (let i = 0; i < EVENTS; i++) {
      const d = await post(pa, token, `mutation($i: CreateRemediationItemInput!) { createRemediationItem(input: $i) { remediationItem { id } } }`, {
        i: { hazardTypeCode: 'SALES_THREE_NO', description: `测速 ${i}`, teamCode: 'SALES', discoveryMethod: 'ROUTINE', businessId },
      });
      responded.set(d.createRemediationItem.remediationItem.id, Date.now());
      await new Promise((r) => setTimeout(r, 50));
    }
    const deadline = Date.now() + 30000;
    while (Date.now() < deadline && [...responded.keys()].some((id) => (received.get(id)?.length ?? 0) < ready)) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    const load2 = os.loadavg();
    let missing = 0;
    let doubled = 0;
    for (const [id, at] of responded) {
      const got = received.get(id) ?? [];
      if (got.length < ready) missing += ready - got.length;
      if (got.length > ready) doubled += got.length - ready;
      for (const g of got) latencies.push({ instance: g.instance, upper: g.at - g.occurredAt, lower: g.at - at });
    }
    const summary = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: Math.max(...xs) });
    const result = {
      transport: TRANSPORT,
      events: EVENTS,
      subscriptions: ready,
      deliveries: latencies.length,
      missing,
      doubled,
      upperBoundMs: { all: summary(latencies.map((l) => l.upper)), writerInstance: summary(latencies.filter((l) => l.instance === 'A').map((l) => l.upper)), otherInstance: summary(latencies.filter((l) => l.instance === 'B').map((l) => l.upper)) },
      lowerBoundMs: summary(latencies.map((l) => l.lower)),
      httpRoundTripBaselineMs: summary(baseline.map((x) => Math.round(x))),
      loadAverage: { before: load1.map((x) => x.toFixed(2)), after: load2.map((x) => x.toFixed(2)) },
      cpus: os.cpus().length,
      at: new Date().toISOString(),
    };
    console.log(JSON.stringify(result, null, 2));
    const p95 = result.upperBoundMs.all.p95;
    console.log(`fan-out p95 (commit → subscriber, upper bound) = ${p95} ms with ${ready} subscriptions over 2 instances (${TRANSPORT}): ${p95 < 100 ? 'PASS' : 'MISS'} (target < 100 ms); load ${load1.map((x) => x.toFixed(2)).join(' ')}`);
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, `bench/results/live-${TRANSPORT}-${Date.now()}.json`), JSON.stringify(result, null, 2));
  } finally {
    for (const c of clients) await c.dispose();
    for (const ch of children) ch.kill('SIGTERM');
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
