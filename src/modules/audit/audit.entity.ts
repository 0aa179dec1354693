import { Node } from '../../common/node';
import { ActorType, AuditEntityType } from '../../common/codes';
import { Role } from '../../common/auth';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditOutcome {
  SUCCESS = 'SUCCESS',
  REFUSED = 'REFUSED',
}

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'Whether the operation took effect (操作结果).',
  valuesConfig: {
    SUCCESS: { description: 'Committed (成功).' },
    REFUSED: { description: 'Refused for lack of authentication or permission; nothing changed (被拒绝).' },
  },
});

/** Append-only: a database trigger refuses UPDATE and DELETE on this table. */
@ObjectType({ implements: Node, description: 'One entry of the audit trail (审计日志), written in the same transaction as the change.' })
@Entity('audit_event')
@Index('ix_audit_event_time', ['occurredAt', 'id'])
@Index('ix_audit_event_entity', ['entityType', 'entityId'])
export class AuditEvent {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'When it happened (时间).' })
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  occurredAt: Date;

  @Field(() => ActorType, { description: 'user, apiKey, system or anonymous (操作者类型).' })
  @Column({ name: 'actor_type', type: 'varchar', length: 20 })
  actorType: string;

  @Field(() => ID, { nullable: true, description: 'User or API key id (操作者ID).' })
  @Index('ix_audit_event_actor')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'Username or key name at the time (操作者).' })
  @Column({ name: 'actor_name', type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  @Field(() => Role, { nullable: true, description: 'Role at the time (角色).' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  role: string | null;

  @Field(() => ID, { nullable: true, description: 'Department of the actor (所属部门).' })
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Field({ description: 'GraphQL operation field, e.g. updateTaskTeam (操作).' })
  @Index('ix_audit_event_operation')
  @Column({ type: 'varchar', length: 100 })
  operation: string;

  @Field(() => AuditEntityType, { nullable: true, description: 'Entity type, e.g. Business (对象类型).' })
  @Column({ name: 'entity_type', type: 'varchar', length: 60, nullable: true })
  entityType: string | null;

  @Field(() => ID, { nullable: true, description: 'Entity id: a record id, or the natural key of a calendar day or year (对象ID).' })
  @Column({ name: 'entity_id', type: 'varchar', length: 100, nullable: true })
  entityId: string | null;

  @Field(() => AuditOutcome, { description: 'Committed or refused (结果).' })
  @Column({ type: 'enum', enum: AuditOutcome, enumName: 'audit_outcome' })
  outcome: AuditOutcome;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Changed fields: { field: { before, after } }; for an export, what was downloaded: { export, filter, parameters, rows, personalDataMasked, completed } (变更内容).' })
  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, { before: unknown; after: unknown }> | null;

  @Field(() => String, { nullable: true, description: 'Why it was refused (拒绝原因).' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'Request id, also in the service logs (请求ID).' })
  @Index('ix_audit_event_request')
  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'Client address (客户端地址).' })
  @Column({ name: 'client_ip', type: 'varchar', length: 64, nullable: true })
  clientIp: string | null;
}
