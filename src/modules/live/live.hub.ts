import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { Logger } from '../../common/logger';
import { Inspection } from '../inspection/inspection.entities';
import { RemediationItem } from '../remediation/remediation.entities';
import { OutboxEvent } from './live.entities';
import { PgListener, clientConfigOf } from './pg-listener';

/** Channels: the outbox trigger's, h18-jobs' notifications, and webhook resends. */
export const OUTBOX_CHANNEL = 'ebike_outbox';
export const NOTIFICATION_CHANNEL = 'ebike_notification';
export const WEBHOOK_CHANNEL = 'ebike_webhook';
const REDIS_OUTBOX_CHANNEL = 'ebike:outbox';

/** An outbox event with the record it is about, loaded once per instance. */
export interface LiveEvent {
  event: OutboxEvent;
  item: RemediationItem | null;
  inspection: Inspection | null;
}

/** A notification row as the inbox (issue 18, scheduler half) stores it; read through NotificationSource. */
export interface NotificationRow {
  id: string;
  userId: string;
  [column: string]: unknown;
}

/** How a notification is read by id; the inbox module supplies it at merge (default: `SELECT * FROM notification`). */
export type NotificationSource = (ds: DataSource, id: string) => Promise<NotificationRow | null>;

export const defaultNotificationSource: NotificationSource = async (ds, id) => {
  const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM notification WHERE id = $1`, [id]);
  const r = rows[0];
  if (!r) return null;
  return { ...r, id: String(r.id), userId: String(r.user_id ?? r.userId) };
};

/** A bounded async queue: one per open subscription. */
export class LiveQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | null = null;
  private done = false;
  private failure: Error | null = null;

  constructor(
    private readonly onClose: () => void,
    private readonly max = 1000,
  ) {}

  push(v: T): void {
    if (this.done) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w({ value: v, done: false });
      return;
    }
    if (this.items.length >= this.max) {
      // A subscriber that does not read is cut off rather than holding memory without bound.
      this.failure = new Error('Subscriber too slow: more than ' + this.max + ' updates waiting (订阅端接收过慢)');
      this.close();
      return;
    }
    this.items.push(v);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(e?: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(e);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.onClose();
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      if (this.failure) (w as unknown as (e: unknown) => void)({ value: undefined, done: true });
      else w({ value: undefined, done: true });
    }
  }
}

interface EventSubscriber {
  matches: (e: OutboxEvent) => boolean;
  queue: LiveQueue<LiveEvent>;
}

/**
 * Fan-out of committed changes to this instance's subscriptions, across instances. Each instance
 * hears every event once: by default through PostgreSQL LISTEN on `ebike_outbox` (the outbox
 * trigger's NOTIFY, delivered at commit); with `LIVE_TRANSPORT=redis` (the default when REDIS_URL
 * is set) through Redis pub/sub, fed by a relay that claims unpublished outbox rows with
 * `FOR UPDATE SKIP LOCKED`, publishes their ids and marks them published (one instance per row).
 * Messages carry ids only; the hub reads the event and its record once and hands them to every
 * matching subscription. Notifications (the inbox) arrive through `ebike_notification` either way.
 */
export class LiveHub {
  private readonly eventSubs = new Set<EventSubscriber>();
  private readonly notificationSubs = new Map<string, Set<LiveQueue<NotificationRow>>>();
  private readonly outboxListeners = new Set<() => void>();
  private pg: PgListener | null = null;
  /** The transport in use: LIVE_TRANSPORT, or PostgreSQL when Redis did not answer at start. */
  private mode: 'postgres' | 'redis';
  private redisSub: Redis | null = null;
  private redisPub: Redis | null = null;
  private relayTimer: NodeJS.Timeout | null = null;
  private relaying: Promise<void> | null = null;
  private relayAgain = false;
  private stopped = false;
  private relayFloor = '0';

  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'liveTransport' | 'redisUrl' | 'liveRelayPollMs'>,
    private readonly log: Logger,
    private readonly notificationSource: NotificationSource = defaultNotificationSource,
  ) {
    if (config.liveTransport === 'redis' && !config.redisUrl) throw new Error('LIVE_TRANSPORT=redis needs REDIS_URL');
    this.mode = config.liveTransport;
  }

  get transport(): 'postgres' | 'redis' {
    return this.mode;
  }

  /** Called on every outbox event heard (the webhook worker wakes on it). */
  onOutbox(listener: () => void): void {
    this.outboxListeners.add(listener);
  }

  async start(extraChannels: Record<string, () => void> = {}): Promise<void> {
    if (this.config.liveTransport === 'redis') {
      this.redisSub = new Redis(this.config.redisUrl!, { lazyConnect: true, maxRetriesPerRequest: null });
      this.redisPub = new Redis(this.config.redisUrl!, { lazyConnect: true, maxRetriesPerRequest: 2 });
      this.redisSub.on('error', (err) => this.log.warn({ err }, 'live updates: Redis subscriber error'));
      this.redisPub.on('error', (err) => this.log.warn({ err }, 'live updates: Redis publisher error'));
      try {
        await this.redisSub.connect();
        await this.redisPub.connect();
      } catch (err) {
        // Redis does not answer at start: serve live updates through PostgreSQL (the outbox trigger
        // notifies there too), as the rate limiter falls back to memory; a restart picks Redis again.
        this.log.warn({ err }, 'live updates: Redis does not answer; fanning out through PostgreSQL LISTEN/NOTIFY instead');
        this.redisSub.disconnect();
        this.redisPub.disconnect();
        this.redisSub = this.redisPub = null;
        this.mode = 'postgres';
      }
    }
    const redis = this.mode === 'redis';
    const channels = [NOTIFICATION_CHANNEL, ...Object.keys(extraChannels), ...(redis ? [] : [OUTBOX_CHANNEL])];
    this.pg = new PgListener(
      clientConfigOf(this.ds, 'ebike-live'),
      channels,
      (channel, payload) => {
        if (channel === OUTBOX_CHANNEL) this.heardOutbox(payload);
        else if (channel === NOTIFICATION_CHANNEL) this.heardNotification(payload);
        else extraChannels[channel]?.();
      },
      this.log,
    );
    await this.pg.start();
    if (redis && this.redisSub) {
      this.redisSub.on('message', (_ch: string, id: string) => this.heardOutbox(id));
      // Rows written before this instance started are left to the instances that were running (or
      // to nobody): live updates are for what happens now, and a switch from the PostgreSQL
      // transport must not replay the history. Webhooks do not depend on this.
      const [floor] = await this.ds.query(`SELECT coalesce(max(seq), 0)::text AS seq FROM outbox_event`);
      this.relayFloor = floor.seq;
      await this.redisSub.subscribe(REDIS_OUTBOX_CHANNEL);
      this.scheduleRelay(0);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.relayTimer) clearTimeout(this.relayTimer);
    await this.relaying;
    for (const s of this.eventSubs) s.queue.close();
    for (const set of this.notificationSubs.values()) for (const q of set) q.close();
    await this.pg?.stop();
    this.redisSub?.disconnect();
    await this.redisPub?.quit().catch(() => undefined);
  }

  /** This process committed a change: with Redis, publish it now rather than at the next poll. */
  committed(): void {
    if (this.mode !== 'redis' || this.stopped) return;
    if (this.relaying) this.relayAgain = true;
    else this.scheduleRelay(0);
  }

  subscribeEvents(matches: (e: OutboxEvent) => boolean): LiveQueue<LiveEvent> {
    const sub: EventSubscriber = { matches, queue: null as unknown as LiveQueue<LiveEvent> };
    sub.queue = new LiveQueue<LiveEvent>(() => this.eventSubs.delete(sub));
    this.eventSubs.add(sub);
    return sub.queue;
  }

  subscribeNotifications(userId: string): LiveQueue<NotificationRow> {
    let set = this.notificationSubs.get(userId);
    if (!set) this.notificationSubs.set(userId, (set = new Set()));
    const q: LiveQueue<NotificationRow> = new LiveQueue<NotificationRow>(() => {
      set!.delete(q);
      if (!set!.size) this.notificationSubs.delete(userId);
    });
    set.add(q);
    return q;
  }

  get openSubscriptions(): number {
    let n = this.eventSubs.size;
    for (const s of this.notificationSubs.values()) n += s.size;
    return n;
  }

  private heardOutbox(id: string): void {
    for (const l of this.outboxListeners) l();
    if (!this.eventSubs.size) return;
    void this.dispatch(id).catch((err) => this.log.warn({ err, id }, 'live updates: could not load an outbox event'));
  }

  private async dispatch(id: string): Promise<void> {
    const event = await this.ds.manager.findOneBy(OutboxEvent, { id });
    if (!event) return;
    const targets = [...this.eventSubs].filter((s) => s.matches(event));
    if (!targets.length) return;
    const item = event.entityType === 'RemediationItem' ? await this.ds.manager.findOneBy(RemediationItem, { id: event.entityId }) : null;
    const inspection = event.entityType === 'Inspection' ? await this.ds.manager.findOneBy(Inspection, { id: event.entityId }) : null;
    const live: LiveEvent = { event, item, inspection };
    for (const t of targets) t.queue.push(live);
  }

  private heardNotification(payload: string): void {
    let msg: { id?: string; userId?: string };
    try {
      msg = JSON.parse(payload) as { id?: string; userId?: string };
    } catch {
      return;
    }
    if (!msg.id || !msg.userId || !this.notificationSubs.has(String(msg.userId))) return;
    void this.notificationSource(this.ds, String(msg.id))
      .then((row) => {
        if (!row) return;
        for (const q of this.notificationSubs.get(row.userId) ?? []) q.push(row);
      })
      .catch((err) => this.log.warn({ err, id: msg.id }, 'live updates: could not load a notification'));
  }

  private scheduleRelay(ms: number): void {
    if (this.stopped) return;
    if (this.relayTimer) clearTimeout(this.relayTimer);
    this.relayTimer = setTimeout(() => {
      this.relayTimer = null;
      this.relaying = this.relay()
        .catch((err) => this.log.warn({ err }, 'live updates: outbox relay failed'))
        .finally(() => {
          this.relaying = null;
          const again = this.relayAgain;
          this.relayAgain = false;
          this.scheduleRelay(again ? 0 : this.config.liveRelayPollMs);
        });
    }, ms);
    this.relayTimer.unref();
  }

  /** Redis transport: publishes the ids of unpublished outbox rows, each by exactly one instance. */
  private async relay(): Promise<void> {
    for (;;) {
      if (this.stopped || !this.ds.isInitialized) return;
      const published = await this.ds.transaction(async (em) => {
        const rows: { id: string }[] = await em.query(
          `SELECT id FROM outbox_event WHERE published_at IS NULL AND seq > $1 ORDER BY seq LIMIT 200 FOR UPDATE SKIP LOCKED`,
          [this.relayFloor],
        );
        if (!rows.length) return 0;
        // Published before the rows are marked: a crash in between publishes them again (at least once).
        const pipeline = this.redisPub!.pipeline();
        for (const r of rows) pipeline.publish(REDIS_OUTBOX_CHANNEL, r.id);
        await pipeline.exec();
        await em.query(`UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
        return rows.length;
      });
      if (published < 200) return;
    }
  }
}
