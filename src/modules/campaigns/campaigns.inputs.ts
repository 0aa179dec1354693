import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsNumber, IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { DateRangeFilter, EnumFilter, IdFilter, StringFilter } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsLocalDate, NotBlank } from '../../common/validation';
import { CampaignPhase, SupplyChainStage } from '../reference/reference.enums';
import { BusinessType, SiteType } from '../registry/registry.enums';
import { CampaignGoalMetric, CampaignKind, TaskState, TaskStatus, WarningKind } from './campaigns.enums';

const IDEMPOTENCY = { nullable: true, description: 'Retry key: a repeated create with the same key returns the first result (幂等键).' } as const;
const IdempotencyKey = () => Matches(/^[A-Za-z0-9._:-]{8,100}$/, { message: 'idempotencyKey must be 8-100 letters, digits, ".", "_", ":" or "-"' });

@InputType({ description: 'A goal of a campaign (行动目标).' })
export class CampaignGoalInput {
  @Field(() => CampaignGoalMetric, { description: 'What is measured (目标指标).' }) @IsEnum(CampaignGoalMetric) metric: CampaignGoalMetric;
  @Field(() => Float, { defaultValue: 1, description: 'Target share, 0–1; 1 means every unit (目标值).' }) @IsNumber() @Min(0) @Max(1) target: number;
  @Field(() => [String], { defaultValue: [], description: 'Districts of the population; empty: the campaign’s (目标区县).' })
  @ArrayUnique()
  @ArrayMaxSize(20)
  @MaxLength(6, { each: true })
  districtCodes: string[];
  @Field(() => [BusinessType], { defaultValue: [], description: 'Business types of the population; empty: the campaign’s (目标主体类型).' })
  @ArrayUnique()
  @IsEnum(BusinessType, { each: true })
  businessTypes: BusinessType[];
  @Field(() => [SiteType], { defaultValue: [], description: 'SITE_INSPECTION_COVERAGE only: site types of the population; empty: the campaign’s (目标场所类型).' })
  @ArrayUnique()
  @IsEnum(SiteType, { each: true })
  siteTypes: SiteType[];
  @Field(() => LocalDate, { description: 'Due date (完成期限).' }) @IsLocalDate() dueOn: string;
  @Field(() => String, { nullable: true, description: 'The goal in words (目标说明).' }) @IsOptional() @MaxLength(500) description?: string;
}

@InputType({ description: 'Create a campaign (新建专项行动).' })
export class CreateCampaignInput {
  @Field({ description: 'Name (行动名称).' }) @NotBlank() @MaxLength(200) name: string;
  @Field(() => CampaignKind, { description: 'Kind (类型).' }) @IsEnum(CampaignKind) kind: CampaignKind;
  @Field(() => CampaignPhase, { description: 'Phase (阶段).' }) @IsEnum(CampaignPhase) phase: CampaignPhase;
  @Field(() => LocalDate, { description: 'First day (开始日期).' }) @IsLocalDate() startsOn: string;
  @Field(() => LocalDate, { description: 'Last day (结束日期).' }) @IsLocalDate() endsOn: string;
  @Field({ description: 'Lead team code (牵头工作组).' }) @MaxLength(40) leadTeamCode: string;
  @Field({ description: 'Lead department code (牵头部门).' }) @MaxLength(40) leadDepartmentCode: string;
  @Field(() => [String], { defaultValue: [], description: 'Participating department codes (参与部门).' }) @ArrayUnique() @ArrayMaxSize(30) @MaxLength(40, { each: true }) departmentCodes: string[];
  @Field(() => [SupplyChainStage], { defaultValue: [], description: 'Target stages (目标环节).' }) @ArrayUnique() @IsEnum(SupplyChainStage, { each: true }) stages: SupplyChainStage[];
  @Field(() => [BusinessType], { defaultValue: [], description: 'Target business types; empty: all (目标主体类型).' }) @ArrayUnique() @IsEnum(BusinessType, { each: true }) businessTypes: BusinessType[];
  @Field(() => [String], { defaultValue: [], description: 'Target districts; empty: the whole city (目标区县).' }) @ArrayUnique() @ArrayMaxSize(20) @MaxLength(6, { each: true }) districtCodes: string[];
  @Field(() => [SiteType], { defaultValue: [], description: 'Target site types (sites in the target districts); empty: no site population (目标场所类型).' }) @ArrayUnique() @IsEnum(SiteType, { each: true }) siteTypes: SiteType[];
  @Field(() => [CampaignGoalInput], { defaultValue: [], description: 'Goals (行动目标).' }) @ArrayMaxSize(20) @ValidateNested({ each: true }) goals: CampaignGoalInput[];
  @Field(() => String, { nullable: true, description: 'Remarks (备注).' }) @IsOptional() @MaxLength(4000) note?: string;
  @Field(() => String, IDEMPOTENCY) @IsOptional() @IdempotencyKey() idempotencyKey?: string;
}

@InputType({ description: 'Change a campaign’s phase or period (调整专项行动阶段/时间).' })
export class UpdateCampaignInput {
  @Field(() => ID, { description: 'Campaign (专项行动).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => CampaignPhase, { nullable: true, description: 'New phase (阶段).' }) @IsOptional() @IsEnum(CampaignPhase) phase?: CampaignPhase;
  @Field(() => LocalDate, { nullable: true, description: 'New last day (结束日期).' }) @IsOptional() @IsLocalDate() endsOn?: string;
  @Field(() => [CampaignGoalInput], { nullable: true, description: 'Goals, replacing the current ones (行动目标).' }) @IsOptional() @ArrayMaxSize(20) @ValidateNested({ each: true }) goals?: CampaignGoalInput[];
}

@InputType({ description: 'Record a joint operation (录入联合检查): one outing of several departments.' })
export class RecordJointOperationInput {
  @Field(() => ID, { nullable: true, description: 'Campaign it belongs to (所属专项行动).' }) @IsOptional() @IsUUID('all') campaignId?: string;
  @Field({ description: 'Task team that organised it (组织工作组).' }) @MaxLength(40) teamCode: string;
  @Field(() => LocalDate, { description: 'Day of the outing (检查日期).' }) @IsLocalDate() heldOn: string;
  @Field(() => [String], { description: 'Districts visited (检查区县).' }) @ArrayMinSize(1) @ArrayUnique() @ArrayMaxSize(11) @MaxLength(6, { each: true }) districtCodes: string[];
  @Field(() => [String], { description: 'Departments taking part, the leading one first; a joint operation has at least two (参与部门).' })
  @ArrayMinSize(2)
  @ArrayUnique()
  @ArrayMaxSize(30)
  @MaxLength(40, { each: true })
  departmentCodes: string[];
  @Field(() => Int, { description: 'Inspection groups dispatched (出动检查组).' }) @IsInt() @Min(1) @Max(1000) groupsDispatched: number;
  @Field(() => Int, { description: 'Officers deployed, person-times (出动人次).' }) @IsInt() @Min(1) @Max(100000) officerCount: number;
  @Field(() => [String], { defaultValue: [], description: 'Officer names, where recorded (检查人员).' }) @ArrayMaxSize(200) @MaxLength(100, { each: true }) officers: string[];
  @Field(() => String, { nullable: true, description: 'Remarks (备注).' }) @IsOptional() @MaxLength(4000) note?: string;
  @Field(() => String, IDEMPOTENCY) @IsOptional() @IdempotencyKey() idempotencyKey?: string;
}

@InputType({ description: 'Create a task on a team’s task list (新建任务).' })
export class CreateTaskInput {
  @Field({ description: 'Team code (工作组).' }) @MaxLength(40) teamCode: string;
  @Field(() => String, { nullable: true, description: 'Department responsible, if one (责任部门).' }) @IsOptional() @MaxLength(40) departmentCode?: string;
  @Field(() => String, { nullable: true, description: 'District, if the task is for one (区县).' }) @IsOptional() @MaxLength(6) districtCode?: string;
  @Field({ description: 'Title (任务名称).' }) @NotBlank() @MaxLength(200) title: string;
  @Field(() => String, { nullable: true, description: 'Description (任务内容).' }) @IsOptional() @MaxLength(4000) description?: string;
  @Field(() => ID, { nullable: true, description: 'Owner: a user who updates the task (责任人账号).' }) @IsOptional() @IsUUID('all') ownerId?: string;
  @Field(() => LocalDate, { description: 'Due date (完成时限).' }) @IsLocalDate() dueOn: string;
  @Field(() => ID, { nullable: true, description: 'Campaign it serves (所属专项行动).' }) @IsOptional() @IsUUID('all') campaignId?: string;
  @Field(() => [ID], { defaultValue: [], description: 'Remediation items it is about (关联隐患).' }) @ArrayUnique() @ArrayMaxSize(100) @IsUUID('all', { each: true }) itemIds: string[];
  @Field(() => String, IDEMPOTENCY) @IsOptional() @IdempotencyKey() idempotencyKey?: string;
}

@InputType({ description: 'Update a task: its state, a progress note, evidence of completion (更新任务进展).' })
export class UpdateTaskInput {
  @Field(() => ID, { description: 'Task (任务).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => TaskState, { nullable: true, description: 'New state; DONE needs evidence (状态).' }) @IsOptional() @IsEnum(TaskState) state?: TaskState;
  @Field(() => LocalDate, { nullable: true, description: 'DONE: the day it was done; default today (完成日期).' }) @IsOptional() @IsLocalDate() doneOn?: string;
  @Field(() => String, { nullable: true, description: 'Evidence of completion (完成佐证).' }) @IsOptional() @MaxLength(4000) evidence?: string;
  @Field(() => String, { nullable: true, description: 'A progress note to add (进展情况).' }) @IsOptional() @MaxLength(4000) progressNote?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Day the note refers to; default today (进展日期).' }) @IsOptional() @IsLocalDate() notedOn?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Coordinators: a new due date (调整时限).' }) @IsOptional() @IsLocalDate() dueOn?: string;
  @Field(() => ID, { nullable: true, description: 'Coordinators: a new owner (调整责任人).' }) @IsOptional() @IsUUID('all') ownerId?: string;
}

@InputType({ description: 'Issue a warning to a business or a district (发出警示提醒).' })
export class IssueWarningInput {
  @Field(() => LocalDate, { description: 'Issued on (发出日期).' }) @IsLocalDate() issuedOn: string;
  @Field(() => WarningKind, { description: 'Kind (类型).' }) @IsEnum(WarningKind) kind: WarningKind;
  @Field(() => ID, { nullable: true, description: 'Business warned; or give districtCode alone (警示对象主体).' }) @IsOptional() @IsUUID('all') businessId?: string;
  @Field(() => String, { nullable: true, description: 'District warned; with a business, its district (警示区县).' }) @IsOptional() @MaxLength(6) districtCode?: string;
  @Field({ description: 'Content (内容).' }) @NotBlank() @MaxLength(4000) content: string;
  @Field({ description: 'Issuing department code (发出部门).' }) @MaxLength(40) departmentCode: string;
  @Field(() => ID, { nullable: true, description: 'Campaign it belongs to (所属专项行动).' }) @IsOptional() @IsUUID('all') campaignId?: string;
  @Field(() => String, IDEMPOTENCY) @IsOptional() @IdempotencyKey() idempotencyKey?: string;
}

@InputType({ description: 'Select an enforcement case for public exposure as a typical case, or withdraw it (典型案例曝光).' })
export class ExposeEnforcementCaseInput {
  @Field(() => ID, { description: 'Case (案件).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => LocalDate, { nullable: true, description: 'Day of exposure; null withdraws the exposure (曝光日期).' }) @IsOptional() @IsLocalDate() exposedOn?: string | null;
}

const TaskStatusFilter = EnumFilter(TaskStatus, 'TaskStatus', 'Task status (任务状态)');
const CampaignKindFilter = EnumFilter(CampaignKind, 'CampaignKind', 'Campaign kind (专项行动类型)');

@InputType({ description: 'Which tasks (任务筛选).' })
export class TaskFilter {
  @Field(() => StringFilter, { nullable: true, description: 'Team code (工作组).' }) @IsOptional() @ValidateNested() team?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'District code (区县).' }) @IsOptional() @ValidateNested() district?: StringFilter;
  @Field(() => TaskStatusFilter, { nullable: true, description: 'Status, OVERDUE included (状态).' }) @IsOptional() @ValidateNested() status?: InstanceType<typeof TaskStatusFilter>;
  @Field(() => IdFilter, { nullable: true, description: 'Owner (责任人).' }) @IsOptional() @ValidateNested() ownerId?: IdFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Campaign (专项行动).' }) @IsOptional() @ValidateNested() campaignId?: IdFilter;
  @Field(() => DateRangeFilter, { nullable: true, description: 'Due date (完成时限).' }) @IsOptional() @ValidateNested() dueOn?: DateRangeFilter;
}

@ArgsType()
export class TasksArgs extends PageArgs {
  @Field(() => TaskFilter, { nullable: true, description: 'Which tasks (筛选).' }) @IsOptional() @ValidateNested() filter?: TaskFilter;
}

@InputType({ description: 'Which campaigns (专项行动筛选).' })
export class CampaignFilter {
  @Field(() => CampaignKindFilter, { nullable: true, description: 'Kind (类型).' }) @IsOptional() @ValidateNested() kind?: InstanceType<typeof CampaignKindFilter>;
  @Field(() => StringFilter, { nullable: true, description: 'Lead team code (牵头工作组).' }) @IsOptional() @ValidateNested() leadTeam?: StringFilter;
  @Field(() => LocalDate, { nullable: true, description: 'Campaigns running on this day (进行中).' }) @IsOptional() @IsLocalDate() activeOn?: string;
}

@ArgsType()
export class CampaignsArgs extends PageArgs {
  @Field(() => CampaignFilter, { nullable: true, description: 'Which campaigns (筛选).' }) @IsOptional() @ValidateNested() filter?: CampaignFilter;
}

@InputType({ description: 'Which joint operations (联合检查筛选).' })
export class JointOperationFilter {
  @Field(() => IdFilter, { nullable: true, description: 'Campaign (专项行动).' }) @IsOptional() @ValidateNested() campaignId?: IdFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Team code (工作组).' }) @IsOptional() @ValidateNested() team?: StringFilter;
  @Field(() => DateRangeFilter, { nullable: true, description: 'Day of the outing (检查日期).' }) @IsOptional() @ValidateNested() heldOn?: DateRangeFilter;
}

@ArgsType()
export class JointOperationsArgs extends PageArgs {
  @Field(() => JointOperationFilter, { nullable: true, description: 'Which joint operations (筛选).' }) @IsOptional() @ValidateNested() filter?: JointOperationFilter;
}

@InputType({ description: 'Which warnings (警示提醒筛选).' })
export class WarningFilter {
  @Field(() => StringFilter, { nullable: true, description: 'District code (区县).' }) @IsOptional() @ValidateNested() district?: StringFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Business (主体).' }) @IsOptional() @ValidateNested() businessId?: IdFilter;
  @Field(() => DateRangeFilter, { nullable: true, description: 'Issued on (发出日期).' }) @IsOptional() @ValidateNested() issuedOn?: DateRangeFilter;
}

@ArgsType()
export class WarningsArgs extends PageArgs {
  @Field(() => WarningFilter, { nullable: true, description: 'Which warnings (筛选).' }) @IsOptional() @ValidateNested() filter?: WarningFilter;
}
