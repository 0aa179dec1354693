import { GraphQLError } from 'graphql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Codes of caller-fault errors returned in a mutation payload's `userErrors`. One enum for the
 * whole API, so clients can switch on it; documented in the schema.
 */
export enum UserErrorCode {
  VALIDATION = 'VALIDATION',
  REQUIRED = 'REQUIRED',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_REFERENCE = 'INVALID_REFERENCE',
  DUPLICATE = 'DUPLICATE',
  CONFLICT = 'CONFLICT',
  CHECK_DIGIT = 'CHECK_DIGIT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  GUARD_FAILED = 'GUARD_FAILED',
  IDEMPOTENCY_MISMATCH = 'IDEMPOTENCY_MISMATCH',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  LOCKED = 'LOCKED',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation input was rejected (输入错误代码). Nothing is written when any user error is returned.',
  valuesConfig: {
    VALIDATION: { description: 'A value breaks a format or range rule (格式/取值不合法).' },
    REQUIRED: { description: 'A required value is missing (必填项缺失).' },
    NOT_FOUND: { description: 'The record to change does not exist (记录不存在).' },
    INVALID_REFERENCE: { description: 'A referenced record (district, department, business …) does not exist (引用的记录不存在).' },
    DUPLICATE: { description: 'A unique value is already taken; the message names the existing record (重复).' },
    CONFLICT: { description: 'expectedVersion is stale: someone changed the record first (版本冲突，请刷新后重试).' },
    CHECK_DIGIT: { description: 'An identifier fails its check digit (校验码错误); may be overridable with a reason.' },
    INVALID_TRANSITION: { description: 'The workflow action is not allowed from the current status (状态不允许此操作).' },
    GUARD_FAILED: { description: 'A workflow rule forbids the action now (不满足流转条件), e.g. missing evidence.' },
    IDEMPOTENCY_MISMATCH: { description: 'The idempotency key was already used with a different input (幂等键冲突).' },
    INVALID_CREDENTIALS: { description: 'Username or password is wrong; which one is never said (用户名或密码错误).' },
    LOCKED: { description: 'Sign-in is locked for a while after repeated failures (登录已临时锁定).' },
  },
});

@ObjectType({ description: 'A caller-fault problem with a mutation input (输入错误).' })
export class UserError {
  @Field(() => [String], { description: 'Path of the offending input field, e.g. ["input", "uscc"] (出错字段路径).' })
  field: string[];

  @Field({ description: 'Explanation for the person at the form, in Chinese (错误说明，中文).' })
  message: string;

  @Field({ description: 'The same explanation in English, for developers and logs (错误说明，英文).' })
  messageEn: string;

  @Field(() => UserErrorCode, { description: 'Machine-readable code (错误代码).' })
  code: UserErrorCode;
}

/**
 * Thrown by services for caller-fault problems. The mutation wrapper rolls the transaction back
 * and turns it into the payload's `userErrors`.
 */
export class UserInputFailure extends Error {
  override name = 'UserInputFailure';
  readonly userErrors: UserError[];

  constructor(errors: UserError | UserError[]) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((e) => `${e.field.join('.')}: ${e.message}`).join('; '));
    this.userErrors = list;
  }
}

/**
 * `message` is Chinese (the people at the forms are Chinese officials), `messageEn` English.
 * Both are required; test/user-error-messages.test.ts checks that every call site's `message` is
 * Chinese and its `messageEn` English.
 */
export function userError(code: UserErrorCode, field: string | string[], message: string, messageEn: string): UserError {
  return Object.assign(new UserError(), { code, field: Array.isArray(field) ? field : field.split('.'), message, messageEn });
}

/** Shorthand: throw one user error (Chinese message first, then English). */
export function fail(code: UserErrorCode, field: string | string[], message: string, messageEn: string): never {
  throw new UserInputFailure(userError(code, field, message, messageEn));
}

/** Collects several user errors and throws them together, so a form shows every problem at once. */
export class ErrorCollector {
  readonly errors: UserError[] = [];
  add(code: UserErrorCode, field: string | string[], message: string, messageEn: string): this {
    this.errors.push(userError(code, field, message, messageEn));
    return this;
  }
  get empty(): boolean {
    return this.errors.length === 0;
  }
  throwIfAny(): void {
    if (this.errors.length) throw new UserInputFailure(this.errors);
  }
}

/** Top-level error codes that are meant for the client as they are. */
export const PUBLIC_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'DOCUMENT_NOT_TRUSTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'RATE_LIMITED',
  'NOT_FOUND',
  'TOO_MANY_SIGN_INS',
  'SERVICE_BUSY',
]);

export function unauthenticated(message = 'Authentication required (请先登录)'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = 'Not allowed (无权限)'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

/** Seconds a client should wait before retrying while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const UNREACHABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const UNREACHABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end|Connection terminated unexpectedly)/;

/**
 * True when an error means the database cannot be reached (refused or dropped connections, a
 * pool that cannot connect, a server shutting down or out of connection slots), as opposed to
 * a query that failed. Looks through TypeORM's and pg's wrappers.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const x = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown; thrownValue?: unknown; errors?: unknown };
    const code = typeof x.code === 'string' ? x.code : '';
    // 08xxx connection exceptions; 57P01-57P03 admin/crash shutdown, cannot connect now; 53300 too many connections.
    if (UNREACHABLE_ERRNO.has(code) || /^08...$/.test(code) || /^57P0[123]$/.test(code) || code === '53300') return true;
    if (typeof x.message === 'string' && UNREACHABLE_MESSAGE.test(x.message)) return true;
    if (Array.isArray(x.errors) && x.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    // thrownValue: graphql-js wraps a thrown value that is not an Error of its realm.
    e = x.driverError ?? x.originalError ?? x.thrownValue ?? x.cause;
  }
  return false;
}

/** The answer while the database is unreachable: the client may retry; the reference is in the log. */
export function databaseUnavailableError(errorId: string) {
  return {
    message: `Service temporarily unavailable: the database cannot be reached; retry in a few seconds (数据库暂时无法访问，请稍后重试); reference ${errorId}`,
    extensions: { code: 'SERVICE_UNAVAILABLE', errorId, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
  };
}
