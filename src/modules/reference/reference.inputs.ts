import { LocalDate } from '../../common/scalars';
import { ArrayMaxSize, ArrayUnique, IsInt, IsOptional, IsUUID, MaxLength, Min, IsEnum } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SupplyChainStage } from './reference.enums';
import { IsLocalDate, NotBlank } from '../../common/validation';

@InputType({ description: 'Changes to a task team (修改专项工作组). Omitted fields stay as they are; lists replace the whole list.' })
export class UpdateTaskTeamInput {
  @Field(() => ID, { description: 'Team to change.' })
  @IsUUID('all')
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT (版本号).' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: 'Chinese name (名称).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  nameZh?: string;

  @Field({ nullable: true, description: 'English name (英文名称).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(150)
  nameEn?: string;

  @Field({ nullable: true, description: 'Code of the lead department (牵头部门).' })
  @IsOptional()
  @MaxLength(40)
  leadDepartmentCode?: string;

  @Field(() => [String], { nullable: true, description: 'Codes of co-lead departments (共同牵头部门).' })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(30)
  coLeadDepartmentCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'Codes of member departments (成员单位).' })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(60)
  memberDepartmentCodes?: string[];

  @Field(() => [SupplyChainStage], { nullable: true, description: 'Supply-chain stages covered (负责环节).' })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(SupplyChainStage, { each: true })
  stages?: SupplyChainStage[];

  @Field(() => String, { nullable: true, description: 'Remarks (备注).' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: 'Correct a regulatory milestone (修改法规节点), e.g. a date confirmed later. Omitted fields stay; null clears.' })
export class UpdateRegulatoryMilestoneInput {
  @Field(() => ID, { description: 'Milestone to change.' })
  @IsUUID('all')
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT (版本号).' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => LocalDate, { nullable: true, description: 'Date from which it applies, YYYY-MM-DD; null: not confirmed, its rule is not applied (生效日期).' })
  @IsOptional()
  @IsLocalDate()
  effectiveOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Remarks, e.g. the source of a corrected date (备注).' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}
