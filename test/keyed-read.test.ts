import 'reflect-metadata';
import type { DataSource, EntityMetadata } from 'typeorm';
import { hydrateRaw, readByKeys } from '../src/common/keyed-read';
import { createLogger } from '../src/common/logger';
import { makeDataSource } from '../src/database/data-source';
import { seedDemo } from '../src/modules/demo/demo.load';
import { cloneTemplate, workerDatabaseName } from './support/db';

/**
 * The loaders' keyed reads and the pages' direct hydration (src/common/keyed-read.ts) against
 * TypeORM's own reading of the same rows (`getMany`, the generic transformer they replace), for
 * every entity of the schema over the demo data: same class, same properties, same values (dates,
 * enum arrays, JSON, column transformers). The oracle is TypeORM, not the code under test.
 */
let ds: DataSource;
const SAMPLE = 40;

beforeAll(async () => {
  const url = await cloneTemplate(workerDatabaseName('_keyed_read'));
  await seedDemo(url, { scale: 'tiny', seed: 7, today: '2026-06-15', force: true });
  ds = makeDataSource({ url, log: createLogger('silent'), poolSize: 3 });
  await ds.initialize();
}, 120_000);

afterAll(async () => {
  await ds?.destroy();
});

/** Entities with a one-column primary key and rows in the demo data, with a sample of their keys. */
async function sampled(): Promise<{ metadata: EntityMetadata; ids: unknown[] }[]> {
  const out: { metadata: EntityMetadata; ids: unknown[] }[] = [];
  for (const metadata of ds.entityMetadatas) {
    if (metadata.tableType !== 'regular' || metadata.primaryColumns.length !== 1) continue;
    const pk = metadata.primaryColumns[0].databaseName;
    const rows = await ds.query(`SELECT "${pk}" AS k FROM "${metadata.tableName}" ORDER BY "${pk}" LIMIT ${SAMPLE}`);
    if (rows.length) out.push({ metadata, ids: rows.map((r: { k: unknown }) => r.k) });
  }
  return out;
}

const byKey = (pk: string) => (a: Record<string, unknown>, b: Record<string, unknown>) => String(a[pk]).localeCompare(String(b[pk]));

it('covers the entities the loaders read (at least 25 tables with rows, among them items, businesses, campaigns)', async () => {
  const names = (await sampled()).map((s) => s.metadata.tableName);
  expect(names.length).toBeGreaterThanOrEqual(25);
  expect(names).toEqual(expect.arrayContaining(['remediation_item', 'business', 'inspection', 'site', 'certificate', 'campaign', 'remediation_event', 'evidence']));
});

it('readByKeys gives every entity the rows getMany gives: whole rows, and the selected columns', async () => {
  for (const { metadata, ids } of await sampled()) {
    const pk = metadata.primaryColumns[0].propertyName;
    const repo = ds.getRepository(metadata.target);
    const expected = (await repo.createQueryBuilder('x').where(`x.${pk} IN (:...ids)`, { ids }).getMany()).sort(byKey(pk));
    const actual = (await readByKeys(ds.manager, metadata.target, pk, ids)).sort(byKey(pk));
    expect({ entity: metadata.name, rows: actual }).toStrictEqual({ entity: metadata.name, rows: expected });
    expect(actual.length).toBe(ids.length);

    // Two columns besides the key: the projected read sets those and the key, nothing else.
    const some = metadata.columns.filter((c) => !c.isVirtual && !c.isPrimary).slice(-2).map((c) => c.propertyPath);
    const projected = (await repo.createQueryBuilder('x').select([pk, ...some].map((p) => `x.${p}`)).where(`x.${pk} IN (:...ids)`, { ids }).getMany()).sort(byKey(pk));
    const projectedActual = (await readByKeys(ds.manager, metadata.target, pk, ids, some)).sort(byKey(pk));
    expect({ entity: metadata.name, select: some, rows: projectedActual }).toStrictEqual({ entity: metadata.name, select: some, rows: projected });
  }
});

it('hydrateRaw turns getRawMany rows into what getMany returns, whole and projected', async () => {
  for (const { metadata, ids } of await sampled()) {
    const pk = metadata.primaryColumns[0].propertyName;
    const qb = ds.getRepository(metadata.target).createQueryBuilder('row_alias').where(`row_alias.${pk} IN (:...ids)`, { ids }).orderBy(`row_alias.${pk}`);
    expect({ entity: metadata.name, rows: hydrateRaw(ds.driver, metadata, 'row_alias', await qb.clone().getRawMany()) }).toStrictEqual({ entity: metadata.name, rows: await qb.clone().getMany() });
    const some = metadata.columns.filter((c) => !c.isVirtual && !c.isPrimary).slice(0, 3).map((c) => `row_alias.${c.propertyPath}`);
    const projected = qb.clone().select([`row_alias.${pk}`, ...some]);
    expect({ entity: metadata.name, rows: hydrateRaw(ds.driver, metadata, 'row_alias', await projected.clone().getRawMany()) }).toStrictEqual({ entity: metadata.name, rows: await projected.clone().getMany() });
  }
});

it('orders by the order column, ties by the primary key, per key; an empty key list reads nothing', async () => {
  const rows = (await ds.query(`SELECT item_id, seq, id FROM remediation_event ORDER BY item_id LIMIT 200`)) as { item_id: string }[];
  const items = [...new Set(rows.map((r) => r.item_id))].slice(0, 5);
  const expected = (await ds.query(`SELECT id FROM remediation_event WHERE item_id = ANY($1) ORDER BY seq, id`, [items])).map((r: { id: string }) => r.id);
  const metadata = ds.getMetadata('RemediationEvent');
  const actual = await readByKeys<{ id: string }>(ds.manager, metadata.target, 'itemId', items, null, 'seq');
  expect(actual.map((r) => r.id)).toEqual(expected);
  expect(await readByKeys(ds.manager, metadata.target, 'itemId', [])).toEqual([]);
});
