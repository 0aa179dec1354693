import { Role } from '../../common/auth';
import type { ConnectionShape } from '../../common/connection';
import { paginate } from '../../common/connection';
import type { Context } from '../../common/context';
import { ErrorCollector, UserErrorCode, fail, forbidden } from '../../common/errors';
import { applyDateRange, applyEnumFilter, applyIdFilter, applyStringFilter } from '../../common/filters';
import { idempotent } from '../../common/idempotency';
import { assertCanWrite } from '../../common/scope';
import { nextSequence } from '../../common/sequence';
import { compactDate } from '../../common/time';
import { clean } from '../../common/validation';
import { lockForUpdate } from '../../common/versioning';
import { User } from '../access/access.entities';
import { auditView, recordAudit, recordRefusal } from '../audit/audit.service';
import { Department, District, TaskTeam } from '../reference/reference.entities';
import { SupplyChainStage } from '../reference/reference.enums';
import { Business } from '../registry/registry.entities';
import { BusinessStatus, SiteType } from '../registry/registry.enums';
import { EnforcementCase, RemediationItem } from '../remediation/remediation.entities';
import { itemScope, today } from '../remediation/remediation.service';
import { Campaign, JointOperation, Task, TaskNote, Warning, type CampaignGoal } from './campaigns.entities';
import { campaignRef, checkCampaignPeriod } from './campaigns.links';
import { CampaignGoalMetric, TaskState, TaskStatus } from './campaigns.enums';
import type {
  CampaignGoalInput,
  CampaignsArgs,
  CreateCampaignInput,
  CreateTaskInput,
  ExposeEnforcementCaseInput,
  IssueWarningInput,
  JointOperationsArgs,
  RecordJointOperationInput,
  TaskFilter,
  TasksArgs,
  UpdateCampaignInput,
  UpdateTaskInput,
  WarningsArgs,
} from './campaigns.inputs';

/** Sequences of human codes that are not per district use the city's code. */
const CITY = '511100';
const OPEN_STATES = [TaskState.NOT_STARTED, TaskState.IN_PROGRESS];

function principalId(ctx: Context): string | null {
  return ctx.principal!.kind === 'system' ? null : ctx.principal!.id;
}

async function departmentsByCode(ctx: Context, codes: string[], field: string, errors: ErrorCollector): Promise<Department[]> {
  const rows = codes.length ? await ctx.em.getRepository(Department).createQueryBuilder('d').where('d.code = ANY(:c)', { c: codes }).getMany() : [];
  codes.forEach((c, i) => {
    if (!rows.some((d) => d.code === c)) errors.add(UserErrorCode.INVALID_REFERENCE, [...field.split('.'), String(i)], `不存在代码为 ${c} 的部门`, `No department with code ${c}`);
  });
  return codes.map((c) => rows.find((d) => d.code === c)).filter((d): d is Department => !!d);
}

async function checkDistricts(ctx: Context, codes: string[], field: string, errors: ErrorCollector): Promise<void> {
  if (!codes.length) return;
  const rows = await ctx.em.getRepository(District).createQueryBuilder('d').where('d.code = ANY(:c)', { c: codes }).getMany();
  codes.forEach((c, i) => {
    if (!rows.some((d) => d.code === c)) errors.add(UserErrorCode.INVALID_REFERENCE, [...field.split('.'), String(i)], `不存在代码为 ${c} 的区县`, `No district with code ${c}`);
  });
}

async function teamByCode(ctx: Context, code: string, field: string, errors: ErrorCollector): Promise<TaskTeam | null> {
  const team = await ctx.em.findOne(TaskTeam, { where: { code } });
  if (!team) errors.add(UserErrorCode.INVALID_REFERENCE, field, `不存在代码为 ${code} 的专项工作组`, `No task team with code ${code}`);
  return team;
}

async function teamStages(ctx: Context, teamId: string): Promise<SupplyChainStage[]> {
  const rows: { stage: SupplyChainStage }[] = await ctx.em.query(`SELECT stage FROM task_team_stage WHERE team_id = $1`, [teamId]);
  return rows.map((r) => r.stage);
}

/**
 * Goals as stored. A site goal (SITE_INSPECTION_COVERAGE) counts sites of its own site types or,
 * without any, of the campaign's — it needs one or the other; business types make no sense for it,
 * and site types none for the business metrics.
 */
async function goalsFrom(ctx: Context, goals: CampaignGoalInput[], campaignSiteTypes: SiteType[], field: string, errors: ErrorCollector): Promise<CampaignGoal[]> {
  for (const [i, g] of goals.entries()) {
    await checkDistricts(ctx, g.districtCodes, `${field}.${i}.districtCodes`, errors);
    const siteGoal = g.metric === CampaignGoalMetric.SITE_INSPECTION_COVERAGE;
    if (siteGoal && !g.siteTypes.length && !campaignSiteTypes.length) {
      errors.add(UserErrorCode.REQUIRED, `${field}.${i}.siteTypes`, '场所检查覆盖目标须填写场所类型（siteTypes），或在专项行动上填写目标场所类型', 'A site coverage goal needs site types, its own or the campaign’s');
    }
    if (siteGoal && g.businessTypes.length) {
      errors.add(UserErrorCode.VALIDATION, `${field}.${i}.businessTypes`, '场所检查覆盖目标不按主体类型统计，请勿填写 businessTypes', 'A site coverage goal does not count businesses; leave businessTypes empty');
    }
    if (!siteGoal && g.siteTypes.length) {
      errors.add(UserErrorCode.VALIDATION, `${field}.${i}.siteTypes`, '只有场所检查覆盖目标（SITE_INSPECTION_COVERAGE）填写场所类型', 'siteTypes is given only for a SITE_INSPECTION_COVERAGE goal');
    }
  }
  return goals.map((g) => ({ metric: g.metric, target: g.target, districtCodes: g.districtCodes, businessTypes: g.businessTypes, siteTypes: g.siteTypes, dueOn: g.dueOn, description: clean(g.description) }));
}

function view(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!k.endsWith('Ref')) out[k] = v;
  return auditView(out);
}

// ===================== campaigns =====================

export async function createCampaign(ctx: Context, input: CreateCampaignInput): Promise<Campaign> {
  return idempotent(ctx, 'createCampaign', input.idempotencyKey, input, async () => {
    const errors = new ErrorCollector();
    if (input.endsOn < input.startsOn) errors.add(UserErrorCode.VALIDATION, 'input.endsOn', '结束日期（endsOn）早于开始日期（startsOn）', 'endsOn is before startsOn');
    const team = await teamByCode(ctx, input.leadTeamCode, 'input.leadTeamCode', errors);
    const [lead] = await departmentsByCode(ctx, [input.leadDepartmentCode], 'input.leadDepartmentCode', new ErrorCollector());
    if (!lead) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.leadDepartmentCode', `不存在代码为 ${input.leadDepartmentCode} 的部门`, `No department with code ${input.leadDepartmentCode}`);
    const depts = await departmentsByCode(ctx, input.departmentCodes, 'input.departmentCodes', errors);
    await checkDistricts(ctx, input.districtCodes, 'input.districtCodes', errors);
    const goals = await goalsFrom(ctx, input.goals, input.siteTypes, 'input.goals', errors);
    input.goals.forEach((g, i) => {
      if (g.dueOn < input.startsOn) errors.add(UserErrorCode.VALIDATION, ['input', 'goals', String(i), 'dueOn'], '目标完成期限早于行动开始日期', 'A goal is due before the campaign starts');
    });
    errors.throwIfAny();
    const campaign = ctx.em.create(Campaign, {
      name: clean(input.name)!,
      kind: input.kind,
      phase: input.phase,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      leadTeamId: team!.id,
      leadDepartmentId: lead!.id,
      departmentIds: depts.filter((d) => d.id !== lead!.id).map((d) => d.id),
      stages: input.stages,
      businessTypes: input.businessTypes,
      districtCodes: input.districtCodes,
      siteTypes: input.siteTypes,
      goals,
      note: clean(input.note),
      createdBy: principalId(ctx),
    });
    campaign.code = `ZX-${compactDate(input.startsOn)}-${String(await nextSequence(ctx.em, 'ZX', CITY, input.startsOn)).padStart(3, '0')}`;
    await ctx.em.insert(Campaign, campaign);
    // Read back: the insert's RETURNING leaves the enum arrays (stages, types, site types) as unparsed '{…}' text.
    const saved = await ctx.em.findOneByOrFail(Campaign, { id: campaign.id });
    await recordAudit(ctx, { operation: 'createCampaign', entityType: 'Campaign', entityId: saved.id, before: null, after: view(saved) });
    return saved;
  }, (id) => ctx.em.findOneByOrFail(Campaign, { id }));
}

export async function updateCampaign(ctx: Context, input: UpdateCampaignInput): Promise<Campaign> {
  const c = await lockForUpdate(ctx, Campaign, input.id, input.expectedVersion, 'campaign');
  const before = view(c);
  const errors = new ErrorCollector();
  if (input.phase) c.phase = input.phase;
  if (input.endsOn) {
    if (input.endsOn < c.startsOn) errors.add(UserErrorCode.VALIDATION, 'input.endsOn', `结束日期早于开始日期 ${c.startsOn}`, `endsOn is before startsOn ${c.startsOn}`);
    c.endsOn = input.endsOn;
  }
  if (input.goals) c.goals = await goalsFrom(ctx, input.goals, c.siteTypes, 'input.goals', errors);
  errors.throwIfAny();
  c.version += 1;
  await ctx.em.update(Campaign, { id: c.id }, { phase: c.phase, endsOn: c.endsOn, goals: c.goals as never, version: c.version });
  const after = await ctx.em.findOneByOrFail(Campaign, { id: c.id });
  await recordAudit(ctx, { operation: 'updateCampaign', entityType: 'Campaign', entityId: c.id, before, after: view(after) });
  return after;
}

export function listCampaigns(ctx: Context, args: CampaignsArgs): Promise<ConnectionShape<Campaign>> {
  const qb = ctx.em.getRepository(Campaign).createQueryBuilder('c');
  const f = args.filter;
  applyEnumFilter(qb, 'c.kind', f?.kind);
  if (f?.leadTeam) {
    const sub = qb.subQuery().select('t.id').from(TaskTeam, 't');
    applyStringFilter(sub, 't.code', f.leadTeam);
    qb.andWhere(`c.lead_team_id IN ${sub.getQuery()}`, sub.getParameters());
  }
  if (f?.activeOn) qb.andWhere('CAST(:activeOn AS date) BETWEEN c.starts_on AND c.ends_on', { activeOn: f.activeOn });
  return paginate(qb, args, { expression: 'c.starts_on', direction: 'DESC', cast: 'date', value: (c) => c.startsOn });
}

export async function campaignByIdOrCode(ctx: Context, id?: string, code?: string): Promise<Campaign | null> {
  if (!id === !code) fail(UserErrorCode.VALIDATION, 'id', '请只提供 id 或 code 之一', 'Give exactly one of id and code');
  return ctx.em.findOne(Campaign, { where: id ? { id } : { code } });
}

// ===================== joint operations =====================

/**
 * A joint operation in one transaction. An AGENCY_OFFICER records only operations of its own teams
 * in its districts (the team's stages must be among its stages, every district among its districts).
 */
export async function recordJointOperation(ctx: Context, input: RecordJointOperationInput): Promise<JointOperation> {
  return idempotent(ctx, 'recordJointOperation', input.idempotencyKey, input, async () => {
    const errors = new ErrorCollector();
    const team = await teamByCode(ctx, input.teamCode, 'input.teamCode', errors);
    const depts = await departmentsByCode(ctx, input.departmentCodes, 'input.departmentCodes', errors);
    await checkDistricts(ctx, input.districtCodes, 'input.districtCodes', errors);
    const campaign = await campaignRef(ctx, input.campaignId, 'input.campaignId', errors);
    if (input.heldOn > today(ctx)) errors.add(UserErrorCode.VALIDATION, 'input.heldOn', '检查日期（heldOn）不能晚于今天', 'heldOn is in the future');
    if (campaign && (input.heldOn < campaign.startsOn || input.heldOn > campaign.endsOn)) {
      errors.add(UserErrorCode.VALIDATION, 'input.heldOn', `检查日期不在专项行动 ${campaign.code} 的期间（${campaign.startsOn} 至 ${campaign.endsOn}）内`, `heldOn is outside campaign ${campaign.code} (${campaign.startsOn} to ${campaign.endsOn})`);
    }
    const officers = input.officers.map((s) => s.trim());
    if (officers.some((s) => !s)) errors.add(UserErrorCode.VALIDATION, 'input.officers', '检查人员姓名不能为空', 'Officer names must not be blank');
    if (officers.length > input.officerCount) errors.add(UserErrorCode.VALIDATION, 'input.officerCount', `出动人次（${input.officerCount}）少于列出的检查人员（${officers.length} 人）`, `officerCount (${input.officerCount}) is below the ${officers.length} officers named`);
    if (input.groupsDispatched > input.officerCount) errors.add(UserErrorCode.VALIDATION, 'input.groupsDispatched', '检查组数不能多于出动人次', 'More groups than officers');
    if (team) {
      const stages = await teamStages(ctx, team.id);
      for (const d of input.districtCodes) await assertCanWrite(ctx, { stages, districtCode: d }, 'recordJointOperation');
    }
    errors.throwIfAny();
    const op = ctx.em.create(JointOperation, {
      campaignId: campaign?.id ?? null,
      teamId: team!.id,
      heldOn: input.heldOn,
      districtCodes: input.districtCodes,
      departmentIds: depts.map((d) => d.id),
      groupsDispatched: input.groupsDispatched,
      officerCount: input.officerCount,
      officers,
      note: clean(input.note),
      createdBy: principalId(ctx),
    });
    op.code = `LH-${compactDate(input.heldOn)}-${String(await nextSequence(ctx.em, 'LH', CITY, input.heldOn)).padStart(4, '0')}`;
    await ctx.em.insert(JointOperation, op);
    await recordAudit(ctx, { operation: 'recordJointOperation', entityType: 'JointOperation', entityId: op.id, before: null, after: view(op) });
    return op;
  }, (id) => ctx.em.findOneByOrFail(JointOperation, { id }));
}

export function listJointOperations(ctx: Context, args: JointOperationsArgs): Promise<ConnectionShape<JointOperation>> {
  const qb = ctx.em.getRepository(JointOperation).createQueryBuilder('j');
  const f = args.filter;
  applyIdFilter(qb, 'j.campaign_id', f?.campaignId);
  if (f?.team) {
    const sub = qb.subQuery().select('t.id').from(TaskTeam, 't');
    applyStringFilter(sub, 't.code', f.team);
    qb.andWhere(`j.team_id IN ${sub.getQuery()}`, sub.getParameters());
  }
  applyDateRange(qb, 'j.held_on', f?.heldOn, 'date');
  return paginate(qb, args, { expression: 'j.held_on', direction: 'DESC', cast: 'date', value: (j) => j.heldOn });
}

/**
 * What an inspection says about its campaign and joint operation, checked by createInspection: the
 * operation's day is the inspection's (Asia/Shanghai) day and its districts hold the target's; the
 * campaign defaults to the operation's and, if both are given, must be the same.
 */
export async function inspectionLinks(
  ctx: Context,
  input: { campaignId?: string | null; jointOperationId?: string | null },
  day: string,
  districtCode: string | null,
  errors: ErrorCollector,
): Promise<{ campaignId: string | null; jointOperationId: string | null }> {
  const campaign = await campaignRef(ctx, input.campaignId, 'input.campaignId', errors);
  let op: JointOperation | null = null;
  if (input.jointOperationId) {
    op = await ctx.em.findOne(JointOperation, { where: { id: input.jointOperationId } });
    if (!op) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.jointOperationId', '不存在该联合检查', 'No joint operation with this id');
    else {
      if (op.heldOn !== day) errors.add(UserErrorCode.VALIDATION, 'input.jointOperationId', `联合检查 ${op.code} 的日期是 ${op.heldOn}，不是检查当天 ${day}`, `Joint operation ${op.code} was held on ${op.heldOn}, not on ${day}`);
      if (districtCode && !op.districtCodes.includes(districtCode)) {
        errors.add(UserErrorCode.VALIDATION, 'input.jointOperationId', `联合检查 ${op.code} 不含区县 ${districtCode}`, `Joint operation ${op.code} did not cover district ${districtCode}`);
      }
      if (campaign && op.campaignId !== campaign.id) errors.add(UserErrorCode.VALIDATION, 'input.campaignId', `联合检查 ${op.code} 不属于该专项行动`, `Joint operation ${op.code} is not part of this campaign`);
    }
  }
  if (campaign) checkCampaignPeriod(campaign, day, '检查日期', 'input.campaignId', errors);
  return { campaignId: campaign?.id ?? op?.campaignId ?? null, jointOperationId: op?.id ?? null };
}

// ===================== tasks =====================

/** A task's status as read: OVERDUE when still open after its due day (Asia/Shanghai), like an item past its deadline. */
export function taskStatus(t: Pick<Task, 'state' | 'dueOn'>, todayDate: string): TaskStatus {
  if (OPEN_STATES.includes(t.state) && t.dueOn < todayDate) return TaskStatus.OVERDUE;
  return t.state as unknown as TaskStatus;
}

const STATUS_SQL: Record<TaskStatus, (a: string) => string> = {
  [TaskStatus.OVERDUE]: (a) => `(${a}.state IN ('NOT_STARTED', 'IN_PROGRESS') AND ${a}.due_on < CAST(:taskToday AS date))`,
  [TaskStatus.NOT_STARTED]: (a) => `(${a}.state = 'NOT_STARTED' AND ${a}.due_on >= CAST(:taskToday AS date))`,
  [TaskStatus.IN_PROGRESS]: (a) => `(${a}.state = 'IN_PROGRESS' AND ${a}.due_on >= CAST(:taskToday AS date))`,
  [TaskStatus.DONE]: (a) => `${a}.state = 'DONE'`,
  [TaskStatus.CANCELLED]: (a) => `${a}.state = 'CANCELLED'`,
};

export function listTasks(ctx: Context, args: TasksArgs, teamId?: string): Promise<ConnectionShape<Task>> {
  const qb = ctx.em.getRepository(Task).createQueryBuilder('k');
  const f: TaskFilter | undefined = args.filter;
  if (teamId) qb.andWhere('k.team_id = :teamId', { teamId });
  if (f?.team) {
    const sub = qb.subQuery().select('t.id').from(TaskTeam, 't');
    applyStringFilter(sub, 't.code', f.team);
    qb.andWhere(`k.team_id IN ${sub.getQuery()}`, sub.getParameters());
  }
  applyStringFilter(qb, 'k.district_code', f?.district);
  applyIdFilter(qb, 'k.owner_id', f?.ownerId);
  applyIdFilter(qb, 'k.campaign_id', f?.campaignId);
  applyDateRange(qb, 'k.due_on', f?.dueOn, 'date');
  if (f?.status) {
    qb.setParameter('taskToday', today(ctx));
    const { eq, in: anyOf, notIn } = f.status as { eq?: TaskStatus; in?: TaskStatus[]; notIn?: TaskStatus[] };
    if (eq) qb.andWhere(STATUS_SQL[eq]('k'));
    if (anyOf) qb.andWhere(anyOf.length ? `(${anyOf.map((s) => STATUS_SQL[s]('k')).join(' OR ')})` : 'FALSE');
    if (notIn?.length) qb.andWhere(`NOT (${notIn.map((s) => STATUS_SQL[s]('k')).join(' OR ')})`);
  }
  return paginate(qb, args, { expression: 'k.due_on', direction: 'ASC', cast: 'date', value: (k) => k.dueOn });
}

async function ownerRef(ctx: Context, id: string | undefined | null, errors: ErrorCollector): Promise<User | null> {
  if (!id) return null;
  const u = await ctx.em.findOne(User, { where: { id } });
  if (!u || !u.active) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.ownerId', '不存在该用户（或已停用）', 'No active user with this id');
  return u;
}

export async function createTask(ctx: Context, input: CreateTaskInput): Promise<Task> {
  return idempotent(ctx, 'createTask', input.idempotencyKey, input, async () => {
    const errors = new ErrorCollector();
    const team = await teamByCode(ctx, input.teamCode, 'input.teamCode', errors);
    let dept: Department | null = null;
    if (input.departmentCode) {
      dept = await ctx.em.findOne(Department, { where: { code: input.departmentCode } });
      if (!dept) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.departmentCode', `不存在代码为 ${input.departmentCode} 的部门`, `No department with code ${input.departmentCode}`);
    }
    if (input.districtCode) await checkDistricts(ctx, [input.districtCode], 'input.districtCode', errors);
    await ownerRef(ctx, input.ownerId, errors);
    const campaign = await campaignRef(ctx, input.campaignId, 'input.campaignId', errors);
    if (input.itemIds.length) {
      const found: { id: string }[] = await ctx.em.query(`SELECT id FROM remediation_item WHERE id = ANY($1::uuid[])`, [input.itemIds]);
      input.itemIds.forEach((id, i) => {
        if (!found.some((r) => r.id === id)) errors.add(UserErrorCode.INVALID_REFERENCE, ['input', 'itemIds', String(i)], '不存在该隐患', 'No remediation item with this id');
      });
    }
    errors.throwIfAny();
    const day = today(ctx);
    const task = ctx.em.create(Task, {
      teamId: team!.id,
      departmentId: dept?.id ?? null,
      districtCode: input.districtCode ?? null,
      title: clean(input.title)!,
      description: clean(input.description),
      ownerId: input.ownerId ?? null,
      dueOn: input.dueOn,
      state: TaskState.NOT_STARTED,
      doneOn: null,
      evidence: null,
      campaignId: campaign?.id ?? null,
      itemIds: input.itemIds,
      createdBy: principalId(ctx),
    });
    task.code = `RW-${compactDate(day)}-${String(await nextSequence(ctx.em, 'RW', CITY, day)).padStart(4, '0')}`;
    await ctx.em.insert(Task, task);
    await recordAudit(ctx, { operation: 'createTask', entityType: 'Task', entityId: task.id, before: null, after: view(task) });
    return task;
  }, (id) => ctx.em.findOneByOrFail(Task, { id }));
}

/**
 * Progress on a task. Its owner (an AGENCY_OFFICER) sets the state, adds dated notes and the
 * evidence of completion; a coordinator may also move the due date or hand the task to someone
 * else. Anyone else is refused (FORBIDDEN, audited) before anything is read back or written.
 */
export async function updateTask(ctx: Context, input: UpdateTaskInput): Promise<Task> {
  const p = ctx.principal!;
  const task = await lockForUpdate(ctx, Task, input.id, input.expectedVersion, 'task');
  const office = p.role === Role.COORDINATOR || p.role === Role.ADMIN;
  if (!office && task.ownerId !== p.id) {
    await recordRefusal(ctx, 'updateTask', `FORBIDDEN: not the owner of task ${task.code}`);
    throw forbidden('Not allowed: only the task’s owner or the task-force office updates a task (只有任务责任人或专班可以更新任务)');
  }
  if (!office && (input.dueOn || input.ownerId)) {
    await recordRefusal(ctx, 'updateTask', `FORBIDDEN: owner may not change due date or owner of task ${task.code}`);
    throw forbidden('Not allowed: only the task-force office changes a due date or an owner (只有专班可以调整时限或责任人)');
  }
  const before = view(task);
  const errors = new ErrorCollector();
  const day = today(ctx);
  if (input.state !== undefined && input.state !== null && input.state !== task.state) {
    if (task.state === TaskState.DONE || task.state === TaskState.CANCELLED) {
      errors.add(UserErrorCode.INVALID_TRANSITION, 'input.state', `任务已${task.state === TaskState.DONE ? '完成' : '取消'}，不能再改变状态`, `The task is ${task.state}; its state no longer changes`);
    }
    task.state = input.state;
  }
  if (input.evidence !== undefined && input.evidence !== null) task.evidence = clean(input.evidence);
  if (task.state === TaskState.DONE && !task.doneOn) {
    const doneOn = input.doneOn ?? day;
    if (doneOn > day) errors.add(UserErrorCode.VALIDATION, 'input.doneOn', '完成日期不能晚于今天', 'doneOn is in the future');
    task.doneOn = doneOn;
    if (!task.evidence) errors.add(UserErrorCode.REQUIRED, 'input.evidence', '任务完成须提供完成佐证（evidence）', 'A done task needs its evidence of completion');
  } else if (input.doneOn) {
    errors.add(UserErrorCode.VALIDATION, 'input.doneOn', '只有将任务设为已完成时才填写完成日期', 'doneOn is given only when setting the task DONE');
  }
  if (input.dueOn) task.dueOn = input.dueOn;
  if (input.ownerId) {
    await ownerRef(ctx, input.ownerId, errors);
    task.ownerId = input.ownerId;
  }
  let note: TaskNote | null = null;
  const text = clean(input.progressNote);
  if (input.notedOn && !text) errors.add(UserErrorCode.REQUIRED, 'input.progressNote', '填写了进展日期但没有进展内容', 'notedOn without a progressNote');
  if (text) {
    const notedOn = input.notedOn ?? day;
    if (notedOn > day) errors.add(UserErrorCode.VALIDATION, 'input.notedOn', '进展日期不能晚于今天', 'notedOn is in the future');
    note = ctx.em.create(TaskNote, { taskId: task.id, notedOn, note: text, authorId: principalId(ctx), authorName: p.displayName || p.name });
  }
  errors.throwIfAny();
  task.version += 1;
  await ctx.em.update(Task, { id: task.id }, { state: task.state, doneOn: task.doneOn, evidence: task.evidence, dueOn: task.dueOn, ownerId: task.ownerId, version: task.version });
  if (note) await ctx.em.insert(TaskNote, note);
  const after = await ctx.em.findOneByOrFail(Task, { id: task.id });
  await recordAudit(ctx, { operation: 'updateTask', entityType: 'Task', entityId: task.id, before, after: { ...view(after), ...(note ? { progressNote: { notedOn: note.notedOn, note: note.note } } : {}) } });
  return after;
}

// ===================== warnings and exposure =====================

export async function issueWarning(ctx: Context, input: IssueWarningInput): Promise<Warning> {
  return idempotent(ctx, 'issueWarning', input.idempotencyKey, input, async () => {
    const errors = new ErrorCollector();
    if (!input.businessId && !input.districtCode) errors.add(UserErrorCode.REQUIRED, 'input.businessId', '警示对象须填写经营主体（businessId）或区县（districtCode）', 'Give the business warned (businessId) or the district (districtCode)');
    const business = input.businessId ? await ctx.em.findOne(Business, { where: { id: input.businessId } }) : null;
    if (input.businessId && (!business || business.status === BusinessStatus.ARCHIVED)) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.businessId', '不存在该经营主体（或已归档）', 'No (unarchived) business with this id');
    if (business && input.districtCode && input.districtCode !== business.districtCode) {
      errors.add(UserErrorCode.VALIDATION, 'input.districtCode', `该经营主体位于 ${business.districtCode}，不是 ${input.districtCode}`, `The business is in ${business.districtCode}, not ${input.districtCode}`);
    }
    if (!business && input.districtCode) await checkDistricts(ctx, [input.districtCode], 'input.districtCode', errors);
    const dept = await ctx.em.findOne(Department, { where: { code: input.departmentCode } });
    if (!dept) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.departmentCode', `不存在代码为 ${input.departmentCode} 的部门`, `No department with code ${input.departmentCode}`);
    const campaign = await campaignRef(ctx, input.campaignId, 'input.campaignId', errors);
    if (input.issuedOn > today(ctx)) errors.add(UserErrorCode.VALIDATION, 'input.issuedOn', '发出日期不能晚于今天', 'issuedOn is in the future');
    const districtCode = business?.districtCode ?? input.districtCode ?? null;
    // A warning to a business is in that business's stages; one to a district concerns every stage, so only the district limits an officer.
    if (districtCode) await assertCanWrite(ctx, { stages: business?.stages ?? Object.values(SupplyChainStage), districtCode }, 'issueWarning');
    errors.throwIfAny();
    const w = ctx.em.create(Warning, {
      issuedOn: input.issuedOn,
      kind: input.kind,
      businessId: business?.id ?? null,
      districtCode: districtCode!,
      content: clean(input.content)!,
      departmentId: dept!.id,
      campaignId: campaign?.id ?? null,
      createdBy: principalId(ctx),
    });
    await ctx.em.insert(Warning, w);
    await recordAudit(ctx, { operation: 'issueWarning', entityType: 'Warning', entityId: w.id, before: null, after: view(w) });
    return w;
  }, (id) => ctx.em.findOneByOrFail(Warning, { id }));
}

export function listWarnings(ctx: Context, args: WarningsArgs): Promise<ConnectionShape<Warning>> {
  const qb = ctx.em.getRepository(Warning).createQueryBuilder('w');
  const f = args.filter;
  applyStringFilter(qb, 'w.district_code', f?.district);
  applyIdFilter(qb, 'w.business_id', f?.businessId);
  applyDateRange(qb, 'w.issued_on', f?.issuedOn, 'date');
  return paginate(qb, args, { expression: 'w.issued_on', direction: 'DESC', cast: 'date', value: (w) => w.issuedOn });
}

/** Selects a case for public exposure (典型案例曝光) with its date, or withdraws the selection. */
export async function exposeEnforcementCase(ctx: Context, input: ExposeEnforcementCaseInput): Promise<{ item: RemediationItem; enforcementCase: EnforcementCase }> {
  const found = await ctx.em.findOne(EnforcementCase, { where: { id: input.id } });
  if (!found) fail(UserErrorCode.NOT_FOUND, 'input.id', '案件不存在', 'No enforcement case with this id');
  const item = await ctx.em.findOne(RemediationItem, { where: { id: found.itemId }, lock: { mode: 'pessimistic_write' } });
  await assertCanWrite(ctx, itemScope(item!), 'exposeEnforcementCase');
  const c = await lockForUpdate(ctx, EnforcementCase, input.id, input.expectedVersion, 'enforcement case');
  const before = { exposed: c.exposed, exposedOn: c.exposedOn };
  const exposedOn = input.exposedOn ?? null;
  if (exposedOn && exposedOn < c.filedOn) fail(UserErrorCode.VALIDATION, 'input.exposedOn', `曝光日期早于立案日期 ${c.filedOn}`, `exposedOn is before the filing date ${c.filedOn}`);
  if (exposedOn && exposedOn > today(ctx)) fail(UserErrorCode.VALIDATION, 'input.exposedOn', '曝光日期不能晚于今天', 'exposedOn is in the future');
  if (!exposedOn && !c.exposed) fail(UserErrorCode.INVALID_TRANSITION, 'input.exposedOn', '该案件未曝光，无需撤销', 'The case is not exposed; nothing to withdraw');
  await ctx.em.update(EnforcementCase, { id: c.id }, { exposed: !!exposedOn, exposedOn, version: c.version + 1 });
  const after = await ctx.em.findOneByOrFail(EnforcementCase, { id: c.id });
  await recordAudit(ctx, { operation: 'exposeEnforcementCase', entityType: 'EnforcementCase', entityId: c.id, before, after: { exposed: after.exposed, exposedOn: after.exposedOn } });
  return { item: item!, enforcementCase: after };
}
