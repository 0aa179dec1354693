import { Role, shownName, type Principal } from '../../common/auth';
import type { Context } from '../../common/context';
import { UserErrorCode, type ErrorCollector } from '../../common/errors';
import { shanghaiDate } from '../../common/time';
import { clean } from '../../common/validation';
import { Department } from '../reference/reference.entities';
import { HazardLevel } from '../reference/reference.enums';
import { Listing, type RemediationItem } from './remediation.entities';
import { DONE_STATUSES, HazardStatus, NoticeType, RemediationAction, ReviewResult } from './remediation.enums';
import type { TransitionInput } from './remediation.inputs';

/**
 * The remediation workflow (隐患整改闭环, DOMAIN.md §6), declared once: for every action, the
 * statuses it may start from, where it leads, who may take it, the guards that can veto it and
 * what it does (`apply`). `RemediationService.transition` is the only code that applies it (and so
 * the only code that changes an item's status); `availableTransitions` reads the same table to
 * tell a frontend which buttons to show.
 *
 * Listed supervision (挂牌督办, §6.3) adds steps that keep the status: ACCEPT_LISTING (withdrawn by a
 * later FAIL_REVIEW), PUBLISH_LISTING, and past the authority's deadline FILE_OVERDUE_EXPLANATION,
 * or unexplained ISSUE_SUPERVISION_LETTER, then PUBLIC_CRITICISM.
 *
 *   REGISTERED ─ RECTIFY_ON_SITE → RECTIFIED_ON_SITE ─ CLOSE → CLOSED
 *       └─ SERVE_NOTICE → NOTIFIED ─ START_RECTIFICATION → RECTIFYING ─ REPORT_COMPLETION → PENDING_REVIEW
 *                                                   ↑ (extension approved: new deadline)        ├─ PASS_REVIEW → VERIFIED ─ CLOSE → CLOSED
 *                                                   └──────────── FAIL_REVIEW (counted) ───────┘
 *   any open status ─ INVALIDATE (reason) → INVALIDATED
 */

const OPEN: readonly HazardStatus[] = [
  HazardStatus.REGISTERED,
  HazardStatus.RECTIFIED_ON_SITE,
  HazardStatus.NOTIFIED,
  HazardStatus.RECTIFYING,
  HazardStatus.PENDING_REVIEW,
  HazardStatus.VERIFIED,
];
const ALL: readonly HazardStatus[] = [...OPEN, HazardStatus.CLOSED, HazardStatus.INVALIDATED];

/** Who moves items: the task-force office and agency officers (within their scope). */
const WORKERS = [Role.COORDINATOR, Role.AGENCY_OFFICER] as const;
const COORDINATORS = [Role.COORDINATOR] as const;

/** What the guards may look at besides the item itself (loaded once, for the actions with `needsFacts`). */
export interface ItemFacts {
  /** "After" photos and videos: what proves a rectification (a document does not). */
  afterPhotos: number;
  listing: Listing | null;
}

export interface GuardContext {
  item: RemediationItem;
  principal: Principal;
  facts: ItemFacts;
  /** Today's Asia/Shanghai date on the request's clock. */
  today: string;
}

export interface Veto {
  code: UserErrorCode;
  field: string;
  /** Chinese, for the person at the form. */
  message: string;
  messageEn: string;
}

type Guard = (g: GuardContext) => Veto | null;

/** What an action's effect works with: the locked item, the caller's input, and where to put problems and event details. */
export interface EffectContext {
  ctx: Context;
  input: TransitionInput;
  item: RemediationItem;
  principal: Principal;
  facts: ItemFacts;
  def: TransitionDef;
  /** The status the action starts from. */
  from: HazardStatus;
  now: Date;
  today: string;
  /** The input's comment, trimmed (null when blank). */
  comment: string | null;
  /** Problems with the action's own input; nothing is written when any is added. */
  errors: ErrorCollector;
  /** Details for the action's event. */
  data: Record<string, unknown>;
}

/** What an action does to the item (and its listing), once status, role, scope and guards allowed it. */
type Effect = (e: EffectContext) => void | Promise<void>;

export interface TransitionDef {
  action: RemediationAction;
  from: readonly HazardStatus[];
  /** New status, or null when the action keeps the status (a flag, plan or comment). */
  to: HazardStatus | null;
  roles: readonly Role[];
  guards: readonly Guard[];
  /** The guards or the action read evidence and listing (loaded only then: two statements saved otherwise). */
  needsFacts?: boolean;
  /**
   * The action sends the item back into rectification: an acceptance by the listing authority was of
   * the rectification that just failed, so it is withdrawn and the new round needs its own.
   */
  reopens?: boolean;
  /** A step of listed supervision (§6.3): the action records this date on the listing, once. */
  listingStep?: ListingStepField;
  /** What the action does; status changes (`to`) are applied after it by the service. */
  apply?: Effect;
}

/** Dates on the listing that a listed-supervision step records. */
export type ListingStepField = 'publishedOn' | 'explanationFiledOn' | 'supervisionLetterOn' | 'publicCriticismOn';

export function isMajor(item: Pick<RemediationItem, 'level' | 'isMajorFireHazard'>): boolean {
  return item.level === HazardLevel.MAJOR || item.isMajorFireHazard;
}

const veto = (field: string, message: string, messageEn: string): Veto => ({ code: UserErrorCode.GUARD_FAILED, field, message, messageEn });

/** A listed item's authority deadline (督办期限) has passed while it is still being rectified (§6.3). */
export function isListingOverdue(item: Pick<RemediationItem, 'status'>, listing: Pick<Listing, 'deadline' | 'liftedOn'> | null, today: string): boolean {
  return !!listing && !listing.liftedOn && !!listing.deadline && today > listing.deadline && !DONE_STATUSES.includes(item.status);
}

const notMajor: Guard = ({ item }) => (isMajor(item) ? veto('input.action', '重大隐患不得当场整改销号，须下达整改通知并按方案整改', 'A major hazard is not closed on the spot: serve a notice and follow its plan') : null);
const majorOnly: Guard = ({ item }) => (isMajor(item) ? null : veto('input.action', '只有重大隐患才须报送整改方案（六要素）', 'Only a major hazard needs a six-element plan'));
const planBeforeRectifying: Guard = ({ item }) =>
  isMajor(item) && !item.plan ? veto('input.action', '重大隐患须先报送整改方案（SUBMIT_PLAN）方可开始整改', 'A major hazard needs its six-element plan (SUBMIT_PLAN) before rectification starts') : null;
/** The person who recorded the completion report may not review or close the item. */
const notTheReporter: Guard = ({ item, principal }) =>
  item.completionReportedBy && item.completionReportedBy === principal.id
    ? veto('input.action', '复查人不得为整改报告人，须由其他人员复查销号', 'You recorded the completion report: another officer must review and close')
    : null;
/**
 * A hazard re-graded as major after its notice (updateRemediationItem) has no plan yet: the plan
 * comes before the next step forward, as it would have before RECTIFYING.
 */
const planAfterUpgrade: Guard = ({ item }) =>
  isMajor(item) && !item.plan
    ? veto(
        'input.action',
        '该隐患已升级为重大隐患，须先报送整改方案（SUBMIT_PLAN）方可继续',
        'The hazard was re-graded as major: its six-element plan (SUBMIT_PLAN) comes before the next step',
      )
    : null;
const afterEvidence: Guard = ({ facts }) =>
  facts.afterPhotos < 1
    ? veto('input.action', '销号须至少有一张整改后照片或一段整改后视频（文书不计）', 'Closing needs at least one "after" photo or video (a document does not count)')
    : null;
const listingAccepted: Guard = ({ item, facts }) =>
  isMajor(item) && !(facts.listing?.acceptedOn)
    ? veto('input.action', '重大隐患须经挂牌督办单位验收后方可销号', 'A major hazard is closed only after the listing authority has accepted the rectification')
    : null;
const listedNotAccepted: Guard = ({ item, facts }) =>
  !item.listed || !facts.listing ? veto('input.action', '该隐患未挂牌督办', 'The item is not under listed supervision') : facts.listing.acceptedOn ? veto('input.action', '挂牌督办单位已验收', 'The listing authority has already accepted it') : null;
const listed: Guard = ({ item, facts }) =>
  item.listed && facts.listing && !facts.listing.liftedOn ? null : veto('input.action', '该隐患未挂牌督办', 'The item is not under listed supervision');
/** Each step of listed supervision is recorded once. */
const stepNotRecorded = (field: ListingStepField): Guard => ({ facts }) =>
  facts.listing?.[field] ? veto('input.action', `该督办环节已于 ${facts.listing[field]} 记录`, `This step was already recorded on ${facts.listing[field]}`) : null;
const listingOverdue: Guard = ({ item, facts, today }) =>
  isListingOverdue(item, facts.listing, today)
    ? null
    : veto('input.action', '挂牌督办期限未过或已整改完毕，无需逾期处置', 'The listing deadline has not passed, or the rectification is done: no overdue step is due');
/** "Unexplained → supervision letter" (§6.3): a filed explanation, interim plan and monitoring stop it. */
const unexplained: Guard = ({ facts }) =>
  facts.listing?.explanationFiledOn
    ? veto('input.action', `已于 ${facts.listing.explanationFiledOn} 报送逾期说明，不发督办函`, `An overdue explanation was filed on ${facts.listing.explanationFiledOn}: no supervision letter`)
    : null;
/** "Still undone → public criticism" (§6.3): only after a supervision letter. */
const letterIssued: Guard = ({ facts }) =>
  facts.listing?.supervisionLetterOn ? null : veto('input.action', '通报批评须在督办函之后', 'Public criticism comes after a supervision letter');
const sealed: Guard = ({ item }) => (item.sealed ? null : veto('input.action', '该隐患未查封', 'The item is not sealed'));
const notSealed: Guard = ({ item }) => (item.sealed ? veto('input.action', '该隐患已查封', 'The item is already sealed') : null);

// ---- effects: what each action does (the service applies them, then `to`) ----

/** Clocks of phones and laptops drift: "in the future" means more than five minutes ahead. */
export const FUTURE_TOLERANCE_MS = 5 * 60000;

/** A listing step's date: today by default, never in the future nor before the listing. */
function listingDate(e: EffectContext, listing: Listing): string {
  const on = e.input.effectiveOn ?? e.today;
  if (on > e.today) e.errors.add(UserErrorCode.VALIDATION, 'input.effectiveOn', `日期 ${on} 晚于今天（${e.today}）`, `The date ${on} is after today (${e.today})`);
  else if (on < listing.listedOn) e.errors.add(UserErrorCode.VALIDATION, 'input.effectiveOn', `日期 ${on} 早于挂牌日期 ${listing.listedOn}`, `The date ${on} is before the listing (${listing.listedOn})`);
  return on;
}

/** When a review was held: now by default; may be entered late, never in the future nor before the notice. */
function reviewTime(e: EffectContext): Date {
  const at = e.input.reviewedAt ?? e.now;
  if (at.getTime() > e.now.getTime() + FUTURE_TOLERANCE_MS) e.errors.add(UserErrorCode.VALIDATION, 'input.reviewedAt', '复查时间不能晚于当前时间', 'reviewedAt is in the future');
  else if (e.item.noticeServedAt && at < e.item.noticeServedAt) {
    e.errors.add(UserErrorCode.VALIDATION, 'input.reviewedAt', '复查时间早于整改通知送达时间', 'reviewedAt is before the notice was served');
  }
  return at;
}

const PLAN_KEYS = ['objectives', 'measures', 'funds', 'responsible', 'timeline', 'contingency'] as const;

const rectifyOnSite: Effect = ({ item, now, today }) => {
  item.noticeType = NoticeType.IMMEDIATE;
  item.noticeServedAt = now;
  item.rectifiedAt = now;
  item.rectifiedOn = today;
};

const serveNotice: Effect = ({ input, item, now, errors, data }) => {
  if (!input.noticeType) errors.add(UserErrorCode.REQUIRED, 'input.noticeType', '下达整改通知须填写通知类型', 'SERVE_NOTICE needs the notice type');
  if (input.noticeType === NoticeType.LIMITED_TIME && !input.deadline) errors.add(UserErrorCode.REQUIRED, 'input.deadline', '限期整改须明确整改期限', 'A limited-time notice needs a deadline');
  // Paper first, system later: a notice served last week is recorded as served last week, and
  // its deadline may already have passed (the item is then overdue from the true dates).
  const servedAt = input.noticeServedAt ?? now;
  const servedOn = shanghaiDate(servedAt);
  if (servedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    errors.add(UserErrorCode.VALIDATION, 'input.noticeServedAt', '送达时间不能晚于当前时间', 'noticeServedAt is in the future');
  } else if (input.noticeServedAt && servedAt < item.discoveredAt) {
    // (Only a given time is checked: "now" may trail a discovery time let in with clock drift.)
    errors.add(UserErrorCode.VALIDATION, 'input.noticeServedAt', '整改通知送达时间早于隐患发现时间', 'noticeServedAt is before the hazard was discovered');
  }
  if (input.deadline && input.deadline < servedOn) {
    errors.add(UserErrorCode.VALIDATION, 'input.deadline', `整改期限 ${input.deadline} 早于通知送达日期 ${servedOn}`, `The deadline ${input.deadline} is before the notice was served (${servedOn})`);
  }
  item.noticeType = input.noticeType ?? null;
  item.noticeNo = clean(input.noticeNo);
  item.noticeServedAt = servedAt;
  item.deadline = input.noticeType === NoticeType.IMMEDIATE ? input.deadline ?? servedOn : input.deadline ?? null;
  if (input.rectificationMeasures !== undefined) item.rectificationMeasures = clean(input.rectificationMeasures);
  if (input.funds !== undefined) item.funds = input.funds;
  Object.assign(data, { noticeType: item.noticeType, deadline: item.deadline, noticeNo: item.noticeNo });
  if (input.noticeServedAt) data.noticeServedAt = servedAt.toISOString();
};

const submitPlan: Effect = ({ input, item, errors }) => {
  if (!input.plan) errors.add(UserErrorCode.REQUIRED, 'input.plan', '报送整改方案须填写方案六要素', 'SUBMIT_PLAN needs the six-element plan');
  else item.plan = Object.fromEntries(PLAN_KEYS.map((k) => [k, clean(input.plan![k])!]));
  if (input.funds !== undefined) item.funds = input.funds;
};

const reportCompletion: Effect = ({ item, principal, now }) => {
  item.completionReportedAt = now;
  item.completionReportedBy = principal.id;
};

/** PASS_REVIEW and FAIL_REVIEW: the review's conclusion; a failure counts, reopens and may set a new deadline. */
const review: Effect = async (e) => {
  const { ctx, input, item, principal, comment, errors, data, def } = e;
  const pass = input.action === RemediationAction.PASS_REVIEW;
  if (!pass && !comment) errors.add(UserErrorCode.REQUIRED, 'input.comment', '复查不通过须在复查意见中写明仍存在的问题', 'A failed review needs review notes saying what is still wrong');
  const reviewedAt = reviewTime(e);
  const reviewedOn = shanghaiDate(reviewedAt);
  if (!pass && input.deadline && input.deadline < reviewedOn) {
    errors.add(UserErrorCode.VALIDATION, 'input.deadline', `新的整改期限 ${input.deadline} 早于复查日期 ${reviewedOn}`, `The new deadline ${input.deadline} is before the review (${reviewedOn})`);
  }
  item.reviewerId = principal.id;
  item.reviewerName = clean(input.reviewerName) ?? shownName(principal);
  item.reviewedAt = reviewedAt;
  item.reviewResult = pass ? ReviewResult.PASS : ReviewResult.FAIL;
  item.reviewNotes = comment;
  if (input.reviewedAt) data.reviewedAt = reviewedAt.toISOString();
  if (pass) {
    item.rectifiedAt = reviewedAt;
    item.rectifiedOn = reviewedOn;
  }
  if (def.reopens && item.listed) {
    // The acceptance (if any) was of the rectification that just failed; the next round needs its own.
    // (TypeORM answers an UPDATE … RETURNING with [rows, rowCount].)
    const [withdrawn]: [{ accepted_on: string }[], number] = await ctx.em.query(
      `UPDATE listing l SET accepted_on = NULL, acceptance_note = NULL
         FROM (SELECT id, accepted_on FROM listing WHERE item_id = $1) old
        WHERE l.id = old.id AND old.accepted_on IS NOT NULL
       RETURNING to_char(old.accepted_on, 'YYYY-MM-DD') AS accepted_on`,
      [item.id],
    );
    if (withdrawn.length) data.listingAcceptanceWithdrawn = withdrawn[0].accepted_on;
  }
  if (!pass) {
    item.failedReviews += 1;
    item.completionReportedBy = null;
    item.completionReportedAt = null;
    if (input.deadline) {
      data.previousDeadline = item.deadline;
      item.deadline = input.deadline;
    }
  }
  data.reviewResult = item.reviewResult;
};

const acceptListing: Effect = async (e) => {
  const listing = e.facts.listing!;
  listing.acceptedOn = listingDate(e, listing);
  listing.acceptanceNote = e.comment;
  e.errors.throwIfAny();
  // An UPDATE of the two fields (save would re-read the listing first).
  await e.ctx.em.update(Listing, { id: listing.id }, { acceptedOn: listing.acceptedOn, acceptanceNote: listing.acceptanceNote });
  e.data.acceptedOn = listing.acceptedOn;
};

/** The steps of listed supervision: the date (and a letter's number) on the listing, once each. */
const listingStep: Effect = async (e) => {
  const { input, comment, errors, data } = e;
  const listing = e.facts.listing!;
  const field = e.def.listingStep!;
  const on = listingDate(e, listing);
  const change: Partial<Listing> = { [field]: on };
  if (input.action === RemediationAction.FILE_OVERDUE_EXPLANATION && !comment) {
    errors.add(UserErrorCode.REQUIRED, 'input.comment', '逾期说明须写明原因、临时方案和监控措施', 'The overdue explanation needs the reasons, the interim plan and the monitoring');
  }
  if (input.action === RemediationAction.ISSUE_SUPERVISION_LETTER) {
    const no = clean(input.documentNo);
    if (!no) errors.add(UserErrorCode.REQUIRED, 'input.documentNo', '督办函须有文号', 'A supervision letter needs its document number');
    change.supervisionLetterNo = no;
    data.documentNo = no;
  }
  errors.throwIfAny();
  await e.ctx.em.update(Listing, { id: listing.id }, change);
  data[field] = on;
  data.listingDeadline = listing.deadline;
};

const close: Effect = ({ input, item, principal, now, today, comment, from }) => {
  if (from === HazardStatus.RECTIFIED_ON_SITE) {
    // On the spot, the inspecting officer records the review conclusion as well.
    item.reviewerId = principal.id;
    item.reviewerName = clean(input.reviewerName) ?? shownName(principal);
    item.reviewedAt = now;
    item.reviewResult = ReviewResult.PASS;
    item.reviewNotes = comment;
  }
  item.closedAt = now;
  item.closedOn = today;
  item.closedBy = principal.id;
};

const invalidate: Effect = ({ item, comment, errors }) => {
  if (!comment) errors.add(UserErrorCode.REQUIRED, 'input.comment', '误报核销须说明理由', 'Writing an item off needs the reason');
  item.invalidationReason = comment;
};

const recordInterview: Effect = async ({ ctx, input, item, today, errors, data }) => {
  if (!input.interview) errors.add(UserErrorCode.REQUIRED, 'input.interview', '记录约谈须填写约谈内容', 'RECORD_INTERVIEW needs the interview');
  else {
    const dept = input.interview.departmentCode ? await ctx.em.findOne(Department, { where: { code: input.interview.departmentCode } }) : null;
    if (input.interview.departmentCode && !dept) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.interview.departmentCode', `不存在代码为 ${input.interview.departmentCode} 的部门`, `No department with code ${input.interview.departmentCode}`);
    // An interview is recorded once held (paper first, system later), never ahead of it.
    if (input.interview.date > today) {
      errors.add(UserErrorCode.VALIDATION, 'input.interview.date', `约谈日期 ${input.interview.date} 晚于今天`, `The interview date ${input.interview.date} is after today`);
    }
    Object.assign(data, { party: clean(input.interview.party), date: input.interview.date, department: dept?.code ?? null });
  }
  item.interviewed = true;
};

const transfer: Effect = async ({ ctx, input, item, errors, data }) => {
  if (!input.transfer || (!input.transfer.toDepartmentCode && !input.transfer.toPolice)) {
    errors.add(UserErrorCode.REQUIRED, 'input.transfer', '移交须填写接收部门或选择移交公安（toPolice）', 'TRANSFER needs a receiving department or toPolice');
  } else {
    const dept = input.transfer.toDepartmentCode ? await ctx.em.findOne(Department, { where: { code: input.transfer.toDepartmentCode } }) : null;
    if (input.transfer.toDepartmentCode && !dept) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.transfer.toDepartmentCode', `不存在代码为 ${input.transfer.toDepartmentCode} 的部门`, `No department with code ${input.transfer.toDepartmentCode}`);
    Object.assign(data, { toDepartment: dept?.code ?? null, toPolice: input.transfer.toPolice });
  }
  item.transferred = true;
};

const seal: Effect = ({ item }) => {
  item.sealed = true;
};
const unseal: Effect = ({ item }) => {
  item.sealed = false;
};
const commentRequired: Effect = ({ comment, errors }) => {
  if (!comment) errors.add(UserErrorCode.REQUIRED, 'input.comment', '备注内容不能为空', 'A comment needs text');
};

export const TRANSITIONS: readonly TransitionDef[] = [
  { action: RemediationAction.RECTIFY_ON_SITE, from: [HazardStatus.REGISTERED], to: HazardStatus.RECTIFIED_ON_SITE, roles: WORKERS, guards: [notMajor], apply: rectifyOnSite },
  { action: RemediationAction.SERVE_NOTICE, from: [HazardStatus.REGISTERED], to: HazardStatus.NOTIFIED, roles: WORKERS, guards: [], apply: serveNotice },
  { action: RemediationAction.SUBMIT_PLAN, from: [HazardStatus.REGISTERED, HazardStatus.NOTIFIED, HazardStatus.RECTIFYING], to: null, roles: WORKERS, guards: [majorOnly], apply: submitPlan },
  { action: RemediationAction.START_RECTIFICATION, from: [HazardStatus.NOTIFIED], to: HazardStatus.RECTIFYING, roles: WORKERS, guards: [planBeforeRectifying] },
  { action: RemediationAction.REPORT_COMPLETION, from: [HazardStatus.RECTIFYING], to: HazardStatus.PENDING_REVIEW, roles: WORKERS, guards: [planAfterUpgrade], apply: reportCompletion },
  { action: RemediationAction.PASS_REVIEW, from: [HazardStatus.PENDING_REVIEW], to: HazardStatus.VERIFIED, roles: WORKERS, guards: [notTheReporter, planAfterUpgrade], apply: review },
  { action: RemediationAction.FAIL_REVIEW, from: [HazardStatus.PENDING_REVIEW], to: HazardStatus.RECTIFYING, roles: WORKERS, guards: [notTheReporter], reopens: true, apply: review },
  { action: RemediationAction.ACCEPT_LISTING, from: [HazardStatus.PENDING_REVIEW, HazardStatus.VERIFIED], to: null, roles: COORDINATORS, guards: [listedNotAccepted, planAfterUpgrade], needsFacts: true, apply: acceptListing },
  {
    action: RemediationAction.CLOSE,
    from: [HazardStatus.VERIFIED, HazardStatus.RECTIFIED_ON_SITE],
    to: HazardStatus.CLOSED,
    roles: WORKERS,
    // (A passed review is not a guard: VERIFIED is reached only by PASS_REVIEW, and CLOSE from
    // RECTIFIED_ON_SITE records the conclusion itself, so such a guard could never veto.)
    guards: [notTheReporter, planAfterUpgrade, afterEvidence, listingAccepted],
    needsFacts: true,
    apply: close,
  },
  { action: RemediationAction.PUBLISH_LISTING, from: OPEN, to: null, roles: COORDINATORS, guards: [listed, stepNotRecorded('publishedOn')], needsFacts: true, listingStep: 'publishedOn', apply: listingStep },
  {
    action: RemediationAction.FILE_OVERDUE_EXPLANATION,
    from: OPEN,
    to: null,
    roles: WORKERS,
    guards: [listed, listingOverdue, stepNotRecorded('explanationFiledOn')],
    needsFacts: true,
    listingStep: 'explanationFiledOn',
    apply: listingStep,
  },
  {
    action: RemediationAction.ISSUE_SUPERVISION_LETTER,
    from: OPEN,
    to: null,
    roles: COORDINATORS,
    guards: [listed, listingOverdue, unexplained, stepNotRecorded('supervisionLetterOn')],
    needsFacts: true,
    listingStep: 'supervisionLetterOn',
    apply: listingStep,
  },
  {
    action: RemediationAction.PUBLIC_CRITICISM,
    from: OPEN,
    to: null,
    roles: COORDINATORS,
    guards: [listed, listingOverdue, letterIssued, stepNotRecorded('publicCriticismOn')],
    needsFacts: true,
    listingStep: 'publicCriticismOn',
    apply: listingStep,
  },
  { action: RemediationAction.INVALIDATE, from: OPEN, to: HazardStatus.INVALIDATED, roles: COORDINATORS, guards: [], apply: invalidate },
  { action: RemediationAction.RECORD_INTERVIEW, from: ALL.filter((s) => s !== HazardStatus.INVALIDATED), to: null, roles: WORKERS, guards: [], apply: recordInterview },
  { action: RemediationAction.TRANSFER, from: OPEN, to: null, roles: WORKERS, guards: [], apply: transfer },
  { action: RemediationAction.SEAL, from: OPEN, to: null, roles: WORKERS, guards: [notSealed], apply: seal },
  { action: RemediationAction.UNSEAL, from: ALL, to: null, roles: WORKERS, guards: [sealed], apply: unseal },
  { action: RemediationAction.COMMENT, from: ALL, to: null, roles: WORKERS, guards: [], apply: commentRequired },
];

const BY_ACTION = new Map(TRANSITIONS.map((t) => [t.action, t]));

export function transitionOf(action: RemediationAction): TransitionDef {
  const t = BY_ACTION.get(action);
  if (!t) throw new Error(`workflow: no transition declared for ${action}`);
  return t;
}

/** The first veto of a transition's state guards, or null. */
export function firstVeto(t: TransitionDef, g: GuardContext): Veto | null {
  for (const guard of t.guards) {
    const v = guard(g);
    if (v) return v;
  }
  return null;
}
