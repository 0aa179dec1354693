import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverAudits } from 'graphql-http';
import { startTestApp, type TestApp } from './support/app';

/**
 * GraphQL-over-HTTP compliance of the live server (graphql-http's audits): no failures, no warnings;
 * the notices that remain are explained in README "GraphQL over HTTP".
 */
describe('graphql-http server audits', () => {
  let t: TestApp;
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp();
    server = http.createServer(t.app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await t.close();
  });

  it('has zero failures', async () => {
    const results = [];
    for (const audit of serverAudits({ url, fetchFn: fetch })) {
      results.push(await audit.fn());
    }
    const failures = results.filter((r) => r.status === 'error');
    expect(failures.map((f) => `${f.name}: ${'reason' in f ? f.reason : ''}`)).toEqual([]);
    const warnings = results.filter((r) => r.status === 'warn').map((r) => r.name);
    expect(warnings).toEqual([]);
    // Notices only for GET requests without a preflight header, which CSRF prevention blocks on purpose.
    const notices = results.filter((r) => r.status === 'notice').map((r) => r.name);
    for (const n of notices) expect(n).toMatch(/GET requests|in GETs/);
  });
});
