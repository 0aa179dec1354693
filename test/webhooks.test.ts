import { createHmac } from 'node:crypto';
import { Role } from '../src/common/auth';
import { startTestApp, tokensByRole, type TestApp } from './support/app';
import { TestReceiver, eventually } from './support/receiver';
import { USER_ERRORS, helpers } from './remediation-fixtures';

/**
 * Webhooks (issue 18): registration rules, signed delivery, retries with backoff, dead letter,
 * resend, and at-least-once delivery that a receiver honouring the id sees once. Receivers are
 * HTTP servers started here on 127.0.0.1.
 */
// A generous timeout: the machine running the tests may be loaded, and a late answer would be (correctly) sent again.
const ENV = { WEBHOOK_TIMEOUT_MS: '2500', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_BACKOFF_BASE_MS: '50', WEBHOOK_BACKOFF_MAX_MS: '200', WEBHOOK_POLL_MS: '50', PORT: '4817', PUBLIC_URL: 'https://ebike.leshan.example' };
const SECRET = 'partner-secret-0123456789';

const REGISTER = `mutation($input: RegisterWebhookSubscriberInput!) { registerWebhookSubscriber(input: $input) { webhookSubscriber { id name url eventTypes districtCodes teamCodes active version } ${USER_ERRORS} } }`;
const UPDATE = `mutation($input: UpdateWebhookSubscriberInput!) { updateWebhookSubscriber(input: $input) { webhookSubscriber { id url active version } ${USER_ERRORS} } }`;
const RESEND = `mutation($input: ResendWebhookDeliveryInput!) { resendWebhookDelivery(input: $input) { webhookDelivery { id status attempts } ${USER_ERRORS} } }`;
const DELIVERIES = `query($s: ID, $st: WebhookDeliveryStatus) { webhookDeliveries(subscriberId: $s, status: $st, first: 100) { totalCount nodes { id status attempts lastStatus lastError deliveredAt eventId event { id type entityType entityId districtCode data } subscriber { id } } } }`;

let t: TestApp;
let tok: Record<Role, string>;
const h = helpers(() => t);
const receivers: TestReceiver[] = [];

beforeAll(async () => {
  t = await startTestApp({ env: ENV });
  tok = await tokensByRole(t.ds);
});
afterAll(async () => {
  for (const r of receivers) await r.stop();
  await t.close();
});

async function receiver(): Promise<TestReceiver> {
  const r = await new TestReceiver().start();
  receivers.push(r);
  return r;
}

async function register(input: Record<string, unknown>, token = tok.ADMIN) {
  return t.gql(REGISTER, { input: { name: '省平台', eventTypes: ['ITEM_CREATED', 'ITEM_TRANSITIONED'], secret: SECRET, ...input } }, token);
}

async function subscriber(url: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await register({ url, ...extra });
  expect(r.body.data!.registerWebhookSubscriber.userErrors).toEqual([]);
  return r.body.data!.registerWebhookSubscriber.webhookSubscriber.id;
}

async function deliveries(subscriberId: string, status?: string) {
  const r = await t.gql(DELIVERIES, { s: subscriberId, st: status ?? null }, tok.ADMIN);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.webhookDeliveries.nodes as Record<string, any>[];
}

async function pause(id: string) {
  const [row] = await t.ds.query(`SELECT version FROM webhook_subscriber WHERE id = $1`, [id]);
  const r = await t.gql(UPDATE, { input: { id, expectedVersion: row.version, active: false } }, tok.ADMIN);
  expect(r.body.data!.updateWebhookSubscriber.userErrors).toEqual([]);
}

async function newItem(districtCode = '511102') {
  const b = await h.business(tok.COORDINATOR, { districtCode });
  return h.item(tok.COORDINATOR, { businessId: b.id });
}

describe('registering a subscriber', () => {
  const count = async () => Number((await t.ds.query(`SELECT count(*)::int AS n FROM webhook_subscriber`))[0].n);

  test.each([
    ['ftp://partner.example/hook', 'http:// 或 https://', 'must be http:// or https://'],
    ['javascript:alert(1)', 'http:// 或 https://', 'must be http:// or https://'],
    ['not a url', '不是有效的网址', 'not a valid URL'],
    ['http://user:pw@partner.example/hook', '用户名或密码', 'user name or password'],
    ['http://127.0.0.1:4817/graphql', '本服务自身', 'this service itself'],
    ['http://localhost:4817/graphql', '本服务自身', 'this service itself'],
    ['http://[::1]:4817/graphql', '本服务自身', 'this service itself'],
    ['https://ebike.leshan.example/graphql', '本服务自身', 'this service itself'],
    [`https://partner.example/${'a'.repeat(2048)}`, '2048', 'longer than 2048'],
  ].map(([url, zh, en]) => [url.length > 80 ? `${url.slice(0, 40)}… (${url.length} characters)` : url, url, zh, en]))('refuses %s', async (_label, url, zh, en) => {
    const before = await count();
    const r = await register({ url });
    const p = r.body.data!.registerWebhookSubscriber;
    expect(p.webhookSubscriber).toBeNull();
    expect(p.userErrors).toHaveLength(1);
    expect(p.userErrors[0].field).toEqual(['input', 'url']);
    expect(p.userErrors[0].message).toContain(zh);
    expect(p.userErrors[0].messageEn).toContain(en);
    expect(await count()).toBe(before);
  });

  test('a loopback address on another port, and the public host on another port, are accepted', async () => {
    const a = await register({ url: 'http://127.0.0.1:4818/hook' });
    expect(a.body.data!.registerWebhookSubscriber.userErrors).toEqual([]);
    const b = await register({ url: 'http://ebike.leshan.example:8443/hook' });
    expect(b.body.data!.registerWebhookSubscriber.userErrors).toEqual([]);
    for (const r of [a, b]) await pause(r.body.data!.registerWebhookSubscriber.webhookSubscriber.id);
  });

  test('every problem is reported at once, naming its field; nothing is written', async () => {
    const before = await count();
    const r = await register({ url: 'ftp://x', secret: 'short', eventTypes: [], districtCodes: ['999999'], teamCodes: ['NOPE'], name: ' ' });
    const fields = r.body.data!.registerWebhookSubscriber.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort();
    expect(fields).toEqual(['input.districtCodes', 'input.eventTypes', 'input.name', 'input.secret', 'input.teamCodes', 'input.url']);
    expect(await count()).toBe(before);
  });

  test('only an administrator registers; the secret is not a field; the registration is audited without it', async () => {
    for (const role of [Role.COORDINATOR, Role.AGENCY_OFFICER, Role.PARTNER_VIEWER, Role.REPORTER]) {
      const r = await register({ url: 'https://partner.example/hook' }, tok[role]);
      expect(r.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const secretField = await t.gql(`{ webhookSubscribers { nodes { secret } } }`, {}, tok.ADMIN);
    expect(secretField.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const id = await subscriber('https://partner.example/hook', { districtCodes: ['511102'], teamCodes: ['SALES'] });
    const [audit] = await t.ds.query(`SELECT operation, changes FROM audit_event WHERE entity_id = $1`, [id]);
    expect(audit.operation).toBe('registerWebhookSubscriber');
    expect(JSON.stringify(audit.changes)).not.toContain(SECRET);
    expect(audit.changes.url).toEqual({ before: null, after: 'https://partner.example/hook' });
    const list = await t.gql(`{ webhookSubscribers(first: 100) { nodes { id url districtCodes teamCodes active version } } }`, {}, tok.ADMIN);
    expect(list.body.data!.webhookSubscribers.nodes).toContainEqual({ id, url: 'https://partner.example/hook', districtCodes: ['511102'], teamCodes: ['SALES'], active: true, version: 1 });
    // Versioned: a stale update is a conflict.
    const stale = await t.gql(UPDATE, { input: { id, expectedVersion: 7, active: false } }, tok.ADMIN);
    expect(stale.body.data!.updateWebhookSubscriber.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'expectedVersion'] });
    const ok = await t.gql(UPDATE, { input: { id, expectedVersion: 1, active: false } }, tok.ADMIN);
    expect(ok.body.data!.updateWebhookSubscriber.webhookSubscriber).toMatchObject({ active: false, version: 2 });
  });
});

describe('delivery', () => {
  test('a committed change reaches the receiver once, signed over timestamp.body with the secret', async () => {
    const rx = await receiver();
    const sid = await subscriber(rx.url);
    const item = await newItem();
    const [ev] = await t.ds.query(`SELECT id FROM outbox_event WHERE entity_id = $1 AND type = 'ITEM_CREATED'`, [item.id]);
    const got = await eventually(() => rx.forEvent(ev.id)[0]);
    const ts = String(got.headers['x-webhook-timestamp']);
    const expected = 'sha256=' + createHmac('sha256', SECRET).update(`${ts}.${got.body}`).digest('hex');
    expect(got.headers['x-webhook-signature']).toBe(expected);
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(120);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-webhook-event']).toBe('ITEM_CREATED');
    const body = JSON.parse(got.body);
    expect(body).toMatchObject({ id: ev.id, type: 'ITEM_CREATED', entity: { type: 'RemediationItem', id: item.id }, scope: { districtCode: '511102', stage: 'SALES' } });
    expect(body.data).toMatchObject({ code: item.code, action: 'CREATED', toStatus: 'REGISTERED', version: 1 });
    // No personal data or free text in a partner's payload.
    expect(got.body).not.toContain(item.description ?? '三无产品');
    await eventually(async () => (await deliveries(sid))[0]?.status === 'DELIVERED');
    const [d] = await deliveries(sid);
    expect(d).toMatchObject({ status: 'DELIVERED', attempts: 1, lastStatus: 200, lastError: null, eventId: ev.id, event: { id: ev.id, type: 'ITEM_CREATED', entityId: item.id } });
    // A transition is an event too; and a tampered body fails verification.
    await h.move(tok.COORDINATOR, item, 'SERVE_NOTICE', { noticeType: 'IMMEDIATE' });
    const [tr] = await t.ds.query(`SELECT id FROM outbox_event WHERE entity_id = $1 AND type = 'ITEM_TRANSITIONED'`, [item.id]);
    const g2 = await eventually(() => rx.forEvent(tr.id)[0]);
    expect(JSON.parse(g2.body).data).toMatchObject({ action: 'SERVE_NOTICE', fromStatus: 'REGISTERED', toStatus: 'NOTIFIED', version: 2 });
    const forged = 'sha256=' + createHmac('sha256', SECRET).update(`${ts}.${got.body.replace('ITEM_CREATED', 'ITEM_ESCALATED')}`).digest('hex');
    expect(forged).not.toBe(got.headers['x-webhook-signature']);
    await pause(sid);
  });

  test('a rolled-back change sends nothing; events outside the scope or types are not queued', async () => {
    const rx = await receiver();
    const sid = await subscriber(rx.url, { districtCodes: ['511111'], eventTypes: ['ITEM_CREATED'] });
    await newItem('511102');
    const b = await h.business(tok.COORDINATOR, { districtCode: '511111' });
    const bad = await h.run('createRemediationItem', { hazardTypeCode: 'SALES_THREE_NO', description: 'x', teamCode: 'NOPE', discoveryMethod: 'ROUTINE', businessId: b.id }, tok.COORDINATOR);
    expect(bad.body.data!.createRemediationItem.userErrors.length).toBeGreaterThan(0);
    const inScope = await h.item(tok.COORDINATOR, { businessId: b.id });
    await eventually(async () => (await deliveries(sid)).some((d) => d.status === 'DELIVERED'));
    const all = await deliveries(sid);
    expect(all.map((d) => d.event.entityId)).toEqual([inScope.id]);
    expect([...new Set(rx.received.map((r) => JSON.parse(r.body).entity.id))]).toEqual([inScope.id]);
    await pause(sid);
  });

  test('a receiver answering 500 gets retries with backoff, then the delivery is dead; resend delivers it', async () => {
    const rx = await receiver();
    rx.mode = 'fail500';
    const sid = await subscriber(rx.url);
    const item = await newItem();
    await eventually(async () => (await deliveries(sid, 'DEAD')).length === 1);
    const [dead] = await deliveries(sid, 'DEAD');
    expect(dead).toMatchObject({ attempts: 3, lastStatus: 500, lastError: 'HTTP 500', deliveredAt: null });
    expect(rx.received).toHaveLength(3);
    expect(rx.received.map((r) => r.headers['x-webhook-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(rx.received.map((r) => r.headers['x-webhook-id']))).toEqual(new Set([dead.eventId]));
    // Backoff: the waits grow (50 ms, then 100 ms at least).
    expect(rx.received[1].at - rx.received[0].at).toBeGreaterThanOrEqual(45);
    expect(rx.received[2].at - rx.received[1].at).toBeGreaterThanOrEqual(95);
    // Dead stays dead.
    await new Promise((r) => setTimeout(r, 400));
    expect(rx.received).toHaveLength(3);

    // A pending delivery cannot be resent; a dead one can, by an administrator only.
    const refused = await t.gql(RESEND, { input: { id: dead.id } }, tok.COORDINATOR);
    expect(refused.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    rx.mode = 'ok';
    const r = await t.gql(RESEND, { input: { id: dead.id } }, tok.ADMIN);
    expect(r.body.data!.resendWebhookDelivery).toMatchObject({ webhookDelivery: { id: dead.id, status: 'PENDING', attempts: 0 }, userErrors: [] });
    await eventually(async () => (await deliveries(sid))[0].status === 'DELIVERED');
    expect(rx.received).toHaveLength(4);
    expect(JSON.parse(rx.received[3].body).id).toBe(dead.eventId);
    expect(JSON.parse(rx.received[3].body).entity.id).toBe(item.id);
    const [audit] = await t.ds.query(`SELECT operation FROM audit_event WHERE entity_id = $1`, [dead.id]);
    expect(audit.operation).toBe('resendWebhookDelivery');
    const missing = await t.gql(RESEND, { input: { id: '00000000-0000-4000-8000-000000000000' } }, tok.ADMIN);
    expect(missing.body.data!.resendWebhookDelivery.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'id'] });
    await pause(sid);
  });

  test('a receiver that is down: retries, dead letter with the connection error; none lost once it is back', async () => {
    const rx = await receiver();
    const port = rx.port;
    await rx.stop();
    const sid = await subscriber(`http://127.0.0.1:${port}/hook`);
    await newItem();
    await eventually(async () => (await deliveries(sid, 'DEAD')).length === 1);
    const [dead] = await deliveries(sid, 'DEAD');
    expect(dead.attempts).toBe(3);
    expect(dead.lastStatus).toBeNull();
    expect(dead.lastError).toMatch(/ECONNREFUSED/);
    const back = await new TestReceiver().start(port);
    receivers.push(back);
    await t.gql(RESEND, { input: { id: dead.id } }, tok.ADMIN);
    await eventually(() => back.forEvent(dead.eventId).length === 1);
    await pause(sid);
  });

  test('a slow receiver times out and is retried; a receiver honouring the id acts once per event', async () => {
    const rx = await receiver();
    rx.mode = { slowMs: 8000 };
    const sid = await subscriber(rx.url);
    const items = [await newItem(), await newItem()];
    await eventually(async () => (await deliveries(sid, 'DEAD')).length === 2, 60000);
    const dead = await deliveries(sid, 'DEAD');
    for (const d of dead) expect(d.lastError).toBe('timeout after 2500 ms');
    // Every attempt reached the receiver: at least once, three times each.
    expect(rx.received).toHaveLength(6);
    rx.mode = 'ok';
    for (const d of dead) await t.gql(RESEND, { input: { id: d.id } }, tok.ADMIN);
    await eventually(async () => (await deliveries(sid, 'DELIVERED')).length === 2);
    expect(rx.received).toHaveLength(8);
    // The receiver de-duplicates by X-Webhook-Id: one effect per event, eight requests.
    const ids = dead.map((d) => d.eventId).sort();
    expect([...rx.effects.keys()].sort()).toEqual(ids);
    expect([...rx.effects.values()]).toEqual([1, 1]);
    expect(items).toHaveLength(2);
    await pause(sid);
  });

  test('two instances sending from one database deliver each event once (claims skip locked rows)', async () => {
    const second = await startTestApp({ env: ENV, ds: t.ds });
    try {
      const rx = await receiver();
      const sid = await subscriber(rx.url);
      for (let i = 0; i < 12; i++) await newItem();
      await eventually(async () => (await deliveries(sid, 'DELIVERED')).length === 12, 30000);
      await new Promise((r) => setTimeout(r, 300));
      const perEvent = new Map<string, number>();
      for (const r of rx.received) perEvent.set(String(r.headers['x-webhook-id']), (perEvent.get(String(r.headers['x-webhook-id'])) ?? 0) + 1);
      expect(perEvent.size).toBe(12);
      expect([...perEvent.values()].every((n) => n === 1)).toBe(true);
      await pause(sid);
    } finally {
      await second.handle.stop();
    }
  });
});
