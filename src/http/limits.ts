import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../common/connection';

/** Depth of the deepest field path of an operation, following fragments (cycle-safe). */
export function operationDepth(op: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const walk = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
    if (!set) return depth;
    let max = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        max = Math.max(max, walk(sel.selectionSet, depth + 1, seen));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, walk(sel.selectionSet, depth, seen));
      } else if (!seen.has(sel.name.value) && fragments[sel.name.value]) {
        max = Math.max(max, walk(fragments[sel.name.value].selectionSet, depth, new Set([...seen, sel.name.value])));
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
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + Math.max(first, 0) * Math.max(childComplexity, 1);
};

/**
 * Rejects an operation before execution when it is deeper than `maxDepth` or costs more than
 * `maxCost` (each field 1, list fields multiplied by their page size). The error names the limit.
 */
export function queryLimitsPlugin(schema: GraphQLSchema, maxDepth: number, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const fragments = Object.fromEntries(
            (document as DocumentNode).definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
          );
          if (!operation) return;
          const depth = operationDepth(operation, fragments);
          if (depth > maxDepth) {
            throw new GraphQLError(`Query depth ${depth} exceeds the limit of ${maxDepth} (MAX_QUERY_DEPTH)`, {
              extensions: { code: 'QUERY_TOO_DEEP', limit: maxDepth, depth, http: { status: 400 } },
            });
          }
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost} (MAX_QUERY_COST); ask for smaller pages or fewer nested lists`, {
              extensions: { code: 'QUERY_TOO_COSTLY', limit: maxCost, cost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
