import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Reads rows of one table by a key column (`WHERE key = ANY($1)`), the statement of every loader
 * (src/common/loaders.ts), without TypeORM's query builder: the SQL text is built once per shape
 * (entity, key, order, columns) from the entity metadata, and rows are hydrated the way TypeORM
 * hydrates them — an instance of the entity class, each value through the driver's
 * `prepareHydratedValue` (dates, enum arrays, column transformers). It runs through the manager's
 * query runner, so it joins a mutation's transaction, is logged and counted like any statement.
 *
 * Why: building the statement (parsing property paths, escaping, regex replacements over the whole
 * text) and TypeORM's generic result transformer cost more CPU than the read itself for the small
 * batches loaders send (see the README's side-by-side section).
 */
interface Shape {
  sql: string;
  columns: Column[];
}

const SHAPES = new Map<string, Shape>();
const MAX_SHAPES = 2000;

/**
 * Rows of `entity` whose `keyProperty` is one of `keys`, ordered by `orderProperty` (ties by primary
 * key) when given; with `select` (property paths) only those columns plus the key, order and primary columns.
 */
export async function readByKeys<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  keyProperty: string,
  keys: readonly unknown[],
  select?: readonly string[] | null,
  orderProperty?: string,
): Promise<E[]> {
  const metadata = em.connection.getMetadata(entity);
  const key = `${metadata.name}|${keyProperty}|${orderProperty ?? ''}|${select?.join(',') ?? '*'}`;
  let shape = SHAPES.get(key);
  if (!shape) {
    shape = buildShape(em.connection.driver, metadata, keyProperty, select, orderProperty);
    if (SHAPES.size >= MAX_SHAPES) SHAPES.clear();
    SHAPES.set(key, shape);
  }
  return hydrate<E>(em.connection.driver, metadata, shape.columns, (await em.query(shape.sql, [keys])) as Record<string, unknown>[]);
}

type Column = { column: ColumnMetadata; name: string };
const ALIASED = new WeakMap<EntityMetadata, Map<string, Column[]>>();

/**
 * Rows read by a query builder over one entity and no selected joins (`getRawMany`), as entities,
 * the way `getMany` would hydrate them but without its generic transformer: every column present
 * in the raw rows (named `<alias>_<column>`, as TypeORM names them) is set, the others are left out.
 */
export function hydrateRaw<E extends ObjectLiteral>(driver: Driver, metadata: EntityMetadata, alias: string, raw: Record<string, unknown>[]): E[] {
  if (!raw.length) return [];
  let byAlias = ALIASED.get(metadata);
  if (!byAlias) ALIASED.set(metadata, (byAlias = new Map()));
  let all = byAlias.get(alias);
  if (!all) byAlias.set(alias, (all = metadata.columns.filter((c) => !c.isVirtual).map((column) => ({ column, name: DriverUtils.buildAlias(driver, undefined, alias, column.databaseName) }))));
  const first = raw[0];
  return hydrate<E>(driver, metadata, all.filter((c) => first[c.name] !== undefined), raw);
}

function hydrate<E extends ObjectLiteral>(driver: Driver, metadata: EntityMetadata, columns: readonly Column[], raw: Record<string, unknown>[]): E[] {
  const rows: E[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const row = metadata.create(undefined, { fromDeserializer: true }) as E;
    for (const { column, name } of columns) column.setEntityValue(row, driver.prepareHydratedValue(r[name], column));
    rows[i] = row;
  }
  return rows;
}

function buildShape(driver: Driver, metadata: EntityMetadata, keyProperty: string, select: readonly string[] | null | undefined, orderProperty: string | undefined): Shape {
  const byPath = (path: string) => {
    const c = metadata.findColumnWithPropertyPath(path);
    if (!c) throw new Error(`${metadata.name} has no column ${path}`);
    return c;
  };
  const keyColumn = byPath(keyProperty);
  const orderColumn = orderProperty ? byPath(orderProperty) : undefined;
  const columns = select
    ? [...new Set([...metadata.primaryColumns, keyColumn, ...(orderColumn ? [orderColumn] : []), ...select.map(byPath)])]
    : metadata.columns.filter((c) => c.isSelect && !c.isVirtual);
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const table = metadata.schema ? `${q(metadata.schema)}.${q(metadata.tableName)}` : q(metadata.tableName);
  const named = columns.map((column) => ({ column, name: DriverUtils.buildAlias(driver, undefined, 'e', column.databaseName) }));
  // Ties in the order column broken by the primary key, so a list reads the same on every request.
  const order = orderColumn ? ` ORDER BY ${[orderColumn, ...metadata.primaryColumns.filter((c) => c !== orderColumn)].map((c) => `"e".${q(c.databaseName)} ASC`).join(', ')}` : '';
  return {
    // Written as TypeORM writes a query builder's statement, so logs read the same.
    sql: `SELECT ${named.map(({ column, name }) => `"e".${q(column.databaseName)} AS ${q(name)}`).join(', ')} FROM ${table} "e" WHERE "e".${q(keyColumn.databaseName)} = ANY($1)${order}`,
    columns: named,
  };
}
