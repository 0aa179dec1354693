import DataLoader from 'dataloader';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { readByKeys } from './keyed-read';

type Batch<K, V> = (keys: readonly K[], em: EntityManager) => Promise<ReadonlyArray<V | Error>>;

/**
 * Per-request DataLoader registry. Modules ask for a loader by name with its batch function; the
 * first call in a request creates it, later calls reuse it, so every field resolver of a request
 * shares one batch per relation. Batches read through the request's current EntityManager.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /**
   * The EntityManager batches run on. A mutation points it at its transaction (and back after),
   * here rather than on the context object, because Apollo hands resolvers a copy of the context.
   */
  constructor(public manager: EntityManager) {}

  get<K, V>(name: string, batch: Batch<K, V>, cacheKeyFn?: (key: K) => K): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => batch(keys, this.manager), { cacheKeyFn, maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /**
   * One row per key by a unique column (`null` when missing), read by src/common/keyed-read.ts. With
   * `select` (property paths, see src/common/projection.ts) only those columns and the key are read,
   * in a loader of their own.
   */
  one<E extends ObjectLiteral>(entity: EntityTarget<E>, column: string, name = `${String(entityName(entity))}.${column}`, select?: readonly string[] | null): DataLoader<string, E | null> {
    return this.get<string, E | null>(projectedName(name, select), async (keys, em) => {
      const rows = await readByKeys(em, entity, column, keys, select);
      const byKey = new Map(rows.map((r) => [String((r as Record<string, unknown>)[column]), r]));
      return keys.map((k) => byKey.get(k) ?? null);
    });
  }

  /** All rows per key of a non-unique column, in the given order; `select` as for `one`. */
  many<E extends ObjectLiteral>(entity: EntityTarget<E>, column: string, orderBy: string, name = `${String(entityName(entity))}[${column}]`, select?: readonly string[] | null): DataLoader<string, E[]> {
    return this.get<string, E[]>(projectedName(name, select), async (keys, em) => {
      const rows = await readByKeys(em, entity, column, keys, select, orderBy);
      const byKey = new Map<string, E[]>();
      for (const r of rows) {
        const k = String((r as Record<string, unknown>)[column]);
        if (!byKey.has(k)) byKey.set(k, []);
        byKey.get(k)!.push(r);
      }
      return keys.map((k) => byKey.get(k) ?? []);
    });
  }

  /** After a mutation commits, cached rows may be stale. */
  clearAll(): void {
    for (const l of this.loaders.values()) l.clearAll();
  }
}

/** A loader reading only some columns is a loader of its own: its rows must not answer a whole-row read. */
function projectedName(name: string, select: readonly string[] | null | undefined): string {
  return select ? `${name}|${select.join(',')}` : name;
}

function entityName(entity: EntityTarget<ObjectLiteral>): string {
  return typeof entity === 'function' ? entity.name : typeof entity === 'string' ? entity : String((entity as { name?: string }).name);
}
