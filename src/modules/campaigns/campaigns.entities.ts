import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Node } from '../../common/node';
import { LocalDate } from '../../common/scalars';
import { User } from '../access/access.entities';
import { Department, District, TaskTeam } from '../reference/reference.entities';
import { CampaignPhase, SupplyChainStage } from '../reference/reference.enums';
import { Business } from '../registry/registry.entities';
import { BusinessType, SiteType } from '../registry/registry.enums';
import { CampaignGoalMetric, CampaignKind, TaskState, WarningKind } from './campaigns.enums';

const ts = { type: 'timestamptz', precision: 3 } as const;

/** A goal of a campaign, as data: a metric over a target population, a target and a due date (行动目标). */
@ObjectType({ description: 'A goal of a campaign (行动目标): a metric over a target population, the target value and the due date.' })
export class CampaignGoal {
  @Field(() => CampaignGoalMetric, { description: 'What is measured (目标指标).' })
  metric: CampaignGoalMetric;

  @Field(() => Float, { description: 'Target as a share, 0–1; 1 means every unit of the population (目标值).' })
  target: number;

  @Field(() => [String], { description: 'Districts of the population; empty means the campaign’s districts (目标区县).' })
  districtCodes: string[];

  @Field(() => [BusinessType], { description: 'Business types of the population; empty means the campaign’s business types (目标主体类型).' })
  businessTypes: BusinessType[];

  @Field(() => [SiteType], {
    description: 'Site types of the population of a SITE_INSPECTION_COVERAGE goal; empty means the campaign’s site types; always empty for the other metrics (目标场所类型).',
  })
  siteTypes: SiteType[];

  @Field(() => LocalDate, { description: 'Due date (完成期限).' })
  dueOn: string;

  @Field(() => String, { nullable: true, description: 'What the goal says in words (目标说明).' })
  description: string | null;
}

@ObjectType({ implements: Node, description: 'A campaign (专项行动): a night check, a concentrated action, a joint enforcement … with its period, phase, teams and goals.' })
@Entity('campaign')
@Index('ix_campaign_starts', ['startsOn', 'id'])
@Check('ck_campaign_period', `ends_on >= starts_on`)
export class Campaign {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Human code ZX-<yyyymmdd>-<seq> (行动编号).' })
  @Index('uq_campaign_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field({ description: 'Name (行动名称).' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => CampaignKind, { description: 'Kind (类型).' })
  @Column({ type: 'enum', enum: CampaignKind, enumName: 'campaign_kind' })
  kind: CampaignKind;

  @Field(() => CampaignPhase, { description: 'Phase (阶段).' })
  @Column({ type: 'enum', enum: CampaignPhase, enumName: 'campaign_phase' })
  phase: CampaignPhase;

  @Field(() => LocalDate, { description: 'First day (开始日期).' })
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Field(() => LocalDate, { description: 'Last day (结束日期).' })
  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Index('ix_campaign_lead_team')
  @Column({ name: 'lead_team_id', type: 'uuid' })
  leadTeamId: string;

  @ManyToOne(() => TaskTeam)
  @JoinColumn({ name: 'lead_team_id' })
  leadTeamRef?: TaskTeam;

  @Column({ name: 'lead_department_id', type: 'uuid' })
  leadDepartmentId: string;

  @ManyToOne(() => Department)
  @JoinColumn({ name: 'lead_department_id' })
  leadDepartmentRef?: Department;

  /** Participating departments (ids), the lead not repeated. */
  @Column({ name: 'department_ids', type: 'uuid', array: true, default: () => "'{}'" })
  departmentIds: string[];

  @Field(() => [SupplyChainStage], { description: 'Target stages (目标环节).' })
  @Column({ type: 'enum', enum: SupplyChainStage, enumName: 'supply_chain_stage', array: true, default: () => "'{}'" })
  stages: SupplyChainStage[];

  @Field(() => [BusinessType], { description: 'Target business types; empty means all (目标主体类型).' })
  @Column({ name: 'business_types', type: 'enum', enum: BusinessType, enumName: 'business_type', array: true, default: () => "'{}'" })
  businessTypes: BusinessType[];

  @Field(() => [String], { description: 'Target districts; empty means the whole city (目标区县).' })
  @Column({ name: 'district_codes', type: 'varchar', length: 6, array: true, default: () => "'{}'" })
  districtCodes: string[];

  @Field(() => [SiteType], {
    description: 'Target site types: the site population is the sites in use (not archived) of these types in the target districts; empty means the campaign targets no sites (目标场所类型).',
  })
  @Column({ name: 'site_types', type: 'enum', enum: SiteType, enumName: 'site_type', array: true, default: () => "'{}'" })
  siteTypes: SiteType[];

  @Field(() => [CampaignGoal], { description: 'Goals (行动目标).' })
  // Goals stored before site goals existed have no siteTypes: read as none.
  @Column({ type: 'jsonb', default: () => "'[]'", transformer: { to: (v: CampaignGoal[]) => v, from: (v: CampaignGoal[] | null) => v?.map((g) => ({ ...g, siteTypes: g.siteTypes ?? [] })) ?? v } })
  goals: CampaignGoal[];

  @Field(() => String, { nullable: true, description: 'Remarks (备注).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field({ description: 'Recorded (录入时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @Field(() => Int, { description: 'Optimistic-lock version; pass it as expectedVersion when changing the record (版本号).' })
  @Column({ type: 'int', default: 1 })
  version: number;
}

@ObjectType({ implements: Node, description: 'A joint operation (联合检查): one outing of several departments on a day; the bulletin’s 出动检查组 and 出动人次 come from these.' })
@Entity('joint_operation')
@Index('ix_joint_operation_held', ['heldOn', 'id'])
@Check('ck_joint_operation_counts', `groups_dispatched >= 1 AND officer_count >= 1`)
export class JointOperation {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Human code LH-<yyyymmdd>-<seq> (联合检查编号).' })
  @Index('uq_joint_operation_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Index('ix_joint_operation_campaign')
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { nullable: true })
  @JoinColumn({ name: 'campaign_id' })
  campaignRef?: Campaign | null;

  @Index('ix_joint_operation_team')
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TaskTeam)
  @JoinColumn({ name: 'team_id' })
  teamRef?: TaskTeam;

  @Field(() => LocalDate, { description: 'Day of the outing (检查日期).' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => [String], { description: 'Districts visited (检查区县).' })
  @Column({ name: 'district_codes', type: 'varchar', length: 6, array: true })
  districtCodes: string[];

  /** Departments that took part (ids), the leading one first. */
  @Column({ name: 'department_ids', type: 'uuid', array: true })
  departmentIds: string[];

  @Field(() => Int, { description: 'Inspection groups dispatched (出动检查组, 个).' })
  @Column({ name: 'groups_dispatched', type: 'int' })
  groupsDispatched: number;

  @Field(() => Int, { description: 'Officers deployed, person-times (出动人次).' })
  @Column({ name: 'officer_count', type: 'int' })
  officerCount: number;

  @Field(() => [String], { description: 'Names of the officers, where recorded (检查人员); personal data, masked for partner viewers.' })
  @Column({ type: 'varchar', length: 100, array: true, default: () => "'{}'" })
  officers: string[];

  @Field(() => String, { nullable: true, description: 'Remarks (备注).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field({ description: 'Recorded (录入时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @Field(() => Int, { description: 'Version (版本号).' })
  @Column({ type: 'int', default: 1 })
  version: number;
}

@ObjectType({ implements: Node, description: 'A task of a team’s task list (任务清单), with owner, due date, status, progress notes and evidence of completion.' })
@Entity('task')
@Index('ix_task_team_due', ['teamId', 'dueOn', 'id'])
@Index('ix_task_due', ['dueOn', 'id'])
@Check('ck_task_done', `(state = 'DONE') = (done_on IS NOT NULL)`)
export class Task {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Human code RW-<yyyymmdd>-<seq> (任务编号).' })
  @Index('uq_task_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TaskTeam)
  @JoinColumn({ name: 'team_id' })
  teamRef?: TaskTeam;

  @Index('ix_task_department')
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { nullable: true })
  @JoinColumn({ name: 'department_id' })
  departmentRef?: Department | null;

  @Field(() => String, { nullable: true, description: 'District the task is for, if any (区县).' })
  @Index('ix_task_district')
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true })
  districtCode: string | null;

  @ManyToOne(() => District, { nullable: true })
  @JoinColumn({ name: 'district_code' })
  districtRef?: District | null;

  @Field({ description: 'Title (任务名称).' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true, description: 'Description (任务内容).' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Index('ix_task_owner')
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'owner_id' })
  ownerRef?: User | null;

  @Field(() => LocalDate, { description: 'Due date (完成时限).' })
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Field(() => TaskState, { description: 'State as set (录入状态); see status for the derived OVERDUE.' })
  @Column({ type: 'enum', enum: TaskState, enumName: 'task_state', default: TaskState.NOT_STARTED })
  state: TaskState;

  @Field(() => LocalDate, { nullable: true, description: 'Day it was done (完成日期).' })
  @Column({ name: 'done_on', type: 'date', nullable: true })
  doneOn: string | null;

  @Field(() => String, { nullable: true, description: 'Evidence of completion: what was delivered, document numbers, file locations (完成佐证).' })
  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Index('ix_task_campaign')
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { nullable: true })
  @JoinColumn({ name: 'campaign_id' })
  campaignRef?: Campaign | null;

  /** Remediation items the task is about (ids), validated by the service. */
  @Column({ name: 'item_ids', type: 'uuid', array: true, default: () => "'{}'" })
  itemIds: string[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field({ description: 'Recorded (录入时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @Field(() => Int, { description: 'Optimistic-lock version; pass it as expectedVersion when changing the task (版本号).' })
  @Column({ type: 'int', default: 1 })
  version: number;
}

@ObjectType({ description: 'A dated progress note on a task (进展情况).' })
@Entity('task_note')
@Index('ix_task_note_task', ['taskId', 'createdAt'])
export class TaskNote {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  taskRef?: Task;

  @Field(() => LocalDate, { description: 'Day the progress refers to (进展日期).' })
  @Column({ name: 'noted_on', type: 'date' })
  notedOn: string;

  @Field({ description: 'What happened (进展内容).' })
  @Column({ type: 'text' })
  note: string;

  @Field(() => ID, { nullable: true, description: 'Who wrote it (填报人 id).' })
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Field({ description: 'Name of who wrote it (填报人).' })
  @Column({ name: 'author_name', type: 'varchar', length: 100 })
  authorName: string;

  @Field({ description: 'Recorded (录入时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;
}

@ObjectType({ implements: Node, description: 'A warning (警示提醒) issued to a business or to a district.' })
@Entity('warning')
@Index('ix_warning_issued', ['issuedOn', 'id'])
export class Warning {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => LocalDate, { description: 'Issued on (发出日期).' })
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Field(() => WarningKind, { description: 'Kind (类型).' })
  @Column({ type: 'enum', enum: WarningKind, enumName: 'warning_kind' })
  kind: WarningKind;

  @Index('ix_warning_business')
  @Column({ name: 'business_id', type: 'uuid', nullable: true })
  businessId: string | null;

  @ManyToOne(() => Business, { nullable: true })
  @JoinColumn({ name: 'business_id' })
  businessRef?: Business | null;

  @Field({ description: 'District warned, or the district of the business warned (区县).' })
  @Index('ix_warning_district')
  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @ManyToOne(() => District)
  @JoinColumn({ name: 'district_code' })
  districtRef?: District;

  @Field({ description: 'Content (内容).' })
  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department)
  @JoinColumn({ name: 'department_id' })
  departmentRef?: Department;

  @Index('ix_warning_campaign')
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { nullable: true })
  @JoinColumn({ name: 'campaign_id' })
  campaignRef?: Campaign | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field({ description: 'Recorded (录入时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @Field(() => Int, { description: 'Version (版本号).' })
  @Column({ type: 'int', default: 1 })
  version: number;
}
