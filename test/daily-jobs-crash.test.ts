import { Client } from 'pg';
import { Role } from '../src/common/auth';
import { addDays, shanghaiDate } from '../src/common/time';
import { helpers, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { cloneTemplate, workerDataSource, workerDatabaseName } from './support/db';
import { runService } from './support/process';

/**
 * Killing the instance that runs the day's escalation mid-run (issue 18): a real process
 * (`npm run jobs:daily`, one escalation per transaction) is held on the row lock of the 5th of 12
 * overdue items and killed with SIGKILL. Its advisory lock goes with its connection; another
 * instance then finishes the day, and every item is escalated exactly once.
 *
 * A database of its own: the run escalates every overdue item of the database, one per transaction,
 * and the worker's shared database holds thousands left by other test files (in CI the child was
 * still escalating them when the wait ran out).
 */
let t: TestApp;
let url: string;
let coord: TestUser;
let officer: TestUser;
const h = helpers(() => t);
const ids: string[] = [];
const N = 12;
const K = 4; // items before the held one (0-based index of the held item)

beforeAll(async () => {
  url = await cloneTemplate(workerDatabaseName('_crash'));
  t = await startTestApp({ ds: await workerDataSource({ suffix: '_crash' }), env: { DAILY_JOBS_BATCH_SIZE: '1' } });
  coord = await makeUser(t.ds, Role.COORDINATOR);
  officer = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511181'], departmentCode: 'MARKET' });
  const today = shanghaiDate(new Date());
  const shop = await h.business(coord.token, { districtCode: '511181', name: `宕机测试车行${tag()}` });
  const it = await h.item(coord.token, { businessId: shop.id });
  await h.move(coord.token, it, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', noticeNo: `宕-${tag()}`, deadline: addDays(today, 10) });
  // Fixture: the deadline passed three days ago (as for an imported backlog), and 11 more like it.
  await t.ds.query(`UPDATE remediation_item SET deadline = $2 WHERE id = $1`, [it.id, addDays(today, -3)]);
  await t.ds.query(
    `INSERT INTO remediation_item SELECT (jsonb_populate_record(NULL::remediation_item, to_jsonb(i) || jsonb_build_object('id', gen_random_uuid(), 'code', i.code || '-C' || g))).*
       FROM remediation_item i, generate_series(1, $2::int) g WHERE i.id = $1`,
    [it.id, N - 1],
  );
  const rows: { id: string }[] = await t.ds.query(`SELECT id FROM remediation_item WHERE business_id = $1 ORDER BY id`, [shop.id]);
  ids.push(...rows.map((r) => r.id));
  expect(ids).toHaveLength(N);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await t?.ds.destroy();
});

const escalations = async () =>
  (await t.ds.query(`SELECT item_id, count(*)::int AS n FROM escalation WHERE item_id = ANY($1::uuid[]) AND rule_code = 'OVERDUE_1D' GROUP BY item_id ORDER BY item_id`, [ids])) as { item_id: string; n: number }[];

it('a run killed mid-way is finished by another instance; every effect once', async () => {
  const today = shanghaiDate(new Date());
  const holder = new Client({ connectionString: url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query(`SELECT 1 FROM remediation_item WHERE id = $1 FOR UPDATE`, [ids[K]]);
  const child = runService({ DATABASE_URL: url, NODE_ENV: 'test', DAILY_JOBS_BATCH_SIZE: '1', LOG_LEVEL: 'warn' }, 'scripts/daily-jobs.ts');
  try {
    // Wait until the run is held on the lock of item K, with the items before it committed. Up to
    // 150 s: the child compiles the service with ts-node first, which took over 60 s in a loaded CI run.
    let held = false;
    for (let i = 0; i < 1500 && !held; i++) {
      if (child.child.exitCode !== null) throw new Error(`the daily-jobs process exited (${child.child.exitCode}) before it reached the held item:\n${child.output()}`);
      // (Its batch waits on the row lock where it writes the item's event: the foreign key check.)
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`);
      held = n > 0 && (await escalations()).length === K;
      if (!held) await new Promise((r) => setTimeout(r, 100));
    }
    if (!held) throw new Error(`the daily-jobs process did not reach the held item in 150 s; escalated so far: ${(await escalations()).length}; output:\n${child.output()}`);
    child.child.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
  } finally {
    if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
    await holder.query('ROLLBACK');
    await holder.end();
  }
  expect((await escalations()).map((r) => r.item_id)).toEqual(ids.slice(0, K));
  const [crashed] = await t.ds.query(`SELECT status, attempts FROM job_run WHERE job = 'ESCALATION' AND day = $1`, [today]);
  expect(crashed).toEqual({ status: 'RUNNING', attempts: 1 });

  // Another instance: PostgreSQL releases the dead process's advisory lock when its connection goes.
  let out = await t.handle.dailyJobs.run('SCHEDULE');
  for (let i = 0; i < 50 && out.reason === 'BUSY'; i++) {
    await new Promise((r) => setTimeout(r, 200));
    out = await t.handle.dailyJobs.run('SCHEDULE');
  }
  expect(out).toMatchObject({ day: today, ran: true, reason: 'RAN' });
  const esc = out.runs.find((r) => r.job === 'ESCALATION')!;
  expect({ status: esc.status, attempts: esc.attempts }).toEqual({ status: 'DONE', attempts: 2 });

  expect(await escalations()).toEqual(ids.map((id) => ({ item_id: id, n: 1 })));
  const events = await t.ds.query(`SELECT item_id, count(*)::int AS n FROM remediation_event WHERE item_id = ANY($1::uuid[]) AND action = 'ESCALATED' GROUP BY item_id ORDER BY item_id`, [ids]);
  expect(events).toEqual(ids.map((id) => ({ item_id: id, n: 1 })));
  const audits = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = ANY($1::text[]) AND operation = 'escalate:OVERDUE_1D'`, [ids]);
  expect(audits).toEqual([{ n: N }]);
  const levels = await t.ds.query(`SELECT DISTINCT max(level) OVER (PARTITION BY item_id) AS level FROM escalation WHERE item_id = ANY($1::uuid[])`, [ids]);
  expect(levels).toEqual([{ level: 1 }]);
  const told = await t.ds.query(`SELECT count(*)::int AS n, count(DISTINCT item_id)::int AS items FROM notification WHERE user_id = $1 AND kind = 'ESCALATED'`, [officer.user.id]);
  expect(told).toEqual([{ n: N, items: N }]);
  // The day's effects counted once across both runs: every escalation written today, nothing more.
  const [{ written }] = await t.ds.query(`SELECT count(*)::int AS written FROM escalation WHERE day = $1`, [today]);
  expect(esc.effects).toBe(written);
}, 300_000);

it('a shutdown stops the run after its current batch (INTERRUPTED); the next run resumes it', async () => {
  const today = shanghaiDate(new Date());
  // 60 more overdue items, cloned from the first (new watched dates: the deadline moves to 4 days ago).
  const more: { id: string }[] = await t.ds.query(
    `INSERT INTO remediation_item SELECT (jsonb_populate_record(NULL::remediation_item, to_jsonb(i) || jsonb_build_object('id', gen_random_uuid(), 'code', i.code || '-S' || g, 'deadline', $2::date))).*
       FROM remediation_item i, generate_series(1, 60) g WHERE i.id = $1 RETURNING id`,
    [ids[0], addDays(today, -4)],
  );
  const fresh = more.map((r) => r.id);
  const count = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM escalation WHERE item_id = ANY($1::uuid[])`, [fresh]))[0].n as number;
  const running = t.handle.dailyJobs.run('MANUAL');
  for (let i = 0; i < 600 && (await count()) < 2; i++) await new Promise((r) => setTimeout(r, 20));
  await t.handle.dailyJobs.stop();
  const stopped = await running;
  expect(stopped.reason).toBe('INTERRUPTED');
  expect(stopped.runs.find((r) => r.job === 'ESCALATION')!.status).toBe('INTERRUPTED');
  const partial = await count();
  expect(partial).toBeGreaterThanOrEqual(2);
  expect(partial).toBeLessThan(fresh.length);
  // Another instance resumes the day: every one of them escalated once.
  const other = await startTestApp({ ds: t.ds, env: { DAILY_JOBS_BATCH_SIZE: '10' } });
  try {
    const resumed = await other.handle.dailyJobs.run('SCHEDULE');
    expect(resumed).toMatchObject({ ran: true, reason: 'RAN' });
    expect(resumed.runs.find((r) => r.job === 'ESCALATION')).toMatchObject({ status: 'DONE', attempts: 4 });
  } finally {
    await other.close();
  }
  const per = await t.ds.query(`SELECT count(*)::int AS n, count(DISTINCT item_id)::int AS items FROM escalation WHERE item_id = ANY($1::uuid[])`, [fresh]);
  expect(per).toEqual([{ n: fresh.length, items: fresh.length }]);
}, 120_000);
