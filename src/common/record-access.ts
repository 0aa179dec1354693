import { GraphQLObjectType, defaultFieldResolver, getNamedType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { ALL_ROLES, RECORD_READERS, Role } from './auth';
import type { Context } from './context';
import { forbidden, unauthenticated } from './errors';

/**
 * Row scope of reading: every reader of a type reads all its rows. An AGENCY_OFFICER reads the
 * whole chain (it traces suppliers and buyers across districts) and writes only in its teams' stages
 * and districts (assertCanWrite, src/common/scope.ts). A type whose reading is ever scoped declares
 * it here, next to its readers, and the guard below applies it.
 */
export type RowScope = 'all';

export interface RecordAccess {
  /** Roles that may read the type wherever it is returned: root, nested field, connection, payload. */
  readers: readonly Role[];
  rows: RowScope;
  /** Why, for the README and for whoever changes it. */
  why: string;
}

const ADMIN_ONLY = [Role.ADMIN] as const;
const OFFICE = [Role.ADMIN, Role.COORDINATOR] as const;
/** Who may see import jobs: the roles that start them and the administrator (rows hold raw cells, personal data included). */
const IMPORT_READERS = [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER] as const;

/**
 * Who may read each object type of the schema, declared once (DESIGN.md convention 13). Keyed by
 * GraphQL type name so that common/ needs nothing from modules/; the schema build fails when a
 * type of the schema is missing here or a name here is not in the schema, so a new type cannot
 * slip in undeclared. Connections and edges (`<T>Connection`, `<T>Edge`) take the access of `T`;
 * mutation payloads (`…Payload`) are gated by their mutation's roles and their fields by this table.
 * README "Access" shows the same table; test/record-access.test.ts holds a hand-written copy.
 */
export const RECORD_ACCESS: Record<string, RecordAccess> = {
  // Registry and workflow records: the whole chain, for everyone who works with records.
  Business: { readers: RECORD_READERS, rows: 'all', why: 'registry record (主体)' },
  Site: { readers: RECORD_READERS, rows: 'all', why: 'registry record (场所)' },
  ProductModel: { readers: RECORD_READERS, rows: 'all', why: 'registry record (产品型号)' },
  Certificate: { readers: RECORD_READERS, rows: 'all', why: 'registry record (证书)' },
  CertificateStatusChange: { readers: RECORD_READERS, rows: 'all', why: 'history of a certificate' },
  SupplyRelation: { readers: RECORD_READERS, rows: 'all', why: 'registry record (供货关系)' },
  SupplyChain: { readers: RECORD_READERS, rows: 'all', why: 'a trace of businesses and relations' },
  SupplyChainNode: { readers: RECORD_READERS, rows: 'all', why: 'a business reached by a trace' },
  SupplyChainEdge: { readers: RECORD_READERS, rows: 'all', why: 'a relation followed by a trace' },
  Inspection: { readers: RECORD_READERS, rows: 'all', why: 'work record (检查)' },
  InspectionChecklistResult: { readers: RECORD_READERS, rows: 'all', why: 'part of an inspection' },
  RemediationItem: { readers: RECORD_READERS, rows: 'all', why: 'work record (隐患)' },
  RemediationEvent: { readers: RECORD_READERS, rows: 'all', why: 'history of an item' },
  Evidence: { readers: RECORD_READERS, rows: 'all', why: 'evidence of an item' },
  ExtensionRequest: { readers: RECORD_READERS, rows: 'all', why: 'extension of an item' },
  Listing: { readers: RECORD_READERS, rows: 'all', why: 'listed supervision of an item' },
  EnforcementCase: { readers: RECORD_READERS, rows: 'all', why: 'case filed over an item' },
  ProductSaleRestriction: { readers: RECORD_READERS, rows: 'all', why: 'why a product model may no longer be sold (禁售判定), derived from registry records' },
  RestrictedProductSale: { readers: RECORD_READERS, rows: 'all', why: 'a supply relation of a restricted model, derived from registry records' },
  // How the program is run (专项行动, 联合检查, 任务清单, 警示提醒): work records, read like the chain.
  Campaign: { readers: RECORD_READERS, rows: 'all', why: 'work record (专项行动)' },
  JointOperation: { readers: RECORD_READERS, rows: 'all', why: 'work record (联合检查); officer names are personal data' },
  Task: { readers: RECORD_READERS, rows: 'all', why: 'work record (任务清单)' },
  TaskNote: { readers: RECORD_READERS, rows: 'all', why: 'progress note of a task' },
  Warning: { readers: RECORD_READERS, rows: 'all', why: 'work record (警示提醒)' },
  // Imports: raw rows of an agency's spreadsheet, for the roles that import (an officer sees only its own jobs).
  ImportJob: { readers: IMPORT_READERS, rows: 'all', why: 'an import job (导入任务); officers are limited to their own jobs by the service' },
  ImportRowPage: { readers: IMPORT_READERS, rows: 'all', why: 'a page of an import report' },
  ImportRow: { readers: IMPORT_READERS, rows: 'all', why: 'one row of an imported file with its problems' },
  ImportProblem: { readers: IMPORT_READERS, rows: 'all', why: 'a problem found in an imported row' },
  // Webhooks (issue 18): partner endpoints and what was sent to them, for the administrator who registers them.
  WebhookSubscriber: { readers: ADMIN_ONLY, rows: 'all', why: 'a partner endpoint (Webhook订阅方); its secret is never a field' },
  WebhookDelivery: { readers: ADMIN_ONLY, rows: 'all', why: 'an event sent to a partner endpoint, with its attempts and dead letter' },
  OutboxEvent: { readers: ADMIN_ONLY, rows: 'all', why: 'a domain event of the outbox, seen through its deliveries' },
  // Live updates: pushed to the roles that may read the records they carry.
  RemediationItemChange: { readers: RECORD_READERS, rows: 'all', why: 'a committed change of an item, pushed live' },
  LiveNotification: { readers: ALL_ROLES, rows: 'all', why: "the signed-in user's own notification" },
  ImportFileError: { readers: IMPORT_READERS, rows: 'all', why: 'why an imported file was refused' },
  // Accounts and the audit trail.
  User: { readers: ADMIN_ONLY, rows: 'all', why: 'accounts are administered by ADMIN (the caller reads itself as Me)' },
  ApiKey: { readers: ADMIN_ONLY, rows: 'all', why: 'keys are administered by ADMIN' },
  AuditEvent: { readers: OFFICE, rows: 'all', why: 'the audit trail is for the administrator and the task-force office' },
  Me: { readers: ALL_ROLES, rows: 'all', why: 'the caller itself' },
  // Reference data: names and codes that reports need too.
  District: { readers: ALL_ROLES, rows: 'all', why: 'reference data (区县)' },
  Department: { readers: ALL_ROLES, rows: 'all', why: 'reference data (部门)' },
  TaskTeam: { readers: ALL_ROLES, rows: 'all', why: 'reference data (工作组)' },
  HazardType: { readers: ALL_ROLES, rows: 'all', why: 'reference data (隐患类型)' },
  ChecklistItem: { readers: ALL_ROLES, rows: 'all', why: 'reference data (检查项)' },
  RegulatoryMilestone: { readers: ALL_ROLES, rows: 'all', why: 'reference data (标准与节点)' },
  WorkingCalendar: { readers: ALL_ROLES, rows: 'all', why: 'reference data (工作日历)' },
  WorkingCalendarDay: { readers: ALL_ROLES, rows: 'all', why: 'reference data (工作日历)' },
  // Report types: aggregates and the few names a bulletin prints, never records.
  RemediationStatisticsRow: { readers: ALL_ROLES, rows: 'all', why: 'aggregate' },
  InspectionStatisticsRow: { readers: ALL_ROLES, rows: 'all', why: 'aggregate' },
  EnforcementStatisticsRow: { readers: ALL_ROLES, rows: 'all', why: 'aggregate' },
  Bulletin: { readers: ALL_ROLES, rows: 'all', why: 'aggregate' },
  BulletinItem: { readers: ALL_ROLES, rows: 'all', why: 'the line a bulletin prints for an item: code, names, dates; no personal data' },
  DistrictRanking: { readers: ALL_ROLES, rows: 'all', why: 'aggregate' },
  Period: { readers: ALL_ROLES, rows: 'all', why: 'a period' },
  Deployment: { readers: ALL_ROLES, rows: 'all', why: 'aggregate (出动检查组/人次)' },
  CampaignGoal: { readers: ALL_ROLES, rows: 'all', why: 'a goal as the dispatch prints it: metric, target, population filter, due date' },
  CampaignGoalProgress: { readers: ALL_ROLES, rows: 'all', why: 'aggregate' },
  CampaignResults: { readers: ALL_ROLES, rows: 'all', why: 'aggregate' },
  Dispatch: { readers: ALL_ROLES, rows: 'all', why: 'aggregate (周调度)' },
  DispatchTeamLine: { readers: ALL_ROLES, rows: 'all', why: 'aggregate: task counts of a team' },
  DispatchCampaignLine: { readers: ALL_ROLES, rows: 'all', why: 'a campaign as the dispatch prints it: code, name, kind, phase, period, results' },
  // Daily jobs and the inbox (issue 18).
  EscalationRule: { readers: ALL_ROLES, rows: 'all', why: 'escalation rules (督办规则): reference data of the daily run' },
  JobRun: { readers: OFFICE, rows: 'all', why: 'runs of the daily jobs, for the administrator and the task-force office' },
  DailySnapshotRow: { readers: ALL_ROLES, rows: 'all', why: 'aggregate (每日统计快照)' },
  BulletinStoredFigures: { readers: ALL_ROLES, rows: 'all', why: 'aggregate (通报快照数据)' },
  Notification: { readers: ALL_ROLES, rows: 'all', why: "the caller's own inbox: the service reads only the caller's rows" },
  // Plumbing.
  PageInfo: { readers: ALL_ROLES, rows: 'all', why: 'paging' },
  UserError: { readers: ALL_ROLES, rows: 'all', why: 'a caller fault' },
};

/**
 * Fields that return a guarded type to someone the table would refuse, on purpose. Each says why;
 * nothing else may bypass the table.
 */
export const ACCESS_EXEMPT_FIELDS: Record<string, string> = {
  'LoginPayload.user': 'the account that has just proved its password: its own record, before it holds a token',
  'RefreshSessionPayload.user': 'the account whose refresh token was just presented: its own record',
  'ChangeMyPasswordPayload.user': "changeMyPassword: the caller's own record",
  'UserPayload.user': "returned by ADMIN's user mutations",
};

/** The record type a type stands for: itself, or the node type of a connection or edge. */
function accessOf(schema: GraphQLSchema, typeName: string): [string, RecordAccess] | null {
  if (RECORD_ACCESS[typeName]) return [typeName, RECORD_ACCESS[typeName]];
  const node = /^(.+?)(Connection|Edge)$/.exec(typeName)?.[1];
  if (node && RECORD_ACCESS[node] && schema.getType(node)) return [node, RECORD_ACCESS[node]];
  return null;
}

function isPayload(type: GraphQLObjectType): boolean {
  return type.name.endsWith('Payload') && 'userErrors' in type.getFields();
}

/** Every object type of the schema is declared (or is a connection, edge or payload); every declared name exists. */
export function assertEveryTypeDeclared(schema: GraphQLSchema): void {
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    if (type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType()) continue;
    if (!accessOf(schema, type.name) && !isPayload(type)) problems.push(`${type.name} has no entry in RECORD_ACCESS (src/common/record-access.ts)`);
  }
  for (const name of Object.keys(RECORD_ACCESS)) if (!schema.getType(name)) problems.push(`RECORD_ACCESS names ${name}, which the schema does not have`);
  for (const key of Object.keys(ACCESS_EXEMPT_FIELDS)) {
    const [t, f] = key.split('.');
    const type = schema.getType(t);
    if (!(type instanceof GraphQLObjectType) || !type.getFields()[f]) problems.push(`ACCESS_EXEMPT_FIELDS names ${key}, which the schema does not have`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

export const GUARDED = Symbol('recordAccessGuard');

/**
 * Wraps every field whose type is (a list, connection or edge of) a type that not every role may
 * read, so the declaration holds on every path: a root query, a nested field, a mutation payload.
 * Decided per field at schema build: the per-request cost is one array lookup per guarded field
 * (not per row of a list). No database access.
 */
export function guardRecordTypes(schema: GraphQLSchema): void {
  assertEveryTypeDeclared(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, Context>[]) {
      const found = accessOf(schema, getNamedType(field.type).name);
      if (!found) continue;
      const [recordName, access] = found;
      if (access.readers.length === ALL_ROLES.length || ACCESS_EXEMPT_FIELDS[`${type.name}.${field.name}`]) continue;
      const inner: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      const guarded: GraphQLFieldResolver<unknown, Context> = (root, args, ctx, info) => {
        const p = ctx.principal;
        if (!p) throw unauthenticated();
        if (!access.readers.includes(p.role)) {
          ctx.log.info({ field: `${type.name}.${field.name}`, record: recordName, role: p.role, principal: p.id }, 'refused: record type not readable by role');
          throw forbidden(`Not allowed: ${recordName} is not readable by ${p.role} (无权查看)`);
        }
        return inner(root, args, ctx, info);
      };
      (guarded as unknown as Record<symbol, string>)[GUARDED] = recordName;
      field.resolve = guarded;
    }
  }
}

/** The declared readers of a record type (for the export router and tests). */
export function mayRead(role: Role, typeName: string): boolean {
  return RECORD_ACCESS[typeName]?.readers.includes(role) ?? false;
}
