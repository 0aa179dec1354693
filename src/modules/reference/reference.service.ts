import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Context } from '../../common/context';
import { ErrorCollector, UserErrorCode, fail } from '../../common/errors';
import { clean } from '../../common/validation';
import { lockForUpdate } from '../../common/versioning';
import { recordAudit } from '../audit/audit.service';
import { ChecklistItem, Department, District, HazardType, RegulatoryMilestone, TaskTeam, TaskTeamDepartment, TaskTeamStage, TeamDepartmentRole } from './reference.entities';
import type { SupplyChainStage } from './reference.enums';
import type { UpdateRegulatoryMilestoneInput, UpdateTaskTeamInput } from './reference.inputs';

/** All districts in their official order, from the process's copy (see staticLookup). */
export async function listDistricts(ctx: Context): Promise<District[]> {
  return (await districtByCode(ctx).all()).sort((a, b) => a.sortOrder - b.sortOrder);
}

export function listDepartments(ctx: Context): Promise<Department[]> {
  return ctx.em.find(Department, { order: { sortOrder: 'ASC', code: 'ASC' } });
}

export function listTaskTeams(ctx: Context): Promise<TaskTeam[]> {
  return ctx.em.find(TaskTeam, { order: { sortOrder: 'ASC', code: 'ASC' } });
}

export function taskTeamByCode(ctx: Context, code: string): Promise<TaskTeam | null> {
  return ctx.em.findOne(TaskTeam, { where: { code } });
}

export function listHazardTypes(ctx: Context, stage?: SupplyChainStage | null, includeInactive = false): Promise<HazardType[]> {
  const qb = ctx.em.getRepository(HazardType).createQueryBuilder('h').orderBy('h.sort_order', 'ASC');
  if (stage) qb.andWhere(':stage = ANY(h.stages)', { stage });
  if (!includeInactive) qb.andWhere('h.active');
  return qb.getMany();
}

export function listChecklistItems(ctx: Context, stage?: SupplyChainStage | null, includeInactive = false): Promise<ChecklistItem[]> {
  const qb = ctx.em.getRepository(ChecklistItem).createQueryBuilder('c').orderBy('c.sort_order', 'ASC');
  if (stage) qb.andWhere('c.stage = :stage', { stage });
  if (!includeInactive) qb.andWhere('c.active');
  return qb.getMany();
}

// ---- loaders (one batch per relation per request) ----

export function departmentById(ctx: Context) {
  return ctx.loaders.one(Department, 'id');
}

/**
 * Districts and hazard types change only when reference data is loaded at start-up — no API
 * operation edits them — and the working calendar changes only through an administrator's edit,
 * which drops this process's copy when it ends (invalidateStaticTable). So each process keeps these
 * whole tables (11, 45 and a few dozen rows a year) and re-reads them after STATIC_TTL_MS, which is
 * also how long another instance's calendar edit takes to reach this one. Lists that show a
 * district or hazard type then cost no statement for it.
 */
const STATIC_TTL_MS = 60_000;

/** A whole static table read into memory, looked up by one column. */
export class StaticTable<E extends ObjectLiteral> {
  readonly at = Date.now();
  constructor(readonly rows: Promise<Map<string, E>>) {}
  async all(): Promise<E[]> {
    return [...(await this.rows).values()];
  }
  async load(key: string): Promise<E | null> {
    return (await this.rows).get(key) ?? null;
  }
  async loadMany(keys: readonly string[]): Promise<(E | null)[]> {
    const rows = await this.rows;
    return keys.map((k) => rows.get(k) ?? null);
  }
}
const staticTables = new WeakMap<DataSource, { generation: number; tables: Map<EntityTarget<ObjectLiteral>, StaticTable<ObjectLiteral>> }>();

function staticTablesOf(ds: DataSource) {
  let c = staticTables.get(ds);
  if (!c) staticTables.set(ds, (c = { generation: 0, tables: new Map() }));
  return c;
}

/**
 * The process's copy of a static table. Read through the pool, not the request's transaction: the
 * copy is shared, so it holds committed rows only. A failed read is not kept, nor is a read that an
 * invalidation overtook.
 */
export function staticLookup<E extends ObjectLiteral>(ctx: Pick<Context, 'dataSource'>, entity: EntityTarget<E>, column: keyof E & string): StaticTable<E> {
  const cache = staticTablesOf(ctx.dataSource);
  let table = cache.tables.get(entity) as StaticTable<E> | undefined;
  if (!table || Date.now() - table.at > STATIC_TTL_MS) {
    const generation = cache.generation;
    const rows = ctx.dataSource
      .getRepository(entity)
      .find()
      .then((list) => new Map(list.map((r) => [String(r[column]), r])));
    const current = (table = new StaticTable(rows));
    const drop = () => cache.tables.get(entity) === current && cache.tables.delete(entity);
    rows.then(() => cache.generation !== generation && drop(), drop);
    if (cache.generation === generation) cache.tables.set(entity, table as StaticTable<ObjectLiteral>);
  }
  return table;
}

/** Drops this process's copy of a table after an edit; a read that started before is not kept. */
export function invalidateStaticTable(ds: DataSource, entity: EntityTarget<ObjectLiteral>): void {
  const cache = staticTablesOf(ds);
  cache.generation++;
  cache.tables.delete(entity);
}

export function districtByCode(ctx: Context) {
  return staticLookup(ctx, District, 'code');
}

export function hazardTypeByCode(ctx: Context) {
  return staticLookup(ctx, HazardType, 'code');
}

export function teamDepartments(ctx: Context) {
  return ctx.loaders.many(TaskTeamDepartment, 'teamId', 'sortOrder');
}

export function teamStages(ctx: Context) {
  return ctx.loaders.many(TaskTeamStage, 'teamId', 'stage');
}

// ---- mutations ----

export async function updateTaskTeam(ctx: Context, input: UpdateTaskTeamInput): Promise<TaskTeam> {
  const em = ctx.em;
  const team = await lockForUpdate(ctx, TaskTeam, input.id, input.expectedVersion, 'task team');

  // Departments are a few dozen rows: one read gives both directions of code <-> id.
  const departments = await em.find(Department);
  const idOf = new Map(departments.map((d) => [d.code, d.id]));
  const codeOf = new Map(departments.map((d) => [d.id, d.code]));
  const errors = new ErrorCollector();
  if (input.leadDepartmentCode && !idOf.has(input.leadDepartmentCode)) {
    errors.add(UserErrorCode.INVALID_REFERENCE, 'input.leadDepartmentCode', `不存在代码为 ${input.leadDepartmentCode} 的部门`, `No department with code ${input.leadDepartmentCode}`);
  }
  for (const field of ['coLeadDepartmentCodes', 'memberDepartmentCodes'] as const) {
    input[field]?.forEach((c, i) => {
      if (!idOf.has(c)) errors.add(UserErrorCode.INVALID_REFERENCE, ['input', field, String(i)], `不存在代码为 ${c} 的部门`, `No department with code ${c}`);
    });
  }
  errors.throwIfAny();

  const before = await teamView(ctx, team, codeOf);
  const coLeads = input.coLeadDepartmentCodes ?? before.coLeadDepartments;
  const members = input.memberDepartmentCodes ?? before.memberDepartments;
  const lead = input.leadDepartmentCode ?? before.leadDepartment;
  const twice = [...coLeads, ...members].filter((c, i, all) => all.indexOf(c) !== i || c === lead);
  if (twice.length) fail(UserErrorCode.VALIDATION, 'input.memberDepartmentCodes', `同一部门在专项工作组中只能承担一种角色：${[...new Set(twice)].join('、')}`, `A department has one role in a team: ${[...new Set(twice)].join(', ')}`);

  if (input.nameZh !== undefined) team.nameZh = clean(input.nameZh)!;
  if (input.nameEn !== undefined) team.nameEn = clean(input.nameEn)!;
  if (input.note !== undefined) team.note = clean(input.note);
  team.leadDepartmentId = idOf.get(lead)!;
  team.version += 1;
  await em.save(team);

  if (input.coLeadDepartmentCodes || input.memberDepartmentCodes) {
    await em.delete(TaskTeamDepartment, { teamId: team.id });
    const rows = [
      ...coLeads.map((code) => ({ code, role: TeamDepartmentRole.CO_LEAD })),
      ...members.map((code) => ({ code, role: TeamDepartmentRole.MEMBER })),
    ].map((r, i) => ({ teamId: team.id, departmentId: idOf.get(r.code)!, role: r.role, sortOrder: i + 1 }));
    if (rows.length) await em.insert(TaskTeamDepartment, rows);
  }
  if (input.stages) {
    await em.delete(TaskTeamStage, { teamId: team.id });
    if (input.stages.length) await em.insert(TaskTeamStage, input.stages.map((stage) => ({ teamId: team.id, stage })));
  }

  const after = await teamView(ctx, team, codeOf);
  await recordAudit(ctx, { operation: 'updateTaskTeam', entityType: 'TaskTeam', entityId: team.id, before, after });
  return team;
}

/** The team as people and the audit trail see it: names, lead, members and stages by code. */
async function teamView(ctx: Context, team: TaskTeam, codeOf: Map<string, string>) {
  const links = await ctx.em.find(TaskTeamDepartment, { where: { teamId: team.id }, order: { sortOrder: 'ASC' } });
  const stages = await ctx.em.find(TaskTeamStage, { where: { teamId: team.id }, order: { stage: 'ASC' } });
  return {
    nameZh: team.nameZh,
    nameEn: team.nameEn,
    note: team.note,
    leadDepartment: codeOf.get(team.leadDepartmentId)!,
    coLeadDepartments: links.filter((l) => l.role === TeamDepartmentRole.CO_LEAD).map((l) => codeOf.get(l.departmentId)!),
    memberDepartments: links.filter((l) => l.role === TeamDepartmentRole.MEMBER).map((l) => codeOf.get(l.departmentId)!),
    stages: stages.map((s) => s.stage),
  };
}

export function listRegulatoryMilestones(ctx: Context): Promise<RegulatoryMilestone[]> {
  return ctx.em.find(RegulatoryMilestone, { order: { sortOrder: 'ASC', code: 'ASC' } });
}

export async function updateRegulatoryMilestone(ctx: Context, input: UpdateRegulatoryMilestoneInput): Promise<RegulatoryMilestone> {
  const m = await lockForUpdate(ctx, RegulatoryMilestone, input.id, input.expectedVersion, 'regulatory milestone');
  const view = (x: RegulatoryMilestone) => ({ code: x.code, effectiveOn: x.effectiveOn, note: x.note });
  const before = view(m);
  if (input.effectiveOn !== undefined) m.effectiveOn = input.effectiveOn;
  if (input.note !== undefined) m.note = clean(input.note);
  m.version += 1;
  await ctx.em.save(m);
  await recordAudit(ctx, { operation: 'updateRegulatoryMilestone', entityType: 'RegulatoryMilestone', entityId: m.id, before, after: view(m) });
  return m;
}
