import { Role } from '../../common/auth';
import type { Context } from '../../common/context';
import { ErrorCollector, UserErrorCode, fail, forbidden } from '../../common/errors';
import { assertCanWrite } from '../../common/scope';
import { shanghaiDate } from '../../common/time';
import { clean } from '../../common/validation';
import { lockForUpdate } from '../../common/versioning';
import { auditView, diff, recordAudit, recordRefusal } from '../audit/audit.service';
import { Department } from '../reference/reference.entities';
import { CaseClosingOutcome } from './enforcement.enums';
import type { CloseEnforcementCaseInput, ReopenEnforcementCaseInput, UpdateEnforcementCaseInput } from './enforcement.inputs';
import { EnforcementCase, RemediationItem } from './remediation.entities';
import { PenaltyType } from './remediation.enums';
import { itemScope, recordEvent } from './remediation.service';

/** A case as the rules see it: what it would be after the change. */
export type CaseState = Pick<
  EnforcementCase,
  'filedOn' | 'penaltyTypes' | 'fineAmount' | 'confiscatedAmount' | 'transferredToPolice' | 'policeTransferOutcome' | 'decidedOn' | 'closedOn' | 'closingOutcome' | 'closingNote'
>;

const positive = (yuan: string) => /[1-9]/.test(yuan);

/**
 * The rules every state of a case must meet (DOMAIN.md §7), checked on filing, update and closing.
 * `field` maps a property to the input field that set it, for the error path.
 */
export function checkCaseRules(c: CaseState, dept: Department | null, todayDate: string, errors: ErrorCollector, field: (p: string) => string = (p) => `input.${p}`): void {
  if (positive(c.fineAmount) && !c.penaltyTypes.includes(PenaltyType.FINE)) {
    errors.add(UserErrorCode.VALIDATION, field('penaltyTypes'), '有罚款金额须含“罚款”处罚种类', 'A fine amount needs the FINE penalty');
  }
  if (positive(c.confiscatedAmount) && !c.penaltyTypes.includes(PenaltyType.CONFISCATE_ILLEGAL_GAINS)) {
    errors.add(UserErrorCode.VALIDATION, field('penaltyTypes'), '有没收违法所得金额须含“没收违法所得”处罚种类', 'A confiscated amount needs the CONFISCATE_ILLEGAL_GAINS penalty');
  }
  // §7: administrative detention (行政拘留) is imposed by public security organs only.
  if (dept && c.penaltyTypes.includes(PenaltyType.ADMIN_DETENTION) && !dept.isPublicSecurity) {
    errors.add(UserErrorCode.VALIDATION, field('penaltyTypes'), `行政拘留只能由公安机关决定，${dept.name}不能作出`, `Administrative detention is imposed by the police only, not by ${dept.code}`);
  }
  if (c.filedOn > todayDate) errors.add(UserErrorCode.VALIDATION, field('filedOn'), '立案日期不能晚于今天', 'filedOn is in the future');
  if (c.decidedOn) {
    if (c.decidedOn < c.filedOn) errors.add(UserErrorCode.VALIDATION, field('decidedOn'), '处罚决定日期不能早于立案日期', 'decidedOn is before filedOn');
    if (c.decidedOn > todayDate) errors.add(UserErrorCode.VALIDATION, field('decidedOn'), '处罚决定日期不能晚于今天', 'decidedOn is in the future');
  }
  if (c.policeTransferOutcome && !c.transferredToPolice) {
    errors.add(UserErrorCode.VALIDATION, field('policeTransferOutcome'), '未移送公安的案件没有移送结果', 'A transfer outcome needs transferredToPolice');
  }
  if (c.closedOn) {
    if (c.closedOn < c.filedOn) errors.add(UserErrorCode.VALIDATION, field('closedOn'), '结案日期不能早于立案日期', 'closedOn is before filedOn');
    if (c.closedOn > todayDate) errors.add(UserErrorCode.VALIDATION, field('closedOn'), '结案日期不能晚于今天', 'closedOn is in the future');
    if (c.decidedOn && c.closedOn < c.decidedOn) errors.add(UserErrorCode.VALIDATION, field('closedOn'), '结案日期不能早于处罚决定日期', 'closedOn is before decidedOn');
    if (!c.closingOutcome) errors.add(UserErrorCode.REQUIRED, field('closingOutcome'), '结案须写明结案方式', 'A closed case needs its closing outcome');
    const penalised = c.penaltyTypes.length > 0 || positive(c.fineAmount) || positive(c.confiscatedAmount);
    if (c.closingOutcome === CaseClosingOutcome.PENALTY_EXECUTED && c.penaltyTypes.length === 0) {
      errors.add(UserErrorCode.VALIDATION, field('closingOutcome'), '“处罚决定执行完毕”须先录入处罚种类', 'PENALTY_EXECUTED needs the penalties imposed');
    }
    if (c.closingOutcome === CaseClosingOutcome.NO_PENALTY && penalised) {
      errors.add(UserErrorCode.VALIDATION, field('closingOutcome'), '“不予行政处罚”的案件不能有处罚种类或罚没金额', 'NO_PENALTY cannot have penalties or amounts');
    }
    if (c.closingOutcome === CaseClosingOutcome.TRANSFERRED_TO_JUDICIAL && !c.transferredToPolice) {
      errors.add(UserErrorCode.VALIDATION, field('closingOutcome'), '“移送司法机关”须先记录移送公安', 'TRANSFERRED_TO_JUDICIAL needs transferredToPolice');
    }
    if (c.closingOutcome === CaseClosingOutcome.OTHER && !c.closingNote) {
      errors.add(UserErrorCode.REQUIRED, field('closingNote'), '其他方式结案须写明结案说明', 'Closing as OTHER needs a closing note');
    }
  }
}

/**
 * The case and its item, both locked: the item first, as filing and workflow transitions lock it,
 * so a case change and a transition of its item queue instead of deadlocking.
 */
async function lockCase(ctx: Context, id: string, expectedVersion: number, operation: string, roles: readonly Role[]): Promise<{ c: EnforcementCase; item: RemediationItem }> {
  const p = ctx.principal!;
  if (!roles.includes(p.role)) {
    await recordRefusal(ctx, operation, `FORBIDDEN: role ${p.role}`);
    throw forbidden(`Not allowed for role ${p.role} (无权限)`);
  }
  const found = await ctx.em.findOne(EnforcementCase, { where: { id } });
  if (!found) fail(UserErrorCode.NOT_FOUND, 'input.id', '案件不存在', 'No enforcement case with this id');
  const item = await ctx.em.findOne(RemediationItem, { where: { id: found.itemId }, lock: { mode: 'pessimistic_write' } });
  await assertCanWrite(ctx, itemScope(item!), operation);
  const c = await lockForUpdate(ctx, EnforcementCase, id, expectedVersion, 'enforcement case');
  return { c, item: item! };
}

function caseView(c: EnforcementCase): Record<string, unknown> {
  const { itemRef: _i, departmentRef: _d, ...rest } = c;
  return auditView(rest);
}

/** Writes the case (version + 1), re-reads it as stored (enum arrays come back from RETURNING as text). */
async function saveCase(ctx: Context, c: EnforcementCase): Promise<EnforcementCase> {
  c.version += 1;
  const { itemRef: _i, departmentRef: _d, id, createdAt: _c, updatedAt: _u, ...values } = c;
  await ctx.em.update(EnforcementCase, { id }, values);
  return ctx.em.findOneByOrFail(EnforcementCase, { id });
}

const WORKERS = [Role.COORDINATOR, Role.AGENCY_OFFICER] as const;

/** Corrects or completes an open case. A closed case is changed only after reopenEnforcementCase. */
export async function updateEnforcementCase(ctx: Context, input: UpdateEnforcementCaseInput): Promise<{ item: RemediationItem; enforcementCase: EnforcementCase }> {
  const { c, item } = await lockCase(ctx, input.id, input.expectedVersion, 'updateEnforcementCase', WORKERS);
  if (c.closedOn) {
    fail(UserErrorCode.INVALID_TRANSITION, 'input.id', `案件已于 ${c.closedOn} 结案，不能修改；确需更正请先撤销结案`, `The case was closed on ${c.closedOn}; reopen it (reopenEnforcementCase) before changing it`);
  }
  const before = caseView(c);
  const errors = new ErrorCollector();
  let dept = await ctx.em.findOne(Department, { where: { id: c.departmentId } });
  if (input.departmentCode !== undefined && input.departmentCode !== null) {
    const d = await ctx.em.findOne(Department, { where: { code: input.departmentCode } });
    if (!d) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.departmentCode', `没有代码为 ${input.departmentCode} 的部门`, `No department with code ${input.departmentCode}`);
    else {
      dept = d;
      c.departmentId = d.id;
    }
  }
  if (input.caseNumber != null) {
    const number = clean(input.caseNumber)!;
    const other = await ctx.em.findOne(EnforcementCase, { where: { caseNumber: number } });
    if (other && other.id !== c.id) errors.add(UserErrorCode.DUPLICATE, 'input.caseNumber', `案号 ${number} 已被使用`, `Case number ${number} is already recorded`);
    c.caseNumber = number;
  }
  if (input.filedOn != null) c.filedOn = input.filedOn;
  if (input.legalBasis !== undefined) c.legalBasis = clean(input.legalBasis);
  if (input.penaltyTypes != null) c.penaltyTypes = input.penaltyTypes;
  if (input.fineAmount != null) c.fineAmount = input.fineAmount;
  if (input.confiscatedAmount != null) c.confiscatedAmount = input.confiscatedAmount;
  if (input.confiscatedGoods !== undefined) c.confiscatedGoods = clean(input.confiscatedGoods);
  if (input.seizedVehicles != null) c.seizedVehicles = input.seizedVehicles;
  if (input.seizedBatteries != null) c.seizedBatteries = input.seizedBatteries;
  if (input.seizedParts != null) c.seizedParts = input.seizedParts;
  if (input.transferredToPolice != null) c.transferredToPolice = input.transferredToPolice;
  if (input.policeTransferOutcome !== undefined) c.policeTransferOutcome = input.policeTransferOutcome ?? null;
  if (input.policeTransferNote !== undefined) c.policeTransferNote = clean(input.policeTransferNote);
  if (input.decisionNumber !== undefined) c.decisionNumber = clean(input.decisionNumber);
  if (input.decidedOn !== undefined) c.decidedOn = input.decidedOn ?? null;
  checkCaseRules(c, dept, shanghaiDate(ctx.now()), errors);
  errors.throwIfAny();

  const changes = diff(before, caseView(c));
  if (Object.keys(changes).length === 0) fail(UserErrorCode.VALIDATION, 'input', '没有任何修改', 'Nothing to change');
  const stored = await saveCase(ctx, c);
  if (stored.transferredToPolice && !item.transferred) {
    item.transferred = true;
    item.version += 1;
    await ctx.em.save(item);
  }
  await recordEvent(ctx, item, 'CASE_UPDATED', item.status, clean(input.comment), { caseId: c.id, caseNumber: stored.caseNumber, changes });
  await recordAudit(ctx, { operation: 'updateEnforcementCase', entityType: 'EnforcementCase', entityId: c.id, before, after: caseView(stored) });
  return { item, enforcementCase: stored };
}

/** Closes a case (结案): counted in enforcementStatistics.casesClosed on its closing day. */
export async function closeEnforcementCase(ctx: Context, input: CloseEnforcementCaseInput): Promise<{ item: RemediationItem; enforcementCase: EnforcementCase }> {
  const { c, item } = await lockCase(ctx, input.id, input.expectedVersion, 'closeEnforcementCase', WORKERS);
  if (c.closedOn) fail(UserErrorCode.INVALID_TRANSITION, 'input.id', `案件已于 ${c.closedOn} 结案`, `The case was already closed on ${c.closedOn}`);
  const before = caseView(c);
  c.closedOn = input.closedOn;
  c.closingOutcome = input.outcome;
  c.closingNote = clean(input.note);
  c.closedBy = ctx.principal!.id;
  const errors = new ErrorCollector();
  const dept = await ctx.em.findOne(Department, { where: { id: c.departmentId } });
  checkCaseRules(c, dept, shanghaiDate(ctx.now()), errors, (p) => `input.${{ closingOutcome: 'outcome', closingNote: 'note' }[p] ?? p}`);
  errors.throwIfAny();
  const stored = await saveCase(ctx, c);
  await recordEvent(ctx, item, 'CASE_CLOSED', item.status, c.closingNote, { caseId: c.id, caseNumber: c.caseNumber, closedOn: c.closedOn, outcome: c.closingOutcome });
  await recordAudit(ctx, { operation: 'closeEnforcementCase', entityType: 'EnforcementCase', entityId: c.id, before, after: caseView(stored) });
  return { item, enforcementCase: stored };
}

/**
 * Withdraws a closing recorded in error (撤销结案), coordinators only: the case is open again and
 * editable, no longer counted as closed; the closing stays in the item's history and the audit trail.
 */
export async function reopenEnforcementCase(ctx: Context, input: ReopenEnforcementCaseInput): Promise<{ item: RemediationItem; enforcementCase: EnforcementCase }> {
  const { c, item } = await lockCase(ctx, input.id, input.expectedVersion, 'reopenEnforcementCase', [Role.COORDINATOR]);
  if (!c.closedOn) fail(UserErrorCode.INVALID_TRANSITION, 'input.id', '案件尚未结案', 'The case is not closed');
  const before = caseView(c);
  const previous = { closedOn: c.closedOn, outcome: c.closingOutcome, note: c.closingNote, closedBy: c.closedBy };
  c.closedOn = null;
  c.closingOutcome = null;
  c.closingNote = null;
  c.closedBy = null;
  const stored = await saveCase(ctx, c);
  await recordEvent(ctx, item, 'CASE_REOPENED', item.status, clean(input.reason), { caseId: c.id, caseNumber: c.caseNumber, previous });
  await recordAudit(ctx, { operation: 'reopenEnforcementCase', entityType: 'EnforcementCase', entityId: c.id, before, after: caseView(stored) });
  return { item, enforcementCase: stored };
}
