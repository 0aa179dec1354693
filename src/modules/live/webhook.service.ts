import net from 'node:net';
import type { ConnectionShape } from '../../common/connection';
import { paginate } from '../../common/connection';
import type { Context } from '../../common/context';
import { ErrorCollector, UserErrorCode, fail } from '../../common/errors';
import { lockForUpdate } from '../../common/versioning';
import type { Config } from '../../config';
import { recordAudit } from '../audit/audit.service';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookSubscriber } from './live.entities';
import { WEBHOOK_SECRET_MAX, WEBHOOK_SECRET_MIN, WEBHOOK_URL_MAX, type RegisterWebhookSubscriberInput, type ResendWebhookDeliveryInput, type UpdateWebhookSubscriberInput, type WebhookDeliveriesArgs } from './webhook.inputs';

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback']);

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOOPBACK_NAMES.has(h) || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.') || h === '0.0.0.0';
  if (net.isIPv6(h)) return h === '::1' || h === '::' || /^::ffff:127\./.test(h) || /^::ffff:7f/.test(h);
  return false;
}

const defaultPort = (u: URL) => Number(u.port || (u.protocol === 'https:' ? 443 : 80));

/**
 * Why a subscriber address is refused, or null. Only http(s); no user:password; not this service:
 * the configured PUBLIC_URL's host and port, the listening host and port, and loopback addresses on
 * the service's own port (a webhook to itself would loop or reach internal endpoints).
 */
export function webhookUrlProblem(raw: string, config: Pick<Config, 'publicUrl' | 'host' | 'port'>): { zh: string; en: string } | null {
  if (raw.length > WEBHOOK_URL_MAX) return { zh: `接收地址不能超过 ${WEBHOOK_URL_MAX} 个字符`, en: `The address is longer than ${WEBHOOK_URL_MAX} characters` };
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { zh: '接收地址不是有效的网址', en: 'The address is not a valid URL' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { zh: `接收地址须以 http:// 或 https:// 开头，而非 ${u.protocol}`, en: `The address must be http:// or https://, not ${u.protocol}` };
  if (!u.hostname) return { zh: '接收地址缺少主机名', en: 'The address has no host' };
  if (u.username || u.password) return { zh: '接收地址不得包含用户名或密码；请使用签名密钥', en: 'The address must not contain a user name or password; the signature authenticates' };
  const port = defaultPort(u);
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const self = { zh: '接收地址指向本服务自身，不允许', en: 'The address points at this service itself' };
  if (config.publicUrl) {
    const p = new URL(config.publicUrl);
    if (p.hostname.toLowerCase() === host && defaultPort(p) === port) return self;
  }
  if (port === config.port && (isLoopback(host) || host === config.host.toLowerCase())) return self;
  return null;
}

function checkSecret(errors: ErrorCollector, secret: string, field: string): void {
  if (secret.length < WEBHOOK_SECRET_MIN || secret.length > WEBHOOK_SECRET_MAX) {
    errors.add(UserErrorCode.VALIDATION, field, `签名密钥须为 ${WEBHOOK_SECRET_MIN}–${WEBHOOK_SECRET_MAX} 个字符`, `The secret must be ${WEBHOOK_SECRET_MIN}–${WEBHOOK_SECRET_MAX} characters`);
  }
}

async function checkScope(ctx: Context, errors: ErrorCollector, districtCodes: string[], teamCodes: string[]): Promise<void> {
  if (districtCodes.length) {
    const found: { code: string }[] = await ctx.em.query(`SELECT code FROM district WHERE code = ANY($1)`, [districtCodes]);
    const missing = districtCodes.filter((c) => !found.some((f) => f.code === c));
    if (missing.length) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.districtCodes', `不存在的区县代码：${missing.join('、')}`, `No district with code ${missing.join(', ')}`);
  }
  if (teamCodes.length) {
    const found: { code: string }[] = await ctx.em.query(`SELECT code FROM task_team WHERE code = ANY($1)`, [teamCodes]);
    const missing = teamCodes.filter((c) => !found.some((f) => f.code === c));
    if (missing.length) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.teamCodes', `不存在的专项工作组代码：${missing.join('、')}`, `No task team with code ${missing.join(', ')}`);
  }
}

function checkCommon(ctx: Context, errors: ErrorCollector, v: { name?: string | null; url?: string | null; eventTypes?: unknown[] | null; secret?: string | null }, creating: boolean): void {
  if (creating ? !v.name?.trim() : v.name !== undefined && v.name !== null && !v.name.trim()) errors.add(UserErrorCode.REQUIRED, 'input.name', '请填写订阅方名称', 'Give the subscriber a name');
  if (v.url !== undefined && v.url !== null) {
    const problem = webhookUrlProblem(v.url, ctx.config);
    if (problem) errors.add(UserErrorCode.VALIDATION, 'input.url', problem.zh, problem.en);
  }
  if (v.eventTypes !== undefined && v.eventTypes !== null && v.eventTypes.length === 0) errors.add(UserErrorCode.REQUIRED, 'input.eventTypes', '请至少选择一种事件类型', 'Choose at least one event type');
  if (v.secret !== undefined && v.secret !== null) checkSecret(errors, v.secret, 'input.secret');
}

/** What the audit trail keeps of a subscriber: never the secret. */
const auditView = (s: WebhookSubscriber) => ({ name: s.name, url: s.url, eventTypes: s.eventTypes, districtCodes: s.districtCodes, teamCodes: s.teamCodes, active: s.active });

const uniq = (xs: string[] | null | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];

export async function registerWebhookSubscriber(ctx: Context, input: RegisterWebhookSubscriberInput): Promise<WebhookSubscriber> {
  const errors = new ErrorCollector();
  checkCommon(ctx, errors, input, true);
  const districtCodes = uniq(input.districtCodes);
  const teamCodes = uniq(input.teamCodes);
  await checkScope(ctx, errors, districtCodes, teamCodes);
  errors.throwIfAny();
  const s = ctx.em.create(WebhookSubscriber, { name: input.name.trim(), url: input.url.trim(), eventTypes: [...new Set(input.eventTypes)], districtCodes, teamCodes, secret: input.secret, active: true });
  await ctx.em.save(s);
  await recordAudit(ctx, { operation: 'registerWebhookSubscriber', entityType: 'WebhookSubscriber', entityId: s.id, before: null, after: auditView(s) });
  return s;
}

export async function updateWebhookSubscriber(ctx: Context, input: UpdateWebhookSubscriberInput): Promise<WebhookSubscriber> {
  const s = await lockForUpdate(ctx, WebhookSubscriber, input.id, input.expectedVersion, 'webhook subscriber');
  const before = auditView(s);
  const errors = new ErrorCollector();
  checkCommon(ctx, errors, input, false);
  const districtCodes = input.districtCodes === undefined || input.districtCodes === null ? s.districtCodes : uniq(input.districtCodes);
  const teamCodes = input.teamCodes === undefined || input.teamCodes === null ? s.teamCodes : uniq(input.teamCodes);
  await checkScope(ctx, errors, input.districtCodes ? districtCodes : [], input.teamCodes ? teamCodes : []);
  errors.throwIfAny();
  if (input.name) s.name = input.name.trim();
  if (input.url) s.url = input.url.trim();
  if (input.eventTypes) s.eventTypes = [...new Set(input.eventTypes)];
  s.districtCodes = districtCodes;
  s.teamCodes = teamCodes;
  if (input.secret) s.secret = input.secret;
  if (input.active !== undefined && input.active !== null) s.active = input.active;
  const after = auditView(s);
  if (JSON.stringify(before) === JSON.stringify(after) && !input.secret) fail(UserErrorCode.VALIDATION, 'input', '没有要修改的内容', 'Nothing to change: every given field already has that value');
  await ctx.em.save(s);
  await recordAudit(ctx, { operation: 'updateWebhookSubscriber', entityType: 'WebhookSubscriber', entityId: s.id, before, after: { ...after, ...(input.secret ? { secretChanged: true } : {}) } });
  return s;
}

export async function resendWebhookDelivery(ctx: Context, input: ResendWebhookDeliveryInput): Promise<WebhookDelivery> {
  const d = await ctx.em.findOne(WebhookDelivery, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
  if (!d) fail(UserErrorCode.NOT_FOUND, 'input.id', '不存在该推送记录', 'No webhook delivery with this id');
  if (d.status === WebhookDeliveryStatus.PENDING) fail(UserErrorCode.VALIDATION, 'input.id', '该推送仍在等待发送或重试中，无需重新推送', 'This delivery is still pending (waiting for its next attempt); nothing to resend');
  const before = { status: d.status, attempts: d.attempts };
  // Due at once; the worker picks it up on its next round (the change notification wakes it).
  await ctx.em.query(`UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now(), delivered_at = NULL WHERE id = $1`, [d.id]);
  await ctx.em.query(`SELECT pg_notify('ebike_webhook', $1)`, [d.id]);
  await recordAudit(ctx, { operation: 'resendWebhookDelivery', entityType: 'WebhookDelivery', entityId: d.id, before, after: { status: 'PENDING', attempts: 0 } });
  return ctx.em.findOneByOrFail(WebhookDelivery, { id: d.id });
}

export function listSubscribers(ctx: Context, args: { first?: number | null; after?: string | null }): Promise<ConnectionShape<WebhookSubscriber>> {
  const qb = ctx.em.getRepository(WebhookSubscriber).createQueryBuilder('w');
  return paginate(qb, args, { expression: 'w.created_at', direction: 'DESC', cast: 'timestamptz', value: (w) => w.createdAt });
}

export function listDeliveries(ctx: Context, args: WebhookDeliveriesArgs): Promise<ConnectionShape<WebhookDelivery>> {
  const qb = ctx.em.getRepository(WebhookDelivery).createQueryBuilder('d');
  if (args.subscriberId) qb.andWhere('d.subscriber_id = :sid', { sid: args.subscriberId });
  if (args.status) qb.andWhere('d.status = :st', { st: args.status });
  return paginate(qb, args, { expression: 'd.created_at', direction: 'DESC', cast: 'timestamptz', value: (d) => d.createdAt });
}
