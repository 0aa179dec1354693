/**
 * Drift check: applies every migration to an empty database and asks TypeORM what it would
 * still change to match the entities. Exit 0 when nothing, 1 (printing the SQL) when entities and
 * migrations have drifted apart. Uses DATABASE_URL's server when set (creating and dropping a
 * scratch database), otherwise a throwaway embedded PostgreSQL.
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { Client } from 'pg';
import { createLogger } from '../src/common/logger';
import { migrate } from '../src/database/connect';
import { makeDataSource } from '../src/database/data-source';
import { EmbeddedPostgres } from '../src/database/embedded';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function main(): Promise<number> {
  const log = createLogger('warn');
  let embedded: EmbeddedPostgres | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = new EmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `ebike-drift-${process.pid}`), port: await freePort(), ephemeral: true, log });
    await embedded.start();
    serverUrl = embedded.url('postgres');
  }
  const scratch = `ebike_drift_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${scratch}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${scratch}`;
  const ds = makeDataSource({ url: u.toString(), log });
  try {
    await ds.initialize();
    await migrate(ds, log);
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length) {
      console.error('Entities and migrations have drifted apart. A migration would need:');
      for (const q of sql.upQueries) console.error(`  ${q.query};`);
      return 1;
    }
    console.log(`migration check: no drift (${ds.migrations.length} migrations)`);
    return 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
    if (embedded) await embedded.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
