import 'reflect-metadata';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../src/modules/access/access.passwords';
import { cloneTemplate, workerDatabaseName } from './support/db';
import { freePort } from './support/global-setup';
import { postGraphql, type RawResponse } from './support/http';
import { runService, type Service } from './support/process';

jest.setTimeout(300_000);

const JWT_SECRET = 'shutdown-test-secret-0123456789abcdef-xyz';
const PASSWORD = 'administrator password 1';

let db: Client;
let url: string;
let adminName: string;
const services: Service[] = [];

beforeAll(async () => {
  url = await cloneTemplate(workerDatabaseName('_drain'));
  db = new Client({ connectionString: url });
  await db.connect();
  adminName = `drain-admin-${randomUUID().slice(0, 8)}`;
  await db.query(`INSERT INTO app_user (username, display_name, role, password_hash) VALUES ($1, $1, 'ADMIN', $2)`, [adminName, await hashPassword(PASSWORD)]);
});

afterAll(async () => {
  for (const s of services) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await db?.end();
});

async function start(env: Record<string, string> = {}): Promise<{ svc: Service; port: number; token: string }> {
  const port = await freePort();
  const svc = runService({ DATABASE_URL: url, NODE_ENV: 'production', JWT_SECRET, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_POINTS: '1000000', ...env });
  services.push(svc);
  await svc.waitFor(/GraphQL listening on/, 120000);
  const r = await postGraphql(port, false, { query: `mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { code } } }`, variables: { i: { username: adminName, password: PASSWORD } } });
  return { svc, port, token: r.body.data.login.accessToken };
}

const CREATE = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id name } userErrors { code } } }`;

describe('SIGTERM loses nothing', () => {
  it('under a write load on 10 keep-alive connections: every committed create was acknowledged, no started request was reset, readiness 503 at once', async () => {
    const { svc, port, token } = await start({ SHUTDOWN_TIMEOUT_MS: '10000' });
    const prefix = `drain-${randomUUID().slice(0, 8)}`;
    const acknowledged = new Set<string>();
    const failures: string[] = [];
    const closeHeaders: number[] = [];
    const errorStatuses: RawResponse[] = [];

    async function worker(w: number): Promise<void> {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (let i = 0; i < 500; i++) {
          const name = `${prefix}-${w}-${i}`;
          let r: RawResponse;
          try {
            r = await postGraphql(port, agent, { query: CREATE, variables: { i: { name, role: 'REPORTER' } } }, token);
          } catch (e) {
            // After SIGTERM a new connection is refused: that request never reached the service.
            failures.push((e as NodeJS.ErrnoException).code ?? (e as Error).message);
            return;
          }
          if (r.status === 200 && r.body.data?.createApiKey?.apiKey?.name === name) acknowledged.add(name);
          else errorStatuses.push(r);
          // A well-behaved client would now go to another instance; this one tries once more here.
          if (r.headers.connection === 'close') closeHeaders.push(w);
        }
      } finally {
        agent.destroy();
      }
    }

    // A connection kept open and idle across the signal: the readiness question after it travels on the same
    // socket (new connections are refused by then), so it also shows an idle keep-alive socket is not cut.
    const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const probe = (): Promise<{ status: number; connection?: string }> =>
      new Promise((resolve, reject) =>
        http.get({ host: '127.0.0.1', port, path: '/readyz', agent: probeAgent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
        }).on('error', reject),
      );
    const load = Promise.all(Array.from({ length: 10 }, (_, w) => worker(w)));
    while (acknowledged.size < 30) await new Promise((r) => setTimeout(r, 20));
    // Used just before the signal, so it is idle well within the announced keep-alive timeout (5 s) when asked again.
    expect((await probe()).status).toBe(200);
    svc.child.kill('SIGTERM');
    // The signal reaches the process asynchronously: ask once it has begun.
    await svc.waitFor(/shutting down: draining requests/, 10000);
    const ready = await probe();
    probeAgent.destroy();
    await load;
    const exit = await svc.exited;

    const { rows } = await db.query(`SELECT name FROM api_key WHERE name LIKE $1`, [`${prefix}-%`]);
    const committed = new Set(rows.map((r: { name: string }) => r.name));
    const unacknowledged = [...committed].filter((n) => !acknowledged.has(n));
    const lost = [...acknowledged].filter((n) => !committed.has(n));
    process.stdout.write(
      `SIGTERM under load: ${JSON.stringify({ acknowledged: acknowledged.size, committed: committed.size, unacknowledged: unacknowledged.length, lost: lost.length, clientErrors: failures, connectionClose: closeHeaders.length, errorResponses: errorStatuses.length })}\n`,
    );

    expect(ready).toEqual({ status: 503, connection: 'close' });
    expect(unacknowledged).toEqual([]);
    expect(lost).toEqual([]);
    expect(errorStatuses.map((r) => [r.status, r.body])).toEqual([]);
    // Each of the 10 clients was told to close its connection and then found the port closed: never a reset.
    expect(failures.filter((c) => c !== 'ECONNREFUSED')).toEqual([]);
    expect(new Set(closeHeaders).size).toBe(10);
    expect(exit.code).toBe(0);
    expect(svc.output()).toMatch(/"drained":true,"inFlight":0,"msg":"requests drained"/);
    expect(svc.output()).toContain('"msg":"stopped"');
    expect(svc.output()).not.toMatch(/Connection terminated|unexpected error/);
  });

  it('a request still running at SHUTDOWN_TIMEOUT_MS is rolled back in the database and still answered before its socket closes', async () => {
    const { svc, port, token } = await start({ SHUTDOWN_TIMEOUT_MS: '1500' });
    const victim = `drain-victim-${randomUUID().slice(0, 8)}`;
    const { rows } = await db.query(`INSERT INTO app_user (username, display_name, role, password_hash) VALUES ($1, 'before', 'REPORTER', 'x') RETURNING id`, [victim]);
    const id = rows[0].id as string;

    // Another session holds the user's row, so the update waits inside its transaction.
    const blocker = new Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const pending = postGraphql(
      port,
      agent,
      { query: `mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { displayName } userErrors { code } } }`, variables: { i: { id, expectedVersion: 1, displayName: 'after' } } },
      token,
    ).then(
      (r) => ({ ok: true as const, r }),
      (e: NodeJS.ErrnoException) => ({ ok: false as const, code: e.code }),
    );
    // Wait until the update is really waiting for the lock.
    for (let i = 0; i < 100; i++) {
      const w = await db.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%app_user%' AND datname = current_database()`);
      if (w.rowCount) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    svc.child.kill('SIGTERM');
    const answer = await pending;
    await blocker.query('COMMIT');
    await blocker.end();
    agent.destroy();
    const exit = await svc.exited;

    // Answered (as an error), not reset; the change never committed.
    expect(answer.ok).toBe(true);
    if (answer.ok) {
      expect(answer.r.headers.connection).toBe('close');
      // Its database work was ended by the shutdown: the client is told to retry, not that the service failed.
      expect(answer.r.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    }
    const [row] = (await db.query(`SELECT display_name, version FROM app_user WHERE id = $1`, [id])).rows;
    expect(row).toEqual({ display_name: 'before', version: 1 });
    expect(svc.output()).toMatch(/shutdown deadline: ending the database work of unfinished requests/);
    expect(exit.code).toBe(0);
  });
});
