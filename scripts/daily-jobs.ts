/**
 * Runs today's daily jobs (escalation 督办, the snapshot of yesterday, the outbox's retention) from the command line,
 * as an instance of the service would: under the same advisory lock, so it waits for nobody and
 * does nothing while another instance is running them.
 *
 *   npm run jobs:daily              # like the schedule: skips a job already done today
 *   npm run jobs:daily -- --again   # like runDailyJobs: runs done jobs again (nothing is doubled)
 *
 * Uses DATABASE_URL, or the embedded database under DATA_DIR. Exit 0 when the jobs ran or were
 * done, 3 when another instance holds the lock, 1 when a job failed.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/common/logger';
import { loadConfigOrExit } from '../src/config';
import { connectWithRetry, migrate } from '../src/database/connect';
import { makeDataSource } from '../src/database/data-source';
import { cliDatabase } from '../src/database/embedded';
import { DailyJobs } from '../src/modules/jobs/scheduler';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { again: { type: 'boolean', default: false } } });
  const config = loadConfigOrExit();
  const log = createLogger(process.env.LOG_LEVEL ?? 'info');
  const db = await cliDatabase(config, log);
  const ds = makeDataSource({ url: db.url, log });
  const jobs = new DailyJobs(ds, log, () => new Date(), { at: config.dailyJobsAt, batchSize: config.dailyJobsBatchSize, pollMs: config.dailyJobsPollSeconds * 1000, retentionDays: config.outboxRetentionDays, notificationRetentionDays: config.notificationRetentionDays });
  const stop = () => void jobs.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await connectWithRetry(ds, db.url, config.dbConnectTimeoutMs, log);
    await migrate(ds, log);
    const r = await jobs.run(values.again ? 'MANUAL' : 'SCHEDULE');
    for (const run of r.runs) console.log(`${run.day} ${run.job}: ${run.status}, ${run.effects} effects, attempt ${run.attempts}${run.error ? ` — ${run.error}` : ''}`);
    if (r.reason === 'BUSY') console.log(`another instance is running the daily jobs of ${r.day}`);
    return r.reason === 'BUSY' ? 3 : r.reason === 'FAILED' ? 1 : 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    process.stderr.write(`daily jobs failed: ${e.message}\n`);
    process.exit(1);
  },
);
