import { Client } from 'pg';
import { Role } from '../src/common/auth';
import { helpers, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';

/**
 * Issue 18, the daily jobs: escalation (督办) by rules that are data, notifications, snapshots, with
 * a fixed clock at the Asia/Shanghai day edge. Schedule time 00:30 Asia/Shanghai (DAILY_JOBS_AT).
 *
 *   item  district  deadline     escalated (run day)
 *   A     511133    2026-03-09   level 1 on 03-10 (overdue 1 day); 督办函, level 2, on 03-16 (overdue 7 days)
 *   B     511133    2026-03-10   level 1 on 03-11; none more by 03-16 (overdue 6 days)
 *
 * 511133 is 马边彝族自治县. Officer o1 works for SALES in 511133; o2 for SALES in 511102 (not told).
 */
let t: TestApp;
let clock = new Date('2026-03-01T02:00:00Z');
let coord: TestUser;
let admin: TestUser;
let o1: TestUser;
let o2: TestUser;
const h = helpers(() => t);
const items: Record<string, Record<string, any>> = {};

const ITEM_Q = `query($id: ID!) { remediationItem(id: $id) { id code escalationLevel version events { action comment data actorName } } }`;
const INBOX = `query($u: Boolean) { notifications(unreadOnly: $u, first: 100) { totalCount nodes { id kind itemId itemCode title titleEn data readAt } } }`;

async function item(id: string) {
  const r = await t.gql(ITEM_Q, { id }, coord.token);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.remediationItem;
}
async function inbox(user: TestUser, unreadOnly = false) {
  const r = await t.gql(INBOX, { u: unreadOnly }, user.token);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.notifications as { totalCount: number; nodes: Record<string, any>[] };
}
const mine = (nodes: Record<string, any>[], ids: string[]) => nodes.filter((n) => ids.includes(n.itemId));

beforeAll(async () => {
  t = await startTestApp({ now: () => clock, env: { DAILY_JOBS_AT: '00:30', DAILY_JOBS_BATCH_SIZE: '2' } });
  coord = await makeUser(t.ds, Role.COORDINATOR);
  admin = await makeUser(t.ds, Role.ADMIN);
  o1 = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511133'], departmentCode: 'MARKET' });
  o2 = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  const shop = await h.business(coord.token, { districtCode: '511133', name: `督办测试车行${tag()}` });
  for (const [name, deadline] of [['A', '2026-03-09'], ['B', '2026-03-10']] as const) {
    const it = await h.item(coord.token, { businessId: shop.id });
    const served = await h.move(coord.token, it, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', noticeNo: `督-${tag()}`, deadline });
    items[name] = await h.move(coord.token, served, 'START_RECTIFICATION');
  }
});
afterAll(async () => {
  await t?.close();
});

describe('notifications from the workflow', () => {
  it('tells the officers in the item’s scope of a new item and of each step, not those outside it nor the actor', async () => {
    const box = mine((await inbox(o1)).nodes, [items.A.id]);
    // Newest first: START_RECTIFICATION, SERVE_NOTICE, then the assignment (CREATED).
    expect(box.map((n) => [n.kind, n.data.action])).toEqual([
      ['TRANSITION', 'START_RECTIFICATION'],
      ['TRANSITION', 'SERVE_NOTICE'],
      ['ASSIGNED', 'CREATED'],
    ]);
    expect(box[0].itemCode).toBe(items.A.code);
    expect(box[0].title).toBe(`隐患 ${items.A.code} 状态变化：START_RECTIFICATION → RECTIFYING`);
    expect(mine((await inbox(o2)).nodes, [items.A.id, items.B.id])).toEqual([]);
    expect(mine((await inbox(coord)).nodes, [items.A.id, items.B.id])).toEqual([]);
  });
});

describe('escalation at the Asia/Shanghai day edge', () => {
  it('23:59:59 on 03-10 (Shanghai) runs the day 03-10: A, overdue 1 day, is escalated; B, due that day, is not', async () => {
    clock = new Date('2026-03-10T15:59:59Z');
    const out = await t.handle.dailyJobs.tick();
    expect(out).toMatchObject({ day: '2026-03-10', ran: true, reason: 'RAN' });
    const a = await item(items.A.id);
    expect(a.escalationLevel).toBe(1);
    expect(a.version).toBe(items.A.version); // not a workflow change
    const esc = a.events.filter((e: any) => e.action === 'ESCALATED');
    expect(esc).toEqual([
      {
        action: 'ESCALATED',
        actorName: '系统（每日督办）',
        comment: `隐患 ${items.A.code} 距整改期限 2026-03-09 已超过1天，已升级督办（1级）`,
        data: { rule: 'OVERDUE_1D', ruleVersion: 1, kind: 'OVERDUE', level: 1, watchedDate: '2026-03-09', daysPast: 1, day: '2026-03-10' },
      },
    ]);
    expect((await item(items.B.id)).escalationLevel).toBe(0);
    const box = mine((await inbox(o1)).nodes, [items.A.id, items.B.id]).filter((n) => n.kind === 'ESCALATED');
    expect(box.map((n) => [n.itemCode, n.titleEn])).toEqual([[items.A.code, `Item ${items.A.code}: 1 day(s) past the rectification deadline 2026-03-09; escalated to level 1`]]);
    expect(mine((await inbox(o2)).nodes, [items.A.id])).toEqual([]);
    const audit = await t.ds.query(`SELECT actor_type, operation, changes->'escalationLevel' AS level FROM audit_event WHERE entity_id = $1 AND operation LIKE 'escalate:%'`, [items.A.id]);
    expect(audit).toEqual([{ actor_type: 'system', operation: 'escalate:OVERDUE_1D', level: { before: 0, after: 1 } }]);
  });

  it('00:00 on 03-11 is before the 00:30 schedule: nothing runs; 00:30 runs 03-11 and escalates B, A not again', async () => {
    clock = new Date('2026-03-10T16:00:00Z');
    expect(await t.handle.dailyJobs.tick()).toBeNull();
    expect((await item(items.B.id)).escalationLevel).toBe(0);
    clock = new Date('2026-03-10T16:29:59Z');
    expect(await t.handle.dailyJobs.tick()).toBeNull();
    clock = new Date('2026-03-10T16:30:00Z');
    expect(await t.handle.dailyJobs.tick()).toMatchObject({ day: '2026-03-11', ran: true });
    const b = await item(items.B.id);
    expect(b.escalationLevel).toBe(1);
    expect(b.events.filter((e: any) => e.action === 'ESCALATED').map((e: any) => e.data.watchedDate)).toEqual(['2026-03-10']);
    expect((await item(items.A.id)).events.filter((e: any) => e.action === 'ESCALATED')).toHaveLength(1);
    // The same day again on schedule: done, nothing runs.
    clock = new Date('2026-03-11T03:00:00Z');
    expect(await t.handle.dailyJobs.tick()).toBeNull();
  });

  it('filters items by escalationLevel', async () => {
    const q = `query($f: RemediationItemFilter) { remediationItems(filter: $f, first: 100) { nodes { id escalationLevel } } }`;
    const r = await t.gql(q, { f: { district: { eq: '511133' }, escalationLevel: { gte: 1 } } }, coord.token);
    expect(r.body.errors).toBeUndefined();
    const ids = r.body.data!.remediationItems.nodes.map((n: any) => n.id);
    expect(ids).toEqual(expect.arrayContaining([items.A.id, items.B.id]));
    const none = await t.gql(q, { f: { district: { eq: '511133' }, escalationLevel: { eq: 0 } } }, coord.token);
    expect(none.body.data!.remediationItems.nodes.map((n: any) => n.id)).not.toContain(items.A.id);
  });

  it('overdue 7 days (03-16): a supervision letter (督办函) for A, level 2, to the lead department and the task-force office; B (6 days) none', async () => {
    clock = new Date('2026-03-15T16:30:00Z');
    expect(await t.handle.dailyJobs.tick()).toMatchObject({ day: '2026-03-16', ran: true });
    const a = await item(items.A.id);
    expect(a.escalationLevel).toBe(2);
    const letters = a.events.filter((e: any) => e.action === 'SUPERVISION_LETTER');
    expect(letters).toHaveLength(1);
    expect(letters[0].data).toEqual({ rule: 'OVERDUE_7D_LETTER', ruleVersion: 1, kind: 'OVERDUE', level: 2, watchedDate: '2026-03-09', daysPast: 7, day: '2026-03-16', letterTo: 'MARKET' });
    expect(letters[0].comment).toBe(`隐患 ${items.A.code} 距整改期限 2026-03-09 已超过7天，发督办函至 市市场监督管理局（2级督办）`);
    expect((await item(items.B.id)).escalationLevel).toBe(1);
    // The coordinator and the officer of the team in the district both hear of the letter.
    for (const u of [coord, o1]) {
      expect(mine((await inbox(u)).nodes, [items.A.id, items.B.id]).filter((n) => n.kind === 'SUPERVISION_LETTER').map((n) => n.itemCode)).toEqual([items.A.code]);
    }
  });
});

describe('escalation rules as data', () => {
  const UPDATE = `mutation($i: UpdateEscalationRuleInput!) { updateEscalationRule(input: $i) { escalationRule { code daysAfter level action active version } userErrors { field code message messageEn } } }`;

  it('a coordinator edits a rule: versioned, audited; a stale version is a CONFLICT; others may not', async () => {
    const rules = await t.gql(`{ escalationRules { code kind daysAfter level action active version } }`, {}, o1.token);
    expect(rules.body.data!.escalationRules.map((r: any) => [r.code, r.kind, r.daysAfter, r.level, r.action])).toEqual([
      ['LISTING_NEAR_5D', 'LISTING_DEADLINE', -5, 1, 'ESCALATE'],
      ['LISTING_PAST_1D', 'LISTING_DEADLINE', 1, 2, 'SUPERVISION_LETTER'],
      ['OVERDUE_1D', 'OVERDUE', 1, 1, 'ESCALATE'],
      ['OVERDUE_7D_LETTER', 'OVERDUE', 7, 2, 'SUPERVISION_LETTER'],
      ['REVIEW_DUE_1D', 'REVIEW_DUE', 1, 1, 'ESCALATE'],
    ]);
    const r = await t.gql(UPDATE, { i: { code: 'OVERDUE_7D_LETTER', expectedVersion: 1, daysAfter: 10 } }, coord.token);
    expect(r.body.data!.updateEscalationRule).toEqual({ escalationRule: { code: 'OVERDUE_7D_LETTER', daysAfter: 10, level: 2, action: 'SUPERVISION_LETTER', active: true, version: 2 }, userErrors: [] });
    const stale = await t.gql(UPDATE, { i: { code: 'OVERDUE_7D_LETTER', expectedVersion: 1, daysAfter: 7 } }, coord.token);
    expect(stale.body.data!.updateEscalationRule.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] })]);
    const bad = await t.gql(UPDATE, { i: { code: 'OVERDUE_1D', expectedVersion: 1, daysAfter: 0 } }, coord.token);
    expect(bad.body.data!.updateEscalationRule.userErrors).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'daysAfter'] })]);
    const unknown = await t.gql(UPDATE, { i: { code: 'NO_SUCH_RULE', expectedVersion: 1, level: 3 } }, coord.token);
    expect(unknown.body.data!.updateEscalationRule.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'code'] })]);
    for (const u of [o1, admin]) {
      const no = await t.gql(UPDATE, { i: { code: 'OVERDUE_1D', expectedVersion: 1, level: 3 } }, u.token);
      expect(no.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const audit = await t.ds.query(`SELECT changes FROM audit_event WHERE operation = 'updateEscalationRule' AND outcome = 'SUCCESS'`);
    expect(audit).toEqual([{ changes: { daysAfter: { before: 7, after: 10 } } }]);
    // Back, for the tests below.
    const back = await t.gql(UPDATE, { i: { code: 'OVERDUE_7D_LETTER', expectedVersion: 2, daysAfter: 7 } }, coord.token);
    expect(back.body.data!.updateEscalationRule.userErrors).toEqual([]);
  });
});

describe('the inbox', () => {
  const MARK = `mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { marked unreadCount userErrors { field code message } } }`;

  it('marks by id (only the caller’s own), then all; unreadOnly and the count follow', async () => {
    const before = await inbox(o1, true);
    expect(before.totalCount).toBeGreaterThanOrEqual(8);
    const first = before.nodes[0];
    const other = (await inbox(coord)).nodes[0];
    const foreign = await t.gql(MARK, { i: { ids: [other.id] } }, o1.token);
    expect(foreign.body.data!.markNotificationsRead.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'ids'] })]);
    const both = await t.gql(MARK, { i: { ids: [first.id], all: true } }, o1.token);
    expect(both.body.data!.markNotificationsRead.userErrors).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'ids'] })]);
    const one = await t.gql(MARK, { i: { ids: [first.id] } }, o1.token);
    expect(one.body.data!.markNotificationsRead).toEqual({ marked: 1, unreadCount: before.totalCount - 1, userErrors: [] });
    const again = await t.gql(MARK, { i: { ids: [first.id] } }, o1.token);
    expect(again.body.data!.markNotificationsRead).toEqual({ marked: 0, unreadCount: before.totalCount - 1, userErrors: [] });
    expect((await inbox(o1, true)).nodes.map((n) => n.id)).not.toContain(first.id);
    const all = await t.gql(MARK, { i: { all: true } }, o1.token);
    expect(all.body.data!.markNotificationsRead).toEqual({ marked: before.totalCount - 1, unreadCount: 0, userErrors: [] });
    expect((await t.gql(`{ unreadNotificationCount }`, {}, o1.token)).body.data).toEqual({ unreadNotificationCount: 0 });
    expect((await inbox(coord, true)).nodes.map((n) => n.id)).toContain(other.id);
  });

  it('announces each notification on ebike_notification with {id, userId}, only when the change commits', async () => {
    const listener = new Client({ connectionString: (t.ds.options as { url: string }).url });
    await listener.connect();
    const got: { id: string; userId: string }[] = [];
    listener.on('notification', (m) => got.push(JSON.parse(m.payload!)));
    await listener.query('LISTEN ebike_notification');
    try {
      clock = new Date('2026-03-16T02:00:00Z');
      const shop = await h.business(coord.token, { districtCode: '511133' });
      const it = await h.item(coord.token, { businessId: shop.id });
      // A step refused (userErrors: rolled back) announces nothing.
      await h.moveErr(coord.token, it, 'PASS_REVIEW');
      await h.move(coord.token, it, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', noticeNo: `督-${tag()}`, deadline: '2026-03-20' });
      for (let i = 0; i < 50 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      const o1box = mine((await inbox(o1)).nodes, [it.id]);
      expect(o1box.map((n) => n.kind)).toEqual(['TRANSITION', 'ASSIGNED']);
      expect(got.filter((g) => g.userId === o1.user.id)).toEqual(o1box.map((n) => ({ id: n.id, userId: o1.user.id })).reverse());
    } finally {
      await listener.end();
    }
  });
});

describe('runs: one per day, on demand by an administrator', () => {
  it('two instances ticking at once: one runs, the other finds it busy or done; effects once', async () => {
    clock = new Date('2026-03-20T16:40:00Z'); // 03-21 00:40 Shanghai
    const second = await startTestApp({ ds: t.ds, now: () => clock, env: { DAILY_JOBS_AT: '00:30', DAILY_JOBS_BATCH_SIZE: '1' } });
    try {
      const outs = await Promise.all([t.handle.dailyJobs.tick(), second.handle.dailyJobs.tick()]);
      expect(outs.filter((o) => o?.ran === true)).toHaveLength(1);
      const runs = await t.ds.query(`SELECT job, status, attempts FROM job_run WHERE day = '2026-03-21' ORDER BY job`);
      expect(runs).toEqual([
        { job: 'ESCALATION', status: 'DONE', attempts: 1 },
        { job: 'PRUNE', status: 'DONE', attempts: 1 },
        { job: 'SNAPSHOT', status: 'DONE', attempts: 1 },
      ]);
      // B is overdue 11 days on 03-21: its letter, once.
      const b = await item(items.B.id);
      expect(b.events.filter((e: any) => e.action === 'SUPERVISION_LETTER')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('runDailyJobs (ADMIN) runs the day again without doubling; others may not', async () => {
    const RUN = `mutation { runDailyJobs(input: {}) { day ran runs { job day status attempts effects triggeredBy } userErrors { field message } } }`;
    const r = await t.gql(RUN, {}, admin.token);
    expect(r.body.errors).toBeUndefined();
    const p = r.body.data!.runDailyJobs;
    expect(p.day).toBe('2026-03-21');
    expect(p.ran).toBe(true);
    expect(p.runs.map((x: any) => [x.job, x.status, x.attempts, x.triggeredBy])).toEqual([
      ['ESCALATION', 'DONE', 2, 'MANUAL'],
      ['PRUNE', 'DONE', 2, 'MANUAL'],
      ['SNAPSHOT', 'DONE', 2, 'MANUAL'],
    ]);
    const b = await item(items.B.id);
    expect(b.events.filter((e: any) => e.action === 'SUPERVISION_LETTER')).toHaveLength(1);
    for (const u of [coord, o1]) expect((await t.gql(RUN, {}, u.token)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    // Only today: the jobs read the current state, so another day would store wrong figures.
    const past = await t.gql(`mutation { runDailyJobs(input: { day: "2026-03-20" }) { ran runs { job } userErrors { field code messageEn } } }`, {}, admin.token);
    expect(past.body.data!.runDailyJobs).toEqual({ ran: null, runs: null, userErrors: [{ field: ['input', 'day'], code: 'VALIDATION', messageEn: "Only today's jobs (2026-03-21) can be run: they read the current state" }] });
    const runs = await t.gql(`{ jobRuns(from: "2026-03-10", to: "2026-03-21") { job day status } }`, {}, coord.token);
    expect(runs.body.data!.jobRuns.filter((x: any) => x.job === 'ESCALATION').map((x: any) => x.day)).toEqual(['2026-03-21', '2026-03-16', '2026-03-11', '2026-03-10']);
  });
});

describe('daily snapshots', () => {
  it('store the closing figures of the day before the run, once: a later change does not alter them', async () => {
    const Q = `query($d: LocalDate!) { dailySnapshots(from: $d, to: $d, groupBy: [DISTRICT, TEAM, STAGE]) { day districtCode teamCode stage foundTotal closedTotal foundOnDay closedOnDay open overdue listed escalated lettersOnDay } }`;
    const row = async (d: string) => (await t.gql(Q, { d }, o1.token)).body.data!.dailySnapshots.find((r: any) => r.districtCode === '511133' && r.teamCode === 'SALES' && r.stage === 'SALES');
    // Run of 03-16 stored 03-15: A and B open and overdue (deadlines 03-09, 03-10), both escalated (level 1), no letter yet that day.
    expect(await row('2026-03-15')).toEqual({
      day: '2026-03-15', districtCode: '511133', teamCode: 'SALES', stage: 'SALES',
      foundTotal: 2, closedTotal: 0, foundOnDay: 0, closedOnDay: 0, open: 2, overdue: 2, listed: 0, escalated: 2, lettersOnDay: 0,
    });
    // Run of 03-21 stored 03-20: the third item (found 03-16, deadline 03-20) was neither overdue nor escalated on 03-20.
    expect(await row('2026-03-20')).toMatchObject({ foundTotal: 3, open: 3, overdue: 2, escalated: 2 });
    // Run of 03-11 stored 03-10: only A was overdue, and escalated, on 03-10.
    expect(await row('2026-03-10')).toMatchObject({ foundTotal: 2, open: 2, overdue: 1, escalated: 1 });
    // The bulletin reads the same stored figures: of 03-15, the last day of its period, as stored.
    const BULLETIN = `query($f: LocalDate!, $t: LocalDate!) { bulletin(from: $f, to: $t) { escalationsInPeriod supervisionLettersInPeriod totals { found escalated }
      stored { asOf daysStored foundTotal closedTotal open overdue listed escalated foundInPeriod closedInPeriod supervisionLettersInPeriod } } }`;
    const before = (await t.gql(BULLETIN, { f: '2026-03-10', t: '2026-03-15' }, o1.token)).body.data!.bulletin;
    expect(before.stored).toMatchObject({ asOf: '2026-03-15', daysStored: 2 });
    expect(before.stored.overdue).toBeGreaterThanOrEqual(2);
    expect(before.escalationsInPeriod).toBeGreaterThanOrEqual(2); // A on 03-10, B on 03-11 (and whatever else of this database was overdue)
    const withLetter = (await t.gql(BULLETIN, { f: '2026-03-10', t: '2026-03-16' }, o1.token)).body.data!.bulletin;
    expect(withLetter.supervisionLettersInPeriod).toBeGreaterThanOrEqual(1); // A's on 03-16
    expect(withLetter.stored).toBeNull(); // 03-16 is stored by the run of 03-17, which has not happened
    // B is written off (误报核销) on 03-21 and the day run again: the stored figures stay as they were.
    const b = await item(items.B.id);
    await h.move(coord.token, b, 'INVALIDATE', { comment: '误报：复核确认不是隐患' });
    const again = await t.gql(`mutation { runDailyJobs(input: {}) { ran userErrors { field } } }`, {}, admin.token);
    expect(again.body.data!.runDailyJobs).toEqual({ ran: true, userErrors: [] });
    expect(await row('2026-03-20')).toMatchObject({ foundTotal: 3, open: 3, overdue: 2, escalated: 2 });
    const live = await t.ds.query(`SELECT count(*)::int AS n FROM remediation_item i JOIN business b ON b.id = i.business_id WHERE i.district_code = '511133' AND i.team_id = (SELECT id FROM task_team WHERE code = 'SALES') AND i.status <> 'INVALIDATED' AND b.name LIKE '督办测试车行%'`);
    expect(live).toEqual([{ n: 1 }]);
    expect((await t.gql(BULLETIN, { f: '2026-03-10', t: '2026-03-15' }, o1.token)).body.data!.bulletin.stored).toEqual(before.stored);
    // Reporters read them too (aggregates).
    const reporter = await makeUser(t.ds, Role.REPORTER);
    expect((await t.gql(Q, { d: '2026-03-15' }, reporter.token)).body.errors).toBeUndefined();
  });
});
