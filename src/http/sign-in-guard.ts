import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, GraphQLError, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Root fields that check or set a password or mint a session. Each costs an argon2 hash (or a
 * token exchange) and is a guess against the sign-in limits, so an operation may hold at most one
 * of them: aliases must not turn one rate-limited request into hundreds of password guesses.
 */
export const SIGN_IN_FIELDS = new Set(['login', 'refreshSession', 'changeMyPassword', 'resetUserPassword']);

/** The guarded root fields of a selection set, through fragment spreads and inline fragments. */
function guardedFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>, out: string[]): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (SIGN_IN_FIELDS.has(s.name.value)) out.push(s.alias ? `${s.alias.value}: ${s.name.value}` : s.name.value);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      guardedFields(s.selectionSet, fragments, seen, out);
    } else {
      const f = fragments.get(s.name.value);
      // Validation has already refused fragment cycles; `seen` only keeps a shared fragment from counting twice.
      if (f && !seen.has(f.name.value)) {
        seen.add(f.name.value);
        guardedFields(f.selectionSet, fragments, seen, out);
      }
    }
  }
}

/** Refuses, before anything runs, a mutation operation with more than one sign-in field. */
export function signInGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          if (operation?.operation !== 'mutation') return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          const found: string[] = [];
          guardedFields(operation.selectionSet, fragments, new Set(), found);
          if (found.length <= 1) return;
          throw new GraphQLError(
            `An operation may contain at most one of ${[...SIGN_IN_FIELDS].join(', ')}; this one has ${found.length}. Send them as separate requests (每个请求最多一次登录或改密操作)`,
            { extensions: { code: 'TOO_MANY_SIGN_INS', fields: found.slice(0, 10), count: found.length, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
