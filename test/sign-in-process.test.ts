import 'reflect-metadata';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../src/modules/access/access.passwords';
import { cloneTemplate, workerDatabaseName } from './support/db';
import { freePort } from './support/global-setup';
import { percentile, postGraphql } from './support/http';
import { runService, type Service } from './support/process';

// A real process on its own database; argon2 on a busy 2-core machine is slow.
jest.setTimeout(300_000);

const JWT_SECRET = 'sign-in-process-test-secret-0123456789abcdef';
const PASSWORD = 'the right password 42';
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { field code messageEn } } }`;

let svc: Service;
let port: number;
let db: Client;
const names = { target: `target-${randomUUID().slice(0, 8)}`, reader: `reader-${randomUUID().slice(0, 8)}` };

async function addUser(username: string, role: string): Promise<void> {
  await db.query(`INSERT INTO app_user (username, display_name, role, password_hash) VALUES ($1, $1, $2, $3)`, [username, role, await hashPassword(PASSWORD)]);
}

beforeAll(async () => {
  const url = await cloneTemplate(workerDatabaseName('_signin'));
  db = new Client({ connectionString: url });
  await db.connect();
  await addUser(names.target, 'REPORTER');
  await addUser(names.reader, 'COORDINATOR');
  port = await freePort();
  svc = runService({
    DATABASE_URL: url,
    NODE_ENV: 'production',
    JWT_SECRET,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '10',
    RATE_LIMIT_POINTS: '100000',
    SIGN_IN_ATTEMPTS_PER_ADDRESS: '100000',
  });
  await svc.waitFor(/GraphQL listening on/, 120000);
});

afterAll(async () => {
  if (svc && svc.child.exitCode === null) {
    svc.child.kill('SIGTERM');
    await svc.exited;
  }
  await db?.end();
});

const login = (username: string, password: string, agent: http.Agent | false = false) => postGraphql(port, agent, { query: LOGIN, variables: { i: { username, password } } });

async function refusals(username: string): Promise<Record<string, number>> {
  const rows = await db.query(`SELECT split_part(reason, ':', 1) AS kind, count(*)::int AS n FROM audit_event WHERE operation = 'login' AND outcome = 'REFUSED' AND reason LIKE $1 GROUP BY 1`, [
    `%: ${username}`,
  ]);
  return Object.fromEntries(rows.rows.map((r) => [r.kind, r.n]));
}

describe('sign-in under attack (real process, its own database)', () => {
  it('30 parallel wrong passwords on one name: exactly 5 are evaluated, the rest LOCKED, no internal error; then the right password is LOCKED too', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => login(names.target, 'a wrong password')));
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    expect(answers.filter((a) => a.body.errors)).toEqual([]);
    const codes = answers.map((a) => a.body.data.login.userErrors[0].code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'LOCKED')).toHaveLength(25);
    // What the database saw: five evaluated guesses, 25 refused unevaluated.
    expect(await refusals(names.target)).toEqual({ INVALID_CREDENTIALS: 5, LOCKED: 25 });

    const right = await login(names.target, PASSWORD);
    expect(right.status).toBe(200);
    expect(right.body.errors).toBeUndefined();
    expect(right.body.data.login).toEqual({ accessToken: null, userErrors: [{ field: ['input', 'username'], code: 'LOCKED', messageEn: expect.stringContaining('15 minute') }] });
  });

  it('aliased or fragment-repeated logins in one operation are refused before anything runs', async () => {
    const victim = `victim-${randomUUID().slice(0, 8)}`;
    const aliased = Array.from({ length: 50 }, (_, k) => `a${k}: login(input: { username: "${victim}", password: "guess ${k}" }) { accessToken }`).join('\n');
    const r = await postGraphql(port, false, { query: `mutation { ${aliased} }` });
    expect(r.status).toBe(400);
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_SIGN_INS', count: 50 });
    expect(r.body.data).toBeUndefined();

    const viaFragments = await postGraphql(port, false, {
      query: `mutation { ...A ... on Mutation { changeMyPassword(input: { currentPassword: "x", newPassword: "a long new password" }) { userErrors { code } } } }
              fragment A on Mutation { login(input: { username: "${victim}", password: "guess" }) { accessToken } }`,
    });
    expect(viaFragments.status).toBe(400);
    expect(viaFragments.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_SIGN_INS', count: 2 });

    // Nothing was evaluated or counted for the name.
    expect((await db.query(`SELECT 1 FROM login_throttle WHERE username = $1`, [victim])).rowCount).toBe(0);
    expect(await refusals(victim)).toEqual({});
    // One login per operation still works.
    expect((await login(names.reader, PASSWORD)).body.data.login.userErrors).toEqual([]);
  });

  it('a reader keeps being served while 50 failed sign-ins run in parallel: no internal error, bounded p95', async () => {
    const token = (await login(names.reader, PASSWORD)).body.data.login.accessToken as string;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const READ = { query: `{ me { name role } districts { code } taskTeams { code } }` };
    // Warm up the reader's connection and the process before measuring.
    for (let i = 0; i < 5; i++) await postGraphql(port, agent, READ, token);
    const quiet: number[] = [];
    for (let i = 0; i < 20; i++) quiet.push((await postGraphql(port, agent, READ, token)).ms);

    let flooding = true;
    const flood = Promise.all(Array.from({ length: Number(process.env.SIGN_IN_FLOOD_SIZE ?? 50) }, (_, k) => login(`nobody-${k}-${randomUUID().slice(0, 6)}`, 'a wrong password'))).finally(() => {
      flooding = false;
    });
    const during: number[] = [];
    const readerStatuses: number[] = [];
    while (flooding) {
      const r = await postGraphql(port, agent, READ, token);
      during.push(r.ms);
      readerStatuses.push(r.status);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.me.name).toBe(names.reader);
    }
    const floodAnswers = await flood;
    agent.destroy();

    expect(readerStatuses.every((s) => s === 200)).toBe(true);
    expect(floodAnswers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    expect(floodAnswers.filter((a) => a.body.errors)).toEqual([]);
    expect(new Set(floodAnswers.map((a) => a.body.data.login.userErrors[0].code))).toEqual(new Set(['INVALID_CREDENTIALS']));
    const floodMs = Math.max(...floodAnswers.map((a) => a.ms));
    const report = {
      quietP50: Math.round(percentile(quiet, 50)),
      quietP95: Math.round(percentile(quiet, 95)),
      readerRequests: during.length,
      duringP50: Math.round(percentile(during, 50)),
      duringP95: Math.round(percentile(during, 95)),
      duringMax: Math.round(Math.max(...during)),
      floodSeconds: Math.round(floodMs / 100) / 10,
    };
    process.stdout.write(`sign-in flood (${floodAnswers.length} failed logins): ${JSON.stringify(report)}\n`);
    expect(during.length).toBeGreaterThan(10);
    // Issue 13 targets 100 ms on a quiet machine (set SIGN_IN_FLOOD_P95_MS=100 to hold it to that). The full suite
    // shares two CPUs with other test files (measured quiet p95 there: 66–100 ms), so the default bound only
    // rules out the starvation the issue saw: a reader stalled for 13.7 s and answered 500.
    expect(report.duringP95).toBeLessThan(process.env.SIGN_IN_FLOOD_P95_MS ? Number(process.env.SIGN_IN_FLOOD_P95_MS) : 1500);
  });
});
