import { Client } from 'pg';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { cloneTemplate, workerDataSource, workerDatabaseName } from './support/db';

/**
 * The daily PRUNE job keeps the outbox and the inboxes from growing without end: with the default 30
 * days and the run of 2026-12-02 (Asia/Shanghai), the outbox cutoff is 2026-11-02 00:00 Shanghai =
 * 2026-11-01T16:00Z; with the default 180 days for read notifications, 2026-06-05 00:00 Shanghai =
 * 2026-06-04T16:00Z.
 * A database of its own, since the job deletes across the whole outbox. The events are written
 * before the service starts, so its live relay leaves them as they are (it relays only newer ones).
 */
const BEFORE = '2026-11-01T15:59:59.999Z';
const AT = '2026-11-01T16:00:00.000Z';
const RECENT = '2026-11-30T02:00:00.000Z';

// [event, occurred_at, published to the live fan-out?, deliveries (status, created_at), one per subscriber]
const EVENTS: [string, string, boolean, [string, string][]][] = [
  ['e1', BEFORE, true, []], // old, published, nobody to deliver to → deleted
  ['e2', AT, true, []], // exactly at the cutoff → kept
  ['e3', BEFORE, false, []], // never published → kept
  ['e4', BEFORE, true, [['DELIVERED', BEFORE]]], // delivered long ago → delivery and event deleted
  ['e5', BEFORE, true, [['DEAD', BEFORE]]], // dead letter (can be resent) → both kept
  ['e6', BEFORE, true, [['PENDING', BEFORE]]], // still being retried → both kept
  ['e7', BEFORE, true, [['DELIVERED', BEFORE], ['DEAD', BEFORE]]], // the delivered one deleted, the dead one keeps the event
  ['e8', BEFORE, true, [['DELIVERED', RECENT]]], // delivered recently → both kept
];
// Written by hand from the comments above.
const EVENTS_LEFT = ['e2', 'e3', 'e5', 'e6', 'e7', 'e8'];
const DELIVERIES_LEFT = ['e5 DEAD', 'e6 PENDING', 'e7 DEAD', 'e8 DELIVERED'];
// Notifications: [name, read_at or null (unread), created_at]
const NOTIFICATIONS: [string, string | null, string][] = [
  ['n1', '2026-06-04T15:59:59.999Z', '2026-05-01T00:00:00Z'], // read just before the cutoff → deleted
  ['n2', '2026-06-04T16:00:00.000Z', '2026-05-01T00:00:00Z'], // read exactly at the cutoff → kept
  ['n3', null, '2025-01-01T00:00:00Z'], // never read, however old → kept
  ['n4', '2026-11-30T00:00:00Z', '2026-01-01T00:00:00Z'], // old but read recently → kept
];
const NOTIFICATIONS_LEFT = ['n2', 'n3', 'n4'];
const DELETED = 2 + 2 + 1; // deliveries of e4 and e7; events e1 and e4; notification n1

let t: TestApp;
const names = new Map<string, string>(); // event id → e1…e8

beforeAll(async () => {
  const url = await cloneTemplate(workerDatabaseName('_prune'));
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const subs: string[] = [];
    for (const n of [1, 2]) {
      const { rows } = await c.query(`INSERT INTO webhook_subscriber (name, url, event_types, secret) VALUES ($1, 'http://127.0.0.1:9/hook', '{ITEM_CREATED}', 'fixture-secret-0123456789abcdef') RETURNING id`, [`清理测试${n}`]);
      subs.push(rows[0].id);
    }
    for (const [name, at, published, deliveries] of EVENTS) {
      const { rows } = await c.query(
        `INSERT INTO outbox_event (type, entity_type, entity_id, district_code, occurred_at, data, published_at)
         VALUES ('ITEM_UPDATED', 'RemediationItem', gen_random_uuid(), '511102', $1, '{}', $2) RETURNING id`,
        [at, published ? at : null],
      );
      names.set(rows[0].id, name);
      for (const [i, [status, created]] of deliveries.entries()) {
        await c.query(`INSERT INTO webhook_delivery (subscriber_id, event_id, status, created_at) VALUES ($1, $2, $3, $4)`, [subs[i], rows[0].id, status, created]);
      }
    }
  } finally {
    await c.end();
  }
  t = await startTestApp({
    ds: await workerDataSource({ suffix: '_prune' }),
    now: () => new Date('2026-12-02T02:00:00Z'),
    env: { DAILY_JOBS_BATCH_SIZE: '1', WEBHOOKS_ENABLED: 'false' },
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await t?.ds.destroy();
});

let inboxUser = '';
const inbox = async () =>
  ((await t.ds.query(`SELECT title FROM notification WHERE user_id = $1 ORDER BY title`, [inboxUser])) as { title: string }[]).map((r) => r.title);

const left = async () => ({
  events: ((await t.ds.query(`SELECT id FROM outbox_event`)) as { id: string }[]).map((r) => names.get(r.id) ?? r.id).sort(),
  deliveries: ((await t.ds.query(`SELECT event_id, status FROM webhook_delivery`)) as { event_id: string; status: string }[]).map((r) => `${names.get(r.event_id)} ${r.status}`).sort(),
});

it('deletes delivered deliveries and published events older than 30 days, in batches; keeps pending, dead and recent ones', async () => {
  const admin = await makeUser(t.ds, Role.ADMIN);
  inboxUser = (await makeUser(t.ds, Role.AGENCY_OFFICER)).user.id;
  for (const [title, readAt, createdAt] of NOTIFICATIONS) {
    await t.ds.query(`INSERT INTO notification (user_id, kind, title, title_en, created_at, read_at) VALUES ($1, 'ASSIGNED', $2, $2, $3, $4)`, [inboxUser, title, createdAt, readAt]);
  }
  const RUN = `mutation { runDailyJobs(input: {}) { day ran runs { job status effects } userErrors { message } } }`;
  const first = await t.gql(RUN, {}, admin.token);
  expect(first.body.data!.runDailyJobs).toMatchObject({ day: '2026-12-02', ran: true, userErrors: [] });
  expect(first.body.data!.runDailyJobs.runs.find((r: any) => r.job === 'PRUNE')).toEqual({ job: 'PRUNE', status: 'DONE', effects: DELETED });
  expect(await left()).toEqual({ events: EVENTS_LEFT, deliveries: DELIVERIES_LEFT });
  expect(await inbox()).toEqual(NOTIFICATIONS_LEFT);

  // Run again the same day: nothing more to delete (the job_run row keeps the day's count).
  const again = await t.gql(RUN, {}, admin.token);
  expect(again.body.data!.runDailyJobs.runs.find((r: any) => r.job === 'PRUNE')).toEqual({ job: 'PRUNE', status: 'DONE', effects: DELETED });
  expect(await left()).toEqual({ events: EVENTS_LEFT, deliveries: DELIVERIES_LEFT });
  expect(await inbox()).toEqual(NOTIFICATIONS_LEFT);
});

it('OUTBOX_RETENTION_DAYS=0 and NOTIFICATION_RETENTION_DAYS=0 keep everything', async () => {
  // A day later, the defaults would take e2 and n2 (both exactly at the earlier cutoffs).
  const keep = await startTestApp({ ds: t.ds, now: () => new Date('2026-12-03T02:00:00Z'), env: { OUTBOX_RETENTION_DAYS: '0', NOTIFICATION_RETENTION_DAYS: '0', WEBHOOKS_ENABLED: 'false' } });
  try {
    const out = await keep.handle.dailyJobs.run('MANUAL');
    expect(out.runs.find((r) => r.job === 'PRUNE')).toMatchObject({ status: 'DONE', effects: 0 });
  } finally {
    await keep.close();
  }
  expect(await left()).toEqual({ events: EVENTS_LEFT, deliveries: DELIVERIES_LEFT });
});
