import { GraphQLObjectType, getNamedType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { EntityMetadata } from 'typeorm';
import { PERSONAL_DATA } from './personal-data';
import { selectedFieldNames } from './selection';

/**
 * Column projection (选择列读取): a list reads only the columns its query selects, instead of every
 * column of the table (a remediation item has 55; the overdue list of the benchmark reads 7). Fewer
 * columns means less for PostgreSQL to send, for `pg` to parse and for TypeORM to hydrate.
 *
 * Which columns a selected field needs:
 * - a field graphql-js resolves by reading the property of the same name (no field resolver, no
 *   getter on the entity), recorded at schema build, needs its own column;
 * - a field resolver needs the columns it reads off its parent, declared next to it with
 *   `fieldColumns` (e.g. `RemediationItem.business` reads `businessId`);
 * - any other field makes the read fall back to every column, so a field nobody declared is never
 *   answered from a half-read row.
 * Always read: the primary key and what the sort key reads (for cursors); with a free-text field of a
 * type with personal data, also its person-name columns (masking looks for those names in the text).
 */

/** Per GraphQL type: fields resolved by graphql-js's default resolver (recorded before masking and guards wrap them). */
const DEFAULT_RESOLVED = new Map<string, Set<string>>();
/** Per GraphQL type: what each declared field resolver reads off its parent row (entity property names). */
const FIELD_COLUMNS = new Map<string, Map<string, readonly string[]>>();

/** Called by buildAppSchema right after type-graphql has built the schema. */
export function recordDefaultResolvedFields(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    DEFAULT_RESOLVED.set(type.name, new Set(Object.values(type.getFields()).filter((f) => !f.resolve).map((f) => f.name)));
  }
}

/** Declares what field resolvers of `typeName` read off their parent row (property names; `[]`: only the id). */
export function fieldColumns(typeName: string, fields: Record<string, readonly string[]>): void {
  const declared = FIELD_COLUMNS.get(typeName) ?? new Map<string, readonly string[]>();
  for (const [field, columns] of Object.entries(fields)) declared.set(field, columns);
  FIELD_COLUMNS.set(typeName, declared);
}

const READS = new WeakMap<Function, string[]>();

/** The properties `read` touches on a row (the sort key's value function, for cursors). */
function propertiesRead(read: (row: never) => unknown): string[] {
  let known = READS.get(read);
  if (!known) READS.set(read, (known = probe(read)));
  return known;
}

function probe(read: (row: never) => unknown): string[] {
  const touched = new Set<string>();
  const row = new Proxy({}, { get: (_t, p) => (typeof p === 'string' && touched.add(p), undefined) });
  try {
    read(row as never);
  } catch {
    /* a value function that needs real values still told us what it reads before failing */
  }
  return [...touched];
}

function isAccessorOrMethod(target: Function, name: string): boolean {
  for (let proto = target.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (d) return !!d.get || typeof d.value === 'function';
  }
  return false;
}

/**
 * The property paths to select for the rows of the connection field being resolved (its `nodes` and
 * `edges { node }`), or null to read every column. `sortValue` is the sort key's value function.
 */
export function connectionColumns(info: GraphQLResolveInfo, metadata: EntityMetadata, sortValue: (row: never) => unknown): string[] | null {
  const connection = getNamedType(info.returnType);
  if (!(connection instanceof GraphQLObjectType)) return null;
  const nodeType = getNamedType(connection.getFields().nodes?.type);
  if (!(nodeType instanceof GraphQLObjectType)) return null;
  const fields = new Set([...selectedFieldNames(info, ['nodes']), ...selectedFieldNames(info, ['edges', 'node'])]);
  return rowColumns(nodeType.name, fields, metadata, propertiesRead(sortValue));
}

/**
 * The property paths to read for the rows a field resolver returns (an object or a list of them),
 * from what is selected below it; null for every column. For loaders (`Loaders.one/many` with `select`).
 */
export function fieldRowColumns(info: GraphQLResolveInfo, metadata: EntityMetadata, extra: readonly string[] = []): string[] | null {
  return rowColumns(getNamedType(info.returnType).name, selectedFieldNames(info, []), metadata, extra);
}

/** Per entity: property name → property path of its own (not embedded) columns. */
const COLUMNS = new WeakMap<EntityMetadata, Map<string, string>>();
/** Answers of rowColumns by type, entity, selected fields and extra properties: a query shape repeats. */
const ANSWERS = new Map<string, string[] | null>();
const MAX_ANSWERS = 5000;

/** The property paths a row of `typeName` needs for these selected fields, or null for every column. */
export function rowColumns(typeName: string, fields: Iterable<string>, metadata: EntityMetadata, extra: readonly string[] = []): string[] | null {
  if (!DEFAULT_RESOLVED.has(typeName)) return null;
  const key = `${typeName}|${metadata.name}|${[...fields].join(',')}|${extra.join(',')}`;
  if (ANSWERS.has(key)) return ANSWERS.get(key)!;
  const answer = computeRowColumns(typeName, fields, metadata, extra);
  if (ANSWERS.size >= MAX_ANSWERS) ANSWERS.clear();
  ANSWERS.set(key, answer);
  return answer;
}

function computeRowColumns(typeName: string, fields: Iterable<string>, metadata: EntityMetadata, extra: readonly string[]): string[] | null {
  let columns = COLUMNS.get(metadata);
  if (!columns) COLUMNS.set(metadata, (columns = new Map(metadata.columns.filter((c) => !c.embeddedMetadata).map((c) => [c.propertyName, c.propertyPath]))));
  const plain = DEFAULT_RESOLVED.get(typeName)!;
  const declared = FIELD_COLUMNS.get(typeName);
  const wanted = new Set<string>(metadata.primaryColumns.map((c) => c.propertyName));
  const add = (property: string) => {
    if (!columns.has(property)) return false;
    wanted.add(property);
    return true;
  };
  for (const field of fields) {
    if (field === '__typename') continue;
    const reads = declared?.get(field);
    if (reads) {
      if (!reads.every(add)) return null;
    } else if (!(plain.has(field) && !isAccessorOrMethod(metadata.target as Function, field) && add(field))) {
      return null;
    }
  }
  for (const property of extra) if (!add(property)) return null;
  // Masking free text (or JSON) looks for the row's person names in it: read them when such a field is selected.
  const personal = PERSONAL_DATA[typeName] ?? {};
  if ([...fields].some((f) => personal[f] === 'text' || personal[f] === 'json')) {
    for (const [field, kind] of Object.entries(personal)) if (kind === 'personName') add(field);
  }
  return [...wanted].map((p) => columns.get(p)!);
}
