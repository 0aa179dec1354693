import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import pino from 'pino';
import request from 'supertest';
import WebSocket from 'ws';
import { Role } from '../src/common/auth';
import type { LiveServer } from '../src/modules/live/live.ws';
import { TEST_PASSWORD, makeUser, startTestApp, type TestApp } from './support/app';
import { connected, subscribe } from './support/live';
import { eventually } from './support/receiver';

/**
 * One access log line per HTTP request on every route — GraphQL, exports, import templates,
 * health, the IDE, the front page, errors outside GraphQL and 404 — with the request id (the one
 * in the response's X-Request-Id), status, duration and the principal's id; never a token, a
 * password, the query string or a personal name.
 */
interface Line {
  msg: string;
  requestId: string;
  method: string;
  route: string;
  path: string;
  status: number;
  durationMs: number;
  principal: string | null;
  [k: string]: unknown;
}

describe('access log', () => {
  let t: TestApp;
  const raw: string[] = [];
  const access = () => raw.map((l) => JSON.parse(l) as Line).filter((l) => l.msg === 'http access');
  beforeAll(async () => {
    const log = pino({ level: 'info' }, { write: (s: string) => void raw.push(s) });
    t = await startTestApp({ log, env: { GRAPHQL_IDE: 'true' } });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    raw.length = 0;
  });

  /** The single access line of the request that answered with `requestId`. */
  function lineOf(requestId: string): Line {
    const found = access().filter((l) => l.requestId === requestId);
    expect(found).toHaveLength(1);
    return found[0];
  }

  it('logs every route with request id, status, duration and principal', async () => {
    const { token, user } = await makeUser(t.ds, Role.COORDINATOR);
    const cases: { req: () => request.Test; route: string; status: number; principal: string | null; path: string }[] = [
      { req: () => request(t.app).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query: '{ districts { code } }' }), route: 'graphql', status: 200, principal: user.id, path: '/graphql' },
      { req: () => request(t.app).post('/graphql').send({ query: '{ __typename }' }), route: 'graphql', status: 200, principal: null, path: '/graphql' },
      { req: () => request(t.app).post('/graphql').send({ query: '{ districts { code } }' }), route: 'graphql', status: 401, principal: null, path: '/graphql' },
      { req: () => request(t.app).get('/exports/businesses.csv').set('Authorization', `Bearer ${token}`), route: 'exports', status: 200, principal: user.id, path: '/exports/businesses.csv' },
      { req: () => request(t.app).get('/exports/remediation-items.csv').set('Authorization', `Bearer ${token}`), route: 'exports', status: 200, principal: user.id, path: '/exports/remediation-items.csv' },
      { req: () => request(t.app).get('/imports/templates/businesses.csv').set('Authorization', `Bearer ${token}`), route: 'imports', status: 200, principal: user.id, path: '/imports/templates/businesses.csv' },
      { req: () => request(t.app).get('/healthz'), route: 'health', status: 200, principal: null, path: '/healthz' },
      { req: () => request(t.app).get('/readyz'), route: 'health', status: 200, principal: null, path: '/readyz' },
      { req: () => request(t.app).get('/graphql').set('Accept', 'text/html'), route: 'ide', status: 200, principal: null, path: '/graphql' },
      { req: () => request(t.app).get('/ide/init.js'), route: 'ide', status: 200, principal: null, path: '/ide/init.js' },
      { req: () => request(t.app).get('/'), route: 'front_page', status: 200, principal: null, path: '/' },
      // Errors outside GraphQL: malformed JSON, a wrong media type, a bad token, and a page that does not exist.
      { req: () => request(t.app).post('/graphql').set('Content-Type', 'application/json').send('{"query": '), route: 'graphql', status: 400, principal: null, path: '/graphql' },
      { req: () => request(t.app).post('/graphql').set('Content-Type', 'text/plain').send('{ districts { code } }'), route: 'graphql', status: 415, principal: null, path: '/graphql' },
      { req: () => request(t.app).post('/graphql').set('Authorization', 'Bearer not-a-real-token').send({ query: '{ districts { code } }' }), route: 'graphql', status: 401, principal: null, path: '/graphql' },
      { req: () => request(t.app).get('/exports/remediation-items.csv'), route: 'exports', status: 401, principal: null, path: '/exports/remediation-items.csv' },
      { req: () => request(t.app).get('/no/such/page?name=张三'), route: 'not_found', status: 404, principal: null, path: '/no/such/page' },
    ];
    for (const c of cases) {
      const res = await c.req();
      expect([c.path, res.status]).toEqual([c.path, c.status]);
      const id = res.headers['x-request-id'];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const line = lineOf(id);
      expect({ route: line.route, status: line.status, principal: line.principal, path: line.path }).toEqual({ route: c.route, status: c.status, principal: c.principal, path: c.path });
      expect(typeof line.durationMs).toBe('number');
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(access()).toHaveLength(cases.length);
    // No token, no query string, no personal name anywhere in the log.
    const all = raw.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain('not-a-real-token');
    expect(all).not.toContain('张三');
    expect(all).not.toContain('name=');
  });

  it("keeps the caller's well-formed X-Request-Id and replaces a malformed one", async () => {
    const mine = await request(t.app).get('/healthz').set('X-Request-Id', 'lb-7f3a.42');
    expect(mine.headers['x-request-id']).toBe('lb-7f3a.42');
    expect(lineOf('lb-7f3a.42').route).toBe('health');
    const bad = await request(t.app).get('/healthz').set('X-Request-Id', 'has spaces and <html>');
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lineOf(bad.headers['x-request-id']).status).toBe(200);
  });

  it('the GraphQL request line and the access line share the request id; a sign-in logs no password', async () => {
    const { username } = await makeUser(t.ds, Role.COORDINATOR);
    const res = await request(t.app)
      .post('/graphql')
      .send({ query: 'mutation SignIn($i: LoginInput!) { login(input: $i) { userErrors { code } } }', variables: { i: { username, password: TEST_PASSWORD } } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.login.userErrors).toEqual([]);
    const id = res.headers['x-request-id'];
    const lines = raw.map((l) => JSON.parse(l) as Line).filter((l) => l.requestId === id);
    expect(lines.map((l) => l.msg).sort()).toEqual(['graphql request', 'http access']);
    expect(raw.join('\n')).not.toContain(TEST_PASSWORD);
  });
});

describe('access log of WebSocket connections (graphql-ws)', () => {
  let t: TestApp;
  let server: http.Server;
  let live: LiveServer;
  let url: string;
  const raw: string[] = [];
  const access = () => raw.map((l) => JSON.parse(l) as Line).filter((l) => l.msg === 'http access');
  beforeAll(async () => {
    const log = pino({ level: 'info' }, { write: (s: string) => void raw.push(s) });
    t = await startTestApp({ log, env: { WEBHOOKS_ENABLED: 'false' } });
    server = http.createServer(t.app);
    live = t.handle.attachLive(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await live.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });
  beforeEach(() => {
    raw.length = 0;
  });

  /** A graphql-ws client whose upgrade request carries `X-Request-Id: requestId` (when given). */
  function client(params: Record<string, unknown>, requestId: string | null, onClosed: (code: number) => void) {
    class WithRequestId extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, requestId ? { headers: { 'X-Request-Id': requestId } } : {});
      }
    }
    return createClient({ url, webSocketImpl: WithRequestId, connectionParams: params, retryAttempts: 0, lazy: true, on: { closed: (e) => onClosed((e as { code: number }).code) } });
  }

  it('writes one line per connection when it closes: request id, principal, duration, close code, operations started and refused', async () => {
    const { token, user } = await makeUser(t.ds, Role.COORDINATOR);
    let closed: number | null = null;
    const c = client({ authorization: `Bearer ${token}` }, 'lb-ws.7f3a', (code) => (closed = code));
    const one = subscribe(c, `subscription { remediationItemChanged { id } }`);
    const two = subscribe(c, `subscription { inspectionRecorded { id } }`);
    const bad = subscribe(c, `subscription { noSuchField }`);
    await connected(c); // a query over the socket: the third operation started
    await eventually(() => bad.error !== null || bad.results.length > 0);
    expect(access()).toEqual([]); // nothing until the connection closes
    one.dispose();
    two.dispose();
    await c.dispose();
    await eventually(() => closed !== null && access().length === 1);
    const [line] = access();
    expect(line).toMatchObject({ requestId: 'lb-ws.7f3a', method: 'GET', route: 'graphql_ws', path: '/graphql', status: 101, closeCode: 1000, operations: 3, refused: 1, principal: user.id });
    expect(typeof line.durationMs).toBe('number');
    expect(line.durationMs).toBeGreaterThan(0);
    expect(raw.join('\n')).not.toContain(token);
  });

  it('a connection refused for bad credentials is logged too, with a new request id, no principal and its close code', async () => {
    let closed: number | null = null;
    const c = client({ authorization: 'Bearer not-a-real-token' }, 'has spaces <html>', (code) => (closed = code));
    const sub = subscribe(c, `subscription { remediationItemChanged { id } }`);
    await eventually(() => closed !== null && sub.error !== null && access().length === 1);
    expect(closed).toBe(4403);
    const [line] = access();
    expect(line).toMatchObject({ route: 'graphql_ws', status: 101, closeCode: 4403, operations: 0, refused: 0, principal: null });
    expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(raw.join('\n')).not.toContain('not-a-real-token');
    await c.dispose();
  });
});
