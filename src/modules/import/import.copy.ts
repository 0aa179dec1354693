import type { AuditEntityType } from '../../common/codes';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context';
import { auditRow } from '../audit/audit.service';
import { cell as copyCell, type Cell as CopyCell } from '../demo/demo.copy';

export type { CopyCell };

/**
 * Bulk rows through COPY on the transaction's own connection: thousands of rows with
 * trigram-indexed names go in several times faster than as multi-row INSERTs.
 */
export async function copyInto(em: EntityManager, table: string, columns: string[], rows: Iterable<CopyCell[]>): Promise<void> {
  const client = (await em.queryRunner!.connect()) as PoolClient;
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  function* lines() {
    let batch = '';
    for (const r of rows) {
      batch += r.map(copyCell).join('\t') + '\n';
      if (batch.length > 65536) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  await pipeline(Readable.from(lines()), sink);
}

export const AUDIT_COLUMNS = ['actor_type', 'actor_id', 'actor_name', 'role', 'department_id', 'request_id', 'client_ip', 'operation', 'entity_type', 'entity_id', 'outcome', 'changes'];

/** One audit row of a committed import, as the API's audit rows are written (operation commitImport). */
export function auditCells(ctx: Context, entityType: `${AuditEntityType}`, entityId: string, before: object | null, after: object): CopyCell[] {
  const a = auditRow(ctx, { operation: 'commitImport', entityType, entityId, before, after });
  return [a.actorType, a.actorId, a.actorName, a.role, a.departmentId, a.requestId, a.clientIp, a.operation, a.entityType, a.entityId, a.outcome, a.changes as Record<string, unknown>];
}
