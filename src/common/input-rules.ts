import {
  GraphQLError,
  GraphQLID,
  TypeInfo,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  Kind,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * The one rule for text that enters the API, applied to every String and ID value of every
 * operation (literal or variable, argument or nested input field) before anything executes:
 * no NUL character (PostgreSQL cannot store U+0000 in text and fails with an internal error), and
 * no value longer than MAX_TEXT_LENGTH (each field may bound itself tighter with class-validator).
 * Identifiers (the ID type) are UUIDs: anything else cannot name a record and would fail inside
 * PostgreSQL's uuid cast. Services still store trimmed text (`clean`), and blank-only values are
 * refused by `@NotBlank` where a value is required.
 */
export const MAX_TEXT_LENGTH = 10_000;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}

/** Why a text value breaks the rule, or null; `what` names the value in the message. */
export function textProblem(v: string, what: string): { zh: string; en: string } | null {
  if (v.includes('\u0000')) return { zh: `${what} 含有空字符 (U+0000)`, en: `${what} contains a NUL character (U+0000)` };
  if (v.length > MAX_TEXT_LENGTH) return { zh: `${what} 超过 ${MAX_TEXT_LENGTH} 个字符`, en: `${what} is longer than ${MAX_TEXT_LENGTH} characters` };
  return null;
}

export function inputError(argument: string, en: string, zh: string): GraphQLError {
  return new GraphQLError(`${en} (${zh})`, { extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 400 } } });
}

/** A value that breaks an input rule: where it is, and why in Chinese and English. */
export interface InputProblem {
  path: string;
  zh: string;
  en: string;
}

/** Checks one coerced value against its input type; problems are collected with their path. */
function checkValue(value: unknown, type: GraphQLInputType, path: string, out: InputProblem[]): void {
  if (value === null || value === undefined || out.length >= 20) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkValue(v, t.ofType, `${path}.${i}`, out));
    return;
  }
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      if (fields[name]) checkValue(v, fields[name].type, `${path}.${name}`, out);
    }
    return;
  }
  if (isScalarType(t) && typeof value === 'string') {
    if (t === GraphQLID && !UUID.test(value)) {
      out.push({ path, en: `${path} is not an id (a UUID)`, zh: `${path} 不是有效的标识 (UUID)` });
      return;
    }
    const p = textProblem(value, path);
    if (p) out.push({ path, ...p });
  }
}

/** The same rules for one value of an input type that arrives outside GraphQL (export parameters). */
export function checkInputValue(value: unknown, type: GraphQLInputType, path: string): InputProblem[] {
  const out: InputProblem[] = [];
  checkValue(value, type, path, out);
  return out;
}

/**
 * Applies the text and id rules to every argument of an operation (and of the fragments it
 * uses), with variables already coerced — except the root fields of a mutation (see above). Returns the problems found, each naming its argument
 * path (e.g. `input.name`, `filter.siteId.in.1`).
 */
export function checkOperationInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError[] {
  const out: InputProblem[] = [];
  const mutationType = schema.getMutationType();
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const arg = typeInfo.getArgument();
      // A mutation's own arguments are checked by its wrapper (src/common/mutation.ts), which answers
      // in the payload's userErrors like every other caller fault of a mutation.
      if (!arg || (mutationType && typeInfo.getParentType() === mutationType)) return false;
      const value = valueFromAST(node.value, arg.type, variables);
      checkValue(value, arg.type, node.name.value, out);
      return false;
    },
  });
  for (const def of document.definitions) {
    if (def === operation || def.kind === Kind.FRAGMENT_DEFINITION) visit(def, visitor);
  }
  return out.map((p) => inputError(p.path, p.en, p.zh));
}
