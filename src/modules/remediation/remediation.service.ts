import type { GraphQLResolveInfo } from 'graphql';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { NotificationKind } from '../notifications/notifications.entities';
import { itemNewsStatement, notifyItemNews } from '../notifications/notifications.service';
import { Role, shownName, type Principal } from '../../common/auth';
import { decodeCursor, encodeCursor, pageConnection, pageDirection, paginate, type ConnectionShape, type CursorValue, type PageRequest } from '../../common/connection';
import type { Context } from '../../common/context';
import { ErrorCollector, UserErrorCode, fail, forbidden } from '../../common/errors';
import { applyBooleanFilter, applyDateRange, applyIntFilter, applyEnumFilter, applyIdFilter, applyStringFilter, escapeLike } from '../../common/filters';
import { idempotent } from '../../common/idempotency';
import { assertCanWrite, writeScopeViolation, type RecordScope } from '../../common/scope';
import { nextSequence } from '../../common/sequence';
import { SortDirection } from '../../common/sort';
import { addDays, compactDate, daysBetween, shanghaiDate } from '../../common/time';
import { clean } from '../../common/validation';
import { workingCalendar } from '../reference/calendar.service';
import { lockForUpdate, saveLocked } from '../../common/versioning';
import { AuditEvent } from '../audit/audit.entity';
import { auditRow, auditView, diff, recordAudit, recordRefusal } from '../audit/audit.service';
import { Department, HazardType, TaskTeam } from '../reference/reference.entities';
import { Business, Site } from '../registry/registry.entities';
import { BusinessStatus, RecordStatus } from '../registry/registry.enums';
import { Inspection } from '../inspection/inspection.entities';
import { campaignRef, checkCampaignPeriod } from '../campaigns/campaigns.links';
import { OutboxEvent } from '../live/live.entities';
import { itemOutboxRow } from '../live/outbox';
import { EnforcementCase, Evidence, ExtensionRequest, Listing, RemediationEvent, RemediationItem } from './remediation.entities';
import { DONE_STATUSES, EvidenceKind, EvidencePhase, ExtensionStatus, HazardStatus, NoticeType, RemediationAction, type RemediationEventAction, RemediationSortField } from './remediation.enums';
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
  UpdateRemediationItemInput,
} from './remediation.inputs';
import { checkCaseRules } from './enforcement.service';
import { TRANSITIONS, firstVeto, isMajor, transitionOf, type ItemFacts } from './remediation.workflow';
export { isListingOverdue } from './remediation.workflow';

const WORKERS: readonly Role[] = [Role.COORDINATOR, Role.AGENCY_OFFICER];
/** §6.3, one city's timing: a listed item's extension is asked for this many working days before the listing deadline. */
const LISTING_EXTENSION_NOTICE_WORKING_DAYS = 20;

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
  /** The department credited with the item; default: the inspection's first (inspecting) department, else the team's lead. */
  leadDepartmentId: string | null;
  /** The campaign it was found in, when given without an inspection (default: the inspection's). */
  campaignId?: string | null;
  /** Where a team that does not cover the item's stage is reported (the team field of the caller's input). */
  teamField: string[];
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
    errors.add(UserErrorCode.INVALID_REFERENCE, [...path, 'hazardTypeCode'], `不存在启用中的隐患类型 ${fields.hazardTypeCode}`, `No active hazard type ${fields.hazardTypeCode}`);
    return null;
  }
  // Found by an inspection: the inspected stage when the type occurs there, else the type's own.
  const inspected = origin.inspection?.stage;
  const stage = fields.stage ?? (inspected && hazardType.stages.includes(inspected) ? inspected : hazardType.primaryStage);
  if (!hazardType.stages.includes(stage)) {
    errors.add(UserErrorCode.VALIDATION, [...path, 'stage'], `隐患类型 ${hazardType.code} 适用于 ${hazardType.stages.join('、')} 环节，不适用于 ${stage}`, `Hazard type ${hazardType.code} occurs in ${hazardType.stages.join(', ')}, not ${stage}`);
    return null;
  }
  // Statistics by team credit the item's team: it must be one that covers the item's stage (teams are data, so read them).
  const teamStages: { stage: string }[] = await ctx.em.query(`SELECT stage FROM task_team_stage WHERE team_id = $1`, [origin.team.id]);
  if (!teamStages.some((r) => r.stage === stage)) {
    const covering: { code: string; name_zh: string }[] = await ctx.em.query(
      `SELECT t.code, t.name_zh FROM task_team t JOIN task_team_stage s ON s.team_id = t.id WHERE s.stage = $1 ORDER BY t.sort_order`,
      [stage],
    );
    const zh = covering.length ? covering.map((t) => `${t.name_zh}(${t.code})`).join('、') : '（暂无工作组负责该环节）';
    const en = covering.length ? covering.map((t) => t.code).join(', ') : 'no team covers it yet';
    errors.add(
      UserErrorCode.VALIDATION,
      origin.teamField,
      `工作组 ${origin.team.nameZh} 不负责环节 ${stage}（隐患类型 ${hazardType.code}）；该环节由 ${zh} 负责`,
      `Team ${origin.team.code} does not cover stage ${stage} (hazard type ${hazardType.code}); it is covered by ${en}`,
    );
    return null;
  }
  const item = ctx.em.create(RemediationItem, {
    hazardTypeCode: hazardType.code,
    level: fields.level ?? hazardType.defaultLevel,
    isMajorFireHazard: fields.isMajorFireHazard ?? false,
    stage,
    teamId: origin.team.id,
    // Found by an inspection: credited to the inspecting department (the first listed), not the team's lead.
    leadDepartmentId: origin.leadDepartmentId ?? origin.inspection?.departmentIds?.[0] ?? origin.team.leadDepartmentId,
    districtCode: origin.districtCode,
    businessId: origin.business?.id ?? null,
    siteId: origin.site?.id ?? null,
    campaignId: origin.campaignId ?? origin.inspection?.campaignId ?? null,
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
  await notifyItemNews(ctx, item, NotificationKind.ASSIGNED, 'CREATED');
  await recordAudit(ctx, { operation: 'createRemediationItem', entityType: 'RemediationItem', entityId: item.id, before: null, after: auditView(item) });
  return item;
}

/** The item's event row (recordEvent inserts it; a transition writes it with the change). */
function eventRow(ctx: Context, item: RemediationItem, action: RemediationEventAction, from: HazardStatus | null, comment: string | null, data: Record<string, unknown> | null) {
  const p = ctx.principal;
  return {
    itemId: item.id,
    action,
    fromStatus: from,
    toStatus: item.status,
    actorId: p && p.kind !== 'system' ? p.id : null,
    actorName: p ? shownName(p) : null,
    actorRole: p?.role ?? null,
    occurredAt: ctx.now(),
    comment,
    data: data as object | null,
  };
}

/** An event the system writes without a request (the daily escalation run, 督办). */
export interface SystemEvent {
  itemId: string;
  action: string;
  status: HazardStatus;
  occurredAt: Date;
  comment: string | null;
  data: Record<string, unknown>;
}

/** Writes many system events in one statement through `em` (the caller's transaction), in the given order; actor: the system. */
export async function recordSystemEvents(em: EntityManager, events: readonly SystemEvent[]): Promise<void> {
  if (!events.length) return;
  // The events and, in the same statement, their outbox rows (ITEM_ESCALATED: webhooks, live updates).
  await em.query(
    `WITH ev AS (
       INSERT INTO remediation_event (item_id, action, from_status, to_status, actor_name, occurred_at, comment, data)
       SELECT e.item_id, e.action, e.status::hazard_status, e.status::hazard_status, $2, e.occurred_at, e.comment, e.data
         FROM jsonb_to_recordset($1::jsonb) AS e(item_id uuid, action varchar, status text, occurred_at timestamptz, comment text, data jsonb)
       RETURNING item_id, action, occurred_at
     )
     INSERT INTO outbox_event (type, entity_type, entity_id, district_code, team_id, stage, occurred_at, data)
     SELECT 'ITEM_ESCALATED', 'RemediationItem', i.id, i.district_code, i.team_id, i.stage, ev.occurred_at,
            jsonb_build_object('code', i.code, 'action', ev.action, 'fromStatus', i.status, 'toStatus', i.status, 'version', i.version, 'level', i.level)
       FROM ev JOIN remediation_item i ON i.id = ev.item_id`,
    [JSON.stringify(events.map((e) => ({ item_id: e.itemId, action: e.action, status: e.status, occurred_at: e.occurredAt.toISOString(), comment: e.comment, data: e.data }))), '系统（每日督办）'],
  );
}

export async function recordEvent(ctx: Context, item: RemediationItem, action: RemediationEventAction, from: HazardStatus | null, comment: string | null, data: Record<string, unknown> | null): Promise<void> {
  await ctx.em.insert(RemediationEvent, eventRow(ctx, item, action, from, comment, data));
  // The outbox row of the same change (webhooks, live updates), in the same transaction.
  await ctx.em.insert(OutboxEvent, itemOutboxRow(ctx, item, action, from));
}

export async function createRemediationItem(ctx: Context, input: CreateRemediationItemInput): Promise<RemediationItem> {
  return idempotent(ctx, 'createRemediationItem', input.idempotencyKey, input, async () => {
    const errors = new ErrorCollector();
    if (!input.businessId && !input.siteId) errors.add(UserErrorCode.REQUIRED, 'input.businessId', '请填写经营主体或场所（或两者）', 'Give the business, the site, or both');
    const business = input.businessId ? await ctx.em.findOne(Business, { where: { id: input.businessId } }) : null;
    if (input.businessId && (!business || business.status === BusinessStatus.ARCHIVED)) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.businessId', '不存在该经营主体（或已归档）', 'No (unarchived) business with this id');
    const site = input.siteId ? await ctx.em.findOne(Site, { where: { id: input.siteId } }) : null;
    if (input.siteId && (!site || site.status === RecordStatus.ARCHIVED)) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.siteId', '不存在该场所（或已归档）', 'No (unarchived) site with this id');
    const inspection = input.inspectionId ? await ctx.em.findOne(Inspection, { where: { id: input.inspectionId } }) : null;
    if (input.inspectionId && !inspection) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.inspectionId', '不存在该检查记录', 'No inspection with this id');
    const team = await ctx.em.findOne(TaskTeam, { where: { code: input.teamCode } });
    if (!team) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.teamCode', `不存在代码为 ${input.teamCode} 的专项工作组`, `No task team with code ${input.teamCode}`);
    let leadDepartmentId: string | null = null;
    if (input.leadDepartmentCode) {
      const d = await ctx.em.findOne(Department, { where: { code: input.leadDepartmentCode } });
      if (!d) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.leadDepartmentCode', `不存在代码为 ${input.leadDepartmentCode} 的部门`, `No department with code ${input.leadDepartmentCode}`);
      leadDepartmentId = d?.id ?? null;
    }
    const districtCode = input.districtCode ?? site?.districtCode ?? business?.districtCode;
    if (input.districtCode && (await ctx.em.query(`SELECT 1 FROM district WHERE code = $1`, [input.districtCode])).length === 0) {
      errors.add(UserErrorCode.INVALID_REFERENCE, 'input.districtCode', `不存在代码为 ${input.districtCode} 的区县`, `No district with code ${input.districtCode}`);
    }
    const discoveredAt = input.discoveredAt ?? ctx.now();
    if (discoveredAt.getTime() > ctx.now().getTime() + 5 * 60000) errors.add(UserErrorCode.VALIDATION, 'input.discoveredAt', '发现时间（discoveredAt）不能晚于当前时间', 'discoveredAt is in the future');
    // A campaign as for an inspection: its period covers the day found; with an inspection, it is the inspection's.
    const campaign = await campaignRef(ctx, input.campaignId, 'input.campaignId', errors);
    if (campaign) {
      checkCampaignPeriod(campaign, shanghaiDate(discoveredAt), '发现日期', 'input.campaignId', errors);
      if (inspection && inspection.campaignId !== campaign.id) {
        errors.add(UserErrorCode.VALIDATION, 'input.campaignId', `检查 ${inspection.code} 不属于该专项行动`, `Inspection ${inspection.code} is not part of this campaign`);
      }
    }
    if (!errors.empty || !team || !districtCode) {
      errors.throwIfAny();
      fail(UserErrorCode.REQUIRED, 'input.districtCode', '请填写所属区县', 'Give the district');
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
        campaignId: campaign?.id ?? null,
        teamField: ['input', 'teamCode'],
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
  return { afterPhotos: after, listing };
}

/** Evidence that proves a rectification: an "after" photo or video (§6.2), not a document. */
const PROOF_KINDS = [EvidenceKind.PHOTO, EvidenceKind.VIDEO];

/**
 * Guard facts for a transition, read through the mutation's transaction under the item's row lock.
 * Not through the loaders: those may read on another pool connection (outside the transaction),
 * which both misses the transaction's own writes and, with the row lock held, can exhaust the pool.
 */
async function lockedFacts(ctx: Context, item: RemediationItem): Promise<ItemFacts> {
  const afterPhotos = await ctx.em.count(Evidence, { where: { itemId: item.id, phase: EvidencePhase.AFTER, kind: In(PROOF_KINDS) } });
  const listing = await ctx.em.findOne(Listing, { where: { itemId: item.id } });
  return { afterPhotos, listing };
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
const NO_FACTS: ItemFacts = { afterPhotos: 0, listing: null };

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
    fail(UserErrorCode.INVALID_TRANSITION, 'input.action', `当前状态 ${item.status} 不允许执行 ${input.action}；可执行：${availableActionsByStatus(item.status).join('、') || '无'}`, `${input.action} is not possible from ${item.status}; possible: ${availableActionsByStatus(item.status).join(', ') || 'none'}`);
  }
  const now = ctx.now();
  const todayDate = shanghaiDate(now);
  const facts = def.needsFacts ? await lockedFacts(ctx, item) : NO_FACTS;
  const v = firstVeto(def, { item, principal, facts, today: todayDate });
  if (v) fail(v.code, v.field, v.message, v.messageEn);

  const before = auditView(item);
  const from = item.status;
  const comment = clean(input.comment);
  const errors = new ErrorCollector();
  const data: Record<string, unknown> = {};
  // What the action does is declared with it (remediation.workflow.ts); the status change comes after.
  await def.apply?.({ ctx, input, item, principal, facts, def, from, now, today: todayDate, comment, errors, data });
  errors.throwIfAny();

  if (def.to) item.status = def.to;
  // One statement: the changed fields with version + 1 and updated_at, the event and the audit row.
  const after = auditView(item);
  await saveLocked(ctx, RemediationItem, item, Object.keys(diff(before, after)), [
    { entity: RemediationEvent, values: eventRow(ctx, item, input.action, from, comment, Object.keys(data).length ? data : null) },
    { entity: AuditEvent, values: auditRow(ctx, { operation: `transitionRemediationItem:${input.action}`, entityType: 'RemediationItem', entityId: item.id, before, after }) },
    itemNewsStatement(ctx, item, input.action),
    // The outbox row (webhooks, live updates); the item's version is the one this statement writes.
    { entity: OutboxEvent, values: itemOutboxRow(ctx, item, input.action, from, { version: item.version + 1 }) },
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
  return TRANSITIONS.filter((t) => t.from.includes(item.status) && t.roles.includes(p.role) && !firstVeto(t, { item, principal: p, facts, today: today(ctx) })).map((t) => t.action);
}

// ===================== corrections and re-grading =====================

/** Statuses in which a hazard may still be re-graded: before its review has passed. */
const GRADABLE: readonly HazardStatus[] = [HazardStatus.REGISTERED, HazardStatus.RECTIFIED_ON_SITE, HazardStatus.NOTIFIED, HazardStatus.RECTIFYING, HazardStatus.PENDING_REVIEW];
const NOTICED: readonly HazardStatus[] = [HazardStatus.NOTIFIED, HazardStatus.RECTIFYING, HazardStatus.PENDING_REVIEW];

/**
 * Corrects or re-grades a hazard (§6.4 fields) without losing its code or history. Rules:
 * terminal items do not change; description, legal basis and the responsible person may be
 * corrected while the item is open; type, level, major-fire flag and interim measures until the
 * review passes; rectification measures once a notice is served. A major hazard is not fixed on
 * the spot, so an item rectified on site is not raised to major. Raising an item to major after
 * rectification began makes the plan due before its next step (the workflow's planAfterUpgrade);
 * lowering a listed item below major is the task-force office's decision and lifts the listing.
 */
export async function updateRemediationItem(ctx: Context, input: UpdateRemediationItemInput): Promise<RemediationItem> {
  const item = await lockItem(ctx, input.id, input.expectedVersion);
  const principal = await requireRole(ctx, WORKERS, 'updateRemediationItem');
  await assertCanWrite(ctx, itemScope(item), 'updateRemediationItem');
  if ([HazardStatus.CLOSED, HazardStatus.INVALIDATED].includes(item.status)) {
    fail(UserErrorCode.INVALID_TRANSITION, 'input.id', `已${item.status === HazardStatus.CLOSED ? '销号' : '误报核销'}的隐患不能修改`, `A ${item.status} item is not changed`);
  }
  const errors = new ErrorCollector();
  const reason = clean(input.reason)!;
  const before = auditView(item);
  const wasMajor = isMajor(item);
  const grading = input.hazardTypeCode !== undefined || input.level !== undefined || input.isMajorFireHazard !== undefined || input.interimMeasures !== undefined;
  if (grading && !GRADABLE.includes(item.status)) {
    const field = input.hazardTypeCode !== undefined ? 'hazardTypeCode' : input.level !== undefined ? 'level' : input.isMajorFireHazard !== undefined ? 'isMajorFireHazard' : 'interimMeasures';
    errors.add(UserErrorCode.INVALID_TRANSITION, ['input', field], '复查合格后不再调整隐患类型、等级和临时措施', 'Type, level and interim measures are not changed after the review has passed');
  }
  if (input.rectificationMeasures !== undefined && !NOTICED.includes(item.status)) {
    errors.add(UserErrorCode.INVALID_TRANSITION, 'input.rectificationMeasures', '整改措施在下达整改通知后、复查合格前修改', 'Rectification measures change after the notice is served and before the review passes');
  }
  if (input.hazardTypeCode !== undefined && input.hazardTypeCode !== item.hazardTypeCode) {
    const type = await ctx.em.findOne(HazardType, { where: { code: input.hazardTypeCode } });
    if (!type || !type.active) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.hazardTypeCode', `没有启用的隐患类型 ${input.hazardTypeCode}`, `No active hazard type ${input.hazardTypeCode}`);
    else if (!type.stages.includes(item.stage)) {
      errors.add(UserErrorCode.VALIDATION, 'input.hazardTypeCode', `隐患类型 ${type.code} 不属于本隐患的环节 ${item.stage}`, `Hazard type ${type.code} occurs in ${type.stages.join(', ')}, not in the item's stage ${item.stage}`);
    } else item.hazardTypeCode = type.code;
  }
  if (input.level !== undefined) item.level = input.level;
  if (input.isMajorFireHazard !== undefined) item.isMajorFireHazard = input.isMajorFireHazard;
  const nowMajor = isMajor(item);
  if (nowMajor && !wasMajor && item.status === HazardStatus.RECTIFIED_ON_SITE) {
    errors.add(UserErrorCode.GUARD_FAILED, ['input', input.level !== undefined ? 'level' : 'isMajorFireHazard'], '当场整改的隐患不能升级为重大隐患：重大隐患须下达整改通知并报送整改方案', 'An item fixed on the spot is not raised to major: a major hazard needs a notice and a plan');
  }
  let lifted: Listing | null = null;
  if (wasMajor && !nowMajor && item.listed) {
    if (principal.role !== Role.COORDINATOR) {
      errors.add(
        UserErrorCode.GUARD_FAILED,
        ['input', input.level !== undefined ? 'level' : 'isMajorFireHazard'],
        '挂牌督办的隐患降级须由专班办公室（协调员）依挂牌单位意见办理，并撤销挂牌',
        'Lowering a listed item below major is for the task-force office (a coordinator), on the listing authority’s word; it lifts the listing',
      );
    } else {
      lifted = await ctx.em.findOne(Listing, { where: { itemId: item.id } });
    }
  }
  const text = (v: string | undefined, current: string | null) => (v === undefined ? current : clean(v));
  item.description = text(input.description, item.description)!;
  item.legalBasis = text(input.legalBasis, item.legalBasis);
  item.responsiblePerson = text(input.responsiblePerson, item.responsiblePerson);
  item.responsibleContact = text(input.responsibleContact, item.responsibleContact);
  item.interimMeasures = text(input.interimMeasures, item.interimMeasures);
  item.rectificationMeasures = text(input.rectificationMeasures, item.rectificationMeasures);
  errors.throwIfAny();

  if (!Object.keys(diff(before, auditView(item))).length) fail(UserErrorCode.VALIDATION, 'input', '没有要修改的内容', 'Nothing to change: every given field already has that value');
  const todayDate = today(ctx);
  if (lifted) {
    await ctx.em.update(Listing, { id: lifted.id }, { liftedOn: todayDate, liftReason: reason });
    item.listed = false;
  }
  const changes = diff(before, auditView(item));
  item.version += 1;
  await ctx.em.save(item);
  // One event: what changed, whether the plan is now due, and the lift of the listing if any.
  await recordEvent(ctx, item, 'UPDATED', item.status, reason, {
    changes,
    ...(nowMajor && !wasMajor && !item.plan && NOTICED.includes(item.status) ? { planDue: true } : {}),
    ...(lifted ? { listingLifted: { listingNumber: lifted.listingNumber, liftedOn: todayDate } } : {}),
  });
  await recordAudit(ctx, {
    operation: 'updateRemediationItem',
    entityType: 'RemediationItem',
    entityId: item.id,
    before,
    after: { ...auditView(item), ...(lifted ? { listingLiftedOn: todayDate } : {}) },
  });
  return item;
}

// ===================== extensions, listing, cases, evidence =====================

export async function requestExtension(ctx: Context, input: RequestExtensionInput): Promise<{ item: RemediationItem; request: ExtensionRequest }> {
  const item = await lockItem(ctx, input.id, input.expectedVersion);
  await requireRole(ctx, WORKERS, 'requestExtension');
  await assertCanWrite(ctx, itemScope(item), 'requestExtension');
  if (![HazardStatus.NOTIFIED, HazardStatus.RECTIFYING].includes(item.status)) {
    fail(UserErrorCode.INVALID_TRANSITION, 'input.id', `延期申请须在整改通知有效期内（已通知或整改中）提出，当前状态为 ${item.status}`, `An extension is requested while the notice runs (NOTIFIED or RECTIFYING), not in ${item.status}`);
  }
  if (item.noticeType !== NoticeType.LIMITED_TIME || !item.deadline) fail(UserErrorCode.GUARD_FAILED, 'input.id', '只有限期整改通知才有可延长的期限', 'Only a limited-time notice has a deadline to extend');
  if ((await ctx.em.count(ExtensionRequest, { where: { itemId: item.id, status: ExtensionStatus.PENDING } })) > 0) {
    fail(UserErrorCode.GUARD_FAILED, 'input.id', '已有一项待审批的延期申请', 'An extension request is already pending');
  }
  if (input.requestedDeadline <= item.deadline) fail(UserErrorCode.VALIDATION, 'input.requestedDeadline', `申请的期限须晚于现有期限（${item.deadline}）`, `The requested deadline must be after the current one (${item.deadline})`);
  // An extension is asked for while the deadline runs (§6.3 wants it well ahead). Asked after it has
  // passed, it would wipe out overdue days already accrued: refused, the item stays overdue, and the
  // way on is a failed review with a new deadline (or, listed, the overdue explanation).
  const todayDate = today(ctx);
  const requestedOn = input.requestedOn ?? todayDate;
  if (requestedOn > todayDate) fail(UserErrorCode.VALIDATION, 'input.requestedOn', `申请日期 ${requestedOn} 晚于今天`, `requestedOn ${requestedOn} is after today`);
  if (item.noticeServedAt && requestedOn < shanghaiDate(item.noticeServedAt)) {
    fail(UserErrorCode.VALIDATION, 'input.requestedOn', '申请日期早于整改通知送达日期', 'requestedOn is before the notice was served');
  }
  if (requestedOn > item.deadline) {
    fail(
      UserErrorCode.GUARD_FAILED,
      'input.requestedOn',
      `整改期限 ${item.deadline} 已过，逾期后不再受理延期申请；逾期天数照计`,
      `The deadline ${item.deadline} passed before the application: an overdue item is not extended, and its overdue days stand`,
    );
  }
  // Listed (§6.3): the authority hears extension requests at least 20 working days before its deadline.
  const listing = item.listed ? await ctx.em.findOne(Listing, { where: { itemId: item.id } }) : null;
  if (listing?.deadline && !listing.liftedOn && (await workingCalendar(ctx)).addWorkingDays(requestedOn, LISTING_EXTENSION_NOTICE_WORKING_DAYS) > listing.deadline) {
    fail(
      UserErrorCode.GUARD_FAILED,
      'input.requestedOn',
      `挂牌督办隐患的延期申请须在督办期限 ${listing.deadline} 前至少 ${LISTING_EXTENSION_NOTICE_WORKING_DAYS} 个工作日提出`,
      `A listed item's extension is asked for at least ${LISTING_EXTENSION_NOTICE_WORKING_DAYS} working days before the listing deadline (${listing.deadline})`,
    );
  }
  const request = ctx.em.create(ExtensionRequest, {
    itemId: item.id,
    requestedAt: requestedOn === todayDate ? ctx.now() : new Date(`${requestedOn}T12:00:00+08:00`),
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
  if (!request) fail(UserErrorCode.NOT_FOUND, 'input.requestId', '不存在该延期申请', 'No extension request with this id');
  const item = await lockItem(ctx, request.itemId, input.expectedVersion);
  await requireRole(ctx, WORKERS, 'decideExtension');
  await assertCanWrite(ctx, itemScope(item), 'decideExtension');
  if (request.status !== ExtensionStatus.PENDING) fail(UserErrorCode.INVALID_TRANSITION, 'input.requestId', `该申请已处理（${request.status}）`, `The request was already ${request.status}`);
  if (request.requestedBy === ctx.principal!.id) fail(UserErrorCode.GUARD_FAILED, 'input.requestId', '申请登记人不得审批本申请', 'Whoever recorded the request may not decide it');
  if (![HazardStatus.NOTIFIED, HazardStatus.RECTIFYING].includes(item.status)) fail(UserErrorCode.INVALID_TRANSITION, 'input.requestId', `该隐患当前状态为 ${item.status}，申请已无法审批`, `The item is ${item.status}; the request can no longer be decided`);
  // A listed item's deadline is the listing authority's: the task-force office records its decision,
  // and an approval moves the authority's deadline with the item's (never past a year after listing).
  const listing = item.listed ? await ctx.em.findOne(Listing, { where: { itemId: item.id } }) : null;
  const authority = listing && !listing.liftedOn ? listing : null;
  if (authority && ctx.principal!.role !== Role.COORDINATOR) {
    fail(UserErrorCode.GUARD_FAILED, 'input.requestId', '挂牌督办隐患的延期由专班办公室（协调员）依挂牌单位决定办理', "A listed item's extension is decided by the task-force office (a coordinator), on the listing authority's word");
  }
  if (authority && input.approve && request.requestedDeadline > addDays(authority.listedOn, 365)) {
    fail(UserErrorCode.GUARD_FAILED, 'input.approve', `督办期限不得超过挂牌后一年（${addDays(authority.listedOn, 365)}）`, `The listing deadline may be at most a year after the listing (${addDays(authority.listedOn, 365)})`);
  }
  const before = auditView(item);
  request.status = input.approve ? ExtensionStatus.APPROVED : ExtensionStatus.REFUSED;
  request.decidedAt = ctx.now();
  request.decidedBy = ctx.principal!.id;
  request.decisionNote = clean(input.note);
  await ctx.em.save(request);
  const previous = item.deadline;
  let listingMoved: Record<string, string> = {};
  if (input.approve) {
    item.deadline = request.requestedDeadline;
    item.extensions += 1;
    if (authority?.deadline && authority.deadline < request.requestedDeadline) {
      await ctx.em.update(Listing, { id: authority.id }, { deadline: request.requestedDeadline });
      listingMoved = { listingDeadline: request.requestedDeadline, previousListingDeadline: authority.deadline };
    }
  }
  item.version += 1;
  await ctx.em.save(item);
  await recordEvent(ctx, item, input.approve ? 'EXTENSION_APPROVED' : 'EXTENSION_REFUSED', item.status, request.decisionNote, {
    requestId: request.id,
    previousDeadline: previous,
    deadline: item.deadline,
    ...listingMoved,
  });
  await recordAudit(ctx, { operation: 'decideExtension', entityType: 'RemediationItem', entityId: item.id, before, after: { ...auditView(item), ...listingMoved } });
  return { item, request };
}

export async function listRemediationItem(ctx: Context, input: ListRemediationItemInput): Promise<RemediationItem> {
  const item = await lockItem(ctx, input.id, input.expectedVersion);
  await requireRole(ctx, [Role.COORDINATOR], 'listRemediationItem');
  if (!isMajor(item)) fail(UserErrorCode.GUARD_FAILED, 'input.id', '只有重大隐患（重大等级或重大火灾隐患）才能挂牌督办', 'Only a major hazard (level MAJOR or a major fire hazard) is put under listed supervision');
  if (item.listed) fail(UserErrorCode.GUARD_FAILED, 'input.id', '该隐患已挂牌督办', 'The item is already listed');
  if ([HazardStatus.CLOSED, HazardStatus.INVALIDATED].includes(item.status)) fail(UserErrorCode.INVALID_TRANSITION, 'input.id', `状态为 ${item.status} 的隐患不能挂牌督办`, `A ${item.status} item is not listed`);
  const number = clean(input.listingNumber)!;
  const previous = await ctx.em.findOne(Listing, { where: { itemId: item.id } });
  const dup = await ctx.em.findOne(Listing, { where: { listingNumber: number } });
  if (dup && dup.id !== previous?.id) fail(UserErrorCode.DUPLICATE, 'input.listingNumber', `挂牌编号 ${number} 已被使用（隐患 ${dup.itemId}）`, `Listing number ${number} is already used (item ${dup.itemId})`);
  const todayDate = today(ctx);
  const listedOn = input.listedOn ?? todayDate;
  const errors = new ErrorCollector();
  if (listedOn > todayDate) errors.add(UserErrorCode.VALIDATION, 'input.listedOn', `挂牌日期 ${listedOn} 晚于今天`, `listedOn ${listedOn} is after today`);
  // The authority's deadline: at most a year (§6.3); by default the rectification deadline when that fits.
  const yearLater = addDays(listedOn, 365);
  const deadline = input.deadline ?? (item.deadline && item.deadline >= listedOn && item.deadline <= yearLater ? item.deadline : null);
  if (input.deadline && input.deadline < listedOn) errors.add(UserErrorCode.VALIDATION, 'input.deadline', `督办期限 ${input.deadline} 早于挂牌日期 ${listedOn}`, `The listing deadline ${input.deadline} is before the listing (${listedOn})`);
  if (input.deadline && input.deadline > yearLater) errors.add(UserErrorCode.VALIDATION, 'input.deadline', `督办期限不得超过挂牌后一年（${yearLater}）`, `The listing deadline may be at most a year after the listing (${yearLater})`);
  errors.throwIfAny();
  const before = auditView(item);
  const fields = {
    itemId: item.id,
    authority: clean(input.authority)!,
    listingNumber: number,
    listedOn,
    planDocument: clean(input.planDocument),
    level: input.level,
    deadline,
    acceptedOn: null,
    acceptanceNote: null,
    publishedOn: null,
    explanationFiledOn: null,
    supervisionLetterOn: null,
    supervisionLetterNo: null,
    publicCriticismOn: null,
    liftedOn: null,
    liftReason: null,
  };
  const listing = ctx.em.create(Listing, fields);
  if (previous) {
    // Listed again after a lift (re-graded major once more): one listing per item, a fresh timeline;
    // the lifted one stays in the history (LISTING_LIFTED event and audit row).
    listing.id = previous.id;
    await ctx.em.update(Listing, { id: previous.id }, fields);
  } else {
    await ctx.em.insert(Listing, listing);
  }
  item.listed = true;
  item.version += 1;
  await ctx.em.save(item);
  await recordEvent(ctx, item, 'LISTED', item.status, null, { authority: listing.authority, listingNumber: listing.listingNumber, listedOn: listing.listedOn, level: listing.level, deadline: listing.deadline });
  await recordAudit(ctx, { operation: 'listRemediationItem', entityType: 'RemediationItem', entityId: item.id, before, after: { ...auditView(item), listing: { ...listing } } });
  return item;
}

export async function fileEnforcementCase(ctx: Context, input: FileEnforcementCaseInput): Promise<{ item: RemediationItem; enforcementCase: EnforcementCase }> {
  const item = await lockItem(ctx, input.id, input.expectedVersion);
  await requireRole(ctx, WORKERS, 'fileEnforcementCase');
  await assertCanWrite(ctx, itemScope(item), 'fileEnforcementCase');
  if (item.status === HazardStatus.INVALIDATED) fail(UserErrorCode.INVALID_TRANSITION, 'input.id', '已按误报核销的隐患不能立案', 'No case is filed over an item written off as a false report');
  const errors = new ErrorCollector();
  const dept = await ctx.em.findOne(Department, { where: { code: input.departmentCode } });
  if (!dept) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.departmentCode', `不存在代码为 ${input.departmentCode} 的部门`, `No department with code ${input.departmentCode}`);
  const caseNumber = clean(input.caseNumber)!;
  if (await ctx.em.findOne(EnforcementCase, { where: { caseNumber } })) errors.add(UserErrorCode.DUPLICATE, 'input.caseNumber', `案件编号 ${caseNumber} 已登记`, `Case number ${caseNumber} is already recorded`);
  const closing = { closedOn: input.closedOn ?? null, closingOutcome: input.closingOutcome ?? null, closingNote: clean(input.closingNote) };
  checkCaseRules({ ...input, ...closing, policeTransferOutcome: null, decidedOn: null }, dept, today(ctx), errors);
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
    ...closing,
    closedBy: closing.closedOn ? ctx.principal!.id : null,
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
  if (!item) fail(UserErrorCode.NOT_FOUND, 'input.id', '不存在该隐患整改记录', 'No remediation item with this id');
  await requireRole(ctx, WORKERS, 'addEvidence');
  await assertCanWrite(ctx, itemScope(item), 'addEvidence');
  if (item.status === HazardStatus.INVALIDATED) fail(UserErrorCode.INVALID_TRANSITION, 'input.id', '该隐患已核销', 'The item was written off');
  if ((input.latitude === undefined) !== (input.longitude === undefined)) fail(UserErrorCode.VALIDATION, 'input.latitude', '纬度和经度须同时填写或同时不填', 'Give both latitude and longitude, or neither');
  if (input.takenAt && input.takenAt.getTime() > ctx.now().getTime() + 5 * 60000) fail(UserErrorCode.VALIDATION, 'input.takenAt', '拍摄时间（takenAt）不能晚于当前时间', 'takenAt is in the future');
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

/** An item's escalation level (督办级别): the highest level of its escalations by the daily run, 0 when none. */
export const ESCALATION_LEVEL_SQL = (alias: string) => `COALESCE((SELECT max(esc.level) FROM escalation esc WHERE esc.item_id = ${alias}.id), 0)`;

/** Escalation levels of many items, batched per request. */
export function escalationLevelOf(ctx: Context) {
  return ctx.loaders.get<string, number>('Escalation.level', async (ids, em) => {
    const rows: { item_id: string; level: number }[] = await em.query(`SELECT item_id, max(level)::int AS level FROM escalation WHERE item_id = ANY($1::uuid[]) GROUP BY item_id`, [ids]);
    const by = new Map(rows.map((r) => [r.item_id, r.level]));
    return ids.map((id) => by.get(id) ?? 0);
  });
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
  applyIntFilter(qb, ESCALATION_LEVEL_SQL(alias), f.escalationLevel);
  if (f.listingOverdue?.eq !== undefined && f.listingOverdue.eq !== null) {
    const cond = `EXISTS (SELECT 1 FROM listing lo WHERE lo.item_id = ${alias}.id AND lo.lifted_on IS NULL AND lo.deadline < CAST(:lotoday AS date)) AND ${alias}.status NOT IN ('VERIFIED', 'CLOSED', 'INVALIDATED')`;
    qb.andWhere(f.listingOverdue.eq ? `(${cond})` : `NOT (${cond})`, { lotoday: todayDate });
  }
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

export function listRemediationItems(ctx: Context, args: RemediationItemsArgs, info?: GraphQLResolveInfo): Promise<ConnectionShape<RemediationItem>> {
  const qb = ctx.em.getRepository(RemediationItem).createQueryBuilder('i');
  applyItemFilter(qb, 'i', args.filter, today(ctx));
  const order = args.orderBy ?? { field: RemediationSortField.DISCOVERED_AT, direction: SortDirection.DESC };
  return paginate(qb, args, { ...ITEM_SORT[order.field], direction: order.direction }, { info });
}

export async function remediationItemByIdOrCode(ctx: Context, id?: string | null, code?: string | null): Promise<RemediationItem | null> {
  if (!!id === !!code) fail(UserErrorCode.VALIDATION, 'id', 'id 与 code 须且只能填写一个', 'Give exactly one of id or code');
  return id ? itemById(ctx).load(id) : ctx.em.findOne(RemediationItem, { where: { code: code!.trim().toUpperCase() } });
}

// ---- loaders ----

export const itemById = (ctx: Context) => ctx.loaders.one(RemediationItem, 'id');
export const eventsByItem = (ctx: Context) => ctx.loaders.many(RemediationEvent, 'itemId', 'seq');
export const evidenceByItem = (ctx: Context) => ctx.loaders.many(Evidence, 'itemId', 'createdAt');
export const extensionsByItem = (ctx: Context) => ctx.loaders.many(ExtensionRequest, 'itemId', 'requestedAt');
export const casesByItem = (ctx: Context) => ctx.loaders.many(EnforcementCase, 'itemId', 'filedOn');
export const itemsByInspection = (ctx: Context, select?: readonly string[] | null) => ctx.loaders.many(RemediationItem, 'inspectionId', 'code', 'RemediationItem[inspection]', select);
export const listingByItem = (ctx: Context) => ctx.loaders.one(Listing, 'itemId');

export function afterEvidenceCount(ctx: Context) {
  return ctx.loaders.get<string, number>('Evidence.afterCount', async (ids, em) => {
    const rows: { item_id: string; n: number }[] = await em.query(
      `SELECT item_id, count(*)::int AS n FROM evidence WHERE item_id = ANY($1::uuid[]) AND phase = $2 AND kind = ANY($3::evidence_kind[]) GROUP BY item_id`,
      [ids, EvidencePhase.AFTER, PROOF_KINDS],
    );
    const by = new Map(rows.map((r) => [r.item_id, r.n]));
    return ids.map((id) => by.get(id) ?? 0);
  });
}

/**
 * A page of items per parent (business, site or product model) for many parents in one statement:
 * newest discovered first, filtered like remediationItems, a window per parent.
 */
export function itemPages(ctx: Context, parent: 'business' | 'site' | 'productModel', page: PageRequest, filter: RemediationItemFilter | undefined) {
  const { size: first, backward } = pageDirection(page);
  const after = page.after ?? null;
  const before = page.before ?? null;
  const key = `RemediationItem.pages:${parent}:${first}:${backward}:${after ?? ''}:${before ?? ''}:${JSON.stringify(filter ?? {})}`;
  return ctx.loaders.get<string, { items: RemediationItem[]; more: boolean; total: () => Promise<number> }>(key, async (parents, em) => {
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
      const [v, id] = decodeCursor(after, 2, ['timestamptz', 'uuid'], 'after');
      qb.andWhere('(i.discovered_at, i.id) < (CAST(:cv AS timestamptz), CAST(:cid AS uuid))', { cv: v, cid: id });
    }
    if (before) {
      const [v, id] = decodeCursor(before, 2, ['timestamptz', 'uuid'], 'before');
      qb.andWhere('(i.discovered_at, i.id) > (CAST(:bv AS timestamptz), CAST(:bid AS uuid))', { bv: v, bid: id });
    }
    const dir = backward ? 'ASC' : 'DESC';
    qb.select(`${parentExpr}`, 'parent')
      .addSelect('i.id', 'id')
      .addSelect(`row_number() OVER (PARTITION BY ${parentExpr} ORDER BY i.discovered_at ${dir}, i.id ${dir})`, 'rn');
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
      const pageItems = mine.slice(0, first);
      if (backward) pageItems.reverse();
      return { items: pageItems, more: mine.length > first, total: total(p) };
    });
  });
}

export async function itemPage(ctx: Context, parent: 'business' | 'site' | 'productModel', parentId: string, request: PageRequest, filter?: RemediationItemFilter): Promise<ConnectionShape<RemediationItem>> {
  const backward = pageDirection(request).backward;
  const page = await itemPages(ctx, parent, request, filter).load(parentId);
  return pageConnection(page.items, page.more, request, backward, (node) => encodeCursor([node.discoveredAt.toISOString(), node.id]), page.total);
}
