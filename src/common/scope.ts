import type { SupplyChainStage } from '../modules/reference/reference.enums';
import { recordRefusal } from '../modules/audit/audit.service';
import { Role, type Principal } from './auth';
import type { Context } from './context';
import { forbidden, unauthenticated } from './errors';

/** What a record is about, for the write-scope check. */
export interface RecordScope {
  /** Supply-chain stages of the record (a business's stages, an item's stage …). */
  stages: readonly SupplyChainStage[];
  /** District the record lies in (GB/T 2260). */
  districtCode: string | null;
  /** A city-wide catalogue record (product models, certificates): only the stages are checked. */
  cityWide?: boolean;
}

/** Why the principal may not write a record with this scope, or null when it may. */
export function writeScopeViolation(p: Principal, scope: RecordScope): string | null {
  switch (p.role) {
    case Role.ADMIN:
    case Role.COORDINATOR:
      return null;
    case Role.AGENCY_OFFICER: {
      if (!scope.stages.some((s) => p.stages.includes(s))) {
        return `stages ${scope.stages.join(',') || '(none)'} are outside your teams' stages (${p.stages.join(',') || 'none'})`;
      }
      if (scope.cityWide) return null;
      if (!scope.districtCode || !p.districtCodes.includes(scope.districtCode)) {
        return `district ${scope.districtCode ?? '(none)'} is outside your districts (${p.districtCodes.join(',') || 'none'})`;
      }
      return null;
    }
    default:
      return `role ${p.role} is read-only`;
  }
}

/**
 * The one write-scope check. Services call it on create, update and every workflow transition,
 * with the record's scope before the change (and again with the scope after it, when a change
 * moves the record). An AGENCY_OFFICER writes only within its teams' stages and its districts.
 * The refusal is FORBIDDEN, audited outside the transaction, and does not reveal the record.
 */
export async function assertCanWrite(ctx: Context, scope: RecordScope, operation: string): Promise<void> {
  const p = ctx.principal;
  if (!p) throw unauthenticated();
  const why = writeScopeViolation(p, scope);
  if (why) {
    ctx.log.info({ operation, principal: p.id, why }, 'refused: outside write scope');
    await recordRefusal(ctx, operation, `FORBIDDEN: ${why}`);
    throw forbidden(`Not allowed: ${why} (超出职责范围)`);
  }
}
