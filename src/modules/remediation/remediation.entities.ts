import { Node } from '../../common/node';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LocalDate, Yuan } from '../../common/scalars';
import { Inspection } from '../inspection/inspection.entities';
import { InspectionMethod } from '../inspection/inspection.enums';
import { Department, District, HazardType, TaskTeam } from '../reference/reference.entities';
import { HazardLevel, SupplyChainStage } from '../reference/reference.enums';
import { Business, Site } from '../registry/registry.entities';
import { CaseClosingOutcome, PoliceTransferOutcome } from './enforcement.enums';
import { EvidenceKind, EvidencePhase, ExtensionStatus, HazardStatus, ListingLevel, NoticeType, PenaltyType, RemediationAction, RemediationEventAction, ReviewResult } from './remediation.enums';
import { Role } from '../../common/auth';

const ts = { type: 'timestamptz', precision: 3 } as const;
const money = { type: 'numeric', precision: 14, scale: 2 } as const;

// Indexes marked synchronize: false are written by hand in the migration.

@ObjectType({ implements: Node, description: 'A remediation item: one hazard (隐患) and its rectification (整改), DOMAIN.md §6.4.' })
@Entity('remediation_item')
@Index('ix_remediation_item_discovered', ['discoveredAt', 'id'])
@Index('ix_remediation_item_updated', ['updatedAt', 'id'])
@Index('ix_remediation_item_district_status', ['districtCode', 'status'])
@Check('ck_remediation_item_party', `business_id IS NOT NULL OR site_id IS NOT NULL`)
@Check('ck_remediation_item_deadline', `notice_type IS DISTINCT FROM 'LIMITED_TIME' OR deadline IS NOT NULL`)
@Check('ck_remediation_item_counters', `failed_reviews >= 0 AND extensions >= 0`)
export class RemediationItem {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Human code LS-<district>-<yyyymmdd>-<seq>, gap-free per district and day (隐患编号).' })
  @Index('uq_remediation_item_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Index('ix_remediation_item_hazard_type')
  @Column({ name: 'hazard_type_code', type: 'varchar', length: 60 })
  hazardTypeCode: string;

  @ManyToOne(() => HazardType)
  @JoinColumn({ name: 'hazard_type_code' })
  hazardTypeRef?: HazardType;

  @Field(() => HazardLevel, { description: 'Level (隐患等级).' })
  @Index('ix_remediation_item_level')
  @Column({ type: 'enum', enum: HazardLevel, enumName: 'hazard_level' })
  level: HazardLevel;

  @Field({ description: 'Judged a major fire hazard under GB 35181 (重大火灾隐患).' })
  @Column({ name: 'is_major_fire_hazard', type: 'boolean', default: false })
  isMajorFireHazard: boolean;

  @Field(() => SupplyChainStage, { description: 'Stage (环节).' })
  @Index('ix_remediation_item_stage')
  @Column({ type: 'enum', enum: SupplyChainStage, enumName: 'supply_chain_stage' })
  stage: SupplyChainStage;

  @Index('ix_remediation_item_team')
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TaskTeam)
  @JoinColumn({ name: 'team_id' })
  teamRef?: TaskTeam;

  @Index('ix_remediation_item_lead_department')
  @Column({ name: 'lead_department_id', type: 'uuid', nullable: true })
  leadDepartmentId: string | null;

  @ManyToOne(() => Department, { nullable: true })
  @JoinColumn({ name: 'lead_department_id' })
  leadDepartmentRef?: Department | null;

  @Field({ description: 'District code (区县).' })
  @Index('ix_remediation_item_district')
  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @ManyToOne(() => District)
  @JoinColumn({ name: 'district_code' })
  districtRef?: District;

  @Index('ix_remediation_item_business')
  @Column({ name: 'business_id', type: 'uuid', nullable: true })
  businessId: string | null;

  @ManyToOne(() => Business, { nullable: true })
  @JoinColumn({ name: 'business_id' })
  businessRef?: Business | null;

  @Index('ix_remediation_item_site')
  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId: string | null;

  @ManyToOne(() => Site, { nullable: true })
  @JoinColumn({ name: 'site_id' })
  siteRef?: Site | null;

  @Index('ix_remediation_item_inspection')
  @Column({ name: 'inspection_id', type: 'uuid', nullable: true })
  inspectionId: string | null;

  @ManyToOne(() => Inspection, { nullable: true })
  @JoinColumn({ name: 'inspection_id' })
  inspectionRef?: Inspection | null;

  /** The campaign the item was found in (专项行动): its inspection's campaign, or the one given when registered without an inspection. */
  @Index('ix_remediation_item_campaign')
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne('Campaign', { nullable: true })
  @JoinColumn({ name: 'campaign_id' })
  campaignRef?: object | null;

  @Field({ description: 'What was found (隐患描述).' })
  @Index('ix_remediation_item_description_trgm', { synchronize: false })
  @Column({ type: 'text' })
  description: string;

  @Field(() => String, { nullable: true, description: 'Legal basis cited (依据条款).' })
  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  @Field(() => String, { nullable: true, description: 'Address of the hazard (地址).' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'Responsible person of the party (责任人); personal data.' })
  @Column({ name: 'responsible_person', type: 'varchar', length: 100, nullable: true })
  responsiblePerson: string | null;

  @Field(() => String, { nullable: true, description: "Responsible person's phone (联系电话); personal data." })
  @Column({ name: 'responsible_contact', type: 'varchar', length: 30, nullable: true })
  responsibleContact: string | null;

  @Field({ description: 'When it was found (发现时间).' })
  @Column({ name: 'discovered_at', ...ts })
  discoveredAt: Date;

  @Field(() => LocalDate, { description: 'Asia/Shanghai date it was found (发现日期).' })
  @Index('ix_remediation_item_discovered_on')
  // Major or listed items by discovery day, for the bulletin (partial; written in the migration).
  @Index('ix_remediation_item_major', { synchronize: false })
  @Column({ name: 'discovered_on', type: 'date' })
  discoveredOn: string;

  @Field(() => [String], { description: 'Officers who found it (发现人); personal data.' })
  @Column({ name: 'discovered_by', type: 'varchar', length: 100, array: true, default: () => "'{}'" })
  discoveredBy: string[];

  @Field(() => InspectionMethod, { description: 'How it was found (发现方式).' })
  @Column({ name: 'discovery_method', type: 'enum', enum: InspectionMethod, enumName: 'inspection_method' })
  discoveryMethod: InspectionMethod;

  @Field(() => NoticeType, { nullable: true, description: 'Kind of rectification order (整改通知类型).' })
  @Column({ name: 'notice_type', type: 'enum', enum: NoticeType, enumName: 'notice_type', nullable: true })
  noticeType: NoticeType | null;

  @Field(() => String, { nullable: true, description: 'Number of the notice document (文书编号).' })
  @Column({ name: 'notice_no', type: 'varchar', length: 60, nullable: true })
  noticeNo: string | null;

  @Field(() => Date, { nullable: true, description: 'When the notice was served (送达时间).' })
  @Column({ name: 'notice_served_at', ...ts, nullable: true })
  noticeServedAt: Date | null;

  @Field(() => LocalDate, { nullable: true, description: 'Rectification deadline, an Asia/Shanghai date YYYY-MM-DD (整改期限).' })
  @Index('ix_remediation_item_deadline')
  // Partial indexes over the open items only (a few percent of all): overdue lists, counts and deadline order.
  @Index('ix_remediation_item_open_deadline', { synchronize: false })
  @Index('ix_remediation_item_open_deadline_sort', { synchronize: false })
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Field(() => String, { nullable: true, description: 'Rectification measures (整改措施).' })
  @Column({ name: 'rectification_measures', type: 'text', nullable: true })
  rectificationMeasures: string | null;

  @Field(() => String, { nullable: true, description: 'Interim safety measures until fixed (临时防范措施).' })
  @Column({ name: 'interim_measures', type: 'text', nullable: true })
  interimMeasures: string | null;

  @Field(() => Yuan, { nullable: true, description: 'Rectification funds in yuan (整改资金).' })
  @Column({ name: 'funds', ...money, nullable: true })
  funds: string | null;

  @Field(() => HazardStatus, { description: 'Workflow status (状态).' })
  @Index('ix_remediation_item_status')
  @Column({ type: 'enum', enum: HazardStatus, enumName: 'hazard_status', default: HazardStatus.REGISTERED })
  status: HazardStatus;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Six-element plan of a major hazard: objectives, measures, funds, responsible, deadline, contingency (整改方案).' })
  @Column({ type: 'jsonb', nullable: true })
  plan: Record<string, string> | null;

  @Field(() => Date, { nullable: true, description: 'When completion was reported (报告整改完成时间).' })
  @Column({ name: 'completion_reported_at', ...ts, nullable: true })
  completionReportedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who recorded the completion report; may not review or close (完成报告录入人).' })
  @Column({ name: 'completion_reported_by', type: 'uuid', nullable: true })
  completionReportedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Reviewer (复查人).' })
  @Column({ name: 'reviewer_name', type: 'varchar', length: 100, nullable: true })
  reviewerName: string | null;

  @Field(() => ID, { nullable: true, description: 'Reviewer principal id (复查人).' })
  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId: string | null;

  @Field(() => Date, { nullable: true, description: 'Reviewed (复查时间).' })
  @Column({ name: 'reviewed_at', ...ts, nullable: true })
  reviewedAt: Date | null;

  @Field(() => ReviewResult, { nullable: true, description: 'Latest review result (复查结论).' })
  @Column({ name: 'review_result', type: 'enum', enum: ReviewResult, enumName: 'review_result', nullable: true })
  reviewResult: ReviewResult | null;

  @Field(() => String, { nullable: true, description: 'Review notes (复查意见).' })
  @Column({ name: 'review_notes', type: 'text', nullable: true })
  reviewNotes: string | null;

  @Field(() => Date, { nullable: true, description: 'When rectification was confirmed: fixed on the spot or review passed (整改完成确认时间).' })
  @Column({ name: 'rectified_at', ...ts, nullable: true })
  rectifiedAt: Date | null;

  @Field(() => LocalDate, { nullable: true, description: 'Asia/Shanghai date of rectifiedAt (整改完成日期).' })
  @Index('ix_remediation_item_rectified_on')
  @Column({ name: 'rectified_on', type: 'date', nullable: true })
  rectifiedOn: string | null;

  @Field(() => Date, { nullable: true, description: 'Closed (销号时间).' })
  @Column({ name: 'closed_at', ...ts, nullable: true })
  closedAt: Date | null;

  @Field(() => LocalDate, { nullable: true, description: 'Asia/Shanghai date it was closed (销号日期).' })
  @Index('ix_remediation_item_closed_on')
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => ID, { nullable: true, description: 'Who closed it (销号人).' })
  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was written off (核销原因).' })
  @Column({ name: 'invalidation_reason', type: 'text', nullable: true })
  invalidationReason: string | null;

  @Field({ description: 'Under listed supervision (挂牌督办).' })
  @Index('ix_remediation_item_listed')
  @Column({ type: 'boolean', default: false })
  listed: boolean;

  @Field({ description: 'Transferred to another department or the police (已移交/移送).' })
  @Column({ type: 'boolean', default: false })
  transferred: boolean;

  @Field({ description: 'An enforcement case was filed (已立案).' })
  @Column({ name: 'case_filed', type: 'boolean', default: false })
  caseFiled: boolean;

  @Field({ description: 'The party was interviewed (已约谈).' })
  @Column({ type: 'boolean', default: false })
  interviewed: boolean;

  @Field({ description: 'Temporarily sealed or suspended (临时查封/停产停业).' })
  @Column({ type: 'boolean', default: false })
  sealed: boolean;

  @Field(() => Int, { description: 'Failed reviews so far (复查不合格次数).' })
  @Column({ name: 'failed_reviews', type: 'int', default: 0 })
  failedReviews: number;

  @Field(() => Int, { description: 'Approved extensions so far (延期次数).' })
  @Column({ type: 'int', default: 0 })
  extensions: number;

  @Field(() => ID, { nullable: true, description: 'Who registered it (登记人).' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field({ description: 'Registered (登记时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @Field(() => Int, { description: 'Optimistic-lock version; pass as expectedVersion (版本号).' })
  @Column({ type: 'int', default: 1 })
  version: number;
}

@ObjectType({ description: 'One step in the history of a remediation item: a transition or a comment (整改记录).' })
@Entity('remediation_event')
@Index('ix_remediation_event_item', ['itemId', 'seq'])
export class RemediationEvent {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /**
   * Order of writing. An item's writes are serialised by its row lock, so this is the order its
   * history happened in; `occurredAt` is the request's clock, which can tie (or run backwards for a
   * request that waited for the lock). Internal: not in the schema.
   */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', insert: false, update: false })
  seq: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => RemediationItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  itemRef?: RemediationItem;

  @Field(() => RemediationEventAction, { description: 'What happened: a workflow step (RemediationAction) or another change such as CREATED, EXTENSION_REQUESTED, LISTED, CASE_FILED, EVIDENCE_ADDED, UPDATED (操作).' })
  @Index('ix_remediation_event_action')
  @Column({ type: 'varchar', length: 40 })
  action: RemediationEventAction;

  @Field(() => HazardStatus, { nullable: true, description: 'Status before (原状态).' })
  @Column({ name: 'from_status', type: 'enum', enum: HazardStatus, enumName: 'hazard_status', nullable: true })
  fromStatus: HazardStatus | null;

  @Field(() => HazardStatus, { description: 'Status after (新状态).' })
  @Column({ name: 'to_status', type: 'enum', enum: HazardStatus, enumName: 'hazard_status' })
  toStatus: HazardStatus;

  @Field(() => ID, { nullable: true, description: 'Actor (操作人ID).' })
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'Actor name (操作人).' })
  @Column({ name: 'actor_name', type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  @Field(() => Role, { nullable: true, description: 'Actor role at the time (角色).' })
  @Column({ name: 'actor_role', type: 'varchar', length: 30, nullable: true })
  actorRole: Role | null;

  @Field({ description: 'When (时间).' })
  @Column({ name: 'occurred_at', ...ts })
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: 'Comment (说明).' })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Details of the step, e.g. the old and new deadline (详情).' })
  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;
}

@ObjectType({ description: 'A request to extend the rectification deadline (延期申请).' })
@Entity('extension_request')
@Index('ix_extension_request_item', ['itemId', 'requestedAt'])
export class ExtensionRequest {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => RemediationItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  itemRef?: RemediationItem;

  @Field({ description: 'Requested (申请时间).' })
  @Column({ name: 'requested_at', ...ts })
  requestedAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who recorded the request (申请录入人).' })
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Field(() => LocalDate, { description: 'Deadline when requested (原期限).' })
  @Column({ name: 'previous_deadline', type: 'date' })
  previousDeadline: string;

  @Field(() => LocalDate, { description: 'Deadline asked for (申请期限).' })
  @Column({ name: 'requested_deadline', type: 'date' })
  requestedDeadline: string;

  @Field({ description: 'Why (理由).' })
  @Column({ type: 'text' })
  reason: string;

  @Field(() => ExtensionStatus, { description: 'Pending, approved or refused (状态).' })
  @Index('ix_extension_request_status')
  @Column({ type: 'enum', enum: ExtensionStatus, enumName: 'extension_status', default: ExtensionStatus.PENDING })
  status: ExtensionStatus;

  @Field(() => Date, { nullable: true, description: 'Decided (审批时间).' })
  @Column({ name: 'decided_at', ...ts, nullable: true })
  decidedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who decided (审批人).' })
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Decision note (审批意见).' })
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;
}

@ObjectType({ description: 'Listed supervision of a major hazard (挂牌督办).' })
@Entity('listing')
export class Listing {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_listing_item', { unique: true })
  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => RemediationItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  itemRef?: RemediationItem;

  @Field({ description: 'Listing authority, e.g. 乐山市人民政府安全生产委员会 (挂牌单位).' })
  @Column({ type: 'varchar', length: 200 })
  authority: string;

  @Field({ description: 'Listing number (挂牌编号).' })
  @Index('uq_listing_number', { unique: true })
  @Column({ name: 'listing_number', type: 'varchar', length: 60 })
  listingNumber: string;

  @Field(() => LocalDate, { description: 'Listed on, YYYY-MM-DD (挂牌日期).' })
  @Column({ name: 'listed_on', type: 'date' })
  listedOn: string;

  @Field(() => String, { nullable: true, description: 'Plan document reference (整改方案文件).' })
  @Column({ name: 'plan_document', type: 'text', nullable: true })
  planDocument: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Accepted by the listing authority on, YYYY-MM-DD; cleared when a later review fails, since it accepted a rectification that did not hold (验收日期).' })
  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Acceptance note (验收意见).' })
  @Column({ name: 'acceptance_note', type: 'text', nullable: true })
  acceptanceNote: string | null;

  @Field(() => ListingLevel, { description: 'Level of the listing authority (挂牌级别).' })
  @Column({ type: 'enum', enum: ListingLevel, enumName: 'listing_level', default: ListingLevel.MUNICIPAL })
  level: ListingLevel;

  @Field(() => LocalDate, { nullable: true, description: "The authority's deadline for the rectification, YYYY-MM-DD, at most a year after listing (督办期限)." })
  @Index('ix_listing_deadline')
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Made public on, YYYY-MM-DD (公布日期).' })
  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Past the deadline: explanation, interim plan and monitoring filed on, YYYY-MM-DD (逾期说明报送日期).' })
  @Column({ name: 'explanation_filed_on', type: 'date', nullable: true })
  explanationFiledOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Supervision letter issued on, YYYY-MM-DD (督办函日期).' })
  @Column({ name: 'supervision_letter_on', type: 'date', nullable: true })
  supervisionLetterOn: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the supervision letter (督办函文号).' })
  @Column({ name: 'supervision_letter_no', type: 'varchar', length: 60, nullable: true })
  supervisionLetterNo: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Publicly criticised on, YYYY-MM-DD (通报批评日期).' })
  @Column({ name: 'public_criticism_on', type: 'date', nullable: true })
  publicCriticismOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Listing lifted on, YYYY-MM-DD: the hazard was re-graded below major by the task-force office (撤销挂牌日期).' })
  @Column({ name: 'lifted_on', type: 'date', nullable: true })
  liftedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why the listing was lifted (撤销挂牌原因).' })
  @Column({ name: 'lift_reason', type: 'text', nullable: true })
  liftReason: string | null;

  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;
}

@ObjectType({ implements: Node, description: 'An enforcement case filed over a hazard (立案查处), DOMAIN.md §7.' })
@Entity('enforcement_case')
@Check('ck_enforcement_case_amounts', `fine_amount >= 0 AND confiscated_amount >= 0`)
@Check('ck_enforcement_case_exposed', `exposed = (exposed_on IS NOT NULL)`)
@Check('ck_enforcement_case_seized', `seized_vehicles >= 0 AND seized_batteries >= 0 AND seized_parts >= 0`)
@Check('ck_enforcement_case_closing', `(closed_on IS NULL OR closed_on >= filed_on) AND (closing_outcome IS NULL OR closed_on IS NOT NULL)`)
export class EnforcementCase {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_enforcement_case_item')
  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => RemediationItem)
  @JoinColumn({ name: 'item_id' })
  itemRef?: RemediationItem;

  @Field({ description: 'Case number (案号).' })
  @Index('uq_enforcement_case_number', { unique: true })
  @Column({ name: 'case_number', type: 'varchar', length: 80 })
  caseNumber: string;

  @Field(() => LocalDate, { description: 'Filed on, YYYY-MM-DD (立案日期).' })
  @Index('ix_enforcement_case_filed_on')
  @Column({ name: 'filed_on', type: 'date' })
  filedOn: string;

  @Index('ix_enforcement_case_department')
  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department)
  @JoinColumn({ name: 'department_id' })
  departmentRef?: Department;

  @Field(() => String, { nullable: true, description: 'Legal basis (法律依据).' })
  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  @Field(() => [PenaltyType], { description: 'Penalties imposed (处罚种类).' })
  @Column({ name: 'penalty_types', type: 'enum', enum: PenaltyType, enumName: 'penalty_type', array: true, default: () => "'{}'" })
  penaltyTypes: PenaltyType[];

  @Field(() => Yuan, { description: 'Fine in yuan (罚款).' })
  @Column({ name: 'fine_amount', ...money, default: 0 })
  fineAmount: string;

  @Field(() => Yuan, { description: 'Confiscated illegal gains in yuan (没收违法所得).' })
  @Column({ name: 'confiscated_amount', ...money, default: 0 })
  confiscatedAmount: string;

  @Field(() => String, { nullable: true, description: 'Confiscated goods (没收物品).' })
  @Column({ name: 'confiscated_goods', type: 'text', nullable: true })
  confiscatedGoods: string | null;

  @Field(() => Int, { description: 'Seized or confiscated vehicles (查扣车辆, 辆).' })
  @Column({ name: 'seized_vehicles', type: 'int', default: 0 })
  seizedVehicles: number;

  @Field(() => Int, { description: 'Seized batteries (查扣电池, 块).' })
  @Column({ name: 'seized_batteries', type: 'int', default: 0 })
  seizedBatteries: number;

  @Field(() => Int, { description: 'Seized parts (查扣配件, 件).' })
  @Column({ name: 'seized_parts', type: 'int', default: 0 })
  seizedParts: number;

  @Field({ description: 'Transferred to the police as a suspected crime (移送公安).' })
  @Column({ name: 'transferred_to_police', type: 'boolean', default: false })
  transferredToPolice: boolean;

  @Field({ description: 'Selected for public exposure as a typical case (典型案例曝光).' })
  @Column({ type: 'boolean', default: false })
  exposed: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Day the case was exposed (曝光日期).' })
  @Column({ name: 'exposed_on', type: 'date', nullable: true })
  exposedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Closed on, YYYY-MM-DD (结案日期).' })
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Field({ description: 'Recorded (录入时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  // ---- decision, transfer outcome and closing (处罚决定, 移送结果, 结案) ----

  @Field(() => String, { nullable: true, description: 'Number of the penalty decision (行政处罚决定书文号).' })
  @Column({ name: 'decision_number', type: 'varchar', length: 80, nullable: true })
  decisionNumber: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Penalty decided on, YYYY-MM-DD (处罚决定日期).' })
  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Field(() => PoliceTransferOutcome, { nullable: true, description: 'What the police did with the transfer (移送公安结果); null when not transferred.' })
  @Column({ name: 'police_transfer_outcome', type: 'enum', enum: PoliceTransferOutcome, enumName: 'police_transfer_outcome', nullable: true })
  policeTransferOutcome: PoliceTransferOutcome | null;

  @Field(() => String, { nullable: true, description: 'Notes on the transfer: police case number, reply (移送情况说明).' })
  @Column({ name: 'police_transfer_note', type: 'text', nullable: true })
  policeTransferNote: string | null;

  @Field(() => CaseClosingOutcome, { nullable: true, description: 'How the case ended (结案方式); null while open, and for cases closed before outcomes were recorded.' })
  @Column({ name: 'closing_outcome', type: 'enum', enum: CaseClosingOutcome, enumName: 'case_closing_outcome', nullable: true })
  closingOutcome: CaseClosingOutcome | null;

  @Field(() => String, { nullable: true, description: 'Closing notes (结案说明).' })
  @Column({ name: 'closing_note', type: 'text', nullable: true })
  closingNote: string | null;

  @Field(() => ID, { nullable: true, description: 'Who recorded the closing (结案录入人).' })
  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back as expectedVersion (版本号).' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field({ description: 'Last changed (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;
}

@ObjectType({ description: 'Evidence metadata: photo, video or document; the file itself lives in object storage (证据).' })
@Entity('evidence')
@Index('ix_evidence_item', ['itemId', 'phase'])
export class Evidence {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => RemediationItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  itemRef?: RemediationItem;

  @Field(() => EvidenceKind, { description: 'Photo, video or document (类型).' })
  @Column({ type: 'enum', enum: EvidenceKind, enumName: 'evidence_kind' })
  kind: EvidenceKind;

  @Field(() => EvidencePhase, { description: 'Before or after rectification (整改前/后).' })
  @Column({ type: 'enum', enum: EvidencePhase, enumName: 'evidence_phase' })
  phase: EvidencePhase;

  @Field({ description: 'Storage key or URL of the file (存储位置).' })
  @Column({ type: 'varchar', length: 1000 })
  location: string;

  @Field({ description: 'SHA-256 of the file, 64 hex digits (文件哈希).' })
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Field(() => Date, { nullable: true, description: 'When it was taken (拍摄时间).' })
  @Column({ name: 'taken_at', ...ts, nullable: true })
  takenAt: Date | null;

  @Field(() => Number, { nullable: true, description: 'Latitude where taken (纬度).' })
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Field(() => Number, { nullable: true, description: 'Longitude where taken (经度).' })
  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Field(() => ID, { nullable: true, description: 'Who added it (上传人).' })
  @Column({ name: 'added_by', type: 'uuid', nullable: true })
  addedBy: string | null;

  @Field({ description: 'Added (上传时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;
}
