import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../common/logger';

export interface WebhookWorkerOptions {
  /** Longest wait for a receiver's answer. */
  timeoutMs: number;
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How often due retries are looked for without a wake-up. */
  pollMs: number;
  /** Deliveries claimed (and sent in parallel) per round. */
  batch: number;
}

/** Headers of every webhook request (documented in README "Webhooks"). */
export const WEBHOOK_HEADERS = {
  id: 'x-webhook-id',
  event: 'x-webhook-event',
  delivery: 'x-webhook-delivery',
  attempt: 'x-webhook-attempt',
  timestamp: 'x-webhook-timestamp',
  signature: 'x-webhook-signature',
} as const;

/** `sha256=` + hex HMAC-SHA256 of `${timestamp}.${body}` with the subscriber's secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

interface Claimed {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  event_id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  district_code: string;
  team_id: string | null;
  stage: string | null;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/**
 * Sends queued webhook deliveries (table webhook_delivery, filled by the outbox trigger in the
 * transaction of each change). Safe with several instances: a round claims due rows with
 * `FOR UPDATE SKIP LOCKED` and leases them (next_attempt_at moves past the timeout), so no two
 * instances send one delivery at once, and a delivery whose instance died is sent again once its
 * lease ends (at least once; receivers de-duplicate by the event id). Failures wait
 * base·2^(n−1) (capped) and after `maxAttempts` the delivery is DEAD until resent through the API.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly ds: DataSource,
    private readonly opts: WebhookWorkerOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Something was queued or resent: look now. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** No new rounds; waits for the requests in flight (each bounded by the timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round()
        .catch((err) => this.log.warn({ err }, 'webhook round failed'))
        .finally(() => {
          this.running = null;
          const more = this.again;
          this.again = false;
          this.schedule(more ? 0 : this.opts.pollMs);
        });
    }, ms);
    this.timer.unref();
  }

  /** Claims and sends due deliveries until none is due. */
  private async round(): Promise<void> {
    for (;;) {
      if (this.stopped || !this.ds.isInitialized) return;
      const leaseSeconds = this.opts.timeoutMs / 1000 + 30;
      const rows: Claimed[] = await this.ds.query(
        `WITH claimed AS (
           UPDATE webhook_delivery d SET attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $2)
           FROM (SELECT w.id FROM webhook_delivery w JOIN webhook_subscriber s ON s.id = w.subscriber_id AND s.active
                 WHERE w.status = 'PENDING' AND w.next_attempt_at <= now()
                 ORDER BY w.next_attempt_at, w.id LIMIT $1 FOR UPDATE OF w SKIP LOCKED) c
           WHERE d.id = c.id
           RETURNING d.id, d.attempts, d.subscriber_id, d.event_id)
         SELECT c.id, c.attempts, s.url, s.secret, e.id AS event_id, e.type, e.entity_type, e.entity_id, e.district_code, e.team_id, e.stage, e.occurred_at, e.data
           FROM claimed c JOIN webhook_subscriber s ON s.id = c.subscriber_id JOIN outbox_event e ON e.id = c.event_id`,
        [this.opts.batch, leaseSeconds],
      );
      if (!rows.length) return;
      await Promise.all(rows.map((r) => this.deliver(r)));
    }
  }

  private async deliver(r: Claimed): Promise<void> {
    const body = JSON.stringify({
      id: r.event_id,
      type: r.type,
      occurredAt: new Date(r.occurred_at).toISOString(),
      entity: { type: r.entity_type, id: r.entity_id },
      scope: { districtCode: r.district_code, teamId: r.team_id, stage: r.stage },
      data: r.data,
      delivery: { id: r.id, attempt: r.attempts },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(r.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ebike-remediation-webhooks/1',
          [WEBHOOK_HEADERS.id]: r.event_id,
          [WEBHOOK_HEADERS.event]: r.type,
          [WEBHOOK_HEADERS.delivery]: r.id,
          [WEBHOOK_HEADERS.attempt]: String(r.attempts),
          [WEBHOOK_HEADERS.timestamp]: timestamp,
          [WEBHOOK_HEADERS.signature]: signWebhook(r.secret, timestamp, body),
        },
        body,
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (status < 200 || status > 299) error = `HTTP ${status}`;
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      error = err.name === 'TimeoutError' ? `timeout after ${this.opts.timeoutMs} ms` : `${err.cause?.code ?? err.name}: ${err.message}`.slice(0, 500);
    }
    if (!error) {
      await this.ds.query(`UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = now(), last_status = $2, last_error = NULL WHERE id = $1 AND status = 'PENDING'`, [r.id, status]);
      return;
    }
    const waitMs = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** (r.attempts - 1));
    const dead = r.attempts >= this.opts.maxAttempts;
    await this.ds.query(
      `UPDATE webhook_delivery SET last_status = $2, last_error = $3,
         status = CASE WHEN $4 THEN 'DEAD'::webhook_delivery_status ELSE status END,
         next_attempt_at = CASE WHEN $4 THEN next_attempt_at ELSE now() + make_interval(secs => $5) END
       WHERE id = $1 AND status = 'PENDING'`,
      [r.id, status, error, dead, waitMs / 1000],
    );
    this.log[dead ? 'warn' : 'info']({ delivery: r.id, event: r.event_id, attempt: r.attempts, error, dead }, dead ? 'webhook delivery dead-lettered' : 'webhook delivery failed; will retry');
  }
}
