import type { DataSource } from 'typeorm';
import type { Logger } from '../common/logger';

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Host and port of a URL, without credentials, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Connects, retrying with exponential backoff (250 ms doubling to 5 s) until `timeoutMs` has
 * passed; then fails with the last error. A database that is starting up or briefly unreachable
 * does not crash the service; one that stays down gives a clear error instead of a hang.
 */
export async function connectWithRetry(ds: DataSource, url: string, timeoutMs: number, log: Logger): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    try {
      await ds.initialize();
      return;
    } catch (e) {
      const message = (e as Error).message;
      // Wrong credentials or a missing database will not fix themselves.
      const permanent = /password authentication failed|does not exist|no pg_hba.conf entry/.test(message);
      if (permanent || Date.now() + delay > deadline) {
        throw new DatabaseUnavailableError(
          `Cannot connect to ${describeUrl(url)} after ${attempt} attempt(s) over ${Math.round((timeoutMs - Math.max(0, deadline - Date.now())) / 1000)} s: ${message}`,
        );
      }
      log.warn({ attempt, retryInMs: delay, error: message }, 'database not reachable yet; retrying');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5000);
    }
  }
}

/** Applies pending migrations; concurrent instances serialise on an advisory lock. */
export async function migrate(ds: DataSource, log: Logger): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('ebike.migrations'))`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    for (const m of applied) log.info({ migration: m.name }, 'applied migration');
    return applied.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('ebike.migrations'))`).catch(() => undefined);
    await runner.release();
  }
}
