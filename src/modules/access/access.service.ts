import type { EntityManager } from 'typeorm';
import { Role } from '../../common/auth';
import { paginate, type ConnectionShape } from '../../common/connection';
import type { Context } from '../../common/context';
import { ErrorCollector, UserErrorCode, fail } from '../../common/errors';
import { applyBooleanFilter, applyEnumFilter, applyStringFilter } from '../../common/filters';
import { clean } from '../../common/validation';
import { lockForUpdate } from '../../common/versioning';
import { recordAudit } from '../audit/audit.service';
import { Department, District, TaskTeam } from '../reference/reference.entities';
import { ApiKey, LoginThrottle, User } from './access.entities';
import type { ApiKeysArgs, CreateApiKeyInput, CreateUserInput, UpdateUserInput, UsersArgs } from './access.inputs';
import { generatePassword, hashPassword } from './access.passwords';
import { endAllSessions } from './access.sessions';
import { generateApiKey } from './access.tokens';

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
      if (!d) errors.add(UserErrorCode.INVALID_REFERENCE, 'input.departmentCode', `不存在代码为 ${input.departmentCode} 的部门`, `No department with code ${input.departmentCode}`);
      out.departmentId = d?.id ?? null;
    }
  }
  if (input.teamCodes) {
    const teams = input.teamCodes.length ? await em.getRepository(TaskTeam).createQueryBuilder('t').where('t.code = ANY(:c)', { c: input.teamCodes }).getMany() : [];
    input.teamCodes.forEach((c, i) => {
      if (!teams.some((t) => t.code === c)) errors.add(UserErrorCode.INVALID_REFERENCE, ['input', 'teamCodes', String(i)], `不存在代码为 ${c} 的专项工作组`, `No task team with code ${c}`);
    });
    out.teamIds = input.teamCodes.map((c) => teams.find((t) => t.code === c)?.id).filter((x): x is string => !!x);
  }
  if (input.districtCodes) {
    const ds = input.districtCodes.length ? await em.getRepository(District).createQueryBuilder('d').where('d.code = ANY(:c)', { c: input.districtCodes }).getMany() : [];
    input.districtCodes.forEach((c, i) => {
      if (!ds.some((d) => d.code === c)) errors.add(UserErrorCode.INVALID_REFERENCE, ['input', 'districtCodes', String(i)], `不存在代码为 ${c} 的区县`, `No district with code ${c}`);
    });
    out.districtCodes = input.districtCodes;
  }
  return out;
}

function requireOfficerScope(role: Role, teamIds: string[], districtCodes: string[], errors: ErrorCollector): void {
  if (role !== Role.AGENCY_OFFICER) return;
  if (teamIds.length === 0) errors.add(UserErrorCode.REQUIRED, 'input.teamCodes', '部门经办人须至少指定一个专项工作组（其可写范围）', 'An AGENCY_OFFICER needs at least one task team (its write scope)');
  if (districtCodes.length === 0) errors.add(UserErrorCode.REQUIRED, 'input.districtCodes', '部门经办人须至少指定一个区县（其可写范围）', 'An AGENCY_OFFICER needs at least one district (its write scope)');
}

// ---- users ----

export async function createUser(ctx: Context, input: CreateUserInput): Promise<{ user: User; generatedPassword: string | null }> {
  const em = ctx.em;
  const errors = new ErrorCollector();
  const username = input.username.trim().toLowerCase();
  const scopes = await resolveScopes(em, input, errors);
  requireOfficerScope(input.role, scopes.teamIds ?? [], scopes.districtCodes ?? [], errors);
  const existing = await em.findOne(User, { where: { username } });
  if (existing) errors.add(UserErrorCode.DUPLICATE, 'input.username', `用户名 ${username} 已被占用（用户 ${existing.id}）`, `Username ${username} is taken (user ${existing.id})`);
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
    errors.add(UserErrorCode.VALIDATION, input.active === false ? 'input.active' : 'input.role', '不能停用本人账号，也不能取消本人的管理员角色', 'You cannot deactivate yourself or remove your own ADMIN role');
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
  // What a token lets its holder do changed: its sessions end (a reactivated user's old tokens
  // must not come back to life either); a new name alone does not.
  const after = userView(user);
  if ((['role', 'departmentId', 'teamIds', 'districtCodes', 'active'] as const).some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))) {
    user.tokenVersion = await endAllSessions(ctx.em, user.id, ctx.now());
  }
  await recordAudit(ctx, { operation: 'updateUser', entityType: 'User', entityId: user.id, before, after });
  return user;
}

export async function deactivateUser(ctx: Context, id: string): Promise<User> {
  const user = await lockUser(ctx, id);
  if (user.id === ctx.principal?.id) fail(UserErrorCode.VALIDATION, 'input.id', '不能停用本人账号', 'You cannot deactivate yourself');
  const before = userView(user);
  if (user.active) {
    user.active = false;
    user.version += 1;
    await ctx.em.save(user);
    user.tokenVersion = await endAllSessions(ctx.em, user.id, ctx.now());
  }
  await recordAudit(ctx, { operation: 'deactivateUser', entityType: 'User', entityId: user.id, before, after: userView(user) });
  return user;
}

/**
 * The new hash is computed before the transaction opens (a mutation with its own transactions), so
 * no connection or row lock is held while it waits for the hash queue. Every session of the user ends.
 */
export async function resetUserPassword(ctx: Context, id: string): Promise<{ user: User; generatedPassword: string }> {
  const generatedPassword = generatePassword();
  const passwordHash = await hashPassword(generatedPassword);
  const user = await ctx.dataSource.transaction(async (em) => {
    const tctx = { ...ctx, em };
    const user = await lockUser(tctx, id);
    user.passwordHash = passwordHash;
    user.version += 1;
    await em.save(user);
    user.tokenVersion = await endAllSessions(em, user.id, ctx.now());
    await em.delete(LoginThrottle, { username: user.username });
    await recordAudit(tctx, { operation: 'resetUserPassword', entityType: 'User', entityId: user.id, before: { password: 'old' }, after: { password: 'reset' } });
    return user;
  });
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
  if (input.expiresAt && input.expiresAt <= ctx.now()) errors.add(UserErrorCode.VALIDATION, 'input.expiresAt', '到期时间（expiresAt）须晚于当前时间', 'expiresAt must be in the future');
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
  if (!key) fail(UserErrorCode.NOT_FOUND, 'input.id', '不存在该 API 密钥', 'No API key with this id');
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
