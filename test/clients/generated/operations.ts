/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Where a remediation item is in its workflow (隐患整改状态). */
export type HazardStatus =
  /** Closed, the loop is complete (销号/闭环) */
  | 'CLOSED'
  /** Written off as a false report (误报核销); terminal */
  | 'INVALIDATED'
  /** Rectification notice served (已下达整改通知) */
  | 'NOTIFIED'
  /** Completion reported, awaiting review (待复查) */
  | 'PENDING_REVIEW'
  /** Fixed on the spot (当场整改) */
  | 'RECTIFIED_ON_SITE'
  /** Being rectified (整改中) */
  | 'RECTIFYING'
  /** Found and registered (已登记/发现) */
  | 'REGISTERED'
  /** Review passed (复查合格) */
  | 'VERIFIED';

/** An interview of the party (约谈). */
export type InterviewInput = {
  /** Date, YYYY-MM-DD (约谈日期). */
  date: string;
  /** Department that held it (约谈部门). */
  departmentCode?: string | null | undefined;
  /** Who was interviewed: company, owner, manager (约谈对象). */
  party: string;
};

/** Kind of rectification order (整改通知类型). */
export type NoticeType =
  /** Ordered to correct immediately, on the spot (责令立即改正) */
  | 'IMMEDIATE'
  /** Ordered to correct within a time limit; needs a deadline (责令限期改正) */
  | 'LIMITED_TIME';

/** A period of Asia/Shanghai calendar days, both ends included (统计期间，北京时间). */
export type PeriodInput = {
  /** First day, YYYY-MM-DD (起始日期). */
  from: string;
  /** Last day, YYYY-MM-DD, included (截止日期). */
  to: string;
};

/** The six elements of a major hazard’s rectification plan (整改方案六要素), all required. */
export type PlanInput = {
  /** Safety measures and contingency plan (安全措施和应急预案). */
  contingency: string;
  /** Funds and materials (经费物资). */
  funds: string;
  /** Methods and measures (方法措施). */
  measures: string;
  /** Objectives and tasks (目标任务). */
  objectives: string;
  /** Responsible bodies and persons (机构和责任人). */
  responsible: string;
  /** Time limits (时限要求). */
  timeline: string;
};

/** A step of the remediation workflow (整改流程操作). */
export type RemediationAction =
  /** The listing authority accepts the rectification of a listed item; withdrawn by a later failed review (挂牌督办验收) */
  | 'ACCEPT_LISTING'
  /** Close the item; needs a passed review and an "after" piece of evidence (销号) */
  | 'CLOSE'
  /** Add a comment to the history (备注) */
  | 'COMMENT'
  /** Review failed: back to rectifying, counted (复查不合格) */
  | 'FAIL_REVIEW'
  /** Past the listing deadline: the party files its explanation, interim plan and monitoring (逾期说明) */
  | 'FILE_OVERDUE_EXPLANATION'
  /** Write off as a false report, with a reason (误报核销) */
  | 'INVALIDATE'
  /** Past the listing deadline and unexplained: a supervision letter is issued (督办函) */
  | 'ISSUE_SUPERVISION_LETTER'
  /** Review passed (复查合格) */
  | 'PASS_REVIEW'
  /** Still undone after the supervision letter: public criticism, counted in performance assessment (通报批评) */
  | 'PUBLIC_CRITICISM'
  /** The listing is made public; due within 5 working days of listing (挂牌公布) */
  | 'PUBLISH_LISTING'
  /** Record an interview of the party (约谈) */
  | 'RECORD_INTERVIEW'
  /** Record that it was fixed on the spot (当场整改) */
  | 'RECTIFY_ON_SITE'
  /** The party reports completion and applies for review (报告整改完成/申请复查) */
  | 'REPORT_COMPLETION'
  /** Temporary sealing or suspension ordered (临时查封/停产停业) */
  | 'SEAL'
  /** Serve the rectification notice; a limited-time notice needs a deadline (下达整改通知) */
  | 'SERVE_NOTICE'
  /** Rectification begins; a major hazard needs its plan first (开始整改) */
  | 'START_RECTIFICATION'
  /** Record the six-element rectification plan of a major hazard (报送整改方案) */
  | 'SUBMIT_PLAN'
  /** Transfer to another department or, for suspected crimes, the police (移交/移送) */
  | 'TRANSFER'
  /** Sealing or suspension lifted (解除查封) */
  | 'UNSEAL';

/** A transfer to another department or the police (移交/移送). */
export type TransferInput = {
  /** Receiving department code (接收部门). */
  toDepartmentCode?: string | null | undefined;
  /** A suspected crime passed to the police (移送公安). */
  toPolice?: boolean;
};

/** Move a remediation item through its workflow (整改流程操作). Fields beyond id, expectedVersion and action are used by the actions that need them. */
export type TransitionInput = {
  /** What to do (操作). */
  action: RemediationAction;
  /** Comment; required for COMMENT, INVALIDATE (reason) and FAIL_REVIEW (review notes) (说明). */
  comment?: string | null | undefined;
  /** SERVE_NOTICE (limited time, required) or FAIL_REVIEW (re-notice): deadline YYYY-MM-DD, not before the notice was served or the review held; may already have passed when entered late (整改期限). */
  deadline?: string | null | undefined;
  /** ISSUE_SUPERVISION_LETTER: number of the letter, required (督办函文号). */
  documentNo?: string | null | undefined;
  /** ACCEPT_LISTING and the listed-supervision steps (PUBLISH_LISTING, FILE_OVERDUE_EXPLANATION, ISSUE_SUPERVISION_LETTER, PUBLIC_CRITICISM): the date it happened, YYYY-MM-DD; default today, never in the future nor before the listing (发生日期). */
  effectiveOn?: string | null | undefined;
  /** The version you read; a stale one is refused with CONFLICT (版本号). */
  expectedVersion: number;
  /** SERVE_NOTICE / SUBMIT_PLAN: rectification funds in yuan (整改资金). */
  funds?: string | null | undefined;
  /** Item (隐患). */
  id: string | number;
  /** RECORD_INTERVIEW: the interview (约谈). */
  interview?: InterviewInput | null | undefined;
  /** SERVE_NOTICE: document number (文书编号). */
  noticeNo?: string | null | undefined;
  /** SERVE_NOTICE: when the notice was served; default now. May be in the past when the paper notice is entered late, never in the future nor before discovery (送达时间). */
  noticeServedAt?: string | null | undefined;
  /** SERVE_NOTICE: kind of order (整改通知类型). */
  noticeType?: NoticeType | null | undefined;
  /** SUBMIT_PLAN: the six-element plan (整改方案). */
  plan?: PlanInput | null | undefined;
  /** SERVE_NOTICE: rectification measures (整改措施). */
  rectificationMeasures?: string | null | undefined;
  /** PASS_REVIEW / FAIL_REVIEW: when the review was held; default now. May be in the past when entered late, never in the future nor before the notice was served (复查时间). */
  reviewedAt?: string | null | undefined;
  /** PASS_REVIEW / FAIL_REVIEW / CLOSE: reviewer name; default the current user's display name (复查人). */
  reviewerName?: string | null | undefined;
  /** TRANSFER: where to (移交). */
  transfer?: TransferInput | null | undefined;
};

/** Why a mutation input was rejected (输入错误代码). Nothing is written when any user error is returned. */
export type UserErrorCode =
  /** An identifier fails its check digit (校验码错误); may be overridable with a reason. */
  | 'CHECK_DIGIT'
  /** expectedVersion is stale: someone changed the record first (版本冲突，请刷新后重试). */
  | 'CONFLICT'
  /** A unique value is already taken; the message names the existing record (重复). */
  | 'DUPLICATE'
  /** A workflow rule forbids the action now (不满足流转条件), e.g. missing evidence. */
  | 'GUARD_FAILED'
  /** The idempotency key was already used with a different input (幂等键冲突). */
  | 'IDEMPOTENCY_MISMATCH'
  /** Username or password is wrong; which one is never said (用户名或密码错误). */
  | 'INVALID_CREDENTIALS'
  /** A referenced record (district, department, business …) does not exist (引用的记录不存在). */
  | 'INVALID_REFERENCE'
  /** The workflow action is not allowed from the current status (状态不允许此操作). */
  | 'INVALID_TRANSITION'
  /** Sign-in is locked for a while after repeated failures (登录已临时锁定). */
  | 'LOCKED'
  /** The record to change does not exist (记录不存在). */
  | 'NOT_FOUND'
  /** A required value is missing (必填项缺失). */
  | 'REQUIRED'
  /** A value breaks a format or range rule (格式/取值不合法). */
  | 'VALIDATION';

export type SignInMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type SignInMutation = { login: { accessToken: string | null, expiresAt: string | null, userErrors: Array<{ field: Array<string>, code: UserErrorCode, message: string, messageEn: string }> } };

export type OverdueItemsQueryVariables = Exact<{
  district: string;
  text?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type OverdueItemsQuery = { remediationItems: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, code: string, status: HazardStatus, deadline: string | null, discoveredOn: string, version: number } }> } };

export type RefetchItemQueryVariables = Exact<{
  id: string | number;
}>;


export type RefetchItemQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Business', id: string }
    | { __typename: 'Campaign', id: string }
    | { __typename: 'Certificate', id: string }
    | { __typename: 'Department', id: string }
    | { __typename: 'EnforcementCase', id: string }
    | { __typename: 'Inspection', id: string }
    | { __typename: 'JointOperation', id: string }
    | { __typename: 'ProductModel', id: string }
    | { __typename: 'RemediationItem', code: string, status: HazardStatus, deadline: string | null, version: number, id: string }
    | { __typename: 'Site', id: string }
    | { __typename: 'SupplyRelation', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'TaskTeam', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Warning', id: string }
   | null };

export type MoveItemMutationVariables = Exact<{
  input: TransitionInput;
}>;


export type MoveItemMutation = { transitionRemediationItem: { remediationItem: { id: string, status: HazardStatus, deadline: string | null, version: number } | null, userErrors: Array<{ field: Array<string>, code: UserErrorCode, message: string, messageEn: string }> } };

export type StatisticsQueryVariables = Exact<{
  period: PeriodInput;
}>;


export type StatisticsQuery = { remediationStatistics: Array<{ isTotal: boolean, districtCode: string | null, districtName: string | null, periodStart: string | null, found: number, closed: number, newOverdue: number, rectificationRate: number | null }> };
