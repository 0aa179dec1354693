import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { addDays, shanghaiDate } from '../src/common/time';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';
import { COMMIT, csv, importDriver, uscc } from './import-support';
import { binary } from './support/http';

/**
 * Inspections with their hazards (检查记录): one row per hazard, rows with the same business + date +
 * team form one inspection; written through the API's createInspection / createRemediationItem /
 * SERVE_NOTICE / updateRemediationItem, so codes, events and audit rows are the API's.
 */

const HEAD = ['被检查主体', '检查日期', '工作组', '检查方式', '检查部门', '检查人员', '检查结论', '隐患类型', '隐患等级', '隐患描述', '整改期限', '责任人', '责任人电话'];

let t: TestApp;
let ds: DataSource;
let coord: string;
let officer: string;
const SHOP = uscc(8001);
const FAR = uscc(8002, '511181');
const today = shanghaiDate(new Date());
const D1 = addDays(today, -20);
const D2 = addDays(today, -10);
let shopId: string;

beforeAll(async () => {
  ds = await workerDataSource({ suffix: '_impi' });
  t = await startTestApp({ ds, env: { IMPORT_MAX_ROWS: '200' } });
  coord = (await makeUser(ds, Role.COORDINATOR)).token;
  officer = (await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' })).token;
  [{ id: shopId }] = await ds.query(
    `INSERT INTO business (uscc, name, types, stages, district_code, address, status) VALUES ($1, '乐山市检查示例车行', '{RETAIL_STORE}', '{SALES}', '511102', '嘉定北路 9 号', 'ACTIVE') RETURNING id`,
    [SHOP],
  );
  await ds.query(`INSERT INTO business (uscc, name, types, stages, district_code, status) VALUES ($1, '峨眉山市外区车行', '{RETAIL_STORE}', '{SALES}', '511181', 'ACTIVE')`, [FAR]);
});
afterAll(async () => {
  await t.close();
  await ds.destroy();
});

const { job, dryRun, commit } = importDriver(() => t, 'INSPECTIONS', () => coord);
const problemsByRow = (j: any) => Object.fromEntries(j.report.nodes.map((n: any) => [n.rowNumber, [n.action, n.problems.map((p: any) => [p.column, p.code])]]));

const INSPECTIONS = `query($b: ID!) { inspections(filter: { businessId: { eq: $b } }, orderBy: { field: STARTED_AT, direction: ASC }, first: 50) { nodes {
  code method inspectors conclusion startedAt stage departments { code }
  remediationItems { code status level deadline noticeType description responsiblePerson version hazardType { code } events { action } } } } }`;
async function inspections() {
  const r = await t.gql(INSPECTIONS, { b: shopId }, coord);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.inspections.nodes.map((n: any) => ({ ...n, remediationItems: [...n.remediationItems].sort((a: any, b: any) => a.hazardType.code.localeCompare(b.hazardType.code)) }));
}

const VALID = [
  [SHOP, D1, '销售流通组', '日常检查', 'MARKET', '张三、李四', '', '销售无CCC/证书无效产品', '一般', '店内销售无CCC整车 3 辆', addDays(D1, 14), '王老板', '13812341234'],
  // The same inspection (business by USCC, team by code): the per-inspection columns may stay blank.
  [SHOP, D1, 'SALES', '', '', '', '', 'SALES_THREE_NO', '重大', '三无充电器 5 个', '', '', ''],
  // A second inspection (business by name) that found nothing.
  ['乐山市检查示例车行', D2, 'SALES', '夜查', '', '王五', '未发现隐患', '', '', '', '', '', ''],
];

describe('inspections: dry run, rejections, commit, re-import', () => {
  it('reports every rejection by row and column; all-or-nothing is refused, validRowsOnly writes the valid rows', async () => {
    const rows = [
      HEAD,
      ...VALID,
      ['不存在的车行', D1, 'SALES', '', '', '张三', '', 'SALES_THREE_NO', '', '某描述', '', '', ''],
      [SHOP, D1, 'SALES', '', '', '', '', '卖假车', '', '某描述', '', '', ''],
      [SHOP, addDays(today, 3), 'SALES', '', '', '张三', '', '', '', '', '', '', ''],
      [SHOP, D1, 'SALES', '', '', '', '', 'SALES_THREE_NO', '', '另一处三无产品', addDays(D1, -1), '', ''],
      [SHOP, D1, 'SALES', '', '', '', '', 'SALES_NO_CCC', '', '店内销售无CCC整车 3 辆', '', '', ''],
    ];
    const j = await dryRun('检查记录.csv', csv(rows));
    expect(j).toMatchObject({ status: 'VALIDATED', totalRows: 8, validRows: 3, rejectedRows: 5, createdCount: 3, updatedCount: 0, unchangedCount: 0 });
    expect(problemsByRow(j)).toEqual({
      2: ['CREATE', []],
      3: ['CREATE', []],
      4: ['CREATE', []],
      5: ['REJECTED', [['被检查主体', 'INVALID_REFERENCE']]],
      6: ['REJECTED', [['隐患类型', 'INVALID_REFERENCE']]],
      7: ['REJECTED', [['检查日期', 'VALIDATION']]],
      8: ['REJECTED', [['整改期限', 'VALIDATION']]],
      9: ['REJECTED', [['隐患描述', 'DUPLICATE']]],
    });
    const msg = (row: number) => j.report.nodes.find((n: any) => n.rowNumber === row).problems[0].message;
    expect(msg(5)).toBe('没有信用代码或名称为“不存在的车行”的在册主体');
    expect(msg(7)).toBe(`检查日期 ${addDays(today, 3)} 晚于今天(${today})`);
    expect(msg(8)).toBe(`整改期限 ${addDays(D1, -1)} 早于检查日期 ${D1}`);
    expect(msg(9)).toBe('与第 2 行是同一次检查的同一隐患(隐患类型、描述相同)');
    expect(await inspections()).toEqual([]);

    const refused = await t.gql(COMMIT, { input: { id: j.id, validRowsOnly: false } }, coord);
    expect(refused.body.data!.commitImport.userErrors[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'validRowsOnly'] });
    expect(await inspections()).toEqual([]);

    const c = await commit(j.id, true);
    expect(c).toMatchObject({ status: 'COMMITTED', createdCount: 3, updatedCount: 0, unchangedCount: 0, rejectedRows: 5 });
    const found = await inspections();
    // Two inspections: rows 2–3 are one (two items), row 4 another without items.
    expect(found.map((i: any) => [i.method, i.inspectors, i.conclusion, i.stage, i.departments.map((d: any) => d.code), i.remediationItems.length])).toEqual([
      ['ROUTINE', ['张三', '李四'], null, 'SALES', ['MARKET'], 2],
      ['NIGHT_CHECK', ['王五'], '未发现隐患', 'SALES', [], 0],
    ]);
    expect(found[0].code).toMatch(new RegExp(`^JC-511102-${D1.replace(/-/g, '')}-\\d{4}$`));
    expect(found[0].startedAt).toBe(new Date(`${D1}T00:00:00+08:00`).toISOString());
    const [noCcc, threeNo] = found[0].remediationItems;
    expect(noCcc).toMatchObject({ hazardType: { code: 'SALES_NO_CCC' }, status: 'NOTIFIED', level: 'GENERAL', deadline: addDays(D1, 14), noticeType: 'LIMITED_TIME', responsiblePerson: '王老板', events: [{ action: 'CREATED' }, { action: 'SERVE_NOTICE' }] });
    expect(threeNo).toMatchObject({ hazardType: { code: 'SALES_THREE_NO' }, status: 'REGISTERED', level: 'MAJOR', deadline: null, noticeType: null, events: [{ action: 'CREATED' }] });
    expect(noCcc.code).toMatch(new RegExp(`^LS-511102-${D1.replace(/-/g, '')}-\\d{4}$`));
    const audit = await ds.query(`SELECT operation, count(*)::int AS n FROM audit_event WHERE outcome = 'SUCCESS' AND operation IN ('createInspection', 'createRemediationItem', 'transitionRemediationItem:SERVE_NOTICE') GROUP BY operation ORDER BY operation`);
    expect(audit).toEqual([
      { operation: 'createInspection', n: 2 },
      { operation: 'createRemediationItem', n: 2 },
      { operation: 'transitionRemediationItem:SERVE_NOTICE', n: 1 },
    ]);
    const rowTargets = (await job(j.id)).report.nodes.filter((n: any) => n.action === 'CREATE').map((n: any) => n.targetId);
    expect(rowTargets.every((id: string | null) => typeof id === 'string')).toBe(true);
  });

  it('the same file again changes nothing (created 0, updated 0, unchanged 3); no new inspection, item, event or audit row', async () => {
    const countAll = async () => (await ds.query(`SELECT (SELECT count(*) FROM inspection)::int AS i, (SELECT count(*) FROM remediation_item)::int AS r, (SELECT count(*) FROM remediation_event)::int AS e`))[0];
    const before = await countAll();
    const j = await dryRun('检查记录-再次.csv', csv([HEAD, ...VALID]));
    expect(j).toMatchObject({ status: 'VALIDATED', rejectedRows: 0, createdCount: 0, updatedCount: 0, unchangedCount: 3 });
    expect(await commit(j.id)).toMatchObject({ status: 'COMMITTED', createdCount: 0, updatedCount: 0, unchangedCount: 3 });
    expect(await countAll()).toEqual(before);
  });

  it('a hazard as the import left it may be corrected (responsible person, level) through updateRemediationItem; a moved one, or a new deadline, is rejected', async () => {
    const changed = VALID.map((r) => [...r]);
    changed[1][11] = '赵六'; // row 3: responsible person of the REGISTERED item
    const j = await dryRun('检查记录-更正.csv', csv([HEAD, ...changed]));
    expect(j).toMatchObject({ rejectedRows: 0, createdCount: 0, updatedCount: 1, unchangedCount: 2 });
    expect(await commit(j.id)).toMatchObject({ status: 'COMMITTED', updatedCount: 1 });
    const threeNo = (await inspections())[0].remediationItems[1];
    expect(threeNo).toMatchObject({ responsiblePerson: '赵六', version: 2, status: 'REGISTERED', events: [{ action: 'CREATED' }, { action: 'UPDATED' }] });

    // The notified item moves on in the workflow; the file then no longer changes it.
    await ds.query(`UPDATE remediation_item SET status = 'RECTIFYING' WHERE hazard_type_code = 'SALES_NO_CCC' AND business_id = $1`, [shopId]);
    const later = changed.map((r) => [...r]);
    later[0][12] = '13900001111';
    later[1][10] = addDays(D1, 30);
    const k = await dryRun('检查记录-再更正.csv', csv([HEAD, ...later]));
    expect(problemsByRow(k)).toEqual({ 2: ['REJECTED', [[null, 'VALIDATION']]], 3: ['REJECTED', [['整改期限', 'VALIDATION']]], 4: ['UNCHANGED', []] });
    const msg = (row: number) => k.report.nodes.find((n: any) => n.rowNumber === row).problems[0].message;
    expect(msg(2)).toMatch(/^隐患 LS-511102-\d{8}-\d{4} 已进入 RECTIFYING 状态，导入不再修改；请在系统中办理$/);
    expect(msg(3)).toMatch(/整改期限为 \(未下达整改通知\)；已录入隐患的期限只能通过整改通知、延期申请或复查办理$/);
  });

  it('a new hazard for an inspection recorded earlier joins it through createRemediationItem', async () => {
    const j = await dryRun('检查记录-补录.csv', csv([HEAD, [SHOP, D2, 'SALES', '夜查', '', '王五', '未发现隐患', 'SALES_REFURBISHED', '', '旧车翻新 2 辆', '', '', '']]));
    expect(j).toMatchObject({ rejectedRows: 0, createdCount: 1 });
    await commit(j.id);
    const second = (await inspections())[1];
    expect(second.remediationItems.map((i: any) => [i.hazardType.code, i.status])).toEqual([['SALES_REFURBISHED', 'REGISTERED']]);
    // The recorded inspection's own values are not changed by a file.
    const k = await dryRun('检查记录-改人员.csv', csv([HEAD, [SHOP, D2, 'SALES', '夜查', '', '王五、赵六', '未发现隐患', '', '', '', '', '', '']]));
    expect(problemsByRow(k)).toEqual({ 2: ['REJECTED', [[null, 'VALIDATION']]] });
    expect(k.report.nodes[0].problems[0].message).toMatch(/^该次检查已录入\(JC-511102-\d{8}-\d{4}\)，检查人员与文件不同；已录入的检查不能通过导入修改$/);
  });
});

describe('inspections: rows on their own, and the API as the last word', () => {
  it('a later row of a recorded inspection, alone in a file with its per-inspection cells blank, matches it unchanged', async () => {
    const j = await dryRun('检查记录-单行.csv', csv([HEAD, [SHOP, D1, 'SALES', '', '', '', '', 'SALES_THREE_NO', '', '三无充电器 5 个', '', '', '']]));
    expect(problemsByRow(j)).toEqual({ 2: ['UNCHANGED', []] });
  });

  it('a change the API refuses at commit (an officer lowering a listed hazard) sends the job back with the API message, nothing written', async () => {
    await ds.query(`UPDATE remediation_item SET listed = true WHERE hazard_type_code = 'SALES_THREE_NO' AND business_id = $1`, [shopId]);
    try {
      const before = (await inspections())[0].remediationItems[1];
      expect(before).toMatchObject({ level: 'MAJOR', status: 'REGISTERED' });
      const j = await dryRun('检查记录-降级.csv', csv([HEAD, [SHOP, D1, 'SALES', '', '', '', '', 'SALES_THREE_NO', '一般', '三无充电器 5 个', '', '', '']]), officer);
      expect(problemsByRow(j)).toEqual({ 2: ['UPDATE', []] });
      const c = await commit(j.id, false, officer);
      expect(c).toMatchObject({ status: 'VALIDATED', rejectedRows: 1, validRows: 0, error: { code: 'CHANGED_SINCE_DRY_RUN' } });
      expect(c.report.nodes[0]).toMatchObject({
        rowNumber: 2,
        action: 'REJECTED',
        problems: [{ column: null, field: 'input.level', code: 'VALIDATION', message: '挂牌督办的隐患降级须由专班办公室（协调员）依挂牌单位意见办理，并撤销挂牌' }],
      });
      expect((await inspections())[0].remediationItems[1]).toEqual(before);
    } finally {
      await ds.query(`UPDATE remediation_item SET listed = false WHERE hazard_type_code = 'SALES_THREE_NO' AND business_id = $1`, [shopId]);
    }
  });
});

describe('inspections: scope and template', () => {
  it("an agency officer's rows outside its districts are OUT_OF_SCOPE", async () => {
    const rows = [HEAD, [FAR, D1, 'SALES', '', '', '张三', '', 'SALES_THREE_NO', '', '外区三无产品', '', '', ''], [SHOP, D2, 'SALES', '', '', '张三', '', '', '', '', '', '', '']];
    const j = await dryRun('范围.csv', csv(rows), officer);
    expect(problemsByRow(j)).toEqual({ 2: ['REJECTED', [[null, 'OUT_OF_SCOPE']]], 3: ['REJECTED', [[null, 'VALIDATION']]] });
    // (row 3 is the recorded D2 inspection with other inspectors: an import does not change it)
  });

  it('/imports/templates/inspections.xlsx lists the columns, a sample row and the allowed values', async () => {
    const res = await request(t.app).get('/imports/templates/inspections.xlsx').set('Authorization', `Bearer ${coord}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect((wb.getWorksheet('检查记录')!.getRow(1).values as unknown[]).slice(1)).toEqual(HEAD);
    const allowed = wb.getWorksheet('允许值')!;
    expect((allowed.getColumn('E').values as unknown[]).slice(2)).toEqual(['PRODUCTION', 'SALES', 'MODIFICATION', 'PARKING_CHARGING', 'RECYCLING', 'USE_TRAFFIC']);
    expect(allowed.getColumn('N').values).toContain('PARK_FLY_LINE');
    expect((allowed.getColumn('Q').values as unknown[]).slice(2)).toEqual(['一般事故隐患', '较大事故隐患', '重大事故隐患']);
  });
});
