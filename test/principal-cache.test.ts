import 'reflect-metadata';
import { Role } from '../src/common/auth';
import { TEST_PASSWORD, makeUser, startTestApp, type TestApp, type TestUser } from './support/app';

/**
 * The per-process cache of access-token callers, through HTTP on two app instances (A and B, each
 * with its own caches and LISTEN connection) over one database: an ended session, a role, scope or
 * stage change reaches the instance that made it on the next request and the other one as soon as
 * PostgreSQL's notification arrives.
 */
let a: TestApp;
let b: TestApp;
let admin: TestUser;

const CACHE_ON = { PRINCIPAL_CACHE_ENTRIES: '1000' };
const ME = `{ me { id role stages districtCodes } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { code } } }`;

beforeAll(async () => {
  a = await startTestApp({ env: CACHE_ON });
  b = await startTestApp({ ds: a.ds, env: CACHE_ON });
  admin = await makeUser(a.ds, Role.ADMIN);
  // Both LISTEN connections are up before anything is asserted.
  for (let i = 0; i < 100 && !(a.handle.principalCache.active && b.handle.principalCache.active); i++) await new Promise((r) => setTimeout(r, 20));
});
afterAll(async () => {
  await b.close();
  await a.close();
});

async function signIn(app: TestApp, username: string, password = TEST_PASSWORD): Promise<string> {
  const r = await app.gql(LOGIN, { i: { username, password } });
  expect(r.body.data!.login.userErrors).toEqual([]);
  return r.body.data!.login.accessToken;
}

/**
 * The token is answered on both instances, the second time from each one's cache. The commit just
 * before (a sign-in writes the user row) is announced asynchronously and empties the caches when it
 * arrives, which under load can be after the first request here: wait for that first.
 */
async function cachedOnBoth(token: string, expected: Record<string, unknown>) {
  for (const app of [a, b]) {
    expect((await app.gql(ME, {}, token)).body.data!.me).toEqual(expected);
    await eventually(async () => {
      const before = app.handle.principalCache.stats.hits;
      await app.gql(ME, {}, token);
      return app.handle.principalCache.stats.hits === before + 1;
    });
    const hits = app.handle.principalCache.stats.hits;
    expect((await app.gql(ME, {}, token)).body.data!.me).toEqual(expected);
    expect(app.handle.principalCache.stats.hits).toBe(hits + 1);
  }
}

/** Polls `app` until `check` passes: the other instance hears of a commit by notification, in well under a second. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('the change did not reach the other instance');
    await new Promise((r) => setTimeout(r, 10));
  }
}
const refused = (app: TestApp, token: string) => async () => (await app.gql(ME, {}, token)).status === 401;

describe('principal cache across two instances', () => {
  it('is on (listening) in both instances and serves a repeated token without reading the user', async () => {
    expect(a.handle.principalCache.active).toBe(true);
    expect(b.handle.principalCache.active).toBe(true);
    const u = await makeUser(a.ds, Role.REPORTER);
    await cachedOnBoth(u.token, { id: u.user.id, role: 'REPORTER', stages: [], districtCodes: [] });
  });

  it('a bad or expired-looking token is never served from the cache', async () => {
    const u = await makeUser(a.ds, Role.REPORTER);
    await cachedOnBoth(u.token, { id: u.user.id, role: 'REPORTER', stages: [], districtCodes: [] });
    const tampered = u.token.slice(0, -2) + (u.token.endsWith('AA') ? 'BB' : 'AA');
    expect((await a.gql(ME, {}, tampered)).status).toBe(401);
    expect((await b.gql(ME, {}, tampered)).status).toBe(401);
  });

  it('changeMyPassword on A: the old token is refused by A at once and by B on the notification', async () => {
    const u = await makeUser(a.ds, Role.REPORTER);
    const s = await signIn(a, u.username);
    await cachedOnBoth(s, { id: u.user.id, role: 'REPORTER', stages: [], districtCodes: [] });
    const r = await a.gql(`mutation($i: ChangeMyPasswordInput!) { changeMyPassword(input: $i) { userErrors { code } } }`, { i: { currentPassword: TEST_PASSWORD, newPassword: 'another good password' } }, s);
    expect(r.body.data!.changeMyPassword.userErrors).toEqual([]);
    expect((await a.gql(ME, {}, s)).status).toBe(401);
    await eventually(refused(b, s));
    expect((await b.gql(ME, {}, s)).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('deactivateUser on B: refused by B at once and by A on the notification; reactivation does not revive it', async () => {
    const u = await makeUser(a.ds, Role.COORDINATOR);
    await cachedOnBoth(u.token, { id: u.user.id, role: 'COORDINATOR', stages: [], districtCodes: [] });
    const r = await b.gql(`mutation($i: UserRefInput!) { deactivateUser(input: $i) { userErrors { code } } }`, { i: { id: u.user.id } }, admin.token);
    expect(r.body.data!.deactivateUser.userErrors).toEqual([]);
    expect((await b.gql(ME, {}, u.token)).status).toBe(401);
    await eventually(refused(a, u.token));
    const [{ version }] = await a.ds.query(`SELECT version FROM app_user WHERE id = $1`, [u.user.id]);
    const back = await a.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { userErrors { code } } }`, { i: { id: u.user.id, expectedVersion: version, active: true } }, admin.token);
    expect(back.body.data!.updateUser.userErrors).toEqual([]);
    expect((await a.gql(ME, {}, u.token)).status).toBe(401);
    expect((await b.gql(ME, {}, u.token)).status).toBe(401);
  });

  it('a role change on A ends the session on B; signOutEverywhere on B ends it on A', async () => {
    const u = await makeUser(a.ds, Role.REPORTER);
    await cachedOnBoth(u.token, { id: u.user.id, role: 'REPORTER', stages: [], districtCodes: [] });
    const r = await a.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { userErrors { code } } }`, { i: { id: u.user.id, expectedVersion: 1, role: 'PARTNER_VIEWER' } }, admin.token);
    expect(r.body.data!.updateUser.userErrors).toEqual([]);
    expect((await a.gql(ME, {}, u.token)).status).toBe(401);
    await eventually(refused(b, u.token));

    const fresh = await signIn(b, u.username);
    await cachedOnBoth(fresh, { id: u.user.id, role: 'PARTNER_VIEWER', stages: [], districtCodes: [] });
    const out = await b.gql(`mutation { signOutEverywhere(input: { reason: "lost" }) { userErrors { code } } }`, {}, fresh);
    expect(out.body.data!.signOutEverywhere.userErrors).toEqual([]);
    expect((await b.gql(ME, {}, fresh)).status).toBe(401);
    await eventually(refused(a, fresh));
  });

  it('a change by hand in the database (another tool, no GraphQL) reaches both instances', async () => {
    const u = await makeUser(a.ds, Role.REPORTER);
    await cachedOnBoth(u.token, { id: u.user.id, role: 'REPORTER', stages: [], districtCodes: [] });
    await a.ds.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [u.user.id]);
    await eventually(refused(a, u.token));
    await eventually(refused(b, u.token));
  });

  it("a team's stages changed by hand reach the officer's cached scope on both instances", async () => {
    const officer = await makeUser(a.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'] });
    const [team] = await a.ds.query(`SELECT id FROM task_team WHERE code = 'SALES'`);
    const before: string[] = (await a.ds.query(`SELECT stage::text AS s FROM task_team_stage WHERE team_id = $1 ORDER BY 1`, [team.id])).map((r: { s: string }) => r.s);
    expect(before).not.toContain('RECYCLING');
    await cachedOnBoth(officer.token, { id: officer.user.id, role: 'AGENCY_OFFICER', stages: before, districtCodes: ['511102'] });
    await a.ds.query(`INSERT INTO task_team_stage (team_id, stage) VALUES ($1, 'RECYCLING')`, [team.id]);
    try {
      const after = [...before, 'RECYCLING'].sort();
      for (const app of [a, b]) await eventually(async () => JSON.stringify((await app.gql(ME, {}, officer.token)).body.data!.me.stages) === JSON.stringify(after));
    } finally {
      await a.ds.query(`DELETE FROM task_team_stage WHERE team_id = $1 AND stage = 'RECYCLING'`, [team.id]);
    }
  });

  it('a lost LISTEN connection turns the cache off until it is back: every request reads the user', async () => {
    const u = await makeUser(a.ds, Role.REPORTER);
    await cachedOnBoth(u.token, { id: u.user.id, role: 'REPORTER', stages: [], districtCodes: [] });
    await a.ds.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ebike-report-cache' AND datname = current_database()`);
    await eventually(async () => !a.handle.principalCache.active && !b.handle.principalCache.active);
    const hits = a.handle.principalCache.stats.hits;
    // While off, a change is seen at once (no notification needed).
    await a.ds.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [u.user.id]);
    expect((await a.gql(ME, {}, u.token)).status).toBe(401);
    expect(a.handle.principalCache.stats.hits).toBe(hits);
    await eventually(async () => a.handle.principalCache.active && b.handle.principalCache.active, 10000);
  });
});
