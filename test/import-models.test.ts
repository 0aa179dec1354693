import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';
import { COMMIT, csv, importDriver, uscc, xlsx } from './import-support';
import { binary } from './support/http';

/**
 * Product models with their CCC certificate (PRODUCT_MODELS) and supply relations (SUPPLY_RELATIONS)
 * through the same two steps as businesses and sites: dry run, commit, idempotent re-import.
 * Expected values are written out by hand (DOMAIN.md §8.2 for the certificate number).
 */

const HEAD = ['生产企业', '产品类别', '品牌', '型号', '执行标准', '符合标准', '电池类型', '标称电压(V)', '额定容量(Ah)', 'CCC证书编号', '持证人', '发证日期', '有效期至', '证书状态', '状态变更原因'];
const RHEAD = ['供货方', '购货方', '产品生产企业', '产品类别', '品牌', '型号', '首次发现日期', '最近发现日期', '备注'];

let t: TestApp;
let ds: DataSource;
let coord: string;
let parkingOfficer: string;
let salesOfficer: string;
let wutongqiaoSalesOfficer: string;
const MAKER = uscc(8001);
const PACKS = uscc(8002);
const SHOP = uscc(8003);
const SHOP2 = uscc(8004, '511112');

beforeAll(async () => {
  ds = await workerDataSource({ suffix: '_impm' });
  t = await startTestApp({ ds, env: { IMPORT_MAX_ROWS: '200' } });
  coord = (await makeUser(ds, Role.COORDINATOR)).token;
  parkingOfficer = (await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['PARKING_CHARGING'], districts: ['511102'] })).token;
  salesOfficer = (await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' })).token;
  wutongqiaoSalesOfficer = (await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511112'], departmentCode: 'MARKET' })).token;
  await ds.query(
    `INSERT INTO business (uscc, name, types, stages, district_code, status) VALUES
       ($1, '乐山嘉州车业有限公司', '{VEHICLE_MANUFACTURER}', '{PRODUCTION}', '511102', 'ACTIVE'),
       ($2, '峨眉电池有限公司', '{BATTERY_PACK_MANUFACTURER}', '{PRODUCTION}', '511181', 'ACTIVE'),
       ($3, '嘉州车行', '{RETAIL_STORE}', '{SALES}', '511102', 'ACTIVE'),
       ($4, '五通桥车行', '{RETAIL_STORE}', '{SALES}', '511112', 'ACTIVE'),
       (NULL, '同名车企', '{VEHICLE_MANUFACTURER}', '{PRODUCTION}', '511102', 'ACTIVE'),
       (NULL, '同名车企', '{VEHICLE_MANUFACTURER}', '{PRODUCTION}', '511181', 'ACTIVE'),
       (NULL, '已归档车企', '{VEHICLE_MANUFACTURER}', '{PRODUCTION}', '511102', 'ARCHIVED')`,
    [MAKER, PACKS, SHOP, SHOP2],
  );
});
afterAll(async () => {
  await t.close();
  await ds.destroy();
});

const drive = importDriver(() => t, 'PRODUCT_MODELS', () => coord);
const { job, commit } = drive;
const dryRun = (kind: 'PRODUCT_MODELS' | 'SUPPLY_RELATIONS', name: string, body: Buffer, token = coord) => drive.dryRun(name, body, token, kind);
const problemsOf = (j: any) => Object.fromEntries(j.report.nodes.filter((n: any) => n.problems.length).map((n: any) => [n.rowNumber, n.problems.map((p: any) => [p.column, p.code])]));
const messageOf = (j: any, row: number) => j.report.nodes.find((n: any) => n.rowNumber === row).problems[0].message;
const count = async (sql: string, params: unknown[] = []) => (await ds.query(sql, params))[0].n as number;
const models = (names: string[]) =>
  ds.query(
    `SELECT m.kind::text AS kind, m.brand, m.model, b.name AS maker, m.standard_version::text AS standard_version, m.standards::text[] AS standards, m.chemistry::text AS chemistry,
            m.nominal_voltage, m.capacity_ah, m.version
       FROM product_model m LEFT JOIN business b ON b.id = m.manufacturer_business_id WHERE m.model = ANY($1) ORDER BY m.model COLLATE "C"`,
    [names],
  );
const certificates = (numbers: string[]) =>
  ds.query(
    `SELECT c.number, hb.name AS holder, c.holder_name, m.model, c.status::text AS status, c.issued_on::text AS issued_on, c.expires_on::text AS expires_on, c.version
       FROM certificate c LEFT JOIN business hb ON hb.id = c.holder_business_id LEFT JOIN product_model m ON m.id = c.product_model_id
      WHERE c.number = ANY($1) ORDER BY c.number`,
    [numbers],
  );

describe('product models with certificates: dry run, commit, re-import', () => {
  const rows = [
    HEAD,
    [MAKER, '电动自行车整车', '嘉州', 'JZ-1000', 'GB 17761-2024', 'GB 17761-2024、GB 42295-2022', '锂离子', '48', '20', '2024011116100001', '', '2024-03-01', '2029-02-28', '有效', ''],
    ['峨眉电池有限公司', '锂离子蓄电池', '峨眉', 'EM-48V20', 'GB43854_2024', '', '', '48', '20', '2024011121100002', '峨眉电池有限公司', '2024/5/6', '2029年5月5日', '', ''],
    ['', 'CHARGER', '嘉州', 'CH-48', '', '', '', '', '', '', '', '', '', '', ''],
  ];

  it('validates without writing, commits models, certificates, their status history and audit rows; the same file again changes nothing', async () => {
    const j = await dryRun('PRODUCT_MODELS', '型号.csv', csv(rows));
    expect(j).toMatchObject({ status: 'VALIDATED', totalRows: 3, validRows: 3, rejectedRows: 0, createdCount: 3, updatedCount: 0, unchangedCount: 0 });
    expect(j.report.nodes.map((n: any) => [n.rowNumber, n.action])).toEqual([
      [2, 'CREATE'],
      [3, 'CREATE'],
      [4, 'CREATE'],
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM product_model`)).toBe(0);

    const done = await commit(j.id);
    expect(done).toMatchObject({ status: 'COMMITTED', createdCount: 3, updatedCount: 0, unchangedCount: 0 });
    expect(await models(['JZ-1000', 'EM-48V20', 'CH-48'])).toEqual([
      { kind: 'CHARGER', brand: '嘉州', model: 'CH-48', maker: null, standard_version: null, standards: [], chemistry: null, nominal_voltage: null, capacity_ah: null, version: 1 },
      { kind: 'LITHIUM_BATTERY', brand: '峨眉', model: 'EM-48V20', maker: '峨眉电池有限公司', standard_version: 'GB43854_2024', standards: ['GB43854_2024'], chemistry: 'LITHIUM_ION', nominal_voltage: 48, capacity_ah: 20, version: 1 },
      { kind: 'VEHICLE', brand: '嘉州', model: 'JZ-1000', maker: '乐山嘉州车业有限公司', standard_version: 'GB17761_2024', standards: ['GB17761_2024', 'GB42295_2022'], chemistry: 'LITHIUM_ION', nominal_voltage: 48, capacity_ah: 20, version: 1 },
    ]);
    expect(await certificates(['2024011116100001', '2024011121100002'])).toEqual([
      { number: '2024011116100001', holder: '乐山嘉州车业有限公司', holder_name: null, model: 'JZ-1000', status: 'VALID', issued_on: '2024-03-01', expires_on: '2029-02-28', version: 1 },
      { number: '2024011121100002', holder: '峨眉电池有限公司', holder_name: null, model: 'EM-48V20', status: 'VALID', issued_on: '2024-05-06', expires_on: '2029-05-05', version: 1 },
    ]);
    expect(await ds.query(`SELECT c.number, s.from_status, s.to_status::text AS to_status, s.reason FROM certificate_status_change s JOIN certificate c ON c.id = s.certificate_id ORDER BY c.number`)).toEqual([
      { number: '2024011116100001', from_status: null, to_status: 'VALID', reason: 'registered (登记)' },
      { number: '2024011121100002', from_status: null, to_status: 'VALID', reason: 'registered (登记)' },
    ]);
    expect(await ds.query(`SELECT entity_type, count(*)::int AS n FROM audit_event WHERE operation = 'commitImport' AND entity_type IN ('ProductModel', 'Certificate') GROUP BY entity_type ORDER BY entity_type`)).toEqual([
      { entity_type: 'Certificate', n: 2 },
      { entity_type: 'ProductModel', n: 3 },
    ]);
    // The row report names the created model.
    const [jz] = await ds.query(`SELECT id FROM product_model WHERE model = 'JZ-1000'`);
    expect((await job(j.id)).report.nodes[0].targetId).toBe(jz.id);

    const again = await dryRun('PRODUCT_MODELS', '型号.csv', csv(rows));
    expect(again).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 3, rejectedRows: 0 });
    expect(await commit(again.id)).toMatchObject({ status: 'COMMITTED', createdCount: 0, updatedCount: 0, unchangedCount: 3 });
    expect(await count(`SELECT count(*)::int AS n FROM product_model`)).toBe(3);
    expect(await count(`SELECT count(*)::int AS n FROM certificate`)).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE operation = 'commitImport' AND entity_type IN ('ProductModel', 'Certificate')`)).toBe(5);
  });

  it('a changed file (brand spacing and case aside) updates the model and the certificate, version + 1, audit rows and the status history with its reason', async () => {
    const changed = [
      HEAD,
      [MAKER, '整车', ' 嘉州', 'jz-1000', 'GB 17761-2024', 'GB 17761-2024、GB 42295-2022', '锂离子', '48', '24', '2024011116100001', '', '2024-03-01', '2029-02-28', '暂停', '认证机构通知暂停'],
      // Only a certificate added to an existing model: the row creates a record.
      ['', '充电器', '嘉州', 'CH-48', '', '', '', '', '', '2024011122100003', '嘉州充电器厂', '2024-06-01', '', '', ''],
    ];
    const j = await dryRun('PRODUCT_MODELS', '型号-改.csv', csv(changed));
    expect(j.report.nodes.map((n: any) => [n.rowNumber, n.action, n.problems])).toEqual([
      [2, 'UPDATE', []],
      [3, 'CREATE', []],
    ]);
    expect(j).toMatchObject({ createdCount: 1, updatedCount: 1, unchangedCount: 0, rejectedRows: 0 });
    expect(await commit(j.id)).toMatchObject({ status: 'COMMITTED', createdCount: 1, updatedCount: 1 });
    expect(await models(['jz-1000'])).toEqual([
      { kind: 'VEHICLE', brand: '嘉州', model: 'jz-1000', maker: '乐山嘉州车业有限公司', standard_version: 'GB17761_2024', standards: ['GB17761_2024', 'GB42295_2022'], chemistry: 'LITHIUM_ION', nominal_voltage: 48, capacity_ah: 24, version: 2 },
    ]);
    expect(await certificates(['2024011116100001', '2024011122100003'])).toEqual([
      { number: '2024011116100001', holder: '乐山嘉州车业有限公司', holder_name: null, model: 'jz-1000', status: 'SUSPENDED', issued_on: '2024-03-01', expires_on: '2029-02-28', version: 2 },
      { number: '2024011122100003', holder: null, holder_name: '嘉州充电器厂', model: 'CH-48', status: 'VALID', issued_on: '2024-06-01', expires_on: null, version: 1 },
    ]);
    const [history] = await ds.query(
      `SELECT s.from_status::text AS from_status, s.to_status::text AS to_status, s.reason FROM certificate_status_change s JOIN certificate c ON c.id = s.certificate_id
        WHERE c.number = '2024011116100001' AND s.from_status IS NOT NULL`,
    );
    expect(history).toEqual({ from_status: 'VALID', to_status: 'SUSPENDED', reason: '认证机构通知暂停' });
    const audit = await ds.query(
      `SELECT entity_type, changes FROM audit_event WHERE operation = 'commitImport' AND entity_type IN ('ProductModel', 'Certificate') ORDER BY occurred_at DESC, id DESC LIMIT 3`,
    );
    const modelAudit = audit.find((a: any) => a.entity_type === 'ProductModel');
    expect(modelAudit.changes).toEqual({ capacityAh: { before: 20, after: 24 }, model: { before: 'JZ-1000', after: 'jz-1000' } });
    const certAudit = audit.filter((a: any) => a.entity_type === 'Certificate').map((a: any) => a.changes);
    expect(certAudit).toContainEqual({ status: { before: 'VALID', after: 'SUSPENDED' }, reason: { before: null, after: '认证机构通知暂停' } });
  });
});

describe('product model rows: the API rules, per row, column, code and message', () => {
  it('reports each problem; all or nothing refuses, validRowsOnly writes the valid rows', async () => {
    const rows = [
      HEAD,
      [MAKER, 'VEHICLE', '嘉州', 'JZ-2000', '', '', '', '', '', '2024011116100004', '', '', '', '', ''],
      [MAKER, 'VEHICLE', '嘉州', 'JZ-2001', '', '', '', '', '', '3024011116100005', '', '', '', '', ''],
      ['不存在的车企', 'VEHICLE', '嘉州', 'JZ-2002', '', '', '', '', '', '', '', '', '', '', ''],
      ['同名车企', 'VEHICLE', '嘉州', 'JZ-2003', '', '', '', '', '', '', '', '', '', '', ''],
      [MAKER, 'VEHICLE', '嘉 州', 'jz-2000', '', '', '', '', '', '', '', '', '', '', ''],
      [MAKER, 'VEHICLE', '嘉州', 'JZ-2004', '', '', '', '', '', '2024011116100006', '', '2024-02-30', '', '', ''],
      [MAKER, 'VEHICLE', '嘉州', 'JZ-2005', '', '', '', '', '', '2024011116100007', '', '', '下个月', '', ''],
      [MAKER, 'VEHICLE', '嘉州', 'jz-1000', '', '', '', '', '', '2024011116100001', '', '', '', '撤销', ''],
      [MAKER, 'VEHICLE', '嘉州', 'JZ-2006', '', '', '', '', '', '2024011116100004', '', '', '', '', ''],
      [MAKER, '锂离子蓄电池', '峨眉', 'EM-48V20', '', '', '', '', '', '', '', '', '', '', ''],
      ['', '充电器', '嘉州', 'CH-60', '', '', '锂离子', '', '', '', '', '', '', '', ''],
      [MAKER, 'VEHICLE', '嘉州', 'JZ-2007', '', '', '', '', '', '2024011116100008', '', '2024-03-01', '2023-03-01', '', ''],
      [MAKER, 'VEHICLE', '', 'JZ-2008', '', '', '', '', '', '', '', '', '', '', ''],
      [MAKER, 'VEHICLE', '嘉州', 'JZ-2009', '', '', '', '', '', '', '', '2024-03-01', '', '', ''],
      ['已归档车企', 'VEHICLE', '嘉州', 'JZ-2010', '', '', '', '', '', '', '', '', '', '', ''],
      [MAKER, 'VEHICLE', '嘉州', 'JZ-2011', '', '', '', '', '', '2024011116100009', '915111020000000000', '', '', '', ''],
    ];
    const j = await dryRun('PRODUCT_MODELS', '问题型号.csv', csv(rows));
    expect(j).toMatchObject({ status: 'VALIDATED', totalRows: 16, validRows: 1, rejectedRows: 15, createdCount: 1 });
    expect(problemsOf(j)).toEqual({
      3: [['CCC证书编号', 'VALIDATION']],
      4: [['生产企业', 'INVALID_REFERENCE']],
      5: [['生产企业', 'DUPLICATE']],
      6: [['型号', 'DUPLICATE']],
      7: [['发证日期', 'VALIDATION']],
      8: [['有效期至', 'VALIDATION']],
      9: [['状态变更原因', 'REQUIRED']],
      10: [['CCC证书编号', 'DUPLICATE']],
      11: [['生产企业', 'DUPLICATE']],
      12: [['电池类型', 'VALIDATION']],
      13: [['有效期至', 'VALIDATION']],
      14: [['品牌', 'REQUIRED']],
      15: [['CCC证书编号', 'REQUIRED']],
      16: [['生产企业', 'INVALID_REFERENCE']],
      17: [['持证人', 'INVALID_REFERENCE']],
    });
    expect(messageOf(j, 3)).toBe('CCC 证书编号须为 16 位数字，以年份(19xx/20xx)开头');
    expect(messageOf(j, 4)).toBe('没有信用代码或名称为“不存在的车企”的在册主体');
    expect(messageOf(j, 5)).toBe('名称为“同名车企”的主体有 2 个，请填写统一社会信用代码');
    expect(messageOf(j, 6)).toBe('产品类别、品牌、型号与第 2 行相同');
    expect(messageOf(j, 7)).toBe('发证日期须为存在的日期 YYYY-MM-DD');
    expect(messageOf(j, 8)).toBe('有效期至“下个月”不是日期，请填写 YYYY-MM-DD');
    expect(messageOf(j, 9)).toBe('证书状态由“暂停”改为“撤销”须填写状态变更原因');
    expect(messageOf(j, 10)).toBe('证书编号与第 2 行重复');
    expect(messageOf(j, 12)).toBe('充电器没有电池类型');
    expect(messageOf(j, 15)).toBe('填写了证书信息但没有证书编号');

    const refused = await t.gql(COMMIT, { input: { id: j.id, validRowsOnly: false } }, coord);
    expect(refused.body.data!.commitImport.userErrors[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'validRowsOnly'] });
    expect(await count(`SELECT count(*)::int AS n FROM product_model WHERE model LIKE 'JZ-20%'`)).toBe(0);
    expect(await commit(j.id, true)).toMatchObject({ status: 'COMMITTED', createdCount: 1, rejectedRows: 15 });
    expect((await ds.query(`SELECT model FROM product_model WHERE model ILIKE 'JZ-20%' OR model = 'CH-60'`)).map((r: any) => r.model)).toEqual(['JZ-2000']);
    expect(await certificates(['2024011116100001'])).toMatchObject([{ status: 'SUSPENDED', version: 2 }]);
  });

  it('the catalogue is the certification, production, import and sales teams’: a parking officer’s rows are OUT_OF_SCOPE', async () => {
    const rows = [HEAD, ['', 'VEHICLE', '范围', 'FW-1', '', '', '', '', '', '', '', '', '', '', '']];
    const parking = await dryRun('PRODUCT_MODELS', '范围.csv', csv(rows), parkingOfficer);
    expect(parking.report.nodes.map((n: any) => [n.rowNumber, n.action, n.problems.map((p: any) => p.code)])).toEqual([[2, 'REJECTED', ['OUT_OF_SCOPE']]]);
    const sales = await dryRun('PRODUCT_MODELS', '范围.csv', csv(rows), salesOfficer);
    expect(sales.report.nodes.map((n: any) => [n.rowNumber, n.action])).toEqual([[2, 'CREATE']]);
  });

  it('xlsx: a formula without a stored result is a row problem, its stored result is taken, text starting with = stays text, a date cell is a date', async () => {
    const body = await xlsx([
      HEAD,
      ['', 'VEHICLE', '公式', '=JZ+1', '', '', '', { formula: '40+8', result: 48 } as unknown, '', '2024011116100010', '某持证人', new Date(Date.UTC(2024, 2, 1)), '', '', ''],
      ['', 'VEHICLE', '公式', 'GS-2', '', '', '', { formula: 'SUM(1,2)' } as unknown, '', '', '', '', '', '', ''],
    ]);
    const j = await dryRun('PRODUCT_MODELS', '公式.xlsx', body);
    expect(problemsOf(j)).toEqual({ 3: [['标称电压(V)', 'FORMULA']] });
    expect(await commit(j.id, true)).toMatchObject({ status: 'COMMITTED', createdCount: 1 });
    expect(await ds.query(`SELECT model, nominal_voltage FROM product_model WHERE brand = '公式'`)).toEqual([{ model: '=JZ+1', nominal_voltage: 48 }]);
    expect(await certificates(['2024011116100010'])).toEqual([
      { number: '2024011116100010', holder: null, holder_name: '某持证人', model: '=JZ+1', status: 'VALID', issued_on: '2024-03-01', expires_on: null, version: 1 },
    ]);
  });

  it('/imports/templates/product-models.xlsx lists the columns, a sample row and the allowed values, and imports as it is', async () => {
    const { wb, body } = await template('product-models');
    const ws = wb.getWorksheet('产品型号')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEAD);
    const allowed = wb.getWorksheet('允许值')!;
    expect((allowed.getColumn('A').values as unknown[]).slice(1)).toEqual(['产品类别', '电动自行车整车', '锂离子蓄电池', '铅酸蓄电池', '充电器']);
    expect((allowed.getColumn('D').values as unknown[]).slice(1)).toEqual(['标准', 'GB 17761-2018', 'GB 17761-2024', 'GB 43854-2024', 'GB 42295-2022', 'GB 42296-2022']);
    expect((allowed.getColumn('J').values as unknown[]).slice(1)).toEqual(['证书状态', '有效', '暂停', '撤销', '注销', '过期']);
    const j = await dryRun('PRODUCT_MODELS', '模板.xlsx', body);
    expect(j).toMatchObject({ status: 'VALIDATED', fileFormat: 'XLSX', totalRows: 1, createdCount: 1, rejectedRows: 0 });
  });
});

async function template(path: string): Promise<{ wb: ExcelJS.Workbook; body: Buffer }> {
  const res = await request(t.app)
    .get(`/imports/templates/${path}.xlsx`)
    .set('Authorization', `Bearer ${coord}`)
    .buffer(true)
    .parse(binary);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body);
  return { wb, body: Buffer.from(res.body as Uint8Array) };
}

const relations = () =>
  ds.query(
    `SELECT s.name AS supplier, b.name AS buyer, m.model, r.first_seen_on::text AS first_seen_on, r.last_seen_on::text AS last_seen_on, r.note, r.version
       FROM supply_relation r JOIN business s ON s.id = r.supplier_business_id JOIN business b ON b.id = r.buyer_business_id LEFT JOIN product_model m ON m.id = r.product_model_id
      WHERE r.status = 'ACTIVE' ORDER BY s.name COLLATE "C", b.name COLLATE "C", m.model NULLS FIRST`,
  );

describe('supply relations: dry run, commit, re-import', () => {
  const rows = [
    RHEAD,
    [MAKER, SHOP, '', '', '嘉州', 'JZ-1000', '2025-01-10', '2025-06-30', '年度供货'],
    ['乐山嘉州车业有限公司', SHOP2, '', '', '', '', '', '', ''],
    [SHOP, '五通桥车行', MAKER, '整车', '嘉州', 'jz-1000', '2025/2/1', '', ''],
  ];

  it('validates, commits with audit rows, and a second import of the same file changes nothing', async () => {
    const j = await dryRun('SUPPLY_RELATIONS', '供货.csv', csv(rows));
    expect(j).toMatchObject({ status: 'VALIDATED', totalRows: 3, validRows: 3, rejectedRows: 0, createdCount: 3 });
    expect(await count(`SELECT count(*)::int AS n FROM supply_relation`)).toBe(0);
    expect(await commit(j.id)).toMatchObject({ status: 'COMMITTED', createdCount: 3, updatedCount: 0, unchangedCount: 0 });
    expect(await relations()).toEqual([
      { supplier: '乐山嘉州车业有限公司', buyer: '五通桥车行', model: null, first_seen_on: null, last_seen_on: null, note: null, version: 1 },
      { supplier: '乐山嘉州车业有限公司', buyer: '嘉州车行', model: 'jz-1000', first_seen_on: '2025-01-10', last_seen_on: '2025-06-30', note: '年度供货', version: 1 },
      { supplier: '嘉州车行', buyer: '五通桥车行', model: 'jz-1000', first_seen_on: '2025-02-01', last_seen_on: null, note: null, version: 1 },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE operation = 'commitImport' AND entity_type = 'SupplyRelation'`)).toBe(3);

    const again = await dryRun('SUPPLY_RELATIONS', '供货.csv', csv(rows));
    expect(again).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 3, rejectedRows: 0 });
    expect(await commit(again.id)).toMatchObject({ status: 'COMMITTED', createdCount: 0, updatedCount: 0, unchangedCount: 3 });
    expect(await count(`SELECT count(*)::int AS n FROM supply_relation`)).toBe(3);
  });

  it('a changed date updates the relation, version + 1, one audit row with the change', async () => {
    const changed = [RHEAD, [MAKER, SHOP, '', '', '嘉州', 'JZ-1000', '2025-01-10', '2025-09-30', '年度供货']];
    const j = await dryRun('SUPPLY_RELATIONS', '供货-改.csv', csv(changed));
    expect(j).toMatchObject({ createdCount: 0, updatedCount: 1, unchangedCount: 0, rejectedRows: 0 });
    await commit(j.id);
    expect((await relations())[1]).toEqual({ supplier: '乐山嘉州车业有限公司', buyer: '嘉州车行', model: 'jz-1000', first_seen_on: '2025-01-10', last_seen_on: '2025-09-30', note: '年度供货', version: 2 });
    const [audit] = await ds.query(`SELECT changes FROM audit_event WHERE operation = 'commitImport' AND entity_type = 'SupplyRelation' ORDER BY occurred_at DESC, id DESC LIMIT 1`);
    expect(audit.changes).toEqual({ lastSeenOn: { before: '2025-06-30', after: '2025-09-30' } });
  });
});

describe('supply relation rows: the API rules, per row, column, code and message', () => {
  it('reports each problem; all or nothing refuses, validRowsOnly writes the valid rows', async () => {
    await ds.query(`INSERT INTO business (uscc, name, types, stages, district_code, status) VALUES (NULL, '同名车行', '{RETAIL_STORE}', '{SALES}', '511102', 'ACTIVE'), (NULL, '同名车行', '{RETAIL_STORE}', '{SALES}', '511112', 'ACTIVE')`);
    const rows = [
      RHEAD,
      ['无此供货方', SHOP, '', '', '', '', '', '', ''],
      [MAKER, '同名车行', '', '', '', '', '', '', ''],
      [SHOP, SHOP, '', '', '', '', '', '', ''],
      [MAKER, SHOP2, '', '', '嘉州', 'JZ-1000', '2025-13-01', '', ''],
      [PACKS, SHOP, '', '', '', '', '2025-06-01', '2025-05-01', ''],
      [MAKER, SHOP2, '', '', '嘉州', 'NOPE', '', '', ''],
      [MAKER, SHOP2, '', '', '嘉州', '', '', '', ''],
      [PACKS, SHOP2, '', '', '', '', '', '', '新客户'],
      [PACKS, '五通桥车行', '', '', '', '', '', '', ''],
      [MAKER, SHOP2, PACKS, '', '嘉州', 'JZ-1000', '', '', ''],
    ];
    const j = await dryRun('SUPPLY_RELATIONS', '问题供货.csv', csv(rows));
    expect(j).toMatchObject({ status: 'VALIDATED', totalRows: 10, validRows: 1, rejectedRows: 9, createdCount: 1 });
    expect(problemsOf(j)).toEqual({
      2: [['供货方', 'INVALID_REFERENCE']],
      3: [['购货方', 'DUPLICATE']],
      4: [['购货方', 'VALIDATION']],
      5: [['首次发现日期', 'VALIDATION']],
      6: [['最近发现日期', 'VALIDATION']],
      7: [['型号', 'INVALID_REFERENCE']],
      8: [['型号', 'REQUIRED']],
      10: [['供货方', 'DUPLICATE']],
      11: [['型号', 'INVALID_REFERENCE']],
    });
    expect(messageOf(j, 3)).toBe('名称为“同名车行”的主体有 2 个，请填写统一社会信用代码');
    expect(messageOf(j, 4)).toBe('供货方与购货方不能是同一经营主体');
    expect(messageOf(j, 6)).toBe('最近发现日期（lastSeenOn）早于首次发现日期（firstSeenOn）');
    expect(messageOf(j, 7)).toBe('没有品牌“嘉州”、型号“NOPE”的在册产品型号');
    expect(messageOf(j, 10)).toBe('供货方、购货方与产品型号与第 9 行相同');
    expect(messageOf(j, 11)).toBe('没有品牌“嘉州”、型号“JZ-1000”的在册产品型号(该生产企业)');
    const refused = await t.gql(COMMIT, { input: { id: j.id, validRowsOnly: false } }, coord);
    expect(refused.body.data!.commitImport.userErrors[0]).toMatchObject({ field: ['input', 'validRowsOnly'] });
    expect(await commit(j.id, true)).toMatchObject({ status: 'COMMITTED', createdCount: 1 });
    expect(await count(`SELECT count(*)::int AS n FROM supply_relation`)).toBe(4);
    expect(await count(`SELECT count(*)::int AS n FROM supply_relation r JOIN business s ON s.id = r.supplier_business_id WHERE s.uscc = $1 AND r.note = '新客户'`, [PACKS])).toBe(1);
  });

  it('a relation is written by whoever may write either party: an officer with neither party in its districts is OUT_OF_SCOPE', async () => {
    const rows = [RHEAD, [PACKS, SHOP, '', '', '', '', '', '', '范围'], [MAKER, PACKS, '', '', '', '', '', '', '']];
    const mine = await dryRun('SUPPLY_RELATIONS', '范围.csv', csv(rows), salesOfficer);
    expect(mine.report.nodes.map((n: any) => [n.rowNumber, n.action, n.problems.map((p: any) => p.code)])).toEqual([
      [2, 'CREATE', []],
      [3, 'REJECTED', ['OUT_OF_SCOPE']],
    ]);
    const other = await dryRun('SUPPLY_RELATIONS', '范围.csv', csv(rows), wutongqiaoSalesOfficer);
    expect(other.report.nodes.map((n: any) => n.problems.map((p: any) => p.code))).toEqual([['OUT_OF_SCOPE'], ['OUT_OF_SCOPE']]);
  });

  it('/imports/templates/supply-relations.xlsx lists the columns and the product kinds; the CSV template has the same header', async () => {
    const { wb } = await template('supply-relations');
    expect((wb.getWorksheet('供货关系')!.getRow(1).values as unknown[]).slice(1)).toEqual(RHEAD);
    expect((wb.getWorksheet('允许值')!.getColumn('A').values as unknown[]).slice(1)).toEqual(['产品类别', '电动自行车整车', '锂离子蓄电池', '铅酸蓄电池', '充电器']);
    const res = await request(t.app).get('/imports/templates/supply-relations.csv').set('Authorization', `Bearer ${coord}`);
    expect(res.status).toBe(200);
    expect(res.text.split('\r\n')[0]).toBe('\uFEFF' + RHEAD.join(','));
  });
});
