import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { IsEnum, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Role, Roles } from '../../common/auth';
import type { Context } from '../../common/context';
import { badInput } from '../../common/errors';
import { InspectionFilter } from '../inspection/inspection.inputs';
import { District } from '../reference/reference.entities';
import { RemediationItem } from '../remediation/remediation.entities';
import { RemediationItemFilter } from '../remediation/remediation.inputs';
import { today } from '../remediation/remediation.service';
import * as reports from './reports.service';
import {
  Bulletin,
  DistrictRanking,
  EnforcementStatisticsRow,
  InspectionStatisticsRow,
  PeriodInput,
  RemediationStatisticsRow,
  StatisticsDimension,
} from './reports.types';

/** Who reads aggregates: everyone but the partner viewer, which reads records. */
const AGGREGATE_READERS = [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER, Role.PARTNER_VIEWER, Role.REPORTER] as const;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

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
  @Field({ description: 'First day, YYYY-MM-DD (起始日期).' }) @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' }) from: string;
  @Field({ description: 'Last day, YYYY-MM-DD, included (截止日期).' }) @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' }) to: string;
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
    return buildBulletin(ctx, a.from, a.to);
  }
}

export async function buildBulletin(ctx: Context, fromDate: string, toDate: string): Promise<Bulletin> {
  if (fromDate > toDate) throw badInput('from is after to', 'from');
  const period = reports.resolvePeriod(ctx, { from: fromDate, to: toDate });
  const previous = reports.previousPeriod(period, today(ctx));
  const [cur, prev, teams, insp, enf, districts] = await Promise.all([
    reports.remediationStatistics(ctx, undefined, [StatisticsDimension.DISTRICT], period),
    reports.remediationStatistics(ctx, undefined, [StatisticsDimension.DISTRICT], previous),
    reports.remediationStatistics(ctx, undefined, [StatisticsDimension.TEAM], period),
    reports.inspectionStatistics(ctx, undefined, [], period),
    reports.enforcementStatistics(ctx, undefined, [], period),
    ctx.em.find(District, { order: { sortOrder: 'ASC' } }),
  ]);
  const totals = cur.find((r) => r.isTotal)!;
  const previousTotals = prev.find((r) => r.isTotal)!;
  const empty = (code: string, name: string): RemediationStatisticsRow =>
    Object.assign(new RemediationStatisticsRow(), {
      isTotal: false, districtCode: code, districtName: name, teamCode: null, teamName: null, stage: null, departmentCode: null, departmentName: null,
      periodStart: null, hazardTypeCode: null, hazardTypeName: null, level: null, status: null, found: 0, rectified: 0, closed: 0, open: 0, overdue: 0,
      listed: 0, invalidated: 0, closedInPeriod: 0, failedReviews: 0, rectificationRate: null, onTimeRate: null, avgDaysToClose: null,
    });
  const points = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 10000) / 100);
  const ranking = districts
    .map((d) => {
      const c = cur.find((r) => !r.isTotal && r.districtCode === d.code) ?? empty(d.code, d.name);
      const p = prev.find((r) => !r.isTotal && r.districtCode === d.code) ?? empty(d.code, d.name);
      return Object.assign(new DistrictRanking(), {
        rank: 0, districtCode: d.code, districtName: d.name, current: c, previous: p,
        rateChange: points(c.rectificationRate, p.rectificationRate), overdueChange: c.overdue - p.overdue,
      });
    })
    // Higher rectification rate first (a district with nothing found ranks after those with a rate), then fewer overdue.
    .sort((a, b) => (b.current.rectificationRate ?? -1) - (a.current.rectificationRate ?? -1) || a.current.overdue - b.current.overdue || a.districtCode.localeCompare(b.districtCode));
  ranking.forEach((r, i) => (r.rank = i + 1));

  const majorItems = await ctx.em
    .getRepository(RemediationItem)
    .createQueryBuilder('i')
    .where(`(i.level = 'MAJOR' OR i.is_major_fire_hazard OR i.listed)`)
    .andWhere('i.discovered_on <= CAST(:to AS date)', { to: period.to })
    .andWhere(`i.status <> 'INVALIDATED'`)
    .andWhere('(i.closed_on IS NULL OR i.closed_on >= CAST(:from AS date))', { from: period.from })
    .orderBy('i.discovered_on', 'ASC')
    .addOrderBy('i.id')
    .limit(200)
    .getMany();
  const overdueItems = await ctx.em
    .getRepository(RemediationItem)
    .createQueryBuilder('i')
    .where('i.deadline < CAST(:asOf AS date)', { asOf: period.asOf })
    .andWhere(`i.status <> 'INVALIDATED'`)
    .andWhere('(i.rectified_on IS NULL OR i.rectified_on > CAST(:asOf AS date))')
    .andWhere('(i.closed_on IS NULL OR i.closed_on > CAST(:asOf AS date))')
    .orderBy('i.deadline', 'ASC')
    .addOrderBy('i.id')
    .limit(200)
    .getMany();

  return Object.assign(new Bulletin(), {
    period: { from: period.from, to: period.to, days: period.days },
    previousPeriod: { from: previous.from, to: previous.to, days: previous.days },
    totals,
    previousTotals,
    foundChange: totals.found - previousTotals.found,
    rateChange: points(totals.rectificationRate, previousTotals.rectificationRate),
    districtRanking: ranking,
    teamProgress: teams.filter((r) => !r.isTotal),
    inspections: insp[0],
    enforcement: enf[0],
    majorItems,
    overdueItems,
  });
}

