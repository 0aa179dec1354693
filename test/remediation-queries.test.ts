import { Role } from '../src/common/auth';
import { helpers, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';

/** Reading remediation items: filters, nested connections, overdue on a fixed clock, statement counts. */

let t: TestApp;
let clock = new Date('2026-03-10T04:00:00Z');
let coord: TestUser;
let o1: TestUser;
let partner: TestUser;
const h = helpers(() => t);

beforeAll(async () => {
  t = await startTestApp({ now: () => clock });
  coord = await makeUser(t.ds, Role.COORDINATOR);
  o1 = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES', 'PRODUCTION'], districts: ['511102', '511113'], departmentCode: 'MARKET' });
  partner = await makeUser(t.ds, Role.PARTNER_VIEWER);
});
afterAll(() => t.close());

async function q(query: string, variables: Record<string, unknown> = {}, token = coord.token) {
  const r = await t.gql(query, variables, token);
  expect(r.body.errors).toBeUndefined();
  return r.body;
}
const LIST = `query($f: RemediationItemFilter, $o: RemediationItemOrder, $first: Int, $after: String) {
  remediationItems(filter: $f, orderBy: $o, first: $first, after: $after) { totalCount nodes { id code overdue overdueDays deadline status } pageInfo { hasNextPage endCursor } } }`;
async function ids(filter: Record<string, unknown>, token = coord.token): Promise<string[]> {
  const b = await q(LIST, { f: filter, first: 100 }, token);
  return b.data!.remediationItems.nodes.map((n: { id: string }) => n.id).sort();
}
const sorted = (...xs: string[]) => [...xs].sort();

describe('overdue (逾期) on the Asia/Shanghai calendar', () => {
  it('deadline 2026-03-14: not overdue at 23:59:59 Shanghai, overdue by 1 day at midnight; filterable; VERIFIED/CLOSED never overdue', async () => {
    clock = new Date('2026-03-10T04:00:00Z');
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
    const mk = async () => {
      let i = await h.item(o1.token, { businessId: shop.id, discoveredAt: '2026-03-09T02:00:00Z' });
      i = await h.move(o1.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline: '2026-03-14' });
      return h.move(o1.token, i, 'START_RECTIFICATION');
    };
    const late = await mk();
    let verified = await mk();
    verified = await h.move(o1.token, verified, 'REPORT_COMPLETION');
    verified = await h.move(coord.token, verified, 'PASS_REVIEW');
    let closed = await mk();
    closed = await h.move(o1.token, closed, 'REPORT_COMPLETION');
    closed = await h.move(coord.token, closed, 'PASS_REVIEW');
    await h.evidence(coord.token, closed);
    closed = await h.move(coord.token, await h.read(coord.token, closed.id), 'CLOSE');
    const noDeadline = await h.item(o1.token, { businessId: shop.id, discoveredAt: '2026-03-09T02:00:00Z' });
    const mine = { businessId: { eq: shop.id } };

    clock = new Date('2026-03-14T15:59:59Z'); // 23:59:59 on the 14th in Shanghai
    expect(await h.read(coord.token, late.id, 'overdue overdueDays')).toEqual({ overdue: false, overdueDays: 0 });
    expect(await ids({ ...mine, overdue: { eq: true } })).toEqual([]);
    expect(await ids({ ...mine, overdue: { eq: false } })).toEqual(sorted(late.id, verified.id, closed.id, noDeadline.id));

    clock = new Date('2026-03-14T16:00:00Z'); // midnight, the 15th in Shanghai
    expect(await h.read(coord.token, late.id, 'overdue overdueDays')).toEqual({ overdue: true, overdueDays: 1 });
    // Review due 3 working days after the deadline (Saturday 14 March → Wednesday 18 March); none without a deadline.
    expect(await h.read(coord.token, late.id, 'reviewDueDate')).toEqual({ reviewDueDate: '2026-03-18' });
    expect(await h.read(coord.token, noDeadline.id, 'reviewDueDate')).toEqual({ reviewDueDate: null });
    expect(await ids({ ...mine, overdue: { eq: true } })).toEqual([late.id]);
    expect(await ids({ ...mine, overdue: { eq: false } })).toEqual(sorted(verified.id, closed.id, noDeadline.id));
    for (const x of [verified, closed, noDeadline]) expect(await h.read(partner.token, x.id, 'overdue overdueDays')).toEqual({ overdue: false, overdueDays: 0 });

    clock = new Date('2026-04-13T16:00:00Z'); // the 14th of April in Shanghai: 31 days late
    expect(await h.read(coord.token, late.id, 'overdue overdueDays')).toEqual({ overdue: true, overdueDays: 31 });
    const nested = await q(`query($id: ID!) { business(id: $id) { remediationItems(filter: { overdue: { eq: true } }) { nodes { id overdueDays } } } }`, { id: shop.id });
    expect(nested.data!.business.remediationItems.nodes).toEqual([{ id: late.id, overdueDays: 31 }]);
    // an approved extension ends the overdue state
    clock = new Date('2026-03-12T04:00:00Z');
    const ext = await h.ok('requestExtension', { id: late.id, expectedVersion: late.version, requestedDeadline: '2026-05-31', reason: '备件延误' }, o1.token);
    await h.ok('decideExtension', { requestId: ext.extensionRequest.id, expectedVersion: ext.remediationItem.version, approve: true }, coord.token);
    clock = new Date('2026-04-13T16:00:00Z');
    expect(await h.read(coord.token, late.id, 'overdue overdueDays deadline')).toEqual({ overdue: false, overdueDays: 0, deadline: '2026-05-31' });
    clock = new Date('2026-03-10T04:00:00Z');
  });

  it('all timestamps are timestamptz; discoveredOn is the Shanghai date of discoveredAt', async () => {
    const rows = await t.ds.query(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`);
    expect(rows).toEqual([]);
    const shop = await h.business(coord.token, { districtCode: '511102' });
    const i = await h.item(o1.token, { businessId: shop.id, discoveredAt: '2026-03-08T16:00:00Z' });
    expect(i.discoveredOn).toBe('2026-03-09');
    expect(i.code).toContain('-20260309-');
    const j = await h.item(o1.token, { businessId: shop.id, discoveredAt: '2026-03-08T15:59:59.999Z' });
    expect(j.discoveredOn).toBe('2026-03-08');
    expect(await ids({ businessId: { eq: shop.id }, discoveredOn: { from: '2026-03-09', to: '2026-03-09' } })).toEqual([i.id]);
  });
});

describe('filters and lookups', () => {
  it('filters by stage, team, district, business type, business, site, level, status, listed, major, dates and text', async () => {
    clock = new Date('2026-03-10T04:00:00Z');
    const word = `甄别${tag()}`;
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102', name: `${word}车行` });
    const maker = await h.business(coord.token, { types: ['VEHICLE_MANUFACTURER'], districtCode: '511113', name: `制造${tag()}` });
    const siteOp = await h.business(coord.token, { types: ['PROPERTY_MANAGER'], districtCode: '511102' });
    const site = (await h.ok('createSite', { name: `小区${tag()}`, siteType: 'RESIDENTIAL_COMPOUND', districtCode: '511102', operatorBusinessId: siteOp.id }, coord.token)).site;
    const a = await h.item(o1.token, { businessId: shop.id, description: `门店 ${word}`, discoveredAt: '2026-03-01T02:00:00Z' });
    const b = await h.item(o1.token, { businessId: maker.id, hazardTypeCode: 'PROD_NO_CCC', teamCode: 'PRODUCTION', level: 'MAJOR', discoveredAt: '2026-03-05T02:00:00Z' });
    const c = await h.item(coord.token, { siteId: site.id, hazardTypeCode: 'PARK_FLY_LINE', teamCode: 'PARKING_CHARGING', isMajorFireHazard: true, discoveredAt: '2026-03-07T02:00:00Z' });
    await h.ok('listRemediationItem', { id: b.id, expectedVersion: b.version, authority: '乐山市政府', listingNumber: `LS-GP-${tag()}` }, coord.token);
    const a2 = await h.move(o1.token, a, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline: '2026-03-20' });
    const scope = { businessId: { in: [shop.id, maker.id, siteOp.id] } };
    expect(await ids({ stage: { eq: 'SALES' }, ...scope })).toEqual([a.id]);
    expect(await ids({ stage: { in: ['PRODUCTION', 'SALES'] }, ...scope })).toEqual(sorted(a.id, b.id));
    expect(await ids({ team: { eq: 'PRODUCTION' }, ...scope })).toEqual([b.id]);
    expect(await ids({ district: { eq: '511113' }, ...scope })).toEqual([b.id]);
    expect(await ids({ businessType: { eq: 'VEHICLE_MANUFACTURER' }, ...scope })).toEqual([b.id]);
    expect(await ids({ businessType: { in: ['RETAIL_STORE', 'VEHICLE_MANUFACTURER'] }, ...scope })).toEqual(sorted(a.id, b.id));
    expect(await ids({ siteId: { eq: site.id } })).toEqual([c.id]);
    expect(await ids({ level: { eq: 'MAJOR' }, ...scope })).toEqual([b.id]);
    expect(await ids({ major: { eq: true }, siteId: { eq: site.id } })).toEqual([c.id]);
    expect(await ids({ status: { eq: 'NOTIFIED' }, ...scope })).toEqual([a.id]);
    expect(await ids({ listed: { eq: true }, ...scope })).toEqual([b.id]);
    expect(await ids({ listed: { eq: false }, ...scope })).toEqual([a.id]);
    expect(await ids({ discoveredOn: { from: '2026-03-02', to: '2026-03-06' }, ...scope })).toEqual([b.id]);
    expect(await ids({ deadline: { from: '2026-03-20', to: '2026-03-20' }, ...scope })).toEqual([a2.id]);
    expect(await ids({ text: word })).toEqual([a.id]);
    expect(await ids({ text: `${word}车行` })).toEqual([a.id]); // business name
    expect(await ids({ text: a.code })).toEqual([a.id]);
    expect(await ids({ hazardType: { eq: 'PARK_FLY_LINE' }, siteId: { eq: site.id } })).toEqual([c.id]);

    // by id or code, nested under business, site and inspection; partner sees them too
    const one = await q(`query($id: ID!, $code: String!) { a: remediationItem(id: $id) { code business { id } } b: remediationItem(code: $code) { id } }`, { id: b.id, code: b.code }, partner.token);
    expect(one.data).toEqual({ a: { code: b.code, business: { id: maker.id } }, b: { id: b.id } });
    const both = await t.gql(`{ remediationItem(id: "${b.id}", code: "${b.code}") { id } }`, {}, coord.token);
    expect(both.body.errors).toBeDefined();
    const s = await q(`query($id: ID!) { site(id: $id) { remediationItems { totalCount nodes { id } } } }`, { id: site.id });
    expect(s.data!.site.remediationItems).toEqual({ totalCount: 1, nodes: [{ id: c.id }] });

    // ordering and paging
    const page1 = await q(LIST, { f: scope, o: { field: 'DISCOVERED_AT', direction: 'ASC' }, first: 1 });
    expect(page1.data!.remediationItems.nodes.map((n: { id: string }) => n.id)).toEqual([a.id]);
    expect(page1.data!.remediationItems.totalCount).toBe(2);
    const page2 = await q(LIST, { f: scope, o: { field: 'DISCOVERED_AT', direction: 'ASC' }, first: 1, after: page1.data!.remediationItems.pageInfo.endCursor });
    expect(page2.data!.remediationItems.nodes.map((n: { id: string }) => n.id)).toEqual([b.id]);
    expect(page2.data!.remediationItems.pageInfo.hasNextPage).toBe(false);
    const byDeadline = await q(LIST, { f: scope, o: { field: 'DEADLINE', direction: 'ASC' }, first: 10 });
    expect(byDeadline.data!.remediationItems.nodes.map((n: { id: string }) => n.id)).toEqual([a.id, b.id]);
  });

  it('inspections list and Inspection.remediationItems', async () => {
    const shop = await h.business(coord.token, { districtCode: '511102' });
    const insp = (await h.ok('createInspection', {
      method: 'NIGHT_CHECK', teamCode: 'SALES', inspectors: ['甲'], targetBusinessId: shop.id, startedAt: '2026-03-03T13:00:00Z',
      remediationItems: [{ hazardTypeCode: 'SALES_THREE_NO', description: 'x' }, { hazardTypeCode: 'SALES_REFURBISHED', description: 'y' }],
    }, o1.token)).inspection;
    const r = await q(`query($id: ID!) { inspections(filter: { businessId: { eq: $id } }) { totalCount nodes { id code remediationItems { id inspection { id } } } } }`, { id: shop.id }, partner.token);
    expect(r.data!.inspections.totalCount).toBe(1);
    expect(r.data!.inspections.nodes[0].remediationItems).toHaveLength(2);
    expect(r.data!.inspections.nodes[0].code).toMatch(/^JC-511102-20260303-\d{4}$/);
    expect(await ids({ inspectionId: { eq: insp.id } })).toEqual(insp.remediationItems.map((i: { id: string }) => i.id).sort());
  });
});

describe('across the supply chain (product model)', () => {
  it('manufacturer → distributor → shop with a model supplied along it: productModelId finds the items at all three', async () => {
    const maker = await h.business(coord.token, { types: ['VEHICLE_MANUFACTURER'], districtCode: '511102', name: `厂${tag()}` });
    const dist = await h.business(coord.token, { types: ['DISTRIBUTOR'], districtCode: '511102', name: `批发${tag()}` });
    const shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102', name: `店${tag()}` });
    const bystander = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
    const model = (await h.ok('createProductModel', { kind: 'VEHICLE', brand: `品牌${tag()}`, model: `M-${tag()}`, manufacturerBusinessId: maker.id }, coord.token)).productModel;
    const other = (await h.ok('createProductModel', { kind: 'VEHICLE', brand: `品牌${tag()}`, model: `N-${tag()}` }, coord.token)).productModel;
    await h.ok('createSupplyRelation', { supplierBusinessId: maker.id, buyerBusinessId: dist.id, productModelId: model.id }, coord.token);
    await h.ok('createSupplyRelation', { supplierBusinessId: dist.id, buyerBusinessId: shop.id, productModelId: model.id }, coord.token);
    await h.ok('createSupplyRelation', { supplierBusinessId: dist.id, buyerBusinessId: bystander.id, productModelId: other.id }, coord.token);
    const im = await h.item(coord.token, { businessId: maker.id, hazardTypeCode: 'PROD_NO_CCC', teamCode: 'PRODUCTION' });
    const id = await h.item(coord.token, { businessId: dist.id });
    const is = await h.item(coord.token, { businessId: shop.id });
    const ib = await h.item(coord.token, { businessId: bystander.id });
    expect(await ids({ productModelId: { eq: model.id } })).toEqual(sorted(im.id, id.id, is.id));
    expect(await ids({ productModelId: { eq: other.id } })).toEqual(sorted(id.id, ib.id));
    expect(await ids({ productModelId: { in: [model.id, other.id] }, stage: { eq: 'PRODUCTION' } })).toEqual([im.id]);
    const nested = await q(`query($id: ID!) { productModel(id: $id) { remediationItems(first: 2) { totalCount nodes { id } pageInfo { hasNextPage } } } }`, { id: model.id }, partner.token);
    expect(nested.data!.productModel.remediationItems.totalCount).toBe(3);
    expect(nested.data!.productModel.remediationItems.nodes).toHaveLength(2);
    expect(nested.data!.productModel.remediationItems.pageInfo.hasNextPage).toBe(true);
    const biz = await q(`query($id: ID!) { business(id: $id) { remediationItems { nodes { id } } } }`, { id: dist.id });
    expect(biz.data!.business.remediationItems.nodes).toEqual([{ id: id.id }]);
  });
});

describe('statement counts do not grow with the page size', () => {
  it('remediationItems(first: 1) vs (first: 50) with business, events, evidence, listing, availableTransitions nested', async () => {
    const word = `计数${tag()}`;
    const shops = await Promise.all([0, 1, 2].map(() => h.business(coord.token, { districtCode: '511102', name: `${word}${tag()}` })));
    for (let n = 0; n < 12; n++) {
      const i = await h.item(o1.token, { businessId: shops[n % 3].id, description: `${word} ${n}`, level: n % 4 === 0 ? 'MAJOR' : undefined });
      if (n % 2) await h.evidence(o1.token, i, 'AFTER');
    }
    const query = `query($f: RemediationItemFilter, $first: Int) { remediationItems(filter: $f, first: $first) { totalCount nodes { id code overdue
      business { id name remediationItems(first: 3) { totalCount nodes { id } } } site { id } inspection { id } team { code } district { name } hazardType { code }
      events { action actorName } evidence { sha256 } extensionRequests { id } listing { listingNumber } enforcementCases { caseNumber }
      availableTransitions } } }`;
    const counts: Record<string, number> = {};
    // Districts and hazard types are cached per process: the first request may read them, later ones do not.
    await t.gql(query, { f: { text: word }, first: 1 }, coord.token);
    for (const token of [coord.token, o1.token, partner.token]) {
      const small = await t.gql(query, { f: { text: word }, first: 1 }, token);
      const big = await t.gql(query, { f: { text: word }, first: 50 }, token);
      expect(small.body.errors).toBeUndefined();
      expect(big.body.errors).toBeUndefined();
      expect(small.body.data!.remediationItems.nodes).toHaveLength(1);
      expect(big.body.data!.remediationItems.nodes).toHaveLength(12);
      expect(big.body.extensions!.sqlStatements).toBe(small.body.extensions!.sqlStatements);
      counts[token] = big.body.extensions!.sqlStatements;
    }
    expect(Object.values(counts).every((n) => n > 0)).toBe(true);
  });
});
