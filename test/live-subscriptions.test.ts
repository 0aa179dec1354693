import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'graphql-ws';
import { Role } from '../src/common/auth';
import type { LiveServer } from '../src/modules/live/live.ws';
import { makeUser, startTestApp, tokensByRole, type TestApp } from './support/app';
import { workerDataSource } from './support/db';
import { connected, liveClient, subscribe, type Sub } from './support/live';
import { eventually } from './support/receiver';
import { helpers } from './remediation-fixtures';

/**
 * GraphQL subscriptions over graphql-ws on /graphql (issue 18): same authentication as HTTP (the
 * token in the connection payload), same roles and masking, refusals at subscribe time, and only
 * committed changes.
 */
let t: TestApp;
let tok: Record<Role, string>;
let server: http.Server;
let live: LiveServer;
let url: string;
const h = helpers(() => t);
const clients: Client[] = [];

beforeAll(async () => {
  const d = await workerDataSource();
  await d.query(`CREATE TABLE IF NOT EXISTS test_live_notification (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), user_id uuid NOT NULL, title text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  t = await startTestApp({
    ds: d,
    env: { WEBHOOKS_ENABLED: 'false' },
    appDeps: {
      notificationSource: async (db, id) => {
        const [r] = await db.query(`SELECT id, user_id AS "userId", title FROM test_live_notification WHERE id = $1`, [id]);
        return r ?? null;
      },
    },
  });
  tok = await tokensByRole(t.ds);
  server = http.createServer(t.app);
  live = t.handle.attachLive(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  for (const c of clients) await c.dispose();
  await live.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
  await t.ds.destroy();
});

function client(params: Record<string, unknown> | null, onClosed?: (code: number, reason: string) => void): Client {
  const c = liveClient(url, params, { onClosed });
  clients.push(c);
  return c;
}

const ITEM_CHANGED = `subscription($f: RemediationItemChangedFilter) { remediationItemChanged(filter: $f) { id type action item { id code status version districtCode responsiblePerson responsibleContact } } }`;

async function shop(districtCode = '511102') {
  return h.business(tok.COORDINATOR, { districtCode });
}

test('a coordinator receives committed changes matching the filter, once each, in order', async () => {
  const c = client({ authorization: `Bearer ${tok.COORDINATOR}` });
  const sub = subscribe(c, ITEM_CHANGED, { f: { districtCodes: ['511102'] } });
  await connected(c);
  const b1 = await shop('511102');
  const b2 = await shop('511111');
  const other = await h.item(tok.COORDINATOR, { businessId: b2.id });
  const item = await h.item(tok.COORDINATOR, { businessId: b1.id, responsiblePerson: '张伟', responsibleContact: '13812345678' });
  await h.move(tok.COORDINATOR, item, 'SERVE_NOTICE', { noticeType: 'IMMEDIATE' });
  await eventually(() => sub.results.length >= 2);
  await new Promise((r) => setTimeout(r, 300));
  expect(sub.error).toBeNull();
  const got = sub.results.map((r) => r.data!.remediationItemChanged);
  expect(got.map((g) => [g.type, g.action, g.item.id])).toEqual([
    ['ITEM_CREATED', 'CREATED', item.id],
    ['ITEM_TRANSITIONED', 'SERVE_NOTICE', item.id],
  ]);
  expect(got.some((g) => g.item.id === other.id)).toBe(false);
  // Read after commit: the item as committed (the second message may already see version 2).
  expect(got[1].item).toMatchObject({ status: 'NOTIFIED', version: 2, responsiblePerson: '张伟', responsibleContact: '13812345678' });
  const [ev] = await t.ds.query(`SELECT id FROM outbox_event WHERE entity_id = $1 AND type = 'ITEM_CREATED'`, [item.id]);
  expect(got[0].id).toBe(ev.id);
  sub.dispose();
});

test('a partner viewer receives the same change with personal data masked', async () => {
  const c = client({ token: tok.PARTNER_VIEWER });
  const sub = subscribe(c, ITEM_CHANGED, { f: { teamCodes: ['SALES'], types: ['ITEM_CREATED'] } });
  await connected(c);
  const b = await shop();
  const item = await h.item(tok.COORDINATOR, { businessId: b.id, responsiblePerson: '李建国', responsibleContact: '13912345678' });
  await eventually(() => sub.results.find((r) => r.data?.remediationItemChanged.item.id === item.id));
  const got = sub.results.find((r) => r.data?.remediationItemChanged.item.id === item.id)!.data!.remediationItemChanged;
  expect(got.item.responsiblePerson).toBe('李**');
  expect(got.item.responsibleContact).toBe('139****5678');
  sub.dispose();
});

test('a rolled-back mutation publishes nothing', async () => {
  const c = client({ authorization: `Bearer ${tok.COORDINATOR}` });
  const sub = subscribe(c, ITEM_CHANGED, { f: { districtCodes: ['511112'] } });
  await connected(c);
  const b = await shop('511112');
  const bad = await h.run('createRemediationItem', { hazardTypeCode: 'SALES_THREE_NO', description: 'x', teamCode: 'NOPE', discoveryMethod: 'ROUTINE', businessId: b.id }, tok.COORDINATOR);
  expect(bad.body.data!.createRemediationItem.userErrors.length).toBeGreaterThan(0);
  const it = await h.item(tok.COORDINATOR, { businessId: b.id });
  await eventually(() => sub.results.length >= 1);
  await new Promise((r) => setTimeout(r, 300));
  expect(sub.results.map((r) => r.data!.remediationItemChanged.item.id)).toEqual([it.id]);
  sub.dispose();
});

function refusal(sub: Sub): string | undefined {
  const fromNext = sub.results.find((r) => r.errors?.length)?.errors?.[0]?.extensions?.code;
  const e = sub.error as { extensions?: { code?: string } }[] | { message?: string } | null;
  return fromNext ?? (Array.isArray(e) ? e[0]?.extensions?.code : undefined);
}

test('refused at subscribe time, with an error: a role that may not read items, an unknown filter value, no credentials', async () => {
  const reporter = subscribe(client({ authorization: `Bearer ${tok.REPORTER}` }), ITEM_CHANGED, {});
  const unknown = subscribe(client({ authorization: `Bearer ${tok.COORDINATOR}` }), ITEM_CHANGED, { f: { districtCodes: ['999999'] } });
  const anonymous = subscribe(client(null), ITEM_CHANGED, {});
  const inspections = subscribe(client({ authorization: `Bearer ${tok.REPORTER}` }), `subscription { inspectionRecorded { id } }`);
  await eventually(() => reporter.completed && unknown.completed && anonymous.completed && inspections.completed);
  expect(refusal(reporter)).toBe('FORBIDDEN');
  expect(refusal(inspections)).toBe('FORBIDDEN');
  expect(refusal(anonymous)).toBe('UNAUTHENTICATED');
  expect(refusal(unknown)).toBe('BAD_USER_INPUT');
  expect(unknown.results[0].errors![0].message).toContain('999999');
  expect(unknown.results[0].errors![0].message).toMatch(/区县/);
});

test('a subscription deeper than MAX_QUERY_DEPTH is refused before it starts', async () => {
  const deep = `subscription { remediationItemChanged { item { business { remediationItems { nodes { business { remediationItems { nodes { business { remediationItems { nodes { id } } } } } } } } } } } }`;
  const sub = subscribe(client({ authorization: `Bearer ${tok.COORDINATOR}` }), deep);
  await eventually(() => sub.error !== null);
  expect(refusal(sub)).toBe('QUERY_TOO_DEEP');
});

test('a subscription costing more than MAX_QUERY_COST, or breaking an input rule, is refused before it starts', async () => {
  // Within the depth limit; 100 items × 100 items of their business per pushed event: 10,000+ > 5,000.
  const costly = `subscription { remediationItemChanged { item { business { remediationItems(first: 100) { nodes { business { remediationItems(first: 100) { nodes { id } } } } } } } } }`;
  const sub = subscribe(client({ authorization: `Bearer ${tok.COORDINATOR}` }), costly);
  await eventually(() => sub.error !== null);
  expect(refusal(sub)).toBe('QUERY_TOO_COSTLY');
  expect((sub.error as { extensions: Record<string, unknown> }[])[0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', limit: 5000, cost: expect.any(Number) });
  // A value the input rules refuse (a NUL character), named as over HTTP — not left to the resolver.
  const big = subscribe(client({ authorization: `Bearer ${tok.COORDINATOR}` }), `subscription { remediationItemChanged(filter: { districtCodes: ["5111\\u0000"] }) { item { id } } }`);
  await eventually(() => big.error !== null || big.completed);
  expect((big.error as { message: string }[])[0].message).toContain('U+0000');
  expect(refusal(big)).toBe('BAD_USER_INPUT');
});

test('invalid credentials close the connection (4403), as HTTP answers 401', async () => {
  let closed: number | null = null;
  const c = client({ authorization: 'Bearer not-a-token' }, (code) => (closed = code));
  const sub = subscribe(c, ITEM_CHANGED, {});
  await eventually(() => closed !== null && sub.error !== null);
  expect(closed).toBe(4403);
});

test('inspectionRecorded pushes recorded inspections, masked for a partner', async () => {
  const c = client({ authorization: `Bearer ${tok.PARTNER_VIEWER}` });
  const sub = subscribe(c, `subscription { inspectionRecorded(filter: { districtCodes: ["511102"] }) { id code districtCode inspectors } }`);
  await connected(c);
  const b = await shop();
  const p = await h.ok('createInspection', { method: 'ROUTINE', teamCode: 'SALES', inspectors: ['王警官', '李科员'], targetBusinessId: b.id, startedAt: new Date(Date.now() - 3600_000).toISOString() }, tok.COORDINATOR);
  await eventually(() => sub.results.length >= 1);
  expect(sub.results[0].data!.inspectionRecorded).toMatchObject({ id: p.inspection.id, code: p.inspection.code, districtCode: '511102' });
  expect(sub.results[0].data!.inspectionRecorded.inspectors).not.toContain('王警官');
  sub.dispose();
});

test('notificationReceived: a notification announced on ebike_notification reaches its user only', async () => {
  const alice = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'] });
  const bob = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'] });
  const ca = client({ authorization: `Bearer ${alice.token}` });
  const cb = client({ authorization: `Bearer ${bob.token}` });
  const sa = subscribe(ca, `subscription { notificationReceived { id content } }`);
  const sb = subscribe(cb, `subscription { notificationReceived { id content } }`);
  await connected(ca);
  await connected(cb);
  // As the inbox writes it: the row and the NOTIFY in one transaction.
  const [n] = await t.ds.transaction(async (em) => {
    const rows = await em.query(`INSERT INTO test_live_notification (user_id, title) VALUES ($1, '隐患 LS-1 已逾期') RETURNING id`, [alice.user.id]);
    await em.query(`SELECT pg_notify('ebike_notification', json_build_object('id', $1::text, 'userId', $2::text)::text)`, [rows[0].id, alice.user.id]);
    return rows;
  });
  await eventually(() => sa.results.length === 1);
  await new Promise((r) => setTimeout(r, 300));
  expect(sa.results[0].data!.notificationReceived).toEqual({ id: n.id, content: { id: n.id, title: '隐患 LS-1 已逾期' } });
  expect(sb.results).toEqual([]);
});
