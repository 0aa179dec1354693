import { OrderInput } from '../../common/sort';
import { ArrayMaxSize, ArrayUnique, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Matches, ValidateNested, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Role } from '../../common/auth';
import { PageArgs } from '../../common/connection';
import { BooleanFilter, DateRangeFilter, EnumFilter, IdFilter, StringFilter } from '../../common/filters';
import { NotBlank } from '../../common/validation';
import { AuditEntityType } from '../../common/codes';
import { AuditOutcome } from '../audit/audit.entity';
import { MIN_PASSWORD_LENGTH } from './access.passwords';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

@InputType({ description: 'Sign in (登录).' })
export class LoginInput {
  @Field({ description: 'Username (用户名), case-insensitive.' })
  @MaxLength(64)
  username: string;

  @Field({ description: 'Password (密码).' })
  @MaxLength(200)
  password: string;
}

@InputType({ description: 'Exchange a refresh token for a new session (刷新会话).' })
export class RefreshSessionInput {
  @Field({ description: 'The refresh token from login or the last refreshSession; each works once (刷新令牌).' })
  @MaxLength(200)
  refreshToken: string;
}

@InputType({ description: 'End the session of one refresh token, e.g. on this device (退出登录).' })
export class SignOutInput {
  @Field({ description: 'The refresh token of the session to end (刷新令牌).' })
  @Matches(/^ebr_[A-Za-z0-9_-]{43}$/, { message: 'refreshToken is not a refresh token' })
  refreshToken: string;
}

@InputType({ description: 'End every session of the signed-in user (退出所有设备).' })
export class SignOutEverywhereInput {
  @Field(() => String, { nullable: true, description: 'Why, for the audit trail, e.g. "phone lost" (原因).' })
  @IsOptional()
  @MaxLength(200)
  reason?: string | null;
}

@InputType('ScopeFieldsBase')
abstract class ScopeFields {
  @Field(() => String, { nullable: true, description: 'Department code, e.g. MARKET (所属部门).' })
  @IsOptional()
  @MaxLength(40)
  departmentCode?: string | null;

  @Field(() => [String], { nullable: true, description: "Codes of the task teams whose stages this principal may write in (所属工作组); required for AGENCY_OFFICER." })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(20)
  teamCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'District codes this principal may write in (负责区县); required for AGENCY_OFFICER.' })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @Matches(/^\d{6}$/, { each: true, message: 'each district code is 6 digits' })
  districtCodes?: string[];
}

@InputType({ description: 'A new user (新建用户).' })
export class CreateUserInput extends ScopeFields {
  @Field({ description: 'Sign-in name: 3–64 letters, digits, dot, dash or underscore; stored lower case (用户名).' })
  @Matches(USERNAME, { message: 'username must be 3-64 letters, digits, ".", "-" or "_", starting with a letter or digit' })
  username: string;

  @Field({ description: 'Name shown to others (姓名).' })
  @NotBlank()
  @MaxLength(100)
  displayName: string;

  @Field(() => Role, { description: 'Role (角色).' })
  @IsEnum(Role)
  role: Role;

  @Field(() => String, { nullable: true, description: `Initial password, at least ${MIN_PASSWORD_LENGTH} characters; omit to generate one, returned once (初始密码).` })
  @IsOptional()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  password?: string | null;
}

@InputType({ description: 'Changes to a user (修改用户). Omitted fields stay as they are; lists replace the whole list.' })
export class UpdateUserInput extends ScopeFields {
  @Field(() => ID, { description: 'Id of the user (用户ID).' })
  @IsUUID('all')
  id: string;

  @Field(() => Int, { description: 'The version you read (版本号).' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: 'Name shown to others (姓名).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  displayName?: string;

  @Field(() => Role, { nullable: true, description: 'Role (角色).' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: 'false deactivates, true reactivates (是否启用).' })
  @IsOptional()
  active?: boolean;
}

@InputType({ description: 'Identifies a user to deactivate or reset (用户).' })
export class UserRefInput {
  @Field(() => ID, { description: 'Id of the user (用户ID).' })
  @IsUUID('all')
  id: string;
}

@InputType({ description: 'Change your own password (修改密码).' })
export class ChangeMyPasswordInput {
  @Field({ description: 'Current password (当前密码).' })
  @MaxLength(200)
  currentPassword: string;

  @Field({ description: `New password, at least ${MIN_PASSWORD_LENGTH} characters (新密码).` })
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  newPassword: string;
}

@InputType({ description: 'A new API key for a machine client (新建API密钥).' })
export class CreateApiKeyInput extends ScopeFields {
  @Field({ description: 'What it is for, e.g. "weekly bulletin generator" (名称).' })
  @NotBlank()
  @MaxLength(100)
  name: string;

  @Field(() => Role, { description: 'Role; usually REPORTER or PARTNER_VIEWER (角色).' })
  @IsEnum(Role)
  role: Role;

  @Field(() => Date, { nullable: true, description: 'Stops working after this instant (过期时间).' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}

@InputType({ description: 'Identifies an API key to revoke (API密钥).' })
export class ApiKeyRefInput {
  @Field(() => ID, { description: 'Id of the API key (密钥ID).' })
  @IsUUID('all')
  id: string;
}

const RoleFilter = EnumFilter(Role, 'Role', 'Role (角色)');
const AuditOutcomeFilter = EnumFilter(AuditOutcome, 'AuditOutcome', 'Outcome (结果)');
const AuditEntityTypeFilter = EnumFilter(AuditEntityType, 'AuditEntityType', 'Type of the audited record (对象类型)');

@InputType({ description: 'Which users to list (用户筛选).' })
export class UserFilter {
  @Field(() => RoleFilter, { nullable: true, description: 'Role (角色).' }) @IsOptional() @ValidateNested() role?: InstanceType<typeof RoleFilter>;
  @Field(() => BooleanFilter, { nullable: true, description: 'Active or not (是否启用).' }) @IsOptional() @ValidateNested() active?: BooleanFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Username (用户名).' }) @IsOptional() @ValidateNested() username?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Display name (姓名).' }) @IsOptional() @ValidateNested() displayName?: StringFilter;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true, description: 'Which users (筛选条件).' }) @IsOptional() @ValidateNested() filter?: UserFilter;
}

@ArgsType()
export class ApiKeysArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Also revoked keys (含已吊销).' }) includeRevoked: boolean;
}

export enum AuditEventSortField {
  OCCURRED_AT = 'OCCURRED_AT',
  OPERATION = 'OPERATION',
}

registerEnumType(AuditEventSortField, {
  name: 'AuditEventSortField',
  description: 'How to sort audit events (排序字段).',
  valuesConfig: { OCCURRED_AT: { description: 'By time (时间)' }, OPERATION: { description: 'By operation name (操作)' } },
});

const AuditEventOrder = OrderInput<AuditEventSortField>(AuditEventSortField, 'AuditEvent', 'audit events');

@InputType({ description: 'Which audit events to list (审计日志筛选).' })
export class AuditEventFilter {
  @Field(() => StringFilter, { nullable: true, description: 'Operation, e.g. updateTaskTeam (操作).' }) @IsOptional() @ValidateNested() operation?: StringFilter;
  @Field(() => AuditEntityTypeFilter, { nullable: true, description: 'Entity type (对象类型).' }) @IsOptional() @ValidateNested() entityType?: InstanceType<typeof AuditEntityTypeFilter>;
  @Field(() => StringFilter, { nullable: true, description: 'Entity id (对象ID).' }) @IsOptional() @ValidateNested() entityId?: StringFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Actor (user or key id) (操作者).' }) @IsOptional() @ValidateNested() actorId?: IdFilter;
  @Field(() => AuditOutcomeFilter, { nullable: true, description: 'Committed or refused (结果).' }) @IsOptional() @ValidateNested() outcome?: InstanceType<typeof AuditOutcomeFilter>;
  @Field(() => StringFilter, { nullable: true, description: 'Request id (请求ID).' }) @IsOptional() @ValidateNested() requestId?: StringFilter;
  @Field(() => DateRangeFilter, { nullable: true, description: 'Asia/Shanghai dates (日期).' }) @IsOptional() @ValidateNested() occurredAt?: DateRangeFilter;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: 'Which events (筛选条件).' }) @IsOptional() @ValidateNested() filter?: AuditEventFilter;
  @Field(() => AuditEventOrder, { nullable: true, description: 'Order, default newest first (排序).' }) @IsOptional() @ValidateNested() orderBy?: InstanceType<typeof AuditEventOrder>;
}
