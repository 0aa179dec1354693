import { JobInterrupted, type JobEnv } from './escalation.service';

/**
 * Retention of the transactional outbox (清理): deletes, in batches, webhook deliveries that were
 * DELIVERED before the cutoff, then outbox events that occurred before it, were published to the live
 * fan-out and have no delivery left. Pending and dead-lettered deliveries (a partner system still owes
 * or may be resent them) keep their events, however old. The cutoff is the start (Asia/Shanghai) of
 * `day` − `retentionDays`; 0 keeps everything. Returns the rows deleted; a second run finds nothing.
 */
export async function runPrune(env: JobEnv, day: string, retentionDays: number): Promise<number> {
  if (retentionDays <= 0) return 0;
  const cutoff = `(($1::date - $2::int)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const statements = [
    `DELETE FROM webhook_delivery WHERE id IN (
       SELECT id FROM webhook_delivery WHERE status = 'DELIVERED' AND created_at < ${cutoff} ORDER BY created_at LIMIT $3)`,
    `DELETE FROM outbox_event WHERE id IN (
       SELECT e.id FROM outbox_event e
        WHERE e.occurred_at < ${cutoff} AND e.published_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id)
        ORDER BY e.occurred_at LIMIT $3)`,
  ];
  let effects = 0;
  for (const sql of statements) {
    for (;;) {
      if (env.stopping()) throw new JobInterrupted();
      const n = await env.ds.transaction(async (em) => {
        const [, deleted] = (await em.query(sql, [day, retentionDays, env.batchSize])) as [unknown, number];
        await env.onBatch(em, deleted);
        return deleted;
      });
      effects += n;
      if (n < env.batchSize) break;
    }
  }
  return effects;
}
