import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { liveClient, subscribe, type Sub } from './support/live';
import { runService } from './support/process';
import type { Client } from 'graphql-ws';

// Runs the registration command as a child process (ts-node compiles the schema): slow on a busy machine.
jest.setTimeout(300_000);

/**
 * Trusted documents through HTTP: with TRUSTED_DOCUMENTS the service runs only the documents
 * `npm run documents:register` put in the manifest — by full text, by APQ hash or by documentId —
 * and refuses everything else before parsing; without it, automatic persisted queries work as
 * Apollo documents them.
 */
const DISTRICTS = 'query Districts {\n  districts { code }\n}\n';
const TEAMS = 'query Teams { taskTeams { code } }';
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebike-trusted-'));
const manifest = path.join(dir, 'trusted-documents.json');

async function register(args: string[]): Promise<{ code: number | null; output: string }> {
  const svc = runService({ LOG_LEVEL: 'warn' }, 'scripts/documents-register.ts', args);
  const { code } = await svc.exited;
  return { code, output: svc.output() };
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('documents:register', () => {
  it('registers .graphql files and a codegen persisted-documents.json; refuses documents that do not validate or do not match their hash', async () => {
    fs.writeFileSync(path.join(dir, 'districts.graphql'), DISTRICTS);
    fs.writeFileSync(path.join(dir, 'persisted-documents.json'), JSON.stringify({ [sha(TEAMS)]: TEAMS }));
    const ok = await register(['--manifest', manifest, path.join(dir, 'districts.graphql'), path.join(dir, 'persisted-documents.json')]);
    expect(ok.output).toContain('registered 2 new document(s), 0 already present; 2 in');
    expect(ok.code).toBe(0);
    const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    expect(Object.keys(m.documents).sort()).toEqual([sha(DISTRICTS), sha(TEAMS)].sort());
    expect(m.documents[sha(DISTRICTS)].operationNames).toEqual(['Districts']);
    expect(m.documents[sha(TEAMS)].document).toBe(TEAMS);

    // Registering again adds nothing.
    const again = await register(['--manifest', manifest, path.join(dir, 'districts.graphql')]);
    expect(again.output).toContain('registered 0 new document(s), 1 already present; 2 in');

    // A field the schema does not have, and a SHA-1 keyed codegen output: nothing written, exit 1.
    const before = fs.readFileSync(manifest, 'utf8');
    fs.writeFileSync(path.join(dir, 'bad.graphql'), 'query Bad { noSuchField }');
    fs.writeFileSync(path.join(dir, 'sha1.json'), JSON.stringify({ [createHash('sha1').update(TEAMS).digest('hex')]: TEAMS }));
    const bad = await register(['--manifest', manifest, path.join(dir, 'bad.graphql'), path.join(dir, 'sha1.json')]);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('bad.graphql: Cannot query field "noSuchField" on type "Query".');
    expect(bad.output).toContain('set persistedDocuments.hashAlgorithm to "sha256"');
    expect(bad.output).toContain('nothing registered: 2 problem(s)');
    expect(fs.readFileSync(manifest, 'utf8')).toBe(before);
  });
});

describe('TRUSTED_DOCUMENTS on', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    if (!fs.existsSync(manifest)) {
      // This block alone (-t): the manifest the CLI would have written.
      const entry = (d: string, n: string) => ({ document: d, operationNames: [n], source: 'test', registeredAt: '2026-12-01T00:00:00Z' });
      fs.writeFileSync(manifest, JSON.stringify({ version: 1, documents: { [sha(DISTRICTS)]: entry(DISTRICTS, 'Districts'), [sha(TEAMS)]: entry(TEAMS, 'Teams') } }));
    }
    t = await startTestApp({ env: { TRUSTED_DOCUMENTS: manifest } });
    token = (await makeUser(t.ds, Role.COORDINATOR)).token;
  });
  afterAll(() => t.close());

  const post = (body: unknown) => request(t.app).post('/graphql').set('Authorization', `Bearer ${token}`).send(body as object);

  it('runs a registered document sent as text, as an APQ hash, or as a documentId', async () => {
    const byText = await post({ query: DISTRICTS });
    expect(byText.status).toBe(200);
    expect(byText.body.data.districts).toHaveLength(11);
    const byApq = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha(DISTRICTS) } } });
    expect(byApq.status).toBe(200);
    expect(byApq.body.data.districts).toHaveLength(11);
    const byId = await post({ documentId: `sha256:${sha(TEAMS)}` });
    expect(byId.status).toBe(200);
    expect(byId.body.data.taskTeams).toHaveLength(6);
    const get = await request(t.app)
      .get('/graphql')
      .query({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha(TEAMS) } }) })
      .set('Authorization', `Bearer ${token}`)
      .set('Apollo-Require-Preflight', 'true')
      .set('Accept', 'application/json');
    expect(get.status).toBe(200);
    expect(get.body.data.taskTeams).toHaveLength(6);
  });

  it('refuses an unregistered text with DOCUMENT_NOT_TRUSTED before parsing or validating it', async () => {
    for (const query of ['{ districts { code nameZh } }', '{ noSuchField }', '{ unclosed', DISTRICTS.trim()]) {
      const r = await post({ query });
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ errors: [{ message: expect.stringContaining('仅接受已登记的查询文档'), extensions: { code: 'DOCUMENT_NOT_TRUSTED' } }] });
    }
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND, and APQ cannot register a document', async () => {
    const text = '{ districts { code nameZh } }';
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha(text) } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ documentId: `sha256:${'0'.repeat(64)}` })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Apollo Client's retry with the full text registers nothing.
    const retry = await post({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: sha(text) } } });
    expect(retry.body.errors[0].extensions.code).toBe('DOCUMENT_NOT_TRUSTED');
    expect((await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha(text) } } })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // A registered hash with some other text is a mismatch, not a way in.
    expect((await post({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: sha(DISTRICTS) } } })).body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('counts refusals in the metrics, under operation names of registered documents only', async () => {
    await post({ query: 'query Sneaky { districts { code nameZh } }', operationName: 'Sneaky' });
    const m = (await request(t.app).get('/metrics')).text;
    expect(m).toMatch(/ebike_graphql_errors_total\{code="DOCUMENT_NOT_TRUSTED"\} \d+/);
    expect(m).not.toContain('operation="Sneaky"');
    expect(m).toMatch(/ebike_graphql_requests_total\{operation="Districts",outcome="ok"\} \d+/);
  });
});

describe('TRUSTED_DOCUMENTS on, over the WebSocket (graphql-ws on /graphql)', () => {
  let t: TestApp;
  let server: http.Server;
  let live: { close(): Promise<void> };
  let client: Client;
  beforeAll(async () => {
    if (!fs.existsSync(manifest)) {
      const entry = (d: string, n: string) => ({ document: d, operationNames: [n], source: 'test', registeredAt: '2026-12-01T00:00:00Z' });
      fs.writeFileSync(manifest, JSON.stringify({ version: 1, documents: { [sha(DISTRICTS)]: entry(DISTRICTS, 'Districts'), [sha(TEAMS)]: entry(TEAMS, 'Teams') } }));
    }
    t = await startTestApp({ env: { TRUSTED_DOCUMENTS: manifest, WEBHOOKS_ENABLED: 'false' } });
    const token = (await makeUser(t.ds, Role.COORDINATOR)).token;
    server = http.createServer(t.app);
    live = t.handle.attachLive(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    client = liveClient(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, { authorization: `Bearer ${token}` });
  });
  afterAll(async () => {
    await client?.dispose();
    await live?.close();
    await new Promise<void>((r) => server.close(() => r()));
    await t.close();
  });

  const settled = async (sub: Sub) => {
    for (let i = 0; i < 200 && !sub.completed && sub.error === null; i++) await new Promise((r) => setTimeout(r, 25));
    return sub;
  };

  it('runs a registered document and refuses any other — a query or a subscription — as HTTP does, counted in the metrics', async () => {
    const ok = await settled(subscribe(client, DISTRICTS));
    expect(ok.error).toBeNull();
    expect(ok.results[0].data!.districts).toHaveLength(11);
    for (const query of ['query SneakyWs { businesses(first: 100) { nodes { id name } } }', 'subscription { remediationItemChanged { item { id } } }']) {
      const refused = await settled(subscribe(client, query));
      expect(refused.results).toEqual([]);
      expect(refused.error).toEqual([expect.objectContaining({ message: expect.stringContaining('仅接受已登记的查询文档'), extensions: { code: 'DOCUMENT_NOT_TRUSTED' } })]);
    }
    const m = (await request(t.app).get('/metrics')).text;
    expect(m).toMatch(/ebike_graphql_requests_total\{operation="Districts",outcome="ok"\} [1-9]/);
    expect(m).not.toContain('operation="SneakyWs"');
    expect(m).toMatch(/ebike_graphql_errors_total\{code="DOCUMENT_NOT_TRUSTED"\} [1-9]/);
  });
});

describe('TRUSTED_DOCUMENTS off: automatic persisted queries', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = (await makeUser(t.ds, Role.COORDINATOR)).token;
  });
  afterAll(() => t.close());
  const post = (body: unknown) => request(t.app).post('/graphql').set('Authorization', `Bearer ${token}`).send(body as object);

  it('a hash first misses, the text registers it, then the hash alone runs it; any document is accepted', async () => {
    const text = `query Apq${Date.now()} { districts { code } }`;
    const ext = { persistedQuery: { version: 1, sha256Hash: sha(text) } };
    const miss = await post({ extensions: ext });
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query: text, extensions: ext })).body.data.districts).toHaveLength(11);
    expect((await post({ extensions: ext })).body.data.districts).toHaveLength(11);
    expect((await post({ query: '{ taskTeams { code } }' })).body.data.taskTeams).toHaveLength(6);
  });
});
