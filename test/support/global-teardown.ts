import { Client } from 'pg';
import type { EmbeddedPostgres } from '../../src/database/embedded';

/** Drops every database of this run, then stops and removes the embedded server. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_ADMIN_URL!;
  const runId = process.env.TEST_RUN_ID!;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`ebike_t_${runId}_%`]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
  const embedded = (globalThis as Record<string, unknown>).__EBIKE_EMBEDDED__ as EmbeddedPostgres | undefined;
  if (embedded) await embedded.stop();
}
