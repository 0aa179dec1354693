import { randomUUID } from 'node:crypto';
import { Role } from '../src/common/auth';
import { counts, helpers, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';

/** Codes, optimistic locking and idempotent creates under parallel requests. */

let t: TestApp;
let coord: TestUser;
let o1: TestUser;
const h = helpers(() => t);

beforeAll(async () => {
  t = await startTestApp();
  coord = await makeUser(t.ds, Role.COORDINATOR);
  o1 = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511112'], departmentCode: 'MARKET' });
});
afterAll(() => t.close());

/** A calendar day no other test uses (the worker database is shared). */
function randomDay(): string {
  const d = new Date(Date.UTC(2015, 0, 1) + Math.floor(Math.random() * 3000) * 86400000);
  return d.toISOString().slice(0, 10);
}

describe('LS codes: unique and gap-free per district and Asia/Shanghai day', () => {
  it('20 parallel creates plus failing ones (some after taking a number) give 0001..0020 with no gaps', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511112' });
    const day = randomDay();
    // 20:30 UTC on the day before is 04:30 next morning in Shanghai: the Shanghai day decides the code.
    const prev = new Date(Date.parse(`${day}T00:00:00Z`) - 3.5 * 3600000).toISOString();
    const base = { businessId: shop.id, hazardTypeCode: 'SALES_THREE_NO', description: `并发${tag()}`, teamCode: 'SALES', discoveryMethod: 'ROUTINE' };
    const good = Array.from({ length: 20 }, (_, n) => h.run('createRemediationItem', { ...base, discoveredAt: n % 2 ? `${day}T08:00:00Z` : prev }, n % 3 ? o1.token : coord.token));
    const bad = Array.from({ length: 4 }, () => h.run('createRemediationItem', { ...base, discoveredAt: prev, hazardTypeCode: 'NOPE' }, o1.token));
    // An inspection whose third hazard is unknown: its first two items take numbers, then everything rolls back.
    const badInspections = Array.from({ length: 3 }, () =>
      h.run('createInspection', {
        method: 'ROUTINE',
        teamCode: 'SALES',
        inspectors: ['甲'],
        targetBusinessId: shop.id,
        startedAt: `${day}T02:00:00Z`,
        remediationItems: [
          { hazardTypeCode: 'SALES_THREE_NO', description: 'a' },
          { hazardTypeCode: 'SALES_REFURBISHED', description: 'b' },
          { hazardTypeCode: 'NO_SUCH_TYPE', description: 'c' },
        ],
      }, o1.token),
    );
    const results = await Promise.all([...good, ...bad, ...badInspections]);
    const created = results.slice(0, 20).map((r) => {
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data!.createRemediationItem.userErrors).toEqual([]);
      return r.body.data!.createRemediationItem.remediationItem;
    });
    for (const r of results.slice(20, 24)) expect(r.body.data!.createRemediationItem.userErrors[0].code).toBe('INVALID_REFERENCE');
    for (const r of results.slice(24)) {
      expect(r.body.data!.createInspection.inspection).toBeNull();
      expect(r.body.data!.createInspection.userErrors).toEqual([{ field: ['input', 'remediationItems', '2', 'hazardTypeCode'], code: 'INVALID_REFERENCE', message: expect.any(String), messageEn: expect.any(String) }]);
    }
    const compact = day.replace(/-/g, '');
    const codes = created.map((i: { code: string }) => i.code).sort();
    expect(codes).toEqual(Array.from({ length: 20 }, (_, n) => `LS-511112-${compact}-${String(n + 1).padStart(4, '0')}`));
    for (const i of created) expect(i.discoveredOn).toBe(day);
    const [counter] = await t.ds.query(`SELECT last_seq FROM code_counter WHERE kind = 'LS' AND district_code = '511112' AND day = $1`, [day]);
    expect(counter.last_seq).toBe(20);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM remediation_item WHERE district_code = '511112' AND discovered_on = $1`, [day]);
    expect(n).toBe(20);
    // the next one continues the sequence
    const next = await h.item(o1.token, { ...base, discoveredAt: `${day}T10:00:00Z` });
    expect(next.code).toBe(`LS-511112-${compact}-0021`);
  });
});

describe('optimistic locking', () => {
  it('two concurrent transitions with the same expectedVersion: exactly one wins, the other gets CONFLICT; one event more', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511112' });
    for (let round = 0; round < 3; round++) {
      const i = await h.item(o1.token, { businessId: shop.id });
      const before = await counts(t, i.id);
      const [a, b] = await Promise.all([
        h.run('transitionRemediationItem', { id: i.id, expectedVersion: 1, action: 'SERVE_NOTICE', noticeType: 'LIMITED_TIME', deadline: '2099-01-01' }, o1.token),
        h.run('transitionRemediationItem', { id: i.id, expectedVersion: 1, action: 'RECTIFY_ON_SITE' }, coord.token),
      ]);
      const payloads = [a, b].map((r) => r.body.data!.transitionRemediationItem);
      const winners = payloads.filter((p) => p.userErrors.length === 0);
      const losers = payloads.filter((p) => p.userErrors.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]).toEqual({ remediationItem: null, userErrors: [expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] })] });
      const after = await counts(t, i.id);
      expect(after.events).toBe(before.events + 1);
      expect(after.version).toBe(2);
      const item = await h.read(coord.token, i.id);
      expect(item.status).toBe(winners[0].remediationItem.status);
      expect(item.events).toHaveLength(2);
    }
  });

  it('concurrent comments with the same version: one CONFLICT, never a lost update', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511112' });
    const i = await h.item(o1.token, { businessId: shop.id });
    // More parallel requests than the worker's pool has connections (5): the lock holder must not need a second one.
    const rs = await Promise.all(Array.from({ length: 8 }, (_, n) => h.run('transitionRemediationItem', { id: i.id, expectedVersion: 1, action: 'COMMENT', comment: `c${n}` }, coord.token)));
    for (const r of rs) expect(r.body.errors).toBeUndefined();
    const ok = rs.filter((r) => r.body.data!.transitionRemediationItem.userErrors.length === 0);
    expect(ok).toHaveLength(1);
    for (const r of rs.filter((x) => !ok.includes(x))) expect(r.body.data!.transitionRemediationItem.userErrors[0].code).toBe('CONFLICT');
    expect((await h.read(coord.token, i.id)).events).toHaveLength(2);
  });
});

describe('idempotent creates', () => {
  it('createRemediationItem: a retry returns the first result and writes nothing; a different input is IDEMPOTENCY_MISMATCH', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511112' });
    const key = `retry-${randomUUID()}`;
    const input = { businessId: shop.id, hazardTypeCode: 'SALES_THREE_NO', description: '幂等', teamCode: 'SALES', discoveryMethod: 'ROUTINE', discoveredAt: '2026-03-01T00:00:00Z', idempotencyKey: key };
    const first = (await h.ok('createRemediationItem', input, o1.token)).remediationItem;
    const before = await counts(t);
    const counter = await t.ds.query(`SELECT * FROM code_counter WHERE kind = 'LS' AND district_code = '511112' AND day = '2026-03-01'`);
    const again = (await h.ok('createRemediationItem', input, o1.token)).remediationItem;
    expect(again).toMatchObject({ id: first.id, code: first.code, version: 1 });
    expect(await counts(t)).toEqual(before);
    expect(await t.ds.query(`SELECT * FROM code_counter WHERE kind = 'LS' AND district_code = '511112' AND day = '2026-03-01'`)).toEqual(counter);
    expect(await h.userErrors('createRemediationItem', { ...input, description: '另一条' }, o1.token)).toEqual([
      expect.objectContaining({ code: 'IDEMPOTENCY_MISMATCH', field: ['input', 'idempotencyKey'] }),
    ]);
    expect(await counts(t)).toEqual(before);
    // keys are per principal: another user with the same key creates its own item
    const other = (await h.ok('createRemediationItem', input, coord.token)).remediationItem;
    expect(other.id).not.toBe(first.id);
    // malformed keys are a validation error
    expect((await h.userErrors('createRemediationItem', { ...input, idempotencyKey: 'short' }, o1.token))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'idempotencyKey'] });
  });

  it('two parallel requests with the same key make one item', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511112' });
    const key = `parallel-${randomUUID()}`;
    const input = { businessId: shop.id, hazardTypeCode: 'SALES_THREE_NO', description: `并行幂等${tag()}`, teamCode: 'SALES', discoveryMethod: 'ROUTINE', idempotencyKey: key };
    const before = await counts(t);
    const rs = await Promise.all(Array.from({ length: 5 }, () => h.run('createRemediationItem', input, o1.token)));
    const ids = rs.map((r) => {
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data!.createRemediationItem.userErrors).toEqual([]);
      return r.body.data!.createRemediationItem.remediationItem.id;
    });
    expect(new Set(ids).size).toBe(1);
    const after = await counts(t);
    expect(after.items).toBe(before.items + 1);
    expect(after.events).toBe(before.events + 1);
  });

  it('createInspection: a retry returns the first inspection and its items, writes nothing; mismatch refused', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511112' });
    const input = {
      method: 'SPECIAL',
      teamCode: 'SALES',
      inspectors: ['甲', '乙'],
      targetBusinessId: shop.id,
      startedAt: '2026-03-02T01:00:00Z',
      checklistResults: [{ itemCode: 'SALES_NO_THREE_NO', outcome: 'FAILED' }],
      remediationItems: [{ hazardTypeCode: 'SALES_THREE_NO', description: '三无', checklistItemCode: 'SALES_NO_THREE_NO' }],
      idempotencyKey: `insp-${randomUUID()}`,
    };
    const first = (await h.ok('createInspection', input, o1.token)).inspection;
    const before = await counts(t);
    const again = (await h.ok('createInspection', input, o1.token)).inspection;
    expect(again).toEqual(first);
    expect(await counts(t)).toEqual(before);
    expect((await h.userErrors('createInspection', { ...input, inspectors: ['甲', '丙'] }, o1.token))[0].code).toBe('IDEMPOTENCY_MISMATCH');
    const rs = await Promise.all(Array.from({ length: 3 }, () => h.run('createInspection', { ...input, idempotencyKey: `insp-${randomUUID()}-p` }, o1.token)));
    const key2 = `insp-${randomUUID()}-q`;
    const par = await Promise.all(Array.from({ length: 4 }, () => h.run('createInspection', { ...input, idempotencyKey: key2 }, o1.token)));
    expect(rs.every((r) => r.body.data!.createInspection.userErrors.length === 0)).toBe(true);
    expect(new Set(par.map((r) => r.body.data!.createInspection.inspection.id)).size).toBe(1);
    expect((await counts(t)).inspections).toBe(before.inspections + 4);
  });
});
