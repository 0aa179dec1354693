import { randomInt } from 'node:crypto';
import { Role } from '../src/common/auth';
import { loadReferenceData } from '../src/modules/reference/reference.loader';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';

/**
 * Standards and cut-over dates (DOMAIN.md §9, §8.2) applied: on the product model, on the
 * businesses that trade it through supply relations, and as a filter. Dates expected here are
 * DOMAIN's: vehicles need CCC from 2024-11-01, lithium batteries and chargers from 2025-11-01,
 * only GB 17761-2024 vehicles may be sold from 2025-12-01. Today is 2026-03-01 (Asia/Shanghai).
 */
let t: TestApp;
let clock = new Date('2026-03-01T02:00:00Z');
let coord: string;
const tag = `限售${randomInt(1e6, 1e7)}`;

async function ok(name: string, inputType: string, selection: string, input: Record<string, unknown>) {
  const r = await t.gql(`mutation($i: ${inputType}!) { ${name}(input: $i) { ${selection} userErrors { field code message messageEn } } }`, { i: input }, coord);
  expect(r.body.errors).toBeUndefined();
  expect({ name, userErrors: r.body.data![name].userErrors }).toEqual({ name, userErrors: [] });
  return r.body.data![name];
}
async function errs(name: string, inputType: string, input: Record<string, unknown>) {
  const r = await t.gql(`mutation($i: ${inputType}!) { ${name}(input: $i) { userErrors { field code message messageEn } } }`, { i: input }, coord);
  expect(r.body.errors).toBeUndefined();
  return r.body.data![name].userErrors as { field: string[]; code: string; message: string; messageEn: string }[];
}
const business = async (name: string, types: string[]) =>
  (await ok('createBusiness', 'CreateBusinessInput', 'business { id }', { name: `${tag}${name}`, types, districtCode: '511102' })).business.id as string;
const model = async (kind: string, m: string, extra: Record<string, unknown> = {}) =>
  (await ok('createProductModel', 'CreateProductModelInput', 'productModel { id standards standardVersion }', { kind, brand: tag, model: m, ...extra })).productModel as { id: string; standards: string[]; standardVersion: string | null };
const cccNo = () => `2024011116${randomInt(100000, 999999)}`;
async function cert(productModelId: string, extra: Record<string, unknown> = {}) {
  return (await ok('createCertificate', 'CreateCertificateInput', 'certificate { id version number }', { number: cccNo(), productModelId, holderName: '某电动车有限公司', issuedOn: '2024-06-01', ...extra })).certificate as { id: string; version: number; number: string };
}
async function setStatus(c: { id: string; version: number }, status: string, effectiveOn: string) {
  await ok('changeCertificateStatus', 'ChangeCertificateStatusInput', 'certificate { id }', { id: c.id, expectedVersion: c.version, status, reason: '认证机构公告', effectiveOn });
}
const supply = (supplierBusinessId: string, buyerBusinessId: string, productModelId: string, lastSeenOn: string | null) =>
  ok('createSupplyRelation', 'CreateSupplyRelationInput', 'supplyRelation { id }', { supplierBusinessId, buyerBusinessId, productModelId, lastSeenOn });

const m: Record<string, { id: string; standards: string[] }> = {};
const b: Record<string, string> = {};
const certs: Record<string, { id: string; version: number; number: string }> = {};

beforeAll(async () => {
  const ds = await workerDataSource({ suffix: '_restrictions' });
  t = await startTestApp({ ds, now: () => clock });
  coord = (await makeUser(ds, Role.COORDINATOR)).token;

  m.OLD = await model('VEHICLE', 'TDT-OLD', { standards: ['GB17761_2018', 'GB42295_2022'] });
  m.BOTH = await model('VEHICLE', 'TDT-BOTH', { standards: ['GB17761_2018', 'GB17761_2024'] });
  m.NEW = await model('VEHICLE', 'TDT-NEW', { standards: ['GB17761_2024', 'GB42295_2022'] });
  m.NOCERT = await model('VEHICLE', 'TDT-NOCERT', { standards: ['GB17761_2024'] });
  m.EXPIRED = await model('VEHICLE', 'TDT-EXP', { standards: ['GB17761_2024'] });
  m.WITHDRAWN = await model('VEHICLE', 'TDT-WD', { standards: ['GB17761_2024'] });
  m.BATTERY = await model('LITHIUM_BATTERY', '48V20Ah', { standards: ['GB43854_2024'] });
  m.LEAD = await model('LEAD_ACID_BATTERY', '6-DZF-20');
  m.CHARGER = await model('CHARGER', 'LC48-3A', { standards: ['GB42296_2022'] });
  for (const k of ['OLD', 'BOTH', 'NEW']) certs[k] = await cert(m[k].id);
  certs.EXPIRED = await cert(m.EXPIRED.id, { expiresOn: '2025-06-30' });
  certs.WITHDRAWN = await cert(m.WITHDRAWN.id);
  await setStatus(certs.WITHDRAWN, 'WITHDRAWN', '2025-12-15');
  certs.CHARGER = await cert(m.CHARGER.id);
  await setStatus(certs.CHARGER, 'SUSPENDED', '2026-01-10');

  b.maker = await business('整车厂', ['VEHICLE_MANUFACTURER']);
  b.batteryMaker = await business('电池厂', ['BATTERY_PACK_MANUFACTURER']);
  b.chargerMaker = await business('充电器厂', ['CHARGER_MANUFACTURER']);
  b.distributor = await business('经销商', ['DISTRIBUTOR']);
  b.shop = await business('门店', ['RETAIL_STORE']);
  b.cleanShop = await business('合规门店', ['RETAIL_STORE']);
  b.chargerShop = await business('充电器店', ['RETAIL_STORE']);
  b.leadShop = await business('铅酸电池店', ['BATTERY_SHOP']);
  b.delivery = await business('外卖企业', ['DELIVERY_ENTERPRISE']);
  b.oldStock = await business('清库存门店', ['RETAIL_STORE']);

  await supply(b.maker, b.distributor, m.OLD.id, '2026-02-01'); // old-standard vehicles still moving after 2025-12-01
  await supply(b.distributor, b.oldStock, m.OLD.id, '2025-11-20'); // last seen before the cut-over: sold out in time
  await supply(b.batteryMaker, b.shop, m.BATTERY.id, null); // a battery without CCC, no last-seen date: counted
  await supply(b.distributor, b.delivery, m.NOCERT.id, '2026-02-10'); // the delivery firm uses, not sells
  await supply(b.maker, b.cleanShop, m.NEW.id, '2026-02-01');
  await supply(b.maker, b.cleanShop, m.BOTH.id, '2026-02-01');
  await supply(b.chargerMaker, b.chargerShop, m.CHARGER.id, '2026-02-20');
  await supply(b.batteryMaker, b.leadShop, m.LEAD.id, '2026-02-20'); // lead-acid: outside the battery CCC scope
});
afterAll(async () => {
  await t.close();
  await t.ds.destroy();
});

const RESTRICTIONS = `reason since milestoneCode certificateNumber`;

async function restrictionsOf(id: string, asOf?: string) {
  const r = await t.gql(`query($id: ID!, $asOf: LocalDate) { productModel(id: $id) { mayNoLongerBeSold(asOf: $asOf) saleRestrictions(asOf: $asOf) { ${RESTRICTIONS} message messageEn } } }`, { id, asOf }, coord);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.productModel as { mayNoLongerBeSold: boolean; saleRestrictions: Record<string, unknown>[] };
}

describe('regulatory milestones (法规节点)', () => {
  it('are seeded with DOMAIN §9’s dates; the unconfirmed SAMR No. 26 date is null', async () => {
    const r = await t.gql(`{ regulatoryMilestones { code effectiveOn } }`, {}, coord);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.regulatoryMilestones.map((x: { code: string; effectiveOn: string | null }) => [x.code, x.effectiveOn])).toEqual([
      ['INDUSTRY_RULES_ISSUED', '2024-05-08'],
      ['CCC_SCOPE_BATTERY_CHARGER', null],
      ['PRODUCT_ACCESS_ANNOUNCEMENT', '2024-10-08'],
      ['BATTERY_CHARGER_CCC_APPLICATIONS', '2024-10-15'],
      ['NEW_STANDARDS_ENFORCED', '2024-11-01'],
      ['GB17761_2024_PRODUCTION', '2025-09-01'],
      ['BATTERY_CHARGER_CCC_REQUIRED', '2025-11-01'],
      ['GB17761_2018_SALES_END', '2025-12-01'],
    ]);
  });
});

describe('product model sale restrictions', () => {
  it('a GB 17761-2018-only vehicle may no longer be sold from 2025-12-01; one also meeting 2024 may', async () => {
    expect(await restrictionsOf(m.OLD.id)).toEqual({
      mayNoLongerBeSold: true,
      saleRestrictions: [{
        reason: 'GB17761_2018_ONLY', since: '2025-12-01', milestoneCode: 'GB17761_2018_SALES_END', certificateNumber: null,
        message: '仅符合GB 17761-2018，已过旧标准车辆销售截止日', messageEn: 'Meets GB 17761-2018 only; the old edition may no longer be sold',
      }],
    });
    expect((await restrictionsOf(m.OLD.id, '2025-11-30')).mayNoLongerBeSold).toBe(false); // old stock sells until 2025-11-30
    expect((await restrictionsOf(m.BOTH.id)).saleRestrictions).toEqual([]);
    expect((await restrictionsOf(m.NEW.id)).saleRestrictions).toEqual([]);
  });

  it('no valid CCC: vehicles from 2024-11-01, lithium batteries and chargers from 2025-11-01, lead-acid batteries never', async () => {
    const noCcc = (since: string, milestoneCode: string) => [{ reason: 'NO_VALID_CCC', since, milestoneCode, certificateNumber: null }];
    const pick = async (id: string, asOf?: string) => (await restrictionsOf(id, asOf)).saleRestrictions.map(({ message: _m, messageEn: _e, ...r }) => r);
    expect(await pick(m.NOCERT.id)).toEqual(noCcc('2024-11-01', 'NEW_STANDARDS_ENFORCED'));
    expect(await pick(m.NOCERT.id, '2024-10-31')).toEqual([]);
    expect(await pick(m.EXPIRED.id)).toEqual(noCcc('2024-11-01', 'NEW_STANDARDS_ENFORCED')); // expired 2025-06-30
    expect(await pick(m.EXPIRED.id, '2025-06-30')).toEqual([]);
    expect(await pick(m.BATTERY.id)).toEqual(noCcc('2025-11-01', 'BATTERY_CHARGER_CCC_REQUIRED'));
    expect(await pick(m.BATTERY.id, '2025-10-31')).toEqual([]);
    expect(await pick(m.LEAD.id)).toEqual([]);
  });

  it('a suspended or withdrawn certificate, with the date it took effect', async () => {
    const pick = async (id: string) => (await restrictionsOf(id)).saleRestrictions.map(({ message: _m, messageEn: _e, ...r }) => r);
    expect(await pick(m.CHARGER.id)).toEqual([{ reason: 'CERTIFICATE_SUSPENDED', since: '2026-01-10', milestoneCode: null, certificateNumber: certs.CHARGER.number }]);
    expect(await pick(m.WITHDRAWN.id)).toEqual([{ reason: 'CERTIFICATE_WITHDRAWN', since: '2025-12-15', milestoneCode: null, certificateNumber: certs.WITHDRAWN.number }]);
  });

  it('filters product models that may no longer be sold', async () => {
    const r = await t.gql(`query($f: ProductModelFilter) { productModels(filter: $f, first: 100) { nodes { model } } }`, { f: { brand: { eq: tag }, mayNoLongerBeSold: { eq: true } } }, coord);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.productModels.nodes.map((n: { model: string }) => n.model).sort()).toEqual(['48V20Ah', 'LC48-3A', 'TDT-EXP', 'TDT-NOCERT', 'TDT-OLD', 'TDT-WD']);
    const fine = await t.gql(`query($f: ProductModelFilter) { productModels(filter: $f, first: 100) { nodes { model } } }`, { f: { brand: { eq: tag }, mayNoLongerBeSold: { eq: false } } }, coord);
    expect(fine.body.data!.productModels.nodes.map((n: { model: string }) => n.model).sort()).toEqual(['6-DZF-20', 'TDT-BOTH', 'TDT-NEW']);
  });
});

describe('who still sells what may no longer be sold', () => {
  it('businesses(filter: { sellsRestrictedProducts }) lists suppliers and reselling buyers of restricted models, seen after the cut-over', async () => {
    const q = `query($f: BusinessFilter) { businesses(filter: $f, first: 100) { nodes { name } } }`;
    const yes = await t.gql(q, { f: { name: { contains: tag }, sellsRestrictedProducts: { eq: true } } }, coord);
    expect(yes.body.errors).toBeUndefined();
    expect(yes.body.data!.businesses.nodes.map((n: { name: string }) => n.name.replace(tag, '')).sort()).toEqual(['充电器厂', '充电器店', '整车厂', '电池厂', '经销商', '门店'].sort());
    const no = await t.gql(q, { f: { name: { contains: tag }, sellsRestrictedProducts: { eq: false } } }, coord);
    expect(no.body.data!.businesses.nodes.map((n: { name: string }) => n.name.replace(tag, '')).sort()).toEqual(['合规门店', '外卖企业', '清库存门店', '铅酸电池店'].sort());
  });

  it('on the business: which model, its side, when last seen and why, batched for a page', async () => {
    const r = await t.gql(
      `query($f: BusinessFilter) { businesses(filter: $f, first: 100) { nodes { id sellsRestrictedProducts restrictedProductSales { role lastSeenOn productModel { model } supplyRelation { id } restrictions { reason since } } } } }`,
      { f: { name: { contains: tag } } },
      coord,
    );
    expect(r.body.errors).toBeUndefined();
    const by = Object.fromEntries(r.body.data!.businesses.nodes.map((n: { id: string }) => [n.id, n]));
    expect(by[b.distributor].restrictedProductSales.map((s: { role: string; productModel: { model: string }; lastSeenOn: string; restrictions: unknown[] }) => [s.role, s.productModel.model, s.lastSeenOn, s.restrictions]).sort()).toEqual([
      ['BUYER', 'TDT-OLD', '2026-02-01', [{ reason: 'GB17761_2018_ONLY', since: '2025-12-01' }]],
      ['SUPPLIER', 'TDT-NOCERT', '2026-02-10', [{ reason: 'NO_VALID_CCC', since: '2024-11-01' }]],
    ]);
    expect(by[b.shop].restrictedProductSales).toEqual([
      expect.objectContaining({ role: 'BUYER', lastSeenOn: null, productModel: { model: '48V20Ah' }, restrictions: [{ reason: 'NO_VALID_CCC', since: '2025-11-01' }] }),
    ]);
    expect(by[b.oldStock]).toMatchObject({ sellsRestrictedProducts: false, restrictedProductSales: [] });
    expect(by[b.delivery]).toMatchObject({ sellsRestrictedProducts: false });
    // One statement for the page, one for all the businesses' restricted sales, whatever the page size.
    expect(r.body.extensions!.sqlStatements).toBeLessThanOrEqual(6);
  });
});

describe('milestones are editable reference data', () => {
  it('a coordinator moves a date (audited); the rules follow; a later reference load keeps the edit', async () => {
    const list = await t.gql(`{ regulatoryMilestones { id code version effectiveOn } }`, {}, coord);
    const ms = list.body.data!.regulatoryMilestones.find((x: { code: string }) => x.code === 'GB17761_2018_SALES_END');
    const officer = (await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'] })).token;
    const refused = await t.gql(`mutation($i: UpdateRegulatoryMilestoneInput!) { updateRegulatoryMilestone(input: $i) { userErrors { code } } }`, { i: { id: ms.id, expectedVersion: ms.version, effectiveOn: '2026-06-01' } }, officer);
    expect(refused.body.errors![0].extensions!.code).toBe('FORBIDDEN');

    const p = await ok('updateRegulatoryMilestone', 'UpdateRegulatoryMilestoneInput', 'regulatoryMilestone { code effectiveOn note version }', { id: ms.id, expectedVersion: ms.version, effectiveOn: '2026-06-01', note: '地方延期(测试)' });
    expect(p.regulatoryMilestone).toEqual({ code: 'GB17761_2018_SALES_END', effectiveOn: '2026-06-01', note: '地方延期(测试)', version: ms.version + 1 });
    expect((await restrictionsOf(m.OLD.id)).mayNoLongerBeSold).toBe(false);
    const stale = await errs('updateRegulatoryMilestone', 'UpdateRegulatoryMilestoneInput', { id: ms.id, expectedVersion: ms.version, effectiveOn: '2025-12-01' });
    expect(stale.map((e) => e.code)).toEqual(['CONFLICT']);

    const inserted = await loadReferenceData(t.ds);
    expect(inserted.regulatoryMilestones).toBe(0);
    const after = await t.gql(`{ regulatoryMilestones { code effectiveOn } }`, {}, coord);
    expect(after.body.data!.regulatoryMilestones.find((x: { code: string }) => x.code === 'GB17761_2018_SALES_END').effectiveOn).toBe('2026-06-01');
    const audit = await t.ds.query(`SELECT changes FROM audit_event WHERE operation = 'updateRegulatoryMilestone' AND entity_id = $1`, [ms.id]);
    expect(audit[0].changes.effectiveOn).toEqual({ before: '2025-12-01', after: '2026-06-01' });

    await ok('updateRegulatoryMilestone', 'UpdateRegulatoryMilestoneInput', 'regulatoryMilestone { code }', { id: ms.id, expectedVersion: ms.version + 1, effectiveOn: '2025-12-01', note: null });
    expect((await restrictionsOf(m.OLD.id)).mayNoLongerBeSold).toBe(true);
  });
});

describe('declared standards on a product model', () => {
  it('standardVersion alone goes into standards; changing it replaces its own entry', async () => {
    const x = await model('VEHICLE', 'TDT-LEGACY', { standardVersion: 'GB17761_2018' });
    expect(x).toMatchObject({ standards: ['GB17761_2018'], standardVersion: 'GB17761_2018' });
    const r1 = await ok('updateProductModel', 'UpdateProductModelInput', 'productModel { version standards standardVersion }', { id: x.id, expectedVersion: 1, standards: ['GB17761_2018', 'GB42295_2022'] });
    expect(r1.productModel).toMatchObject({ standards: ['GB17761_2018', 'GB42295_2022'], standardVersion: 'GB17761_2018' });
    const r2 = await ok('updateProductModel', 'UpdateProductModelInput', 'productModel { standards standardVersion }', { id: x.id, expectedVersion: r1.productModel.version, standardVersion: 'GB17761_2024' });
    expect(r2.productModel).toEqual({ standards: ['GB42295_2022', 'GB17761_2024'], standardVersion: 'GB17761_2024' });
  });

  it('refuses a standard that does not cover the kind, and a standardVersion missing from standards (bilingual)', async () => {
    const e1 = await errs('createProductModel', 'CreateProductModelInput', { kind: 'LITHIUM_BATTERY', brand: tag, model: 'BAD-1', standards: ['GB43854_2024', 'GB17761_2024'] });
    expect(e1).toEqual([{ field: ['input', 'standards', '1'], code: 'VALIDATION', message: '标准 GB17761_2024 不适用于 LITHIUM_BATTERY 类产品', messageEn: 'GB17761_2024 does not apply to a LITHIUM_BATTERY' }]);
    const e2 = await errs('createProductModel', 'CreateProductModelInput', { kind: 'VEHICLE', brand: tag, model: 'BAD-2', standards: ['GB17761_2024'], standardVersion: 'GB17761_2018' });
    expect(e2.map((e) => [e.field.join('.'), e.code])).toEqual([['input.standardVersion', 'VALIDATION']]);
  });
});
