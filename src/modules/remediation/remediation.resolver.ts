import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RECORD_READERS, Role, Roles } from '../../common/auth';
import { Connection, type ConnectionShape } from '../../common/connection';
import { fieldColumns, fieldRowColumns } from '../../common/projection';
import type { Context } from '../../common/context';
import { InputArg, Mutation, MutationPayload } from '../../common/mutation';
import { LocalDate, Yuan, yuan } from '../../common/scalars';
import { addDays, daysBetween, shanghaiDate } from '../../common/time';
import { Inspection, InspectionChecklistResult } from '../inspection/inspection.entities';
import { CreateInspectionInput, InspectionsArgs } from '../inspection/inspection.inputs';
import * as inspections from '../inspection/inspection.service';
import { reviewDueDate, workingCalendar } from '../reference/calendar.service';
import { ChecklistItem, Department, District, HazardType, TaskTeam } from '../reference/reference.entities';
import { departmentById, districtByCode, hazardTypeByCode } from '../reference/reference.service';
import { Business, ProductModel, Site } from '../registry/registry.entities';
import { businessLoader } from '../registry/registry.service';
import { EnforcementCase, Evidence, ExtensionRequest, Listing, RemediationEvent, RemediationItem } from './remediation.entities';
import { ListingEscalation, RemediationAction } from './remediation.enums';

/** §6.3, one city's timings (the defaults the task-force office works with). */
const LISTING_PUBLISH_WORKING_DAYS = 5;
const LISTING_ACCEPTANCE_DAYS = 10;
import {
  AddEvidenceInput,
  CreateRemediationItemInput,
  DecideExtensionInput,
  FileEnforcementCaseInput,
  ListRemediationItemInput,
  NestedRemediationItemsArgs,
  RemediationItemsArgs,
  RequestExtensionInput,
  TransitionInput,
  UpdateRemediationItemInput,
} from './remediation.inputs';
import * as remediation from './remediation.service';

const WORKERS = [Role.COORDINATOR, Role.AGENCY_OFFICER] as const;

@ObjectType({ description: 'A page of remediation items (隐患列表).' })
export class RemediationItemConnection extends Connection(RemediationItem) {}
@ObjectType({ description: 'A page of inspections (检查列表).' })
export class InspectionConnection extends Connection(Inspection) {}

@ObjectType({ description: 'Result of createInspection (录入检查).' })
export class InspectionPayload extends MutationPayload {
  @Field(() => Inspection, { nullable: true, description: 'The inspection with its items; null when userErrors is not empty.' }) inspection?: Inspection | null;
}
@ObjectType({ description: 'Result of a remediation item mutation (隐患).' })
export class RemediationItemPayload extends MutationPayload {
  @Field(() => RemediationItem, { nullable: true, description: 'The item after the change; null when userErrors is not empty.' }) remediationItem?: RemediationItem | null;
}
@ObjectType({ description: 'Result of requestExtension / decideExtension (延期).' })
export class ExtensionPayload extends MutationPayload {
  @Field(() => RemediationItem, { nullable: true, description: 'The item after the change.' }) remediationItem?: RemediationItem | null;
  @Field(() => ExtensionRequest, { nullable: true, description: 'The request after the change.' }) extensionRequest?: ExtensionRequest | null;
}
@ObjectType({ description: 'Result of fileEnforcementCase (立案).' })
export class EnforcementCasePayload extends MutationPayload {
  @Field(() => RemediationItem, { nullable: true, description: 'The item after the change.' }) remediationItem?: RemediationItem | null;
  @Field(() => EnforcementCase, { nullable: true, description: 'The case filed.' }) enforcementCase?: EnforcementCase | null;
}
@ObjectType({ description: 'Result of addEvidence (证据).' })
export class EvidencePayload extends MutationPayload {
  @Field(() => RemediationItem, { nullable: true, description: 'The item.' }) remediationItem?: RemediationItem | null;
  @Field(() => Evidence, { nullable: true, description: 'The evidence recorded.' }) evidence?: Evidence | null;
}

@Resolver()
export class RemediationResolver {
  @Roles(...RECORD_READERS)
  @Query(() => RemediationItem, { nullable: true, description: 'One remediation item by id or by code, e.g. LS-511102-20250314-0007 (隐患).' })
  remediationItem(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'Item id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Item code (隐患编号).' }) code?: string,
  ) {
    return remediation.remediationItemByIdOrCode(ctx, id, code);
  }

  @Roles(...RECORD_READERS)
  @Query(() => RemediationItemConnection, { description: 'Remediation items across the whole chain, filtered and sorted (隐患列表).' })
  remediationItems(@Ctx() ctx: Context, @Args() args: RemediationItemsArgs, @Info() info: GraphQLResolveInfo) {
    return remediation.listRemediationItems(ctx, args, info);
  }

  @Roles(...RECORD_READERS)
  @Query(() => Inspection, { nullable: true, description: 'One inspection by id (检查).' })
  inspection(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Inspection id.' }) id: string) {
    return inspections.inspectionById(ctx).load(id);
  }

  @Roles(...RECORD_READERS)
  @Query(() => InspectionConnection, { description: 'Inspections, newest first (检查列表).' })
  inspections(@Ctx() ctx: Context, @Args() args: InspectionsArgs, @Info() info: GraphQLResolveInfo) {
    return inspections.listInspections(ctx, args, info);
  }

  @Roles(...WORKERS)
  @Mutation(() => InspectionPayload, { description: 'Record an inspection with its checklist and the hazards it found, atomically (录入检查).' })
  async createInspection(@Ctx() ctx: Context, @InputArg() input: CreateInspectionInput): Promise<InspectionPayload> {
    return { inspection: await inspections.createInspection(ctx, input), userErrors: [] };
  }

  @Roles(...WORKERS)
  @Mutation(() => RemediationItemPayload, { description: 'Register a remediation item (登记隐患).' })
  async createRemediationItem(@Ctx() ctx: Context, @InputArg() input: CreateRemediationItemInput): Promise<RemediationItemPayload> {
    return { remediationItem: await remediation.createRemediationItem(ctx, input), userErrors: [] };
  }

  @Roles(...WORKERS)
  @Mutation(() => RemediationItemPayload, { description: 'Move an item through its workflow: notice, rectification, review, close, write-off, interview, transfer … (整改流程操作).' })
  async transitionRemediationItem(@Ctx() ctx: Context, @InputArg() input: TransitionInput): Promise<RemediationItemPayload> {
    return { remediationItem: await remediation.transition(ctx, input), userErrors: [] };
  }

  @Roles(...WORKERS)
  @Mutation(() => RemediationItemPayload, {
    description: 'Correct or re-grade a hazard: type, level, major fire hazard, description, responsible person, measures; code and history kept (隐患更正/重新定级).',
  })
  async updateRemediationItem(@Ctx() ctx: Context, @InputArg() input: UpdateRemediationItemInput): Promise<RemediationItemPayload> {
    return { remediationItem: await remediation.updateRemediationItem(ctx, input), userErrors: [] };
  }

  @Roles(...WORKERS)
  @Mutation(() => ExtensionPayload, { description: 'Ask for a later deadline (延期申请).' })
  async requestExtension(@Ctx() ctx: Context, @InputArg() input: RequestExtensionInput): Promise<ExtensionPayload> {
    const r = await remediation.requestExtension(ctx, input);
    return { remediationItem: r.item, extensionRequest: r.request, userErrors: [] };
  }

  @Roles(...WORKERS)
  @Mutation(() => ExtensionPayload, { description: 'Approve (moving the deadline, history kept) or refuse an extension; for a listed item a coordinator decides, and an approval moves the listing deadline too (延期审批).' })
  async decideExtension(@Ctx() ctx: Context, @InputArg() input: DecideExtensionInput): Promise<ExtensionPayload> {
    const r = await remediation.decideExtension(ctx, input);
    return { remediationItem: r.item, extensionRequest: r.request, userErrors: [] };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => RemediationItemPayload, { description: 'Put a major hazard under listed supervision (挂牌督办).' })
  async listRemediationItem(@Ctx() ctx: Context, @InputArg() input: ListRemediationItemInput): Promise<RemediationItemPayload> {
    return { remediationItem: await remediation.listRemediationItem(ctx, input), userErrors: [] };
  }

  @Roles(...WORKERS)
  @Mutation(() => EnforcementCasePayload, { description: 'File an enforcement case with penalties, fines and seizures (立案查处).' })
  async fileEnforcementCase(@Ctx() ctx: Context, @InputArg() input: FileEnforcementCaseInput): Promise<EnforcementCasePayload> {
    const r = await remediation.fileEnforcementCase(ctx, input);
    return { remediationItem: r.item, enforcementCase: r.enforcementCase, userErrors: [] };
  }

  @Roles(...WORKERS)
  @Mutation(() => EvidencePayload, { description: 'Record evidence metadata: before/after photos, videos, documents (添加证据).' })
  async addEvidence(@Ctx() ctx: Context, @InputArg() input: AddEvidenceInput): Promise<EvidencePayload> {
    const r = await remediation.addEvidence(ctx, input);
    return { remediationItem: r.item, evidence: r.evidence, userErrors: [] };
  }
}

/** What the field resolvers below read off the item, so lists read only the selected columns (src/common/projection.ts). */
fieldColumns('RemediationItem', {
  hazardType: ['hazardTypeCode'],
  team: ['teamId'],
  leadDepartment: ['leadDepartmentId'],
  district: ['districtCode'],
  business: ['businessId'],
  site: ['siteId'],
  inspection: ['inspectionId'],
  events: [],
  evidence: [],
  extensionRequests: [],
  listing: [],
  enforcementCases: [],
  overdue: ['deadline', 'status'],
  overdueDays: ['deadline', 'status'],
  escalationLevel: [],
});

@Resolver(() => RemediationItem)
export class RemediationItemResolver {
  @FieldResolver(() => HazardType, { description: 'Hazard type (隐患类型).' })
  hazardType(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return hazardTypeByCode(ctx).load(i.hazardTypeCode);
  }

  @FieldResolver(() => TaskTeam, { description: 'Responsible task team (负责工作组).' })
  team(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return ctx.loaders.one(TaskTeam, 'id').load(i.teamId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'Lead department (牵头部门).' })
  leadDepartment(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return i.leadDepartmentId ? departmentById(ctx).load(i.leadDepartmentId) : null;
  }

  @FieldResolver(() => District, { description: 'District (区县).' })
  district(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return districtByCode(ctx).load(i.districtCode);
  }

  @FieldResolver(() => Business, { nullable: true, description: 'Responsible business (责任主体).' })
  business(@Root() i: RemediationItem, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return i.businessId ? businessLoader(ctx, fieldRowColumns(info, ctx.dataSource.getMetadata(Business))).load(i.businessId) : null;
  }

  @FieldResolver(() => Site, { nullable: true, description: 'Site (场所).' })
  site(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return i.siteId ? ctx.loaders.one(Site, 'id').load(i.siteId) : null;
  }

  @FieldResolver(() => Inspection, { nullable: true, description: 'Inspection that found it (所属检查).' })
  inspection(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return i.inspectionId ? inspections.inspectionById(ctx).load(i.inspectionId) : null;
  }

  @FieldResolver(() => [RemediationEvent], { description: 'History: every transition and comment, oldest first (整改记录).' })
  events(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return remediation.eventsByItem(ctx).load(i.id);
  }

  @FieldResolver(() => [Evidence], { description: 'Evidence, oldest first (证据).' })
  evidence(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return remediation.evidenceByItem(ctx).load(i.id);
  }

  @FieldResolver(() => [ExtensionRequest], { description: 'Extension requests, oldest first (延期申请).' })
  extensionRequests(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return remediation.extensionsByItem(ctx).load(i.id);
  }

  @FieldResolver(() => Listing, { nullable: true, description: 'Listed supervision, if listed (挂牌督办).' })
  listing(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return remediation.listingByItem(ctx).load(i.id);
  }

  @FieldResolver(() => [EnforcementCase], { description: 'Enforcement cases filed (立案).' })
  enforcementCases(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return remediation.casesByItem(ctx).load(i.id);
  }

  @FieldResolver(() => Boolean, { description: 'Past its deadline and not yet verified, closed or written off, by today’s Asia/Shanghai date (逾期).' })
  overdue(@Root() i: RemediationItem, @Ctx() ctx: Context): boolean {
    return remediation.isOverdue(i, remediation.today(ctx));
  }

  @FieldResolver(() => Int, { description: 'Days past the deadline; 0 when not overdue (逾期天数).' })
  overdueDays(@Root() i: RemediationItem, @Ctx() ctx: Context): number {
    return remediation.overdueDays(i, remediation.today(ctx));
  }

  @FieldResolver(() => Boolean, { description: "Listed, and past the listing authority's deadline while still being rectified, by today's Asia/Shanghai date (挂牌督办逾期)." })
  async listingOverdue(@Root() i: RemediationItem, @Ctx() ctx: Context): Promise<boolean> {
    return i.listed && remediation.isListingOverdue(i, await remediation.listingByItem(ctx).load(i.id), remediation.today(ctx));
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description: 'When the review is due (复查期限): the lead department’s review window (3 by default, MPS Order No. 120) in working days of the working calendar — public holidays skipped, exchanged weekend days counted — after the deadline, or after the party applied for review when that came first; null with neither.',
  })
  reviewDueDate(@Root() i: RemediationItem, @Ctx() ctx: Context): Promise<string | null> {
    return reviewDueDate(ctx, i);
  }

  @FieldResolver(() => Int, {
    description: 'Highest escalation level (督办级别) the daily run has reached for the item, 0 when never escalated; its escalations are ESCALATED and SUPERVISION_LETTER events. Not a workflow change: the version stays.',
  })
  escalationLevel(@Root() i: RemediationItem, @Ctx() ctx: Context): Promise<number> {
    return remediation.escalationLevelOf(ctx).load(i.id);
  }

  @FieldResolver(() => [RemediationAction], { description: 'Actions the current user may take now: which buttons to show (可执行操作).' })
  availableTransitions(@Root() i: RemediationItem, @Ctx() ctx: Context) {
    return remediation.availableTransitions(ctx, i);
  }
}

/** The timeline of listed supervision (§6.3), computed from the listing's dates and today. */
@Resolver(() => Listing)
export class ListingResolver {
  @FieldResolver(() => LocalDate, { description: 'Publication due: 5 working days after listing (公布期限).' })
  async publishDueOn(@Root() l: Listing, @Ctx() ctx: Context): Promise<string> {
    return (await workingCalendar(ctx)).addWorkingDays(l.listedOn, LISTING_PUBLISH_WORKING_DAYS);
  }

  @FieldResolver(() => Boolean, { description: 'Not yet published and past its publication due date (逾期未公布).' })
  async publishOverdue(@Root() l: Listing, @Ctx() ctx: Context): Promise<boolean> {
    return !l.publishedOn && !l.liftedOn && remediation.today(ctx) > (await workingCalendar(ctx)).addWorkingDays(l.listedOn, LISTING_PUBLISH_WORKING_DAYS);
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description: "Acceptance due: 10 days after the deadline or, if earlier, after the party's application for review (验收期限); null without either.",
  })
  async acceptanceDueOn(@Root() l: Listing, @Ctx() ctx: Context): Promise<string | null> {
    const item = await remediation.itemById(ctx).load(l.itemId);
    const applied = item?.completionReportedAt ? shanghaiDate(item.completionReportedAt) : null;
    const base = [l.deadline, applied].filter((d): d is string => !!d).sort()[0];
    return base ? addDays(base, LISTING_ACCEPTANCE_DAYS) : null;
  }

  @FieldResolver(() => Boolean, { description: "Past the authority's deadline while still being rectified (挂牌督办逾期)." })
  async overdue(@Root() l: Listing, @Ctx() ctx: Context): Promise<boolean> {
    const item = await remediation.itemById(ctx).load(l.itemId);
    return !!item && remediation.isListingOverdue(item, l, remediation.today(ctx));
  }

  @FieldResolver(() => Int, { description: "Days past the authority's deadline; 0 when not overdue (督办逾期天数)." })
  async overdueDays(@Root() l: Listing, @Ctx() ctx: Context): Promise<number> {
    const item = await remediation.itemById(ctx).load(l.itemId);
    const todayDate = remediation.today(ctx);
    return item && remediation.isListingOverdue(item, l, todayDate) ? daysBetween(l.deadline!, todayDate) : 0;
  }

  @FieldResolver(() => ListingEscalation, { description: 'How far the overdue item has been escalated so far (逾期督办升级).' })
  escalation(@Root() l: Listing): ListingEscalation {
    if (l.publicCriticismOn) return ListingEscalation.PUBLIC_CRITICISM;
    if (l.supervisionLetterOn) return ListingEscalation.SUPERVISION_LETTER;
    if (l.explanationFiledOn) return ListingEscalation.EXPLANATION_FILED;
    return ListingEscalation.NONE;
  }
}

@Resolver(() => EnforcementCase)
export class EnforcementCaseResolver {
  @FieldResolver(() => Department, { description: 'Department that filed it (立案部门).' })
  department(@Root() c: EnforcementCase, @Ctx() ctx: Context) {
    return departmentById(ctx).load(c.departmentId);
  }

  @FieldResolver(() => Yuan, { description: 'Fines plus confiscated gains in yuan (罚没金额).' })
  penaltyTotal(@Root() c: EnforcementCase): string {
    // Exact: add in fen (integers), never in floating point.
    const fen = (v: string) => BigInt(yuan(v)!.replace('.', ''));
    const t = (fen(c.fineAmount) + fen(c.confiscatedAmount)).toString().padStart(3, '0');
    return `${t.slice(0, -2)}.${t.slice(-2)}`;
  }
}

fieldColumns('Inspection', {
  team: ['teamId'],
  departments: ['departmentIds'],
  district: ['districtCode'],
  targetBusiness: ['targetBusinessId'],
  targetSite: ['targetSiteId'],
  checklistResults: [],
  remediationItems: [],
});

@Resolver(() => Inspection)
export class InspectionResolver {
  @FieldResolver(() => TaskTeam, { description: 'Task team (工作组).' })
  team(@Root() n: Inspection, @Ctx() ctx: Context) {
    return ctx.loaders.one(TaskTeam, 'id').load(n.teamId);
  }

  @FieldResolver(() => [Department], { description: 'Participating departments (参检部门).' })
  async departments(@Root() n: Inspection, @Ctx() ctx: Context) {
    return (await departmentById(ctx).loadMany(n.departmentIds)).filter((d): d is Department => d instanceof Department);
  }

  @FieldResolver(() => District, { description: 'District (区县).' })
  district(@Root() n: Inspection, @Ctx() ctx: Context) {
    return districtByCode(ctx).load(n.districtCode);
  }

  @FieldResolver(() => Business, { nullable: true, description: 'Target business (被检查主体).' })
  targetBusiness(@Root() n: Inspection, @Ctx() ctx: Context) {
    return n.targetBusinessId ? businessLoader(ctx).load(n.targetBusinessId) : null;
  }

  @FieldResolver(() => Site, { nullable: true, description: 'Target site (被检查场所).' })
  targetSite(@Root() n: Inspection, @Ctx() ctx: Context) {
    return n.targetSiteId ? ctx.loaders.one(Site, 'id').load(n.targetSiteId) : null;
  }

  @FieldResolver(() => [InspectionChecklistResult], { description: 'Checklist results in order (检查项结果).' })
  checklistResults(@Root() n: Inspection, @Ctx() ctx: Context) {
    return inspections.checklistResults(ctx).load(n.id);
  }

  @FieldResolver(() => [RemediationItem], { description: 'Remediation items it raised (发现隐患).' })
  remediationItems(@Root() n: Inspection, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return remediation.itemsByInspection(ctx, fieldRowColumns(info, ctx.dataSource.getMetadata(RemediationItem))).load(n.id);
  }
}

@Resolver(() => InspectionChecklistResult)
export class ChecklistResultResolver {
  @FieldResolver(() => ChecklistItem, { description: 'The checklist item (检查项).' })
  item(@Root() r: InspectionChecklistResult, @Ctx() ctx: Context) {
    return ctx.loaders.one(ChecklistItem, 'code').load(r.itemCode);
  }
}

fieldColumns('Business', { remediationItems: [] });
fieldColumns('Site', { remediationItems: [] });

/** Remediation items seen from the registry: one batched statement per level, whatever the page size. */
@Resolver(() => Business)
export class BusinessItemsResolver {
  @FieldResolver(() => RemediationItemConnection, { description: 'Remediation items of this business, newest first (隐患).' })
  remediationItems(@Root() b: Business, @Ctx() ctx: Context, @Args() args: NestedRemediationItemsArgs): Promise<ConnectionShape<RemediationItem>> {
    return remediation.itemPage(ctx, 'business', b.id, args, args.filter);
  }
}

@Resolver(() => Site)
export class SiteItemsResolver {
  @FieldResolver(() => RemediationItemConnection, { description: 'Remediation items at this site, newest first (隐患).' })
  remediationItems(@Root() s: Site, @Ctx() ctx: Context, @Args() args: NestedRemediationItemsArgs): Promise<ConnectionShape<RemediationItem>> {
    return remediation.itemPage(ctx, 'site', s.id, args, args.filter);
  }
}

@Resolver(() => ProductModel)
export class ProductModelItemsResolver {
  @FieldResolver(() => RemediationItemConnection, { description: 'Remediation items at any business that made, sold, repaired or recycled this model, newest first (相关隐患).' })
  remediationItems(@Root() m: ProductModel, @Ctx() ctx: Context, @Args() args: NestedRemediationItemsArgs): Promise<ConnectionShape<RemediationItem>> {
    return remediation.itemPage(ctx, 'productModel', m.id, args, args.filter);
  }
}
