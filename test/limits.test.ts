import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import request from 'supertest';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await makeUser(t.ds, Role.ADMIN)).token;
});
afterAll(() => t.close());

/** An app of its own with extra environment, closed after `fn`, sharing this file's database. */
async function withApp<T>(env: Record<string, string>, fn: (app: TestApp) => Promise<T>): Promise<T> {
  const app = await startTestApp({ env, ds: t.ds });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

describe('query depth and cost', () => {
  it('refuses a query deeper than MAX_QUERY_DEPTH before executing it, naming the limit', async () => {
    await withApp({ MAX_QUERY_DEPTH: '3' }, async (a) => {
      const shallow = await a.gql(`{ me { department { code } } }`, {}, admin);
      expect(shallow.body.errors).toBeUndefined();

      const deep = await a.gql(`{ me { department { district { code } } } }`, {}, admin);
      expect(deep.status).toBe(400);
      expect(deep.body.data).toBeUndefined();
      expect(deep.body.errors).toEqual([
        { message: expect.stringMatching(/depth 4 exceeds the limit of 3 \(MAX_QUERY_DEPTH\)/), extensions: expect.objectContaining({ code: 'QUERY_TOO_DEEP', limit: 3, depth: 4 }) },
      ]);

      // Fragments count too, and a refused mutation never runs.
      const name = `too deep ${randomUUID()}`;
      const viaFragment = await a.gql(
        `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { ...K } } fragment K on ApiKeyPayload { apiKey { department { district { code } } } }`,
        { i: { name, role: 'REPORTER' } },
        admin,
      );
      expect(viaFragment.body.errors![0].extensions!.code).toBe('QUERY_TOO_DEEP');
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM api_key WHERE name = $1`, [name]);
      expect(n).toBe(0);
    });
  });

  it('refuses a query costing more than MAX_QUERY_COST, counting list pages by their size', async () => {
    await withApp({ MAX_QUERY_COST: '50' }, async (a) => {
      const small = await a.gql(`{ users(first: 10) { nodes { id username } } }`, {}, admin);
      expect(small.body.errors).toBeUndefined();

      const big = await a.gql(`query($n: Int) { users(first: $n) { nodes { id username } } }`, { n: 100 }, admin);
      expect(big.status).toBe(400);
      expect(big.body.errors).toEqual([
        { message: expect.stringMatching(/cost \d+ exceeds the limit of 50 \(MAX_QUERY_COST\)/), extensions: expect.objectContaining({ code: 'QUERY_TOO_COSTLY', limit: 50 }) },
      ]);
      expect(big.body.errors![0].extensions!.cost).toBeGreaterThan(100);

      // Without `first` a list still returns the default page (20 rows) and costs as much.
      const implicit = await a.gql(`{ users { nodes { id username } } }`, {}, admin);
      const explicit = await a.gql(`{ users(first: 20) { nodes { id username } } }`, {}, admin);
      expect(explicit.body.errors![0].extensions!.code).toBe('QUERY_TOO_COSTLY');
      expect(implicit.body.errors?.[0]?.extensions).toEqual(explicit.body.errors![0].extensions);
    });
  });

  it('refuses first over 100 (and below 0) on every list', async () => {
    for (const q of [`{ users(first: 101) { nodes { id } } }`, `{ apiKeys(first: 1000) { nodes { id } } }`, `{ auditEvents(first: 101) { nodes { id } } }`, `{ users(first: -1) { nodes { id } } }`]) {
      const r = await t.gql(q, {}, admin);
      expect(r.body.data).toBeNull();
      expect(r.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    }
    const ok = await t.gql(`{ users(first: 100) { nodes { id } } }`, {}, admin);
    expect(ok.body.errors).toBeUndefined();
  });
});

describe('introspection under the limits', () => {
  it('counts introspection toward depth and cost; GraphiQL\'s full introspection query fits the defaults', async () => {
    await withApp({ MAX_QUERY_DEPTH: '3' }, async (a) => {
      const deep = await a.gql(`{ __schema { types { fields { name } } } }`, {}, admin);
      expect(deep.status).toBe(400);
      expect(deep.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 3, depth: 4 });
      expect((await a.gql(`{ __schema { types { name } } }`, {}, admin)).body.errors).toBeUndefined();
    });
    await withApp({ MAX_QUERY_COST: '500' }, async (a) => {
      // Ten schema dumps in one request are ten times the work of one.
      const aliased = await a.gql(`{ ${Array.from({ length: 10 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`, {}, admin);
      expect(aliased.status).toBe(400);
      expect(aliased.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 500 });
    });
    // With the default limits (depth 10, cost 5000) the IDE's schema fetch works.
    const full = await t.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true }), {}, admin);
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data!.__schema.types.length).toBeGreaterThan(100);
  });

  it('suggests no names in production or with introspection off, and does in development', async () => {
    const typo = `{ me { usrname } }`;
    const badEnum = `query($s: SupplyChainStage) { hazardTypes(stage: $s) { code } }`;
    const dev = await t.gql(typo, {}, admin);
    expect(dev.body.errors![0].message).toMatch(/Did you mean "\w+"\?/);
    for (const env of [{ NODE_ENV: 'production' }, { GRAPHQL_INTROSPECTION: 'false' }] as Record<string, string>[]) {
      await withApp(env, async (a) => {
        const field = await a.gql(typo, {}, admin);
        expect(field.status).toBe(400);
        expect(field.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(field.body.errors![0].message).toBe('Cannot query field "usrname" on type "Me".');
        const value = await a.gql(badEnum, { s: 'SALE' }, admin);
        expect(value.status).toBe(400);
        expect(value.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
        expect(value.body.errors![0].message).not.toMatch(/Did you mean|SALES/);
      });
    }
  });
});

describe('request body limit', () => {
  it('answers a body over BODY_LIMIT with 413 and a JSON error', async () => {
    await withApp({ BODY_LIMIT: '2kb' }, async (a) => {
      const small = await request(a.app).post('/graphql').set('Authorization', `Bearer ${admin}`).send({ query: '{ me { id } }' });
      expect(small.status).toBe(200);
      const big = await request(a.app)
        .post('/graphql')
        .set('Authorization', `Bearer ${admin}`)
        .send({ query: `{ me { id } } # ${'x'.repeat(4096)}` });
      expect(big.status).toBe(413);
      expect(big.headers['content-type']).toMatch(/application\/json/);
      expect(big.body).toEqual({ errors: [{ message: 'Request body larger than 2kb', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    });
  });
});

describe('rate limit', () => {
  it('limits each principal separately, and anonymous callers per address, with 429 and Retry-After', async () => {
    await withApp({ RATE_LIMIT_POINTS: '3', RATE_LIMIT_WINDOW_SECONDS: '60' }, async (a) => {
      const alice = (await makeUser(t.ds, Role.REPORTER)).token;
      const bob = (await makeUser(t.ds, Role.REPORTER)).token;
      for (let i = 0; i < 3; i++) expect((await a.gql(`{ me { id } }`, {}, alice)).status).toBe(200);
      const limited = await request(a.app).post('/graphql').set('Authorization', `Bearer ${alice}`).send({ query: '{ me { id } }' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(limited.body.errors![0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: Number(limited.headers['retry-after']) });

      // Another principal from the same address has a budget of its own.
      expect((await a.gql(`{ me { id } }`, {}, bob)).status).toBe(200);

      // Anonymous callers share their address's budget.
      const anon = () => request(a.app).post('/graphql').send({ query: '{ districts { code } }' });
      for (let i = 0; i < 3; i++) expect((await anon()).status).toBe(401);
      const anonLimited = await anon();
      expect(anonLimited.status).toBe(429);
      expect(anonLimited.headers['retry-after']).toBeDefined();
      // … which does not touch the signed-in budgets.
      expect((await a.gql(`{ me { id } }`, {}, bob)).status).toBe(200);
    });
  });

  it('counts requests with invalid credentials against their address: after the budget a bad token gets 429, not 401', async () => {
    await withApp({ RATE_LIMIT_POINTS: '3', RATE_LIMIT_WINDOW_SECONDS: '60' }, async (a) => {
      const erin = (await makeUser(t.ds, Role.REPORTER)).token;
      // Each attempt presents a different bad credential: rotating them does not buy a new budget.
      const attempts = [
        () => request(a.app).post('/graphql').set('Authorization', `Bearer not-a-token-${randomUUID()}`),
        () => request(a.app).post('/graphql').set('X-Api-Key', `ebk_${randomUUID().replace(/-/g, '')}`),
        () => request(a.app).post('/graphql').set('Authorization', 'Basic dXNlcjpwYXNz'),
      ];
      for (const attempt of attempts) {
        const r = await attempt().send({ query: '{ me { id } }' });
        expect(r.status).toBe(401);
        expect(r.body.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      }

      const limited = await request(a.app).post('/graphql').set('Authorization', `Bearer not-a-token-${randomUUID()}`).send({ query: '{ me { id } }' });
      expect(limited.status).toBe(429);
      expect(limited.headers['www-authenticate']).toBeUndefined();
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited.body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(limited.headers['retry-after']) } }]);
      // The address budget is the anonymous one too: no credentials at all is limited as well.
      expect((await request(a.app).post('/graphql').send({ query: '{ districts { code } }' })).status).toBe(429);

      // A valid principal from the same address keeps its own budget.
      expect((await a.gql(`{ me { id } }`, {}, erin)).status).toBe(200);
    });
  });

  const redisUrl = process.env.TEST_REDIS_URL;
  (redisUrl ? it : it.skip)('two instances with REDIS_URL share one budget (TEST_REDIS_URL)', async () => {
    const env = { REDIS_URL: redisUrl!, RATE_LIMIT_POINTS: '4', RATE_LIMIT_WINDOW_SECONDS: '60' };
    // A fresh principal: the limiter's key space is fixed, so a new id is a new budget.
    const carol = (await makeUser(t.ds, Role.REPORTER)).token;
    // Requests arrive as soon as the instances are up, before their Redis connections are ready.
    const one = await startTestApp({ env, ds: t.ds });
    const two = await startTestApp({ env, ds: t.ds });
    try {
      const statuses: number[] = [];
      for (const app of [one, two, one, two, one, two]) statuses.push((await app.gql(`{ me { id } }`, {}, carol)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('rate limit without Redis', () => {
  it('keeps serving, and limiting, from memory when REDIS_URL does not answer', async () => {
    await withApp({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_POINTS: '2' }, async (a) => {
      const dave = (await makeUser(t.ds, Role.REPORTER)).token;
      const started = Date.now();
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await a.gql(`{ me { id } }`, {}, dave)).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});

describe('HTTP hardening', () => {
  it('CORS: an origin from CORS_ORIGINS is allowed, another is not', async () => {
    await withApp({ CORS_ORIGINS: 'https://partner.example.cn,http://localhost:5173' }, async (a) => {
      const allowed = await request(a.app).options('/graphql').set('Origin', 'https://partner.example.cn').set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type,authorization');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://partner.example.cn');
      expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/i);

      const post = await request(a.app).post('/graphql').set('Origin', 'http://localhost:5173').set('Authorization', `Bearer ${admin}`).send({ query: '{ me { id } }' });
      expect(post.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      expect(post.headers['access-control-expose-headers']).toMatch(/X-Request-Id/);

      for (const origin of ['https://evil.example.com', 'https://partner.example.cn.evil.com', 'null']) {
        const r = await request(a.app).options('/graphql').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
        expect(r.headers['access-control-allow-origin']).toBeUndefined();
        const p = await request(a.app).post('/graphql').set('Origin', origin).set('Authorization', `Bearer ${admin}`).send({ query: '{ me { id } }' });
        expect(p.headers['access-control-allow-origin']).toBeUndefined();
      }
    });
    // Nothing is allowed cross-origin by default.
    const r = await request(t.app).options('/graphql').set('Origin', 'https://partner.example.cn').set('Access-Control-Request-Method', 'POST');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends security headers (helmet) and no X-Powered-By', async () => {
    const r = await request(t.app).post('/graphql').set('Authorization', `Bearer ${admin}`).send({ query: '{ me { id } }' });
    expect(r.status).toBe(200);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    // HSTS only when PUBLIC_URL is https:// (issue 11: over plain HTTP it is meaningless and the
    // CSP's upgrade-insecure-requests blanked the IDE); test/front-page.test.ts checks both cases.
    expect(r.headers['strict-transport-security']).toBeUndefined();
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
    const csp = r.headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(r.headers['x-powered-by']).toBeUndefined();
  });

  it('in production: no introspection and no IDE by default', async () => {
    await withApp({ NODE_ENV: 'production' }, async (a) => {
      const intro = await a.gql(`{ __schema { queryType { name } } }`, {}, admin);
      expect(intro.body.data).toBeUndefined();
      expect(intro.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(intro.body.errors![0].message).toMatch(/introspection/i);

      const page = await request(a.app).get('/graphql').set('Accept', 'text/html');
      expect(page.headers['content-type'] ?? '').not.toMatch(/text\/html/);
      expect(page.text).not.toMatch(/graphiql/i);
      const asset = await request(a.app).get('/ide/graphiql.min.js');
      expect(asset.status).toBe(404);
      expect(asset.text).not.toMatch(/GraphiQL/);

      // the API itself still works
      expect((await a.gql(`{ me { id } }`, {}, admin)).body.errors).toBeUndefined();
    });
  });

  it('in development: GET /graphql from a browser serves the IDE, with its assets served locally', async () => {
    await withApp({ NODE_ENV: 'development' }, async (a) => {
      const page = await request(a.app).get('/graphql').set('Accept', 'text/html,application/xhtml+xml');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('<div id="graphiql">');
      const srcs = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(srcs).toEqual(['/ide/graphiql.min.css', '/ide/react.production.min.js', '/ide/react-dom.production.min.js', '/ide/graphiql.min.js', '/ide/init.js']);
      for (const src of srcs) {
        const asset = await request(a.app).get(src);
        expect({ src, status: asset.status }).toEqual({ src, status: 200 });
        expect(asset.headers['content-type']).toMatch(src.endsWith('.css') ? /text\/css/ : /javascript/);
        expect(Number(asset.headers['content-length'] ?? asset.text?.length ?? 0)).toBeGreaterThan(100);
      }
      // No inline script, so the CSP (script-src 'self') lets the page run.
      expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
      expect(page.text).not.toMatch(/https?:\/\//);

      // Introspection is on in development, and API clients asking for JSON get GraphQL, not the page.
      const intro = await a.gql(`{ __schema { queryType { name } } }`, {}, admin);
      expect(intro.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const api = await request(a.app).get('/graphql').query({ query: '{ __typename }' }).set('Accept', 'application/json').set('Apollo-Require-Preflight', 'true').set('Authorization', `Bearer ${admin}`);
      expect(api.body).toEqual({ data: { __typename: 'Query' }, extensions: expect.anything() });
    });
  });
});
