export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A calendar date in Asia/Shanghai, YYYY-MM-DD (日期，北京时间), e.g. "2026-11-30". Not an instant: no time, no zone. */
  LocalDate: { input: string; output: string; }
  /** A file sent as a part of a GraphQL multipart request (上传文件); only usable as a variable. */
  Upload: { input: Blob; output: Blob; }
  /** Amount in yuan (元) as an exact decimal string with up to 2 decimals, e.g. "50000.00"; never a float. */
  Yuan: { input: string; output: string; }
};

/** Kind of actor in the audit trail (操作者类型). */
export type ActorType =
  /** Not authenticated, e.g. a refused request (匿名). */
  | 'anonymous'
  /** An API key of a partner system (接口密钥). */
  | 'apiKey'
  /** The service itself: start-up, command-line tasks (系统). */
  | 'system'
  /** A signed-in user (用户). */
  | 'user';

/** Evidence metadata; upload the file to storage first (添加证据). */
export type AddEvidenceInput = {
  /** Item (隐患). */
  id: Scalars['ID']['input'];
  /** Photo, video or document (类型). */
  kind: EvidenceKind;
  /** Latitude (纬度). */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Storage key or URL (存储位置). */
  location: Scalars['String']['input'];
  /** Longitude (经度). */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Before or after rectification (整改前/后). */
  phase: EvidencePhase;
  /** SHA-256 of the file, 64 hex digits (文件哈希). */
  sha256: Scalars['String']['input'];
  /** When it was taken (拍摄时间). */
  takenAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** A key for a machine client such as a report generator or partner backend (API密钥). The secret is shown once. */
export type ApiKey = Node & {
  __typename?: 'ApiKey';
  /** Created (创建时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Admin who created it (创建人). */
  createdBy: Maybe<Scalars['ID']['output']>;
  /** Department (所属部门). */
  department: Maybe<Department>;
  /** Districts of the write scope (负责区县). */
  districts: Array<District>;
  /** Stops working after this instant (过期时间). */
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Last use, to the minute (最近使用). */
  lastUsedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** What the key is for (名称). */
  name: Scalars['String']['output'];
  /** Public first part of the key, to recognise it (密钥前缀). */
  prefix: Scalars['String']['output'];
  /** Revoked at; a revoked key never works again (吊销时间). */
  revokedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** What the key may do (角色). */
  role: Role;
  /** Task teams of the write scope (所属工作组). */
  teams: Array<TaskTeam>;
};

/** A page of API keys (API密钥列表). */
export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<ApiKeyEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<ApiKey>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A ApiKey with its cursor. */
export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The ApiKey of this row (记录). */
  node: ApiKey;
};

/** Result of createApiKey / revokeApiKey (API密钥). */
export type ApiKeyPayload = {
  __typename?: 'ApiKeyPayload';
  /** The key after the change; null when userErrors is not empty. */
  apiKey: Maybe<ApiKey>;
  /** The full key, shown this once; only its hash is stored (完整密钥，仅显示一次). */
  key: Maybe<Scalars['String']['output']>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Identifies an API key to revoke (API密钥). */
export type ApiKeyRefInput = {
  /** Id of the API key (密钥ID). */
  id: Scalars['ID']['input'];
};

/** Archive a registry record: kept for history, hidden from lists by default (归档). */
export type ArchiveInput = {
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Id of the record to change (记录ID). */
  id: Scalars['ID']['input'];
  /** Why (归档原因). */
  reason: Scalars['String']['input'];
};

/** Type of the record an audit event is about; the schema type of the same name where there is one (对象类型). */
export type AuditEntityType =
  /** ApiKey (接口密钥). */
  | 'ApiKey'
  /** Business (经营主体). */
  | 'Business'
  /** CalendarDay (工作日历日). */
  | 'CalendarDay'
  /** CalendarYear (工作日历年). */
  | 'CalendarYear'
  /** Campaign (专项行动). */
  | 'Campaign'
  /** Certificate (认证证书). */
  | 'Certificate'
  /** Department (部门). */
  | 'Department'
  /** EnforcementCase (立案查处). */
  | 'EnforcementCase'
  /** EscalationRule (督办规则). */
  | 'EscalationRule'
  /** Evidence (证据材料). */
  | 'Evidence'
  /** Export (导出). */
  | 'Export'
  /** ExtensionRequest (延期申请). */
  | 'ExtensionRequest'
  /** ImportJob (导入任务). */
  | 'ImportJob'
  /** Inspection (检查记录). */
  | 'Inspection'
  /** JointOperation (联合检查). */
  | 'JointOperation'
  /** ProductModel (产品型号). */
  | 'ProductModel'
  /** RegulatoryMilestone (监管节点). */
  | 'RegulatoryMilestone'
  /** RemediationItem (隐患整改事项). */
  | 'RemediationItem'
  /** Site (场所). */
  | 'Site'
  /** SupplyRelation (供货关系). */
  | 'SupplyRelation'
  /** Task (任务). */
  | 'Task'
  /** TaskTeam (专项工作组). */
  | 'TaskTeam'
  /** User (用户). */
  | 'User'
  /** Warning (警示提醒). */
  | 'Warning'
  /** WebhookDelivery (推送记录). */
  | 'WebhookDelivery'
  /** WebhookSubscriber (推送订阅方). */
  | 'WebhookSubscriber';

/** Type of the audited record (对象类型) filter. */
export type AuditEntityTypeFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<AuditEntityType>;
  /** One of (属于). */
  in?: InputMaybe<Array<AuditEntityType>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<AuditEntityType>>;
};

/** One entry of the audit trail (审计日志), written in the same transaction as the change. */
export type AuditEvent = Node & {
  __typename?: 'AuditEvent';
  /** User or API key id (操作者ID). */
  actorId: Maybe<Scalars['ID']['output']>;
  /** Username or key name at the time (操作者). */
  actorName: Maybe<Scalars['String']['output']>;
  /** user, apiKey, system or anonymous (操作者类型). */
  actorType: ActorType;
  /** Changed fields: { field: { before, after } }; for an export, what was downloaded: { export, filter, parameters, rows, personalDataMasked, completed } (变更内容). */
  changes: Maybe<Scalars['JSONObject']['output']>;
  /** Client address (客户端地址). */
  clientIp: Maybe<Scalars['String']['output']>;
  /** Department of the actor (所属部门). */
  departmentId: Maybe<Scalars['ID']['output']>;
  /** Entity id: a record id, or the natural key of a calendar day or year (对象ID). */
  entityId: Maybe<Scalars['ID']['output']>;
  /** Entity type, e.g. Business (对象类型). */
  entityType: Maybe<AuditEntityType>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** When it happened (时间). */
  occurredAt: Scalars['DateTimeISO']['output'];
  /** GraphQL operation field, e.g. updateTaskTeam (操作). */
  operation: Scalars['String']['output'];
  /** Committed or refused (结果). */
  outcome: AuditOutcome;
  /** Why it was refused (拒绝原因). */
  reason: Maybe<Scalars['String']['output']>;
  /** Request id, also in the service logs (请求ID). */
  requestId: Maybe<Scalars['String']['output']>;
  /** Role at the time (角色). */
  role: Maybe<Role>;
};

/** A page of audit events (审计日志). */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<AuditEventEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<AuditEvent>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A AuditEvent with its cursor. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The AuditEvent of this row (记录). */
  node: AuditEvent;
};

/** Which audit events to list (审计日志筛选). */
export type AuditEventFilter = {
  /** Actor (user or key id) (操作者). */
  actorId?: InputMaybe<IdFilter>;
  /** Entity id (对象ID). */
  entityId?: InputMaybe<StringFilter>;
  /** Entity type (对象类型). */
  entityType?: InputMaybe<AuditEntityTypeFilter>;
  /** Asia/Shanghai dates (日期). */
  occurredAt?: InputMaybe<DateRangeFilter>;
  /** Operation, e.g. updateTaskTeam (操作). */
  operation?: InputMaybe<StringFilter>;
  /** Committed or refused (结果). */
  outcome?: InputMaybe<AuditOutcomeFilter>;
  /** Request id (请求ID). */
  requestId?: InputMaybe<StringFilter>;
};

/** Order of audit events: a sort key and a direction; ties are broken by id (排序). */
export type AuditEventOrder = {
  /** Direction, ascending by default (方向). */
  direction?: SortDirection;
  /** Sort key (排序字段). */
  field: AuditEventSortField;
};

/** How to sort audit events (排序字段). */
export type AuditEventSortField =
  /** By time (时间) */
  | 'OCCURRED_AT'
  /** By operation name (操作) */
  | 'OPERATION';

/** Whether the operation took effect (操作结果). */
export type AuditOutcome =
  /** Refused for lack of authentication or permission; nothing changed (被拒绝). */
  | 'REFUSED'
  /** Committed (成功). */
  | 'SUCCESS';

/** Outcome (结果) filter. */
export type AuditOutcomeFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<AuditOutcome>;
  /** One of (属于). */
  in?: InputMaybe<Array<AuditOutcome>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<AuditOutcome>>;
};

/** Battery chemistry (电池类型). */
export type BatteryChemistry =
  /** Lead-acid (铅酸) */
  | 'LEAD_ACID'
  /** Lithium-ion (锂离子) */
  | 'LITHIUM_ION';

/** Yes/no filter (是否筛选). */
export type BooleanFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The standard bulletin of a period (通报). */
export type Bulletin = {
  __typename?: 'Bulletin';
  /** Groups and officers deployed by the joint operations held this period (出动检查组/出动人次). */
  deployment: Deployment;
  /** Every district, ranked (区县排名). */
  districtRanking: Array<DistrictRanking>;
  /** Enforcement this period (执法情况). */
  enforcement: EnforcementStatisticsRow;
  /** Escalations (升级督办) the daily run wrote on the days of the period (本期升级督办). */
  escalationsInPeriod: Scalars['Int']['output'];
  /** Change of hazards found (发现隐患变化). */
  foundChange: Scalars['Int']['output'];
  /** Inspections this period (检查情况). */
  inspections: InspectionStatisticsRow;
  /** Major or listed items open during the period, at most 200 (重大/挂牌督办隐患). */
  majorItems: Array<BulletinItem>;
  /** The overdue backlog (逾期存量) as a list: items overdue at the end of the period whenever found, most overdue first, at most 200 — totals.overdueBacklog counts them all (逾期隐患清单). */
  overdueItems: Array<BulletinItem>;
  /** This period (本期). */
  period: Period;
  /** Enforcement in the previous period (上期执法情况). */
  previousEnforcement: EnforcementStatisticsRow;
  /** Inspections in the previous period (上期检查情况). */
  previousInspections: InspectionStatisticsRow;
  /** The previous period of the same length (上期). */
  previousPeriod: Period;
  /** Totals of the previous period (上期合计). */
  previousTotals: RemediationStatisticsRow;
  /** Change of the rectification rate in percentage points (整改率变化). */
  rateChange: Maybe<Scalars['Float']['output']>;
  /** The same period from the stored daily snapshots: reproduces the figures a past bulletin printed; null when the period’s last day has no snapshot (快照数据). */
  stored: Maybe<BulletinStoredFigures>;
  /** Supervision letters (督办函) the daily run issued on the days of the period (本期督办函). */
  supervisionLettersInPeriod: Scalars['Int']['output'];
  /** Progress of each task team (工作组进展). */
  teamProgress: Array<RemediationStatisticsRow>;
  /** Totals this period (本期合计). */
  totals: RemediationStatisticsRow;
  /** Found, rectified and closed per week or month of the period, no total row; periodStart names the bucket (按周/月趋势). */
  trend: Array<RemediationStatisticsRow>;
  /** The bucket of the trend: WEEK for periods up to 92 days, else MONTH (趋势统计周期). */
  trendUnit: StatisticsDimension;
};

/** One item as the bulletin lists it (通报隐患条目): codes, names, dates; not the record itself. */
export type BulletinItem = {
  __typename?: 'BulletinItem';
  /** Name of the responsible business (责任主体名称). */
  businessName: Maybe<Scalars['String']['output']>;
  /** Human code, e.g. LS-511102-20250314-0007 (隐患编号). */
  code: Scalars['String']['output'];
  /** Rectification deadline (整改期限). */
  deadline: Maybe<Scalars['LocalDate']['output']>;
  /** Asia/Shanghai date it was found (发现日期). */
  discoveredOn: Scalars['LocalDate']['output'];
  /** District code (区县代码). */
  districtCode: Scalars['String']['output'];
  /** District (区县). */
  districtName: Maybe<Scalars['String']['output']>;
  /** Hazard type code (隐患类型代码). */
  hazardTypeCode: Scalars['String']['output'];
  /** Hazard type (隐患类型). */
  hazardTypeName: Maybe<Scalars['String']['output']>;
  /** Judged a major fire hazard (重大火灾隐患). */
  isMajorFireHazard: Scalars['Boolean']['output'];
  /** Level (隐患等级). */
  level: HazardLevel;
  /** Under listed supervision (挂牌督办). */
  listed: Scalars['Boolean']['output'];
  /** Days past the deadline by today’s Asia/Shanghai date; 0 when not overdue (逾期天数). */
  overdueDays: Scalars['Int']['output'];
  /** Name of the site (场所名称). */
  siteName: Maybe<Scalars['String']['output']>;
  /** Stage (环节). */
  stage: SupplyChainStage;
  /** Workflow status (状态). */
  status: HazardStatus;
  /** Responsible task team (负责工作组). */
  teamName: Maybe<Scalars['String']['output']>;
};

/** Figures of a bulletin read from the stored daily snapshots (快照数据): as they were stored at the end of each day, unchanged by later edits of the items. */
export type BulletinStoredFigures = {
  __typename?: 'BulletinStoredFigures';
  /** The day the stock figures are of: the period’s last day (截至日期). */
  asOf: Scalars['LocalDate']['output'];
  /** Closed on the stored days of the period (本期销号). */
  closedInPeriod: Scalars['Int']['output'];
  /** Closed up to that day (累计销号). */
  closedTotal: Scalars['Int']['output'];
  /** Days of the period with a stored snapshot; fewer than the period’s days means the sums below miss days (有快照天数). */
  daysStored: Scalars['Int']['output'];
  /** Open and escalated by that day (已督办). */
  escalated: Scalars['Int']['output'];
  /** Found on the stored days of the period (本期发现). */
  foundInPeriod: Scalars['Int']['output'];
  /** Hazards found up to that day (累计发现). */
  foundTotal: Scalars['Int']['output'];
  /** Open and listed (挂牌督办). */
  listed: Scalars['Int']['output'];
  /** Open at the end of that day (未销号). */
  open: Scalars['Int']['output'];
  /** Overdue backlog on that day (逾期存量). */
  overdue: Scalars['Int']['output'];
  /** Supervision letters on the stored days of the period (本期督办函). */
  supervisionLettersInPeriod: Scalars['Int']['output'];
};

/** A business (主体/企业/个体户) in the e-bike chain: maker, seller, repairer, operator, recycler … */
export type Business = Node & {
  __typename?: 'Business';
  /** Address (地址). */
  address: Maybe<Scalars['String']['output']>;
  /** Why it was archived (归档原因). */
  archiveReason: Maybe<Scalars['String']['output']>;
  /** CCC certificates it holds, archived ones left out (持有证书). */
  certificates: Array<Certificate>;
  /** Contact phone (联系电话); personal data, masked for partner viewers. */
  contactPhone: Maybe<Scalars['String']['output']>;
  /** Created (创建时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Its active supply relations as the supplier, newest first: each with its buyer, product model and first/last seen dates (作为供货方的供货关系). `customers` lists the same counterparts without the relations. */
  customerRelations: SupplyRelationConnection;
  /** Businesses it supplies, by name (下游购货方). */
  customers: BusinessConnection;
  /** District (所在区县). */
  district: District;
  /** District code, GB/T 2260 (所在区县). */
  districtCode: Scalars['String']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Latitude, WGS-84 (纬度). */
  latitude: Maybe<Scalars['Float']['output']>;
  /** Legacy 15-digit business registration number (工商注册号). */
  legacyRegNo: Maybe<Scalars['String']['output']>;
  /** Legal representative or operator (法定代表人/经营者); personal data, masked for partner viewers. */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** Longitude, WGS-84 (经度). */
  longitude: Maybe<Scalars['Float']['output']>;
  /** Registered or common name (名称). */
  name: Scalars['String']['output'];
  /** Remediation items of this business, newest first (隐患). */
  remediationItems: RemediationItemConnection;
  /** Models it still supplies, or buys to sell on, that may no longer be sold on the day (在售禁售产品). */
  restrictedProductSales: Array<RestrictedProductSale>;
  /** True when restrictedProductSales is not empty (仍在销售禁售产品). */
  sellsRestrictedProducts: Scalars['Boolean']['output'];
  /** Sites it manages or operates (管理/运营的场所). */
  sites: Array<Site>;
  /** Supply-chain stages, derived from the types (所属环节). */
  stages: Array<SupplyChainStage>;
  /** Operating status (主体状态). */
  status: BusinessStatus;
  /** Its active supply relations as the buyer, newest first: each with its supplier, product model and first/last seen dates (作为购货方的供货关系). `suppliers` lists the same counterparts without the relations. */
  supplierRelations: SupplyRelationConnection;
  /** Businesses that supply it, by name (上游供货方). */
  suppliers: BusinessConnection;
  /** Business types (主体类型), one or more. */
  types: Array<BusinessType>;
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Unified Social Credit Code, 18 characters (统一社会信用代码); none for unregistered workshops. */
  uscc: Maybe<Scalars['String']['output']>;
  /** Why a USCC failing its check digit was accepted (校验码例外说明), e.g. a legacy pilot-area code. */
  usccOverrideReason: Maybe<Scalars['String']['output']>;
  /** Soft findings about the USCC: inner check, registration outside Leshan (代码提示). */
  usccWarnings: Array<Scalars['String']['output']>;
  /** Optimistic-lock version; pass it as expectedVersion when changing the record (版本号). */
  version: Scalars['Int']['output'];
};


/** A business (主体/企业/个体户) in the e-bike chain: maker, seller, repairer, operator, recycler … */
export type BusinessCustomerRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A business (主体/企业/个体户) in the e-bike chain: maker, seller, repairer, operator, recycler … */
export type BusinessCustomersArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A business (主体/企业/个体户) in the e-bike chain: maker, seller, repairer, operator, recycler … */
export type BusinessRemediationItemsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<RemediationItemFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A business (主体/企业/个体户) in the e-bike chain: maker, seller, repairer, operator, recycler … */
export type BusinessRestrictedProductSalesArgs = {
  asOf: InputMaybe<Scalars['LocalDate']['input']>;
};


/** A business (主体/企业/个体户) in the e-bike chain: maker, seller, repairer, operator, recycler … */
export type BusinessSellsRestrictedProductsArgs = {
  asOf: InputMaybe<Scalars['LocalDate']['input']>;
};


/** A business (主体/企业/个体户) in the e-bike chain: maker, seller, repairer, operator, recycler … */
export type BusinessSupplierRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A business (主体/企业/个体户) in the e-bike chain: maker, seller, repairer, operator, recycler … */
export type BusinessSuppliersArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};

/** A page of businesses (主体列表). */
export type BusinessConnection = {
  __typename?: 'BusinessConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<BusinessEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<Business>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A Business with its cursor. */
export type BusinessEdge = {
  __typename?: 'BusinessEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The Business of this row (记录). */
  node: Business;
};

/** Which businesses (主体筛选). Archived businesses are left out unless status asks for them. */
export type BusinessFilter = {
  /** Holds a certificate with this status (持有证书状态). */
  certificateStatus?: InputMaybe<CertStatusFilter>;
  /** District code (区县). */
  district?: InputMaybe<StringFilter>;
  /** Trades models made by this manufacturer (经营该企业生产的产品). */
  manufacturerId?: InputMaybe<IdFilter>;
  /** Name; contains works for Chinese (名称). */
  name?: InputMaybe<StringFilter>;
  /** Makes or trades models of this kind (经营产品类别). */
  productKind?: InputMaybe<ProductKindFilter>;
  /** Still sells what may no longer be sold today (仍在销售禁售产品): see Business.restrictedProductSales. { eq: true } lists who to visit; { eq: false } everyone else. */
  sellsRestrictedProducts?: InputMaybe<BooleanFilter>;
  /** Any of its stages (环节). */
  stage?: InputMaybe<SupplyChainStageFilter>;
  /** Status (状态). */
  status?: InputMaybe<BusinessStatusFilter>;
  /** Any of its types (主体类型). */
  type?: InputMaybe<BusinessTypeFilter>;
  /** USCC (统一社会信用代码). */
  uscc?: InputMaybe<StringFilter>;
};

/** Sort order of businesses (排序). */
export type BusinessOrder = {
  /** Direction (方向). */
  direction?: SortDirection;
  /** Sort key (排序字段). */
  field: BusinessSortField;
};

/** Result of a business mutation (主体). */
export type BusinessPayload = {
  __typename?: 'BusinessPayload';
  /** The business after the change; null when userErrors is not empty. */
  business: Maybe<Business>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** How to sort businesses (排序字段). */
export type BusinessSortField =
  /** By registration in this system (创建时间) */
  | 'CREATED_AT'
  /** By name (名称) */
  | 'NAME'
  /** By last change (更新时间) */
  | 'UPDATED_AT';

/** State of a business record (主体状态). */
export type BusinessStatus =
  /** Operating (在营) */
  | 'ACTIVE'
  /** Archived record: kept for history, hidden from lists by default (已归档) */
  | 'ARCHIVED'
  /** Closed down or deregistered (关闭/注销) */
  | 'CLOSED'
  /** Suspended, e.g. ordered to stop (停业/停产) */
  | 'SUSPENDED';

/** Business status (主体状态) filter. */
export type BusinessStatusFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<BusinessStatus>;
  /** One of (属于). */
  in?: InputMaybe<Array<BusinessStatus>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<BusinessStatus>>;
};

/** Kind of business in the e-bike chain (主体类型); a business may have several. */
export type BusinessType =
  /** Battery cell manufacturer (单体电池/电芯生产企业) */
  | 'BATTERY_CELL_MANUFACTURER'
  /** Lithium battery pack manufacturer (锂离子蓄电池/电池组生产企业) */
  | 'BATTERY_PACK_MANUFACTURER'
  /** Battery dealer or replacement point (蓄电池经销/更换网点) */
  | 'BATTERY_SHOP'
  /** Old lithium battery test and recycling point (老旧锂电池检测回收站点) */
  | 'BATTERY_TEST_RECYCLE_POINT'
  /** Charger manufacturer (充电器生产企业) */
  | 'CHARGER_MANUFACTURER'
  /** Charging facility operator (充电设施运营企业) */
  | 'CHARGING_OPERATOR'
  /** Instant delivery, courier or take-away company (即时配送/快递/外卖企业) */
  | 'DELIVERY_ENTERPRISE'
  /** Distributor or wholesaler (经销商/批发商) */
  | 'DISTRIBUTOR'
  /** E-commerce platform (电商平台) */
  | 'ECOMMERCE_PLATFORM'
  /** Online shop or live-stream seller (网店/直播带货主体) */
  | 'ECOMMERCE_SELLER'
  /** Hazardous-waste licensee for waste lead-acid batteries (危险废物经营许可单位) */
  | 'HAZWASTE_LICENSEE'
  /** Unregistered workshop or den; has no USCC (黑作坊/窝点) */
  | 'ILLEGAL_WORKSHOP'
  /** Importer (进口商) */
  | 'IMPORTER'
  /** Lead-acid battery manufacturer (铅蓄电池生产企业) */
  | 'LEAD_ACID_BATTERY_MANUFACTURER'
  /** Parts manufacturer: controllers, motors, limiters (零部件生产企业) */
  | 'PARTS_MANUFACTURER'
  /** Property management company, responsible for residential compounds (物业服务企业/管理单位) */
  | 'PROPERTY_MANAGER'
  /** Recycling company or collection point (再生资源回收企业/回收网点) */
  | 'RECYCLER'
  /** Repair shop (维修店铺) */
  | 'REPAIR_SHOP'
  /** Retail store or sales outlet (销售门店/经营网点) */
  | 'RETAIL_STORE'
  /** Combined sales and repair store (销售维修一体店) */
  | 'SALES_REPAIR_STORE'
  /** Scrapped vehicle dismantler (报废机动车回收拆解企业) */
  | 'SCRAPPING_ENTERPRISE'
  /** Shared e-bike operator (互联网租赁电动自行车企业) */
  | 'SHARED_EBIKE_OPERATOR'
  /** Battery swap cabinet operator (换电柜/充换电柜运营企业) */
  | 'SWAP_CABINET_OPERATOR'
  /** Vehicle manufacturer (整车生产企业) */
  | 'VEHICLE_MANUFACTURER';

/** Business type (主体类型) filter. */
export type BusinessTypeFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<BusinessType>;
  /** One of (属于). */
  in?: InputMaybe<Array<BusinessType>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<BusinessType>>;
};

/** Kind of calendar day for working-day rules (工作日历日期类型). */
export type CalendarDayKind =
  /** Weekend day worked in exchange for a holiday (调休上班日). */
  | 'ADJUSTED_WORKDAY'
  /** Public holiday day off, per the State Council schedule (法定节假日放假). */
  | 'HOLIDAY'
  /** Ordinary Saturday or Sunday (周末休息日). */
  | 'WEEKEND'
  /** Ordinary working day, Monday–Friday (工作日). */
  | 'WORKDAY';

/** Whether a year’s calendar holds the official holiday schedule (年度日历状态). */
export type CalendarYearStatus =
  /** The State Council holiday schedule is entered (已录入国务院放假安排). */
  | 'OFFICIAL'
  /** Only weekends are known: the official schedule still has to be entered (仅周末，待录入放假安排). */
  | 'WEEKENDS_ONLY';

/** A campaign (专项行动): a night check, a concentrated action, a joint enforcement … with its period, phase, teams and goals. */
export type Campaign = Node & {
  __typename?: 'Campaign';
  /** Target business types; empty means all (目标主体类型). */
  businessTypes: Array<BusinessType>;
  /** Human code ZX-<yyyymmdd>-<seq> (行动编号). */
  code: Scalars['String']['output'];
  /** Recorded (录入时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Participating departments (参与部门). */
  departments: Array<Department>;
  /** Target districts; empty means the whole city (目标区县). */
  districtCodes: Array<Scalars['String']['output']>;
  /** Last day (结束日期). */
  endsOn: Scalars['LocalDate']['output'];
  /** Goals (行动目标). */
  goals: Array<CampaignGoal>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Kind (类型). */
  kind: CampaignKind;
  /** Lead department (牵头部门). */
  leadDepartment: Department;
  /** Lead team (牵头工作组). */
  leadTeam: TaskTeam;
  /** Name (行动名称). */
  name: Scalars['String']['output'];
  /** Remarks (备注). */
  note: Maybe<Scalars['String']['output']>;
  /** Phase (阶段). */
  phase: CampaignPhase;
  /** Results to date: inspections, coverage of the target population, hazards, cases, fines, deployment, goals (成效). */
  results: CampaignResults;
  /** Target site types: the site population is the sites in use (not archived) of these types in the target districts; empty means the campaign targets no sites (目标场所类型). */
  siteTypes: Array<SiteType>;
  /** Target stages (目标环节). */
  stages: Array<SupplyChainStage>;
  /** First day (开始日期). */
  startsOn: Scalars['LocalDate']['output'];
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-lock version; pass it as expectedVersion when changing the record (版本号). */
  version: Scalars['Int']['output'];
};

/** A page of campaigns (专项行动列表). */
export type CampaignConnection = {
  __typename?: 'CampaignConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<CampaignEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<Campaign>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A Campaign with its cursor. */
export type CampaignEdge = {
  __typename?: 'CampaignEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The Campaign of this row (记录). */
  node: Campaign;
};

/** Which campaigns (专项行动筛选). */
export type CampaignFilter = {
  /** Campaigns running on this day (进行中). */
  activeOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Kind (类型). */
  kind?: InputMaybe<CampaignKindFilter>;
  /** Lead team code (牵头工作组). */
  leadTeam?: InputMaybe<StringFilter>;
};

/** A goal of a campaign (行动目标): a metric over a target population, the target value and the due date. */
export type CampaignGoal = {
  __typename?: 'CampaignGoal';
  /** Business types of the population; empty means the campaign’s business types (目标主体类型). */
  businessTypes: Array<BusinessType>;
  /** What the goal says in words (目标说明). */
  description: Maybe<Scalars['String']['output']>;
  /** Districts of the population; empty means the campaign’s districts (目标区县). */
  districtCodes: Array<Scalars['String']['output']>;
  /** Due date (完成期限). */
  dueOn: Scalars['LocalDate']['output'];
  /** What is measured (目标指标). */
  metric: CampaignGoalMetric;
  /** Site types of the population of a SITE_INSPECTION_COVERAGE goal; empty means the campaign’s site types; always empty for the other metrics (目标场所类型). */
  siteTypes: Array<SiteType>;
  /** Target as a share, 0–1; 1 means every unit of the population (目标值). */
  target: Scalars['Float']['output'];
};

/** A goal of a campaign (行动目标). */
export type CampaignGoalInput = {
  /** Business types of the population; empty: the campaign’s (目标主体类型). */
  businessTypes?: Array<BusinessType>;
  /** The goal in words (目标说明). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Districts of the population; empty: the campaign’s (目标区县). */
  districtCodes?: Array<Scalars['String']['input']>;
  /** Due date (完成期限). */
  dueOn: Scalars['LocalDate']['input'];
  /** What is measured (目标指标). */
  metric: CampaignGoalMetric;
  /** SITE_INSPECTION_COVERAGE only: site types of the population; empty: the campaign’s (目标场所类型). */
  siteTypes?: Array<SiteType>;
  /** Target share, 0–1; 1 means every unit (目标值). */
  target?: Scalars['Float']['input'];
};

/** What a campaign goal measures (目标指标). */
export type CampaignGoalMetric =
  /** Share of the goal's target population (active businesses of its types in its districts) inspected in the campaign (检查覆盖率). */
  | 'INSPECTION_COVERAGE'
  /** Closed ÷ found among the campaign's hazards in the goal's districts, as the bulletin counts them (整改率). */
  | 'RECTIFICATION_RATE'
  /** Share of the goal's target sites (sites in use, not archived, of its site types in its districts) inspected in the campaign (场所检查覆盖率), e.g. every charging site of 市中区 by a date. */
  | 'SITE_INSPECTION_COVERAGE';

/** Progress of one campaign goal (目标进度), counted up to the goal’s due date. */
export type CampaignGoalProgress = {
  __typename?: 'CampaignGoalProgress';
  /** Units counted toward the goal: businesses (or, for a site goal, sites) of the population inspected, or hazards closed, by the due date (已完成数). */
  achieved: Scalars['Int']['output'];
  /** The goal (目标). */
  goal: CampaignGoal;
  /** The rate reaches the target (已达标). */
  met: Scalars['Boolean']['output'];
  /** Not met and the due date has passed (Asia/Shanghai) (逾期未达标). */
  overdue: Scalars['Boolean']['output'];
  /** Units the goal is over: businesses (or, for a site goal, sites) of the target population, or hazards found (目标基数). */
  population: Scalars['Int']['output'];
  /** achieved ÷ population, 0–1; null when the population is empty (完成率). */
  rate: Maybe<Scalars['Float']['output']>;
};

/** Kind of campaign (专项行动类型). */
export type CampaignKind =
  /** Concentrated action (集中整治). */
  | 'CONCENTRATED_ACTION'
  /** Joint enforcement (联合执法). */
  | 'JOINT_ENFORCEMENT'
  /** Night check (夜查). */
  | 'NIGHT_CHECK'
  /** Other (其他). */
  | 'OTHER'
  /** Special inspection (专项检查). */
  | 'SPECIAL_INSPECTION'
  /** Unannounced visits (暗访, 四不两直). */
  | 'UNANNOUNCED_VISITS';

/** Campaign kind (专项行动类型) filter. */
export type CampaignKindFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<CampaignKind>;
  /** One of (属于). */
  in?: InputMaybe<Array<CampaignKind>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<CampaignKind>>;
};

/** Result of createCampaign / updateCampaign (专项行动). */
export type CampaignPayload = {
  __typename?: 'CampaignPayload';
  /** The campaign; null when userErrors is not empty. */
  campaign: Maybe<Campaign>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Phase of the remediation campaign (整治阶段) */
export type CampaignPhase =
  /** Concentrated remediation, 2024 (集中整治) */
  | 'CONCENTRATED'
  /** Consolidation and long-term mechanisms, 2025 (巩固提升、长效机制) */
  | 'CONSOLIDATION'
  /** Mobilisation and deployment, before a campaign’s concentrated phase (动员部署) */
  | 'MOBILIZATION'
  /** Concentrated problem-fixing phase, from 2024-05-28 (问题集中纠治阶段) */
  | 'PROBLEM_FIXING';

/** Results of a campaign to date (专项行动成效), from one statement with the bulletin’s definitions. */
export type CampaignResults = {
  __typename?: 'CampaignResults';
  /** Businesses of the target population inspected in the campaign (已覆盖主体数). */
  businessesCovered: Scalars['Int']['output'];
  /** Distinct businesses inspected (检查单位, 家). */
  businessesInspected: Scalars['Int']['output'];
  /** Of those, closed (结案). */
  casesClosed: Scalars['Int']['output'];
  /** Enforcement cases filed over the campaign’s hazards (立案). */
  casesFiled: Scalars['Int']['output'];
  /** businessesCovered ÷ targetPopulation (覆盖率). */
  coverageRate: Maybe<Scalars['Float']['output']>;
  /** Fines (罚款). */
  fines: Scalars['Yuan']['output'];
  /** Fines plus confiscated illegal gains (罚没). */
  finesAndConfiscations: Scalars['Yuan']['output'];
  /** Progress of each goal, in the campaign’s order (目标进度). */
  goals: Array<CampaignGoalProgress>;
  /** Inspection groups dispatched (出动检查组). */
  groupsDispatched: Scalars['Int']['output'];
  /** Of those, closed (整改销号). */
  hazardsClosed: Scalars['Int']['output'];
  /** Hazards found, written-off false reports excluded (发现隐患). */
  hazardsFound: Scalars['Int']['output'];
  /** Inspections of the campaign (检查次数). */
  inspections: Scalars['Int']['output'];
  /** Joint operations of the campaign (联合检查次数). */
  jointOperations: Scalars['Int']['output'];
  /** Officers deployed, person-times (出动人次). */
  officerVisits: Scalars['Int']['output'];
  /** hazardsClosed ÷ hazardsFound (整改率). */
  rectificationRate: Maybe<Scalars['Float']['output']>;
  /** sitesCovered ÷ targetSites; null when there are no target sites (场所覆盖率). */
  siteCoverageRate: Maybe<Scalars['Float']['output']>;
  /** Target sites inspected in the campaign (已覆盖场所数). */
  sitesCovered: Scalars['Int']['output'];
  /** Distinct sites inspected (检查场所, 处). */
  sitesInspected: Scalars['Int']['output'];
  /** Target population: active businesses of the campaign’s types, stages and districts (目标主体数). */
  targetPopulation: Scalars['Int']['output'];
  /** Target sites: sites in use (not archived) of the campaign’s site types in its districts; 0 when it targets no sites (目标场所数). */
  targetSites: Scalars['Int']['output'];
  /** Warnings issued in the campaign (警示提醒). */
  warnings: Scalars['Int']['output'];
};

/** How an enforcement case ended (结案方式). */
export type CaseClosingOutcome =
  /** Enforcement terminated by a court ruling (人民法院裁定终结执行). */
  | 'EXECUTION_TERMINATED'
  /** Investigation terminated, e.g. the party no longer exists (终止调查). */
  | 'INVESTIGATION_TERMINATED'
  /** No penalty imposed (不予行政处罚); no penalties or amounts may be recorded. */
  | 'NO_PENALTY'
  /** Other grounds, stated in the closing note (其他应予结案的情形). */
  | 'OTHER'
  /** Penalty decided and fully executed (处罚决定执行完毕); needs at least one penalty. */
  | 'PENALTY_EXECUTED'
  /** Transferred as a suspected crime (移送司法机关); needs the transfer to the police. */
  | 'TRANSFERRED_TO_JUDICIAL'
  /** Transferred to another administrative authority (移送其他行政机关处理). */
  | 'TRANSFERRED_TO_OTHER_AUTHORITY';

/** Status of a CCC certificate (证书状态). */
export type CertStatus =
  /** Cancelled (注销) */
  | 'CANCELLED'
  /** Expired (过期) */
  | 'EXPIRED'
  /** Suspended (暂停) */
  | 'SUSPENDED'
  /** Valid (有效) */
  | 'VALID'
  /** Withdrawn (撤销) */
  | 'WITHDRAWN';

/** Certificate status (证书状态) filter. */
export type CertStatusFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<CertStatus>;
  /** One of (属于). */
  in?: InputMaybe<Array<CertStatus>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<CertStatus>>;
};

/** A CCC certificate (强制性产品认证证书) with its status history. */
export type Certificate = Node & {
  __typename?: 'Certificate';
  /** Archived records are kept for history (是否归档). */
  archived: Scalars['Boolean']['output'];
  /** Created (创建时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Expiry date, YYYY-MM-DD (有效期至). */
  expiresOn: Maybe<Scalars['LocalDate']['output']>;
  /** Holder (持证企业). */
  holder: Maybe<Business>;
  /** Holder name as printed, when the holder is not a registered business (持证人名称). */
  holderName: Maybe<Scalars['String']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Date of issue, YYYY-MM-DD (发证日期). */
  issuedOn: Maybe<Scalars['LocalDate']['output']>;
  /** CCC certificate number, 16 digits (证书编号). */
  number: Scalars['String']['output'];
  /** Certified product model (认证产品型号). */
  productModel: Maybe<ProductModel>;
  /** Current status (证书状态). */
  status: CertStatus;
  /** Every status change, oldest first (状态变更历史). */
  statusHistory: Array<CertificateStatusChange>;
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-lock version; pass it as expectedVersion when changing the record (版本号). */
  version: Scalars['Int']['output'];
};

/** A page of certificates (证书列表). */
export type CertificateConnection = {
  __typename?: 'CertificateConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<CertificateEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<Certificate>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A Certificate with its cursor. */
export type CertificateEdge = {
  __typename?: 'CertificateEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The Certificate of this row (记录). */
  node: Certificate;
};

/** Which certificates (证书筛选). Archived ones are left out unless includeArchived. */
export type CertificateFilter = {
  /** Expiry date (有效期至). */
  expiresOn?: InputMaybe<DateRangeFilter>;
  /** Holder (持证企业). */
  holderId?: InputMaybe<IdFilter>;
  /** Also archived certificates (含已归档). */
  includeArchived?: Scalars['Boolean']['input'];
  /** Manufacturer of the certified model (生产企业). */
  manufacturerId?: InputMaybe<IdFilter>;
  /** Number (证书编号). */
  number?: InputMaybe<StringFilter>;
  /** Kind of the certified model (产品类别). */
  productKind?: InputMaybe<ProductKindFilter>;
  /** Product model (产品型号). */
  productModelId?: InputMaybe<IdFilter>;
  /** Status (证书状态). */
  status?: InputMaybe<CertStatusFilter>;
};

/** Order of certificates: a sort key and a direction; ties are broken by id (排序). */
export type CertificateOrder = {
  /** Direction, ascending by default (方向). */
  direction?: SortDirection;
  /** Sort key (排序字段). */
  field: CertificateSortField;
};

/** Result of a certificate mutation (证书). */
export type CertificatePayload = {
  __typename?: 'CertificatePayload';
  /** The certificate after the change; null when userErrors is not empty. */
  certificate: Maybe<Certificate>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** How to sort certificates (排序字段). */
export type CertificateSortField =
  /** By registration in this system (创建时间) */
  | 'CREATED_AT'
  /** By certificate number (证书编号) */
  | 'NUMBER'
  /** By last change (更新时间) */
  | 'UPDATED_AT';

/** One change of a certificate’s status (证书状态变更记录). */
export type CertificateStatusChange = {
  __typename?: 'CertificateStatusChange';
  /** When it was recorded (记录时间). */
  changedAt: Scalars['DateTimeISO']['output'];
  /** Who recorded it (user or key id) (记录人). */
  changedBy: Maybe<Scalars['ID']['output']>;
  /** Name of who recorded it (记录人). */
  changedByName: Maybe<Scalars['String']['output']>;
  /** Date the change took effect, YYYY-MM-DD (生效日期). */
  effectiveOn: Maybe<Scalars['LocalDate']['output']>;
  /** Status before; null for the first record (原状态). */
  fromStatus: Maybe<CertStatus>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Why (原因). */
  reason: Scalars['String']['output'];
  /** Status after (新状态). */
  toStatus: CertStatus;
};

/** Which way to follow supply relations (追溯方向). */
export type ChainDirection =
  /** Both ways (上下游) */
  | 'BOTH'
  /** Towards buyers, down to shops, repairers and recyclers (向下游/购货方) */
  | 'DOWNSTREAM'
  /** Towards suppliers, up to the makers (向上游/供货方) */
  | 'UPSTREAM';

/** Part a business plays for a product model (产品链条角色). */
export type ChainRole =
  /** Made it (生产) */
  | 'MANUFACTURER'
  /** Recycled or scrapped it (回收/报废) */
  | 'RECYCLER'
  /** Repaired or modified it (维修/改装) */
  | 'REPAIRER'
  /** Sold it: importers, distributors, shops, online sellers (销售) */
  | 'SELLER';

/** Where a supply-chain trace starts: exactly one of businessId or productModelId (追溯起点). */
export type ChainStart = {
  /** A business (主体). */
  businessId?: InputMaybe<Scalars['ID']['input']>;
  /** A product model: starts at its maker (and first suppliers) and follows only relations of that model (产品型号). */
  productModelId?: InputMaybe<Scalars['ID']['input']>;
};

/** Record a status change of a certificate, kept in its history (证书状态变更). */
export type ChangeCertificateStatusInput = {
  /** Date it took effect, YYYY-MM-DD (生效日期). */
  effectiveOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Id of the record to change (记录ID). */
  id: Scalars['ID']['input'];
  /** Why, e.g. the certification body’s notice (原因). */
  reason: Scalars['String']['input'];
  /** New status (新状态). */
  status: CertStatus;
};

/** Change your own password (修改密码). */
export type ChangeMyPasswordInput = {
  /** Current password (当前密码). */
  currentPassword: Scalars['String']['input'];
  /** New password, at least 10 characters (新密码). */
  newPassword: Scalars['String']['input'];
};

/** Result of changeMyPassword (修改密码): every other session has ended; this one continues with the new tokens. */
export type ChangeMyPasswordPayload = {
  __typename?: 'ChangeMyPasswordPayload';
  /** Signed access token (JWT); send as "Authorization: Bearer <token>" (访问令牌). */
  accessToken: Maybe<Scalars['String']['output']>;
  /** When the access token expires; get a new one with refreshSession before (过期时间). */
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** When the refresh token lapses unless used (刷新令牌过期时间). */
  refreshExpiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Refresh token: exchange it once with refreshSession for a new pair; keep it secret (刷新令牌). */
  refreshToken: Maybe<Scalars['String']['output']>;
  /** The signed-in user. */
  user: Maybe<User>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Inspection checklist item of a stage (检查要点). */
export type ChecklistItem = {
  __typename?: 'ChecklistItem';
  /** In use for new inspections (是否启用). */
  active: Scalars['Boolean']['output'];
  /** Stable code, e.g. PARK_NO_FLY_LINE (检查项代码). */
  code: Scalars['String']['output'];
  /** Sub-group within the stage, e.g. OFFLINE / ONLINE sales (分组). */
  group: Maybe<Scalars['String']['output']>;
  /** The hazard type a failure usually raises (对应隐患类型). */
  hazardType: Maybe<HazardType>;
  /** Code of the hazard type a failure usually raises (对应隐患类型). */
  hazardTypeCode: Maybe<Scalars['String']['output']>;
  /** English label (英文). */
  nameEn: Scalars['String']['output'];
  /** Chinese label (检查内容). */
  nameZh: Scalars['String']['output'];
  /** Stage it belongs to (环节). */
  stage: SupplyChainStage;
};

/** Result of one checklist item (检查结果). */
export type ChecklistOutcome =
  /** Failed (不合格) */
  | 'FAILED'
  /** Not applicable (不适用) */
  | 'NOT_APPLICABLE'
  /** Passed (合格) */
  | 'PASSED';

/** Result of one checklist item (检查项结果). */
export type ChecklistResultInput = {
  /** Checklist item code of the inspection’s stage (检查项代码). */
  itemCode: Scalars['String']['input'];
  /** Note (说明). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Passed, failed or not applicable (结果). */
  outcome: ChecklistOutcome;
};

/** Close an enforcement case (结案). */
export type CloseEnforcementCaseInput = {
  /** Closed on, YYYY-MM-DD: not before filing or the decision, not in the future (结案日期). */
  closedOn: Scalars['LocalDate']['input'];
  /** The case version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Case (案件). */
  id: Scalars['ID']['input'];
  /** Closing notes; required for OTHER (结案说明). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** How the case ended (结案方式). */
  outcome: CaseClosingOutcome;
};

/** Write a checked import (确认导入). */
export type CommitImportInput = {
  /** The import job (导入任务). */
  id: Scalars['ID']['input'];
  /** Write the valid rows and skip the rejected ones; by default any rejected row stops the whole import (仅导入有效行). */
  validRowsOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A new API key for a machine client (新建API密钥). */
export type CreateApiKeyInput = {
  /** Department code, e.g. MARKET (所属部门). */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** District codes this principal may write in (负责区县); required for AGENCY_OFFICER. */
  districtCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Stops working after this instant (过期时间). */
  expiresAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** What it is for, e.g. "weekly bulletin generator" (名称). */
  name: Scalars['String']['input'];
  /** Role; usually REPORTER or PARTNER_VIEWER (角色). */
  role: Role;
  /** Codes of the task teams whose stages this principal may write in (所属工作组); required for AGENCY_OFFICER. */
  teamCodes?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A new business (新增主体). */
export type CreateBusinessInput = {
  /** Address (地址). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Contact phone, mobile or landline (联系电话). */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** District code, e.g. 511102 (所在区县). */
  districtCode: Scalars['String']['input'];
  /** Latitude, −90…90 (纬度); give both coordinates or neither. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Legacy 15-digit registration number (工商注册号). */
  legacyRegNo?: InputMaybe<Scalars['String']['input']>;
  /** Legal representative or operator (法定代表人/经营者). */
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  /** Longitude, −180…180 (经度). */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Name (名称). */
  name: Scalars['String']['input'];
  /** ACTIVE (default), SUSPENDED or CLOSED (主体状态). */
  status?: InputMaybe<BusinessStatus>;
  /** Business types, one or more (主体类型). */
  types: Array<BusinessType>;
  /** Unified Social Credit Code, 18 characters (统一社会信用代码); omit for unregistered workshops. */
  uscc?: InputMaybe<Scalars['String']['input']>;
  /** Reason to accept a USCC that fails its check digit, e.g. a legacy pilot-area code (校验码例外说明); coordinators only. */
  usccOverrideReason?: InputMaybe<Scalars['String']['input']>;
};

/** Create a campaign (新建专项行动). */
export type CreateCampaignInput = {
  /** Target business types; empty: all (目标主体类型). */
  businessTypes?: Array<BusinessType>;
  /** Participating department codes (参与部门). */
  departmentCodes?: Array<Scalars['String']['input']>;
  /** Target districts; empty: the whole city (目标区县). */
  districtCodes?: Array<Scalars['String']['input']>;
  /** Last day (结束日期). */
  endsOn: Scalars['LocalDate']['input'];
  /** Goals (行动目标). */
  goals?: Array<CampaignGoalInput>;
  /** Retry key: a repeated create with the same key returns the first result (幂等键). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Kind (类型). */
  kind: CampaignKind;
  /** Lead department code (牵头部门). */
  leadDepartmentCode: Scalars['String']['input'];
  /** Lead team code (牵头工作组). */
  leadTeamCode: Scalars['String']['input'];
  /** Name (行动名称). */
  name: Scalars['String']['input'];
  /** Remarks (备注). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Phase (阶段). */
  phase: CampaignPhase;
  /** Target site types (sites in the target districts); empty: no site population (目标场所类型). */
  siteTypes?: Array<SiteType>;
  /** Target stages (目标环节). */
  stages?: Array<SupplyChainStage>;
  /** First day (开始日期). */
  startsOn: Scalars['LocalDate']['input'];
};

/** A new CCC certificate (新增CCC证书). */
export type CreateCertificateInput = {
  /** Expiry date, YYYY-MM-DD (有效期至). */
  expiresOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Holder, a registered business (持证企业). */
  holderBusinessId?: InputMaybe<Scalars['ID']['input']>;
  /** Holder name as printed, when not registered here (持证人名称). */
  holderName?: InputMaybe<Scalars['String']['input']>;
  /** Date of issue, YYYY-MM-DD (发证日期). */
  issuedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Certificate number, 16 digits (证书编号). */
  number: Scalars['String']['input'];
  /** Certified product model (认证产品型号). */
  productModelId?: InputMaybe<Scalars['ID']['input']>;
  /** Status, default VALID (证书状态). */
  status?: InputMaybe<CertStatus>;
};

/** Record an inspection, and the hazards it found, in one step: all or nothing (录入检查). */
export type CreateInspectionInput = {
  /** Campaign the inspection is part of; default the joint operation’s (所属专项行动). */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** Checklist results (检查项结果). */
  checklistResults?: Array<ChecklistResultInput>;
  /** Conclusion (检查结论). */
  conclusion?: InputMaybe<Scalars['String']['input']>;
  /** Participating department codes (参检部门). */
  departmentCodes?: Array<Scalars['String']['input']>;
  /** Ended (结束时间). */
  endedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Retry key: a repeated create with the same key returns the first result (幂等键). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Inspecting officers; at least two for joint enforcement (检查人员). */
  inspectors: Array<Scalars['String']['input']>;
  /** Joint operation that produced it, held on the inspection’s day (所属联合检查). */
  jointOperationId?: InputMaybe<Scalars['ID']['input']>;
  /** How it was done (检查方式). */
  method: InspectionMethod;
  /** Hazards found: each becomes a remediation item (发现隐患). */
  remediationItems?: Array<InspectionHazardInput>;
  /** Stage inspected; default the target's first stage (检查环节). */
  stage?: InputMaybe<SupplyChainStage>;
  /** Started (开始时间). */
  startedAt: Scalars['DateTimeISO']['input'];
  /** Target business; give this or targetSiteId (被检查主体). */
  targetBusinessId?: InputMaybe<Scalars['ID']['input']>;
  /** Target site (被检查场所). */
  targetSiteId?: InputMaybe<Scalars['ID']['input']>;
  /** Task team, e.g. SALES (工作组). */
  teamCode: Scalars['String']['input'];
};

/** A new product model (新增产品型号). */
export type CreateProductModelInput = {
  /** Brand (品牌). */
  brand: Scalars['String']['input'];
  /** Capacity, Ah (额定容量). */
  capacityAh?: InputMaybe<Scalars['Float']['input']>;
  /** Battery chemistry (电池类型). */
  chemistry?: InputMaybe<BatteryChemistry>;
  /** Kind (产品类别). */
  kind: ProductKind;
  /** Manufacturer (生产企业). */
  manufacturerBusinessId?: InputMaybe<Scalars['ID']['input']>;
  /** Model (型号). */
  model: Scalars['String']['input'];
  /** Nominal voltage, V (标称电压). */
  nominalVoltage?: InputMaybe<Scalars['Float']['input']>;
  /** Standard it was made to (执行标准); kept in standards: changing it replaces its old value there. */
  standardVersion?: InputMaybe<StandardVersion>;
  /** Every standard edition the model meets; replaces the list (符合标准). With standardVersion given too, that must be one of them. */
  standards?: InputMaybe<Array<StandardVersion>>;
};

/** Register a remediation item found outside a recorded inspection, e.g. a public report (登记隐患). */
export type CreateRemediationItemInput = {
  /** Address; default the business or site address (地址). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Party: the business (责任主体). */
  businessId?: InputMaybe<Scalars['ID']['input']>;
  /** Campaign it was found in; its period must cover the day found; with an inspection, the inspection's campaign (所属专项行动). */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** What was found (隐患描述). */
  description: Scalars['String']['input'];
  /** When it was found; default now (发现时间). */
  discoveredAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Officers who found it (发现人). */
  discoveredBy?: InputMaybe<Array<Scalars['String']['input']>>;
  /** How it was found (发现方式). */
  discoveryMethod: InspectionMethod;
  /** District; default that of the business or site (区县). */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  /** Hazard type code from the catalogue, e.g. PARK_FLY_LINE (隐患类型). */
  hazardTypeCode: Scalars['String']['input'];
  /** Retry key: a repeated create with the same key returns the first result (幂等键). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Inspection that found it (所属检查). */
  inspectionId?: InputMaybe<Scalars['ID']['input']>;
  /** Interim safety measures until fixed (临时防范措施). */
  interimMeasures?: InputMaybe<Scalars['String']['input']>;
  /** Judged a major fire hazard under GB 35181 (重大火灾隐患). */
  isMajorFireHazard?: InputMaybe<Scalars['Boolean']['input']>;
  /** Lead department code; default the team's lead (牵头部门). */
  leadDepartmentCode?: InputMaybe<Scalars['String']['input']>;
  /** Legal basis; default the type's (依据条款). */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** Level; default the type's default level (隐患等级). */
  level?: InputMaybe<HazardLevel>;
  /** Their phone (联系电话). */
  responsibleContact?: InputMaybe<Scalars['String']['input']>;
  /** Responsible person of the party (责任人). */
  responsiblePerson?: InputMaybe<Scalars['String']['input']>;
  /** Place: the site (场所). */
  siteId?: InputMaybe<Scalars['ID']['input']>;
  /** Stage; default the type's primary stage; must be one of the type's stages (环节). */
  stage?: InputMaybe<SupplyChainStage>;
  /** Task team responsible, e.g. SALES (负责工作组). */
  teamCode: Scalars['String']['input'];
};

/** A new site (新增场所). */
export type CreateSiteInput = {
  /** Address (地址). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Charging ports, for parking/charging site types (充电端口数). */
  chargingPorts?: InputMaybe<Scalars['Int']['input']>;
  /** District code (所在区县). */
  districtCode: Scalars['String']['input'];
  /** Latitude (纬度). */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Longitude (经度). */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Name (名称). */
  name: Scalars['String']['input'];
  /** Managing or operating business, e.g. the property company (管理/运营单位). */
  operatorBusinessId?: InputMaybe<Scalars['ID']['input']>;
  /** Kind of place (场所类型). */
  siteType: SiteType;
};

/** A new supply relation (新增供货关系). */
export type CreateSupplyRelationInput = {
  /** Buyer (购货方). */
  buyerBusinessId: Scalars['ID']['input'];
  /** First seen, YYYY-MM-DD (首次发现). */
  firstSeenOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Last seen, YYYY-MM-DD (最近发现). */
  lastSeenOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Note (备注). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Product model supplied, if known (产品型号). */
  productModelId?: InputMaybe<Scalars['ID']['input']>;
  /** Supplier (供货方). */
  supplierBusinessId: Scalars['ID']['input'];
};

/** Create a task on a team’s task list (新建任务). */
export type CreateTaskInput = {
  /** Campaign it serves (所属专项行动). */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** Department responsible, if one (责任部门). */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** Description (任务内容). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** District, if the task is for one (区县). */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  /** Due date (完成时限). */
  dueOn: Scalars['LocalDate']['input'];
  /** Retry key: a repeated create with the same key returns the first result (幂等键). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Remediation items it is about (关联隐患). */
  itemIds?: Array<Scalars['ID']['input']>;
  /** Owner: a user who updates the task (责任人账号). */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Team code (工作组). */
  teamCode: Scalars['String']['input'];
  /** Title (任务名称). */
  title: Scalars['String']['input'];
};

/** A new user (新建用户). */
export type CreateUserInput = {
  /** Department code, e.g. MARKET (所属部门). */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** Name shown to others (姓名). */
  displayName: Scalars['String']['input'];
  /** District codes this principal may write in (负责区县); required for AGENCY_OFFICER. */
  districtCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Initial password, at least 10 characters; omit to generate one, returned once (初始密码). */
  password?: InputMaybe<Scalars['String']['input']>;
  /** Role (角色). */
  role: Role;
  /** Codes of the task teams whose stages this principal may write in (所属工作组); required for AGENCY_OFFICER. */
  teamCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Sign-in name: 3–64 letters, digits, dot, dash or underscore; stored lower case (用户名). */
  username: Scalars['String']['input'];
};

/** A job of the daily run (每日任务). */
export type DailyJob =
  /** Applies the escalation rules to overdue, listed and review-due items (逾期督办). */
  | 'ESCALATION'
  /** Deletes published outbox events and delivered webhook deliveries older than their retention period, and notifications read longer ago than theirs; pending and dead-lettered deliveries and unread notifications are kept (过期数据清理). */
  | 'PRUNE'
  /** Stores the day's headline figures per district, team and stage (每日统计快照). */
  | 'SNAPSHOT';

/** Stored daily figures (每日统计快照), summed over what is not grouped by; null fields are not grouped by. */
export type DailySnapshotRow = {
  __typename?: 'DailySnapshotRow';
  /** Closed on the day (当日销号). */
  closedOnDay: Scalars['Int']['output'];
  /** Of those, closed so far (累计销号). */
  closedTotal: Scalars['Int']['output'];
  /** Day (日期). */
  day: Scalars['LocalDate']['output'];
  /** District code (区县代码). */
  districtCode: Maybe<Scalars['String']['output']>;
  /** Open and escalated at least once (已督办). */
  escalated: Scalars['Int']['output'];
  /** Found on the day (当日发现). */
  foundOnDay: Scalars['Int']['output'];
  /** Hazards found so far, false reports excluded (累计发现). */
  foundTotal: Scalars['Int']['output'];
  /** Supervision letters issued on the day (当日督办函). */
  lettersOnDay: Scalars['Int']['output'];
  /** Open and listed (挂牌督办). */
  listed: Scalars['Int']['output'];
  /** Open (未销号). */
  open: Scalars['Int']['output'];
  /** Overdue backlog (逾期存量). */
  overdue: Scalars['Int']['output'];
  /** Stage (环节). */
  stage: Maybe<SupplyChainStage>;
  /** Team code (工作组代码). */
  teamCode: Maybe<Scalars['String']['output']>;
};

/** Inclusive range of Asia/Shanghai calendar dates, YYYY-MM-DD (日期范围，北京时间). For a timestamp column, `to` includes the whole day. */
export type DateRangeFilter = {
  /** First day, inclusive (起始日期). */
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Last day, inclusive (截止日期). */
  to?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** Approve or refuse an extension request (延期审批). */
export type DecideExtensionInput = {
  /** true approves and moves the deadline; false refuses (是否批准). */
  approve: Scalars['Boolean']['input'];
  /** The item's version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Decision note (审批意见). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Extension request (延期申请). */
  requestId: Scalars['ID']['input'];
};

/** Government department or member unit of the task force (部门/成员单位). */
export type Department = Node & {
  __typename?: 'Department';
  /** Stable code, e.g. FIRE, MARKET (部门代码). */
  code: Scalars['String']['output'];
  /** District of a county-level department (所属区县). */
  district: Maybe<District>;
  /** District of a county-level department (所属区县代码). */
  districtCode: Maybe<Scalars['String']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** A public security organ (公安机关): only these may impose administrative detention (行政拘留), DOMAIN.md §7. */
  isPublicSecurity: Scalars['Boolean']['output'];
  /** Hosts the task-force office and coordinates the teams (专班办公室/牵头单位). */
  isTaskForceOffice: Scalars['Boolean']['output'];
  /** City or county level (层级). */
  level: DepartmentLevel;
  /**
   * Full Chinese name, e.g. 市消防救援支队 (名称); same as nameZh.
   * @deprecated Renamed nameZh under the bilingual naming rule (nameZh/nameEn); removal in 2.0.0.
   */
  name: Scalars['String']['output'];
  /** English name (英文名称). */
  nameEn: Scalars['String']['output'];
  /** Full Chinese name, e.g. 市消防救援支队 (中文名称). */
  nameZh: Scalars['String']['output'];
  /** Remarks, e.g. what is not confirmed (备注). */
  note: Maybe<Scalars['String']['output']>;
  /** Working days after the deadline (or the party’s application) within which this department reviews a rectification (复查期限，工作日); 3 by MPS Order No. 120, DOMAIN.md §6.2. */
  reviewWindowWorkingDays: Scalars['Int']['output'];
  /** Short Chinese name, e.g. 市场监管局 (简称). */
  shortName: Maybe<Scalars['String']['output']>;
};

/** Administrative level of a department (部门层级) */
export type DepartmentLevel =
  /** City level (市级) */
  | 'CITY'
  /** County level, i.e. district/county/county-level city (县级) */
  | 'COUNTY';

/** Deployment from joint operations held in a period (出动情况): 出动检查组 and 出动人次. */
export type Deployment = {
  __typename?: 'Deployment';
  /** Inspection groups dispatched (出动检查组, 个). */
  groupsDispatched: Scalars['Int']['output'];
  /** Joint operations held (联合检查次数). */
  jointOperations: Scalars['Int']['output'];
  /** Officers deployed (出动人次). */
  officerVisits: Scalars['Int']['output'];
};

/** The weekly dispatch (周调度) to the safety committee office: tasks per team, campaigns, warnings, exposures and the bulletin’s headline figures. */
export type Dispatch = {
  __typename?: 'Dispatch';
  /** Day stocks (overdue) are judged on: the last day, or today if earlier (截至日期). */
  asOf: Scalars['LocalDate']['output'];
  /** Every campaign running in the period (overlapping it by a day or more), by start date and code; none left out (专项行动). */
  campaigns: Array<DispatchCampaignLine>;
  /** Enforcement cases exposed in the period (典型案例曝光). */
  casesExposed: Scalars['Int']['output'];
  /** Groups and officers deployed by joint operations (出动检查组/人次). */
  deployment: Deployment;
  /** Enforcement, as the bulletin counts it (执法). */
  enforcement: EnforcementStatisticsRow;
  /** Inspections, as the bulletin counts them (检查). */
  inspections: InspectionStatisticsRow;
  /** The period (统计期间). */
  period: Period;
  /** Hazards, as the bulletin counts them (隐患整改). */
  remediation: RemediationStatisticsRow;
  /** Task lists per team, in the teams’ order (各工作组任务完成情况). */
  teams: Array<DispatchTeamLine>;
  /** Warnings issued in the period (警示提醒). */
  warningsIssued: Scalars['Int']['output'];
  /** Of those, to businesses (警示企业). */
  warningsToBusinesses: Scalars['Int']['output'];
  /** Of those, to districts (警示区县). */
  warningsToDistricts: Scalars['Int']['output'];
};

/** A campaign in the dispatch (专项行动情况): the campaign’s names and its results to date. */
export type DispatchCampaignLine = {
  __typename?: 'DispatchCampaignLine';
  /** Code (行动编号). */
  code: Scalars['String']['output'];
  /** Last day (结束日期). */
  endsOn: Scalars['LocalDate']['output'];
  /** Campaign id. */
  id: Scalars['ID']['output'];
  /** Kind (类型). */
  kind: CampaignKind;
  /** Name (行动名称). */
  name: Scalars['String']['output'];
  /** Phase (阶段). */
  phase: CampaignPhase;
  /** Results to date (成效). */
  results: CampaignResults;
  /** First day (开始日期). */
  startsOn: Scalars['LocalDate']['output'];
};

/** One team’s task list in the dispatch (工作组任务完成情况). */
export type DispatchTeamLine = {
  __typename?: 'DispatchTeamLine';
  /** Tasks done in the period (本期完成). */
  doneInPeriod: Scalars['Int']['output'];
  /** Done in total, up to the as-of day (累计完成). */
  doneTotal: Scalars['Int']['output'];
  /** Of those due in the period, done by their due date (按期完成). */
  dueDoneOnTime: Scalars['Int']['output'];
  /** Tasks due in the period (本期到期). */
  dueInPeriod: Scalars['Int']['output'];
  /** Overdue on the as-of day: not cancelled, due before it and not done by it (逾期未完成). */
  overdue: Scalars['Int']['output'];
  /** Tasks on the list, cancelled ones excluded (任务总数). */
  tasks: Scalars['Int']['output'];
  /** Team code (工作组代码). */
  teamCode: Scalars['String']['output'];
  /** Team name (工作组). */
  teamName: Scalars['String']['output'];
};

/** County-level division of Leshan (区县), GB/T 2260. */
export type District = {
  __typename?: 'District';
  /** GB/T 2260 code, e.g. 511102 (行政区划代码). */
  code: Scalars['String']['output'];
  /** District, county, autonomous county or county-level city (类型). */
  kind: DistrictKind;
  /**
   * Chinese name, e.g. 市中区 (名称); same as nameZh.
   * @deprecated Renamed nameZh under the bilingual naming rule (nameZh/nameEn); removal in 2.0.0.
   */
  name: Scalars['String']['output'];
  /** Chinese name, e.g. 市中区 (中文名称). */
  nameZh: Scalars['String']['output'];
  /** Pinyin with tone marks (拼音). */
  pinyin: Scalars['String']['output'];
};

/** Kind of county-level administrative division (县级行政区划类型, GB/T 2260) */
export type DistrictKind =
  /** Autonomous county (自治县) */
  | 'AUTONOMOUS_COUNTY'
  /** County (县) */
  | 'COUNTY'
  /** County-level city (县级市) */
  | 'COUNTY_LEVEL_CITY'
  /** District (区) */
  | 'DISTRICT';

/** A district in the bulletin ranking (区县排名). */
export type DistrictRanking = {
  __typename?: 'DistrictRanking';
  /** This period (本期). */
  current: RemediationStatisticsRow;
  /** District code (区县代码). */
  districtCode: Scalars['String']['output'];
  /** District (区县). */
  districtName: Scalars['String']['output'];
  /** Change of the overdue backlog since the end of the previous period (逾期存量变化). */
  overdueBacklogChange: Scalars['Int']['output'];
  /** Change of new overdue against the previous period (本期新增逾期变化). */
  overdueChange: Scalars['Int']['output'];
  /** The previous period of the same length (上期). */
  previous: RemediationStatisticsRow;
  /** Rank (排名): rectification rate high to low (districts that found nothing last), then smaller overdue backlog (逾期存量), then fewer new overdue, then code. */
  rank: Scalars['Int']['output'];
  /** Change of the rectification rate in percentage points (整改率变化, 百分点). */
  rateChange: Maybe<Scalars['Float']['output']>;
};

/** An enforcement case filed over a hazard (立案查处), DOMAIN.md §7. */
export type EnforcementCase = Node & {
  __typename?: 'EnforcementCase';
  /** Case number (案号). */
  caseNumber: Scalars['String']['output'];
  /** Who recorded the closing (结案录入人). */
  closedBy: Maybe<Scalars['ID']['output']>;
  /** Closed on, YYYY-MM-DD (结案日期). */
  closedOn: Maybe<Scalars['LocalDate']['output']>;
  /** Closing notes (结案说明). */
  closingNote: Maybe<Scalars['String']['output']>;
  /** How the case ended (结案方式); null while open, and for cases closed before outcomes were recorded. */
  closingOutcome: Maybe<CaseClosingOutcome>;
  /** Confiscated illegal gains in yuan (没收违法所得). */
  confiscatedAmount: Scalars['Yuan']['output'];
  /** Confiscated goods (没收物品). */
  confiscatedGoods: Maybe<Scalars['String']['output']>;
  /** Recorded (录入时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Penalty decided on, YYYY-MM-DD (处罚决定日期). */
  decidedOn: Maybe<Scalars['LocalDate']['output']>;
  /** Number of the penalty decision (行政处罚决定书文号). */
  decisionNumber: Maybe<Scalars['String']['output']>;
  /** Department that filed it (立案部门). */
  department: Department;
  /** Selected for public exposure as a typical case (典型案例曝光). */
  exposed: Scalars['Boolean']['output'];
  /** Day the case was exposed (曝光日期). */
  exposedOn: Maybe<Scalars['LocalDate']['output']>;
  /** Filed on, YYYY-MM-DD (立案日期). */
  filedOn: Scalars['LocalDate']['output'];
  /** Fine in yuan (罚款). */
  fineAmount: Scalars['Yuan']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Legal basis (法律依据). */
  legalBasis: Maybe<Scalars['String']['output']>;
  /** Fines plus confiscated gains in yuan (罚没金额). */
  penaltyTotal: Scalars['Yuan']['output'];
  /** Penalties imposed (处罚种类). */
  penaltyTypes: Array<PenaltyType>;
  /** Notes on the transfer: police case number, reply (移送情况说明). */
  policeTransferNote: Maybe<Scalars['String']['output']>;
  /** What the police did with the transfer (移送公安结果); null when not transferred. */
  policeTransferOutcome: Maybe<PoliceTransferOutcome>;
  /** Seized batteries (查扣电池, 块). */
  seizedBatteries: Scalars['Int']['output'];
  /** Seized parts (查扣配件, 件). */
  seizedParts: Scalars['Int']['output'];
  /** Seized or confiscated vehicles (查扣车辆, 辆). */
  seizedVehicles: Scalars['Int']['output'];
  /** Transferred to the police as a suspected crime (移送公安). */
  transferredToPolice: Scalars['Boolean']['output'];
  /** Last changed (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Version for optimistic locking: send it back as expectedVersion (版本号). */
  version: Scalars['Int']['output'];
};

/** Result of fileEnforcementCase (立案). */
export type EnforcementCasePayload = {
  __typename?: 'EnforcementCasePayload';
  /** The case filed. */
  enforcementCase: Maybe<EnforcementCase>;
  /** The item after the change. */
  remediationItem: Maybe<RemediationItem>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** One row of enforcement statistics (执法统计). */
export type EnforcementStatisticsRow = {
  __typename?: 'EnforcementStatisticsRow';
  /** Cases closed in the period (结案, 起). */
  casesClosed: Scalars['Int']['output'];
  /** Cases filed in the period (立案, 起). */
  casesFiled: Scalars['Int']['output'];
  /** Confiscated illegal gains of the cases filed (没收违法所得, 元). */
  confiscations: Scalars['Yuan']['output'];
  /** Department code (部门代码). */
  departmentCode: Maybe<Scalars['String']['output']>;
  /** Department name (部门). */
  departmentName: Maybe<Scalars['String']['output']>;
  /** District code (区县代码). */
  districtCode: Maybe<Scalars['String']['output']>;
  /** District name (区县). */
  districtName: Maybe<Scalars['String']['output']>;
  /** Fines of the cases filed (罚款, 元). */
  fines: Scalars['Yuan']['output'];
  /** Fines plus confiscations (罚没合计, 元). */
  finesAndConfiscations: Scalars['Yuan']['output'];
  /** The total over all groups (合计行). */
  isTotal: Scalars['Boolean']['output'];
  /** First day of the DAY/WEEK/MONTH bucket, YYYY-MM-DD (统计周期起始日). */
  periodStart: Maybe<Scalars['LocalDate']['output']>;
  /** Seized batteries (查扣电池, 块). */
  seizedBatteries: Scalars['Int']['output'];
  /** Seized parts (查扣配件, 件). */
  seizedParts: Scalars['Int']['output'];
  /** Seized vehicles (查扣车辆, 辆). */
  seizedVehicles: Scalars['Int']['output'];
  /** Stage (环节). */
  stage: Maybe<SupplyChainStage>;
  /** Team code (工作组代码). */
  teamCode: Maybe<Scalars['String']['output']>;
  /** Team name (工作组). */
  teamName: Maybe<Scalars['String']['output']>;
  /** Cases transferred to the police (移送公安). */
  transferredToPolice: Scalars['Int']['output'];
};

/** What an escalation does (督办方式). */
export type EscalationAction =
  /** An ESCALATED event and a notification to the responsible team's officers (升级督办). */
  | 'ESCALATE'
  /** A supervision letter (督办函) to the district's department: a SUPERVISION_LETTER event and notifications to that department's users and the task-force office. */
  | 'SUPERVISION_LETTER';

/** What an escalation rule watches (督办规则类型). */
export type EscalationKind =
  /** A listed item's authority deadline (督办期限); negative days are before it (临近/超过督办期限). */
  | 'LISTING_DEADLINE'
  /** The item's rectification deadline (整改期限); days counted after it (逾期天数). */
  | 'OVERDUE'
  /** The review-due date of an item pending review (复查期限), DOMAIN.md §6.2 (复查逾期). */
  | 'REVIEW_DUE';

/** An escalation rule (督办规则): when an item is escalated, to which level and how. Edited by the task-force office; every change is versioned and audited. */
export type EscalationRule = {
  __typename?: 'EscalationRule';
  /** What it does (督办方式). */
  action: EscalationAction;
  /** Applied by the daily run (启用). */
  active: Scalars['Boolean']['output'];
  /** Stable code, e.g. OVERDUE_1D (规则代码). */
  code: Scalars['String']['output'];
  /** Days after the watched date (before it when negative) from which the rule applies (触发天数). */
  daysAfter: Scalars['Int']['output'];
  /** What the rule is for, Chinese first (规则说明). */
  description: Scalars['String']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** What it watches (规则类型). */
  kind: EscalationKind;
  /** Escalation level it raises the item to, 1–9 (督办级别). */
  level: Scalars['Int']['output'];
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-lock version; pass as expectedVersion (版本号). */
  version: Scalars['Int']['output'];
};

/** Evidence metadata: photo, video or document; the file itself lives in object storage (证据). */
export type Evidence = {
  __typename?: 'Evidence';
  /** Who added it (上传人). */
  addedBy: Maybe<Scalars['ID']['output']>;
  /** Added (上传时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Photo, video or document (类型). */
  kind: EvidenceKind;
  /** Latitude where taken (纬度). */
  latitude: Maybe<Scalars['Float']['output']>;
  /** Storage key or URL of the file (存储位置). */
  location: Scalars['String']['output'];
  /** Longitude where taken (经度). */
  longitude: Maybe<Scalars['Float']['output']>;
  /** Before or after rectification (整改前/后). */
  phase: EvidencePhase;
  /** SHA-256 of the file, 64 hex digits (文件哈希). */
  sha256: Scalars['String']['output'];
  /** When it was taken (拍摄时间). */
  takenAt: Maybe<Scalars['DateTimeISO']['output']>;
};

/** Kind of evidence file (证据类型). */
export type EvidenceKind =
  /** Document, e.g. a signed notice (文书) */
  | 'DOCUMENT'
  /** Photo (照片) */
  | 'PHOTO'
  /** Video (视频) */
  | 'VIDEO';

/** Result of addEvidence (证据). */
export type EvidencePayload = {
  __typename?: 'EvidencePayload';
  /** The evidence recorded. */
  evidence: Maybe<Evidence>;
  /** The item. */
  remediationItem: Maybe<RemediationItem>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** When the evidence was taken relative to rectification (整改前/后). */
export type EvidencePhase =
  /** After rectification (整改后) */
  | 'AFTER'
  /** Before rectification (整改前) */
  | 'BEFORE'
  /** Other (其他) */
  | 'OTHER';

/** Select an enforcement case for public exposure as a typical case, or withdraw it (典型案例曝光). */
export type ExposeEnforcementCaseInput = {
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Day of exposure; null withdraws the exposure (曝光日期). */
  exposedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Case (案件). */
  id: Scalars['ID']['input'];
};

/** Result of requestExtension / decideExtension (延期). */
export type ExtensionPayload = {
  __typename?: 'ExtensionPayload';
  /** The request after the change. */
  extensionRequest: Maybe<ExtensionRequest>;
  /** The item after the change. */
  remediationItem: Maybe<RemediationItem>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** A request to extend the rectification deadline (延期申请). */
export type ExtensionRequest = {
  __typename?: 'ExtensionRequest';
  /** Decided (审批时间). */
  decidedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Who decided (审批人). */
  decidedBy: Maybe<Scalars['ID']['output']>;
  /** Decision note (审批意见). */
  decisionNote: Maybe<Scalars['String']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Deadline when requested (原期限). */
  previousDeadline: Scalars['LocalDate']['output'];
  /** Why (理由). */
  reason: Scalars['String']['output'];
  /** Requested (申请时间). */
  requestedAt: Scalars['DateTimeISO']['output'];
  /** Who recorded the request (申请录入人). */
  requestedBy: Maybe<Scalars['ID']['output']>;
  /** Deadline asked for (申请期限). */
  requestedDeadline: Scalars['LocalDate']['output'];
  /** Pending, approved or refused (状态). */
  status: ExtensionStatus;
};

/** State of an extension request (延期申请状态). */
export type ExtensionStatus =
  /** Approved; the deadline moved (已批准) */
  | 'APPROVED'
  /** Awaiting decision (待审批) */
  | 'PENDING'
  /** Refused (不予批准) */
  | 'REFUSED';

/** File an enforcement case over an item (立案). */
export type FileEnforcementCaseInput = {
  /** Case number (案号). */
  caseNumber: Scalars['String']['input'];
  /** Closed on, YYYY-MM-DD (结案日期); a case closed when recorded needs closingOutcome. Cases are usually closed later with closeEnforcementCase. */
  closedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Closing notes (结案说明). */
  closingNote?: InputMaybe<Scalars['String']['input']>;
  /** How the case ended, with closedOn (结案方式). */
  closingOutcome?: InputMaybe<CaseClosingOutcome>;
  /** Confiscated illegal gains in yuan (没收违法所得). */
  confiscatedAmount?: Scalars['Yuan']['input'];
  /** Confiscated goods (没收物品). */
  confiscatedGoods?: InputMaybe<Scalars['String']['input']>;
  /** Department that filed it (立案部门). */
  departmentCode: Scalars['String']['input'];
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Filed on, YYYY-MM-DD (立案日期). */
  filedOn: Scalars['LocalDate']['input'];
  /** Fine in yuan (罚款). */
  fineAmount?: Scalars['Yuan']['input'];
  /** Item (隐患). */
  id: Scalars['ID']['input'];
  /** Legal basis (法律依据). */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** Penalties (处罚种类). */
  penaltyTypes?: Array<PenaltyType>;
  /** Seized batteries (块). */
  seizedBatteries?: Scalars['Int']['input'];
  /** Seized parts (件). */
  seizedParts?: Scalars['Int']['input'];
  /** Seized vehicles (辆). */
  seizedVehicles?: Scalars['Int']['input'];
  /** Transferred to the police (移送公安). */
  transferredToPolice?: Scalars['Boolean']['input'];
};

/** Hazard level (隐患等级) per 《安全生产事故隐患排查治理暂行规定》; major fire hazards (重大火灾隐患) are a separate flag */
export type HazardLevel =
  /** General accident hazard (一般事故隐患) */
  | 'GENERAL'
  /** Major accident hazard, under listed supervision (重大事故隐患) */
  | 'MAJOR'
  /** Significant accident hazard, used in some localities only (较大事故隐患) */
  | 'SIGNIFICANT';

/** Hazard level (隐患等级) filter. */
export type HazardLevelFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<HazardLevel>;
  /** One of (属于). */
  in?: InputMaybe<Array<HazardLevel>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<HazardLevel>>;
};

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

/** Status (状态) filter. */
export type HazardStatusFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<HazardStatus>;
  /** One of (属于). */
  in?: InputMaybe<Array<HazardStatus>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<HazardStatus>>;
};

/** Entry of the hazard-type catalogue (隐患类型). */
export type HazardType = {
  __typename?: 'HazardType';
  /** Offered for new items; retired types stay for history (是否启用). */
  active: Scalars['Boolean']['output'];
  /** Stable code with the stage prefix, e.g. PARK_FLY_LINE (隐患类型代码). */
  code: Scalars['String']['output'];
  /** Default level; MAJOR is always a judgement per item (默认隐患等级). */
  defaultLevel: HazardLevel;
  /** Typical legal basis and consequence (常见法律依据). */
  legalBasis: Maybe<Scalars['String']['output']>;
  /** English label (英文名称). */
  nameEn: Scalars['String']['output'];
  /** Chinese label, e.g. 飞线充电(私拉电线插座) (名称). */
  nameZh: Scalars['String']['output'];
  /** Primary stage, from the code prefix (主要环节). */
  primaryStage: SupplyChainStage;
  /** Every stage where it occurs (涉及环节). */
  stages: Array<SupplyChainStage>;
};

/** Identifier filter (ID筛选). */
export type IdFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<Scalars['ID']['input']>;
  /** One of (属于). */
  in?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** true: not set; false: set (是否为空). */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Why a file or job was refused or stopped (文件/任务错误). */
export type ImportFileError = {
  __typename?: 'ImportFileError';
  /** Machine-readable code (错误代码). */
  code: ImportFileErrorCode;
  /** Explanation in Chinese (错误说明，中文). */
  message: Scalars['String']['output'];
  /** The same in English (错误说明，英文). */
  messageEn: Scalars['String']['output'];
};

/** Why a whole file or job was refused or stopped (文件错误代码). */
export type ImportFileErrorCode =
  /** The records changed between the dry run and the commit; see the refreshed report (预检后数据已变化) */
  | 'CHANGED_SINCE_DRY_RUN'
  /** The workbook cannot be read (文件损坏) */
  | 'CORRUPT'
  /** A quoted CSV field is not closed properly (CSV 引号不匹配) */
  | 'CSV_SYNTAX'
  /** Two columns name the same field (表头重复) */
  | 'DUPLICATE_HEADER'
  /** No sheet or no data rows (无数据) */
  | 'EMPTY'
  /** The text is neither UTF-8 nor GB18030 (编码无法识别) */
  | 'ENCODING'
  /** An unexpected error; the log has the details under the job id (内部错误) */
  | 'INTERNAL'
  /** The service stopped while the job ran; nothing of a commit was written (任务中断) */
  | 'INTERRUPTED'
  /** A required column is missing (缺少必填列) */
  | 'MISSING_COLUMN'
  /** No header row with the expected column names near the top (未找到表头) */
  | 'NO_HEADER'
  /** Larger than the configured file size limit (文件过大) */
  | 'TOO_LARGE'
  /** More data rows than the configured limit (行数超限) */
  | 'TOO_MANY_ROWS'
  /** Not an XLSX workbook or a CSV text file, e.g. a renamed PDF or an old .xls (格式不支持) */
  | 'UNSUPPORTED_FORMAT'
  /** The workbook unpacks to more than the configured limit or has too many parts (解压后过大) */
  | 'ZIP_BOMB';

/** Which import jobs (导入任务筛选). */
export type ImportFilter = {
  /** What was imported (导入类型). */
  kind?: InputMaybe<ImportKindFilter>;
  /** Where the job stands (导入状态). */
  status?: InputMaybe<ImportStatusFilter>;
};

/** A spreadsheet import: upload, dry run, commit (批量导入任务). */
export type ImportJob = {
  __typename?: 'ImportJob';
  /** When the commit finished (导入完成时间). */
  committedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Uploaded (上传时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Who uploaded it (上传人). */
  createdByName: Scalars['String']['output'];
  /** Records created — after commit; before it, those a commit would create (新增数). */
  createdCount: Scalars['Int']['output'];
  /** Text encoding of a CSV: UTF-8, UTF-8 (BOM), UTF-16 or GB18030 (文本编码). */
  encoding: Maybe<Scalars['String']['output']>;
  /** Why the file was refused or the job stopped (文件/任务错误). */
  error: Maybe<ImportFileError>;
  /** XLSX or CSV, as recognised from the content, not the name (文件格式). */
  fileFormat: Maybe<Scalars['String']['output']>;
  /** Name of the uploaded file (文件名). */
  fileName: Scalars['String']['output'];
  /** SHA-256 of the file, hex (文件摘要). */
  fileSha256: Scalars['String']['output'];
  /** Size in bytes (文件大小). */
  fileSize: Scalars['Int']['output'];
  /** Line of the header row in the sheet, 1-based (表头所在行). */
  headerRow: Maybe<Scalars['Int']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Columns of the file that were not recognised and are ignored (未识别的列). */
  ignoredColumns: Array<Scalars['String']['output']>;
  /** What is imported (导入类型). */
  kind: ImportKind;
  /** Rows done by the current step (已处理行数). */
  processedRows: Scalars['Int']['output'];
  /** Share of the current step done, 0–1 (进度). */
  progress: Scalars['Float']['output'];
  /** Rows with problems, not written (拒绝行数). */
  rejectedRows: Scalars['Int']['output'];
  /** Per-row report: what happens to each row and its problems by column, code and message (逐行报告). */
  report: ImportRowPage;
  /** Where the job stands (导入状态). */
  status: ImportStatus;
  /** Data rows in the file (数据行数). */
  totalRows: Scalars['Int']['output'];
  /** Rows matching a record that already holds their values (无变化数). */
  unchangedCount: Scalars['Int']['output'];
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Records updated — after commit; before it, those a commit would update (更新数). */
  updatedCount: Scalars['Int']['output'];
  /** Rows without problems (有效行数). */
  validRows: Scalars['Int']['output'];
  /** Whether the commit wrote only the valid rows (仅导入有效行). */
  validRowsOnly: Maybe<Scalars['Boolean']['output']>;
  /** When the dry run finished (校验完成时间). */
  validatedAt: Maybe<Scalars['DateTimeISO']['output']>;
};


/** A spreadsheet import: upload, dry run, commit (批量导入任务). */
export type ImportJobReportArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  onlyProblems: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of import jobs, newest first (导入任务列表). */
export type ImportJobConnection = {
  __typename?: 'ImportJobConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<ImportJobEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<ImportJob>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A ImportJob with its cursor. */
export type ImportJobEdge = {
  __typename?: 'ImportJobEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The ImportJob of this row (记录). */
  node: ImportJob;
};

/** What a spreadsheet import brings in (导入类型). */
export type ImportKind =
  /** Businesses of the chain (主体名录) */
  | 'BUSINESSES'
  /** Inspections with the hazards they found, one row per hazard (检查记录及发现隐患) */
  | 'INSPECTIONS'
  /** Product models, each with its CCC certificate on the same row (产品型号及CCC证书) */
  | 'PRODUCT_MODELS'
  /** Places: compounds, shops, parking and charging sites (场所) */
  | 'SITES'
  /** Supply relations: supplier, buyer and optionally the product model (供货关系) */
  | 'SUPPLY_RELATIONS';

/** Import kind (导入类型) filter. */
export type ImportKindFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<ImportKind>;
  /** One of (属于). */
  in?: InputMaybe<Array<ImportKind>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<ImportKind>>;
};

/** Result of starting or committing an import (导入任务). */
export type ImportPayload = {
  __typename?: 'ImportPayload';
  /** The job; poll import(id) for its progress (导入任务). */
  import: Maybe<ImportJob>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** One problem of one row (行错误). */
export type ImportProblem = {
  __typename?: 'ImportProblem';
  /** Machine-readable code (错误代码). */
  code: ImportProblemCode;
  /** Column header as written in the file, null for a row-level problem (列名). */
  column: Maybe<Scalars['String']['output']>;
  /** Field of the record, e.g. uscc (字段). */
  field: Maybe<Scalars['String']['output']>;
  /** Explanation in Chinese (错误说明，中文). */
  message: Scalars['String']['output'];
  /** The same in English (错误说明，英文). */
  messageEn: Scalars['String']['output'];
};

/** Why a row is rejected (行错误代码); the same rules as the API. */
export type ImportProblemCode =
  /** The USCC fails its check digit (校验码错误) */
  | 'CHECK_DIGIT'
  /** Repeats an earlier row of the file, or matches several records (重复) */
  | 'DUPLICATE'
  /** A formula cell without a stored result; formulas are never evaluated (公式无计算结果) */
  | 'FORMULA'
  /** A district, type or other coded value does not exist (引用的记录不存在) */
  | 'INVALID_REFERENCE'
  /** Outside the writer's stages or districts (超出职责范围) */
  | 'OUT_OF_SCOPE'
  /** A required value is missing (必填项缺失) */
  | 'REQUIRED'
  /** A value breaks a format or range rule (格式/取值不合法) */
  | 'VALIDATION';

/** The report of one data row (行报告). */
export type ImportRow = {
  __typename?: 'ImportRow';
  /** What the import does or did with the row (处理结果). */
  action: ImportRowAction;
  /** Problems of the row; empty when it is valid (问题列表). */
  problems: Array<ImportProblem>;
  /** Line in the sheet, 1-based, as a spreadsheet shows it (行号). */
  rowNumber: Scalars['Int']['output'];
  /** The record created, updated or matched (对应记录). */
  targetId: Maybe<Scalars['ID']['output']>;
};

/** What the import does (dry run) or did (after commit) with one row (行处理结果). */
export type ImportRowAction =
  /** A new record (新增) */
  | 'CREATE'
  /** The row has problems and is not written (拒绝) */
  | 'REJECTED'
  /** The record already holds these values (无变化) */
  | 'UNCHANGED'
  /** An existing record changes; its version is bumped and audited (更新) */
  | 'UPDATE';

/** A page of row reports (行报告列表). */
export type ImportRowPage = {
  __typename?: 'ImportRowPage';
  /** Pass as `after` for the next page (末行游标). */
  endCursor: Maybe<Scalars['String']['output']>;
  /** More rows follow (是否有下一页). */
  hasNextPage: Scalars['Boolean']['output'];
  /** Rows in sheet order (行). */
  nodes: Array<ImportRow>;
};

/** Where an import stands (导入状态). */
export type ImportStatus =
  /** Written; the counts say what changed (已导入) */
  | 'COMMITTED'
  /** Writing the rows in one transaction (写入中) */
  | 'COMMITTING'
  /** Stopped by an unexpected error or a restart; nothing of the commit was written (失败) */
  | 'FAILED'
  /** Uploaded, waiting to be checked (待校验) */
  | 'PENDING'
  /** The file was refused as a whole (format, encoding, header, size); see error (文件被拒绝) */
  | 'REFUSED'
  /** Dry run done, see the report; commit or upload a corrected file (已校验) */
  | 'VALIDATED'
  /** Dry run in progress, nothing is written (校验中) */
  | 'VALIDATING';

/** Import status (导入状态) filter. */
export type ImportStatusFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<ImportStatus>;
  /** One of (属于). */
  in?: InputMaybe<Array<ImportStatus>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<ImportStatus>>;
};

/** An inspection (检查) of a business or a site by a task team. */
export type Inspection = Node & {
  __typename?: 'Inspection';
  /** Campaign the inspection was part of (所属专项行动). */
  campaign: Maybe<Campaign>;
  /** Checklist results in order (检查项结果). */
  checklistResults: Array<InspectionChecklistResult>;
  /** Human code JC-<district>-<yyyymmdd>-<seq> (检查编号). */
  code: Scalars['String']['output'];
  /** Conclusion (检查结论). */
  conclusion: Maybe<Scalars['String']['output']>;
  /** Recorded (录入时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Who recorded it (录入人). */
  createdBy: Maybe<Scalars['ID']['output']>;
  /** Participating departments (参检部门). */
  departments: Array<Department>;
  /** District (区县). */
  district: District;
  /** District code (区县). */
  districtCode: Scalars['String']['output'];
  /** Ended (结束时间). */
  endedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Inspecting officers (检查人员); personal data, masked for partner viewers. */
  inspectors: Array<Scalars['String']['output']>;
  /** Joint operation that produced it (所属联合检查). */
  jointOperation: Maybe<JointOperation>;
  /** How it was done (检查方式). */
  method: InspectionMethod;
  /** Remediation items it raised (发现隐患). */
  remediationItems: Array<RemediationItem>;
  /** Stage inspected; the checklist is of this stage (检查环节). */
  stage: SupplyChainStage;
  /** Started (开始时间). */
  startedAt: Scalars['DateTimeISO']['output'];
  /** Target business (被检查主体). */
  targetBusiness: Maybe<Business>;
  /** Target site (被检查场所). */
  targetSite: Maybe<Site>;
  /** Task team (工作组). */
  team: TaskTeam;
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Version (版本号). */
  version: Scalars['Int']['output'];
};

/** Result of one checklist item in an inspection (检查项结果). */
export type InspectionChecklistResult = {
  __typename?: 'InspectionChecklistResult';
  /** The checklist item (检查项). */
  item: ChecklistItem;
  /** Checklist item code (检查项代码). */
  itemCode: Scalars['String']['output'];
  /** Note (说明). */
  note: Maybe<Scalars['String']['output']>;
  /** Passed, failed or not applicable (结果). */
  outcome: ChecklistOutcome;
};

/** A page of inspections (检查列表). */
export type InspectionConnection = {
  __typename?: 'InspectionConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<InspectionEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<Inspection>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A Inspection with its cursor. */
export type InspectionEdge = {
  __typename?: 'InspectionEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The Inspection of this row (记录). */
  node: Inspection;
};

/** Which inspections (检查筛选). */
export type InspectionFilter = {
  /** Target business (被检查主体). */
  businessId?: InputMaybe<IdFilter>;
  /** Code (编号). */
  code?: InputMaybe<StringFilter>;
  /** District code (区县). */
  district?: InputMaybe<StringFilter>;
  /** Method (方式). */
  method?: InputMaybe<InspectionMethodFilter>;
  /** Target site (被检查场所). */
  siteId?: InputMaybe<IdFilter>;
  /** Stage (环节). */
  stage?: InputMaybe<SupplyChainStageFilter>;
  /** Started, Asia/Shanghai dates (检查日期). */
  startedOn?: InputMaybe<DateRangeFilter>;
  /** Team code (工作组). */
  team?: InputMaybe<StringFilter>;
};

/** A hazard found by an inspection, created with it (检查发现的隐患). */
export type InspectionHazardInput = {
  /** Address; default the business or site address (地址). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** The failed checklist item that raised it (对应检查项). */
  checklistItemCode?: InputMaybe<Scalars['String']['input']>;
  /** What was found (隐患描述). */
  description: Scalars['String']['input'];
  /** Hazard type code from the catalogue, e.g. PARK_FLY_LINE (隐患类型). */
  hazardTypeCode: Scalars['String']['input'];
  /** Interim safety measures until fixed (临时防范措施). */
  interimMeasures?: InputMaybe<Scalars['String']['input']>;
  /** Judged a major fire hazard under GB 35181 (重大火灾隐患). */
  isMajorFireHazard?: InputMaybe<Scalars['Boolean']['input']>;
  /** Legal basis; default the type's (依据条款). */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** Level; default the type's default level (隐患等级). */
  level?: InputMaybe<HazardLevel>;
  /** Their phone (联系电话). */
  responsibleContact?: InputMaybe<Scalars['String']['input']>;
  /** Responsible person of the party (责任人). */
  responsiblePerson?: InputMaybe<Scalars['String']['input']>;
  /** Stage; default the type's primary stage; must be one of the type's stages (环节). */
  stage?: InputMaybe<SupplyChainStage>;
};

/** How an inspection was done or a hazard found (检查方式/发现方式). */
export type InspectionMethod =
  /** Random inspector, random target (双随机抽查) */
  | 'DOUBLE_RANDOM'
  /** Joint enforcement by several departments; at least two officers (联合执法) */
  | 'JOINT_ENFORCEMENT'
  /** Night check (夜查) */
  | 'NIGHT_CHECK'
  /** Online monitoring of shops and listings (网络监测) */
  | 'ONLINE_MONITORING'
  /** Report from the public, 12345/12119 (群众举报) */
  | 'PUBLIC_REPORT'
  /** Follow-up review of earlier hazards (复查) */
  | 'REVIEW'
  /** Routine inspection (日常检查) */
  | 'ROUTINE'
  /** The business's own check (企业自查) */
  | 'SELF_CHECK'
  /** Special campaign inspection (专项检查) */
  | 'SPECIAL'
  /** Unannounced, unescorted visit straight to the scene (四不两直/暗访) */
  | 'UNANNOUNCED';

/** Method (方式) filter. */
export type InspectionMethodFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<InspectionMethod>;
  /** One of (属于). */
  in?: InputMaybe<Array<InspectionMethod>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<InspectionMethod>>;
};

/** Order of inspections: a sort key and a direction; ties are broken by id (排序). */
export type InspectionOrder = {
  /** Direction, ascending by default (方向). */
  direction?: SortDirection;
  /** Sort key (排序字段). */
  field: InspectionSortField;
};

/** Result of createInspection (录入检查). */
export type InspectionPayload = {
  __typename?: 'InspectionPayload';
  /** The inspection with its items; null when userErrors is not empty. */
  inspection: Maybe<Inspection>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Which recorded inspections to receive (检查登记订阅条件). */
export type InspectionRecordedFilter = {
  /** Only inspections in these districts (区县). */
  districtCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only inspections of these stages (环节). */
  stages?: InputMaybe<Array<SupplyChainStage>>;
  /** Only inspections of these task teams, by code (工作组). */
  teamCodes?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** How to sort inspections (排序字段). */
export type InspectionSortField =
  /** By inspection code (检查编号) */
  | 'CODE'
  /** By start of the inspection (检查开始时间) */
  | 'STARTED_AT';

/** One row of inspection statistics (检查统计). */
export type InspectionStatisticsRow = {
  __typename?: 'InspectionStatisticsRow';
  /** Distinct businesses inspected (检查单位, 家). */
  businessesInspected: Scalars['Int']['output'];
  /** Department code (部门代码). */
  departmentCode: Maybe<Scalars['String']['output']>;
  /** Department name (部门). */
  departmentName: Maybe<Scalars['String']['output']>;
  /** District code (区县代码). */
  districtCode: Maybe<Scalars['String']['output']>;
  /** District name (区县). */
  districtName: Maybe<Scalars['String']['output']>;
  /** Hazards raised by these inspections, false reports excluded (发现隐患, 处). */
  hazardsFound: Scalars['Int']['output'];
  /** Items raised by these inspections and written off as false reports (误报核销, 处). */
  hazardsInvalidated: Scalars['Int']['output'];
  /** hazardsFound ÷ inspections (每次检查发现隐患). */
  hazardsPerInspection: Maybe<Scalars['Float']['output']>;
  /** Inspections started in the period (检查次数). */
  inspections: Scalars['Int']['output'];
  /** The total over all groups (合计行). */
  isTotal: Scalars['Boolean']['output'];
  /** Method (检查方式). */
  method: Maybe<InspectionMethod>;
  /** Officer visits: inspectors summed over inspections (出动人次). */
  officerVisits: Scalars['Int']['output'];
  /** First day of the DAY/WEEK/MONTH bucket, YYYY-MM-DD (统计周期起始日). */
  periodStart: Maybe<Scalars['LocalDate']['output']>;
  /** Distinct sites inspected (检查场所, 处). */
  sitesInspected: Scalars['Int']['output'];
  /** Stage (环节). */
  stage: Maybe<SupplyChainStage>;
  /** Team code (工作组代码). */
  teamCode: Maybe<Scalars['String']['output']>;
  /** Team name (工作组). */
  teamName: Maybe<Scalars['String']['output']>;
};

/** Integer filter (整数筛选). */
export type IntFilter = {
  /** Equal to (等于). */
  eq?: InputMaybe<Scalars['Int']['input']>;
  /** Greater than (大于). */
  gt?: InputMaybe<Scalars['Int']['input']>;
  /** At least (不小于). */
  gte?: InputMaybe<Scalars['Int']['input']>;
  /** One of (属于其一), at most 1,000. */
  in?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Less than (小于). */
  lt?: InputMaybe<Scalars['Int']['input']>;
  /** At most (不大于). */
  lte?: InputMaybe<Scalars['Int']['input']>;
};

/** An interview of the party (约谈). */
export type InterviewInput = {
  /** Date, YYYY-MM-DD (约谈日期). */
  date: Scalars['LocalDate']['input'];
  /** Department that held it (约谈部门). */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** Who was interviewed: company, owner, manager (约谈对象). */
  party: Scalars['String']['input'];
};

/** Issue a warning to a business or a district (发出警示提醒). */
export type IssueWarningInput = {
  /** Business warned; or give districtCode alone (警示对象主体). */
  businessId?: InputMaybe<Scalars['ID']['input']>;
  /** Campaign it belongs to (所属专项行动). */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** Content (内容). */
  content: Scalars['String']['input'];
  /** Issuing department code (发出部门). */
  departmentCode: Scalars['String']['input'];
  /** District warned; with a business, its district (警示区县). */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  /** Retry key: a repeated create with the same key returns the first result (幂等键). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Issued on (发出日期). */
  issuedOn: Scalars['LocalDate']['input'];
  /** Kind (类型). */
  kind: WarningKind;
};

/** A daily job for one Asia/Shanghai day (每日任务运行记录); one row per job and day across all instances. */
export type JobRun = {
  __typename?: 'JobRun';
  /** Runs started for this day: more than 1 after a crash, a shutdown or a manual re-run (运行次数). */
  attempts: Scalars['Int']['output'];
  /** The Asia/Shanghai day it ran for (业务日期). */
  day: Scalars['LocalDate']['output'];
  /** Effects written by all runs of the day, e.g. escalations or snapshot rows; a resumed run adds only the missing ones (产生记录数). */
  effects: Scalars['Int']['output'];
  /** Error of a failed run, for the administrator (错误信息). */
  error: Maybe<Scalars['String']['output']>;
  /** Finished (完成时间). */
  finishedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Which job (任务). */
  job: DailyJob;
  /** Which instance ran it last, host and process id (运行实例). */
  owner: Scalars['String']['output'];
  /** Last start (开始时间). */
  startedAt: Scalars['DateTimeISO']['output'];
  /** State (状态). */
  status: JobRunStatus;
  /** Started by the schedule or by an administrator (触发方式). */
  triggeredBy: JobTrigger;
};

/** State of a job for a day (任务状态). */
export type JobRunStatus =
  /** Finished for the day (已完成). */
  | 'DONE'
  /** Stopped by an error; the next run retries it (失败). */
  | 'FAILED'
  /** Stopped by a shutdown; the next run resumes it (已中断). */
  | 'INTERRUPTED'
  /** Started and not finished; after a crash the next run resumes it (运行中). */
  | 'RUNNING';

/** What started a run of the daily jobs (触发方式). */
export type JobTrigger =
  /** An administrator, by runDailyJobs (手动触发). */
  | 'MANUAL'
  /** The schedule of the service itself (定时触发). */
  | 'SCHEDULE';

/** A joint operation (联合检查): one outing of several departments on a day; the bulletin’s 出动检查组 and 出动人次 come from these. */
export type JointOperation = Node & {
  __typename?: 'JointOperation';
  /** Campaign it belongs to (所属专项行动). */
  campaign: Maybe<Campaign>;
  /** Human code LH-<yyyymmdd>-<seq> (联合检查编号). */
  code: Scalars['String']['output'];
  /** Recorded (录入时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Departments that took part, the leading one first (参与部门). */
  departments: Array<Department>;
  /** Districts visited (检查区县). */
  districtCodes: Array<Scalars['String']['output']>;
  /** Districts visited (检查区县). */
  districts: Array<District>;
  /** Inspection groups dispatched (出动检查组, 个). */
  groupsDispatched: Scalars['Int']['output'];
  /** Day of the outing (检查日期). */
  heldOn: Scalars['LocalDate']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Inspections it produced, in the order started (检查记录). */
  inspections: Array<Inspection>;
  /** Remarks (备注). */
  note: Maybe<Scalars['String']['output']>;
  /** Officers deployed, person-times (出动人次). */
  officerCount: Scalars['Int']['output'];
  /** Names of the officers, where recorded (检查人员); personal data, masked for partner viewers. */
  officers: Array<Scalars['String']['output']>;
  /** Organising team (组织工作组). */
  team: TaskTeam;
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Version (版本号). */
  version: Scalars['Int']['output'];
};

/** A page of joint operations (联合检查列表). */
export type JointOperationConnection = {
  __typename?: 'JointOperationConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<JointOperationEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<JointOperation>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A JointOperation with its cursor. */
export type JointOperationEdge = {
  __typename?: 'JointOperationEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The JointOperation of this row (记录). */
  node: JointOperation;
};

/** Which joint operations (联合检查筛选). */
export type JointOperationFilter = {
  /** Campaign (专项行动). */
  campaignId?: InputMaybe<IdFilter>;
  /** Day of the outing (检查日期). */
  heldOn?: InputMaybe<DateRangeFilter>;
  /** Team code (工作组). */
  team?: InputMaybe<StringFilter>;
};

/** Result of recordJointOperation (联合检查). */
export type JointOperationPayload = {
  __typename?: 'JointOperationPayload';
  /** The joint operation; null when userErrors is not empty. */
  jointOperation: Maybe<JointOperation>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Put a major hazard under listed supervision (挂牌督办). */
export type ListRemediationItemInput = {
  /** Listing authority (挂牌单位). */
  authority: Scalars['String']['input'];
  /** The authority's deadline, YYYY-MM-DD, not before the listing and at most a year after it; default the item's rectification deadline (督办期限). */
  deadline?: InputMaybe<Scalars['LocalDate']['input']>;
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Item (隐患). */
  id: Scalars['ID']['input'];
  /** Level of the listing authority (挂牌级别). */
  level?: ListingLevel;
  /** Listed on, YYYY-MM-DD; default today (挂牌日期). */
  listedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Listing number (挂牌编号). */
  listingNumber: Scalars['String']['input'];
  /** Plan document reference (整改方案文件). */
  planDocument?: InputMaybe<Scalars['String']['input']>;
};

/** Listed supervision of a major hazard (挂牌督办). */
export type Listing = {
  __typename?: 'Listing';
  /** Acceptance due: 10 days after the deadline or, if earlier, after the party's application for review (验收期限); null without either. */
  acceptanceDueOn: Maybe<Scalars['LocalDate']['output']>;
  /** Acceptance note (验收意见). */
  acceptanceNote: Maybe<Scalars['String']['output']>;
  /** Accepted by the listing authority on, YYYY-MM-DD; cleared when a later review fails, since it accepted a rectification that did not hold (验收日期). */
  acceptedOn: Maybe<Scalars['LocalDate']['output']>;
  /** Listing authority, e.g. 乐山市人民政府安全生产委员会 (挂牌单位). */
  authority: Scalars['String']['output'];
  /** The authority's deadline for the rectification, YYYY-MM-DD, at most a year after listing (督办期限). */
  deadline: Maybe<Scalars['LocalDate']['output']>;
  /** How far the overdue item has been escalated so far (逾期督办升级). */
  escalation: ListingEscalation;
  /** Past the deadline: explanation, interim plan and monitoring filed on, YYYY-MM-DD (逾期说明报送日期). */
  explanationFiledOn: Maybe<Scalars['LocalDate']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Level of the listing authority (挂牌级别). */
  level: ListingLevel;
  /** Why the listing was lifted (撤销挂牌原因). */
  liftReason: Maybe<Scalars['String']['output']>;
  /** Listing lifted on, YYYY-MM-DD: the hazard was re-graded below major by the task-force office (撤销挂牌日期). */
  liftedOn: Maybe<Scalars['LocalDate']['output']>;
  /** Listed on, YYYY-MM-DD (挂牌日期). */
  listedOn: Scalars['LocalDate']['output'];
  /** Listing number (挂牌编号). */
  listingNumber: Scalars['String']['output'];
  /** Past the authority's deadline while still being rectified (挂牌督办逾期). */
  overdue: Scalars['Boolean']['output'];
  /** Days past the authority's deadline; 0 when not overdue (督办逾期天数). */
  overdueDays: Scalars['Int']['output'];
  /** Plan document reference (整改方案文件). */
  planDocument: Maybe<Scalars['String']['output']>;
  /** Publicly criticised on, YYYY-MM-DD (通报批评日期). */
  publicCriticismOn: Maybe<Scalars['LocalDate']['output']>;
  /** Publication due: 5 working days after listing (公布期限). */
  publishDueOn: Scalars['LocalDate']['output'];
  /** Not yet published and past its publication due date (逾期未公布). */
  publishOverdue: Scalars['Boolean']['output'];
  /** Made public on, YYYY-MM-DD (公布日期). */
  publishedOn: Maybe<Scalars['LocalDate']['output']>;
  /** Number of the supervision letter (督办函文号). */
  supervisionLetterNo: Maybe<Scalars['String']['output']>;
  /** Supervision letter issued on, YYYY-MM-DD (督办函日期). */
  supervisionLetterOn: Maybe<Scalars['LocalDate']['output']>;
};

/** Escalation of an overdue listed item (逾期督办升级). */
export type ListingEscalation =
  /** The party filed an explanation, interim plan and monitoring (已报送逾期说明) */
  | 'EXPLANATION_FILED'
  /** Nothing recorded (无) */
  | 'NONE'
  /** Publicly criticised (已通报批评) */
  | 'PUBLIC_CRITICISM'
  /** A supervision letter was issued (已发督办函) */
  | 'SUPERVISION_LETTER';

/** Level of the listing authority (挂牌督办级别). */
export type ListingLevel =
  /** Listed by a district or county (区县级挂牌) */
  | 'COUNTY'
  /** Listed by the city, e.g. the Leshan safety committee (市级挂牌) */
  | 'MUNICIPAL'
  /** Listed by the province (省级挂牌) */
  | 'PROVINCIAL';

/** A notification of the signed-in user’s inbox, pushed live (站内通知推送). */
export type LiveNotification = {
  __typename?: 'LiveNotification';
  /** The notification as the inbox stores it, without the recipient (通知内容). */
  content: Scalars['JSONObject']['output'];
  /** Notification id (通知ID). */
  id: Scalars['ID']['output'];
};

/** Sign in (登录). */
export type LoginInput = {
  /** Password (密码). */
  password: Scalars['String']['input'];
  /** Username (用户名), case-insensitive. */
  username: Scalars['String']['input'];
};

/** Result of login (登录). */
export type LoginPayload = {
  __typename?: 'LoginPayload';
  /** Signed access token (JWT); send as "Authorization: Bearer <token>" (访问令牌). */
  accessToken: Maybe<Scalars['String']['output']>;
  /** When the access token expires; get a new one with refreshSession before (过期时间). */
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** When the refresh token lapses unless used (刷新令牌过期时间). */
  refreshExpiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Refresh token: exchange it once with refreshSession for a new pair; keep it secret (刷新令牌). */
  refreshToken: Maybe<Scalars['String']['output']>;
  /** The signed-in user. */
  user: Maybe<User>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Which notifications to mark read (标记已读): the given ids, or all of the caller’s. */
export type MarkNotificationsReadInput = {
  /** Mark every unread notification of the caller read (全部已读). */
  all?: InputMaybe<Scalars['Boolean']['input']>;
  /** Notification ids, each the caller’s own (通知ID). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Result of markNotificationsRead (标记已读). */
export type MarkNotificationsReadPayload = {
  __typename?: 'MarkNotificationsReadPayload';
  /** Notifications that changed from unread to read (本次标记数). */
  marked: Maybe<Scalars['Int']['output']>;
  /** Unread notifications left (剩余未读). */
  unreadCount: Maybe<Scalars['Int']['output']>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Who is calling (当前身份): a signed-in user or an API key. */
export type Me = {
  __typename?: 'Me';
  /** Department (所属部门). */
  department: Maybe<Department>;
  /** District codes of its write scope (可写区县). */
  districtCodes: Array<Scalars['String']['output']>;
  /** User or API key id (用户或密钥ID). */
  id: Scalars['ID']['output'];
  /** user or apiKey (身份类型). */
  kind: PrincipalKind;
  /** Username or key name (名称). */
  name: Scalars['String']['output'];
  /** Role (角色). */
  role: Role;
  /** Stages of the principal's teams: its write scope as an agency officer (可写环节). */
  stages: Array<SupplyChainStage>;
  /** Task teams (所属工作组). */
  teams: Array<TaskTeam>;
};

/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Record evidence metadata: before/after photos, videos, documents (添加证据).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  addEvidence: EvidencePayload;
  /**
   * Archive a business; it is kept for history (归档主体).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  archiveBusiness: BusinessPayload;
  /**
   * Archive a certificate record (归档证书).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  archiveCertificate: CertificatePayload;
  /**
   * Archive a product model (归档产品型号).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  archiveProductModel: ProductModelPayload;
  /**
   * Archive a site (归档场所).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  archiveSite: SitePayload;
  /**
   * Archive a supply relation (归档供货关系).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  archiveSupplyRelation: SupplyRelationPayload;
  /**
   * Record a certificate status change with its reason (证书状态变更).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  changeCertificateStatus: CertificatePayload;
  /**
   * Change your own password (修改密码): every other session ends, this one gets new tokens. At most one per operation.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  changeMyPassword: ChangeMyPasswordPayload;
  /**
   * Close a case with its closing date and outcome (结案).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  closeEnforcementCase: EnforcementCasePayload;
  /**
   * Write a VALIDATED import in one transaction, in the background: all rows or none, or the valid rows only when asked (确认导入).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  commitImport: ImportPayload;
  /**
   * Create an API key for a machine client; the key is shown once (新建API密钥).
   *
   * Roles (可调用角色): ADMIN.
   */
  createApiKey: ApiKeyPayload;
  /**
   * Register a business (新增主体).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  createBusiness: BusinessPayload;
  /**
   * Create a campaign with its targets and goals (新建专项行动).
   *
   * Roles (可调用角色): COORDINATOR.
   */
  createCampaign: CampaignPayload;
  /**
   * Register a CCC certificate (新增CCC证书).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  createCertificate: CertificatePayload;
  /**
   * Record an inspection with its checklist and the hazards it found, atomically (录入检查).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  createInspection: InspectionPayload;
  /**
   * Register a product model (新增产品型号).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  createProductModel: ProductModelPayload;
  /**
   * Register a remediation item (登记隐患).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  createRemediationItem: RemediationItemPayload;
  /**
   * Register a site (新增场所).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  createSite: SitePayload;
  /**
   * Record that one business supplies another (新增供货关系).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  createSupplyRelation: SupplyRelationPayload;
  /**
   * Put a task on a team’s task list (新建任务).
   *
   * Roles (可调用角色): COORDINATOR.
   */
  createTask: TaskPayload;
  /**
   * Create a user (新建用户).
   *
   * Roles (可调用角色): ADMIN.
   */
  createUser: UserPayload;
  /**
   * Deactivate a user: sign-in and existing tokens stop working, and reactivation does not revive them; history stays (停用用户).
   *
   * Roles (可调用角色): ADMIN.
   */
  deactivateUser: UserPayload;
  /**
   * Approve (moving the deadline, history kept) or refuse an extension; for a listed item a coordinator decides, and an approval moves the listing deadline too (延期审批).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  decideExtension: ExtensionPayload;
  /**
   * Select a case for public exposure as a typical case, or withdraw it (典型案例曝光).
   *
   * Roles (可调用角色): COORDINATOR.
   */
  exposeEnforcementCase: EnforcementCasePayload;
  /**
   * File an enforcement case with penalties, fines and seizures (立案查处).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  fileEnforcementCase: EnforcementCasePayload;
  /**
   * Issue a warning to a business or a district (发出警示提醒).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  issueWarning: WarningPayload;
  /**
   * Put a major hazard under listed supervision (挂牌督办).
   *
   * Roles (可调用角色): COORDINATOR.
   */
  listRemediationItem: RemediationItemPayload;
  /**
   * Sign in with username and password; returns a short-lived access token and a refresh token (登录). At most one per operation.
   *
   * Roles (可调用角色): anyone, signed in or not (公开).
   */
  login: LoginPayload;
  /**
   * Mark the caller's notifications read, by id or all (标记通知已读).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  markNotificationsRead: MarkNotificationsReadPayload;
  /**
   * Record a joint operation: day, districts, departments, groups and officers (录入联合检查).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  recordJointOperation: JointOperationPayload;
  /**
   * Exchange a refresh token for a new access token and refresh token (刷新会话); a refresh token works once. At most one per operation.
   *
   * Roles (可调用角色): anyone, signed in or not (公开).
   */
  refreshSession: RefreshSessionPayload;
  /**
   * Register a partner system to receive events by signed HTTP POST (登记Webhook订阅方).
   *
   * Roles (可调用角色): ADMIN.
   */
  registerWebhookSubscriber: RegisterWebhookSubscriberPayload;
  /**
   * Withdraw a closing recorded in error, so the case can be corrected (撤销结案).
   *
   * Roles (可调用角色): COORDINATOR.
   */
  reopenEnforcementCase: EnforcementCasePayload;
  /**
   * Ask for a later deadline (延期申请).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  requestExtension: ExtensionPayload;
  /**
   * Send a dead-lettered (or delivered) event again, from attempt 1 (重新推送).
   *
   * Roles (可调用角色): ADMIN.
   */
  resendWebhookDelivery: ResendWebhookDeliveryPayload;
  /**
   * Give a user a new generated password, shown once; all its sessions end (重置密码). At most one per operation.
   *
   * Roles (可调用角色): ADMIN.
   */
  resetUserPassword: UserPayload;
  /**
   * Revoke an API key for good (吊销API密钥).
   *
   * Roles (可调用角色): ADMIN.
   */
  revokeApiKey: ApiKeyPayload;
  /**
   * Run today's daily jobs now (立即执行每日任务): escalation, then the snapshot of yesterday. A job already done is run again; nothing is escalated or stored twice.
   *
   * Roles (可调用角色): ADMIN.
   */
  runDailyJobs: RunDailyJobsPayload;
  /**
   * Set a day as public holiday, weekend day worked in exchange, or back to its weekday (设置节假日/调休).
   *
   * Roles (可调用角色): ADMIN.
   */
  setCalendarDay: SetCalendarDayPayload;
  /**
   * Mark a year’s calendar OFFICIAL once its State Council schedule is entered, or WEEKENDS_ONLY (设置年度日历状态).
   *
   * Roles (可调用角色): ADMIN.
   */
  setCalendarYear: SetCalendarYearPayload;
  /**
   * Set how many working days a department has for a review (设置复查期限).
   *
   * Roles (可调用角色): ADMIN.
   */
  setDepartmentReviewWindow: SetDepartmentReviewWindowPayload;
  /**
   * End the session of a refresh token, e.g. this device's (退出登录); its access token lapses within minutes.
   *
   * Roles (可调用角色): anyone, signed in or not (公开).
   */
  signOut: SignOutPayload;
  /**
   * End every session of the signed-in user on every device at once, access tokens included (退出所有设备).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  signOutEverywhere: SignOutPayload;
  /**
   * Upload a spreadsheet (XLSX or CSV: UTF-8 with or without BOM, GB18030) as a GraphQL multipart request with the header Apollo-Require-Preflight; it is checked in the background without writing anything (上传并校验). Poll import(id), then commitImport.
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  startImport: ImportPayload;
  /**
   * Move an item through its workflow: notice, rectification, review, close, write-off, interview, transfer … (整改流程操作).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  transitionRemediationItem: RemediationItemPayload;
  /**
   * Change a business (修改主体).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  updateBusiness: BusinessPayload;
  /**
   * Move a campaign to its next phase, extend it, or restate its goals (调整专项行动).
   *
   * Roles (可调用角色): COORDINATOR.
   */
  updateCampaign: CampaignPayload;
  /**
   * Change a certificate’s details (修改证书).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  updateCertificate: CertificatePayload;
  /**
   * Correct or complete an open case: penalties decided later, amounts, the transfer’s outcome (修改案件).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  updateEnforcementCase: EnforcementCasePayload;
  /**
   * Change an escalation rule (修改督办规则); versioned and audited, applied from the next daily run.
   *
   * Roles (可调用角色): COORDINATOR.
   */
  updateEscalationRule: UpdateEscalationRulePayload;
  /**
   * Change a product model (修改产品型号).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  updateProductModel: ProductModelPayload;
  /**
   * Correct a milestone’s date or note (修改法规节点); later reference loads keep the correction.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR.
   */
  updateRegulatoryMilestone: UpdateRegulatoryMilestonePayload;
  /**
   * Correct or re-grade a hazard: type, level, major fire hazard, description, responsible person, measures; code and history kept (隐患更正/重新定级).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  updateRemediationItem: RemediationItemPayload;
  /**
   * Change a site (修改场所).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  updateSite: SitePayload;
  /**
   * Change a supply relation (修改供货关系).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  updateSupplyRelation: SupplyRelationPayload;
  /**
   * Report progress on a task: state, a dated note, evidence of completion; officers only on tasks they own (更新任务进展).
   *
   * Roles (可调用角色): COORDINATOR, AGENCY_OFFICER.
   */
  updateTask: TaskPayload;
  /**
   * Rename a task team or change its lead, members and stages (修改专项工作组).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR.
   */
  updateTaskTeam: UpdateTaskTeamPayload;
  /**
   * Change a user's name, role, department, scopes or active flag (修改用户).
   *
   * Roles (可调用角色): ADMIN.
   */
  updateUser: UserPayload;
  /**
   * Change, pause or resume a webhook subscriber (修改Webhook订阅方).
   *
   * Roles (可调用角色): ADMIN.
   */
  updateWebhookSubscriber: UpdateWebhookSubscriberPayload;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationAddEvidenceArgs = {
  input: AddEvidenceInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationArchiveBusinessArgs = {
  input: ArchiveInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationArchiveCertificateArgs = {
  input: ArchiveInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationArchiveProductModelArgs = {
  input: ArchiveInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationArchiveSiteArgs = {
  input: ArchiveInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationArchiveSupplyRelationArgs = {
  input: ArchiveInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationChangeCertificateStatusArgs = {
  input: ChangeCertificateStatusInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationChangeMyPasswordArgs = {
  input: ChangeMyPasswordInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCloseEnforcementCaseArgs = {
  input: CloseEnforcementCaseInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCommitImportArgs = {
  input: CommitImportInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateBusinessArgs = {
  input: CreateBusinessInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateCampaignArgs = {
  input: CreateCampaignInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateCertificateArgs = {
  input: CreateCertificateInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateInspectionArgs = {
  input: CreateInspectionInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateProductModelArgs = {
  input: CreateProductModelInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateRemediationItemArgs = {
  input: CreateRemediationItemInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateSiteArgs = {
  input: CreateSiteInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateSupplyRelationArgs = {
  input: CreateSupplyRelationInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateTaskArgs = {
  input: CreateTaskInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationDeactivateUserArgs = {
  input: UserRefInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationDecideExtensionArgs = {
  input: DecideExtensionInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationExposeEnforcementCaseArgs = {
  input: ExposeEnforcementCaseInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationFileEnforcementCaseArgs = {
  input: FileEnforcementCaseInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationIssueWarningArgs = {
  input: IssueWarningInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationListRemediationItemArgs = {
  input: ListRemediationItemInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationLoginArgs = {
  input: LoginInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationMarkNotificationsReadArgs = {
  input: MarkNotificationsReadInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationRecordJointOperationArgs = {
  input: RecordJointOperationInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationRefreshSessionArgs = {
  input: RefreshSessionInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationRegisterWebhookSubscriberArgs = {
  input: RegisterWebhookSubscriberInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationReopenEnforcementCaseArgs = {
  input: ReopenEnforcementCaseInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationRequestExtensionArgs = {
  input: RequestExtensionInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationResendWebhookDeliveryArgs = {
  input: ResendWebhookDeliveryInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationResetUserPasswordArgs = {
  input: UserRefInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationRevokeApiKeyArgs = {
  input: ApiKeyRefInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationRunDailyJobsArgs = {
  input: RunDailyJobsInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationSetCalendarDayArgs = {
  input: SetCalendarDayInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationSetCalendarYearArgs = {
  input: SetCalendarYearInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationSetDepartmentReviewWindowArgs = {
  input: SetDepartmentReviewWindowInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationSignOutArgs = {
  input: SignOutInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationSignOutEverywhereArgs = {
  input: SignOutEverywhereInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationStartImportArgs = {
  input: StartImportInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationTransitionRemediationItemArgs = {
  input: TransitionInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateBusinessArgs = {
  input: UpdateBusinessInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateCampaignArgs = {
  input: UpdateCampaignInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateCertificateArgs = {
  input: UpdateCertificateInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateEnforcementCaseArgs = {
  input: UpdateEnforcementCaseInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateEscalationRuleArgs = {
  input: UpdateEscalationRuleInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateProductModelArgs = {
  input: UpdateProductModelInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateRegulatoryMilestoneArgs = {
  input: UpdateRegulatoryMilestoneInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateRemediationItemArgs = {
  input: UpdateRemediationItemInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateSiteArgs = {
  input: UpdateSiteInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateSupplyRelationArgs = {
  input: UpdateSupplyRelationInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateTaskArgs = {
  input: UpdateTaskInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateTaskTeamArgs = {
  input: UpdateTaskTeamInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};


/** Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it. */
export type MutationUpdateWebhookSubscriberArgs = {
  input: UpdateWebhookSubscriberInput;
};

/** A record that can be fetched again by its id alone with node(id:) (可按ID重新获取的记录). The id is the record UUID: unique across all types, stable, the same everywhere it appears. */
export type Node = {
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
};

/** Kind of rectification order (整改通知类型). */
export type NoticeType =
  /** Ordered to correct immediately, on the spot (责令立即改正) */
  | 'IMMEDIATE'
  /** Ordered to correct within a time limit; needs a deadline (责令限期改正) */
  | 'LIMITED_TIME';

/** An entry of the caller's inbox (通知): an escalation, an assignment or a workflow step of an item in the caller's scope. */
export type Notification = {
  __typename?: 'Notification';
  /** When it was sent (通知时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Details: action, rule, level, days (详情). */
  data: Maybe<Scalars['JSONObject']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Code of that item, e.g. LS-511102-20260301-0001 (隐患编号). */
  itemCode: Maybe<Scalars['String']['output']>;
  /** The remediation item it is about (相关隐患ID). */
  itemId: Maybe<Scalars['ID']['output']>;
  /** Why it was sent (通知类型). */
  kind: NotificationKind;
  /** When the user marked it read; null while unread (已读时间). */
  readAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Short text in Chinese, e.g. 隐患 LS-… 逾期1天，已升级督办 (通知标题). */
  title: Scalars['String']['output'];
  /** The same in English (英文标题). */
  titleEn: Scalars['String']['output'];
};

/** A page of the caller's notifications, newest first (通知列表). */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<NotificationEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<Notification>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A Notification with its cursor. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The Notification of this row (记录). */
  node: Notification;
};

/** Why a notification was sent (通知类型). */
export type NotificationKind =
  /** A new item was registered for the user's team and district (新隐患交办). */
  | 'ASSIGNED'
  /** An item of the user’s team was escalated: overdue, near or past the listing deadline, review overdue (逾期督办). */
  | 'ESCALATED'
  /** A supervision letter (督办函) to the user's department or the task-force office. */
  | 'SUPERVISION_LETTER'
  /** An item in the user's scope moved in the workflow (隐患状态变化). */
  | 'TRANSITION';

/** A domain event of the outbox (领域事件): what changed, where, and when. */
export type OutboxEvent = {
  __typename?: 'OutboxEvent';
  /** Facts of the event without personal data: code, action, statuses (事件内容). */
  data: Scalars['JSONObject']['output'];
  /** District of the record, GB/T 2260 (区县). */
  districtCode: Scalars['String']['output'];
  /** Id of that record (对象ID). */
  entityId: Scalars['ID']['output'];
  /** Type of the record it is about: RemediationItem or Inspection (对象类型). */
  entityType: AuditEntityType;
  /** Idempotency id: the same in every delivery of this event (幂等ID). */
  id: Scalars['ID']['output'];
  /** When the change happened (发生时间). */
  occurredAt: Scalars['DateTimeISO']['output'];
  /** Supply-chain stage of the record (环节). */
  stage: Maybe<SupplyChainStage>;
  /** Task team of the record (专项工作组). */
  teamId: Maybe<Scalars['ID']['output']>;
  /** Kind of event (事件类型). */
  type: OutboxEventType;
};

/** Kind of a domain event sent to webhooks and live subscribers (领域事件类型). */
export type OutboxEventType =
  /** An inspection was recorded (检查登记). */
  | 'INSPECTION_RECORDED'
  /** An item was given to a (new) team or department (隐患交办). */
  | 'ITEM_ASSIGNED'
  /** A remediation item was registered (隐患登记). */
  | 'ITEM_CREATED'
  /** An item was escalated for being overdue (督办). */
  | 'ITEM_ESCALATED'
  /** A workflow action was applied to an item (隐患流转). */
  | 'ITEM_TRANSITIONED'
  /** An item was corrected, extended, listed, or gained a case or evidence (隐患信息变更). */
  | 'ITEM_UPDATED';

/** Where a page sits in a list (分页信息), Relay style. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last row; pass it as `after` for the next page (末行游标). */
  endCursor: Maybe<Scalars['String']['output']>;
  /** More rows follow this page (是否有下一页). */
  hasNextPage: Scalars['Boolean']['output'];
  /** This page was requested after a cursor, so rows precede it (是否有上一页). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first row of the page (首行游标). */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Administrative penalty (行政处罚种类), DOMAIN.md §7. */
export type PenaltyType =
  /** Administrative detention, police only (行政拘留) */
  | 'ADMIN_DETENTION'
  /** Confiscation of illegal gains (没收违法所得) */
  | 'CONFISCATE_ILLEGAL_GAINS'
  /** Confiscation of illegal property: vehicles, batteries, parts (没收非法财物) */
  | 'CONFISCATE_PROPERTY'
  /** Fine (罚款) */
  | 'FINE'
  /** Ordered to suspend production or business (责令停产停业) */
  | 'SUSPEND_OPERATIONS'
  /** Licence suspended or revoked (暂扣/吊销许可证照) */
  | 'SUSPEND_OR_REVOKE_LICENCE'
  /** Warning (警告) */
  | 'WARNING';

/** A period (期间). */
export type Period = {
  __typename?: 'Period';
  /** Number of days (天数). */
  days: Scalars['Int']['output'];
  /** First day (起始日期). */
  from: Scalars['LocalDate']['output'];
  /** Last day, included (截止日期). */
  to: Scalars['LocalDate']['output'];
};

/** A period of Asia/Shanghai calendar days, both ends included (统计期间，北京时间). */
export type PeriodInput = {
  /** First day, YYYY-MM-DD (起始日期). */
  from: Scalars['LocalDate']['input'];
  /** Last day, YYYY-MM-DD, included (截止日期). */
  to: Scalars['LocalDate']['input'];
};

/** The six elements of a major hazard’s rectification plan (整改方案六要素), all required. */
export type PlanInput = {
  /** Safety measures and contingency plan (安全措施和应急预案). */
  contingency: Scalars['String']['input'];
  /** Funds and materials (经费物资). */
  funds: Scalars['String']['input'];
  /** Methods and measures (方法措施). */
  measures: Scalars['String']['input'];
  /** Objectives and tasks (目标任务). */
  objectives: Scalars['String']['input'];
  /** Responsible bodies and persons (机构和责任人). */
  responsible: Scalars['String']['input'];
  /** Time limits (时限要求). */
  timeline: Scalars['String']['input'];
};

/** Outcome of a transfer to the police (移送公安结果). */
export type PoliceTransferOutcome =
  /** The police opened a case (公安机关已立案). */
  | 'ACCEPTED'
  /** The police declined to open a case (公安机关不予立案). */
  | 'DECLINED'
  /** Transferred, no reply yet (已移送，待反馈). */
  | 'PENDING'
  /** Returned for more evidence or to be handled administratively (退回). */
  | 'RETURNED';

/** Kind of caller (身份类型). */
export type PrincipalKind =
  /** An API key of a partner system (接口密钥). */
  | 'apiKey'
  /** A signed-in user (用户). */
  | 'user';

/** Kind of product model (产品类别). */
export type ProductKind =
  /** Charger (充电器) */
  | 'CHARGER'
  /** Lead-acid battery (铅酸蓄电池) */
  | 'LEAD_ACID_BATTERY'
  /** Lithium-ion battery (锂离子蓄电池) */
  | 'LITHIUM_BATTERY'
  /** E-bike (电动自行车整车) */
  | 'VEHICLE';

/** Product kind (产品类别) filter. */
export type ProductKindFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<ProductKind>;
  /** One of (属于). */
  in?: InputMaybe<Array<ProductKind>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<ProductKind>>;
};

/** A product model (产品型号): vehicle, battery or charger, traceable to its maker and sellers (溯源). */
export type ProductModel = Node & {
  __typename?: 'ProductModel';
  /** Brand (品牌). */
  brand: Scalars['String']['output'];
  /** Who manufactures, sells, repairs or recycles the model (生产、销售、维修、回收主体). */
  businesses: Array<Business>;
  /** Capacity in ampere-hours (额定容量, Ah). */
  capacityAh: Maybe<Scalars['Float']['output']>;
  /** CCC certificates of the model (认证证书). */
  certificates: Array<Certificate>;
  /** Battery chemistry of a battery or of the vehicle’s battery (电池类型). */
  chemistry: Maybe<BatteryChemistry>;
  /** Created (创建时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Kind of product (产品类别). */
  kind: ProductKind;
  /** Manufacturer (生产企业). */
  manufacturer: Maybe<Business>;
  /** True when saleRestrictions is not empty (禁止销售). */
  mayNoLongerBeSold: Scalars['Boolean']['output'];
  /** Model designation (型号). */
  model: Scalars['String']['output'];
  /** Nominal voltage in volts (标称电压). */
  nominalVoltage: Maybe<Scalars['Float']['output']>;
  /** Remediation items at any business that made, sold, repaired or recycled this model, newest first (相关隐患). */
  remediationItems: RemediationItemConnection;
  /** Why the model may no longer be sold on the day, empty when it may (禁止销售原因). Rules: README "Standards and cut-over dates". */
  saleRestrictions: Array<ProductSaleRestriction>;
  /** Mandatory standard it was made to (执行标准). */
  standardVersion: Maybe<StandardVersion>;
  /** Every mandatory standard edition the model declares it meets (符合标准), e.g. GB 17761-2024 and GB 42295-2022 for one vehicle. The sale rules (saleRestrictions) read this list; standardVersion is one of its entries. */
  standards: Array<StandardVersion>;
  /** In use or archived (状态). */
  status: RecordStatus;
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-lock version; pass it as expectedVersion when changing the record (版本号). */
  version: Scalars['Int']['output'];
};


/** A product model (产品型号): vehicle, battery or charger, traceable to its maker and sellers (溯源). */
export type ProductModelBusinessesArgs = {
  role: InputMaybe<ChainRole>;
};


/** A product model (产品型号): vehicle, battery or charger, traceable to its maker and sellers (溯源). */
export type ProductModelMayNoLongerBeSoldArgs = {
  asOf: InputMaybe<Scalars['LocalDate']['input']>;
};


/** A product model (产品型号): vehicle, battery or charger, traceable to its maker and sellers (溯源). */
export type ProductModelRemediationItemsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<RemediationItemFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A product model (产品型号): vehicle, battery or charger, traceable to its maker and sellers (溯源). */
export type ProductModelSaleRestrictionsArgs = {
  asOf: InputMaybe<Scalars['LocalDate']['input']>;
};

/** A page of product models (产品型号列表). */
export type ProductModelConnection = {
  __typename?: 'ProductModelConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<ProductModelEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<ProductModel>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A ProductModel with its cursor. */
export type ProductModelEdge = {
  __typename?: 'ProductModelEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The ProductModel of this row (记录). */
  node: ProductModel;
};

/** Which product models (产品型号筛选). Archived models are left out unless status asks for them. */
export type ProductModelFilter = {
  /** Brand (品牌). */
  brand?: InputMaybe<StringFilter>;
  /** Has a certificate with this status (证书状态). */
  certificateStatus?: InputMaybe<CertStatusFilter>;
  /** Kind (产品类别). */
  kind?: InputMaybe<ProductKindFilter>;
  /** Manufacturer (生产企业). */
  manufacturerId?: InputMaybe<IdFilter>;
  /** May no longer be sold today (禁止销售): see ProductModel.saleRestrictions. */
  mayNoLongerBeSold?: InputMaybe<BooleanFilter>;
  /** Model (型号). */
  model?: InputMaybe<StringFilter>;
  /** Standard (执行标准). */
  standardVersion?: InputMaybe<StandardVersionFilter>;
  /** Status (状态). */
  status?: InputMaybe<RecordStatusFilter>;
};

/** Order of product models: a sort key and a direction; ties are broken by id (排序). */
export type ProductModelOrder = {
  /** Direction, ascending by default (方向). */
  direction?: SortDirection;
  /** Sort key (排序字段). */
  field: ProductModelSortField;
};

/** Result of a product model mutation (产品型号). */
export type ProductModelPayload = {
  __typename?: 'ProductModelPayload';
  /** The model after the change; null when userErrors is not empty. */
  productModel: Maybe<ProductModel>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** How to sort product models (排序字段). */
export type ProductModelSortField =
  /** By brand (品牌) */
  | 'BRAND'
  /** By registration in this system (创建时间) */
  | 'CREATED_AT'
  /** By model designation (型号) */
  | 'MODEL'
  /** By last change (更新时间) */
  | 'UPDATED_AT';

/** A reason a product model may no longer be sold (禁止销售原因). */
export type ProductSaleRestriction = {
  __typename?: 'ProductSaleRestriction';
  /** The suspended or withdrawn certificate (证书编号). */
  certificateNumber: Maybe<Scalars['String']['output']>;
  /** Explanation in Chinese (说明). */
  message: Scalars['String']['output'];
  /** Explanation in English (说明, 英文). */
  messageEn: Scalars['String']['output'];
  /** Code of the regulatory milestone that sets the date (法规节点代码). */
  milestoneCode: Maybe<Scalars['String']['output']>;
  /** Reason (原因). */
  reason: SaleRestrictionReason;
  /** Applies from, YYYY-MM-DD: the milestone’s date, or the date the certificate status took effect when recorded (起始日期). */
  since: Maybe<Scalars['LocalDate']['output']>;
};

/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type Query = {
  __typename?: 'Query';
  /**
   * API keys (API密钥), newest first.
   *
   * Roles (可调用角色): ADMIN.
   */
  apiKeys: ApiKeyConnection;
  /**
   * The audit trail, newest first (审计日志).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR.
   */
  auditEvents: AuditEventConnection;
  /**
   * The standard bulletin of a period: district ranking, team progress, major and overdue items, change against the previous period (通报).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  bulletin: Bulletin;
  /**
   * One business by id (主体).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  business: Maybe<Business>;
  /**
   * The business with this USCC: the live one, else the latest archived (按统一社会信用代码查询).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  businessByUscc: Maybe<Business>;
  /**
   * Businesses of the chain (主体列表), filtered and sorted.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  businesses: BusinessConnection;
  /**
   * One campaign by id or by code, e.g. ZX-20260301-001 (专项行动).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  campaign: Maybe<Campaign>;
  /**
   * Campaigns, latest start first (专项行动列表).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  campaigns: CampaignConnection;
  /**
   * One certificate by id (证书).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  certificate: Maybe<Certificate>;
  /**
   * CCC certificates, by number (证书列表).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  certificates: CertificateConnection;
  /**
   * Inspection checklist items (检查要点), optionally of one stage.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  checklistItems: Array<ChecklistItem>;
  /**
   * Stored daily figures per day, district, team and stage (每日统计快照): trends and the figures as a past bulletin printed them.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  dailySnapshots: Array<DailySnapshotRow>;
  /**
   * Departments and member units of the task force (部门/成员单位).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  departments: Array<Department>;
  /**
   * The weekly dispatch (周调度): tasks per team, campaigns, warnings, exposures and the bulletin’s headline figures.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  dispatch: Dispatch;
  /**
   * The 11 county-level divisions of Leshan (乐山市区县), in official order.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  districts: Array<District>;
  /**
   * Cases filed and closed, fines and confiscations (罚没), seizures, per group (执法统计).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  enforcementStatistics: Array<EnforcementStatisticsRow>;
  /**
   * The escalation rules (督办规则) the daily run applies.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  escalationRules: Array<EscalationRule>;
  /**
   * The hazard-type catalogue (隐患类型目录), optionally of one stage.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  hazardTypes: Array<HazardType>;
  /**
   * An import job with its status, progress, counts and row report (导入任务).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER.
   */
  import: Maybe<ImportJob>;
  /**
   * Import jobs, newest first: an agency officer sees the jobs it started, administrators and coordinators every job (导入任务列表).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER.
   */
  imports: ImportJobConnection;
  /**
   * One inspection by id (检查).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  inspection: Maybe<Inspection>;
  /**
   * Inspections, units inspected and hazards per inspection, per group (检查统计).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  inspectionStatistics: Array<InspectionStatisticsRow>;
  /**
   * Inspections, newest first (检查列表).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  inspections: InspectionConnection;
  /**
   * Runs of the daily jobs per day (每日任务运行记录).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR.
   */
  jobRuns: Array<JobRun>;
  /**
   * Joint operations, latest first (联合检查列表).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  jointOperations: JointOperationConnection;
  /**
   * The current principal (当前身份).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  me: Me;
  /**
   * Any record by its id (按ID获取记录), Relay style: the record, or null when no record has that id. A record type the role may not read is refused as on its own root query (FORBIDDEN); fields are masked the same way.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  node: Maybe<Node>;
  /**
   * Several records by id, in the order asked (按ID批量获取记录), at most 100: null for an id no record has; a record the role may not read is null with a FORBIDDEN error at its index.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  nodes: Array<Maybe<Node>>;
  /**
   * The caller's inbox (我的通知): escalations, assignments and workflow steps of items in the caller's scope, newest first.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  notifications: NotificationConnection;
  /**
   * One product model by id (产品型号).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  productModel: Maybe<ProductModel>;
  /**
   * Product models, by brand (产品型号列表).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  productModels: ProductModelConnection;
  /**
   * Standards and cut-over dates (法规/标准节点), DOMAIN.md §9, in date order; the sale rules read their dates.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  regulatoryMilestones: Array<RegulatoryMilestone>;
  /**
   * One remediation item by id or by code, e.g. LS-511102-20250314-0007 (隐患).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  remediationItem: Maybe<RemediationItem>;
  /**
   * Remediation items across the whole chain, filtered and sorted (隐患列表).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  remediationItems: RemediationItemConnection;
  /**
   * Hazard and rectification figures per group, computed in one SQL statement (隐患整改统计).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  remediationStatistics: Array<RemediationStatisticsRow>;
  /**
   * One site by id (场所).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  site: Maybe<Site>;
  /**
   * Sites, by name (场所列表).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  sites: SiteConnection;
  /**
   * Trace suppliers and buyers from a business or a product model, up to 6 relations deep, cycle-safe (供应链追溯).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  supplyChain: SupplyChain;
  /**
   * Supply relations, newest first (供货关系列表).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  supplyRelations: SupplyRelationConnection;
  /**
   * One task team by its code, e.g. PRODUCTION (专项工作组).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  taskTeam: Maybe<TaskTeam>;
  /**
   * The task teams (专项工作组), in order.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  taskTeams: Array<TaskTeam>;
  /**
   * Tasks of every team, earliest due first (任务清单).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  tasks: TaskConnection;
  /**
   * Unread notifications of the caller (未读通知数).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  unreadNotificationCount: Scalars['Int']['output'];
  /**
   * Users (用户), by username.
   *
   * Roles (可调用角色): ADMIN.
   */
  users: UserConnection;
  /**
   * Warnings, latest first (警示提醒列表).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  warnings: WarningConnection;
  /**
   * Webhook deliveries, newest first; filter by status DEAD for the dead letters (推送记录/死信).
   *
   * Roles (可调用角色): ADMIN.
   */
  webhookDeliveries: WebhookDeliveryConnection;
  /**
   * Registered webhook subscribers, newest first (Webhook订阅方列表).
   *
   * Roles (可调用角色): ADMIN.
   */
  webhookSubscribers: WebhookSubscriberConnection;
  /**
   * The working calendar of a year: public holidays and weekend days worked in exchange, used by every working-day rule (工作日历).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  workingCalendar: WorkingCalendar;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryApiKeysArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeRevoked?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryAuditEventsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<AuditEventFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  orderBy: InputMaybe<AuditEventOrder>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryBulletinArgs = {
  from: Scalars['LocalDate']['input'];
  to: Scalars['LocalDate']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryBusinessArgs = {
  id: Scalars['ID']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryBusinessByUsccArgs = {
  uscc: Scalars['String']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryBusinessesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<BusinessFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  orderBy: InputMaybe<BusinessOrder>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryCampaignArgs = {
  code: InputMaybe<Scalars['String']['input']>;
  id: InputMaybe<Scalars['ID']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryCampaignsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CampaignFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryCertificateArgs = {
  id: Scalars['ID']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryCertificatesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CertificateFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  orderBy: InputMaybe<CertificateOrder>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryChecklistItemsArgs = {
  includeInactive?: Scalars['Boolean']['input'];
  stage: InputMaybe<SupplyChainStage>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryDailySnapshotsArgs = {
  from: Scalars['LocalDate']['input'];
  groupBy?: Array<SnapshotGroup>;
  to: Scalars['LocalDate']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryDispatchArgs = {
  from: Scalars['LocalDate']['input'];
  to: Scalars['LocalDate']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryEnforcementStatisticsArgs = {
  filter: InputMaybe<RemediationItemFilter>;
  groupBy?: Array<StatisticsDimension>;
  period: PeriodInput;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryHazardTypesArgs = {
  includeInactive?: Scalars['Boolean']['input'];
  stage: InputMaybe<SupplyChainStage>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryImportArgs = {
  id: Scalars['ID']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryImportsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ImportFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryInspectionArgs = {
  id: Scalars['ID']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryInspectionStatisticsArgs = {
  filter: InputMaybe<InspectionFilter>;
  groupBy?: Array<StatisticsDimension>;
  period: PeriodInput;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryInspectionsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<InspectionFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  orderBy: InputMaybe<InspectionOrder>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryJobRunsArgs = {
  from: Scalars['LocalDate']['input'];
  to: Scalars['LocalDate']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryJointOperationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<JointOperationFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryNotificationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: Scalars['Boolean']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryProductModelArgs = {
  id: Scalars['ID']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryProductModelsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ProductModelFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  orderBy: InputMaybe<ProductModelOrder>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryRemediationItemArgs = {
  code: InputMaybe<Scalars['String']['input']>;
  id: InputMaybe<Scalars['ID']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryRemediationItemsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<RemediationItemFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  orderBy: InputMaybe<RemediationItemOrder>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryRemediationStatisticsArgs = {
  filter: InputMaybe<RemediationItemFilter>;
  groupBy?: Array<StatisticsDimension>;
  period: PeriodInput;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QuerySiteArgs = {
  id: Scalars['ID']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QuerySitesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<SiteFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  orderBy: InputMaybe<SiteOrder>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QuerySupplyChainArgs = {
  direction?: ChainDirection;
  from: ChainStart;
  maxDepth?: Scalars['Int']['input'];
  maxNodes?: Scalars['Int']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QuerySupplyRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<SupplyRelationFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryTaskTeamArgs = {
  code: Scalars['String']['input'];
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryTasksArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<TaskFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryUsersArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<UserFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryWarningsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<WarningFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryWebhookDeliveriesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  status: InputMaybe<WebhookDeliveryStatus>;
  subscriberId: InputMaybe<Scalars['ID']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryWebhookSubscribersArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role. */
export type QueryWorkingCalendarArgs = {
  year: Scalars['Int']['input'];
};

/** Record a joint operation (录入联合检查): one outing of several departments. */
export type RecordJointOperationInput = {
  /** Campaign it belongs to (所属专项行动). */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** Departments taking part, the leading one first; a joint operation has at least two (参与部门). */
  departmentCodes: Array<Scalars['String']['input']>;
  /** Districts visited (检查区县). */
  districtCodes: Array<Scalars['String']['input']>;
  /** Inspection groups dispatched (出动检查组). */
  groupsDispatched: Scalars['Int']['input'];
  /** Day of the outing (检查日期). */
  heldOn: Scalars['LocalDate']['input'];
  /** Retry key: a repeated create with the same key returns the first result (幂等键). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Remarks (备注). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Officers deployed, person-times (出动人次). */
  officerCount: Scalars['Int']['input'];
  /** Officer names, where recorded (检查人员). */
  officers?: Array<Scalars['String']['input']>;
  /** Task team that organised it (组织工作组). */
  teamCode: Scalars['String']['input'];
};

/** Whether a registry record is in use (记录状态); regulatory records are archived, never deleted. */
export type RecordStatus =
  /** In use (有效) */
  | 'ACTIVE'
  /** Archived, kept for history (已归档) */
  | 'ARCHIVED';

/** Record status (记录状态) filter. */
export type RecordStatusFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<RecordStatus>;
  /** One of (属于). */
  in?: InputMaybe<Array<RecordStatus>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<RecordStatus>>;
};

/** Exchange a refresh token for a new session (刷新会话). */
export type RefreshSessionInput = {
  /** The refresh token from login or the last refreshSession; each works once (刷新令牌). */
  refreshToken: Scalars['String']['input'];
};

/** Result of refreshSession (刷新会话): a new access token and a new refresh token; the old refresh token is used up. */
export type RefreshSessionPayload = {
  __typename?: 'RefreshSessionPayload';
  /** Signed access token (JWT); send as "Authorization: Bearer <token>" (访问令牌). */
  accessToken: Maybe<Scalars['String']['output']>;
  /** When the access token expires; get a new one with refreshSession before (过期时间). */
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** When the refresh token lapses unless used (刷新令牌过期时间). */
  refreshExpiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Refresh token: exchange it once with refreshSession for a new pair; keep it secret (刷新令牌). */
  refreshToken: Maybe<Scalars['String']['output']>;
  /** The signed-in user. */
  user: Maybe<User>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Register a partner system to receive events by HTTP POST (登记Webhook订阅方). */
export type RegisterWebhookSubscriberInput = {
  /** Only events in these districts (GB/T 2260); omitted or empty: all (区县范围). */
  districtCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Kinds of event to send, at least one (事件类型). */
  eventTypes: Array<OutboxEventType>;
  /** What the receiving system is, 1–100 characters (订阅方名称). */
  name: Scalars['String']['input'];
  /** Shared secret of the HMAC-SHA256 signature, 16–200 characters; never shown again (签名密钥). */
  secret: Scalars['String']['input'];
  /** Only events of these task teams (codes); omitted or empty: all (工作组范围). */
  teamCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** http:// or https:// address, at most 2048 characters, not this service itself (接收地址). */
  url: Scalars['String']['input'];
};

/** Result of registerWebhookSubscriber (登记Webhook订阅方). */
export type RegisterWebhookSubscriberPayload = {
  __typename?: 'RegisterWebhookSubscriberPayload';
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
  /** The new subscriber; null when userErrors is not empty. */
  webhookSubscriber: Maybe<WebhookSubscriber>;
};

/** A regulatory milestone (法规/标准节点), DOMAIN.md §9: a date from which a rule applies. Seeded, editable by administrators and coordinators; the reference loader never overwrites an edit. */
export type RegulatoryMilestone = {
  __typename?: 'RegulatoryMilestone';
  /** Stable code, e.g. GB17761_2018_SALES_END (节点代码). The sale rules look milestones up by code. */
  code: Scalars['String']['output'];
  /** Date from which it applies, YYYY-MM-DD; null when not confirmed — a rule with no date is not applied (生效日期). */
  effectiveOn: Maybe<Scalars['LocalDate']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Remarks: source, what is not confirmed, why a date was chosen (备注). */
  note: Maybe<Scalars['String']['output']>;
  /** What happens, in English (事项, 英文). */
  titleEn: Scalars['String']['output'];
  /** What happens, in Chinese (事项). */
  titleZh: Scalars['String']['output'];
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-lock version (版本号); pass it as expectedVersion when updating. */
  version: Scalars['Int']['output'];
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

/** One step in the history of a remediation item: a transition or a comment (整改记录). */
export type RemediationEvent = {
  __typename?: 'RemediationEvent';
  /** What happened: a workflow step (RemediationAction) or another change such as CREATED, EXTENSION_REQUESTED, LISTED, CASE_FILED, EVIDENCE_ADDED, UPDATED (操作). */
  action: RemediationEventAction;
  /** Actor (操作人ID). */
  actorId: Maybe<Scalars['ID']['output']>;
  /** Actor name (操作人). */
  actorName: Maybe<Scalars['String']['output']>;
  /** Actor role at the time (角色). */
  actorRole: Maybe<Role>;
  /** Comment (说明). */
  comment: Maybe<Scalars['String']['output']>;
  /** Details of the step, e.g. the old and new deadline (详情). */
  data: Maybe<Scalars['JSONObject']['output']>;
  /** Status before (原状态). */
  fromStatus: Maybe<HazardStatus>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** When (时间). */
  occurredAt: Scalars['DateTimeISO']['output'];
  /** Status after (新状态). */
  toStatus: HazardStatus;
};

/** What an entry of an item's history records: a workflow step (RemediationAction) or another change to the item (履历事件类型). */
export type RemediationEventAction =
  /** Workflow step ACCEPT_LISTING, see RemediationAction (整改流程操作). */
  | 'ACCEPT_LISTING'
  /** Enforcement case closed (结案) */
  | 'CASE_CLOSED'
  /** Enforcement case filed (立案) */
  | 'CASE_FILED'
  /** Enforcement case reopened (案件重开) */
  | 'CASE_REOPENED'
  /** Enforcement case updated (案件更新) */
  | 'CASE_UPDATED'
  /** Workflow step CLOSE, see RemediationAction (整改流程操作). */
  | 'CLOSE'
  /** Workflow step COMMENT, see RemediationAction (整改流程操作). */
  | 'COMMENT'
  /** Registered (登记) */
  | 'CREATED'
  /** Escalated by the daily run: overdue, listing deadline near or past, review overdue (逾期督办) */
  | 'ESCALATED'
  /** Evidence added (添加证据) */
  | 'EVIDENCE_ADDED'
  /** Extension approved (批准延期) */
  | 'EXTENSION_APPROVED'
  /** Extension refused (不予延期) */
  | 'EXTENSION_REFUSED'
  /** Extension requested (申请延期) */
  | 'EXTENSION_REQUESTED'
  /** Workflow step FAIL_REVIEW, see RemediationAction (整改流程操作). */
  | 'FAIL_REVIEW'
  /** Workflow step FILE_OVERDUE_EXPLANATION, see RemediationAction (整改流程操作). */
  | 'FILE_OVERDUE_EXPLANATION'
  /** Workflow step INVALIDATE, see RemediationAction (整改流程操作). */
  | 'INVALIDATE'
  /** Workflow step ISSUE_SUPERVISION_LETTER, see RemediationAction (整改流程操作). */
  | 'ISSUE_SUPERVISION_LETTER'
  /** Listed for supervision (挂牌督办) */
  | 'LISTED'
  /** Workflow step PASS_REVIEW, see RemediationAction (整改流程操作). */
  | 'PASS_REVIEW'
  /** Workflow step PUBLIC_CRITICISM, see RemediationAction (整改流程操作). */
  | 'PUBLIC_CRITICISM'
  /** Workflow step PUBLISH_LISTING, see RemediationAction (整改流程操作). */
  | 'PUBLISH_LISTING'
  /** Workflow step RECORD_INTERVIEW, see RemediationAction (整改流程操作). */
  | 'RECORD_INTERVIEW'
  /** Workflow step RECTIFY_ON_SITE, see RemediationAction (整改流程操作). */
  | 'RECTIFY_ON_SITE'
  /** Workflow step REPORT_COMPLETION, see RemediationAction (整改流程操作). */
  | 'REPORT_COMPLETION'
  /** Workflow step SEAL, see RemediationAction (整改流程操作). */
  | 'SEAL'
  /** Workflow step SERVE_NOTICE, see RemediationAction (整改流程操作). */
  | 'SERVE_NOTICE'
  /** Workflow step START_RECTIFICATION, see RemediationAction (整改流程操作). */
  | 'START_RECTIFICATION'
  /** Workflow step SUBMIT_PLAN, see RemediationAction (整改流程操作). */
  | 'SUBMIT_PLAN'
  /** Supervision letter sent by the daily run to the responsible department (督办函) */
  | 'SUPERVISION_LETTER'
  /** Workflow step TRANSFER, see RemediationAction (整改流程操作). */
  | 'TRANSFER'
  /** Workflow step UNSEAL, see RemediationAction (整改流程操作). */
  | 'UNSEAL'
  /** Facts corrected (更正) */
  | 'UPDATED';

/** A remediation item: one hazard (隐患) and its rectification (整改), DOMAIN.md §6.4. */
export type RemediationItem = Node & {
  __typename?: 'RemediationItem';
  /** Address of the hazard (地址). */
  address: Maybe<Scalars['String']['output']>;
  /** Actions the current user may take now: which buttons to show (可执行操作). */
  availableTransitions: Array<RemediationAction>;
  /** Responsible business (责任主体). */
  business: Maybe<Business>;
  /** Campaign the item was found in (所属专项行动). */
  campaign: Maybe<Campaign>;
  /** An enforcement case was filed (已立案). */
  caseFiled: Scalars['Boolean']['output'];
  /** Closed (销号时间). */
  closedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Who closed it (销号人). */
  closedBy: Maybe<Scalars['ID']['output']>;
  /** Asia/Shanghai date it was closed (销号日期). */
  closedOn: Maybe<Scalars['LocalDate']['output']>;
  /** Human code LS-<district>-<yyyymmdd>-<seq>, gap-free per district and day (隐患编号). */
  code: Scalars['String']['output'];
  /** When completion was reported (报告整改完成时间). */
  completionReportedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Who recorded the completion report; may not review or close (完成报告录入人). */
  completionReportedBy: Maybe<Scalars['ID']['output']>;
  /** Registered (登记时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Who registered it (登记人). */
  createdBy: Maybe<Scalars['ID']['output']>;
  /** Rectification deadline, an Asia/Shanghai date YYYY-MM-DD (整改期限). */
  deadline: Maybe<Scalars['LocalDate']['output']>;
  /** What was found (隐患描述). */
  description: Scalars['String']['output'];
  /** When it was found (发现时间). */
  discoveredAt: Scalars['DateTimeISO']['output'];
  /** Officers who found it (发现人); personal data. */
  discoveredBy: Array<Scalars['String']['output']>;
  /** Asia/Shanghai date it was found (发现日期). */
  discoveredOn: Scalars['LocalDate']['output'];
  /** How it was found (发现方式). */
  discoveryMethod: InspectionMethod;
  /** District (区县). */
  district: District;
  /** District code (区县). */
  districtCode: Scalars['String']['output'];
  /** Enforcement cases filed (立案). */
  enforcementCases: Array<EnforcementCase>;
  /** Highest escalation level (督办级别) the daily run has reached for the item, 0 when never escalated; its escalations are ESCALATED and SUPERVISION_LETTER events. Not a workflow change: the version stays. */
  escalationLevel: Scalars['Int']['output'];
  /** History: every transition and comment, oldest first (整改记录). */
  events: Array<RemediationEvent>;
  /** Evidence, oldest first (证据). */
  evidence: Array<Evidence>;
  /** Extension requests, oldest first (延期申请). */
  extensionRequests: Array<ExtensionRequest>;
  /** Approved extensions so far (延期次数). */
  extensions: Scalars['Int']['output'];
  /** Failed reviews so far (复查不合格次数). */
  failedReviews: Scalars['Int']['output'];
  /** Rectification funds in yuan (整改资金). */
  funds: Maybe<Scalars['Yuan']['output']>;
  /** Hazard type (隐患类型). */
  hazardType: HazardType;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Inspection that found it (所属检查). */
  inspection: Maybe<Inspection>;
  /** Interim safety measures until fixed (临时防范措施). */
  interimMeasures: Maybe<Scalars['String']['output']>;
  /** The party was interviewed (已约谈). */
  interviewed: Scalars['Boolean']['output'];
  /** Why it was written off (核销原因). */
  invalidationReason: Maybe<Scalars['String']['output']>;
  /** Judged a major fire hazard under GB 35181 (重大火灾隐患). */
  isMajorFireHazard: Scalars['Boolean']['output'];
  /** Lead department (牵头部门). */
  leadDepartment: Maybe<Department>;
  /** Legal basis cited (依据条款). */
  legalBasis: Maybe<Scalars['String']['output']>;
  /** Level (隐患等级). */
  level: HazardLevel;
  /** Under listed supervision (挂牌督办). */
  listed: Scalars['Boolean']['output'];
  /** Listed supervision, if listed (挂牌督办). */
  listing: Maybe<Listing>;
  /** Listed, and past the listing authority's deadline while still being rectified, by today's Asia/Shanghai date (挂牌督办逾期). */
  listingOverdue: Scalars['Boolean']['output'];
  /** Number of the notice document (文书编号). */
  noticeNo: Maybe<Scalars['String']['output']>;
  /** When the notice was served (送达时间). */
  noticeServedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Kind of rectification order (整改通知类型). */
  noticeType: Maybe<NoticeType>;
  /** Past its deadline and not yet verified, closed or written off, by today’s Asia/Shanghai date (逾期). */
  overdue: Scalars['Boolean']['output'];
  /** Days past the deadline; 0 when not overdue (逾期天数). */
  overdueDays: Scalars['Int']['output'];
  /** Six-element plan of a major hazard: objectives, measures, funds, responsible, deadline, contingency (整改方案). */
  plan: Maybe<Scalars['JSONObject']['output']>;
  /** Rectification measures (整改措施). */
  rectificationMeasures: Maybe<Scalars['String']['output']>;
  /** When rectification was confirmed: fixed on the spot or review passed (整改完成确认时间). */
  rectifiedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Asia/Shanghai date of rectifiedAt (整改完成日期). */
  rectifiedOn: Maybe<Scalars['LocalDate']['output']>;
  /** Responsible person's phone (联系电话); personal data. */
  responsibleContact: Maybe<Scalars['String']['output']>;
  /** Responsible person of the party (责任人); personal data. */
  responsiblePerson: Maybe<Scalars['String']['output']>;
  /** When the review is due (复查期限): the lead department’s review window (3 by default, MPS Order No. 120) in working days of the working calendar — public holidays skipped, exchanged weekend days counted — after the deadline, or after the party applied for review when that came first; null with neither. */
  reviewDueDate: Maybe<Scalars['LocalDate']['output']>;
  /** Review notes (复查意见). */
  reviewNotes: Maybe<Scalars['String']['output']>;
  /** Latest review result (复查结论). */
  reviewResult: Maybe<ReviewResult>;
  /** Reviewed (复查时间). */
  reviewedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Reviewer principal id (复查人). */
  reviewerId: Maybe<Scalars['ID']['output']>;
  /** Reviewer (复查人). */
  reviewerName: Maybe<Scalars['String']['output']>;
  /** Temporarily sealed or suspended (临时查封/停产停业). */
  sealed: Scalars['Boolean']['output'];
  /** Site (场所). */
  site: Maybe<Site>;
  /** Stage (环节). */
  stage: SupplyChainStage;
  /** Workflow status (状态). */
  status: HazardStatus;
  /** Responsible task team (负责工作组). */
  team: TaskTeam;
  /** Transferred to another department or the police (已移交/移送). */
  transferred: Scalars['Boolean']['output'];
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-lock version; pass as expectedVersion (版本号). */
  version: Scalars['Int']['output'];
};

/** A committed change of a remediation item, pushed live (隐患变更推送). */
export type RemediationItemChange = {
  __typename?: 'RemediationItemChange';
  /** Workflow action or history entry, e.g. SERVE_NOTICE, CREATED (操作). */
  action: Maybe<RemediationEventAction>;
  /** Id of the change event; the same id webhooks carry (事件ID). */
  id: Scalars['ID']['output'];
  /** The item as committed, read after the change (隐患). */
  item: Maybe<RemediationItem>;
  /** When it happened (发生时间). */
  occurredAt: Scalars['DateTimeISO']['output'];
  /** Kind of change (变更类型). */
  type: OutboxEventType;
};

/** Which item changes to receive; every given condition must hold (隐患变更订阅条件). */
export type RemediationItemChangedFilter = {
  /** Only items in these districts, GB/T 2260 (区县). */
  districtCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only these items (隐患ID). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only items in these stages (环节). */
  stages?: InputMaybe<Array<SupplyChainStage>>;
  /** Only items of these task teams, by code (工作组). */
  teamCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only these kinds of change (变更类型). */
  types?: InputMaybe<Array<OutboxEventType>>;
};

/** A page of remediation items (隐患列表). */
export type RemediationItemConnection = {
  __typename?: 'RemediationItemConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<RemediationItemEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<RemediationItem>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A RemediationItem with its cursor. */
export type RemediationItemEdge = {
  __typename?: 'RemediationItemEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The RemediationItem of this row (记录). */
  node: RemediationItem;
};

/** Which remediation items (隐患筛选). All set conditions must hold. */
export type RemediationItemFilter = {
  /** Business (主体). */
  businessId?: InputMaybe<IdFilter>;
  /** The business's types (主体类型). */
  businessType?: InputMaybe<BusinessTypeFilter>;
  /** Deadline (整改期限). */
  deadline?: InputMaybe<DateRangeFilter>;
  /** Discovered, Asia/Shanghai dates (发现日期). */
  discoveredOn?: InputMaybe<DateRangeFilter>;
  /** How it was found (发现方式). */
  discoveryMethod?: InputMaybe<InspectionMethodFilter>;
  /** District code (区县). */
  district?: InputMaybe<StringFilter>;
  /** Highest escalation level reached by the daily escalation run, 0 when never escalated (督办级别), e.g. { gte: 1 } for every escalated item. */
  escalationLevel?: InputMaybe<IntFilter>;
  /** Hazard type code (隐患类型). */
  hazardType?: InputMaybe<StringFilter>;
  /** Inspection (检查). */
  inspectionId?: InputMaybe<IdFilter>;
  /** Level (等级). */
  level?: InputMaybe<HazardLevelFilter>;
  /** Under listed supervision (挂牌督办). */
  listed?: InputMaybe<BooleanFilter>;
  /** Listed and past the listing authority's deadline while still being rectified, today Asia/Shanghai (挂牌督办逾期). */
  listingOverdue?: InputMaybe<BooleanFilter>;
  /** Major: level MAJOR or a major fire hazard (重大隐患). */
  major?: InputMaybe<BooleanFilter>;
  /** Overdue today, Asia/Shanghai (逾期). */
  overdue?: InputMaybe<BooleanFilter>;
  /** Items at any business linked to this product model: its maker and every supplier or buyer of it (产品型号). */
  productModelId?: InputMaybe<IdFilter>;
  /** Site (场所). */
  siteId?: InputMaybe<IdFilter>;
  /** Stage (环节). */
  stage?: InputMaybe<SupplyChainStageFilter>;
  /** Status (状态). */
  status?: InputMaybe<HazardStatusFilter>;
  /** Team code (工作组). */
  team?: InputMaybe<StringFilter>;
  /** Text in the code, description, address or business name (关键词). */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** Sort order of remediation items (排序). */
export type RemediationItemOrder = {
  /** Direction (方向). */
  direction?: SortDirection;
  /** Sort key (排序字段). */
  field: RemediationSortField;
};

/** Result of a remediation item mutation (隐患). */
export type RemediationItemPayload = {
  __typename?: 'RemediationItemPayload';
  /** The item after the change; null when userErrors is not empty. */
  remediationItem: Maybe<RemediationItem>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** How to sort remediation items (排序字段). */
export type RemediationSortField =
  /** By code (编号) */
  | 'CODE'
  /** By deadline; items without one last (整改期限) */
  | 'DEADLINE'
  /** By discovery time (发现时间) */
  | 'DISCOVERED_AT'
  /** By last change (更新时间) */
  | 'UPDATED_AT';

/** One row of remediation statistics (隐患整改统计). Definitions: README "Report definitions". */
export type RemediationStatisticsRow = {
  __typename?: 'RemediationStatisticsRow';
  /** Average calendar days from discovery to closing of the closed (平均销号天数). */
  avgDaysToClose: Maybe<Scalars['Float']['output']>;
  /** Of those, closed by the end of the period (已销号). */
  closed: Scalars['Int']['output'];
  /** Closed in the period, whenever found: the office’s throughput (本期销号). */
  closedInPeriod: Scalars['Int']['output'];
  /** Department code (部门代码). */
  departmentCode: Maybe<Scalars['String']['output']>;
  /** Department name (部门). */
  departmentName: Maybe<Scalars['String']['output']>;
  /** District code (区县代码). */
  districtCode: Maybe<Scalars['String']['output']>;
  /** District name (区县). */
  districtName: Maybe<Scalars['String']['output']>;
  /** Of those, escalated at least once by the daily run, as of now (已督办). */
  escalated: Scalars['Int']['output'];
  /** Failed reviews of the items found (复查不合格次数). */
  failedReviews: Scalars['Int']['output'];
  /** Hazards found in the period, false reports excluded (发现隐患, 处). */
  found: Scalars['Int']['output'];
  /** Hazard type code (隐患类型代码). */
  hazardTypeCode: Maybe<Scalars['String']['output']>;
  /** Hazard type name (隐患类型). */
  hazardTypeName: Maybe<Scalars['String']['output']>;
  /** Found in the period and written off as false reports (误报核销). */
  invalidated: Scalars['Int']['output'];
  /** The total over all groups (合计行). */
  isTotal: Scalars['Boolean']['output'];
  /** Level (隐患等级). */
  level: Maybe<HazardLevel>;
  /** Of those, under listed supervision (挂牌督办). */
  listed: Scalars['Int']['output'];
  /** New overdue (本期新增逾期, 处): of the items found in the period, those past their deadline and neither rectified nor closed on the as-of day (the end of the period, or today if earlier). */
  newOverdue: Scalars['Int']['output'];
  /** Closed on or before the deadline ÷ closed; null when none closed (按期整改率). */
  onTimeRate: Maybe<Scalars['Float']['output']>;
  /** Of those, not closed by the end of the period (未销号). */
  open: Scalars['Int']['output'];
  /**
   * Same as newOverdue (逾期, 本期新增逾期); kept for existing clients.
   * @deprecated Two overdue figures now have distinct names: use newOverdue (of the items found in the period) or overdueBacklog (every item overdue at the end of the period); removal in 2.0.0.
   */
  overdue: Scalars['Int']['output'];
  /** Overdue backlog (逾期存量, 处): every item past its deadline and neither rectified nor closed on the as-of day, whenever it was found; false reports excluded. Grouped by DAY/WEEK/MONTH: as of each bucket’s last day; the total row: as of the as-of day. */
  overdueBacklog: Scalars['Int']['output'];
  /** First day of the DAY/WEEK/MONTH bucket, YYYY-MM-DD (统计周期起始日). */
  periodStart: Maybe<Scalars['LocalDate']['output']>;
  /** closed ÷ found; null when nothing was found (整改率). */
  rectificationRate: Maybe<Scalars['Float']['output']>;
  /** Of those, rectified by the end of the period (已整改). */
  rectified: Scalars['Int']['output'];
  /** Stage (环节). */
  stage: Maybe<SupplyChainStage>;
  /** Current status (当前状态). */
  status: Maybe<HazardStatus>;
  /** Team code (工作组代码). */
  teamCode: Maybe<Scalars['String']['output']>;
  /** Team name (工作组). */
  teamName: Maybe<Scalars['String']['output']>;
};

/** Reopen a closed case to correct it (撤销结案); the closing is kept in the history. */
export type ReopenEnforcementCaseInput = {
  /** The case version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Case (案件). */
  id: Scalars['ID']['input'];
  /** Why the closing is withdrawn (撤销结案理由). */
  reason: Scalars['String']['input'];
};

/** Ask for a later rectification deadline (延期申请). */
export type RequestExtensionInput = {
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Item (隐患). */
  id: Scalars['ID']['input'];
  /** Why (理由). */
  reason: Scalars['String']['input'];
  /** Deadline asked for, YYYY-MM-DD, after the current one (申请期限). */
  requestedDeadline: Scalars['LocalDate']['input'];
  /** When the party applied, YYYY-MM-DD; default today. An application after the current deadline is refused: the item is overdue (申请日期). */
  requestedOn?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** Send a dead (or delivered) event to its subscriber again (重新推送). */
export type ResendWebhookDeliveryInput = {
  /** The delivery (推送记录ID). */
  id: Scalars['ID']['input'];
};

/** Result of resendWebhookDelivery (重新推送). */
export type ResendWebhookDeliveryPayload = {
  __typename?: 'ResendWebhookDeliveryPayload';
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
  /** The delivery, pending again; null when userErrors is not empty. */
  webhookDelivery: Maybe<WebhookDelivery>;
};

/** A supply relation through which a business still trades a model that may no longer be sold (在售禁售产品). */
export type RestrictedProductSale = {
  __typename?: 'RestrictedProductSale';
  /** Relation last seen, YYYY-MM-DD (最近发现日期). */
  lastSeenOn: Maybe<Scalars['LocalDate']['output']>;
  /** The model (产品型号). */
  productModel: ProductModel;
  /** Why the model may no longer be sold (禁止销售原因). */
  restrictions: Array<ProductSaleRestriction>;
  /** Its side of the relation (角色). */
  role: SupplyRole;
  /** The supply relation (供货关系). */
  supplyRelation: SupplyRelation;
  /** Id of the supply relation (供货关系ID). */
  supplyRelationId: Scalars['ID']['output'];
};

/** Outcome of a review (复查结论). */
export type ReviewResult =
  /** Failed (不合格) */
  | 'FAIL'
  /** Passed (合格) */
  | 'PASS';

/** What a user or API key may do (角色). */
export type Role =
  /** System administrator: users, keys, reference data (系统管理员). */
  | 'ADMIN'
  /** A department's inspector: writes only in its teams' stages and its districts (部门执法检查人员). */
  | 'AGENCY_OFFICER'
  /** Task-force office at the fire rescue detachment: everything in the workflow (专班办公室/协调员). */
  | 'COORDINATOR'
  /** Read-only partner frontend; personal data masked (合作单位只读). */
  | 'PARTNER_VIEWER'
  /** Report generator: aggregates and exports only (报表生成). */
  | 'REPORTER';

/** Role (角色) filter. */
export type RoleFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<Role>;
  /** One of (属于). */
  in?: InputMaybe<Array<Role>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<Role>>;
};

/** How to run the daily jobs now (立即执行每日任务). */
export type RunDailyJobsInput = {
  /** The Asia/Shanghai day to run; only today, since the jobs read today’s state (default today) (业务日期). */
  day?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Skip the jobs already done today, as the schedule does; by default they run again (nothing is escalated or stored twice) (跳过已完成任务). */
  skipDone?: Scalars['Boolean']['input'];
};

/** Result of runDailyJobs (立即执行每日任务). */
export type RunDailyJobsPayload = {
  __typename?: 'RunDailyJobsPayload';
  /** The Asia/Shanghai day run (业务日期). */
  day: Maybe<Scalars['LocalDate']['output']>;
  /** Whether this call ran the jobs: false when another instance was running them (本次是否执行). */
  ran: Maybe<Scalars['Boolean']['output']>;
  /** The day’s job runs after the call (运行记录). */
  runs: Maybe<Array<JobRun>>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Why a product model may no longer be sold (禁止销售原因), DOMAIN.md §9. */
export type SaleRestrictionReason =
  /** Its CCC certificate is suspended (证书暂停) */
  | 'CERTIFICATE_SUSPENDED'
  /** Its CCC certificate is withdrawn (证书撤销) */
  | 'CERTIFICATE_WITHDRAWN'
  /** Vehicle meets GB 17761-2018 only, after the old edition’s last sale day (仅符合GB 17761-2018旧标准) */
  | 'GB17761_2018_ONLY'
  /** No valid CCC certificate after the CCC cut-over for its kind (无有效CCC证书) */
  | 'NO_VALID_CCC';

/** Set one day of the working calendar (设置工作日历日期). */
export type SetCalendarDayInput = {
  /** The date, YYYY-MM-DD (日期). */
  date: Scalars['LocalDate']['input'];
  /** HOLIDAY (any day), ADJUSTED_WORKDAY (Saturday or Sunday), or the weekday’s own kind — WORKDAY / WEEKEND — to remove an exception (类型). */
  kind: CalendarDayKind;
  /** Holiday name, e.g. 国庆节 (节日名称). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Result of setCalendarDay (设置工作日历日期). */
export type SetCalendarDayPayload = {
  __typename?: 'SetCalendarDayPayload';
  /** The day after the change; null when userErrors is not empty. */
  day: Maybe<WorkingCalendarDay>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
  /** Its year after the change. */
  workingCalendar: Maybe<WorkingCalendar>;
};

/** Mark a year’s calendar official or weekends-only (设置年度日历状态). */
export type SetCalendarYearInput = {
  /** The version you read; 0 for a year without a calendar (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Note, e.g. the State Council notice (备注); omitted keeps it. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** New status (状态). */
  status: CalendarYearStatus;
  /** Year (年份). */
  year: Scalars['Int']['input'];
};

/** Result of setCalendarYear (设置年度日历状态). */
export type SetCalendarYearPayload = {
  __typename?: 'SetCalendarYearPayload';
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
  /** The year after the change; null when userErrors is not empty. */
  workingCalendar: Maybe<WorkingCalendar>;
};

/** Set a department’s review window (设置复查期限). */
export type SetDepartmentReviewWindowInput = {
  /** Department code, e.g. FIRE (部门代码). */
  departmentCode: Scalars['String']['input'];
  /** Working days after the deadline or the application within which the review is due, 1–30 (复查期限，工作日). */
  workingDays: Scalars['Int']['input'];
};

/** Result of setDepartmentReviewWindow (设置复查期限). */
export type SetDepartmentReviewWindowPayload = {
  __typename?: 'SetDepartmentReviewWindowPayload';
  /** The department after the change; null when userErrors is not empty. */
  department: Maybe<Department>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** End every session of the signed-in user (退出所有设备). */
export type SignOutEverywhereInput = {
  /** Why, for the audit trail, e.g. "phone lost" (原因). */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** End the session of one refresh token, e.g. on this device (退出登录). */
export type SignOutInput = {
  /** The refresh token of the session to end (刷新令牌). */
  refreshToken: Scalars['String']['input'];
};

/** Result of signOut / signOutEverywhere (退出登录). */
export type SignOutPayload = {
  __typename?: 'SignOutPayload';
  /** When the sessions ended (退出时间). */
  signedOutAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** A place checked for parking and charging (场所): compound, building, venue, swap-cabinet point … */
export type Site = Node & {
  __typename?: 'Site';
  /** Address (地址). */
  address: Maybe<Scalars['String']['output']>;
  /** Why it was archived (归档原因). */
  archiveReason: Maybe<Scalars['String']['output']>;
  /** Number of charging ports, where relevant (充电端口数). */
  chargingPorts: Maybe<Scalars['Int']['output']>;
  /** Created (创建时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** District (所在区县). */
  district: District;
  /** District code (所在区县). */
  districtCode: Scalars['String']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Latitude, WGS-84 (纬度). */
  latitude: Maybe<Scalars['Float']['output']>;
  /** Longitude, WGS-84 (经度). */
  longitude: Maybe<Scalars['Float']['output']>;
  /** Name (名称). */
  name: Scalars['String']['output'];
  /** Managing or operating business (管理/运营单位). */
  operator: Maybe<Business>;
  /** Remediation items at this site, newest first (隐患). */
  remediationItems: RemediationItemConnection;
  /** Kind of place (场所类型). */
  siteType: SiteType;
  /** In use or archived (状态). */
  status: RecordStatus;
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-lock version; pass it as expectedVersion when changing the record (版本号). */
  version: Scalars['Int']['output'];
};


/** A place checked for parking and charging (场所): compound, building, venue, swap-cabinet point … */
export type SiteRemediationItemsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<RemediationItemFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};

/** A page of sites (场所列表). */
export type SiteConnection = {
  __typename?: 'SiteConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<SiteEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<Site>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A Site with its cursor. */
export type SiteEdge = {
  __typename?: 'SiteEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The Site of this row (记录). */
  node: Site;
};

/** Which sites (场所筛选). Archived sites are left out unless status asks for them. */
export type SiteFilter = {
  /** District code (区县). */
  district?: InputMaybe<StringFilter>;
  /** Name (名称). */
  name?: InputMaybe<StringFilter>;
  /** Operating business (运营单位). */
  operatorBusinessId?: InputMaybe<IdFilter>;
  /** Site type (场所类型). */
  siteType?: InputMaybe<SiteTypeFilter>;
  /** Status (状态). */
  status?: InputMaybe<RecordStatusFilter>;
};

/** Order of sites: a sort key and a direction; ties are broken by id (排序). */
export type SiteOrder = {
  /** Direction, ascending by default (方向). */
  direction?: SortDirection;
  /** Sort key (排序字段). */
  field: SiteSortField;
};

/** Result of a site mutation (场所). */
export type SitePayload = {
  __typename?: 'SitePayload';
  /** The site after the change; null when userErrors is not empty. */
  site: Maybe<Site>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** How to sort sites (排序字段). */
export type SiteSortField =
  /** By registration in this system (创建时间) */
  | 'CREATED_AT'
  /** By name (名称) */
  | 'NAME'
  /** By last change (更新时间) */
  | 'UPDATED_AT';

/** Kind of place checked for parking and charging (场所类型). */
export type SiteType =
  /** Central parking and charging site of an organisation or community (集中停放充电场所) */
  | 'CENTRAL_PARKING_CHARGING_SITE'
  /** Crowded venue (人员密集场所) */
  | 'CROWDED_VENUE'
  /** High-rise residential building (高层民用建筑) */
  | 'HIGH_RISE'
  /** "Nine small" venue (九小场所) */
  | 'NINE_SMALL_VENUE'
  /** Old residential compound (老旧小区) */
  | 'OLD_COMPOUND'
  /** Rental or group rental housing (出租屋/群租房) */
  | 'RENTAL_HOUSING'
  /** Residential compound (居民小区/住宅小区) */
  | 'RESIDENTIAL_COMPOUND'
  /** Self-built house (自建房) */
  | 'SELF_BUILT_HOUSE'
  /** Stilt floor (架空层) */
  | 'STILT_FLOOR'
  /** Street-front shop (沿街门店) */
  | 'STREET_SHOP'
  /** Battery swap cabinet location (换电柜点位) */
  | 'SWAP_CABINET_SITE';

/** Site type (场所类型) filter. */
export type SiteTypeFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<SiteType>;
  /** One of (属于). */
  in?: InputMaybe<Array<SiteType>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<SiteType>>;
};

/** What stored daily figures are grouped by (快照分组). */
export type SnapshotGroup =
  /** District (区县) */
  | 'DISTRICT'
  /** Stage (环节) */
  | 'STAGE'
  /** Task team (工作组) */
  | 'TEAM';

/** Sort direction (排序方向). */
export type SortDirection =
  /** Ascending (升序) */
  | 'ASC'
  /** Descending (降序) */
  | 'DESC';

/** Mandatory national standard a model was made to (执行标准), DOMAIN.md §9. */
export type StandardVersion =
  /** GB 17761-2018 e-bike safety (old) (电动自行车安全技术规范 2018版) */
  | 'GB17761_2018'
  /** GB 17761-2024 e-bike safety (new), production from 2025-09-01 (电动自行车安全技术规范 2024版) */
  | 'GB17761_2024'
  /** GB 42295-2022 e-bike electrical safety (电动自行车电气安全要求) */
  | 'GB42295_2022'
  /** GB 42296-2022 e-bike charger safety (电动自行车用充电器安全技术要求) */
  | 'GB42296_2022'
  /** GB 43854-2024 e-bike lithium battery safety (电动自行车用锂离子蓄电池安全技术规范) */
  | 'GB43854_2024';

/** Standard (执行标准) filter. */
export type StandardVersionFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<StandardVersion>;
  /** One of (属于). */
  in?: InputMaybe<Array<StandardVersion>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<StandardVersion>>;
};

/** A spreadsheet to check (上传导入文件). */
export type StartImportInput = {
  /** The spreadsheet, as a multipart file part mapped to variables.input.file (文件). */
  file: Scalars['Upload']['input'];
  /** What the file holds (导入类型). */
  kind: ImportKind;
};

/** What statistics rows are grouped by (统计维度). Time buckets are Asia/Shanghai calendar days, ISO weeks (Monday) and months. */
export type StatisticsDimension =
  /** Day (按日) */
  | 'DAY'
  /** Lead department; for enforcement, the filing department (牵头/立案部门) */
  | 'DEPARTMENT'
  /** District (区县) */
  | 'DISTRICT'
  /** Hazard type (隐患类型) */
  | 'HAZARD_TYPE'
  /** Hazard level (隐患等级) */
  | 'LEVEL'
  /** Inspection or discovery method (检查/发现方式) */
  | 'METHOD'
  /** Month (按月) */
  | 'MONTH'
  /** Supply-chain stage (环节) */
  | 'STAGE'
  /** Current workflow status (当前状态) */
  | 'STATUS'
  /** Task team (工作组) */
  | 'TEAM'
  /** ISO week starting Monday (按周) */
  | 'WEEK';

/** Text filter (文本筛选). All set operators must hold. */
export type StringFilter = {
  /** Contains, case-insensitive; works for Chinese (包含). */
  contains?: InputMaybe<Scalars['String']['input']>;
  /** Equals (等于). */
  eq?: InputMaybe<Scalars['String']['input']>;
  /** One of (属于). */
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** true: value is empty; false: value is present (是否为空). */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Starts with, case-insensitive (开头为). */
  startsWith?: InputMaybe<Scalars['String']['input']>;
};

/** Live updates over graphql-ws on /graphql (实时推送): published after commit, with the same role, row scope and masking as queries. Each field says which roles may subscribe. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Inspections as they are recorded, matching the filter (检查登记实时推送).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  inspectionRecorded: Inspection;
  /**
   * Notifications of the signed-in user’s inbox as they arrive (站内通知实时推送).
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER.
   */
  notificationReceived: LiveNotification;
  /**
   * Committed changes of remediation items matching the filter, as they happen (隐患变更实时推送). Over graphql-ws on /graphql; the token goes in the connection payload.
   *
   * Roles (可调用角色): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER.
   */
  remediationItemChanged: RemediationItemChange;
};


/** Live updates over graphql-ws on /graphql (实时推送): published after commit, with the same role, row scope and masking as queries. Each field says which roles may subscribe. */
export type SubscriptionInspectionRecordedArgs = {
  filter: InputMaybe<InspectionRecordedFilter>;
};


/** Live updates over graphql-ws on /graphql (实时推送): published after commit, with the same role, row scope and masking as queries. Each field says which roles may subscribe. */
export type SubscriptionRemediationItemChangedArgs = {
  filter: InputMaybe<RemediationItemChangedFilter>;
};

/** Result of a supply-chain trace (供应链追溯): businesses and the relations between them. */
export type SupplyChain = {
  __typename?: 'SupplyChain';
  /** Relations followed between the businesses returned (边). */
  edges: Array<SupplyChainEdge>;
  /** Businesses reached, nearest first (节点). */
  nodes: Array<SupplyChainNode>;
  /** Businesses reached within maxDepth, the start included, before the maxNodes cap (可达节点数). */
  reachedNodes: Scalars['Int']['output'];
  /** True when more businesses were reached than maxNodes returns: ask again with a larger maxNodes or a smaller maxDepth (结果已截断). */
  truncated: Scalars['Boolean']['output'];
};

/** A supply relation followed by a trace (追溯边). */
export type SupplyChainEdge = {
  __typename?: 'SupplyChainEdge';
  /** The step at which the relation was followed: depth of its near end + 1 (a relation closing a cycle may lead back to a nearer business) (层级). */
  depth: Scalars['Int']['output'];
  /** The relation (供货关系). */
  relation: SupplyRelation;
};

/** A business reached by a supply-chain trace (追溯节点). */
export type SupplyChainNode = {
  __typename?: 'SupplyChainNode';
  /** The business (主体). */
  business: Business;
  /** Fewest relations from the start, either way; 0 is the start (层级). */
  depth: Scalars['Int']['output'];
  /** Relations downstream of the start, if reached that way (下游层级). */
  downstreamDepth: Maybe<Scalars['Int']['output']>;
  /** Relations upstream of the start, if reached that way (上游层级). */
  upstreamDepth: Maybe<Scalars['Int']['output']>;
};

/** Supply-chain stage (环节) of the e-bike whole chain */
export type SupplyChainStage =
  /** Import (进口) */
  | 'IMPORT'
  /** Assembly, modification and repair (组装改装/维修) */
  | 'MODIFICATION'
  /** Parking and charging (停放充电) */
  | 'PARKING_CHARGING'
  /** Production and manufacturing (生产制造) */
  | 'PRODUCTION'
  /** Scrapping, recycling and trade-in (报废回收/以旧换新) */
  | 'RECYCLING'
  /** Sales and distribution, offline and online (销售流通) */
  | 'SALES'
  /** Standards, testing and certification (标准/检测认证) */
  | 'STANDARD_CERT'
  /** Tracing and accountability (溯源追责) */
  | 'TRACE_ACCOUNTABILITY'
  /** Registration and road use (登记上牌/通行) */
  | 'USE_TRAFFIC';

/** Supply-chain stage (环节) filter. */
export type SupplyChainStageFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<SupplyChainStage>;
  /** One of (属于). */
  in?: InputMaybe<Array<SupplyChainStage>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<SupplyChainStage>>;
};

/** A supply relation (供货关系): supplier → buyer, optionally for one product model. */
export type SupplyRelation = Node & {
  __typename?: 'SupplyRelation';
  /** Buyer (购货方). */
  buyer: Business;
  /** Created (创建时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** First seen, YYYY-MM-DD (首次发现日期). */
  firstSeenOn: Maybe<Scalars['LocalDate']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Last seen, YYYY-MM-DD (最近发现日期). */
  lastSeenOn: Maybe<Scalars['LocalDate']['output']>;
  /** Note, e.g. where the relation was learnt (备注). */
  note: Maybe<Scalars['String']['output']>;
  /** Product model supplied (产品型号). */
  productModel: Maybe<ProductModel>;
  /** In use or archived (状态). */
  status: RecordStatus;
  /** Supplier (供货方). */
  supplier: Business;
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-lock version; pass it as expectedVersion when changing the record (版本号). */
  version: Scalars['Int']['output'];
};

/** A page of supply relations (供货关系列表). */
export type SupplyRelationConnection = {
  __typename?: 'SupplyRelationConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<SupplyRelationEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<SupplyRelation>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A SupplyRelation with its cursor. */
export type SupplyRelationEdge = {
  __typename?: 'SupplyRelationEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The SupplyRelation of this row (记录). */
  node: SupplyRelation;
};

/** Which supply relations (供货关系筛选). Archived ones are left out unless status asks for them. */
export type SupplyRelationFilter = {
  /** Either party (任一方). */
  businessId?: InputMaybe<IdFilter>;
  /** Buyer (购货方). */
  buyerId?: InputMaybe<IdFilter>;
  /** Last seen (最近发现). */
  lastSeenOn?: InputMaybe<DateRangeFilter>;
  /** Product model (产品型号). */
  productModelId?: InputMaybe<IdFilter>;
  /** Status (状态). */
  status?: InputMaybe<RecordStatusFilter>;
  /** Supplier (供货方). */
  supplierId?: InputMaybe<IdFilter>;
};

/** Result of a supply relation mutation (供货关系). */
export type SupplyRelationPayload = {
  __typename?: 'SupplyRelationPayload';
  /** The relation after the change; null when userErrors is not empty. */
  supplyRelation: Maybe<SupplyRelation>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** A business’s side of a supply relation (供货关系中的角色). */
export type SupplyRole =
  /** It buys the model to sell on: a business in the sales stage (购货方/转售) */
  | 'BUYER'
  /** It supplies (sells) the model (供货方) */
  | 'SUPPLIER';

/** A task of a team’s task list (任务清单), with owner, due date, status, progress notes and evidence of completion. */
export type Task = Node & {
  __typename?: 'Task';
  /** Campaign it serves (所属专项行动). */
  campaign: Maybe<Campaign>;
  /** Human code RW-<yyyymmdd>-<seq> (任务编号). */
  code: Scalars['String']['output'];
  /** Recorded (录入时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Department responsible (责任部门). */
  department: Maybe<Department>;
  /** Description (任务内容). */
  description: Maybe<Scalars['String']['output']>;
  /** District the task is for, if any (区县). */
  districtCode: Maybe<Scalars['String']['output']>;
  /** Day it was done (完成日期). */
  doneOn: Maybe<Scalars['LocalDate']['output']>;
  /** Due date (完成时限). */
  dueOn: Scalars['LocalDate']['output'];
  /** Evidence of completion: what was delivered, document numbers, file locations (完成佐证). */
  evidence: Maybe<Scalars['String']['output']>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Remediation items it is about (关联隐患). */
  items: Array<RemediationItem>;
  /** Progress notes in the order written (进展情况). */
  notes: Array<TaskNote>;
  /** Open after its due day (逾期). */
  overdue: Scalars['Boolean']['output'];
  /** Owner’s user id (责任人账号). */
  ownerId: Maybe<Scalars['ID']['output']>;
  /** Owner’s name as shown to people (责任人). */
  ownerName: Maybe<Scalars['String']['output']>;
  /** State as set (录入状态); see status for the derived OVERDUE. */
  state: TaskState;
  /** Status: the state, or OVERDUE when open after the due day in Asia/Shanghai (任务状态). */
  status: TaskStatus;
  /** Team (工作组). */
  team: TaskTeam;
  /** Title (任务名称). */
  title: Scalars['String']['output'];
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-lock version; pass it as expectedVersion when changing the task (版本号). */
  version: Scalars['Int']['output'];
};

/** A page of tasks (任务清单). */
export type TaskConnection = {
  __typename?: 'TaskConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<TaskEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<Task>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A Task with its cursor. */
export type TaskEdge = {
  __typename?: 'TaskEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The Task of this row (记录). */
  node: Task;
};

/** Which tasks (任务筛选). */
export type TaskFilter = {
  /** Campaign (专项行动). */
  campaignId?: InputMaybe<IdFilter>;
  /** District code (区县). */
  district?: InputMaybe<StringFilter>;
  /** Due date (完成时限). */
  dueOn?: InputMaybe<DateRangeFilter>;
  /** Owner (责任人). */
  ownerId?: InputMaybe<IdFilter>;
  /** Status, OVERDUE included (状态). */
  status?: InputMaybe<TaskStatusFilter>;
  /** Team code (工作组). */
  team?: InputMaybe<StringFilter>;
};

/** A dated progress note on a task (进展情况). */
export type TaskNote = {
  __typename?: 'TaskNote';
  /** Who wrote it (填报人 id). */
  authorId: Maybe<Scalars['ID']['output']>;
  /** Name of who wrote it (填报人). */
  authorName: Scalars['String']['output'];
  /** Recorded (录入时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** What happened (进展内容). */
  note: Scalars['String']['output'];
  /** Day the progress refers to (进展日期). */
  notedOn: Scalars['LocalDate']['output'];
};

/** Result of createTask / updateTask (任务). */
export type TaskPayload = {
  __typename?: 'TaskPayload';
  /** The task; null when userErrors is not empty. */
  task: Maybe<Task>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** The state a task is set to (任务状态，录入值); OVERDUE is never set, it is derived (see TaskStatus). */
export type TaskState =
  /** Cancelled (已取消). */
  | 'CANCELLED'
  /** Done (已完成). */
  | 'DONE'
  /** In progress (推进中). */
  | 'IN_PROGRESS'
  /** Not started (未开始). */
  | 'NOT_STARTED';

/** Status of a task (任务状态): its state, or OVERDUE when not done or cancelled by the end of its due day in Asia/Shanghai. */
export type TaskStatus =
  /** Cancelled (已取消). */
  | 'CANCELLED'
  /** Done (已完成). */
  | 'DONE'
  /** In progress (推进中). */
  | 'IN_PROGRESS'
  /** Not started (未开始). */
  | 'NOT_STARTED'
  /** Overdue: open after its due day (逾期). */
  | 'OVERDUE';

/** Task status (任务状态) filter. */
export type TaskStatusFilter = {
  /** Equals (等于). */
  eq?: InputMaybe<TaskStatus>;
  /** One of (属于). */
  in?: InputMaybe<Array<TaskStatus>>;
  /** None of (不属于). */
  notIn?: InputMaybe<Array<TaskStatus>>;
};

/** Task team of the task force (专项工作组); data, renameable by coordinators. */
export type TaskTeam = Node & {
  __typename?: 'TaskTeam';
  /** Co-lead departments (共同牵头部门). */
  coLeadDepartments: Array<Department>;
  /** Stable code, e.g. PRODUCTION (工作组代码). */
  code: Scalars['String']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Lead department (牵头部门). */
  leadDepartment: Department;
  /** Member departments (成员单位). */
  memberDepartments: Array<Department>;
  /** English name (英文名称). */
  nameEn: Scalars['String']['output'];
  /** Chinese name, e.g. 生产制造组 (名称). */
  nameZh: Scalars['String']['output'];
  /** Remarks (备注). */
  note: Maybe<Scalars['String']['output']>;
  /** Supply-chain stages the team covers (负责环节). */
  stages: Array<SupplyChainStage>;
  /** The team’s task list, earliest due first (任务清单). */
  tasks: TaskConnection;
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-lock version (版本号); pass it as expectedVersion when updating. */
  version: Scalars['Int']['output'];
};


/** Task team of the task force (专项工作组); data, renameable by coordinators. */
export type TaskTeamTasksArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<TaskFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};

/** A transfer to another department or the police (移交/移送). */
export type TransferInput = {
  /** Receiving department code (接收部门). */
  toDepartmentCode?: InputMaybe<Scalars['String']['input']>;
  /** A suspected crime passed to the police (移送公安). */
  toPolice?: Scalars['Boolean']['input'];
};

/** Move a remediation item through its workflow (整改流程操作). Fields beyond id, expectedVersion and action are used by the actions that need them. */
export type TransitionInput = {
  /** What to do (操作). */
  action: RemediationAction;
  /** Comment; required for COMMENT, INVALIDATE (reason) and FAIL_REVIEW (review notes) (说明). */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** SERVE_NOTICE (limited time, required) or FAIL_REVIEW (re-notice): deadline YYYY-MM-DD, not before the notice was served or the review held; may already have passed when entered late (整改期限). */
  deadline?: InputMaybe<Scalars['LocalDate']['input']>;
  /** ISSUE_SUPERVISION_LETTER: number of the letter, required (督办函文号). */
  documentNo?: InputMaybe<Scalars['String']['input']>;
  /** ACCEPT_LISTING and the listed-supervision steps (PUBLISH_LISTING, FILE_OVERDUE_EXPLANATION, ISSUE_SUPERVISION_LETTER, PUBLIC_CRITICISM): the date it happened, YYYY-MM-DD; default today, never in the future nor before the listing (发生日期). */
  effectiveOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** The version you read; a stale one is refused with CONFLICT (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** SERVE_NOTICE / SUBMIT_PLAN: rectification funds in yuan (整改资金). */
  funds?: InputMaybe<Scalars['Yuan']['input']>;
  /** Item (隐患). */
  id: Scalars['ID']['input'];
  /** RECORD_INTERVIEW: the interview (约谈). */
  interview?: InputMaybe<InterviewInput>;
  /** SERVE_NOTICE: document number (文书编号). */
  noticeNo?: InputMaybe<Scalars['String']['input']>;
  /** SERVE_NOTICE: when the notice was served; default now. May be in the past when the paper notice is entered late, never in the future nor before discovery (送达时间). */
  noticeServedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** SERVE_NOTICE: kind of order (整改通知类型). */
  noticeType?: InputMaybe<NoticeType>;
  /** SUBMIT_PLAN: the six-element plan (整改方案). */
  plan?: InputMaybe<PlanInput>;
  /** SERVE_NOTICE: rectification measures (整改措施). */
  rectificationMeasures?: InputMaybe<Scalars['String']['input']>;
  /** PASS_REVIEW / FAIL_REVIEW: when the review was held; default now. May be in the past when entered late, never in the future nor before the notice was served (复查时间). */
  reviewedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** PASS_REVIEW / FAIL_REVIEW / CLOSE: reviewer name; default the current user's display name (复查人). */
  reviewerName?: InputMaybe<Scalars['String']['input']>;
  /** TRANSFER: where to (移交). */
  transfer?: InputMaybe<TransferInput>;
};

/** Changes to a business (修改主体). Omitted fields stay; null clears an optional field. */
export type UpdateBusinessInput = {
  /** Address (地址). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Contact phone, mobile or landline (联系电话). */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** District code (所在区县). */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Id of the record to change (记录ID). */
  id: Scalars['ID']['input'];
  /** Latitude, −90…90 (纬度); give both coordinates or neither. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Legacy 15-digit registration number (工商注册号). */
  legacyRegNo?: InputMaybe<Scalars['String']['input']>;
  /** Legal representative or operator (法定代表人/经营者). */
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  /** Longitude, −180…180 (经度). */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Name (名称). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** ACTIVE, SUSPENDED or CLOSED; archive with archiveBusiness (主体状态). */
  status?: InputMaybe<BusinessStatus>;
  /** Business types (主体类型); replaces the list. */
  types?: InputMaybe<Array<BusinessType>>;
  /** Unified Social Credit Code, 18 characters (统一社会信用代码); omit for unregistered workshops. */
  uscc?: InputMaybe<Scalars['String']['input']>;
  /** Reason to accept a USCC that fails its check digit, e.g. a legacy pilot-area code (校验码例外说明); coordinators only. */
  usccOverrideReason?: InputMaybe<Scalars['String']['input']>;
};

/** Change a campaign’s phase or period (调整专项行动阶段/时间). */
export type UpdateCampaignInput = {
  /** New last day (结束日期). */
  endsOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Goals, replacing the current ones (行动目标). */
  goals?: InputMaybe<Array<CampaignGoalInput>>;
  /** Campaign (专项行动). */
  id: Scalars['ID']['input'];
  /** New phase (阶段). */
  phase?: InputMaybe<CampaignPhase>;
};

/** Changes to a certificate’s details; change its status with changeCertificateStatus (修改证书). */
export type UpdateCertificateInput = {
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Expiry date, YYYY-MM-DD (有效期至). */
  expiresOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Holder, a registered business (持证企业). */
  holderBusinessId?: InputMaybe<Scalars['ID']['input']>;
  /** Holder name as printed, when not registered here (持证人名称). */
  holderName?: InputMaybe<Scalars['String']['input']>;
  /** Id of the record to change (记录ID). */
  id: Scalars['ID']['input'];
  /** Date of issue, YYYY-MM-DD (发证日期). */
  issuedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Certified product model (认证产品型号). */
  productModelId?: InputMaybe<Scalars['ID']['input']>;
};

/** Changes to an open enforcement case (修改案件): penalties decided later, corrected amounts, the transfer’s outcome. Omitted fields stay as they are; null clears an optional one. */
export type UpdateEnforcementCaseInput = {
  /** Case number (案号). */
  caseNumber?: InputMaybe<Scalars['String']['input']>;
  /** Why, for the item’s history (修改说明). */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Confiscated illegal gains in yuan (没收违法所得). */
  confiscatedAmount?: InputMaybe<Scalars['Yuan']['input']>;
  /** Confiscated goods (没收物品). */
  confiscatedGoods?: InputMaybe<Scalars['String']['input']>;
  /** Penalty decided on, YYYY-MM-DD (处罚决定日期). */
  decidedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Number of the penalty decision (行政处罚决定书文号). */
  decisionNumber?: InputMaybe<Scalars['String']['input']>;
  /** Department that filed it (立案部门). */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** The case version you read; a stale one is CONFLICT (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Filed on, YYYY-MM-DD (立案日期). */
  filedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Fine in yuan (罚款). */
  fineAmount?: InputMaybe<Scalars['Yuan']['input']>;
  /** Case (案件). */
  id: Scalars['ID']['input'];
  /** Legal basis (法律依据). */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** Penalties; replaces the list (处罚种类). */
  penaltyTypes?: InputMaybe<Array<PenaltyType>>;
  /** Notes on the transfer (移送情况说明). */
  policeTransferNote?: InputMaybe<Scalars['String']['input']>;
  /** What the police did with the transfer (移送公安结果). */
  policeTransferOutcome?: InputMaybe<PoliceTransferOutcome>;
  /** Seized batteries (块). */
  seizedBatteries?: InputMaybe<Scalars['Int']['input']>;
  /** Seized parts (件). */
  seizedParts?: InputMaybe<Scalars['Int']['input']>;
  /** Seized vehicles (辆). */
  seizedVehicles?: InputMaybe<Scalars['Int']['input']>;
  /** Transferred to the police (移送公安). */
  transferredToPolice?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Changes to an escalation rule (修改督办规则); fields left out stay as they are. */
export type UpdateEscalationRuleInput = {
  /** What it does (督办方式). */
  action?: InputMaybe<EscalationAction>;
  /** Applied by the daily run (启用). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Code of the rule, e.g. OVERDUE_1D (规则代码). */
  code: Scalars['String']['input'];
  /** Days after the watched date from which it applies; negative is before (only for LISTING_DEADLINE) (触发天数). */
  daysAfter?: InputMaybe<Scalars['Int']['input']>;
  /** What the rule is for (规则说明). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The version you read (版本号): a stale one is a CONFLICT. */
  expectedVersion: Scalars['Int']['input'];
  /** Level it raises the item to, 1–9 (督办级别). */
  level?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of updateEscalationRule (修改督办规则). */
export type UpdateEscalationRulePayload = {
  __typename?: 'UpdateEscalationRulePayload';
  /** The rule after the change; null when userErrors is not empty. */
  escalationRule: Maybe<EscalationRule>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Changes to a product model (修改产品型号). */
export type UpdateProductModelInput = {
  /** Brand (品牌). */
  brand?: InputMaybe<Scalars['String']['input']>;
  /** Capacity, Ah (额定容量). */
  capacityAh?: InputMaybe<Scalars['Float']['input']>;
  /** Battery chemistry (电池类型). */
  chemistry?: InputMaybe<BatteryChemistry>;
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Id of the record to change (记录ID). */
  id: Scalars['ID']['input'];
  /** Manufacturer (生产企业). */
  manufacturerBusinessId?: InputMaybe<Scalars['ID']['input']>;
  /** Model (型号). */
  model?: InputMaybe<Scalars['String']['input']>;
  /** Nominal voltage, V (标称电压). */
  nominalVoltage?: InputMaybe<Scalars['Float']['input']>;
  /** Standard it was made to (执行标准); kept in standards: changing it replaces its old value there. */
  standardVersion?: InputMaybe<StandardVersion>;
  /** Every standard edition the model meets; replaces the list (符合标准). With standardVersion given too, that must be one of them. */
  standards?: InputMaybe<Array<StandardVersion>>;
};

/** Correct a regulatory milestone (修改法规节点), e.g. a date confirmed later. Omitted fields stay; null clears. */
export type UpdateRegulatoryMilestoneInput = {
  /** Date from which it applies, YYYY-MM-DD; null: not confirmed, its rule is not applied (生效日期). */
  effectiveOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** The version you read; a stale one is refused with CONFLICT (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Milestone to change. */
  id: Scalars['ID']['input'];
  /** Remarks, e.g. the source of a corrected date (备注). */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** Result of updateRegulatoryMilestone (修改法规节点). */
export type UpdateRegulatoryMilestonePayload = {
  __typename?: 'UpdateRegulatoryMilestonePayload';
  /** The milestone after the change; null when userErrors is not empty. */
  regulatoryMilestone: Maybe<RegulatoryMilestone>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Correct or re-grade a hazard after registration (隐患信息更正/重新定级). Only the fields given change; every change is an UPDATED event with before and after, and an audit row. */
export type UpdateRemediationItemInput = {
  /** What was found; while the item is open (隐患描述). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The version you read; a stale one is refused with CONFLICT (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Hazard type; must occur in the item's stage. Until the review passes (隐患类型). */
  hazardTypeCode?: InputMaybe<Scalars['String']['input']>;
  /** Item (隐患). */
  id: Scalars['ID']['input'];
  /** Interim safety measures; until the review passes (临时防范措施). */
  interimMeasures?: InputMaybe<Scalars['String']['input']>;
  /** Major fire hazard under GB 35181; same rules as level (重大火灾隐患). */
  isMajorFireHazard?: InputMaybe<Scalars['Boolean']['input']>;
  /** Legal basis; while the item is open (依据条款). */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** Level. Until the review passes; lowering a listed item below major is for the task-force office and lifts the listing (隐患等级). */
  level?: InputMaybe<HazardLevel>;
  /** Why, e.g. the expert review that judged it major (变更理由). */
  reason: Scalars['String']['input'];
  /** Rectification measures; once a notice is served, until the review passes (整改措施). */
  rectificationMeasures?: InputMaybe<Scalars['String']['input']>;
  /** Their phone; while the item is open (联系电话). */
  responsibleContact?: InputMaybe<Scalars['String']['input']>;
  /** Responsible person of the party; while the item is open (责任人). */
  responsiblePerson?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a site (修改场所). */
export type UpdateSiteInput = {
  /** Address (地址). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Charging ports, for parking/charging site types (充电端口数). */
  chargingPorts?: InputMaybe<Scalars['Int']['input']>;
  /** District code (所在区县). */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Id of the record to change (记录ID). */
  id: Scalars['ID']['input'];
  /** Latitude (纬度). */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Longitude (经度). */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Name (名称). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Managing or operating business, e.g. the property company (管理/运营单位). */
  operatorBusinessId?: InputMaybe<Scalars['ID']['input']>;
  /** Kind of place (场所类型). */
  siteType?: InputMaybe<SiteType>;
};

/** Changes to a supply relation (修改供货关系). */
export type UpdateSupplyRelationInput = {
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** First seen, YYYY-MM-DD (首次发现). */
  firstSeenOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Id of the record to change (记录ID). */
  id: Scalars['ID']['input'];
  /** Last seen, YYYY-MM-DD (最近发现). */
  lastSeenOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Note (备注). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Product model supplied, if known (产品型号). */
  productModelId?: InputMaybe<Scalars['ID']['input']>;
};

/** Update a task: its state, a progress note, evidence of completion (更新任务进展). */
export type UpdateTaskInput = {
  /** DONE: the day it was done; default today (完成日期). */
  doneOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Coordinators: a new due date (调整时限). */
  dueOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Evidence of completion (完成佐证). */
  evidence?: InputMaybe<Scalars['String']['input']>;
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Task (任务). */
  id: Scalars['ID']['input'];
  /** Day the note refers to; default today (进展日期). */
  notedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Coordinators: a new owner (调整责任人). */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** A progress note to add (进展情况). */
  progressNote?: InputMaybe<Scalars['String']['input']>;
  /** New state; DONE needs evidence (状态). */
  state?: InputMaybe<TaskState>;
};

/** Changes to a task team (修改专项工作组). Omitted fields stay as they are; lists replace the whole list. */
export type UpdateTaskTeamInput = {
  /** Codes of co-lead departments (共同牵头部门). */
  coLeadDepartmentCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The version you read; a stale one is refused with CONFLICT (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Team to change. */
  id: Scalars['ID']['input'];
  /** Code of the lead department (牵头部门). */
  leadDepartmentCode?: InputMaybe<Scalars['String']['input']>;
  /** Codes of member departments (成员单位). */
  memberDepartmentCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** English name (英文名称). */
  nameEn?: InputMaybe<Scalars['String']['input']>;
  /** Chinese name (名称). */
  nameZh?: InputMaybe<Scalars['String']['input']>;
  /** Remarks (备注). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Supply-chain stages covered (负责环节). */
  stages?: InputMaybe<Array<SupplyChainStage>>;
};

/** Result of updateTaskTeam (修改专项工作组). */
export type UpdateTaskTeamPayload = {
  __typename?: 'UpdateTaskTeamPayload';
  /** The team after the change; null when userErrors is not empty. */
  taskTeam: Maybe<TaskTeam>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Changes to a user (修改用户). Omitted fields stay as they are; lists replace the whole list. */
export type UpdateUserInput = {
  /** false deactivates, true reactivates (是否启用). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Department code, e.g. MARKET (所属部门). */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** Name shown to others (姓名). */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** District codes this principal may write in (负责区县); required for AGENCY_OFFICER. */
  districtCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** Id of the user (用户ID). */
  id: Scalars['ID']['input'];
  /** Role (角色). */
  role?: InputMaybe<Role>;
  /** Codes of the task teams whose stages this principal may write in (所属工作组); required for AGENCY_OFFICER. */
  teamCodes?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Change a webhook subscriber; omitted fields keep their value (修改Webhook订阅方). */
export type UpdateWebhookSubscriberInput = {
  /** Pause (false) or resume (true) sending (启用). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** New district scope; empty: all (区县范围). */
  districtCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New kinds of event (事件类型). */
  eventTypes?: InputMaybe<Array<OutboxEventType>>;
  /** The version you read (版本号). */
  expectedVersion: Scalars['Int']['input'];
  /** The subscriber (订阅方ID). */
  id: Scalars['ID']['input'];
  /** New name (名称). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New signing secret (签名密钥). */
  secret?: InputMaybe<Scalars['String']['input']>;
  /** New team scope (codes); empty: all (工作组范围). */
  teamCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New address, same rules as on registration (接收地址). */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** Result of updateWebhookSubscriber (修改Webhook订阅方). */
export type UpdateWebhookSubscriberPayload = {
  __typename?: 'UpdateWebhookSubscriberPayload';
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
  /** The subscriber after the change; null when userErrors is not empty. */
  webhookSubscriber: Maybe<WebhookSubscriber>;
};

/** A person who signs in (用户). */
export type User = Node & {
  __typename?: 'User';
  /** May sign in; deactivated users keep their history (是否启用). */
  active: Scalars['Boolean']['output'];
  /** Created (创建时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Department (所属部门). */
  department: Maybe<Department>;
  /** Name shown to others (姓名). */
  displayName: Scalars['String']['output'];
  /** Districts of the write scope (负责区县). */
  districts: Array<District>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Last successful sign-in (最近登录). */
  lastLoginAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** What the user may do (角色). */
  role: Role;
  /** Task teams of the write scope (所属工作组). */
  teams: Array<TaskTeam>;
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Sign-in name, lower case (用户名). */
  username: Scalars['String']['output'];
  /** Optimistic-lock version (版本号). */
  version: Scalars['Int']['output'];
};

/** A page of users (用户列表). */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<UserEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<User>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A User with its cursor. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The User of this row (记录). */
  node: User;
};

/** A caller-fault problem with a mutation input (输入错误). */
export type UserError = {
  __typename?: 'UserError';
  /** Machine-readable code (错误代码). */
  code: UserErrorCode;
  /** Path of the offending input field, e.g. ["input", "uscc"] (出错字段路径). */
  field: Array<Scalars['String']['output']>;
  /** Explanation for the person at the form, in Chinese (错误说明，中文). */
  message: Scalars['String']['output'];
  /** The same explanation in English, for developers and logs (错误说明，英文). */
  messageEn: Scalars['String']['output'];
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

/** Which users to list (用户筛选). */
export type UserFilter = {
  /** Active or not (是否启用). */
  active?: InputMaybe<BooleanFilter>;
  /** Display name (姓名). */
  displayName?: InputMaybe<StringFilter>;
  /** Role (角色). */
  role?: InputMaybe<RoleFilter>;
  /** Username (用户名). */
  username?: InputMaybe<StringFilter>;
};

/** Result of a user mutation (用户). */
export type UserPayload = {
  __typename?: 'UserPayload';
  /** A generated password, shown this once; pass it to the user securely (生成的密码，仅显示一次). */
  generatedPassword: Maybe<Scalars['String']['output']>;
  /** The user after the change; null when userErrors is not empty. */
  user: Maybe<User>;
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Identifies a user to deactivate or reset (用户). */
export type UserRefInput = {
  /** Id of the user (用户ID). */
  id: Scalars['ID']['input'];
};

/** A warning (警示提醒) issued to a business or to a district. */
export type Warning = Node & {
  __typename?: 'Warning';
  /** Business warned (警示对象主体). */
  business: Maybe<Business>;
  /** Campaign it belongs to (所属专项行动). */
  campaign: Maybe<Campaign>;
  /** Content (内容). */
  content: Scalars['String']['output'];
  /** Recorded (录入时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Issuing department (发出部门). */
  department: Department;
  /** District warned, or the district of the business warned (区县). */
  districtCode: Scalars['String']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** Issued on (发出日期). */
  issuedOn: Scalars['LocalDate']['output'];
  /** Kind (类型). */
  kind: WarningKind;
  /** Last change (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Version (版本号). */
  version: Scalars['Int']['output'];
};

/** A page of warnings (警示提醒列表). */
export type WarningConnection = {
  __typename?: 'WarningConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<WarningEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<Warning>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A Warning with its cursor. */
export type WarningEdge = {
  __typename?: 'WarningEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The Warning of this row (记录). */
  node: Warning;
};

/** Which warnings (警示提醒筛选). */
export type WarningFilter = {
  /** Business (主体). */
  businessId?: InputMaybe<IdFilter>;
  /** District code (区县). */
  district?: InputMaybe<StringFilter>;
  /** Issued on (发出日期). */
  issuedOn?: InputMaybe<DateRangeFilter>;
};

/** Kind of warning issued to a business or a district (警示提醒类型). */
export type WarningKind =
  /** Other (其他). */
  | 'OTHER'
  /** Public criticism (通报批评). */
  | 'PUBLIC_CRITICISM'
  /** Reminder (提醒/提示函). */
  | 'REMINDER'
  /** Supervision letter (督办函). */
  | 'SUPERVISION_LETTER'
  /** Warning letter (警示函). */
  | 'WARNING_LETTER';

/** Result of issueWarning (警示提醒). */
export type WarningPayload = {
  __typename?: 'WarningPayload';
  /** Caller-fault problems (输入错误); when not empty, nothing was written. */
  userErrors: Array<UserError>;
  /** The warning; null when userErrors is not empty. */
  warning: Maybe<Warning>;
};

/** One event sent to one webhook subscriber, with its attempts (推送记录). */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Attempts made since queued or resent (尝试次数). */
  attempts: Scalars['Int']['output'];
  /** Queued at (入队时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** When the receiver accepted it (送达时间). */
  deliveredAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The event sent (事件). */
  event: OutboxEvent;
  /** The event; also the idempotency id of the payload (事件ID). */
  eventId: Scalars['ID']['output'];
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** When the last attempt started (上次尝试时间). */
  lastAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why the last attempt failed: timeout, refused, HTTP 500 … (上次失败原因). */
  lastError: Maybe<Scalars['String']['output']>;
  /** HTTP status of the last answer, if any (上次响应状态码). */
  lastStatus: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due (or the current one’s lease ends) (下次尝试时间). */
  nextAttemptAt: Scalars['DateTimeISO']['output'];
  /** Pending, delivered or dead (状态). */
  status: WebhookDeliveryStatus;
  /** The subscriber (订阅方). */
  subscriber: WebhookSubscriber;
  /** The subscriber (订阅方). */
  subscriberId: Scalars['ID']['output'];
};

/** A page of webhook deliveries (推送记录). */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<WebhookDeliveryEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<WebhookDelivery>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A WebhookDelivery with its cursor. */
export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The WebhookDelivery of this row (记录). */
  node: WebhookDelivery;
};

/** State of one event sent to one webhook subscriber (推送状态). */
export type WebhookDeliveryStatus =
  /** Every attempt failed; kept for inspection and resend (死信). */
  | 'DEAD'
  /** The receiver answered 2xx (已送达). */
  | 'DELIVERED'
  /** Waiting for its first or next attempt (待推送/重试中). */
  | 'PENDING';

/** A partner system receiving events by HTTP POST (Webhook订阅方); the secret is never shown. */
export type WebhookSubscriber = {
  __typename?: 'WebhookSubscriber';
  /** Events are queued for it only while active (启用). */
  active: Scalars['Boolean']['output'];
  /** Registered at (登记时间). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Districts whose events are sent; empty: all (区县范围). */
  districtCodes: Array<Scalars['String']['output']>;
  /** Kinds of event sent (订阅的事件类型). */
  eventTypes: Array<OutboxEventType>;
  /** Record id: a UUID, unique across all record types and stable (记录ID). */
  id: Scalars['ID']['output'];
  /** What the receiving system is (订阅方名称). */
  name: Scalars['String']['output'];
  /** Task teams (codes) whose events are sent; empty: all (工作组范围). */
  teamCodes: Array<Scalars['String']['output']>;
  /** Last changed at (更新时间). */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Where events are POSTed: http(s), not this service (接收地址). */
  url: Scalars['String']['output'];
  /** Optimistic-lock version (版本). */
  version: Scalars['Int']['output'];
};

/** A page of webhook subscribers (Webhook订阅方). */
export type WebhookSubscriberConnection = {
  __typename?: 'WebhookSubscriberConnection';
  /** Rows with cursors (带游标的记录). */
  edges: Array<WebhookSubscriberEdge>;
  /** Rows of the page without cursors (本页记录). */
  nodes: Array<WebhookSubscriber>;
  /** Where this page sits (分页信息). */
  pageInfo: PageInfo;
  /** Number of rows matching the filter, all pages (总数); computed only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A WebhookSubscriber with its cursor. */
export type WebhookSubscriberEdge = {
  __typename?: 'WebhookSubscriberEdge';
  /** Opaque cursor of this row (游标). */
  cursor: Scalars['String']['output'];
  /** The WebhookSubscriber of this row (记录). */
  node: WebhookSubscriber;
};

/** The working calendar of one year: public holidays and exchanged working days (年度工作日历). */
export type WorkingCalendar = {
  __typename?: 'WorkingCalendar';
  /** Every day of the year, in order (全年日期). */
  days: Array<WorkingCalendarDay>;
  /** The days set explicitly (holidays and exchanged working days), in order (节假日与调休日). */
  exceptions: Array<WorkingCalendarDay>;
  /** Note, e.g. the State Council notice it follows (备注). */
  note: Maybe<Scalars['String']['output']>;
  /** Whether the official schedule is entered; null when the year is not loaded at all and only weekends count (状态). */
  status: Maybe<CalendarYearStatus>;
  /** Changes with every edit of the year or its days; 0 when the year has no calendar (版本号). */
  version: Scalars['Int']['output'];
  /** Working days in the year (全年工作日数). */
  workingDays: Scalars['Int']['output'];
  /** Year (年份). */
  year: Scalars['Int']['output'];
};

/** One day of the working calendar (工作日历日期). */
export type WorkingCalendarDay = {
  __typename?: 'WorkingCalendarDay';
  /** The date, YYYY-MM-DD (日期). */
  date: Scalars['LocalDate']['output'];
  /** Set explicitly (official schedule or an administrator), not derived from the weekday (是否例外日期). */
  explicit: Scalars['Boolean']['output'];
  /** Counts as a working day for deadlines and review windows (是否工作日). */
  isWorkingDay: Scalars['Boolean']['output'];
  /** Kind of day (类型). */
  kind: CalendarDayKind;
  /** Holiday name, e.g. 国庆节 (节日名称). */
  name: Maybe<Scalars['String']['output']>;
};
