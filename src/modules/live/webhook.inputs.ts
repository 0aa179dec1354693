import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { OutboxEventType, WebhookDeliveryStatus } from './live.entities';

export const WEBHOOK_URL_MAX = 2048;
export const WEBHOOK_SECRET_MIN = 16;
export const WEBHOOK_SECRET_MAX = 200;

@InputType({ description: 'Register a partner system to receive events by HTTP POST (登记Webhook订阅方).' })
export class RegisterWebhookSubscriberInput {
  @Field({ description: 'What the receiving system is, 1–100 characters (订阅方名称).' }) @MaxLength(100) name: string;
  @Field({ description: `http:// or https:// address, at most ${WEBHOOK_URL_MAX} characters, not this service itself (接收地址).` }) url: string;
  @Field(() => [OutboxEventType], { description: 'Kinds of event to send, at least one (事件类型).' })
  @IsEnum(OutboxEventType, { each: true })
  @ArrayMaxSize(20)
  eventTypes: OutboxEventType[];
  @Field(() => [String], { nullable: true, description: 'Only events in these districts (GB/T 2260); omitted or empty: all (区县范围).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(6, { each: true })
  districtCodes?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Only events of these task teams (codes); omitted or empty: all (工作组范围).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(40, { each: true })
  teamCodes?: string[] | null;
  @Field({ description: `Shared secret of the HMAC-SHA256 signature, ${WEBHOOK_SECRET_MIN}–${WEBHOOK_SECRET_MAX} characters; never shown again (签名密钥).` }) secret: string;
}

@InputType({ description: 'Change a webhook subscriber; omitted fields keep their value (修改Webhook订阅方).' })
export class UpdateWebhookSubscriberInput {
  @Field(() => ID, { description: 'The subscriber (订阅方ID).' }) @IsUUID() id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true, description: 'New name (名称).' }) @IsOptional() @MaxLength(100) name?: string | null;
  @Field(() => String, { nullable: true, description: 'New address, same rules as on registration (接收地址).' }) @IsOptional() url?: string | null;
  @Field(() => [OutboxEventType], { nullable: true, description: 'New kinds of event (事件类型).' })
  @IsOptional()
  @IsEnum(OutboxEventType, { each: true })
  @ArrayMaxSize(20)
  eventTypes?: OutboxEventType[] | null;
  @Field(() => [String], { nullable: true, description: 'New district scope; empty: all (区县范围).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(6, { each: true })
  districtCodes?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'New team scope (codes); empty: all (工作组范围).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(40, { each: true })
  teamCodes?: string[] | null;
  @Field(() => String, { nullable: true, description: 'New signing secret (签名密钥).' }) @IsOptional() secret?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Pause (false) or resume (true) sending (启用).' }) @IsOptional() @IsBoolean() active?: boolean | null;
}

@InputType({ description: 'Send a dead (or delivered) event to its subscriber again (重新推送).' })
export class ResendWebhookDeliveryInput {
  @Field(() => ID, { description: 'The delivery (推送记录ID).' }) @IsUUID() id: string;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this subscriber’s deliveries (订阅方).' }) @IsOptional() @IsUUID() subscriberId?: string | null;
  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this state, e.g. DEAD (状态).' }) @IsOptional() status?: WebhookDeliveryStatus | null;
}
