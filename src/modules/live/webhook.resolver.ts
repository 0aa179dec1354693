import { Args, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role, Roles } from '../../common/auth';
import { Connection, PageArgs, type ConnectionShape } from '../../common/connection';
import type { Context } from '../../common/context';
import { InputArg, Mutation, MutationPayload } from '../../common/mutation';
import { OutboxEvent, WebhookDelivery, WebhookSubscriber } from './live.entities';
import { RegisterWebhookSubscriberInput, ResendWebhookDeliveryInput, UpdateWebhookSubscriberInput, WebhookDeliveriesArgs } from './webhook.inputs';
import * as webhooks from './webhook.service';

@ObjectType({ description: 'A page of webhook subscribers (Webhook订阅方).' })
export class WebhookSubscriberConnection extends Connection(WebhookSubscriber) {}

@ObjectType({ description: 'A page of webhook deliveries (推送记录).' })
export class WebhookDeliveryConnection extends Connection(WebhookDelivery) {}

@ObjectType({ description: 'Result of registerWebhookSubscriber (登记Webhook订阅方).' })
export class RegisterWebhookSubscriberPayload extends MutationPayload {
  @Field(() => WebhookSubscriber, { nullable: true, description: 'The new subscriber; null when userErrors is not empty.' }) webhookSubscriber?: WebhookSubscriber | null;
}

@ObjectType({ description: 'Result of updateWebhookSubscriber (修改Webhook订阅方).' })
export class UpdateWebhookSubscriberPayload extends MutationPayload {
  @Field(() => WebhookSubscriber, { nullable: true, description: 'The subscriber after the change; null when userErrors is not empty.' }) webhookSubscriber?: WebhookSubscriber | null;
}

@ObjectType({ description: 'Result of resendWebhookDelivery (重新推送).' })
export class ResendWebhookDeliveryPayload extends MutationPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The delivery, pending again; null when userErrors is not empty.' }) webhookDelivery?: WebhookDelivery | null;
}

@Resolver()
export class WebhookResolver {
  @Roles(Role.ADMIN)
  @Query(() => WebhookSubscriberConnection, { description: 'Registered webhook subscribers, newest first (Webhook订阅方列表).' })
  webhookSubscribers(@Ctx() ctx: Context, @Args() args: PageArgs): Promise<ConnectionShape<WebhookSubscriber>> {
    return webhooks.listSubscribers(ctx, args);
  }

  @Roles(Role.ADMIN)
  @Query(() => WebhookDeliveryConnection, { description: 'Webhook deliveries, newest first; filter by status DEAD for the dead letters (推送记录/死信).' })
  webhookDeliveries(@Ctx() ctx: Context, @Args() args: WebhookDeliveriesArgs): Promise<ConnectionShape<WebhookDelivery>> {
    return webhooks.listDeliveries(ctx, args);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => RegisterWebhookSubscriberPayload, { description: 'Register a partner system to receive events by signed HTTP POST (登记Webhook订阅方).' })
  async registerWebhookSubscriber(@Ctx() ctx: Context, @InputArg() input: RegisterWebhookSubscriberInput): Promise<RegisterWebhookSubscriberPayload> {
    return { webhookSubscriber: await webhooks.registerWebhookSubscriber(ctx, input), userErrors: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UpdateWebhookSubscriberPayload, { description: 'Change, pause or resume a webhook subscriber (修改Webhook订阅方).' })
  async updateWebhookSubscriber(@Ctx() ctx: Context, @InputArg() input: UpdateWebhookSubscriberInput): Promise<UpdateWebhookSubscriberPayload> {
    return { webhookSubscriber: await webhooks.updateWebhookSubscriber(ctx, input), userErrors: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ResendWebhookDeliveryPayload, { description: 'Send a dead-lettered (or delivered) event again, from attempt 1 (重新推送).' })
  async resendWebhookDelivery(@Ctx() ctx: Context, @InputArg() input: ResendWebhookDeliveryInput): Promise<ResendWebhookDeliveryPayload> {
    return { webhookDelivery: await webhooks.resendWebhookDelivery(ctx, input), userErrors: [] };
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => OutboxEvent, { description: 'The event sent (事件).' })
  event(@Ctx() ctx: Context, @Root() d: WebhookDelivery): Promise<OutboxEvent | null> {
    return ctx.loaders.one(OutboxEvent, 'id').load(d.eventId);
  }

  @FieldResolver(() => WebhookSubscriber, { description: 'The subscriber (订阅方).' })
  subscriber(@Ctx() ctx: Context, @Root() d: WebhookDelivery): Promise<WebhookSubscriber | null> {
    return ctx.loaders.one(WebhookSubscriber, 'id').load(d.subscriberId);
  }
}
