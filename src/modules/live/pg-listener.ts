import { Client, type ClientConfig, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../common/logger';

export type NotificationHandler = (channel: string, payload: string) => void;

/** Client settings of the data source's pool, for a dedicated connection. */
export function clientConfigOf(ds: DataSource, applicationName: string): ClientConfig {
  const pool = (ds.driver as unknown as { master?: Pool & { options?: ClientConfig } }).master;
  return { ...(pool?.options ?? {}), application_name: applicationName };
}

/**
 * One dedicated connection that LISTENs on a few channels and reconnects with backoff. After a
 * (re)connection `onConnected` runs, so a reader can catch up with what it may have missed.
 */
export class PgListener {
  private client: Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clientConfig: ClientConfig,
    private readonly channels: readonly string[],
    private readonly onNotification: NotificationHandler,
    private readonly log: Logger,
    private readonly onConnected: () => void = () => undefined,
  ) {}

  get connected(): boolean {
    return this.client !== null;
  }

  async start(): Promise<void> {
    await this.connect().catch((err) => {
      this.log.warn({ err, channels: this.channels }, 'cannot LISTEN; retrying');
      this.scheduleReconnect(500);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.clientConfig);
    client.on('notification', (n) => this.onNotification(n.channel, n.payload ?? ''));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      for (const ch of this.channels) await client.query(`LISTEN ${ch}`);
    } catch (err) {
      client.end().catch(() => undefined);
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.onConnected();
  }

  private lost(client: Client, err: Error | null): void {
    if (client !== this.client) return;
    this.client = null;
    if (this.stopped) return;
    this.log.warn({ err, channels: this.channels }, 'lost the LISTEN connection; reconnecting');
    client.end().catch(() => undefined);
    this.scheduleReconnect(500);
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
