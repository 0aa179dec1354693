import { createHash } from 'node:crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Context } from './context';
import { UserErrorCode, fail } from './errors';

/**
 * Idempotency keys of create mutations: a retried create (same principal, operation and key)
 * returns the first result and writes nothing new. The key row is inserted in the mutation's
 * transaction, so a concurrent retry waits for the first to commit and then sees its result.
 */
@Entity('idempotency_key')
export class IdempotencyKey {
  @PrimaryColumn({ name: 'principal_id', type: 'uuid' })
  principalId: string;

  @PrimaryColumn({ type: 'varchar', length: 60 })
  operation: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'result_id', type: 'uuid', nullable: true })
  resultId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

function hashOf(input: unknown): string {
  const stable = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(stable) : v && typeof v === 'object' && !(v instanceof Date) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify(stable(input))).digest('hex');
}

/**
 * Runs `create` once per idempotency key. Returns the id of the result (new or earlier); `load`
 * turns it into the entity. Without a key, just runs `create`.
 */
export async function idempotent<T extends { id: string }>(
  ctx: Context,
  operation: string,
  key: string | null | undefined,
  input: object,
  create: () => Promise<T>,
  load: (id: string) => Promise<T>,
): Promise<T> {
  if (!key) return create();
  const principalId = ctx.principal!.id;
  const { idempotencyKey: _k, ...rest } = input as Record<string, unknown>;
  const requestHash = hashOf(rest);
  const inserted: unknown[] = await ctx.em.query(
    `INSERT INTO idempotency_key (principal_id, operation, key, request_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING key`,
    [principalId, operation, key, requestHash],
  );
  if (inserted.length === 0) {
    const prior = await ctx.em.findOneByOrFail(IdempotencyKey, { principalId, operation, key });
    if (prior.requestHash !== requestHash) {
      fail(UserErrorCode.IDEMPOTENCY_MISMATCH, 'input.idempotencyKey', '该幂等键已用于另一项不同的提交，请使用新的幂等键', 'This idempotency key was already used with a different input');
    }
    return load(prior.resultId!);
  }
  const result = await create();
  await ctx.em.update(IdempotencyKey, { principalId, operation, key }, { resultId: result.id });
  return result;
}
