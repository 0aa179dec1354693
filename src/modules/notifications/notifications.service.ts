import type { EntityManager } from 'typeorm';
import { paginate, type ConnectionShape } from '../../common/connection';
import type { Context } from '../../common/context';
import { UserErrorCode, fail, unauthenticated } from '../../common/errors';
import type { RawStatementPart } from '../../common/versioning';
import { Notification, NotificationKind } from './notifications.entities';

/** The PostgreSQL channel every new notification is announced on, payload {"id", "userId"} (h18-live listens). */
export const NOTIFICATION_CHANNEL = 'ebike_notification';

/** The NOTIFY of one inserted row of `rel` (columns id, user_id). */
const announce = (rel: string) => `pg_notify('${NOTIFICATION_CHANNEL}', json_build_object('id', ${rel}.id, 'userId', ${rel}.user_id)::text)`;

/** A notification to write. */
export interface NotificationRow {
  userId: string;
  kind: NotificationKind;
  itemId: string | null;
  itemCode: string | null;
  title: string;
  titleEn: string;
  data: Record<string, unknown> | null;
}

/** Rows per INSERT statement (7 values each, well under PostgreSQL's 65,535 parameters). */
const CHUNK = 5000;

/**
 * THE way notifications are created: inserts the rows through `em` (the caller's transaction) and,
 * in the same statement, announces each on NOTIFICATION_CHANNEL with `{"id": <uuid>, "userId": <uuid>}`.
 * PostgreSQL delivers NOTIFY only when the transaction commits, so a rolled-back change announces
 * nothing. Returns the new ids.
 */
export async function createNotifications(em: EntityManager, rows: readonly NotificationRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => ({
      user_id: r.userId,
      kind: r.kind,
      item_id: r.itemId,
      item_code: r.itemCode,
      title: r.title,
      title_en: r.titleEn,
      data: r.data,
    }));
    const out: { id: string }[] = await em.query(
      `WITH ins AS (
         INSERT INTO notification (user_id, kind, item_id, item_code, title, title_en, data)
         SELECT r.user_id, r.kind, r.item_id, r.item_code, r.title, r.title_en, r.data
           FROM jsonb_to_recordset($1::jsonb) AS r(user_id uuid, kind varchar, item_id uuid, item_code varchar, title varchar, title_en varchar, data jsonb)
         RETURNING id, user_id)
       SELECT id, ${announce('ins')} IS NULL AS sent FROM ins`,
      [JSON.stringify(chunk)],
    );
    ids.push(...out.map((r) => r.id));
  }
  return ids;
}

/**
 * Officers whose write scope holds the item (src/common/scope.ts: one of their teams covers the
 * item's stage, and the item's district is theirs), as an SQL condition on `u` (app_user). The item's
 * stage and district are the given placeholders. Coordinators see everything and are told of
 * escalations and letters only, not of every step.
 */
export function officersInScopeSql(stage: string, district: string): string {
  return `u.active AND u.role = 'AGENCY_OFFICER' AND ${district} = ANY(u.district_codes)
    AND EXISTS (SELECT 1 FROM task_team_stage s WHERE s.team_id = ANY(u.team_ids) AND s.stage::text = ${stage})`;
}

/** Recipients of an item's news: the officers in its scope, except whoever caused it. */
export async function recipientsOf(em: EntityManager, item: { stage: string; districtCode: string }, except: string | null): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT u.id FROM app_user u WHERE ${officersInScopeSql('$1', '$2')} AND u.id IS DISTINCT FROM $3::uuid ORDER BY u.id`,
    [item.stage, item.districtCode, except],
  );
  return rows.map((r) => r.id);
}

/**
 * The same as notifyItemNews for a workflow step, as pieces of the transition's one statement
 * (saveLocked): a CTE inserting the notifications of the officers in the item's scope and the
 * expression that announces each on NOTIFICATION_CHANNEL, exactly as createNotifications does.
 */
export function itemNewsStatement(
  ctx: Context,
  item: { id: string; code: string; stage: string; districtCode: string; status: string },
  action: string,
): RawStatementPart {
  const actor = ctx.principal && ctx.principal.kind === 'user' ? ctx.principal.id : null;
  return {
    raw: (param) => ({
      ctes: [
        `news AS (INSERT INTO "notification" (user_id, kind, item_id, item_code, title, title_en, data)
          SELECT u.id, ${param(NotificationKind.TRANSITION)}, ${param(item.id)}::uuid, ${param(item.code)}, ${param(`隐患 ${item.code} 状态变化：${action} → ${item.status}`)},
                 ${param(`Item ${item.code}: ${action}, now ${item.status}`)}, ${param(JSON.stringify({ action, status: item.status }))}::jsonb
            FROM app_user u WHERE ${officersInScopeSql(`${param(item.stage)}::text`, `${param(item.districtCode)}::varchar`)} AND u.id IS DISTINCT FROM ${param(actor)}::uuid
          RETURNING id, user_id)`,
      ],
      select: `(SELECT count(${announce('news')}) FROM news) AS notified`,
    }),
  };
}

/** Tells the officers in an item's scope about a new item or a workflow step (not the actor). */
export async function notifyItemNews(
  ctx: Context,
  item: { id: string; code: string; stage: string; districtCode: string; status: string },
  kind: NotificationKind.ASSIGNED | NotificationKind.TRANSITION,
  action: string,
): Promise<void> {
  const actor = ctx.principal && ctx.principal.kind === 'user' ? ctx.principal.id : null;
  const users = await recipientsOf(ctx.em, item, actor);
  if (!users.length) return;
  const [title, titleEn] =
    kind === NotificationKind.ASSIGNED
      ? [`新隐患 ${item.code} 已登记，请跟进整改`, `New item ${item.code} registered for your team`]
      : [`隐患 ${item.code} 状态变化：${action} → ${item.status}`, `Item ${item.code}: ${action}, now ${item.status}`];
  await createNotifications(
    ctx.em,
    users.map((userId) => ({ userId, kind, itemId: item.id, itemCode: item.code, title, titleEn, data: { action, status: item.status } })),
  );
}

// ---- the inbox ----

function me(ctx: Context): string {
  const p = ctx.principal;
  if (!p) throw unauthenticated();
  return p.id;
}

export function listNotifications(ctx: Context, args: { unreadOnly?: boolean | null; first?: number | null; after?: string | null }): Promise<ConnectionShape<Notification>> {
  const qb = ctx.em.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :me', { me: me(ctx) });
  if (args.unreadOnly) qb.andWhere('n.read_at IS NULL');
  return paginate(qb, args, { expression: 'n.created_at', cast: 'timestamptz', direction: 'DESC', value: (n) => n.createdAt });
}

/** Marks the caller's notifications read: the given ids (each must be the caller's) or all. */
export async function markRead(ctx: Context, input: { ids?: string[] | null; all?: boolean | null }): Promise<{ marked: number; unread: number }> {
  const user = me(ctx);
  const hasIds = !!input.ids?.length;
  if (hasIds === !!input.all) fail(UserErrorCode.VALIDATION, 'input.ids', '请给出通知 ids，或设 all 为 true（二者选一）', 'Give ids, or all: true (exactly one)');
  let marked: number;
  if (hasIds) {
    const ids = [...new Set(input.ids!)];
    const mine: { id: string }[] = await ctx.em.query(`SELECT id FROM notification WHERE id = ANY($1::uuid[]) AND user_id = $2 FOR UPDATE`, [ids, user]);
    const missing = ids.filter((id) => !mine.some((m) => m.id === id));
    if (missing.length) fail(UserErrorCode.NOT_FOUND, 'input.ids', `没有这些通知：${missing.join('、')}`, `No notification of yours with id ${missing.join(', ')}`);
    const [r] = await ctx.em.query(`WITH m AS (UPDATE notification SET read_at = $3 WHERE id = ANY($1::uuid[]) AND user_id = $2 AND read_at IS NULL RETURNING 1) SELECT count(*)::int AS n FROM m`, [ids, user, ctx.now()]);
    marked = r.n;
  } else {
    const [r] = await ctx.em.query(`WITH m AS (UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING 1) SELECT count(*)::int AS n FROM m`, [user, ctx.now()]);
    marked = r.n;
  }
  const [{ n }] = await ctx.em.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [user]);
  return { marked, unread: n };
}

export async function unreadCount(ctx: Context): Promise<number> {
  const [{ n }] = await ctx.em.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [me(ctx)]);
  return n;
}
