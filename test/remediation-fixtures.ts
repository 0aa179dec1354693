import { randomBytes } from 'node:crypto';
import type { TestApp } from './support/app';

/** Shared helpers of the inspection/remediation tests (not a test file itself). */

export const tag = () => randomBytes(4).toString('hex');
export const sha = () => randomBytes(32).toString('hex');
export const USER_ERRORS = 'userErrors { field message messageEn code }';
export const EVENT = 'action fromStatus toStatus actorId actorName actorRole occurredAt comment data';
export const ITEM = `id code status version level isMajorFireHazard stage districtCode discoveredOn deadline noticeType overdue overdueDays
  listed transferred caseFiled interviewed sealed failedReviews extensions completionReportedBy reviewResult reviewerId closedBy invalidationReason plan
  availableTransitions events { ${EVENT} }`;

export const MUT = {
  createBusiness: `mutation($input: CreateBusinessInput!) { createBusiness(input: $input) { business { id stages districtCode } ${USER_ERRORS} } }`,
  createSite: `mutation($input: CreateSiteInput!) { createSite(input: $input) { site { id districtCode } ${USER_ERRORS} } }`,
  createProductModel: `mutation($input: CreateProductModelInput!) { createProductModel(input: $input) { productModel { id } ${USER_ERRORS} } }`,
  createSupplyRelation: `mutation($input: CreateSupplyRelationInput!) { createSupplyRelation(input: $input) { supplyRelation { id } ${USER_ERRORS} } }`,
  createRemediationItem: `mutation($input: CreateRemediationItemInput!) { createRemediationItem(input: $input) { remediationItem { ${ITEM} } ${USER_ERRORS} } }`,
  transitionRemediationItem: `mutation($input: TransitionInput!) { transitionRemediationItem(input: $input) { remediationItem { ${ITEM} } ${USER_ERRORS} } }`,
  requestExtension: `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { remediationItem { ${ITEM} extensionRequests { id status previousDeadline requestedDeadline reason decidedBy decisionNote } } extensionRequest { id status previousDeadline requestedDeadline } ${USER_ERRORS} } }`,
  decideExtension: `mutation($input: DecideExtensionInput!) { decideExtension(input: $input) { remediationItem { ${ITEM} extensionRequests { id status previousDeadline requestedDeadline reason decidedBy decisionNote } } extensionRequest { id status previousDeadline requestedDeadline decidedBy } ${USER_ERRORS} } }`,
  listRemediationItem: `mutation($input: ListRemediationItemInput!) { listRemediationItem(input: $input) { remediationItem { ${ITEM} listing { authority listingNumber listedOn planDocument acceptedOn acceptanceNote } } ${USER_ERRORS} } }`,
  fileEnforcementCase: `mutation($input: FileEnforcementCaseInput!) { fileEnforcementCase(input: $input) { remediationItem { ${ITEM} } enforcementCase { id caseNumber filedOn penaltyTypes fineAmount confiscatedAmount penaltyTotal seizedVehicles seizedBatteries seizedParts transferredToPolice department { code } } ${USER_ERRORS} } }`,
  addEvidence: `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { remediationItem { id version } evidence { id kind phase location sha256 takenAt latitude longitude addedBy } ${USER_ERRORS} } }`,
  createInspection: `mutation($input: CreateInspectionInput!) { createInspection(input: $input) { inspection { id code method stage districtCode inspectors targetBusiness { id } targetSite { id } checklistResults { itemCode outcome note } remediationItems { id code stage status inspection { id } } } ${USER_ERRORS} } }`,
} as const;
export type MutName = keyof typeof MUT;

export function helpers(t: () => TestApp) {
  async function run(name: MutName, input: Record<string, unknown>, token: string) {
    return t().gql(MUT[name], { input }, token);
  }
  /** The mutation succeeds; returns its payload's main object. */
  async function ok(name: MutName, input: Record<string, unknown>, token: string): Promise<Record<string, any>> {
    const r = await run(name, input, token);
    expect({ name, errors: r.body.errors }).toEqual({ name, errors: undefined });
    const p = r.body.data![name];
    expect({ name, userErrors: p.userErrors }).toEqual({ name, userErrors: [] });
    return p;
  }
  /** The mutation answers userErrors; returns them. */
  async function userErrors(name: MutName, input: Record<string, unknown>, token: string): Promise<{ field: string[]; message: string; messageEn: string; code: string }[]> {
    const r = await run(name, input, token);
    expect(r.body.errors).toBeUndefined();
    const p = r.body.data![name];
    expect(p.userErrors.length).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(p)) if (k !== 'userErrors') expect(v).toBeNull();
    return p.userErrors;
  }
  /** The first userError code. */
  async function code(name: MutName, input: Record<string, unknown>, token: string): Promise<string> {
    return (await userErrors(name, input, token))[0].code;
  }
  /** The mutation is refused at the top level (FORBIDDEN / UNAUTHENTICATED). */
  async function refused(name: MutName, input: Record<string, unknown>, token: string): Promise<string> {
    const r = await run(name, input, token);
    expect(r.body.data).toBeNull();
    return r.body.errors![0].extensions!.code;
  }

  async function business(token: string, opts: { types?: string[]; districtCode?: string; name?: string } = {}) {
    const p = await ok('createBusiness', { name: opts.name ?? `测试车行${tag()}`, types: opts.types ?? ['RETAIL_STORE'], districtCode: opts.districtCode ?? '511102' }, token);
    return p.business as { id: string; stages: string[]; districtCode: string };
  }

  async function item(token: string, input: Record<string, unknown>) {
    const p = await ok('createRemediationItem', { hazardTypeCode: 'SALES_THREE_NO', description: `三无产品 ${tag()}`, teamCode: 'SALES', discoveryMethod: 'ROUTINE', ...input }, token);
    return p.remediationItem as Record<string, any>;
  }

  async function move(token: string, it: Record<string, any>, action: string, extra: Record<string, unknown> = {}) {
    const p = await ok('transitionRemediationItem', { id: it.id, expectedVersion: it.version, action, ...extra }, token);
    return p.remediationItem as Record<string, any>;
  }

  async function moveErr(token: string, it: Record<string, any>, action: string, extra: Record<string, unknown> = {}) {
    return userErrors('transitionRemediationItem', { id: it.id, expectedVersion: it.version, action, ...extra }, token);
  }

  async function read(token: string, id: string, fields = ITEM) {
    const r = await t().gql(`query($id: ID!) { remediationItem(id: $id) { ${fields} } }`, { id }, token);
    expect(r.body.errors).toBeUndefined();
    return r.body.data!.remediationItem as Record<string, any>;
  }

  async function evidence(token: string, it: Record<string, any>, phase = 'AFTER') {
    return (await ok('addEvidence', { id: it.id, kind: 'PHOTO', phase, location: `oss://evidence/${tag()}.jpg`, sha256: sha() }, token)).evidence;
  }

  return { run, ok, userErrors, code, refused, business, item, move, moveErr, read, evidence };
}

/** Row counts that a refused or failed write must leave alone. */
export async function counts(t: TestApp, itemId?: string) {
  const [row] = await t.ds.query(
    `SELECT (SELECT count(*) FROM remediation_item)::int AS items, (SELECT count(*) FROM remediation_event)::int AS events,
            (SELECT count(*) FROM inspection)::int AS inspections, (SELECT count(*) FROM inspection_checklist_result)::int AS checklist,
            (SELECT count(*) FROM extension_request)::int AS extensions, (SELECT count(*) FROM listing)::int AS listings,
            (SELECT count(*) FROM enforcement_case)::int AS cases, (SELECT count(*) FROM evidence)::int AS evidence,
            (SELECT count(*) FROM audit_event WHERE outcome <> 'REFUSED')::int AS audit,
            (SELECT version FROM remediation_item WHERE id = $1) AS version`,
    [itemId ?? '00000000-0000-4000-8000-000000000000'],
  );
  return row;
}
