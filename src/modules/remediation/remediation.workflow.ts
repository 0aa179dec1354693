import { Role, type Principal } from '../../common/auth';
import { UserErrorCode } from '../../common/errors';
import { HazardLevel } from '../reference/reference.enums';
import type { Listing, RemediationItem } from './remediation.entities';
import { HazardStatus, RemediationAction, ReviewResult } from './remediation.enums';

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
  afterEvidence: number;
  listing: Listing | null;
}

export interface GuardContext {
  item: RemediationItem;
  principal: Principal;
  facts: ItemFacts;
}

export interface Veto {
  code: UserErrorCode;
  field: string;
  message: string;
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
}

export function isMajor(item: Pick<RemediationItem, 'level' | 'isMajorFireHazard'>): boolean {
  return item.level === HazardLevel.MAJOR || item.isMajorFireHazard;
}

const veto = (field: string, message: string): Veto => ({ code: UserErrorCode.GUARD_FAILED, field, message });

const notMajor: Guard = ({ item }) => (isMajor(item) ? veto('input.action', 'A major hazard is not closed on the spot: serve a notice and follow its plan (重大隐患不得当场整改销号)') : null);
const majorOnly: Guard = ({ item }) => (isMajor(item) ? null : veto('input.action', 'Only a major hazard needs a six-element plan'));
const planBeforeRectifying: Guard = ({ item }) =>
  isMajor(item) && !item.plan ? veto('input.action', 'A major hazard needs its six-element plan (SUBMIT_PLAN) before rectification starts (重大隐患须先报送整改方案)') : null;
/** The person who recorded the completion report may not review or close the item. */
const notTheReporter: Guard = ({ item, principal }) =>
  item.completionReportedBy && item.completionReportedBy === principal.id
    ? veto('input.action', 'You recorded the completion report: another officer must review and close (复查人不得为整改报告人)')
    : null;
const passedReview: Guard = ({ item }) =>
  item.status === HazardStatus.VERIFIED && item.reviewResult !== ReviewResult.PASS ? veto('input.action', 'Closing needs a passed review (须复查合格)') : null;
const afterEvidence: Guard = ({ facts }) =>
  facts.afterEvidence < 1 ? veto('input.action', 'Closing needs at least one "after" piece of evidence (须上传整改后照片等证据)') : null;
const listingAccepted: Guard = ({ item, facts }) =>
  isMajor(item) && !(facts.listing?.acceptedOn)
    ? veto('input.action', 'A major hazard is closed only after the listing authority has accepted the rectification (重大隐患须经挂牌督办单位验收)')
    : null;
const listedNotAccepted: Guard = ({ item, facts }) =>
  !item.listed || !facts.listing ? veto('input.action', 'The item is not under listed supervision') : facts.listing.acceptedOn ? veto('input.action', 'The listing authority has already accepted it') : null;
const sealed: Guard = ({ item }) => (item.sealed ? null : veto('input.action', 'The item is not sealed'));
const notSealed: Guard = ({ item }) => (item.sealed ? veto('input.action', 'The item is already sealed') : null);

export const TRANSITIONS: readonly TransitionDef[] = [
  { action: RemediationAction.RECTIFY_ON_SITE, from: [HazardStatus.REGISTERED], to: HazardStatus.RECTIFIED_ON_SITE, roles: WORKERS, guards: [notMajor] },
  { action: RemediationAction.SERVE_NOTICE, from: [HazardStatus.REGISTERED], to: HazardStatus.NOTIFIED, roles: WORKERS, guards: [] },
  { action: RemediationAction.SUBMIT_PLAN, from: [HazardStatus.REGISTERED, HazardStatus.NOTIFIED, HazardStatus.RECTIFYING], to: null, roles: WORKERS, guards: [majorOnly] },
  { action: RemediationAction.START_RECTIFICATION, from: [HazardStatus.NOTIFIED], to: HazardStatus.RECTIFYING, roles: WORKERS, guards: [planBeforeRectifying] },
  { action: RemediationAction.REPORT_COMPLETION, from: [HazardStatus.RECTIFYING], to: HazardStatus.PENDING_REVIEW, roles: WORKERS, guards: [] },
  { action: RemediationAction.PASS_REVIEW, from: [HazardStatus.PENDING_REVIEW], to: HazardStatus.VERIFIED, roles: WORKERS, guards: [notTheReporter] },
  { action: RemediationAction.FAIL_REVIEW, from: [HazardStatus.PENDING_REVIEW], to: HazardStatus.RECTIFYING, roles: WORKERS, guards: [notTheReporter] },
  { action: RemediationAction.ACCEPT_LISTING, from: [HazardStatus.PENDING_REVIEW, HazardStatus.VERIFIED], to: null, roles: COORDINATORS, guards: [listedNotAccepted], needsFacts: true },
  {
    action: RemediationAction.CLOSE,
    from: [HazardStatus.VERIFIED, HazardStatus.RECTIFIED_ON_SITE],
    to: HazardStatus.CLOSED,
    roles: WORKERS,
    guards: [notTheReporter, passedReview, afterEvidence, listingAccepted],
    needsFacts: true,
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
