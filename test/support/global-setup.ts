import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createLogger } from '../../src/common/logger';
import { migrate } from '../../src/database/connect';
import { makeDataSource } from '../../src/database/data-source';
import { EmbeddedPostgres } from '../../src/database/embedded';
import { loadReferenceData } from '../../src/modules/reference/reference.loader';
import { withDatabase } from './db';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}


/**
 * A real PostgreSQL for the whole run: TEST_DATABASE_URL when set, otherwise an embedded one in a
 * temporary folder that teardown removes. One template database is migrated and seeded once;
 * each jest worker clones it (see test/support/db.ts), so workers never see each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const embedded = new EmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `ebike-test-${runId}`),
      port: await freePort(),
      ephemeral: true,
    });
    await embedded.start();
    (globalThis as Record<string, unknown>).__EBIKE_EMBEDDED__ = embedded;
    adminUrl = embedded.url('postgres');
  }
  const template = `ebike_t_${runId}_tpl`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();

  const ds = makeDataSource({ url: withDatabase(adminUrl, template), log: createLogger('silent') });
  await ds.initialize();
  await migrate(ds, createLogger('silent'));
  await loadReferenceData(ds);
  await ds.destroy();

  process.env.TEST_ADMIN_URL = adminUrl;
  process.env.TEST_RUN_ID = runId;
  process.env.TEST_TEMPLATE_DB = template;
}
