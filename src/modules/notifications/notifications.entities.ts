import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

const ts = { type: 'timestamptz', precision: 3 } as const;

export enum NotificationKind {
  ASSIGNED = 'ASSIGNED',
  TRANSITION = 'TRANSITION',
  ESCALATED = 'ESCALATED',
  SUPERVISION_LETTER = 'SUPERVISION_LETTER',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'Why a notification was sent (通知类型).',
  valuesConfig: {
    ASSIGNED: { description: "A new item was registered for the user's team and district (新隐患交办)." },
    TRANSITION: { description: "An item in the user's scope moved in the workflow (隐患状态变化)." },
    ESCALATED: { description: 'An item of the user’s team was escalated: overdue, near or past the listing deadline, review overdue (逾期督办).' },
    SUPERVISION_LETTER: { description: "A supervision letter (督办函) to the user's department or the task-force office." },
  },
});

/** One entry of a user's inbox (通知). */
@ObjectType({ description: "An entry of the caller's inbox (通知): an escalation, an assignment or a workflow step of an item in the caller's scope." })
@Entity('notification')
@Index('ix_notification_inbox', ['userId', 'createdAt', 'id'])
@Index('ix_notification_unread', { synchronize: false })
@Index('ix_notification_read', ['readAt'], { where: '"read_at" IS NOT NULL' })
export class Notification {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Field(() => NotificationKind, { description: 'Why it was sent (通知类型).' })
  @Column({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  @Field(() => ID, { nullable: true, description: 'The remediation item it is about (相关隐患ID).' })
  @Column({ name: 'item_id', type: 'uuid', nullable: true })
  itemId: string | null;

  @Field(() => String, { nullable: true, description: 'Code of that item, e.g. LS-511102-20260301-0001 (隐患编号).' })
  @Column({ name: 'item_code', type: 'varchar', length: 40, nullable: true })
  itemCode: string | null;

  @Field({ description: 'Short text in Chinese, e.g. 隐患 LS-… 逾期1天，已升级督办 (通知标题).' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field({ description: 'The same in English (英文标题).' })
  @Column({ name: 'title_en', type: 'varchar', length: 300 })
  titleEn: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Details: action, rule, level, days (详情).' })
  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @Field({ description: 'When it was sent (通知时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the user marked it read; null while unread (已读时间).' })
  @Column({ name: 'read_at', ...ts, nullable: true })
  readAt: Date | null;
}
