import { JobInterrupted, type JobEnv } from './escalation.service';

/**
 * Retention (清理) of the transactional outbox and of the inboxes: deletes, in batches, webhook
 * deliveries that were DELIVERED before the outbox cutoff, then outbox events that occurred before it,
 * were published to the live fan-out and have no delivery left — pending and dead-lettered deliveries
 * (a partner system still owes or may be resent them) keep their events, however old — and
 * notifications read before the inbox cutoff (unread ones stay). A cutoff is the start
 * (Asia/Shanghai) of `day` − its days; 0 days keeps everything. Returns the rows deleted; a second run
 * finds nothing.
 */
export async function runPrune(env: JobEnv, day: string, retentionDays: number, notificationDays = 0): Promise<number> {
  const cutoff = `(($1::date - $2::int)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const statements: [string, number][] = [];
  if (retentionDays > 0) statements.push(...OUTBOX.map((sql): [string, number] => [sql, retentionDays]));
  if (notificationDays > 0) statements.push([NOTIFICATIONS, notificationDays]);
  let effects = 0;
  for (const [sql, days] of statements) {
    for (;;) {
      if (env.stopping()) throw new JobInterrupted();
      const n = await env.ds.transaction(async (em) => {
        const [, deleted] = (await em.query(sql.replaceAll('$CUTOFF', cutoff), [day, days, env.batchSize])) as [unknown, number];
        await env.onBatch(em, deleted);
        return deleted;
      });
      effects += n;
      if (n < env.batchSize) break;
    }
  }
  return effects;
}

const OUTBOX = [
  `DELETE FROM webhook_delivery WHERE id IN (
     SELECT id FROM webhook_delivery WHERE status = 'DELIVERED' AND created_at < $CUTOFF ORDER BY created_at LIMIT $3)`,
  `DELETE FROM outbox_event WHERE id IN (
     SELECT e.id FROM outbox_event e
      WHERE e.occurred_at < $CUTOFF AND e.published_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id)
      ORDER BY e.occurred_at LIMIT $3)`,
];

const NOTIFICATIONS = `DELETE FROM notification WHERE id IN (
   SELECT id FROM notification WHERE read_at IS NOT NULL AND read_at < $CUTOFF ORDER BY read_at LIMIT $3)`;
