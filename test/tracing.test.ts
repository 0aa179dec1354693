import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { TEST_JWT_SECRET, makeUser } from './support/app';
import { withDatabase, workerDataSource, workerDatabaseName } from './support/db';
import { freePort } from './support/global-setup';
import { runService, type Service } from './support/process';

// A real process compiled by ts-node: slow on a busy 2-core machine.
jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..');

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** A local OTLP/HTTP (JSON) receiver: what a collector would get. */
function otlpReceiver() {
  const spans: OtlpSpan[] = [];
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const rs of body.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) spans.push(...(ss.spans ?? []));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return { server, spans, paths };
}

const attr = (s: OtlpSpan, key: string) => {
  const v = s.attributes.find((a) => a.key === key)?.value;
  return v ? Object.values(v)[0] : undefined;
};

describe('OpenTelemetry tracing', () => {
  const receiver = otlpReceiver();
  let ds: DataSource;
  let svc: Service | undefined;
  beforeAll(async () => {
    await new Promise<void>((r) => receiver.server.listen(0, '127.0.0.1', r));
    ds = await workerDataSource({ suffix: '_otel' });
  });
  afterAll(async () => {
    if (svc && svc.child.exitCode === null) {
      svc.child.kill('SIGTERM');
      await Promise.race([svc.exited, new Promise((r) => setTimeout(r, 15000).unref())]);
      if (svc.child.exitCode === null) svc.child.kill('SIGKILL');
    }
    receiver.server.closeAllConnections();
    receiver.server.close();
    await ds.destroy();
  });

  it('sends http, graphql and pg spans of one request, in the caller’s trace, to the OTLP endpoint; metrics on their own port', async () => {
    const { token } = await makeUser(ds, Role.COORDINATOR);
    const [port, metricsPort] = [await freePort(), await freePort()];
    svc = runService({
      DATABASE_URL: withDatabase(process.env.TEST_ADMIN_URL!, workerDatabaseName('_otel')),
      JWT_SECRET: TEST_JWT_SECRET,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      BOOTSTRAP_ADMIN: 'false',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN: 'scrape-token-0123456789',
    });
    await svc.waitFor(/GraphQL listening on/, 240_000);

    // The caller's W3C trace context is continued: the spans carry this trace id.
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await request(`http://127.0.0.1:${port}`)
      .post('/graphql')
      .set('Authorization', `Bearer ${token}`)
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .send({ query: 'query Traced { businesses(first: 1) { totalCount } }' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();

    const until = Date.now() + 30_000;
    const ofTrace = () => receiver.spans.filter((s) => s.traceId === traceId);
    const have = () => {
      const s = ofTrace();
      return s.some((x) => x.kind === 2) && s.some((x) => attr(x, 'graphql.operation.name') === 'Traced') && s.some((x) => attr(x, 'db.system') === 'postgresql' || attr(x, 'db.system.name') === 'postgresql');
    };
    while (!have() && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    const spans = ofTrace();
    expect(receiver.paths[0]).toMatch(/^POST \/v1\/traces application\/json/);

    const server = spans.find((s) => s.kind === 2)!; // SPAN_KIND_SERVER
    expect(server).toBeDefined();
    expect(server.parentSpanId).toBe('00f067aa0ba902b7');
    expect(server.name).toMatch(/^POST/);
    const names = spans.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['graphql.parse', 'graphql.validate']));
    const execute = spans.find((s) => attr(s, 'graphql.operation.name') === 'Traced')!;
    expect(execute).toBeDefined();
    expect(execute.name).toBe('query Traced');
    const pg = spans.filter((s) => attr(s, 'db.system') === 'postgresql' || attr(s, 'db.system.name') === 'postgresql');
    expect(pg.length).toBeGreaterThanOrEqual(1);
    // Statement text only: no parameter values (they may be personal data).
    for (const s of pg) expect(s.attributes.map((a) => a.key)).not.toContain('db.postgresql.values');
    // Probes are not traced.
    expect((await request(`http://127.0.0.1:${port}`).get('/healthz')).status).toBe(200);

    // METRICS_PORT: the scrape is on its own listener (with the token), not on the public port.
    expect((await request(`http://127.0.0.1:${port}`).get('/metrics')).status).toBe(404);
    expect((await request(`http://127.0.0.1:${metricsPort}`).get('/metrics')).status).toBe(401);
    const scrape = await request(`http://127.0.0.1:${metricsPort}`).get('/metrics').set('Authorization', 'Bearer scrape-token-0123456789');
    expect(scrape.status).toBe(200);
    expect(scrape.text).toContain('ebike_graphql_requests_total{operation="Traced",outcome="ok"} 1');

    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.spans.filter((s) => attr(s, 'url.path') === '/healthz' || attr(s, 'http.target') === '/healthz')).toEqual([]);
  });

  /**
   * How many OpenTelemetry SDK / instrumentation / exporter modules the service's module graph loads.
   * `@opentelemetry/api` (a no-op facade until a provider is registered) is not counted: prom-client's
   * process metrics require it on their own.
   */
  function loadedOtelModules(env: Record<string, string>): number {
    const script = `require('reflect-metadata'); require('./src/observability/tracing-preload'); require('./src/app'); process.stdout.write(String(Object.keys(require.cache).filter((k) => k.includes('/@opentelemetry/') && !k.includes('/@opentelemetry/api/')).length));`;
    const r = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-e', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), ...env },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.stderr).toBe('');
    return Number(r.stdout);
  }

  it('costs nothing when off: without an endpoint no OpenTelemetry SDK or instrumentation module is even loaded', () => {
    expect(loadedOtelModules({})).toBe(0);
    expect(loadedOtelModules({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toBeGreaterThan(10);
  });
});
