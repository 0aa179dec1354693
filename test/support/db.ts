import 'reflect-metadata';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import pino from 'pino';
import { createLogger, type Logger } from '../../src/common/logger';
import { makeDataSource } from '../../src/database/data-source';

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: process.env.TEST_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A database cloned from the migrated, seeded template; retried while another clone is copying. */
export async function cloneTemplate(name: string): Promise<string> {
  const template = process.env.TEST_TEMPLATE_DB!;
  await admin(async (c) => {
    const { rowCount } = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (rowCount) return;
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (e) {
        const msg = (e as Error).message;
        if (/already exists/.test(msg)) return;
        if (attempt > 50 || !/being accessed by other users/.test(msg)) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return withDatabase(process.env.TEST_ADMIN_URL!, name);
}

/** An empty database (no migrations), for readiness and migration tests. */
export async function emptyDatabase(suffix: string): Promise<string> {
  const name = `ebike_t_${process.env.TEST_RUN_ID}_${suffix}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return withDatabase(process.env.TEST_ADMIN_URL!, name);
}

export function workerDatabaseName(suffix = ''): string {
  return `ebike_t_${process.env.TEST_RUN_ID}_w${process.env.JEST_WORKER_ID ?? '1'}${suffix}`;
}

/**
 * This worker's database (shared by the test files the worker runs, one after another). Tests
 * make the rows they need with unique names, so they do not depend on each other.
 */
export async function workerDataSource(opts: { suffix?: string } = {}): Promise<DataSource> {
  const url = await cloneTemplate(workerDatabaseName(opts.suffix));
  const ds = makeDataSource({ url, log: createLogger('silent'), poolSize: 5 });
  await ds.initialize();
  return ds;
}

/**
 * A logger for a DataSource that keeps the SQL text of every statement it sends, in order (the SQL
 * logger's trace lines), for tests that look at the statements themselves.
 */
export function sqlRecorder(): { log: Logger; sql: string[] } {
  const sql: string[] = [];
  const log = pino({ level: 'trace' }, {
    write(line: string) {
      const entry = JSON.parse(line) as { sql?: string };
      if (entry.sql !== undefined) sql.push(entry.sql);
    },
  });
  return { log, sql };
}
