import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the client selected the field at `path` below the current field (fragments and inline
 * fragments followed), e.g. `['nodes', 'business']`. Lets a resolver fetch a relation together
 * with the rows instead of one loader call per row, and only when it is wanted.
 */
export function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  const children = (set: SelectionSetNode | undefined, name: string, seen = new Set<string>()): FieldNode[] =>
    (set?.selections ?? []).flatMap((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name ? [s] : [];
      if (s.kind === Kind.INLINE_FRAGMENT) return children(s.selectionSet, name, seen);
      if (seen.has(s.name.value)) return [];
      seen.add(s.name.value);
      return children(info.fragments[s.name.value]?.selectionSet, name, seen);
    });
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    level = level.flatMap((n) => children(n.selectionSet, name));
    if (!level.length) return false;
  }
  return true;
}
