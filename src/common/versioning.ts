import type { ObjectLiteral } from 'typeorm';
import type { Context } from './context';
import { UserErrorCode, fail } from './errors';

/** Chinese names of the records callers pass as `label`, for the Chinese `message`. */
const LABEL_ZH: Record<string, string> = {
  business: '经营主体',
  site: '场所',
  'product model': '产品型号',
  certificate: '证书',
  'supply relation': '供货关系',
  'enforcement case': '执法案件',
  'regulatory milestone': '监管节点',
  'remediation item': '隐患整改记录',
  'task team': '专项工作组',
  user: '用户',
};

export function labelZh(label: string): string {
  return LABEL_ZH[label] ?? '记录';
}

/**
 * Reads a record for change inside the mutation's transaction, locking its row, and checks the
 * caller's `expectedVersion` (optimistic locking): NOT_FOUND or CONFLICT as user errors. Concurrent
 * writers queue on the lock, so the second sees the first's new version and gets CONFLICT.
 */
export async function lockForUpdate<T extends ObjectLiteral & { version: number }>(
  ctx: Context,
  entity: new () => T,
  id: string,
  expectedVersion: number | undefined,
  label: string,
): Promise<T> {
  const row = await ctx.em.findOne(entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) fail(UserErrorCode.NOT_FOUND, 'input.id', `不存在该${labelZh(label)}`, `No ${label} with this id`);
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    fail(UserErrorCode.CONFLICT, 'input.expectedVersion', `${labelZh(label)}已被他人修改（当前版本 ${row.version}），请刷新后重试`, `The ${label} was changed by someone else (now version ${row.version}); reload and retry`);
  }
  return row;
}

/** A row written in the same statement as a versioned update (see saveLocked): its event, its audit row. */
export interface RowInsert {
  entity: new () => ObjectLiteral;
  /** Property → value; properties left out (or undefined) take the column's default, as with TypeORM's insert. */
  values: Record<string, unknown>;
}

/**
 * More of the same statement in SQL: CTEs (a data-modifying CTE always runs) and an expression of the
 * final SELECT (for side effects that a CTE alone would not run, e.g. pg_notify over inserted rows).
 * `param` adds a parameter and returns its placeholder.
 */
export interface RawStatementPart {
  raw: (param: (v: unknown) => string) => { ctes: string[]; select?: string };
}

/**
 * Writes a record read with lockForUpdate in one statement: the `changed` properties, version + 1
 * and updated_at (UPDATE … RETURNING), and the `inserts` that go with the change (its event, its
 * audit row) as data-modifying CTEs of the same statement. TypeORM's save would re-read the row to
 * find what changed, and every insert would be a round trip of its own. Values are converted as
 * TypeORM converts them (jsonb, dates); the row lock taken by lockForUpdate makes `version + 1`
 * the caller's expectedVersion + 1. The row's version and updatedAt are set from the answer.
 */
export async function saveLocked<T extends ObjectLiteral & { id: string; version: number; updatedAt: Date }>(
  ctx: Context,
  entity: new () => T,
  row: T,
  changed: readonly string[],
  inserts: readonly (RowInsert | RawStatementPart)[] = [],
): Promise<void> {
  const { connection } = ctx.em;
  const q = (name: string) => connection.driver.escape(name);
  const params: unknown[] = [];
  /** Quoted column names and parameter placeholders of the given properties' values. */
  const columns = (target: new () => ObjectLiteral, values: Record<string, unknown>) => {
    const meta = connection.getMetadata(target);
    return Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([property, v]) => {
        const column = meta.findColumnWithPropertyName(property);
        if (!column) throw new Error(`saveLocked: ${meta.name} has no column ${property}`);
        return { name: q(column.databaseName), value: `$${params.push(connection.driver.preparePersistentValue(v, column))}` };
      });
  };

  const meta = connection.getMetadata(entity);
  const version = q(meta.findColumnWithPropertyName('version')!.databaseName);
  const updatedAt = q(meta.updateDateColumn!.databaseName);
  const sets = columns(entity, Object.fromEntries(changed.map((p) => [p, row[p]]))).map((c) => `${c.name} = ${c.value}`);
  sets.push(`${version} = ${version} + 1`, `${updatedAt} = CURRENT_TIMESTAMP`);
  const ctes = [
    `updated AS (UPDATE ${q(meta.tableName)} SET ${sets.join(', ')} WHERE ${q(meta.primaryColumns[0].databaseName)} = $${params.push(row.id)}
      RETURNING ${version} AS version, ${updatedAt} AS updated_at)`,
  ];
  const selects: string[] = [];
  inserts.forEach((ins, n) => {
    if ('raw' in ins) {
      const part = ins.raw((v) => `$${params.push(v)}`);
      ctes.push(...part.ctes);
      if (part.select) selects.push(part.select);
      return;
    }
    const cols = columns(ins.entity, ins.values);
    ctes.push(`insert${n} AS (INSERT INTO ${q(connection.getMetadata(ins.entity).tableName)} (${cols.map((c) => c.name).join(', ')}) VALUES (${cols.map((c) => c.value).join(', ')}))`);
  });
  const [r]: { version: number; updated_at: Date }[] = await ctx.em.query(`WITH ${ctes.join(',\n  ')}\nSELECT version, updated_at${selects.map((x) => `, ${x}`).join('')} FROM updated`, params);
  if (!r) throw new Error(`saveLocked: ${meta.name} ${row.id} is gone (was it read with lockForUpdate?)`);
  row.version = r.version;
  row.updatedAt = r.updated_at;
}
