import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { freePort } from './support/global-setup';
import { runService, type Service } from './support/process';

// Real processes, each compiling and starting PostgreSQL: slow on a busy 2-core machine.
jest.setTimeout(600_000);

/**
 * The real process: `src/main.ts` with no DATABASE_URL starts an embedded PostgreSQL under
 * DATA_DIR, migrates, loads reference data, prints one line, and stops cleanly on SIGTERM.
 */
describe('service process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebike-start-'));
  fs.chmodSync(dataDir, 0o755);
  let pgPort: number;
  const running: Service[] = [];

  beforeAll(async () => {
    pgPort = await freePort();
  });
  // A test that failed half-way must not leave its service holding the data folder for the next one.
  afterEach(async () => {
    for (const s of running.splice(0)) {
      if (s.child.exitCode === null && s.child.signalCode === null) {
        s.child.kill('SIGTERM');
        await Promise.race([s.exited, new Promise((r) => setTimeout(r, 15000))]);
        if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
      }
    }
  });
  afterAll(async () => {
    for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    // A postgres left by a failed assertion would keep the folder busy.
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (fs.existsSync(pidFile)) {
      try {
        process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGQUIT');
      } catch {
        /* gone */
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ svc: Service; url: string; password: string | null }> {
    const port = await freePort();
    const svc = runService({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(port), NODE_ENV: 'development' });
    running.push(svc);
    const [line, url] = await svc.waitFor(/GraphQL listening on (http:\/\/\S+) — database: .*/, 150000);
    expect(line).toContain(`embedded PostgreSQL postgres://postgres@127.0.0.1:${pgPort}/postgres`);
    const pw = svc.output().match(/username: admin {2}password: (\S+)/);
    return { svc, url, password: pw ? pw[1] : null };
  }

  async function gql(url: string, query: string, token?: string) {
    const base = url.replace(/\/graphql$/, '');
    let r = request(base).post('/graphql').set('Content-Type', 'application/json');
    if (token) r = r.set('Authorization', `Bearer ${token}`);
    return (await r.send({ query })).body;
  }

  async function stop(svc: Service, signal: NodeJS.Signals = 'SIGTERM') {
    svc.child.kill(signal);
    const { code } = await svc.exited;
    return code;
  }

  let token: string;

  it('starts on an embedded database, bootstraps an admin once, serves reference data, and stops cleanly', async () => {
    const { svc, url, password } = await start();
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const login = await gql(url, `mutation { login(input: { username: "admin", password: "${password}" }) { accessToken userErrors { code } } }`);
    token = login.data.login.accessToken;
    expect(token).toBeTruthy();
    const data = await gql(url, '{ taskTeams { code } districts { code } }', token);
    expect(data.data.taskTeams).toHaveLength(6);
    expect(data.data.districts).toHaveLength(11);
    const teamId = (await gql(url, '{ taskTeam(code: "SALES") { id version } }', token)).data.taskTeam;
    const renamed = await gql(
      url,
      `mutation { updateTaskTeam(input: { id: "${teamId.id}", expectedVersion: ${teamId.version}, nameZh: "销售流通专项组" }) { userErrors { code } } }`,
      token,
    );
    expect(renamed.data.updateTaskTeam.userErrors).toEqual([]);
    const ready = await request(url.replace(/\/graphql$/, '')).get('/readyz');
    expect(ready.status).toBe(200);

    expect(await stop(svc)).toBe(0);
    expect(svc.output()).toContain('"msg":"stopped"');
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'service.lock'))).toBe(false);
  });

  it('a second start reuses the data: nothing duplicated, edits kept, no second admin, old token still valid', async () => {
    const { svc, url, password } = await start();
    expect(password).toBeNull();
    const data = await gql(url, '{ taskTeams { code nameZh } districts { code } me { name } }', token);
    expect(data.data.me.name).toBe('admin');
    expect(data.data.taskTeams).toHaveLength(6);
    expect(data.data.districts).toHaveLength(11);
    expect(data.data.taskTeams.find((t: { code: string }) => t.code === 'SALES').nameZh).toBe('销售流通专项组');
    expect(await stop(svc)).toBe(0);
  });

  it('recovers from a killed run: the orphaned embedded server is detected, stopped and replaced', async () => {
    const first = await start();
    first.svc.child.kill('SIGKILL');
    await first.svc.exited;
    // postgres runs in its own process group, so it outlived the killed service.
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(pid, 0)).not.toThrow();

    const second = await start();
    expect(second.svc.output()).toMatch(/removing stale service lock/);
    expect(second.svc.output()).toMatch(/stopping embedded PostgreSQL left running by an earlier run that was killed/);
    const data = await gql(second.url, '{ districts { code } }', token);
    expect(data.data.districts).toHaveLength(11);
    expect(await stop(second.svc)).toBe(0);
  });

  it('refuses to share a data folder with a running service, with a clear message', async () => {
    const first = await start();
    const other = runService({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(await freePort()) });
    running.push(other);
    const { code } = await other.exited;
    expect(code).toBe(1);
    expect(other.output()).toMatch(/Another service \(pid \d+\) is already using the embedded database in \S+\. Stop it, or set DATA_DIR/);
    expect(await stop(first.svc)).toBe(0);
  });
});

describe('bad configuration', () => {
  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be an integer, got "abc"$/m],
    [{ DATABASE_URL: 'postgres//nohost' }, /^Invalid configuration: DATABASE_URL is not a valid URL/m],
  ])('%j exits non-zero with one line naming the variable', async (env, line) => {
    const svc = runService(env as Record<string, string>);
    const { code } = await svc.exited;
    expect(code).toBe(2);
    expect(svc.output().trim()).toMatch(line);
    expect(svc.output().trim().split('\n')).toHaveLength(1);
  });

  it('an unreachable database is retried with backoff for a bounded time, then a clear error', async () => {
    const port = await freePort();
    const started = Date.now();
    const svc = runService({ DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${port}/ebike`, DB_CONNECT_TIMEOUT_MS: '2500' });
    const { code } = await svc.exited;
    expect(code).toBe(1);
    expect(Date.now() - started).toBeGreaterThan(2000);
    expect(svc.output()).toMatch(/database not reachable yet; retrying/);
    expect(svc.output()).toMatch(new RegExp(`Start-up failed: Cannot connect to postgres://nobody@127.0.0.1:${port}/ebike after \\d+ attempt\\(s\\)`));
    expect(svc.output()).not.toContain('secret');
  });

  it('production refuses to start without JWT_SECRET', async () => {
    const svc = runService({ NODE_ENV: 'production', DATABASE_URL: process.env.TEST_ADMIN_URL!.replace(/\/[^/]*$/, `/${process.env.TEST_TEMPLATE_DB}`) });
    const { code } = await svc.exited;
    expect(code).not.toBe(0);
    expect(svc.output()).toMatch(/JWT_SECRET is required in production/);
  });
});
