import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { freePort } from './support/global-setup';
import { runService, type Service } from './support/process';

// Real processes with their own embedded PostgreSQL: slow on a busy 2-core machine.
jest.setTimeout(600_000);

/**
 * What an operator does in the first hour: a `.env` beside the service, the service on a
 * non-default EMBEDDED_PG_PORT, and the command-line tools run next to it. Everything through real
 * processes started in their own working folders.
 */
describe('operator tooling', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ebike-ops-'));
  fs.chmodSync(root, 0o755);
  const serviceDir = path.join(root, 'service');
  const elsewhere = path.join(root, 'elsewhere');
  const dataDir = path.join(serviceDir, 'data');
  const running: Service[] = [];
  let httpPort: number;
  let pgPort: number;
  let svc: Service;

  beforeAll(async () => {
    fs.mkdirSync(serviceDir, { mode: 0o755 });
    fs.mkdirSync(elsewhere, { mode: 0o755 });
    httpPort = await freePort();
    pgPort = await freePort();
    // Only from `.env`: where the data lives, the HTTP port and the embedded server's port.
    fs.writeFileSync(path.join(serviceDir, '.env'), `# operator's settings\nDATA_DIR=./data\nPORT=${httpPort}\nEMBEDDED_PG_PORT=${pgPort}\nHOST=127.0.0.1\n`);
  });

  afterAll(async () => {
    for (const s of running) {
      if (s.child.exitCode === null && s.child.signalCode === null) {
        s.child.kill('SIGTERM');
        await Promise.race([s.exited, new Promise((r) => setTimeout(r, 20_000))]);
        if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
      }
    }
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (fs.existsSync(pidFile)) {
      try {
        process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGQUIT');
      } catch {
        /* gone */
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  function cli(script: string, args: string[], env: Record<string, string>, cwd: string): Service {
    const s = runService({ LOG_LEVEL: 'warn', ...env }, script, args, { cwd });
    running.push(s);
    return s;
  }

  it('the service takes PORT, DATA_DIR and EMBEDDED_PG_PORT from .env in its working folder', async () => {
    svc = runService({ NODE_ENV: 'development' }, 'src/main.ts', [], { cwd: serviceDir });
    running.push(svc);
    const [line] = await svc.waitFor(/GraphQL listening on \S+ — database: .*/, 240_000);
    expect(line).toContain(`http://127.0.0.1:${httpPort}/graphql`);
    expect(line).toContain(`postgres://postgres@127.0.0.1:${pgPort}/postgres (data in ${path.join(dataDir, 'pg')})`);
    expect((await request(`http://127.0.0.1:${httpPort}`).get('/healthz')).status).toBe(200);
  });

  it('user:create, run from another folder with only DATA_DIR, finds the running server on its non-default port and writes there', async () => {
    // No EMBEDDED_PG_PORT: the tool's default (54329) is not where the service's server listens.
    const run = cli('scripts/user-create.ts', ['--username', 'li.na', '--role', 'COORDINATOR', '--display-name', '李娜'], { DATA_DIR: dataDir }, elsewhere);
    const { code } = await run.exited;
    expect({ code, output: run.output() }).toEqual({ code: 0, output: expect.stringContaining(`Using the running embedded PostgreSQL on port ${pgPort}`) });
    const password = run.output().match(/password \(shown once\): (\S+)/)![1];
    const login = await request(`http://127.0.0.1:${httpPort}`)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({ query: 'mutation($p: String!) { login(input: { username: "li.na", password: $p }) { accessToken userErrors { code } } }', variables: { p: password } });
    expect(login.body.data.login.userErrors).toEqual([]);
    expect(login.body.data.login.accessToken).toMatch(/^ey/);
  });

  it('seed:demo finds the running server the same way', async () => {
    const run = cli('scripts/seed-demo.ts', ['--scale', 'tiny', '--today', '2026-11-30'], { DATA_DIR: dataDir }, elsewhere);
    const { code } = await run.exited;
    expect({ code, output: run.output() }).toEqual({ code: 0, output: expect.stringContaining(`Using the running embedded PostgreSQL on port ${pgPort}`) });
  });

  it('with the service stopped, user:create says that no server runs, starts its own on EMBEDDED_PG_PORT and stops it again', async () => {
    svc.child.kill('SIGTERM');
    expect((await svc.exited).code).toBe(0);
    const ownPort = await freePort();
    const run = cli('scripts/user-create.ts', ['--username', 'wang.fang', '--role', 'REPORTER'], { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(ownPort) }, elsewhere);
    const { code } = await run.exited;
    expect(code).toBe(0);
    expect(run.output()).toContain(`No embedded PostgreSQL is running for ${path.join(dataDir, 'pg')}; starting one on port ${ownPort}`);
    expect(run.output()).toContain('created user wang.fang (REPORTER)');
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('a bad value in .env stops the service and the tools with the same one line and exit code 2 as in the environment', async () => {
    const badDir = path.join(root, 'bad');
    fs.mkdirSync(badDir, { mode: 0o755 });
    fs.writeFileSync(path.join(badDir, '.env'), 'PORT=abc\n');
    const expected = 'Invalid configuration: PORT must be an integer, got "abc"\n';

    const fromEnv = cli('src/main.ts', [], { PORT: 'abc' }, elsewhere);
    const fromFile = cli('src/main.ts', [], {}, badDir);
    const tool = cli('scripts/user-create.ts', ['--username', 'x', '--role', 'REPORTER'], {}, badDir);
    for (const p of [fromEnv, fromFile, tool]) {
      const { code } = await p.exited;
      expect({ code, output: p.output() }).toEqual({ code: 2, output: expected });
    }
  });

  it('the environment wins over .env', async () => {
    const dir = path.join(root, 'override');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, '.env'), 'PORT=abc\n');
    // The shell's PORT replaces the bad one from .env, so the process gets past configuration; an
    // unreachable DATABASE_URL then stops it quickly with its own message.
    const p = cli('src/main.ts', [], { PORT: String(await freePort()), DATABASE_URL: `postgres://nobody@127.0.0.1:${await freePort()}/x`, DB_CONNECT_TIMEOUT_MS: '500' }, dir);
    const { code } = await p.exited;
    expect(code).not.toBe(2);
    expect(p.output()).not.toContain('Invalid configuration');
  });
});
