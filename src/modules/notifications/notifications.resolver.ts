import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ALL_ROLES, Roles } from '../../common/auth';
import { Connection, PageArgs } from '../../common/connection';
import type { Context } from '../../common/context';
import { InputArg, Mutation, MutationPayload } from '../../common/mutation';
import { Notification } from './notifications.entities';
import * as notifications from './notifications.service';

@ObjectType({ description: "A page of the caller's notifications, newest first (通知列表)." })
export class NotificationConnection extends Connection(Notification) {}

@ArgsType()
class NotificationsArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only those not yet marked read (仅未读).' }) unreadOnly: boolean;
}

@InputType({ description: 'Which notifications to mark read (标记已读): the given ids, or all of the caller’s.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'Notification ids, each the caller’s own (通知ID).' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Mark every unread notification of the caller read (全部已读).' }) @IsOptional() all?: boolean;
}

@ObjectType({ description: 'Result of markNotificationsRead (标记已读).' })
export class MarkNotificationsReadPayload extends MutationPayload {
  @Field(() => Int, { nullable: true, description: 'Notifications that changed from unread to read (本次标记数).' }) marked?: number | null;
  @Field(() => Int, { nullable: true, description: 'Unread notifications left (剩余未读).' }) unreadCount?: number | null;
}

@Resolver()
export class NotificationResolver {
  @Roles(...ALL_ROLES)
  @Query(() => NotificationConnection, { description: "The caller's inbox (我的通知): escalations, assignments and workflow steps of items in the caller's scope, newest first." })
  notifications(@Ctx() ctx: Context, @Args() args: NotificationsArgs) {
    return notifications.listNotifications(ctx, args);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Int, { description: "Unread notifications of the caller (未读通知数)." })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return notifications.unreadCount(ctx);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => MarkNotificationsReadPayload, { description: "Mark the caller's notifications read, by id or all (标记通知已读)." })
  async markNotificationsRead(@Ctx() ctx: Context, @InputArg() input: MarkNotificationsReadInput): Promise<MarkNotificationsReadPayload> {
    const r = await notifications.markRead(ctx, input);
    return { marked: r.marked, unreadCount: r.unread, userErrors: [] };
  }
}
