import { registerEnumType } from 'type-graphql';

/** What kind of campaign (专项行动类型). */
export enum CampaignKind {
  NIGHT_CHECK = 'NIGHT_CHECK',
  CONCENTRATED_ACTION = 'CONCENTRATED_ACTION',
  JOINT_ENFORCEMENT = 'JOINT_ENFORCEMENT',
  SPECIAL_INSPECTION = 'SPECIAL_INSPECTION',
  UNANNOUNCED_VISITS = 'UNANNOUNCED_VISITS',
  OTHER = 'OTHER',
}

registerEnumType(CampaignKind, {
  name: 'CampaignKind',
  description: 'Kind of campaign (专项行动类型).',
  valuesConfig: {
    NIGHT_CHECK: { description: 'Night check (夜查).' },
    CONCENTRATED_ACTION: { description: 'Concentrated action (集中整治).' },
    JOINT_ENFORCEMENT: { description: 'Joint enforcement (联合执法).' },
    SPECIAL_INSPECTION: { description: 'Special inspection (专项检查).' },
    UNANNOUNCED_VISITS: { description: 'Unannounced visits (暗访, 四不两直).' },
    OTHER: { description: 'Other (其他).' },
  },
});

/** What a campaign goal measures (目标指标). */
export enum CampaignGoalMetric {
  INSPECTION_COVERAGE = 'INSPECTION_COVERAGE',
  RECTIFICATION_RATE = 'RECTIFICATION_RATE',
  SITE_INSPECTION_COVERAGE = 'SITE_INSPECTION_COVERAGE',
}

registerEnumType(CampaignGoalMetric, {
  name: 'CampaignGoalMetric',
  description: 'What a campaign goal measures (目标指标).',
  valuesConfig: {
    INSPECTION_COVERAGE: {
      description: "Share of the goal's target population (active businesses of its types in its districts) inspected in the campaign (检查覆盖率).",
    },
    RECTIFICATION_RATE: { description: "Closed ÷ found among the campaign's hazards in the goal's districts, as the bulletin counts them (整改率)." },
    SITE_INSPECTION_COVERAGE: {
      description: "Share of the goal's target sites (sites in use, not archived, of its site types in its districts) inspected in the campaign (场所检查覆盖率), e.g. every charging site of 市中区 by a date.",
    },
  },
});

/** A task's stored state; OVERDUE is derived (TaskStatus). */
export enum TaskState {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

/** A task's status as read: the stored state, or OVERDUE when an open task's due date has passed. */
export enum TaskStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  OVERDUE = 'OVERDUE',
  CANCELLED = 'CANCELLED',
}

registerEnumType(TaskState, {
  name: 'TaskState',
  description: 'The state a task is set to (任务状态，录入值); OVERDUE is never set, it is derived (see TaskStatus).',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started (未开始).' },
    IN_PROGRESS: { description: 'In progress (推进中).' },
    DONE: { description: 'Done (已完成).' },
    CANCELLED: { description: 'Cancelled (已取消).' },
  },
});

registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: 'Status of a task (任务状态): its state, or OVERDUE when not done or cancelled by the end of its due day in Asia/Shanghai.',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started (未开始).' },
    IN_PROGRESS: { description: 'In progress (推进中).' },
    DONE: { description: 'Done (已完成).' },
    OVERDUE: { description: 'Overdue: open after its due day (逾期).' },
    CANCELLED: { description: 'Cancelled (已取消).' },
  },
});

/** Kind of warning (警示提醒类型). */
export enum WarningKind {
  REMINDER = 'REMINDER',
  WARNING_LETTER = 'WARNING_LETTER',
  SUPERVISION_LETTER = 'SUPERVISION_LETTER',
  PUBLIC_CRITICISM = 'PUBLIC_CRITICISM',
  OTHER = 'OTHER',
}

registerEnumType(WarningKind, {
  name: 'WarningKind',
  description: 'Kind of warning issued to a business or a district (警示提醒类型).',
  valuesConfig: {
    REMINDER: { description: 'Reminder (提醒/提示函).' },
    WARNING_LETTER: { description: 'Warning letter (警示函).' },
    SUPERVISION_LETTER: { description: 'Supervision letter (督办函).' },
    PUBLIC_CRITICISM: { description: 'Public criticism (通报批评).' },
    OTHER: { description: 'Other (其他).' },
  },
});
