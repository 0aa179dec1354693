import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'graphql-ws';
import { Role } from '../src/common/auth';
import type { LiveServer } from '../src/modules/live/live.ws';
import { helpers, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { connected, liveClient, subscribe } from './support/live';
import { eventually } from './support/receiver';

/**
 * Codes are enums (issue 16, docs/schema-changelog.md rule 3), also on the fields added after 0.1.0:
 * OutboxEvent.entityType/stage, RemediationItemChange.action, DailySnapshotRow.stage,
 * JobRun.triggeredBy and the audit filter's entityType. A value a writer produces outside its enum
 * would be an internal error when read, so each is driven by the real writers and read back here
 * through GraphQL: the workflow (CREATED, SERVE_NOTICE), an inspection, and the daily run's
 * escalation (ESCALATED after one overdue day, SUPERVISION_LETTER after seven, as DOMAIN's default
 * rules say) on a fixed clock. Item: district 511133, team SALES, deadline 2026-05-11.
 */
let t: TestApp;
let clock = new Date('2026-05-04T02:00:00Z'); // 10:00 Asia/Shanghai
let coord: TestUser;
let admin: TestUser;
let server: http.Server;
let live: LiveServer;
const h = helpers(() => t);
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestApp({ now: () => clock, env: { WEBHOOKS_ENABLED: 'false' } });
  coord = await makeUser(t.ds, Role.COORDINATOR);
  admin = await makeUser(t.ds, Role.ADMIN);
  server = http.createServer(t.app);
  live = t.handle.attachLive(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  for (const c of clients) await c.dispose();
  await live?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t?.close();
});

const DELIVERIES = `query($s: ID) { webhookDeliveries(subscriberId: $s, first: 100) { nodes { event { type entityType entityId stage data } } } }`;

test('the codes the writers produce read back through GraphQL as their enums', async () => {
  const reg = await t.gql(
    `mutation($input: RegisterWebhookSubscriberInput!) { registerWebhookSubscriber(input: $input) { webhookSubscriber { id } userErrors { field } } }`,
    { input: { name: `编码测试${tag()}`, url: 'https://partner.example/hook', secret: 'partner-secret-0123456789', districtCodes: ['511133'], eventTypes: ['ITEM_CREATED', 'ITEM_TRANSITIONED', 'ITEM_ESCALATED', 'INSPECTION_RECORDED'] } },
    admin.token,
  );
  expect(reg.body.data!.registerWebhookSubscriber.userErrors).toEqual([]);
  const subscriberId = reg.body.data!.registerWebhookSubscriber.webhookSubscriber.id;

  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const c = liveClient(url, { authorization: `Bearer ${coord.token}` });
  clients.push(c);
  const sub = subscribe(c, `subscription { remediationItemChanged(filter: { districtCodes: ["511133"] }) { type action item { id } } }`);
  await connected(c);

  const shop = await h.business(coord.token, { districtCode: '511133', name: `编码测试车行${tag()}` });
  const created = await h.item(coord.token, { businessId: shop.id });
  await h.move(coord.token, created, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', noticeNo: `码-${tag()}`, deadline: '2026-05-11' });
  const insp = await h.ok('createInspection', { method: 'ROUTINE', teamCode: 'SALES', inspectors: ['王警官'], targetBusinessId: shop.id, startedAt: new Date(clock.getTime() - 3600_000).toISOString() }, coord.token);

  // One day overdue, then seven: the daily run escalates, then sends the supervision letter.
  const RUN = `mutation { runDailyJobs(input: {}) { day runs { job triggeredBy } userErrors { field } } }`;
  for (const day of ['2026-05-12', '2026-05-18']) {
    clock = new Date(`${day}T02:00:00Z`);
    const r = await t.gql(RUN, {}, admin.token);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.runDailyJobs).toEqual({
      day,
      runs: [{ job: 'ESCALATION', triggeredBy: 'MANUAL' }, { job: 'PRUNE', triggeredBy: 'MANUAL' }, { job: 'SNAPSHOT', triggeredBy: 'MANUAL' }],
      userErrors: [],
    });
  }

  // RemediationItemChange.action: every kind of writer (service, workflow, the daily run's SQL).
  await eventually(() => sub.results.filter((r) => r.data?.remediationItemChanged?.item?.id === created.id).length >= 4);
  expect(sub.error).toBeNull();
  expect(sub.results.every((r) => r.errors === undefined)).toBe(true);
  const changes = sub.results.map((r) => r.data!.remediationItemChanged).filter((x) => x.item?.id === created.id);
  expect(changes.map((x) => [x.type, x.action])).toEqual([
    ['ITEM_CREATED', 'CREATED'],
    ['ITEM_TRANSITIONED', 'SERVE_NOTICE'],
    ['ITEM_ESCALATED', 'ESCALATED'],
    ['ITEM_ESCALATED', 'SUPERVISION_LETTER'],
  ]);

  // OutboxEvent.entityType and stage: both record types the outbox names.
  const d = await t.gql(DELIVERIES, { s: subscriberId }, admin.token);
  expect(d.body.errors).toBeUndefined();
  const events = d.body.data!.webhookDeliveries.nodes.map((n: any) => n.event).filter((e: any) => [created.id, insp.inspection.id].includes(e.entityId));
  expect(events.map((e: any) => [e.type, e.entityType, e.stage, e.data.action ?? null]).sort()).toEqual([
    ['INSPECTION_RECORDED', 'Inspection', 'SALES', null],
    ['ITEM_CREATED', 'RemediationItem', 'SALES', 'CREATED'],
    ['ITEM_ESCALATED', 'RemediationItem', 'SALES', 'ESCALATED'],
    ['ITEM_ESCALATED', 'RemediationItem', 'SALES', 'SUPERVISION_LETTER'],
    ['ITEM_TRANSITIONED', 'RemediationItem', 'SALES', 'SERVE_NOTICE'],
  ]);

  // DailySnapshotRow.stage, stored by the run of 05-18 for 05-17; JobRun.triggeredBy.
  const snap = await t.gql(`{ dailySnapshots(from: "2026-05-17", to: "2026-05-17", groupBy: [STAGE]) { day stage } }`, {}, coord.token);
  expect(snap.body.errors).toBeUndefined();
  expect(snap.body.data!.dailySnapshots).toContainEqual({ day: '2026-05-17', stage: 'SALES' });
  const runs = await t.gql(`{ jobRuns(from: "2026-05-12", to: "2026-05-18") { job day triggeredBy } }`, {}, coord.token);
  expect(runs.body.errors).toBeUndefined();
  expect(runs.body.data!.jobRuns.filter((x: any) => x.job === 'ESCALATION')).toEqual([
    { job: 'ESCALATION', day: '2026-05-18', triggeredBy: 'MANUAL' },
    { job: 'ESCALATION', day: '2026-05-12', triggeredBy: 'MANUAL' },
  ]);
});

test('the audit trail filters by entity type with the enum: eq, in, notIn; a value outside it is refused', async () => {
  const shop = await h.business(coord.token, { districtCode: '511133', name: `编码筛选车行${tag()}` });
  const item = await h.item(coord.token, { businessId: shop.id });
  const Q = `query($f: AuditEventFilter) { auditEvents(first: 100, filter: $f) { nodes { entityType entityId operation } } }`;
  const ours = async (f: Record<string, unknown>) => {
    const r = await t.gql(Q, { f }, admin.token);
    expect(r.body.errors).toBeUndefined();
    return r.body.data!.auditEvents.nodes.filter((n: any) => [shop.id, item.id].includes(n.entityId)).map((n: any) => [n.entityType, n.operation]);
  };
  expect(await ours({ entityType: { eq: 'Business' } })).toEqual([['Business', 'createBusiness']]);
  expect((await ours({ entityType: { in: ['Business', 'RemediationItem'] } })).sort()).toEqual([['Business', 'createBusiness'], ['RemediationItem', 'createRemediationItem']]);
  expect(await ours({ entityType: { notIn: ['Business'] }, entityId: { eq: item.id } })).toEqual([['RemediationItem', 'createRemediationItem']]);
  const bad = await t.gql(Q, { f: { entityType: { eq: 'Bicycle' } } }, admin.token);
  expect(bad.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
});
