import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getVariableValues,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../common/connection';
import { checkOperationInput } from '../common/input-rules';

/**
 * Depth of the deepest field path of an operation, following fragments (cycle-safe). Introspection
 * fields count like any other, except that a chain of `ofType` counts once: it follows a type's
 * wrappers (`[X!]!`), ends at the named type whatever the query asks, and clients nest it eight
 * deep; the cycles that can be abused (`fields { type { fields …`) are counted in full.
 */
export function operationDepth(op: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const walk = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>, parentIsOfType = false): number => {
    if (!set) return depth;
    let max = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const step = sel.name.value === 'ofType' && parentIsOfType ? 0 : 1;
        max = Math.max(max, walk(sel.selectionSet, depth + step, seen, sel.name.value === 'ofType'));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, walk(sel.selectionSet, depth, seen, parentIsOfType));
      } else if (!seen.has(sel.name.value) && fragments[sel.name.value]) {
        max = Math.max(max, walk(fragments[sel.name.value].selectionSet, depth, new Set([...seen, sel.name.value]), parentIsOfType));
      }
    }
    return max;
  };
  return walk(op.selectionSet, 0, new Set());
}

/**
 * A paginated field (one that takes `first`) costs its page size times what one row costs; when
 * `first` is omitted the default page is returned, so it costs as much as asking for it.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  const first = typeof args.last === 'number' ? args.last : typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + Math.max(first, 0) * Math.max(childComplexity, 1);
};

/**
 * What introspection costs. graphql-query-complexity skips meta fields, so a request aliasing
 * `__schema` a thousand times would cost nothing (measured: 700 aliases of
 * `__schema { types { name kind description } }` took 5.8 s of CPU). Each introspection field
 * costs 1 (fragments expanded); a `__schema` dump adds 100 — it resolves every type of the
 * schema — and `__type` adds 10. GraphiQL's full introspection query costs about 400.
 */
export function introspectionCost(op: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const count = (set: SelectionSetNode | undefined, inside: boolean, seen: Set<string>): number => {
    if (!set) return 0;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        const meta = name === '__schema' || name === '__type';
        const here = inside || meta;
        if (here && name !== '__typename') cost += 1 + (name === '__schema' ? 100 : name === '__type' ? 10 : 0);
        cost += count(sel.selectionSet, here, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        cost += count(sel.selectionSet, inside, seen);
      } else if (!seen.has(sel.name.value) && fragments[sel.name.value]) {
        cost += count(fragments[sel.name.value].selectionSet, inside, new Set([...seen, sel.name.value]));
      }
    }
    return cost;
  };
  return count(op.selectionSet, false, new Set());
}

/**
 * The checks an operation meets before execution, once it has validated and its variables have
 * coerced (variables that do not coerce are left to execution, which answers BAD_USER_INPUT naming
 * them; graphql-query-complexity would throw on them instead): deeper than `maxDepth` or costing
 * more than `maxCost` (each field 1, list fields multiplied by their page size, introspection
 * included) is refused with an error naming the limit; then the input rules
 * (src/common/input-rules.ts) on every argument. Null when it may run. Used for HTTP requests (the
 * plugin below) and for subscriptions over WebSocket (src/modules/live/live.ws.ts).
 */
export function operationLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxDepth: number,
  maxCost: number,
): GraphQLError | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 20 });
  if (coerced.errors) return null;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const depth = operationDepth(operation, fragments);
  if (depth > maxDepth) {
    return new GraphQLError(`Query depth ${depth} exceeds the limit of ${maxDepth} (MAX_QUERY_DEPTH)`, {
      extensions: { code: 'QUERY_TOO_DEEP', limit: maxDepth, depth, http: { status: 400 } },
    });
  }
  const cost =
    getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
    }) + introspectionCost(operation, fragments);
  if (cost > maxCost) {
    return new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost} (MAX_QUERY_COST); ask for smaller pages or fewer nested lists`, {
      extensions: { code: 'QUERY_TOO_COSTLY', limit: maxCost, cost, http: { status: 400 } },
    });
  }
  const problems = checkOperationInput(schema, document, operation, coerced.coerced);
  if (problems.length === 1) return problems[0];
  if (problems.length > 1) {
    const paths = problems.map((p) => p.extensions.argument as string);
    return new GraphQLError(problems.map((p) => p.message).join('; '), {
      extensions: { code: 'BAD_USER_INPUT', argument: paths[0], arguments: paths, http: { status: 400 } },
    });
  }
  return null;
}

const MAX_PASSED_PER_DOCUMENT = 200;

/**
 * Applies operationLimitError to every HTTP request. The answer depends only on the document, the
 * operation and the variables, so a combination that passed is remembered and not walked again
 * (a refusal is always recomputed).
 */
export function queryLimitsPlugin(schema: GraphQLSchema, maxDepth: number, maxCost: number): ApolloServerPlugin {
  /** Operations found within these limits, per parsed document (Apollo hands out one object per query text): by name and variables. */
  const PASSED = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(variables)}`;
          let passed = PASSED.get(document as DocumentNode);
          if (passed?.has(key)) return;
          const error = operationLimitError(schema, document as DocumentNode, operation, variables, maxDepth, maxCost);
          if (error) throw error;
          if (!passed) PASSED.set(document as DocumentNode, (passed = new Set()));
          if (passed.size >= MAX_PASSED_PER_DOCUMENT) passed.clear();
          passed.add(key);
        },
      };
    },
  };
}
