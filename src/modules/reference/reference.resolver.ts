import { Arg, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ALL_ROLES, Role, Roles } from '../../common/auth';
import type { Context } from '../../common/context';
import { InputArg, Mutation, MutationPayload } from '../../common/mutation';
import { ChecklistItem, Department, District, HazardType, RegulatoryMilestone, TaskTeam, TeamDepartmentRole } from './reference.entities';
import { SupplyChainStage } from './reference.enums';
import { UpdateRegulatoryMilestoneInput, UpdateTaskTeamInput } from './reference.inputs';
import * as reference from './reference.service';

@ObjectType({ description: 'Result of updateTaskTeam (修改专项工作组).' })
export class UpdateTaskTeamPayload extends MutationPayload {
  @Field(() => TaskTeam, { nullable: true, description: 'The team after the change; null when userErrors is not empty.' })
  taskTeam?: TaskTeam | null;
}

@ObjectType({ description: 'Result of updateRegulatoryMilestone (修改法规节点).' })
export class UpdateRegulatoryMilestonePayload extends MutationPayload {
  @Field(() => RegulatoryMilestone, { nullable: true, description: 'The milestone after the change; null when userErrors is not empty.' })
  regulatoryMilestone?: RegulatoryMilestone | null;
}

@Resolver()
export class ReferenceResolver {
  @Roles(...ALL_ROLES)
  @Query(() => [District], { description: 'The 11 county-level divisions of Leshan (乐山市区县), in official order.' })
  districts(@Ctx() ctx: Context): Promise<District[]> {
    return reference.listDistricts(ctx);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [Department], { description: 'Departments and member units of the task force (部门/成员单位).' })
  departments(@Ctx() ctx: Context): Promise<Department[]> {
    return reference.listDepartments(ctx);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [TaskTeam], { description: 'The task teams (专项工作组), in order.' })
  taskTeams(@Ctx() ctx: Context): Promise<TaskTeam[]> {
    return reference.listTaskTeams(ctx);
  }

  @Roles(...ALL_ROLES)
  @Query(() => TaskTeam, { nullable: true, description: 'One task team by its code, e.g. PRODUCTION (专项工作组).' })
  taskTeam(@Ctx() ctx: Context, @Arg('code', { description: 'Team code (工作组代码).' }) code: string): Promise<TaskTeam | null> {
    return reference.taskTeamByCode(ctx, code);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [HazardType], { description: 'The hazard-type catalogue (隐患类型目录), optionally of one stage.' })
  hazardTypes(
    @Ctx() ctx: Context,
    @Arg('stage', () => SupplyChainStage, { nullable: true, description: 'Only types occurring in this stage (环节).' }) stage?: SupplyChainStage | null,
    @Arg('includeInactive', { defaultValue: false, description: 'Also retired types (含停用).' }) includeInactive?: boolean,
  ): Promise<HazardType[]> {
    return reference.listHazardTypes(ctx, stage, includeInactive);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [ChecklistItem], { description: 'Inspection checklist items (检查要点), optionally of one stage.' })
  checklistItems(
    @Ctx() ctx: Context,
    @Arg('stage', () => SupplyChainStage, { nullable: true, description: 'Only items of this stage (环节).' }) stage?: SupplyChainStage | null,
    @Arg('includeInactive', { defaultValue: false, description: 'Also retired items (含停用).' }) includeInactive?: boolean,
  ): Promise<ChecklistItem[]> {
    return reference.listChecklistItems(ctx, stage, includeInactive);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [RegulatoryMilestone], { description: 'Standards and cut-over dates (法规/标准节点), DOMAIN.md §9, in date order; the sale rules read their dates.' })
  regulatoryMilestones(@Ctx() ctx: Context): Promise<RegulatoryMilestone[]> {
    return reference.listRegulatoryMilestones(ctx);
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => UpdateRegulatoryMilestonePayload, { description: 'Correct a milestone’s date or note (修改法规节点); later reference loads keep the correction.' })
  async updateRegulatoryMilestone(@Ctx() ctx: Context, @InputArg() input: UpdateRegulatoryMilestoneInput): Promise<UpdateRegulatoryMilestonePayload> {
    return { regulatoryMilestone: await reference.updateRegulatoryMilestone(ctx, input), userErrors: [] };
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => UpdateTaskTeamPayload, { description: 'Rename a task team or change its lead, members and stages (修改专项工作组).' })
  async updateTaskTeam(@Ctx() ctx: Context, @InputArg() input: UpdateTaskTeamInput): Promise<UpdateTaskTeamPayload> {
    return { taskTeam: await reference.updateTaskTeam(ctx, input), userErrors: [] };
  }
}

@Resolver(() => TaskTeam)
export class TaskTeamResolver {
  @FieldResolver(() => Department, { description: 'Lead department (牵头部门).' })
  async leadDepartment(@Root() team: TaskTeam, @Ctx() ctx: Context): Promise<Department> {
    return (await reference.departmentById(ctx).load(team.leadDepartmentId))!;
  }

  @FieldResolver(() => [Department], { description: 'Co-lead departments (共同牵头部门).' })
  coLeadDepartments(@Root() team: TaskTeam, @Ctx() ctx: Context): Promise<Department[]> {
    return departmentsOf(ctx, team, TeamDepartmentRole.CO_LEAD);
  }

  @FieldResolver(() => [Department], { description: 'Member departments (成员单位).' })
  memberDepartments(@Root() team: TaskTeam, @Ctx() ctx: Context): Promise<Department[]> {
    return departmentsOf(ctx, team, TeamDepartmentRole.MEMBER);
  }

  @FieldResolver(() => [SupplyChainStage], { description: 'Supply-chain stages the team covers (负责环节).' })
  async stages(@Root() team: TaskTeam, @Ctx() ctx: Context): Promise<SupplyChainStage[]> {
    return (await reference.teamStages(ctx).load(team.id)).map((s) => s.stage);
  }
}

async function departmentsOf(ctx: Context, team: TaskTeam, role: TeamDepartmentRole): Promise<Department[]> {
  const links = (await reference.teamDepartments(ctx).load(team.id)).filter((l) => l.role === role);
  const depts = await reference.departmentById(ctx).loadMany(links.map((l) => l.departmentId));
  return depts.filter((d): d is Department => d instanceof Department);
}

@Resolver(() => Department)
export class DepartmentResolver {
  @FieldResolver(() => String, { description: 'Full Chinese name, e.g. 市消防救援支队 (中文名称).' })
  nameZh(@Root() d: Department): string {
    return d.name;
  }

  @FieldResolver(() => District, { nullable: true, description: 'District of a county-level department (所属区县).' })
  district(@Root() d: Department, @Ctx() ctx: Context): Promise<District | null> {
    return d.districtCode ? reference.districtByCode(ctx).load(d.districtCode) : Promise.resolve(null);
  }
}

@Resolver(() => District)
export class DistrictResolver {
  @FieldResolver(() => String, { description: 'Chinese name, e.g. 市中区 (中文名称).' })
  nameZh(@Root() d: District): string {
    return d.name;
  }
}

@Resolver(() => ChecklistItem)
export class ChecklistItemResolver {
  @FieldResolver(() => HazardType, { nullable: true, description: 'The hazard type a failure usually raises (对应隐患类型).' })
  hazardType(@Root() c: ChecklistItem, @Ctx() ctx: Context): Promise<HazardType | null> {
    return c.hazardTypeCode ? reference.hazardTypeByCode(ctx).load(c.hazardTypeCode) : Promise.resolve(null);
  }
}
