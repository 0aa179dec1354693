import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { BooleanFilter, DateRangeFilter, EnumFilter, IdFilter, IntFilter, StringFilter } from '../../common/filters';
import { LocalDate, Yuan } from '../../common/scalars';
import { SortDirection } from '../../common/sort';
import { NotBlank, IsLocalDate } from '../../common/validation';
import { InspectionMethod } from '../inspection/inspection.enums';
import { HazardLevel, SupplyChainStage } from '../reference/reference.enums';
import { BusinessType } from '../registry/registry.enums';
import { CaseClosingOutcome } from './enforcement.enums';
import { EvidenceKind, EvidencePhase, HazardStatus, ListingLevel, NoticeType, PenaltyType, RemediationAction, RemediationSortField } from './remediation.enums';


/** Fields of a hazard found, shared by createRemediationItem and createInspection's items. */
@InputType('HazardFieldsBase')
export abstract class HazardFields {
  @Field({ description: 'Hazard type code from the catalogue, e.g. PARK_FLY_LINE (隐患类型).' })
  @MaxLength(60)
  hazardTypeCode: string;

  @Field(() => HazardLevel, { nullable: true, description: "Level; default the type's default level (隐患等级)." })
  @IsOptional()
  @IsEnum(HazardLevel)
  level?: HazardLevel;

  @Field({ nullable: true, description: 'Judged a major fire hazard under GB 35181 (重大火灾隐患).' })
  @IsOptional()
  @IsBoolean()
  isMajorFireHazard?: boolean;

  @Field(() => SupplyChainStage, { nullable: true, description: "Stage; default the type's primary stage; must be one of the type's stages (环节)." })
  @IsOptional()
  @IsEnum(SupplyChainStage)
  stage?: SupplyChainStage;

  @Field({ description: 'What was found (隐患描述).' })
  @NotBlank()
  @MaxLength(4000)
  description: string;

  @Field(() => String, { nullable: true, description: "Legal basis; default the type's (依据条款)." })
  @IsOptional()
  @MaxLength(2000)
  legalBasis?: string;

  @Field(() => String, { nullable: true, description: 'Address; default the business or site address (地址).' })
  @IsOptional()
  @MaxLength(300)
  address?: string;

  @Field(() => String, { nullable: true, description: 'Responsible person of the party (责任人).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  responsiblePerson?: string;

  @Field(() => String, { nullable: true, description: 'Their phone (联系电话).' })
  @IsOptional()
  @MaxLength(30)
  responsibleContact?: string;

  @Field(() => String, { nullable: true, description: 'Interim safety measures until fixed (临时防范措施).' })
  @IsOptional()
  @MaxLength(4000)
  interimMeasures?: string;
}

@InputType({ description: 'A hazard found by an inspection, created with it (检查发现的隐患).' })
export class InspectionHazardInput extends HazardFields {
  @Field(() => String, { nullable: true, description: 'The failed checklist item that raised it (对应检查项).' })
  @IsOptional()
  @MaxLength(60)
  checklistItemCode?: string;
}

@InputType({ description: 'Register a remediation item found outside a recorded inspection, e.g. a public report (登记隐患).' })
export class CreateRemediationItemInput extends HazardFields {
  @Field(() => ID, { nullable: true, description: 'Party: the business (责任主体).' })
  @IsOptional()
  @IsUUID('all')
  businessId?: string;

  @Field(() => ID, { nullable: true, description: 'Place: the site (场所).' })
  @IsOptional()
  @IsUUID('all')
  siteId?: string;

  @Field(() => ID, { nullable: true, description: 'Inspection that found it (所属检查).' })
  @IsOptional()
  @IsUUID('all')
  inspectionId?: string;

  @Field(() => ID, { nullable: true, description: "Campaign it was found in; its period must cover the day found; with an inspection, the inspection's campaign (所属专项行动)." })
  @IsOptional()
  @IsUUID('all')
  campaignId?: string;

  @Field({ description: 'Task team responsible, e.g. SALES (负责工作组).' })
  @MaxLength(40)
  teamCode: string;

  @Field(() => String, { nullable: true, description: "Lead department code; default the team's lead (牵头部门)." })
  @IsOptional()
  @MaxLength(40)
  leadDepartmentCode?: string;

  @Field(() => String, { nullable: true, description: 'District; default that of the business or site (区县).' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode must be a 6-digit GB/T 2260 code' })
  districtCode?: string;

  @Field(() => InspectionMethod, { description: 'How it was found (发现方式).' })
  @IsEnum(InspectionMethod)
  discoveryMethod: InspectionMethod;

  @Field(() => Date, { nullable: true, description: 'When it was found; default now (发现时间).' })
  @IsOptional()
  @IsDate()
  discoveredAt?: Date;

  @Field(() => [String], { nullable: true, description: 'Officers who found it (发现人).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(100, { each: true })
  discoveredBy?: string[];

  @Field(() => String, { nullable: true, description: 'Retry key: a repeated create with the same key returns the first result (幂等键).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{8,100}$/, { message: 'idempotencyKey must be 8-100 letters, digits, ".", "_", ":" or "-"' })
  idempotencyKey?: string;
}

@InputType({ description: 'The six elements of a major hazard’s rectification plan (整改方案六要素), all required.' })
export class PlanInput {
  @Field({ description: 'Objectives and tasks (目标任务).' }) @NotBlank() @MaxLength(4000) objectives: string;
  @Field({ description: 'Methods and measures (方法措施).' }) @NotBlank() @MaxLength(4000) measures: string;
  @Field({ description: 'Funds and materials (经费物资).' }) @NotBlank() @MaxLength(4000) funds: string;
  @Field({ description: 'Responsible bodies and persons (机构和责任人).' }) @NotBlank() @MaxLength(4000) responsible: string;
  @Field({ description: 'Time limits (时限要求).' }) @NotBlank() @MaxLength(4000) timeline: string;
  @Field({ description: 'Safety measures and contingency plan (安全措施和应急预案).' }) @NotBlank() @MaxLength(4000) contingency: string;
}

@InputType({ description: 'An interview of the party (约谈).' })
export class InterviewInput {
  @Field({ description: 'Who was interviewed: company, owner, manager (约谈对象).' }) @NotBlank() @MaxLength(200) party: string;
  @Field(() => LocalDate, { description: 'Date, YYYY-MM-DD (约谈日期).' }) @IsLocalDate() date: string;
  @Field(() => String, { nullable: true, description: 'Department that held it (约谈部门).' }) @IsOptional() @MaxLength(40) departmentCode?: string;
}

@InputType({ description: 'A transfer to another department or the police (移交/移送).' })
export class TransferInput {
  @Field(() => String, { nullable: true, description: 'Receiving department code (接收部门).' }) @IsOptional() @MaxLength(40) toDepartmentCode?: string;
  @Field({ defaultValue: false, description: 'A suspected crime passed to the police (移送公安).' }) @IsBoolean() toPolice: boolean;
}

@InputType({ description: 'Move a remediation item through its workflow (整改流程操作). Fields beyond id, expectedVersion and action are used by the actions that need them.' })
export class TransitionInput {
  @Field(() => ID, { description: 'Item (隐患).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => RemediationAction, { description: 'What to do (操作).' }) @IsEnum(RemediationAction) action: RemediationAction;
  @Field(() => String, { nullable: true, description: 'Comment; required for COMMENT, INVALIDATE (reason) and FAIL_REVIEW (review notes) (说明).' })
  @IsOptional()
  @MaxLength(4000)
  comment?: string;

  @Field(() => NoticeType, { nullable: true, description: 'SERVE_NOTICE: kind of order (整改通知类型).' }) @IsOptional() @IsEnum(NoticeType) noticeType?: NoticeType;
  @Field(() => String, { nullable: true, description: 'SERVE_NOTICE: document number (文书编号).' }) @IsOptional() @MaxLength(60) noticeNo?: string;
  @Field(() => Date, { nullable: true, description: 'SERVE_NOTICE: when the notice was served; default now. May be in the past when the paper notice is entered late, never in the future nor before discovery (送达时间).' })
  @IsOptional()
  @IsDate()
  noticeServedAt?: Date;
  @Field(() => LocalDate, { nullable: true, description: 'SERVE_NOTICE (limited time, required) or FAIL_REVIEW (re-notice): deadline YYYY-MM-DD, not before the notice was served or the review held; may already have passed when entered late (整改期限).' })
  @IsOptional()
  @IsLocalDate()
  deadline?: string;
  @Field(() => String, { nullable: true, description: 'SERVE_NOTICE: rectification measures (整改措施).' }) @IsOptional() @MaxLength(4000) rectificationMeasures?: string;
  @Field(() => Yuan, { nullable: true, description: 'SERVE_NOTICE / SUBMIT_PLAN: rectification funds in yuan (整改资金).' }) @IsOptional() funds?: string;
  @Field(() => PlanInput, { nullable: true, description: 'SUBMIT_PLAN: the six-element plan (整改方案).' }) @IsOptional() @ValidateNested() plan?: PlanInput;
  @Field(() => InterviewInput, { nullable: true, description: 'RECORD_INTERVIEW: the interview (约谈).' }) @IsOptional() @ValidateNested() interview?: InterviewInput;
  @Field(() => TransferInput, { nullable: true, description: 'TRANSFER: where to (移交).' }) @IsOptional() @ValidateNested() transfer?: TransferInput;
  @Field(() => String, { nullable: true, description: "PASS_REVIEW / FAIL_REVIEW / CLOSE: reviewer name; default the current user's display name (复查人)." }) @IsOptional() @MaxLength(100) reviewerName?: string;
  @Field(() => Date, { nullable: true, description: 'PASS_REVIEW / FAIL_REVIEW: when the review was held; default now. May be in the past when entered late, never in the future nor before the notice was served (复查时间).' })
  @IsOptional()
  @IsDate()
  reviewedAt?: Date;
  @Field(() => LocalDate, { nullable: true, description: 'ACCEPT_LISTING and the listed-supervision steps (PUBLISH_LISTING, FILE_OVERDUE_EXPLANATION, ISSUE_SUPERVISION_LETTER, PUBLIC_CRITICISM): the date it happened, YYYY-MM-DD; default today, never in the future nor before the listing (发生日期).' })
  @IsOptional()
  @IsLocalDate()
  effectiveOn?: string;
  @Field(() => String, { nullable: true, description: 'ISSUE_SUPERVISION_LETTER: number of the letter, required (督办函文号).' }) @IsOptional() @MaxLength(60) documentNo?: string;
}

@InputType({ description: 'Ask for a later rectification deadline (延期申请).' })
export class RequestExtensionInput {
  @Field(() => ID, { description: 'Item (隐患).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => LocalDate, { description: 'Deadline asked for, YYYY-MM-DD, after the current one (申请期限).' }) @IsLocalDate() requestedDeadline: string;
  @Field(() => LocalDate, { nullable: true, description: 'When the party applied, YYYY-MM-DD; default today. An application after the current deadline is refused: the item is overdue (申请日期).' })
  @IsOptional()
  @IsLocalDate()
  requestedOn?: string;
  @Field({ description: 'Why (理由).' }) @NotBlank() @MaxLength(4000) reason: string;
}

@InputType({ description: 'Approve or refuse an extension request (延期审批).' })
export class DecideExtensionInput {
  @Field(() => ID, { description: 'Extension request (延期申请).' }) @IsUUID('all') requestId: string;
  @Field(() => Int, { description: "The item's version you read (版本号)." }) @IsInt() @Min(1) expectedVersion: number;
  @Field({ description: 'true approves and moves the deadline; false refuses (是否批准).' }) @IsBoolean() approve: boolean;
  @Field(() => String, { nullable: true, description: 'Decision note (审批意见).' }) @IsOptional() @MaxLength(4000) note?: string;
}

@InputType({ description: 'Put a major hazard under listed supervision (挂牌督办).' })
export class ListRemediationItemInput {
  @Field(() => ID, { description: 'Item (隐患).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field({ description: 'Listing authority (挂牌单位).' }) @NotBlank() @MaxLength(200) authority: string;
  @Field({ description: 'Listing number (挂牌编号).' }) @NotBlank() @MaxLength(60) listingNumber: string;
  @Field(() => LocalDate, { nullable: true, description: 'Listed on, YYYY-MM-DD; default today (挂牌日期).' }) @IsOptional() @IsLocalDate() listedOn?: string;
  @Field(() => String, { nullable: true, description: 'Plan document reference (整改方案文件).' }) @IsOptional() @MaxLength(1000) planDocument?: string;
  @Field(() => ListingLevel, { defaultValue: ListingLevel.MUNICIPAL, description: 'Level of the listing authority (挂牌级别).' }) @IsEnum(ListingLevel) level: ListingLevel;
  @Field(() => LocalDate, { nullable: true, description: "The authority's deadline, YYYY-MM-DD, not before the listing and at most a year after it; default the item's rectification deadline (督办期限)." })
  @IsOptional()
  @IsLocalDate()
  deadline?: string;
}

@InputType({
  description:
    'Correct or re-grade a hazard after registration (隐患信息更正/重新定级). Only the fields given change; every change is an UPDATED event with before and after, and an audit row.',
})
export class UpdateRemediationItemInput {
  @Field(() => ID, { description: 'Item (隐患).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field({ description: 'Why, e.g. the expert review that judged it major (变更理由).' }) @NotBlank() @MaxLength(4000) reason: string;
  @Field(() => String, { nullable: true, description: "Hazard type; must occur in the item's stage. Until the review passes (隐患类型)." }) @IsOptional() @MaxLength(60) hazardTypeCode?: string;
  @Field(() => HazardLevel, { nullable: true, description: 'Level. Until the review passes; lowering a listed item below major is for the task-force office and lifts the listing (隐患等级).' })
  @IsOptional()
  @IsEnum(HazardLevel)
  level?: HazardLevel;
  @Field({ nullable: true, description: 'Major fire hazard under GB 35181; same rules as level (重大火灾隐患).' }) @IsOptional() @IsBoolean() isMajorFireHazard?: boolean;
  @Field(() => String, { nullable: true, description: 'What was found; while the item is open (隐患描述).' }) @IsOptional() @NotBlank() @MaxLength(4000) description?: string;
  @Field(() => String, { nullable: true, description: 'Legal basis; while the item is open (依据条款).' }) @IsOptional() @NotBlank() @MaxLength(2000) legalBasis?: string;
  @Field(() => String, { nullable: true, description: 'Responsible person of the party; while the item is open (责任人).' }) @IsOptional() @NotBlank() @MaxLength(100) responsiblePerson?: string;
  @Field(() => String, { nullable: true, description: 'Their phone; while the item is open (联系电话).' }) @IsOptional() @NotBlank() @MaxLength(30) responsibleContact?: string;
  @Field(() => String, { nullable: true, description: 'Interim safety measures; until the review passes (临时防范措施).' }) @IsOptional() @NotBlank() @MaxLength(4000) interimMeasures?: string;
  @Field(() => String, { nullable: true, description: 'Rectification measures; once a notice is served, until the review passes (整改措施).' }) @IsOptional() @NotBlank() @MaxLength(4000) rectificationMeasures?: string;
}

@InputType({ description: 'File an enforcement case over an item (立案).' })
export class FileEnforcementCaseInput {
  @Field(() => ID, { description: 'Item (隐患).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field({ description: 'Case number (案号).' }) @NotBlank() @MaxLength(80) caseNumber: string;
  @Field(() => LocalDate, { description: 'Filed on, YYYY-MM-DD (立案日期).' }) @IsLocalDate() filedOn: string;
  @Field({ description: 'Department that filed it (立案部门).' }) @MaxLength(40) departmentCode: string;
  @Field(() => String, { nullable: true, description: 'Legal basis (法律依据).' }) @IsOptional() @MaxLength(2000) legalBasis?: string;
  @Field(() => [PenaltyType], { defaultValue: [], description: 'Penalties (处罚种类).' }) @ArrayUnique() @IsEnum(PenaltyType, { each: true }) penaltyTypes: PenaltyType[];
  @Field(() => Yuan, { defaultValue: '0', description: 'Fine in yuan (罚款).' }) fineAmount: string;
  @Field(() => Yuan, { defaultValue: '0', description: 'Confiscated illegal gains in yuan (没收违法所得).' }) confiscatedAmount: string;
  @Field(() => String, { nullable: true, description: 'Confiscated goods (没收物品).' }) @IsOptional() @MaxLength(2000) confiscatedGoods?: string;
  @Field(() => Int, { defaultValue: 0, description: 'Seized vehicles (辆).' }) @IsInt() @Min(0) @Max(1000000) seizedVehicles: number;
  @Field(() => Int, { defaultValue: 0, description: 'Seized batteries (块).' }) @IsInt() @Min(0) @Max(1000000) seizedBatteries: number;
  @Field(() => Int, { defaultValue: 0, description: 'Seized parts (件).' }) @IsInt() @Min(0) @Max(1000000) seizedParts: number;
  @Field({ defaultValue: false, description: 'Transferred to the police (移送公安).' }) @IsBoolean() transferredToPolice: boolean;
  @Field(() => LocalDate, { nullable: true, description: 'Closed on, YYYY-MM-DD (结案日期); a case closed when recorded needs closingOutcome. Cases are usually closed later with closeEnforcementCase.' }) @IsOptional() @IsLocalDate() closedOn?: string;
  @Field(() => CaseClosingOutcome, { nullable: true, description: 'How the case ended, with closedOn (结案方式).' }) @IsOptional() @IsEnum(CaseClosingOutcome) closingOutcome?: CaseClosingOutcome;
  @Field(() => String, { nullable: true, description: 'Closing notes (结案说明).' }) @IsOptional() @MaxLength(2000) closingNote?: string;
}

@InputType({ description: 'Evidence metadata; upload the file to storage first (添加证据).' })
export class AddEvidenceInput {
  @Field(() => ID, { description: 'Item (隐患).' }) @IsUUID('all') id: string;
  @Field(() => EvidenceKind, { description: 'Photo, video or document (类型).' }) @IsEnum(EvidenceKind) kind: EvidenceKind;
  @Field(() => EvidencePhase, { description: 'Before or after rectification (整改前/后).' }) @IsEnum(EvidencePhase) phase: EvidencePhase;
  @Field({ description: 'Storage key or URL (存储位置).' }) @NotBlank() @MaxLength(1000) location: string;
  @Field({ description: 'SHA-256 of the file, 64 hex digits (文件哈希).' }) @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be 64 hexadecimal digits' }) sha256: string;
  @Field(() => Date, { nullable: true, description: 'When it was taken (拍摄时间).' }) @IsOptional() @IsDate() takenAt?: Date;
  @Field(() => Float, { nullable: true, description: 'Latitude (纬度).' }) @IsOptional() @Min(-90) @Max(90) latitude?: number;
  @Field(() => Float, { nullable: true, description: 'Longitude (经度).' }) @IsOptional() @Min(-180) @Max(180) longitude?: number;
}

const StageFilter = EnumFilter(SupplyChainStage, 'SupplyChainStage', 'Supply-chain stage (环节)');
const LevelFilter = EnumFilter(HazardLevel, 'HazardLevel', 'Hazard level (隐患等级)');
const StatusFilter = EnumFilter(HazardStatus, 'HazardStatus', 'Status (状态)');
const BusinessTypeFilter = EnumFilter(BusinessType, 'BusinessType', 'Business type (主体类型)');
const MethodFilter = EnumFilter(InspectionMethod, 'InspectionMethod', 'Method (方式)');

@InputType({ description: 'Which remediation items (隐患筛选). All set conditions must hold.' })
export class RemediationItemFilter {
  @Field(() => StageFilter, { nullable: true, description: 'Stage (环节).' }) @IsOptional() @ValidateNested() stage?: InstanceType<typeof StageFilter>;
  @Field(() => StringFilter, { nullable: true, description: 'Team code (工作组).' }) @IsOptional() @ValidateNested() team?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'District code (区县).' }) @IsOptional() @ValidateNested() district?: StringFilter;
  @Field(() => BusinessTypeFilter, { nullable: true, description: "The business's types (主体类型)." }) @IsOptional() @ValidateNested() businessType?: InstanceType<typeof BusinessTypeFilter>;
  @Field(() => IdFilter, { nullable: true, description: 'Business (主体).' }) @IsOptional() @ValidateNested() businessId?: IdFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Site (场所).' }) @IsOptional() @ValidateNested() siteId?: IdFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Items at any business linked to this product model: its maker and every supplier or buyer of it (产品型号).' }) @IsOptional() @ValidateNested() productModelId?: IdFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Inspection (检查).' }) @IsOptional() @ValidateNested() inspectionId?: IdFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Hazard type code (隐患类型).' }) @IsOptional() @ValidateNested() hazardType?: StringFilter;
  @Field(() => LevelFilter, { nullable: true, description: 'Level (等级).' }) @IsOptional() @ValidateNested() level?: InstanceType<typeof LevelFilter>;
  @Field(() => StatusFilter, { nullable: true, description: 'Status (状态).' }) @IsOptional() @ValidateNested() status?: InstanceType<typeof StatusFilter>;
  @Field(() => MethodFilter, { nullable: true, description: 'How it was found (发现方式).' }) @IsOptional() @ValidateNested() discoveryMethod?: InstanceType<typeof MethodFilter>;
  @Field(() => BooleanFilter, { nullable: true, description: 'Overdue today, Asia/Shanghai (逾期).' }) @IsOptional() @ValidateNested() overdue?: BooleanFilter;
  @Field(() => BooleanFilter, { nullable: true, description: 'Under listed supervision (挂牌督办).' }) @IsOptional() @ValidateNested() listed?: BooleanFilter;
  @Field(() => IntFilter, { nullable: true, description: 'Highest escalation level reached by the daily escalation run, 0 when never escalated (督办级别), e.g. { gte: 1 } for every escalated item.' })
  @IsOptional()
  @ValidateNested()
  escalationLevel?: IntFilter;
  @Field(() => BooleanFilter, { nullable: true, description: "Listed and past the listing authority's deadline while still being rectified, today Asia/Shanghai (挂牌督办逾期)." })
  @IsOptional()
  @ValidateNested()
  listingOverdue?: BooleanFilter;
  @Field(() => BooleanFilter, { nullable: true, description: 'Major: level MAJOR or a major fire hazard (重大隐患).' }) @IsOptional() @ValidateNested() major?: BooleanFilter;
  @Field(() => DateRangeFilter, { nullable: true, description: 'Discovered, Asia/Shanghai dates (发现日期).' }) @IsOptional() @ValidateNested() discoveredOn?: DateRangeFilter;
  @Field(() => DateRangeFilter, { nullable: true, description: 'Deadline (整改期限).' }) @IsOptional() @ValidateNested() deadline?: DateRangeFilter;
  @Field(() => String, { nullable: true, description: 'Text in the code, description, address or business name (关键词).' }) @IsOptional() @MaxLength(200) text?: string;
}

@InputType({ description: 'Sort order of remediation items (排序).' })
export class RemediationItemOrder {
  @Field(() => RemediationSortField, { description: 'Sort key (排序字段).' }) @IsEnum(RemediationSortField) field: RemediationSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'Direction (方向).' }) @IsEnum(SortDirection) direction: SortDirection;
}

@ArgsType()
export class RemediationItemsArgs extends PageArgs {
  @Field(() => RemediationItemFilter, { nullable: true, description: 'Which items (筛选).' }) @IsOptional() @ValidateNested() filter?: RemediationItemFilter;
  @Field(() => RemediationItemOrder, { nullable: true, description: 'Order; default newest discovered first (排序).' }) @IsOptional() @ValidateNested() orderBy?: RemediationItemOrder;
}

/** Items under a business, site or product model: page plus the same filter. */
@ArgsType()
export class NestedRemediationItemsArgs extends PageArgs {
  @Field(() => RemediationItemFilter, { nullable: true, description: 'Which items (筛选).' }) @IsOptional() @ValidateNested() filter?: RemediationItemFilter;
}
