import { workerDataSource, workerDatabaseName } from './support/db';

/**
 * Each jest worker runs on a database of its own, cloned from the migrated template, so tests in
 * parallel workers never see each other's rows.
 */
it("runs on this worker's own database, cloned from the migrated and seeded template", async () => {
  const ds = await workerDataSource();
  try {
    const [{ db }] = await ds.query('SELECT current_database() AS db');
    expect(db).toBe(workerDatabaseName());
    expect(db).toMatch(new RegExp(`_w${process.env.JEST_WORKER_ID}$`));
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM task_team');
    expect(n).toBe(6);
    const others: { datname: string }[] = await ds.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`, [`ebike_t_${process.env.TEST_RUN_ID}_w%`, db]);
    // Whatever other workers exist, they are other databases: a row written here is not in them.
    for (const { datname } of others) expect(datname).not.toBe(db);
  } finally {
    await ds.destroy();
  }
});
