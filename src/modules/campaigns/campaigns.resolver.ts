import { Arg, Args, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ALL_ROLES, RECORD_READERS, Role, Roles, shownName } from '../../common/auth';
import { Connection } from '../../common/connection';
import { fieldColumns } from '../../common/projection';
import type { Context } from '../../common/context';
import { InputArg, Mutation, MutationPayload } from '../../common/mutation';
import { LocalDate } from '../../common/scalars';
import { User } from '../access/access.entities';
import { Inspection } from '../inspection/inspection.entities';
import { Department, District, TaskTeam } from '../reference/reference.entities';
import { departmentById, districtByCode } from '../reference/reference.service';
import { Business } from '../registry/registry.entities';
import { businessLoader } from '../registry/registry.service';
import { RemediationItem } from '../remediation/remediation.entities';
import { EnforcementCasePayload } from '../remediation/remediation.resolver';
import { today } from '../remediation/remediation.service';
import { Campaign, JointOperation, Task, TaskNote, Warning } from './campaigns.entities';
import { TaskStatus } from './campaigns.enums';
import {
  CampaignsArgs,
  CreateCampaignInput,
  CreateTaskInput,
  ExposeEnforcementCaseInput,
  IssueWarningInput,
  JointOperationsArgs,
  RecordJointOperationInput,
  TasksArgs,
  UpdateCampaignInput,
  UpdateTaskInput,
  WarningsArgs,
} from './campaigns.inputs';
import { buildDispatch, campaignResultsLoader } from './campaigns.results';
import * as campaigns from './campaigns.service';
import { CampaignResults, Dispatch } from './campaigns.types';

const WORKERS = [Role.COORDINATOR, Role.AGENCY_OFFICER] as const;

@ObjectType({ description: 'A page of campaigns (专项行动列表).' })
export class CampaignConnection extends Connection(Campaign) {}
@ObjectType({ description: 'A page of joint operations (联合检查列表).' })
export class JointOperationConnection extends Connection(JointOperation) {}
@ObjectType({ description: 'A page of tasks (任务清单).' })
export class TaskConnection extends Connection(Task) {}
@ObjectType({ description: 'A page of warnings (警示提醒列表).' })
export class WarningConnection extends Connection(Warning) {}

@ObjectType({ description: 'Result of createCampaign / updateCampaign (专项行动).' })
export class CampaignPayload extends MutationPayload {
  @Field(() => Campaign, { nullable: true, description: 'The campaign; null when userErrors is not empty.' }) campaign?: Campaign | null;
}
@ObjectType({ description: 'Result of recordJointOperation (联合检查).' })
export class JointOperationPayload extends MutationPayload {
  @Field(() => JointOperation, { nullable: true, description: 'The joint operation; null when userErrors is not empty.' }) jointOperation?: JointOperation | null;
}
@ObjectType({ description: 'Result of createTask / updateTask (任务).' })
export class TaskPayload extends MutationPayload {
  @Field(() => Task, { nullable: true, description: 'The task; null when userErrors is not empty.' }) task?: Task | null;
}
@ObjectType({ description: 'Result of issueWarning (警示提醒).' })
export class WarningPayload extends MutationPayload {
  @Field(() => Warning, { nullable: true, description: 'The warning; null when userErrors is not empty.' }) warning?: Warning | null;
}

const departments = async (ctx: Context, ids: string[]) => (await departmentById(ctx).loadMany(ids)).filter((d): d is Department => d instanceof Department);
const campaignById = (ctx: Context) => ctx.loaders.one(Campaign, 'id');
const teamById = (ctx: Context) => ctx.loaders.one(TaskTeam, 'id');

@Resolver()
export class CampaignsResolver {
  @Roles(...RECORD_READERS)
  @Query(() => Campaign, { nullable: true, description: 'One campaign by id or by code, e.g. ZX-20260301-001 (专项行动).' })
  campaign(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'Campaign id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Campaign code (行动编号).' }) code?: string,
  ) {
    return campaigns.campaignByIdOrCode(ctx, id, code);
  }

  @Roles(...RECORD_READERS)
  @Query(() => CampaignConnection, { description: 'Campaigns, latest start first (专项行动列表).' })
  campaigns(@Ctx() ctx: Context, @Args() args: CampaignsArgs) {
    return campaigns.listCampaigns(ctx, args);
  }

  @Roles(...RECORD_READERS)
  @Query(() => JointOperationConnection, { description: 'Joint operations, latest first (联合检查列表).' })
  jointOperations(@Ctx() ctx: Context, @Args() args: JointOperationsArgs) {
    return campaigns.listJointOperations(ctx, args);
  }

  @Roles(...RECORD_READERS)
  @Query(() => TaskConnection, { description: 'Tasks of every team, earliest due first (任务清单).' })
  tasks(@Ctx() ctx: Context, @Args() args: TasksArgs) {
    return campaigns.listTasks(ctx, args);
  }

  @Roles(...RECORD_READERS)
  @Query(() => WarningConnection, { description: 'Warnings, latest first (警示提醒列表).' })
  warnings(@Ctx() ctx: Context, @Args() args: WarningsArgs) {
    return campaigns.listWarnings(ctx, args);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Dispatch, { description: 'The weekly dispatch (周调度): tasks per team, campaigns, warnings, exposures and the bulletin’s headline figures.' })
  dispatch(
    @Ctx() ctx: Context,
    @Arg('from', () => LocalDate, { description: 'First day (起始日期).' }) from: string,
    @Arg('to', () => LocalDate, { description: 'Last day, included (截止日期).' }) to: string,
  ) {
    return buildDispatch(ctx, from, to);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => CampaignPayload, { description: 'Create a campaign with its targets and goals (新建专项行动).' })
  async createCampaign(@Ctx() ctx: Context, @InputArg() input: CreateCampaignInput): Promise<CampaignPayload> {
    return { campaign: await campaigns.createCampaign(ctx, input), userErrors: [] };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => CampaignPayload, { description: 'Move a campaign to its next phase, extend it, or restate its goals (调整专项行动).' })
  async updateCampaign(@Ctx() ctx: Context, @InputArg() input: UpdateCampaignInput): Promise<CampaignPayload> {
    return { campaign: await campaigns.updateCampaign(ctx, input), userErrors: [] };
  }

  @Roles(...WORKERS)
  @Mutation(() => JointOperationPayload, { description: 'Record a joint operation: day, districts, departments, groups and officers (录入联合检查).' })
  async recordJointOperation(@Ctx() ctx: Context, @InputArg() input: RecordJointOperationInput): Promise<JointOperationPayload> {
    return { jointOperation: await campaigns.recordJointOperation(ctx, input), userErrors: [] };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => TaskPayload, { description: 'Put a task on a team’s task list (新建任务).' })
  async createTask(@Ctx() ctx: Context, @InputArg() input: CreateTaskInput): Promise<TaskPayload> {
    return { task: await campaigns.createTask(ctx, input), userErrors: [] };
  }

  @Roles(...WORKERS)
  @Mutation(() => TaskPayload, { description: 'Report progress on a task: state, a dated note, evidence of completion; officers only on tasks they own (更新任务进展).' })
  async updateTask(@Ctx() ctx: Context, @InputArg() input: UpdateTaskInput): Promise<TaskPayload> {
    return { task: await campaigns.updateTask(ctx, input), userErrors: [] };
  }

  @Roles(...WORKERS)
  @Mutation(() => WarningPayload, { description: 'Issue a warning to a business or a district (发出警示提醒).' })
  async issueWarning(@Ctx() ctx: Context, @InputArg() input: IssueWarningInput): Promise<WarningPayload> {
    return { warning: await campaigns.issueWarning(ctx, input), userErrors: [] };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => EnforcementCasePayload, { description: 'Select a case for public exposure as a typical case, or withdraw it (典型案例曝光).' })
  async exposeEnforcementCase(@Ctx() ctx: Context, @InputArg() input: ExposeEnforcementCaseInput): Promise<EnforcementCasePayload> {
    const r = await campaigns.exposeEnforcementCase(ctx, input);
    return { remediationItem: r.item, enforcementCase: r.enforcementCase, userErrors: [] };
  }
}

@Resolver(() => Campaign)
export class CampaignResolver {
  @FieldResolver(() => TaskTeam, { description: 'Lead team (牵头工作组).' })
  leadTeam(@Root() c: Campaign, @Ctx() ctx: Context) {
    return teamById(ctx).load(c.leadTeamId);
  }

  @FieldResolver(() => Department, { description: 'Lead department (牵头部门).' })
  leadDepartment(@Root() c: Campaign, @Ctx() ctx: Context) {
    return departmentById(ctx).load(c.leadDepartmentId);
  }

  @FieldResolver(() => [Department], { description: 'Participating departments (参与部门).' })
  departments(@Root() c: Campaign, @Ctx() ctx: Context) {
    return departments(ctx, c.departmentIds);
  }

  @FieldResolver(() => CampaignResults, { description: 'Results to date: inspections, coverage of the target population, hazards, cases, fines, deployment, goals (成效).' })
  results(@Root() c: Campaign, @Ctx() ctx: Context) {
    return campaignResultsLoader(ctx).load(c.id);
  }
}

@Resolver(() => JointOperation)
export class JointOperationResolver {
  @FieldResolver(() => Campaign, { nullable: true, description: 'Campaign it belongs to (所属专项行动).' })
  campaign(@Root() j: JointOperation, @Ctx() ctx: Context) {
    return j.campaignId ? campaignById(ctx).load(j.campaignId) : null;
  }

  @FieldResolver(() => TaskTeam, { description: 'Organising team (组织工作组).' })
  team(@Root() j: JointOperation, @Ctx() ctx: Context) {
    return teamById(ctx).load(j.teamId);
  }

  @FieldResolver(() => [Department], { description: 'Departments that took part, the leading one first (参与部门).' })
  departments(@Root() j: JointOperation, @Ctx() ctx: Context) {
    return departments(ctx, j.departmentIds);
  }

  @FieldResolver(() => [District], { description: 'Districts visited (检查区县).' })
  async districts(@Root() j: JointOperation, @Ctx() ctx: Context) {
    return (await districtByCode(ctx).loadMany(j.districtCodes)).filter((d): d is District => d instanceof District);
  }

  @FieldResolver(() => [Inspection], { description: 'Inspections it produced, in the order started (检查记录).' })
  inspections(@Root() j: JointOperation, @Ctx() ctx: Context) {
    return ctx.loaders.many(Inspection, 'jointOperationId', 'startedAt').load(j.id);
  }
}

@Resolver(() => Task)
export class TaskResolver {
  @FieldResolver(() => TaskStatus, { description: 'Status: the state, or OVERDUE when open after the due day in Asia/Shanghai (任务状态).' })
  status(@Root() t: Task, @Ctx() ctx: Context) {
    return campaigns.taskStatus(t, today(ctx));
  }

  @FieldResolver(() => Boolean, { description: 'Open after its due day (逾期).' })
  overdue(@Root() t: Task, @Ctx() ctx: Context) {
    return campaigns.taskStatus(t, today(ctx)) === TaskStatus.OVERDUE;
  }

  @FieldResolver(() => TaskTeam, { description: 'Team (工作组).' })
  team(@Root() t: Task, @Ctx() ctx: Context) {
    return teamById(ctx).load(t.teamId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'Department responsible (责任部门).' })
  department(@Root() t: Task, @Ctx() ctx: Context) {
    return t.departmentId ? departmentById(ctx).load(t.departmentId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Owner’s user id (责任人账号).' })
  ownerId(@Root() t: Task) {
    return t.ownerId;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Owner’s name as shown to people (责任人).' })
  async ownerName(@Root() t: Task, @Ctx() ctx: Context) {
    if (!t.ownerId) return null;
    const u = await ctx.loaders.one(User, 'id').load(t.ownerId);
    return u ? shownName({ name: u.username, displayName: u.displayName ?? undefined }) : null;
  }

  @FieldResolver(() => [TaskNote], { description: 'Progress notes in the order written (进展情况).' })
  notes(@Root() t: Task, @Ctx() ctx: Context) {
    return ctx.loaders.many(TaskNote, 'taskId', 'createdAt').load(t.id);
  }

  @FieldResolver(() => Campaign, { nullable: true, description: 'Campaign it serves (所属专项行动).' })
  campaign(@Root() t: Task, @Ctx() ctx: Context) {
    return t.campaignId ? campaignById(ctx).load(t.campaignId) : null;
  }

  @FieldResolver(() => [RemediationItem], { description: 'Remediation items it is about (关联隐患).' })
  async items(@Root() t: Task, @Ctx() ctx: Context) {
    return (await ctx.loaders.one(RemediationItem, 'id').loadMany(t.itemIds)).filter((i): i is RemediationItem => i instanceof RemediationItem);
  }
}

@Resolver(() => Warning)
export class WarningResolver {
  @FieldResolver(() => Business, { nullable: true, description: 'Business warned (警示对象主体).' })
  business(@Root() w: Warning, @Ctx() ctx: Context) {
    return w.businessId ? businessLoader(ctx).load(w.businessId) : null;
  }

  @FieldResolver(() => Department, { description: 'Issuing department (发出部门).' })
  department(@Root() w: Warning, @Ctx() ctx: Context) {
    return departmentById(ctx).load(w.departmentId);
  }

  @FieldResolver(() => Campaign, { nullable: true, description: 'Campaign it belongs to (所属专项行动).' })
  campaign(@Root() w: Warning, @Ctx() ctx: Context) {
    return w.campaignId ? campaignById(ctx).load(w.campaignId) : null;
  }
}

@Resolver(() => TaskTeam)
export class TaskTeamTasksResolver {
  @FieldResolver(() => TaskConnection, { description: 'The team’s task list, earliest due first (任务清单).' })
  tasks(@Root() team: TaskTeam, @Ctx() ctx: Context, @Args() args: TasksArgs) {
    return campaigns.listTasks(ctx, args, team.id);
  }
}

fieldColumns('Inspection', { campaign: ['campaignId'], jointOperation: ['jointOperationId'] });
fieldColumns('RemediationItem', { campaign: ['campaignId'] });

@Resolver(() => Inspection)
export class InspectionCampaignResolver {
  @FieldResolver(() => Campaign, { nullable: true, description: 'Campaign the inspection was part of (所属专项行动).' })
  campaign(@Root() n: Inspection, @Ctx() ctx: Context) {
    return n.campaignId ? campaignById(ctx).load(n.campaignId) : null;
  }

  @FieldResolver(() => JointOperation, { nullable: true, description: 'Joint operation that produced it (所属联合检查).' })
  jointOperation(@Root() n: Inspection, @Ctx() ctx: Context) {
    return n.jointOperationId ? ctx.loaders.one(JointOperation, 'id').load(n.jointOperationId) : null;
  }
}

@Resolver(() => RemediationItem)
export class ItemCampaignResolver {
  @FieldResolver(() => Campaign, { nullable: true, description: 'Campaign the item was found in (所属专项行动).' })
  campaign(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return i.campaignId ? campaignById(ctx).load(i.campaignId) : null;
  }
}
