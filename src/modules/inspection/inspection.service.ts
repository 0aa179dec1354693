import type { GraphQLResolveInfo } from 'graphql';
import { OutboxEvent } from '../live/live.entities';
import { inspectionOutboxRow } from '../live/outbox';
import { SortDirection } from '../../common/sort';
import type { ConnectionShape } from '../../common/connection';
import { paginate } from '../../common/connection';
import type { Context } from '../../common/context';
import { ErrorCollector, UserErrorCode } from '../../common/errors';
import { applyDateRange, applyEnumFilter, applyIdFilter, applyStringFilter } from '../../common/filters';
import { idempotent } from '../../common/idempotency';
import { assertCanWrite } from '../../common/scope';
import { nextSequence } from '../../common/sequence';
import { compactDate, shanghaiDate } from '../../common/time';
import { clean } from '../../common/validation';
import { recordAudit } from '../audit/audit.service';
import { ChecklistItem, Department, TaskTeam } from '../reference/reference.entities';
import { SupplyChainStage } from '../reference/reference.enums';
import { Business, Site } from '../registry/registry.entities';
import { BusinessStatus, RecordStatus } from '../registry/registry.enums';
import { insertItem } from '../remediation/remediation.service';
import { inspectionLinks } from '../campaigns/campaigns.service';
import { Inspection, InspectionChecklistResult } from './inspection.entities';
import { ChecklistOutcome, InspectionMethod } from './inspection.enums';
import { InspectionSortField, type CreateInspectionInput, type InspectionsArgs } from './inspection.inputs';

/**
 * Records an inspection with its checklist and the remediation items it raised, in the mutation's
 * one transaction: any problem anywhere (a bad checklist code, an unknown hazard type in the third
 * item …) writes nothing at all.
 */
export async function createInspection(ctx: Context, input: CreateInspectionInput): Promise<Inspection> {
  return idempotent(ctx, 'createInspection', input.idempotencyKey, input, async () => {
    const errors = new ErrorCollector();
    const team = await ctx.em.findOne(TaskTeam, { where: { code: input.teamCode } });
    if (!team) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.teamCode', `不存在代码为 ${input.teamCode} 的专项工作组`, `No task team with code ${input.teamCode}`);
    const depts = input.departmentCodes.length ? await ctx.em.getRepository(Department).createQueryBuilder('d').where('d.code = ANY(:c)', { c: input.departmentCodes }).getMany() : [];
    input.departmentCodes.forEach((c, i) => {
      if (!depts.some((d) => d.code === c)) errors.add(UserErrorCode.INVALID_REFERENCE, ['input', 'departmentCodes', String(i)], `不存在代码为 ${c} 的部门`, `No department with code ${c}`);
    });
    const inspectors = input.inspectors.map((s) => s.trim()).filter(Boolean);
    if (inspectors.length !== input.inspectors.length) errors.add(UserErrorCode.VALIDATION, 'input.inspectors', '检查人员姓名不能为空', 'Inspector names must not be blank');
    if (input.method === InspectionMethod.JOINT_ENFORCEMENT && new Set(inspectors).size < 2) {
      errors.add(UserErrorCode.VALIDATION, 'input.inspectors', '执法检查不少于两人', 'An enforcement inspection needs at least two officers');
    }
    if (!!input.targetBusinessId === !!input.targetSiteId) errors.add(UserErrorCode.VALIDATION, 'input.targetBusinessId', '检查对象须且只能填写一个：经营主体（targetBusinessId）或场所（targetSiteId）', 'Give exactly one target: targetBusinessId or targetSiteId');
    const business = input.targetBusinessId ? await ctx.em.findOne(Business, { where: { id: input.targetBusinessId } }) : null;
    if (input.targetBusinessId && (!business || business.status === BusinessStatus.ARCHIVED)) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.targetBusinessId', '不存在该经营主体（或已归档）', 'No (unarchived) business with this id');
    const site = input.targetSiteId ? await ctx.em.findOne(Site, { where: { id: input.targetSiteId } }) : null;
    if (input.targetSiteId && (!site || site.status === RecordStatus.ARCHIVED)) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.targetSiteId', '不存在该场所（或已归档）', 'No (unarchived) site with this id');
    const now = ctx.now();
    if (input.startedAt.getTime() > now.getTime() + 5 * 60000) errors.add(UserErrorCode.VALIDATION, 'input.startedAt', '检查开始时间（startedAt）不能晚于当前时间', 'startedAt is in the future');
    if (input.endedAt && input.endedAt < input.startedAt) errors.add(UserErrorCode.VALIDATION, 'input.endedAt', '检查结束时间（endedAt）早于开始时间（startedAt）', 'endedAt is before startedAt');

    const targetStages = site ? [SupplyChainStage.PARKING_CHARGING] : business?.stages ?? [];
    const stage = input.stage ?? targetStages[0];
    if (input.stage && (business || site) && !targetStages.includes(input.stage)) {
      errors.add(UserErrorCode.VALIDATION, 'input.stage', `检查对象所属环节为 ${targetStages.join('、')}，不是 ${input.stage}`, `The target is in ${targetStages.join(', ')}, not ${input.stage}`);
    }
    if (team && stage) {
      const teamStages: { stage: string }[] = await ctx.em.query(`SELECT stage FROM task_team_stage WHERE team_id = $1`, [team.id]);
      if (!teamStages.some((r) => r.stage === stage)) {
        errors.add(
          UserErrorCode.VALIDATION,
          'input.teamCode',
          `工作组 ${team.nameZh} 不负责被检查的环节 ${stage}`,
          `Team ${team.code} does not cover the inspected stage ${stage}`,
        );
      }
    }
    const codes = input.checklistResults.map((r) => r.itemCode);
    const items = codes.length ? await ctx.em.getRepository(ChecklistItem).createQueryBuilder('c').where('c.code = ANY(:codes)', { codes }).getMany() : [];
    input.checklistResults.forEach((r, i) => {
      const item = items.find((x) => x.code === r.itemCode);
      if (!item) errors.add(UserErrorCode.INVALID_REFERENCE, ['input', 'checklistResults', String(i), 'itemCode'], `不存在检查项 ${r.itemCode}`, `No checklist item ${r.itemCode}`);
      else if (stage && item.stage !== stage) errors.add(UserErrorCode.VALIDATION, ['input', 'checklistResults', String(i), 'itemCode'], `检查项 ${r.itemCode} 属于 ${item.stage} 环节，不是本次检查的环节 ${stage}`, `${r.itemCode} belongs to ${item.stage}, not the inspected stage ${stage}`);
      if (codes.indexOf(r.itemCode) !== i) errors.add(UserErrorCode.DUPLICATE, ['input', 'checklistResults', String(i), 'itemCode'], `检查项 ${r.itemCode} 重复填写`, `${r.itemCode} is listed twice`);
    });
    input.remediationItems.forEach((h, i) => {
      if (!h.checklistItemCode) return;
      const r = input.checklistResults.find((x) => x.itemCode === h.checklistItemCode);
      if (!r || r.outcome !== ChecklistOutcome.FAILED) {
        errors.add(UserErrorCode.VALIDATION, ['input', 'remediationItems', String(i), 'checklistItemCode'], `${h.checklistItemCode} 不是本次检查的不合格项`, `${h.checklistItemCode} is not a failed item of this inspection`);
      }
    });
    const links = await inspectionLinks(ctx, input, shanghaiDate(input.startedAt), (site ?? business)?.districtCode ?? null, errors);
    if (!team || !stage || (!business && !site)) {
      errors.throwIfAny();
      return undefined as never;
    }
    const districtCode = (site ?? business)!.districtCode;
    const inspection = ctx.em.create(Inspection, {
      method: input.method,
      teamId: team.id,
      // In the order given (the first is the lead), not the order the lookup returned them.
      departmentIds: input.departmentCodes.map((c) => depts.find((d) => d.code === c)!.id),
      inspectors,
      targetBusinessId: business?.id ?? null,
      targetSiteId: site?.id ?? null,
      districtCode,
      stage,
      startedAt: input.startedAt,
      endedAt: input.endedAt ?? null,
      conclusion: clean(input.conclusion),
      campaignId: links.campaignId,
      jointOperationId: links.jointOperationId,
      createdBy: ctx.principal!.kind === 'system' ? null : ctx.principal!.id,
    });
    await assertCanWrite(ctx, { stages: [stage], districtCode }, 'createInspection');
    errors.throwIfAny();

    const day = shanghaiDate(input.startedAt);
    inspection.code = `JC-${districtCode}-${compactDate(day)}-${String(await nextSequence(ctx.em, 'JC', districtCode, day)).padStart(4, '0')}`;
    await ctx.em.insert(Inspection, inspection);
    if (input.checklistResults.length) {
      await ctx.em.insert(
        InspectionChecklistResult,
        input.checklistResults.map((r, i) => ({ inspectionId: inspection.id, itemCode: r.itemCode, outcome: r.outcome, note: clean(r.note), sortOrder: i + 1 })),
      );
    }
    for (const [i, h] of input.remediationItems.entries()) {
      await insertItem(
        ctx,
        h,
        { business, site, inspection, team, leadDepartmentId: null, teamField: ['input', 'remediationItems', String(i), 'stage'], districtCode, discoveryMethod: input.method, discoveredAt: input.startedAt, discoveredBy: inspectors },
        ['input', 'remediationItems', String(i)],
        errors,
      );
    }
    errors.throwIfAny();
    await ctx.em.insert(OutboxEvent, inspectionOutboxRow(ctx, inspection, input.remediationItems.length));
    await recordAudit(ctx, {
      operation: 'createInspection',
      entityType: 'Inspection',
      entityId: inspection.id,
      before: null,
      after: { ...inspection, checklistResults: input.checklistResults.length, remediationItems: input.remediationItems.length },
    });
    return inspection;
  }, (id) => ctx.em.findOneByOrFail(Inspection, { id }));
}

export function listInspections(ctx: Context, args: InspectionsArgs, info?: GraphQLResolveInfo): Promise<ConnectionShape<Inspection>> {
  const qb = ctx.em.getRepository(Inspection).createQueryBuilder('n');
  const f = args.filter;
  applyStringFilter(qb, 'n.district_code', f?.district);
  if (f?.team) {
    const sub = qb.subQuery().select('t.id').from(TaskTeam, 't');
    applyStringFilter(sub, 't.code', f.team);
    qb.andWhere(`n.team_id IN ${sub.getQuery()}`, sub.getParameters());
  }
  applyEnumFilter(qb, 'n.method', f?.method);
  applyEnumFilter(qb, 'n.stage', f?.stage);
  applyIdFilter(qb, 'n.target_business_id', f?.businessId);
  applyIdFilter(qb, 'n.target_site_id', f?.siteId);
  applyDateRange(qb, 'n.started_at', f?.startedOn, 'timestamptz');
  applyStringFilter(qb, 'n.code', f?.code);
  const order = args.orderBy ?? { field: InspectionSortField.STARTED_AT, direction: SortDirection.DESC };
  const key = order.field === InspectionSortField.CODE
    ? { expression: 'n.code', cast: 'text', value: (n: Inspection) => n.code }
    : { expression: 'n.started_at', cast: 'timestamptz', value: (n: Inspection) => n.startedAt };
  return paginate(qb, args, { ...key, direction: order.direction }, { info });
}

export const inspectionById = (ctx: Context) => ctx.loaders.one(Inspection, 'id');
export const checklistResults = (ctx: Context) => ctx.loaders.many(InspectionChecklistResult, 'inspectionId', 'sortOrder');
