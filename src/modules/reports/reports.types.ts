import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate, Yuan } from '../../common/scalars';
import { InspectionMethod } from '../inspection/inspection.enums';
import { HazardLevel, SupplyChainStage } from '../reference/reference.enums';
import { HazardStatus } from '../remediation/remediation.enums';
import { IsLocalDate } from '../../common/validation';


export enum StatisticsDimension {
  DISTRICT = 'DISTRICT',
  TEAM = 'TEAM',
  STAGE = 'STAGE',
  HAZARD_TYPE = 'HAZARD_TYPE',
  LEVEL = 'LEVEL',
  STATUS = 'STATUS',
  DEPARTMENT = 'DEPARTMENT',
  METHOD = 'METHOD',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

registerEnumType(StatisticsDimension, {
  name: 'StatisticsDimension',
  description: 'What statistics rows are grouped by (统计维度). Time buckets are Asia/Shanghai calendar days, ISO weeks (Monday) and months.',
  valuesConfig: {
    DISTRICT: { description: 'District (区县)' },
    TEAM: { description: 'Task team (工作组)' },
    STAGE: { description: 'Supply-chain stage (环节)' },
    HAZARD_TYPE: { description: 'Hazard type (隐患类型)' },
    LEVEL: { description: 'Hazard level (隐患等级)' },
    STATUS: { description: 'Current workflow status (当前状态)' },
    DEPARTMENT: { description: 'Lead department; for enforcement, the filing department (牵头/立案部门)' },
    METHOD: { description: 'Inspection or discovery method (检查/发现方式)' },
    DAY: { description: 'Day (按日)' },
    WEEK: { description: 'ISO week starting Monday (按周)' },
    MONTH: { description: 'Month (按月)' },
  },
});

@InputType({ description: 'A period of Asia/Shanghai calendar days, both ends included (统计期间，北京时间).' })
export class PeriodInput {
  @Field(() => LocalDate, { description: 'First day, YYYY-MM-DD (起始日期).' }) @IsLocalDate() from: string;
  @Field(() => LocalDate, { description: 'Last day, YYYY-MM-DD, included (截止日期).' }) @IsLocalDate() to: string;
}

@ObjectType({ description: 'Deployment from joint operations held in a period (出动情况): 出动检查组 and 出动人次.' })
export class Deployment {
  @Field(() => Int, { description: 'Joint operations held (联合检查次数).' }) jointOperations: number;
  @Field(() => Int, { description: 'Inspection groups dispatched (出动检查组, 个).' }) groupsDispatched: number;
  @Field(() => Int, { description: 'Officers deployed (出动人次).' }) officerVisits: number;
}

@ObjectType({ description: 'A period (期间).' })
export class Period {
  @Field(() => LocalDate, { description: 'First day (起始日期).' }) from: string;
  @Field(() => LocalDate, { description: 'Last day, included (截止日期).' }) to: string;
  @Field(() => Int, { description: 'Number of days (天数).' }) days: number;
}

/** The group a row belongs to; fields not grouped by are null. */
@ObjectType('StatisticsGroupKeyBase')
export abstract class GroupKey {
  @Field({ description: 'The total over all groups (合计行).' }) isTotal: boolean;
  @Field(() => String, { nullable: true, description: 'District code (区县代码).' }) districtCode: string | null;
  @Field(() => String, { nullable: true, description: 'District name (区县).' }) districtName: string | null;
  @Field(() => String, { nullable: true, description: 'Team code (工作组代码).' }) teamCode: string | null;
  @Field(() => String, { nullable: true, description: 'Team name (工作组).' }) teamName: string | null;
  @Field(() => SupplyChainStage, { nullable: true, description: 'Stage (环节).' }) stage: SupplyChainStage | null;
  @Field(() => String, { nullable: true, description: 'Department code (部门代码).' }) departmentCode: string | null;
  @Field(() => String, { nullable: true, description: 'Department name (部门).' }) departmentName: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'First day of the DAY/WEEK/MONTH bucket, YYYY-MM-DD (统计周期起始日).' }) periodStart: string | null;
}

@ObjectType({ description: 'One row of remediation statistics (隐患整改统计). Definitions: README "Report definitions".' })
export class RemediationStatisticsRow extends GroupKey {
  @Field(() => String, { nullable: true, description: 'Hazard type code (隐患类型代码).' }) hazardTypeCode: string | null;
  @Field(() => String, { nullable: true, description: 'Hazard type name (隐患类型).' }) hazardTypeName: string | null;
  @Field(() => HazardLevel, { nullable: true, description: 'Level (隐患等级).' }) level: HazardLevel | null;
  @Field(() => HazardStatus, { nullable: true, description: 'Current status (当前状态).' }) status: HazardStatus | null;
  @Field(() => Int, { description: 'Hazards found in the period, false reports excluded (发现隐患, 处).' }) found: number;
  @Field(() => Int, { description: 'Of those, rectified by the end of the period (已整改).' }) rectified: number;
  @Field(() => Int, { description: 'Of those, closed by the end of the period (已销号).' }) closed: number;
  @Field(() => Int, { description: 'Of those, not closed by the end of the period (未销号).' }) open: number;
  @Field(() => Int, { description: 'Same as newOverdue (逾期, 本期新增逾期); kept for existing clients.', deprecationReason: 'Two overdue figures now have distinct names: use newOverdue (of the items found in the period) or overdueBacklog (every item overdue at the end of the period); removal in 2.0.0.' }) overdue: number;
  @Field(() => Int, { description: 'New overdue (本期新增逾期, 处): of the items found in the period, those past their deadline and neither rectified nor closed on the as-of day (the end of the period, or today if earlier).' }) newOverdue: number;
  @Field(() => Int, { description: 'Overdue backlog (逾期存量, 处): every item past its deadline and neither rectified nor closed on the as-of day, whenever it was found; false reports excluded. Grouped by DAY/WEEK/MONTH: as of each bucket’s last day; the total row: as of the as-of day.' }) overdueBacklog: number;
  @Field(() => Int, { description: 'Of those, under listed supervision (挂牌督办).' }) listed: number;
  @Field(() => Int, { description: 'Of those, escalated at least once by the daily run, as of now (已督办).' }) escalated: number;
  @Field(() => Int, { description: 'Found in the period and written off as false reports (误报核销).' }) invalidated: number;
  @Field(() => Int, { description: 'Closed in the period, whenever found: the office’s throughput (本期销号).' }) closedInPeriod: number;
  @Field(() => Int, { description: 'Failed reviews of the items found (复查不合格次数).' }) failedReviews: number;
  @Field(() => Float, { nullable: true, description: 'closed ÷ found; null when nothing was found (整改率).' }) rectificationRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Closed on or before the deadline ÷ closed; null when none closed (按期整改率).' }) onTimeRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Average calendar days from discovery to closing of the closed (平均销号天数).' }) avgDaysToClose: number | null;
}

@ObjectType({ description: 'One row of inspection statistics (检查统计).' })
export class InspectionStatisticsRow extends GroupKey {
  @Field(() => InspectionMethod, { nullable: true, description: 'Method (检查方式).' }) method: InspectionMethod | null;
  @Field(() => Int, { description: 'Inspections started in the period (检查次数).' }) inspections: number;
  @Field(() => Int, { description: 'Distinct businesses inspected (检查单位, 家).' }) businessesInspected: number;
  @Field(() => Int, { description: 'Distinct sites inspected (检查场所, 处).' }) sitesInspected: number;
  @Field(() => Int, { description: 'Officer visits: inspectors summed over inspections (出动人次).' }) officerVisits: number;
  @Field(() => Int, { description: 'Hazards raised by these inspections, false reports excluded (发现隐患, 处).' }) hazardsFound: number;
  @Field(() => Int, { description: 'Items raised by these inspections and written off as false reports (误报核销, 处).' }) hazardsInvalidated: number;
  @Field(() => Float, { nullable: true, description: 'hazardsFound ÷ inspections (每次检查发现隐患).' }) hazardsPerInspection: number | null;
}

@ObjectType({ description: 'One row of enforcement statistics (执法统计).' })
export class EnforcementStatisticsRow extends GroupKey {
  @Field(() => Int, { description: 'Cases filed in the period (立案, 起).' }) casesFiled: number;
  @Field(() => Int, { description: 'Cases closed in the period (结案, 起).' }) casesClosed: number;
  @Field(() => Yuan, { description: 'Fines of the cases filed (罚款, 元).' }) fines: string;
  @Field(() => Yuan, { description: 'Confiscated illegal gains of the cases filed (没收违法所得, 元).' }) confiscations: string;
  @Field(() => Yuan, { description: 'Fines plus confiscations (罚没合计, 元).' }) finesAndConfiscations: string;
  @Field(() => Int, { description: 'Seized vehicles (查扣车辆, 辆).' }) seizedVehicles: number;
  @Field(() => Int, { description: 'Seized batteries (查扣电池, 块).' }) seizedBatteries: number;
  @Field(() => Int, { description: 'Seized parts (查扣配件, 件).' }) seizedParts: number;
  @Field(() => Int, { description: 'Cases transferred to the police (移送公安).' }) transferredToPolice: number;
}

@ObjectType({ description: 'A district in the bulletin ranking (区县排名).' })
export class DistrictRanking {
  @Field(() => Int, { description: 'Rank (排名): rectification rate high to low (districts that found nothing last), then smaller overdue backlog (逾期存量), then fewer new overdue, then code.' }) rank: number;
  @Field({ description: 'District code (区县代码).' }) districtCode: string;
  @Field({ description: 'District (区县).' }) districtName: string;
  @Field(() => RemediationStatisticsRow, { description: 'This period (本期).' }) current: RemediationStatisticsRow;
  @Field(() => RemediationStatisticsRow, { description: 'The previous period of the same length (上期).' }) previous: RemediationStatisticsRow;
  @Field(() => Float, { nullable: true, description: 'Change of the rectification rate in percentage points (整改率变化, 百分点).' }) rateChange: number | null;
  @Field(() => Int, { description: 'Change of new overdue against the previous period (本期新增逾期变化).' }) overdueChange: number;
  @Field(() => Int, { description: 'Change of the overdue backlog since the end of the previous period (逾期存量变化).' }) overdueBacklogChange: number;
}

/**
 * What a bulletin prints for one item (通报隐患条目): codes, names, dates and flags. Not the record:
 * a REPORTER reads bulletins, and nothing here leads to the business, its people or the workflow.
 */
@ObjectType({ description: 'One item as the bulletin lists it (通报隐患条目): codes, names, dates; not the record itself.' })
export class BulletinItem {
  @Field({ description: 'Human code, e.g. LS-511102-20250314-0007 (隐患编号).' }) code: string;
  @Field({ description: 'Hazard type code (隐患类型代码).' }) hazardTypeCode: string;
  @Field(() => String, { nullable: true, description: 'Hazard type (隐患类型).' }) hazardTypeName: string | null;
  @Field(() => HazardLevel, { description: 'Level (隐患等级).' }) level: HazardLevel;
  @Field({ description: 'Judged a major fire hazard (重大火灾隐患).' }) isMajorFireHazard: boolean;
  @Field(() => SupplyChainStage, { description: 'Stage (环节).' }) stage: SupplyChainStage;
  @Field({ description: 'District code (区县代码).' }) districtCode: string;
  @Field(() => String, { nullable: true, description: 'District (区县).' }) districtName: string | null;
  @Field(() => String, { nullable: true, description: 'Responsible task team (负责工作组).' }) teamName: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the responsible business (责任主体名称).' }) businessName: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the site (场所名称).' }) siteName: string | null;
  @Field(() => HazardStatus, { description: 'Workflow status (状态).' }) status: HazardStatus;
  @Field(() => LocalDate, { description: 'Asia/Shanghai date it was found (发现日期).' }) discoveredOn: string;
  @Field(() => LocalDate, { nullable: true, description: 'Rectification deadline (整改期限).' }) deadline: string | null;
  @Field({ description: 'Under listed supervision (挂牌督办).' }) listed: boolean;
  @Field(() => Int, { description: 'Days past the deadline by today’s Asia/Shanghai date; 0 when not overdue (逾期天数).' }) overdueDays: number;
}

@ObjectType({ description: 'Figures of a bulletin read from the stored daily snapshots (快照数据): as they were stored at the end of each day, unchanged by later edits of the items.' })
export class BulletinStoredFigures {
  @Field(() => LocalDate, { description: 'The day the stock figures are of: the period’s last day (截至日期).' }) asOf: string;
  @Field(() => Int, { description: 'Days of the period with a stored snapshot; fewer than the period’s days means the sums below miss days (有快照天数).' }) daysStored: number;
  @Field(() => Int, { description: 'Hazards found up to that day (累计发现).' }) foundTotal: number;
  @Field(() => Int, { description: 'Closed up to that day (累计销号).' }) closedTotal: number;
  @Field(() => Int, { description: 'Open at the end of that day (未销号).' }) open: number;
  @Field(() => Int, { description: 'Overdue backlog on that day (逾期存量).' }) overdue: number;
  @Field(() => Int, { description: 'Open and listed (挂牌督办).' }) listed: number;
  @Field(() => Int, { description: 'Open and escalated by that day (已督办).' }) escalated: number;
  @Field(() => Int, { description: 'Found on the stored days of the period (本期发现).' }) foundInPeriod: number;
  @Field(() => Int, { description: 'Closed on the stored days of the period (本期销号).' }) closedInPeriod: number;
  @Field(() => Int, { description: 'Supervision letters on the stored days of the period (本期督办函).' }) supervisionLettersInPeriod: number;
}

@ObjectType({ description: 'The standard bulletin of a period (通报).' })
export class Bulletin {
  @Field(() => Period, { description: 'This period (本期).' }) period: Period;
  @Field(() => Period, { description: 'The previous period of the same length (上期).' }) previousPeriod: Period;
  @Field(() => RemediationStatisticsRow, { description: 'Totals this period (本期合计).' }) totals: RemediationStatisticsRow;
  @Field(() => RemediationStatisticsRow, { description: 'Totals of the previous period (上期合计).' }) previousTotals: RemediationStatisticsRow;
  @Field(() => Int, { description: 'Change of hazards found (发现隐患变化).' }) foundChange: number;
  @Field(() => Float, { nullable: true, description: 'Change of the rectification rate in percentage points (整改率变化).' }) rateChange: number | null;
  @Field(() => [DistrictRanking], { description: 'Every district, ranked (区县排名).' }) districtRanking: DistrictRanking[];
  @Field(() => [RemediationStatisticsRow], { description: 'Progress of each task team (工作组进展).' }) teamProgress: RemediationStatisticsRow[];
  @Field(() => InspectionStatisticsRow, { description: 'Inspections this period (检查情况).' }) inspections: InspectionStatisticsRow;
  @Field(() => EnforcementStatisticsRow, { description: 'Enforcement this period (执法情况).' }) enforcement: EnforcementStatisticsRow;
  @Field(() => Deployment, { description: 'Groups and officers deployed by the joint operations held this period (出动检查组/出动人次).' }) deployment: Deployment;
  @Field(() => InspectionStatisticsRow, { description: 'Inspections in the previous period (上期检查情况).' }) previousInspections: InspectionStatisticsRow;
  @Field(() => EnforcementStatisticsRow, { description: 'Enforcement in the previous period (上期执法情况).' }) previousEnforcement: EnforcementStatisticsRow;
  @Field(() => [BulletinItem], { description: 'Major or listed items open during the period, at most 200 (重大/挂牌督办隐患).' }) majorItems: BulletinItem[];
  @Field(() => Int, { description: 'Escalations (升级督办) the daily run wrote on the days of the period (本期升级督办).' }) escalationsInPeriod: number;
  @Field(() => Int, { description: 'Supervision letters (督办函) the daily run issued on the days of the period (本期督办函).' }) supervisionLettersInPeriod: number;
  @Field(() => BulletinStoredFigures, { nullable: true, description: 'The same period from the stored daily snapshots: reproduces the figures a past bulletin printed; null when the period’s last day has no snapshot (快照数据).' }) stored: BulletinStoredFigures | null;
  @Field(() => [BulletinItem], { description: 'The overdue backlog (逾期存量) as a list: items overdue at the end of the period whenever found, most overdue first, at most 200 — totals.overdueBacklog counts them all (逾期隐患清单).' }) overdueItems: BulletinItem[];
  @Field(() => StatisticsDimension, { description: 'The bucket of the trend: WEEK for periods up to 92 days, else MONTH (趋势统计周期).' }) trendUnit: StatisticsDimension;
  @Field(() => [RemediationStatisticsRow], { description: 'Found, rectified and closed per week or month of the period, no total row; periodStart names the bucket (按周/月趋势).' }) trend: RemediationStatisticsRow[];
}

