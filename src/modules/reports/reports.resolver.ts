import { LocalDate } from '../../common/scalars';
import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { Roles } from '../../common/auth';
import { AGGREGATE_READERS } from './reports.roles';
import type { Context } from '../../common/context';
import { InspectionFilter } from '../inspection/inspection.inputs';
import { RemediationItemFilter } from '../remediation/remediation.inputs';
import * as reports from './reports.service';
import {
  Bulletin,
  EnforcementStatisticsRow,
  InspectionStatisticsRow,
  PeriodInput,
  RemediationStatisticsRow,
  StatisticsDimension,
} from './reports.types';
import { IsLocalDate } from '../../common/validation';


@ArgsType()
class RemediationStatisticsArgs {
  @Field(() => RemediationItemFilter, { nullable: true, description: 'Which items (筛选), as for remediationItems.' }) @IsOptional() @ValidateNested() filter?: RemediationItemFilter;
  @Field(() => [StatisticsDimension], { defaultValue: [], description: 'Group by these; a total row is always included (分组维度).' })
  @IsEnum(StatisticsDimension, { each: true })
  groupBy: StatisticsDimension[];
  @Field(() => PeriodInput, { description: 'Period, Asia/Shanghai days, both ends included (统计期间).' }) @ValidateNested() period: PeriodInput;
}

@ArgsType()
class InspectionStatisticsArgs {
  @Field(() => InspectionFilter, { nullable: true, description: 'Which inspections (筛选).' }) @IsOptional() @ValidateNested() filter?: InspectionFilter;
  @Field(() => [StatisticsDimension], { defaultValue: [], description: 'Group by DISTRICT, TEAM, STAGE, METHOD or a time bucket (分组维度).' })
  @IsEnum(StatisticsDimension, { each: true })
  groupBy: StatisticsDimension[];
  @Field(() => PeriodInput, { description: 'Period (统计期间).' }) @ValidateNested() period: PeriodInput;
}

@ArgsType()
class EnforcementStatisticsArgs {
  @Field(() => RemediationItemFilter, { nullable: true, description: 'Which items the cases belong to (筛选).' }) @IsOptional() @ValidateNested() filter?: RemediationItemFilter;
  @Field(() => [StatisticsDimension], { defaultValue: [], description: 'Group by DISTRICT, TEAM, STAGE, DEPARTMENT or a time bucket (分组维度).' })
  @IsEnum(StatisticsDimension, { each: true })
  groupBy: StatisticsDimension[];
  @Field(() => PeriodInput, { description: 'Period (统计期间).' }) @ValidateNested() period: PeriodInput;
}

@ArgsType()
class BulletinArgs {
  @Field(() => LocalDate, { description: 'First day, YYYY-MM-DD (起始日期).' }) @IsLocalDate() from: string;
  @Field(() => LocalDate, { description: 'Last day, YYYY-MM-DD, included (截止日期).' }) @IsLocalDate() to: string;
}

@Resolver()
export class ReportsResolver {
  @Roles(...AGGREGATE_READERS)
  @Query(() => [RemediationStatisticsRow], { description: 'Hazard and rectification figures per group, computed in one SQL statement (隐患整改统计).' })
  remediationStatistics(@Ctx() ctx: Context, @Args() a: RemediationStatisticsArgs) {
    return reports.remediationStatistics(ctx, a.filter, a.groupBy, reports.resolvePeriod(ctx, a.period));
  }

  @Roles(...AGGREGATE_READERS)
  @Query(() => [InspectionStatisticsRow], { description: 'Inspections, units inspected and hazards per inspection, per group (检查统计).' })
  inspectionStatistics(@Ctx() ctx: Context, @Args() a: InspectionStatisticsArgs) {
    return reports.inspectionStatistics(ctx, a.filter, a.groupBy, reports.resolvePeriod(ctx, a.period));
  }

  @Roles(...AGGREGATE_READERS)
  @Query(() => [EnforcementStatisticsRow], { description: 'Cases filed and closed, fines and confiscations (罚没), seizures, per group (执法统计).' })
  enforcementStatistics(@Ctx() ctx: Context, @Args() a: EnforcementStatisticsArgs) {
    return reports.enforcementStatistics(ctx, a.filter, a.groupBy, reports.resolvePeriod(ctx, a.period));
  }

  @Roles(...AGGREGATE_READERS)
  @Query(() => Bulletin, { description: 'The standard bulletin of a period: district ranking, team progress, major and overdue items, change against the previous period (通报).' })
  async bulletin(@Ctx() ctx: Context, @Args() a: BulletinArgs): Promise<Bulletin> {
    return reports.buildBulletin(ctx, a.from, a.to);
  }
}
