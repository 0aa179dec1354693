import type { ObjectLiteral } from 'typeorm';
import type { Context } from './context';
import { UserErrorCode, fail } from './errors';

/**
 * Reads a record for change inside the mutation's transaction, locking its row, and checks the
 * caller's `expectedVersion` (optimistic locking): NOT_FOUND or CONFLICT as user errors. Concurrent
 * writers queue on the lock, so the second sees the first's new version and gets CONFLICT.
 */
export async function lockForUpdate<T extends ObjectLiteral & { version: number }>(
  ctx: Context,
  entity: new () => T,
  id: string,
  expectedVersion: number | undefined,
  label: string,
): Promise<T> {
  const row = await ctx.em.findOne(entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) fail(UserErrorCode.NOT_FOUND, 'input.id', `No ${label} with this id`);
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    fail(UserErrorCode.CONFLICT, 'input.expectedVersion', `The ${label} was changed by someone else (now version ${row.version}); reload and retry`);
  }
  return row;
}
