import { Role } from '../src/common/auth';
import { counts, helpers, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';

/** createInspection: checklist, targets, inspectors, and the items it raises, all or nothing. */

let t: TestApp;
let coord: TestUser;
let o1: TestUser; // SALES team in 511102
let outside: TestUser; // SALES team in 511111
let partner: TestUser;
const h = helpers(() => t);

beforeAll(async () => {
  t = await startTestApp();
  coord = await makeUser(t.ds, Role.COORDINATOR);
  o1 = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  outside = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511111'], departmentCode: 'MARKET' });
  partner = await makeUser(t.ds, Role.PARTNER_VIEWER);
});
afterAll(() => t.close());

function randomDay(): string {
  return new Date(Date.UTC(2016, 0, 1) + Math.floor(Math.random() * 3000) * 86400000).toISOString().slice(0, 10);
}
async function counter(kind: string, district: string, day: string): Promise<number | null> {
  const [row] = await t.ds.query(`SELECT last_seq FROM code_counter WHERE kind = $1 AND district_code = $2 AND day = $3`, [kind, district, day]);
  return row?.last_seq ?? null;
}
const base = (businessId: string, extra: Record<string, unknown> = {}) => ({ method: 'ROUTINE', teamCode: 'SALES', inspectors: ['王警官', '李科员'], targetBusinessId: businessId, startedAt: '2026-03-03T01:30:00Z', ...extra });

describe('createInspection', () => {
  it('records the inspection, its checklist and the items it raised, in one step, with events and audit rows', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
    const p = await h.ok('createInspection', base(shop.id, {
      method: 'JOINT_ENFORCEMENT',
      departmentCodes: ['MARKET', 'FIRE'],
      endedAt: '2026-03-03T03:00:00Z',
      conclusion: '发现两处隐患',
      checklistResults: [
        { itemCode: 'SALES_CCC_VALID', outcome: 'PASSED' },
        { itemCode: 'SALES_NO_THREE_NO', outcome: 'FAILED', note: '两台三无车' },
        { itemCode: 'SALES_NO_REFURBISHED', outcome: 'FAILED' },
      ],
      remediationItems: [
        { hazardTypeCode: 'SALES_THREE_NO', description: '销售三无电动自行车2台', checklistItemCode: 'SALES_NO_THREE_NO', responsiblePerson: '赵老板' },
        { hazardTypeCode: 'SALES_REFURBISHED', description: '旧车翻新', checklistItemCode: 'SALES_NO_REFURBISHED', level: 'SIGNIFICANT' },
      ],
    }), o1.token);
    const insp = p.inspection;
    expect(insp).toMatchObject({ method: 'JOINT_ENFORCEMENT', stage: 'SALES', districtCode: '511102', inspectors: ['王警官', '李科员'], targetBusiness: { id: shop.id }, targetSite: null });
    expect(insp.code).toMatch(/^JC-511102-20260303-\d{4}$/);
    expect(insp.checklistResults).toEqual([
      { itemCode: 'SALES_CCC_VALID', outcome: 'PASSED', note: null },
      { itemCode: 'SALES_NO_THREE_NO', outcome: 'FAILED', note: '两台三无车' },
      { itemCode: 'SALES_NO_REFURBISHED', outcome: 'FAILED', note: null },
    ]);
    expect(insp.remediationItems).toHaveLength(2);
    for (const i of insp.remediationItems) {
      expect(i).toMatchObject({ stage: 'SALES', status: 'REGISTERED', inspection: { id: insp.id } });
      expect(i.code).toMatch(/^LS-511102-20260303-\d{4}$/);
    }
    const item = await h.read(coord.token, insp.remediationItems[0].id, 'discoveredAt discoveredBy discoveryMethod responsiblePerson events { action } inspection { id }');
    expect(item).toMatchObject({ discoveredAt: '2026-03-03T01:30:00.000Z', discoveredBy: ['王警官', '李科员'], discoveryMethod: 'JOINT_ENFORCEMENT', responsiblePerson: '赵老板', events: [{ action: 'CREATED' }] });
    const audit = await t.ds.query(`SELECT operation FROM audit_event WHERE entity_id = ANY($1::text[]) AND outcome = 'SUCCESS'`, [[insp.id, ...insp.remediationItems.map((i: { id: string }) => i.id)]]);
    expect(audit.map((a: { operation: string }) => a.operation).sort()).toEqual(['createInspection', 'createRemediationItem', 'createRemediationItem']);
    const read = await t.gql(`query($id: ID!) { inspection(id: $id) { id departments { code } district { code } team { code } checklistResults { item { code stage } } } }`, { id: insp.id }, partner.token);
    expect(read.body.data!.inspection).toMatchObject({ id: insp.id, departments: [{ code: 'MARKET' }, { code: 'FIRE' }], district: { code: '511102' }, team: { code: 'SALES' } });
    for (const r of read.body.data!.inspection.checklistResults) expect(r.item.stage).toBe('SALES');
  });

  it('all or nothing: an unknown hazard type in the third item writes no inspection, items, checklist rows, events or audit rows, and advances no counter', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
    const day = randomDay();
    const before = await counts(t);
    const input: Record<string, any> = base(shop.id, {
      startedAt: `${day}T02:00:00Z`,
      checklistResults: [{ itemCode: 'SALES_NO_THREE_NO', outcome: 'FAILED' }],
      remediationItems: [
        { hazardTypeCode: 'SALES_THREE_NO', description: 'a' },
        { hazardTypeCode: 'SALES_REFURBISHED', description: 'b' },
        { hazardTypeCode: 'SALES_NOT_A_TYPE', description: 'c' },
      ],
    });
    expect(await h.userErrors('createInspection', input, o1.token)).toEqual([
      { field: ['input', 'remediationItems', '2', 'hazardTypeCode'], code: 'INVALID_REFERENCE', message: expect.stringContaining('SALES_NOT_A_TYPE'), messageEn: expect.stringContaining('SALES_NOT_A_TYPE') },
    ]);
    expect(await counts(t)).toEqual(before);
    expect(await counter('LS', '511102', day)).toBeNull();
    expect(await counter('JC', '511102', day)).toBeNull();
    // A later success starts at 0001 for both codes.
    const ok = await h.ok('createInspection', { ...input, remediationItems: input.remediationItems.slice(0, 2) }, o1.token);
    const compact = day.replace(/-/g, '');
    expect(ok.inspection.code).toBe(`JC-511102-${compact}-0001`);
    expect(ok.inspection.remediationItems.map((i: { code: string }) => i.code).sort()).toEqual([`LS-511102-${compact}-0001`, `LS-511102-${compact}-0002`]);
    // also with an item in a stage its type does not occur in, and with an unknown checklist item
    const mid = await counts(t);
    expect((await h.userErrors('createInspection', { ...input, remediationItems: [{ hazardTypeCode: 'SALES_THREE_NO', description: 'a' }, { hazardTypeCode: 'SALES_THREE_NO', stage: 'RECYCLING', description: 'b' }] }, o1.token))[0]).toMatchObject({ field: ['input', 'remediationItems', '1', 'stage'], code: 'VALIDATION' });
    expect(await counts(t)).toEqual(mid);
    expect(await counter('LS', '511102', day)).toBe(2);
  });

  it('checklist items must be of the inspected stage, known, once each; a raising checklist item must have failed', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
    const before = await counts(t);
    expect(await h.userErrors('createInspection', base(shop.id, { checklistResults: [{ itemCode: 'MOD_NO_SPEED_LIMITER_TAMPERING', outcome: 'FAILED' }] }), o1.token)).toEqual([
      { field: ['input', 'checklistResults', '0', 'itemCode'], code: 'VALIDATION', message: expect.stringContaining('MODIFICATION'), messageEn: expect.stringContaining('MODIFICATION') },
    ]);
    expect((await h.userErrors('createInspection', base(shop.id, { checklistResults: [{ itemCode: 'NOPE', outcome: 'PASSED' }] }), o1.token))[0]).toMatchObject({ code: 'INVALID_REFERENCE' });
    expect((await h.userErrors('createInspection', base(shop.id, { checklistResults: [{ itemCode: 'SALES_CCC_VALID', outcome: 'PASSED' }, { itemCode: 'SALES_CCC_VALID', outcome: 'FAILED' }] }), o1.token))[0]).toMatchObject({ code: 'DUPLICATE', field: ['input', 'checklistResults', '1', 'itemCode'] });
    expect((await h.userErrors('createInspection', base(shop.id, {
      checklistResults: [{ itemCode: 'SALES_NO_THREE_NO', outcome: 'PASSED' }],
      remediationItems: [{ hazardTypeCode: 'SALES_THREE_NO', description: 'x', checklistItemCode: 'SALES_NO_THREE_NO' }],
    }), o1.token))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'remediationItems', '0', 'checklistItemCode'] });
    // a stage the target is not in
    expect((await h.userErrors('createInspection', base(shop.id, { stage: 'RECYCLING' }), coord.token))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'stage'] });
    expect(await counts(t)).toEqual(before);
    // a SALES_REPAIR_STORE is in SALES and MODIFICATION: a MODIFICATION inspection takes MODIFICATION items
    const repair = await h.business(coord.token, { types: ['SALES_REPAIR_STORE'], districtCode: '511102' });
    const m = await h.ok('createInspection', base(repair.id, { teamCode: 'MODIFICATION', stage: 'MODIFICATION', checklistResults: [{ itemCode: 'MOD_NO_SPEED_LIMITER_TAMPERING', outcome: 'FAILED' }] }), coord.token);
    expect(m.inspection.stage).toBe('MODIFICATION');
  });

  it('joint enforcement needs at least two distinct inspectors; exactly one target', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
    const site = (await h.ok('createSite', { name: `小区${tag()}`, siteType: 'RESIDENTIAL_COMPOUND', districtCode: '511102' }, coord.token)).site;
    const before = await counts(t);
    for (const inspectors of [['王警官'], ['王警官', '王警官'], ['王警官', '  ']]) {
      expect({ inspectors, errs: await h.userErrors('createInspection', base(shop.id, { method: 'JOINT_ENFORCEMENT', inspectors }), o1.token) }).toEqual({ inspectors, errs: expect.arrayContaining([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'inspectors'] })]) });
    }
    expect((await h.userErrors('createInspection', base(shop.id, { inspectors: [] }), o1.token))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'inspectors'] });
    expect((await h.userErrors('createInspection', { ...base(shop.id), targetBusinessId: undefined }, o1.token))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'targetBusinessId'] });
    expect((await h.userErrors('createInspection', { ...base(shop.id), targetSiteId: site.id }, coord.token))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'targetBusinessId'] });
    expect((await h.userErrors('createInspection', base('00000000-0000-4000-8000-000000000000'), coord.token))[0]).toMatchObject({ code: 'INVALID_REFERENCE' });
    expect((await h.userErrors('createInspection', base(shop.id, { startedAt: '2099-01-01T00:00:00Z' }), coord.token))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'startedAt'] });
    expect((await h.userErrors('createInspection', base(shop.id, { endedAt: '2026-03-03T01:00:00Z' }), coord.token))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'endedAt'] });
    expect(await counts(t)).toEqual(before);
    // an unannounced check by one officer is fine
    const one = await h.ok('createInspection', base(shop.id, { method: 'UNANNOUNCED', inspectors: ['王警官'] }), o1.token);
    expect(one.inspection.inspectors).toEqual(['王警官']);
    // a site target is a PARKING_CHARGING inspection
    const s = await h.ok('createInspection', { method: 'NIGHT_CHECK', teamCode: 'PARKING_CHARGING', inspectors: ['消防员甲', '社区乙'], targetSiteId: site.id, startedAt: '2026-03-03T13:00:00Z', remediationItems: [{ hazardTypeCode: 'PARK_FLY_LINE', description: '飞线充电' }] }, coord.token);
    expect(s.inspection).toMatchObject({ stage: 'PARKING_CHARGING', targetSite: { id: site.id }, targetBusiness: null });
    expect(s.inspection.remediationItems[0].stage).toBe('PARKING_CHARGING');
  });

  it('an officer records inspections only in its teams’ stages and districts; a partner viewer not at all', async () => {
    const far = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
    const repair = await h.business(coord.token, { types: ['REPAIR_SHOP'], districtCode: '511102' });
    const before = await counts(t);
    expect(await h.refused('createInspection', base(far.id), outside.token)).toBe('FORBIDDEN');
    expect(await h.refused('createInspection', base(repair.id, { teamCode: 'MODIFICATION' }), o1.token)).toBe('FORBIDDEN');
    expect(await h.refused('createInspection', base(far.id), partner.token)).toBe('FORBIDDEN');
    expect(await counts(t)).toEqual(before);
  });
});
