import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../../common/context';
import { UserErrorCode, fail } from '../../common/errors';
import { addDays, daysBetween, shanghaiDate } from '../../common/time';
import { clean } from '../../common/validation';
import { lockForUpdate } from '../../common/versioning';
import { AuditOutcome } from '../audit/audit.entity';
import { auditView, recordAudit } from '../audit/audit.service';
import { NotificationKind } from '../notifications/notifications.entities';
import { createNotifications, type NotificationRow } from '../notifications/notifications.service';
import { DEFAULT_REVIEW_WINDOW, workingCalendar } from '../reference/calendar.service';
import { HazardStatus } from '../remediation/remediation.enums';
import { recordSystemEvents } from '../remediation/remediation.service';
import { EscalationAction, EscalationKind, EscalationRule } from './jobs.entities';
import type { UpdateEscalationRuleInput } from './jobs.inputs';

/** What a job run needs: the database, the clock's day, a batch size, and a stop signal (shutdown). */
export interface JobEnv {
  ds: DataSource;
  batchSize: number;
  /** True once the process is shutting down: the job stops between batches. */
  stopping: () => boolean;
  /** The clock (the job's events carry it). */
  now: () => Date;
  /** Called with the effects of each committed batch, inside its transaction (job_run bookkeeping). */
  onBatch: (em: EntityManager, effects: number) => Promise<void>;
}

export class JobInterrupted extends Error {
  constructor() {
    super('interrupted by shutdown');
  }
}

/** One item a rule applies to on the day, with the date the rule watched. */
interface Hit {
  id: string;
  code: string;
  team_id: string;
  district_code: string;
  stage: string;
  status: HazardStatus;
  lead_department_id: string | null;
  basis: string;
}

const OPEN = `i.status NOT IN ('VERIFIED', 'CLOSED', 'INVALIDATED')`;
const HIT_COLUMNS = `i.id, i.code, i.team_id, i.district_code, i.stage::text AS stage, i.status::text AS status, i.lead_department_id`;

/**
 * Items the rule applies to on `day` and has not yet escalated for their watched date, in id order:
 * one statement per rule (a few percent of the items are open and past a date), applied in batches.
 */
async function candidates(ds: DataSource, rule: EscalationRule, day: string): Promise<Hit[]> {
  // Applies when day − watched date ≥ daysAfter, i.e. watched date ≤ day − daysAfter.
  const latest = addDays(day, -rule.daysAfter);
  const notYet = (basis: string) => `NOT EXISTS (SELECT 1 FROM escalation e WHERE e.item_id = i.id AND e.rule_code = $2 AND e.basis_date = ${basis})`;
  if (rule.kind === EscalationKind.OVERDUE) {
    return ds.query(
      `SELECT ${HIT_COLUMNS}, i.deadline::text AS basis FROM remediation_item i
        WHERE i.deadline <= $1::date AND ${OPEN} AND ${notYet('i.deadline')} ORDER BY i.id`,
      [latest, rule.code],
    );
  }
  if (rule.kind === EscalationKind.LISTING_DEADLINE) {
    return ds.query(
      `SELECT ${HIT_COLUMNS}, l.deadline::text AS basis FROM remediation_item i JOIN listing l ON l.item_id = i.id AND l.lifted_on IS NULL
        WHERE i.listed AND l.deadline <= $1::date AND ${OPEN} AND ${notYet('l.deadline')} ORDER BY i.id`,
      [latest, rule.code],
    );
  }
  // REVIEW_DUE: the review-due date is working days after the deadline or the completion report
  // (calendar.service.reviewDueDate), computed here; the unique key skips the ones already done.
  const rows: (Hit & { deadline: string | null; applied: string | null; window: number | null })[] = await ds.query(
    `SELECT ${HIT_COLUMNS}, i.deadline::text AS deadline, (i.completion_reported_at AT TIME ZONE 'Asia/Shanghai')::date::text AS applied, d.review_window_working_days AS window
       FROM remediation_item i LEFT JOIN department d ON d.id = i.lead_department_id
      WHERE i.status = 'PENDING_REVIEW' ORDER BY i.id`,
  );
  const calendar = await workingCalendar({ dataSource: ds });
  return rows
    .map((r) => {
      const from = r.deadline && r.applied ? (r.applied < r.deadline ? r.applied : r.deadline) : (r.deadline ?? r.applied);
      return { ...r, basis: from ? calendar.addWorkingDays(from, r.window ?? DEFAULT_REVIEW_WINDOW) : '' } as Hit;
    })
    .filter((h) => h.basis && daysBetween(h.basis, day) >= rule.daysAfter);
}

function texts(rule: EscalationRule, hit: Hit, day: string, letterTo: string | null): { zh: string; en: string } {
  const days = daysBetween(hit.basis, day);
  const when = days >= 0 ? `已超过${days}天` : `还有${-days}天`;
  const whenEn = days >= 0 ? `${days} day(s) past` : `${-days} day(s) before`;
  const what = { [EscalationKind.OVERDUE]: ['整改期限', 'the rectification deadline'], [EscalationKind.LISTING_DEADLINE]: ['挂牌督办期限', 'the listing deadline'], [EscalationKind.REVIEW_DUE]: ['复查期限', 'the review-due date'] }[rule.kind];
  if (rule.action === EscalationAction.SUPERVISION_LETTER) {
    return {
      zh: `隐患 ${hit.code} 距${what[0]} ${hit.basis} ${when}，发督办函${letterTo ? `至 ${letterTo}` : ''}（${rule.level}级督办）`,
      en: `Item ${hit.code}: ${whenEn} ${what[1]} ${hit.basis}; supervision letter${letterTo ? ` to ${letterTo}` : ''} (level ${rule.level})`,
    };
  }
  return {
    zh: `隐患 ${hit.code} 距${what[0]} ${hit.basis} ${when}，已升级督办（${rule.level}级）`,
    en: `Item ${hit.code}: ${whenEn} ${what[1]} ${hit.basis}; escalated to level ${rule.level}`,
  };
}

/**
 * Applies one rule to one batch of hits in one transaction: the escalation rows (unique per item,
 * rule and watched date, so a repeated or resumed run writes nothing twice), then for the ones
 * actually inserted: the item's escalation level, its event, its audit row and the notifications.
 */
async function applyBatch(env: JobEnv, rule: EscalationRule, day: string, hits: Hit[]): Promise<number> {
  return env.ds.transaction(async (em) => {
    const inserted: { item_id: string }[] = await em.query(
      `INSERT INTO escalation (item_id, rule_code, rule_version, basis_date, day, level, action, district_code)
       SELECT h.id, $2, $3, h.basis::date, $4::date, $5, $6, h.district_code FROM jsonb_to_recordset($1::jsonb) AS h(id uuid, basis text, district_code varchar)
       ON CONFLICT (item_id, rule_code, basis_date) DO NOTHING RETURNING item_id`,
      [JSON.stringify(hits.map((h) => ({ id: h.id, basis: h.basis, district_code: h.district_code }))), rule.code, rule.version, day, rule.level, rule.action],
    );
    const done = new Set(inserted.map((r) => r.item_id));
    const mine = hits.filter((h) => done.has(h.id));
    if (!mine.length) {
      await env.onBatch(em, 0);
      return 0;
    }
    // The item's level is read from these rows (max over its escalations): the item row itself is not
    // touched, so the run takes no lock an officer's workflow step would wait for.
    const levels: { item_id: string; before: number }[] = await em.query(
      `SELECT item_id, coalesce(max(level) FILTER (WHERE NOT (rule_code = $2 AND day = $3::date)), 0)::int AS before FROM escalation WHERE item_id = ANY($1::uuid[]) GROUP BY item_id`,
      [mine.map((h) => h.id), rule.code, day],
    );
    const before = new Map(levels.map((r) => [r.item_id, r.before]));

    // 督办函 goes to the district's own department (a county counterpart) if there is one, else the item's lead department.
    const letters = new Map<string, { id: string; code: string; name: string } | null>();
    if (rule.action === EscalationAction.SUPERVISION_LETTER) {
      const rows: { item_id: string; id: string; code: string; name: string }[] = await em.query(
        `SELECT x.item_id, d.id, d.code, d.name FROM jsonb_to_recordset($1::jsonb) AS x(item_id uuid, district_code varchar, lead uuid)
           JOIN LATERAL ((SELECT 0 AS p, id, code, name FROM department WHERE district_code = x.district_code ORDER BY code LIMIT 1)
                         UNION ALL (SELECT 1 AS p, id, code, name FROM department WHERE id = x.lead)) d ON TRUE
          ORDER BY x.item_id, d.p`,
        [JSON.stringify(mine.map((h) => ({ item_id: h.id, district_code: h.district_code, lead: h.lead_department_id })))],
      );
      for (const r of rows) if (!letters.has(r.item_id)) letters.set(r.item_id, { id: r.id, code: r.code, name: r.name });
    }

    const now = env.now();
    const eventAction = rule.action === EscalationAction.SUPERVISION_LETTER ? 'SUPERVISION_LETTER' : 'ESCALATED';
    const text = new Map(mine.map((h) => [h.id, texts(rule, h, day, letters.get(h.id)?.name ?? null)]));
    const dataOf = (h: Hit) => ({
      rule: rule.code,
      ruleVersion: rule.version,
      kind: rule.kind,
      level: rule.level,
      watchedDate: h.basis,
      daysPast: daysBetween(h.basis, day),
      day,
      ...(letters.get(h.id) ? { letterTo: letters.get(h.id)!.code } : {}),
    });
    await recordSystemEvents(
      em,
      mine.map((h) => ({ itemId: h.id, action: eventAction, status: h.status, occurredAt: now, comment: text.get(h.id)!.zh, data: dataOf(h) })),
    );
    await em.query(
      `INSERT INTO audit_event (occurred_at, actor_type, actor_name, operation, entity_type, entity_id, outcome, changes)
       SELECT $2, 'system', '每日督办', $3, 'RemediationItem', h.id, $4, h.changes FROM jsonb_to_recordset($1::jsonb) AS h(id text, changes jsonb)`,
      [
        JSON.stringify(mine.map((h) => ({ id: h.id, changes: { escalationLevel: { before: before.get(h.id) ?? 0, after: Math.max(before.get(h.id) ?? 0, rule.level) }, escalation: dataOf(h) } }))),
        now,
        `escalate:${rule.code}`,
        AuditOutcome.SUCCESS,
      ],
    );

    // Who is told: the responsible team's officers in the item's district; for a letter also the
    // receiving department's users and the task-force office (coordinators).
    const recipients: { item_id: string; user_id: string }[] = await em.query(
      `SELECT x.item_id, u.id AS user_id FROM jsonb_to_recordset($1::jsonb) AS x(item_id uuid, team_id uuid, district_code varchar, dept uuid)
         JOIN app_user u ON u.active AND (
              (u.role = 'AGENCY_OFFICER' AND x.team_id = ANY(u.team_ids) AND x.district_code = ANY(u.district_codes))
           OR ($2 AND (u.role = 'COORDINATOR' OR (x.dept IS NOT NULL AND u.department_id = x.dept))))
        ORDER BY x.item_id, u.id`,
      [JSON.stringify(mine.map((h) => ({ item_id: h.id, team_id: h.team_id, district_code: h.district_code, dept: letters.get(h.id)?.id ?? null }))), rule.action === EscalationAction.SUPERVISION_LETTER],
    );
    const byId = new Map(mine.map((h) => [h.id, h]));
    const kind = rule.action === EscalationAction.SUPERVISION_LETTER ? NotificationKind.SUPERVISION_LETTER : NotificationKind.ESCALATED;
    const rows: NotificationRow[] = recipients.map((r) => {
      const h = byId.get(r.item_id)!;
      return { userId: r.user_id, kind, itemId: h.id, itemCode: h.code, title: text.get(h.id)!.zh, titleEn: text.get(h.id)!.en, data: dataOf(h) };
    });
    await createNotifications(em, rows);
    await env.onBatch(em, mine.length);
    return mine.length;
  });
}

/** The day's escalation: every active rule over every item it applies to, batch by batch. Returns the escalations written. */
export async function runEscalation(env: JobEnv, day: string): Promise<number> {
  const rules = await env.ds.getRepository(EscalationRule).find({ where: { active: true }, order: { kind: 'ASC', level: 'ASC', code: 'ASC' } });
  let effects = 0;
  for (const rule of rules) {
    const hits = await candidates(env.ds, rule, day);
    for (let i = 0; i < hits.length; i += env.batchSize) {
      if (env.stopping()) throw new JobInterrupted();
      effects += await applyBatch(env, rule, day, hits.slice(i, i + env.batchSize));
    }
  }
  return effects;
}

// ---- the rules as data ----

export function listRules(ctx: Context): Promise<EscalationRule[]> {
  return ctx.em.getRepository(EscalationRule).find({ order: { kind: 'ASC', level: 'ASC', code: 'ASC' } });
}

/** A coordinator edits a rule: versioned (expectedVersion) and audited; applies from the next run. */
export async function updateRule(ctx: Context, input: UpdateEscalationRuleInput): Promise<EscalationRule> {
  const found = await ctx.em.findOne(EscalationRule, { where: { code: input.code.trim().toUpperCase() } });
  if (!found) fail(UserErrorCode.NOT_FOUND, 'input.code', `不存在代码为 ${input.code} 的督办规则`, `No escalation rule with code ${input.code}`);
  const rule = await lockForUpdate(ctx, EscalationRule, found.id, input.expectedVersion, 'escalation rule');
  const before = auditView(rule);
  if (input.daysAfter !== undefined && input.daysAfter !== null) {
    if (rule.kind !== EscalationKind.LISTING_DEADLINE && input.daysAfter < 1) {
      fail(UserErrorCode.VALIDATION, 'input.daysAfter', '逾期和复查规则的触发天数须至少为 1（期限次日起）', 'Overdue and review rules apply from at least 1 day after the date');
    }
    if (input.daysAfter < -60 || input.daysAfter > 365) fail(UserErrorCode.VALIDATION, 'input.daysAfter', '触发天数须在 -60 至 365 之间', 'daysAfter must be between -60 and 365');
    rule.daysAfter = input.daysAfter;
  }
  if (input.level !== undefined && input.level !== null) {
    if (input.level < 1 || input.level > 9) fail(UserErrorCode.VALIDATION, 'input.level', '督办级别须在 1 至 9 之间', 'level must be between 1 and 9');
    rule.level = input.level;
  }
  if (input.action !== undefined && input.action !== null) rule.action = input.action;
  if (input.active !== undefined && input.active !== null) rule.active = input.active;
  if (input.description !== undefined && input.description !== null) rule.description = clean(input.description)!;
  const after = auditView(rule);
  if (JSON.stringify(before) === JSON.stringify(after)) fail(UserErrorCode.VALIDATION, 'input', '没有要修改的内容', 'Nothing to change: every given field already has that value');
  rule.version += 1;
  await ctx.em.save(rule);
  await recordAudit(ctx, { operation: 'updateEscalationRule', entityType: 'EscalationRule', entityId: rule.id, before, after });
  return rule;
}

/** Today in Asia/Shanghai on the job's clock. */
export const jobDay = (now: Date): string => shanghaiDate(now);
