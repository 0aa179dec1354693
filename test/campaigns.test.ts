import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { workerDataSource } from './support/db';
import { binary } from './support/http';

/**
 * Issue 19: a campaign (专项行动) with a target population, two joint operations (联合检查) with
 * inspections and items, some items closed, a case filed and exposed, warnings, team tasks — and
 * the campaign's results, the dispatch (调度) and the bulletin's deployment against figures worked
 * out by hand below. Task overdue at the Asia/Shanghai day edge; scope refusals write nothing.
 */

let t: TestApp;
let ds: DataSource;
/** Friday 20 March 2026, noon in Shanghai, unless a step moves it. */
const NOON_20 = new Date('2026-03-20T04:00:00Z');
let clock = NOON_20;
let coord: TestUser;
let coord2: TestUser;
let officer: TestUser;
let outsider: TestUser;
let viewer: TestUser;
let reporter: TestUser;

const E = 'userErrors { field code message messageEn }';

async function ok(query: string, vars: Record<string, unknown>, token: string, field: string) {
  const r = await t.gql(query, vars, token);
  expect({ field, errors: r.body.errors }).toEqual({ field, errors: undefined });
  const p = r.body.data![field];
  if (p && typeof p === 'object' && 'userErrors' in p) expect({ field, userErrors: p.userErrors }).toEqual({ field, userErrors: [] });
  return p;
}
async function refusedCode(query: string, vars: Record<string, unknown>, token: string) {
  const r = await t.gql(query, vars, token);
  expect(r.body.data ?? null).toBeNull();
  return r.body.errors![0].extensions!.code as string;
}
async function rowCounts() {
  const [r] = await ds.query(
    `SELECT (SELECT count(*) FROM campaign)::int AS campaigns, (SELECT count(*) FROM joint_operation)::int AS operations,
            (SELECT count(*) FROM task)::int AS tasks, (SELECT count(*) FROM task_note)::int AS notes, (SELECT count(*) FROM warning)::int AS warnings,
            (SELECT coalesce(sum(version), 0) FROM task)::int AS task_versions, (SELECT count(*) FROM enforcement_case WHERE exposed)::int AS exposed,
            (SELECT count(*) FROM audit_event WHERE outcome <> 'REFUSED')::int AS audit`,
  );
  return r;
}

const M = {
  business: `mutation($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } ${E} } }`,
  campaign: `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { campaign { id code name kind phase startsOn endsOn version leadTeam { code } leadDepartment { code } departments { code } goals { metric target dueOn districtCodes businessTypes } } ${E} } }`,
  operation: `mutation($i: RecordJointOperationInput!) { recordJointOperation(input: $i) { jointOperation { id code heldOn groupsDispatched officerCount officers districtCodes departments { code } campaign { id } } ${E} } }`,
  inspection: `mutation($i: CreateInspectionInput!) { createInspection(input: $i) { inspection { id campaign { id } jointOperation { id } remediationItems { id version } } ${E} } }`,
  transition: `mutation($i: TransitionInput!) { transitionRemediationItem(input: $i) { remediationItem { id version status } ${E} } }`,
  evidence: `mutation($i: AddEvidenceInput!) { addEvidence(input: $i) { remediationItem { id version } ${E} } }`,
  fileCase: `mutation($i: FileEnforcementCaseInput!) { fileEnforcementCase(input: $i) { enforcementCase { id version } ${E} } }`,
  expose: `mutation($i: ExposeEnforcementCaseInput!) { exposeEnforcementCase(input: $i) { enforcementCase { id version exposed exposedOn } ${E} } }`,
  warning: `mutation($i: IssueWarningInput!) { issueWarning(input: $i) { warning { id issuedOn kind districtCode content business { id } department { code } campaign { id } } ${E} } }`,
  task: `mutation($i: CreateTaskInput!) { createTask(input: $i) { task { id code version status state dueOn ownerId } ${E} } }`,
  updateTask: `mutation($i: UpdateTaskInput!) { updateTask(input: $i) { task { id version status state doneOn evidence overdue notes { notedOn note authorName } } ${E} } }`,
};

const biz: Record<string, string> = {};
let campaignId = '';
const ops: string[] = [];
const items: Record<string, { id: string; version: number }> = {};
const tasks: Record<string, { id: string; version: number }> = {};

async function business(name: string, types: string[], districtCode: string) {
  biz[name] = (await ok(M.business, { i: { name: `调度测试${name}`, types, districtCode } }, coord.token, 'createBusiness')).business.id;
}

async function inspect(target: string, startedAt: string, extra: Record<string, unknown>, hazards: string[] = []) {
  const p = await ok(
    M.inspection,
    {
      i: {
        method: 'NIGHT_CHECK', teamCode: 'SALES', departmentCodes: ['MARKET', 'FIRE'], inspectors: ['张三', '李四'], targetBusinessId: biz[target], stage: 'SALES', startedAt,
        remediationItems: hazards.map((h) => ({ hazardTypeCode: 'SALES_THREE_NO', description: `三无产品 ${h}` })),
        ...extra,
      },
    },
    coord.token,
    'createInspection',
  );
  hazards.forEach((h, i) => (items[h] = p.inspection.remediationItems[i]));
  return p.inspection;
}

async function move(name: string, action: string, token: string, extra: Record<string, unknown> = {}) {
  const p = await ok(M.transition, { i: { id: items[name].id, expectedVersion: items[name].version, action, ...extra } }, token, 'transitionRemediationItem');
  items[name] = p.remediationItem;
}
/** Rectified on the spot, after photo, closed by a second coordinator on the given Shanghai day. */
async function closeOn(name: string, day: string) {
  clock = new Date(`${day}T04:00:00Z`);
  await move(name, 'RECTIFY_ON_SITE', coord.token);
  const e = await ok(M.evidence, { i: { id: items[name].id, kind: 'PHOTO', phase: 'AFTER', location: `oss://evidence/${name}.jpg`, sha256: 'c'.repeat(64) } }, coord.token, 'addEvidence');
  items[name] = e.remediationItem;
  await move(name, 'CLOSE', coord2.token);
  clock = NOON_20;
}

beforeAll(async () => {
  // A database of its own: the target population counts every business of the district.
  ds = await workerDataSource({ suffix: '_campaigns' });
  t = await startTestApp({ ds, now: () => clock });
  coord = await makeUser(ds, Role.COORDINATOR);
  coord2 = await makeUser(ds, Role.COORDINATOR);
  officer = await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  outsider = await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  viewer = await makeUser(ds, Role.PARTNER_VIEWER);
  reporter = await makeUser(ds, Role.REPORTER);

  // Target population of the campaign: active retail stores (销售门店) in 市中区 — A, B, C, D.
  await business('A', ['RETAIL_STORE'], '511102');
  await business('B', ['RETAIL_STORE'], '511102');
  await business('C', ['RETAIL_STORE'], '511102');
  await business('D', ['RETAIL_STORE'], '511102');
  await business('E', ['SALES_REPAIR_STORE'], '511102'); // another type: inspected, not in the population
  await business('F', ['RETAIL_STORE'], '511111'); // another district: inspected, not in the population
});
afterAll(async () => {
  await t.close();
  await ds.destroy();
});

const CAMPAIGN_INPUT = {
  name: '电动自行车销售门店夜查', kind: 'NIGHT_CHECK', phase: 'CONCENTRATED', startsOn: '2026-03-01', endsOn: '2026-03-31',
  leadTeamCode: 'SALES', leadDepartmentCode: 'MARKET', departmentCodes: ['FIRE', 'COMMERCE'], stages: ['SALES'], businessTypes: ['RETAIL_STORE'], districtCodes: ['511102'],
  goals: [
    { metric: 'INSPECTION_COVERAGE', target: 1, dueOn: '2026-03-15', description: '3月15日前检查市中区全部销售门店' },
    { metric: 'RECTIFICATION_RATE', target: 0.5, dueOn: '2026-03-31', districtCodes: ['511102'] },
  ],
};

describe('the issue’s scenario', () => {
  it('a coordinator creates the campaign; a retry with the same key returns it and writes nothing', async () => {
    const before = await rowCounts();
    const p = await ok(M.campaign, { i: { ...CAMPAIGN_INPUT, idempotencyKey: 'campaign-night-0001' } }, coord.token, 'createCampaign');
    expect(p.campaign).toMatchObject({
      code: 'ZX-20260301-001', name: '电动自行车销售门店夜查', kind: 'NIGHT_CHECK', phase: 'CONCENTRATED', startsOn: '2026-03-01', endsOn: '2026-03-31', version: 1,
      leadTeam: { code: 'SALES' }, leadDepartment: { code: 'MARKET' }, departments: [{ code: 'FIRE' }, { code: 'COMMERCE' }],
      goals: [
        { metric: 'INSPECTION_COVERAGE', target: 1, dueOn: '2026-03-15', districtCodes: [], businessTypes: [] },
        { metric: 'RECTIFICATION_RATE', target: 0.5, dueOn: '2026-03-31', districtCodes: ['511102'], businessTypes: [] },
      ],
    });
    campaignId = p.campaign.id;
    const again = await ok(M.campaign, { i: { ...CAMPAIGN_INPUT, idempotencyKey: 'campaign-night-0001' } }, coord.token, 'createCampaign');
    expect(again.campaign.id).toBe(campaignId);
    const after = await rowCounts();
    expect(after.campaigns).toBe(before.campaigns + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it('two joint operations; an officer may not record one outside its districts, and nothing is written', async () => {
    const before = await rowCounts();
    const outside = { campaignId, teamCode: 'SALES', heldOn: '2026-03-12', districtCodes: ['511102', '511111'], departmentCodes: ['MARKET', 'COMMERCE'], groupsDispatched: 2, officerCount: 8 };
    expect(await refusedCode(M.operation, { i: outside }, officer.token)).toBe('FORBIDDEN');
    expect(await refusedCode(M.operation, { i: outside }, viewer.token)).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);

    const op1 = await ok(
      M.operation,
      { i: { campaignId, teamCode: 'SALES', heldOn: '2026-03-10', districtCodes: ['511102'], departmentCodes: ['MARKET', 'FIRE'], groupsDispatched: 3, officerCount: 12, officers: ['张三', '李四'] } },
      officer.token,
      'recordJointOperation',
    );
    expect(op1.jointOperation).toMatchObject({ code: 'LH-20260310-0001', heldOn: '2026-03-10', groupsDispatched: 3, officerCount: 12, officers: ['张三', '李四'], departments: [{ code: 'MARKET' }, { code: 'FIRE' }], campaign: { id: campaignId } });
    const op2 = await ok(M.operation, { i: outside }, coord.token, 'recordJointOperation');
    ops.push(op1.jointOperation.id, op2.jointOperation.id);
  });

  it('inspections link to the operation and the campaign; their items carry the campaign', async () => {
    // Operation 1, 10 March (evening in Shanghai): A with two hazards, B with one, E with one.
    const a = await inspect('A', '2026-03-10T12:00:00Z', { jointOperationId: ops[0] }, ['a1', 'a2']);
    expect(a).toMatchObject({ campaign: { id: campaignId }, jointOperation: { id: ops[0] } });
    await inspect('B', '2026-03-10T12:30:00Z', { jointOperationId: ops[0] }, ['b1']);
    await inspect('E', '2026-03-10T13:00:00Z', { jointOperationId: ops[0] }, ['e1']);
    // Operation 2, 12 March: C without hazards, F (沙湾区) with one.
    await inspect('C', '2026-03-12T11:00:00Z', { jointOperationId: ops[1] });
    await inspect('F', '2026-03-12T12:00:00Z', { jointOperationId: ops[1] }, ['f1']);
    // B again on 16 March in the campaign, not in an operation; D on 13 March outside the campaign.
    await inspect('B', '2026-03-16T02:00:00Z', { campaignId });
    await inspect('D', '2026-03-13T02:00:00Z', {});

    // An operation's day must be the inspection's Shanghai day: 10 March 16:30Z is already 11 March there.
    const r = await t.gql(M.inspection, { i: { method: 'NIGHT_CHECK', teamCode: 'SALES', inspectors: ['张三', '李四'], targetBusinessId: biz.C, stage: 'SALES', startedAt: '2026-03-10T16:30:00Z', jointOperationId: ops[0] } }, coord.token);
    expect(r.body.data!.createInspection.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([['input.jointOperationId', 'VALIDATION']]);

    const [row] = await ds.query(`SELECT count(*) FILTER (WHERE campaign_id = $1)::int AS linked, count(*)::int AS total FROM remediation_item`, [campaignId]);
    expect(row).toEqual({ linked: 5, total: 5 });
  });

  it('items are closed, one is written off, a case is filed and exposed, warnings issued', async () => {
    await closeOn('a1', '2026-03-11');
    await closeOn('b1', '2026-03-18');
    await move('e1', 'INVALIDATE', coord.token, { comment: '经核实不属于隐患' });
    const filed = await ok(
      M.fileCase,
      { i: { id: items.a2.id, expectedVersion: items.a2.version, caseNumber: '乐市监罚〔2026〕19号', filedOn: '2026-03-15', departmentCode: 'MARKET', penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], fineAmount: '5000', confiscatedAmount: '1200' } },
      officer.token,
      'fileEnforcementCase',
    );
    const c = filed.enforcementCase;
    // Exposure is the office's decision.
    expect(await refusedCode(M.expose, { i: { id: c.id, expectedVersion: c.version, exposedOn: '2026-03-18' } }, officer.token)).toBe('FORBIDDEN');
    const exposed = await ok(M.expose, { i: { id: c.id, expectedVersion: c.version, exposedOn: '2026-03-18' } }, coord.token, 'exposeEnforcementCase');
    expect(exposed.enforcementCase).toMatchObject({ exposed: true, exposedOn: '2026-03-18', version: c.version + 1 });

    const w1 = await ok(M.warning, { i: { issuedOn: '2026-03-17', kind: 'WARNING_LETTER', businessId: biz.D, content: '门店内存放大量电池，限期清理', departmentCode: 'FIRE', campaignId } }, officer.token, 'issueWarning');
    expect(w1.warning).toMatchObject({ districtCode: '511102', business: { id: biz.D }, department: { code: 'FIRE' }, campaign: { id: campaignId } });
    await ok(M.warning, { i: { issuedOn: '2026-03-19', kind: 'SUPERVISION_LETTER', districtCode: '511102', content: '市中区整改进度滞后', departmentCode: 'FIRE' } }, coord.token, 'issueWarning');
    // An officer warns only in its districts; nothing is written.
    const before = await rowCounts();
    expect(await refusedCode(M.warning, { i: { issuedOn: '2026-03-19', kind: 'REMINDER', businessId: biz.F, content: '提醒', departmentCode: 'MARKET' } }, officer.token)).toBe('FORBIDDEN');
    expect(await refusedCode(M.warning, { i: { issuedOn: '2026-03-19', kind: 'REMINDER', districtCode: '511102', content: '提醒', departmentCode: 'MARKET' } }, viewer.token)).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
  });

  it('the campaign’s results match the hand count', async () => {
    const r = await ok(
      `query($id: ID!) { campaign(id: $id) { results { inspections businessesInspected sitesInspected targetPopulation businessesCovered coverageRate hazardsFound hazardsClosed rectificationRate
         casesFiled casesClosed fines finesAndConfiscations jointOperations groupsDispatched officerVisits warnings goals { achieved population rate met overdue goal { metric } } } } }`,
      { id: campaignId },
      viewer.token,
      'campaign',
    );
    expect(r.results).toEqual({
      inspections: 6, // A, B, E, C, F in the operations and B again; not D
      businessesInspected: 5, // A, B, C, E, F
      sitesInspected: 0,
      targetPopulation: 4, // retail stores in 市中区: A, B, C, D
      businessesCovered: 3, // A, B, C
      coverageRate: 0.75,
      hazardsFound: 4, // a1, a2, b1, f1 (e1 written off)
      hazardsClosed: 2, // a1, b1
      rectificationRate: 0.5,
      casesFiled: 1,
      casesClosed: 0,
      fines: '5000.00',
      finesAndConfiscations: '6200.00',
      jointOperations: 2,
      groupsDispatched: 5,
      officerVisits: 20,
      warnings: 1,
      goals: [
        // A, B, C inspected by 15 March out of 4; due date passed (today 20 March), not met.
        { goal: { metric: 'INSPECTION_COVERAGE' }, achieved: 3, population: 4, rate: 0.75, met: false, overdue: true },
        // 市中区 hazards a1, a2, b1; a1 and b1 closed by 31 March.
        { goal: { metric: 'RECTIFICATION_RATE' }, achieved: 2, population: 3, rate: 0.6667, met: true, overdue: false },
      ],
    });
  });

  it('team tasks: officers update the tasks they own; others are refused and nothing is written', async () => {
    const mk = async (name: string, teamCode: string, dueOn: string, owner: TestUser | null) => {
      const p = await ok(M.task, { i: { teamCode, title: `任务${name}`, dueOn, ownerId: owner?.user.id, campaignId, itemIds: name === 'T1' ? [items.a2.id] : [] } }, coord.token, 'createTask');
      tasks[name] = p.task;
      return p.task;
    };
    expect(await refusedCode(M.task, { i: { teamCode: 'SALES', title: '越权任务', dueOn: '2026-03-30' } }, officer.token)).toBe('FORBIDDEN');
    const t1 = await mk('T1', 'SALES', '2026-03-18', officer);
    expect(t1).toMatchObject({ code: 'RW-20260320-0001', status: 'OVERDUE', // created on the 20th, due on the 18th
       state: 'NOT_STARTED', dueOn: '2026-03-18', ownerId: officer.user.id });
    await mk('T2', 'SALES', '2026-03-19', officer);
    await mk('T3', 'SALES', '2026-03-25', officer);
    await mk('T4', 'PARKING_CHARGING', '2026-03-21', null);
    await mk('T5', 'SALES', '2026-03-17', null);

    // Not the owner; the owner changing the due date: refused, nothing written.
    const before = await rowCounts();
    expect(await refusedCode(M.updateTask, { i: { id: tasks.T2.id, expectedVersion: 1, state: 'IN_PROGRESS', progressNote: '代为填报' } }, outsider.token)).toBe('FORBIDDEN');
    expect(await refusedCode(M.updateTask, { i: { id: tasks.T2.id, expectedVersion: 1, dueOn: '2026-04-30' } }, officer.token)).toBe('FORBIDDEN');
    expect(await refusedCode(M.updateTask, { i: { id: tasks.T2.id, expectedVersion: 1, progressNote: '只读' } }, viewer.token)).toBe('FORBIDDEN');
    // DONE without evidence is a user error.
    const noEvidence = await t.gql(M.updateTask, { i: { id: tasks.T1.id, expectedVersion: 1, state: 'DONE', doneOn: '2026-03-17' } }, officer.token);
    expect(noEvidence.body.data!.updateTask).toMatchObject({ task: null, userErrors: [{ field: ['input', 'evidence'], code: 'REQUIRED' }] });
    expect(await rowCounts()).toEqual(before);

    const p1 = await ok(M.updateTask, { i: { id: tasks.T1.id, expectedVersion: 1, state: 'IN_PROGRESS', progressNote: '已完成市中区门店摸排', notedOn: '2026-03-16' } }, officer.token, 'updateTask');
    expect(p1.task).toMatchObject({ version: 2, status: 'OVERDUE', overdue: true, notes: [{ notedOn: '2026-03-16', note: '已完成市中区门店摸排' }] });
    const done = await ok(M.updateTask, { i: { id: tasks.T1.id, expectedVersion: 2, state: 'DONE', doneOn: '2026-03-17', evidence: '整治台账（乐市监〔2026〕7号）' } }, officer.token, 'updateTask');
    expect(done.task).toMatchObject({ version: 3, status: 'DONE', state: 'DONE', doneOn: '2026-03-17', overdue: false });
    await ok(M.updateTask, { i: { id: tasks.T2.id, expectedVersion: 1, state: 'IN_PROGRESS' } }, officer.token, 'updateTask');
    await ok(M.updateTask, { i: { id: tasks.T5.id, expectedVersion: 1, state: 'CANCELLED' } }, coord.token, 'updateTask');

    const team = await ok(`{ taskTeam(code: "SALES") { tasks(filter: { status: { eq: OVERDUE } }) { totalCount nodes { id status } } } }`, {}, viewer.token, 'taskTeam');
    expect(team.tasks).toEqual({ totalCount: 1, nodes: [{ id: tasks.T2.id, status: 'OVERDUE' }] });
    const all = await ok(`{ tasks(filter: { campaignId: { eq: "${campaignId}" } }, first: 2) { totalCount nodes { id } pageInfo { hasNextPage } } }`, {}, viewer.token, 'tasks');
    expect(all).toEqual({ totalCount: 5, nodes: [{ id: tasks.T5.id }, { id: tasks.T1.id }], pageInfo: { hasNextPage: true } });
    // A reporter reads aggregates only.
    expect(await refusedCode(`{ tasks { nodes { id } } }`, {}, reporter.token)).toBe('FORBIDDEN');
  });

  it('the dispatch of 9–22 March (as of 20 March) matches the hand count; a reporter reads it', async () => {
    const d = await ok(
      `query { dispatch(from: "2026-03-09", to: "2026-03-22") { period { from to days } asOf
         teams { teamCode tasks doneInPeriod dueInPeriod dueDoneOnTime overdue doneTotal }
         campaigns { code results { inspections businessesCovered targetPopulation hazardsFound hazardsClosed casesFiled fines } }
         warningsIssued warningsToBusinesses warningsToDistricts casesExposed
         remediation { found closed rectificationRate } inspections { inspections } enforcement { casesFiled fines } deployment { jointOperations groupsDispatched officerVisits } } }`,
      {},
      reporter.token,
      'dispatch',
    );
    const zero = { tasks: 0, doneInPeriod: 0, dueInPeriod: 0, dueDoneOnTime: 0, overdue: 0, doneTotal: 0 };
    expect(d).toEqual({
      period: { from: '2026-03-09', to: '2026-03-22', days: 14 },
      asOf: '2026-03-20',
      teams: [
        { ...zero, teamCode: 'PRODUCTION' },
        // T1 (done 17th, due 18th), T2 (due 19th, open: overdue), T3 (due 25th); T5 cancelled.
        { teamCode: 'SALES', tasks: 3, doneInPeriod: 1, dueInPeriod: 2, dueDoneOnTime: 1, overdue: 1, doneTotal: 1 },
        { ...zero, teamCode: 'MODIFICATION' },
        // T4 due on the 21st: due in the period, not yet overdue on the 20th.
        { teamCode: 'PARKING_CHARGING', tasks: 1, doneInPeriod: 0, dueInPeriod: 1, dueDoneOnTime: 0, overdue: 0, doneTotal: 0 },
        { ...zero, teamCode: 'RECYCLING' },
        { ...zero, teamCode: 'USE_TRAFFIC' },
      ],
      campaigns: [{ code: 'ZX-20260301-001', results: { inspections: 6, businessesCovered: 3, targetPopulation: 4, hazardsFound: 4, hazardsClosed: 2, casesFiled: 1, fines: '5000.00' } }],
      warningsIssued: 2,
      warningsToBusinesses: 1,
      warningsToDistricts: 1,
      casesExposed: 1,
      remediation: { found: 4, closed: 2, rectificationRate: 0.5 },
      inspections: { inspections: 7 }, // the campaign's six and D's
      enforcement: { casesFiled: 1, fines: '5000.00' },
      deployment: { jointOperations: 2, groupsDispatched: 5, officerVisits: 20 },
    });
  });

  it('/exports/dispatch.xlsx: titled, bold frozen headers, numbers as numbers', async () => {
    const res = await request(t.app)
      .get('/exports/dispatch.xlsx?from=2026-03-09&to=2026-03-22')
      .set('Authorization', `Bearer ${reporter.token}`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['调度汇总', '任务完成情况', '专项行动']);
    const sum = wb.getWorksheet('调度汇总')!;
    expect(sum.getCell('A1').value).toBe('电动自行车安全隐患全链条整治周调度表（2026-03-09至2026-03-22，截至2026-03-20）');
    expect(sum.getCell('A1').font?.bold).toBe(true);
    expect(sum.getCell('A2').font?.bold).toBe(true);
    expect(sum.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const byLabel = Object.fromEntries(sum.getSheetValues().slice(3).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(byLabel).toMatchObject({ 联合检查: 2, 出动检查组: 5, 出动人次: 20, 检查次数: 7, 发现隐患: 4, 已销号: 2, 整改率: 0.5, 立案: 1, 罚没金额: 6200, 警示提醒: 2, 典型案例曝光: 1 });
    expect(sum.getCell('B10').numFmt).toBe('0.0%');
    const tasksWs = wb.getWorksheet('任务完成情况')!;
    expect(tasksWs.getRow(4).values).toEqual([undefined, '销售流通组', 3, 1, 2, 1, 1, 1]);
    expect(tasksWs.getRow(9).values).toEqual([undefined, '合计', 4, 1, 3, 1, 1, 1]);
    const camp = wb.getWorksheet('专项行动')!;
    expect((camp.getRow(3).values as unknown[]).slice(1, 12)).toEqual(['ZX-20260301-001', '电动自行车销售门店夜查', '夜查', '集中整治', '2026-03-01', '2026-03-31', 6, 5, 4, 3, 0.75]);
  });

  it('the bulletin’s 出动检查组/出动人次 come from the joint operations', async () => {
    const b = await ok(`{ bulletin(from: "2026-03-11", to: "2026-03-20") { deployment { jointOperations groupsDispatched officerVisits } } }`, {}, reporter.token, 'bulletin');
    expect(b.deployment).toEqual({ jointOperations: 1, groupsDispatched: 2, officerVisits: 8 }); // only the 12 March operation
  });

  it('officer names of a joint operation are masked for a partner viewer', async () => {
    const r = await ok(`query($f: JointOperationFilter) { jointOperations(filter: $f) { nodes { code officers inspections { id } } } }`, { f: { heldOn: { from: '2026-03-10', to: '2026-03-10' } } }, viewer.token, 'jointOperations');
    expect(r.nodes).toEqual([{ code: 'LH-20260310-0001', officers: ['张*', '李*'], inspections: [expect.any(Object), expect.any(Object), expect.any(Object)] }]);
    const c = await ok(`query($f: JointOperationFilter) { jointOperations(filter: $f) { nodes { officers } } }`, { f: { heldOn: { from: '2026-03-10', to: '2026-03-10' } } }, coord.token, 'jointOperations');
    expect(c.nodes).toEqual([{ officers: ['张三', '李四'] }]);
  });
});

describe('Relay: campaigns, joint operations, tasks and warnings are nodes', () => {
  // The same selection through the record's list and through node(id:): a refetch returns what the list returned.
  const SELECT: Record<string, [string, string]> = {
    Campaign: ['campaigns(first: 100)', 'id code name kind phase startsOn endsOn stages businessTypes siteTypes districtCodes note version leadTeam { code } leadDepartment { code } departments { code } goals { metric target dueOn } results { inspections hazardsFound }'],
    JointOperation: ['jointOperations(first: 100)', 'id code heldOn districtCodes groupsDispatched officerCount officers note version campaign { id } departments { code } inspections { id }'],
    Task: ['tasks(first: 100)', 'id code title description dueOn doneOn state status overdue ownerName evidence districtCode version team { code } campaign { id } notes { note } items { id }'],
    Warning: ['warnings(first: 100)', 'id issuedOn kind content districtCode version business { id } campaign { id } department { code }'],
  };
  it.each(Object.keys(SELECT))('%s: node(id:) returns what its list returns, masked alike; a reporter is refused', async (type) => {
    const [list, fields] = SELECT[type];
    const root = list.slice(0, list.indexOf('('));
    for (const who of [coord, viewer]) {
      const rows = (await ok(`{ ${list} { nodes { ${fields} } } }`, {}, who.token, root)).nodes as { id: string }[];
      expect(rows.length).toBeGreaterThan(0);
      const refetched = await ok(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on ${type} { ${fields} } } }`, { ids: rows.map((r) => r.id) }, who.token, 'nodes');
      expect(refetched).toEqual(rows.map((r) => ({ __typename: type, ...r })));
    }
    const one = (await ok(`{ ${list} { nodes { id } } }`, {}, coord.token, root)).nodes[0].id;
    const refused = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: one }, reporter.token);
    expect(refused.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('statements', () => {
  it('a page of campaigns with every campaign’s results and goals costs two statements, whatever the page holds', async () => {
    await ok(M.campaign, { i: { ...CAMPAIGN_INPUT, name: '集中整治（第二批）', startsOn: '2026-03-05', goals: [{ metric: 'RECTIFICATION_RATE', target: 0.9, dueOn: '2026-03-31' }] } }, coord.token, 'createCampaign');
    const q = (first: number) => `{ campaigns(first: ${first}) { nodes { code results { inspections targetPopulation businessesCovered hazardsFound fines goals { achieved rate goal { metric } } } } } }`;
    for (const first of [1, 50]) {
      const r = await t.gql(q(first), {}, viewer.token);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data!.campaigns.nodes).toHaveLength(first === 1 ? 1 : 2);
      expect({ first, statements: r.body.extensions!.sqlStatements }).toEqual({ first, statements: 2 });
    }
  });
});

describe('input rules', () => {
  it('a campaign ending before it starts, with an unknown district, writes nothing', async () => {
    const before = await rowCounts();
    const r = await t.gql(M.campaign, { i: { ...CAMPAIGN_INPUT, startsOn: '2026-04-10', endsOn: '2026-04-01', districtCodes: ['511199'], goals: [] } }, coord.token);
    expect(r.body.data!.createCampaign.campaign).toBeNull();
    expect(r.body.data!.createCampaign.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
      ['input.endsOn', 'VALIDATION'],
      ['input.districtCodes.0', 'INVALID_REFERENCE'],
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('a joint operation with fewer officers than named is refused', async () => {
    const r = await t.gql(M.operation, { i: { teamCode: 'SALES', heldOn: '2026-03-19', districtCodes: ['511102'], departmentCodes: ['MARKET', 'FIRE'], groupsDispatched: 1, officerCount: 1, officers: ['张三', '李四'] } }, coord.token);
    expect(r.body.data!.recordJointOperation.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(['input.officerCount']);
  });
});

describe('a task’s overdue state turns at midnight in Shanghai, like an item’s', () => {
  it('due 20 March: open at 23:59:59 that day, OVERDUE from 00:00 on the 21st', async () => {
    const p = await ok(M.task, { i: { teamCode: 'RECYCLING', title: '回收网点排查', dueOn: '2026-03-20' } }, coord.token, 'createTask');
    const read = `query($f: TaskFilter) { tasks(filter: $f) { nodes { id status overdue } } }`;
    const f = { f: { team: { eq: 'RECYCLING' }, status: { in: ['OVERDUE'] } } };
    try {
      clock = new Date('2026-03-20T15:59:59.999Z'); // 23:59:59.999 on the 20th in Shanghai
      expect((await ok(`{ tasks(filter: { team: { eq: "RECYCLING" } }) { nodes { id status overdue } } }`, {}, viewer.token, 'tasks')).nodes).toEqual([
        { id: p.task.id, status: 'NOT_STARTED', overdue: false },
      ]);
      expect((await ok(read, f, viewer.token, 'tasks')).nodes).toEqual([]);
      clock = new Date('2026-03-20T16:00:00.000Z'); // 00:00 on the 21st in Shanghai
      expect((await ok(read, f, viewer.token, 'tasks')).nodes).toEqual([{ id: p.task.id, status: 'OVERDUE', overdue: true }]);
    } finally {
      clock = NOON_20;
    }
  });
});

/** /exports/dispatch.xlsx of a period, as a reporter downloads it. */
async function dispatchWorkbook(from: string, to: string): Promise<ExcelJS.Workbook> {
  const res = await request(t.app)
    .get(`/exports/dispatch.xlsx?from=${from}&to=${to}`)
    .set('Authorization', `Bearer ${reporter.token}`)
    .buffer(true)
    .parse(binary);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  return wb;
}

describe('site targets: “inspect every charging site in 市中区 by a date”', () => {
  const site: Record<string, { id: string; version: number }> = {};
  let siteCampaignId = '';
  const SITE_CAMPAIGN = {
    name: '市中区充电场所夜查', kind: 'NIGHT_CHECK', phase: 'CONCENTRATED', startsOn: '2026-02-01', endsOn: '2026-02-28',
    leadTeamCode: 'PARKING_CHARGING', leadDepartmentCode: 'FIRE', stages: ['PARKING_CHARGING'], districtCodes: ['511102'],
    siteTypes: ['CENTRAL_PARKING_CHARGING_SITE', 'SWAP_CABINET_SITE'],
    goals: [
      { metric: 'SITE_INSPECTION_COVERAGE', target: 1, dueOn: '2026-02-15', description: '2月15日前检查市中区全部充电场所' },
      { metric: 'SITE_INSPECTION_COVERAGE', target: 0.5, dueOn: '2026-02-28', siteTypes: ['SWAP_CABINET_SITE'] },
    ],
  };
  const CREATE = `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { campaign { id stages businessTypes siteTypes goals { metric siteTypes businessTypes districtCodes } } ${E} } }`;

  async function inspectSite(name: string, startedAt: string) {
    await ok(
      M.inspection,
      { i: { method: 'NIGHT_CHECK', teamCode: 'PARKING_CHARGING', departmentCodes: ['FIRE', 'MARKET'], inspectors: ['王五', '赵六'], targetSiteId: site[name].id, stage: 'PARKING_CHARGING', startedAt, campaignId: siteCampaignId } },
      coord.token,
      'createInspection',
    );
  }

  it('a site goal needs site types, its own or the campaign’s; site types belong to site goals only; nothing is written', async () => {
    const before = await rowCounts();
    const r = await t.gql(
      CREATE,
      { i: { ...SITE_CAMPAIGN, siteTypes: [], goals: [
        { metric: 'SITE_INSPECTION_COVERAGE', target: 1, dueOn: '2026-02-15' },
        { metric: 'INSPECTION_COVERAGE', target: 1, dueOn: '2026-02-15', siteTypes: ['SWAP_CABINET_SITE'] },
        { metric: 'SITE_INSPECTION_COVERAGE', target: 1, dueOn: '2026-02-15', siteTypes: ['SWAP_CABINET_SITE'], businessTypes: ['RETAIL_STORE'] },
      ] } },
      coord.token,
    );
    expect(r.body.data!.createCampaign.campaign).toBeNull();
    expect(r.body.data!.createCampaign.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
      ['input.goals.0.siteTypes', 'REQUIRED'],
      ['input.goals.1.siteTypes', 'VALIDATION'],
      ['input.goals.2.businessTypes', 'VALIDATION'],
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('coverage = distinct target sites inspected ÷ target sites (archived sites left out), beside the business figures', async () => {
    const mk = async (name: string, siteType: string, districtCode: string) => {
      site[name] = (await ok(`mutation($i: CreateSiteInput!) { createSite(input: $i) { site { id version } ${E} } }`, { i: { siteType, name: `充电场所${name}`, districtCode } }, coord.token, 'createSite')).site;
    };
    // Target sites of the campaign: charging and swap-cabinet sites of 市中区 in use — S1, S2, S4 (S3 is archived below).
    await mk('S1', 'CENTRAL_PARKING_CHARGING_SITE', '511102');
    await mk('S2', 'SWAP_CABINET_SITE', '511102');
    await mk('S3', 'CENTRAL_PARKING_CHARGING_SITE', '511102');
    await mk('S4', 'CENTRAL_PARKING_CHARGING_SITE', '511102');
    await mk('S5', 'CENTRAL_PARKING_CHARGING_SITE', '511111'); // another district
    await mk('S6', 'RESIDENTIAL_COMPOUND', '511102'); // another type

    const p = await ok(CREATE, { i: SITE_CAMPAIGN }, coord.token, 'createCampaign');
    expect(p.campaign).toMatchObject({
      stages: ['PARKING_CHARGING'],
      businessTypes: [],
      siteTypes: ['CENTRAL_PARKING_CHARGING_SITE', 'SWAP_CABINET_SITE'],
      goals: [
        { metric: 'SITE_INSPECTION_COVERAGE', siteTypes: [], businessTypes: [], districtCodes: [] },
        { metric: 'SITE_INSPECTION_COVERAGE', siteTypes: ['SWAP_CABINET_SITE'], businessTypes: [], districtCodes: [] },
      ],
    });
    siteCampaignId = p.campaign.id;

    await inspectSite('S1', '2026-02-10T12:00:00Z');
    await inspectSite('S1', '2026-02-12T12:00:00Z'); // again: counted once
    await inspectSite('S3', '2026-02-11T12:00:00Z'); // archived afterwards: not a target site
    await inspectSite('S5', '2026-02-12T13:00:00Z');
    await inspectSite('S6', '2026-02-13T12:00:00Z');
    await inspectSite('S2', '2026-02-20T12:00:00Z'); // after the first goal's due date
    await ok(`mutation($i: ArchiveInput!) { archiveSite(input: $i) { site { id status } ${E} } }`, { i: { id: site.S3.id, expectedVersion: site.S3.version, reason: '场所已拆除' } }, coord.token, 'archiveSite');

    const r = await ok(
      `query($id: ID!) { campaign(id: $id) { results { inspections businessesInspected sitesInspected targetPopulation businessesCovered coverageRate targetSites sitesCovered siteCoverageRate
         goals { achieved population rate met overdue goal { metric siteTypes } } } } }`,
      { id: siteCampaignId },
      viewer.token,
      'campaign',
    );
    expect(r.results).toEqual({
      inspections: 6,
      businessesInspected: 0,
      sitesInspected: 5, // S1, S2, S3, S5, S6
      targetPopulation: 0, // no business of 市中区 is in the parking/charging stage
      businessesCovered: 0,
      coverageRate: null,
      targetSites: 3, // S1, S2, S4
      sitesCovered: 2, // S1, S2
      siteCoverageRate: 0.6667,
      goals: [
        // S1 by 15 February, out of S1, S2, S4; due date passed (today 20 March), not met.
        { goal: { metric: 'SITE_INSPECTION_COVERAGE', siteTypes: [] }, achieved: 1, population: 3, rate: 0.3333, met: false, overdue: true },
        // Swap-cabinet sites of 市中区: S2, inspected on 20 February.
        { goal: { metric: 'SITE_INSPECTION_COVERAGE', siteTypes: ['SWAP_CABINET_SITE'] }, achieved: 1, population: 1, rate: 1, met: true, overdue: false },
      ],
    });
  });

  it('the dispatch workbook shows the site figures beside the business ones', async () => {
    const wb = await dispatchWorkbook('2026-02-01', '2026-02-28');
    const camp = wb.getWorksheet('专项行动')!;
    expect((camp.getRow(2).values as unknown[]).slice(7, 16)).toEqual(['检查次数', '检查单位', '目标主体', '已覆盖', '覆盖率', '检查场所', '目标场所', '已覆盖场所', '场所覆盖率']);
    expect((camp.getRow(3).values as unknown[]).slice(1, 16)).toEqual(['ZX-20260201-001', '市中区充电场所夜查', '夜查', '集中整治', '2026-02-01', '2026-02-28', 6, 0, 0, 0, undefined, 5, 3, 2, 0.6667]); // no business population: the rate's cell is empty
    expect(camp.getRow(3).getCell(15).numFmt).toBe('0.0%');
  });

  it('a page with the site figures still costs two statements', async () => {
    const r = await t.gql(`{ campaigns(first: 50) { nodes { code results { targetSites sitesCovered siteCoverageRate businessesCovered goals { achieved population } } } } }`, {}, viewer.token);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.campaigns.nodes).toHaveLength(3);
    expect(r.body.extensions!.sqlStatements).toBe(2);
  });
});

describe('updateCampaign', () => {
  const UPDATE = `mutation($i: UpdateCampaignInput!) { updateCampaign(input: $i) { campaign { id version phase endsOn goals { metric target dueOn } } ${E} } }`;
  const audits = async (entityId: string, operation: string) =>
    (await ok(`query($f: AuditEventFilter) { auditEvents(filter: $f) { nodes { operation entityType outcome changes } } }`, { f: { entityId: { eq: entityId }, operation: { eq: operation } } }, coord.token, 'auditEvents')).nodes;

  it('changes phase, period end and goals, bumps the version and audits the changed fields', async () => {
    const p = await ok(
      UPDATE,
      { i: { id: campaignId, expectedVersion: 1, phase: 'CONSOLIDATION', endsOn: '2026-04-15', goals: [{ metric: 'RECTIFICATION_RATE', target: 0.8, dueOn: '2026-04-15' }] } },
      coord.token,
      'updateCampaign',
    );
    expect(p.campaign).toEqual({ id: campaignId, version: 2, phase: 'CONSOLIDATION', endsOn: '2026-04-15', goals: [{ metric: 'RECTIFICATION_RATE', target: 0.8, dueOn: '2026-04-15' }] });
    const [row] = await audits(campaignId, 'updateCampaign');
    expect(row).toMatchObject({ operation: 'updateCampaign', entityType: 'Campaign', outcome: 'SUCCESS' });
    expect(Object.keys(row.changes).sort()).toEqual(['endsOn', 'goals', 'phase']);
    expect(row.changes.phase).toEqual({ before: 'CONCENTRATED', after: 'CONSOLIDATION' });
    expect(row.changes.endsOn).toEqual({ before: '2026-03-31', after: '2026-04-15' });
  });

  it('a stale expectedVersion is refused naming it; an officer or a viewer is refused; nothing is written', async () => {
    const before = await rowCounts();
    const r = await t.gql(UPDATE, { i: { id: campaignId, expectedVersion: 1, phase: 'MOBILIZATION' } }, coord.token);
    expect(r.body.data!.updateCampaign).toMatchObject({ campaign: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT' }] });
    expect(await refusedCode(UPDATE, { i: { id: campaignId, expectedVersion: 2, phase: 'MOBILIZATION' } }, officer.token)).toBe('FORBIDDEN');
    expect(await refusedCode(UPDATE, { i: { id: campaignId, expectedVersion: 2, phase: 'MOBILIZATION' } }, viewer.token)).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
    const c = await ok(`query($id: ID!) { campaign(id: $id) { version phase } }`, { id: campaignId }, coord.token, 'campaign');
    expect(c).toEqual({ version: 2, phase: 'CONSOLIDATION' });
    expect(await audits(campaignId, 'updateCampaign')).toHaveLength(1);
  });
});

describe('every write is audited; a create retried with its key returns the first record and writes nothing more', () => {
  const audits = async (entityId: string) =>
    (await ok(`query($f: AuditEventFilter) { auditEvents(filter: $f) { nodes { operation entityType outcome changes } } }`, { f: { entityId: { eq: entityId } } }, coord.token, 'auditEvents')).nodes;
  /** Runs the create twice with one key: the same id, one record and one audit row more. */
  async function twice(query: string, input: Record<string, unknown>, token: string, field: string, record: string, count: 'operations' | 'tasks' | 'warnings') {
    const before = await rowCounts();
    const first = (await ok(query, { i: input }, token, field))[record];
    const again = (await ok(query, { i: input }, token, field))[record];
    expect(again.id).toBe(first.id);
    const after = await rowCounts();
    expect({ [count]: after[count], audit: after.audit }).toEqual({ [count]: before[count] + 1, audit: before.audit + 1 });
    return first.id as string;
  }

  it('recordJointOperation', async () => {
    const id = await twice(M.operation, { campaignId, teamCode: 'SALES', heldOn: '2026-03-19', districtCodes: ['511102'], departmentCodes: ['MARKET', 'FIRE'], groupsDispatched: 1, officerCount: 4, idempotencyKey: 'op-retry-0001' }, officer.token, 'recordJointOperation', 'jointOperation', 'operations');
    const [row] = await audits(id);
    expect(row).toMatchObject({ operation: 'recordJointOperation', entityType: 'JointOperation', outcome: 'SUCCESS' });
    expect(row.changes).toMatchObject({ heldOn: { before: null, after: '2026-03-19' }, groupsDispatched: { before: null, after: 1 }, officerCount: { before: null, after: 4 } });
  });

  it('createTask', async () => {
    const id = await twice(M.task, { teamCode: 'SALES', title: '重试任务', dueOn: '2026-03-28', idempotencyKey: 'task-retry-0001' }, coord.token, 'createTask', 'task', 'tasks');
    const [row] = await audits(id);
    expect(row).toMatchObject({ operation: 'createTask', entityType: 'Task', outcome: 'SUCCESS', changes: { title: { before: null, after: '重试任务' }, dueOn: { before: null, after: '2026-03-28' } } });
  });

  it('issueWarning', async () => {
    const id = await twice(M.warning, { issuedOn: '2026-03-20', kind: 'REMINDER', districtCode: '511102', content: '重试提醒', departmentCode: 'MARKET', idempotencyKey: 'warn-retry-0001' }, officer.token, 'issueWarning', 'warning', 'warnings');
    const [row] = await audits(id);
    expect(row).toMatchObject({ operation: 'issueWarning', entityType: 'Warning', outcome: 'SUCCESS', changes: { kind: { before: null, after: 'REMINDER' }, districtCode: { before: null, after: '511102' } } });
  });

  it('updateTask (no key: a retry with the read version is refused as stale, naming expectedVersion, and writes nothing)', async () => {
    const input = { id: tasks.T3.id, expectedVersion: 1, state: 'IN_PROGRESS', progressNote: '已排查3家门店', notedOn: '2026-03-19' };
    const p = await ok(M.updateTask, { i: input }, officer.token, 'updateTask');
    expect(p.task).toMatchObject({ version: 2, state: 'IN_PROGRESS' });
    const before = await rowCounts();
    const r = await t.gql(M.updateTask, { i: input }, officer.token);
    expect(r.body.data!.updateTask).toMatchObject({ task: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT' }] });
    expect(await rowCounts()).toEqual(before);
    const rows = await audits(tasks.T3.id);
    expect(rows.map((x: { operation: string }) => x.operation)).toEqual(['updateTask', 'createTask']);
    expect(Object.keys(rows[0].changes).sort()).toEqual(['progressNote', 'state']);
    expect(rows[0].changes.state).toEqual({ before: 'NOT_STARTED', after: 'IN_PROGRESS' });
  });

  it('exposeEnforcementCase (no key: a retry with the read version is refused as stale and writes nothing)', async () => {
    const filed = await ok(
      M.fileCase,
      { i: { id: items.f1.id, expectedVersion: items.f1.version, caseNumber: '乐市监罚〔2026〕20号', filedOn: '2026-03-16', departmentCode: 'MARKET', penaltyTypes: ['FINE'], fineAmount: '1000' } },
      coord.token,
      'fileEnforcementCase',
    );
    const c = filed.enforcementCase;
    const input = { id: c.id, expectedVersion: c.version, exposedOn: '2026-03-19' };
    const p = await ok(M.expose, { i: input }, coord.token, 'exposeEnforcementCase');
    expect(p.enforcementCase).toMatchObject({ exposed: true, exposedOn: '2026-03-19', version: c.version + 1 });
    const before = await rowCounts();
    const r = await t.gql(M.expose, { i: input }, coord.token);
    expect(r.body.data!.exposeEnforcementCase).toMatchObject({ enforcementCase: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT' }] });
    expect(await rowCounts()).toEqual(before);
    const rows = (await audits(c.id)).filter((x: { operation: string }) => x.operation === 'exposeEnforcementCase');
    expect(rows).toEqual([{ operation: 'exposeEnforcementCase', entityType: 'EnforcementCase', outcome: 'SUCCESS', changes: { exposed: { before: false, after: true }, exposedOn: { before: null, after: '2026-03-19' } } }]);
  });
});

describe('an item registered without an inspection may name its campaign', () => {
  const CREATE_ITEM = `mutation($i: CreateRemediationItemInput!) { createRemediationItem(input: $i) { remediationItem { id campaign { id } } ${E} } }`;
  const item = (extra: Record<string, unknown>) => ({ i: { hazardTypeCode: 'SALES_THREE_NO', description: '群众举报：门店销售三无电池', businessId: biz.D, teamCode: 'SALES', discoveryMethod: 'NIGHT_CHECK', ...extra } });
  const itemCount = async () => (await ds.query(`SELECT count(*)::int AS n FROM remediation_item`))[0].n as number;

  it('linked when the campaign’s period (1 March – 15 April after the update) covers the Shanghai day found', async () => {
    // 28 February 16:00Z is already 1 March in Shanghai: the campaign's first day.
    const p = await ok(CREATE_ITEM, item({ campaignId, discoveredAt: '2026-02-28T16:00:00Z' }), officer.token, 'createRemediationItem');
    expect(p.remediationItem.campaign).toEqual({ id: campaignId });
    const r = await ok(`query($id: ID!) { campaign(id: $id) { results { hazardsFound } } }`, { id: campaignId }, viewer.token, 'campaign');
    expect(r.results.hazardsFound).toBe(5); // a1, a2, b1, f1 and this one (e1 written off)
  });

  it('refused, naming campaignId, for a day outside the period, an unknown campaign, or an inspection outside the campaign; nothing is written', async () => {
    const n = await itemCount();
    const fields = async (vars: { i: Record<string, unknown> }) => {
      const r = await t.gql(CREATE_ITEM, vars, officer.token);
      expect(r.body.data!.createRemediationItem.remediationItem).toBeNull();
      return r.body.data!.createRemediationItem.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code]);
    };
    // 28 February 15:59:59Z is still 28 February in Shanghai.
    expect(await fields(item({ campaignId, discoveredAt: '2026-02-28T15:59:59Z' }))).toEqual([['input.campaignId', 'VALIDATION']]);
    expect(await fields(item({ campaignId: '00000000-0000-4000-8000-000000000019' }))).toEqual([['input.campaignId', 'INVALID_REFERENCE']]);
    // D's inspection of 13 March was not part of the campaign.
    const insp = await ok(`query($f: InspectionFilter) { inspections(filter: $f) { nodes { id campaign { id } } } }`, { f: { businessId: { eq: biz.D } } }, coord.token, 'inspections');
    expect(insp.nodes).toEqual([{ id: expect.any(String), campaign: null }]);
    expect(await fields(item({ campaignId, inspectionId: insp.nodes[0].id, discoveredAt: '2026-03-13T02:00:00Z' }))).toEqual([['input.campaignId', 'VALIDATION']]);
    expect(await itemCount()).toBe(n);
  });
});

describe('the dispatch lists every campaign of its period', () => {
  it('103 campaigns around the week of 5–11 January 2025: the 101 overlapping it, none cut off, in the workbook too', async () => {
    const base = { kind: 'SPECIAL_INSPECTION', phase: 'CONCENTRATED', leadTeamCode: 'SALES', leadDepartmentCode: 'MARKET' };
    const make = (name: string, startsOn: string, endsOn: string) => ok(M.campaign, { i: { ...base, name, startsOn, endsOn } }, coord.token, 'createCampaign');
    // Overlapping the week: 99 inside it (33 on each of 6, 7 and 8 January), one ending on its first day, one starting on its last.
    for (let i = 0; i < 99; i++) await make(`一月检查${i}`, `2025-01-0${6 + (i % 3)}`, '2025-01-09');
    await make('跨入本周', '2024-12-20', '2025-01-05');
    await make('跨出本周', '2025-01-11', '2025-01-31');
    // Not overlapping: ended the day before, starts the day after.
    await make('上周结束', '2024-12-20', '2025-01-04');
    await make('下周开始', '2025-01-12', '2025-01-31');
    const d = await ok(`query { dispatch(from: "2025-01-05", to: "2025-01-11") { campaigns { code name } } }`, {}, reporter.token, 'dispatch');
    expect(d.campaigns).toHaveLength(101);
    expect(d.campaigns[0]).toEqual({ code: 'ZX-20241220-001', name: '跨入本周' });
    expect(d.campaigns[100]).toEqual({ code: 'ZX-20250111-001', name: '跨出本周' });

    const wb = await dispatchWorkbook('2025-01-05', '2025-01-11');
    const camp = wb.getWorksheet('专项行动')!;
    expect(camp.rowCount).toBe(2 + 101); // title, header, one row a campaign
    expect(camp.getRow(103).getCell(1).value).toBe('ZX-20250111-001');
  });
});
