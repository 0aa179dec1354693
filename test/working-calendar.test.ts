import { Role } from '../src/common/auth';
import { helpers } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';

/**
 * Working days are the official ones: the State Council holiday schedules with their exchanged
 * working days (调休), kept as reference data, edited by the administrator, and used by the review
 * window (复查期限), which is the lead department's (DOMAIN.md §6.2). Expected dates are counted by
 * hand on the published 2025 schedule.
 */

let t: TestApp;
let clock = new Date('2025-09-20T02:00:00Z'); // Saturday 20 September 2025, 10:00 in Shanghai
let admin: TestUser;
let coord: TestUser;
let officer: TestUser;
let reporter: TestUser;
const h = helpers(() => t);

beforeAll(async () => {
  t = await startTestApp({ now: () => clock });
  admin = await makeUser(t.ds, Role.ADMIN);
  coord = await makeUser(t.ds, Role.COORDINATOR);
  officer = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  reporter = await makeUser(t.ds, Role.REPORTER);
});
afterAll(() => t.close());

const CAL = `query($y: Int!) { workingCalendar(year: $y) { year status note version workingDays exceptions { date kind isWorkingDay name } } }`;
const SET_DAY = `mutation($i: SetCalendarDayInput!) { setCalendarDay(input: $i) { day { date kind isWorkingDay name explicit } workingCalendar { version workingDays } userErrors { field code message messageEn } } }`;
const SET_YEAR = `mutation($i: SetCalendarYearInput!) { setCalendarYear(input: $i) { workingCalendar { year status note version } userErrors { field code } } }`;
const SET_WINDOW = `mutation($i: SetDepartmentReviewWindowInput!) { setDepartmentReviewWindow(input: $i) { department { code reviewWindowWorkingDays } userErrors { field code } } }`;

async function gqlOk(query: string, variables: Record<string, unknown>, token: string) {
  const r = await t.gql(query, variables, token);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!;
}

/** An item under a limited-time notice with this deadline, served on the test clock's day. */
async function itemWithDeadline(deadline: string, extra: Record<string, unknown> = {}) {
  const shop = await h.business(coord.token, { districtCode: '511102' });
  const i = await h.item(officer.token, { businessId: shop.id, ...extra });
  return h.move(officer.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline });
}
const due = async (id: string) => (await h.read(coord.token, id, 'reviewDueDate')).reviewDueDate;

describe('the calendar as loaded (reference data)', () => {
  it('2025: National Day and Mid-Autumn Oct 1–8 off, Sep 28 and Oct 11 worked; 248 working days', async () => {
    const { workingCalendar: c } = await gqlOk(CAL, { y: 2025 }, reporter.token);
    expect(c).toMatchObject({ year: 2025, status: 'OFFICIAL', workingDays: 248 });
    const autumn = c.exceptions.filter((d: { date: string }) => d.date >= '2025-09-27' && d.date <= '2025-10-12');
    expect(autumn).toEqual([
      { date: '2025-09-28', kind: 'ADJUSTED_WORKDAY', isWorkingDay: true, name: '国庆节、中秋节调休上班' },
      ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, kind: 'HOLIDAY', isWorkingDay: false, name: '国庆节、中秋节' })),
      { date: '2025-10-11', kind: 'ADJUSTED_WORKDAY', isWorkingDay: true, name: '国庆节、中秋节调休上班' },
    ]);
    // Every exchanged working day of 2025, from the State Council notice.
    expect(c.exceptions.filter((d: { kind: string }) => d.kind === 'ADJUSTED_WORKDAY').map((d: { date: string }) => d.date)).toEqual([
      '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
    ]);
  });

  it('2024 has 251 working days and 2026 248; 2027 is loaded with weekends only and says so', async () => {
    expect((await gqlOk(CAL, { y: 2024 }, coord.token)).workingCalendar).toMatchObject({ status: 'OFFICIAL', workingDays: 251 });
    expect((await gqlOk(CAL, { y: 2026 }, coord.token)).workingCalendar).toMatchObject({ status: 'OFFICIAL', workingDays: 248 });
    const y2027 = (await gqlOk(CAL, { y: 2027 }, coord.token)).workingCalendar;
    expect(y2027).toMatchObject({ status: 'WEEKENDS_ONLY', workingDays: 261, exceptions: [] });
    expect(y2027.note).toContain('待录入');
    // A year never loaded: Monday–Friday, no status.
    expect((await gqlOk(CAL, { y: 2031 }, coord.token)).workingCalendar).toMatchObject({ status: null, version: 0, workingDays: 261 });
  });
});

describe('review due date (复查期限) on working days', () => {
  it('a deadline the day before National Day: 3 working days end on Saturday 11 October (worked), not inside the holiday', async () => {
    const i = await itemWithDeadline('2025-09-30');
    // Monday–Friday only would give Friday 3 October, a holiday.
    expect(await due(i.id)).toBe('2025-10-11');
  });

  it('counts the exchanged Sunday 28 September: deadline Friday 26 September → Tuesday 30 September', async () => {
    const i = await itemWithDeadline('2025-09-26');
    expect(await due(i.id)).toBe('2025-09-30');
  });

  it('when the party applies for review before the deadline, the window runs from the application (MPS Order No. 120)', async () => {
    let i = await itemWithDeadline('2025-10-31');
    expect(await due(i.id)).toBe('2025-11-05');
    i = await h.move(officer.token, i, 'START_RECTIFICATION');
    clock = new Date('2025-09-30T03:00:00Z'); // applies on Tuesday 30 September
    try {
      await h.move(officer.token, i, 'REPORT_COMPLETION');
    } finally {
      clock = new Date('2025-09-20T02:00:00Z');
    }
    expect(await due(i.id)).toBe('2025-10-11');
  });

  it('an administrator’s edit changes the computation at once, and undoing it restores it; audited', async () => {
    const i = await itemWithDeadline('2025-09-30');
    expect(await due(i.id)).toBe('2025-10-11'); // the process now holds the calendar
    const set = await gqlOk(SET_DAY, { i: { date: '2025-10-11', kind: 'WEEKEND' } }, admin.token);
    expect(set.setCalendarDay.userErrors).toEqual([]);
    expect(set.setCalendarDay.day).toEqual({ date: '2025-10-11', kind: 'WEEKEND', isWorkingDay: false, name: null, explicit: false });
    expect(set.setCalendarDay.workingCalendar.workingDays).toBe(247);
    // Oct 9, Oct 10, then Monday Oct 13.
    expect(await due(i.id)).toBe('2025-10-13');
    const more = await gqlOk(SET_DAY, { i: { date: '2025-10-13', kind: 'HOLIDAY', name: '测试假日' } }, admin.token);
    expect(more.setCalendarDay.day).toEqual({ date: '2025-10-13', kind: 'HOLIDAY', isWorkingDay: false, name: '测试假日', explicit: true });
    expect(await due(i.id)).toBe('2025-10-14');

    await gqlOk(SET_DAY, { i: { date: '2025-10-13', kind: 'WORKDAY' } }, admin.token);
    const back = await gqlOk(SET_DAY, { i: { date: '2025-10-11', kind: 'ADJUSTED_WORKDAY', name: '国庆节、中秋节调休上班' } }, admin.token);
    expect(back.setCalendarDay.workingCalendar.workingDays).toBe(248);
    expect(await due(i.id)).toBe('2025-10-11');
    const [audit] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE operation = 'setCalendarDay' AND entity_id IN ('2025-10-11', '2025-10-13') AND outcome <> 'REFUSED'`);
    expect(audit.n).toBe(4);
  });

  it('the review window is the lead department’s: ECOLOGY set to 5 working days', async () => {
    const i = await itemWithDeadline('2025-09-26', { leadDepartmentCode: 'ECOLOGY' });
    expect(await due(i.id)).toBe('2025-09-30');
    const r = await gqlOk(SET_WINDOW, { i: { departmentCode: 'ECOLOGY', workingDays: 5 } }, admin.token);
    expect(r.setDepartmentReviewWindow).toEqual({ department: { code: 'ECOLOGY', reviewWindowWorkingDays: 5 }, userErrors: [] });
    try {
      // Sep 28 (exchanged), 29, 30, then Oct 9 and Oct 10 after the holiday.
      expect(await due(i.id)).toBe('2025-10-10');
      // Other departments keep 3.
      expect(await due((await itemWithDeadline('2025-09-26')).id)).toBe('2025-09-30');
    } finally {
      await gqlOk(SET_WINDOW, { i: { departmentCode: 'ECOLOGY', workingDays: 3 } }, admin.token);
    }
  });
});

describe('editing the calendar', () => {
  it('is refused to every role but ADMIN, and nothing changes', async () => {
    const before = (await gqlOk(CAL, { y: 2025 }, coord.token)).workingCalendar;
    for (const u of [coord, officer, reporter]) {
      for (const [q, i] of [
        [SET_DAY, { date: '2025-10-09', kind: 'HOLIDAY' }],
        [SET_YEAR, { year: 2027, expectedVersion: 1, status: 'OFFICIAL' }],
        [SET_WINDOW, { departmentCode: 'FIRE', workingDays: 10 }],
      ] as const) {
        const r = await t.gql(q, { i }, u.token);
        expect(r.body.data).toBeNull();
        expect(r.body.errors![0].extensions!.code).toBe('FORBIDDEN');
      }
    }
    expect((await gqlOk(CAL, { y: 2025 }, coord.token)).workingCalendar).toEqual(before);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM department WHERE review_window_working_days <> 3`);
    expect(n).toBe(0);
  });

  it('refuses kinds that do not fit the weekday, with bilingual messages', async () => {
    const wed = (await gqlOk(SET_DAY, { i: { date: '2025-10-15', kind: 'ADJUSTED_WORKDAY' } }, admin.token)).setCalendarDay;
    expect(wed.userErrors).toEqual([
      { field: ['input', 'kind'], code: 'VALIDATION', message: '2025-10-15 是周一至周五，本来就是工作日，不能设为调休上班日', messageEn: '2025-10-15 is a weekday, already a working day; ADJUSTED_WORKDAY is for a Saturday or Sunday' },
    ]);
    expect((await gqlOk(SET_DAY, { i: { date: '2025-10-18', kind: 'WORKDAY' } }, admin.token)).setCalendarDay.userErrors[0]).toMatchObject({ field: ['input', 'kind'], code: 'VALIDATION' });
    expect((await gqlOk(SET_DAY, { i: { date: '2025-10-15', kind: 'WEEKEND' } }, admin.token)).setCalendarDay.userErrors[0]).toMatchObject({ field: ['input', 'kind'], code: 'VALIDATION' });
    expect((await gqlOk(SET_DAY, { i: { date: '2025-02-30', kind: 'HOLIDAY' } }, admin.token)).setCalendarDay.userErrors[0]).toMatchObject({ field: ['input', 'date'], code: 'VALIDATION' });
  });

  it('the 2027 schedule can be entered and the year marked OFFICIAL, with optimistic locking', async () => {
    const y = (await gqlOk(CAL, { y: 2027 }, admin.token)).workingCalendar;
    const stale = (await gqlOk(SET_YEAR, { i: { year: 2027, expectedVersion: y.version + 1, status: 'OFFICIAL' } }, admin.token)).setCalendarYear;
    expect(stale.userErrors).toEqual([{ field: ['input', 'expectedVersion'], code: 'CONFLICT' }]);
    await gqlOk(SET_DAY, { i: { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' } }, admin.token);
    const after = (await gqlOk(CAL, { y: 2027 }, admin.token)).workingCalendar;
    expect(after).toMatchObject({ version: y.version + 1, workingDays: 260 });
    const marked = (await gqlOk(SET_YEAR, { i: { year: 2027, expectedVersion: after.version, status: 'OFFICIAL', note: '国务院办公厅关于2027年部分节假日安排的通知' } }, admin.token)).setCalendarYear;
    expect(marked).toEqual({ workingCalendar: { year: 2027, status: 'OFFICIAL', note: '国务院办公厅关于2027年部分节假日安排的通知', version: after.version + 1 }, userErrors: [] });
    // Put 2027 back as loaded, for the other tests of this worker.
    await gqlOk(SET_DAY, { i: { date: '2027-01-01', kind: 'WORKDAY' } }, admin.token);
    await gqlOk(SET_YEAR, { i: { year: 2027, expectedVersion: after.version + 2, status: 'WEEKENDS_ONLY', note: y.note } }, admin.token);
  });
});
