import { AuditEntityType } from '../../common/codes';
import type { Context } from '../../common/context';
import type { Inspection } from '../inspection/inspection.entities';
import type { RemediationItem } from '../remediation/remediation.entities';
import type { RemediationEventAction } from '../remediation/remediation.enums';
import { OutboxEvent, OutboxEventType } from './live.entities';

/**
 * Rows of the transactional outbox (事务性发件箱). Services insert them in the transaction of the
 * change (one call per place that writes an item's event); the database then queues the webhook
 * deliveries and tells every instance, after commit only (migration LiveOutbox).
 */

/** Actions of an item's history that are not workflow transitions. */
const NON_TRANSITIONS: Partial<Record<RemediationEventAction | 'ASSIGNED' | 'REASSIGNED', OutboxEventType>> = {
  CREATED: OutboxEventType.ITEM_CREATED,
  ASSIGNED: OutboxEventType.ITEM_ASSIGNED,
  REASSIGNED: OutboxEventType.ITEM_ASSIGNED,
  ESCALATED: OutboxEventType.ITEM_ESCALATED,
  UPDATED: OutboxEventType.ITEM_UPDATED,
  EXTENSION_REQUESTED: OutboxEventType.ITEM_UPDATED,
  EXTENSION_APPROVED: OutboxEventType.ITEM_UPDATED,
  EXTENSION_REFUSED: OutboxEventType.ITEM_UPDATED,
  LISTED: OutboxEventType.ITEM_UPDATED,
  CASE_FILED: OutboxEventType.ITEM_UPDATED,
  EVIDENCE_ADDED: OutboxEventType.ITEM_UPDATED,
};

export function itemEventType(action: RemediationEventAction): OutboxEventType {
  return NON_TRANSITIONS[action] ?? OutboxEventType.ITEM_TRANSITIONED;
}

/** Only codes, statuses and ids: a partner's payload carries no personal data or free text. */
export function itemOutboxRow(ctx: Pick<Context, 'now'>, item: RemediationItem, action: RemediationEventAction, from: string | null, extra: Record<string, unknown> = {}): Partial<OutboxEvent> {
  return {
    type: itemEventType(action),
    entityType: AuditEntityType.RemediationItem,
    entityId: item.id,
    districtCode: item.districtCode,
    teamId: item.teamId,
    stage: item.stage,
    occurredAt: ctx.now(),
    data: { code: item.code, action, fromStatus: from, toStatus: item.status, version: item.version, level: item.level, ...extra },
  };
}

export function inspectionOutboxRow(ctx: Pick<Context, 'now'>, inspection: Inspection, remediationItems: number): Partial<OutboxEvent> {
  return {
    type: OutboxEventType.INSPECTION_RECORDED,
    entityType: AuditEntityType.Inspection,
    entityId: inspection.id,
    districtCode: inspection.districtCode,
    teamId: inspection.teamId,
    stage: inspection.stage,
    occurredAt: ctx.now(),
    data: { code: inspection.code, method: inspection.method, stage: inspection.stage, remediationItems },
  };
}

/**
 * For writers outside this module (the scheduler's escalations): one outbox row in the caller's
 * transaction. `em` must be the transaction's manager.
 */
export async function writeOutbox(em: Context['em'], row: Partial<OutboxEvent>): Promise<void> {
  await em.insert(OutboxEvent, row as OutboxEvent);
}
