import { noteUserErrors } from '../observability/metrics';
import { Arg, ArgumentValidationError, Field, Mutation as TgMutation, ObjectType, UseMiddleware, type MiddlewareFn } from 'type-graphql';

type MutationOptions = NonNullable<Parameters<typeof TgMutation>[1]>;
type ReturnTypeFunc = Parameters<typeof TgMutation>[0] & Function;
import type { ValidationError } from 'class-validator';
import type { Context } from './context';
import { UserError, UserErrorCode, UserInputFailure, userError } from './errors';
import { checkInputValue } from './input-rules';
import { validate, type ValidatorOptions } from 'class-validator';
import type { ResolverData } from 'type-graphql';
import { validationMessageZh } from './validation-messages';

/** Base of every mutation payload; subclasses are the GraphQL types (this one is never emitted). */
@ObjectType('MutationPayloadBase')
export abstract class MutationPayload {
  @Field(() => [UserError], { description: 'Caller-fault problems (输入错误); when not empty, nothing was written.' })
  userErrors: UserError[];
}

class Rollback extends Error {
  constructor(readonly payload: unknown) {
    super('rollback');
  }
}

/** Flattens class-validator errors into user errors with the full input path. */
export function validationUserErrors(errors: ValidationError[], path: string[]): UserError[] {
  const out: UserError[] = [];
  for (const e of errors) {
    const here = [...path, e.property];
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      // The input rules (input-rules.ts) carry both texts; class-validator's own constraints are English, translated by rule.
      const en = (e.contexts?.[rule] as { en?: string } | undefined)?.en;
      out.push(en ? userError(UserErrorCode.VALIDATION, here, message, en) : userError(UserErrorCode.VALIDATION, here, validationMessageZh(rule, e.property, message), message));
    }
    if (e.children?.length) out.push(...validationUserErrors(e.children, here));
  }
  return out;
}

function toUserErrors(e: unknown, argNames: string[]): UserError[] | null {
  if (e instanceof UserInputFailure) return e.userErrors;
  if (e instanceof ArgumentValidationError) {
    // type-graphql validates each argument separately; `input` is the usual one.
    const arg = argNames.length === 1 ? [argNames[0]] : [];
    return validationUserErrors(e.extensions.validationErrors as unknown as ValidationError[], arg);
  }
  return null;
}

/**
 * One transaction per mutation field: the service's writes, its audit rows and its events commit
 * together, and any user error (thrown or returned) rolls everything back. Loader caches are
 * cleared afterwards so the payload's nested fields read committed state.
 */
export const MutationTransaction: MiddlewareFn<Context> = async ({ context, info }, next) => {
  const outer = context.em;
  const outerLoaderManager = context.loaders.manager;
  const argNames = info.fieldNodes[0]?.arguments?.map((a) => a.name.value) ?? [];
  try {
    const committed = await context.dataSource.transaction(async (em) => {
      context.em = em;
      context.loaders.manager = em;
      const result = (await next()) as { userErrors?: UserError[] } | null;
      if (result && typeof result === 'object') {
        result.userErrors ??= [];
        noteUserErrors(result.userErrors);
        if (result.userErrors.length) throw new Rollback(result);
      }
      return result;
    });
    // The database will signal the change too; clearing here lets this client read its own write at once.
    context.reportCache.invalidate();
    // Live updates over Redis: publish this commit's outbox rows now, not at the relay's next poll.
    context.live?.committed();
    return committed;
  } catch (e) {
    if (e instanceof Rollback) return e.payload;
    const userErrors = toUserErrors(e, argNames);
    if (userErrors) return { userErrors: noteUserErrors(userErrors) };
    throw e;
  } finally {
    context.em = outer;
    context.loaders.manager = outerLoaderManager;
    context.loaders.clearAll();
  }
};

/**
 * For the few mutations that must not hold a database connection for their whole run (sign-in and
 * password changes wait for the password-hash queue and slow failures down): the service opens its
 * own short transactions; user errors and validation failures become `userErrors` as usual.
 */
export const MutationOwnTransactions: MiddlewareFn<Context> = async ({ context, info }, next) => {
  const argNames = info.fieldNodes[0]?.arguments?.map((a) => a.name.value) ?? [];
  try {
    const result = (await next()) as { userErrors?: UserError[] } | null;
    if (result && typeof result === 'object') noteUserErrors((result.userErrors ??= []));
    // Password changes and resets commit on their own and write app_user only: the callers of access
    // tokens kept by this process are dropped at once (other instances drop them on the notification).
    if (!result?.userErrors?.length) context.reportCache.signal('app_user');
    return result;
  } catch (e) {
    const userErrors = toUserErrors(e, argNames);
    if (userErrors) return { userErrors: noteUserErrors(userErrors) };
    throw e;
  } finally {
    context.loaders.clearAll();
  }
};

/**
 * `@Mutation` of this API: returns a payload with `userErrors` and runs in its own transaction.
 * Use it instead of type-graphql's decorator (a schema test checks every mutation's payload).
 * `ownTransactions: true` leaves the transactions to the service (see MutationOwnTransactions).
 */
export function Mutation(returnType: ReturnTypeFunc, options: MutationOptions & { description: string; ownTransactions?: boolean }): MethodDecorator {
  const { ownTransactions, ...rest } = options;
  return (target, key, descriptor) => {
    TgMutation(returnType as never, rest)(target, key, descriptor);
    UseMiddleware(ownTransactions ? MutationOwnTransactions : MutationTransaction)(target, key, descriptor);
  };
}

/** The single `input` argument of a mutation. */
export function InputArg(): ReturnType<typeof Arg> {
  return Arg('input', { description: 'What to do; see the input type (输入参数).' });
}

const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true, validationError: { target: false, value: false } };
const checked = new WeakSet<object>();

/** A ValidationError tree for one input-rule problem, so it joins class-validator's own. */
function ruleError(segments: string[], zh: string, en: string): ValidationError {
  const [head, ...rest] = segments;
  return rest.length
    ? ({ property: head, children: [ruleError(rest, zh, en)] } as ValidationError)
    : ({ property: head, constraints: { inputRule: zh }, contexts: { inputRule: { en } }, children: [] } as unknown as ValidationError);
}

/**
 * Argument validation of every resolver (type-graphql's `validateFn`): class-validator's
 * constraints, as type-graphql would run them, and for a mutation's own arguments also the input
 * rules (src/common/input-rules.ts: no NUL, bounded text, ids that are UUIDs), so that a form sees
 * every problem at once as userErrors and no such value reaches PostgreSQL. Other operations'
 * arguments meet the same rules before execution (src/http/limits.ts).
 */
export function validateArguments(argValue: unknown, argType: unknown, resolverData: ResolverData<object>): Promise<void> {
  const { info, context } = resolverData;
  if (info.parentType === info.schema.getMutationType() || context === null || typeof context !== 'object') return validateOnce(argValue, resolverData);
  // Outside mutations only class-validator's constraints apply, and only to objects.
  if (argValue === null || typeof argValue !== 'object') return NOTHING_TO_CHECK;
  // A field below a list resolves once per row with the same arguments, and the constraints are
  // pure functions of the argument's type and value: each pair is checked once per request.
  let checks = VALIDATED.get(context);
  if (!checks) VALIDATED.set(context, (checks = new Map()));
  let byValue = checks.get(argType);
  if (!byValue) checks.set(argType, (byValue = new Map()));
  const value = JSON.stringify(argValue);
  let result = byValue.get(value);
  if (!result) byValue.set(value, (result = validateOnce(argValue, resolverData)));
  return result;
}

const NOTHING_TO_CHECK = Promise.resolve();
/** Per request (its context): per argument type and value (JSON), the check already run. */
const VALIDATED = new WeakMap<object, Map<unknown, Map<string, Promise<void>>>>();

async function validateOnce(argValue: unknown, resolverData: ResolverData<object>): Promise<void> {
  const errors: ValidationError[] = [];
  const items = Array.isArray(argValue) ? argValue : [argValue];
  for (const item of items) if (item !== null && typeof item === 'object') errors.push(...(await validate(item as object, VALIDATOR_OPTIONS)));
  const { info, args } = resolverData;
  if (info.parentType === info.schema.getMutationType() && !checked.has(resolverData)) {
    checked.add(resolverData);
    const field = info.parentType.getFields()[info.fieldName];
    // One problem per field: where a constraint of the field already failed, it is reported alone.
    const reported = new Set(validationUserErrors(errors, []).map((e) => e.field.join('.')));
    for (const a of field.args) {
      for (const p of checkInputValue(args[a.name], a.type, a.name)) {
        // Paths are relative to the argument when a mutation has one (see toUserErrors).
        const segments = field.args.length === 1 && p.path.includes('.') ? p.path.split('.').slice(1) : p.path.split('.');
        if (!reported.has(segments.join('.'))) errors.push(ruleError(segments, p.zh, p.en));
      }
    }
  }
  if (errors.length) throw new ArgumentValidationError(errors);
}
