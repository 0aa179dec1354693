import { Node } from '../../common/node';
import { LocalDate } from '../../common/scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DepartmentLevel, DistrictKind, HazardLevel, SupplyChainStage } from './reference.enums';

const ts = { type: 'timestamptz', precision: 3 } as const;

@ObjectType({ description: 'County-level division of Leshan (区县), GB/T 2260.' })
@Entity('district')
export class District {
  @Field({ description: 'GB/T 2260 code, e.g. 511102 (行政区划代码).' })
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code: string;

  @Field({ description: 'Chinese name, e.g. 市中区 (名称); same as nameZh.', deprecationReason: 'Renamed nameZh under the bilingual naming rule (nameZh/nameEn); removal in 2.0.0.' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field({ description: 'Pinyin with tone marks (拼音).' })
  @Column({ type: 'varchar', length: 100 })
  pinyin: string;

  @Field(() => DistrictKind, { description: 'District, county, autonomous county or county-level city (类型).' })
  @Column({ type: 'enum', enum: DistrictKind, enumName: 'district_kind' })
  kind: DistrictKind;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;
}

@ObjectType({ implements: Node, description: 'Government department or member unit of the task force (部门/成员单位).' })
@Entity('department')
export class Department {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable code, e.g. FIRE, MARKET (部门代码).' })
  @Index('uq_department_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field({ description: 'Full Chinese name, e.g. 市消防救援支队 (名称); same as nameZh.', deprecationReason: 'Renamed nameZh under the bilingual naming rule (nameZh/nameEn); removal in 2.0.0.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Short Chinese name, e.g. 市场监管局 (简称).' })
  @Column({ name: 'short_name', type: 'varchar', length: 50, nullable: true })
  shortName: string | null;

  @Field({ description: 'English name (英文名称).' })
  @Column({ name: 'name_en', type: 'varchar', length: 150 })
  nameEn: string;

  @Field(() => DepartmentLevel, { description: 'City or county level (层级).' })
  @Column({ type: 'enum', enum: DepartmentLevel, enumName: 'department_level' })
  level: DepartmentLevel;

  @Field(() => String, { nullable: true, description: 'District of a county-level department (所属区县代码).' })
  @Index('ix_department_district')
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true })
  districtCode: string | null;

  @ManyToOne(() => District, { nullable: true })
  @JoinColumn({ name: 'district_code' })
  district?: District | null;

  @Field({ description: 'Hosts the task-force office and coordinates the teams (专班办公室/牵头单位).' })
  @Column({ name: 'is_task_force_office', type: 'boolean', default: false })
  isTaskForceOffice: boolean;

  @Field({ description: 'A public security organ (公安机关): only these may impose administrative detention (行政拘留), DOMAIN.md §7.' })
  @Column({ name: 'is_public_security', type: 'boolean', default: false })
  isPublicSecurity: boolean;

  @Field(() => Int, { description: 'Working days after the deadline (or the party’s application) within which this department reviews a rectification (复查期限，工作日); 3 by MPS Order No. 120, DOMAIN.md §6.2.' })
  @Column({ name: 'review_window_working_days', type: 'int', default: 3 })
  reviewWindowWorkingDays: number;

  @Field(() => String, { nullable: true, description: 'Remarks, e.g. what is not confirmed (备注).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;
}

@ObjectType({ implements: Node, description: 'Task team of the task force (专项工作组); data, renameable by coordinators.' })
@Entity('task_team')
export class TaskTeam {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable code, e.g. PRODUCTION (工作组代码).' })
  @Index('uq_task_team_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field({ description: 'Chinese name, e.g. 生产制造组 (名称).' })
  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh: string;

  @Field({ description: 'English name (英文名称).' })
  @Column({ name: 'name_en', type: 'varchar', length: 150 })
  nameEn: string;

  @Index('ix_task_team_lead_department')
  @Column({ name: 'lead_department_id', type: 'uuid' })
  leadDepartmentId: string;

  @ManyToOne(() => Department)
  @JoinColumn({ name: 'lead_department_id' })
  leadDepartment?: Department;

  @Field(() => String, { nullable: true, description: 'Remarks (备注).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field(() => Int, { description: 'Optimistic-lock version (版本号); pass it as expectedVersion when updating.' })
  @Column({ type: 'int', default: 1 })
  version: number;
}

export enum TeamDepartmentRole {
  CO_LEAD = 'CO_LEAD',
  MEMBER = 'MEMBER',
}

/** Co-lead and member departments of a team (the lead is TaskTeam.leadDepartmentId). */
@Entity('task_team_department')
export class TaskTeamDepartment {
  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @Index('ix_task_team_department_department')
  @PrimaryColumn({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @Column({ type: 'enum', enum: TeamDepartmentRole, enumName: 'team_department_role' })
  role: TeamDepartmentRole;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;

  @ManyToOne(() => TaskTeam, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: TaskTeam;

  @ManyToOne(() => Department)
  @JoinColumn({ name: 'department_id' })
  department?: Department;
}

/** Supply-chain stages a team covers. */
@Entity('task_team_stage')
export class TaskTeamStage {
  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @Index('ix_task_team_stage_stage')
  @PrimaryColumn({ type: 'enum', enum: SupplyChainStage, enumName: 'supply_chain_stage' })
  stage: SupplyChainStage;

  @ManyToOne(() => TaskTeam, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: TaskTeam;
}

@ObjectType({ description: 'Entry of the hazard-type catalogue (隐患类型).' })
@Entity('hazard_type')
export class HazardType {
  @Field({ description: 'Stable code with the stage prefix, e.g. PARK_FLY_LINE (隐患类型代码).' })
  @PrimaryColumn({ type: 'varchar', length: 60 })
  code: string;

  @Field(() => SupplyChainStage, { description: 'Primary stage, from the code prefix (主要环节).' })
  @Index('ix_hazard_type_primary_stage')
  @Column({ name: 'primary_stage', type: 'enum', enum: SupplyChainStage, enumName: 'supply_chain_stage' })
  primaryStage: SupplyChainStage;

  @Field(() => [SupplyChainStage], { description: 'Every stage where it occurs (涉及环节).' })
  @Index('ix_hazard_type_stages', { synchronize: false })
  @Column({ type: 'enum', enum: SupplyChainStage, enumName: 'supply_chain_stage', array: true })
  stages: SupplyChainStage[];

  @Field({ description: 'Chinese label, e.g. 飞线充电(私拉电线插座) (名称).' })
  @Column({ name: 'name_zh', type: 'varchar', length: 200 })
  nameZh: string;

  @Field({ description: 'English label (英文名称).' })
  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Typical legal basis and consequence (常见法律依据).' })
  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  @Field(() => HazardLevel, { description: 'Default level; MAJOR is always a judgement per item (默认隐患等级).' })
  @Column({ name: 'default_level', type: 'enum', enum: HazardLevel, enumName: 'hazard_level' })
  defaultLevel: HazardLevel;

  @Field({ description: 'Offered for new items; retired types stay for history (是否启用).' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;
}

@ObjectType({ description: 'Inspection checklist item of a stage (检查要点).' })
@Entity('checklist_item')
export class ChecklistItem {
  @Field({ description: 'Stable code, e.g. PARK_NO_FLY_LINE (检查项代码).' })
  @PrimaryColumn({ type: 'varchar', length: 60 })
  code: string;

  @Field(() => SupplyChainStage, { description: 'Stage it belongs to (环节).' })
  @Index('ix_checklist_item_stage')
  @Column({ type: 'enum', enum: SupplyChainStage, enumName: 'supply_chain_stage' })
  stage: SupplyChainStage;

  @Field(() => String, { nullable: true, description: 'Sub-group within the stage, e.g. OFFLINE / ONLINE sales (分组).' })
  @Column({ name: 'item_group', type: 'varchar', length: 40, nullable: true })
  group: string | null;

  @Field({ description: 'Chinese label (检查内容).' })
  @Column({ name: 'name_zh', type: 'varchar', length: 300 })
  nameZh: string;

  @Field({ description: 'English label (英文).' })
  @Column({ name: 'name_en', type: 'varchar', length: 300 })
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Code of the hazard type a failure usually raises (对应隐患类型).' })
  @Index('ix_checklist_item_hazard_type')
  @Column({ name: 'hazard_type_code', type: 'varchar', length: 60, nullable: true })
  hazardTypeCode: string | null;

  @ManyToOne(() => HazardType, { nullable: true })
  @JoinColumn({ name: 'hazard_type_code' })
  hazardType?: HazardType | null;

  @Field({ description: 'In use for new inspections (是否启用).' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;
}

@ObjectType({ description: 'A regulatory milestone (法规/标准节点), DOMAIN.md §9: a date from which a rule applies. Seeded, editable by administrators and coordinators; the reference loader never overwrites an edit.' })
@Entity('regulatory_milestone')
export class RegulatoryMilestone {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable code, e.g. GB17761_2018_SALES_END (节点代码). The sale rules look milestones up by code.' })
  @Index('uq_regulatory_milestone_code', { unique: true })
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date from which it applies, YYYY-MM-DD; null when not confirmed — a rule with no date is not applied (生效日期).' })
  @Column({ name: 'effective_on', type: 'date', nullable: true })
  effectiveOn: string | null;

  @Field({ description: 'What happens, in Chinese (事项).' })
  @Column({ name: 'title_zh', type: 'text' })
  titleZh: string;

  @Field({ description: 'What happens, in English (事项, 英文).' })
  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @Field(() => String, { nullable: true, description: 'Remarks: source, what is not confirmed, why a date was chosen (备注).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field(() => Int, { description: 'Optimistic-lock version (版本号); pass it as expectedVersion when updating.' })
  @Column({ type: 'int', default: 1 })
  version: number;
}
