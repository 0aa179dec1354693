import { Client, type ClientConfig, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../common/logger';
import { recordReportCache } from '../../observability/metrics';

/** Channel the `notify_report_data` triggers (migration ReportChangeNotifications) signal on. */
export const REPORT_CHANNEL = 'report_data_changed';

/** Results with more rows than this are computed on every request rather than kept. */
export const MAX_CACHED_ROWS = 2000;

export interface ReportCacheOptions {
  /** Results kept (least recently used dropped first); 0 turns the cache off. */
  entries: number;
  /** Longest a result is served, even when no change was signalled. */
  ttlMs: number;
}

interface Entry {
  generation: number;
  at: number;
  value: Promise<unknown>;
}

/**
 * Results of the statistics and bulletin queries, shared by every request of this process until
 * the data under them changes. Aggregating a year of items takes a second or more of database
 * time, and coordinators, dashboards and report generators ask the same questions.
 *
 * Invalidation comes from the database, so it also covers other instances, the CLI tools and
 * hand-run SQL: statement triggers on every table a report reads `NOTIFY report_data_changed`,
 * which PostgreSQL delivers only when the writing transaction commits. A dedicated connection
 * LISTENs; each notification clears the cache and bumps the generation. A result computed while a
 * change committed is stored under the generation read *before* it started, so it is never served
 * after that change's notification. Mutations of this process also clear it at commit, so a
 * client reads its own writes without waiting for the notification.
 *
 * The cache is used only while the listener is connected: a lost connection turns it off (and
 * clears it) until LISTEN is re-established, so a missed notification cannot leave stale figures.
 * Identical requests in flight share one computation. Keys include today's date (overdue figures
 * depend on it).
 */
export class ReportCache {
  private generation = 0;
  private listening = false;
  private stopped = false;
  private client: Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly entries = new Map<string, Entry>();
  /** Other per-process caches fed by the same LISTEN connection (the principal cache). */
  private readonly subscribers: ((table: string | null) => void)[] = [];

  constructor(
    private readonly opts: ReportCacheOptions,
    private readonly clientConfig: ClientConfig,
    private readonly log: Logger,
  ) {}

  static forDataSource(ds: DataSource, opts: ReportCacheOptions, log: Logger): ReportCache {
    // TypeORM's postgres driver keeps the pg Pool as `master`; its options are client options.
    const pool = (ds.driver as unknown as { master?: Pool & { options?: ClientConfig } }).master;
    return new ReportCache(opts, { ...(pool?.options ?? {}), application_name: 'ebike-report-cache' }, log);
  }

  /** A cache that keeps nothing: for work outside HTTP requests (CLI tools, bootstrap). */
  static off(log: Logger): ReportCache {
    return new ReportCache({ entries: 0, ttlMs: 0 }, {}, log);
  }

  /** True while results are being kept (enabled and listening for changes). */
  get active(): boolean {
    return this.opts.entries > 0 && this.listening;
  }

  /** True while the LISTEN connection is up: a change committed anywhere reaches `onChange` subscribers. */
  get listeningForChanges(): boolean {
    return this.listening;
  }

  /**
   * Calls `fn` with the table named by each notification on this channel, and with null when
   * everything must be dropped (a mutation of this process committed, the connection was lost or
   * re-established). Subscribe before `start()`: the connection is opened when the report cache is
   * on or anyone has subscribed.
   */
  onChange(fn: (table: string | null) => void): void {
    this.subscribers.push(fn);
  }

  async start(): Promise<void> {
    if (this.opts.entries === 0 && !this.subscribers.length) return;
    await this.connect().catch((err) => {
      this.log.warn({ err }, 'report cache: cannot LISTEN for changes; reports are computed on every request until it can');
      this.scheduleReconnect(1000);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    this.entries.clear();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  /** Drops every result (a change was committed), and tells the subscribers to drop theirs. */
  invalidate(): void {
    this.dropReports();
    for (const fn of this.subscribers) fn(null);
  }

  private dropReports(): void {
    this.generation++;
    this.entries.clear();
  }

  /** What a notification naming `table` does, at once in this process (e.g. after a commit here). */
  signal(table: string): void {
    this.changed(table);
  }

  /** A notification: `table` is the trigger's TG_TABLE_NAME. No report reads app_user. */
  private changed(table: string | null): void {
    if (table !== 'app_user') this.dropReports();
    for (const fn of this.subscribers) fn(table);
  }

  /** The cached result for `key`, or `compute()`'s, kept when the cache is active. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.active) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    const fresh = !!hit && hit.generation === this.generation && now - hit.at < this.opts.ttlMs;
    recordReportCache(fresh);
    if (hit && fresh) {
      this.entries.delete(key); // re-insert: Map order is the LRU order
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    const entry: Entry = { generation: this.generation, at: now, value };
    this.entries.set(key, entry);
    // Failures are not kept, nor are long answers (e.g. DAY × HAZARD_TYPE over a year): memory stays
    // bounded by entries × MAX_CACHED_ROWS small rows.
    const drop = () => this.entries.get(key) === entry && this.entries.delete(key);
    value.then((v) => Array.isArray(v) && v.length > MAX_CACHED_ROWS && drop(), drop);
    while (this.entries.size > this.opts.entries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  private async connect(): Promise<void> {
    const client = new Client(this.clientConfig);
    client.on('notification', (msg) => this.changed(msg.payload || null));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${REPORT_CHANNEL}`);
    } catch (err) {
      client.end().catch(() => undefined);
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Anything committed before LISTEN took effect was not signalled: start from nothing.
    this.invalidate();
    this.listening = true;
  }

  private lost(client: Client, err: Error | null): void {
    if (client !== this.client) return;
    this.client = null;
    this.listening = false;
    this.invalidate();
    if (this.stopped) return;
    this.log.warn({ err }, 'report cache: lost the LISTEN connection; reports are computed on every request until it is back');
    client.end().catch(() => undefined);
    this.scheduleReconnect(1000);
  }

  private scheduleReconnect(delayMs: number): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().catch(() => this.scheduleReconnect(Math.min(delayMs * 2, 30000)));
    }, delayMs);
    this.retryTimer.unref();
  }
}
