import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate, Yuan } from '../../common/scalars';
import { CampaignPhase } from '../reference/reference.enums';
import { Deployment, EnforcementStatisticsRow, InspectionStatisticsRow, Period, RemediationStatisticsRow } from '../reports/reports.types';
import { CampaignGoal } from './campaigns.entities';
import { CampaignKind } from './campaigns.enums';

@ObjectType({ description: 'Progress of one campaign goal (目标进度), counted up to the goal’s due date.' })
export class CampaignGoalProgress {
  @Field(() => CampaignGoal, { description: 'The goal (目标).' }) goal: CampaignGoal;
  @Field(() => Int, { description: 'Units counted toward the goal: businesses (or, for a site goal, sites) of the population inspected, or hazards closed, by the due date (已完成数).' }) achieved: number;
  @Field(() => Int, { description: 'Units the goal is over: businesses (or, for a site goal, sites) of the target population, or hazards found (目标基数).' }) population: number;
  @Field(() => Float, { nullable: true, description: 'achieved ÷ population, 0–1; null when the population is empty (完成率).' }) rate: number | null;
  @Field({ description: 'The rate reaches the target (已达标).' }) met: boolean;
  @Field({ description: 'Not met and the due date has passed (Asia/Shanghai) (逾期未达标).' }) overdue: boolean;
}

@ObjectType({ description: 'Results of a campaign to date (专项行动成效), from one statement with the bulletin’s definitions.' })
export class CampaignResults {
  @Field(() => Int, { description: 'Inspections of the campaign (检查次数).' }) inspections: number;
  @Field(() => Int, { description: 'Distinct businesses inspected (检查单位, 家).' }) businessesInspected: number;
  @Field(() => Int, { description: 'Distinct sites inspected (检查场所, 处).' }) sitesInspected: number;
  @Field(() => Int, { description: 'Target population: active businesses of the campaign’s types, stages and districts (目标主体数).' }) targetPopulation: number;
  @Field(() => Int, { description: 'Businesses of the target population inspected in the campaign (已覆盖主体数).' }) businessesCovered: number;
  @Field(() => Float, { nullable: true, description: 'businessesCovered ÷ targetPopulation (覆盖率).' }) coverageRate: number | null;
  @Field(() => Int, { description: 'Target sites: sites in use (not archived) of the campaign’s site types in its districts; 0 when it targets no sites (目标场所数).' }) targetSites: number;
  @Field(() => Int, { description: 'Target sites inspected in the campaign (已覆盖场所数).' }) sitesCovered: number;
  @Field(() => Float, { nullable: true, description: 'sitesCovered ÷ targetSites; null when there are no target sites (场所覆盖率).' }) siteCoverageRate: number | null;
  @Field(() => Int, { description: 'Hazards found, written-off false reports excluded (发现隐患).' }) hazardsFound: number;
  @Field(() => Int, { description: 'Of those, closed (整改销号).' }) hazardsClosed: number;
  @Field(() => Float, { nullable: true, description: 'hazardsClosed ÷ hazardsFound (整改率).' }) rectificationRate: number | null;
  @Field(() => Int, { description: 'Enforcement cases filed over the campaign’s hazards (立案).' }) casesFiled: number;
  @Field(() => Int, { description: 'Of those, closed (结案).' }) casesClosed: number;
  @Field(() => Yuan, { description: 'Fines (罚款).' }) fines: string;
  @Field(() => Yuan, { description: 'Fines plus confiscated illegal gains (罚没).' }) finesAndConfiscations: string;
  @Field(() => Int, { description: 'Joint operations of the campaign (联合检查次数).' }) jointOperations: number;
  @Field(() => Int, { description: 'Inspection groups dispatched (出动检查组).' }) groupsDispatched: number;
  @Field(() => Int, { description: 'Officers deployed, person-times (出动人次).' }) officerVisits: number;
  @Field(() => Int, { description: 'Warnings issued in the campaign (警示提醒).' }) warnings: number;
  @Field(() => [CampaignGoalProgress], { description: 'Progress of each goal, in the campaign’s order (目标进度).' }) goals: CampaignGoalProgress[];
}

@ObjectType({ description: 'One team’s task list in the dispatch (工作组任务完成情况).' })
export class DispatchTeamLine {
  @Field({ description: 'Team code (工作组代码).' }) teamCode: string;
  @Field({ description: 'Team name (工作组).' }) teamName: string;
  @Field(() => Int, { description: 'Tasks on the list, cancelled ones excluded (任务总数).' }) tasks: number;
  @Field(() => Int, { description: 'Tasks done in the period (本期完成).' }) doneInPeriod: number;
  @Field(() => Int, { description: 'Tasks due in the period (本期到期).' }) dueInPeriod: number;
  @Field(() => Int, { description: 'Of those due in the period, done by their due date (按期完成).' }) dueDoneOnTime: number;
  @Field(() => Int, { description: 'Overdue on the as-of day: not cancelled, due before it and not done by it (逾期未完成).' }) overdue: number;
  @Field(() => Int, { description: 'Done in total, up to the as-of day (累计完成).' }) doneTotal: number;
}

@ObjectType({ description: 'A campaign in the dispatch (专项行动情况): the campaign’s names and its results to date.' })
export class DispatchCampaignLine {
  @Field(() => ID, { description: 'Campaign id.' }) id: string;
  @Field({ description: 'Code (行动编号).' }) code: string;
  @Field({ description: 'Name (行动名称).' }) name: string;
  @Field(() => CampaignKind, { description: 'Kind (类型).' }) kind: CampaignKind;
  @Field(() => CampaignPhase, { description: 'Phase (阶段).' }) phase: CampaignPhase;
  @Field(() => LocalDate, { description: 'First day (开始日期).' }) startsOn: string;
  @Field(() => LocalDate, { description: 'Last day (结束日期).' }) endsOn: string;
  @Field(() => CampaignResults, { description: 'Results to date (成效).' }) results: CampaignResults;
}

@ObjectType({ description: 'The weekly dispatch (周调度) to the safety committee office: tasks per team, campaigns, warnings, exposures and the bulletin’s headline figures.' })
export class Dispatch {
  @Field(() => Period, { description: 'The period (统计期间).' }) period: Period;
  @Field(() => LocalDate, { description: 'Day stocks (overdue) are judged on: the last day, or today if earlier (截至日期).' }) asOf: string;
  @Field(() => [DispatchTeamLine], { description: 'Task lists per team, in the teams’ order (各工作组任务完成情况).' }) teams: DispatchTeamLine[];
  @Field(() => [DispatchCampaignLine], { description: 'Every campaign running in the period (overlapping it by a day or more), by start date and code; none left out (专项行动).' }) campaigns: DispatchCampaignLine[];
  @Field(() => Int, { description: 'Warnings issued in the period (警示提醒).' }) warningsIssued: number;
  @Field(() => Int, { description: 'Of those, to businesses (警示企业).' }) warningsToBusinesses: number;
  @Field(() => Int, { description: 'Of those, to districts (警示区县).' }) warningsToDistricts: number;
  @Field(() => Int, { description: 'Enforcement cases exposed in the period (典型案例曝光).' }) casesExposed: number;
  @Field(() => RemediationStatisticsRow, { description: 'Hazards, as the bulletin counts them (隐患整改).' }) remediation: RemediationStatisticsRow;
  @Field(() => InspectionStatisticsRow, { description: 'Inspections, as the bulletin counts them (检查).' }) inspections: InspectionStatisticsRow;
  @Field(() => EnforcementStatisticsRow, { description: 'Enforcement, as the bulletin counts it (执法).' }) enforcement: EnforcementStatisticsRow;
  @Field(() => Deployment, { description: 'Groups and officers deployed by joint operations (出动检查组/人次).' }) deployment: Deployment;
}
