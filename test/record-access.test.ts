import 'reflect-metadata';
import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  GraphQLObjectType,
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isNonNullType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import request from 'supertest';
import { Role } from '../src/common/auth';
import { createLogger } from '../src/common/logger';
import { GUARDED } from '../src/common/record-access';
import { buildAppSchema } from '../src/schema';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { binary } from './support/http';

/**
 * Access and personal data by construction (issue 12), checked from outside: the tables below are
 * written by hand from the README's "Access" section, not read from the code.
 */

const A = Role.ADMIN;
const C = Role.COORDINATOR;
const O = Role.AGENCY_OFFICER;
const P = Role.PARTNER_VIEWER;
const R = Role.REPORTER;
const ROLES = [A, C, O, P, R];

/** Record types not every role may read, and who may (README "Access", by hand). Everything else is readable by all. */
const READERS: Record<string, Role[]> = {
  Business: [A, C, O, P],
  Site: [A, C, O, P],
  ProductModel: [A, C, O, P],
  Certificate: [A, C, O, P],
  CertificateStatusChange: [A, C, O, P],
  SupplyRelation: [A, C, O, P],
  SupplyChain: [A, C, O, P],
  SupplyChainNode: [A, C, O, P],
  SupplyChainEdge: [A, C, O, P],
  Inspection: [A, C, O, P],
  InspectionChecklistResult: [A, C, O, P],
  RemediationItem: [A, C, O, P],
  RemediationEvent: [A, C, O, P],
  Evidence: [A, C, O, P],
  ExtensionRequest: [A, C, O, P],
  Listing: [A, C, O, P],
  EnforcementCase: [A, C, O, P],
  ProductSaleRestriction: [A, C, O, P],
  RestrictedProductSale: [A, C, O, P],
  ImportJob: [A, C, O],
  ImportRowPage: [A, C, O],
  ImportRow: [A, C, O],
  ImportProblem: [A, C, O],
  WebhookSubscriber: [A],
  WebhookDelivery: [A],
  OutboxEvent: [A],
  RemediationItemChange: [A, C, O, P],
  ImportFileError: [A, C, O],
  User: [A],
  ApiKey: [A],
  AuditEvent: [A, C],
  Campaign: [A, C, O, P],
  JointOperation: [A, C, O, P],
  Task: [A, C, O, P],
  TaskNote: [A, C, O, P],
  Warning: [A, C, O, P],
  JobRun: [A, C],
};
const recordOf = (typename: string) => typename.replace(/(Connection|Edge)$/, '');
const mayRead = (role: Role, typename: string) => !READERS[recordOf(typename)] || READERS[recordOf(typename)].includes(role);

/** Query roots each role may call (README table, by hand). */
const ROOTS: Record<string, Role[]> = {
  me: ROLES,
  users: [A],
  apiKeys: [A],
  auditEvents: [A, C],
  webhookSubscribers: [A],
  webhookDeliveries: [A],
  remediationStatistics: ROLES,
  inspectionStatistics: ROLES,
  enforcementStatistics: ROLES,
  bulletin: ROLES,
  districts: ROLES,
  departments: ROLES,
  taskTeams: ROLES,
  taskTeam: ROLES,
  hazardTypes: ROLES,
  checklistItems: ROLES,
  regulatoryMilestones: ROLES,
  workingCalendar: ROLES,
  import: [A, C, O],
  imports: [A, C, O],
  business: [A, C, O, P],
  businessByUscc: [A, C, O, P],
  businesses: [A, C, O, P],
  site: [A, C, O, P],
  sites: [A, C, O, P],
  productModel: [A, C, O, P],
  productModels: [A, C, O, P],
  certificate: [A, C, O, P],
  certificates: [A, C, O, P],
  supplyRelations: [A, C, O, P],
  supplyChain: [A, C, O, P],
  remediationItem: [A, C, O, P],
  remediationItems: [A, C, O, P],
  inspection: [A, C, O, P],
  inspections: [A, C, O, P],
  campaign: [A, C, O, P],
  campaigns: [A, C, O, P],
  jointOperations: [A, C, O, P],
  tasks: [A, C, O, P],
  warnings: [A, C, O, P],
  dispatch: ROLES,
  escalationRules: ROLES,
  jobRuns: [A, C],
  dailySnapshots: ROLES,
  notifications: ROLES,
  unreadNotificationCount: ROLES,
  // REPORTER may call node/nodes too; a business is refused to it there as on business(id:)
  // (test/schema-contract.test.ts), so the walk fetches a business with the record readers.
  node: [A, C, O, P],
  nodes: [A, C, O, P],
};

/**
 * Fields of a type every role reads that lead to records some roles may not read (by hand): the walk
 * leaves them out for those roles, and a test below proves each refuses them (FORBIDDEN).
 */
const REFUSED_BELOW: Record<string, Role[]> = {
  'TaskTeam.tasks': [R],
};

// Distinctive personal values: a name, a mobile, an ID number, and free text that carries them.
const NAME = '隐私姓名甲';
const PHONE = '13900001234';
const IDN = '510102199001011234';
const FREE = `负责人隐私姓名甲，电话13900001234，身份证号510102199001011234`;
/** What must never appear for PARTNER_VIEWER or REPORTER, in any byte (parts included). */
const SECRETS = [NAME, '私姓名甲', PHONE, '900001234', IDN, '1990010112'];

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);

let t: TestApp;
let schema: GraphQLSchema;
const tokens = {} as Record<Role, string>;
let coordUsername = '';
/** The coordinator's display name, which events and the audit trail show (test/support/app.ts makeUser). */
let coordDisplayName = '';
const ids: Record<string, string> = {};


async function ok(query: string, input: Record<string, unknown>, token = tokens.COORDINATOR): Promise<Record<string, any>> {
  const r = await t.gql(query, { i: input }, token);
  const op = /\{ (\w+)\(/.exec(query)?.[1];
  expect({ op, errors: r.body.errors }).toEqual({ op, errors: undefined });
  const payload = Object.values(r.body.data!)[0] as Record<string, any>;
  expect({ op, userErrors: payload.userErrors }).toEqual({ op, userErrors: [] });
  return payload;
}

/** One row in every record type, every personal and free-text field holding the distinctive values. */
async function seed(): Promise<void> {
  // A day's run of the daily jobs (issue 18), as the scheduler records it.
  await t.ds.query(`INSERT INTO job_run (job, day, status, owner, triggered_by, started_at) VALUES ('ESCALATION', $1, 'DONE', 'test', 'SCHEDULE', now()) ON CONFLICT DO NOTHING`, [today]);
  const mut = (name: string, type: string, sel: string) => `mutation($i: ${type}!) { ${name}(input: $i) { ${sel} userErrors { field code message } } }`;
  const biz = (name: string, types: string[]) =>
    ok(mut('createBusiness', 'CreateBusinessInput', 'business { id version }'), {
      name, types, districtCode: '511102', address: FREE, legalRepresentative: NAME, contactPhone: PHONE,
    });
  const maker = (await biz(`隐私测试制造厂${randomInt(1e9)}`, ['VEHICLE_MANUFACTURER'])).business;
  const shop = (await biz(`隐私测试车行${randomInt(1e9)}`, ['RETAIL_STORE'])).business;
  const gone = (await biz(`隐私测试歇业店${randomInt(1e9)}`, ['RETAIL_STORE'])).business;
  await ok(mut('archiveBusiness', 'ArchiveInput', 'business { id }'), { id: gone.id, expectedVersion: gone.version, reason: FREE });
  ids.business = shop.id;
  ids.maker = maker.id;
  const site = (await ok(mut('createSite', 'CreateSiteInput', 'site { id version }'), { siteType: 'RESIDENTIAL_COMPOUND', name: `隐私小区${randomInt(1e9)}`, districtCode: '511102', address: FREE, operatorBusinessId: shop.id })).site;
  ids.site = site.id;
  const site2 = (await ok(mut('createSite', 'CreateSiteInput', 'site { id version }'), { siteType: 'RESIDENTIAL_COMPOUND', name: `隐私旧址${randomInt(1e9)}`, districtCode: '511102', address: FREE })).site;
  await ok(mut('archiveSite', 'ArchiveInput', 'site { id }'), { id: site2.id, expectedVersion: site2.version, reason: FREE });
  const model = (await ok(mut('createProductModel', 'CreateProductModelInput', 'productModel { id }'), { kind: 'VEHICLE', brand: '隐私牌', model: `PX-${randomInt(1e9)}`, manufacturerBusinessId: maker.id })).productModel;
  ids.productModel = model.id;
  const number = `2026${String(randomInt(1e6)).padStart(6, '0')}${String(randomInt(1e6)).padStart(6, '0')}`;
  const cert = (await ok(mut('createCertificate', 'CreateCertificateInput', 'certificate { id version }'), { number, holderBusinessId: maker.id, productModelId: model.id })).certificate;
  ids.certificate = cert.id;
  await ok(mut('changeCertificateStatus', 'ChangeCertificateStatusInput', 'certificate { id }'), { id: cert.id, expectedVersion: cert.version, status: 'SUSPENDED', reason: FREE });
  await ok(mut('createSupplyRelation', 'CreateSupplyRelationInput', 'supplyRelation { id }'), { supplierBusinessId: maker.id, buyerBusinessId: shop.id, productModelId: model.id, note: FREE });

  // A webhook subscriber (nobody listens at that address), so the inspection below queues a delivery of its event.
  await ok(mut('registerWebhookSubscriber', 'RegisterWebhookSubscriberInput', 'webhookSubscriber { id }'), { name: '合作平台', url: 'http://127.0.0.1:9/hook', eventTypes: ['INSPECTION_RECORDED'], secret: 'record-access-secret-0123' }, tokens.ADMIN);
  const items = await t.gql('{ checklistItems(stage: SALES) { code } }', {}, tokens.COORDINATOR);
  const inspection = (
    await ok(mut('createInspection', 'CreateInspectionInput', 'inspection { id }'), {
      method: 'ROUTINE', teamCode: 'SALES', inspectors: [NAME, '检查员乙'], targetBusinessId: shop.id, stage: 'SALES', startedAt: new Date().toISOString(),
      conclusion: FREE, checklistResults: [{ itemCode: items.body.data!.checklistItems[0].code, outcome: 'FAILED', note: FREE }],
    })
  ).inspection;
  ids.inspection = inspection.id;

  const ITEM = 'remediationItem { id version }';
  const move = async (it: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}, token = tokens.COORDINATOR) =>
    (await ok(mut('transitionRemediationItem', 'TransitionInput', ITEM), { id: it.id, expectedVersion: it.version, action, ...extra }, token)).remediationItem;
  let item = (
    await ok(mut('createRemediationItem', 'CreateRemediationItemInput', ITEM), {
      hazardTypeCode: 'SALES_THREE_NO', level: 'MAJOR', description: FREE, address: FREE, responsiblePerson: NAME, responsibleContact: PHONE, interimMeasures: FREE,
      discoveredBy: [NAME], businessId: shop.id, siteId: site.id, inspectionId: inspection.id, teamCode: 'SALES', discoveryMethod: 'ROUTINE',
    })
  ).remediationItem;
  ids.item = item.id;
  item = await move(item, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', deadline: inDays(60), rectificationMeasures: FREE, comment: FREE });
  item = await move(item, 'SUBMIT_PLAN', { plan: { objectives: FREE, measures: FREE, funds: FREE, responsible: FREE, timeline: FREE, contingency: FREE } });
  item = await move(item, 'RECORD_INTERVIEW', { interview: { party: NAME, date: today }, comment: FREE });
  item = (await ok(mut('listRemediationItem', 'ListRemediationItemInput', ITEM), { id: item.id, expectedVersion: item.version, authority: '乐山市安委会', listingNumber: `YS-${randomInt(1e9)}` })).remediationItem;
  // A listed item's extension is asked for at least 20 working days before the listing deadline (the item's, 60 days out).
  const ext = await ok(mut('requestExtension', 'RequestExtensionInput', `${ITEM} extensionRequest { id }`), { id: item.id, expectedVersion: item.version, requestedDeadline: inDays(90), reason: FREE });
  // Another officer decides and reviews (who recorded the request or the completion may not).
  const reviewer = (await makeUser(t.ds, Role.COORDINATOR)).token;
  const decided = await ok(mut('decideExtension', 'DecideExtensionInput', ITEM), { requestId: ext.extensionRequest.id, expectedVersion: ext.remediationItem.version, approve: true, note: FREE }, reviewer);
  item = decided.remediationItem;
  item = await move(item, 'START_RECTIFICATION');
  item = await move(item, 'REPORT_COMPLETION');
  item = await move(item, 'FAIL_REVIEW', { reviewerName: NAME, comment: FREE }, reviewer);
  item = await move(item, 'REPORT_COMPLETION');
  item = await move(item, 'ACCEPT_LISTING', { comment: FREE }, reviewer);
  const filed = await ok(mut('fileEnforcementCase', 'FileEnforcementCaseInput', ITEM), {
    id: item.id, expectedVersion: item.version, caseNumber: `乐隐私罚〔2026〕${randomInt(1e6)}号`, filedOn: today, departmentCode: 'MARKET', confiscatedGoods: FREE,
  });
  item = filed.remediationItem;
  await ok(mut('addEvidence', 'AddEvidenceInput', ITEM), { id: item.id, kind: 'PHOTO', phase: 'AFTER', location: 'oss://privacy/after.jpg', sha256: 'b'.repeat(64) });

  const other = (
    await ok(mut('createRemediationItem', 'CreateRemediationItemInput', ITEM), {
      hazardTypeCode: 'SALES_THREE_NO', description: FREE, responsiblePerson: NAME, responsibleContact: PHONE, businessId: shop.id, teamCode: 'SALES', discoveryMethod: 'ROUTINE',
    })
  ).remediationItem;
  await move(other, 'INVALIDATE', { comment: FREE });
  // An import whose one row carries the personal values and a problem (a bad USCC), so import jobs, rows and problems have rows.
  const upload = await request(t.app)
    .post('/graphql')
    .set('Authorization', `Bearer ${tokens.COORDINATOR}`)
    .set('Apollo-Require-Preflight', 'true')
    .field('operations', JSON.stringify({ query: 'mutation($input: StartImportInput!) { startImport(input: $input) { import { id } userErrors { message } } }', variables: { input: { kind: 'BUSINESSES', file: null } } }))
    .field('map', JSON.stringify({ '0': ['variables.input.file'] }))
    .attach('0', Buffer.from(`\uFEFF统一社会信用代码,名称,主体类型,区县,地址,法定代表人/经营者,联系电话,主体状态\r\n91510000000000000X,隐私商行,零售,511102,${FREE},${NAME},${PHONE},\r\n`, 'utf8'), 'privacy.csv');
  expect(upload.body.data?.startImport?.userErrors).toEqual([]);
  ids.importJob = upload.body.data.startImport.import.id;
  for (let i = 0; i < 200; i++) {
    const j = await t.gql(`query($id: ID!) { import(id: $id) { status } }`, { id: ids.importJob }, tokens.COORDINATOR);
    if (!['PENDING', 'VALIDATING'].includes(j.body.data?.import?.status)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // How the program is run: a campaign, a joint operation naming an officer, a task with a progress note, a warning, all carrying the personal values.
  const campaign = (await ok(mut('createCampaign', 'CreateCampaignInput', 'campaign { id }'), {
    name: `隐私专项${randomInt(1e9)}`, kind: 'NIGHT_CHECK', phase: 'CONCENTRATED', startsOn: inDays(-10), endsOn: inDays(10), leadTeamCode: 'SALES', leadDepartmentCode: 'MARKET',
    businessTypes: ['RETAIL_STORE'], districtCodes: ['511102'], note: FREE, goals: [{ metric: 'INSPECTION_COVERAGE', target: 1, dueOn: inDays(5), description: '全覆盖' }],
  })).campaign;
  ids.campaign = campaign.id;
  const operation = (await ok(mut('recordJointOperation', 'RecordJointOperationInput', 'jointOperation { id }'), {
    campaignId: campaign.id, teamCode: 'SALES', heldOn: today, districtCodes: ['511102'], departmentCodes: ['MARKET', 'FIRE'], groupsDispatched: 1, officerCount: 2, officers: [NAME, '检查员乙'], note: FREE,
  })).jointOperation;
  await ok(mut('createInspection', 'CreateInspectionInput', 'inspection { id }'), {
    method: 'NIGHT_CHECK', teamCode: 'SALES', inspectors: [NAME, '检查员乙'], targetBusinessId: shop.id, stage: 'SALES', startedAt: new Date().toISOString(), jointOperationId: operation.id, conclusion: FREE,
  });
  const task = (await ok(mut('createTask', 'CreateTaskInput', 'task { id version }'), {
    teamCode: 'SALES', title: '隐私任务', description: FREE, dueOn: inDays(3), campaignId: campaign.id, itemIds: [ids.item],
  })).task;
  await ok(mut('updateTask', 'UpdateTaskInput', 'task { id }'), { id: task.id, expectedVersion: task.version, state: 'IN_PROGRESS', progressNote: FREE, evidence: FREE });
  await ok(mut('issueWarning', 'IssueWarningInput', 'warning { id }'), { issuedOn: today, kind: 'WARNING_LETTER', businessId: shop.id, content: FREE, departmentCode: 'FIRE', campaignId: campaign.id });
  // An API key, so that every type has a row.
  await ok(mut('createApiKey', 'CreateApiKeyInput', 'apiKey { id }'), { name: '隐私测试密钥', role: 'REPORTER' }, tokens.ADMIN);
}

beforeAll(async () => {
  // The walk's documents are large on purpose: depth 4 below every root, every connection first: 2.
  t = await startTestApp({ env: { MAX_QUERY_DEPTH: '100', MAX_QUERY_COST: '10000000', MAX_QUERY_TOKENS: '1000000' }, log: process.env.TEST_LOG ? createLogger(process.env.TEST_LOG) : undefined });
  for (const role of ROLES) {
    const u = await makeUser(t.ds, role, role === O ? { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' } : {});
    tokens[role] = u.token;
    if (role === C) {
      coordUsername = u.username;
      coordDisplayName = `Test ${C}`;
    }
  }
  await seed();
  const r = await t.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, tokens.ADMIN);
  schema = buildClientSchema(r.body.data!);
}, 120_000);
afterAll(() => t.close());

// ---------------------------------------------------------------- the walk

/** Arguments of the roots that need some, naming the fixture's rows. */
function rootArgs(field: string): string {
  const period = `period: { from: "${inDays(-30)}", to: "${inDays(30)}" }`;
  const byField: Record<string, string> = {
    remediationStatistics: `(${period}, groupBy: [DISTRICT])`,
    inspectionStatistics: `(${period}, groupBy: [DISTRICT])`,
    enforcementStatistics: `(${period}, groupBy: [DISTRICT])`,
    bulletin: `(from: "${inDays(-30)}", to: "${inDays(30)}")`,
    taskTeam: '(code: "SALES")',
    workingCalendar: '(year: 2026)',
    import: `(id: "${ids.importJob}")`,
    business: `(id: "${ids.business}")`,
    businessByUscc: '(uscc: "NO-SUCH-USCC")',
    site: `(id: "${ids.site}")`,
    productModel: `(id: "${ids.productModel}")`,
    certificate: `(id: "${ids.certificate}")`,
    supplyChain: `(from: { businessId: "${ids.maker}" }, maxDepth: 2)`,
    remediationItem: `(id: "${ids.item}")`,
    inspection: `(id: "${ids.inspection}")`,
    campaign: `(id: "${ids.campaign}")`,
    dispatch: `(from: "${inDays(-30)}", to: "${inDays(30)}")`,
    jobRuns: `(from: "${inDays(-30)}", to: "${inDays(30)}")`,
    dailySnapshots: `(from: "${inDays(-30)}", to: "${inDays(30)}")`,
    node: `(id: "${ids.business}")`,
    nodes: `(ids: ["${ids.business}", "${ids.item}"])`,
  };
  return byField[field] ?? '';
}

/** Wrapper types do not count as a level: a connection's nodes are at the level of the field that returns it. */
const isWrapper = (name: string) => /(Connection|Edge)$/.test(name) || name === 'PageInfo';
const skippedFields = new Set<string>();

/** Every field below `type`, to `depth` levels of object types; `first: 2` on every connection. */
function selection(type: GraphQLObjectType, level: number, maxLevel: number, role?: Role): string {
  const parts = ['__typename'];
  for (const f of Object.values(type.getFields())) {
    if (role && REFUSED_BELOW[`${type.name}.${f.name}`]?.includes(role)) continue;
    const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    if (required.length) {
      skippedFields.add(`${type.name}.${f.name}`);
      continue;
    }
    const args = f.args.some((a) => a.name === 'first') ? '(first: 2)' : '';
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(`${f.name}${args}`);
    else if (named instanceof GraphQLObjectType) {
      // An edge's node is the same row as the connection's nodes: its type name is enough there.
      if (type.name.endsWith('Edge') && f.name === 'node') {
        parts.push('node { __typename }');
        continue;
      }
      const next = isWrapper(named.name) ? level : level + 1;
      if (next > maxLevel) continue;
      parts.push(`${f.name}${args} { ${selection(named, next, maxLevel, role)} }`);
    }
  }
  return parts.join(' ');
}

function walkQuery(root: string, role?: Role): string {
  const field = schema.getQueryType()!.getFields()[root];
  const named = getNamedType(field.type);
  const args = rootArgs(root) || (field.args.some((a) => a.name === 'first') ? '(first: 2)' : '');
  return `{ ${root}${args}${isLeafType(named) ? '' : ` { ${selection(named as GraphQLObjectType, 1, 4, role)} }`} }`;
}

function typenames(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) typenames(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '__typename') out.add(v as string);
      else typenames(v, out);
    }
  }
  return out;
}

/** Runs the walk of every root the role may call; returns the raw response bodies and the type names seen. */
async function walk(role: Role): Promise<{ bodies: string[]; seen: Set<string>; problems: string[] }> {
  const bodies: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const root of Object.keys(schema.getQueryType()!.getFields())) {
    if (!ROOTS[root]) problems.push(`root ${root} is not in the hand-written ROOTS table`);
    if (!ROOTS[root]?.includes(role)) continue;
    const res = await request(t.app).post('/graphql').set('Content-Type', 'application/json').set('Authorization', `Bearer ${tokens[role]}`).send({ query: walkQuery(root, role) });
    bodies.push(res.text);
    if (res.status !== 200 || res.body.errors) problems.push(`${root}: HTTP ${res.status} ${JSON.stringify(res.body.errors ?? '').slice(0, 300)}`);
    const names = typenames(res.body.data, new Set());
    for (const n of names) {
      seen.add(n);
      if (!mayRead(role, n)) problems.push(`${root}: ${role} received a ${n}`);
    }
  }
  return { bodies, seen, problems };
}

const walks = new Map<Role, Awaited<ReturnType<typeof walk>>>();
async function walked(role: Role) {
  if (!walks.has(role)) walks.set(role, await walk(role));
  return walks.get(role)!;
}

describe('schema walk: every field reachable from the roots a role may call, depth 4, connections first: 2', () => {
  it('the walk reaches every field but those with required arguments, which are none below the roots', () => {
    for (const root of Object.keys(ROOTS)) walkQuery(root);
    expect([...skippedFields]).toEqual([]);
  });

  it.each(ROLES)('%s receives no record type it may not read, and no errors', async (role) => {
    const w = await walked(role);
    expect(w.problems).toEqual([]);
  }, 300_000);

  it('the fixture has rows everywhere: the record readers see every record type, ADMIN also users, keys and the audit trail', async () => {
    const admin = await walked(A);
    // A job holds either row reports or, when its file is refused, a file error: the fixture's job has rows.
    // RemediationItemChange is pushed by a subscription only (test/live-subscriptions.test.ts), never reached by a query.
    const NO_ROW_HERE = new Set(['ImportFileError', 'RemediationItemChange']);
    for (const type of Object.keys(READERS).filter((k) => !NO_ROW_HERE.has(k))) expect({ type, seen: admin.seen.has(type) }).toEqual({ type, seen: true });
    const viewer = await walked(P);
    const records = Object.keys(READERS).filter((k) => READERS[k].includes(P) && !NO_ROW_HERE.has(k));
    for (const type of records) expect({ type, seen: viewer.seen.has(type) }).toEqual({ type, seen: true });
    // The reporter reads aggregates: the bulletin's item lines, never an item.
    const reporter = await walked(R);
    expect(reporter.seen.has('BulletinItem')).toBe(true);
    expect([...reporter.seen].filter((n) => READERS[recordOf(n)])).toEqual([]);
  }, 600_000);

  it('the fields the walk leaves out for a role refuse that role', async () => {
    for (const [field, roles] of Object.entries(REFUSED_BELOW)) {
      const [type, name] = field.split('.');
      expect(type).toBe('TaskTeam');
      for (const role of roles) {
        const r = await t.gql(`{ taskTeam(code: "SALES") { code ${name}(first: 1) { totalCount } } }`, {}, tokens[role]);
        expect({ field, role, code: r.body.errors?.[0]?.extensions?.code }).toEqual({ field, role, code: 'FORBIDDEN' });
      }
    }
  });

  it("the issue's REPORTER path from the bulletin into businesses no longer exists", async () => {
    const q = `{ bulletin(from: "${inDays(-30)}", to: "${inDays(30)}") { majorItems { business { suppliers(first: 10) { nodes { name uscc contactPhone } } remediationItems(first: 3) { totalCount nodes { code description } } } } } }`;
    const r = await t.gql(q, {}, tokens.REPORTER);
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(r.body)).not.toContain(ids.business);
    // … while the bulletin still names the item and its business.
    const ok = await t.gql(`{ bulletin(from: "${inDays(-30)}", to: "${inDays(30)}") { majorItems { code businessName districtName hazardTypeName listed } } }`, {}, tokens.REPORTER);
    expect(ok.body.errors).toBeUndefined();
    const line = ok.body.data!.bulletin.majorItems.find((i: { businessName: string }) => i.businessName?.startsWith('隐私测试车行'));
    expect(line).toMatchObject({ districtName: '市中区', hazardTypeName: expect.any(String), listed: true });
  });
});

describe('the guard is on every field that returns a restricted type', () => {
  it('every such field of the built schema is wrapped, whatever its parent (root, nested, connection, payload), except the caller’s own user in the login and user payloads', async () => {
    const built = await buildAppSchema();
    const unguarded: string[] = [];
    for (const type of Object.values(built.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
      for (const f of Object.values(type.getFields())) {
        const target = recordOf(getNamedType(f.type).name);
        if (!READERS[target] || READERS[target].length === ROLES.length) continue;
        if (!(f.resolve as unknown as Record<symbol, unknown> | undefined)?.[GUARDED]) unguarded.push(`${type.name}.${f.name}`);
      }
    }
    // Login and refresh: the account that has just proved its password or refresh token; changeMyPassword: the caller itself; UserPayload: ADMIN's user mutations.
    expect(unguarded.sort()).toEqual(['ChangeMyPasswordPayload.user', 'LoginPayload.user', 'RefreshSessionPayload.user', 'UserPayload.user']);
  });

  it('a nested record field refuses a REPORTER even when its parent was obtained some other way', async () => {
    const built = await buildAppSchema();
    const supplier = (built.getType('SupplyRelation') as GraphQLObjectType).getFields().supplier;
    const ctx = { principal: { kind: 'user', id: 'x', name: 'x', role: R, departmentId: null, teamIds: [], stages: [], districtCodes: [] }, log: { info() {} } };
    expect(() => supplier.resolve!({ supplierBusinessId: ids.maker }, {}, ctx, {} as never)).toThrow(/not readable by REPORTER/);
    const events = (built.getType('RemediationItem') as GraphQLObjectType).getFields().events;
    expect(() => events.resolve!({ id: ids.item }, {}, ctx, {} as never)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
  });
});

// ---------------------------------------------------------------- the leak hunt

async function download(path: string, role: Role): Promise<{ status: number; bytes: Buffer }> {
  const res = await request(t.app).get(path).set('Authorization', `Bearer ${tokens[role]}`).buffer(true).parse(binary);
  return { status: res.status, bytes: res.body as Buffer };
}

/** Every string of every cell of every sheet (the file itself is deflated, so its bytes say nothing). */
async function xlsxText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value ?? '')))));
  return out.join('\n');
}

const exportPaths = () => {
  const filter = encodeURIComponent(JSON.stringify({ businessId: { eq: ids.business } }));
  return [`/exports/remediation-items.csv?filter=${filter}`, `/exports/remediation-items.xlsx?filter=${filter}`, `/exports/bulletin.xlsx?from=${inDays(-30)}&to=${inDays(30)}`];
};

describe('leak hunt: distinctive personal values in every personal and free-text field', () => {
  const leaks = (text: string, extra: string[] = []) => [...SECRETS, ...extra].filter((s) => text.includes(s));

  it.each([P, R])('%s: no value appears unmasked anywhere in the walk', async (role) => {
    const w = await walked(role);
    const all = w.bodies.join('\n');
    expect(leaks(all, [coordUsername, coordDisplayName])).toEqual([]);
    if (role === P) {
      // The values were reached, masked: the name, the phone, the ID number, the interview party.
      expect(all).toContain('隐***');
      expect(all).toContain('139****1234');
      expect(all).toContain('51**************34');
      expect(all).toMatch(/"party":"隐\*\*\*"/);
    }
  }, 600_000);

  it.each([P, R])('%s: no value appears in any export, CSV bytes and every XLSX cell', async (role) => {
    for (const path of exportPaths()) {
      const { status, bytes } = await download(path, role);
      expect({ path, status }).toEqual({ path, status: 200 });
      const text = path.includes('.xlsx') ? await xlsxText(bytes) : bytes.toString('utf8');
      expect({ path, leaks: leaks(text + bytes.toString('latin1')) }).toEqual({ path, leaks: [] });
      if (path.includes('remediation-items')) {
        expect(text).toContain('隐***');
        expect(text).toContain('139****1234');
      }
    }
  }, 120_000);

  it('the record readers with personal-data access see the values as they are (the masking is per role, not a loss of data)', async () => {
    const r = await t.gql(`query($id: ID!) { remediationItem(id: $id) { responsiblePerson responsibleContact reviewerName description events { data } } }`, { id: ids.item }, tokens.AGENCY_OFFICER);
    expect(r.body.data!.remediationItem).toMatchObject({ responsiblePerson: NAME, responsibleContact: PHONE, reviewerName: NAME, description: FREE });
    expect(r.body.data!.remediationItem.events.map((e: { data: unknown }) => e.data)).toContainEqual(expect.objectContaining({ party: NAME }));
  });

  it('exact masked forms for a PARTNER_VIEWER: reviewer, interview party, officers, free text', async () => {
    const r = await t.gql(
      `query($id: ID!) { remediationItem(id: $id) { responsiblePerson responsibleContact reviewerName discoveredBy description plan events { action actorName data comment } } }`,
      { id: ids.item },
      tokens.PARTNER_VIEWER,
    );
    const item = r.body.data!.remediationItem;
    expect(item.responsiblePerson).toBe('隐***');
    expect(item.responsibleContact).toBe('139****1234');
    expect(item.reviewerName).toBe('隐***');
    expect(item.discoveredBy).toEqual(['隐***']);
    expect(item.description).toBe('负责人隐***，电话139****1234，身份证号51**************34');
    expect(item.plan.responsible).toBe('负责人隐***，电话139****1234，身份证号51**************34');
    const interview = item.events.find((e: { action: string }) => e.action === 'RECORD_INTERVIEW');
    expect(interview.data).toEqual({ party: '隐***', date: today, department: null });
    expect(interview.actorName).toBe(`${coordDisplayName[0]}***`);
  });
});

describe('exports are audited', () => {
  it('each download records who, which export, the filter, the rows and whether personal data was masked', async () => {
    const viewer = await makeUser(t.ds, Role.PARTNER_VIEWER);
    const coord = await makeUser(t.ds, Role.COORDINATOR);
    tokens.PARTNER_VIEWER = viewer.token;
    const [csv, xlsx, bulletin] = exportPaths();
    expect((await download(csv, P)).status).toBe(200);
    const byCoord = await request(t.app).get(xlsx).set('Authorization', `Bearer ${coord.token}`).buffer(true).parse(binary);
    expect(byCoord.status).toBe(200);
    expect((await download(bulletin, P)).status).toBe(200);
    // A refused or invalid request is not a download.
    expect((await request(t.app).get('/exports/bulletin.xlsx?from=nope&to=2026-01-01').set('Authorization', `Bearer ${viewer.token}`)).status).toBe(400);
    // The entry is written after the last byte, so the client may have the file a moment before it lands.
    let rows: any[] = [];
    for (let i = 0; i < 50 && rows.length < 3; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      rows = await t.ds.query(
        `SELECT actor_id, actor_name, role, operation, entity_type, outcome, changes, request_id FROM audit_event WHERE actor_id = ANY($1) AND operation LIKE 'export:%' ORDER BY operation`,
        [[viewer.user.id, coord.user.id]],
      );
    }
    expect(rows.map((r: { operation: string; actor_id: string }) => [r.operation, r.actor_id])).toEqual([
      ['export:bulletin.xlsx', viewer.user.id],
      ['export:remediation-items.csv', viewer.user.id],
      ['export:remediation-items.xlsx', coord.user.id],
    ]);
    const [bulletinRow, csvRow, xlsxRow] = rows;
    // The business has two items (the fixture's major item and the written-off one).
    expect(csvRow).toMatchObject({
      actor_name: `Test ${Role.PARTNER_VIEWER}`,
      role: 'PARTNER_VIEWER',
      entity_type: 'Export',
      outcome: 'SUCCESS',
      changes: { export: 'remediation-items.csv', filter: { businessId: { eq: ids.business } }, parameters: {}, rows: 2, personalDataMasked: true, completed: true },
    });
    expect(csvRow.request_id).toEqual(expect.any(String));
    expect(xlsxRow.changes).toMatchObject({ rows: 2, personalDataMasked: false, completed: true });
    expect(bulletinRow.changes).toMatchObject({ export: 'bulletin.xlsx', filter: null, parameters: { from: inDays(-30), to: inDays(30) }, personalDataMasked: true, completed: true });
    expect(bulletinRow.changes.rows).toBeGreaterThanOrEqual(11 + 1);
  });
});
