import { Field, InputType, Int } from 'type-graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { EscalationAction } from './jobs.entities';

@InputType({ description: 'Changes to an escalation rule (修改督办规则); fields left out stay as they are.' })
export class UpdateEscalationRuleInput {
  @Field({ description: 'Code of the rule, e.g. OVERDUE_1D (规则代码).' }) @MaxLength(40) code: string;
  @Field(() => Int, { description: 'The version you read (版本号): a stale one is a CONFLICT.' }) @IsInt() expectedVersion: number;
  @Field(() => Int, { nullable: true, description: 'Days after the watched date from which it applies; negative is before (only for LISTING_DEADLINE) (触发天数).' })
  @IsOptional()
  @IsInt()
  @Min(-60)
  @Max(365)
  daysAfter?: number;
  @Field(() => Int, { nullable: true, description: 'Level it raises the item to, 1–9 (督办级别).' }) @IsOptional() @IsInt() @Min(1) @Max(9) level?: number;
  @Field(() => EscalationAction, { nullable: true, description: 'What it does (督办方式).' }) @IsOptional() action?: EscalationAction;
  @Field(() => Boolean, { nullable: true, description: 'Applied by the daily run (启用).' }) @IsOptional() active?: boolean;
  @Field(() => String, { nullable: true, description: 'What the rule is for (规则说明).' }) @IsOptional() @MaxLength(300) description?: string;
}
