import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import { ALL_ROLES, isDeclaredPublic, type Role } from './common/auth';
import type { Context } from './common/context';
import { forbidden, unauthenticated } from './common/errors';
import { maskPersonalFields } from './common/mask';
import { guardRecordTypes } from './common/record-access';
import { validateArguments } from './common/mutation';
import { recordDefaultResolvedFields } from './common/projection';
import { recordRefusal } from './modules/audit/audit.service';
import { AccessResolver, ApiKeyResolver, MeResolver, UserResolver } from './modules/access/access.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { ReportsResolver } from './modules/reports/reports.resolver';
import { ImportResolver } from './modules/import/import.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { ChecklistItemResolver, DepartmentResolver, DistrictResolver, ReferenceResolver, TaskTeamResolver } from './modules/reference/reference.resolver';
import {
  BusinessResolver,
  CertificateResolver,
  ProductModelResolver,
  RegistryResolver,
  SiteResolver,
  SupplyChainEdgeResolver,
  SupplyRelationResolver,
} from './modules/registry/registry.resolver';
import {
  BusinessItemsResolver,
  ChecklistResultResolver,
  EnforcementCaseResolver,
  InspectionResolver,
  ListingResolver,
  ProductModelItemsResolver,
  RemediationItemResolver,
  RemediationResolver,
  SiteItemsResolver,
} from './modules/remediation/remediation.resolver';
import { WebhookDeliveryResolver, WebhookResolver } from './modules/live/webhook.resolver';
import { LiveResolver } from './modules/live/live.resolver';
import { CalendarResolver } from './modules/reference/calendar.resolver';
import {
  CampaignResolver,
  CampaignsResolver,
  InspectionCampaignResolver,
  ItemCampaignResolver,
  JointOperationResolver,
  TaskResolver,
  TaskTeamTasksResolver,
  WarningResolver,
} from './modules/campaigns/campaigns.resolver';
import { JobsResolver } from './modules/jobs/jobs.resolver';
import { NotificationResolver } from './modules/notifications/notifications.resolver';
import { EnforcementResolver } from './modules/remediation/enforcement.resolver';
import { BusinessRestrictionsResolver, ProductModelRestrictionsResolver, RestrictedProductSaleResolver } from './modules/registry/registry.restrictions';

/** Every resolver class; a feature's resolvers are listed here when its module is added. */
export const RESOLVERS: NonEmptyArray<Function> = [
  ReferenceResolver,
  TaskTeamResolver,
  DepartmentResolver,
  DistrictResolver,
  ChecklistItemResolver,
  AccessResolver,
  UserResolver,
  ApiKeyResolver,
  MeResolver,
  AuditResolver,
  RegistryResolver,
  ProductModelRestrictionsResolver,
  BusinessRestrictionsResolver,
  RestrictedProductSaleResolver,
  BusinessResolver,
  SiteResolver,
  ProductModelResolver,
  CertificateResolver,
  SupplyRelationResolver,
  SupplyChainEdgeResolver,
  RemediationResolver,
  RemediationItemResolver,
  EnforcementCaseResolver,
  EnforcementResolver,
  CalendarResolver,
  ListingResolver,
  InspectionResolver,
  ChecklistResultResolver,
  BusinessItemsResolver,
  SiteItemsResolver,
  ProductModelItemsResolver,
  ReportsResolver,
  ImportResolver,
  CampaignsResolver,
  CampaignResolver,
  JointOperationResolver,
  TaskResolver,
  WarningResolver,
  TaskTeamTasksResolver,
  InspectionCampaignResolver,
  ItemCampaignResolver,
  JobsResolver,
  NotificationResolver,
  WebhookResolver,
  WebhookDeliveryResolver,
  LiveResolver,
  NodeResolver,
];

const UNUSED_PUBSUB = {
  publish(): void {
    throw new Error('subscriptions are fed by the live hub, not by type-graphql pub/sub');
  },
  subscribe(): never {
    throw new Error('subscriptions are fed by the live hub, not by type-graphql pub/sub');
  },
};

export const SCHEMA_FILE = path.resolve(__dirname, '..', fs.existsSync(path.resolve(__dirname, '..', 'package.json')) ? '' : '..', 'schema.graphql');

/**
 * Roles are checked before arguments are validated or the resolver runs. A refused mutation is
 * recorded in the audit trail (outside any transaction); neither error says whether a record exists.
 */
export const authChecker: AuthChecker<Context, Role> = async ({ context, info }, roles) => {
  const principal = context.principal;
  const operation = `${info.parentType.name}.${info.fieldName}`;
  if (!principal) {
    if (info.parentType.name === 'Mutation') await recordRefusal(context, info.fieldName, 'UNAUTHENTICATED');
    throw unauthenticated();
  }
  if (roles.length > 0 && !roles.includes(principal.role)) {
    context.log.info({ operation, role: principal.role, principal: principal.id }, 'refused: role not allowed');
    if (info.parentType.name === 'Mutation') await recordRefusal(context, info.fieldName, `FORBIDDEN: role ${principal.role}`);
    throw forbidden();
  }
  return true;
};

/** Who may call an operation, from its @Roles / @Public declaration: the roles, or 'PUBLIC'. */
export function operationRoles(kind: 'Query' | 'Mutation' | 'Subscription', fieldName: string): Role[] | 'PUBLIC' {
  const storage = getMetadataStorage();
  const op = (kind === 'Query' ? storage.queries : kind === 'Mutation' ? storage.mutations : storage.subscriptions).find((o) => o.schemaName === fieldName && RESOLVERS.includes(o.target));
  if (!op) throw new Error(`${kind}.${fieldName} has no resolver in RESOLVERS`);
  if (isDeclaredPublic(op.target, op.methodName)) return 'PUBLIC';
  const authorized = storage.authorizedFields.find((a) => a.target === op.target && a.fieldName === op.methodName);
  return ALL_ROLES.filter((r) => (authorized?.roles as Role[] | undefined)?.includes(r));
}

export const ROLES_MARK = 'Roles (可调用角色):';

/**
 * Appends to each Query and Mutation field's description the roles that may call it, read from the
 * same @Roles / @Public declaration the authChecker enforces, so the schema, the IDE and generated
 * clients say who may call what. Query and Mutation get their own descriptions.
 */
function describeOperationRoles(schema: GraphQLSchema): void {
  const roots = [['Query', schema.getQueryType()], ['Mutation', schema.getMutationType()], ['Subscription', schema.getSubscriptionType()]] as const;
  for (const [kind, type] of roots) {
    if (!type) continue;
    type.description =
      kind === 'Query'
        ? 'Reads (查询). Each field says which roles may call it; records are further limited by RECORD_ACCESS and personal data is masked by role.'
        : kind === 'Mutation'
          ? 'Changes (变更): each is one transaction; bad input comes back as userErrors naming the field. Each field says which roles may call it.'
          : 'Live updates over graphql-ws on /graphql (实时推送): published after commit, with the same role, row scope and masking as queries. Each field says which roles may subscribe.';
    for (const field of Object.values(type.getFields())) {
      const roles = operationRoles(kind, field.name);
      const who = roles === 'PUBLIC' ? 'anyone, signed in or not (公开)' : roles.join(', ');
      field.description = `${field.description ?? ''}\n\n${ROLES_MARK} ${who}.`.trim();
      if (field.astNode) (field as { astNode?: unknown }).astNode = undefined;
    }
  }
}

/** Fails the build when a Query or Mutation declares neither @Roles nor @Public. */
function assertEveryOperationDeclaresAccess(): void {
  const storage = getMetadataStorage();
  const undeclared = [...storage.queries, ...storage.mutations]
    .filter(
      (op) =>
        RESOLVERS.includes(op.target) &&
        !storage.authorizedFields.some((a) => a.target === op.target && a.fieldName === op.methodName) &&
        !isDeclaredPublic(op.target, op.methodName),
    )
    .map((op) => `${op.target.name}.${op.methodName}`);
  if (undeclared.length) throw new Error(`Operations without declared access (@Roles or @Public): ${undeclared.join(', ')}`);
}

/**
 * Plain property fields with no middleware and no roles resolve with graphql-js's default
 * resolver: type-graphql's wrapper costs a closure call and a middleware dispatch per field, and a
 * 12-month statistics answer has over 2,000 of them (measured: +22% requests/s). Fields that carry
 * middleware or roles keep the wrapper (personal-data masking and record guards wrap the built schema instead); methods and @FieldResolvers are not
 * plain fields and are unaffected.
 */
function resolvePlainFieldsDirectly(): void {
  const storage = getMetadataStorage();
  const wrapped = (target: Function, name: string) =>
    storage.middlewares.some((m) => m.target === target && m.fieldName === name) ||
    storage.authorizedFields.some((a) => a.target === target && a.fieldName === name) ||
    storage.resolverMiddlewares.some((m) => m.target === target);
  for (const field of storage.fields) {
    // graphql-js's default resolver reads the property named like the schema field.
    if (field.simple === undefined && field.schemaName === field.name && !wrapped(field.target, field.name)) field.simple = true;
  }
}

export async function buildAppSchema(): Promise<GraphQLSchema> {
  assertEveryOperationDeclaresAccess();
  resolvePlainFieldsDirectly();
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    // class-validator with these options, plus the input rules for mutation arguments.
    validateFn: validateArguments,
    // Every subscription brings its own `subscribe` (src/modules/live/live.resolver.ts, fed by the
    // live hub); type-graphql insists on a pub/sub system all the same, and this one is never used.
    pubSub: UNUSED_PUBSUB,
  });
  describeOperationRoles(schema);
  // Before masking and guards wrap fields: which fields read their own property (column projection).
  recordDefaultResolvedFields(schema);
  // Masking wraps the field's own resolver and the record guard wraps that, so a refused type is never resolved.
  maskPersonalFields(schema);
  guardRecordTypes(schema);
  return schema;
}

/** The contract as text, types and fields in alphabetical order: the same whatever order modules were loaded in. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `# Generated from the code by \`npm run schema:emit\`; do not edit by hand. This file is the API contract.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
