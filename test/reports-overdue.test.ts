import ExcelJS from 'exceljs';
import request from 'supertest';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';

/**
 * The two overdue figures (README "Report definitions"), on a hand-built fixture with the expected
 * figures written out. Period: March 2026, Asia/Shanghai. C = 511112 五通桥区, D = 511113 金口河区.
 *
 *   item  found   path                                          deadline  rectified  closed
 *   C1    02-01   notice, rectifying                            02-10     –          –        old backlog
 *   C2    02-02   notice, rectifying                            02-12     –          –        old backlog
 *   C3    03-05   registered (no deadline)                      –
 *   C4    02-03   notice, then written off on 03-01 (误报核销)   02-10                          never counted
 *   D1    03-03   notice, rectifying                            03-10     –          –        new overdue
 *   D2    02-05   notice → review passed 03-02 → closed 03-03   02-15     03-02      03-03
 *
 * As of 03-31: new overdue (本期新增逾期, found in March) = D1; overdue backlog (逾期存量) = C1, C2, D1.
 * C and D both have rate 0 (one found, none closed). By new overdue C (0) would rank before D (1);
 * by the backlog D (1) ranks before C (2).
 */
let t: TestApp;
let clock = new Date('2026-01-15T00:00:00Z');
let coord: string;
let coord2: string;
const ids: Record<string, { id: string; version: number }> = {};
const sh = (local: string) => new Date(`${local}+08:00`);

async function createItem(name: string, district: string, discovered: string) {
  clock = sh(discovered);
  const biz = await t.gql(`mutation($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } } }`, {
    i: { name: `逾期主体${name}`, types: ['RETAIL_STORE'], districtCode: district },
  }, coord);
  const r = await t.gql(
    `mutation($i: CreateRemediationItemInput!) { createRemediationItem(input: $i) { remediationItem { id version } userErrors { field message } } }`,
    { i: { businessId: biz.body.data!.createBusiness.business.id, teamCode: 'SALES', hazardTypeCode: 'SALES_SHOP_FIRE', description: `fixture ${name}`, discoveryMethod: 'ROUTINE', discoveredAt: sh(discovered).toISOString() } },
    coord,
  );
  expect(r.body.data!.createRemediationItem.userErrors).toEqual([]);
  ids[name] = r.body.data!.createRemediationItem.remediationItem;
}

async function step(name: string, at: string, action: string, extra: Record<string, unknown> = {}, token = coord) {
  clock = sh(at);
  const r = await t.gql(
    `mutation($i: TransitionInput!) { transitionRemediationItem(input: $i) { remediationItem { id version } userErrors { field code message } } }`,
    { i: { id: ids[name].id, expectedVersion: ids[name].version, action, ...extra } },
    token,
  );
  expect(r.body.data!.transitionRemediationItem.userErrors).toEqual([]);
  ids[name] = r.body.data!.transitionRemediationItem.remediationItem;
}

async function rectifying(name: string, at: string, deadline: string) {
  await step(name, at, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline });
  await step(name, at, 'START_RECTIFICATION');
}

beforeAll(async () => {
  const ds = await workerDataSource({ suffix: '_reports_overdue' });
  t = await startTestApp({ ds, now: () => clock });
  coord = (await makeUser(ds, Role.COORDINATOR)).token;
  coord2 = (await makeUser(ds, Role.COORDINATOR)).token;

  await createItem('C1', '511112', '2026-02-01T10:00:00');
  await rectifying('C1', '2026-02-01T11:00:00', '2026-02-10');
  await createItem('C2', '511112', '2026-02-02T10:00:00');
  await rectifying('C2', '2026-02-02T11:00:00', '2026-02-12');
  await createItem('C4', '511112', '2026-02-03T10:00:00');
  await rectifying('C4', '2026-02-03T11:00:00', '2026-02-10');
  await createItem('D2', '511113', '2026-02-05T10:00:00');
  await rectifying('D2', '2026-02-05T11:00:00', '2026-02-15');
  await step('C4', '2026-03-01T09:00:00', 'INVALIDATE', { comment: '核实为误报' });
  await step('D2', '2026-03-01T10:00:00', 'REPORT_COMPLETION');
  await step('D2', '2026-03-02T10:00:00', 'PASS_REVIEW', {}, coord2);
  clock = sh('2026-03-02T10:30:00');
  const ev = await t.gql(`mutation($i: AddEvidenceInput!) { addEvidence(input: $i) { userErrors { message } } }`, {
    i: { id: ids.D2.id, kind: 'PHOTO', phase: 'AFTER', location: 's3://evidence/D2.jpg', sha256: 'c'.repeat(64) },
  }, coord);
  expect(ev.body.data!.addEvidence.userErrors).toEqual([]);
  await step('D2', '2026-03-03T10:00:00', 'CLOSE', {}, coord2);
  await createItem('D1', '511113', '2026-03-03T10:00:00');
  await rectifying('D1', '2026-03-03T11:00:00', '2026-03-10');
  await createItem('C3', '511112', '2026-03-05T10:00:00');
  clock = new Date('2026-11-29T04:00:00Z');
});
afterAll(async () => {
  await t.close();
  await t.ds.destroy();
});

const STATS = `query($groupBy: [StatisticsDimension!]!, $from: LocalDate!, $to: LocalDate!) {
  remediationStatistics(groupBy: $groupBy, period: { from: $from, to: $to }) { isTotal districtCode periodStart found closed newOverdue overdueBacklog overdue closedInPeriod invalidated } }`;

describe('new overdue (本期新增逾期) and overdue backlog (逾期存量)', () => {
  it('March totals: new overdue counts only March’s finds, the backlog every item overdue on 03-31', async () => {
    const r = await t.gql(STATS, { groupBy: [], from: '2026-03-01', to: '2026-03-31' }, coord);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.remediationStatistics).toEqual([
      { isTotal: true, districtCode: null, periodStart: null, found: 2, closed: 0, newOverdue: 1, overdueBacklog: 3, overdue: 1, closedInPeriod: 1, invalidated: 0 },
    ]);
  });

  it('by district, a district with only a backlog still gets a row', async () => {
    const r = await t.gql(STATS, { groupBy: ['DISTRICT'], from: '2026-03-20', to: '2026-03-31' }, coord);
    // Nothing was found from 03-20; the backlog on 03-31 is C1, C2 (C) and D1 (D).
    expect(r.body.data!.remediationStatistics.map((x: Record<string, unknown>) => [x.districtCode, x.found, x.newOverdue, x.overdueBacklog])).toEqual([
      ['511112', 0, 0, 2],
      ['511113', 0, 0, 1],
      [null, 0, 0, 3],
    ]);
  });

  it('in time buckets the backlog is as of each bucket’s last day, and the total row as of the period’s end (not a sum)', async () => {
    const months = await t.gql(STATS, { groupBy: ['MONTH'], from: '2026-02-01', to: '2026-03-31' }, coord);
    expect(months.body.data!.remediationStatistics.map((x: Record<string, unknown>) => [x.periodStart, x.found, x.newOverdue, x.overdueBacklog])).toEqual([
      ['2026-02-01', 3, 2, 3], // found C1 C2 D2; of them overdue on 03-31: C1 C2; backlog on 02-28: C1 C2 D2
      ['2026-03-01', 2, 1, 3], // found D1 C3; D1 overdue; backlog on 03-31: C1 C2 D1
      [null, 5, 3, 3],
    ]);
    const days = await t.gql(STATS, { groupBy: ['DAY'], from: '2026-03-01', to: '2026-03-03' }, coord);
    expect(days.body.data!.remediationStatistics.map((x: Record<string, unknown>) => [x.periodStart, x.overdueBacklog])).toEqual([
      ['2026-03-01', 3], // C1 C2 D2 (C4 written off, never counted)
      ['2026-03-02', 2], // D2 rectified on 03-02
      ['2026-03-03', 2],
      [null, 2],
    ]);
    expect(days.body.extensions!.sqlStatements).toBe(1);
  });

  it('the bulletin shows both, ranks by the backlog after the rate, and its overdue list is the backlog', async () => {
    const r = await t.gql(
      `{ bulletin(from: "2026-03-01", to: "2026-03-31") {
          totals { newOverdue overdueBacklog } previousTotals { found newOverdue overdueBacklog }
          districtRanking { rank districtCode current { rectificationRate newOverdue overdueBacklog } overdueChange overdueBacklogChange }
          overdueItems { deadline } } }`,
      {},
      coord,
    );
    expect(r.body.errors).toBeUndefined();
    const b = r.body.data!.bulletin;
    expect(b.totals).toEqual({ newOverdue: 1, overdueBacklog: 3 });
    expect(b.previousTotals).toEqual({ found: 3, newOverdue: 3, overdueBacklog: 3 }); // 01-29…02-28: C1 C2 D2
    expect(b.districtRanking.slice(0, 2)).toEqual([
      { rank: 1, districtCode: '511113', current: { rectificationRate: 0, newOverdue: 1, overdueBacklog: 1 }, overdueChange: 0, overdueBacklogChange: 0 },
      { rank: 2, districtCode: '511112', current: { rectificationRate: 0, newOverdue: 0, overdueBacklog: 2 }, overdueChange: -2, overdueBacklogChange: 0 },
    ]);
    expect(b.overdueItems.map((i: { deadline: string }) => i.deadline)).toEqual(['2026-02-10', '2026-02-12', '2026-03-10']);
    expect(b.overdueItems).toHaveLength(b.totals.overdueBacklog);
  });

  it('bulletin.xlsx labels both figures', async () => {
    const res = await request(t.app).get('/exports/bulletin.xlsx?from=2026-03-01&to=2026-03-31').set('Authorization', `Bearer ${coord}`).buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      // From the header row on (rows 1–2 are the title and the period).
      wb.getWorksheet(name)!.eachRow((row, n) => { if (n >= 3) out.push((row.values as unknown[]).slice(1)); });
      return out;
    };
    const summary = rows('汇总');
    expect(summary).toContainEqual(['本期新增逾期(处)', 1, 3, -2]);
    expect(summary).toContainEqual(['逾期存量(处, 截至2026-03-31)', 3, 3, 0]);
    expect(summary.some((r) => r[0] === '逾期(处)')).toBe(false);
    const ranking = rows('区县排名');
    expect(ranking[0]).toEqual(['排名', '区县', '发现隐患', '已销号', '整改率', '本期新增逾期', '逾期存量', '上期整改率', '整改率变化(百分点)', '本期新增逾期变化', '逾期存量变化']);
    // Rates are numbers now (formatted 0.0%), as is the change in points.
    expect(ranking[1]).toEqual([1, '金口河区', 1, 0, 0, 1, 1, 0, 0, 0, 0]);
    expect(ranking[2]).toEqual([2, '五通桥区', 1, 0, 0, 0, 2, 0, 0, -2, 0]);
    // Header, three items, and the note saying all are listed.
    expect(rows('逾期隐患')).toHaveLength(1 + 3 + 1);
    expect(rows('逾期隐患')[4]).toEqual(['逾期存量共3处，全部列出。']);
  });
});
