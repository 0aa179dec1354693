import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { Client, type ClientConfig, type Pool, type PoolClient } from 'pg';
import type { Logger } from '../common/logger';

/** What the app reads of the shutdown: readiness turns 503 while draining; once aborting, requests get 503. */
export interface Lifecycle {
  readonly draining: boolean;
  readonly aborting: boolean;
}

interface SocketState {
  active: number;
  idleSince: number;
}

/**
 * Graceful shutdown of the HTTP side. On `start()`: stop accepting connections, mark every response
 * not yet begun and every later one `Connection: close` (so a keep-alive client opens no further
 * request on that socket), let in-flight requests finish, and close idle keep-alive sockets only once
 * they have been idle for the keep-alive timeout the server announced (`Keep-Alive: timeout=5`), so
 * a client never has a socket shut under a request it was entitled to send. `abort()` is for the
 * deadline: the database work of the requests still running is ended (their transactions roll back)
 * before their sockets are destroyed, so nothing commits without its response.
 */
export class Drain implements Lifecycle {
  draining = false;
  aborting = false;
  private readonly sockets = new Map<Socket, SocketState>();
  private readonly responses = new Set<ServerResponse>();
  private readonly checkedOut = new Set<PoolClient>();
  private listeners = new Set<() => void>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly server: Server,
    private readonly log: Logger,
    /** How long a socket may sit idle before the drain closes it: the announced keep-alive timeout. */
    private readonly idleGraceMs: number,
  ) {
    server.on('connection', (s: Socket) => {
      this.sockets.set(s, { active: 0, idleSince: Date.now() });
      s.on('close', () => {
        this.sockets.delete(s);
        this.changed();
      });
    });
    // Registered before the app, so the header is set before any handler can send.
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => this.onRequest(req, res));
  }

  /** Pool clients checked out right now: their backends are the ones to end at the deadline. */
  trackPool(pool: Pool): void {
    pool.on('acquire', (c) => this.checkedOut.add(c));
    pool.on('release', (_err, c) => this.checkedOut.delete(c));
    pool.on('remove', (c) => this.checkedOut.delete(c));
  }

  get inFlight(): number {
    return this.responses.size;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const state = this.sockets.get(req.socket);
    if (state) state.active++;
    this.responses.add(res);
    if (this.draining) res.setHeader('Connection', 'close');
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      this.responses.delete(res);
      if (state) {
        state.active--;
        state.idleSince = Date.now();
      }
      this.changed();
    };
    res.on('finish', finished);
    res.on('close', finished);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Express middleware: once aborting, new requests are refused before they reach the database. */
  middleware = (_req: Request, res: Response, next: NextFunction): void => {
    if (!this.aborting) return next();
    res
      .status(503)
      .set('Retry-After', '1')
      .set('Connection', 'close')
      .json({ errors: [{ message: 'The service is restarting; retry (服务重启中，请重试)', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
  };

  /** Stops accepting, marks responses `Connection: close`, and starts closing sockets that stay idle. */
  start(): void {
    if (this.draining) return;
    this.draining = true;
    // net.Server's close only stops listening; http.Server's would also cut idle keep-alive sockets at once.
    net.Server.prototype.close.call(this.server);
    for (const res of this.responses) if (!res.headersSent) res.setHeader('Connection', 'close');
    this.sweeper = setInterval(() => this.sweep(), 100);
    this.sweeper.unref();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [s, st] of this.sockets) {
      if (st.active === 0 && now - st.idleSince >= this.idleGraceMs) s.end();
    }
  }

  /** Resolves true when no request runs and no socket is open, false at the deadline. */
  waitUntilDrained(deadlineMs: number): Promise<boolean> {
    return this.waitFor(() => this.responses.size === 0 && this.sockets.size === 0, deadlineMs);
  }

  private waitFor(done: () => boolean, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (v: boolean) => {
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(v);
      };
      const check = () => {
        if (done()) finish(true);
      };
      const timer = setTimeout(() => finish(done()), ms);
      this.listeners.add(check);
      check();
    });
  }

  /**
   * The deadline: refuse new requests, end the backends of the connections requests are using
   * (pg_terminate_backend: a transaction waiting between statements is not reached by a cancel,
   * and must roll back too), give the responses a moment to be written, then destroy what is left.
   */
  async abort(clientConfig: ClientConfig, graceMs: number): Promise<void> {
    this.aborting = true;
    const pids = [...this.checkedOut].map((c) => (c as PoolClient & { processID?: number }).processID).filter((p): p is number => typeof p === 'number');
    this.log.warn({ requests: this.responses.size, backends: pids }, 'shutdown deadline: ending the database work of unfinished requests');
    if (pids.length) {
      const admin = new Client({ ...clientConfig, connectionTimeoutMillis: 2000 });
      try {
        await admin.connect();
        await admin.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [pids]);
      } catch (err) {
        this.log.error({ err }, 'could not end the backends of unfinished requests');
      } finally {
        await admin.end().catch(() => undefined);
      }
    }
    await this.waitFor(() => this.responses.size === 0, graceMs);
    for (const s of this.sockets.keys()) s.destroy();
    if (this.sweeper) clearInterval(this.sweeper);
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }
}
