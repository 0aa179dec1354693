import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
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

    @Field(() => nodeType)
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
export function decodeCursor(cursor: string, arity: number, casts?: string[]): CursorValue[] {
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
  throw badInput('after is not a cursor returned by this list (游标无效)', 'after');
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

/**
 * Keyset pagination: rows strictly after the cursor in (sort key, id) order. The sort key plus the
 * unique id make the order total, so ties never skip or repeat rows and rows inserted between
 * requests cannot shift a page (no OFFSET).
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  page: { first?: number | null; after?: string | null },
  sort: SortKey<T>,
  idExpression = `${qb.alias}.id`,
): Promise<ConnectionShape<T>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  const countQb = qb.clone();
  const dataQb = qb.clone();
  if (page.after) {
    const [v, id] = decodeCursor(page.after, 2, [sort.cast, 'uuid']);
    const op = sort.direction === 'ASC' ? '>' : '<';
    dataQb.andWhere(`(${sort.expression}, ${idExpression}) ${op} (CAST(:__cv AS ${sort.cast}), CAST(:__cid AS uuid))`, { __cv: v, __cid: id });
  }
  dataQb.orderBy(sort.expression, sort.direction).addOrderBy(idExpression, sort.direction).limit(first + 1);
  const rows = first === 0 ? [] : await dataQb.getMany();
  const hasNextPage = rows.length > first;
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor([cursorValue(sort.value(node)), node.id]) }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: () => (counted ??= countQb.orderBy().getCount()),
  };
}
