import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';
import { COMMIT, JOB, csv, upload, uscc, xlsx, zipBomb } from './import-support';
import { binary } from './support/http';

const ZH = ['统一社会信用代码', '名称', '主体类型', '区县', '地址', '法定代表人/经营者', '联系电话', '主体状态'];

let t: TestApp;
let ds: DataSource;
let coord: string;
let officer: string;

beforeAll(async () => {
  ds = await workerDataSource({ suffix: '_imp' });
  t = await startTestApp({ ds, env: { IMPORT_MAX_ROWS: '200', IMPORT_MAX_BYTES: String(2 * 1024 * 1024), IMPORT_MAX_UNCOMPRESSED_BYTES: String(8 * 1024 * 1024) } });
  coord = (await makeUser(ds, Role.COORDINATOR)).token;
  officer = (await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' })).token;
});
afterAll(async () => {
  await t.close();
  await ds.destroy();
});

async function job(id: string, token = coord, only?: boolean) {
  const r = await t.gql(JOB, { id, only }, token);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.import;
}

/** Polls until the background step is done. */
async function settle(id: string, token = coord) {
  for (let i = 0; i < 400; i++) {
    const j = await job(id, token);
    if (!['PENDING', 'VALIDATING', 'COMMITTING'].includes(j.status)) return j;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not settle');
}

async function dryRun(name: string, body: Buffer, token = coord) {
  const res = await upload(t.app, token, name, body);
  expect(res.status).toBe(200);
  expect(res.body.data.startImport.userErrors).toEqual([]);
  return settle(res.body.data.startImport.import.id, token);
}

async function commit(id: string, validRowsOnly = false, token = coord) {
  const r = await t.gql(COMMIT, { input: { id, validRowsOnly } }, token);
  expect(r.body.errors).toBeUndefined();
  const p = r.body.data!.commitImport;
  if (p.userErrors.length) return { userErrors: p.userErrors, job: null };
  return { userErrors: [], job: await settle(id, token) };
}

const businessCount = async () => Number((await ds.query(`SELECT count(*) AS n FROM business`))[0].n);

describe('upload: the multipart convention with CSRF protection', () => {
  it('refuses a multipart request without a preflight header, before reading it', async () => {
    const res = await upload(t.app, coord, 'a.csv', csv([ZH]), { preflight: false });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/CSRF/);
    expect(Number((await ds.query(`SELECT count(*) AS n FROM import_job`))[0].n)).toBe(0);
  });

  it('refuses anonymous uploads (401) and read-only roles (FORBIDDEN)', async () => {
    expect((await upload(t.app, null, 'a.csv', csv([ZH]))).status).toBe(401);
    const viewer = (await makeUser(ds, Role.PARTNER_VIEWER)).token;
    const res = await upload(t.app, viewer, 'a.csv', csv([ZH]));
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a file over IMPORT_MAX_BYTES is a 413 with a clear message', async () => {
    const res = await upload(t.app, coord, 'big.csv', Buffer.alloc(2 * 1024 * 1024 + 10, 0x41));
    expect(res.status).toBe(413);
    expect(res.body.errors[0].message).toMatch(/上限/);
  });

  it('an Upload variable cannot be faked with JSON', async () => {
    const r = await t.gql(`mutation($input: StartImportInput!) { startImport(input: $input) { userErrors { code } } }`, { input: { kind: 'BUSINESSES', file: { filename: 'x.csv' } } }, coord);
    expect(r.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.status).toBe(400);
  });
});

describe('businesses: dry run, commit, re-import', () => {
  const a = uscc(1001);
  const b = uscc(1002);
  const rows = [
    ZH,
    [a, '乐山市嘉州电动车行', '销售门店/经营网点、维修店铺', '市中区', '嘉定北路 1 号', '张三', '13812341234', '在营'],
    [b, '峨眉山市骑安电池店', 'BATTERY_SHOP', '511181', '名山路 8 号', '李四', '0833-2123456', '停业/停产'],
    ['', '无名改装作坊', '黑作坊/窝点', '五通桥', '竹根镇某巷', '', '', ''],
  ];

  it('validates every row without writing, then commits all rows with audit rows; a second import changes nothing', async () => {
    const before = await businessCount();
    const j = await dryRun('商户.csv', csv(rows));
    expect(j).toMatchObject({ status: 'VALIDATED', fileFormat: 'CSV', encoding: 'UTF-8 (BOM)', headerRow: 1, totalRows: 3, validRows: 3, rejectedRows: 0, createdCount: 3, updatedCount: 0, unchangedCount: 0, progress: 1 });
    expect(j.report.nodes.map((n: any) => [n.rowNumber, n.action])).toEqual([[2, 'CREATE'], [3, 'CREATE'], [4, 'CREATE']]);
    expect(await businessCount()).toBe(before);

    const c = await commit(j.id);
    expect(c.job).toMatchObject({ status: 'COMMITTED', createdCount: 3, updatedCount: 0, unchangedCount: 0, validRowsOnly: false });
    const saved = await ds.query(`SELECT uscc, name, types::text[] AS types, stages::text[] AS stages, district_code, address, legal_representative, contact_phone, status::text AS status, version FROM business WHERE name IN ('乐山市嘉州电动车行', '峨眉山市骑安电池店', '无名改装作坊') ORDER BY uscc NULLS FIRST`);
    expect(saved).toEqual([
      { uscc: null, name: '无名改装作坊', types: ['ILLEGAL_WORKSHOP'], stages: ['MODIFICATION', 'RECYCLING'], district_code: '511112', address: '竹根镇某巷', legal_representative: null, contact_phone: null, status: 'ACTIVE', version: 1 },
      { uscc: a, name: '乐山市嘉州电动车行', types: ['RETAIL_STORE', 'REPAIR_SHOP'], stages: ['SALES', 'MODIFICATION'], district_code: '511102', address: '嘉定北路 1 号', legal_representative: '张三', contact_phone: '13812341234', status: 'ACTIVE', version: 1 },
      { uscc: b, name: '峨眉山市骑安电池店', types: ['BATTERY_SHOP'], stages: ['SALES', 'MODIFICATION'], district_code: '511181', address: '名山路 8 号', legal_representative: '李四', contact_phone: '0833-2123456', status: 'SUSPENDED', version: 1 },
    ]);
    const audits = await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE operation = 'commitImport' AND entity_type = 'Business'`);
    expect(audits[0].n).toBe(3);

    const again = await dryRun('商户.csv', csv(rows));
    expect(again).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 3, rejectedRows: 0 });
    const c2 = await commit(again.id);
    expect(c2.job).toMatchObject({ status: 'COMMITTED', createdCount: 0, updatedCount: 0, unchangedCount: 3 });
    expect((await ds.query(`SELECT max(version)::int AS v FROM business WHERE name = '乐山市嘉州电动车行'`))[0].v).toBe(1);
  });

  it('an updated file updates what changed: version bumped, audit row with the change', async () => {
    const changed = rows.map((r) => [...r]);
    changed[1][6] = '13900001111';
    changed[3][4] = '竹根镇某巷'; // the workshop is matched by name + address + district
    changed[3][5] = '王五';
    const j = await dryRun('商户-更新.csv', csv(changed));
    expect(j).toMatchObject({ createdCount: 0, updatedCount: 2, unchangedCount: 1, rejectedRows: 0 });
    const c = await commit(j.id);
    expect(c.job).toMatchObject({ status: 'COMMITTED', createdCount: 0, updatedCount: 2, unchangedCount: 1 });
    const [row] = await ds.query(`SELECT id, contact_phone, version FROM business WHERE uscc = $1`, [a]);
    expect(row).toMatchObject({ contact_phone: '13900001111', version: 2 });
    const [audit] = await ds.query(`SELECT changes FROM audit_event WHERE entity_id = $1 AND operation = 'commitImport' ORDER BY occurred_at DESC LIMIT 1`, [row.id]);
    expect(audit.changes).toEqual({ contactPhone: { before: '13812341234', after: '13900001111' } });
    const [ws] = await ds.query(`SELECT legal_representative, version FROM business WHERE name = '无名改装作坊'`);
    expect(ws).toEqual({ legal_representative: '王五', version: 2 });
  });

  it('reads English headers, codes, and GB18030 text (what Chinese Excel saves as CSV)', async () => {
    const text = ['USCC,name,types,district,address,phone', `${uscc(1101)},夹江县顺达车行,"RETAIL_STORE,REPAIR_SHOP",夹江县,漹城镇 2 号,13512345678`].join('\r\n');
    const j = await dryRun('gbk.csv', iconv.encode(text, 'gb18030'));
    expect(j).toMatchObject({ status: 'VALIDATED', encoding: 'GB18030', createdCount: 1, rejectedRows: 0 });
    const c = await commit(j.id);
    expect(c.job.status).toBe('COMMITTED');
    expect((await ds.query(`SELECT name, district_code, types::text[] AS types FROM business WHERE uscc = $1`, [uscc(1101)]))[0]).toEqual({ name: '夹江县顺达车行', district_code: '511126', types: ['RETAIL_STORE', 'REPAIR_SHOP'] });
  });

  it('XLSX: header below title lines, formulas give their stored result or a row problem, =+-@ text stays text', async () => {
    const wbk = new ExcelJS.Workbook();
    const ws = wbk.addWorksheet('名单');
    ws.addRow(['乐山市电动自行车经营主体名单']);
    ws.addRow(['填报单位：市场监管局']);
    ws.addRow(ZH);
    ws.addRow([uscc(1201), '=HYPERLINK("http://evil")', '销售门店/经营网点', '沙湾区', '@SUM(A1)', '', '', '']);
    const r5 = ws.addRow([uscc(1202), '公式店', '维修店铺', '沙湾区', '', '', '', '']);
    r5.getCell(2).value = { formula: 'CONCAT("公式","店")', result: '公式店' } as ExcelJS.CellFormulaValue;
    const r6 = ws.addRow([uscc(1203), '无结果', '维修店铺', '沙湾区', '', '', '', '']);
    r6.getCell(2).value = { formula: 'A1&B1' } as ExcelJS.CellFormulaValue;
    const j = await dryRun('名单.xlsx', Buffer.from(await wbk.xlsx.writeBuffer()));
    expect(j).toMatchObject({ status: 'VALIDATED', fileFormat: 'XLSX', headerRow: 3, totalRows: 3, validRows: 2, rejectedRows: 1 });
    const bad = j.report.nodes.find((n: any) => n.rowNumber === 6);
    expect(bad.problems).toEqual([expect.objectContaining({ column: '名称', field: 'name', code: 'FORMULA' })]);
    const c = await commit(j.id, true);
    expect(c.job).toMatchObject({ status: 'COMMITTED', createdCount: 2, rejectedRows: 1 });
    expect((await ds.query(`SELECT name, address FROM business WHERE uscc = $1`, [uscc(1201)]))[0]).toEqual({ name: '=HYPERLINK("http://evil")', address: '@SUM(A1)' });
    expect((await ds.query(`SELECT name FROM business WHERE uscc = $1`, [uscc(1202)]))[0].name).toBe('公式店');
    expect(await ds.query(`SELECT 1 FROM business WHERE uscc = $1`, [uscc(1203)])).toEqual([]);
  });
});

describe('row problems: the API rules, per row, column, code and message', () => {
  it('reports every problem; all-or-nothing refuses the commit, validRowsOnly writes the rest', async () => {
    const good = uscc(2001);
    const rows = [
      ZH,
      [good, '好店', '销售门店/经营网点', '市中区', '', '', '', ''],
      ['91350211M00013FA1N', '校验码错', '销售门店/经营网点', '市中区', '', '', '', ''],
      [uscc(2002), '区县错', '销售门店/经营网点', '乐山新区', '', '', '', ''],
      [good, '重复', '销售门店/经营网点', '市中区', '', '', '', ''],
      [uscc(2003), '电话错', '维修店铺', '市中区', '', '', '12345', ''],
      [uscc(2004), '', '维修店铺', '市中区', '', '', '', ''],
      [uscc(2005), '类型错', '卖车的', '市中区', '', '', '', ''],
      ['9151110SABCDEFGHI', '格式错', '维修店铺', '市中区', '', '', '', ''],
    ];
    const before = await businessCount();
    const j = await dryRun('problems.csv', csv(rows));
    expect(j).toMatchObject({ status: 'VALIDATED', totalRows: 8, validRows: 1, rejectedRows: 7, createdCount: 1 });
    const problems = Object.fromEntries(j.report.nodes.map((n: any) => [n.rowNumber, n.problems.map((p: any) => [p.column, p.code])]));
    expect(problems).toEqual({
      2: [],
      3: [['统一社会信用代码', 'CHECK_DIGIT']],
      4: [['区县', 'INVALID_REFERENCE']],
      5: [['统一社会信用代码', 'DUPLICATE']],
      6: [['联系电话', 'VALIDATION']],
      7: [['名称', 'REQUIRED']],
      8: [['主体类型', 'INVALID_REFERENCE']],
      9: [['统一社会信用代码', 'VALIDATION']],
    });
    const dup = j.report.nodes.find((n: any) => n.rowNumber === 5).problems[0];
    expect(dup.message).toBe('统一社会信用代码与第 2 行重复');
    expect(dup.messageEn).toBe('The USCC repeats line 2');
    const onlyProblems = await job(j.id, coord, true);
    expect(onlyProblems.report.nodes.map((n: any) => n.rowNumber)).toEqual([3, 4, 5, 6, 7, 8, 9]);

    const refused = await commit(j.id);
    expect(refused.userErrors[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'validRowsOnly'] });
    expect(await businessCount()).toBe(before);

    const c = await commit(j.id, true);
    expect(c.job).toMatchObject({ status: 'COMMITTED', createdCount: 1, rejectedRows: 7 });
    expect(await businessCount()).toBe(before + 1);
    const again = await t.gql(COMMIT, { input: { id: j.id } }, coord);
    expect(again.body.data!.commitImport.userErrors[0].code).toBe('INVALID_TRANSITION');
  });

  it("an agency officer's rows outside its districts or stages are OUT_OF_SCOPE, and it sees only its own jobs", async () => {
    const rows = [ZH, [uscc(2101), '本区门店', '销售门店/经营网点', '市中区', '', '', '', ''], [uscc(2102, '511181'), '外区门店', '销售门店/经营网点', '峨眉山市', '', '', '', ''], [uscc(2103), '回收站', '再生资源回收企业/回收网点', '市中区', '', '', '', '']];
    const j = await dryRun('scope.csv', csv(rows), officer);
    expect(j.report.nodes.map((n: any) => [n.rowNumber, n.action, n.problems.map((p: any) => p.code)])).toEqual([
      [2, 'CREATE', []],
      [3, 'REJECTED', ['OUT_OF_SCOPE']],
      [4, 'REJECTED', ['OUT_OF_SCOPE']],
    ]);
    const other = (await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'] })).token;
    expect((await t.gql(JOB, { id: j.id }, other)).body.data!.import).toBeNull();
    expect((await t.gql(JOB, { id: j.id }, coord)).body.data!.import.id).toBe(j.id);
  });
});

describe('a workshop with and without a USCC in one file (one business, two rows)', () => {
  it('the later row that lands on the same business is rejected as a duplicate of the earlier row; the rest commits', async () => {
    // A workshop registered without a USCC; the file gives it a USCC on one row and repeats it without on a later one.
    await ds.query(`INSERT INTO business (name, types, stages, district_code, address) VALUES ('双行作坊', '{ILLEGAL_WORKSHOP}', '{MODIFICATION,RECYCLING}', '511102', '双行街 1 号')`);
    const u = uscc(5001);
    const rows = [
      ZH,
      [u, '双行作坊', '黑作坊/窝点', '市中区', '双行街 1 号', '赵六', '', ''],
      ['', '双 行作坊', '黑作坊/窝点', '市中区', '双行街1号', '钱七', '', ''],
      // The same without a business in the database: a USCC row creates it, a later row without one repeats it.
      [uscc(5002), '新双行作坊', '黑作坊/窝点', '沙湾区', '新街 2 号', '', '', ''],
      ['', '新双行作坊', '黑作坊/窝点', '沙湾区', '新街 2 号', '', '', ''],
      // Two USCCs unknown to the database, both matching one workshop by name + address + district.
      [uscc(5003), '三码作坊', '黑作坊/窝点', '市中区', '三码街 3 号', '', '', ''],
      [uscc(5004), '三码作坊', '黑作坊/窝点', '市中区', '三码街 3 号', '', '', ''],
    ];
    await ds.query(`INSERT INTO business (name, types, stages, district_code, address) VALUES ('三码作坊', '{ILLEGAL_WORKSHOP}', '{MODIFICATION,RECYCLING}', '511102', '三码街 3 号')`);
    const j = await dryRun('双行.csv', csv(rows));
    expect(j.report.nodes.map((n: any) => [n.rowNumber, n.action, n.problems.map((p: any) => [p.column, p.code])])).toEqual([
      [2, 'UPDATE', []],
      [3, 'REJECTED', [['名称', 'DUPLICATE']]],
      [4, 'CREATE', []],
      [5, 'REJECTED', [['名称', 'DUPLICATE']]],
      [6, 'UPDATE', []],
      [7, 'REJECTED', [['名称', 'DUPLICATE']]],
    ]);
    const msg = (row: number) => j.report.nodes.find((n: any) => n.rowNumber === row).problems[0];
    expect(msg(3)).toMatchObject({ message: '与第 2 行是同一主体(名称、地址、区县相同)；同一主体在文件中只能出现一次', messageEn: 'The same business as line 2 (same name, address and district); a business may appear once in a file' });
    expect(msg(7).message).toBe('与第 6 行是同一主体(名称、地址、区县相同)；同一主体在文件中只能出现一次');
    const c = await commit(j.id, true);
    expect(c.job).toMatchObject({ status: 'COMMITTED', createdCount: 1, updatedCount: 2, rejectedRows: 3 });
    expect(await ds.query(`SELECT uscc, legal_representative, version FROM business WHERE name = '双行作坊'`)).toEqual([{ uscc: u, legal_representative: '赵六', version: 2 }]);
    expect((await ds.query(`SELECT count(*)::int AS n FROM business WHERE name = '新双行作坊'`))[0].n).toBe(1);
    expect(await ds.query(`SELECT uscc, version FROM business WHERE name = '三码作坊'`)).toEqual([{ uscc: uscc(5003), version: 2 }]);
  });
});

describe('files that are not what they say: a clear error, nothing written', () => {
  async function refused(name: string, body: Buffer) {
    const before = await businessCount();
    const j = await dryRun(name, body);
    expect(j.status).toBe('REFUSED');
    expect(await businessCount()).toBe(before);
    expect(j.report.nodes).toEqual([]);
    return j.error;
  }

  it('a renamed PDF', async () => {
    expect(await refused('list.xlsx', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'))).toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('PDF') });
  });
  it('a zip bomb (declared sizes lie; the inflated bytes are counted)', async () => {
    expect(await refused('bomb.xlsx', zipBomb(9 * 1024 * 1024))).toMatchObject({ code: 'ZIP_BOMB' });
  });
  it('a ZIP that is not a workbook', async () => {
    const e = await refused('x.xlsx', zipBomb(10));
    expect(e.code).toBe('UNSUPPORTED_FORMAT');
  });
  it('a CSV with a broken quote', async () => {
    const e = await refused('q.csv', Buffer.from(`名称,主体类型,区县\n"乐山车行,维修店铺,市中区\n`));
    expect(e).toMatchObject({ code: 'CSV_SYNTAX', message: 'CSV 第 2 行开始的引号没有闭合' });
    expect((await refused('q2.csv', Buffer.from(`名称,主体类型,区县\n"乐山"车行,维修店铺,市中区\n`))).code).toBe('CSV_SYNTAX');
  });
  it('an empty sheet, and a header without rows', async () => {
    expect((await refused('e.xlsx', await xlsx([]))).code).toBe('EMPTY');
    expect((await refused('h.csv', csv([ZH]))).code).toBe('EMPTY');
  });
  it('duplicate headers', async () => {
    expect(await refused('d.csv', csv([['名称', '主体类型', '区县', 'name'], ['a', '维修店铺', '市中区', 'b']]))).toMatchObject({ code: 'DUPLICATE_HEADER', message: '表头重复：“名称”和“name”都表示“名称”' });
  });
  it('no header near the top, a data row above the header, a missing required column', async () => {
    expect((await refused('n.csv', csv([['a', 'b', 'c'], ['1', '2', '3']]))).code).toBe('NO_HEADER');
    expect((await refused('n2.csv', csv([['x', 'y'], ZH, ['', '店', '维修店铺', '市中区']]))).code).toBe('NO_HEADER');
    expect(await refused('m.csv', csv([['名称', '地址'], ['店', '路']]))).toMatchObject({ code: 'MISSING_COLUMN', message: '缺少必填列：主体类型、区县' });
  });
  it('more rows than IMPORT_MAX_ROWS', async () => {
    const rows = [ZH, ...Array.from({ length: 201 }, (_, i) => ['', `店${i}`, '维修店铺', '市中区', `路${i}`, '', '', ''])];
    expect((await refused('many.csv', csv(rows))).code).toBe('TOO_MANY_ROWS');
  });
  it('binary that is not a spreadsheet, and an old .xls', async () => {
    expect((await refused('a.csv', Buffer.from([1, 2, 0, 0, 5]))).code).toBe('UNSUPPORTED_FORMAT');
    expect((await refused('a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).code).toBe('UNSUPPORTED_FORMAT');
  });
});

describe('template, round trip, concurrency, restart', () => {
  it('the template lists columns, a sample row and the allowed values, and imports as it is', async () => {
    const res = await request(t.app).get('/imports/templates/businesses.xlsx').set('Authorization', `Bearer ${coord}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const main = wb.getWorksheet('主体')!;
    expect((main.getRow(1).values as string[]).slice(1, 9)).toEqual(ZH);
    const allowed = wb.getWorksheet('允许值')!;
    expect(allowed.getCell('A2').value).toBe('市中区');
    expect(allowed.getCell('B2').value).toBe('511102');
    expect(allowed.getColumn('E').values).toContain('ILLEGAL_WORKSHOP');
    expect((main.getCell('D2') as any).dataValidation).toMatchObject({ type: 'list' });
    const j = await dryRun('template.xlsx', res.body);
    expect(j).toMatchObject({ status: 'VALIDATED', rejectedRows: 1 }); // the sample USCC is a placeholder: its check digit fails
    expect(j.report.nodes[0].problems.map((p: any) => p.code)).toEqual(['CHECK_DIGIT']);
  });

  it('export → import into an empty database → export gives the same rows', async () => {
    const exportCsv = async (app: TestApp, token: string) => (await request(app.app).get('/exports/businesses.csv').set('Authorization', `Bearer ${token}`)).text;
    const first = await exportCsv(t, coord);
    expect(first.split('\r\n')[0]).toBe('\uFEFF' + ['统一社会信用代码', '名称', '主体类型', '区县', '地址', '法定代表人/经营者', '联系电话', '主体状态', '工商注册号', '纬度', '经度', '校验码例外说明'].join(','));
    const rowsOut = first.split('\r\n').filter(Boolean).length - 1;
    expect(rowsOut).toBeGreaterThan(5);

    const ds2 = await workerDataSource({ suffix: '_imp2' });
    const t2 = await startTestApp({ ds: ds2 });
    try {
      const coord2 = (await makeUser(ds2, Role.COORDINATOR)).token;
      const up = await upload(t2.app, coord2, 'export.csv', Buffer.from(first));
      let j: any;
      for (let i = 0; i < 200; i++) {
        j = (await t2.gql(JOB, { id: up.body.data.startImport.import.id }, coord2)).body.data!.import;
        if (j.status === 'VALIDATED') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(j).toMatchObject({ status: 'VALIDATED', rejectedRows: 0, createdCount: rowsOut });
      await t2.gql(COMMIT, { input: { id: j.id } }, coord2);
      for (let i = 0; i < 200; i++) {
        j = (await t2.gql(JOB, { id: j.id }, coord2)).body.data!.import;
        if (j.status === 'COMMITTED') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(j.status).toBe('COMMITTED');
      expect(await exportCsv(t2, coord2)).toBe(first);
    } finally {
      await t2.close();
      await ds2.destroy();
    }
  });

  it('concurrent commits of overlapping files create no duplicates', async () => {
    const mk = (from: number, to: number) => csv([ZH, ...Array.from({ length: to - from }, (_, i) => [uscc(3000 + from + i), `并发店${from + i}`, '维修店铺', '市中区', '', '', '', '']), ['', '并发作坊', '黑作坊/窝点', '沙湾区', '某村', '', '', '']]);
    const [j1, j2] = await Promise.all([dryRun('c1.csv', mk(0, 60)), dryRun('c2.csv', mk(30, 90))]);
    expect(j1.createdCount).toBe(61);
    expect(j2.createdCount).toBe(61);
    const [c1, c2] = await Promise.all([commit(j1.id), commit(j2.id)]);
    expect([c1.job.status, c2.job.status]).toEqual(['COMMITTED', 'COMMITTED']);
    expect(c1.job.createdCount + c2.job.createdCount).toBe(91);
    const dups = await ds.query(`SELECT name, count(*)::int AS n FROM business WHERE name LIKE '并发%' GROUP BY name HAVING count(*) > 1`);
    expect(dups).toEqual([]);
    expect((await ds.query(`SELECT count(*)::int AS n FROM business WHERE name LIKE '并发%'`))[0].n).toBe(91);
  });

  it('rows the database no longer accepts at commit time send the job back to VALIDATED, nothing written', async () => {
    const rows = [ZH, [uscc(4001), '变化前店', '维修店铺', '市中区', '', '', '', ''], ['', '变化作坊', '黑作坊/窝点', '市中区', '某街 9 号', '', '', '']];
    const j = await dryRun('changed.csv', csv(rows));
    expect(j).toMatchObject({ status: 'VALIDATED', createdCount: 2 });
    // Meanwhile two workshops with the same name, address and district are registered: the row is now ambiguous.
    for (let i = 0; i < 2; i++) {
      await ds.query(`INSERT INTO business (name, types, stages, district_code, address) VALUES ('变化作坊', '{ILLEGAL_WORKSHOP}', '{MODIFICATION,RECYCLING}', '511102', '某街 9 号')`);
    }
    const before = await businessCount();
    const c = await commit(j.id);
    expect(c.job).toMatchObject({ status: 'VALIDATED', rejectedRows: 1, validRows: 1, error: { code: 'CHANGED_SINCE_DRY_RUN' } });
    expect(c.job.report.nodes[1]).toMatchObject({ rowNumber: 3, action: 'REJECTED', problems: [expect.objectContaining({ code: 'DUPLICATE', column: '名称' })] });
    expect(await businessCount()).toBe(before);
    const c2 = await commit(j.id, true);
    expect(c2.job).toMatchObject({ status: 'COMMITTED', createdCount: 1, rejectedRows: 1 });
  });

  it('a job left running by a process that died reads as FAILED (INTERRUPTED) after a restart', async () => {
    const [{ id }] = await ds.query(
      `INSERT INTO import_job (kind, status, file_name, file_size, file_sha256, created_by_name, created_by_id, instance_id, heartbeat_at)
       VALUES ('BUSINESSES', 'COMMITTING', 'x.csv', 1, 'x', 'c', (SELECT id::text FROM app_user WHERE role = 'COORDINATOR' LIMIT 1), gen_random_uuid(), now() - interval '5 minutes') RETURNING id`,
    );
    const t3 = await startTestApp({ ds });
    try {
      const [row] = await ds.query(`SELECT status::text, error_code FROM import_job WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'FAILED', error_code: 'INTERRUPTED' });
    } finally {
      await t3.handle.stop();
    }
  });
});
