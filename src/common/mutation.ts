import { Arg, ArgumentValidationError, Field, Mutation as TgMutation, ObjectType, UseMiddleware, type MiddlewareFn } from 'type-graphql';

type MutationOptions = NonNullable<Parameters<typeof TgMutation>[1]>;
type ReturnTypeFunc = Parameters<typeof TgMutation>[0] & Function;
import type { ValidationError } from 'class-validator';
import type { Context } from './context';
import { UserError, UserErrorCode, UserInputFailure, userError } from './errors';
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
    for (const [constraint, messageEn] of Object.entries(e.constraints ?? {})) {
      out.push(userError(UserErrorCode.VALIDATION, here, validationMessageZh(constraint, e.property, messageEn), messageEn));
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
        if (result.userErrors.length) throw new Rollback(result);
      }
      return result;
    });
    // The database will signal the change too; clearing here lets this client read its own write at once.
    context.reportCache.invalidate();
    return committed;
  } catch (e) {
    if (e instanceof Rollback) return e.payload;
    const userErrors = toUserErrors(e, argNames);
    if (userErrors) return { userErrors };
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
    if (result && typeof result === 'object') result.userErrors ??= [];
    return result;
  } catch (e) {
    const userErrors = toUserErrors(e, argNames);
    if (userErrors) return { userErrors };
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
