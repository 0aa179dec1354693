import type { EntityManager } from 'typeorm';
import { Role } from '../../common/auth';
import { paginate, type ConnectionShape } from '../../common/connection';
import type { Context } from '../../common/context';
import { ErrorCollector, UserErrorCode, fail, forbidden, unauthenticated } from '../../common/errors';
import { applyBooleanFilter, applyEnumFilter, applyStringFilter } from '../../common/filters';
import { clean } from '../../common/validation';
import { lockForUpdate } from '../../common/versioning';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { Department, District, TaskTeam } from '../reference/reference.entities';
import { ApiKey, LoginThrottle, User } from './access.entities';
import type { ApiKeysArgs, ChangeMyPasswordInput, CreateApiKeyInput, CreateUserInput, LoginInput, UpdateUserInput, UsersArgs } from './access.inputs';
import { generatePassword, hashPassword, verifyPassword } from './access.passwords';
import { generateApiKey, signAccessToken } from './access.tokens';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MINUTES = 15;
/** Failures older than this are forgotten. */
const LOGIN_FAILURE_MEMORY_MINUTES = 15;

/** What an audit row shows of a user: never the password hash. */
function userView(u: User) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departmentId: u.departmentId,
    teamIds: [...u.teamIds].sort(),
    districtCodes: [...u.districtCodes].sort(),
    active: u.active,
  };
}

function keyView(k: ApiKey) {
  return { name: k.name, prefix: k.prefix, role: k.role, departmentId: k.departmentId, teamIds: k.teamIds, districtCodes: k.districtCodes, expiresAt: k.expiresAt, revokedAt: k.revokedAt };
}

interface ScopeInput {
  departmentCode?: string | null;
  teamCodes?: string[];
  districtCodes?: string[];
}

/** Resolves department/team/district codes to ids, collecting an error per unknown code. */
async function resolveScopes(em: EntityManager, input: ScopeInput, errors: ErrorCollector) {
  const out: { departmentId?: string | null; teamIds?: string[]; districtCodes?: string[] } = {};
  if (input.departmentCode !== undefined) {
    if (input.departmentCode === null) out.departmentId = null;
    else {
      const d = await em.findOne(Department, { where: { code: input.departmentCode } });
      if (!d) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.departmentCode', `No department with code ${input.departmentCode}`);
      out.departmentId = d?.id ?? null;
    }
  }
  if (input.teamCodes) {
    const teams = input.teamCodes.length ? await em.getRepository(TaskTeam).createQueryBuilder('t').where('t.code = ANY(:c)', { c: input.teamCodes }).getMany() : [];
    input.teamCodes.forEach((c, i) => {
      if (!teams.some((t) => t.code === c)) errors.add(UserErrorCode.INVALID_REFERENCE, ['input', 'teamCodes', String(i)], `No task team with code ${c}`);
    });
    out.teamIds = input.teamCodes.map((c) => teams.find((t) => t.code === c)?.id).filter((x): x is string => !!x);
  }
  if (input.districtCodes) {
    const ds = input.districtCodes.length ? await em.getRepository(District).createQueryBuilder('d').where('d.code = ANY(:c)', { c: input.districtCodes }).getMany() : [];
    input.districtCodes.forEach((c, i) => {
      if (!ds.some((d) => d.code === c)) errors.add(UserErrorCode.INVALID_REFERENCE, ['input', 'districtCodes', String(i)], `No district with code ${c}`);
    });
    out.districtCodes = input.districtCodes;
  }
  return out;
}

function requireOfficerScope(role: Role, teamIds: string[], districtCodes: string[], errors: ErrorCollector): void {
  if (role !== Role.AGENCY_OFFICER) return;
  if (teamIds.length === 0) errors.add(UserErrorCode.REQUIRED, 'input.teamCodes', 'An AGENCY_OFFICER needs at least one task team (its write scope)');
  if (districtCodes.length === 0) errors.add(UserErrorCode.REQUIRED, 'input.districtCodes', 'An AGENCY_OFFICER needs at least one district (its write scope)');
}

// ---- sign-in ----

export interface LoginResult {
  user: User;
  accessToken: string;
  expiresAt: Date;
}

/**
 * Verifies a password. Failures are counted per username in their own statements (they must
 * survive the mutation's rollback), whether or not the user exists; from the third failure each
 * answer is delayed, from the fifth the name is locked for a while. Every failure looks the same.
 */
export async function login(ctx: Context, input: LoginInput): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const outside = ctx.dataSource.manager;
  const now = ctx.now();
  const throttle = await outside.findOne(LoginThrottle, { where: { username } });
  const user = await ctx.em.findOne(User, { where: { username } });
  const ok = await verifyPassword(user?.active ? user.passwordHash : null, input.password);

  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    await recordRefusal(ctx, 'login', `LOCKED: ${username}`);
    const minutes = Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 60000);
    fail(UserErrorCode.LOCKED, 'input.username', `Too many failed sign-ins; try again in ${minutes} minute(s) (登录失败次数过多，已临时锁定)`);
  }
  if (!ok) {
    const [row]: { failures: number }[] = await outside.query(
      `INSERT INTO login_throttle (username, failures, last_failure_at, locked_until) VALUES ($1, 1, $2, NULL)
       ON CONFLICT (username) DO UPDATE SET
         failures = CASE WHEN login_throttle.last_failure_at < $2::timestamptz - make_interval(mins => $3) OR login_throttle.locked_until <= $2::timestamptz
                         THEN 1 ELSE login_throttle.failures + 1 END,
         last_failure_at = $2,
         locked_until = NULL
       RETURNING failures`,
      [username, now, LOGIN_FAILURE_MEMORY_MINUTES],
    );
    if (row.failures >= LOGIN_MAX_FAILURES) {
      await outside.query(`UPDATE login_throttle SET locked_until = $2::timestamptz + make_interval(mins => $3) WHERE username = $1`, [username, now, LOGIN_LOCK_MINUTES]);
    }
    if (row.failures >= 3) await new Promise((r) => setTimeout(r, Math.min(3000, (row.failures - 2) * 500)));
    await recordRefusal(ctx, 'login', `INVALID_CREDENTIALS: ${username}`);
    fail(UserErrorCode.INVALID_CREDENTIALS, 'input.password', 'Wrong username or password (用户名或密码错误)');
  }

  if (throttle) await outside.delete(LoginThrottle, { username });
  const previousLoginAt = user!.lastLoginAt;
  user!.lastLoginAt = now;
  await ctx.em.update(User, { id: user!.id }, { lastLoginAt: now });
  const token = signAccessToken(ctx.config.jwtSecret!, user!.id, ctx.config.jwtTtlSeconds, now);
  // The audit row names the user who signed in; the request itself stays as it came (anonymous or
  // whoever sent it), so later fields of the same operation do not run with the new identity.
  const asUser = { kind: 'user' as const, id: user!.id, name: user!.username, displayName: user!.displayName, role: user!.role, departmentId: user!.departmentId, teamIds: user!.teamIds, stages: [], districtCodes: user!.districtCodes };
  await recordAudit({ ...ctx, principal: asUser }, { operation: 'login', entityType: 'User', entityId: user!.id, before: { lastLoginAt: previousLoginAt }, after: { lastLoginAt: now } });
  return { user: user!, accessToken: token.token, expiresAt: token.expiresAt };
}

export async function changeMyPassword(ctx: Context, input: ChangeMyPasswordInput): Promise<User> {
  const p = ctx.principal;
  if (!p) throw unauthenticated();
  if (p.kind !== 'user') {
    // An API key is authenticated but has no password: a permission refusal, not a 401.
    await recordRefusal(ctx, 'changeMyPassword', `FORBIDDEN: ${p.kind} has no password`);
    throw forbidden('Only a signed-in user has a password (API密钥没有密码)');
  }
  const user = await ctx.em.findOneOrFail(User, { where: { id: p.id }, lock: { mode: 'pessimistic_write' } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    fail(UserErrorCode.INVALID_CREDENTIALS, 'input.currentPassword', 'Current password is wrong (当前密码错误)');
  }
  user.passwordHash = await hashPassword(input.newPassword);
  user.version += 1;
  await ctx.em.save(user);
  await recordAudit(ctx, { operation: 'changeMyPassword', entityType: 'User', entityId: user.id, before: { password: 'old' }, after: { password: 'changed' } });
  return user;
}

// ---- users ----

export async function createUser(ctx: Context, input: CreateUserInput): Promise<{ user: User; generatedPassword: string | null }> {
  const em = ctx.em;
  const errors = new ErrorCollector();
  const username = input.username.trim().toLowerCase();
  const scopes = await resolveScopes(em, input, errors);
  requireOfficerScope(input.role, scopes.teamIds ?? [], scopes.districtCodes ?? [], errors);
  const existing = await em.findOne(User, { where: { username } });
  if (existing) errors.add(UserErrorCode.DUPLICATE, 'input.username', `Username ${username} is taken (user ${existing.id})`);
  errors.throwIfAny();

  const generatedPassword = input.password ? null : generatePassword();
  const user = em.create(User, {
    username,
    displayName: clean(input.displayName)!,
    role: input.role,
    departmentId: scopes.departmentId ?? null,
    teamIds: scopes.teamIds ?? [],
    districtCodes: scopes.districtCodes ?? [],
    active: true,
    passwordHash: await hashPassword(input.password ?? generatedPassword!),
  });
  await em.insert(User, user);
  await recordAudit(ctx, { operation: 'createUser', entityType: 'User', entityId: user.id, before: null, after: userView(user) });
  return { user, generatedPassword };
}

function lockUser(ctx: Context, id: string, expectedVersion?: number): Promise<User> {
  return lockForUpdate(ctx, User, id, expectedVersion, 'user');
}

export async function updateUser(ctx: Context, input: UpdateUserInput): Promise<User> {
  const user = await lockUser(ctx, input.id, input.expectedVersion);
  const before = userView(user);
  const errors = new ErrorCollector();
  const scopes = await resolveScopes(ctx.em, input, errors);
  const role = input.role ?? user.role;
  requireOfficerScope(role, scopes.teamIds ?? user.teamIds, scopes.districtCodes ?? user.districtCodes, errors);
  if (user.id === ctx.principal?.id && (input.active === false || (input.role && input.role !== Role.ADMIN))) {
    errors.add(UserErrorCode.VALIDATION, input.active === false ? 'input.active' : 'input.role', 'You cannot deactivate yourself or remove your own ADMIN role');
  }
  errors.throwIfAny();
  if (input.displayName !== undefined) user.displayName = clean(input.displayName)!;
  user.role = role;
  if (scopes.departmentId !== undefined) user.departmentId = scopes.departmentId;
  if (scopes.teamIds) user.teamIds = scopes.teamIds;
  if (scopes.districtCodes) user.districtCodes = scopes.districtCodes;
  if (input.active !== undefined) user.active = input.active;
  user.version += 1;
  await ctx.em.save(user);
  await recordAudit(ctx, { operation: 'updateUser', entityType: 'User', entityId: user.id, before, after: userView(user) });
  return user;
}

export async function deactivateUser(ctx: Context, id: string): Promise<User> {
  const user = await lockUser(ctx, id);
  if (user.id === ctx.principal?.id) fail(UserErrorCode.VALIDATION, 'input.id', 'You cannot deactivate yourself');
  const before = userView(user);
  if (user.active) {
    user.active = false;
    user.version += 1;
    await ctx.em.save(user);
  }
  await recordAudit(ctx, { operation: 'deactivateUser', entityType: 'User', entityId: user.id, before, after: userView(user) });
  return user;
}

export async function resetUserPassword(ctx: Context, id: string): Promise<{ user: User; generatedPassword: string }> {
  const user = await lockUser(ctx, id);
  const generatedPassword = generatePassword();
  user.passwordHash = await hashPassword(generatedPassword);
  user.version += 1;
  await ctx.em.save(user);
  await ctx.dataSource.manager.delete(LoginThrottle, { username: user.username });
  await recordAudit(ctx, { operation: 'resetUserPassword', entityType: 'User', entityId: user.id, before: { password: 'old' }, after: { password: 'reset' } });
  return { user, generatedPassword };
}

export function listUsers(ctx: Context, args: UsersArgs): Promise<ConnectionShape<User>> {
  const qb = ctx.em.getRepository(User).createQueryBuilder('u');
  const f = args.filter;
  applyEnumFilter(qb, 'u.role', f?.role);
  applyBooleanFilter(qb, 'u.active', f?.active);
  applyStringFilter(qb, 'u.username', f?.username);
  applyStringFilter(qb, 'u.display_name', f?.displayName);
  return paginate(qb, args, { expression: 'u.username', direction: 'ASC', cast: 'text', value: (u) => u.username });
}

// ---- API keys ----

export async function createApiKey(ctx: Context, input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; key: string }> {
  const errors = new ErrorCollector();
  const scopes = await resolveScopes(ctx.em, input, errors);
  requireOfficerScope(input.role, scopes.teamIds ?? [], scopes.districtCodes ?? [], errors);
  if (input.expiresAt && input.expiresAt <= ctx.now()) errors.add(UserErrorCode.VALIDATION, 'input.expiresAt', 'expiresAt must be in the future');
  errors.throwIfAny();
  const { key, prefix, secretHash } = generateApiKey();
  const apiKey = ctx.em.create(ApiKey, {
    name: clean(input.name)!,
    prefix,
    secretHash,
    role: input.role,
    departmentId: scopes.departmentId ?? null,
    teamIds: scopes.teamIds ?? [],
    districtCodes: scopes.districtCodes ?? [],
    expiresAt: input.expiresAt ?? null,
    createdBy: ctx.principal?.kind === 'user' ? ctx.principal.id : null,
  });
  await ctx.em.insert(ApiKey, apiKey);
  await recordAudit(ctx, { operation: 'createApiKey', entityType: 'ApiKey', entityId: apiKey.id, before: null, after: keyView(apiKey) });
  return { apiKey, key };
}

export async function revokeApiKey(ctx: Context, id: string): Promise<ApiKey> {
  const key = await ctx.em.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!key) fail(UserErrorCode.NOT_FOUND, 'input.id', 'No API key with this id');
  const before = keyView(key);
  key.revokedAt ??= ctx.now();
  await ctx.em.save(key);
  await recordAudit(ctx, { operation: 'revokeApiKey', entityType: 'ApiKey', entityId: key.id, before, after: keyView(key) });
  return key;
}

export function listApiKeys(ctx: Context, args: ApiKeysArgs): Promise<ConnectionShape<ApiKey>> {
  const qb = ctx.em.getRepository(ApiKey).createQueryBuilder('k');
  if (!args.includeRevoked) qb.andWhere('k.revoked_at IS NULL');
  return paginate(qb, args, { expression: 'k.created_at', direction: 'DESC', cast: 'timestamptz', value: (k) => k.createdAt });
}
