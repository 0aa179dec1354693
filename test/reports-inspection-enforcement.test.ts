import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';

/**
 * inspectionStatistics and enforcementStatistics on a hand-built fixture with the expected figures
 * written out (README "Report definitions"). Period: March 2026, Asia/Shanghai.
 *
 * Inspections (S1, S2 = shops in 511102; P1 = a compound in 511111):
 *   I1  03-02 10:00  ROUTINE      SALES             S1  2 officers  items X1, X2 (X2 later written off as a false report)
 *   I2  03-02 15:00  NIGHT_CHECK  SALES             S1  3 officers  item Y
 *   I3  03-10 20:00  NIGHT_CHECK  PARKING_CHARGING  P1  2 officers  item Z
 *   I4  03-01 00:10  ROUTINE      SALES             S2  1 officer   (edge: Shanghai March 1st)
 *   I5  02-28 23:50  ROUTINE      SALES             S2  2 officers  item W (edge: February)
 *   I6  04-01 00:00  ROUTINE      SALES             S1  2 officers  (edge: April)
 *
 * Cases (罚没 = fines + confiscated illegal gains, exact decimals):
 *   K1  on X1  MARKET  filed 03-05  fine 5,000.50  gains 1,200.25  3 vehicles, 10 batteries       closed 03-20
 *   K2  on Y   MARKET  filed 03-15  fine 20,000.00                 7 parts, transferred to police
 *   K3  on Z   FIRE    filed 03-31  fine 0.10      gains 0.20      (0.1 + 0.2 must be 0.30, not 0.30000000000000004)
 *   K4  on W   MARKET  filed 02-28  fine 800.00                    closed 03-02 (counts as closed in March only)
 *   K5  on X1' (I6's shop, a new item)  filed 04-01  fine 99.00   (April)
 */
let t: TestApp;
let clock = new Date('2026-02-20T00:00:00Z');
let coord: string;
const sh = (local: string) => new Date(`${local}+08:00`);
const items: Record<string, { id: string; version: number }> = {};

async function ok(query: string, vars: Record<string, unknown>, name: string) {
  const r = await t.gql(query, vars, coord);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data![name].userErrors).toEqual([]);
  return r.body.data![name];
}

async function business(name: string, district: string) {
  const p = await ok(`mutation($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } userErrors { message } } }`, { i: { name, types: ['RETAIL_STORE'], districtCode: district } }, 'createBusiness');
  return p.business.id as string;
}

async function inspect(at: string, method: string, teamCode: string, target: Record<string, string>, inspectors: string[], hazards: [string, string][] = []) {
  clock = sh(at);
  const p = await ok(
    `mutation($i: CreateInspectionInput!) { createInspection(input: $i) { inspection { id remediationItems { id version } } userErrors { field message } } }`,
    { i: { method, teamCode, departmentCodes: [teamCode === 'SALES' ? 'MARKET' : 'FIRE'], inspectors, ...target, startedAt: sh(at).toISOString(),
      remediationItems: hazards.map(([, code]) => ({ hazardTypeCode: code, description: `检查发现 ${code}` })) } },
    'createInspection',
  );
  hazards.forEach(([name], i) => (items[name] = p.inspection.remediationItems[i]));
}

/** Files a case; with `closedOn`, closes it on that day (结案 is recorded when it happens, never ahead of the clock). */
async function fileCase(item: string, at: string, extra: Record<string, unknown>) {
  const { closedOn, ...filing } = extra;
  clock = sh(at);
  const p = await ok(
    `mutation($i: FileEnforcementCaseInput!) { fileEnforcementCase(input: $i) { remediationItem { id version } enforcementCase { id version } userErrors { field message } } }`,
    { i: { id: items[item].id, expectedVersion: items[item].version, ...filing } },
    'fileEnforcementCase',
  );
  items[item] = p.remediationItem;
  if (closedOn) {
    clock = sh(`${closedOn}T16:00:00`);
    await ok(
      `mutation($i: CloseEnforcementCaseInput!) { closeEnforcementCase(input: $i) { remediationItem { id version } userErrors { field message } } }`,
      { i: { id: p.enforcementCase.id, expectedVersion: p.enforcementCase.version, closedOn, outcome: 'PENALTY_EXECUTED' } },
      'closeEnforcementCase',
    );
    items[item] = (await t.gql(`query($id: ID!) { remediationItem(id: $id) { id version } }`, { id: items[item].id }, coord)).body.data!.remediationItem;
  }
}

beforeAll(async () => {
  const ds = await workerDataSource({ suffix: '_reports_insp' });
  t = await startTestApp({ ds, now: () => clock });
  coord = (await makeUser(ds, Role.COORDINATOR)).token;
  const s1 = await business('统计车行一', '511102');
  const s2 = await business('统计车行二', '511102');
  const site = await ok(`mutation($i: CreateSiteInput!) { createSite(input: $i) { site { id } userErrors { message } } }`, { i: { siteType: 'RESIDENTIAL_COMPOUND', name: '统计小区', districtCode: '511111' } }, 'createSite');
  const p1 = site.site.id as string;

  await inspect('2026-02-28T23:50:00', 'ROUTINE', 'SALES', { targetBusinessId: s2 }, ['甲', '乙'], [['W', 'SALES_THREE_NO']]);
  await fileCase('W', '2026-02-28T23:55:00', { caseNumber: '乐市监罚〔2026〕W号', filedOn: '2026-02-28', departmentCode: 'MARKET', penaltyTypes: ['FINE'], fineAmount: '800.00', closedOn: '2026-03-02' });
  await inspect('2026-03-01T00:10:00', 'ROUTINE', 'SALES', { targetBusinessId: s2 }, ['丙']);
  await inspect('2026-03-02T10:00:00', 'ROUTINE', 'SALES', { targetBusinessId: s1 }, ['甲', '乙'], [['X1', 'SALES_THREE_NO'], ['X2', 'SALES_REFURBISHED']]);
  await inspect('2026-03-02T15:00:00', 'NIGHT_CHECK', 'SALES', { targetBusinessId: s1 }, ['甲', '乙', '丁'], [['Y', 'SALES_SHOP_FIRE']]);
  await inspect('2026-03-10T20:00:00', 'NIGHT_CHECK', 'PARKING_CHARGING', { targetSiteId: p1 }, ['戊', '己'], [['Z', 'PARK_FLY_LINE']]);
  clock = sh('2026-03-03T09:00:00');
  const inv = await ok(`mutation($i: TransitionInput!) { transitionRemediationItem(input: $i) { remediationItem { id } userErrors { message } } }`,
    { i: { id: items.X2.id, expectedVersion: items.X2.version, action: 'INVALIDATE', comment: '复核为误报' } }, 'transitionRemediationItem');
  expect(inv.remediationItem.id).toBe(items.X2.id);
  await fileCase('X1', '2026-03-05T10:00:00', {
    caseNumber: '乐市监罚〔2026〕K1号', filedOn: '2026-03-05', departmentCode: 'MARKET', penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_PROPERTY'],
    fineAmount: '5000.50', confiscatedAmount: '1200.25', seizedVehicles: 3, seizedBatteries: 10, closedOn: '2026-03-20',
  });
  await fileCase('Y', '2026-03-15T10:00:00', { caseNumber: '乐市监罚〔2026〕K2号', filedOn: '2026-03-15', departmentCode: 'MARKET', penaltyTypes: ['FINE', 'CONFISCATE_PROPERTY'], fineAmount: '20000', seizedParts: 7, transferredToPolice: true });
  await fileCase('Z', '2026-03-31T10:00:00', { caseNumber: '乐消罚〔2026〕K3号', filedOn: '2026-03-31', departmentCode: 'FIRE', penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], fineAmount: '0.10', confiscatedAmount: '0.20' });
  await inspect('2026-04-01T00:00:00', 'ROUTINE', 'SALES', { targetBusinessId: s1 }, ['甲', '乙'], [['V', 'SALES_THREE_NO']]);
  await fileCase('V', '2026-04-01T10:00:00', { caseNumber: '乐市监罚〔2026〕K5号', filedOn: '2026-04-01', departmentCode: 'MARKET', penaltyTypes: ['FINE'], fineAmount: '99.00' });
  clock = new Date('2026-11-29T04:00:00Z');
});
afterAll(async () => {
  await t.close();
  await t.ds.destroy();
});

const INSP = `query($g: [StatisticsDimension!]!, $from: LocalDate!, $to: LocalDate!) { inspectionStatistics(groupBy: $g, period: { from: $from, to: $to }) {
  isTotal districtCode teamCode method periodStart inspections businessesInspected sitesInspected officerVisits hazardsFound hazardsInvalidated hazardsPerInspection } }`;

const ENF = `query($g: [StatisticsDimension!]!, $from: LocalDate!, $to: LocalDate!) { enforcementStatistics(groupBy: $g, period: { from: $from, to: $to }) {
  isTotal districtCode departmentCode periodStart casesFiled casesClosed fines confiscations finesAndConfiscations seizedVehicles seizedBatteries seizedParts transferredToPolice } }`;

const row = (r: Record<string, unknown>) => {
  const out = { ...r };
  for (const k of ['districtCode', 'teamCode', 'method', 'periodStart', 'departmentCode']) if (out[k] === null) delete out[k];
  return out;
};

describe('inspectionStatistics', () => {
  it('March totals match the hand-computed figures; false reports are not hazards found', async () => {
    const r = await t.gql(INSP, { g: [], from: '2026-03-01', to: '2026-03-31' }, coord);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.inspectionStatistics.map(row)).toEqual([
      {
        isTotal: true,
        inspections: 4, // I1 I2 I3 I4 — not I5 (February) or I6 (April)
        businessesInspected: 2, // S1 (twice) and S2
        sitesInspected: 1, // P1
        officerVisits: 8, // 2 + 3 + 2 + 1
        hazardsFound: 3, // X1 Y Z — X2 was written off
        hazardsInvalidated: 1, // X2
        hazardsPerInspection: 0.75,
      },
    ]);
  });

  it('by district, team and method', async () => {
    const d = await t.gql(INSP, { g: ['DISTRICT'], from: '2026-03-01', to: '2026-03-31' }, coord);
    expect(d.body.data!.inspectionStatistics.map(row)).toEqual([
      { isTotal: false, districtCode: '511102', inspections: 3, businessesInspected: 2, sitesInspected: 0, officerVisits: 6, hazardsFound: 2, hazardsInvalidated: 1, hazardsPerInspection: 0.6667 },
      { isTotal: false, districtCode: '511111', inspections: 1, businessesInspected: 0, sitesInspected: 1, officerVisits: 2, hazardsFound: 1, hazardsInvalidated: 0, hazardsPerInspection: 1 },
      { isTotal: true, inspections: 4, businessesInspected: 2, sitesInspected: 1, officerVisits: 8, hazardsFound: 3, hazardsInvalidated: 1, hazardsPerInspection: 0.75 },
    ]);
    const tm = await t.gql(INSP, { g: ['TEAM', 'METHOD'], from: '2026-03-01', to: '2026-03-31' }, coord);
    expect(tm.body.data!.inspectionStatistics.map((x: Record<string, unknown>) => [x.teamCode, x.method, x.inspections, x.officerVisits, x.hazardsFound])).toEqual([
      ['PARKING_CHARGING', 'NIGHT_CHECK', 1, 2, 1],
      ['SALES', 'NIGHT_CHECK', 1, 3, 1],
      ['SALES', 'ROUTINE', 2, 3, 1],
      [null, null, 4, 8, 3],
    ]);
    expect(tm.body.extensions!.sqlStatements).toBe(1);
  });

  it('days are Asia/Shanghai days', async () => {
    const r = await t.gql(INSP, { g: ['DAY'], from: '2026-02-28', to: '2026-04-01' }, coord);
    expect(r.body.data!.inspectionStatistics.map((x: Record<string, unknown>) => [x.periodStart, x.inspections, x.officerVisits])).toEqual([
      ['2026-02-28', 1, 2], // I5 at 23:50
      ['2026-03-01', 1, 1], // I4 at 00:10
      ['2026-03-02', 2, 5],
      ['2026-03-10', 1, 2],
      ['2026-04-01', 1, 2], // I6 at 00:00
      [null, 6, 12],
    ]);
  });
});

describe('enforcementStatistics', () => {
  it('March totals: cases filed give counts, money (exact yuan) and seizures; cases closed in March give casesClosed', async () => {
    const r = await t.gql(ENF, { g: [], from: '2026-03-01', to: '2026-03-31' }, coord);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.enforcementStatistics.map(row)).toEqual([
      {
        isTotal: true,
        casesFiled: 3, // K1 K2 K3
        casesClosed: 2, // K1 (03-20) and K4 (filed in February, closed 03-02)
        fines: '25000.60', // 5,000.50 + 20,000.00 + 0.10
        confiscations: '1200.45', // 1,200.25 + 0.20
        finesAndConfiscations: '26201.05', // 罚没
        seizedVehicles: 3,
        seizedBatteries: 10,
        seizedParts: 7,
        transferredToPolice: 1,
      },
    ]);
  });

  it('by department and by district, with exact decimals per group', async () => {
    const d = await t.gql(ENF, { g: ['DEPARTMENT'], from: '2026-03-01', to: '2026-03-31' }, coord);
    expect(d.body.data!.enforcementStatistics.map((x: Record<string, unknown>) => [x.departmentCode, x.casesFiled, x.casesClosed, x.fines, x.confiscations, x.finesAndConfiscations])).toEqual([
      ['FIRE', 1, 0, '0.10', '0.20', '0.30'],
      ['MARKET', 2, 2, '25000.50', '1200.25', '26200.75'],
      [null, 3, 2, '25000.60', '1200.45', '26201.05'],
    ]);
    const z = await t.gql(ENF, { g: ['DISTRICT'], from: '2026-03-01', to: '2026-03-31' }, coord);
    expect(z.body.data!.enforcementStatistics.map((x: Record<string, unknown>) => [x.districtCode, x.casesFiled, x.finesAndConfiscations, x.seizedParts, x.transferredToPolice])).toEqual([
      ['511102', 2, '26200.75', 7, 1],
      ['511111', 1, '0.30', 0, 0],
      [null, 3, '26201.05', 7, 1],
    ]);
  });

  it('time buckets: filed by filing day, closed by closing day; February and April stay out of March', async () => {
    const m = await t.gql(ENF, { g: ['MONTH'], from: '2026-02-01', to: '2026-04-30' }, coord);
    expect(m.body.data!.enforcementStatistics.map((x: Record<string, unknown>) => [x.periodStart, x.casesFiled, x.casesClosed, x.finesAndConfiscations])).toEqual([
      ['2026-02-01', 1, 0, '800.00'], // K4 filed
      ['2026-03-01', 3, 2, '26201.05'],
      ['2026-04-01', 1, 0, '99.00'], // K5
      [null, 5, 2, '27100.05'],
    ]);
  });

  it('the bulletin carries the same inspection and enforcement totals', async () => {
    const r = await t.gql(`{ bulletin(from: "2026-03-01", to: "2026-03-31") { inspections { inspections hazardsFound hazardsInvalidated officerVisits } enforcement { casesFiled casesClosed finesAndConfiscations } } }`, {}, coord);
    expect(r.body.data!.bulletin).toEqual({
      inspections: { inspections: 4, hazardsFound: 3, hazardsInvalidated: 1, officerVisits: 8 },
      enforcement: { casesFiled: 3, casesClosed: 2, finesAndConfiscations: '26201.05' },
    });
  });
});
