import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { ALL_ROLES, Role, isDeclaredPublic } from '../src/common/auth';
import { RESOLVERS, buildAppSchema } from '../src/schema';
import request from 'supertest';
import { makeUser, startTestApp, type GqlResult, type TestApp } from './support/app';

let t: TestApp;
let schema: GraphQLSchema;

beforeAll(async () => {
  t = await startTestApp();
  schema = await buildAppSchema();
});
afterAll(() => t.close());

type Access = 'PUBLIC' | Role[];

/**
 * Who may call each operation, WRITTEN BY HAND from the README's access table (not read from the
 * code): A = ADMIN, C = COORDINATOR, O = AGENCY_OFFICER, P = PARTNER_VIEWER, R = REPORTER.
 * The tests below compare it with what the running service does for every role, as a user and as
 * an API key, and with anonymous callers.
 */
const HAND_MATRIX: Record<string, string> = {
  // the caller itself, accounts, audit
  'Query.me': 'ACOPR',
  // Relay refetch: anyone signed in; each record type is then limited by its RECORD_ACCESS readers
  'Query.node': 'ACOPR',
  'Query.nodes': 'ACOPR',
  'Query.users': 'A',
  'Query.apiKeys': 'A',
  'Query.auditEvents': 'AC',
  'Mutation.login': 'PUBLIC',
  // sessions: a refresh token authenticates these two, so they are open; signing out everywhere needs a signed-in caller
  'Mutation.refreshSession': 'PUBLIC',
  'Mutation.signOut': 'PUBLIC',
  'Mutation.signOutEverywhere': 'ACOPR',
  'Mutation.changeMyPassword': 'ACOPR',
  'Mutation.createUser': 'A',
  'Mutation.updateUser': 'A',
  'Mutation.deactivateUser': 'A',
  'Mutation.resetUserPassword': 'A',
  'Mutation.createApiKey': 'A',
  'Mutation.revokeApiKey': 'A',
  // reference data: read by all (reports need the names), teams edited by the office
  'Query.districts': 'ACOPR',
  'Query.departments': 'ACOPR',
  'Query.taskTeams': 'ACOPR',
  'Query.taskTeam': 'ACOPR',
  'Query.hazardTypes': 'ACOPR',
  'Query.checklistItems': 'ACOPR',
  'Mutation.updateTaskTeam': 'AC',
  // standards milestones (read by all, corrected by the office) and the working calendar (edited by ADMIN)
  'Query.regulatoryMilestones': 'ACOPR',
  'Mutation.updateRegulatoryMilestone': 'AC',
  'Query.workingCalendar': 'ACOPR',
  'Mutation.setCalendarDay': 'A',
  'Mutation.setCalendarYear': 'A',
  'Mutation.setDepartmentReviewWindow': 'A',
  // webhooks for partner systems: the administrator registers them and watches their deliveries
  'Query.webhookSubscribers': 'A',
  'Query.webhookDeliveries': 'A',
  'Mutation.registerWebhookSubscriber': 'A',
  'Mutation.updateWebhookSubscriber': 'A',
  'Mutation.resendWebhookDelivery': 'A',
  // live updates (graphql-ws): the record readers for records, everyone for their own notifications
  'Subscription.remediationItemChanged': 'ACOP',
  'Subscription.inspectionRecorded': 'ACOP',
  'Subscription.notificationReceived': 'ACOPR',
  // aggregates: everyone, REPORTER included
  'Query.remediationStatistics': 'ACOPR',
  'Query.inspectionStatistics': 'ACOPR',
  'Query.enforcementStatistics': 'ACOPR',
  'Query.bulletin': 'ACOPR',
  // registry records: read by record readers, written by the office and agency officers
  'Query.business': 'ACOP',
  'Query.businessByUscc': 'ACOP',
  'Query.businesses': 'ACOP',
  'Query.site': 'ACOP',
  'Query.sites': 'ACOP',
  'Query.productModel': 'ACOP',
  'Query.productModels': 'ACOP',
  'Query.certificate': 'ACOP',
  'Query.certificates': 'ACOP',
  'Query.supplyRelations': 'ACOP',
  'Query.supplyChain': 'ACOP',
  'Mutation.createBusiness': 'CO',
  'Mutation.updateBusiness': 'CO',
  'Mutation.archiveBusiness': 'CO',
  'Mutation.createSite': 'CO',
  'Mutation.updateSite': 'CO',
  'Mutation.archiveSite': 'CO',
  'Mutation.createProductModel': 'CO',
  'Mutation.updateProductModel': 'CO',
  'Mutation.archiveProductModel': 'CO',
  'Mutation.createCertificate': 'CO',
  'Mutation.updateCertificate': 'CO',
  'Mutation.changeCertificateStatus': 'CO',
  'Mutation.archiveCertificate': 'CO',
  'Mutation.createSupplyRelation': 'CO',
  'Mutation.updateSupplyRelation': 'CO',
  'Mutation.archiveSupplyRelation': 'CO',
  // inspections and remediation: read like the registry, worked by the office and agency officers
  'Query.inspection': 'ACOP',
  'Query.inspections': 'ACOP',
  'Query.remediationItem': 'ACOP',
  'Query.remediationItems': 'ACOP',
  'Mutation.createInspection': 'CO',
  'Mutation.createRemediationItem': 'CO',
  'Mutation.transitionRemediationItem': 'CO',
  'Mutation.requestExtension': 'CO',
  'Mutation.decideExtension': 'CO',
  'Mutation.fileEnforcementCase': 'CO',
  'Mutation.addEvidence': 'CO',
  'Mutation.listRemediationItem': 'C',
  'Mutation.updateRemediationItem': 'CO',
  // cases end (结案): worked like filing; taking a closing back is the office's
  'Mutation.updateEnforcementCase': 'CO',
  'Mutation.closeEnforcementCase': 'CO',
  'Mutation.reopenEnforcementCase': 'C',
  // imports: by those who write the registry; jobs read by them and ADMIN
  'Mutation.startImport': 'CO',
  'Mutation.commitImport': 'CO',
  'Query.import': 'ACO',
  'Query.imports': 'ACO',
  // how the program is run (issue 19): the office plans, officers report in their scope, reporters read the dispatch
  'Query.campaign': 'ACOP',
  'Query.campaigns': 'ACOP',
  'Query.jointOperations': 'ACOP',
  'Query.tasks': 'ACOP',
  'Query.warnings': 'ACOP',
  'Query.dispatch': 'ACOPR',
  'Mutation.createCampaign': 'C',
  'Mutation.updateCampaign': 'C',
  'Mutation.createTask': 'C',
  'Mutation.exposeEnforcementCase': 'C',
  'Mutation.recordJointOperation': 'CO',
  'Mutation.updateTask': 'CO',
  'Mutation.issueWarning': 'CO',
  // daily jobs (issue 18): rules read by all and edited by the office; runs by ADMIN, read by the office; snapshots are aggregates
  'Query.escalationRules': 'ACOPR',
  'Mutation.updateEscalationRule': 'C',
  'Query.jobRuns': 'AC',
  'Mutation.runDailyJobs': 'A',
  'Query.dailySnapshots': 'ACOPR',
  // the caller's own inbox
  'Query.notifications': 'ACOPR',
  'Query.unreadNotificationCount': 'ACOPR',
  'Mutation.markNotificationsRead': 'ACOPR',
};
const LETTER: Record<string, Role> = { A: Role.ADMIN, C: Role.COORDINATOR, O: Role.AGENCY_OFFICER, P: Role.PARTNER_VIEWER, R: Role.REPORTER };
function handAccess(op: string): Access {
  const v = HAND_MATRIX[op];
  return v === 'PUBLIC' ? 'PUBLIC' : [...v].map((l) => LETTER[l]);
}

/** Every Query and Mutation of the built schema (not of the decorators); with `subscriptions`, every Subscription too. */
function schemaOperations(subscriptions = false): string[] {
  return [
    ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
    ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ...(subscriptions ? Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map((f) => `Subscription.${f}`) : []),
  ].sort();
}

/** Who may call each Query and Mutation, as the code declares it (@Roles / @Public). */
function declaredAccess(): Record<string, Access> {
  const storage = getMetadataStorage();
  const out: Record<string, Access> = {};
  for (const [typeName, type, ops] of [
    ['Query', schema.getQueryType(), storage.queries],
    ['Mutation', schema.getMutationType(), storage.mutations],
    ['Subscription', schema.getSubscriptionType(), storage.subscriptions],
  ] as const) {
    for (const fieldName of Object.keys(type!.getFields()).sort()) {
      const op = ops.find((o) => o.schemaName === fieldName && RESOLVERS.includes(o.target));
      if (!op) throw new Error(`${typeName}.${fieldName} has no resolver in RESOLVERS`);
      const authorized = storage.authorizedFields.find((a) => a.target === op.target && a.fieldName === op.methodName);
      const isPublic = isDeclaredPublic(op.target, op.methodName);
      if (authorized && isPublic) throw new Error(`${typeName}.${fieldName} declares both @Roles and @Public`);
      if (!authorized && !isPublic) throw new Error(`${typeName}.${fieldName} declares no access`);
      out[`${typeName}.${fieldName}`] = isPublic ? 'PUBLIC' : ALL_ROLES.filter((r) => (authorized!.roles as Role[]).includes(r));
    }
  }
  return out;
}

/** Role restrictions on fields of object types (sensitive fields), keyed Type.field. */
function declaredFieldAccess(): Record<string, Role[]> {
  const storage = getMetadataStorage();
  const ops = [...storage.queries, ...storage.mutations, ...storage.subscriptions];
  const out: Record<string, Role[]> = {};
  for (const a of storage.authorizedFields) {
    if (ops.some((o) => o.target === a.target && o.methodName === a.fieldName)) continue;
    out[`${a.target.name}.${a.fieldName}`] = ALL_ROLES.filter((r) => (a.roles as Role[]).includes(r));
  }
  return Object.fromEntries(Object.entries(out).sort(([x], [y]) => x.localeCompare(y)));
}

describe('declared access', () => {
  it('the hand-written matrix names exactly the operations of the schema, and the code declares the same roles', () => {
    expectCovered('HAND_MATRIX in test/authorization.test.ts', schemaOperations(true), Object.keys(HAND_MATRIX), 'Add the roles the README gives each operation.');
    const declared = declaredAccess();
    const differing = Object.keys(HAND_MATRIX).filter((op) => JSON.stringify(declared[op]) !== JSON.stringify(handAccess(op)));
    expect(differing.map((op) => ({ op, hand: handAccess(op), code: declared[op] }))).toEqual([]);
    // Roles on single fields are not used: what a type may be read by is declared per type (RECORD_ACCESS).
    expect(declaredFieldAccess()).toEqual({});
  });

  it('follows the roles of the issue: users and keys ADMIN only, updateTaskTeam ADMIN/COORDINATOR, registry read by all but REPORTER and written by COORDINATOR/AGENCY_OFFICER, login public, changeMyPassword anyone signed in', () => {
    const a = declaredAccess();
    for (const op of ['createUser', 'updateUser', 'deactivateUser', 'resetUserPassword', 'createApiKey', 'revokeApiKey']) expect(a[`Mutation.${op}`]).toEqual([Role.ADMIN]);
    expect(a['Query.users']).toEqual([Role.ADMIN]);
    expect(a['Query.apiKeys']).toEqual([Role.ADMIN]);
    expect(a['Mutation.updateTaskTeam']).toEqual([Role.ADMIN, Role.COORDINATOR]);
    expect(a['Query.auditEvents']).toEqual([Role.ADMIN, Role.COORDINATOR]);
    expect(a['Mutation.login']).toBe('PUBLIC');
    expect(a['Mutation.changeMyPassword']).toEqual([...ALL_ROLES]);
    // Registry: read by every role but REPORTER, written by COORDINATOR and AGENCY_OFFICER only (not ADMIN).
    for (const op of REGISTRY_QUERIES) expect({ op, roles: a[op] }).toEqual({ op, roles: [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER, Role.PARTNER_VIEWER] });
    for (const op of REPORT_QUERIES) expect({ op, roles: a[op] }).toEqual({ op, roles: [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER, Role.PARTNER_VIEWER, Role.REPORTER] });
    for (const op of REGISTRY_MUTATIONS) expect({ op, roles: a[op] }).toEqual({ op, roles: [Role.COORDINATOR, Role.AGENCY_OFFICER] });
    // Inspections and remediation: read like the registry; moved by COORDINATOR and AGENCY_OFFICER; listing by the coordinator only.
    for (const op of REMEDIATION_QUERIES) expect({ op, roles: a[op] }).toEqual({ op, roles: [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER, Role.PARTNER_VIEWER] });
    for (const op of REMEDIATION_MUTATIONS) expect({ op, roles: a[op] }).toEqual({ op, roles: [Role.COORDINATOR, Role.AGENCY_OFFICER] });
    expect(a['Mutation.listRemediationItem']).toEqual([Role.COORDINATOR]);
    expect(a['Mutation.reopenEnforcementCase']).toEqual([Role.COORDINATOR]);
    // The working calendar is read by everyone and edited by the administrator only.
    expect(a['Query.workingCalendar']).toEqual([...ALL_ROLES]);
    for (const op of ['setCalendarDay', 'setCalendarYear', 'setDepartmentReviewWindow']) expect(a[`Mutation.${op}`]).toEqual([Role.ADMIN]);
    // Nothing but sign-in is open to anonymous callers: login, and the two that hold a refresh token instead of an access token.
    expect(Object.entries(a).filter(([, v]) => v === 'PUBLIC').map(([k]) => k)).toEqual(['Mutation.login', 'Mutation.refreshSession', 'Mutation.signOut']);
  });
});

/**
 * One call per operation. Allowed callers get past authorization and reach the service, where the
 * input is harmless: it fails validation or names a record that does not exist (so nothing is
 * written). `expectUserError` is the code the service answers with.
 */
interface Call {
  query: string;
  variables?: () => Record<string, unknown>;
  /** For mutations: the code an allowed caller gets in userErrors. */
  expectUserError?: string;
  /** Sent as a GraphQL multipart request with this file mapped to variables.input.file. */
  upload?: Buffer;
}

const PAYLOAD = '{ userErrors { field code } }';
const CALLS: Record<string, Call> = {
  'Query.import': { query: 'query($id: ID!) { import(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  'Query.imports': { query: '{ imports(first: 1) { nodes { id } } }' },
  'Mutation.startImport': {
    query: `mutation($input: StartImportInput!) { startImport(input: $input) ${PAYLOAD} }`,
    variables: () => ({ input: { kind: 'BUSINESSES', file: null } }),
    upload: Buffer.alloc(0),
    expectUserError: 'VALIDATION',
  },
  'Mutation.commitImport': {
    query: `mutation($i: CommitImportInput!) { commitImport(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID() } }),
    expectUserError: 'NOT_FOUND',
  },
  'Query.me': { query: '{ me { id role } }' },
  'Query.node': { query: 'query($id: ID!) { node(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  'Query.nodes': { query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: () => ({ ids: [randomUUID()] }) },
  'Query.users': { query: '{ users(first: 1) { nodes { id } } }' },
  'Query.apiKeys': { query: '{ apiKeys(first: 1) { nodes { id } } }' },
  'Query.auditEvents': { query: '{ auditEvents(first: 1) { nodes { id } } }' },
  'Query.districts': { query: '{ districts { code } }' },
  'Query.departments': { query: '{ departments { code } }' },
  'Query.taskTeams': { query: '{ taskTeams { code } }' },
  'Query.taskTeam': { query: '{ taskTeam(code: "SALES") { code } }' },
  'Query.regulatoryMilestones': { query: '{ regulatoryMilestones { code } }' },
  'Query.hazardTypes': { query: '{ hazardTypes { code } }' },
  'Query.checklistItems': { query: '{ checklistItems { code } }' },
  'Mutation.login': {
    query: `mutation($i: LoginInput!) { login(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { username: `nobody-${randomUUID()}`, password: 'wrong password' } }),
    expectUserError: 'INVALID_CREDENTIALS',
  },
  'Mutation.refreshSession': {
    query: `mutation($i: RefreshSessionInput!) { refreshSession(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { refreshToken: `ebr_${'A'.repeat(43)}` } }),
    expectUserError: 'INVALID_CREDENTIALS',
  },
  'Mutation.signOut': {
    query: `mutation($i: SignOutInput!) { signOut(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { refreshToken: 'not a refresh token' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.signOutEverywhere': {
    query: `mutation($i: SignOutEverywhereInput!) { signOutEverywhere(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { reason: 'x'.repeat(201) } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.changeMyPassword': {
    query: `mutation($i: ChangeMyPasswordInput!) { changeMyPassword(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { currentPassword: 'not my password', newPassword: 'a brand new password' } }),
    expectUserError: 'INVALID_CREDENTIALS',
  },
  'Mutation.createUser': {
    query: `mutation($i: CreateUserInput!) { createUser(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { username: '!bad name', displayName: 'X', role: 'REPORTER' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.updateUser': {
    query: `mutation($i: UpdateUserInput!) { updateUser(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, displayName: 'X' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.deactivateUser': {
    query: `mutation($i: UserRefInput!) { deactivateUser(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID() } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.resetUserPassword': {
    query: `mutation($i: UserRefInput!) { resetUserPassword(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID() } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.createApiKey': {
    query: `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { name: '   ', role: 'REPORTER' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.revokeApiKey': {
    query: `mutation($i: ApiKeyRefInput!) { revokeApiKey(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID() } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.updateTaskTeam': {
    query: `mutation($i: UpdateTaskTeamInput!) { updateTaskTeam(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, nameZh: 'X' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.updateRegulatoryMilestone': {
    query: `mutation($i: UpdateRegulatoryMilestoneInput!) { updateRegulatoryMilestone(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, note: 'X' } }),
    expectUserError: 'NOT_FOUND',
  },

  // ---------- registry ----------
  // Reads name a random id (null) or ask for one row. Writes either fail input validation (which
  // runs before the service, so before the AGENCY_OFFICER write-scope check) or name a random id
  // (NOT_FOUND, also before the scope check). Nothing is written.
  'Query.business': { query: 'query($id: ID!) { business(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  'Query.businessByUscc': { query: '{ businessByUscc(uscc: "NO-SUCH-USCC") { id } }' },
  'Query.businesses': { query: '{ businesses(first: 1) { nodes { id } } }' },
  'Query.site': { query: 'query($id: ID!) { site(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  'Query.sites': { query: '{ sites(first: 1) { nodes { id } } }' },
  'Query.productModel': { query: 'query($id: ID!) { productModel(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  'Query.productModels': { query: '{ productModels(first: 1) { nodes { id } } }' },
  'Query.certificate': { query: 'query($id: ID!) { certificate(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  'Query.certificates': { query: '{ certificates(first: 1) { nodes { id } } }' },
  'Query.supplyRelations': { query: '{ supplyRelations(first: 1) { nodes { id } } }' },
  'Query.supplyChain': {
    query: 'query($id: ID!) { supplyChain(from: { businessId: $id }, maxDepth: 1) { nodes { depth } edges { depth } } }',
    variables: () => ({ id: randomUUID() }),
  },
  'Mutation.createBusiness': {
    query: `mutation($i: CreateBusinessInput!) { createBusiness(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { name: '   ', types: ['VEHICLE_MANUFACTURER'], districtCode: '511102' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.updateBusiness': {
    query: `mutation($i: UpdateBusinessInput!) { updateBusiness(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, name: 'X' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.archiveBusiness': {
    query: `mutation($i: ArchiveInput!) { archiveBusiness(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, reason: 'authorization matrix' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.createSite': {
    query: `mutation($i: CreateSiteInput!) { createSite(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { siteType: 'HIGH_RISE', name: '   ', districtCode: '511102' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.updateSite': {
    query: `mutation($i: UpdateSiteInput!) { updateSite(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, name: 'X' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.archiveSite': {
    query: `mutation($i: ArchiveInput!) { archiveSite(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, reason: 'authorization matrix' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.createProductModel': {
    query: `mutation($i: CreateProductModelInput!) { createProductModel(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { kind: 'CHARGER', brand: '   ', model: 'M1' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.updateProductModel': {
    query: `mutation($i: UpdateProductModelInput!) { updateProductModel(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, brand: 'X' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.archiveProductModel': {
    query: `mutation($i: ArchiveInput!) { archiveProductModel(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, reason: 'authorization matrix' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.createCertificate': {
    query: `mutation($i: CreateCertificateInput!) { createCertificate(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { number: 'not a certificate number' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.updateCertificate': {
    query: `mutation($i: UpdateCertificateInput!) { updateCertificate(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, holderName: 'X' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.changeCertificateStatus': {
    query: `mutation($i: ChangeCertificateStatusInput!) { changeCertificateStatus(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, status: 'SUSPENDED', reason: 'authorization matrix' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.archiveCertificate': {
    query: `mutation($i: ArchiveInput!) { archiveCertificate(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, reason: 'authorization matrix' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.createSupplyRelation': {
    // Random (well-formed) party ids would give two INVALID_REFERENCE errors; one malformed id gives one.
    query: `mutation($i: CreateSupplyRelationInput!) { createSupplyRelation(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { supplierBusinessId: 'not-a-uuid', buyerBusinessId: randomUUID() } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.updateSupplyRelation': {
    query: `mutation($i: UpdateSupplyRelationInput!) { updateSupplyRelation(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, note: 'X' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.archiveSupplyRelation': {
    query: `mutation($i: ArchiveInput!) { archiveSupplyRelation(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, reason: 'authorization matrix' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Query.inspection': { query: `query($id: ID!) { inspection(id: $id) { id } }`, variables: () => ({ id: randomUUID() }) },
  'Query.inspections': { query: '{ inspections(first: 1) { nodes { id } } }' },
  'Query.remediationItem': { query: `query($id: ID!) { remediationItem(id: $id) { id } }`, variables: () => ({ id: randomUUID() }) },
  'Query.remediationItems': { query: '{ remediationItems(first: 1) { nodes { id } } }' },
  'Mutation.createInspection': {
    // No inspector: one validation error before anything is looked up.
    query: `mutation($i: CreateInspectionInput!) { createInspection(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { method: 'ROUTINE', teamCode: 'SALES', inspectors: [], startedAt: '2026-01-01T00:00:00Z' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.createRemediationItem': {
    query: `mutation($i: CreateRemediationItemInput!) { createRemediationItem(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { hazardTypeCode: 'PARK_FLY_LINE', description: '   ', teamCode: 'SALES', discoveryMethod: 'ROUTINE' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.transitionRemediationItem': {
    query: `mutation($i: TransitionInput!) { transitionRemediationItem(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, action: 'COMMENT', comment: 'authorization matrix' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.updateRemediationItem': {
    query: `mutation($i: UpdateRemediationItemInput!) { updateRemediationItem(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, reason: 'authorization matrix', level: 'MAJOR' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.requestExtension': {
    query: `mutation($i: RequestExtensionInput!) { requestExtension(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, requestedDeadline: '2030-01-01', reason: 'authorization matrix' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.decideExtension': {
    query: `mutation($i: DecideExtensionInput!) { decideExtension(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { requestId: randomUUID(), expectedVersion: 1, approve: false } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.listRemediationItem': {
    query: `mutation($i: ListRemediationItemInput!) { listRemediationItem(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, authority: 'authorization matrix', listingNumber: `AM-${randomUUID()}`.slice(0, 40) } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.fileEnforcementCase': {
    query: `mutation($i: FileEnforcementCaseInput!) { fileEnforcementCase(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, caseNumber: `AM-${randomUUID()}`, filedOn: '2026-01-01', departmentCode: 'FIRE' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.updateEnforcementCase': {
    query: `mutation($i: UpdateEnforcementCaseInput!) { updateEnforcementCase(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, fineAmount: '100.00' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.closeEnforcementCase': {
    query: `mutation($i: CloseEnforcementCaseInput!) { closeEnforcementCase(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, closedOn: '2026-01-01', outcome: 'PENALTY_EXECUTED' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.reopenEnforcementCase': {
    query: `mutation($i: ReopenEnforcementCaseInput!) { reopenEnforcementCase(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, reason: 'authorization matrix' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Query.workingCalendar': { query: '{ workingCalendar(year: 2025) { year workingDays } }' },
  'Mutation.setCalendarDay': {
    // A Wednesday cannot be a weekend day worked in exchange: refused, nothing written.
    query: `mutation($i: SetCalendarDayInput!) { setCalendarDay(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { date: '2025-10-01', kind: 'ADJUSTED_WORKDAY' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.setCalendarYear': {
    query: `mutation($i: SetCalendarYearInput!) { setCalendarYear(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { year: 2099, expectedVersion: 7, status: 'OFFICIAL' } }),
    expectUserError: 'CONFLICT',
  },
  'Mutation.setDepartmentReviewWindow': {
    query: `mutation($i: SetDepartmentReviewWindowInput!) { setDepartmentReviewWindow(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { departmentCode: 'NO_SUCH_DEPARTMENT', workingDays: 5 } }),
    expectUserError: 'NOT_FOUND',
  },
  'Query.webhookSubscribers': { query: '{ webhookSubscribers(first: 1) { nodes { id } } }' },
  'Query.webhookDeliveries': { query: '{ webhookDeliveries(first: 1) { nodes { id } } }' },
  'Mutation.registerWebhookSubscriber': {
    // Not http(s): refused, nothing written.
    query: `mutation($i: RegisterWebhookSubscriberInput!) { registerWebhookSubscriber(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { name: 'matrix', url: 'ftp://partner.example/hook', eventTypes: ['ITEM_CREATED'], secret: 'matrix-secret-0123456789' } }),
    expectUserError: 'VALIDATION',
  },
  'Mutation.updateWebhookSubscriber': {
    query: `mutation($i: UpdateWebhookSubscriberInput!) { updateWebhookSubscriber(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, active: false } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.resendWebhookDelivery': {
    query: `mutation($i: ResendWebhookDeliveryInput!) { resendWebhookDelivery(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID() } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.addEvidence': {
    query: `mutation($i: AddEvidenceInput!) { addEvidence(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), kind: 'PHOTO', phase: 'AFTER', location: 'oss://matrix/x.jpg', sha256: 'a'.repeat(64) } }),
    expectUserError: 'NOT_FOUND',
  },
  'Query.remediationStatistics': { query: '{ remediationStatistics(period: { from: "2026-01-01", to: "2026-01-31" }) { found } }' },
  'Query.inspectionStatistics': { query: '{ inspectionStatistics(period: { from: "2026-01-01", to: "2026-01-31" }) { inspections } }' },
  'Query.enforcementStatistics': { query: '{ enforcementStatistics(period: { from: "2026-01-01", to: "2026-01-31" }) { casesFiled } }' },
  'Query.bulletin': { query: '{ bulletin(from: "2026-01-01", to: "2026-01-31") { totals { found } } }' },
  'Query.campaign': { query: 'query($id: ID!) { campaign(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  'Query.campaigns': { query: '{ campaigns(first: 1) { nodes { id } } }' },
  'Query.jointOperations': { query: '{ jointOperations(first: 1) { nodes { id } } }' },
  'Query.tasks': { query: '{ tasks(first: 1) { nodes { id } } }' },
  'Query.warnings': { query: '{ warnings(first: 1) { nodes { id } } }' },
  'Query.dispatch': { query: '{ dispatch(from: "2026-01-01", to: "2026-01-07") { warningsIssued } }' },
  'Mutation.createCampaign': {
    query: `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { name: 'matrix', kind: 'NIGHT_CHECK', phase: 'CONCENTRATED', startsOn: '2026-01-01', endsOn: '2026-01-31', leadTeamCode: 'NO_SUCH_TEAM', leadDepartmentCode: 'FIRE' } }),
    expectUserError: 'INVALID_REFERENCE',
  },
  'Mutation.updateCampaign': {
    query: `mutation($i: UpdateCampaignInput!) { updateCampaign(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, phase: 'CONSOLIDATION' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.createTask': {
    query: `mutation($i: CreateTaskInput!) { createTask(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { teamCode: 'NO_SUCH_TEAM', title: 'matrix', dueOn: '2026-01-31' } }),
    expectUserError: 'INVALID_REFERENCE',
  },
  'Mutation.updateTask': {
    query: `mutation($i: UpdateTaskInput!) { updateTask(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, state: 'IN_PROGRESS' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.exposeEnforcementCase': {
    query: `mutation($i: ExposeEnforcementCaseInput!) { exposeEnforcementCase(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { id: randomUUID(), expectedVersion: 1, exposedOn: '2026-01-05' } }),
    expectUserError: 'NOT_FOUND',
  },
  'Mutation.recordJointOperation': {
    query: `mutation($i: RecordJointOperationInput!) { recordJointOperation(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { teamCode: 'NO_SUCH_TEAM', heldOn: '2026-01-05', districtCodes: ['511102'], departmentCodes: ['FIRE', 'MARKET'], groupsDispatched: 1, officerCount: 2 } }),
    expectUserError: 'INVALID_REFERENCE',
  },
  'Mutation.issueWarning': {
    query: `mutation($i: IssueWarningInput!) { issueWarning(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { issuedOn: '2026-01-05', kind: 'REMINDER', businessId: randomUUID(), content: 'matrix', departmentCode: 'FIRE' } }),
    expectUserError: 'INVALID_REFERENCE',
  },
  // daily jobs and the inbox (issue 18)
  'Query.escalationRules': { query: '{ escalationRules { code } }' },
  'Mutation.updateEscalationRule': {
    query: `mutation($i: UpdateEscalationRuleInput!) { updateEscalationRule(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { code: 'NO_SUCH_RULE', expectedVersion: 1, level: 2 } }),
    expectUserError: 'NOT_FOUND',
  },
  'Query.jobRuns': { query: '{ jobRuns(from: "2026-01-01", to: "2026-01-31") { job } }' },
  'Mutation.runDailyJobs': {
    // Only today may be run (the jobs read today's state): a past day is refused, nothing runs.
    query: `mutation($i: RunDailyJobsInput!) { runDailyJobs(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { day: '2000-01-01' } }),
    expectUserError: 'VALIDATION',
  },
  'Query.dailySnapshots': { query: '{ dailySnapshots(from: "2026-01-01", to: "2026-01-31") { day } }' },
  'Query.notifications': { query: '{ notifications(first: 1) { totalCount } }' },
  'Query.unreadNotificationCount': { query: '{ unreadNotificationCount }' },
  'Mutation.markNotificationsRead': {
    query: `mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) ${PAYLOAD} }`,
    variables: () => ({ i: { ids: [randomUUID()] } }),
    expectUserError: 'NOT_FOUND',
  },
};

/** Aggregates: every role, REPORTER included (it reads aggregates and exports only). */
const REPORT_QUERIES = ['remediationStatistics', 'inspectionStatistics', 'enforcementStatistics', 'bulletin', 'dispatch'].map((f) => `Query.${f}`);

const REMEDIATION_QUERIES = ['inspection', 'inspections', 'remediationItem', 'remediationItems'].map((f) => `Query.${f}`);
const REMEDIATION_MUTATIONS = [
  'createInspection',
  'createRemediationItem',
  'transitionRemediationItem',
  'updateRemediationItem',
  'requestExtension',
  'decideExtension',
  'fileEnforcementCase',
  'updateEnforcementCase',
  'closeEnforcementCase',
  'addEvidence',
].map((f) => `Mutation.${f}`);

const REGISTRY_QUERIES = [
  'business',
  'businessByUscc',
  'businesses',
  'site',
  'sites',
  'productModel',
  'productModels',
  'certificate',
  'certificates',
  'supplyRelations',
  'supplyChain',
].map((f) => `Query.${f}`);
const REGISTRY_MUTATIONS = ['Business', 'Site', 'ProductModel', 'Certificate', 'SupplyRelation']
  .flatMap((t) => ['create', 'update', 'archive'].map((verb) => `Mutation.${verb}${t}`))
  .concat('Mutation.changeCertificateStatus');

/**
 * Names what a table is missing and what it has in excess, for a failure message that says
 * exactly what to add (`table` says where). Empty when the table matches.
 */
function coverageProblems(table: string, expected: string[], actual: string[], hint: string): string {
  const missing = expected.filter((op) => !actual.includes(op)).sort();
  const extra = actual.filter((op) => !expected.includes(op)).sort();
  const lines: string[] = [];
  if (missing.length) lines.push(`${missing.length} operation(s) missing from ${table}: ${missing.join(', ')}`, hint);
  if (extra.length) lines.push(`${table} has entries for operations the schema does not have (remove them): ${extra.join(', ')}`);
  return lines.join('\n');
}

function expectCovered(table: string, expected: string[], actual: string[], hint: string): void {
  const problems = coverageProblems(table, expected, actual, hint);
  if (problems) throw new Error(problems);
}

/** The hand-written access of the operations the call table covers (the coverage test names the rest). */
function coveredAccess(): [string, Access][] {
  return Object.keys(HAND_MATRIX)
    .filter((op) => op in CALLS)
    .map((op) => [op, handAccess(op)]);
}

function rootField(op: string): string {
  return op.split('.')[1];
}

function call(op: string, auth: string | null): Promise<GqlResult> {
  const c = CALLS[op];
  if (c.upload) {
    let req = request(t.app).post('/graphql').set('Apollo-Require-Preflight', 'true');
    if (auth) req = auth.startsWith('ebk_') ? req.set('X-Api-Key', auth) : req.set('Authorization', `Bearer ${auth}`);
    return req
      .field('operations', JSON.stringify({ query: c.query, variables: c.variables?.() ?? {} }))
      .field('map', JSON.stringify({ 0: ['variables.input.file'] }))
      .attach('0', c.upload, 'empty.csv')
      .then((res) => ({ status: res.status, body: res.body }));
  }
  return t.gql(c.query, c.variables?.() ?? {}, auth);
}

function expectAllowed(op: string, r: GqlResult): void {
  const codes = (r.body.errors ?? []).map((e) => e.extensions?.code);
  expect({ op, status: r.status, codes }).toEqual({ op, status: 200, codes: [] });
  const data = r.body.data![rootField(op)];
  expect(data).not.toBeUndefined();
  const expected = CALLS[op].expectUserError;
  if (expected) expect({ op, codes: data.userErrors.map((e: { code: string }) => e.code) }).toEqual({ op, codes: [expected] });
}

function expectRefused(op: string, r: GqlResult, code: 'FORBIDDEN' | 'UNAUTHENTICATED'): void {
  // A non-null root field nulls `data`; a nullable one (taskTeam) is null itself.
  const value = r.body.data === null ? null : r.body.data?.[rootField(op)];
  expect({ op, codes: (r.body.errors ?? []).map((e) => e.extensions?.code), value }).toEqual({ op, codes: [code], value: null });
  expect(r.status).toBe(code === 'UNAUTHENTICATED' ? 401 : 200);
}

describe('every operation × every role (users and API keys) × anonymous', () => {
  const userTokens = {} as Record<Role, string>;
  const keys = {} as Record<Role, string>;

  beforeAll(async () => {
    for (const role of ALL_ROLES) {
      const scope = role === Role.AGENCY_OFFICER ? { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' } : {};
      userTokens[role] = (await makeUser(t.ds, role, scope)).token;
    }
    for (const role of ALL_ROLES) {
      const input = { name: `matrix ${role}`, role, ...(role === Role.AGENCY_OFFICER ? { teamCodes: ['SALES'], districtCodes: ['511102'] } : {}) };
      const r = await t.gql(`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key userErrors { code } } }`, { i: input }, userTokens.ADMIN);
      expect(r.body.data!.createApiKey.userErrors).toEqual([]);
      keys[role] = r.body.data!.createApiKey.key;
    }
  });

  it('the call table covers every operation of the schema', () => {
    expectCovered(
      'CALLS in test/authorization.test.ts',
      schemaOperations(),
      Object.keys(CALLS),
      'Add a harmless call for each: input that ends in a validation userError, NOT_FOUND/INVALID_REFERENCE, or a null result, so that nothing is written.',
    );
  });

  it('anonymous callers get UNAUTHENTICATED for everything but login', async () => {
    for (const [op, access] of coveredAccess()) {
      const r = await call(op, null);
      if (access === 'PUBLIC') expectAllowed(op, r);
      else expectRefused(op, r, 'UNAUTHENTICATED');
    }
  });

  for (const kind of ['user', 'apiKey'] as const) {
    it.each([...ALL_ROLES])(`a ${kind} with role %s is allowed exactly the operations of the hand-written matrix and FORBIDDEN the rest`, async (role) => {
      const auth = kind === 'user' ? userTokens[role] : keys[role];
      for (const [op, access] of coveredAccess()) {
        const r = await call(op, auth);
        const allowed = access === 'PUBLIC' || access.includes(role);
        if (kind === 'apiKey' && op === 'Mutation.changeMyPassword') {
          // A key has no password: it is signed in, so this is not UNAUTHENTICATED, but it may not.
          expectRefused(op, r, 'FORBIDDEN');
        } else if (allowed) expectAllowed(op, r);
        else expectRefused(op, r, 'FORBIDDEN');
      }
    });
  }
});

describe('mutation groups, negative cases per role', () => {
  let tokens: Record<Role, string>;
  beforeAll(async () => {
    tokens = {} as Record<Role, string>;
    for (const role of ALL_ROLES) tokens[role] = (await makeUser(t.ds, role, role === Role.AGENCY_OFFICER ? { teams: ['SALES'], districts: ['511102'] } : {})).token;
  });

  const groups: [string, string[], Role[]][] = [
    ['users', ['Mutation.createUser', 'Mutation.updateUser', 'Mutation.deactivateUser', 'Mutation.resetUserPassword'], [Role.ADMIN]],
    ['API keys', ['Mutation.createApiKey', 'Mutation.revokeApiKey'], [Role.ADMIN]],
    ['reference data', ['Mutation.updateTaskTeam', 'Mutation.updateRegulatoryMilestone'], [Role.ADMIN, Role.COORDINATOR]],
    ['registry', REGISTRY_MUTATIONS, [Role.COORDINATOR, Role.AGENCY_OFFICER]],
    ['inspections and remediation', REMEDIATION_MUTATIONS, [Role.COORDINATOR, Role.AGENCY_OFFICER]],
    ['listed supervision', ['Mutation.listRemediationItem'], [Role.COORDINATOR]],
    ['reopening a closed case', ['Mutation.reopenEnforcementCase'], [Role.COORDINATOR]],
    ['working calendar and review windows', ['Mutation.setCalendarDay', 'Mutation.setCalendarYear', 'Mutation.setDepartmentReviewWindow'], [Role.ADMIN]],
    ['imports', ['Mutation.startImport', 'Mutation.commitImport'], [Role.COORDINATOR, Role.AGENCY_OFFICER]],
    ['campaigns, tasks and exposure (the office)', ['Mutation.createCampaign', 'Mutation.updateCampaign', 'Mutation.createTask', 'Mutation.exposeEnforcementCase'], [Role.COORDINATOR]],
    ['joint operations, task progress, warnings', ['Mutation.recordJointOperation', 'Mutation.updateTask', 'Mutation.issueWarning'], [Role.COORDINATOR, Role.AGENCY_OFFICER]],
    ['escalation rules', ['Mutation.updateEscalationRule'], [Role.COORDINATOR]],
    ['daily jobs on demand', ['Mutation.runDailyJobs'], [Role.ADMIN]],
    ['own inbox', ['Mutation.markNotificationsRead'], [...ALL_ROLES]],
    ['webhooks', ['Mutation.registerWebhookSubscriber', 'Mutation.updateWebhookSubscriber', 'Mutation.resendWebhookDelivery'], [Role.ADMIN]],
    ['own password', ['Mutation.changeMyPassword'], [...ALL_ROLES]],
    ['own sessions', ['Mutation.signOutEverywhere'], [...ALL_ROLES]],
    ['sign-in', ['Mutation.login', 'Mutation.refreshSession', 'Mutation.signOut'], [...ALL_ROLES]],
  ];
  const cases = groups.flatMap(([group, ops, allowed]) => ALL_ROLES.map((role) => [group, role, ops, allowed.includes(role)] as const));

  it.each(cases)('%s as %s', async (_group, role, ops, allowed) => {
    for (const op of ops) {
      const r = await call(op, tokens[role]);
      if (allowed) expectAllowed(op, r);
      else expectRefused(op, r, 'FORBIDDEN');
    }
  });

  it('the groups cover every mutation', () => {
    const covered = groups.flatMap(([, ops]) => ops);
    expect(covered.length).toBe(new Set(covered).size);
    expectCovered(
      'the mutation groups in test/authorization.test.ts',
      schemaOperations().filter((k) => k.startsWith('Mutation.')),
      covered,
      'Add each to a group with the roles the issue allows (and a call to CALLS).',
    );
  });
});

describe('refusals do not reveal whether a record exists', () => {
  it('updateUser, deactivateUser and resetUserPassword answer a real and a random id the same for COORDINATOR and anonymous', async () => {
    const coordinator = (await makeUser(t.ds, Role.COORDINATOR)).token;
    const victim = await makeUser(t.ds, Role.REPORTER);
    const random = randomUUID();
    const docs: [string, (id: string) => Record<string, unknown>][] = [
      [`mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { id } userErrors { code } } }`, (id) => ({ i: { id, expectedVersion: 1, role: 'ADMIN' } })],
      [`mutation($i: UserRefInput!) { deactivateUser(input: $i) { user { id } userErrors { code } } }`, (id) => ({ i: { id } })],
      [`mutation($i: UserRefInput!) { resetUserPassword(input: $i) { generatedPassword userErrors { code } } }`, (id) => ({ i: { id } })],
    ];
    for (const [query, vars] of docs) {
      for (const auth of [coordinator, null]) {
        const real = await t.gql(query, vars(victim.user.id), auth);
        const fake = await t.gql(query, vars(random), auth);
        expect(real.status).toBe(fake.status);
        expect(real.body).toEqual(fake.body);
        expect(real.body.errors![0].extensions!.code).toBe(auth ? 'FORBIDDEN' : 'UNAUTHENTICATED');
        expect(JSON.stringify(real.body)).not.toContain(victim.user.id);
      }
    }
    // and nothing changed
    const [row] = await t.ds.query(`SELECT role, active, version FROM app_user WHERE id = $1`, [victim.user.id]);
    expect(row).toEqual({ role: 'REPORTER', active: true, version: 1 });
  });

  it('revokeApiKey answers a real and a random id the same for a PARTNER_VIEWER', async () => {
    const admin = (await makeUser(t.ds, Role.ADMIN)).token;
    const viewer = (await makeUser(t.ds, Role.PARTNER_VIEWER)).token;
    const created = await t.gql(`mutation { createApiKey(input: { name: "leak check", role: REPORTER }) { apiKey { id } key } }`, {}, admin);
    const id = created.body.data!.createApiKey.apiKey.id;
    const q = `mutation($i: ApiKeyRefInput!) { revokeApiKey(input: $i) { apiKey { id revokedAt } userErrors { code } } }`;
    const real = await t.gql(q, { i: { id } }, viewer);
    const fake = await t.gql(q, { i: { id: randomUUID() } }, viewer);
    expect(real.body).toEqual(fake.body);
    expect(real.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    // the key still works
    const me = await t.gql('{ me { role } }', {}, created.body.data!.createApiKey.key);
    expect(me.body.data).toEqual({ me: { role: 'REPORTER' } });
  });

  it('a FORBIDDEN answer is the same whether the input is valid or not (roles are checked before validation)', async () => {
    const viewer = (await makeUser(t.ds, Role.PARTNER_VIEWER)).token;
    const q = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { field code } } }`;
    const invalid = await t.gql(q, { i: { username: '!', displayName: ' ', role: 'ADMIN', password: 'x' } }, viewer);
    const valid = await t.gql(q, { i: { username: `valid-${randomUUID().slice(0, 8)}`, displayName: 'Valid', role: 'ADMIN', password: 'long enough password' } }, viewer);
    expect(invalid.body).toEqual(valid.body);
    expect(valid.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
