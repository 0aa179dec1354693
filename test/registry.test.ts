import { randomBytes } from 'node:crypto';
import { Role } from '../src/common/auth';
import { USCC_ALPHABET, usccOuterCheckDigit } from '../src/modules/registry/registry.identifiers';
import { makeUser, startTestApp, type TestApp } from './support/app';

/** The registry through the front door: records, queries and filters, access and masking. */

let t: TestApp;
let coordinator: string;
let admin: string;
let partner: string;
let reporter: string;
let salesOfficer: string; // SALES team (stages SALES, IMPORT) in 511102
let coordinatorId: string;

beforeAll(async () => {
  t = await startTestApp();
  const c = await makeUser(t.ds, Role.COORDINATOR);
  coordinator = c.token;
  coordinatorId = c.user.id;
  admin = (await makeUser(t.ds, Role.ADMIN)).token;
  partner = (await makeUser(t.ds, Role.PARTNER_VIEWER)).token;
  reporter = (await makeUser(t.ds, Role.REPORTER)).token;
  salesOfficer = (await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' })).token;
});
afterAll(() => t.close());

const rnd = (n: number, alphabet = USCC_ALPHABET) => [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');
const tag = () => randomBytes(4).toString('hex');
function newUscc(division = '511102'): string {
  const body = `91${division}MA${rnd(7)}`;
  return body + usccOuterCheckDigit(body);
}
const newCcc = () => `2024011121${rnd(6, '0123456789')}`;

const USER_ERRORS = 'userErrors { field message code }';
const BUSINESS = 'id name uscc types stages districtCode legalRepresentative contactPhone status version';
const MUT = {
  createBusiness: `mutation($input: CreateBusinessInput!) { createBusiness(input: $input) { business { ${BUSINESS} } ${USER_ERRORS} } }`,
  updateBusiness: `mutation($input: UpdateBusinessInput!) { updateBusiness(input: $input) { business { ${BUSINESS} } ${USER_ERRORS} } }`,
  archiveBusiness: `mutation($input: ArchiveInput!) { archiveBusiness(input: $input) { business { ${BUSINESS} archiveReason } ${USER_ERRORS} } }`,
  createSite: `mutation($input: CreateSiteInput!) { createSite(input: $input) { site { id name siteType districtCode chargingPorts status version operator { id } district { code name } } ${USER_ERRORS} } }`,
  updateSite: `mutation($input: UpdateSiteInput!) { updateSite(input: $input) { site { id name chargingPorts version } ${USER_ERRORS} } }`,
  archiveSite: `mutation($input: ArchiveInput!) { archiveSite(input: $input) { site { id status archiveReason version } ${USER_ERRORS} } }`,
  createProductModel: `mutation($input: CreateProductModelInput!) { createProductModel(input: $input) { productModel { id kind brand model chemistry standardVersion status version manufacturer { id } } ${USER_ERRORS} } }`,
  updateProductModel: `mutation($input: UpdateProductModelInput!) { updateProductModel(input: $input) { productModel { id model nominalVoltage version } ${USER_ERRORS} } }`,
  archiveProductModel: `mutation($input: ArchiveInput!) { archiveProductModel(input: $input) { productModel { id status version } ${USER_ERRORS} } }`,
  createCertificate: `mutation($input: CreateCertificateInput!) { createCertificate(input: $input) { certificate { id number status version holder { id } productModel { id } } ${USER_ERRORS} } }`,
  updateCertificate: `mutation($input: UpdateCertificateInput!) { updateCertificate(input: $input) { certificate { id expiresOn version } ${USER_ERRORS} } }`,
  changeCertificateStatus: `mutation($input: ChangeCertificateStatusInput!) { changeCertificateStatus(input: $input) { certificate { id status version statusHistory { fromStatus toStatus reason effectiveOn changedAt changedBy changedByName } } ${USER_ERRORS} } }`,
  archiveCertificate: `mutation($input: ArchiveInput!) { archiveCertificate(input: $input) { certificate { id archived version } ${USER_ERRORS} } }`,
  createSupplyRelation: `mutation($input: CreateSupplyRelationInput!) { createSupplyRelation(input: $input) { supplyRelation { id status version supplier { id } buyer { id } productModel { id } } ${USER_ERRORS} } }`,
  updateSupplyRelation: `mutation($input: UpdateSupplyRelationInput!) { updateSupplyRelation(input: $input) { supplyRelation { id note lastSeenOn version } ${USER_ERRORS} } }`,
  archiveSupplyRelation: `mutation($input: ArchiveInput!) { archiveSupplyRelation(input: $input) { supplyRelation { id status version } ${USER_ERRORS} } }`,
};

async function run(name: keyof typeof MUT, input: Record<string, unknown>, token = coordinator) {
  const r = await t.gql(MUT[name], { input }, token);
  return r;
}
async function ok(name: keyof typeof MUT, input: Record<string, unknown>, token = coordinator): Promise<Record<string, any>> {
  const r = await run(name, input, token);
  expect(r.body.errors).toBeUndefined();
  const p = r.body.data![name];
  expect(p.userErrors).toEqual([]);
  return p[Object.keys(p).find((k) => k !== 'userErrors')!];
}
async function forbidden(name: keyof typeof MUT, input: Record<string, unknown>, token: string) {
  const before = await tableCounts();
  const r = await run(name, input, token);
  expect(r.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(r.body.data).toBeNull();
  expect(await tableCounts()).toEqual(before);
}
async function tableCounts() {
  const [row] = await t.ds.query(`SELECT
      (SELECT count(*) FROM business)::int AS business, (SELECT count(*) FROM site)::int AS site,
      (SELECT count(*) FROM product_model)::int AS "productModel", (SELECT count(*) FROM certificate)::int AS certificate,
      (SELECT count(*) FROM supply_relation)::int AS "supplyRelation",
      (SELECT count(*) FROM audit_event WHERE outcome <> 'REFUSED')::int AS audit,
      (SELECT max(updated_at) FROM business) AS "businessChanged"`);
  return row;
}
async function query(q: string, variables: Record<string, unknown> = {}, token = coordinator) {
  const r = await t.gql(q, variables, token);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!;
}
const names = (conn: { nodes: { name: string }[] }) => conn.nodes.map((n) => n.name);

describe('records: create, update, archive', () => {
  it('businesses: created with derived stages, updated with a new version, archived with a reason, all audited', async () => {
    const uscc = newUscc();
    const b = await ok('createBusiness', { name: `乐山绿源车行${tag()}`, uscc, types: ['SALES_REPAIR_STORE'], districtCode: '511102', legalRepresentative: '张三丰', contactPhone: '13812341234' });
    expect(b).toMatchObject({ uscc, stages: ['SALES', 'MODIFICATION'], status: 'ACTIVE', version: 1, legalRepresentative: '张三丰', contactPhone: '13812341234' });
    const u = await ok('updateBusiness', { id: b.id, expectedVersion: 1, types: ['RETAIL_STORE', 'BATTERY_SHOP'], status: 'SUSPENDED' });
    expect(u).toMatchObject({ stages: ['SALES', 'MODIFICATION'], types: ['RETAIL_STORE', 'BATTERY_SHOP'], status: 'SUSPENDED', version: 2 });
    const a = await ok('archiveBusiness', { id: b.id, expectedVersion: 2, reason: '已注销' });
    expect(a).toMatchObject({ status: 'ARCHIVED', archiveReason: '已注销', version: 3 });

    const data = await query(`query($id: ID!, $u: String!) { business(id: $id) { id status district { code name } } businessByUscc(uscc: $u) { id } }`, { id: b.id, u: uscc });
    expect(data.business).toEqual({ id: b.id, status: 'ARCHIVED', district: { code: '511102', name: '市中区' } });
    expect(data.businessByUscc).toEqual({ id: b.id });
    const audit = await t.ds.query(`SELECT operation, actor_id FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, operation`, [b.id]).catch(() =>
      t.ds.query(`SELECT operation, actor_id FROM audit_event WHERE entity_id = $1`, [b.id]),
    );
    expect(audit.map((x: { operation: string }) => x.operation).sort()).toEqual(['archiveBusiness', 'createBusiness', 'updateBusiness']);
    expect(new Set(audit.map((x: { actor_id: string }) => x.actor_id))).toEqual(new Set([coordinatorId]));
    expect((await query(`{ business(id: "00000000-0000-4000-8000-000000000000") { id } }`)).business).toBeNull();
    expect((await query(`{ businessByUscc(uscc: "91511102MA00000000") { id } }`)).businessByUscc).toBeNull();
  });

  it('sites: create, update, archive; archived ones leave the default list', async () => {
    const op = await ok('createBusiness', { name: `物业${tag()}`, types: ['PROPERTY_MANAGER'], districtCode: '511111' });
    const name = `嘉州花园${tag()}`;
    const s = await ok('createSite', { name, siteType: 'RESIDENTIAL_COMPOUND', districtCode: '511111', operatorBusinessId: op.id, chargingPorts: 40, latitude: 29.4, longitude: 103.5 });
    expect(s).toMatchObject({ name, chargingPorts: 40, status: 'ACTIVE', version: 1, operator: { id: op.id }, district: { code: '511111', name: '沙湾区' } });
    const u = await ok('updateSite', { id: s.id, expectedVersion: 1, chargingPorts: 60 });
    expect(u).toMatchObject({ chargingPorts: 60, version: 2 });
    const list = `query($n: String!, $st: RecordStatusFilter) { sites(filter: { name: { contains: $n }, district: { eq: "511111" }, siteType: { eq: RESIDENTIAL_COMPOUND }, operatorBusinessId: { eq: "${op.id}" }, status: $st }) { nodes { id } totalCount } }`;
    expect((await query(list, { n: name })).sites).toEqual({ nodes: [{ id: s.id }], totalCount: 1 });
    const biz = await query(`query($id: ID!) { business(id: $id) { sites { id } } }`, { id: op.id });
    expect(biz.business.sites).toEqual([{ id: s.id }]);
    const a = await ok('archiveSite', { id: s.id, expectedVersion: 2, reason: '拆除' });
    expect(a).toMatchObject({ status: 'ARCHIVED', archiveReason: '拆除', version: 3 });
    expect((await query(list, { n: name })).sites).toEqual({ nodes: [], totalCount: 0 });
    expect((await query(list, { n: name, st: { eq: 'ARCHIVED' } })).sites).toEqual({ nodes: [{ id: s.id }], totalCount: 1 });
    // A charging-port count does not belong to a street shop.
    const bad = await run('createSite', { name: `门店${tag()}`, siteType: 'STREET_SHOP', districtCode: '511111', chargingPorts: 3 });
    expect(bad.body.data!.createSite.userErrors).toEqual([expect.objectContaining({ field: ['input', 'chargingPorts'], code: 'VALIDATION' })]);
  });

  it('product models and certificates: status changes keep a history of who, when and why', async () => {
    const maker = await ok('createBusiness', { name: `电池厂${tag()}`, types: ['BATTERY_PACK_MANUFACTURER'], districtCode: '511112' });
    const brand = `雅迪${tag()}`;
    const m = await ok('createProductModel', { kind: 'LITHIUM_BATTERY', brand, model: '48V24Ah', manufacturerBusinessId: maker.id, standardVersion: 'GB43854_2024' });
    expect(m).toMatchObject({ kind: 'LITHIUM_BATTERY', chemistry: 'LITHIUM_ION', status: 'ACTIVE', version: 1, manufacturer: { id: maker.id } });
    expect(await ok('updateProductModel', { id: m.id, expectedVersion: 1, nominalVoltage: 48 })).toMatchObject({ nominalVoltage: 48, version: 2 });

    const number = newCcc();
    const c = await ok('createCertificate', { number, holderBusinessId: maker.id, productModelId: m.id, issuedOn: '2024-10-20' });
    expect(c).toMatchObject({ number, status: 'VALID', version: 1, holder: { id: maker.id }, productModel: { id: m.id } });
    expect(await ok('updateCertificate', { id: c.id, expectedVersion: 1, expiresOn: '2029-10-19' })).toMatchObject({ expiresOn: '2029-10-19', version: 2 });
    const s1 = await ok('changeCertificateStatus', { id: c.id, expectedVersion: 2, status: 'SUSPENDED', reason: '监督抽查不合格', effectiveOn: '2025-03-01' });
    const s2 = await ok('changeCertificateStatus', { id: c.id, expectedVersion: 3, status: 'WITHDRAWN', reason: '整改期满未恢复' });
    expect(s1.status).toBe('SUSPENDED');
    expect(s2).toMatchObject({ status: 'WITHDRAWN', version: 4 });
    expect(s2.statusHistory).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'VALID', effectiveOn: '2024-10-20' }),
      expect.objectContaining({ fromStatus: 'VALID', toStatus: 'SUSPENDED', reason: '监督抽查不合格', effectiveOn: '2025-03-01', changedBy: coordinatorId, changedByName: expect.any(String) }),
      expect.objectContaining({ fromStatus: 'SUSPENDED', toStatus: 'WITHDRAWN', reason: '整改期满未恢复', effectiveOn: null, changedBy: coordinatorId }),
    ]);
    for (const h of s2.statusHistory) expect(Number.isNaN(Date.parse(h.changedAt))).toBe(false);

    // The model sees its certificates; the certificate list filters by status, kind and maker.
    const data = await query(
      `query($m: ID!, $maker: ID!) {
         productModel(id: $m) { certificates { number status } }
         a: certificates(filter: { manufacturerId: { eq: $maker }, status: { eq: WITHDRAWN }, productKind: { eq: LITHIUM_BATTERY } }) { nodes { id } }
         b: certificates(filter: { holderId: { eq: $maker }, status: { eq: VALID } }) { nodes { id } }
         c: productModels(filter: { manufacturerId: { eq: $maker }, kind: { eq: LITHIUM_BATTERY }, certificateStatus: { eq: WITHDRAWN } }) { nodes { id } }
       }`,
      { m: m.id, maker: maker.id },
    );
    expect(data.productModel.certificates).toEqual([{ number, status: 'WITHDRAWN' }]);
    expect(data.a.nodes).toEqual([{ id: c.id }]);
    expect(data.b.nodes).toEqual([]);
    expect(data.c.nodes).toEqual([{ id: m.id }]);

    expect(await ok('archiveCertificate', { id: c.id, expectedVersion: 4, reason: '录入重复' })).toMatchObject({ archived: true, version: 5 });
    const after = await query(`query($maker: ID!) { x: certificates(filter: { holderId: { eq: $maker } }) { nodes { id } } y: certificates(filter: { holderId: { eq: $maker }, includeArchived: true }) { nodes { id } } }`, { maker: maker.id });
    expect(after).toEqual({ x: { nodes: [] }, y: { nodes: [{ id: c.id }] } });
    expect(await ok('archiveProductModel', { id: m.id, expectedVersion: 2, reason: '停产' })).toMatchObject({ status: 'ARCHIVED', version: 3 });
    // The kind + brand + model is free again once archived.
    await ok('createProductModel', { kind: 'LITHIUM_BATTERY', brand, model: '48V24Ah' });
  });

  it('supply relations: create, update, archive, and filter by either party and product model', async () => {
    const d = await ok('createBusiness', { name: `经销商${tag()}`, types: ['DISTRIBUTOR'], districtCode: '511102' });
    const s = await ok('createBusiness', { name: `门店${tag()}`, types: ['RETAIL_STORE'], districtCode: '511102' });
    const m = await ok('createProductModel', { kind: 'VEHICLE', brand: `爱玛${tag()}`, model: 'TDR-1' });
    const r = await ok('createSupplyRelation', { supplierBusinessId: d.id, buyerBusinessId: s.id, productModelId: m.id, firstSeenOn: '2025-01-01' });
    expect(r).toMatchObject({ status: 'ACTIVE', version: 1, supplier: { id: d.id }, buyer: { id: s.id }, productModel: { id: m.id } });
    expect(await ok('updateSupplyRelation', { id: r.id, expectedVersion: 1, note: '进货单', lastSeenOn: '2025-06-01' })).toMatchObject({ note: '进货单', lastSeenOn: '2025-06-01', version: 2 });
    const q = `query($b: ID!, $m: ID!) {
      a: supplyRelations(filter: { businessId: { eq: $b } }) { nodes { id } }
      b: supplyRelations(filter: { supplierId: { eq: $b }, productModelId: { eq: $m }, lastSeenOn: { from: "2025-05-01", to: "2025-06-30" } }) { nodes { id } }
      c: supplyRelations(filter: { buyerId: { eq: $b } }) { nodes { id } } }`;
    expect(await query(q, { b: d.id, m: m.id })).toEqual({ a: { nodes: [{ id: r.id }] }, b: { nodes: [{ id: r.id }] }, c: { nodes: [] } });
    expect(await ok('archiveSupplyRelation', { id: r.id, expectedVersion: 2, reason: '已停止供货' })).toMatchObject({ status: 'ARCHIVED', version: 3 });
    expect((await query(q, { b: d.id, m: m.id })).a).toEqual({ nodes: [] });
    // An archived relation no longer blocks recording the same one again.
    await ok('createSupplyRelation', { supplierBusinessId: d.id, buyerBusinessId: s.id, productModelId: m.id });
  });
});

describe('businesses(filter)', () => {
  let run_: string;
  let ids: Record<string, string>;
  let maker: string;

  beforeAll(async () => {
    run_ = `F${tag()}`;
    const mk = async (key: string, name: string, types: string[], districtCode: string, extra: Record<string, unknown> = {}) => {
      const b = await ok('createBusiness', { name, types, districtCode, ...extra });
      ids[key] = b.id;
      return b;
    };
    ids = {};
    maker = (await mk('maker', `${run_}乐山新日电动车制造有限公司`, ['VEHICLE_MANUFACTURER'], '511112', { uscc: newUscc('511112') })).id;
    await mk('shopA', `${run_}市中区绿源电动车专卖店`, ['RETAIL_STORE'], '511102');
    await mk('shopB', `${run_}峨眉山市电动车销售维修部`, ['SALES_REPAIR_STORE'], '511181');
    await mk('recycler', `${run_}沙湾再生资源回收站`, ['RECYCLER'], '511111');
    const closed = await mk('closed', `${run_}已关闭电动车行`, ['RETAIL_STORE'], '511102');
    await ok('updateBusiness', { id: closed.id, expectedVersion: 1, status: 'CLOSED' });
    const gone = await mk('archived', `${run_}已归档电动车行`, ['RETAIL_STORE'], '511102');
    await ok('archiveBusiness', { id: gone.id, expectedVersion: 1, reason: '重复' });

    const m = await ok('createProductModel', { kind: 'VEHICLE', brand: `新日${run_}`, model: 'XC1', manufacturerBusinessId: maker });
    const battery = await ok('createProductModel', { kind: 'LITHIUM_BATTERY', brand: `星恒${run_}`, model: 'B1' });
    await ok('createCertificate', { number: newCcc(), holderBusinessId: maker, productModelId: m.id });
    const sus = await ok('createCertificate', { number: newCcc(), holderBusinessId: ids.shopB, holderName: null });
    await ok('changeCertificateStatus', { id: sus.id, expectedVersion: 1, status: 'SUSPENDED', reason: '暂停' });
    await ok('createSupplyRelation', { supplierBusinessId: maker, buyerBusinessId: ids.shopA, productModelId: m.id });
    await ok('createSupplyRelation', { supplierBusinessId: ids.shopB, buyerBusinessId: ids.recycler, productModelId: battery.id });
  });

  const LIST = `query($f: BusinessFilter) { businesses(filter: $f, first: 100) { nodes { id name } totalCount } }`;
  async function list(filter: Record<string, unknown>) {
    const data = await query(LIST, { f: { name: { contains: run_ }, ...filter } });
    const got = data.businesses.nodes.map((n: { id: string }) => Object.entries(ids).find(([, v]) => v === n.id)?.[0] ?? n.id);
    expect(data.businesses.totalCount).toBe(got.length);
    return got.sort();
  }

  it('by name contains, in Chinese, case-insensitively; archived ones only when asked for', async () => {
    expect(await list({})).toEqual(['closed', 'maker', 'recycler', 'shopA', 'shopB']);
    expect(await list({ name: { contains: `${run_}峨眉山` } })).toEqual(['shopB']);
    expect(await list({ name: { contains: run_.toLowerCase() } })).toEqual(['closed', 'maker', 'recycler', 'shopA', 'shopB']);
    const two = await query(LIST, { f: { name: { contains: '回收' }, district: { eq: '511111' } } });
    expect(two.businesses.nodes.map((n: { id: string }) => n.id)).toContain(ids.recycler);
    expect(await list({ status: { eq: 'ARCHIVED' } })).toEqual(['archived']);
    expect(await list({ status: { in: ['ACTIVE', 'CLOSED'] } })).toEqual(['closed', 'maker', 'recycler', 'shopA', 'shopB']);
    expect(await list({ status: { eq: 'CLOSED' } })).toEqual(['closed']);
    // LIKE wildcards in the search text are literal.
    expect(await list({ name: { contains: `${run_}%` } })).toEqual([]);
  });

  it('by district, stage, type and USCC', async () => {
    expect(await list({ district: { eq: '511102' } })).toEqual(['closed', 'shopA']);
    expect(await list({ district: { in: ['511181', '511111'] } })).toEqual(['recycler', 'shopB']);
    expect(await list({ stage: { eq: 'MODIFICATION' } })).toEqual(['shopB']);
    expect(await list({ stage: { in: ['PRODUCTION', 'RECYCLING'] } })).toEqual(['maker', 'recycler']);
    expect(await list({ type: { eq: 'RETAIL_STORE' } })).toEqual(['closed', 'shopA']);
    expect(await list({ type: { in: ['RECYCLER', 'VEHICLE_MANUFACTURER'] } })).toEqual(['maker', 'recycler']);
    expect(await list({ type: { notIn: ['RETAIL_STORE'] } })).toEqual(['maker', 'recycler', 'shopB']);
    const b = await query(`query($id: ID!) { business(id: $id) { uscc } }`, { id: maker });
    expect(await list({ uscc: { eq: b.business.uscc } })).toEqual(['maker']);
    expect(await list({ uscc: { isNull: false } })).toEqual(['maker']);
  });

  it('by certificate status, product kind and manufacturer', async () => {
    expect(await list({ certificateStatus: { eq: 'VALID' } })).toEqual(['maker']);
    expect(await list({ certificateStatus: { eq: 'SUSPENDED' } })).toEqual(['shopB']);
    expect(await list({ certificateStatus: { in: ['VALID', 'SUSPENDED'] } })).toEqual(['maker', 'shopB']);
    expect(await list({ productKind: { eq: 'VEHICLE' } })).toEqual(['maker', 'shopA']);
    expect(await list({ productKind: { eq: 'LITHIUM_BATTERY' } })).toEqual(['recycler', 'shopB']);
    expect(await list({ manufacturerId: { eq: maker } })).toEqual(['maker', 'shopA']);
    expect(await list({ productKind: { eq: 'CHARGER' } })).toEqual([]);
  });
});

describe('name search and the trigram index (ix_business_name_trgm)', () => {
  /**
   * pg_trgm only makes trigrams of characters the database's LC_CTYPE calls alphanumeric. Under
   * LC_CTYPE=C (the embedded test server) no Chinese character qualifies, so a Chinese search of
   * any length yields no trigram and cannot be narrowed by the index: it is still correct (the
   * ILIKE is rechecked / scanned) but reads every row. Under a UTF-8 libc ctype (e.g. C.UTF-8),
   * 3+ Chinese characters use the index; a 2-character word yields no trigram from the pattern.
   */
  it('uses the GIN trigram index for name ILIKE %…% on a few thousand rows, and finds Chinese names of 2 and 3 characters', async () => {
    const prefix = `T${tag()}`;
    const words = ['电动车', '车行', '锂电池', '充电器', '维修', '回收', '乐山', '峨眉', '夹江', '犍为', '门店', '专卖', '批发', '有限公司'];
    const arr = `(ARRAY[${words.map((w) => `'${w}'`).join(',')}])`;
    await t.ds.query(
      `INSERT INTO business (name, types, stages, district_code)
       SELECT $1 || '-' || g || ' ' || md5(g::text) || ${arr}[1 + g % ${words.length}] || ${arr}[1 + (g / 7) % ${words.length}], '{RETAIL_STORE}', '{SALES}', '511102'
         FROM generate_series(1, 4000) g`,
      [prefix],
    );
    // Flush the GIN pending list and refresh statistics, as autovacuum would on a live table.
    await t.ds.query(`VACUUM ANALYZE business`);
    const [{ ctype }] = await t.ds.query(`SELECT datctype AS ctype FROM pg_database WHERE datname = current_database()`);
    const trigrams = async (s: string) => (await t.ds.query(`SELECT show_trgm($1) AS t`, [s]))[0].t as string[];

    const qr = t.ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.query(`SET enable_seqscan = off`);
      const plan = async (pattern: string) => (await qr.query(`EXPLAIN SELECT id FROM business WHERE name ILIKE $1`, [pattern])).map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      const usesTrgm = (p: string) => /Index Cond: .*~~\*/.test(p) && p.includes('ix_business_name_trgm');
      const found = async (pattern: string) => (await qr.query(`SELECT count(*)::int AS n FROM business WHERE name ILIKE $1 AND name LIKE $2`, [pattern, `${prefix}-%`]))[0].n;
      const truth = async (needle: string) => (await qr.query(`SELECT count(*)::int AS n FROM business WHERE strpos(lower(name), lower($1)) > 0 AND name LIKE $2`, [needle, `${prefix}-%`]))[0].n;

      // A 3+ character search the ctype can split into trigrams: the index narrows it.
      const md5Part = (await qr.query(`SELECT substr(md5('77'), 3, 6) AS s`))[0].s as string;
      expect(usesTrgm(await plan(`%${md5Part}%`))).toBe(true);
      expect(usesTrgm(await plan(`%${md5Part.toUpperCase()}%`))).toBe(true);
      expect(await found(`%${md5Part}%`)).toBe(await truth(md5Part));

      // Chinese: always correct, whatever the plan.
      for (const w of ['锂电池', '车行', '乐山电动']) {
        expect(await found(`%${w}%`)).toBe(await truth(w));
        expect(await truth(w)).toBeGreaterThan(0);
      }
      if (/utf-?8/i.test(ctype)) {
        expect(await trigrams('锂电池')).not.toEqual([]);
        expect(usesTrgm(await plan('%锂电池%'))).toBe(true);
      } else {
        // No trigram at all from Chinese text under this ctype.
        expect(await trigrams('锂电池')).toEqual([]);
        expect(await trigrams('车行')).toEqual([]);
      }
      // Through the API, a 2-character Chinese search finds the rows.
      const api = await query(`query($n: String!) { businesses(filter: { name: { contains: $n } }, first: 1) { totalCount } }`, { n: `${prefix}-7 ` });
      expect(api.businesses.totalCount).toBe(1);
      const api2 = await query(`{ a: businesses(filter: { name: { contains: "车行" }, district: { eq: "511102" } }, first: 1) { totalCount } }`);
      expect(api2.a.totalCount).toBeGreaterThanOrEqual(await truth('车行'));
    } finally {
      await qr.query(`RESET enable_seqscan`);
      await qr.release();
      await t.ds.query(`DELETE FROM business WHERE name LIKE $1`, [`${prefix}-%`]);
    }
  });
});

describe('access', () => {
  it('REPORTER may not read any registry query; every record reader may', async () => {
    const queries = [
      `{ business(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      `{ businessByUscc(uscc: "91310110666007217T") { id } }`,
      `{ businesses(first: 1) { nodes { id } } }`,
      `{ site(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      `{ sites(first: 1) { nodes { id } } }`,
      `{ productModel(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      `{ productModels(first: 1) { nodes { id } } }`,
      `{ certificate(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      `{ certificates(first: 1) { nodes { id } } }`,
      `{ supplyRelations(first: 1) { nodes { id } } }`,
      `{ supplyChain(from: { businessId: "00000000-0000-4000-8000-000000000000" }) { nodes { depth } } }`,
    ];
    for (const q of queries) {
      const r = await t.gql(q, {}, reporter);
      expect([q, r.body.errors?.[0].extensions?.code]).toEqual([q, 'FORBIDDEN']);
      // Nullable fields resolve to null next to the error; nothing is returned either way.
      expect(Object.values(r.body.data ?? {}).every((v) => v === null)).toBe(true);
      const anon = await t.gql(q, {}, null);
      expect([q, anon.body.errors?.[0].extensions?.code]).toEqual([q, 'UNAUTHENTICATED']);
      for (const token of [admin, coordinator, salesOfficer, partner]) {
        const ok_ = await t.gql(q, {}, token);
        expect([q, ok_.body.errors]).toEqual([q, undefined]);
      }
    }
  });

  it('PARTNER_VIEWER, REPORTER and ADMIN may not write', async () => {
    const input = { name: `车行${tag()}`, types: ['RETAIL_STORE'], districtCode: '511102' };
    for (const token of [partner, reporter, admin]) await forbidden('createBusiness', input, token);
    const b = await ok('createBusiness', input);
    for (const token of [partner, reporter, admin]) {
      await forbidden('updateBusiness', { id: b.id, expectedVersion: 1, name: 'x' }, token);
      await forbidden('archiveBusiness', { id: b.id, expectedVersion: 1, reason: 'x' }, token);
      await forbidden('createProductModel', { kind: 'VEHICLE', brand: 'x', model: 'y' }, token);
      await forbidden('createCertificate', { number: newCcc(), holderName: 'x' }, token);
      await forbidden('createSite', { name: 'x', siteType: 'RESIDENTIAL_COMPOUND', districtCode: '511102' }, token);
      await forbidden('createSupplyRelation', { supplierBusinessId: b.id, buyerBusinessId: b.id }, token);
    }
  });

  it("an AGENCY_OFFICER writes only in its teams' stages and its districts", async () => {
    // SALES team in 511102: a retail store there is fine.
    const mine = await ok('createBusiness', { name: `门店${tag()}`, types: ['RETAIL_STORE'], districtCode: '511102' }, salesOfficer);
    expect(mine.districtCode).toBe('511102');
    // Another district, another stage.
    await forbidden('createBusiness', { name: `门店${tag()}`, types: ['RETAIL_STORE'], districtCode: '511181' }, salesOfficer);
    await forbidden('createBusiness', { name: `整车厂${tag()}`, types: ['VEHICLE_MANUFACTURER'], districtCode: '511102' }, salesOfficer);
    // It cannot move its business out of its districts, nor out of its stages.
    await forbidden('updateBusiness', { id: mine.id, expectedVersion: 1, districtCode: '511181' }, salesOfficer);
    await forbidden('updateBusiness', { id: mine.id, expectedVersion: 1, types: ['REPAIR_SHOP'] }, salesOfficer);
    const still = await query(`query($id: ID!) { business(id: $id) { districtCode types version } }`, { id: mine.id });
    expect(still.business).toEqual({ districtCode: '511102', types: ['RETAIL_STORE'], version: 1 });
    // Nor touch a business outside its scope.
    const far = await ok('createBusiness', { name: `门店${tag()}`, types: ['RETAIL_STORE'], districtCode: '511181' });
    const far2 = await ok('createBusiness', { name: `整车厂${tag()}`, types: ['VEHICLE_MANUFACTURER'], districtCode: '511102' });
    await forbidden('updateBusiness', { id: far.id, expectedVersion: 1, name: 'x' }, salesOfficer);
    await forbidden('archiveBusiness', { id: far.id, expectedVersion: 1, reason: 'x' }, salesOfficer);
    // The refusal is audited.
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE operation = 'archiveBusiness' AND outcome = 'REFUSED' AND reason LIKE '%511181%'`);
    expect(n).toBeGreaterThan(0);
    // Supply relations: fine when either party is in scope, refused when both are outside.
    const rel = await ok('createSupplyRelation', { supplierBusinessId: far2.id, buyerBusinessId: mine.id }, salesOfficer);
    expect(rel.status).toBe('ACTIVE');
    await forbidden('createSupplyRelation', { supplierBusinessId: far2.id, buyerBusinessId: far.id }, salesOfficer);
    const outside = await ok('createSupplyRelation', { supplierBusinessId: far2.id, buyerBusinessId: far.id });
    await forbidden('updateSupplyRelation', { id: outside.id, expectedVersion: 1, note: 'x' }, salesOfficer);
    await forbidden('archiveSupplyRelation', { id: outside.id, expectedVersion: 1, reason: 'x' }, salesOfficer);
    // Sites are in the parking/charging stage: not the SALES team's.
    await forbidden('createSite', { name: `小区${tag()}`, siteType: 'RESIDENTIAL_COMPOUND', districtCode: '511102' }, salesOfficer);
  });

  it('product models and certificates are city-wide: only the stage is checked', async () => {
    const m = await ok('createProductModel', { kind: 'VEHICLE', brand: `台铃${tag()}`, model: 'T1' }, salesOfficer);
    const c = await ok('createCertificate', { number: newCcc(), holderName: '外地整车厂', productModelId: m.id }, salesOfficer);
    await ok('changeCertificateStatus', { id: c.id, expectedVersion: 1, status: 'SUSPENDED', reason: '通报' }, salesOfficer);
    // An officer of a team without those stages (parking & charging) may not.
    const parking = (await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['PARKING_CHARGING'], districts: ['511102'] })).token;
    await forbidden('createProductModel', { kind: 'VEHICLE', brand: `台铃${tag()}`, model: 'T2' }, parking);
    await forbidden('changeCertificateStatus', { id: c.id, expectedVersion: 2, status: 'VALID', reason: '恢复' }, parking);
    await forbidden('updateProductModel', { id: m.id, expectedVersion: 1, model: 'T3' }, parking);
    // …but it may register a residential compound in its district.
    await ok('createSite', { name: `小区${tag()}`, siteType: 'RESIDENTIAL_COMPOUND', districtCode: '511102' }, parking);
  });

  it('masks personal data for PARTNER_VIEWER everywhere a business appears; coordinators and officers see it', async () => {
    const supplier = await ok('createBusiness', { name: `经销${tag()}`, types: ['DISTRIBUTOR'], districtCode: '511102', legalRepresentative: '李四', contactPhone: '0833-2123456' });
    const b = await ok('createBusiness', { name: `门店${tag()}`, types: ['RETAIL_STORE'], districtCode: '511102', legalRepresentative: '张三丰', contactPhone: '13812341234' });
    const rel = await ok('createSupplyRelation', { supplierBusinessId: supplier.id, buyerBusinessId: b.id });
    const q = `query($id: ID!, $n: String!) {
      business(id: $id) { legalRepresentative contactPhone suppliers { nodes { legalRepresentative contactPhone } } }
      businesses(filter: { name: { eq: $n } }) { nodes { legalRepresentative contactPhone } }
      supplyRelations(filter: { buyerId: { eq: $id } }) { nodes { buyer { legalRepresentative } supplier { contactPhone } } }
      supplyChain(from: { businessId: $id }, direction: UPSTREAM) { nodes { business { legalRepresentative contactPhone } } } }`;
    const masked = await query(q, { id: b.id, n: b.name }, partner);
    expect(masked.business).toEqual({ legalRepresentative: '张**', contactPhone: '138****1234', suppliers: { nodes: [{ legalRepresentative: '李*', contactPhone: '0833-*****56' }] } });
    expect(masked.businesses.nodes).toEqual([{ legalRepresentative: '张**', contactPhone: '138****1234' }]);
    expect(masked.supplyRelations.nodes).toEqual([{ buyer: { legalRepresentative: '张**' }, supplier: { contactPhone: '0833-*****56' } }]);
    expect(masked.supplyChain.nodes.map((n: any) => n.business).sort((x: any, y: any) => x.legalRepresentative.localeCompare(y.legalRepresentative))).toEqual(
      [{ legalRepresentative: '张**', contactPhone: '138****1234' }, { legalRepresentative: '李*', contactPhone: '0833-*****56' }].sort((x, y) => x.legalRepresentative.localeCompare(y.legalRepresentative)),
    );
    for (const token of [coordinator, salesOfficer, admin]) {
      const plain = await query(q, { id: b.id, n: b.name }, token);
      expect(plain.business).toEqual({ legalRepresentative: '张三丰', contactPhone: '13812341234', suppliers: { nodes: [{ legalRepresentative: '李四', contactPhone: '0833-2123456' }] } });
      expect(plain.businesses.nodes).toEqual([{ legalRepresentative: '张三丰', contactPhone: '13812341234' }]);
    }
    expect(rel.status).toBe('ACTIVE');
  });
});
