/**
 * The daily run at scale (issue 18): escalation (督办) over every item, then the day's snapshot.
 *
 *   DATABASE_URL=postgres://…/ebike_bench_city npm run bench:daily [-- --runs 3]
 *
 * Uses a database seeded with `seed:demo --scale city` (200,000 items). Adds one agency officer per
 * team and district and two coordinators (the recipients of the notifications) when missing. Each
 * run first removes what earlier runs wrote (escalations, their events and notifications,
 * job runs, snapshots; the append-only audit trail keeps its rows), so every run is a first run of the day; then runs
 * the day's jobs once more to time the repeat (which writes nothing). Prints the load average with
 * every figure: the machine is shared.
 */
import 'reflect-metadata';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/common/logger';
import { shanghaiDate } from '../src/common/time';
import { migrate } from '../src/database/connect';
import { makeDataSource } from '../src/database/data-source';
import { DailyJobs } from '../src/modules/jobs/scheduler';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, batch: { type: 'string', default: '2000' } } });
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL to a database seeded with seed:demo --scale city');
  const log = createLogger('warn');
  const ds = makeDataSource({ url, log, poolSize: 4, statementTimeoutMs: 0 });
  await ds.initialize();
  try {
    await migrate(ds, log);
    const [{ n: items }] = await ds.query(`SELECT count(*)::int AS n FROM remediation_item`);
    await ds.query(
      `INSERT INTO app_user (username, display_name, role, team_ids, district_codes, password_hash)
       SELECT 'bench.officer.' || t.code || '.' || d.code, '测试人员', 'AGENCY_OFFICER'::role, ARRAY[t.id], ARRAY[d.code]::varchar[], 'x' FROM task_team t CROSS JOIN district d
       UNION ALL SELECT 'bench.coordinator.' || g, '测试协调员', 'COORDINATOR'::role, '{}'::uuid[], '{}'::varchar[], 'x' FROM generate_series(1, 2) g
       ON CONFLICT DO NOTHING`,
    );
    const [{ n: users }] = await ds.query(`SELECT count(*)::int AS n FROM app_user WHERE active`);
    const today = shanghaiDate(new Date());
    console.log(`items ${items}, active users ${users}, day ${today}, batch ${values.batch}, CPUs ${os.cpus().length}, load ${load()}`);
    const jobs = new DailyJobs(ds, log, () => new Date(), { at: '00:00', batchSize: Number(values.batch), pollMs: 60000 });
    const figures: Record<string, unknown>[] = [];
    for (let run = 1; run <= Number(values.runs); run++) {
      await ds.transaction(async (em) => {
        await em.query(`DELETE FROM notification WHERE kind IN ('ESCALATED', 'SUPERVISION_LETTER')`);
        await em.query(`DELETE FROM remediation_event WHERE action IN ('ESCALATED', 'SUPERVISION_LETTER')`);
        await em.query(`DELETE FROM escalation`);
        await em.query(`DELETE FROM job_run`);
        await em.query(`DELETE FROM daily_snapshot`);
      });
      await ds.query('VACUUM ANALYZE escalation').catch(() => undefined);
      const before = load();
      const t0 = performance.now();
      const first = await jobs.run('MANUAL');
      const firstMs = performance.now() - t0;
      const t1 = performance.now();
      await jobs.run('MANUAL');
      const repeatMs = performance.now() - t1;
      const [{ esc, ev, notes }] = await ds.query(
        `SELECT (SELECT count(*) FROM escalation)::int AS esc, (SELECT count(*) FROM remediation_event WHERE action IN ('ESCALATED', 'SUPERVISION_LETTER'))::int AS ev,
                (SELECT count(*) FROM notification WHERE kind IN ('ESCALATED', 'SUPERVISION_LETTER'))::int AS notes`,
      );
      const row = {
        run,
        firstRunS: +(firstMs / 1000).toFixed(1),
        repeatRunS: +(repeatMs / 1000).toFixed(1),
        jobs: first.runs.map((r) => `${r.job} ${r.status} ${r.effects}`).join(', '),
        escalations: esc,
        events: ev,
        notifications: notes,
        loadBefore: before,
        loadAfter: load(),
      };
      figures.push(row);
      console.log(JSON.stringify(row));
    }
    const sorted = figures.map((f) => f.firstRunS as number).sort((a, b) => a - b);
    console.log(`median first run ${sorted[Math.floor(sorted.length / 2)]} s over ${sorted.length} runs (target < 60 s)`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e: Error) => {
  console.error(e);
  process.exit(1);
});
