import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { Role } from '../src/common/auth';
import { IDE_DEFAULT_QUERY } from '../src/http/ide';
import { makeUser, startTestApp, TEST_PASSWORD, type TestApp } from './support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('front page', () => {
  it('GET / names the service in Chinese first and links the IDE, health, the schema and the exports', async () => {
    const res = await request(t.app).get('/').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.text;
    expect(html).toContain('<html lang="zh-CN">');
    const zh = html.indexOf('电动自行车安全隐患全链条整治');
    const en = html.indexOf('Leshan whole-chain remediation of e-bike safety hazards');
    expect(zh).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(zh);
    for (const href of ['/graphql', '/healthz', '/readyz', '/schema.graphql']) expect(html).toContain(`href="${href}"`);
    for (const route of ['/exports/remediation-items.csv', '/exports/remediation-items.xlsx', '/exports/bulletin.xlsx']) expect(html).toContain(route);
  });

  it('GET /favicon.ico answers 204 (no icon), not a 404 in every browser console', async () => {
    expect((await request(t.app).get('/favicon.ico')).status).toBe(204);
  });

  it('every link on the page answers (no dead link on the first screen)', async () => {
    const html = (await request(t.app).get('/')).text;
    const links = [...html.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const href of links) {
      const res = await request(t.app).get(href).set('Accept', 'text/html');
      expect({ href, status: res.status }).toEqual({ href, status: 200 });
    }
  });

  it('GET /schema.graphql serves the schema, the same text as the committed contract', async () => {
    const res = await request(t.app).get('/schema.graphql');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('remediationItems(');
    expect(res.text).toBe(fs.readFileSync(path.resolve(__dirname, '..', 'schema.graphql'), 'utf8'));
  });

  it('with introspection and the IDE off (production defaults) the page says so and /schema.graphql is not served', async () => {
    const prod = await startTestApp({ ds: t.ds, env: { GRAPHQL_INTROSPECTION: 'false', GRAPHQL_IDE: 'false' } });
    try {
      const page = await request(prod.app).get('/');
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('href="/schema.graphql"');
      expect(page.text).not.toContain('href="/graphql"');
      expect(page.text).toContain('POST /graphql');
      expect((await request(prod.app).get('/schema.graphql')).status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

describe('security headers', () => {
  it('over plain HTTP (no PUBLIC_URL): no upgrade-insecure-requests and no HSTS, so the IDE loads on any host name', async () => {
    const res = await request(t.app).get('/graphql').set('Accept', 'text/html').set('Host', 'ebike.intranet:4000');
    expect(res.status).toBe(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('behind HTTPS (PUBLIC_URL=https://…): HSTS and upgrade-insecure-requests are sent', async () => {
    const secure = await startTestApp({ ds: t.ds, env: { PUBLIC_URL: 'https://ebike.example.gov.cn' } });
    try {
      const res = await request(secure.app).get('/');
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });

  it('an http:// PUBLIC_URL keeps plain-HTTP headers', async () => {
    const plain = await startTestApp({ ds: t.ds, env: { PUBLIC_URL: 'http://10.20.30.40:4000' } });
    try {
      const res = await request(plain.app).get('/');
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});

describe('IDE first screen', () => {
  it('sends no default Authorization header and persists headers', async () => {
    const js = (await request(t.app).get('/ide/init.js')).text;
    expect(js).toContain('shouldPersistHeaders: true');
    expect(js).toContain("defaultHeaders: ''");
    expect(js).not.toMatch(/Bearer </);
  });

  it('the default document runs exactly as shown: Login with its variables, then Overview with the token', async () => {
    const { username } = await makeUser(t.ds, Role.COORDINATOR);
    const login = await request(t.app)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({ query: IDE_DEFAULT_QUERY, operationName: 'Login', variables: { username, password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body.errors).toBeUndefined();
    expect(login.body.data.login.userErrors).toEqual([]);
    const token = login.body.data.login.accessToken as string;
    expect(token).toMatch(/^ey/);

    const overview = await request(t.app)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Authorization', `Bearer ${token}`)
      .send({ query: IDE_DEFAULT_QUERY, operationName: 'Overview' });
    expect(overview.status).toBe(200);
    expect(overview.body.errors).toBeUndefined();
    expect(overview.body.data.me.role).toBe('COORDINATOR');
    expect(overview.body.data.taskTeams).toHaveLength(6);
    expect(overview.body.data.remediationItems.totalCount).toEqual(expect.any(Number));
  });

  it('the default document with a wrong password answers a user error, not a crash', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({ query: IDE_DEFAULT_QUERY, operationName: 'Login', variables: { username: 'admin', password: '' } });
    expect(res.status).toBe(200);
    expect(res.body.data.login.accessToken).toBeNull();
    expect(res.body.data.login.userErrors.length).toBeGreaterThan(0);
  });
});
