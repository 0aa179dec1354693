import { Role } from '../src/common/auth';
import { CreditInspectingDepartment1796083200005 } from '../migrations/1796083200005-CreditInspectingDepartment';
import { helpers, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { workerDataSource } from './support/db';

/**
 * Issue 14, points 3 and 5: items raised by an inspection are credited to the inspecting
 * department, and an item's team must cover its stage (DOMAIN §2.3: teams ↔ stages).
 */
let t: TestApp;
let coord: TestUser;
const h = helpers(() => t);

beforeAll(async () => {
  // A database of its own: other files rename teams and change their stages, and the messages name them.
  t = await startTestApp({ ds: await workerDataSource({ suffix: '_teamstage' }) });
  coord = await makeUser(t.ds, Role.COORDINATOR);
});
afterAll(async () => {
  await t.close();
  await t.ds.destroy();
});

const STATS = `query($f: RemediationItemFilter) { remediationStatistics(groupBy: [DEPARTMENT], period: { from: "2026-03-01", to: "2026-03-31" }, filter: $f) {
  isTotal departmentCode found } }`;

describe('credit of items raised by an inspection (point 3)', () => {
  it('goes to the inspection’s first department, not the team’s lead; statistics by department follow', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
    // The SALES team is led by MARKET; the fire detachment inspected the shop's fire safety.
    const p = await h.ok('createInspection', {
      method: 'NIGHT_CHECK', teamCode: 'SALES', departmentCodes: ['FIRE', 'MARKET'], inspectors: ['消防员甲', '消防员乙'], targetBusinessId: shop.id,
      startedAt: '2026-03-03T13:00:00Z', checklistResults: [{ itemCode: 'SALES_SHOP_NO_CUSTOMER_CHARGING', outcome: 'FAILED' }],
      remediationItems: [{ hazardTypeCode: 'SALES_SHOP_FIRE', description: '门店代客充电', checklistItemCode: 'SALES_SHOP_NO_CUSTOMER_CHARGING' }],
    }, coord.token);
    const itemId = p.inspection.remediationItems[0].id;
    const read = await t.gql(`query($id: ID!) { remediationItem(id: $id) { leadDepartment { code } } }`, { id: itemId }, coord.token);
    expect(read.body.data!.remediationItem.leadDepartment).toEqual({ code: 'FIRE' });

    // An item registered on its own but linked to the inspection takes the same default…
    const linked = await h.item(coord.token, { businessId: shop.id, inspectionId: p.inspection.id, hazardTypeCode: 'SALES_SHOP_FIRE', discoveredAt: '2026-03-03T14:00:00Z' });
    // …unless the caller names the department.
    const chosen = await h.item(coord.token, { businessId: shop.id, inspectionId: p.inspection.id, hazardTypeCode: 'SALES_SHOP_FIRE', leadDepartmentCode: 'COMMERCE', discoveredAt: '2026-03-03T14:00:00Z' });
    const both = await t.gql(`{ a: remediationItem(id: "${linked.id}") { leadDepartment { code } } b: remediationItem(id: "${chosen.id}") { leadDepartment { code } } }`, {}, coord.token);
    expect(both.body.data).toEqual({ a: { leadDepartment: { code: 'FIRE' } }, b: { leadDepartment: { code: 'COMMERCE' } } });
    // Without an inspection, the team's lead as before.
    const plain = await h.item(coord.token, { businessId: shop.id, hazardTypeCode: 'SALES_SHOP_FIRE', discoveredAt: '2026-03-04T02:00:00Z' });
    const pr = await t.gql(`{ remediationItem(id: "${plain.id}") { leadDepartment { code } } }`, {}, coord.token);
    expect(pr.body.data!.remediationItem.leadDepartment).toEqual({ code: 'MARKET' });

    const s = await t.gql(STATS, { f: { businessId: { eq: shop.id } } }, coord.token);
    expect(s.body.errors).toBeUndefined();
    expect(s.body.data!.remediationStatistics.map((r: { departmentCode: string | null; found: number; isTotal: boolean }) => [r.departmentCode, r.found, r.isTotal])).toEqual([
      ['COMMERCE', 1, false],
      ['FIRE', 2, false],
      ['MARKET', 1, false],
      [null, 4, true],
    ]);
  });

  it('the data migration re-credits items written with their inspection under the old rule, with an audit row, and leaves chosen ones alone', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511111' });
    const p = await h.ok('createInspection', {
      method: 'ROUTINE', teamCode: 'SALES', departmentCodes: ['FIRE'], inspectors: ['消防员丙'], targetBusinessId: shop.id, startedAt: '2026-03-05T02:00:00Z',
      remediationItems: [{ hazardTypeCode: 'SALES_SHOP_FIRE', description: '门店住人' }],
    }, coord.token);
    const itemId = p.inspection.remediationItems[0].id;
    const chosen = await h.item(coord.token, { businessId: shop.id, inspectionId: p.inspection.id, hazardTypeCode: 'SALES_SHOP_FIRE', leadDepartmentCode: 'MARKET' });
    // What the old code wrote: the SALES team's lead (MARKET).
    await t.ds.query(`UPDATE remediation_item SET lead_department_id = (SELECT id FROM department WHERE code = 'MARKET') WHERE id = $1`, [itemId]);
    const qr = t.ds.createQueryRunner();
    try {
      await new CreditInspectingDepartment1796083200005().up(qr);
    } finally {
      await qr.release();
    }
    const rows = await t.ds.query(`SELECT r.id, d.code FROM remediation_item r JOIN department d ON d.id = r.lead_department_id WHERE r.id = ANY($1::uuid[])`, [[itemId, chosen.id]]);
    expect(Object.fromEntries(rows.map((r: { id: string; code: string }) => [r.id, r.code]))).toEqual({ [itemId]: 'FIRE', [chosen.id]: 'MARKET' });
    const audit = await t.ds.query(`SELECT entity_id, changes FROM audit_event WHERE operation = 'migration:creditInspectingDepartment' AND entity_id = ANY($1::text[])`, [[itemId, chosen.id]]);
    expect(audit).toHaveLength(1);
    expect(audit[0].entity_id).toBe(itemId);
  });
});

describe('team and stage checked against each other (point 5)', () => {
  it('refuses a sales-stage hazard assigned to the recycling team, bilingual, on the team field', async () => {
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
    const r = await t.gql(
      `mutation($input: CreateRemediationItemInput!) { createRemediationItem(input: $input) { remediationItem { id } userErrors { field code message messageEn } } }`,
      { input: { businessId: shop.id, teamCode: 'RECYCLING', hazardTypeCode: 'SALES_THREE_NO', description: `三无 ${tag()}`, discoveryMethod: 'ROUTINE' } },
      coord.token,
    );
    const p = r.body.data!.createRemediationItem;
    expect(p.remediationItem).toBeNull();
    expect(p.userErrors).toEqual([
      {
        field: ['input', 'teamCode'],
        code: 'VALIDATION',
        message: '工作组 报废回收组 不负责环节 SALES（隐患类型 SALES_THREE_NO）；该环节由 销售流通组(SALES) 负责',
        messageEn: 'Team RECYCLING does not cover stage SALES (hazard type SALES_THREE_NO); it is covered by SALES',
      },
    ]);
    const n = await t.ds.query(`SELECT count(*)::int AS n FROM remediation_item WHERE business_id = $1`, [shop.id]);
    expect(n[0].n).toBe(0);
  });

  it('refuses an explicit stage the team does not cover even when the hazard type occurs there', async () => {
    const store = await h.business(coord.token, { types: ['SALES_REPAIR_STORE'], districtCode: '511102' });
    // SALES_SHOP_FIRE occurs in SALES and MODIFICATION; the SALES team covers SALES and IMPORT only.
    const errs = await h.userErrors('createRemediationItem', { businessId: store.id, teamCode: 'SALES', stage: 'MODIFICATION', hazardTypeCode: 'SALES_SHOP_FIRE', description: 'x', discoveryMethod: 'ROUTINE' }, coord.token);
    expect(errs.map((e) => [e.field.join('.'), e.code])).toEqual([['input.teamCode', 'VALIDATION']]);
    await h.item(coord.token, { businessId: store.id, teamCode: 'MODIFICATION', stage: 'MODIFICATION', hazardTypeCode: 'SALES_SHOP_FIRE' });
  });

  it('refuses an inspection by a team that does not cover the inspected stage, and an item it raises outside the team’s stages', async () => {
    const shop = await h.business(coord.token, { types: ['SALES_REPAIR_STORE'], districtCode: '511102' });
    const base = { method: 'ROUTINE', inspectors: ['甲', '乙'], targetBusinessId: shop.id, startedAt: '2026-03-06T02:00:00Z' };
    const e1 = await h.userErrors('createInspection', { ...base, teamCode: 'RECYCLING', stage: 'SALES' }, coord.token);
    expect(e1.map((e) => [e.field.join('.'), e.code])).toEqual([['input.teamCode', 'VALIDATION']]);
    // The SALES team inspects the shop's sales side but registers a speed-limiter hazard (MODIFICATION only).
    const e2 = await h.userErrors('createInspection', {
      ...base, teamCode: 'SALES', stage: 'SALES', remediationItems: [{ hazardTypeCode: 'SALES_THREE_NO', description: 'ok' }, { hazardTypeCode: 'MOD_SPEED_LIMITER', description: '拆改限速' }],
    }, coord.token);
    expect(e2.map((e) => [e.field.join('.'), e.code])).toEqual([['input.remediationItems.1.stage', 'VALIDATION']]);
    const n = await t.ds.query(`SELECT count(*)::int AS n FROM inspection WHERE target_business_id = $1`, [shop.id]);
    expect(n[0].n).toBe(0);
  });
});
