import 'reflect-metadata';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { Role } from '../src/common/auth';
import { makeDataSource } from '../src/database/data-source';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { cloneTemplate, workerDatabaseName } from './support/db';

/**
 * A TCP relay between the app's pool and PostgreSQL. Stopping it drops every open connection and
 * refuses new ones, as a database that went away does; starting it again on the same port is the
 * database coming back.
 */
class Relay {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => this.server?.close(r));
    this.server = null;
  }
}

const lines: { level: number; msg?: string; errorId?: string }[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    cb();
  },
});

let relay: Relay;
let t: TestApp;
let token: string;

beforeAll(async () => {
  const url = new URL(await cloneTemplate(workerDatabaseName('_down')));
  relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
  await relay.start();
  url.hostname = '127.0.0.1';
  url.port = String(relay.port);
  const ds = makeDataSource({ url: url.toString() });
  await ds.initialize();
  // Connections are refused at once; the pool's own connect timeout would only slow the test.
  (ds.driver as unknown as { master: { options: { connectionTimeoutMillis: number } } }).master.options.connectionTimeoutMillis = 2000;
  t = await startTestApp({ ds, log: pino({ level: 'trace' }, sink) });
  token = (await makeUser(ds, Role.COORDINATOR)).token;
});
afterAll(async () => {
  await t.close();
  await t.ds.destroy().catch(() => undefined);
  await relay.stop().catch(() => undefined);
});

const businesses = () => request(t.app).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query: '{ businesses(first: 1) { nodes { id } } }' });
const login = () =>
  request(t.app)
    .post('/graphql')
    .send({ query: 'mutation { login(input: { username: "nobody", password: "wrong password" }) { accessToken userErrors { code } } }' });

function expectUnavailable(res: request.Response) {
  expect(res.status).toBe(503);
  expect(res.headers['retry-after']).toBe('5');
  const [error] = res.body.errors;
  expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/), retryAfterSeconds: 5 });
  expect(error.message).toContain(`reference ${error.extensions.errorId}`);
  expect(error.message).toContain('数据库暂时无法访问');
  expect(JSON.stringify(res.body)).not.toMatch(/INTERNAL_SERVER_ERROR|ECONNREFUSED|127\.0\.0\.1|terminated/);
  // The reference leads to the log line with the cause.
  expect(lines.some((l) => l.errorId === error.extensions.errorId && l.msg === 'database unreachable')).toBe(true);
}

it('answers 503 with Retry-After and a reference id while the database is unreachable, and recovers', async () => {
  expect((await businesses()).body.errors).toBeUndefined();

  await relay.stop();
  // The principal lookup fails before GraphQL runs (a token was sent) …
  expectUnavailable(await businesses());
  // … and a resolver's query fails inside GraphQL (anonymous sign-in).
  expectUnavailable(await login());
  // Exports answer the same way.
  const exp = await request(t.app).get('/exports/remediation-items.csv').set('Authorization', `Bearer ${token}`);
  expectUnavailable(exp);
  expect((await request(t.app).get('/readyz')).status).toBe(503);
  expect(lines.filter((l) => l.level >= 50)).toEqual([]);

  await relay.start();
  const back = await businesses();
  expect(back.status).toBe(200);
  expect(back.body.errors).toBeUndefined();
});
