import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { Role } from '../src/common/auth';
import { hashPassword } from '../src/modules/access/access.passwords';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { helpers, tag } from './remediation-fixtures';
import { PartnerClient, describeItem, itemVersion } from './clients/client';
import { GENERATED_FILES } from './clients/codegen';

/**
 * What a partner frontend builds on schema.graphql (issue 16): GraphQL Code Generator makes types
 * from test/clients/operations.graphql, they compile with `tsc --strict` (scalars mapped, none
 * `any`), and the five operations run against the service.
 */

const ROOT = path.resolve(__dirname, '..');
let t: TestApp;
const h = helpers(() => t);

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('generated client types', () => {
  it('test/clients/generated/ is what GraphQL Code Generator makes from schema.graphql (run `npm run codegen:clients`)', async () => {
    // In a child process: the code generator loads its plugins with dynamic import(), which jest's VM does not allow.
    const tsNode = path.join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');
    const { stdout } = await promisify(execFile)(process.execPath, [tsNode, '--transpile-only', path.join(ROOT, 'test', 'clients', 'codegen.ts'), '--stdout'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const fresh = JSON.parse(stdout) as Record<string, string>;
    expect(Object.keys(fresh).sort()).toEqual([...GENERATED_FILES].sort());
    const schemaTypes = fresh[GENERATED_FILES.find((f) => f.endsWith('schema.ts'))!];
    expect(schemaTypes).toContain('LocalDate: { input: string; output: string; }');
    expect(schemaTypes).toContain('Yuan: { input: string; output: string; }');
    expect(schemaTypes).toContain('DateTimeISO: { input: string; output: string; }');
    expect(schemaTypes).toContain('JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }');
    for (const f of GENERATED_FILES) {
      expect(fresh[f]).not.toMatch(/: any\b|<any>|any\[\]/);
      expect({ file: f, upToDate: fs.readFileSync(f, 'utf8') === fresh[f] }).toEqual({ file: f, upToDate: true });
    }
  }, 120_000);

  it('compile with tsc --strict together with the client that uses them', async () => {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = ['--strict', '--noEmit', '--target', 'ES2022', '--module', 'commonjs', '--skipLibCheck', '--types', 'node', path.join(ROOT, 'test', 'clients', 'client.ts'), ...GENERATED_FILES];
    const r = await promisify(execFile)(process.execPath, [tsc, ...args], { cwd: ROOT }).then(
      () => ({ ok: true, out: '' }),
      (e: { stdout?: string }) => ({ ok: false, out: e.stdout ?? String(e) }),
    );
    expect(r).toEqual({ ok: true, out: '' });
  }, 180_000);
});

describe('the partner operations against the service', () => {
  it('signs in, lists overdue items of a district both ways, refetches one by node(id:), moves it, reads statistics', async () => {
    const officer = await makeUser(t.ds, Role.COORDINATOR);
    const password = `a long enough password ${tag()}`;
    await t.ds.query(`UPDATE app_user SET password_hash = $2 WHERE username = $1`, [officer.username, await hashPassword(password)]);
    const document = fs.readFileSync(path.join(ROOT, 'test', 'clients', 'operations.graphql'), 'utf8');
    const client = new PartnerClient(async (body, token) => {
      const req = request(t.app).post('/graphql').set('Content-Type', 'application/json');
      if (token) req.set('Authorization', `Bearer ${token}`);
      return (await req.send(body)).body;
    }, document);

    const login = await client.signIn(officer.username, password);
    expect(login.userErrors).toEqual([]);
    expect(typeof login.accessToken).toBe('string');

    // Three items in 峨边 (511132), served with deadlines, then put past them.
    const text = `客户端${tag()}`;
    const items = [];
    for (let i = 0; i < 3; i++) {
      const biz = await h.business(officer.token, { districtCode: '511132' });
      const it = await h.item(officer.token, { businessId: biz.id, description: `${text} ${i}` });
      items.push(await h.move(officer.token, it, 'SERVE_NOTICE', { noticeType: 'LIMITED_TIME', noticeNo: `乐消限字〔2026〕${tag()}号`, deadline: '2099-01-0' + (i + 1) }));
    }
    await t.ds.query(`UPDATE remediation_item SET deadline = DATE '2026-01-10' + (x.n)::int FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n) WHERE remediation_item.id = x.id`, [items.map((i) => i.id)]);

    const page1 = await client.overdueItems({ district: '511132', text, first: 2 });
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e) => e.node.deadline)).toEqual(['2026-01-11', '2026-01-12']);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = await client.overdueItems({ district: '511132', text, first: 2, after: page1.pageInfo.endCursor });
    expect(page2.edges.map((e) => e.node.deadline)).toEqual(['2026-01-13']);
    const back = await client.overdueItems({ district: '511132', text, last: 2, before: page2.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.deadline)).toEqual(['2026-01-11', '2026-01-12']);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(describeItem(page2.edges[0].node)).toMatch(/ NOTIFIED found \d{4}-\d{2}-\d{2} due 2026-01-13 v\d+$/);

    const first = page1.edges[0].node;
    const refetched = await client.refetch(first.id);
    expect(refetched).toMatchObject({ __typename: 'RemediationItem', id: first.id, code: first.code, deadline: '2026-01-11' });
    const version = itemVersion(refetched);
    expect(version).toBe(first.version);

    const moved = await client.move({ id: first.id, expectedVersion: version!, action: 'START_RECTIFICATION' });
    expect(moved.userErrors).toEqual([]);
    expect(moved.remediationItem).toMatchObject({ id: first.id, status: 'RECTIFYING', version: version! + 1 });
    const stale = await client.move({ id: first.id, expectedVersion: version!, action: 'START_RECTIFICATION' });
    expect(stale.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const stats = await client.statistics({ from: '2026-01-01', to: today });
    const ebian = stats.find((r) => r.districtCode === '511132')!;
    expect(ebian.districtName).toBe('峨边彝族自治县');
    expect(ebian.found).toBeGreaterThanOrEqual(3);
    expect(stats.some((r) => r.isTotal)).toBe(true);
  }, 180_000);
});
