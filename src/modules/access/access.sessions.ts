import { randomUUID } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context';
import { UserErrorCode, fail, forbidden, unauthenticated } from '../../common/errors';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { RefreshToken, User } from './access.entities';
import type { ChangeMyPasswordInput, LoginInput, RefreshSessionInput, SignOutInput } from './access.inputs';
import { HashQueueFull, hashPassword, passwordHashQueueFull, verifyPassword } from './access.passwords';
import { REFRESH_TOKEN_PATTERN, generateRefreshToken, sha256, signAccessToken } from './access.tokens';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MINUTES = 15;
/** Failures older than this are forgotten. */
const LOGIN_FAILURE_MEMORY_MINUTES = 15;

/** What a successful sign-in, refresh or password change hands the client. */
export interface Session {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface LoginResult extends Session {
  user: User;
}

function tooManyFromAddress(retryAfter: number): GraphQLError {
  return new GraphQLError(`Too many sign-in attempts from this address; retry after ${retryAfter} s (登录尝试过于频繁，请稍后再试)`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } },
  });
}

function busy(retryAfter: number): GraphQLError {
  return new GraphQLError(`Sign-in is busy; retry after ${retryAfter} s (登录繁忙，请稍后重试)`, {
    extensions: { code: 'SERVICE_BUSY', retryAfterSeconds: retryAfter, http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } },
  });
}

/**
 * Every sign-in attempt counts against its client address before anything else is done. A full
 * hash queue refuses it here too, before it would count against the name without being evaluated.
 */
async function countAttemptOfAddress(ctx: Context): Promise<void> {
  const retryAfter = await ctx.consumeSignInAttempt();
  if (retryAfter !== null) throw tooManyFromAddress(retryAfter);
  if (passwordHashQueueFull()) throw busy(1);
}

/** Runs a password check or hash through the bounded queue; a full queue is "busy", not an internal error. */
async function hashing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof HashQueueFull) throw busy(e.retryAfterSeconds);
    throw e;
  }
}

interface Claim {
  /** This attempt's number within the name's current series, or null when the name is locked. */
  failures: number | null;
  lockedUntil: Date | null;
  userId: string | null;
  passwordHash: string | null;
  active: boolean | null;
}

/**
 * One autocommitted statement, before any password is checked: counts the attempt against the
 * name (as a failure until proven otherwise) and refuses it when the name is locked. The upsert
 * takes the throttle row's lock, so parallel attempts on one name are counted one after another
 * and at most LOGIN_MAX_FAILURES of them are ever evaluated; the attempt that reaches the limit
 * sets the lock itself. It also reads the user's hash (no second statement, no held connection).
 */
async function claimAttempt(ctx: Context, username: string, now: Date): Promise<Claim> {
  const reset = `(t.last_failure_at < $2::timestamptz - make_interval(mins => $3) OR t.locked_until <= $2::timestamptz)`;
  const next = `CASE WHEN ${reset} THEN 1 ELSE t.failures + 1 END`;
  const rows: { failures: number | null; locked_until: Date | null; user_id: string | null; password_hash: string | null; active: boolean | null }[] = await ctx.dataSource.query(
    `WITH claim AS (
        INSERT INTO login_throttle AS t (username, failures, last_failure_at, locked_until)
        VALUES ($1, 1, $2, CASE WHEN $4 <= 1 THEN $2::timestamptz + make_interval(mins => $5) END)
        ON CONFLICT (username) DO UPDATE SET
          failures = ${next},
          last_failure_at = $2,
          locked_until = CASE WHEN ${next} >= $4 THEN $2::timestamptz + make_interval(mins => $5) END
        WHERE t.locked_until IS NULL OR t.locked_until <= $2::timestamptz
        RETURNING t.failures)
     SELECT (SELECT failures FROM claim) AS failures, cur.locked_until, u.id AS user_id, u.password_hash, u.active
       FROM (SELECT 1) AS one
       LEFT JOIN login_throttle cur ON cur.username = $1
       LEFT JOIN app_user u ON u.username = $1`,
    [username, now, LOGIN_FAILURE_MEMORY_MINUTES, LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES],
  );
  const r = rows[0];
  return { failures: r.failures, lockedUntil: r.locked_until, userId: r.user_id, passwordHash: r.password_hash, active: r.active };
}

async function refuseLocked(ctx: Context, operation: string, field: string, username: string, claim: Claim, now: Date): Promise<never> {
  await recordRefusal(ctx, operation, `LOCKED: ${username}`);
  // The statement's snapshot can predate the lock a parallel attempt has just set.
  const until = claim.lockedUntil && claim.lockedUntil > now ? claim.lockedUntil : new Date(now.getTime() + LOGIN_LOCK_MINUTES * 60000);
  const minutes = Math.ceil((until.getTime() - now.getTime()) / 60000);
  // Existing text, kept as clients match it; one text for both languages.
  fail(UserErrorCode.LOCKED, field, `登录失败次数过多，已临时锁定，请 ${minutes} 分钟后再试`, `Too many failed sign-ins; try again in ${minutes} minute(s)`);
}

/** From the third failure in a row each answer waits (0.5 s more each time, at most 3 s); no connection is held meanwhile. */
async function slowDown(failures: number): Promise<void> {
  if (failures >= 3) await new Promise((r) => setTimeout(r, Math.min(3000, (failures - 2) * 500)));
}

/** A new access token and a refresh token of the given family (a new one at sign-in). */
async function issueSession(ctx: Context, em: EntityManager, user: { id: string; tokenVersion: number }, now: Date, familyId: string = randomUUID()): Promise<Session> {
  const access = signAccessToken(ctx.config.jwtSecret!, user.id, user.tokenVersion, ctx.config.jwtTtlSeconds, now);
  const refresh = generateRefreshToken();
  const refreshExpiresAt = new Date(now.getTime() + ctx.config.refreshTokenTtlSeconds * 1000);
  await em.insert(RefreshToken, { userId: user.id, familyId, tokenHash: refresh.hash, tokenVersion: user.tokenVersion, expiresAt: refreshExpiresAt, usedAt: null, revokedAt: null });
  return { accessToken: access.token, expiresAt: access.expiresAt, refreshToken: refresh.token, refreshExpiresAt };
}

/**
 * Ends every session of a user: its token version moves on (every access token is refused on its
 * next request) and its refresh tokens are revoked. Runs in the caller's transaction.
 */
export async function endAllSessions(em: EntityManager, userId: string, now: Date): Promise<number> {
  // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
  const [row]: { token_version: number }[] = await em.query(
    `WITH bumped AS (UPDATE app_user SET token_version = token_version + 1 WHERE id = $1 RETURNING token_version) SELECT token_version FROM bumped`,
    [userId],
  );
  await em.query(`UPDATE refresh_token SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND used_at IS NULL`, [userId, now]);
  return row.token_version;
}

// Existing text, kept as clients match it; one text for both languages.
const WRONG = ['用户名或密码错误', 'Wrong username or password'] as const;

/**
 * Sign-in, guarded on its own path: the attempt counts against the client address and the name
 * first (one statement, see claimAttempt), the password is checked in the bounded hash queue
 * without any database connection held, failures are slowed down likewise, and only a success
 * opens a short transaction (last sign-in, refresh token, audit row). Every failure looks the
 * same whether or not the user exists.
 */
export async function login(ctx: Context, input: LoginInput): Promise<LoginResult> {
  await countAttemptOfAddress(ctx);
  const username = input.username.trim().toLowerCase();
  const now = ctx.now();
  const claim = await claimAttempt(ctx, username, now);
  if (claim.failures === null) await refuseLocked(ctx, 'login', 'input.username', username, claim, now);
  const ok = await hashing(() => verifyPassword(claim.active ? claim.passwordHash : null, input.password));

  if (!ok) {
    await slowDown(claim.failures!);
    await recordRefusal(ctx, 'login', `INVALID_CREDENTIALS: ${username}`);
    fail(UserErrorCode.INVALID_CREDENTIALS, 'input.password', ...WRONG);
  }

  const signedIn = await ctx.dataSource.transaction(async (em) => {
    // The password or the active flag may have changed while the hash was being checked.
    const user = await em.findOne(User, { where: { id: claim.userId! }, lock: { mode: 'pessimistic_write' } });
    if (!user || !user.active || user.passwordHash !== claim.passwordHash) return null;
    const previousLoginAt = user.lastLoginAt;
    user.lastLoginAt = now;
    await em.update(User, { id: user.id }, { lastLoginAt: now });
    await em.query(`DELETE FROM login_throttle WHERE username = $1`, [username]);
    const session = await issueSession(ctx, em, user, now);
    // The audit row names the user who signed in; the request itself stays as it came (anonymous or
    // whoever sent it), so later fields of the same operation do not run with the new identity.
    const asUser = { kind: 'user' as const, id: user.id, name: user.username, role: user.role, departmentId: user.departmentId, teamIds: user.teamIds, stages: [], districtCodes: user.districtCodes };
    await recordAudit({ ...ctx, em, principal: asUser }, { operation: 'login', entityType: 'User', entityId: user.id, before: { lastLoginAt: previousLoginAt }, after: { lastLoginAt: now } });
    return { user, ...session };
  });
  if (!signedIn) {
    await recordRefusal(ctx, 'login', `INVALID_CREDENTIALS: ${username}`);
    fail(UserErrorCode.INVALID_CREDENTIALS, 'input.password', ...WRONG);
  }
  return signedIn;
}

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation). A token that
 * was already exchanged is being replayed — copied by someone — so its whole family is revoked.
 */
export async function refreshSession(ctx: Context, input: RefreshSessionInput): Promise<LoginResult> {
  await countAttemptOfAddress(ctx);
  const now = ctx.now();
  const expired = () => fail(UserErrorCode.INVALID_CREDENTIALS, 'input.refreshToken', '登录已失效，请重新登录', 'The session has ended; sign in again');
  if (!REFRESH_TOKEN_PATTERN.test(input.refreshToken)) expired();
  const outcome = await ctx.dataSource.transaction(async (em) => {
    const [row]: { id: string; user_id: string; family_id: string; token_version: number; expires_at: Date; used_at: Date | null; revoked_at: Date | null }[] = await em.query(
      `SELECT id, user_id, family_id, token_version, expires_at, used_at, revoked_at FROM refresh_token WHERE token_hash = $1 FOR UPDATE`,
      [sha256(input.refreshToken)],
    );
    if (!row) return { kind: 'unknown' as const };
    if (row.used_at) {
      await em.query(`UPDATE refresh_token SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [row.family_id, now]);
      return { kind: 'replayed' as const, userId: row.user_id };
    }
    if (row.revoked_at || row.expires_at <= now) return { kind: 'ended' as const };
    const user = await em.findOne(User, { where: { id: row.user_id }, lock: { mode: 'pessimistic_read' } });
    if (!user || !user.active || user.tokenVersion !== row.token_version) return { kind: 'ended' as const };
    await em.query(`UPDATE refresh_token SET used_at = $2 WHERE id = $1`, [row.id, now]);
    return { kind: 'ok' as const, user, session: await issueSession(ctx, em, user, now, row.family_id) };
  });
  if (outcome.kind === 'replayed') {
    ctx.log.warn({ userId: outcome.userId }, 'a used refresh token was presented again: its session is revoked');
    await recordRefusal(ctx, 'refreshSession', `REPLAYED: refresh token family of user ${outcome.userId} revoked`);
  }
  if (outcome.kind !== 'ok') return expired();
  return { user: outcome.user, ...outcome.session };
}

/** Ends the session of one refresh token (this device); its access token lapses within JWT_TTL_SECONDS. */
export async function signOut(ctx: Context, input: SignOutInput): Promise<void> {
  if (!REFRESH_TOKEN_PATTERN.test(input.refreshToken)) return;
  await ctx.em.query(
    `UPDATE refresh_token SET revoked_at = $2 WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1) AND revoked_at IS NULL`,
    [sha256(input.refreshToken), ctx.now()],
  );
}

function signedInUser(ctx: Context, operation: string): Promise<{ id: string; name: string }> {
  const p = ctx.principal;
  if (!p) throw unauthenticated();
  if (p.kind !== 'user') {
    // An API key is authenticated but has no password or session: a permission refusal, not a 401.
    return recordRefusal(ctx, operation, `FORBIDDEN: ${p.kind} has no password or session`).then(() => {
      throw forbidden('Only a signed-in user has a password and sessions (API密钥没有密码和会话)');
    });
  }
  return Promise.resolve({ id: p.id, name: p.name });
}

/** Ends every session of the caller, on every device (to sign back in: login). */
export async function signOutEverywhere(ctx: Context, reason: string | null): Promise<Date> {
  const me = await signedInUser(ctx, 'signOutEverywhere');
  const now = ctx.now();
  const version = await endAllSessions(ctx.em, me.id, now);
  await recordAudit(ctx, { operation: 'signOutEverywhere', entityType: 'User', entityId: me.id, before: null, after: { tokenVersion: version, reason } });
  return now;
}

/**
 * Changes the caller's password. The current password is a guess like any sign-in (it counts
 * against the name and the address); both hashes are computed before a connection is taken. Every
 * other session ends; the caller gets a fresh one.
 */
export async function changeMyPassword(ctx: Context, input: ChangeMyPasswordInput): Promise<LoginResult> {
  const me = await signedInUser(ctx, 'changeMyPassword');
  await countAttemptOfAddress(ctx);
  const now = ctx.now();
  const claim = await claimAttempt(ctx, me.name, now);
  if (claim.failures === null) await refuseLocked(ctx, 'changeMyPassword', 'input.currentPassword', me.name, claim, now);
  const ok = await hashing(() => verifyPassword(claim.active ? claim.passwordHash : null, input.currentPassword));
  if (!ok) {
    await slowDown(claim.failures!);
    await recordRefusal(ctx, 'changeMyPassword', `INVALID_CREDENTIALS: ${me.name}`);
    fail(UserErrorCode.INVALID_CREDENTIALS, 'input.currentPassword', '当前密码错误', 'Current password is wrong');
  }
  const newHash = await hashing(() => hashPassword(input.newPassword));
  const changed = await ctx.dataSource.transaction(async (em) => {
    const user = await em.findOne(User, { where: { id: me.id }, lock: { mode: 'pessimistic_write' } });
    if (!user || !user.active || user.passwordHash !== claim.passwordHash) return null;
    await em.query(`UPDATE app_user SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1`, [user.id, newHash]);
    user.tokenVersion = await endAllSessions(em, user.id, now);
    user.version += 1;
    await em.query(`DELETE FROM login_throttle WHERE username = $1`, [user.username]);
    const session = await issueSession(ctx, em, user, now);
    await recordAudit({ ...ctx, em }, { operation: 'changeMyPassword', entityType: 'User', entityId: user.id, before: { password: 'old' }, after: { password: 'changed' } });
    return { user, ...session };
  });
  if (!changed) fail(UserErrorCode.CONFLICT, 'input.currentPassword', '密码刚被修改，请重新登录后再试', 'The password was changed meanwhile; sign in again and retry');
  return changed;
}
