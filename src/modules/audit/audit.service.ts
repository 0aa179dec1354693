import type { DataSource } from 'typeorm';
import { shownName } from '../../common/auth';
import type { Context } from '../../common/context';
import { AuditEvent, AuditOutcome } from './audit.entity';
import type { AuditEntityType } from '../../common/codes';

export interface AuditEntry {
  operation: string;
  entityType: `${AuditEntityType}`;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

function json(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v === undefined ? null : v;
}

/**
 * A record's own fields as the audit trail shows them: relations (`…Ref`), timestamps and the
 * version (which changes on every update) left out.
 */
export function auditView(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k.endsWith('Ref') || k === 'createdAt' || k === 'updatedAt' || k === 'version') continue;
    out[k] = v;
  }
  return out;
}

/** Fields whose value differs between the two views, as { field: { before, after } }. */
export function diff(before: object | null | undefined, after: object | null | undefined): Record<string, { before: unknown; after: unknown }> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const x = json(b[key]);
    const y = json(a[key]);
    if (JSON.stringify(x) !== JSON.stringify(y)) out[key] = { before: x, after: y };
  }
  return out;
}

function actor(ctx: Context) {
  const p = ctx.principal;
  return {
    actorType: p?.kind ?? 'anonymous',
    actorId: p?.id ?? null,
    actorName: p ? shownName(p) : null,
    role: p?.role ?? null,
    departmentId: p?.departmentId ?? null,
    requestId: ctx.requestId,
    clientIp: ctx.clientIp,
  };
}

/** The audit row of a successful change (recordAudit inserts it; saveLocked writes it with the change). */
export function auditRow(ctx: Context, entry: AuditEntry) {
  return {
    ...actor(ctx),
    operation: entry.operation,
    entityType: entry.entityType,
    entityId: entry.entityId,
    outcome: AuditOutcome.SUCCESS,
    changes: diff(entry.before, entry.after) as object,
  };
}

/** Records a successful change through the mutation's transaction: it commits or rolls back with it. */
export async function recordAudit(ctx: Context, entry: AuditEntry): Promise<void> {
  await ctx.em.insert(AuditEvent, auditRow(ctx, entry));
}

/** Records a refused attempt outside any transaction, so the refusal itself is kept. */
export async function recordRefusal(ctx: Context, operation: string, reason: string): Promise<void> {
  try {
    await ctx.dataSource.manager.insert(AuditEvent, { ...actor(ctx), operation, outcome: AuditOutcome.REFUSED, reason, changes: null });
  } catch (e) {
    ctx.log.error({ err: e, operation }, 'could not record a refused attempt in the audit trail');
  }
}

/**
 * Records mutation calls refused before GraphQL runs (invalid, expired or revoked credentials):
 * there is no principal and no context yet, only the request id and the client address.
 */
export async function recordUnauthenticatedMutations(
  ds: DataSource,
  request: { requestId: string | null; clientIp: string | null },
  operations: string[],
  reason: string,
): Promise<void> {
  if (!operations.length) return;
  await ds.manager.insert(
    AuditEvent,
    operations.map((operation) => ({
      actorType: 'anonymous',
      actorId: null,
      actorName: null,
      role: null,
      departmentId: null,
      requestId: request.requestId,
      clientIp: request.clientIp,
      operation,
      outcome: AuditOutcome.REFUSED,
      reason,
      changes: null,
    })),
  );
}

/** What one download contained, as the audit trail keeps it (`changes` of an `export:<name>` entry). */
export interface ExportRecord {
  /** The export, e.g. remediation-items.csv. */
  export: string;
  /** The filter as given (parsed JSON), null for none. */
  filter: unknown;
  /** The other parameters (orderBy, direction, from, to) as given. */
  parameters: Record<string, unknown>;
  /** Data rows written. */
  rows: number;
  /** Whether names, phones and free text of natural persons were masked for this caller. */
  personalDataMasked: boolean;
  /** False when the download broke off (the client went away or the stream failed). */
  completed: boolean;
}

/**
 * Records a download in the audit trail, outside any transaction (an export writes nothing else),
 * after its last byte, so that the row count is the one sent. A failure to record is logged.
 */
export async function recordExport(ctx: Context, record: ExportRecord): Promise<void> {
  try {
    await ctx.dataSource.manager.insert(AuditEvent, {
      ...actor(ctx),
      operation: `export:${record.export}`,
      entityType: 'Export',
      entityId: null,
      outcome: AuditOutcome.SUCCESS,
      reason: null,
      changes: record as unknown as object,
    });
  } catch (e) {
    ctx.log.error({ err: e, export: record.export }, 'could not record an export in the audit trail');
  }
}
