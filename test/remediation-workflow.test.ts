import { Role } from '../src/common/auth';
import { counts, helpers, sha, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';

/** The remediation state machine through the front door: every transition, guard, role and scope. */

let t: TestApp;
let coord: TestUser;
let coord2: TestUser;
let o1: TestUser; // SALES team (stages IMPORT, SALES) in 511102
let o2: TestUser; // same scope, another officer
let outsideDistrict: TestUser; // SALES team in 511111
let outsideStage: TestUser; // PARKING_CHARGING team in 511102
let partner: TestUser;
let reporter: TestUser;
const h = helpers(() => t);
const { ok, code, refused, item, move, moveErr, read, evidence } = h;
let shop: { id: string };

const FUTURE = '2099-12-31';
const PLAN = { objectives: '清除三无产品', measures: '下架封存', funds: '5万元', responsible: '店长张三', timeline: '30日内', contingency: '专人值守' };

beforeAll(async () => {
  t = await startTestApp();
  coord = await makeUser(t.ds, Role.COORDINATOR);
  coord2 = await makeUser(t.ds, Role.COORDINATOR);
  o1 = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  o2 = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  outsideDistrict = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511111'], departmentCode: 'MARKET' });
  outsideStage = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['PARKING_CHARGING'], districts: ['511102'], departmentCode: 'HOUSING' });
  partner = await makeUser(t.ds, Role.PARTNER_VIEWER);
  reporter = await makeUser(t.ds, Role.REPORTER);
  shop = await h.business(coord.token, { types: ['RETAIL_STORE'], districtCode: '511102' });
});
afterAll(() => t.close());

const newItem = (extra: Record<string, unknown> = {}, token = o1.token) => item(token, { businessId: shop.id, ...extra });
/** An item in RECTIFYING under a limited-time notice with the given deadline. */
async function rectifying(deadline = FUTURE, extra: Record<string, unknown> = {}) {
  let i = await newItem(extra);
  i = await move(o1.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline, noticeNo: `乐市监责改〔2026〕${tag()}号` });
  return move(o1.token, i, 'START_RECTIFICATION');
}
/** An item whose completion o1 reported. */
async function pendingReview(extra: Record<string, unknown> = {}) {
  return move(o1.token, await rectifying(FUTURE, extra), 'REPORT_COMPLETION', { comment: '已全部下架' });
}
const actions = (i: Record<string, any>) => i.events.map((e: { action: string }) => e.action);

describe('creation', () => {
  it('registers an item in REGISTERED with a CREATED event and code LS-<district>-<yyyymmdd>-<seq>', async () => {
    const i = await newItem({ discoveredAt: '2026-03-14T17:30:00Z' });
    expect(i).toMatchObject({ status: 'REGISTERED', version: 1, stage: 'SALES', districtCode: '511102', level: 'GENERAL', discoveredOn: '2026-03-15' });
    expect(i.code).toMatch(/^LS-511102-20260315-\d{4}$/);
    expect(i.events).toEqual([expect.objectContaining({ action: 'CREATED', fromStatus: null, toStatus: 'REGISTERED', actorId: o1.user.id, actorRole: 'AGENCY_OFFICER' })]);
    expect((await read(coord.token, i.id, 'id code')).code).toBe(i.code);
    const byCode = await t.gql(`query($c: String!) { remediationItem(code: $c) { id } }`, { c: i.code.toLowerCase() }, partner.token);
    expect(byCode.body.data!.remediationItem).toEqual({ id: i.id });
  });

  it('refuses an unknown hazard type, a stage the type does not occur in, and a party in another district than the officer’s', async () => {
    const before = await counts(t);
    expect(await code('createRemediationItem', { businessId: shop.id, hazardTypeCode: 'NOPE', description: 'x', teamCode: 'SALES', discoveryMethod: 'ROUTINE' }, o1.token)).toBe('INVALID_REFERENCE');
    expect(await code('createRemediationItem', { businessId: shop.id, hazardTypeCode: 'SALES_THREE_NO', stage: 'RECYCLING', description: 'x', teamCode: 'SALES', discoveryMethod: 'ROUTINE' }, coord.token)).toBe('VALIDATION');
    expect(await code('createRemediationItem', { businessId: shop.id, hazardTypeCode: 'SALES_THREE_NO', description: 'x', teamCode: 'SALES', discoveryMethod: 'ROUTINE', discoveredAt: '2099-01-01T00:00:00Z' }, coord.token)).toBe('VALIDATION');
    const input = { businessId: shop.id, hazardTypeCode: 'SALES_THREE_NO', description: 'x', teamCode: 'SALES', discoveryMethod: 'ROUTINE' };
    expect(await refused('createRemediationItem', input, outsideDistrict.token)).toBe('FORBIDDEN');
    expect(await refused('createRemediationItem', input, outsideStage.token)).toBe('FORBIDDEN');
    expect(await refused('createRemediationItem', input, partner.token)).toBe('FORBIDDEN');
    expect(await counts(t)).toEqual(before);
  });
});

describe('on-the-spot path: REGISTERED → RECTIFIED_ON_SITE → CLOSED', () => {
  it('closes after an "after" photo; the inspecting officer records the review conclusion', async () => {
    let i = await newItem();
    i = await move(o1.token, i, 'RECTIFY_ON_SITE', { comment: '当场下架' });
    expect(i).toMatchObject({ status: 'RECTIFIED_ON_SITE', noticeType: 'IMMEDIATE', version: 2 });
    expect(await moveErr(o1.token, i, 'CLOSE')).toEqual([expect.objectContaining({ code: 'GUARD_FAILED', message: expect.stringContaining('整改后照片') })]);
    await evidence(o1.token, i, 'BEFORE');
    expect((await moveErr(o1.token, await read(o1.token, i.id), 'CLOSE'))[0].code).toBe('GUARD_FAILED');
    await evidence(o1.token, i, 'AFTER');
    i = await read(o1.token, i.id);
    i = await move(o1.token, i, 'CLOSE');
    expect(i).toMatchObject({ status: 'CLOSED', reviewResult: 'PASS', reviewerId: o1.user.id, closedBy: o1.user.id, availableTransitions: ['RECORD_INTERVIEW', 'COMMENT'] });
    expect(actions(i)).toEqual(['CREATED', 'RECTIFY_ON_SITE', 'EVIDENCE_ADDED', 'EVIDENCE_ADDED', 'CLOSE']);
    const steps = i.events.filter((e: { action: string }) => ['RECTIFY_ON_SITE', 'CLOSE'].includes(e.action));
    expect(steps).toEqual([
      expect.objectContaining({ fromStatus: 'REGISTERED', toStatus: 'RECTIFIED_ON_SITE', actorId: o1.user.id, comment: '当场下架' }),
      expect.objectContaining({ fromStatus: 'RECTIFIED_ON_SITE', toStatus: 'CLOSED', actorId: o1.user.id }),
    ]);
    // terminal: no more status changes
    expect((await moveErr(coord.token, i, 'INVALIDATE', { comment: 'x' }))[0].code).toBe('INVALID_TRANSITION');
    expect((await moveErr(o1.token, i, 'SERVE_NOTICE', { noticeType: 'IMMEDIATE' }))[0].code).toBe('INVALID_TRANSITION');
  });

  it('a major hazard is not fixed on the spot (GUARD_FAILED), nor is a major fire hazard', async () => {
    for (const extra of [{ level: 'MAJOR' }, { isMajorFireHazard: true }]) {
      const i = await newItem(extra);
      expect(await moveErr(o1.token, i, 'RECTIFY_ON_SITE')).toEqual([expect.objectContaining({ code: 'GUARD_FAILED', field: ['input', 'action'] })]);
    }
  });
});

describe('notice, rectification, review, close', () => {
  it('SERVE_NOTICE: a limited-time notice needs a deadline (REQUIRED), not in the past (VALIDATION); an immediate one defaults to today', async () => {
    const i = await newItem();
    const before = await counts(t, i.id);
    expect(await moveErr(o1.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME' })).toEqual([
      { field: ['input', 'deadline'], code: 'REQUIRED', message: '限期整改须明确整改期限', messageEn: expect.stringContaining('deadline') },
    ]);
    expect((await moveErr(o1.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline: '2020-01-01' }))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'deadline'] });
    expect((await moveErr(o1.token, i, 'SERVE_NOTICE', {}))[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'noticeType'] });
    expect(await counts(t, i.id)).toEqual(before);
    const n = await move(o1.token, i, 'SERVE_NOTICE', { noticeType: 'IMMEDIATE' });
    expect(n).toMatchObject({ status: 'NOTIFIED', noticeType: 'IMMEDIATE', version: 2 });
    expect(n.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('INVALID_TRANSITION from a wrong status, naming the possible actions; nothing written', async () => {
    const i = await newItem();
    const before = await counts(t, i.id);
    for (const action of ['START_RECTIFICATION', 'REPORT_COMPLETION', 'PASS_REVIEW', 'FAIL_REVIEW', 'CLOSE', 'ACCEPT_LISTING', 'UNSEAL']) {
      const errs = await moveErr(coord.token, i, action, { comment: 'x' });
      if (action === 'UNSEAL') expect(errs[0].code).toBe('GUARD_FAILED');
      else expect({ action, errs }).toEqual({ action, errs: [expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'action'], message: expect.stringContaining('SERVE_NOTICE') })] });
    }
    expect(await counts(t, i.id)).toEqual(before);
    const r = await rectifying();
    for (const action of ['SERVE_NOTICE', 'RECTIFY_ON_SITE', 'START_RECTIFICATION', 'PASS_REVIEW', 'CLOSE']) expect((await moveErr(o1.token, r, action, { noticeType: 'IMMEDIATE' }))[0].code).toBe('INVALID_TRANSITION');
  });

  it('the whole path with a failed review: counts it, returns to RECTIFYING, reporter may neither review nor close, closing needs an after photo', async () => {
    let i = await rectifying();
    expect(i.status).toBe('RECTIFYING');
    i = await move(o1.token, i, 'REPORT_COMPLETION', { comment: '已整改' });
    expect(i).toMatchObject({ status: 'PENDING_REVIEW', completionReportedBy: o1.user.id });
    // the reporter may not review
    expect(i.availableTransitions).not.toContain('PASS_REVIEW');
    expect(i.availableTransitions).not.toContain('FAIL_REVIEW');
    expect(await moveErr(o1.token, i, 'PASS_REVIEW')).toEqual([expect.objectContaining({ code: 'GUARD_FAILED' })]);
    expect((await moveErr(o1.token, i, 'FAIL_REVIEW', { comment: 'x' }))[0].code).toBe('GUARD_FAILED');
    // a failed review needs notes
    expect((await moveErr(o2.token, i, 'FAIL_REVIEW'))[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'comment'] });
    const o2view = await read(o2.token, i.id);
    expect(o2view.availableTransitions).toEqual(expect.arrayContaining(['PASS_REVIEW', 'FAIL_REVIEW']));
    i = await move(o2.token, i, 'FAIL_REVIEW', { comment: '仍有三无产品在售', deadline: '2099-06-30' });
    expect(i).toMatchObject({ status: 'RECTIFYING', failedReviews: 1, reviewResult: 'FAIL', completionReportedBy: null, deadline: '2099-06-30' });
    expect(i.events.at(-1)).toMatchObject({ action: 'FAIL_REVIEW', fromStatus: 'PENDING_REVIEW', toStatus: 'RECTIFYING', actorId: o2.user.id, comment: '仍有三无产品在售', data: { previousDeadline: FUTURE, reviewResult: 'FAIL' } });
    // closing needs a passed review: not from RECTIFYING or PENDING_REVIEW
    expect((await moveErr(o2.token, i, 'CLOSE'))[0].code).toBe('INVALID_TRANSITION');
    i = await move(o1.token, i, 'REPORT_COMPLETION');
    expect((await moveErr(o2.token, i, 'CLOSE'))[0].code).toBe('INVALID_TRANSITION');
    i = await move(o2.token, i, 'PASS_REVIEW', { reviewerName: '李四' });
    expect(i).toMatchObject({ status: 'VERIFIED', reviewResult: 'PASS', failedReviews: 1, reviewerId: o2.user.id });
    // the person who recorded the completion report may not close
    await evidence(o2.token, i);
    i = await read(o1.token, i.id);
    expect(i.availableTransitions).not.toContain('CLOSE');
    expect(await moveErr(o1.token, i, 'CLOSE')).toEqual([expect.objectContaining({ code: 'GUARD_FAILED', messageEn: expect.stringContaining('completion report') })]);
    i = await move(o2.token, i, 'CLOSE', { comment: '销号' });
    expect(i).toMatchObject({ status: 'CLOSED', closedBy: o2.user.id, overdue: false });
    expect(i.events.filter((e: { fromStatus: string; toStatus: string }) => e.fromStatus !== e.toStatus).map((e: { action: string; fromStatus: string; toStatus: string }) => `${e.action}:${e.fromStatus}->${e.toStatus}`)).toEqual([
      'CREATED:null->REGISTERED',
      'SERVE_NOTICE:REGISTERED->NOTIFIED',
      'START_RECTIFICATION:NOTIFIED->RECTIFYING',
      'REPORT_COMPLETION:RECTIFYING->PENDING_REVIEW',
      'FAIL_REVIEW:PENDING_REVIEW->RECTIFYING',
      'REPORT_COMPLETION:RECTIFYING->PENDING_REVIEW',
      'PASS_REVIEW:PENDING_REVIEW->VERIFIED',
      'CLOSE:VERIFIED->CLOSED',
    ]);
    for (const e of i.events) expect(Date.parse(e.occurredAt)).not.toBeNaN();
    const audit = await t.ds.query(`SELECT operation FROM audit_event WHERE entity_id = $1 AND outcome = 'SUCCESS' ORDER BY occurred_at`, [i.id]);
    expect(audit.map((a: { operation: string }) => a.operation)).toEqual(
      expect.arrayContaining(['createRemediationItem', 'transitionRemediationItem:SERVE_NOTICE', 'transitionRemediationItem:FAIL_REVIEW', 'transitionRemediationItem:CLOSE']),
    );
  });

  it('a stale expectedVersion is CONFLICT and writes nothing', async () => {
    const i = await newItem();
    const before = await counts(t, i.id);
    expect(await moveErr(o1.token, { id: i.id, version: 7 }, 'COMMENT', { comment: 'x' })).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] })]);
    expect(await counts(t, i.id)).toEqual(before);
  });
});

describe('invalidation (误报核销)', () => {
  it('is coordinator-only and needs a reason; INVALIDATED is terminal', async () => {
    const i = await pendingReview();
    expect(i.availableTransitions).not.toContain('INVALIDATE');
    expect(await refused('transitionRemediationItem', { id: i.id, expectedVersion: i.version, action: 'INVALIDATE', comment: '误报' }, o2.token)).toBe('FORBIDDEN');
    expect((await read(coord.token, i.id)).availableTransitions).toContain('INVALIDATE');
    expect((await moveErr(coord.token, i, 'INVALIDATE'))[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'comment'] });
    expect((await moveErr(coord.token, i, 'INVALIDATE', { comment: '   ' }))[0]).toMatchObject({ code: 'REQUIRED' });
    const v = await move(coord.token, i, 'INVALIDATE', { comment: '经核实系误报' });
    expect(v).toMatchObject({ status: 'INVALIDATED', invalidationReason: '经核实系误报', overdue: false });
    expect(v.events.at(-1)).toMatchObject({ action: 'INVALIDATE', fromStatus: 'PENDING_REVIEW', toStatus: 'INVALIDATED', actorId: coord.user.id, comment: '经核实系误报' });
    expect(v.availableTransitions).toEqual(['COMMENT']);
    for (const action of ['INVALIDATE', 'PASS_REVIEW', 'RECORD_INTERVIEW', 'TRANSFER', 'SEAL']) expect((await moveErr(coord.token, v, action, { comment: 'x', interview: { party: 'x', date: '2026-01-01' }, transfer: { toPolice: true } }))[0].code).toBe('INVALID_TRANSITION');
    expect(await code('addEvidence', { id: v.id, kind: 'PHOTO', phase: 'AFTER', location: 'x', sha256: sha() }, coord.token)).toBe('INVALID_TRANSITION');
  });

  it('works from VERIFIED too (any open status)', async () => {
    let i = await pendingReview();
    i = await move(o2.token, i, 'PASS_REVIEW');
    i = await move(coord2.token, i, 'INVALIDATE', { comment: '重复登记' });
    expect(i.status).toBe('INVALIDATED');
  });
});

describe('major hazards (重大隐患): plan, listing, acceptance', () => {
  it('the major path end to end', async () => {
    let i = await newItem({ level: 'MAJOR', description: `重大隐患 ${tag()}` });
    expect(i.availableTransitions).not.toContain('RECTIFY_ON_SITE');
    expect(i.availableTransitions).toContain('SUBMIT_PLAN');
    // listing is coordinator-only
    const listInput = (x: Record<string, any>, n = `乐安委督〔2026〕${tag()}号`) => ({ id: x.id, expectedVersion: x.version, authority: '乐山市安全生产委员会', listingNumber: n, planDocument: 'oss://plans/1.pdf', listedOn: '2026-03-01' });
    expect(await refused('listRemediationItem', listInput(i), o1.token)).toBe('FORBIDDEN');
    const number = `乐安委督〔2026〕${tag()}号`;
    const listed = (await ok('listRemediationItem', listInput(i, number), coord.token)).remediationItem;
    expect(listed).toMatchObject({ listed: true, version: 2, listing: { authority: '乐山市安全生产委员会', listingNumber: number, listedOn: '2026-03-01', planDocument: 'oss://plans/1.pdf', acceptedOn: null } });
    expect(listed.events.at(-1)).toMatchObject({ action: 'LISTED', data: { listingNumber: number } });
    expect(await code('listRemediationItem', listInput(listed), coord.token)).toBe('GUARD_FAILED'); // already listed
    i = listed;
    i = await move(o1.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline: FUTURE });
    // the plan comes before RECTIFYING
    expect(i.availableTransitions).not.toContain('START_RECTIFICATION');
    expect(await moveErr(o1.token, i, 'START_RECTIFICATION')).toEqual([expect.objectContaining({ code: 'GUARD_FAILED', messageEn: expect.stringContaining('plan') })]);
    expect((await moveErr(o1.token, i, 'SUBMIT_PLAN'))[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'plan'] });
    expect((await moveErr(o1.token, i, 'SUBMIT_PLAN', { plan: { ...PLAN, contingency: ' ' } }))[0]).toMatchObject({ code: 'VALIDATION' });
    i = await move(o1.token, i, 'SUBMIT_PLAN', { plan: PLAN, funds: '50000.00' });
    expect(i).toMatchObject({ status: 'NOTIFIED', plan: PLAN });
    expect(i.availableTransitions).toContain('START_RECTIFICATION');
    i = await move(o1.token, i, 'START_RECTIFICATION');
    i = await move(o1.token, i, 'REPORT_COMPLETION');
    i = await move(o2.token, i, 'PASS_REVIEW');
    await evidence(o2.token, i);
    i = await read(o2.token, i.id);
    // closing needs the listing authority's acceptance
    expect(i.availableTransitions).not.toContain('CLOSE');
    expect(await moveErr(o2.token, i, 'CLOSE')).toEqual([expect.objectContaining({ code: 'GUARD_FAILED', messageEn: expect.stringContaining('accepted') })]);
    expect(await refused('transitionRemediationItem', { id: i.id, expectedVersion: i.version, action: 'ACCEPT_LISTING' }, o2.token)).toBe('FORBIDDEN');
    expect((await read(coord.token, i.id)).availableTransitions).toContain('ACCEPT_LISTING');
    i = await move(coord.token, i, 'ACCEPT_LISTING', { comment: '验收合格' });
    expect(i.status).toBe('VERIFIED');
    expect(i.events.at(-1)).toMatchObject({ action: 'ACCEPT_LISTING', fromStatus: 'VERIFIED', toStatus: 'VERIFIED', comment: '验收合格', data: { acceptedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect((await moveErr(coord.token, i, 'ACCEPT_LISTING'))[0].code).toBe('GUARD_FAILED'); // only once
    i = await move(o2.token, i, 'CLOSE');
    expect(i.status).toBe('CLOSED');
    const l = await read(coord.token, i.id, 'listing { acceptedOn acceptanceNote }');
    expect(l.listing).toEqual({ acceptedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), acceptanceNote: '验收合格' });
  });

  it('a major fire hazard (GENERAL level) also needs the plan; an unlisted major item cannot close; non-major items get no plan or listing', async () => {
    let i = await newItem({ isMajorFireHazard: true });
    i = await move(o1.token, i, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline: FUTURE });
    expect((await moveErr(o1.token, i, 'START_RECTIFICATION'))[0].code).toBe('GUARD_FAILED');
    i = await move(o1.token, i, 'SUBMIT_PLAN', { plan: PLAN });
    i = await move(o1.token, i, 'START_RECTIFICATION');
    i = await move(o1.token, i, 'REPORT_COMPLETION');
    i = await move(o2.token, i, 'PASS_REVIEW');
    await evidence(o2.token, i);
    i = await read(o2.token, i.id);
    expect((await moveErr(o2.token, i, 'CLOSE'))[0].code).toBe('GUARD_FAILED');
    expect((await moveErr(coord.token, i, 'ACCEPT_LISTING'))[0].code).toBe('GUARD_FAILED'); // not listed

    const g = await newItem();
    expect(g.availableTransitions).not.toContain('SUBMIT_PLAN');
    expect((await moveErr(o1.token, g, 'SUBMIT_PLAN', { plan: PLAN }))[0].code).toBe('GUARD_FAILED');
    expect(await code('listRemediationItem', { id: g.id, expectedVersion: g.version, authority: 'x', listingNumber: `N-${tag()}` }, coord.token)).toBe('GUARD_FAILED');
  });
});

describe('extensions (延期)', () => {
  it('request, refuse, approve: the deadline moves with history kept', async () => {
    let i = await rectifying('2099-01-31');
    expect(await code('requestExtension', { id: i.id, expectedVersion: i.version, requestedDeadline: '2099-01-31', reason: '材料未到' }, o1.token)).toBe('VALIDATION');
    let p = await ok('requestExtension', { id: i.id, expectedVersion: i.version, requestedDeadline: '2099-03-31', reason: '材料未到' }, o1.token);
    const first = p.extensionRequest;
    expect(first).toMatchObject({ status: 'PENDING', previousDeadline: '2099-01-31', requestedDeadline: '2099-03-31' });
    i = p.remediationItem;
    expect(i).toMatchObject({ deadline: '2099-01-31', extensions: 0 });
    expect(i.events.at(-1)).toMatchObject({ action: 'EXTENSION_REQUESTED', comment: '材料未到', data: { currentDeadline: '2099-01-31', requestedDeadline: '2099-03-31' } });
    // one pending request at a time
    expect(await code('requestExtension', { id: i.id, expectedVersion: i.version, requestedDeadline: '2099-04-30', reason: 'again' }, o2.token)).toBe('GUARD_FAILED');
    // the requester may not decide
    expect(await code('decideExtension', { requestId: first.id, expectedVersion: i.version, approve: true }, o1.token)).toBe('GUARD_FAILED');
    expect(await refused('decideExtension', { requestId: first.id, expectedVersion: i.version, approve: true }, outsideDistrict.token)).toBe('FORBIDDEN');
    p = await ok('decideExtension', { requestId: first.id, expectedVersion: i.version, approve: true, note: '同意延期' }, o2.token);
    i = p.remediationItem;
    expect(p.extensionRequest).toMatchObject({ status: 'APPROVED', decidedBy: o2.user.id });
    expect(i).toMatchObject({ deadline: '2099-03-31', extensions: 1, status: 'RECTIFYING' });
    expect(i.events.at(-1)).toMatchObject({ action: 'EXTENSION_APPROVED', fromStatus: 'RECTIFYING', toStatus: 'RECTIFYING', actorId: o2.user.id, comment: '同意延期', data: { previousDeadline: '2099-01-31', deadline: '2099-03-31' } });
    // decided once only
    expect(await code('decideExtension', { requestId: first.id, expectedVersion: i.version, approve: false }, coord.token)).toBe('INVALID_TRANSITION');

    p = await ok('requestExtension', { id: i.id, expectedVersion: i.version, requestedDeadline: '2099-12-31', reason: '再延' }, o1.token);
    i = p.remediationItem;
    p = await ok('decideExtension', { requestId: p.extensionRequest.id, expectedVersion: i.version, approve: false, note: '不予批准' }, coord.token);
    i = p.remediationItem;
    expect(p.extensionRequest.status).toBe('REFUSED');
    expect(i).toMatchObject({ deadline: '2099-03-31', extensions: 1 });
    expect(i.events.at(-1)).toMatchObject({ action: 'EXTENSION_REFUSED', data: { previousDeadline: '2099-03-31', deadline: '2099-03-31' } });
    expect(i.extensionRequests.map((r: Record<string, unknown>) => [r.status, r.previousDeadline, r.requestedDeadline])).toEqual([
      ['APPROVED', '2099-01-31', '2099-03-31'],
      ['REFUSED', '2099-03-31', '2099-12-31'],
    ]);
  });

  it('only a running limited-time notice can be extended', async () => {
    const r = await newItem();
    expect(await code('requestExtension', { id: r.id, expectedVersion: r.version, requestedDeadline: FUTURE, reason: 'x' }, o1.token)).toBe('INVALID_TRANSITION');
    const imm = await move(o1.token, r, 'SERVE_NOTICE', { noticeType: 'IMMEDIATE' });
    expect(await code('requestExtension', { id: imm.id, expectedVersion: imm.version, requestedDeadline: FUTURE, reason: 'x' }, o1.token)).toBe('GUARD_FAILED');
  });
});

describe('flags and comments', () => {
  it('RECORD_INTERVIEW, TRANSFER, SEAL/UNSEAL and COMMENT keep the status, set flags and write events', async () => {
    let i = await rectifying();
    expect((await moveErr(o1.token, i, 'RECORD_INTERVIEW'))[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'interview'] });
    expect((await moveErr(o1.token, i, 'TRANSFER', { transfer: { toPolice: false } }))[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'transfer'] });
    expect((await moveErr(o1.token, i, 'TRANSFER', { transfer: { toDepartmentCode: 'NOPE' } }))[0]).toMatchObject({ code: 'INVALID_REFERENCE' });
    expect((await moveErr(o1.token, i, 'COMMENT'))[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'comment'] });
    i = await move(o1.token, i, 'RECORD_INTERVIEW', { interview: { party: '店主王五', date: '2026-03-02', departmentCode: 'MARKET' } });
    expect(i).toMatchObject({ interviewed: true, transferred: false, status: 'RECTIFYING' });
    expect(i.events.at(-1)).toMatchObject({ action: 'RECORD_INTERVIEW', fromStatus: 'RECTIFYING', toStatus: 'RECTIFYING', data: { party: '店主王五', date: '2026-03-02', department: 'MARKET' } });
    i = await move(o1.token, i, 'TRANSFER', { transfer: { toPolice: true }, comment: '涉嫌犯罪' });
    expect(i).toMatchObject({ transferred: true });
    expect(i.events.at(-1)).toMatchObject({ action: 'TRANSFER', data: { toPolice: true, toDepartment: null }, comment: '涉嫌犯罪' });
    i = await move(o1.token, i, 'SEAL');
    expect(i.sealed).toBe(true);
    expect((await moveErr(o1.token, i, 'SEAL'))[0].code).toBe('GUARD_FAILED');
    i = await move(o1.token, i, 'UNSEAL');
    expect(i.sealed).toBe(false);
    i = await move(o2.token, i, 'COMMENT', { comment: '已电话督促' });
    expect(i.events.at(-1)).toMatchObject({ action: 'COMMENT', actorId: o2.user.id, comment: '已电话督促', fromStatus: 'RECTIFYING', toStatus: 'RECTIFYING' });
    expect(i.status).toBe('RECTIFYING');
  });
});

describe('enforcement cases (立案查处): exact yuan amounts', () => {
  const caseInput = (i: Record<string, any>, extra: Record<string, unknown>) => ({
    id: i.id,
    expectedVersion: i.version,
    caseNumber: `乐市监处罚〔2026〕${tag()}号`,
    filedOn: '2026-03-10',
    departmentCode: 'MARKET',
    ...extra,
  });

  it('round-trips large and small amounts exactly and sums them in fen', async () => {
    const i = await newItem();
    const p = await ok('fileEnforcementCase', caseInput(i, { penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_PROPERTY'], fineAmount: '12345678901.23', confiscatedAmount: '98765432109.87', seizedVehicles: 3, seizedBatteries: 12, seizedParts: 40 }), o1.token);
    expect(p.enforcementCase).toMatchObject({ fineAmount: '12345678901.23', confiscatedAmount: '98765432109.87', penaltyTotal: '111111111011.10', seizedVehicles: 3, seizedBatteries: 12, seizedParts: 40, department: { code: 'MARKET' }, transferredToPolice: false });
    expect(p.remediationItem).toMatchObject({ caseFiled: true, transferred: false, version: 2 });
    expect(p.remediationItem.events.at(-1)).toMatchObject({ action: 'CASE_FILED', data: { fineAmount: '12345678901.23', confiscatedAmount: '98765432109.87' } });
    const [row] = await t.ds.query(`SELECT fine_amount::text AS f, confiscated_amount::text AS c, (fine_amount + confiscated_amount)::text AS s FROM enforcement_case WHERE id = $1`, [p.enforcementCase.id]);
    expect(row).toEqual({ f: '12345678901.23', c: '98765432109.87', s: '111111111011.10' });

    const j = await newItem();
    const q = await ok('fileEnforcementCase', caseInput(j, { penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], fineAmount: '0.10', confiscatedAmount: '0.20', transferredToPolice: true }), o1.token);
    expect(q.enforcementCase).toMatchObject({ fineAmount: '0.10', confiscatedAmount: '0.20', penaltyTotal: '0.30' });
    expect(q.remediationItem).toMatchObject({ caseFiled: true, transferred: true });
    const k = await newItem();
    const w = await ok('fileEnforcementCase', caseInput(k, { penaltyTypes: ['WARNING'] }), o1.token);
    expect(w.enforcementCase).toMatchObject({ fineAmount: '0.00', confiscatedAmount: '0.00', penaltyTotal: '0.00' });
    const x = await ok('fileEnforcementCase', caseInput(await newItem(), { penaltyTypes: ['FINE'], fineAmount: '5' }), o1.token);
    expect(x.enforcementCase).toMatchObject({ fineAmount: '5.00', penaltyTotal: '5.00' });
  });

  it('refuses floats, 3 decimals, a fine without FINE, a duplicate case number, a future filing date; nothing written', async () => {
    const i = await newItem();
    const before = await counts(t, i.id);
    for (const fineAmount of [0.1, '0.105', '-1', '1e3']) {
      const r = await h.run('fileEnforcementCase', caseInput(i, { penaltyTypes: ['FINE'], fineAmount }), o1.token);
      expect({ fineAmount, code: r.body.errors?.[0].extensions?.code }).toEqual({ fineAmount, code: 'BAD_USER_INPUT' });
    }
    expect(await code('fileEnforcementCase', caseInput(i, { penaltyTypes: ['WARNING'], fineAmount: '100.00' }), o1.token)).toBe('VALIDATION');
    expect(await code('fileEnforcementCase', caseInput(i, { penaltyTypes: ['WARNING'], filedOn: '2099-01-01' }), o1.token)).toBe('VALIDATION');
    const number = `乐市监处罚〔2026〕${tag()}号`;
    await ok('fileEnforcementCase', caseInput(await newItem(), { caseNumber: number, penaltyTypes: ['WARNING'] }), o1.token);
    const mid = await counts(t, i.id);
    expect(await code('fileEnforcementCase', caseInput(i, { caseNumber: number, penaltyTypes: ['WARNING'] }), o1.token)).toBe('DUPLICATE');
    expect(await refused('fileEnforcementCase', caseInput(i, { penaltyTypes: ['WARNING'] }), outsideDistrict.token)).toBe('FORBIDDEN');
    expect((await counts(t, i.id)).version).toBe(before.version);
    expect(await counts(t, i.id)).toEqual(mid);
  });
});

describe('evidence (证据): metadata only', () => {
  it('stores kind, phase, location, lower-case hash, time and place; rejects malformed hashes and half a position', async () => {
    const i = await newItem();
    const hash = sha().toUpperCase();
    const p = await ok('addEvidence', { id: i.id, kind: 'VIDEO', phase: 'BEFORE', location: 'oss://e/1.mp4', sha256: hash, takenAt: '2026-03-01T02:00:00Z', latitude: 29.55, longitude: 103.77 }, o1.token);
    expect(p.evidence).toMatchObject({ kind: 'VIDEO', phase: 'BEFORE', location: 'oss://e/1.mp4', sha256: hash.toLowerCase(), takenAt: '2026-03-01T02:00:00.000Z', latitude: 29.55, longitude: 103.77, addedBy: o1.user.id });
    const before = await counts(t, i.id);
    for (const sha256 of [sha().slice(0, 63), `${sha().slice(0, 63)}g`, `${sha()}0`, '']) {
      expect(await h.userErrors('addEvidence', { id: i.id, kind: 'PHOTO', phase: 'AFTER', location: 'x', sha256 }, o1.token)).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'sha256'] })]);
    }
    expect((await h.userErrors('addEvidence', { id: i.id, kind: 'PHOTO', phase: 'AFTER', location: 'x', sha256: sha(), latitude: 29.5 }, o1.token))[0]).toMatchObject({ code: 'VALIDATION', field: ['input', 'latitude'] });
    expect(await refused('addEvidence', { id: i.id, kind: 'PHOTO', phase: 'AFTER', location: 'x', sha256: sha() }, outsideStage.token)).toBe('FORBIDDEN');
    expect(await refused('addEvidence', { id: i.id, kind: 'PHOTO', phase: 'AFTER', location: 'x', sha256: sha() }, partner.token)).toBe('FORBIDDEN');
    expect(await counts(t, i.id)).toEqual(before);
    const e = await read(partner.token, i.id, 'evidence { kind phase sha256 }');
    expect(e.evidence).toEqual([{ kind: 'VIDEO', phase: 'BEFORE', sha256: hash.toLowerCase() }]);
  });
});

describe('roles and scope', () => {
  it('an officer outside the district or the stage may not move an item (FORBIDDEN, nothing written) and sees no transitions', async () => {
    const i = await newItem();
    const before = await counts(t, i.id);
    for (const u of [outsideDistrict, outsideStage]) {
      for (const action of ['SERVE_NOTICE', 'COMMENT', 'RECTIFY_ON_SITE']) {
        expect(await refused('transitionRemediationItem', { id: i.id, expectedVersion: i.version, action, noticeType: 'IMMEDIATE', comment: 'x' }, u.token)).toBe('FORBIDDEN');
      }
      expect((await read(u.token, i.id)).availableTransitions).toEqual([]);
    }
    expect(await refused('transitionRemediationItem', { id: i.id, expectedVersion: i.version, action: 'COMMENT', comment: 'x' }, partner.token)).toBe('FORBIDDEN');
    expect(await counts(t, i.id)).toEqual(before);
    const refusals = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE outcome = 'REFUSED' AND actor_id = $1`, [outsideStage.user.id]);
    expect(refusals[0].n).toBeGreaterThan(0);
  });

  it('availableTransitions follows status, role, scope and guards', async () => {
    const i = await newItem();
    const general = ['RECTIFY_ON_SITE', 'SERVE_NOTICE', 'RECORD_INTERVIEW', 'TRANSFER', 'SEAL', 'COMMENT'];
    expect((await read(o1.token, i.id)).availableTransitions).toEqual(general);
    expect((await read(coord.token, i.id)).availableTransitions).toEqual([...general.slice(0, 2), 'INVALIDATE', ...general.slice(2)]);
    expect((await read(partner.token, i.id)).availableTransitions).toEqual([]);
    const admin = await makeUser(t.ds, Role.ADMIN);
    expect((await read(admin.token, i.id)).availableTransitions).toEqual([]);
    // every offered action is actually accepted (here: each on a fresh item)
    for (const action of general) {
      const fresh = await newItem();
      const extra = { noticeType: 'IMMEDIATE', comment: 'x', interview: { party: 'p', date: '2026-01-01' }, transfer: { toPolice: true } };
      expect((await move(o1.token, fresh, action, extra)).version).toBe(2);
    }
  });

  it('a REPORTER cannot read items; a PARTNER_VIEWER reads them with personal data masked', async () => {
    const i = await newItem({ responsiblePerson: '张三丰', responsibleContact: '13812341234' });
    for (const q of [`query($id: ID!) { remediationItem(id: $id) { id } }`, `query($id: ID!) { remediationItems(filter: { businessId: { eq: $id } }) { nodes { id } } }`]) {
      const r = await t.gql(q, { id: i.id }, reporter.token);
      expect(r.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const v = await read(partner.token, i.id, 'responsiblePerson responsibleContact');
    expect(v).toEqual({ responsiblePerson: '张**', responsibleContact: '138****1234' });
    expect(await read(o1.token, i.id, 'responsiblePerson responsibleContact')).toEqual({ responsiblePerson: '张三丰', responsibleContact: '13812341234' });
  });
});
