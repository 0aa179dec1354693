import 'reflect-metadata';
import request from 'supertest';
import { Role } from '../src/common/auth';
import { TEST_PASSWORD, makeUser, startTestApp, type TestApp, type TestUser } from './support/app';

let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeUser(t.ds, Role.ADMIN);
});
afterAll(() => t.close());

const SESSION = `accessToken expiresAt refreshToken refreshExpiresAt userErrors { field code message messageEn }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { ${SESSION} } }`;
const REFRESH = `mutation($i: RefreshSessionInput!) { refreshSession(input: $i) { ${SESSION} } }`;
const ME = `{ me { id role } }`;

interface Session {
  accessToken: string;
  refreshToken: string;
}

async function signIn(username: string, password = TEST_PASSWORD): Promise<Session> {
  const r = await t.gql(LOGIN, { i: { username, password } });
  expect(r.body.data!.login.userErrors).toEqual([]);
  return r.body.data!.login;
}

async function refresh(refreshToken: string) {
  const r = await t.gql(REFRESH, { i: { refreshToken } });
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.refreshSession;
}

const ENDED = [{ field: ['input', 'refreshToken'], code: 'INVALID_CREDENTIALS', message: '登录已失效，请重新登录', messageEn: 'The session has ended; sign in again' }];

/** The session works before the event, and neither its access token nor its refresh token after. */
async function expectEndedBy(user: TestUser, event: () => Promise<void>) {
  const s = await signIn(user.username);
  expect((await t.gql(ME, {}, s.accessToken)).status).toBe(200);
  await event();
  const me = await t.gql(ME, {}, s.accessToken);
  expect(me.status).toBe(401);
  expect(me.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  expect((await refresh(s.refreshToken)).userErrors).toEqual(ENDED);
}

describe('sessions end when they should', () => {
  it('changeMyPassword ends every other session and hands the caller a fresh one', async () => {
    const u = await makeUser(t.ds, Role.REPORTER);
    const other = await signIn(u.username);
    const s = await signIn(u.username);
    const r = await t.gql(
      `mutation($i: ChangeMyPasswordInput!) { changeMyPassword(input: $i) { user { id } ${SESSION} } }`,
      { i: { currentPassword: TEST_PASSWORD, newPassword: 'another good password' } },
      s.accessToken,
    );
    const p = r.body.data!.changeMyPassword;
    expect(p.userErrors).toEqual([]);
    expect(p.user).toEqual({ id: u.user.id });
    for (const old of [s.accessToken, other.accessToken]) expect((await t.gql(ME, {}, old)).status).toBe(401);
    expect((await refresh(other.refreshToken)).userErrors).toEqual(ENDED);
    expect((await t.gql(ME, {}, p.accessToken)).body.data!.me.id).toBe(u.user.id);
    expect((await refresh(p.refreshToken)).userErrors).toEqual([]);
  });

  it('an administrator resetting the password ends the sessions', async () => {
    const u = await makeUser(t.ds, Role.PARTNER_VIEWER);
    await expectEndedBy(u, async () => {
      const r = await t.gql(`mutation($i: UserRefInput!) { resetUserPassword(input: $i) { generatedPassword userErrors { code } } }`, { i: { id: u.user.id } }, admin.token);
      expect(r.body.data!.resetUserPassword.userErrors).toEqual([]);
    });
  });

  it('deactivation ends the sessions, and reactivation does not bring them back', async () => {
    const u = await makeUser(t.ds, Role.COORDINATOR);
    const s = await signIn(u.username);
    await expectEndedBy(u, async () => {
      const r = await t.gql(`mutation($i: UserRefInput!) { deactivateUser(input: $i) { userErrors { code } } }`, { i: { id: u.user.id } }, admin.token);
      expect(r.body.data!.deactivateUser.userErrors).toEqual([]);
    });
    const [{ version }] = await t.ds.query(`SELECT version FROM app_user WHERE id = $1`, [u.user.id]);
    const back = await t.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { active } userErrors { code } } }`, { i: { id: u.user.id, expectedVersion: version, active: true } }, admin.token);
    expect(back.body.data!.updateUser).toEqual({ user: { active: true }, userErrors: [] });
    for (const old of [s.accessToken, u.token]) expect((await t.gql(ME, {}, old)).status).toBe(401);
    expect((await refresh(s.refreshToken)).userErrors).toEqual(ENDED);
    // Signing in again works.
    expect((await t.gql(ME, {}, (await signIn(u.username)).accessToken)).status).toBe(200);
  });

  it('reactivating a user ends sessions made while it was active before (deactivated, reactivated by hand in the database meanwhile)', async () => {
    const u = await makeUser(t.ds, Role.REPORTER);
    const s = await signIn(u.username);
    // Deactivated and reactivated: the token from before must stay dead even if something else had left the version alone.
    await t.ds.query(`UPDATE app_user SET active = false, version = version + 1 WHERE id = $1`, [u.user.id]);
    const [{ version }] = await t.ds.query(`SELECT version FROM app_user WHERE id = $1`, [u.user.id]);
    const back = await t.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { userErrors { code } } }`, { i: { id: u.user.id, expectedVersion: version, active: true } }, admin.token);
    expect(back.body.data!.updateUser.userErrors).toEqual([]);
    expect((await t.gql(ME, {}, s.accessToken)).status).toBe(401);
  });

  it('a role or scope change ends the sessions; a new display name does not', async () => {
    const u = await makeUser(t.ds, Role.REPORTER);
    const s = await signIn(u.username);
    const rename = await t.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { userErrors { code } } }`, { i: { id: u.user.id, expectedVersion: 1, displayName: '新名字' } }, admin.token);
    expect(rename.body.data!.updateUser.userErrors).toEqual([]);
    expect((await t.gql(ME, {}, s.accessToken)).status).toBe(200);
    await expectEndedBy(u, async () => {
      const r = await t.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { userErrors { code } } }`, { i: { id: u.user.id, expectedVersion: 2, role: 'PARTNER_VIEWER' } }, admin.token);
      expect(r.body.data!.updateUser.userErrors).toEqual([]);
    });
    const officer = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'] });
    await expectEndedBy(officer, async () => {
      const r = await t.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { userErrors { code } } }`, { i: { id: officer.user.id, expectedVersion: 1, districtCodes: ['511102', '511112'] } }, admin.token);
      expect(r.body.data!.updateUser.userErrors).toEqual([]);
    });
  });

  it('signOutEverywhere ends every session of the caller, on every device', async () => {
    const u = await makeUser(t.ds, Role.COORDINATOR);
    const phone = await signIn(u.username);
    await expectEndedBy(u, async () => {
      const r = await t.gql(`mutation { signOutEverywhere(input: { reason: "phone lost" }) { signedOutAt userErrors { code } } }`, {}, phone.accessToken);
      expect(r.body.data!.signOutEverywhere).toEqual({ signedOutAt: expect.any(String), userErrors: [] });
    });
    expect((await t.gql(ME, {}, phone.accessToken)).status).toBe(401);
    const [audit] = await t.ds.query(`SELECT actor_id, changes FROM audit_event WHERE operation = 'signOutEverywhere' AND entity_id = $1`, [u.user.id]);
    expect(audit.actor_id).toBe(u.user.id);
    expect(JSON.stringify(audit.changes)).toContain('phone lost');
  });
});

describe('refresh tokens', () => {
  it('rotate: each works once; presenting a used one again ends its whole family', async () => {
    const u = await makeUser(t.ds, Role.REPORTER);
    const s = await signIn(u.username);
    const [stored] = await t.ds.query(`SELECT token_hash FROM refresh_token WHERE user_id = $1`, [u.user.id]);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(s.refreshToken.slice(4, 20));

    const next = await refresh(s.refreshToken);
    expect(next.userErrors).toEqual([]);
    expect(next.refreshToken).not.toBe(s.refreshToken);
    expect((await t.gql(ME, {}, next.accessToken)).body.data!.me.id).toBe(u.user.id);

    // The old one again: refused, and its successor is revoked with it (the family was copied).
    expect((await refresh(s.refreshToken)).userErrors).toEqual(ENDED);
    expect((await refresh(next.refreshToken)).userErrors).toEqual(ENDED);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE operation = 'refreshSession' AND outcome = 'REFUSED' AND reason LIKE $1`, [`REPLAYED:%${u.user.id}%`]);
    expect(n).toBe(1);
    // Another sign-in is its own family and unaffected.
    const other = await signIn(u.username);
    expect((await refresh(other.refreshToken)).userErrors).toEqual([]);
  });

  it('garbage, unknown and signed-out refresh tokens are refused alike', async () => {
    const u = await makeUser(t.ds, Role.REPORTER);
    for (const token of ['garbage', `ebr_${'x'.repeat(43)}`]) expect((await refresh(token)).userErrors).toEqual(ENDED);
    const s = await signIn(u.username);
    const out = await t.gql(`mutation($i: SignOutInput!) { signOut(input: $i) { signedOutAt userErrors { code } } }`, { i: { refreshToken: s.refreshToken } });
    expect(out.body.data!.signOut.userErrors).toEqual([]);
    expect((await refresh(s.refreshToken)).userErrors).toEqual(ENDED);
  });
});

describe('sign-in attempts per address', () => {
  it('over the limit, a sign-in is refused with 429 and Retry-After before any password is checked', async () => {
    const tl = await startTestApp({ env: { SIGN_IN_ATTEMPTS_PER_ADDRESS: '3', SIGN_IN_ADDRESS_WINDOW_SECONDS: '600' } });
    try {
      const u = await makeUser(tl.ds, Role.REPORTER);
      for (let i = 0; i < 3; i++) {
        const r = await tl.gql(LOGIN, { i: { username: `someone-${i}`, password: 'wrong password' } });
        expect(r.body.data!.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
      }
      const res = await request(tl.app).post('/graphql').set('Content-Type', 'application/json').send({ query: LOGIN, variables: { i: { username: u.username, password: TEST_PASSWORD } } });
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      // Not a guess against the name: nothing counted for it.
      expect((await tl.ds.query(`SELECT 1 FROM login_throttle WHERE username = $1`, [u.username])).length).toBe(0);
    } finally {
      await tl.close();
    }
  });
});
