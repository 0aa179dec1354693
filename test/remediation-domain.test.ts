import { Role } from '../src/common/auth';
import { ITEM, counts, helpers, sha, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';

/**
 * Domain rules a coordinator meets in the first week (issues #14 and #11): acceptance of a listed
 * item after a failed review, the evidence that counts, overdue from true dates, paper notices
 * entered late, late extensions, re-grading, listed supervision's timeline and escalation, and the
 * names people read. The clock is fixed: today is Monday 2026-06-15 in Asia/Shanghai.
 */

const NOW = new Date('2026-06-15T02:00:00Z'); // 10:00 in Shanghai
/** The fixed clock ticks a millisecond per reading, so histories keep their order. */
let ticks = 0;
const clock = () => new Date(NOW.getTime() + ticks++);
let t: TestApp;
let coord: TestUser;
let o1: TestUser; // SALES team in 511102
let o2: TestUser; // same scope, another officer
let outsideDistrict: TestUser;
let partner: TestUser;
const h = helpers(() => t);
const { ok, code, refused, item, move, moveErr, read, evidence } = h;
let shop: { id: string };

const PLAN = { objectives: '清除三无产品', measures: '下架封存', funds: '5万元', responsible: '店长', timeline: '30日内', contingency: '专人值守' };
const LISTING = 'listing { level deadline listedOn publishedOn publishDueOn publishOverdue acceptanceDueOn acceptedOn overdue overdueDays escalation explanationFiledOn supervisionLetterOn supervisionLetterNo publicCriticismOn liftedOn liftReason }';
const FULL = `${ITEM} listingOverdue reviewerName reviewedAt noticeServedAt rectificationMeasures description responsiblePerson hazardType { code } ${LISTING}`;
const UPDATE = `mutation($input: UpdateRemediationItemInput!) { updateRemediationItem(input: $input) { remediationItem { ${FULL} } userErrors { field message messageEn code } } }`;
const TRANSITION = `mutation($input: TransitionInput!) { transitionRemediationItem(input: $input) { remediationItem { ${FULL} } userErrors { field message messageEn code } } }`;

beforeAll(async () => {
  t = await startTestApp({ now: clock });
  coord = await makeUser(t.ds, Role.COORDINATOR);
  o1 = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  o2 = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  outsideDistrict = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511111'], departmentCode: 'MARKET' });
  partner = await makeUser(t.ds, Role.PARTNER_VIEWER);
  shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
});
afterAll(() => t.close());

const newItem = (extra: Record<string, unknown> = {}) => item(o1.token, { businessId: shop.id, discoveredAt: '2026-05-01T01:00:00Z', ...extra });
const full = (id: string, token = coord.token) => read(token, id, FULL);

/** A transition with the full selection; returns the payload. */
async function step(token: string, it: Record<string, any>, action: string, extra: Record<string, unknown> = {}) {
  const r = await t.gql(TRANSITION, { input: { id: it.id, expectedVersion: it.version, action, ...extra } }, token);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.transitionRemediationItem as { remediationItem: Record<string, any> | null; userErrors: Record<string, any>[] };
}
async function stepOk(token: string, it: Record<string, any>, action: string, extra: Record<string, unknown> = {}) {
  const p = await step(token, it, action, extra);
  expect({ action, userErrors: p.userErrors }).toEqual({ action, userErrors: [] });
  return p.remediationItem!;
}
async function update(token: string, it: Record<string, any>, input: Record<string, unknown>) {
  const r = await t.gql(UPDATE, { input: { id: it.id, expectedVersion: it.version, reason: '专家复核', ...input } }, token);
  return r;
}
async function updateOk(token: string, it: Record<string, any>, input: Record<string, unknown>) {
  const r = await update(token, it, input);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data!.updateRemediationItem.userErrors).toEqual([]);
  return r.body.data!.updateRemediationItem.remediationItem as Record<string, any>;
}
async function updateErrors(token: string, it: Record<string, any>, input: Record<string, unknown>) {
  const r = await update(token, it, input);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data!.updateRemediationItem.remediationItem).toBeNull();
  return r.body.data!.updateRemediationItem.userErrors as Record<string, any>[];
}

/** RECTIFYING under a limited-time notice served on `servedAt` with `deadline`. */
async function rectifying(deadline: string, extra: Record<string, unknown> = {}, servedAt = '2026-05-02T01:00:00Z') {
  let i = await newItem(extra);
  i = await move(o1.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline, noticeServedAt: servedAt, noticeNo: `乐市监责改〔2026〕${tag()}号` });
  if (i.level === 'MAJOR' || i.isMajorFireHazard) i = await move(o1.token, i, 'SUBMIT_PLAN', { plan: PLAN });
  return move(o1.token, i, 'START_RECTIFICATION');
}
const listInput = (x: Record<string, any>, extra: Record<string, unknown> = {}) => ({
  id: x.id,
  expectedVersion: x.version,
  authority: '乐山市安全生产委员会',
  listingNumber: `乐安委督〔2026〕${tag()}号`,
  listedOn: '2026-05-04',
  ...extra,
});
const LIST = `mutation($input: ListRemediationItemInput!) { listRemediationItem(input: $input) { remediationItem { ${FULL} } userErrors { field message messageEn code } } }`;
async function listed(i: Record<string, any>, extra: Record<string, unknown> = {}) {
  const r = await t.gql(LIST, { input: listInput(i, extra) }, coord.token);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data!.listRemediationItem.userErrors).toEqual([]);
  return r.body.data!.listRemediationItem.remediationItem as Record<string, any>;
}

describe('a listing acceptance is of the rectification finally closed (#14.2)', () => {
  it('accept → fail → redo → pass: CLOSE is refused until the listing authority accepts again', async () => {
    let i = await newItem({ level: 'MAJOR' });
    i = await listed(i);
    i = await move(o1.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline: '2026-09-30', noticeServedAt: '2026-05-04T02:00:00Z' });
    i = await move(o1.token, i, 'SUBMIT_PLAN', { plan: PLAN });
    i = await move(o1.token, i, 'START_RECTIFICATION');
    i = await move(o1.token, i, 'REPORT_COMPLETION');
    i = await stepOk(coord.token, i, 'ACCEPT_LISTING', { comment: '验收合格' });
    expect(i.listing.acceptedOn).toBe('2026-06-15');
    i = await stepOk(o2.token, i, 'FAIL_REVIEW', { comment: '复查发现仍有库存' });
    expect(i).toMatchObject({ status: 'RECTIFYING', listing: { acceptedOn: null } });
    expect(i.events.at(-1)).toMatchObject({ action: 'FAIL_REVIEW', data: { listingAcceptanceWithdrawn: '2026-06-15' } });
    i = await move(o1.token, i, 'REPORT_COMPLETION');
    i = await move(o2.token, i, 'PASS_REVIEW');
    await evidence(o2.token, i);
    i = await full(i.id, o2.token);
    expect(i.availableTransitions).not.toContain('CLOSE');
    expect(await moveErr(o2.token, i, 'CLOSE')).toEqual([expect.objectContaining({ code: 'GUARD_FAILED', messageEn: expect.stringContaining('accepted') })]);
    i = await stepOk(coord.token, i, 'ACCEPT_LISTING', { comment: '二次验收合格' });
    i = await move(o2.token, i, 'CLOSE');
    expect(i.status).toBe('CLOSED');
  });
});

describe('evidence that counts (#14.12)', () => {
  it('an "after" document does not prove a rectification; an "after" video does', async () => {
    let i = await newItem();
    i = await move(o1.token, i, 'RECTIFY_ON_SITE');
    await ok('addEvidence', { id: i.id, kind: 'DOCUMENT', phase: 'AFTER', location: 'oss://docs/signed.pdf', sha256: sha() }, o1.token);
    await ok('addEvidence', { id: i.id, kind: 'PHOTO', phase: 'BEFORE', location: 'oss://x/before.jpg', sha256: sha() }, o1.token);
    i = await full(i.id, o1.token);
    expect(i.availableTransitions).not.toContain('CLOSE');
    const errs = (await step(o1.token, i, 'CLOSE')).userErrors;
    expect(errs).toEqual([
      { field: ['input', 'action'], code: 'GUARD_FAILED', message: '销号须至少有一张整改后照片或一段整改后视频（文书不计）', messageEn: 'Closing needs at least one "after" photo or video (a document does not count)' },
    ]);
    await ok('addEvidence', { id: i.id, kind: 'VIDEO', phase: 'AFTER', location: 'oss://x/after.mp4', sha256: sha() }, o1.token);
    i = await full(i.id, o1.token);
    expect(i.availableTransitions).toContain('CLOSE');
    expect((await move(o1.token, i, 'CLOSE')).status).toBe('CLOSED');
  });
});

describe('overdue is decided by the status, with deadlines in the past (#14 tests)', () => {
  it('an item 26 days past its deadline is overdue; closed, it is not', async () => {
    let i = await rectifying('2026-05-20');
    expect(i).toMatchObject({ overdue: true, overdueDays: 26 });
    i = await move(o1.token, i, 'REPORT_COMPLETION');
    expect(i).toMatchObject({ status: 'PENDING_REVIEW', overdue: true, overdueDays: 26 });
    i = await move(o2.token, i, 'PASS_REVIEW');
    await evidence(o2.token, i);
    i = await move(o2.token, await read(o2.token, i.id), 'CLOSE');
    expect(i).toMatchObject({ status: 'CLOSED', deadline: '2026-05-20', overdue: false, overdueDays: 0 });
    const r = await t.gql(`query($id: ID!) { remediationItems(filter: { businessId: { eq: $id }, overdue: { eq: true } }, first: 100) { nodes { id } } }`, { id: shop.id }, coord.token);
    expect(r.body.data!.remediationItems.nodes).not.toContainEqual({ id: i.id });
  });

  it('an overdue item written off as a false report is not overdue', async () => {
    let i = await rectifying('2026-06-01');
    expect(i).toMatchObject({ overdue: true, overdueDays: 14 });
    i = await move(coord.token, i, 'INVALIDATE', { comment: '经核实系误报' });
    expect(i).toMatchObject({ status: 'INVALIDATED', deadline: '2026-06-01', overdue: false, overdueDays: 0 });
    const r = await t.gql(`query($id: ID!) { remediationItems(filter: { businessId: { eq: $id }, overdue: { eq: false } }, first: 100) { nodes { id } } }`, { id: shop.id }, coord.token);
    expect(r.body.data!.remediationItems.nodes).toContainEqual({ id: i.id });
  });
});

describe('paper first, system later (#11.8)', () => {
  it('a notice served last week with a deadline that has passed is recorded truthfully, and is overdue from the true dates', async () => {
    let i = await newItem({ discoveredAt: '2026-06-05T01:00:00Z' });
    i = await stepOk(o1.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', noticeServedAt: '2026-06-08T03:00:00Z', deadline: '2026-06-12' });
    expect(i).toMatchObject({ status: 'NOTIFIED', noticeServedAt: '2026-06-08T03:00:00.000Z', deadline: '2026-06-12', overdue: true, overdueDays: 3 });
    // an immediate order served on paper defaults its deadline to the day it was served
    const imm = await stepOk(o1.token, await newItem({ discoveredAt: '2026-06-05T01:00:00Z' }), 'SERVE_NOTICE', { noticeType: 'IMMEDIATE', noticeServedAt: '2026-06-09T03:00:00Z' });
    expect(imm).toMatchObject({ deadline: '2026-06-09', overdue: true, overdueDays: 6 });
  });

  it('refuses a deadline before the notice was served, a notice before discovery, and a notice served in the future; nothing written', async () => {
    const i = await newItem({ discoveredAt: '2026-06-05T01:00:00Z' });
    const before = await counts(t, i.id);
    const serve = (extra: Record<string, unknown>) => step(o1.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', ...extra });
    expect((await serve({ noticeServedAt: '2026-06-08T03:00:00Z', deadline: '2026-06-07' })).userErrors).toEqual([
      { field: ['input', 'deadline'], code: 'VALIDATION', message: '整改期限 2026-06-07 早于通知送达日期 2026-06-08', messageEn: 'The deadline 2026-06-07 is before the notice was served (2026-06-08)' },
    ]);
    expect((await serve({ noticeServedAt: '2026-06-04T03:00:00Z', deadline: '2026-06-30' })).userErrors).toEqual([
      { field: ['input', 'noticeServedAt'], code: 'VALIDATION', message: '整改通知送达时间早于隐患发现时间', messageEn: 'noticeServedAt is before the hazard was discovered' },
    ]);
    expect((await serve({ noticeServedAt: '2026-06-16T03:00:00Z', deadline: '2026-06-30' })).userErrors).toEqual([
      { field: ['input', 'noticeServedAt'], code: 'VALIDATION', message: '送达时间不能晚于当前时间', messageEn: 'noticeServedAt is in the future' },
    ]);
    // no noticeServedAt: served now, so a deadline before today is before the notice
    expect((await serve({ deadline: '2026-06-14' })).userErrors[0]).toMatchObject({ field: ['input', 'deadline'], code: 'VALIDATION' });
    expect(await counts(t, i.id)).toEqual(before);
  });

  it('FAIL_REVIEW held last week may set a new deadline that has since passed; not one before the review, nor a review in the future or before the notice', async () => {
    let i = await rectifying('2026-06-05', {}, '2026-05-20T01:00:00Z');
    i = await move(o1.token, i, 'REPORT_COMPLETION');
    const before = await counts(t, i.id);
    const fail = (extra: Record<string, unknown>) => step(o2.token, i, 'FAIL_REVIEW', { comment: '仍在销售', ...extra });
    expect((await fail({ reviewedAt: '2026-06-10T02:00:00Z', deadline: '2026-06-09' })).userErrors).toEqual([
      { field: ['input', 'deadline'], code: 'VALIDATION', message: '新的整改期限 2026-06-09 早于复查日期 2026-06-10', messageEn: 'The new deadline 2026-06-09 is before the review (2026-06-10)' },
    ]);
    expect((await fail({ reviewedAt: '2026-06-16T02:00:00Z', deadline: '2026-06-30' })).userErrors).toEqual([
      { field: ['input', 'reviewedAt'], code: 'VALIDATION', message: '复查时间不能晚于当前时间', messageEn: 'reviewedAt is in the future' },
    ]);
    expect((await fail({ reviewedAt: '2026-05-19T02:00:00Z', deadline: '2026-06-30' })).userErrors).toEqual([
      { field: ['input', 'reviewedAt'], code: 'VALIDATION', message: '复查时间早于整改通知送达时间', messageEn: 'reviewedAt is before the notice was served' },
    ]);
    expect(await counts(t, i.id)).toEqual(before);
    i = await stepOk(o2.token, i, 'FAIL_REVIEW', { comment: '仍在销售', reviewedAt: '2026-06-10T02:00:00Z', deadline: '2026-06-12' });
    expect(i).toMatchObject({ status: 'RECTIFYING', reviewResult: 'FAIL', reviewedAt: '2026-06-10T02:00:00.000Z', deadline: '2026-06-12', overdue: true, overdueDays: 3 });
    expect(i.events.at(-1)).toMatchObject({ action: 'FAIL_REVIEW', data: { previousDeadline: '2026-06-05', reviewedAt: '2026-06-10T02:00:00.000Z' } });
  });

  it('an interview is recorded once held: a past date is accepted, a future one refused', async () => {
    const i = await newItem();
    expect((await step(o1.token, i, 'RECORD_INTERVIEW', { interview: { party: '店主王五', date: '2026-06-16' } })).userErrors).toEqual([
      { field: ['input', 'interview', 'date'], code: 'VALIDATION', message: '约谈日期 2026-06-16 晚于今天', messageEn: 'The interview date 2026-06-16 is after today' },
    ]);
    const done = await stepOk(o1.token, i, 'RECORD_INTERVIEW', { interview: { party: '店主王五', date: '2026-06-10' } });
    expect(done).toMatchObject({ interviewed: true });
  });
});

describe('extensions asked for after the deadline (#14.11)', () => {
  it('are refused: the item stays overdue with the days it has accrued; an application made in time may be entered late', async () => {
    const i = await rectifying('2026-06-12');
    expect(i).toMatchObject({ overdue: true, overdueDays: 3 });
    const before = await counts(t, i.id);
    const r = await t.gql(
      `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { remediationItem { id } userErrors { field message messageEn code } } }`,
      { input: { id: i.id, expectedVersion: i.version, requestedDeadline: '2026-07-31', reason: '材料未到' } },
      o1.token,
    );
    expect(r.body.data!.requestExtension).toEqual({
      remediationItem: null,
      userErrors: [
        {
          field: ['input', 'requestedOn'],
          code: 'GUARD_FAILED',
          message: '整改期限 2026-06-12 已过，逾期后不再受理延期申请；逾期天数照计',
          messageEn: 'The deadline 2026-06-12 passed before the application: an overdue item is not extended, and its overdue days stand',
        },
      ],
    });
    expect(await code('requestExtension', { id: i.id, expectedVersion: i.version, requestedDeadline: '2026-07-31', reason: 'x', requestedOn: '2026-06-16' }, o1.token)).toBe('VALIDATION');
    expect(await counts(t, i.id)).toEqual(before);
    expect(await read(o1.token, i.id)).toMatchObject({ deadline: '2026-06-12', overdue: true, overdueDays: 3, extensions: 0 });
    // applied on the 11th on paper, entered today: a timely request, recorded with its date
    const p = await ok('requestExtension', { id: i.id, expectedVersion: i.version, requestedDeadline: '2026-07-31', reason: '材料未到', requestedOn: '2026-06-11' }, o1.token);
    expect(p.extensionRequest).toMatchObject({ status: 'PENDING', previousDeadline: '2026-06-12', requestedDeadline: '2026-07-31' });
    const stored = await t.ds.query(`SELECT requested_at FROM extension_request WHERE id = $1`, [p.extensionRequest.id]);
    expect(stored[0].requested_at.toISOString()).toBe('2026-06-11T04:00:00.000Z');
  });
});

describe('re-grading a hazard: updateRemediationItem (#14.6)', () => {
  it('raises a rectifying item to major with an event (before/after) and an audit row; the plan is then due before the next step', async () => {
    let i = await rectifying('2026-09-30');
    expect(i).toMatchObject({ level: 'GENERAL', plan: null });
    i = await updateOk(o1.token, i, { level: 'MAJOR', reason: '经专家论证判定为重大事故隐患' });
    expect(i).toMatchObject({ status: 'RECTIFYING', level: 'MAJOR', version: 4 });
    expect(i.events.at(-1)).toMatchObject({
      action: 'UPDATED',
      fromStatus: 'RECTIFYING',
      toStatus: 'RECTIFYING',
      actorId: o1.user.id,
      comment: '经专家论证判定为重大事故隐患',
      data: { changes: { level: { before: 'GENERAL', after: 'MAJOR' } }, planDue: true },
    });
    const audit = await t.ds.query(`SELECT changes FROM audit_event WHERE entity_id = $1 AND operation = 'updateRemediationItem'`, [i.id]);
    expect(audit).toEqual([{ changes: { level: { before: 'GENERAL', after: 'MAJOR' } } }]);
    expect(i.availableTransitions).not.toContain('REPORT_COMPLETION');
    expect((await step(o1.token, i, 'REPORT_COMPLETION')).userErrors).toEqual([
      {
        field: ['input', 'action'],
        code: 'GUARD_FAILED',
        message: '该隐患已升级为重大隐患，须先报送整改方案（SUBMIT_PLAN）方可继续',
        messageEn: 'The hazard was re-graded as major: its six-element plan (SUBMIT_PLAN) comes before the next step',
      },
    ]);
    i = await move(o1.token, i, 'SUBMIT_PLAN', { plan: PLAN });
    i = await move(o1.token, i, 'REPORT_COMPLETION');
    expect(i.status).toBe('PENDING_REVIEW');
  });

  it('corrects description, type and responsible person, keeping code and history; which fields change in which status', async () => {
    let i = await newItem({ responsiblePerson: '张三' });
    const codeBefore = i.code;
    i = await updateOk(o1.token, i, { hazardTypeCode: 'SALES_SUBSTANDARD', description: '销售不合格电池', responsiblePerson: '李四' });
    expect(i).toMatchObject({ code: codeBefore, hazardType: { code: 'SALES_SUBSTANDARD' }, description: '销售不合格电池', responsiblePerson: '李四', version: 2 });
    expect(i.events.map((e: { action: string }) => e.action)).toEqual(['CREATED', 'UPDATED']);
    // measures only once a notice is served
    expect(await updateErrors(o1.token, i, { rectificationMeasures: '全部下架' })).toEqual([
      expect.objectContaining({ field: ['input', 'rectificationMeasures'], code: 'INVALID_TRANSITION', messageEn: 'Rectification measures change after the notice is served and before the review passes' }),
    ]);
    // a type of another stage, an unknown type
    expect(await updateErrors(o1.token, i, { hazardTypeCode: 'PARK_FLY_LINE' })).toEqual([expect.objectContaining({ field: ['input', 'hazardTypeCode'], code: 'VALIDATION' })]);
    expect(await updateErrors(o1.token, i, { hazardTypeCode: 'NOPE' })).toEqual([expect.objectContaining({ field: ['input', 'hazardTypeCode'], code: 'INVALID_REFERENCE' })]);
    // nothing to change, a blank reason, a stale version
    expect(await updateErrors(o1.token, i, { description: '销售不合格电池' })).toEqual([expect.objectContaining({ code: 'VALIDATION', messageEn: expect.stringContaining('Nothing to change') })]);
    expect((await updateErrors(o1.token, i, { reason: '  ', level: 'MAJOR' }))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'reason'] });
    expect((await updateErrors(o1.token, { id: i.id, version: 1 }, { level: 'MAJOR' }))[0]).toMatchObject({ code: 'CONFLICT' });

    // after the review has passed: wording yes, grading no
    i = await rectifying('2026-09-30');
    i = await updateOk(o1.token, await move(o2.token, await move(o1.token, i, 'REPORT_COMPLETION'), 'PASS_REVIEW'), { description: '更正：三无电动自行车 2 辆' });
    expect(i.status).toBe('VERIFIED');
    expect(await updateErrors(o1.token, i, { level: 'SIGNIFICANT' })).toEqual([
      expect.objectContaining({ field: ['input', 'level'], code: 'INVALID_TRANSITION', message: '复查合格后不再调整隐患类型、等级和临时措施' }),
    ]);
    // closed items do not change
    await evidence(o2.token, i);
    i = await move(o2.token, await read(o2.token, i.id), 'CLOSE');
    expect(await updateErrors(coord.token, i, { description: 'x' })).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID_TRANSITION', message: '已销号的隐患不能修改' })]);
    // an item fixed on the spot is not raised to major
    const spot = await move(o1.token, await newItem(), 'RECTIFY_ON_SITE');
    expect(await updateErrors(o1.token, spot, { isMajorFireHazard: true })).toEqual([expect.objectContaining({ field: ['input', 'isMajorFireHazard'], code: 'GUARD_FAILED' })]);
  });

  it('is scope-checked like other writes; nothing written when refused', async () => {
    const i = await newItem();
    const before = await counts(t, i.id);
    for (const u of [outsideDistrict, partner]) {
      const r = await update(u.token, i, { level: 'MAJOR' });
      expect(r.body.data).toBeNull();
      expect(r.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect(await counts(t, i.id)).toEqual(before);
  });

  it('lowering a listed item below major is for the task-force office and lifts the listing', async () => {
    let i = await rectifying('2026-09-30', { level: 'MAJOR' });
    i = await listed(i, { deadline: '2026-09-30' });
    expect((await updateErrors(o1.token, i, { level: 'GENERAL' }))[0]).toMatchObject({ field: ['input', 'level'], code: 'GUARD_FAILED' });
    i = await updateOk(coord.token, i, { level: 'GENERAL', reason: '挂牌单位复核：不构成重大隐患' });
    expect(i).toMatchObject({ level: 'GENERAL', listed: false, listing: { liftedOn: '2026-06-15', liftReason: '挂牌单位复核：不构成重大隐患' } });
    expect(i.events.at(-1)).toMatchObject({ action: 'UPDATED', data: { changes: { level: { before: 'MAJOR', after: 'GENERAL' }, listed: { before: true, after: false } }, listingLifted: { liftedOn: '2026-06-15' } } });
    // a general item closes without any listing acceptance
    i = await move(o1.token, i, 'REPORT_COMPLETION');
    i = await move(o2.token, i, 'PASS_REVIEW');
    await evidence(o2.token, i);
    expect((await move(o2.token, await read(o2.token, i.id), 'CLOSE')).status).toBe('CLOSED');
  });
});

describe("listed supervision's own timeline (#14.10)", () => {
  it('level, authority deadline (at most a year), publication due in 5 working days, acceptance due 10 days after the deadline', async () => {
    const i = await rectifying('2026-09-30', { level: 'MAJOR' });
    expect(await code('listRemediationItem', listInput(i, { deadline: '2027-05-05' }), coord.token)).toBe('VALIDATION');
    expect(await code('listRemediationItem', listInput(i, { deadline: '2026-05-03' }), coord.token)).toBe('VALIDATION');
    let l = await listed(i, { level: 'COUNTY', deadline: '2026-06-01' });
    // listed Monday 2026-05-04: five working days later is Monday 2026-05-11
    expect(l.listing).toMatchObject({ level: 'COUNTY', listedOn: '2026-05-04', deadline: '2026-06-01', publishDueOn: '2026-05-11', publishOverdue: true, acceptanceDueOn: '2026-06-11', escalation: 'NONE' });
    expect(l.events.at(-1)).toMatchObject({ action: 'LISTED', data: { level: 'COUNTY', deadline: '2026-06-01' } });
    expect((await step(coord.token, l, 'PUBLISH_LISTING', { effectiveOn: '2026-06-16' })).userErrors[0]).toMatchObject({ field: ['input', 'effectiveOn'], code: 'VALIDATION' });
    expect((await step(coord.token, l, 'PUBLISH_LISTING', { effectiveOn: '2026-05-03' })).userErrors[0]).toMatchObject({ field: ['input', 'effectiveOn'], code: 'VALIDATION' });
    expect(await refused('transitionRemediationItem', { id: l.id, expectedVersion: l.version, action: 'PUBLISH_LISTING' }, o1.token)).toBe('FORBIDDEN');
    l = await stepOk(coord.token, l, 'PUBLISH_LISTING', { effectiveOn: '2026-05-08' });
    expect(l.listing).toMatchObject({ publishedOn: '2026-05-08', publishOverdue: false });
    expect((await step(coord.token, l, 'PUBLISH_LISTING')).userErrors[0]).toMatchObject({ code: 'GUARD_FAILED', messageEn: 'This step was already recorded on 2026-05-08' });
    // by default the authority's deadline is the item's own (when within the year)
    const other = await listed(await rectifying('2026-09-30', { level: 'MAJOR' }));
    expect(other.listing.deadline).toBe('2026-09-30');
  });

  it('past the authority deadline: listingOverdue and its filter; unexplained → supervision letter → public criticism', async () => {
    let i = await listed(await rectifying('2026-09-30', { level: 'MAJOR' }), { deadline: '2026-06-01' });
    expect(i).toMatchObject({ listingOverdue: true, overdue: false, listing: { overdue: true, overdueDays: 14 } });
    const filter = async (eq: boolean) =>
      (await t.gql(`query($id: ID!, $eq: Boolean) { remediationItems(filter: { businessId: { eq: $id }, listingOverdue: { eq: $eq } }, first: 100) { nodes { id } } }`, { id: shop.id, eq }, coord.token)).body.data!
        .remediationItems.nodes;
    expect(await filter(true)).toContainEqual({ id: i.id });
    expect(await filter(false)).not.toContainEqual({ id: i.id });
    expect((await read(coord.token, i.id)).availableTransitions).toEqual(expect.arrayContaining(['FILE_OVERDUE_EXPLANATION', 'ISSUE_SUPERVISION_LETTER']));
    expect((await step(coord.token, i, 'PUBLIC_CRITICISM')).userErrors[0]).toMatchObject({ code: 'GUARD_FAILED', messageEn: 'Public criticism comes after a supervision letter' });
    expect((await step(coord.token, i, 'ISSUE_SUPERVISION_LETTER')).userErrors[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'documentNo'] });
    expect(await refused('transitionRemediationItem', { id: i.id, expectedVersion: i.version, action: 'ISSUE_SUPERVISION_LETTER', documentNo: 'x' }, o1.token)).toBe('FORBIDDEN');
    i = await stepOk(coord.token, i, 'ISSUE_SUPERVISION_LETTER', { documentNo: '乐安委督函〔2026〕7号', effectiveOn: '2026-06-10' });
    expect(i.listing).toMatchObject({ supervisionLetterOn: '2026-06-10', supervisionLetterNo: '乐安委督函〔2026〕7号', escalation: 'SUPERVISION_LETTER' });
    i = await stepOk(coord.token, i, 'PUBLIC_CRITICISM', { comment: '全市通报批评' });
    expect(i.listing).toMatchObject({ publicCriticismOn: '2026-06-15', escalation: 'PUBLIC_CRITICISM' });
    expect(i.events.at(-1)).toMatchObject({ action: 'PUBLIC_CRITICISM', data: { publicCriticismOn: '2026-06-15', listingDeadline: '2026-06-01' } });

    // explained (with interim plan and monitoring): no supervision letter
    let e = await listed(await rectifying('2026-09-30', { level: 'MAJOR' }), { deadline: '2026-06-01' });
    expect((await step(o1.token, e, 'FILE_OVERDUE_EXPLANATION')).userErrors[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'comment'] });
    e = await stepOk(o1.token, e, 'FILE_OVERDUE_EXPLANATION', { comment: '设备未到货；临时封存并每日巡查' });
    expect(e.listing).toMatchObject({ explanationFiledOn: '2026-06-15', escalation: 'EXPLANATION_FILED' });
    expect((await step(coord.token, e, 'ISSUE_SUPERVISION_LETTER', { documentNo: 'x' })).userErrors[0]).toMatchObject({ code: 'GUARD_FAILED', field: ['input', 'action'] });

    // not past the deadline: no overdue step is due
    const early = await listed(await rectifying('2026-09-30', { level: 'MAJOR' }), { deadline: '2026-09-30' });
    expect(early).toMatchObject({ listingOverdue: false, listing: { overdue: false, overdueDays: 0 } });
    expect((await step(o1.token, early, 'FILE_OVERDUE_EXPLANATION', { comment: 'x' })).userErrors[0]).toMatchObject({ code: 'GUARD_FAILED' });
    // verified: the rectification is done, the listing no longer overdue
    let done = await move(o1.token, e, 'REPORT_COMPLETION');
    done = await move(o2.token, done, 'PASS_REVIEW');
    expect((await full(done.id)).listing).toMatchObject({ overdue: false });
  });
});

describe("a listed item's extension is the listing authority's (#14.10)", () => {
  it('asked for at least 20 working days before the listing deadline; decided by a coordinator; moves the listing deadline too', async () => {
    // Working days of the working calendar: Friday 2026-06-19 is the Dragon Boat Festival (端午节, no
    // exchanged working day), so 20 working days after Monday 2026-06-15 is Tuesday 2026-07-14 —
    // Monday the 13th would be the answer of a Monday–Friday count, and is too late here.
    const late = await listed(await rectifying('2026-07-13', { level: 'MAJOR' }), { deadline: '2026-07-13' });
    expect(await code('requestExtension', { id: late.id, expectedVersion: late.version, requestedDeadline: '2026-08-31', reason: '设备未到' }, o1.token)).toBe('GUARD_FAILED');

    const i = await listed(await rectifying('2026-07-14', { level: 'MAJOR' }), { deadline: '2026-07-14' });
    const p = await ok('requestExtension', { id: i.id, expectedVersion: i.version, requestedDeadline: '2026-08-31', reason: '设备未到' }, o1.token);
    const decide = { requestId: p.extensionRequest.id, expectedVersion: p.remediationItem.version, approve: true, note: '挂牌单位同意' };
    expect(await code('decideExtension', decide, o2.token)).toBe('GUARD_FAILED');
    await ok('decideExtension', decide, coord.token);
    const after = await full(i.id);
    expect(after).toMatchObject({ deadline: '2026-08-31', extensions: 1, listing: { deadline: '2026-08-31' } });
    expect(after.events.at(-1)).toMatchObject({ action: 'EXTENSION_APPROVED', data: { previousDeadline: '2026-07-14', deadline: '2026-08-31', listingDeadline: '2026-08-31', previousListingDeadline: '2026-07-14' } });
  });
});

describe('names people read are display names (#11.7)', () => {
  it('actorName in the history and the audit trail, and a defaulted reviewerName, show 张伟, not the login name', async () => {
    const zhang = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
    await t.ds.query(`UPDATE app_user SET display_name = '张伟' WHERE id = $1`, [zhang.user.id]);
    let i = await rectifying('2026-09-30');
    i = await move(o1.token, i, 'REPORT_COMPLETION');
    i = await stepOk(zhang.token, i, 'PASS_REVIEW');
    expect(i.reviewerName).toBe('张伟');
    expect(i.events.at(-1)).toMatchObject({ action: 'PASS_REVIEW', actorId: zhang.user.id, actorName: '张伟' });
    const audit = await t.gql(
      `query($id: String!) { auditEvents(filter: { entityId: { eq: $id } }, first: 50) { nodes { operation actorId actorName } } }`,
      { id: i.id },
      coord.token,
    );
    expect(audit.body.errors).toBeUndefined();
    const mine = audit.body.data!.auditEvents.nodes.filter((n: { actorId: string }) => n.actorId === zhang.user.id);
    expect(mine).toEqual([{ operation: 'transitionRemediationItem:PASS_REVIEW', actorId: zhang.user.id, actorName: '张伟' }]);
    expect(JSON.stringify(audit.body)).not.toContain(zhang.username);
  });
});
