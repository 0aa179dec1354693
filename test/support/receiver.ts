import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a test webhook receiver got. */
export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export type ReceiverMode = 'ok' | 'fail500' | { slowMs: number };

/**
 * A webhook receiver on 127.0.0.1 for tests: records every request; answers 200, 500, or only
 * after a delay (to make the sender time out). `honoured` holds the event ids it has acted on,
 * once each (a receiver that de-duplicates by the idempotency id).
 */
export class TestReceiver {
  readonly received: Received[] = [];
  /** Event id → times the receiver acted on it (de-duplicated: at most 1). */
  readonly effects = new Map<string, number>();
  mode: ReceiverMode = 'ok';
  private server: http.Server | null = null;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body, at: Date.now() });
        const id = String(req.headers['x-webhook-id']);
        const act = () => {
          if (!this.effects.has(id)) this.effects.set(id, 1);
        };
        const mode = this.mode;
        if (mode === 'ok') {
          act();
          res.writeHead(200).end('ok');
        } else if (mode === 'fail500') {
          res.writeHead(500).end('boom');
        } else {
          // Acts on it, then answers too late: the sender times out and will send it again.
          act();
          const t = setTimeout(() => res.writeHead(200).end('late'), mode.slowMs);
          res.on('close', () => clearTimeout(t));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  forEvent(id: string): Received[] {
    return this.received.filter((r) => r.headers['x-webhook-id'] === id);
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

/** Polls `check` until it returns a truthy value or the time is up (the machine is loaded: generous). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 15000, stepMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
