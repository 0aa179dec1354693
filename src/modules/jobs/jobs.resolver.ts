import { Args, ArgsType, Ctx, Field, InputType, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { shanghaiDate } from '../../common/time';
import { ALL_ROLES, Role, Roles } from '../../common/auth';
import type { Context } from '../../common/context';
import { UserErrorCode, fail } from '../../common/errors';
import { InputArg, Mutation, MutationPayload } from '../../common/mutation';
import { LocalDate } from '../../common/scalars';
import { SupplyChainStage } from '../reference/reference.enums';
import { IsLocalDate } from '../../common/validation';
import { updateRule, listRules } from './escalation.service';
import { EscalationRule, JobRun } from './jobs.entities';
import { UpdateEscalationRuleInput } from './jobs.inputs';
import { SnapshotGroup, readSnapshots } from './snapshot.service';

registerEnumType(SnapshotGroup, {
  name: 'SnapshotGroup',
  description: 'What stored daily figures are grouped by (快照分组).',
  valuesConfig: { DISTRICT: { description: 'District (区县)' }, TEAM: { description: 'Task team (工作组)' }, STAGE: { description: 'Stage (环节)' } },
});

@ObjectType({ description: 'Stored daily figures (每日统计快照), summed over what is not grouped by; null fields are not grouped by.' })
export class DailySnapshotRow {
  @Field(() => LocalDate, { description: 'Day (日期).' }) day: string;
  @Field(() => String, { nullable: true, description: 'District code (区县代码).' }) districtCode: string | null;
  @Field(() => String, { nullable: true, description: 'Team code (工作组代码).' }) teamCode: string | null;
  @Field(() => SupplyChainStage, { nullable: true, description: 'Stage (环节).' }) stage: SupplyChainStage | null;
  @Field(() => Int, { description: 'Hazards found so far, false reports excluded (累计发现).' }) foundTotal: number;
  @Field(() => Int, { description: 'Of those, closed so far (累计销号).' }) closedTotal: number;
  @Field(() => Int, { description: 'Found on the day (当日发现).' }) foundOnDay: number;
  @Field(() => Int, { description: 'Closed on the day (当日销号).' }) closedOnDay: number;
  @Field(() => Int, { description: 'Open (未销号).' }) open: number;
  @Field(() => Int, { description: 'Overdue backlog (逾期存量).' }) overdue: number;
  @Field(() => Int, { description: 'Open and listed (挂牌督办).' }) listed: number;
  @Field(() => Int, { description: 'Open and escalated at least once (已督办).' }) escalated: number;
  @Field(() => Int, { description: 'Supervision letters issued on the day (当日督办函).' }) lettersOnDay: number;
}

@ArgsType()
class SnapshotArgs {
  @Field(() => LocalDate, { description: 'First day (起始日期).' }) @IsLocalDate() from: string;
  @Field(() => LocalDate, { description: 'Last day, included (截止日期).' }) @IsLocalDate() to: string;
  @Field(() => [SnapshotGroup], { defaultValue: [], description: 'Group by these; none gives one row per day (分组).' })
  @IsEnum(SnapshotGroup, { each: true })
  groupBy: SnapshotGroup[];
}

@ArgsType()
class JobRunsArgs {
  @Field(() => LocalDate, { description: 'First day (起始日期).' }) @IsLocalDate() from: string;
  @Field(() => LocalDate, { description: 'Last day, included (截止日期).' }) @IsLocalDate() to: string;
}

@InputType({ description: 'How to run the daily jobs now (立即执行每日任务).' })
export class RunDailyJobsInput {
  @Field(() => LocalDate, { nullable: true, description: 'The Asia/Shanghai day to run; only today, since the jobs read today’s state (default today) (业务日期).' })
  @IsOptional()
  @IsLocalDate()
  day?: string;

  @Field({ defaultValue: false, description: 'Skip the jobs already done today, as the schedule does; by default they run again (nothing is escalated or stored twice) (跳过已完成任务).' })
  skipDone: boolean;
}

@ObjectType({ description: 'Result of runDailyJobs (立即执行每日任务).' })
export class RunDailyJobsPayload extends MutationPayload {
  @Field(() => LocalDate, { nullable: true, description: 'The Asia/Shanghai day run (业务日期).' }) day?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether this call ran the jobs: false when another instance was running them (本次是否执行).' }) ran?: boolean | null;
  @Field(() => [JobRun], { nullable: true, description: 'The day’s job runs after the call (运行记录).' }) runs?: JobRun[] | null;
}

@ObjectType({ description: 'Result of updateEscalationRule (修改督办规则).' })
export class UpdateEscalationRulePayload extends MutationPayload {
  @Field(() => EscalationRule, { nullable: true, description: 'The rule after the change; null when userErrors is not empty.' }) escalationRule?: EscalationRule | null;
}

@Resolver()
export class JobsResolver {
  @Roles(...ALL_ROLES)
  @Query(() => [EscalationRule], { description: 'The escalation rules (督办规则) the daily run applies.' })
  escalationRules(@Ctx() ctx: Context): Promise<EscalationRule[]> {
    return listRules(ctx);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => UpdateEscalationRulePayload, { description: 'Change an escalation rule (修改督办规则); versioned and audited, applied from the next daily run.' })
  async updateEscalationRule(@Ctx() ctx: Context, @InputArg() input: UpdateEscalationRuleInput): Promise<UpdateEscalationRulePayload> {
    return { escalationRule: await updateRule(ctx, input), userErrors: [] };
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [JobRun], { description: 'Runs of the daily jobs per day (每日任务运行记录).' })
  async jobRuns(@Ctx() ctx: Context, @Args() a: JobRunsArgs): Promise<JobRun[]> {
    return ctx.em.getRepository(JobRun).createQueryBuilder('r').where('r.day BETWEEN CAST(:f AS date) AND CAST(:t AS date)', { f: a.from, t: a.to }).orderBy('r.day', 'DESC').addOrderBy('r.job').limit(1000).getMany();
  }

  @Roles(Role.ADMIN)
  @Mutation(() => RunDailyJobsPayload, {
    description: "Run today's daily jobs now (立即执行每日任务): escalation, then the snapshot of yesterday. A job already done is run again; nothing is escalated or stored twice.",
    ownTransactions: true,
  })
  async runDailyJobs(@Ctx() ctx: Context, @InputArg() input: RunDailyJobsInput): Promise<RunDailyJobsPayload> {
    if (!ctx.dailyJobs) fail(UserErrorCode.VALIDATION, 'input', '本实例不执行每日任务', 'This instance has no daily jobs');
    const today = shanghaiDate(ctx.now());
    if (input.day && input.day !== today) fail(UserErrorCode.VALIDATION, 'input.day', `只能执行今天（${today}）的每日任务：任务读取的是当前数据`, `Only today's jobs (${today}) can be run: they read the current state`);
    const r = await ctx.dailyJobs.run(input.skipDone ? 'SCHEDULE' : 'MANUAL');
    return { day: r.day, ran: r.ran, runs: r.runs, userErrors: [] };
  }

  @Roles(...ALL_ROLES)
  @Query(() => [DailySnapshotRow], { description: 'Stored daily figures per day, district, team and stage (每日统计快照): trends and the figures as a past bulletin printed them.' })
  dailySnapshots(@Ctx() ctx: Context, @Args() a: SnapshotArgs) {
    return readSnapshots(ctx, a.from, a.to, a.groupBy);
  }
}
