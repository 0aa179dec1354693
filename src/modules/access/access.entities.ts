import { Node } from '../../common/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Department } from '../reference/reference.entities';
import { Role } from '../../common/auth';

const ts = { type: 'timestamptz', precision: 3 } as const;

@ObjectType({ implements: Node, description: 'A person who signs in (用户).' })
@Entity('app_user')
export class User {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Sign-in name, lower case (用户名).' })
  @Index('uq_app_user_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Field({ description: 'Name shown to others (姓名).' })
  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Index('ix_app_user_department')
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { nullable: true })
  @JoinColumn({ name: 'department_id' })
  departmentRef?: Department | null;

  @Field(() => Role, { description: 'What the user may do (角色).' })
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  /** Task teams (ids) whose stages an AGENCY_OFFICER may write in; validated by the service. */
  @Column({ name: 'team_ids', type: 'uuid', array: true, default: () => "'{}'" })
  teamIds: string[];

  /** Districts (GB/T 2260) the user may write in; validated by the service. */
  @Column({ name: 'district_codes', type: 'varchar', length: 6, array: true, default: () => "'{}'" })
  districtCodes: string[];

  @Field({ description: 'May sign in; deactivated users keep their history (是否启用).' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in (最近登录).' })
  @Column({ name: 'last_login_at', ...ts, nullable: true })
  lastLoginAt: Date | null;

  @Field({ description: 'Created (创建时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @Field(() => Int, { description: 'Optimistic-lock version (版本号).' })
  @Column({ type: 'int', default: 1 })
  version: number;

  /**
   * Carried by every access and refresh token and compared on each request: bumping it ends every
   * session of the user at once (password change or reset, (de)activation, role or scope change,
   * signOutEverywhere).
   */
  @Column({ name: 'token_version', type: 'int', default: 1 })
  tokenVersion: number;
}

@ObjectType({ implements: Node, description: 'A key for a machine client such as a report generator or partner backend (API密钥). The secret is shown once.' })
@Entity('api_key')
export class ApiKey {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'What the key is for (名称).' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field({ description: 'Public first part of the key, to recognise it (密钥前缀).' })
  @Index('uq_api_key_prefix', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** SHA-256 of the secret: keys are 192-bit random, so a fast hash is safe and keeps requests fast. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  @Field(() => Role, { description: 'What the key may do (角色).' })
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  @Index('ix_api_key_department')
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { nullable: true })
  @JoinColumn({ name: 'department_id' })
  departmentRef?: Department | null;

  @Column({ name: 'team_ids', type: 'uuid', array: true, default: () => "'{}'" })
  teamIds: string[];

  @Column({ name: 'district_codes', type: 'varchar', length: 6, array: true, default: () => "'{}'" })
  districtCodes: string[];

  @Field(() => Date, { nullable: true, description: 'Stops working after this instant (过期时间).' })
  @Column({ name: 'expires_at', ...ts, nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Revoked at; a revoked key never works again (吊销时间).' })
  @Column({ name: 'revoked_at', ...ts, nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last use, to the minute (最近使用).' })
  @Column({ name: 'last_used_at', ...ts, nullable: true })
  lastUsedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Admin who created it (创建人).' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field({ description: 'Created (创建时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;
}

/**
 * Failed sign-ins per username, whether or not the user exists, so that slowing down and locking
 * behave alike for both and reveal nothing.
 */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ name: 'locked_until', ...ts, nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_failure_at', ...ts, nullable: true })
  lastFailureAt: Date | null;
}

/**
 * A refresh token (刷新令牌), stored as its SHA-256 only. Each use replaces it with a new one of
 * the same family (rotation); presenting a used one again means it was copied, and ends the family.
 */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_refresh_token_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  userRef?: User;

  /** The sign-in this token descends from; reuse of a rotated token revokes the whole family. */
  @Index('ix_refresh_token_family')
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Index('uq_refresh_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** The user's token version when issued; a later bump makes the token worthless. */
  @Column({ name: 'token_version', type: 'int' })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Column({ name: 'expires_at', ...ts })
  expiresAt: Date;

  /** Set when the token was exchanged for its successor. */
  @Column({ name: 'used_at', ...ts, nullable: true })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', ...ts, nullable: true })
  revokedAt: Date | null;
}
