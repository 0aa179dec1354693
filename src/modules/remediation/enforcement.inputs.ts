import { ArrayUnique, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate, Yuan } from '../../common/scalars';
import { IsLocalDate, NotBlank } from '../../common/validation';
import { CaseClosingOutcome, PoliceTransferOutcome } from './enforcement.enums';
import { PenaltyType } from './remediation.enums';

@InputType({ description: 'Changes to an open enforcement case (修改案件): penalties decided later, corrected amounts, the transfer’s outcome. Omitted fields stay as they are; null clears an optional one.' })
export class UpdateEnforcementCaseInput {
  @Field(() => ID, { description: 'Case (案件).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The case version you read; a stale one is CONFLICT (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true, description: 'Case number (案号).' }) @IsOptional() @NotBlank() @MaxLength(80) caseNumber?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Filed on, YYYY-MM-DD (立案日期).' }) @IsOptional() @IsLocalDate() filedOn?: string;
  @Field({ nullable: true, description: 'Department that filed it (立案部门).' }) @IsOptional() @MaxLength(40) departmentCode?: string;
  @Field(() => String, { nullable: true, description: 'Legal basis (法律依据).' }) @IsOptional() @MaxLength(2000) legalBasis?: string | null;
  @Field(() => [PenaltyType], { nullable: true, description: 'Penalties; replaces the list (处罚种类).' }) @IsOptional() @ArrayUnique() @IsEnum(PenaltyType, { each: true }) penaltyTypes?: PenaltyType[];
  @Field(() => Yuan, { nullable: true, description: 'Fine in yuan (罚款).' }) @IsOptional() fineAmount?: string;
  @Field(() => Yuan, { nullable: true, description: 'Confiscated illegal gains in yuan (没收违法所得).' }) @IsOptional() confiscatedAmount?: string;
  @Field(() => String, { nullable: true, description: 'Confiscated goods (没收物品).' }) @IsOptional() @MaxLength(2000) confiscatedGoods?: string | null;
  @Field(() => Int, { nullable: true, description: 'Seized vehicles (辆).' }) @IsOptional() @IsInt() @Min(0) @Max(1000000) seizedVehicles?: number;
  @Field(() => Int, { nullable: true, description: 'Seized batteries (块).' }) @IsOptional() @IsInt() @Min(0) @Max(1000000) seizedBatteries?: number;
  @Field(() => Int, { nullable: true, description: 'Seized parts (件).' }) @IsOptional() @IsInt() @Min(0) @Max(1000000) seizedParts?: number;
  @Field({ nullable: true, description: 'Transferred to the police (移送公安).' }) @IsOptional() @IsBoolean() transferredToPolice?: boolean;
  @Field(() => PoliceTransferOutcome, { nullable: true, description: 'What the police did with the transfer (移送公安结果).' }) @IsOptional() @IsEnum(PoliceTransferOutcome) policeTransferOutcome?: PoliceTransferOutcome | null;
  @Field(() => String, { nullable: true, description: 'Notes on the transfer (移送情况说明).' }) @IsOptional() @MaxLength(2000) policeTransferNote?: string | null;
  @Field(() => String, { nullable: true, description: 'Number of the penalty decision (行政处罚决定书文号).' }) @IsOptional() @MaxLength(80) decisionNumber?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Penalty decided on, YYYY-MM-DD (处罚决定日期).' }) @IsOptional() @IsLocalDate() decidedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Why, for the item’s history (修改说明).' }) @IsOptional() @MaxLength(2000) comment?: string;
}

@InputType({ description: 'Close an enforcement case (结案).' })
export class CloseEnforcementCaseInput {
  @Field(() => ID, { description: 'Case (案件).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The case version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => LocalDate, { description: 'Closed on, YYYY-MM-DD: not before filing or the decision, not in the future (结案日期).' }) @IsLocalDate() closedOn: string;
  @Field(() => CaseClosingOutcome, { description: 'How the case ended (结案方式).' }) @IsEnum(CaseClosingOutcome) outcome: CaseClosingOutcome;
  @Field(() => String, { nullable: true, description: 'Closing notes; required for OTHER (结案说明).' }) @IsOptional() @MaxLength(2000) note?: string;
}

@InputType({ description: 'Reopen a closed case to correct it (撤销结案); the closing is kept in the history.' })
export class ReopenEnforcementCaseInput {
  @Field(() => ID, { description: 'Case (案件).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The case version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field({ description: 'Why the closing is withdrawn (撤销结案理由).' }) @NotBlank() @MaxLength(2000) reason: string;
}
