import { PrincipalKind } from '../../common/codes';
import { Arg, Args, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ALL_ROLES, Public, Role, Roles } from '../../common/auth';
import { Connection, type ConnectionShape } from '../../common/connection';
import type { Context } from '../../common/context';
import { unauthenticated } from '../../common/errors';
import { InputArg, Mutation, MutationPayload } from '../../common/mutation';
import { Department, District, TaskTeam } from '../reference/reference.entities';
import { SupplyChainStage } from '../reference/reference.enums';
import { departmentById, districtByCode } from '../reference/reference.service';
import { ApiKey, User } from './access.entities';
import {
  ApiKeyRefInput,
  ApiKeysArgs,
  ChangeMyPasswordInput,
  CreateApiKeyInput,
  CreateUserInput,
  LoginInput,
  RefreshSessionInput,
  SignOutEverywhereInput,
  SignOutInput,
  UpdateUserInput,
  UserRefInput,
  UsersArgs,
} from './access.inputs';
import * as access from './access.service';
import * as sessions from './access.sessions';

@ObjectType({ description: 'Who is calling (当前身份): a signed-in user or an API key.' })
export class Me {
  @Field(() => PrincipalKind, { description: 'user or apiKey (身份类型).' }) kind: PrincipalKind;
  @Field(() => ID, { description: 'User or API key id (用户或密钥ID).' }) id: string;
  @Field({ description: 'Username or key name (名称).' }) name: string;
  @Field(() => Role, { description: 'Role (角色).' }) role: Role;
  @Field(() => [SupplyChainStage], { description: "Stages of the principal's teams: its write scope as an agency officer (可写环节)." }) stages: SupplyChainStage[];
  @Field(() => [String], { description: 'District codes of its write scope (可写区县).' }) districtCodes: string[];
  departmentId: string | null;
  teamIds: string[];
}

@ObjectType({ description: 'Result of login (登录).' })
export class LoginPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Signed access token (JWT); send as "Authorization: Bearer <token>" (访问令牌).' })
  accessToken?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the access token expires; get a new one with refreshSession before (过期时间).' })
  expiresAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Refresh token: exchange it once with refreshSession for a new pair; keep it secret (刷新令牌).' })
  refreshToken?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the refresh token lapses unless used (刷新令牌过期时间).' })
  refreshExpiresAt?: Date | null;
  @Field(() => User, { nullable: true, description: 'The signed-in user.' })
  user?: User | null;
}

@ObjectType({ description: 'Result of refreshSession (刷新会话): a new access token and a new refresh token; the old refresh token is used up.' })
export class RefreshSessionPayload extends LoginPayload {}

@ObjectType({ description: "Result of changeMyPassword (修改密码): every other session has ended; this one continues with the new tokens." })
export class ChangeMyPasswordPayload extends LoginPayload {}

@ObjectType({ description: 'Result of signOut / signOutEverywhere (退出登录).' })
export class SignOutPayload extends MutationPayload {
  @Field(() => Date, { nullable: true, description: 'When the sessions ended (退出时间).' })
  signedOutAt?: Date | null;
}

@ObjectType({ description: 'Result of a user mutation (用户).' })
export class UserPayload extends MutationPayload {
  @Field(() => User, { nullable: true, description: 'The user after the change; null when userErrors is not empty.' }) user?: User | null;
  @Field(() => String, { nullable: true, description: 'A generated password, shown this once; pass it to the user securely (生成的密码，仅显示一次).' })
  generatedPassword?: string | null;
}

@ObjectType({ description: 'Result of createApiKey / revokeApiKey (API密钥).' })
export class ApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key after the change; null when userErrors is not empty.' }) apiKey?: ApiKey | null;
  @Field(() => String, { nullable: true, description: 'The full key, shown this once; only its hash is stored (完整密钥，仅显示一次).' })
  key?: string | null;
}

@ObjectType({ description: 'A page of users (用户列表).' })
export class UserConnection extends Connection(User) {}

@ObjectType({ description: 'A page of API keys (API密钥列表).' })
export class ApiKeyConnection extends Connection(ApiKey) {}

@Resolver()
export class AccessResolver {
  @Roles(...ALL_ROLES)
  @Query(() => Me, { description: 'The current principal (当前身份).' })
  me(@Ctx() ctx: Context): Me {
    const p = ctx.principal;
    if (!p) throw unauthenticated();
    return Object.assign(new Me(), p);
  }

  @Roles(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Users (用户), by username.' })
  users(@Ctx() ctx: Context, @Args() args: UsersArgs): Promise<ConnectionShape<User>> {
    return access.listUsers(ctx, args);
  }

  @Roles(Role.ADMIN)
  @Query(() => ApiKeyConnection, { description: 'API keys (API密钥), newest first.' })
  apiKeys(@Ctx() ctx: Context, @Args() args: ApiKeysArgs): Promise<ConnectionShape<ApiKey>> {
    return access.listApiKeys(ctx, args);
  }

  @Public()
  @Mutation(() => LoginPayload, {
    description: 'Sign in with username and password; returns a short-lived access token and a refresh token (登录). At most one per operation.',
    ownTransactions: true,
  })
  async login(@Ctx() ctx: Context, @InputArg() input: LoginInput): Promise<LoginPayload> {
    return { ...(await sessions.login(ctx, input)), userErrors: [] };
  }

  @Public()
  @Mutation(() => RefreshSessionPayload, {
    description: 'Exchange a refresh token for a new access token and refresh token (刷新会话); a refresh token works once. At most one per operation.',
    ownTransactions: true,
  })
  async refreshSession(@Ctx() ctx: Context, @InputArg() input: RefreshSessionInput): Promise<RefreshSessionPayload> {
    return { ...(await sessions.refreshSession(ctx, input)), userErrors: [] };
  }

  @Public()
  @Mutation(() => SignOutPayload, { description: "End the session of a refresh token, e.g. this device's (退出登录); its access token lapses within minutes." })
  async signOut(@Ctx() ctx: Context, @InputArg() input: SignOutInput): Promise<SignOutPayload> {
    await sessions.signOut(ctx, input);
    return { signedOutAt: ctx.now(), userErrors: [] };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => SignOutPayload, { description: 'End every session of the signed-in user on every device at once, access tokens included (退出所有设备).' })
  async signOutEverywhere(@Ctx() ctx: Context, @InputArg() input: SignOutEverywhereInput): Promise<SignOutPayload> {
    return { signedOutAt: await sessions.signOutEverywhere(ctx, input.reason ?? null), userErrors: [] };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => ChangeMyPasswordPayload, {
    description: 'Change your own password (修改密码): every other session ends, this one gets new tokens. At most one per operation.',
    ownTransactions: true,
  })
  async changeMyPassword(@Ctx() ctx: Context, @InputArg() input: ChangeMyPasswordInput): Promise<ChangeMyPasswordPayload> {
    return { ...(await sessions.changeMyPassword(ctx, input)), userErrors: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Create a user (新建用户).' })
  async createUser(@Ctx() ctx: Context, @InputArg() input: CreateUserInput): Promise<UserPayload> {
    return { ...(await access.createUser(ctx, input)), userErrors: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserPayload, { description: "Change a user's name, role, department, scopes or active flag (修改用户)." })
  async updateUser(@Ctx() ctx: Context, @InputArg() input: UpdateUserInput): Promise<UserPayload> {
    return { user: await access.updateUser(ctx, input), userErrors: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Deactivate a user: sign-in and existing tokens stop working, and reactivation does not revive them; history stays (停用用户).' })
  async deactivateUser(@Ctx() ctx: Context, @InputArg() input: UserRefInput): Promise<UserPayload> {
    return { user: await access.deactivateUser(ctx, input.id), userErrors: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Give a user a new generated password, shown once; all its sessions end (重置密码). At most one per operation.', ownTransactions: true })
  async resetUserPassword(@Ctx() ctx: Context, @InputArg() input: UserRefInput): Promise<UserPayload> {
    return { ...(await access.resetUserPassword(ctx, input.id)), userErrors: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ApiKeyPayload, { description: 'Create an API key for a machine client; the key is shown once (新建API密钥).' })
  async createApiKey(@Ctx() ctx: Context, @InputArg() input: CreateApiKeyInput): Promise<ApiKeyPayload> {
    return { ...(await access.createApiKey(ctx, input)), userErrors: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ApiKeyPayload, { description: 'Revoke an API key for good (吊销API密钥).' })
  async revokeApiKey(@Ctx() ctx: Context, @InputArg() input: ApiKeyRefInput): Promise<ApiKeyPayload> {
    return { apiKey: await access.revokeApiKey(ctx, input.id), userErrors: [] };
  }
}

/** Scope fields shared by users, keys and the current principal. */
async function department(ctx: Context, id: string | null): Promise<Department | null> {
  return id ? departmentById(ctx).load(id) : null;
}
async function teams(ctx: Context, ids: string[]): Promise<TaskTeam[]> {
  const rows = await ctx.loaders.one(TaskTeam, 'id').loadMany(ids);
  return rows.filter((t): t is TaskTeam => t instanceof TaskTeam);
}
async function districts(ctx: Context, codes: string[]): Promise<District[]> {
  const rows = await districtByCode(ctx).loadMany(codes);
  return rows.filter((d): d is District => d instanceof District);
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'Department (所属部门).' })
  department(@Root() u: User, @Ctx() ctx: Context) {
    return department(ctx, u.departmentId);
  }
  @FieldResolver(() => [TaskTeam], { description: 'Task teams of the write scope (所属工作组).' })
  teams(@Root() u: User, @Ctx() ctx: Context) {
    return teams(ctx, u.teamIds);
  }
  @FieldResolver(() => [District], { description: 'Districts of the write scope (负责区县).' })
  districts(@Root() u: User, @Ctx() ctx: Context) {
    return districts(ctx, u.districtCodes);
  }
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'Department (所属部门).' })
  department(@Root() k: ApiKey, @Ctx() ctx: Context) {
    return department(ctx, k.departmentId);
  }
  @FieldResolver(() => [TaskTeam], { description: 'Task teams of the write scope (所属工作组).' })
  teams(@Root() k: ApiKey, @Ctx() ctx: Context) {
    return teams(ctx, k.teamIds);
  }
  @FieldResolver(() => [District], { description: 'Districts of the write scope (负责区县).' })
  districts(@Root() k: ApiKey, @Ctx() ctx: Context) {
    return districts(ctx, k.districtCodes);
  }
}

@Resolver(() => Me)
export class MeResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'Department (所属部门).' })
  department(@Root() m: Me, @Ctx() ctx: Context) {
    return department(ctx, m.departmentId);
  }
  @FieldResolver(() => [TaskTeam], { description: 'Task teams (所属工作组).' })
  teams(@Root() m: Me, @Ctx() ctx: Context) {
    return teams(ctx, m.teamIds);
  }
}
