import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';
import type { TestApp as App } from './support/app';
import { COMMIT, JOB, csv, importDriver, upload, uscc, xlsx } from './import-support';
import { binary } from './support/http';

/** Sites (场所) through the same two steps as businesses: dry run, commit, idempotent re-import. */

const HEAD = ['名称', '场所类型', '区县', '地址', '管理/运营单位', '充电端口数', '纬度', '经度'];

let t: TestApp;
let ds: DataSource;
let coord: string;
let parkingOfficer: string;
let salesOfficer: string;
const PROPERTY = uscc(7001);

beforeAll(async () => {
  ds = await workerDataSource({ suffix: '_imps' });
  t = await startTestApp({ ds, env: { IMPORT_MAX_ROWS: '200' } });
  coord = (await makeUser(ds, Role.COORDINATOR)).token;
  parkingOfficer = (await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['PARKING_CHARGING'], districts: ['511102'] })).token;
  salesOfficer = (await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' })).token;
  await ds.query(
    `INSERT INTO business (uscc, name, types, stages, district_code, status) VALUES
       ($1, '乐山嘉州物业服务有限公司', '{PROPERTY_MANAGER}', '{PARKING_CHARGING}', '511102', 'ACTIVE'),
       (NULL, '同名物业', '{PROPERTY_MANAGER}', '{PARKING_CHARGING}', '511102', 'ACTIVE'),
       (NULL, '同名物业', '{PROPERTY_MANAGER}', '{PARKING_CHARGING}', '511181', 'ACTIVE')`,
    [PROPERTY],
  );
});
afterAll(async () => {
  await t.close();
  await ds.destroy();
});

const { job, dryRun, commit } = importDriver(() => t, 'SITES', () => coord);
const sites = (names: string[]) =>
  ds.query(
    `SELECT s.name, s.site_type::text AS site_type, s.district_code, s.address, b.name AS operator, s.charging_ports, s.latitude, s.longitude, s.version
       FROM site s LEFT JOIN business b ON b.id = s.operator_business_id WHERE s.name = ANY($1) ORDER BY s.name COLLATE "C"`,
    [names],
  );

describe('sites: dry run, commit, re-import', () => {
  const rows = [
    HEAD,
    ['嘉州花园小区', '居民小区/住宅小区', '市中区', '嘉州大道 88 号', PROPERTY, '24', '29.5521', '103.7656'],
    ['张公桥沿街门店', 'STREET_SHOP', '511102', '张公桥 3 号', '', '', '', ''],
    ['城南集中充电棚', '集中停放充电场所', '五通桥', '竹根镇南街', '乐山嘉州物业服务有限公司', '40', '', ''],
  ];

  it('validates without writing, commits with audit rows, and a second import of the same file changes nothing', async () => {
    const j = await dryRun('场所.csv', csv(rows));
    expect(j).toMatchObject({ status: 'VALIDATED', totalRows: 3, validRows: 3, rejectedRows: 0, createdCount: 3, updatedCount: 0, unchangedCount: 0, progress: 1 });
    expect(await sites(['嘉州花园小区', '张公桥沿街门店', '城南集中充电棚'])).toEqual([]);

    const c = await commit(j.id);
    expect(c).toMatchObject({ status: 'COMMITTED', createdCount: 3 });
    expect(await sites(['嘉州花园小区', '张公桥沿街门店', '城南集中充电棚'])).toEqual([
      { name: '嘉州花园小区', site_type: 'RESIDENTIAL_COMPOUND', district_code: '511102', address: '嘉州大道 88 号', operator: '乐山嘉州物业服务有限公司', charging_ports: 24, latitude: 29.5521, longitude: 103.7656, version: 1 },
      { name: '城南集中充电棚', site_type: 'CENTRAL_PARKING_CHARGING_SITE', district_code: '511112', address: '竹根镇南街', operator: '乐山嘉州物业服务有限公司', charging_ports: 40, latitude: null, longitude: null, version: 1 },
      { name: '张公桥沿街门店', site_type: 'STREET_SHOP', district_code: '511102', address: '张公桥 3 号', operator: null, charging_ports: null, latitude: null, longitude: null, version: 1 },
    ]);
    expect((await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE operation = 'commitImport' AND entity_type = 'Site'`))[0].n).toBe(3);

    const again = await dryRun('场所.csv', csv(rows));
    expect(again).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 3, rejectedRows: 0 });
    expect(await commit(again.id)).toMatchObject({ status: 'COMMITTED', createdCount: 0, updatedCount: 0, unchangedCount: 3 });
    expect((await ds.query(`SELECT count(*)::int AS n FROM site WHERE name = '嘉州花园小区'`))[0].n).toBe(1);
  });

  it('an updated file (spacing aside, the same name + address + district) updates what changed, version + 1, one audit row', async () => {
    const changed = [HEAD, ['嘉州花园 小区', '居民小区', '511102', '嘉州大道88号', PROPERTY, '30', '29.5521', '103.7656']];
    const j = await dryRun('场所.csv', csv(changed));
    expect(j).toMatchObject({ createdCount: 0, updatedCount: 1, unchangedCount: 0, rejectedRows: 0 });
    await commit(j.id);
    const [s] = await ds.query(`SELECT name, address, charging_ports, version FROM site WHERE name LIKE '嘉州花园%'`);
    expect(s).toEqual({ name: '嘉州花园 小区', address: '嘉州大道88号', charging_ports: 30, version: 2 });
    const audit = await ds.query(`SELECT changes FROM audit_event WHERE operation = 'commitImport' AND entity_type = 'Site' ORDER BY occurred_at DESC, id DESC LIMIT 1`);
    expect(audit[0].changes).toMatchObject({ chargingPorts: { before: 24, after: 30 } });
  });
});

describe('site rows: the API rules, per row, column, code and message', () => {
  it('reports each problem; validRowsOnly writes the rest', async () => {
    const rows = [
      HEAD,
      ['好邻居小区', '居民小区', '市中区', '柏杨路 1 号', '', '10', '', ''],
      ['未知类型', '停车场', '市中区', '', '', '', '', ''],
      ['未知区县', 'STREET_SHOP', '成都', '', '', '', '', ''],
      ['门店有充电口', 'STREET_SHOP', '市中区', '某路 2 号', '', '5', '', ''],
      ['只有纬度', 'STREET_SHOP', '市中区', '某路 3 号', '', '', '29.5', ''],
      ['无此物业', '老旧小区', '市中区', '某路 4 号', '不存在的物业公司', '', '', ''],
      ['重名物业', '老旧小区', '市中区', '某路 5 号', '同名物业', '', '', ''],
      ['好邻居小区', '居民小区', '市中区', '柏杨路 1 号', '', '', '', ''],
      ['', 'STREET_SHOP', '市中区', '', '', '', '', ''],
      ['端口不是整数', '居民小区', '市中区', '某路 6 号', '', '2.5', '', ''],
    ];
    const j = await dryRun('问题场所.csv', csv(rows));
    expect(j).toMatchObject({ status: 'VALIDATED', totalRows: 10, validRows: 1, rejectedRows: 9, createdCount: 1 });
    const problems = Object.fromEntries(j.report.nodes.filter((n: any) => n.problems.length).map((n: any) => [n.rowNumber, n.problems.map((p: any) => [p.column, p.code])]));
    expect(problems).toEqual({
      3: [['场所类型', 'INVALID_REFERENCE']],
      4: [['区县', 'INVALID_REFERENCE']],
      5: [['充电端口数', 'VALIDATION']],
      6: [['经度', 'VALIDATION']],
      7: [['管理/运营单位', 'INVALID_REFERENCE']],
      8: [['管理/运营单位', 'DUPLICATE']],
      9: [['名称', 'DUPLICATE']],
      10: [['名称', 'REQUIRED']],
      11: [['充电端口数', 'VALIDATION']],
    });
    const msg = (row: number) => j.report.nodes.find((n: any) => n.rowNumber === row).problems[0].message;
    expect(msg(3)).toBe('未知的场所类型“停车场”(见模板“允许值”表)');
    expect(msg(5)).toBe('沿街门店类场所不登记充电端口');
    expect(msg(8)).toBe('名称为“同名物业”的主体有 2 个，请填写统一社会信用代码');
    expect(msg(9)).toBe('名称、地址、区县与第 2 行相同');
    const refused = await t.gql(COMMIT, { input: { id: j.id, validRowsOnly: false } }, coord);
    expect(refused.body.data!.commitImport.userErrors[0]).toMatchObject({ field: ['input', 'validRowsOnly'] });
    expect(await commit(j.id, true)).toMatchObject({ status: 'COMMITTED', createdCount: 1 });
    expect((await ds.query(`SELECT count(*)::int AS n FROM site WHERE name IN ('好邻居小区', '未知类型', '门店有充电口', '只有纬度', '无此物业', '重名物业')`))[0].n).toBe(1);
  });

  it("sites are the parking & charging team's: a sales officer's rows are OUT_OF_SCOPE, a parking officer's outside its district too", async () => {
    const rows = [HEAD, ['范围测试小区', '居民小区', '市中区', '范围路 1 号', '', '', '', ''], ['范围外小区', '居民小区', '峨眉山市', '范围路 2 号', '', '', '', '']];
    const sales = await dryRun('范围.csv', csv(rows), salesOfficer);
    expect(sales.report.nodes.map((n: any) => [n.rowNumber, n.action, n.problems.map((p: any) => p.code)])).toEqual([
      [2, 'REJECTED', ['OUT_OF_SCOPE']],
      [3, 'REJECTED', ['OUT_OF_SCOPE']],
    ]);
    const parking = await dryRun('范围.csv', csv(rows), parkingOfficer);
    expect(parking.report.nodes.map((n: any) => [n.rowNumber, n.action, n.problems.map((p: any) => p.code)])).toEqual([
      [2, 'CREATE', []],
      [3, 'REJECTED', ['OUT_OF_SCOPE']],
    ]);
  });
});

describe('site template and concurrency', () => {
  it('/imports/templates/sites.xlsx lists the columns, a sample row and the site types, and imports as it is', async () => {
    const res = await request(t.app).get('/imports/templates/sites.xlsx').set('Authorization', `Bearer ${coord}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.getWorksheet('场所')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEAD);
    expect((ws.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['嘉州花园小区', '居民小区/住宅小区']);
    const allowed = wb.getWorksheet('允许值')!;
    const types = (allowed.getColumn('D').values as unknown[]).slice(2);
    expect(types).toEqual(['居民小区/住宅小区', '老旧小区', '高层民用建筑', '架空层', '自建房', '出租屋/群租房', '沿街门店', '九小场所', '人员密集场所', '集中停放充电场所', '换电柜点位']);
    await ds.query(`DELETE FROM site WHERE name = '嘉州花园小区'`);
    const j = await dryRun('模板.xlsx', Buffer.from(res.body as Uint8Array));
    expect(j).toMatchObject({ status: 'VALIDATED', fileFormat: 'XLSX', totalRows: 1, createdCount: 1, rejectedRows: 0 });
  });

  it('concurrent commits of overlapping files create no duplicate sites', async () => {
    const one = [HEAD, ['并发小区甲', '居民小区', '市中区', '并发路 1 号', '', '', '', ''], ['并发小区乙', '居民小区', '市中区', '并发路 2 号', '', '', '', '']];
    const two = [HEAD, ['并发小区乙', '居民小区', '市中区', '并发路 2 号', '', '', '', ''], ['并发小区丙', '居民小区', '市中区', '并发路 3 号', '', '', '', '']];
    const [j1, j2] = await Promise.all([dryRun('一.csv', csv(one)), dryRun('二.csv', csv(two))]);
    expect([j1.createdCount, j2.createdCount]).toEqual([2, 2]);
    const [c1, c2] = await Promise.all([commit(j1.id, true), commit(j2.id, true)]);
    expect(c1.createdCount + c2.createdCount).toBe(3);
    expect(c1.unchangedCount + c2.unchangedCount).toBe(1);
    expect(await ds.query(`SELECT name, count(*)::int AS n FROM site WHERE name LIKE '并发小区%' GROUP BY name ORDER BY name`)).toEqual([
      { name: '并发小区丙', n: 1 },
      { name: '并发小区乙', n: 1 },
      { name: '并发小区甲', n: 1 },
    ]);
  });

  it('xlsx with formulas: a formula without a stored result is a row problem, text starting with = stays text', async () => {
    const body = await xlsx([HEAD, ['=公式小区', '居民小区', '市中区', '公式路 1 号', '', { formula: 'SUM(1,2)' } as unknown, '', '']]);
    const j = await dryRun('公式.xlsx', body);
    expect(j.report.nodes[0].problems.map((p: any) => [p.column, p.code])).toEqual([['充电端口数', 'FORMULA']]);
  });
});

describe('imports: the job list', () => {
  const LIST = `query($f: ImportFilter, $first: Int, $after: String) { imports(filter: $f, first: $first, after: $after) { nodes { id kind status } pageInfo { hasNextPage endCursor } totalCount } }`;
  it("an officer lists the jobs it started, a coordinator every job; newest first, filtered by kind and status, page by page", async () => {
    const rows = [HEAD, ['列表测试小区', '居民小区', '市中区', '列表路 1 号', '', '', '', '']];
    const mine1 = await dryRun('列表一.csv', csv(rows), parkingOfficer);
    const mine2 = await dryRun('列表二.csv', csv(rows), parkingOfficer);
    const theirs = await dryRun('列表三.csv', csv(rows), coord);

    const officerList = await t.gql(LIST, {}, parkingOfficer);
    expect(officerList.body.errors).toBeUndefined();
    const ids = officerList.body.data!.imports.nodes.map((n: any) => n.id);
    expect(ids.slice(0, 2)).toEqual([mine2.id, mine1.id]);
    expect(ids).not.toContain(theirs.id);

    const all = await t.gql(LIST, { f: { kind: { eq: 'SITES' }, status: { eq: 'VALIDATED' } }, first: 100 }, coord);
    const allIds = all.body.data!.imports.nodes.map((n: any) => n.id);
    expect(allIds.slice(0, 3)).toEqual([theirs.id, mine2.id, mine1.id]);
    expect(all.body.data!.imports.nodes.every((n: any) => n.kind === 'SITES' && n.status === 'VALIDATED')).toBe(true);
    expect((await t.gql(LIST, { f: { kind: { eq: 'BUSINESSES' } } }, coord)).body.data!.imports.totalCount).toBe(0);

    const page1 = await t.gql(LIST, { first: 1 }, parkingOfficer);
    expect(page1.body.data!.imports.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql(LIST, { first: 1, after: page1.body.data!.imports.pageInfo.endCursor }, parkingOfficer);
    expect(page2.body.data!.imports.nodes.map((n: any) => n.id)).toEqual([mine1.id]);
  });
});

describe('sites: round trip', () => {
  it('export → import into an empty database (with the operator registered) → export gives the same rows', async () => {
    const exportCsv = async (app: App, token: string) => (await request(app.app).get('/exports/sites.csv').set('Authorization', `Bearer ${token}`)).text;
    const first = await exportCsv(t, coord);
    expect(first.split('\r\n')[0]).toBe('\uFEFF' + HEAD.join(','));
    expect(first).toContain(`嘉州花园 小区,居民小区/住宅小区,市中区,嘉州大道88号,${PROPERTY},30,29.5521,103.7656\r\n`);
    const rowsOut = first.split('\r\n').filter(Boolean).length - 1;
    expect(rowsOut).toBeGreaterThan(5);

    const ds2 = await workerDataSource({ suffix: '_imps2' });
    const t2 = await startTestApp({ ds: ds2 });
    try {
      await ds2.query(`INSERT INTO business (uscc, name, types, stages, district_code, status) VALUES ($1, '乐山嘉州物业服务有限公司', '{PROPERTY_MANAGER}', '{PARKING_CHARGING}', '511102', 'ACTIVE')`, [PROPERTY]);
      const coord2 = (await makeUser(ds2, Role.COORDINATOR)).token;
      const up = await upload(t2.app, coord2, 'export.csv', Buffer.from(first), { kind: 'SITES' });
      const wait = async (id: string, status: string) => {
        for (let i = 0; i < 400; i++) {
          const j = (await t2.gql(JOB, { id }, coord2)).body.data!.import;
          if (j.status === status) return j;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error(`not ${status}`);
      };
      const j = await wait(up.body.data.startImport.import.id, 'VALIDATED');
      expect(j).toMatchObject({ rejectedRows: 0, createdCount: rowsOut });
      await t2.gql(COMMIT, { input: { id: j.id } }, coord2);
      await wait(j.id, 'COMMITTED');
      expect(await exportCsv(t2, coord2)).toBe(first);
    } finally {
      await t2.close();
      await ds2.destroy();
    }
  });
});
