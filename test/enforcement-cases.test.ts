import { Role } from '../src/common/auth';
import { USER_ERRORS, counts, helpers, tag } from './remediation-fixtures';
import { makeUser, startTestApp, type TestApp, type TestUser } from './support/app';

/**
 * Enforcement cases are corrected, completed and closed (结案) after filing (DOMAIN.md §7):
 * penalties decided later, corrected amounts, transfer outcomes; administrative detention (行政拘留)
 * only by the police; a closed case changes only after an explicit reopening; casesClosed counts them.
 */

let t: TestApp;
const clock = new Date('2026-03-20T04:00:00Z'); // Friday 20 March 2026, noon in Shanghai
let coord: TestUser;
let officer: TestUser;
let outsider: TestUser;
const h = helpers(() => t);

beforeAll(async () => {
  // A frozen clock on purpose: events of one instant still come back in the order they were written.
  t = await startTestApp({ now: () => clock });
  coord = await makeUser(t.ds, Role.COORDINATOR);
  officer = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  outsider = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['RECYCLING'], districts: ['511181'], departmentCode: 'COMMERCE' });
});
afterAll(() => t.close());

const CASE = `id caseNumber filedOn version penaltyTypes fineAmount confiscatedAmount penaltyTotal seizedVehicles seizedBatteries transferredToPolice
  policeTransferOutcome policeTransferNote decisionNumber decidedOn closedOn closingOutcome closingNote closedBy department { code }`;
const PAYLOAD = `{ remediationItem { id version transferred caseFiled events { action comment data } } enforcementCase { ${CASE} } ${USER_ERRORS} }`;
const M = {
  file: `mutation($i: FileEnforcementCaseInput!) { fileEnforcementCase(input: $i) ${PAYLOAD} }`,
  update: `mutation($i: UpdateEnforcementCaseInput!) { updateEnforcementCase(input: $i) ${PAYLOAD} }`,
  close: `mutation($i: CloseEnforcementCaseInput!) { closeEnforcementCase(input: $i) ${PAYLOAD} }`,
  reopen: `mutation($i: ReopenEnforcementCaseInput!) { reopenEnforcementCase(input: $i) ${PAYLOAD} }`,
};
type Name = keyof typeof M;
const FIELD: Record<Name, string> = { file: 'fileEnforcementCase', update: 'updateEnforcementCase', close: 'closeEnforcementCase', reopen: 'reopenEnforcementCase' };

async function ok(name: Name, i: Record<string, unknown>, token = officer.token) {
  const r = await t.gql(M[name], { i }, token);
  expect(r.body.errors).toBeUndefined();
  const p = r.body.data![FIELD[name]];
  expect({ name, userErrors: p.userErrors }).toEqual({ name, userErrors: [] });
  return p as { remediationItem: Record<string, any>; enforcementCase: Record<string, any> };
}
/** Refused with userErrors; nothing written. */
async function errs(name: Name, i: Record<string, unknown>, token = officer.token) {
  const before = await counts(t);
  const r = await t.gql(M[name], { i }, token);
  expect(r.body.errors).toBeUndefined();
  const p = r.body.data![FIELD[name]];
  expect(p.enforcementCase).toBeNull();
  expect(await counts(t)).toEqual(before);
  return (p.userErrors as { field: string[]; code: string; message: string }[]).map((e) => ({ field: e.field.join('.'), code: e.code }));
}
async function forbidden(name: Name, i: Record<string, unknown>, token: string) {
  const r = await t.gql(M[name], { i }, token);
  expect(r.body.data).toBeNull();
  return r.body.errors![0].extensions!.code;
}

let shop: { id: string };
async function newItem() {
  return h.item(officer.token, { businessId: shop.id, discoveredAt: '2026-02-10T02:00:00Z' });
}
async function file(item: Record<string, any>, extra: Record<string, unknown>) {
  return ok('file', { id: item.id, expectedVersion: item.version, caseNumber: `乐市监罚〔2026〕${tag()}号`, departmentCode: 'MARKET', ...extra });
}

beforeAll(async () => {
  shop = await h.business(coord.token, { districtCode: '511102' });
});

describe('administrative detention (行政拘留) is for the police only', () => {
  it('filing: refused for market supervision, accepted for the traffic police and the PSB', async () => {
    const item = await newItem();
    expect(await errs('file', { id: item.id, expectedVersion: item.version, caseNumber: `X-${tag()}`, filedOn: '2026-03-02', departmentCode: 'MARKET', penaltyTypes: ['ADMIN_DETENTION'] })).toEqual([
      { field: 'input.penaltyTypes', code: 'VALIDATION' },
    ]);
    const tp = await file(item, { filedOn: '2026-03-02', departmentCode: 'TRAFFIC_POLICE', penaltyTypes: ['ADMIN_DETENTION'] });
    expect(tp.enforcementCase).toMatchObject({ penaltyTypes: ['ADMIN_DETENTION'], department: { code: 'TRAFFIC_POLICE' } });
    const psb = await file(tp.remediationItem, { filedOn: '2026-03-02', departmentCode: 'PSB', penaltyTypes: ['ADMIN_DETENTION', 'FINE'], fineAmount: '200.00' });
    expect(psb.enforcementCase.department).toEqual({ code: 'PSB' });
  });

  it('updating: adding detention to a market-supervision case is refused; moving the case to the police allows it', async () => {
    const { enforcementCase: c } = await file(await newItem(), { filedOn: '2026-03-03' });
    expect(await errs('update', { id: c.id, expectedVersion: c.version, penaltyTypes: ['ADMIN_DETENTION'] })).toEqual([{ field: 'input.penaltyTypes', code: 'VALIDATION' }]);
    const moved = await ok('update', { id: c.id, expectedVersion: c.version, penaltyTypes: ['ADMIN_DETENTION'], departmentCode: 'PSB' });
    expect(moved.enforcementCase).toMatchObject({ penaltyTypes: ['ADMIN_DETENTION'], department: { code: 'PSB' }, version: 2 });
  });
});

describe('updating a case', () => {
  it('records penalties decided later and corrected amounts exactly, with an event and an audit row; stale versions conflict', async () => {
    const item = await newItem();
    const filed = await file(item, { filedOn: '2026-03-02' });
    const c = filed.enforcementCase;
    expect(c).toMatchObject({ version: 1, penaltyTypes: [], fineAmount: '0.00', closedOn: null, closingOutcome: null });
    const u = await ok('update', {
      id: c.id,
      expectedVersion: 1,
      penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'],
      fineAmount: '12000.10',
      confiscatedAmount: '3456.78',
      decisionNumber: '乐市监罚决〔2026〕18号',
      decidedOn: '2026-03-10',
      comment: '处罚决定已作出',
    });
    expect(u.enforcementCase).toMatchObject({
      version: 2,
      penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'],
      fineAmount: '12000.10',
      confiscatedAmount: '3456.78',
      penaltyTotal: '15456.88',
      decisionNumber: '乐市监罚决〔2026〕18号',
      decidedOn: '2026-03-10',
    });
    const ev = u.remediationItem.events.at(-1);
    expect(ev).toMatchObject({ action: 'CASE_UPDATED', comment: '处罚决定已作出', data: { caseId: c.id } });
    expect(ev.data.changes.fineAmount).toEqual({ before: '0.00', after: '12000.10' });
    const [audit] = await t.ds.query(`SELECT changes FROM audit_event WHERE operation = 'updateEnforcementCase' AND entity_id = $1`, [c.id]);
    expect(audit.changes.confiscatedAmount).toEqual({ before: '0.00', after: '3456.78' });

    expect(await errs('update', { id: c.id, expectedVersion: 1, fineAmount: '1.00' })).toEqual([{ field: 'input.expectedVersion', code: 'CONFLICT' }]);
    // A fine without the FINE penalty, a decision before filing or in the future, an outcome without a transfer.
    expect(await errs('update', { id: c.id, expectedVersion: 2, penaltyTypes: ['WARNING'] })).toEqual([
      { field: 'input.penaltyTypes', code: 'VALIDATION' },
      { field: 'input.penaltyTypes', code: 'VALIDATION' },
    ]);
    expect(await errs('update', { id: c.id, expectedVersion: 2, decidedOn: '2026-03-01' })).toEqual([{ field: 'input.decidedOn', code: 'VALIDATION' }]);
    expect(await errs('update', { id: c.id, expectedVersion: 2, decidedOn: '2026-03-21' })).toEqual([{ field: 'input.decidedOn', code: 'VALIDATION' }]);
    expect(await errs('update', { id: c.id, expectedVersion: 2, policeTransferOutcome: 'ACCEPTED' })).toEqual([{ field: 'input.policeTransferOutcome', code: 'VALIDATION' }]);
  });

  it('records a transfer to the police and what the police did; the item is flagged transferred', async () => {
    const item = await newItem();
    expect(item.transferred).toBe(false);
    const { enforcementCase: c } = await file(item, { filedOn: '2026-03-05' });
    const u = await ok('update', { id: c.id, expectedVersion: 1, transferredToPolice: true, policeTransferOutcome: 'ACCEPTED', policeTransferNote: '乐公刑立字〔2026〕77号' });
    expect(u.enforcementCase).toMatchObject({ transferredToPolice: true, policeTransferOutcome: 'ACCEPTED', policeTransferNote: '乐公刑立字〔2026〕77号' });
    expect(u.remediationItem.transferred).toBe(true);
  });

  it('is limited to the write scope of the item, like filing', async () => {
    const { enforcementCase: c } = await file(await newItem(), { filedOn: '2026-03-05' });
    expect(await forbidden('update', { id: c.id, expectedVersion: 1, fineAmount: '10.00' }, outsider.token)).toBe('FORBIDDEN');
    expect(await forbidden('close', { id: c.id, expectedVersion: 1, closedOn: '2026-03-10', outcome: 'NO_PENALTY' }, outsider.token)).toBe('FORBIDDEN');
  });
});

describe('closing a case (结案)', () => {
  it('checks the closing date and the outcome; a closed case is frozen until a coordinator reopens it', async () => {
    const { enforcementCase: c0 } = await file(await newItem(), { filedOn: '2026-03-02', penaltyTypes: ['FINE'], fineAmount: '800.00' });
    const c = (await ok('update', { id: c0.id, expectedVersion: 1, decidedOn: '2026-03-09' })).enforcementCase;
    const close = (closedOn: string, outcome = 'PENALTY_EXECUTED', extra = {}) => ({ id: c.id, expectedVersion: c.version, closedOn, outcome, ...extra });
    expect(await errs('close', close('2026-03-01'))).toEqual([
      { field: 'input.closedOn', code: 'VALIDATION' }, // before filing
      { field: 'input.closedOn', code: 'VALIDATION' }, // before the decision
    ]);
    expect(await errs('close', close('2026-03-21'))).toEqual([{ field: 'input.closedOn', code: 'VALIDATION' }]); // tomorrow in Shanghai
    expect(await errs('close', close('2026-03-08'))).toEqual([{ field: 'input.closedOn', code: 'VALIDATION' }]);
    expect(await errs('close', close('2026-03-15', 'NO_PENALTY'))).toEqual([{ field: 'input.outcome', code: 'VALIDATION' }]);
    expect(await errs('close', close('2026-03-15', 'TRANSFERRED_TO_JUDICIAL'))).toEqual([{ field: 'input.outcome', code: 'VALIDATION' }]);
    expect(await errs('close', close('2026-03-15', 'OTHER'))).toEqual([{ field: 'input.note', code: 'REQUIRED' }]);

    const closed = await ok('close', close('2026-03-20', 'PENALTY_EXECUTED', { note: '罚款已缴清' }));
    expect(closed.enforcementCase).toMatchObject({ closedOn: '2026-03-20', closingOutcome: 'PENALTY_EXECUTED', closingNote: '罚款已缴清', closedBy: officer.user.id, version: 3 });
    expect(closed.remediationItem.events.at(-1)).toMatchObject({ action: 'CASE_CLOSED', data: { caseId: c.id, closedOn: '2026-03-20', outcome: 'PENALTY_EXECUTED' } });

    expect(await errs('update', { id: c.id, expectedVersion: 3, fineAmount: '900.00' })).toEqual([{ field: 'input.id', code: 'INVALID_TRANSITION' }]);
    expect(await errs('close', { ...close('2026-03-20'), expectedVersion: 3 })).toEqual([{ field: 'input.id', code: 'INVALID_TRANSITION' }]);
    // Reopening is the coordinator's, with a reason.
    expect(await forbidden('reopen', { id: c.id, expectedVersion: 3, reason: '结案日期录错' }, officer.token)).toBe('FORBIDDEN');
    const reopened = await ok('reopen', { id: c.id, expectedVersion: 3, reason: '结案日期录错' }, coord.token);
    expect(reopened.enforcementCase).toMatchObject({ closedOn: null, closingOutcome: null, closedBy: null, version: 4 });
    expect(reopened.remediationItem.events.at(-1)).toMatchObject({ action: 'CASE_REOPENED', comment: '结案日期录错', data: { previous: { closedOn: '2026-03-20', outcome: 'PENALTY_EXECUTED' } } });
    expect(await errs('reopen', { id: c.id, expectedVersion: 4, reason: '再次' }, coord.token)).toEqual([{ field: 'input.id', code: 'INVALID_TRANSITION' }]);
    const fixed = await ok('update', { id: c.id, expectedVersion: 4, fineAmount: '900.00' });
    expect(fixed.enforcementCase.penaltyTotal).toBe('900.00');
  });

  it('filing an already closed case needs its outcome and a closing date that is not in the future', async () => {
    const item = await newItem();
    const base = { id: item.id, expectedVersion: item.version, caseNumber: `X-${tag()}`, filedOn: '2026-03-02', departmentCode: 'MARKET' };
    expect(await errs('file', { ...base, closedOn: '2026-03-05' })).toEqual([{ field: 'input.closingOutcome', code: 'REQUIRED' }]);
    expect(await errs('file', { ...base, closedOn: '2026-03-21', closingOutcome: 'NO_PENALTY' })).toEqual([{ field: 'input.closedOn', code: 'VALIDATION' }]);
    const f = await ok('file', { ...base, closedOn: '2026-03-05', closingOutcome: 'NO_PENALTY' });
    expect(f.enforcementCase).toMatchObject({ closedOn: '2026-03-05', closingOutcome: 'NO_PENALTY', closedBy: officer.user.id });
  });
});

describe('enforcementStatistics counts the cases closed (hand-computed)', () => {
  it('March 2026 for one business: filed, closed, exact 罚没 in yuan, seizures, transfers', async () => {
    const biz = await h.business(coord.token, { districtCode: '511102' });
    const mk = () => h.item(officer.token, { businessId: biz.id, discoveredAt: '2026-02-10T02:00:00Z' });
    // A: filed 2 March, fine 12,000.10 and gains 3,456.78 decided later, 3 vehicles; closed 16 March.
    let a = (await file(await mk(), { filedOn: '2026-03-02' })).enforcementCase;
    a = (await ok('update', { id: a.id, expectedVersion: 1, penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], fineAmount: '12000.10', confiscatedAmount: '3456.78', seizedVehicles: 3 })).enforcementCase;
    await ok('close', { id: a.id, expectedVersion: a.version, closedOn: '2026-03-16', outcome: 'PENALTY_EXECUTED' });
    // B: traffic police, detention and a fine of 500, 7 batteries; closed 18 March.
    const b = (await file(await mk(), { filedOn: '2026-03-05', departmentCode: 'TRAFFIC_POLICE', penaltyTypes: ['ADMIN_DETENTION', 'FINE'], fineAmount: '500.00', seizedBatteries: 7 })).enforcementCase;
    await ok('close', { id: b.id, expectedVersion: 1, closedOn: '2026-03-18', outcome: 'PENALTY_EXECUTED' });
    // C: transferred to the police, open.
    await file(await mk(), { filedOn: '2026-03-12', transferredToPolice: true });
    // D: filed in February (fine 100), closed 3 March: closed in March, filed (and its money) in February.
    const d = (await file(await mk(), { filedOn: '2026-02-20', penaltyTypes: ['FINE'], fineAmount: '100.00' })).enforcementCase;
    await ok('close', { id: d.id, expectedVersion: 1, closedOn: '2026-03-03', outcome: 'PENALTY_EXECUTED' });
    // E: filed 15 March, closed 17 March, then the closing withdrawn: open.
    const e = (await file(await mk(), { filedOn: '2026-03-15', penaltyTypes: ['WARNING'] })).enforcementCase;
    await ok('close', { id: e.id, expectedVersion: 1, closedOn: '2026-03-17', outcome: 'PENALTY_EXECUTED' });
    await ok('reopen', { id: e.id, expectedVersion: 2, reason: '尚未执行完毕' }, coord.token);

    const q = `query($f: RemediationItemFilter, $from: LocalDate!, $to: LocalDate!) { enforcementStatistics(filter: $f, groupBy: [DEPARTMENT], period: { from: $from, to: $to }) {
      isTotal departmentCode casesFiled casesClosed fines confiscations finesAndConfiscations seizedVehicles seizedBatteries transferredToPolice } }`;
    const r = await t.gql(q, { f: { businessId: { eq: biz.id } }, from: '2026-03-01', to: '2026-03-31' }, coord.token);
    expect(r.body.errors).toBeUndefined();
    const rows = r.body.data!.enforcementStatistics;
    const zero = { seizedVehicles: 0, seizedBatteries: 0, transferredToPolice: 0 };
    expect(rows.find((x: any) => x.isTotal)).toEqual({
      isTotal: true, departmentCode: null, casesFiled: 4, casesClosed: 3,
      fines: '12500.10', confiscations: '3456.78', finesAndConfiscations: '15956.88', seizedVehicles: 3, seizedBatteries: 7, transferredToPolice: 1,
    });
    expect(rows.find((x: any) => !x.isTotal && x.departmentCode === 'MARKET')).toEqual({
      ...zero, isTotal: false, departmentCode: 'MARKET', casesFiled: 3, casesClosed: 2, fines: '12000.10', confiscations: '3456.78', finesAndConfiscations: '15456.88', seizedVehicles: 3, transferredToPolice: 1,
    });
    expect(rows.find((x: any) => !x.isTotal && x.departmentCode === 'TRAFFIC_POLICE')).toEqual({
      ...zero, isTotal: false, departmentCode: 'TRAFFIC_POLICE', casesFiled: 1, casesClosed: 1, fines: '500.00', confiscations: '0.00', finesAndConfiscations: '500.00', seizedBatteries: 7,
    });
    // February: D filed with its fine, nothing closed.
    const feb = await t.gql(q, { f: { businessId: { eq: biz.id } }, from: '2026-02-01', to: '2026-02-28' }, coord.token);
    expect(feb.body.data!.enforcementStatistics.find((x: any) => x.isTotal)).toMatchObject({ casesFiled: 1, casesClosed: 0, fines: '100.00', finesAndConfiscations: '100.00' });
  });
});
