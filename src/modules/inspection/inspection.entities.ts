import { Node } from '../../common/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ChecklistItem, District, TaskTeam } from '../reference/reference.entities';
import { SupplyChainStage } from '../reference/reference.enums';
import { Business, Site } from '../registry/registry.entities';
import { ChecklistOutcome, InspectionMethod } from './inspection.enums';

const ts = { type: 'timestamptz', precision: 3 } as const;

@ObjectType({ implements: Node, description: 'An inspection (检查) of a business or a site by a task team.' })
@Entity('inspection')
@Index('ix_inspection_started', ['startedAt', 'id'])
@Check('ck_inspection_target', `(target_business_id IS NULL) <> (target_site_id IS NULL)`)
@Check('ck_inspection_times', `ended_at IS NULL OR ended_at >= started_at`)
export class Inspection {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Human code JC-<district>-<yyyymmdd>-<seq> (检查编号).' })
  @Index('uq_inspection_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field(() => InspectionMethod, { description: 'How it was done (检查方式).' })
  @Index('ix_inspection_method')
  @Column({ type: 'enum', enum: InspectionMethod, enumName: 'inspection_method' })
  method: InspectionMethod;

  @Index('ix_inspection_team')
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TaskTeam)
  @JoinColumn({ name: 'team_id' })
  teamRef?: TaskTeam;

  /** Participating departments (ids); validated by the service. */
  @Column({ name: 'department_ids', type: 'uuid', array: true, default: () => "'{}'" })
  departmentIds: string[];

  @Field(() => [String], { description: 'Inspecting officers (检查人员); personal data, masked for partner viewers.' })
  @Column({ type: 'varchar', length: 100, array: true, default: () => "'{}'" })
  inspectors: string[];

  @Index('ix_inspection_business')
  @Column({ name: 'target_business_id', type: 'uuid', nullable: true })
  targetBusinessId: string | null;

  @ManyToOne(() => Business, { nullable: true })
  @JoinColumn({ name: 'target_business_id' })
  targetBusinessRef?: Business | null;

  @Index('ix_inspection_site')
  @Column({ name: 'target_site_id', type: 'uuid', nullable: true })
  targetSiteId: string | null;

  @ManyToOne(() => Site, { nullable: true })
  @JoinColumn({ name: 'target_site_id' })
  targetSiteRef?: Site | null;

  @Field({ description: 'District code (区县).' })
  @Index('ix_inspection_district')
  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @ManyToOne(() => District)
  @JoinColumn({ name: 'district_code' })
  districtRef?: District;

  @Field(() => SupplyChainStage, { description: 'Stage inspected; the checklist is of this stage (检查环节).' })
  @Index('ix_inspection_stage')
  @Column({ type: 'enum', enum: SupplyChainStage, enumName: 'supply_chain_stage' })
  stage: SupplyChainStage;

  /** The campaign the inspection was part of (专项行动), if any; its items carry the same campaign. */
  @Index('ix_inspection_campaign')
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne('Campaign', { nullable: true })
  @JoinColumn({ name: 'campaign_id' })
  campaignRef?: object | null;

  /** The joint operation (联合检查) that produced the inspection, if any. */
  @Index('ix_inspection_joint_operation')
  @Column({ name: 'joint_operation_id', type: 'uuid', nullable: true })
  jointOperationId: string | null;

  @ManyToOne('JointOperation', { nullable: true })
  @JoinColumn({ name: 'joint_operation_id' })
  jointOperationRef?: object | null;

  @Field({ description: 'Started (开始时间).' })
  @Column({ name: 'started_at', ...ts })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'Ended (结束时间).' })
  @Column({ name: 'ended_at', ...ts, nullable: true })
  endedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Conclusion (检查结论).' })
  @Column({ type: 'text', nullable: true })
  conclusion: string | null;

  @Field(() => ID, { nullable: true, description: 'Who recorded it (录入人).' })
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


@ObjectType({ description: 'Result of one checklist item in an inspection (检查项结果).' })
@Entity('inspection_checklist_result')
export class InspectionChecklistResult {
  @PrimaryColumn({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => Inspection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspectionRef?: Inspection;

  @Field({ description: 'Checklist item code (检查项代码).' })
  @Index('ix_inspection_checklist_result_item')
  @PrimaryColumn({ name: 'item_code', type: 'varchar', length: 60 })
  itemCode: string;

  @ManyToOne(() => ChecklistItem)
  @JoinColumn({ name: 'item_code' })
  itemRef?: ChecklistItem;

  @Field(() => ChecklistOutcome, { description: 'Passed, failed or not applicable (结果).' })
  @Column({ type: 'enum', enum: ChecklistOutcome, enumName: 'checklist_outcome' })
  outcome: ChecklistOutcome;

  @Field(() => String, { nullable: true, description: 'Note (说明).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;
}
