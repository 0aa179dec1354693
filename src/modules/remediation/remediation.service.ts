import type { SelectQueryBuilder } from 'typeorm';
import { Role, type Principal } from '../../common/auth';
import { decodeCursor, encodeCursor, paginate, type ConnectionShape, type CursorValue } from '../../common/connection';
import type { Context } from '../../common/context';
import { ErrorCollector, UserErrorCode, fail, forbidden } from '../../common/errors';
import { applyBooleanFilter, applyDateRange, applyEnumFilter, applyIdFilter, applyStringFilter, escapeLike } from '../../common/filters';
import { idempotent } from '../../common/idempotency';
import { assertCanWrite, writeScopeViolation, type RecordScope } from '../../common/scope';
import { nextSequence } from '../../common/sequence';
import { SortDirection } from '../../common/sort';
import { compactDate, daysBetween, shanghaiDate } from '../../common/time';
import { clean } from '../../common/validation';
import { lockForUpdate, saveLocked } from '../../common/versioning';
import { AuditEvent } from '../audit/audit.entity';
import { auditRow, auditView, diff, recordAudit, recordRefusal } from '../audit/audit.service';
import { Department, HazardType, TaskTeam } from '../reference/reference.entities';
import { Business, Site } from '../registry/registry.entities';
import { BusinessStatus, RecordStatus } from '../registry/registry.enums';
import { Inspection } from '../inspection/inspection.entities';
import { EnforcementCase, Evidence, ExtensionRequest, Listing, RemediationEvent, RemediationItem } from './remediation.entities';
import { DONE_STATUSES, EvidencePhase, ExtensionStatus, HazardStatus, NoticeType, RemediationAction, RemediationSortField, ReviewResult } from './remediation.enums';
import type {
  AddEvidenceInput,
  CreateRemediationItemInput,
  DecideExtensionInput,
  FileEnforcementCaseInput,
  HazardFields,
  ListRemediationItemInput,
  RemediationItemFilter,
  RemediationItemsArgs,
  RequestExtensionInput,
  TransitionInput,
} from './remediation.inputs';
import { TRANSITIONS, firstVeto, isMajor, transitionOf, type ItemFacts } from './remediation.workflow';

const WORKERS: readonly Role[] = [Role.COORDINATOR, Role.AGENCY_OFFICER];

export const itemScope = (i: Pick<RemediationItem, 'stage' | 'districtCode'>): RecordScope => ({ stages: [i.stage], districtCode: i.districtCode });


/** Today's Asia/Shanghai date on the request's clock. */
export function today(ctx: Context): string {
  return shanghaiDate(ctx.now());
}

// ===================== creation =====================

export interface ItemOrigin {
  business: Business | null;
  site: Site | null;
  inspection: Inspection | null;
  team: TaskTeam;
  leadDepartmentId: string | null;
  districtCode: string;
  discoveryMethod: RemediationItem['discoveryMethod'];
  discoveredAt: Date;
  discoveredBy: string[];
}

/**
 * Builds and inserts one item (status REGISTERED) with its code, CREATED event and audit row.
 * `path` prefixes error fields, e.g. ['input', 'remediationItems', '2'] inside createInspection.
 */
export async function insertItem(ctx: Context, fields: HazardFields, origin: ItemOrigin, path: string[], errors: ErrorCollector): Promise<RemediationItem | null> {
  const hazardType = await ctx.em.findOne(HazardType, { where: { code: fields.hazardTypeCode } });
  if (!hazardType || !hazardType.active) {
    errors.add(UserErrorCode.INVALID_REFERENCE, [...path, 'hazardTypeCode'], `No active hazard type ${fields.hazardTypeCode}`);
    return null;
  }
  // Found by an inspection: the inspected stage when the type occurs there, else the type's own.
  const inspected = origin.inspection?.stage;
  const stage = fields.stage ?? (inspected && hazardType.stages.includes(inspected) ? inspected : hazardType.primaryStage);
  if (!hazardType.stages.includes(stage)) {
    errors.add(UserErrorCode.VALIDATION, [...path, 'stage'], `Hazard type ${hazardType.code} occurs in ${hazardType.stages.join(', ')}, not ${stage}`);
    return null;
  }
  const item = ctx.em.create(RemediationItem, {
    hazardTypeCode: hazardType.code,
    level: fields.level ?? hazardType.defaultLevel,
    isMajorFireHazard: fields.isMajorFireHazard ?? false,
    stage,
    teamId: origin.team.id,
    leadDepartmentId: origin.leadDepartmentId ?? origin.team.leadDepartmentId,
    districtCode: origin.districtCode,
    businessId: origin.business?.id ?? null,
    siteId: origin.site?.id ?? null,
    inspectionId: origin.inspection?.id ?? null,
    description: clean(fields.description)!,
    legalBasis: clean(fields.legalBasis) ?? hazardType.legalBasis,
    address: clean(fields.address) ?? origin.site?.address ?? origin.business?.address ?? null,
    responsiblePerson: clean(fields.responsiblePerson),
    responsibleContact: clean(fields.responsibleContact),
    interimMeasures: clean(fields.interimMeasures),
    discoveredAt: origin.discoveredAt,
    discoveredOn: shanghaiDate(origin.discoveredAt),
    discoveredBy: origin.discoveredBy,
    discoveryMethod: origin.discoveryMethod,
    status: HazardStatus.REGISTERED,
    createdBy: ctx.principal?.kind === 'system' ? null : ctx.principal!.id,
    noticeType: null,
    noticeNo: null,
    noticeServedAt: null,
    deadline: null,
    rectificationMeasures: null,
    funds: null,
    plan: null,
    completionReportedAt: null,
    completionReportedBy: null,
    reviewerName: null,
    reviewerId: null,
    reviewedAt: null,
    reviewResult: null,
    reviewNotes: null,
    rectifiedAt: null,
    rectifiedOn: null,
    closedAt: null,
    closedOn: null,
    closedBy: null,
    invalidationReason: null,
    listed: false,
    transferred: false,
    caseFiled: false,
    interviewed: false,
    sealed: false,
    failedReviews: 0,
    extensions: 0,
    version: 1,
  });
  await assertCanWrite(ctx, itemScope(item), 'createRemediationItem');
  if (!errors.empty) return null;
  const seq = await nextSequence(ctx.em, 'LS', item.districtCode, item.discoveredOn);
  item.code = `LS-${item.districtCode}-${compactDate(item.discoveredOn)}-${String(seq).padStart(4, '0')}`;
  await ctx.em.insert(RemediationItem, item);
  await recordEvent(ctx, item, 'CREATED', null, null, { code: item.code });
  await recordAudit(ctx, { operation: 'createRemediationItem', entityType: 'RemediationItem', entityId: item.id, before: null, after: auditView(item) });
  return item;
}

/** The item's event row (recordEvent inserts it; a transition writes it with the change). */
function eventRow(ctx: Context, item: RemediationItem, action: string, from: HazardStatus | null, comment: string | null, data: Record<string, unknown> | null) {
  const p = ctx.principal;
  return {
    itemId: item.id,
    action,
    fromStatus: from,
    toStatus: item.status,
    actorId: p && p.kind !== 'system' ? p.id : null,
    actorName: p?.name ?? null,
    actorRole: p?.role ?? null,
    occurredAt: ctx.now(),
    comment,
    data: data as object | null,
  };
}

async function recordEvent(ctx: Context, item: RemediationItem, action: string, from: HazardStatus | null, comment: string | null, data: Record<string, unknown> | null): Promise<void> {
  await ctx.em.insert(RemediationEvent, eventRow(ctx, item, action, from, comment, data));
}

export async function createRemediationItem(ctx: Context, input: CreateRemediationItemInput): Promise<RemediationItem> {
  return idempotent(ctx, 'createRemediationItem', input.idempotencyKey, input, async () => {
    const errors = new ErrorCollector();
    if (!input.businessId && !input.siteId) errors.add(UserErrorCode.REQUIRED, 'input.businessId', 'Give the business, the site, or both');
    const business = input.businessId ? await ctx.em.findOne(Business, { where: { id: input.businessId } }) : null;
    if (input.businessId && (!business || business.status === BusinessStatus.ARCHIVED)) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.businessId', 'No (unarchived) business with this id');
    const site = input.siteId ? await ctx.em.findOne(Site, { where: { id: input.siteId } }) : null;
    if (input.siteId && (!site || site.status === RecordStatus.ARCHIVED)) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.siteId', 'No (unarchived) site with this id');
    const inspection = input.inspectionId ? await ctx.em.findOne(Inspection, { where: { id: input.inspectionId } }) : null;
    if (input.inspectionId && !inspection) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.inspectionId', 'No inspection with this id');
    const team = await ctx.em.findOne(TaskTeam, { where: { code: input.teamCode } });
    if (!team) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.teamCode', `No task team with code ${input.teamCode}`);
    let leadDepartmentId: string | null = null;
    if (input.leadDepartmentCode) {
      const d = await ctx.em.findOne(Department, { where: { code: input.leadDepartmentCode } });
      if (!d) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.leadDepartmentCode', `No department with code ${input.leadDepartmentCode}`);
      leadDepartmentId = d?.id ?? null;
    }
    const districtCode = input.districtCode ?? site?.districtCode ?? business?.districtCode;
    if (input.districtCode && (await ctx.em.query(`SELECT 1 FROM district WHERE code = $1`, [input.districtCode])).length === 0) {
      errors.add(UserErrorCode.INVALID_REFERENCE, 'input.districtCode', `No district with code ${input.districtCode}`);
    }
    const discoveredAt = input.discoveredAt ?? ctx.now();
    if (discoveredAt.getTime() > ctx.now().getTime() + 5 * 60000) errors.add(UserErrorCode.VALIDATION, 'input.discoveredAt', 'discoveredAt is in the future');
    if (!errors.empty || !team || !districtCode) {
      errors.throwIfAny();
      fail(UserErrorCode.REQUIRED, 'input.districtCode', 'Give the district');
    }
    const item = await insertItem(
      ctx,
      input,
      {
        business,
        site,
        inspection,
        team,
        leadDepartmentId,
        districtCode,
        discoveryMethod: input.discoveryMethod,
        discoveredAt,
        discoveredBy: (input.discoveredBy ?? []).map((s) => s.trim()).filter(Boolean),
      },
      ['input'],
      errors,
    );
    errors.throwIfAny();
    return item!;
  }, (id) => ctx.em.findOneByOrFail(RemediationItem, { id }));
}

// ===================== the workflow =====================

function lockItem(ctx: Context, id: string, expectedVersion: number): Promise<RemediationItem> {
  return lockForUpdate(ctx, RemediationItem, id, expectedVersion, 'remediation item');
}

/** Guard facts for reading (availableTransitions): batched through the request's loaders. */
async function loadFacts(ctx: Context, item: RemediationItem): Promise<ItemFacts> {
  const [after, listing] = await Promise.all([afterEvidenceCount(ctx).load(item.id), listingByItem(ctx).load(item.id)]);
  return { afterEvidence: after, listing };
}

/**
 * Guard facts for a transition, read through the mutation's transaction under the item's row lock.
 * Not through the loaders: those may read on another pool connection (outside the transaction),
 * which both misses the transaction's own writes and, with the row lock held, can exhaust the pool.
 */
async function lockedFacts(ctx: Context, item: RemediationItem): Promise<ItemFacts> {
  const afterEvidence = await ctx.em.count(Evidence, { where: { itemId: item.id, phase: EvidencePhase.AFTER } });
  const listing = await ctx.em.findOne(Listing, { where: { itemId: item.id } });
  return { afterEvidence, listing };
}

async function requireRole(ctx: Context, roles: readonly Role[], operation: string): Promise<Principal> {
  const p = ctx.principal!;
  if (!roles.includes(p.role)) {
    await recordRefusal(ctx, operation, `FORBIDDEN: role ${p.role}`);
    throw forbidden(`Not allowed for role ${p.role} (无权限)`);
  }
  return p;
}

/** For actions whose guards do not look at evidence or listings. */
const NO_FACTS: ItemFacts = { afterEvidence: 0, listing: null };

const PLAN_KEYS = ['objectives', 'measures', 'funds', 'responsible', 'timeline', 'contingency'] as const;

/**
 * Applies one workflow action: checks status, role, write scope and guards from the declared table,
 * then the action's input, changes the item, records the event and the audit row.
 */
export async function transition(ctx: Context, input: TransitionInput): Promise<RemediationItem> {
  const item = await lockItem(ctx, input.id, input.expectedVersion);
  const def = transitionOf(input.action);
  const principal = await requireRole(ctx, def.roles, `transitionRemediationItem:${input.action}`);
  await assertCanWrite(ctx, itemScope(item), `transitionRemediationItem:${input.action}`);
  if (!def.from.includes(item.status)) {
    fail(UserErrorCode.INVALID_TRANSITION, 'input.action', `${input.action} is not possible from ${item.status}; possible: ${availableActionsByStatus(item.status).join(', ') || 'none'}`);
  }
  const facts = def.needsFacts ? await lockedFacts(ctx, item) : NO_FACTS;
  const v = firstVeto(def, { item, principal, facts });
  if (v) fail(v.code, v.field, v.message);

  const before = auditView(item);
  const from = item.status;
  const now = ctx.now();
  const todayDate = shanghaiDate(now);
  const comment = clean(input.comment);
  const errors = new ErrorCollector();
  const data: Record<string, unknown> = {};

  switch (input.action) {
    case RemediationAction.RECTIFY_ON_SITE:
      item.noticeType = NoticeType.IMMEDIATE;
      item.noticeServedAt = now;
      item.rectifiedAt = now;
      item.rectifiedOn = todayDate;
      break;
    case RemediationAction.SERVE_NOTICE:
      if (!input.noticeType) errors.add(UserErrorCode.REQUIRED, 'input.noticeType', 'SERVE_NOTICE needs the notice type');
      if (input.noticeType === NoticeType.LIMITED_TIME && !input.deadline) errors.add(UserErrorCode.REQUIRED, 'input.deadline', 'A limited-time notice needs a deadline (限期整改须明确整改期限)');
      if (input.deadline && input.deadline < todayDate) errors.add(UserErrorCode.VALIDATION, 'input.deadline', `The deadline ${input.deadline} is before today (${todayDate})`);
      item.noticeType = input.noticeType ?? null;
      item.noticeNo = clean(input.noticeNo);
      item.noticeServedAt = input.noticeServedAt ?? now;
      item.deadline = input.noticeType === NoticeType.IMMEDIATE ? input.deadline ?? todayDate : input.deadline ?? null;
      if (input.rectificationMeasures !== undefined) item.rectificationMeasures = clean(input.rectificationMeasures);
      if (input.funds !== undefined) item.funds = input.funds;
      Object.assign(data, { noticeType: item.noticeType, deadline: item.deadline, noticeNo: item.noticeNo });
      break;
    case RemediationAction.SUBMIT_PLAN:
      if (!input.plan) errors.add(UserErrorCode.REQUIRED, 'input.plan', 'SUBMIT_PLAN needs the six-element plan');
      else item.plan = Object.fromEntries(PLAN_KEYS.map((k) => [k, clean(input.plan![k])!]));
      if (input.funds !== undefined) item.funds = input.funds;
      break;
    case RemediationAction.REPORT_COMPLETION:
      item.completionReportedAt = now;
      item.completionReportedBy = principal.id;
      break;
    case RemediationAction.PASS_REVIEW:
    case RemediationAction.FAIL_REVIEW: {
      const pass = input.action === RemediationAction.PASS_REVIEW;
      if (!pass && !comment) errors.add(UserErrorCode.REQUIRED, 'input.comment', 'A failed review needs review notes saying what is still wrong');
      if (!pass && input.deadline && input.deadline < todayDate) errors.add(UserErrorCode.VALIDATION, 'input.deadline', `The deadline ${input.deadline} is before today`);
      item.reviewerId = principal.id;
      item.reviewerName = clean(input.reviewerName) ?? principal.name;
      item.reviewedAt = now;
      item.reviewResult = pass ? ReviewResult.PASS : ReviewResult.FAIL;
      item.reviewNotes = comment;
      if (pass) {
        item.rectifiedAt = now;
        item.rectifiedOn = todayDate;
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
      break;
    }
    case RemediationAction.ACCEPT_LISTING: {
      const listing = facts.listing!;
      listing.acceptedOn = todayDate;
      listing.acceptanceNote = comment;
      // An UPDATE of the two fields (save would re-read the listing first).
      await ctx.em.update(Listing, { id: listing.id }, { acceptedOn: listing.acceptedOn, acceptanceNote: listing.acceptanceNote });
      data.acceptedOn = todayDate;
      break;
    }
    case RemediationAction.CLOSE:
      if (from === HazardStatus.RECTIFIED_ON_SITE) {
        // On the spot, the inspecting officer records the review conclusion as well.
        item.reviewerId = principal.id;
        item.reviewerName = clean(input.reviewerName) ?? principal.name;
        item.reviewedAt = now;
        item.reviewResult = ReviewResult.PASS;
        item.reviewNotes = comment;
      }
      item.closedAt = now;
      item.closedOn = todayDate;
      item.closedBy = principal.id;
      break;
    case RemediationAction.INVALIDATE:
      if (!comment) errors.add(UserErrorCode.REQUIRED, 'input.comment', 'Writing an item off needs the reason (误报核销须说明理由)');
      item.invalidationReason = comment;
      break;
    case RemediationAction.RECORD_INTERVIEW:
      if (!input.interview) errors.add(UserErrorCode.REQUIRED, 'input.interview', 'RECORD_INTERVIEW needs the interview');
      else {
        const dept = input.interview.departmentCode ? await ctx.em.findOne(Department, { where: { code: input.interview.departmentCode } }) : null;
        if (input.interview.departmentCode && !dept) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.interview.departmentCode', `No department with code ${input.interview.departmentCode}`);
        Object.assign(data, { party: clean(input.interview.party), date: input.interview.date, department: dept?.code ?? null });
      }
      item.interviewed = true;
      break;
    case RemediationAction.TRANSFER:
      if (!input.transfer || (!input.transfer.toDepartmentCode && !input.transfer.toPolice)) {
        errors.add(UserErrorCode.REQUIRED, 'input.transfer', 'TRANSFER needs a receiving department or toPolice');
      } else {
        const dept = input.transfer.toDepartmentCode ? await ctx.em.findOne(Department, { where: { code: input.transfer.toDepartmentCode } }) : null;
        if (input.transfer.toDepartmentCode && !dept) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.transfer.toDepartmentCode', `No department with code ${input.transfer.toDepartmentCode}`);
        Object.assign(data, { toDepartment: dept?.code ?? null, toPolice: input.transfer.toPolice });
      }
      item.transferred = true;
      break;
    case RemediationAction.SEAL:
      item.sealed = true;
      break;
    case RemediationAction.UNSEAL:
      item.sealed = false;
      break;
    case RemediationAction.COMMENT:
      if (!comment) errors.add(UserErrorCode.REQUIRED, 'input.comment', 'A comment needs text');
      break;
    case RemediationAction.START_RECTIFICATION:
      break;
  }
  errors.throwIfAny();

  if (def.to) item.status = def.to;
  // One statement: the changed fields with version + 1 and updated_at, the event and the audit row.
  const after = auditView(item);
  await saveLocked(ctx, RemediationItem, item, Object.keys(diff(before, after)), [
    { entity: RemediationEvent, values: eventRow(ctx, item, input.action, from, comment, Object.keys(data).length ? data : null) },
    { entity: AuditEvent, values: auditRow(ctx, { operation: `transitionRemediationItem:${input.action}`, entityType: 'RemediationItem', entityId: item.id, before, after }) },
  ]);
  return item;
}

function availableActionsByStatus(status: HazardStatus): RemediationAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => t.action);
}

/** The actions the current principal could take on the item now: status, role, scope and guards. */
export async function availableTransitions(ctx: Context, item: RemediationItem): Promise<RemediationAction[]> {
  const p = ctx.principal;
  if (!p || !WORKERS.includes(p.role) || writeScopeViolation(p, itemScope(item))) return [];
  const facts = await loadFacts(ctx, item);
  return TRANSITIONS.filter((t) => t.from.includes(item.status) && t.roles.includes(p.role) && !firstVeto(t, { item, principal: p, facts })).map((t) => t.action);
}

// ===================== extensions, listing, cases, evidence =====================

export async function requestExtension(ctx: Context, input: RequestExtensionInput): Promise<{ item: RemediationItem; request: ExtensionRequest }> {
  const item = await lockItem(ctx, input.id, input.expectedVersion);
  await requireRole(ctx, WORKERS, 'requestExtension');
  await assertCanWrite(ctx, itemScope(item), 'requestExtension');
  if (![HazardStatus.NOTIFIED, HazardStatus.RECTIFYING].includes(item.status)) {
    fail(UserErrorCode.INVALID_TRANSITION, 'input.id', `An extension is requested while the notice runs (NOTIFIED or RECTIFYING), not in ${item.status}`);
  }
  if (item.noticeType !== NoticeType.LIMITED_TIME || !item.deadline) fail(UserErrorCode.GUARD_FAILED, 'input.id', 'Only a limited-time notice has a deadline to extend');
  if ((await ctx.em.count(ExtensionRequest, { where: { itemId: item.id, status: ExtensionStatus.PENDING } })) > 0) {
    fail(UserErrorCode.GUARD_FAILED, 'input.id', 'An extension request is already pending');
  }
  if (input.requestedDeadline <= item.deadline) fail(UserErrorCode.VALIDATION, 'input.requestedDeadline', `The requested deadline must be after the current one (${item.deadline})`);
  const request = ctx.em.create(ExtensionRequest, {
    itemId: item.id,
    requestedAt: ctx.now(),
    requestedBy: ctx.principal!.id,
    previousDeadline: item.deadline,
    requestedDeadline: input.requestedDeadline,
    reason: clean(input.reason)!,
    status: ExtensionStatus.PENDING,
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
  });
  await ctx.em.insert(ExtensionRequest, request);
  item.version += 1;
  await ctx.em.save(item);
  await recordEvent(ctx, item, 'EXTENSION_REQUESTED', item.status, request.reason, { requestId: request.id, currentDeadline: item.deadline, requestedDeadline: request.requestedDeadline });
  await recordAudit(ctx, { operation: 'requestExtension', entityType: 'ExtensionRequest', entityId: request.id, before: null, after: { ...request } });
  return { item, request };
}

export async function decideExtension(ctx: Context, input: DecideExtensionInput): Promise<{ item: RemediationItem; request: ExtensionRequest }> {
  const request = await ctx.em.findOne(ExtensionRequest, { where: { id: input.requestId }, lock: { mode: 'pessimistic_write' } });
  if (!request) fail(UserErrorCode.NOT_FOUND, 'input.requestId', 'No extension request with this id');
  const item = await lockItem(ctx, request.itemId, input.expectedVersion);
  await requireRole(ctx, WORKERS, 'decideExtension');
  await assertCanWrite(ctx, itemScope(item), 'decideExtension');
  if (request.status !== ExtensionStatus.PENDING) fail(UserErrorCode.INVALID_TRANSITION, 'input.requestId', `The request was already ${request.status}`);
  if (request.requestedBy === ctx.principal!.id) fail(UserErrorCode.GUARD_FAILED, 'input.requestId', 'Whoever recorded the request may not decide it');
  if (![HazardStatus.NOTIFIED, HazardStatus.RECTIFYING].includes(item.status)) fail(UserErrorCode.INVALID_TRANSITION, 'input.requestId', `The item is ${item.status}; the request can no longer be decided`);
  const before = auditView(item);
  request.status = input.approve ? ExtensionStatus.APPROVED : ExtensionStatus.REFUSED;
  request.decidedAt = ctx.now();
  request.decidedBy = ctx.principal!.id;
  request.decisionNote = clean(input.note);
  await ctx.em.save(request);
  const previous = item.deadline;
  if (input.approve) {
    item.deadline = request.requestedDeadline;
    item.extensions += 1;
  }
  item.version += 1;
  await ctx.em.save(item);
  await recordEvent(ctx, item, input.approve ? 'EXTENSION_APPROVED' : 'EXTENSION_REFUSED', item.status, request.decisionNote, {
    requestId: request.id,
    previousDeadline: previous,
    deadline: item.deadline,
  });
  await recordAudit(ctx, { operation: 'decideExtension', entityType: 'RemediationItem', entityId: item.id, before, after: auditView(item) });
  return { item, request };
}

export async function listRemediationItem(ctx: Context, input: ListRemediationItemInput): Promise<RemediationItem> {
  const item = await lockItem(ctx, input.id, input.expectedVersion);
  await requireRole(ctx, [Role.COORDINATOR], 'listRemediationItem');
  if (!isMajor(item)) fail(UserErrorCode.GUARD_FAILED, 'input.id', 'Only a major hazard (level MAJOR or a major fire hazard) is put under listed supervision');
  if (item.listed) fail(UserErrorCode.GUARD_FAILED, 'input.id', 'The item is already listed');
  if ([HazardStatus.CLOSED, HazardStatus.INVALIDATED].includes(item.status)) fail(UserErrorCode.INVALID_TRANSITION, 'input.id', `A ${item.status} item is not listed`);
  const number = clean(input.listingNumber)!;
  const dup = await ctx.em.findOne(Listing, { where: { listingNumber: number } });
  if (dup) fail(UserErrorCode.DUPLICATE, 'input.listingNumber', `Listing number ${number} is already used (item ${dup.itemId})`);
  const before = auditView(item);
  const listing = ctx.em.create(Listing, {
    itemId: item.id,
    authority: clean(input.authority)!,
    listingNumber: number,
    listedOn: input.listedOn ?? today(ctx),
    planDocument: clean(input.planDocument),
    acceptedOn: null,
    acceptanceNote: null,
  });
  await ctx.em.insert(Listing, listing);
  item.listed = true;
  item.version += 1;
  await ctx.em.save(item);
  await recordEvent(ctx, item, 'LISTED', item.status, null, { authority: listing.authority, listingNumber: listing.listingNumber, listedOn: listing.listedOn });
  await recordAudit(ctx, { operation: 'listRemediationItem', entityType: 'RemediationItem', entityId: item.id, before, after: { ...auditView(item), listing: { ...listing } } });
  return item;
}

export async function fileEnforcementCase(ctx: Context, input: FileEnforcementCaseInput): Promise<{ item: RemediationItem; enforcementCase: EnforcementCase }> {
  const item = await lockItem(ctx, input.id, input.expectedVersion);
  await requireRole(ctx, WORKERS, 'fileEnforcementCase');
  await assertCanWrite(ctx, itemScope(item), 'fileEnforcementCase');
  if (item.status === HazardStatus.INVALIDATED) fail(UserErrorCode.INVALID_TRANSITION, 'input.id', 'No case is filed over an item written off as a false report');
  const errors = new ErrorCollector();
  const dept = await ctx.em.findOne(Department, { where: { code: input.departmentCode } });
  if (!dept) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.departmentCode', `No department with code ${input.departmentCode}`);
  const caseNumber = clean(input.caseNumber)!;
  if (await ctx.em.findOne(EnforcementCase, { where: { caseNumber } })) errors.add(UserErrorCode.DUPLICATE, 'input.caseNumber', `Case number ${caseNumber} is already recorded`);
  if (input.closedOn && input.closedOn < input.filedOn) errors.add(UserErrorCode.VALIDATION, 'input.closedOn', 'closedOn is before filedOn');
  if (input.filedOn > today(ctx)) errors.add(UserErrorCode.VALIDATION, 'input.filedOn', 'filedOn is in the future');
  if (Number(input.fineAmount) > 0 && !input.penaltyTypes.includes('FINE' as never)) errors.add(UserErrorCode.VALIDATION, 'input.penaltyTypes', 'A fine amount needs the FINE penalty');
  if (Number(input.confiscatedAmount) > 0 && !input.penaltyTypes.includes('CONFISCATE_ILLEGAL_GAINS' as never)) {
    errors.add(UserErrorCode.VALIDATION, 'input.penaltyTypes', 'A confiscated amount needs the CONFISCATE_ILLEGAL_GAINS penalty');
  }
  errors.throwIfAny();
  const before = auditView(item);
  const c = ctx.em.create(EnforcementCase, {
    itemId: item.id,
    caseNumber,
    filedOn: input.filedOn,
    departmentId: dept!.id,
    legalBasis: clean(input.legalBasis),
    penaltyTypes: input.penaltyTypes,
    fineAmount: input.fineAmount,
    confiscatedAmount: input.confiscatedAmount,
    confiscatedGoods: clean(input.confiscatedGoods),
    seizedVehicles: input.seizedVehicles,
    seizedBatteries: input.seizedBatteries,
    seizedParts: input.seizedParts,
    transferredToPolice: input.transferredToPolice,
    closedOn: input.closedOn ?? null,
  });
  await ctx.em.insert(EnforcementCase, c);
  // INSERT … RETURNING merges the enum-array default back as raw text ("{FINE}"); read the row as stored.
  const stored = await ctx.em.findOneByOrFail(EnforcementCase, { id: c.id });
  item.caseFiled = true;
  if (input.transferredToPolice) item.transferred = true;
  item.version += 1;
  await ctx.em.save(item);
  await recordEvent(ctx, item, 'CASE_FILED', item.status, null, { caseId: c.id, caseNumber, fineAmount: stored.fineAmount, confiscatedAmount: stored.confiscatedAmount });
  await recordAudit(ctx, { operation: 'fileEnforcementCase', entityType: 'EnforcementCase', entityId: c.id, before: { item: before }, after: { item: auditView(item), case: { ...stored } } });
  return { item, enforcementCase: stored };
}

export async function addEvidence(ctx: Context, input: AddEvidenceInput): Promise<{ item: RemediationItem; evidence: Evidence }> {
  const item = await ctx.em.findOne(RemediationItem, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
  if (!item) fail(UserErrorCode.NOT_FOUND, 'input.id', 'No remediation item with this id');
  await requireRole(ctx, WORKERS, 'addEvidence');
  await assertCanWrite(ctx, itemScope(item), 'addEvidence');
  if (item.status === HazardStatus.INVALIDATED) fail(UserErrorCode.INVALID_TRANSITION, 'input.id', 'The item was written off');
  if ((input.latitude === undefined) !== (input.longitude === undefined)) fail(UserErrorCode.VALIDATION, 'input.latitude', 'Give both latitude and longitude, or neither');
  if (input.takenAt && input.takenAt.getTime() > ctx.now().getTime() + 5 * 60000) fail(UserErrorCode.VALIDATION, 'input.takenAt', 'takenAt is in the future');
  const evidence = ctx.em.create(Evidence, {
    itemId: item.id,
    kind: input.kind,
    phase: input.phase,
    location: clean(input.location)!,
    sha256: input.sha256.toLowerCase(),
    takenAt: input.takenAt ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    addedBy: ctx.principal!.id,
  });
  await ctx.em.insert(Evidence, evidence);
  await recordEvent(ctx, item, 'EVIDENCE_ADDED', item.status, null, { evidenceId: evidence.id, kind: evidence.kind, phase: evidence.phase, sha256: evidence.sha256 });
  await recordAudit(ctx, { operation: 'addEvidence', entityType: 'Evidence', entityId: evidence.id, before: null, after: { ...evidence } });
  return { item, evidence };
}

// ===================== reading =====================

export function isOverdue(item: Pick<RemediationItem, 'deadline' | 'status'>, todayDate: string): boolean {
  return !!item.deadline && todayDate > item.deadline && !DONE_STATUSES.includes(item.status);
}

export function overdueDays(item: Pick<RemediationItem, 'deadline' | 'status'>, todayDate: string): number {
  return isOverdue(item, todayDate) ? daysBetween(item.deadline!, todayDate) : 0;
}

const OVERDUE_SQL = (alias: string, param: string) => `(${alias}.deadline < CAST(:${param} AS date) AND ${alias}.status NOT IN ('VERIFIED', 'CLOSED', 'INVALIDATED'))`;

/** Adds the filter's conditions; `alias` is the remediation_item alias. */
export function applyItemFilter(qb: SelectQueryBuilder<RemediationItem>, alias: string, f: RemediationItemFilter | undefined, todayDate: string): void {
  if (!f) return;
  applyEnumFilter(qb, `${alias}.stage`, f.stage);
  if (f.team) {
    const sub = qb.subQuery().select('t.id').from(TaskTeam, 't');
    applyStringFilter(sub, 't.code', f.team);
    qb.andWhere(`${alias}.team_id IN ${sub.getQuery()}`, sub.getParameters());
  }
  applyStringFilter(qb, `${alias}.district_code`, f.district);
  if (f.businessType) {
    const sub = qb.subQuery().select('bt.id').from(Business, 'bt');
    applyEnumFilter(sub, 'bt.types', f.businessType, { arrayOf: 'business_type' });
    qb.andWhere(`${alias}.business_id IN ${sub.getQuery()}`, sub.getParameters());
  }
  applyIdFilter(qb, `${alias}.business_id`, f.businessId);
  applyIdFilter(qb, `${alias}.site_id`, f.siteId);
  applyIdFilter(qb, `${alias}.inspection_id`, f.inspectionId);
  const models = f.productModelId?.eq ? [f.productModelId.eq] : f.productModelId?.in;
  if (models) {
    qb.andWhere(
      `${alias}.business_id IN (
         SELECT manufacturer_business_id FROM product_model WHERE id = ANY(CAST(:pm AS uuid[])) AND manufacturer_business_id IS NOT NULL
         UNION SELECT supplier_business_id FROM supply_relation WHERE product_model_id = ANY(CAST(:pm AS uuid[])) AND status = 'ACTIVE'
         UNION SELECT buyer_business_id FROM supply_relation WHERE product_model_id = ANY(CAST(:pm AS uuid[])) AND status = 'ACTIVE')`,
      { pm: models },
    );
  }
  applyStringFilter(qb, `${alias}.hazard_type_code`, f.hazardType);
  applyEnumFilter(qb, `${alias}.level`, f.level);
  applyEnumFilter(qb, `${alias}.status`, f.status);
  applyEnumFilter(qb, `${alias}.discovery_method`, f.discoveryMethod);
  if (f.overdue?.eq !== undefined && f.overdue.eq !== null) {
    qb.andWhere(f.overdue.eq ? OVERDUE_SQL(alias, 'today') : `NOT COALESCE(${OVERDUE_SQL(alias, 'today')}, FALSE)`, { today: todayDate });
  }
  applyBooleanFilter(qb, `${alias}.listed`, f.listed);
  if (f.major?.eq !== undefined && f.major.eq !== null) qb.andWhere(`(${alias}.level = 'MAJOR' OR ${alias}.is_major_fire_hazard) = :major`, { major: f.major.eq });
  applyDateRange(qb, `${alias}.discovered_on`, f.discoveredOn, 'date');
  applyDateRange(qb, `${alias}.deadline`, f.deadline, 'date');
  if (f.text?.trim()) {
    qb.andWhere(
      // (Parameter names must not look like casts: a parameter called "text" would also replace "::text".)
      `(${alias}.code ILIKE :itemText OR ${alias}.description ILIKE :itemText OR ${alias}.address ILIKE :itemText OR ${alias}.business_id IN (SELECT id FROM business WHERE name ILIKE :itemText))`,
      { itemText: `%${escapeLike(f.text.trim())}%` },
    );
  }
}

const ITEM_SORT: Record<RemediationSortField, { expression: string; cast: string; value: (i: RemediationItem) => CursorValue | Date }> = {
  DISCOVERED_AT: { expression: 'i.discovered_at', cast: 'timestamptz', value: (i) => i.discoveredAt },
  DEADLINE: { expression: `COALESCE(i.deadline, DATE '9999-12-31')`, cast: 'date', value: (i) => i.deadline ?? '9999-12-31' },
  UPDATED_AT: { expression: 'i.updated_at', cast: 'timestamptz', value: (i) => i.updatedAt },
  CODE: { expression: 'i.code', cast: 'text', value: (i) => i.code },
};

export function listRemediationItems(ctx: Context, args: RemediationItemsArgs): Promise<ConnectionShape<RemediationItem>> {
  const qb = ctx.em.getRepository(RemediationItem).createQueryBuilder('i');
  applyItemFilter(qb, 'i', args.filter, today(ctx));
  const order = args.orderBy ?? { field: RemediationSortField.DISCOVERED_AT, direction: SortDirection.DESC };
  return paginate(qb, args, { ...ITEM_SORT[order.field], direction: order.direction });
}

export async function remediationItemByIdOrCode(ctx: Context, id?: string | null, code?: string | null): Promise<RemediationItem | null> {
  if (!!id === !!code) fail(UserErrorCode.VALIDATION, 'id', 'Give exactly one of id or code');
  return id ? itemById(ctx).load(id) : ctx.em.findOne(RemediationItem, { where: { code: code!.trim().toUpperCase() } });
}

// ---- loaders ----

export const itemById = (ctx: Context) => ctx.loaders.one(RemediationItem, 'id');
export const eventsByItem = (ctx: Context) => ctx.loaders.many(RemediationEvent, 'itemId', 'occurredAt');
export const evidenceByItem = (ctx: Context) => ctx.loaders.many(Evidence, 'itemId', 'createdAt');
export const extensionsByItem = (ctx: Context) => ctx.loaders.many(ExtensionRequest, 'itemId', 'requestedAt');
export const casesByItem = (ctx: Context) => ctx.loaders.many(EnforcementCase, 'itemId', 'filedOn');
export const itemsByInspection = (ctx: Context) => ctx.loaders.many(RemediationItem, 'inspectionId', 'code', 'RemediationItem[inspection]');
export const listingByItem = (ctx: Context) => ctx.loaders.one(Listing, 'itemId');

export function afterEvidenceCount(ctx: Context) {
  return ctx.loaders.get<string, number>('Evidence.afterCount', async (ids, em) => {
    const rows: { item_id: string; n: number }[] = await em.query(
      `SELECT item_id, count(*)::int AS n FROM evidence WHERE item_id = ANY($1::uuid[]) AND phase = $2 GROUP BY item_id`,
      [ids, EvidencePhase.AFTER],
    );
    const by = new Map(rows.map((r) => [r.item_id, r.n]));
    return ids.map((id) => by.get(id) ?? 0);
  });
}

/**
 * A page of items per parent (business, site or product model) for many parents in one statement:
 * newest discovered first, filtered like remediationItems, a window per parent.
 */
export function itemPages(ctx: Context, parent: 'business' | 'site' | 'productModel', first: number, after: string | null, filter: RemediationItemFilter | undefined) {
  const key = `RemediationItem.pages:${parent}:${first}:${after ?? ''}:${JSON.stringify(filter ?? {})}`;
  return ctx.loaders.get<string, { items: RemediationItem[]; hasNext: boolean; total: () => Promise<number> }>(key, async (parents, em) => {
    const parentExpr =
      parent === 'business'
        ? 'i.business_id'
        : parent === 'site'
          ? 'i.site_id'
          : 'pm.model_id';
    const qb = em.getRepository(RemediationItem).createQueryBuilder('i');
    if (parent === 'productModel') {
      qb.innerJoin(
        `(SELECT id AS model_id, manufacturer_business_id AS bid FROM product_model WHERE manufacturer_business_id IS NOT NULL
          UNION SELECT product_model_id, supplier_business_id FROM supply_relation WHERE status = 'ACTIVE' AND product_model_id IS NOT NULL
          UNION SELECT product_model_id, buyer_business_id FROM supply_relation WHERE status = 'ACTIVE' AND product_model_id IS NOT NULL)`,
        'pm',
        'pm.bid = i.business_id',
      );
    }
    qb.andWhere(`${parentExpr} = ANY(CAST(:parents AS uuid[]))`, { parents });
    applyItemFilter(qb, 'i', filter, today(ctx));
    const countQb = qb.clone();
    if (after) {
      const [v, id] = decodeCursor(after, 2, ['timestamptz', 'uuid']);
      qb.andWhere('(i.discovered_at, i.id) < (CAST(:cv AS timestamptz), CAST(:cid AS uuid))', { cv: v, cid: id });
    }
    qb.select(`${parentExpr}`, 'parent')
      .addSelect('i.id', 'id')
      .addSelect(`row_number() OVER (PARTITION BY ${parentExpr} ORDER BY i.discovered_at DESC, i.id DESC)`, 'rn');
    const [sql, params] = qb.getQueryAndParameters();
    const rows: { parent: string; id: string; rn: string }[] = await em.query(`SELECT parent, id FROM (${sql}) x WHERE rn <= ${first + 1} ORDER BY parent, rn`, params);
    const items = new Map((await itemById(ctx).loadMany(rows.map((r) => r.id))).filter((x): x is RemediationItem => x instanceof RemediationItem).map((x) => [x.id, x]));
    let counts: Promise<Map<string, number>> | undefined;
    const total = (p: string) => async () => {
      counts ??= (async () => {
        const [cSql, cParams] = countQb.select(`${parentExpr}`, 'parent').addSelect('count(DISTINCT i.id)::int', 'n').groupBy(parentExpr).getQueryAndParameters();
        const r: { parent: string; n: number }[] = await em.query(cSql, cParams);
        return new Map(r.map((x) => [x.parent, x.n]));
      })();
      return (await counts).get(p) ?? 0;
    };
    return parents.map((p) => {
      const mine = rows.filter((r) => r.parent === p).map((r) => items.get(r.id)!).filter(Boolean);
      return { items: mine.slice(0, first), hasNext: mine.length > first, total: total(p) };
    });
  });
}

export async function itemPage(ctx: Context, parent: 'business' | 'site' | 'productModel', parentId: string, first: number, after: string | null, filter?: RemediationItemFilter): Promise<ConnectionShape<RemediationItem>> {
  const page = await itemPages(ctx, parent, first, after, filter).load(parentId);
  const edges = page.items.map((node) => ({ node, cursor: encodeCursor([node.discoveredAt.toISOString(), node.id]) }));
  return {
    edges,
    nodes: page.items,
    pageInfo: { hasNextPage: page.hasNext, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    totalCount: page.total,
  };
}
