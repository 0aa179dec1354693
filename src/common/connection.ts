import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { hydrateRaw } from './keyed-read';
import { connectionColumns } from './projection';
import { badInput } from './errors';
import { MAX_TEXT_LENGTH, isUuid } from './input-rules';
import { isLocalDate } from './time';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page sits in a list (分页信息), Relay style.' })
export class PageInfo {
  @Field({ description: 'More rows follow this page (是否有下一页).' })
  hasNextPage: boolean;

  @Field({ description: 'This page was requested after a cursor, so rows precede it (是否有上一页).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first row of the page (首行游标).' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row; pass it as `after` for the next page (末行游标).' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size (每页条数), default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return rows after this cursor (游标).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size counted from the end (从末尾取的条数), at most ${MAX_PAGE_SIZE}; with \`before\`, the rows just before that cursor. Not together with \`first\`.` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return rows before this cursor (游标), e.g. the startCursor of the current page to page backwards.' })
  before?: string | null;
}

/** The page a client asked for, Relay style: `first`/`after` forwards, `last`/`before` backwards. */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Checks the page arguments and says which way to read: `size` rows from the start of the window
 * (forward) or from its end (backward). `first` and `last` together are refused, like a size over
 * the maximum, naming the argument.
 */
export function pageDirection(page: PageRequest): { size: number; backward: boolean } {
  if (page.first !== undefined && page.first !== null && page.last !== undefined && page.last !== null) {
    throw badInput('first and last cannot be used together: ask for first (forwards) or last (backwards) (first 与 last 不能同时使用)', 'last');
  }
  if (page.last !== undefined && page.last !== null) {
    if (page.last < 0 || page.last > MAX_PAGE_SIZE) throw badInput(`last must be between 0 and ${MAX_PAGE_SIZE}`, 'last');
    return { size: page.last, backward: true };
  }
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  return { size: first, backward: false };
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[] | Promise<{ cursor: string; node: T }[]>;
  nodes: T[] | Promise<T[]>;
  pageInfo: PageInfo | Promise<PageInfo>;
  totalCount(): Promise<number>;
}

/**
 * Builds `<Name>Connection` and `<Name>Edge` for a node type. `totalCount` is a method, so it is
 * computed (one COUNT query) only when a client selects it.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name = nodeType.name, description?: string) {
  @ObjectType(`${name}Edge`, { description: `A ${name} with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this row (游标).' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name} of this row (记录).` })
    node: T;
  }

  // Registered only so that subclasses inherit its fields; unreachable, so never emitted in the schema.
  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionClass implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'Rows with cursors (带游标的记录).' })
    edges: Edge[];

    @Field(() => [nodeType], { description: 'Rows of the page without cursors (本页记录).' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page sits (分页信息).' })
    pageInfo: PageInfo;

    /** Replaced by the lazy counter of each page object (see paginate). */
    @Field(() => Int, { description: 'Number of rows matching the filter, all pages (总数); computed only when selected.' })
    totalCount(): Promise<number> {
      return Promise.reject(new Error('connection built without a totalCount function'));
    }
  }
  return ConnectionClass;
}

export type CursorValue = string | number | boolean | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Whether a decoded cursor value can be cast to the SQL type of its sort key without an error. */
function fitsCast(v: CursorValue, cast: string): boolean {
  switch (cast) {
    case 'uuid': return isUuid(v);
    case 'text': return typeof v === 'string' && !v.includes('\u0000') && v.length <= MAX_TEXT_LENGTH;
    case 'date': return isLocalDate(v);
    case 'timestamptz': return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
    case 'int': return typeof v === 'number' && Number.isSafeInteger(v);
    default: return false;
  }
}

/**
 * A cursor back into its values. With `casts` (the SQL type of each value, e.g. ['text', 'uuid'])
 * every value must fit its type, so a crafted cursor is a BAD_USER_INPUT naming `after`, never a
 * failed cast inside PostgreSQL.
 */
export function decodeCursor(cursor: string, arity: number, casts?: string[], argument: 'after' | 'before' = 'after'): CursorValue[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === arity &&
      v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x)) &&
      (!casts || v.every((x, i) => fitsCast(x as CursorValue, casts[i])))
    ) {
      return v as CursorValue[];
    }
  } catch {
    /* fall through */
  }
  throw badInput(`${argument} is not a cursor returned by this list (游标无效)`, argument);
}

/** A sort key: an SQL expression (non-null) and how to read the same value off a row. */
export interface SortKey<T> {
  expression: string;
  direction: 'ASC' | 'DESC';
  value: (row: T) => CursorValue | Date;
  /** SQL type the cursor value is cast to, e.g. 'timestamptz', 'text', 'int'. */
  cast: string;
}

function cursorValue(v: CursorValue | Date): CursorValue {
  return v instanceof Date ? v.toISOString() : v;
}

export interface PaginateOptions {
  /** The SQL of the row id (default `<alias>.id`). */
  idExpression?: string;
  /** The connection field's resolve info: with it the page reads only the columns the query selects. */
  info?: GraphQLResolveInfo;
}

/**
 * Keyset pagination: rows strictly after `after` and strictly before `before` in (sort key, id)
 * order; `first` takes the start of that window, `last` its end (read in reverse order, then turned
 * round). The sort key plus the unique id make the order total, so ties never skip or repeat rows and
 * rows inserted between requests cannot shift a page (no OFFSET). Cursors are checked at once (a bad
 * one is the list's BAD_USER_INPUT); the page is read only when `edges`, `nodes` or `pageInfo` is
 * selected and the count only when `totalCount` is, so `{ totalCount }` alone runs one statement.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  page: PageRequest,
  sort: SortKey<T>,
  options: PaginateOptions = {},
): Promise<ConnectionShape<T>> {
  const { size, backward } = pageDirection(page);
  const idExpression = options.idExpression ?? `${qb.alias}.id`;
  const countQb = qb.clone();
  const dataQb = qb.clone();
  // Only the columns the query selects (src/common/projection.ts), when the builder selects just its own table.
  const selectsOwnRowsOnly = !!qb.expressionMap.mainAlias?.hasMetadata && qb.expressionMap.selects.length === 1 && qb.expressionMap.selects[0].selection === qb.alias && !qb.expressionMap.joinAttributes.some((j) => j.isSelected);
  if (options.info && selectsOwnRowsOnly) {
    const columns = connectionColumns(options.info, qb.expressionMap.mainAlias!.metadata, sort.value as (row: never) => unknown);
    if (columns) dataQb.select(columns.map((c) => `${qb.alias}.${c}`));
  }
  const forwardOp = sort.direction === 'ASC' ? '>' : '<';
  const backwardOp = sort.direction === 'ASC' ? '<' : '>';
  if (page.after) {
    const [v, id] = decodeCursor(page.after, 2, [sort.cast, 'uuid'], 'after');
    dataQb.andWhere(`(${sort.expression}, ${idExpression}) ${forwardOp} (CAST(:__cv AS ${sort.cast}), CAST(:__cid AS uuid))`, { __cv: v, __cid: id });
  }
  if (page.before) {
    const [v, id] = decodeCursor(page.before, 2, [sort.cast, 'uuid'], 'before');
    dataQb.andWhere(`(${sort.expression}, ${idExpression}) ${backwardOp} (CAST(:__bv AS ${sort.cast}), CAST(:__bid AS uuid))`, { __bv: v, __bid: id });
  }
  const readDirection = backward ? (sort.direction === 'ASC' ? 'DESC' : 'ASC') : sort.direction;
  dataQb.orderBy(sort.expression, readDirection).addOrderBy(idExpression, readDirection).limit(size + 1);
  const plainRows = selectsOwnRowsOnly && qb.expressionMap.joinAttributes.length === 0;
  const cursorOf = (node: T) => encodeCursor([cursorValue(sort.value(node)), node.id]);
  let counted: Promise<number> | undefined;
  const counter = () => (counted ??= countQb.orderBy().getCount());
  let read: Promise<ConnectionShape<T>> | undefined;
  const load = () =>
    (read ??= (async () => {
      // Rows of the table alone are hydrated directly (src/common/keyed-read.ts), not by TypeORM's generic transformer;
      // with any join, getMany (which also folds the rows a join repeats into one entity).
      const rows = size === 0 ? [] : plainRows ? hydrateRaw<T>(qb.connection.driver, qb.expressionMap.mainAlias!.metadata, qb.alias, await dataQb.getRawMany()) : await dataQb.getMany();
      const nodes = rows.slice(0, size);
      if (backward) nodes.reverse();
      return pageConnection(nodes, rows.length > size, page, backward, cursorOf, counter);
    })());
  // The page is read when one of these is first asked for; getters for the reason pageConnection gives.
  return Object.defineProperties({ totalCount: counter } as ConnectionShape<T>, {
    edges: { get: () => load().then((c) => c.edges) },
    nodes: { get: () => load().then((c) => c.nodes) },
    pageInfo: { get: () => load().then((c) => c.pageInfo) },
  });
}

/**
 * A page read by the caller, as a connection: `more` says whether rows follow it in the reading
 * direction. Cursors are encoded only when asked for: every row's for `edges`, the first and last
 * for `pageInfo`. Getters, not enumerable: type-graphql copies the object (Object.assign) to call
 * `totalCount`, which would compute every enumerable getter, selected or not.
 */
export function pageConnection<T>(nodes: T[], more: boolean, page: PageRequest, backward: boolean, cursorOf: (node: T) => string, totalCount: () => Promise<number>): ConnectionShape<T> {
  let edges: { cursor: string; node: T }[] | undefined;
  return Object.defineProperties({ nodes, totalCount } as ConnectionShape<T>, {
    edges: { get: () => (edges ??= nodes.map((node) => ({ node, cursor: cursorOf(node) }))) },
    pageInfo: {
      get: (): PageInfo => ({
        // Forwards, rows before the page exist when it started after a cursor; backwards, the same
        // holds for `before` and the rows after it.
        hasNextPage: backward ? Boolean(page.before) : more,
        hasPreviousPage: backward ? more : Boolean(page.after),
        startCursor: nodes.length ? cursorOf(nodes[0]) : null,
        endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]) : null,
      }),
    },
  });
}
