import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { makeDataSource } from '../src/database/data-source';
import { helpers, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { cloneTemplate, workerDatabaseName, sqlRecorder } from './support/db';

/**
 * SQL statements of transitionRemediationItem, as the benchmark counts them (response
 * `extensions.sqlStatements`, START TRANSACTION and COMMIT included): the row lock, then one
 * statement writing the item, its event and its audit row. The statements themselves are captured
 * from the TypeORM logger at trace level, so a regression shows which statement came back.
 */

let t: TestApp;
let ds: DataSource;
let coord: TestUser;
let o1: TestUser;
const h = helpers(() => t);
let shop: { id: string };
/** SQL text of every statement the data source sends, in order (the SQL logger's trace lines). */
const { log, sql } = sqlRecorder();

beforeAll(async () => {
  ds = makeDataSource({ url: await cloneTemplate(workerDatabaseName()), log, poolSize: 5 });
  await ds.initialize();
  // The webhook sender's own rounds would show in the statement log: off here.
  t = await startTestApp({ ds, env: { EXPOSE_SQL_COUNT: 'true', WEBHOOKS_ENABLED: 'false' } });
  coord = await makeUser(ds, Role.COORDINATOR);
  o1 = await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
});
afterAll(async () => {
  await t.close();
  await ds.destroy();
});

const MUTATION = `mutation($input: TransitionInput!) { transitionRemediationItem(input: $input) { remediationItem { id version status updatedAt } userErrors { field code message } } }`;

/** A statement in short: its first words, or what the one-statement write touches. */
function summary(s: string): string {
  const text = s.replace(/\s+/g, ' ').trim();
  if (text.startsWith('WITH')) return `WITH ${[...text.matchAll(/(UPDATE|INSERT INTO) "(\w+)"/g)].map((m) => `${m[1]} ${m[2]}`).join(', ')}`;
  if (text.startsWith('SELECT')) return `SELECT ${/FROM "(\w+)"/.exec(text)?.[1]}${/FOR UPDATE/.test(text) ? ' FOR UPDATE' : ''}`;
  return text;
}

/** Runs one transition through HTTP; returns the payload, the reported count and the statements in short. */
async function transition(token: string, input: Record<string, unknown>) {
  sql.length = 0;
  const r = await t.gql(MUTATION, { input }, token);
  expect(r.body.errors).toBeUndefined();
  // The principal lookup (authentication) comes first unless the caller was served from the principal
  // cache (src/modules/access/access.principal-cache.ts); the reported count leaves it out either way.
  const statements = sql.filter((q, n) => !(n === 0 && /FROM app_user x WHERE x\.id = \$1 AND x\.active AND x\.token_version = \$2/.test(q))).map(summary);
  expect(statements).toHaveLength(r.body.extensions!.sqlStatements);
  return { payload: r.body.data!.transitionRemediationItem, count: r.body.extensions!.sqlStatements as number, statements };
}

/** The lock, the one write, the commit. */
const WRITE = [
  'START TRANSACTION',
  'SELECT remediation_item FOR UPDATE',
  // … the notifications of the officers in the item's scope (issue 18) and the outbox row (webhooks, live updates), in the same statement.
  'WITH UPDATE remediation_item, INSERT INTO remediation_event, INSERT INTO audit_event, INSERT INTO notification, INSERT INTO outbox_event',
  'COMMIT',
];

async function lastEvent(itemId: string) {
  const [e] = await ds.query(
    `SELECT action, from_status, to_status, actor_id, actor_name, actor_role, comment, data FROM remediation_event WHERE item_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 1`,
    [itemId],
  );
  return e;
}

async function auditRows(itemId: string) {
  return ds.query(
    `SELECT actor_type, actor_id, role, operation, entity_type, outcome, changes, request_id IS NOT NULL AS has_request_id
       FROM audit_event WHERE entity_id = $1 AND operation LIKE 'transitionRemediationItem:%' ORDER BY occurred_at, id`,
    [itemId],
  );
}

async function updatedAt(itemId: string): Promise<Date> {
  return (await ds.query(`SELECT updated_at FROM remediation_item WHERE id = $1`, [itemId]))[0].updated_at;
}

describe('transitionRemediationItem: SQL statements', () => {
  it('COMMENT: 4 statements (was 7); version + 1, updated_at, the event and the audit row written', async () => {
    const i = await h.item(o1.token, { businessId: shop.id, description: `语句数 ${tag()}` });
    const before = await updatedAt(i.id);
    const r = await transition(o1.token, { id: i.id, expectedVersion: i.version, action: 'COMMENT', comment: '现场已核实' });
    expect(r.payload.userErrors).toEqual([]);
    expect(r.statements).toEqual(WRITE);
    expect(r.count).toBe(4);

    expect(r.payload.remediationItem).toMatchObject({ id: i.id, version: i.version + 1, status: 'REGISTERED' });
    const stored = await updatedAt(i.id);
    expect(stored.getTime()).toBeGreaterThan(before.getTime());
    expect(new Date(r.payload.remediationItem.updatedAt).getTime()).toBe(stored.getTime());
    expect((await ds.query(`SELECT version FROM remediation_item WHERE id = $1`, [i.id]))[0].version).toBe(i.version + 1);
    expect(await lastEvent(i.id)).toEqual({
      action: 'COMMENT', from_status: 'REGISTERED', to_status: 'REGISTERED', actor_id: o1.user.id, actor_name: o1.user.displayName, actor_role: 'AGENCY_OFFICER', comment: '现场已核实', data: null,
    });
    expect(await auditRows(i.id)).toEqual([
      { actor_type: 'user', actor_id: o1.user.id, role: 'AGENCY_OFFICER', operation: 'transitionRemediationItem:COMMENT', entity_type: 'RemediationItem', outcome: 'SUCCESS', changes: {}, has_request_id: true },
    ]);
  });

  it('SERVE_NOTICE and SEAL (status, input and guard checks): 4 statements each', async () => {
    const i = await h.item(o1.token, { businessId: shop.id, description: `语句数 ${tag()}` });
    const noticeNo = `乐市监责改〔2026〕${tag()}号`;
    const served = await transition(o1.token, { id: i.id, expectedVersion: i.version, action: 'SERVE_NOTICE', noticeType: 'LIMITED_TIME', deadline: '2099-12-31', noticeNo });
    expect(served.payload.userErrors).toEqual([]);
    expect(served.statements).toEqual(WRITE);
    expect(served.payload.remediationItem).toMatchObject({ version: i.version + 1, status: 'NOTIFIED' });
    expect(await lastEvent(i.id)).toMatchObject({ action: 'SERVE_NOTICE', from_status: 'REGISTERED', to_status: 'NOTIFIED', data: { noticeType: 'LIMITED_TIME', deadline: '2099-12-31', noticeNo } });
    const [audit] = await auditRows(i.id);
    expect(audit.changes).toEqual({
      status: { before: 'REGISTERED', after: 'NOTIFIED' },
      noticeType: { before: null, after: 'LIMITED_TIME' },
      noticeNo: { before: null, after: noticeNo },
      noticeServedAt: { before: null, after: expect.any(String) },
      deadline: { before: null, after: '2099-12-31' },
    });
    const [row] = await ds.query(`SELECT status, notice_type, notice_no, deadline, notice_served_at FROM remediation_item WHERE id = $1`, [i.id]);
    expect(row).toMatchObject({ status: 'NOTIFIED', notice_type: 'LIMITED_TIME', notice_no: noticeNo, deadline: '2099-12-31' });
    expect(row.notice_served_at.toISOString()).toBe(audit.changes.noticeServedAt.after);

    const sealed = await transition(o1.token, { id: i.id, expectedVersion: i.version + 1, action: 'SEAL' });
    expect(sealed.payload.userErrors).toEqual([]);
    expect(sealed.statements).toEqual(WRITE);
    expect(sealed.payload.remediationItem.version).toBe(i.version + 2);

    // A veto writes nothing: the lock, then the rollback.
    const again = await transition(o1.token, { id: i.id, expectedVersion: i.version + 2, action: 'SEAL' });
    expect(again.payload.userErrors).toEqual([expect.objectContaining({ code: 'GUARD_FAILED' })]);
    expect(again.statements).toEqual(['START TRANSACTION', 'SELECT remediation_item FOR UPDATE', 'ROLLBACK']);
    expect(await auditRows(i.id)).toHaveLength(2);
  });

  it('CLOSE reads its guard facts (after-evidence count, listing) under the lock: 6 statements', async () => {
    const i = await h.item(o1.token, { businessId: shop.id, description: `语句数 ${tag()}` });
    const onSite = await h.move(o1.token, i, 'RECTIFY_ON_SITE');
    await h.evidence(o1.token, onSite, 'AFTER');
    const version = (await h.read(o1.token, i.id, 'version')).version;
    const r = await transition(o1.token, { id: i.id, expectedVersion: version, action: 'CLOSE' });
    expect(r.payload.userErrors).toEqual([]);
    expect(r.payload.remediationItem).toMatchObject({ status: 'CLOSED', version: version + 1 });
    expect(r.statements).toEqual(['START TRANSACTION', 'SELECT remediation_item FOR UPDATE', 'SELECT evidence', 'SELECT listing', WRITE[2], 'COMMIT']);
  });
});
