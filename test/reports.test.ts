import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';

/**
 * A hand-built fixture with the expected figures written out (README "Report definitions").
 * Period: March 2026, Asia/Shanghai. District A = 511102 市中区, B = 511111 沙湾区.
 *
 *   item  discovered (Shanghai)   path                                  deadline   rectified  closed
 *   A1    03-02 10:00             notice → review passed → closed        03-10      03-07      03-08
 *   A2    03-05                   notice → review passed → closed late   03-10      03-19      03-20
 *   A3    03-10                   notice, still rectifying               03-15      –          –      (overdue at 03-31)
 *   A4    03-01 00:30 (edge)      fixed on the spot, closed same day     –          03-01      03-01
 *   A5    02-28 23:30 (edge)      notice → closed in March               03-05      03-02      03-03  (February's)
 *   B1    03-15                   written off (误报核销)
 *   B2    03-20 MAJOR, listed     notice                                 04-30
 *   B3    03-31 23:59 (edge)      registered
 *   B4    04-01 00:00 (edge)      registered                                                            (April's)
 */
let t: TestApp;
let clock = new Date('2026-02-01T00:00:00Z');
let coord: string;
let coord2: string;
const ids: Record<string, { id: string; version: number }> = {};

const sh = (local: string) => new Date(`${local}+08:00`);

async function createItem(name: string, district: string, discovered: string, extra: Record<string, unknown> = {}) {
  clock = sh(discovered);
  const biz = await t.gql(`mutation($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } userErrors { message } } }`, {
    i: { name: `报表主体${name}`, types: ['RETAIL_STORE'], districtCode: district },
  }, coord);
  const r = await t.gql(
    `mutation($i: CreateRemediationItemInput!) { createRemediationItem(input: $i) { remediationItem { id version } userErrors { field message } } }`,
    { i: { businessId: biz.body.data!.createBusiness.business.id, teamCode: 'SALES', hazardTypeCode: 'SALES_SHOP_FIRE', description: `fixture ${name}`, discoveryMethod: 'ROUTINE', discoveredAt: sh(discovered).toISOString(), ...extra } },
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

async function afterPhoto(name: string, at: string) {
  clock = sh(at);
  const r = await t.gql(`mutation($i: AddEvidenceInput!) { addEvidence(input: $i) { userErrors { message } } }`, {
    i: { id: ids[name].id, kind: 'PHOTO', phase: 'AFTER', location: `s3://evidence/${name}.jpg`, sha256: 'b'.repeat(64) },
  }, coord);
  expect(r.body.data!.addEvidence.userErrors).toEqual([]);
}

async function fullPath(name: string, notice: string, deadline: string, reported: string, reviewed: string, closed: string) {
  await step(name, notice, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline });
  await step(name, notice, 'START_RECTIFICATION');
  await step(name, reported, 'REPORT_COMPLETION');
  await step(name, reviewed, 'PASS_REVIEW', {}, coord2);
  await afterPhoto(name, reviewed);
  await step(name, closed, 'CLOSE', {}, coord2);
}

beforeAll(async () => {
  // A database of its own: statistics count every item, so other test files must not add any.
  const ds = await workerDataSource({ suffix: '_reports' });
  t = await startTestApp({ ds, now: () => clock });
  coord = (await makeUser(ds, Role.COORDINATOR)).token;
  coord2 = (await makeUser(ds, Role.COORDINATOR)).token;

  await createItem('A1', '511102', '2026-03-02T10:00:00');
  await fullPath('A1', '2026-03-02T11:00:00', '2026-03-10', '2026-03-06T09:00:00', '2026-03-07T09:00:00', '2026-03-08T09:00:00');
  await createItem('A2', '511102', '2026-03-05T10:00:00');
  await fullPath('A2', '2026-03-05T11:00:00', '2026-03-10', '2026-03-18T09:00:00', '2026-03-19T09:00:00', '2026-03-20T09:00:00');
  await createItem('A3', '511102', '2026-03-10T10:00:00');
  await step('A3', '2026-03-10T11:00:00', 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline: '2026-03-15' });
  await step('A3', '2026-03-10T11:00:00', 'START_RECTIFICATION');
  await createItem('A4', '511102', '2026-03-01T00:30:00');
  await step('A4', '2026-03-01T00:40:00', 'RECTIFY_ON_SITE');
  await afterPhoto('A4', '2026-03-01T00:45:00');
  await step('A4', '2026-03-01T00:50:00', 'CLOSE', {}, coord2);
  await createItem('A5', '511102', '2026-02-28T23:30:00');
  await fullPath('A5', '2026-02-28T23:40:00', '2026-03-05', '2026-03-01T09:00:00', '2026-03-02T09:00:00', '2026-03-03T09:00:00');
  await createItem('B1', '511111', '2026-03-15T10:00:00');
  await step('B1', '2026-03-16T10:00:00', 'INVALIDATE', { comment: '举报不实' });
  await createItem('B2', '511111', '2026-03-20T10:00:00', { level: 'MAJOR' });
  clock = sh('2026-03-21T10:00:00');
  const listed = await t.gql(`mutation($i: ListRemediationItemInput!) { listRemediationItem(input: $i) { remediationItem { id version } userErrors { message } } }`, {
    i: { id: ids.B2.id, expectedVersion: ids.B2.version, authority: '乐山市安全生产委员会', listingNumber: `LSGP-2026-${Date.now()}` },
  }, coord);
  expect(listed.body.data!.listRemediationItem.userErrors).toEqual([]);
  ids.B2 = listed.body.data!.listRemediationItem.remediationItem;
  await step('B2', '2026-03-21T11:00:00', 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline: '2026-04-30' });
  await createItem('B3', '511111', '2026-03-31T23:59:00');
  await createItem('B4', '511111', '2026-04-01T00:00:00');
  clock = new Date('2026-11-29T04:00:00Z');
});
afterAll(async () => {
  await t.close();
  await t.ds.destroy();
});

const STATS = `query($groupBy: [StatisticsDimension!]!, $from: LocalDate!, $to: LocalDate!, $filter: RemediationItemFilter) {
  remediationStatistics(groupBy: $groupBy, period: { from: $from, to: $to }, filter: $filter) {
    isTotal districtCode districtName periodStart status found rectified closed open overdue listed invalidated closedInPeriod failedReviews rectificationRate onTimeRate avgDaysToClose
  } }`;

describe('remediationStatistics', () => {
  it('March totals match the hand-computed figures', async () => {
    const r = await t.gql(STATS, { groupBy: [], from: '2026-03-01', to: '2026-03-31' }, coord);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.remediationStatistics).toEqual([
      expect.objectContaining({
        isTotal: true,
        found: 6, // A1 A2 A3 A4 B2 B3 — not B1 (written off), A5 (February), B4 (April)
        rectified: 3, // A1 A2 A4
        closed: 3, // A1 A2 A4
        open: 3,
        overdue: 1, // A3: deadline 03-15, still rectifying on 03-31
        listed: 1, // B2
        invalidated: 1, // B1
        closedInPeriod: 4, // A1 A2 A4 and A5, found in February
        failedReviews: 0,
        rectificationRate: 0.5,
        onTimeRate: 0.6667, // A1 and A4 (no deadline) on time, A2 late
        avgDaysToClose: 7, // (6 + 15 + 0) / 3
      }),
    ]);
  });

  it('by district: one row per district plus the total, in one SQL statement', async () => {
    const r = await t.gql(STATS, { groupBy: ['DISTRICT'], from: '2026-03-01', to: '2026-03-31' }, coord);
    const rows = r.body.data!.remediationStatistics;
    expect(rows.map((x: { districtCode: string | null; isTotal: boolean }) => [x.districtCode, x.isTotal])).toEqual([['511102', false], ['511111', false], [null, true]]);
    expect(rows[0]).toMatchObject({ districtName: '市中区', found: 4, closed: 3, overdue: 1, closedInPeriod: 4, rectificationRate: 0.75 });
    expect(rows[1]).toMatchObject({ districtName: '沙湾区', found: 2, closed: 0, listed: 1, invalidated: 1, closedInPeriod: 0, rectificationRate: 0 });
    expect(r.body.extensions!.sqlStatements).toBe(1);
    const many = await t.gql(STATS, { groupBy: ['DISTRICT', 'STATUS', 'DAY'], from: '2026-01-01', to: '2026-12-31' }, coord);
    expect(many.body.data!.remediationStatistics.length).toBeGreaterThan(5);
    expect(many.body.extensions!.sqlStatements).toBe(1);
  });

  it('days are Asia/Shanghai days: the 00:30 and 23:59 items count, the 23:30-the-day-before and 00:00-next-day ones do not', async () => {
    const first = await t.gql(STATS, { groupBy: [], from: '2026-03-01', to: '2026-03-01' }, coord);
    expect(first.body.data!.remediationStatistics[0]).toMatchObject({ found: 1, closed: 1, closedInPeriod: 1 }); // A4
    const feb28 = await t.gql(STATS, { groupBy: [], from: '2026-02-28', to: '2026-02-28' }, coord);
    expect(feb28.body.data!.remediationStatistics[0]).toMatchObject({ found: 1, closed: 0 }); // A5
    const last = await t.gql(STATS, { groupBy: [], from: '2026-03-31', to: '2026-03-31' }, coord);
    expect(last.body.data!.remediationStatistics[0]).toMatchObject({ found: 1 }); // B3
    const apr1 = await t.gql(STATS, { groupBy: [], from: '2026-04-01', to: '2026-04-01' }, coord);
    expect(apr1.body.data!.remediationStatistics[0]).toMatchObject({ found: 1 }); // B4
  });

  it('time buckets: found by discovery day, closedInPeriod by closing day', async () => {
    const r = await t.gql(STATS, { groupBy: ['MONTH'], from: '2026-02-01', to: '2026-04-30' }, coord);
    const byMonth = Object.fromEntries(r.body.data!.remediationStatistics.filter((x: { isTotal: boolean }) => !x.isTotal).map((x: { periodStart: string }) => [x.periodStart, x]));
    expect(byMonth['2026-02-01']).toMatchObject({ found: 1, closedInPeriod: 0 });
    expect(byMonth['2026-03-01']).toMatchObject({ found: 6, closedInPeriod: 4 });
    expect(byMonth['2026-04-01']).toMatchObject({ found: 1, closedInPeriod: 0 });
  });

  it('an empty period has a total row of zeros and null rates', async () => {
    const r = await t.gql(STATS, { groupBy: ['DISTRICT'], from: '2025-01-01', to: '2025-01-31' }, coord);
    expect(r.body.data!.remediationStatistics).toEqual([
      expect.objectContaining({ isTotal: true, found: 0, closed: 0, overdue: 0, closedInPeriod: 0, rectificationRate: null, onTimeRate: null, avgDaysToClose: null }),
    ]);
  });

  it('overdue is judged at the end of the period, or today when that is earlier', async () => {
    const mid = await t.gql(STATS, { groupBy: [], from: '2026-03-01', to: '2026-03-12' }, coord);
    // On 03-12: A1 closed (03-08); A2 deadline 03-10 passed, rectified only 03-19 → overdue; A3 deadline 03-15 not yet.
    expect(mid.body.data!.remediationStatistics[0]).toMatchObject({ found: 4, closed: 2, overdue: 1 });
  });

  it('filters like remediationItems, and refuses a reversed period', async () => {
    const r = await t.gql(STATS, { groupBy: [], from: '2026-03-01', to: '2026-03-31', filter: { district: { eq: '511111' } } }, coord);
    expect(r.body.data!.remediationStatistics[0]).toMatchObject({ found: 2, listed: 1 });
    const bad = await t.gql(STATS, { groupBy: [], from: '2026-03-31', to: '2026-03-01' }, coord);
    expect(bad.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('is readable by a REPORTER', async () => {
    const reporter = (await makeUser(t.ds, Role.REPORTER)).token;
    const r = await t.gql(STATS, { groupBy: [], from: '2026-03-01', to: '2026-03-31' }, reporter);
    expect(r.body.data!.remediationStatistics[0].found).toBe(6);
  });
});

describe('bulletin', () => {
  it('ranks districts by rectification rate, then overdue, and compares with the previous period', async () => {
    const r = await t.gql(
      `{ bulletin(from: "2026-03-01", to: "2026-03-31") {
          period { from to days } previousPeriod { from to days }
          totals { found closed } previousTotals { found closed } foundChange rateChange
          districtRanking { rank districtCode current { found closed rectificationRate overdue } previous { found } rateChange }
          teamProgress { teamCode found }
          majorItems { code } overdueItems { code deadline }
          inspections { inspections } enforcement { casesFiled finesAndConfiscations } } }`,
      {},
      coord,
    );
    expect(r.body.errors).toBeUndefined();
    const b = r.body.data!.bulletin;
    expect(b.period).toEqual({ from: '2026-03-01', to: '2026-03-31', days: 31 });
    expect(b.previousPeriod).toEqual({ from: '2026-01-29', to: '2026-02-28', days: 31 });
    expect(b.totals).toEqual({ found: 6, closed: 3 });
    expect(b.previousTotals).toEqual({ found: 1, closed: 0 }); // A5, closed only in March
    expect(b.foundChange).toBe(5);
    expect(b.rateChange).toBe(50);
    expect(b.districtRanking).toHaveLength(11);
    expect(b.districtRanking.slice(0, 2).map((d: { districtCode: string; rank: number }) => [d.rank, d.districtCode])).toEqual([[1, '511102'], [2, '511111']]);
    expect(b.districtRanking[0].current).toEqual({ found: 4, closed: 3, rectificationRate: 0.75, overdue: 1 });
    expect(b.districtRanking[0].previous.found).toBe(1);
    expect(b.districtRanking[2].current.rectificationRate).toBeNull();
    expect(b.teamProgress).toEqual([{ teamCode: 'SALES', found: 6 }]);
    expect(b.majorItems).toHaveLength(1);
    expect(b.overdueItems.map((i: { deadline: string }) => i.deadline)).toEqual(['2026-03-15']);
    expect(b.enforcement).toEqual({ casesFiled: 0, finesAndConfiscations: '0.00' });
  });
});
