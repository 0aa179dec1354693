import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsDate, IsEnum, IsOptional, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { DateRangeFilter, EnumFilter, IdFilter, StringFilter } from '../../common/filters';

import { SupplyChainStage } from '../reference/reference.enums';
import { InspectionHazardInput } from '../remediation/remediation.inputs';
import { ChecklistOutcome, InspectionMethod } from './inspection.enums';
import { OrderInput } from '../../common/sort';

export enum InspectionSortField {
  STARTED_AT = 'STARTED_AT',
  CODE = 'CODE',
}

registerEnumType(InspectionSortField, {
  name: 'InspectionSortField',
  description: 'How to sort inspections (排序字段).',
  valuesConfig: { STARTED_AT: { description: 'By start of the inspection (检查开始时间)' }, CODE: { description: 'By inspection code (检查编号)' } },
});

const InspectionOrder = OrderInput<InspectionSortField>(InspectionSortField, 'Inspection', 'inspections');

@InputType({ description: 'Result of one checklist item (检查项结果).' })
export class ChecklistResultInput {
  @Field({ description: 'Checklist item code of the inspection’s stage (检查项代码).' }) @MaxLength(60) itemCode: string;
  @Field(() => ChecklistOutcome, { description: 'Passed, failed or not applicable (结果).' }) @IsEnum(ChecklistOutcome) outcome: ChecklistOutcome;
  @Field(() => String, { nullable: true, description: 'Note (说明).' }) @IsOptional() @MaxLength(2000) note?: string;
}

@InputType({ description: 'Record an inspection, and the hazards it found, in one step: all or nothing (录入检查).' })
export class CreateInspectionInput {
  @Field(() => InspectionMethod, { description: 'How it was done (检查方式).' }) @IsEnum(InspectionMethod) method: InspectionMethod;
  @Field({ description: 'Task team, e.g. SALES (工作组).' }) @MaxLength(40) teamCode: string;
  @Field(() => [String], { defaultValue: [], description: 'Participating department codes (参检部门).' })
  @ArrayUnique()
  @ArrayMaxSize(20)
  departmentCodes: string[];
  @Field(() => [String], { description: 'Inspecting officers; at least two for joint enforcement (检查人员).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @MaxLength(100, { each: true })
  inspectors: string[];
  @Field(() => ID, { nullable: true, description: 'Target business; give this or targetSiteId (被检查主体).' }) @IsOptional() @IsUUID('all') targetBusinessId?: string;
  @Field(() => ID, { nullable: true, description: 'Target site (被检查场所).' }) @IsOptional() @IsUUID('all') targetSiteId?: string;
  @Field(() => SupplyChainStage, { nullable: true, description: "Stage inspected; default the target's first stage (检查环节)." }) @IsOptional() @IsEnum(SupplyChainStage) stage?: SupplyChainStage;
  @Field({ description: 'Started (开始时间).' }) @IsDate() startedAt: Date;
  @Field(() => Date, { nullable: true, description: 'Ended (结束时间).' }) @IsOptional() @IsDate() endedAt?: Date;
  @Field(() => String, { nullable: true, description: 'Conclusion (检查结论).' }) @IsOptional() @MaxLength(4000) conclusion?: string;
  @Field(() => [ChecklistResultInput], { defaultValue: [], description: 'Checklist results (检查项结果).' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  checklistResults: ChecklistResultInput[];
  @Field(() => [InspectionHazardInput], { defaultValue: [], description: 'Hazards found: each becomes a remediation item (发现隐患).' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  remediationItems: InspectionHazardInput[];
  @Field(() => ID, { nullable: true, description: 'Campaign the inspection is part of; default the joint operation’s (所属专项行动).' }) @IsOptional() @IsUUID('all') campaignId?: string;
  @Field(() => ID, { nullable: true, description: 'Joint operation that produced it, held on the inspection’s day (所属联合检查).' }) @IsOptional() @IsUUID('all') jointOperationId?: string;
  @Field(() => String, { nullable: true, description: 'Retry key: a repeated create with the same key returns the first result (幂等键).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{8,100}$/, { message: 'idempotencyKey must be 8-100 letters, digits, ".", "_", ":" or "-"' })
  idempotencyKey?: string;
}

const MethodFilter = EnumFilter(InspectionMethod, 'InspectionMethod', 'Method (方式)');
const StageFilter = EnumFilter(SupplyChainStage, 'SupplyChainStage', 'Supply-chain stage (环节)');

@InputType({ description: 'Which inspections (检查筛选).' })
export class InspectionFilter {
  @Field(() => StringFilter, { nullable: true, description: 'District code (区县).' }) @IsOptional() @ValidateNested() district?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Team code (工作组).' }) @IsOptional() @ValidateNested() team?: StringFilter;
  @Field(() => MethodFilter, { nullable: true, description: 'Method (方式).' }) @IsOptional() @ValidateNested() method?: InstanceType<typeof MethodFilter>;
  @Field(() => StageFilter, { nullable: true, description: 'Stage (环节).' }) @IsOptional() @ValidateNested() stage?: InstanceType<typeof StageFilter>;
  @Field(() => IdFilter, { nullable: true, description: 'Target business (被检查主体).' }) @IsOptional() @ValidateNested() businessId?: IdFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Target site (被检查场所).' }) @IsOptional() @ValidateNested() siteId?: IdFilter;
  @Field(() => DateRangeFilter, { nullable: true, description: 'Started, Asia/Shanghai dates (检查日期).' }) @IsOptional() @ValidateNested() startedOn?: DateRangeFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Code (编号).' }) @IsOptional() @ValidateNested() code?: StringFilter;
}

@ArgsType()
export class InspectionsArgs extends PageArgs {
  @Field(() => InspectionFilter, { nullable: true, description: 'Which inspections (筛选).' }) @IsOptional() @ValidateNested() filter?: InspectionFilter;
  @Field(() => InspectionOrder, { nullable: true, description: 'Order, default newest start first (排序).' }) @IsOptional() @ValidateNested() orderBy?: InstanceType<typeof InspectionOrder>;
}

