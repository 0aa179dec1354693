/**
 * One lever, measured interleaved: two instances of the compiled service over one (already seeded)
 * database, differing only in the environment given, loaded in turn (A B A B …) with the same
 * request; prints each run, the median of the per-run req/s ratios B ÷ A, and the load average.
 *
 *   npm run build && DATABASE_URL=postgres://…/ebike_bench_city npx ts-node --transpile-only bench/ab.ts \
 *     --a PRINCIPAL_CACHE_ENTRIES=0 --b PRINCIPAL_CACHE_ENTRIES=10000 [--query '{ __typename }'] [--runs 5] [--duration 5]
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { hashPassword } from '../src/modules/access/access.passwords';

const ROOT = path.resolve(__dirname, '..');
const { values: argv } = parseArgs({
  options: {
    a: { type: 'string', multiple: true, default: [] },
    b: { type: 'string', multiple: true, default: [] },
    query: { type: 'string', default: '{ __typename }' },
    variables: { type: 'string', default: '{}' },
    runs: { type: 'string', default: '5' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: the seeded database');
const envOf = (pairs: string[]) => Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
const children: ChildProcess[] = [];
const secret = randomBytes(32).toString('hex');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(extra: Record<string, string>): Promise<number> {
  const port = await freePort();
  // NODE_ARGS: flags for node itself (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`), which NODE_OPTIONS refuses;
  // ENTRY: another build's main.js (e.g. a worktree of the previous commit), to compare two builds.
  const { NODE_ARGS: nodeArgs = '', ENTRY: entry = path.join(ROOT, 'dist/src/main.js'), ...env } = extra;
  const child = spawn(process.execPath, [...nodeArgs.split(' ').filter(Boolean), entry], {
    cwd: path.resolve(path.dirname(entry), '..', '..'),
    env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: secret, JWT_TTL_SECONDS: '7200', EXPOSE_SQL_COUNT: 'true', LOG_LEVEL: 'warn', RATE_LIMIT_POINTS: '1000000', RATE_LIMIT_WINDOW_SECONDS: '1', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, BOOTSTRAP_ADMIN: 'false', REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('GraphQL listening') && resolve());
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  return port;
}

async function token(port: number, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }', variables: { u: 'bench.coordinator', p: password } }),
  });
  const j = (await res.json()) as { data: { login: { accessToken: string } } };
  return j.data.login.accessToken;
}

async function run(port: number, tok: string, seconds: number): Promise<{ rps: number; p50: number; p95: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const inst = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: Number(argv.connections),
    duration: seconds,
    requests: [{ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` }, body: JSON.stringify({ query: argv.query, variables: JSON.parse(argv.variables!) }), onResponse: (_s, b) => void (b.includes('"errors":[') && errors++) }],
  });
  inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => times.push(ms));
  const r = await inst;
  times.sort((x, y) => x - y);
  const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] * 10) / 10;
  return { rps: Math.round((times.length / r.duration) * 10) / 10, p50: pct(50), p95: pct(95), errors: errors + r.non2xx + r.errors };
}

async function main() {
  const password = randomBytes(18).toString('base64url');
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(
    `INSERT INTO app_user (username, display_name, role, password_hash) VALUES ('bench.coordinator', '压测协调员', 'COORDINATOR', $1)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = TRUE, role = 'COORDINATOR'`,
    [await hashPassword(password)],
  );
  await c.end();
  const A = { env: envOf(argv.a!), port: await start(envOf(argv.a!)) };
  const B = { env: envOf(argv.b!), port: await start(envOf(argv.b!)) };
  const ta = await token(A.port, password);
  const tb = await token(B.port, password);
  await run(A.port, ta, 2);
  await run(B.port, tb, 2);
  const ratios: number[] = [];
  console.log(`A ${JSON.stringify(A.env)}  B ${JSON.stringify(B.env)}  query ${argv.query}`);
  for (let i = 0; i < Number(argv.runs); i++) {
    const a = await run(A.port, ta, Number(argv.duration));
    const b = await run(B.port, tb, Number(argv.duration));
    ratios.push(b.rps / a.rps);
    console.log(`run ${i + 1}: A ${a.rps} req/s p50 ${a.p50} p95 ${a.p95} err ${a.errors} | B ${b.rps} req/s p50 ${b.p50} p95 ${b.p95} err ${b.errors} | B÷A ${(b.rps / a.rps).toFixed(2)} | load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  }
  ratios.sort((x, y) => x - y);
  console.log(`median B÷A req/s: ${ratios[Math.floor(ratios.length / 2)].toFixed(2)} over ${ratios.length} interleaved runs`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => children.forEach((ch) => ch.kill('SIGTERM')));
