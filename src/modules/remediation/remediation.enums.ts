import { registerEnumType } from 'type-graphql';

/** Status of a remediation item: the state machine of DOMAIN.md §6.1. */
export enum HazardStatus {
  REGISTERED = 'REGISTERED',
  RECTIFIED_ON_SITE = 'RECTIFIED_ON_SITE',
  NOTIFIED = 'NOTIFIED',
  RECTIFYING = 'RECTIFYING',
  PENDING_REVIEW = 'PENDING_REVIEW',
  VERIFIED = 'VERIFIED',
  CLOSED = 'CLOSED',
  INVALIDATED = 'INVALIDATED',
}

registerEnumType(HazardStatus, {
  name: 'HazardStatus',
  description: 'Where a remediation item is in its workflow (隐患整改状态).',
  valuesConfig: {
    REGISTERED: { description: 'Found and registered (已登记/发现)' },
    RECTIFIED_ON_SITE: { description: 'Fixed on the spot (当场整改)' },
    NOTIFIED: { description: 'Rectification notice served (已下达整改通知)' },
    RECTIFYING: { description: 'Being rectified (整改中)' },
    PENDING_REVIEW: { description: 'Completion reported, awaiting review (待复查)' },
    VERIFIED: { description: 'Review passed (复查合格)' },
    CLOSED: { description: 'Closed, the loop is complete (销号/闭环)' },
    INVALIDATED: { description: 'Written off as a false report (误报核销); terminal' },
  },
});

/** Statuses in which an item is finished, so never overdue. */
export const DONE_STATUSES: readonly HazardStatus[] = [HazardStatus.VERIFIED, HazardStatus.CLOSED, HazardStatus.INVALIDATED];

export enum NoticeType {
  IMMEDIATE = 'IMMEDIATE',
  LIMITED_TIME = 'LIMITED_TIME',
}

registerEnumType(NoticeType, {
  name: 'NoticeType',
  description: 'Kind of rectification order (整改通知类型).',
  valuesConfig: {
    IMMEDIATE: { description: 'Ordered to correct immediately, on the spot (责令立即改正)' },
    LIMITED_TIME: { description: 'Ordered to correct within a time limit; needs a deadline (责令限期改正)' },
  },
});

/** Every workflow action; declared with its rules in remediation.workflow.ts. */
export enum RemediationAction {
  RECTIFY_ON_SITE = 'RECTIFY_ON_SITE',
  SERVE_NOTICE = 'SERVE_NOTICE',
  SUBMIT_PLAN = 'SUBMIT_PLAN',
  START_RECTIFICATION = 'START_RECTIFICATION',
  REPORT_COMPLETION = 'REPORT_COMPLETION',
  PASS_REVIEW = 'PASS_REVIEW',
  FAIL_REVIEW = 'FAIL_REVIEW',
  ACCEPT_LISTING = 'ACCEPT_LISTING',
  PUBLISH_LISTING = 'PUBLISH_LISTING',
  FILE_OVERDUE_EXPLANATION = 'FILE_OVERDUE_EXPLANATION',
  ISSUE_SUPERVISION_LETTER = 'ISSUE_SUPERVISION_LETTER',
  PUBLIC_CRITICISM = 'PUBLIC_CRITICISM',
  CLOSE = 'CLOSE',
  INVALIDATE = 'INVALIDATE',
  RECORD_INTERVIEW = 'RECORD_INTERVIEW',
  TRANSFER = 'TRANSFER',
  SEAL = 'SEAL',
  UNSEAL = 'UNSEAL',
  COMMENT = 'COMMENT',
}

registerEnumType(RemediationAction, {
  name: 'RemediationAction',
  description: 'A step of the remediation workflow (整改流程操作).',
  valuesConfig: {
    RECTIFY_ON_SITE: { description: 'Record that it was fixed on the spot (当场整改)' },
    SERVE_NOTICE: { description: 'Serve the rectification notice; a limited-time notice needs a deadline (下达整改通知)' },
    SUBMIT_PLAN: { description: 'Record the six-element rectification plan of a major hazard (报送整改方案)' },
    START_RECTIFICATION: { description: 'Rectification begins; a major hazard needs its plan first (开始整改)' },
    REPORT_COMPLETION: { description: 'The party reports completion and applies for review (报告整改完成/申请复查)' },
    PASS_REVIEW: { description: 'Review passed (复查合格)' },
    FAIL_REVIEW: { description: 'Review failed: back to rectifying, counted (复查不合格)' },
    ACCEPT_LISTING: { description: 'The listing authority accepts the rectification of a listed item; withdrawn by a later failed review (挂牌督办验收)' },
    PUBLISH_LISTING: { description: 'The listing is made public; due within 5 working days of listing (挂牌公布)' },
    FILE_OVERDUE_EXPLANATION: { description: 'Past the listing deadline: the party files its explanation, interim plan and monitoring (逾期说明)' },
    ISSUE_SUPERVISION_LETTER: { description: 'Past the listing deadline and unexplained: a supervision letter is issued (督办函)' },
    PUBLIC_CRITICISM: { description: 'Still undone after the supervision letter: public criticism, counted in performance assessment (通报批评)' },
    CLOSE: { description: 'Close the item; needs a passed review and an "after" piece of evidence (销号)' },
    INVALIDATE: { description: 'Write off as a false report, with a reason (误报核销)' },
    RECORD_INTERVIEW: { description: 'Record an interview of the party (约谈)' },
    TRANSFER: { description: 'Transfer to another department or, for suspected crimes, the police (移交/移送)' },
    SEAL: { description: 'Temporary sealing or suspension ordered (临时查封/停产停业)' },
    UNSEAL: { description: 'Sealing or suspension lifted (解除查封)' },
    COMMENT: { description: 'Add a comment to the history (备注)' },
  },
});

/** What an item's history records: a workflow step, or one of the other changes to the item (履历事件). */
export const OTHER_EVENT_ACTIONS = {
  CREATED: 'Registered (登记)',
  UPDATED: 'Facts corrected (更正)',
  EXTENSION_REQUESTED: 'Extension requested (申请延期)',
  EXTENSION_APPROVED: 'Extension approved (批准延期)',
  EXTENSION_REFUSED: 'Extension refused (不予延期)',
  LISTED: 'Listed for supervision (挂牌督办)',
  CASE_FILED: 'Enforcement case filed (立案)',
  CASE_UPDATED: 'Enforcement case updated (案件更新)',
  CASE_CLOSED: 'Enforcement case closed (结案)',
  CASE_REOPENED: 'Enforcement case reopened (案件重开)',
  EVIDENCE_ADDED: 'Evidence added (添加证据)',
  ESCALATED: 'Escalated by the daily run: overdue, listing deadline near or past, review overdue (逾期督办)',
  SUPERVISION_LETTER: 'Supervision letter sent by the daily run to the responsible department (督办函)',
} as const;

export const RemediationEventAction = {
  ...Object.fromEntries(Object.values(RemediationAction).map((v) => [v, v])),
  ...Object.fromEntries(Object.keys(OTHER_EVENT_ACTIONS).map((v) => [v, v])),
} as { [K in RemediationAction | keyof typeof OTHER_EVENT_ACTIONS]: K };
export type RemediationEventAction = RemediationAction | keyof typeof OTHER_EVENT_ACTIONS;

registerEnumType(RemediationEventAction, {
  name: 'RemediationEventAction',
  description: "What an entry of an item's history records: a workflow step (RemediationAction) or another change to the item (履历事件类型).",
  valuesConfig: Object.fromEntries(Object.values(RemediationEventAction).map((v) => [v, { description: v in OTHER_EVENT_ACTIONS ? OTHER_EVENT_ACTIONS[v as keyof typeof OTHER_EVENT_ACTIONS] : `Workflow step ${v}, see RemediationAction (整改流程操作).` }])),
});

export enum ReviewResult {
  PASS = 'PASS',
  FAIL = 'FAIL',
}

registerEnumType(ReviewResult, {
  name: 'ReviewResult',
  description: 'Outcome of a review (复查结论).',
  valuesConfig: { PASS: { description: 'Passed (合格)' }, FAIL: { description: 'Failed (不合格)' } },
});

export enum EvidenceKind {
  PHOTO = 'PHOTO',
  VIDEO = 'VIDEO',
  DOCUMENT = 'DOCUMENT',
}

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'Kind of evidence file (证据类型).',
  valuesConfig: {
    PHOTO: { description: 'Photo (照片)' },
    VIDEO: { description: 'Video (视频)' },
    DOCUMENT: { description: 'Document, e.g. a signed notice (文书)' },
  },
});

export enum EvidencePhase {
  BEFORE = 'BEFORE',
  AFTER = 'AFTER',
  OTHER = 'OTHER',
}

registerEnumType(EvidencePhase, {
  name: 'EvidencePhase',
  description: 'When the evidence was taken relative to rectification (整改前/后).',
  valuesConfig: {
    BEFORE: { description: 'Before rectification (整改前)' },
    AFTER: { description: 'After rectification (整改后)' },
    OTHER: { description: 'Other (其他)' },
  },
});

export enum ExtensionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}

registerEnumType(ExtensionStatus, {
  name: 'ExtensionStatus',
  description: 'State of an extension request (延期申请状态).',
  valuesConfig: {
    PENDING: { description: 'Awaiting decision (待审批)' },
    APPROVED: { description: 'Approved; the deadline moved (已批准)' },
    REFUSED: { description: 'Refused (不予批准)' },
  },
});

/** Level of the government that lists a hazard (挂牌级别), DOMAIN.md §6.3. */
export enum ListingLevel {
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
  COUNTY = 'COUNTY',
}
registerEnumType(ListingLevel, {
  name: 'ListingLevel',
  description: 'Level of the listing authority (挂牌督办级别).',
  valuesConfig: {
    PROVINCIAL: { description: 'Listed by the province (省级挂牌)' },
    MUNICIPAL: { description: 'Listed by the city, e.g. the Leshan safety committee (市级挂牌)' },
    COUNTY: { description: 'Listed by a district or county (区县级挂牌)' },
  },
});

/** How far a listed item that ran past its deadline has been escalated (§6.3). */
export enum ListingEscalation {
  NONE = 'NONE',
  EXPLANATION_FILED = 'EXPLANATION_FILED',
  SUPERVISION_LETTER = 'SUPERVISION_LETTER',
  PUBLIC_CRITICISM = 'PUBLIC_CRITICISM',
}
registerEnumType(ListingEscalation, {
  name: 'ListingEscalation',
  description: 'Escalation of an overdue listed item (逾期督办升级).',
  valuesConfig: {
    NONE: { description: 'Nothing recorded (无)' },
    EXPLANATION_FILED: { description: 'The party filed an explanation, interim plan and monitoring (已报送逾期说明)' },
    SUPERVISION_LETTER: { description: 'A supervision letter was issued (已发督办函)' },
    PUBLIC_CRITICISM: { description: 'Publicly criticised (已通报批评)' },
  },
});

export enum PenaltyType {
  WARNING = 'WARNING',
  FINE = 'FINE',
  CONFISCATE_ILLEGAL_GAINS = 'CONFISCATE_ILLEGAL_GAINS',
  CONFISCATE_PROPERTY = 'CONFISCATE_PROPERTY',
  SUSPEND_OPERATIONS = 'SUSPEND_OPERATIONS',
  SUSPEND_OR_REVOKE_LICENCE = 'SUSPEND_OR_REVOKE_LICENCE',
  ADMIN_DETENTION = 'ADMIN_DETENTION',
}

registerEnumType(PenaltyType, {
  name: 'PenaltyType',
  description: 'Administrative penalty (行政处罚种类), DOMAIN.md §7.',
  valuesConfig: {
    WARNING: { description: 'Warning (警告)' },
    FINE: { description: 'Fine (罚款)' },
    CONFISCATE_ILLEGAL_GAINS: { description: 'Confiscation of illegal gains (没收违法所得)' },
    CONFISCATE_PROPERTY: { description: 'Confiscation of illegal property: vehicles, batteries, parts (没收非法财物)' },
    SUSPEND_OPERATIONS: { description: 'Ordered to suspend production or business (责令停产停业)' },
    SUSPEND_OR_REVOKE_LICENCE: { description: 'Licence suspended or revoked (暂扣/吊销许可证照)' },
    ADMIN_DETENTION: { description: 'Administrative detention, police only (行政拘留)' },
  },
});

export enum RemediationSortField {
  DISCOVERED_AT = 'DISCOVERED_AT',
  DEADLINE = 'DEADLINE',
  UPDATED_AT = 'UPDATED_AT',
  CODE = 'CODE',
}

registerEnumType(RemediationSortField, {
  name: 'RemediationSortField',
  description: 'How to sort remediation items (排序字段).',
  valuesConfig: {
    DISCOVERED_AT: { description: 'By discovery time (发现时间)' },
    DEADLINE: { description: 'By deadline; items without one last (整改期限)' },
    UPDATED_AT: { description: 'By last change (更新时间)' },
    CODE: { description: 'By code (编号)' },
  },
});
