import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { Role } from '../src/common/auth';
import { sha256 } from '../src/modules/access/access.tokens';
import { TEST_PASSWORD, makeUser, startTestApp, type TestApp } from './support/app';

let t: TestApp;
let admin: string;
let adminId: string;

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeUser(t.ds, Role.ADMIN);
  admin = a.token;
  adminId = a.user.id;
});
afterAll(() => t.close());

const uniq = (p: string) => `${p}-${randomUUID().slice(0, 8)}`;

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken expiresAt user { id username } userErrors { field messageEn code } } }`;
const ME = `{ me { kind id name role stages districtCodes department { code } teams { code } } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) {
  user { id username displayName role active version department { code } teams { code } districts { code } }
  generatedPassword userErrors { field messageEn code } } }`;
const UPDATE_USER = `mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { id displayName role active version } userErrors { field messageEn code } } }`;
const DEACTIVATE = `mutation($i: UserRefInput!) { deactivateUser(input: $i) { user { id active } userErrors { field messageEn code } } }`;
const RESET = `mutation($i: UserRefInput!) { resetUserPassword(input: $i) { user { id } generatedPassword userErrors { field messageEn code } } }`;
const CHANGE_PW = `mutation($i: ChangeMyPasswordInput!) { changeMyPassword(input: $i) { user { id } userErrors { field messageEn code } } }`;
const CREATE_KEY = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id name prefix role expiresAt revokedAt } key userErrors { field messageEn code } } }`;
const REVOKE_KEY = `mutation($i: ApiKeyRefInput!) { revokeApiKey(input: $i) { apiKey { id revokedAt } userErrors { field messageEn code } } }`;

async function login(username: string, password: string, app = t) {
  const r = await app.gql(LOGIN, { i: { username, password } });
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.login;
}

async function countRows(sql: string, params: unknown[]): Promise<number> {
  const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return n;
}

describe('login and me', () => {
  it('returns a short-lived HS256 token; me answers the principal with its write scope', async () => {
    const officer = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102', '511112'], departmentCode: 'MARKET' });
    const before = Date.now();
    const r = await login(officer.username.toUpperCase(), TEST_PASSWORD);
    expect(r.userErrors).toEqual([]);
    expect(r.user).toEqual({ id: officer.user.id, username: officer.username });
    const claims = jwt.decode(r.accessToken, { complete: true }) as jwt.Jwt & { payload: jwt.JwtPayload };
    expect(claims.header.alg).toBe('HS256');
    expect(claims.payload.sub).toBe(officer.user.id);
    expect(claims.payload.exp! - claims.payload.iat!).toBe(t.config.jwtTtlSeconds);
    expect(t.config.jwtTtlSeconds).toBeLessThanOrEqual(3600);
    expect(new Date(r.expiresAt).getTime()).toBeGreaterThanOrEqual(before + t.config.jwtTtlSeconds * 1000 - 2000);
    expect(new Date(r.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + t.config.jwtTtlSeconds * 1000 + 1000);

    const me = await t.gql(ME, {}, r.accessToken);
    expect(me.body).toEqual({
      data: {
        me: {
          kind: 'user',
          id: officer.user.id,
          name: officer.username,
          role: 'AGENCY_OFFICER',
          stages: ['IMPORT', 'SALES'],
          districtCodes: ['511102', '511112'],
          department: { code: 'MARKET' },
          teams: [{ code: 'SALES' }],
        },
      },
      extensions: expect.anything(),
    });

    const [row] = await t.ds.query(`SELECT last_login_at FROM app_user WHERE id = $1`, [officer.user.id]);
    expect(row.last_login_at).not.toBeNull();
  });

  it('answers an unknown username and a wrong password identically', async () => {
    const u = await makeUser(t.ds, Role.REPORTER);
    const wrong = await t.gql(LOGIN, { i: { username: u.username, password: 'not the password' } });
    const unknown = await t.gql(LOGIN, { i: { username: uniq('nobody'), password: 'not the password' } });
    expect(wrong.status).toBe(200);
    expect(unknown.status).toBe(200);
    const expected = {
      accessToken: null,
      expiresAt: null,
      user: null,
      userErrors: [{ field: ['input', 'password'], code: 'INVALID_CREDENTIALS', messageEn: 'Wrong username or password' }],
    };
    expect(wrong.body.data!.login).toEqual(expected);
    expect(unknown.body.data!.login).toEqual(expected);
    expect(wrong.body.errors).toBeUndefined();
    expect(unknown.body.errors).toBeUndefined();
  });

  it('rejects a forged or garbage token with 401 UNAUTHENTICATED', async () => {
    const u = await makeUser(t.ds, Role.COORDINATOR);
    const forged = jwt.sign({ sub: u.user.id, typ: 'access' }, 'another-secret-another-secret-another-secret', { algorithm: 'HS256', issuer: 'ebike-remediation', audience: 'ebike-remediation-api', expiresIn: 600 });
    for (const token of [forged, 'garbage', `${u.token}x`]) {
      const r = await t.gql(ME, {}, token);
      expect(r.status).toBe(401);
      expect(r.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const expired = jwt.sign({ sub: u.user.id, typ: 'access', iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }, t.config.jwtSecret!, {
      algorithm: 'HS256',
      issuer: 'ebike-remediation',
      audience: 'ebike-remediation-api',
    });
    const r = await t.gql(ME, {}, expired);
    expect(r.status).toBe(401);
    expect(r.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('signing in inside a batch does not sign the rest of the request in', async () => {
    const u = await makeUser(t.ds, Role.ADMIN);
    const r = await t.gql(
      `mutation($i: LoginInput!) { a: login(input: $i) { accessToken userErrors { code } }
         b: createApiKey(input: { name: "smuggled", role: ADMIN }) { key userErrors { code } } }`,
      { i: { username: u.username, password: TEST_PASSWORD } },
    );
    expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(r.body.data).toBeNull();
    expect(await countRows(`api_key WHERE name = 'smuggled'`, [])).toBe(0);
  });

  it('slows down after 3 failures and locks after 5, the same way for a real and an unknown username', async () => {
    let clock = new Date();
    const tc = await startTestApp({ now: () => clock });
    try {
      const real = await makeUser(t.ds, Role.PARTNER_VIEWER);
      const ghost = uniq('ghost');
      const attempt = (username: string, password = 'wrong password') => tc.gql(LOGIN, { i: { username, password } });
      const timings: number[] = [];
      for (let i = 1; i <= 5; i++) {
        const started = Date.now();
        const [a, b] = await Promise.all([attempt(real.username), attempt(ghost)]);
        timings.push(Date.now() - started);
        expect(a.body).toEqual(b.body);
        expect(a.body.data!.login.userErrors).toEqual([{ field: ['input', 'password'], code: 'INVALID_CREDENTIALS', messageEn: 'Wrong username or password' }]);
      }
      // attempts 3, 4 and 5 are held back (0.5 s, 1 s, 1.5 s)
      expect(timings[3]).toBeGreaterThanOrEqual(950);
      expect(timings[4]).toBeGreaterThanOrEqual(1450);

      // Locked: even the right password is refused, and the answer is the same for the unknown name.
      const [a, b] = await Promise.all([attempt(real.username, TEST_PASSWORD), attempt(ghost, TEST_PASSWORD)]);
      expect(a.body).toEqual(b.body);
      expect(a.body.data!.login).toMatchObject({ accessToken: null, userErrors: [{ field: ['input', 'username'], code: 'LOCKED', messageEn: expect.stringContaining('15 minute') }] });

      const refused = await t.ds.query(
        `SELECT reason FROM audit_event WHERE operation = 'login' AND outcome = 'REFUSED' AND (reason LIKE $1 OR reason LIKE $2) ORDER BY occurred_at, reason`,
        [`%: ${real.username}`, `%: ${ghost}`],
      );
      expect(refused.filter((x: { reason: string }) => x.reason.startsWith('INVALID_CREDENTIALS')).length).toBe(10);
      expect(refused.filter((x: { reason: string }) => x.reason.startsWith('LOCKED')).map((x: { reason: string }) => x.reason).sort()).toEqual(
        [`LOCKED: ${ghost}`, `LOCKED: ${real.username}`].sort(),
      );

      // After the lock period the right password works again, and the failure count starts over.
      clock = new Date(clock.getTime() + 16 * 60_000);
      const ok = await attempt(real.username, TEST_PASSWORD);
      expect(ok.body.data!.login.userErrors).toEqual([]);
      expect(ok.body.data!.login.accessToken).toEqual(expect.any(String));
      const again = await attempt(ghost);
      expect(again.body.data!.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
      const [{ failures }] = await t.ds.query(`SELECT failures FROM login_throttle WHERE username = $1`, [ghost]);
      expect(failures).toBe(1);
      expect(await countRows(`login_throttle WHERE username = $1`, [real.username])).toBe(0);
    } finally {
      await tc.close();
    }
  });
});

describe('users', () => {
  it('an admin creates an agency officer; the password is stored as argon2id and signs in', async () => {
    const username = uniq('Officer');
    const r = await t.gql(
      CREATE_USER,
      { i: { username, displayName: '  王五  ', role: 'AGENCY_OFFICER', departmentCode: 'MARKET', teamCodes: ['SALES', 'MODIFICATION'], districtCodes: ['511102'], password: 'a long enough password' } },
      admin,
    );
    expect(r.body.errors).toBeUndefined();
    const p = r.body.data!.createUser;
    expect(p.userErrors).toEqual([]);
    expect(p.generatedPassword).toBeNull();
    expect(p.user).toMatchObject({
      username: username.toLowerCase(),
      displayName: '王五',
      role: 'AGENCY_OFFICER',
      active: true,
      version: 1,
      department: { code: 'MARKET' },
      teams: [{ code: 'SALES' }, { code: 'MODIFICATION' }],
      districts: [{ code: '511102' }],
    });
    const [row] = await t.ds.query(`SELECT password_hash FROM app_user WHERE id = $1`, [p.user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(row.password_hash).not.toContain('a long enough password');

    const signed = await login(username, 'a long enough password');
    expect(signed.userErrors).toEqual([]);
    const me = await t.gql(ME, {}, signed.accessToken);
    expect(me.body.data!.me).toMatchObject({ role: 'AGENCY_OFFICER', stages: ['IMPORT', 'MODIFICATION', 'SALES'], districtCodes: ['511102'] });
  });

  it('generates a password, shown once, when none is given', async () => {
    const username = uniq('gen');
    const r = await t.gql(CREATE_USER, { i: { username, displayName: 'Gen', role: 'REPORTER' } }, admin);
    const pw = r.body.data!.createUser.generatedPassword;
    expect(pw).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await login(username, pw)).userErrors).toEqual([]);
    const listed = await t.gql(`query($u: String!) { users(filter: { username: { eq: $u } }) { nodes { username } } }`, { u: username }, admin);
    expect(JSON.stringify(listed.body)).not.toContain(pw);
  });

  it('returns every validation failure with its field path and code, and writes nothing', async () => {
    const audits = await countRows(`audit_event WHERE operation = 'createUser'`, []);
    const r = await t.gql(CREATE_USER, { i: { username: '-x', displayName: '   ', role: 'REPORTER', password: 'short', districtCodes: ['5111'] } }, admin);
    expect(r.body.errors).toBeUndefined();
    const p = r.body.data!.createUser;
    expect(p.user).toBeNull();
    expect(p.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code]).sort()).toEqual(
      [
        ['input.districtCodes', 'VALIDATION'],
        ['input.displayName', 'VALIDATION'],
        ['input.password', 'VALIDATION'],
        ['input.username', 'VALIDATION'],
      ].sort(),
    );
    expect(await countRows(`app_user WHERE username = '-x'`, [])).toBe(0);
    expect(await countRows(`audit_event WHERE operation = 'createUser'`, [])).toBe(audits);
  });

  it('names unknown references, a missing officer scope and a taken username, and writes nothing', async () => {
    const taken = await makeUser(t.ds, Role.REPORTER);
    const audits = await countRows(`audit_event WHERE operation = 'createUser'`, []);
    const users = await countRows(`app_user`, []);

    const bad = await t.gql(CREATE_USER, { i: { username: uniq('refs'), displayName: 'R', role: 'PARTNER_VIEWER', departmentCode: 'NOPE', teamCodes: ['SALES', 'GHOST'], districtCodes: ['511102', '999999'] } }, admin);
    expect(bad.body.data!.createUser.userErrors).toEqual([
      { field: ['input', 'departmentCode'], code: 'INVALID_REFERENCE', messageEn: 'No department with code NOPE' },
      { field: ['input', 'teamCodes', '1'], code: 'INVALID_REFERENCE', messageEn: 'No task team with code GHOST' },
      { field: ['input', 'districtCodes', '1'], code: 'INVALID_REFERENCE', messageEn: 'No district with code 999999' },
    ]);

    const noScope = await t.gql(CREATE_USER, { i: { username: uniq('noscope'), displayName: 'N', role: 'AGENCY_OFFICER' } }, admin);
    expect(noScope.body.data!.createUser.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
      ['input.teamCodes', 'REQUIRED'],
      ['input.districtCodes', 'REQUIRED'],
    ]);

    const dup = await t.gql(CREATE_USER, { i: { username: taken.username.toUpperCase(), displayName: 'D', role: 'REPORTER' } }, admin);
    expect(dup.body.data!.createUser.userErrors).toEqual([{ field: ['input', 'username'], code: 'DUPLICATE', messageEn: expect.stringContaining(taken.user.id) }]);

    expect(await countRows(`app_user`, [])).toBe(users);
    expect(await countRows(`audit_event WHERE operation = 'createUser'`, [])).toBe(audits);
  });

  it('updateUser changes role and name at once (a role change ends the old sessions); a stale version is a CONFLICT', async () => {
    const u = await makeUser(t.ds, Role.REPORTER);
    const r = await t.gql(UPDATE_USER, { i: { id: u.user.id, expectedVersion: 1, displayName: 'Renamed', role: 'PARTNER_VIEWER' } }, admin);
    expect(r.body.data!.updateUser).toEqual({ user: { id: u.user.id, displayName: 'Renamed', role: 'PARTNER_VIEWER', active: true, version: 2 }, userErrors: [] });
    // A token minted for the old role must not keep working (issue 13): 401, and the new role after signing in again.
    expect((await t.gql(ME, {}, u.token)).status).toBe(401);
    const me = await t.gql(ME, {}, (await login(u.username, TEST_PASSWORD)).accessToken);
    expect(me.body.data!.me.role).toBe('PARTNER_VIEWER');

    const stale = await t.gql(UPDATE_USER, { i: { id: u.user.id, expectedVersion: 1, role: 'ADMIN' } }, admin);
    expect(stale.body.data!.updateUser).toEqual({ user: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT', messageEn: expect.stringContaining('version 2') }] });
    const [row] = await t.ds.query(`SELECT role, version FROM app_user WHERE id = $1`, [u.user.id]);
    expect(row).toEqual({ role: 'PARTNER_VIEWER', version: 2 });

    const officerNoScope = await t.gql(UPDATE_USER, { i: { id: u.user.id, expectedVersion: 2, role: 'AGENCY_OFFICER' } }, admin);
    expect(officerNoScope.body.data!.updateUser.userErrors.map((e: { code: string }) => e.code)).toEqual(['REQUIRED', 'REQUIRED']);

    const missing = await t.gql(UPDATE_USER, { i: { id: randomUUID(), expectedVersion: 1, displayName: 'X' } }, admin);
    expect(missing.body.data!.updateUser.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', messageEn: 'No user with this id' }]);
    const notUuid = await t.gql(UPDATE_USER, { i: { id: 'not-a-uuid', expectedVersion: 0, displayName: 'X' } }, admin);
    expect(notUuid.body.data!.updateUser.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(['input.expectedVersion', 'input.id']);
  });

  it('an admin cannot deactivate or demote itself', async () => {
    const me = await makeUser(t.ds, Role.ADMIN);
    const demote = await t.gql(UPDATE_USER, { i: { id: me.user.id, expectedVersion: 1, role: 'REPORTER' } }, me.token);
    expect(demote.body.data!.updateUser.userErrors).toEqual([{ field: ['input', 'role'], code: 'VALIDATION', messageEn: expect.any(String) }]);
    const off = await t.gql(DEACTIVATE, { i: { id: me.user.id } }, me.token);
    expect(off.body.data!.deactivateUser.userErrors).toEqual([{ field: ['input', 'id'], code: 'VALIDATION', messageEn: expect.any(String) }]);
    expect((await t.gql(ME, {}, me.token)).body.data!.me.role).toBe('ADMIN');
  });

  it("deactivating a user stops its existing token (401) and its sign-in (same answer as a wrong password)", async () => {
    const u = await makeUser(t.ds, Role.COORDINATOR);
    expect((await t.gql(ME, {}, u.token)).status).toBe(200);
    const r = await t.gql(DEACTIVATE, { i: { id: u.user.id } }, admin);
    expect(r.body.data!.deactivateUser).toEqual({ user: { id: u.user.id, active: false }, userErrors: [] });

    const me = await t.gql(ME, {}, u.token);
    expect(me.status).toBe(401);
    expect(me.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const mutate = await t.gql(`mutation { updateTaskTeam(input: { id: "${randomUUID()}", expectedVersion: 1 }) { userErrors { code } } }`, {}, u.token);
    expect(mutate.status).toBe(401);

    const signIn = await login(u.username, TEST_PASSWORD);
    expect(signIn.userErrors).toEqual([{ field: ['input', 'password'], code: 'INVALID_CREDENTIALS', messageEn: 'Wrong username or password' }]);
    expect(signIn.accessToken).toBeNull();
  });

  it('resetUserPassword gives a new password, shown once; the old one stops working', async () => {
    const u = await makeUser(t.ds, Role.PARTNER_VIEWER);
    const r = await t.gql(RESET, { i: { id: u.user.id } }, admin);
    const pw = r.body.data!.resetUserPassword.generatedPassword;
    expect(pw).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await login(u.username, TEST_PASSWORD)).userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await login(u.username, pw)).userErrors).toEqual([]);
    const audit = await t.ds.query(`SELECT changes FROM audit_event WHERE operation = 'resetUserPassword' AND entity_id = $1`, [u.user.id]);
    expect(JSON.stringify(audit)).not.toContain(pw);
  });

  it('changeMyPassword needs the current password; a short new one is a validation error', async () => {
    const u = await makeUser(t.ds, Role.REPORTER);
    const wrong = await t.gql(CHANGE_PW, { i: { currentPassword: 'nope', newPassword: 'a fresh new password' } }, u.token);
    expect(wrong.body.data!.changeMyPassword).toEqual({ user: null, userErrors: [{ field: ['input', 'currentPassword'], code: 'INVALID_CREDENTIALS', messageEn: expect.any(String) }] });
    const short = await t.gql(CHANGE_PW, { i: { currentPassword: TEST_PASSWORD, newPassword: 'short' } }, u.token);
    expect(short.body.data!.changeMyPassword.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([['input.newPassword', 'VALIDATION']]);
    expect((await login(u.username, TEST_PASSWORD)).userErrors).toEqual([]);

    const ok = await t.gql(CHANGE_PW, { i: { currentPassword: TEST_PASSWORD, newPassword: 'a fresh new password' } }, u.token);
    expect(ok.body.data!.changeMyPassword).toEqual({ user: { id: u.user.id }, userErrors: [] });
    expect((await login(u.username, TEST_PASSWORD)).userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await login(u.username, 'a fresh new password')).userErrors).toEqual([]);
  });
});

describe('API keys', () => {
  async function createKey(input: Record<string, unknown>) {
    const r = await t.gql(CREATE_KEY, { i: input }, admin);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.createApiKey.userErrors).toEqual([]);
    return r.body.data!.createApiKey as { apiKey: { id: string; prefix: string; name: string }; key: string };
  }

  it('is shown once and stored only as a hash', async () => {
    const name = uniq('bulletin');
    const { apiKey, key } = await createKey({ name, role: 'REPORTER' });
    const m = /^ebk_([a-z0-9]{12})_([A-Za-z0-9_-]{32})$/.exec(key);
    expect(m).not.toBeNull();
    expect(apiKey.prefix).toBe(m![1]);
    const [row] = await t.ds.query(`SELECT to_jsonb(k) AS k FROM api_key k WHERE id = $1`, [apiKey.id]);
    expect(row.k.secret_hash).toBe(sha256(m![2]));
    expect(JSON.stringify(row.k)).not.toContain(m![2]);
    const listed = await t.gql(`{ apiKeys(first: 100) { nodes { id name prefix } } }`, {}, admin);
    expect(listed.body.data!.apiKeys.nodes).toContainEqual({ id: apiKey.id, name, prefix: m![1] });
    expect(JSON.stringify(listed.body)).not.toContain(m![2]);
    const audit = await t.ds.query(`SELECT changes FROM audit_event WHERE entity_id = $1`, [apiKey.id]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(m![2]);
    expect(audit[0].changes.prefix).toEqual({ before: null, after: m![1] });
  });

  it('works as Authorization: Bearer and as X-Api-Key, with its role and scope', async () => {
    const { apiKey, key } = await createKey({ name: uniq('partner'), role: 'AGENCY_OFFICER', teamCodes: ['PARKING_CHARGING'], districtCodes: ['511181'] });
    const viaHeader = await t.gql(ME, {}, key); // X-Api-Key
    const viaBearer = await request(t.app).post('/graphql').set('Authorization', `Bearer ${key}`).send({ query: ME });
    for (const body of [viaHeader.body, viaBearer.body]) {
      expect(body.data.me).toMatchObject({ kind: 'apiKey', id: apiKey.id, role: 'AGENCY_OFFICER', stages: ['PARKING_CHARGING'], districtCodes: ['511181'], teams: [{ code: 'PARKING_CHARGING' }] });
    }
  });

  it('a revoked, expired, malformed or wrong-secret key gets 401 UNAUTHENTICATED', async () => {
    const { apiKey, key } = await createKey({ name: uniq('revoke-me'), role: 'PARTNER_VIEWER' });
    expect((await t.gql(ME, {}, key)).status).toBe(200);

    const r = await t.gql(REVOKE_KEY, { i: { id: apiKey.id } }, admin);
    expect(r.body.data!.revokeApiKey.userErrors).toEqual([]);
    expect(r.body.data!.revokeApiKey.apiKey.revokedAt).toEqual(expect.any(String));
    for (const req of [
      request(t.app).post('/graphql').set('X-Api-Key', key),
      request(t.app).post('/graphql').set('Authorization', `Bearer ${key}`),
    ]) {
      const res = await req.send({ query: ME });
      expect(res.status).toBe(401);
      expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(res.body.data).toBeUndefined();
    }

    const other = await createKey({ name: uniq('expiring'), role: 'REPORTER', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    expect((await t.gql(ME, {}, other.key)).status).toBe(200);
    await t.ds.query(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [other.apiKey.id]);
    expect((await t.gql(ME, {}, other.key)).status).toBe(401);

    const live = await createKey({ name: uniq('live'), role: 'REPORTER' });
    const wrongSecret = live.key.slice(0, -4) + (live.key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const bad of [wrongSecret, 'ebk_short', `${live.key}x`]) {
      const res = await t.gql(ME, {}, bad);
      expect(res.status).toBe(401);
      expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('validation failures come back as userErrors and create nothing', async () => {
    const keys = await countRows('api_key', []);
    const r = await t.gql(CREATE_KEY, { i: { name: ' ', role: 'AGENCY_OFFICER', expiresAt: new Date(Date.now() - 1000).toISOString() } }, admin);
    expect(r.body.data!.createApiKey.key).toBeNull();
    expect(r.body.data!.createApiKey.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([['input.name', 'VALIDATION']]);
    const r2 = await t.gql(CREATE_KEY, { i: { name: 'officer key', role: 'AGENCY_OFFICER', expiresAt: new Date(Date.now() - 1000).toISOString() } }, admin);
    expect(r2.body.data!.createApiKey.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
      ['input.teamCodes', 'REQUIRED'],
      ['input.districtCodes', 'REQUIRED'],
      ['input.expiresAt', 'VALIDATION'],
    ]);
    expect(await countRows('api_key', [])).toBe(keys);
  });

  it('a key is audited as the admin who made it', async () => {
    const { apiKey } = await createKey({ name: uniq('who'), role: 'REPORTER' });
    const [row] = await t.ds.query(`SELECT actor_id, actor_type, role, outcome FROM audit_event WHERE entity_id = $1`, [apiKey.id]);
    expect(row).toEqual({ actor_id: adminId, actor_type: 'user', role: 'ADMIN', outcome: 'SUCCESS' });
    const [k] = await t.ds.query(`SELECT created_by FROM api_key WHERE id = $1`, [apiKey.id]);
    expect(k.created_by).toBe(adminId);
  });
});
