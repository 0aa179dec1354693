import { GraphQLError } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Arg, Field, ID, InputType, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { ALL_ROLES, RECORD_READERS, Roles } from '../../common/auth';
import type { Context } from '../../common/context';
import { unauthenticated } from '../../common/errors';
import { Inspection } from '../inspection/inspection.entities';
import { SupplyChainStage } from '../reference/reference.enums';
import { RemediationItem } from '../remediation/remediation.entities';
import { RemediationEventAction } from '../remediation/remediation.enums';
import { OutboxEventType, type OutboxEvent } from './live.entities';
import type { LiveEvent, LiveHub, NotificationRow } from './live.hub';

@InputType({ description: 'Which item changes to receive; every given condition must hold (隐患变更订阅条件).' })
export class RemediationItemChangedFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these items (隐患ID).' }) @IsOptional() @ArrayMaxSize(100) @IsUUID('all', { each: true }) ids?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Only items in these districts, GB/T 2260 (区县).' }) @IsOptional() @ArrayMaxSize(50) @MaxLength(6, { each: true }) districtCodes?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Only items of these task teams, by code (工作组).' }) @IsOptional() @ArrayMaxSize(20) @MaxLength(40, { each: true }) teamCodes?: string[] | null;
  @Field(() => [SupplyChainStage], { nullable: true, description: 'Only items in these stages (环节).' }) @IsOptional() @ArrayMaxSize(10) stages?: SupplyChainStage[] | null;
  @Field(() => [OutboxEventType], { nullable: true, description: 'Only these kinds of change (变更类型).' }) @IsOptional() @ArrayMaxSize(10) types?: OutboxEventType[] | null;
}

@InputType({ description: 'Which recorded inspections to receive (检查登记订阅条件).' })
export class InspectionRecordedFilter {
  @Field(() => [String], { nullable: true, description: 'Only inspections in these districts (区县).' }) @IsOptional() @ArrayMaxSize(50) @MaxLength(6, { each: true }) districtCodes?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Only inspections of these task teams, by code (工作组).' }) @IsOptional() @ArrayMaxSize(20) @MaxLength(40, { each: true }) teamCodes?: string[] | null;
  @Field(() => [SupplyChainStage], { nullable: true, description: 'Only inspections of these stages (环节).' }) @IsOptional() @ArrayMaxSize(10) stages?: SupplyChainStage[] | null;
}

@ObjectType({ description: 'A committed change of a remediation item, pushed live (隐患变更推送).' })
export class RemediationItemChange {
  @Field(() => ID, { description: 'Id of the change event; the same id webhooks carry (事件ID).' }) id: string;
  @Field(() => OutboxEventType, { description: 'Kind of change (变更类型).' }) type: OutboxEventType;
  @Field(() => RemediationEventAction, { nullable: true, description: 'Workflow action or history entry, e.g. SERVE_NOTICE, CREATED (操作).' }) action: RemediationEventAction | null;
  @Field({ description: 'When it happened (发生时间).' }) occurredAt: Date;
  @Field(() => RemediationItem, { nullable: true, description: 'The item as committed, read after the change (隐患).' }) item: RemediationItem | null;
}

@ObjectType({ description: 'A notification of the signed-in user’s inbox, pushed live (站内通知推送).' })
export class LiveNotification {
  @Field(() => ID, { description: 'Notification id (通知ID).' }) id: string;
  @Field(() => GraphQLJSONObject, { description: 'The notification as the inbox stores it, without the recipient (通知内容).' }) content: Record<string, unknown>;
}

function badFilter(field: string, zh: string, en: string): GraphQLError {
  return new GraphQLError(`${en} (${zh})`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** Team codes to ids; an unknown district or team is refused at subscribe time, not silently empty. */
async function resolveScope(ctx: Context, f: { districtCodes?: string[] | null; teamCodes?: string[] | null }, prefix: string): Promise<{ districts: Set<string> | null; teams: Set<string> | null }> {
  let districts: Set<string> | null = null;
  let teams: Set<string> | null = null;
  if (f.districtCodes?.length) {
    const found: { code: string }[] = await ctx.dataSource.query(`SELECT code FROM district WHERE code = ANY($1)`, [f.districtCodes]);
    const missing = f.districtCodes.filter((c) => !found.some((r) => r.code === c));
    if (missing.length) throw badFilter(`${prefix}.districtCodes`, `不存在的区县代码：${missing.join('、')}`, `No district with code ${missing.join(', ')}`);
    districts = new Set(f.districtCodes);
  }
  if (f.teamCodes?.length) {
    const found: { id: string; code: string }[] = await ctx.dataSource.query(`SELECT id, code FROM task_team WHERE code = ANY($1)`, [f.teamCodes]);
    const missing = f.teamCodes.filter((c) => !found.some((r) => r.code === c));
    if (missing.length) throw badFilter(`${prefix}.teamCodes`, `不存在的专项工作组代码：${missing.join('、')}`, `No task team with code ${missing.join(', ')}`);
    teams = new Set(found.map((r) => r.id));
  }
  return { districts, teams };
}

function hubOf(ctx: Context): LiveHub {
  if (!ctx.live) throw new GraphQLError('Live updates are not available here (实时推送不可用)', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  return ctx.live;
}

@Resolver()
export class LiveResolver {
  @Roles(...RECORD_READERS)
  @Subscription(() => RemediationItemChange, {
    description: 'Committed changes of remediation items matching the filter, as they happen (隐患变更实时推送). Over graphql-ws on /graphql; the token goes in the connection payload.',
    subscribe: async ({ args, context }: { args: { filter?: RemediationItemChangedFilter | null }; context: Context }) => {
      const f = args.filter ?? {};
      const { districts, teams } = await resolveScope(context, f, 'filter');
      const ids = f.ids?.length ? new Set(f.ids) : null;
      const stages = f.stages?.length ? new Set<string>(f.stages) : null;
      const types = f.types?.length ? new Set<string>(f.types) : null;
      const itemTypes = new Set<string>([OutboxEventType.ITEM_CREATED, OutboxEventType.ITEM_TRANSITIONED, OutboxEventType.ITEM_ASSIGNED, OutboxEventType.ITEM_ESCALATED, OutboxEventType.ITEM_UPDATED]);
      return hubOf(context).subscribeEvents(
        (e: OutboxEvent) =>
          e.entityType === 'RemediationItem' &&
          itemTypes.has(e.type) &&
          (!ids || ids.has(e.entityId)) &&
          (!districts || districts.has(e.districtCode)) &&
          (!teams || (e.teamId !== null && teams.has(e.teamId))) &&
          (!stages || (e.stage !== null && stages.has(e.stage))) &&
          (!types || types.has(e.type)),
      );
    },
  })
  remediationItemChanged(
    @Root() live: LiveEvent,
    @Arg('filter', () => RemediationItemChangedFilter, { nullable: true, description: 'Which changes; omitted: all items (订阅条件).' }) _filter?: RemediationItemChangedFilter | null,
  ): RemediationItemChange {
    return { id: live.event.id, type: live.event.type, action: (live.event.data.action as RemediationEventAction | undefined) ?? null, occurredAt: live.event.occurredAt, item: live.item };
  }

  @Roles(...RECORD_READERS)
  @Subscription(() => Inspection, {
    description: 'Inspections as they are recorded, matching the filter (检查登记实时推送).',
    subscribe: async ({ args, context }: { args: { filter?: InspectionRecordedFilter | null }; context: Context }) => {
      const f = args.filter ?? {};
      const { districts, teams } = await resolveScope(context, f, 'filter');
      const stages = f.stages?.length ? new Set<string>(f.stages) : null;
      return hubOf(context).subscribeEvents(
        (e: OutboxEvent) =>
          e.type === OutboxEventType.INSPECTION_RECORDED &&
          (!districts || districts.has(e.districtCode)) &&
          (!teams || (e.teamId !== null && teams.has(e.teamId))) &&
          (!stages || (e.stage !== null && stages.has(e.stage))),
      );
    },
  })
  inspectionRecorded(
    @Root() live: LiveEvent,
    @Arg('filter', () => InspectionRecordedFilter, { nullable: true, description: 'Which inspections; omitted: all (订阅条件).' }) _filter?: InspectionRecordedFilter | null,
  ): Inspection {
    return live.inspection!;
  }

  @Roles(...ALL_ROLES)
  @Subscription(() => LiveNotification, {
    description: 'Notifications of the signed-in user’s inbox as they arrive (站内通知实时推送).',
    subscribe: ({ context }: { context: Context }) => {
      const p = context.principal;
      if (!p) throw unauthenticated();
      return hubOf(context).subscribeNotifications(p.id);
    },
  })
  notificationReceived(@Root() row: NotificationRow): LiveNotification {
    const { userId: _u, user_id: _uid, ...content } = row;
    return { id: row.id, content };
  }
}
