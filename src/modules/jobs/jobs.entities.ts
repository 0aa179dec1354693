import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LocalDate } from '../../common/scalars';

const ts = { type: 'timestamptz', precision: 3 } as const;

/** The daily jobs, in the order a daily run takes them. */
export enum DailyJob {
  ESCALATION = 'ESCALATION',
  SNAPSHOT = 'SNAPSHOT',
  PRUNE = 'PRUNE',
}
registerEnumType(DailyJob, {
  name: 'DailyJob',
  description: 'A job of the daily run (每日任务).',
  valuesConfig: {
    ESCALATION: { description: 'Applies the escalation rules to overdue, listed and review-due items (逾期督办).' },
    SNAPSHOT: { description: "Stores the day's headline figures per district, team and stage (每日统计快照)." },
    PRUNE: { description: 'Deletes published outbox events and delivered webhook deliveries older than their retention period, and notifications read longer ago than theirs; pending and dead-lettered deliveries and unread notifications are kept (过期数据清理).' },
  },
});

/** What started a run of the daily jobs. */
export enum JobTrigger {
  SCHEDULE = 'SCHEDULE',
  MANUAL = 'MANUAL',
}
registerEnumType(JobTrigger, {
  name: 'JobTrigger',
  description: 'What started a run of the daily jobs (触发方式).',
  valuesConfig: {
    SCHEDULE: { description: 'The schedule of the service itself (定时触发).' },
    MANUAL: { description: 'An administrator, by runDailyJobs (手动触发).' },
  },
});

export enum JobRunStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  INTERRUPTED = 'INTERRUPTED',
  FAILED = 'FAILED',
}
registerEnumType(JobRunStatus, {
  name: 'JobRunStatus',
  description: 'State of a job for a day (任务状态).',
  valuesConfig: {
    RUNNING: { description: 'Started and not finished; after a crash the next run resumes it (运行中).' },
    DONE: { description: 'Finished for the day (已完成).' },
    INTERRUPTED: { description: 'Stopped by a shutdown; the next run resumes it (已中断).' },
    FAILED: { description: 'Stopped by an error; the next run retries it (失败).' },
  },
});

/** One row per job and Asia/Shanghai day: the day's run happens once, whichever instance runs it. */
@ObjectType({ description: 'A daily job for one Asia/Shanghai day (每日任务运行记录); one row per job and day across all instances.' })
@Entity('job_run')
export class JobRun {
  @Field(() => DailyJob, { description: 'Which job (任务).' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  job: DailyJob;

  @Field(() => LocalDate, { description: 'The Asia/Shanghai day it ran for (业务日期).' })
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Field(() => JobRunStatus, { description: 'State (状态).' })
  @Column({ type: 'varchar', length: 20 })
  status: JobRunStatus;

  @Field(() => Int, { description: 'Runs started for this day: more than 1 after a crash, a shutdown or a manual re-run (运行次数).' })
  @Column({ type: 'int', default: 1 })
  attempts: number;

  @Field(() => Int, { description: 'Effects written by all runs of the day, e.g. escalations or snapshot rows; a resumed run adds only the missing ones (产生记录数).' })
  @Column({ type: 'int', default: 0 })
  effects: number;

  @Field({ description: 'Which instance ran it last, host and process id (运行实例).' })
  @Column({ type: 'varchar', length: 200 })
  owner: string;

  @Field(() => JobTrigger, { description: 'Started by the schedule or by an administrator (触发方式).' })
  @Column({ name: 'triggered_by', type: 'varchar', length: 20 })
  triggeredBy: JobTrigger;

  @Field({ description: 'Last start (开始时间).' })
  @Column({ name: 'started_at', ...ts })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'Finished (完成时间).' })
  @Column({ name: 'finished_at', ...ts, nullable: true })
  finishedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Error of a failed run, for the administrator (错误信息).' })
  @Column({ type: 'text', nullable: true })
  error: string | null;
}

export enum EscalationKind {
  OVERDUE = 'OVERDUE',
  LISTING_DEADLINE = 'LISTING_DEADLINE',
  REVIEW_DUE = 'REVIEW_DUE',
}
registerEnumType(EscalationKind, {
  name: 'EscalationKind',
  description: 'What an escalation rule watches (督办规则类型).',
  valuesConfig: {
    OVERDUE: { description: "The item's rectification deadline (整改期限); days counted after it (逾期天数)." },
    LISTING_DEADLINE: { description: "A listed item's authority deadline (督办期限); negative days are before it (临近/超过督办期限)." },
    REVIEW_DUE: { description: 'The review-due date of an item pending review (复查期限), DOMAIN.md §6.2 (复查逾期).' },
  },
});

export enum EscalationAction {
  ESCALATE = 'ESCALATE',
  SUPERVISION_LETTER = 'SUPERVISION_LETTER',
}
registerEnumType(EscalationAction, {
  name: 'EscalationAction',
  description: 'What an escalation does (督办方式).',
  valuesConfig: {
    ESCALATE: { description: "An ESCALATED event and a notification to the responsible team's officers (升级督办)." },
    SUPERVISION_LETTER: { description: "A supervision letter (督办函) to the district's department: a SUPERVISION_LETTER event and notifications to that department's users and the task-force office." },
  },
});

/** A rule of escalation (督办规则), data editable by a coordinator. */
@ObjectType({ description: 'An escalation rule (督办规则): when an item is escalated, to which level and how. Edited by the task-force office; every change is versioned and audited.' })
@Entity('escalation_rule')
@Check('ck_escalation_rule_level', `level BETWEEN 1 AND 9`)
export class EscalationRule {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable code, e.g. OVERDUE_1D (规则代码).' })
  @Index('uq_escalation_rule_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field(() => EscalationKind, { description: 'What it watches (规则类型).' })
  @Column({ type: 'varchar', length: 30 })
  kind: EscalationKind;

  @Field(() => Int, { description: 'Days after the watched date (before it when negative) from which the rule applies (触发天数).' })
  @Column({ name: 'days_after', type: 'int' })
  daysAfter: number;

  @Field(() => Int, { description: 'Escalation level it raises the item to, 1–9 (督办级别).' })
  @Column({ type: 'int' })
  level: number;

  @Field(() => EscalationAction, { description: 'What it does (督办方式).' })
  @Column({ type: 'varchar', length: 30 })
  action: EscalationAction;

  @Field({ description: 'Applied by the daily run (启用).' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field({ description: 'What the rule is for, Chinese first (规则说明).' })
  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @Field(() => Int, { description: 'Optimistic-lock version; pass as expectedVersion (版本号).' })
  @Column({ type: 'int', default: 1 })
  version: number;
}

/**
 * One escalation of one item by one rule for one watched date: the effect of the daily run, unique
 * per (item, rule, watched date), so a resumed or repeated run never escalates twice; a new deadline
 * (an extension, a failed review) is a new watched date.
 */
@Entity('escalation')
@Index('uq_escalation_effect', ['itemId', 'ruleCode', 'basisDate'], { unique: true })
@Index('ix_escalation_day', ['day'])
export class Escalation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'rule_code', type: 'varchar', length: 40 })
  ruleCode: string;

  @Column({ name: 'rule_version', type: 'int' })
  ruleVersion: number;

  @Column({ name: 'basis_date', type: 'date' })
  basisDate: string;

  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'int' })
  level: number;

  @Column({ type: 'varchar', length: 30 })
  action: EscalationAction;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;
}

/** The day's headline figures of one district, team and stage (每日统计快照). */
@Entity('daily_snapshot')
export class DailySnapshot {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @PrimaryColumn({ name: 'team_code', type: 'varchar', length: 40 })
  teamCode: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  stage: string;

  @Column({ name: 'found_total', type: 'int' })
  foundTotal: number;

  @Column({ name: 'closed_total', type: 'int' })
  closedTotal: number;

  @Column({ name: 'found_on_day', type: 'int' })
  foundOnDay: number;

  @Column({ name: 'closed_on_day', type: 'int' })
  closedOnDay: number;

  @Column({ type: 'int' })
  open: number;

  @Column({ type: 'int' })
  overdue: number;

  @Column({ type: 'int' })
  listed: number;

  @Column({ type: 'int' })
  escalated: number;

  @Column({ name: 'letters_on_day', type: 'int' })
  lettersOnDay: number;
}
