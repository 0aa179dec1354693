import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AuditEntityType } from '../../common/codes';
import { SupplyChainStage } from '../reference/reference.enums';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** What happened, as partner systems and live subscribers see it (事件类型). */
export enum OutboxEventType {
  ITEM_CREATED = 'ITEM_CREATED',
  ITEM_TRANSITIONED = 'ITEM_TRANSITIONED',
  ITEM_ASSIGNED = 'ITEM_ASSIGNED',
  ITEM_ESCALATED = 'ITEM_ESCALATED',
  ITEM_UPDATED = 'ITEM_UPDATED',
  INSPECTION_RECORDED = 'INSPECTION_RECORDED',
}

registerEnumType(OutboxEventType, {
  name: 'OutboxEventType',
  description: 'Kind of a domain event sent to webhooks and live subscribers (领域事件类型).',
  valuesConfig: {
    ITEM_CREATED: { description: 'A remediation item was registered (隐患登记).' },
    ITEM_TRANSITIONED: { description: 'A workflow action was applied to an item (隐患流转).' },
    ITEM_ASSIGNED: { description: 'An item was given to a (new) team or department (隐患交办).' },
    ITEM_ESCALATED: { description: 'An item was escalated for being overdue (督办).' },
    ITEM_UPDATED: { description: 'An item was corrected, extended, listed, or gained a case or evidence (隐患信息变更).' },
    INSPECTION_RECORDED: { description: 'An inspection was recorded (检查登记).' },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'State of one event sent to one webhook subscriber (推送状态).',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first or next attempt (待推送/重试中).' },
    DELIVERED: { description: 'The receiver answered 2xx (已送达).' },
    DEAD: { description: 'Every attempt failed; kept for inspection and resend (死信).' },
  },
});

/**
 * A domain event written in the same transaction as the change it describes (事务性发件箱). Its id
 * is the idempotency id every webhook payload and live message carries. A trigger (migration
 * LiveOutbox) queues a delivery per matching webhook subscriber and notifies `ebike_outbox`.
 */
@ObjectType({ description: 'A domain event of the outbox (领域事件): what changed, where, and when.' })
@Entity('outbox_event')
@Index('ix_outbox_event_unpublished', ['seq'], { where: '"published_at" IS NULL' })
@Index('ix_outbox_event_occurred', ['occurredAt'])
export class OutboxEvent {
  @Field(() => ID, { description: 'Idempotency id: the same in every delivery of this event (幂等ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Write order (identity). */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', select: true })
  seq: string;

  @Field(() => OutboxEventType, { description: 'Kind of event (事件类型).' })
  @Column({ type: 'varchar', length: 40 })
  type: OutboxEventType;

  @Field(() => AuditEntityType, { description: 'Type of the record it is about: RemediationItem or Inspection (对象类型).' })
  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: AuditEntityType.RemediationItem | AuditEntityType.Inspection;

  @Field(() => ID, { description: 'Id of that record (对象ID).' })
  @Index('ix_outbox_event_entity')
  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Field({ description: 'District of the record, GB/T 2260 (区县).' })
  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Field(() => ID, { nullable: true, description: 'Task team of the record (专项工作组).' })
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Field(() => SupplyChainStage, { nullable: true, description: 'Supply-chain stage of the record (环节).' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  stage: SupplyChainStage | null;

  @Field({ description: 'When the change happened (发生时间).' })
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @Field(() => GraphQLJSONObject, { description: 'Facts of the event without personal data: code, action, statuses (事件内容).' })
  @Column({ type: 'jsonb' })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON, as TypeORM's insert types need it
  data: Record<string, any>;

  /** Set by the Redis relay once published (null: not yet, or PostgreSQL transport). */
  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;
}

/** A partner system that receives events over HTTPS (webhook 订阅方), registered by an administrator. */
@ObjectType({ description: 'A partner system receiving events by HTTP POST (Webhook订阅方); the secret is never shown.' })
@Entity('webhook_subscriber')
export class WebhookSubscriber {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'What the receiving system is (订阅方名称).' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field({ description: 'Where events are POSTed: http(s), not this service (接收地址).' })
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Field(() => [OutboxEventType], { description: 'Kinds of event sent (订阅的事件类型).' })
  @Column({ name: 'event_types', type: 'varchar', length: 40, array: true })
  eventTypes: OutboxEventType[];

  @Field(() => [String], { description: 'Districts whose events are sent; empty: all (区县范围).' })
  @Column({ name: 'district_codes', type: 'varchar', length: 6, array: true, default: '{}' })
  districtCodes: string[];

  @Field(() => [String], { description: 'Task teams (codes) whose events are sent; empty: all (工作组范围).' })
  @Column({ name: 'team_codes', type: 'varchar', length: 40, array: true, default: '{}' })
  teamCodes: string[];

  /** HMAC-SHA256 key; never returned. */
  @Column({ type: 'varchar', length: 200 })
  secret: string;

  @Field({ description: 'Events are queued for it only while active (启用).' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => Int, { description: 'Optimistic-lock version (版本).' })
  @VersionColumn({ default: 1 })
  version: number;

  @Field({ description: 'Registered at (登记时间).' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field({ description: 'Last changed at (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** One event for one subscriber: attempts, backoff, dead letter. */
@ObjectType({ description: 'One event sent to one webhook subscriber, with its attempts (推送记录).' })
@Entity('webhook_delivery')
@Index('uq_webhook_delivery_event', ['subscriberId', 'eventId'], { unique: true })
@Index('ix_webhook_delivery_due', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
@Index('ix_webhook_delivery_list', ['createdAt', 'id'])
@Index('ix_webhook_delivery_event_id', ['eventId'])
export class WebhookDelivery {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The subscriber (订阅方).' })
  @Column({ name: 'subscriber_id', type: 'uuid' })
  subscriberId: string;

  @Field(() => ID, { description: 'The event; also the idempotency id of the payload (事件ID).' })
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Pending, delivered or dead (状态).' })
  @Column({ type: 'enum', enum: WebhookDeliveryStatus, enumName: 'webhook_delivery_status', default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made since queued or resent (尝试次数).' })
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field({ description: 'When the next attempt is due (or the current one’s lease ends) (下次尝试时间).' })
  @Column({ name: 'next_attempt_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  nextAttemptAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the last attempt started (上次尝试时间).' })
  @Column({ name: 'last_attempt_at', type: 'timestamptz', precision: 3, nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last answer, if any (上次响应状态码).' })
  @Column({ name: 'last_status', type: 'int', nullable: true })
  lastStatus: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed: timeout, refused, HTTP 500 … (上次失败原因).' })
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the receiver accepted it (送达时间).' })
  @Column({ name: 'delivered_at', type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Field({ description: 'Queued at (入队时间).' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
