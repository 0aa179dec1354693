import { Role, type Principal } from '../../common/auth';
import { UserErrorCode } from '../../common/errors';
import { HazardLevel } from '../reference/reference.enums';
import type { Listing, RemediationItem } from './remediation.entities';
import { DONE_STATUSES, HazardStatus, RemediationAction } from './remediation.enums';

/**
 * The remediation workflow (隐患整改闭环, DOMAIN.md §6), declared once: for every action, the
 * statuses it may start from, where it leads, who may take it, and the guards that can veto it.
 * `RemediationService.transition` is the only code that applies it (and so the only code that
 * changes an item's status); `availableTransitions` reads the same table to tell a frontend
 * which buttons to show.
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
}

/** Dates on the listing that a listed-supervision step records. */
export type ListingStepField = 'publishedOn' | 'explanationFiledOn' | 'supervisionLetterOn' | 'publicCriticismOn';

export function isMajor(item: Pick<RemediationItem, 'level' | 'isMajorFireHazard'>): boolean {
  return item.level === HazardLevel.MAJOR || item.isMajorFireHazard;
}

const veto = (field: string, message: string, messageEn: string = message): Veto => ({ code: UserErrorCode.GUARD_FAILED, field, message, messageEn });

/** A listed item's authority deadline (督办期限) has passed while it is still being rectified (§6.3). */
export function isListingOverdue(item: Pick<RemediationItem, 'status'>, listing: Pick<Listing, 'deadline' | 'liftedOn'> | null, today: string): boolean {
  return !!listing && !listing.liftedOn && !!listing.deadline && today > listing.deadline && !DONE_STATUSES.includes(item.status);
}

const notMajor: Guard = ({ item }) => (isMajor(item) ? veto('input.action', 'A major hazard is not closed on the spot: serve a notice and follow its plan (重大隐患不得当场整改销号)') : null);
const majorOnly: Guard = ({ item }) => (isMajor(item) ? null : veto('input.action', 'Only a major hazard needs a six-element plan'));
const planBeforeRectifying: Guard = ({ item }) =>
  isMajor(item) && !item.plan ? veto('input.action', 'A major hazard needs its six-element plan (SUBMIT_PLAN) before rectification starts (重大隐患须先报送整改方案)') : null;
/** The person who recorded the completion report may not review or close the item. */
const notTheReporter: Guard = ({ item, principal }) =>
  item.completionReportedBy && item.completionReportedBy === principal.id
    ? veto('input.action', 'You recorded the completion report: another officer must review and close (复查人不得为整改报告人)')
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
    ? veto('input.action', 'A major hazard is closed only after the listing authority has accepted the rectification (重大隐患须经挂牌督办单位验收)')
    : null;
const listedNotAccepted: Guard = ({ item, facts }) =>
  !item.listed || !facts.listing ? veto('input.action', 'The item is not under listed supervision') : facts.listing.acceptedOn ? veto('input.action', 'The listing authority has already accepted it') : null;
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
const sealed: Guard = ({ item }) => (item.sealed ? null : veto('input.action', 'The item is not sealed'));
const notSealed: Guard = ({ item }) => (item.sealed ? veto('input.action', 'The item is already sealed') : null);

export const TRANSITIONS: readonly TransitionDef[] = [
  { action: RemediationAction.RECTIFY_ON_SITE, from: [HazardStatus.REGISTERED], to: HazardStatus.RECTIFIED_ON_SITE, roles: WORKERS, guards: [notMajor] },
  { action: RemediationAction.SERVE_NOTICE, from: [HazardStatus.REGISTERED], to: HazardStatus.NOTIFIED, roles: WORKERS, guards: [] },
  { action: RemediationAction.SUBMIT_PLAN, from: [HazardStatus.REGISTERED, HazardStatus.NOTIFIED, HazardStatus.RECTIFYING], to: null, roles: WORKERS, guards: [majorOnly] },
  { action: RemediationAction.START_RECTIFICATION, from: [HazardStatus.NOTIFIED], to: HazardStatus.RECTIFYING, roles: WORKERS, guards: [planBeforeRectifying] },
  { action: RemediationAction.REPORT_COMPLETION, from: [HazardStatus.RECTIFYING], to: HazardStatus.PENDING_REVIEW, roles: WORKERS, guards: [planAfterUpgrade] },
  { action: RemediationAction.PASS_REVIEW, from: [HazardStatus.PENDING_REVIEW], to: HazardStatus.VERIFIED, roles: WORKERS, guards: [notTheReporter, planAfterUpgrade] },
  { action: RemediationAction.FAIL_REVIEW, from: [HazardStatus.PENDING_REVIEW], to: HazardStatus.RECTIFYING, roles: WORKERS, guards: [notTheReporter], reopens: true },
  { action: RemediationAction.ACCEPT_LISTING, from: [HazardStatus.PENDING_REVIEW, HazardStatus.VERIFIED], to: null, roles: COORDINATORS, guards: [listedNotAccepted, planAfterUpgrade], needsFacts: true },
  {
    action: RemediationAction.CLOSE,
    from: [HazardStatus.VERIFIED, HazardStatus.RECTIFIED_ON_SITE],
    to: HazardStatus.CLOSED,
    roles: WORKERS,
    // (A passed review is not a guard: VERIFIED is reached only by PASS_REVIEW, and CLOSE from
    // RECTIFIED_ON_SITE records the conclusion itself, so such a guard could never veto.)
    guards: [notTheReporter, planAfterUpgrade, afterEvidence, listingAccepted],
    needsFacts: true,
  },
  { action: RemediationAction.PUBLISH_LISTING, from: OPEN, to: null, roles: COORDINATORS, guards: [listed, stepNotRecorded('publishedOn')], needsFacts: true, listingStep: 'publishedOn' },
  {
    action: RemediationAction.FILE_OVERDUE_EXPLANATION,
    from: OPEN,
    to: null,
    roles: WORKERS,
    guards: [listed, listingOverdue, stepNotRecorded('explanationFiledOn')],
    needsFacts: true,
    listingStep: 'explanationFiledOn',
  },
  {
    action: RemediationAction.ISSUE_SUPERVISION_LETTER,
    from: OPEN,
    to: null,
    roles: COORDINATORS,
    guards: [listed, listingOverdue, unexplained, stepNotRecorded('supervisionLetterOn')],
    needsFacts: true,
    listingStep: 'supervisionLetterOn',
  },
  {
    action: RemediationAction.PUBLIC_CRITICISM,
    from: OPEN,
    to: null,
    roles: COORDINATORS,
    guards: [listed, listingOverdue, letterIssued, stepNotRecorded('publicCriticismOn')],
    needsFacts: true,
    listingStep: 'publicCriticismOn',
  },
  { action: RemediationAction.INVALIDATE, from: OPEN, to: HazardStatus.INVALIDATED, roles: COORDINATORS, guards: [] },
  { action: RemediationAction.RECORD_INTERVIEW, from: ALL.filter((s) => s !== HazardStatus.INVALIDATED), to: null, roles: WORKERS, guards: [] },
  { action: RemediationAction.TRANSFER, from: OPEN, to: null, roles: WORKERS, guards: [] },
  { action: RemediationAction.SEAL, from: OPEN, to: null, roles: WORKERS, guards: [notSealed] },
  { action: RemediationAction.UNSEAL, from: ALL, to: null, roles: WORKERS, guards: [sealed] },
  { action: RemediationAction.COMMENT, from: ALL, to: null, roles: WORKERS, guards: [] },
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
