import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Names of the fields the client selected at `path` below the current field (fragments and inline
 * fragments followed; @skip/@include ignored, so a superset), e.g. `['nodes', 'business']` gives the
 * fields of each node's business, and an empty set when `business` is not selected. Lets a resolver
 * fetch a relation together with the rows, only when it is wanted and only the columns it needs.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, depth, seen);
      else if (s.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(s.name.value)) continue;
        seen.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet, depth, seen);
      } else if (depth === path.length) out.add(s.name.value);
      else if (s.name.value === path[depth]) walk(s.selectionSet, depth + 1, new Set(seen));
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, 0, new Set());
  return out;
}
