import { randomBytes } from 'node:crypto';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';

/** No N+1 on nested business lists, and keyset pagination that neither skips nor repeats rows. */

let t: TestApp;
let coordinator: string;

beforeAll(async () => {
  t = await startTestApp();
  coordinator = (await makeUser(t.ds, Role.COORDINATOR)).token;
});
afterAll(() => t.close());

const tag = () => randomBytes(4).toString('hex');

/** Businesses straight into the table (fast); returns their ids. */
async function insertBusinesses(names: string[], districtCode = '511102'): Promise<string[]> {
  const rows: { id: string }[] = await t.ds.query(
    `INSERT INTO business (name, types, stages, district_code, legal_representative, contact_phone)
     SELECT n, '{RETAIL_STORE}', '{SALES}', $2, '王五', '13912345678' FROM unnest($1::text[]) WITH ORDINALITY AS x(n, i) ORDER BY i RETURNING id`,
    [names, districtCode],
  );
  return rows.map((r) => r.id);
}

describe('no N+1', () => {
  it('businesses(first: 1) and businesses(first: 50) with district, certificates and suppliers(first: 5) cost the same number of statements', async () => {
    const prefix = `N${tag()}`;
    const suppliers = await insertBusinesses(Array.from({ length: 8 }, (_, i) => `${prefix}供应商${i}`), '511112');
    const ids = await insertBusinesses(Array.from({ length: 55 }, (_, i) => `${prefix}门店${String(i).padStart(2, '0')}`));
    // Each shop has three suppliers and two certificates.
    await t.ds.query(
      `INSERT INTO supply_relation (supplier_business_id, buyer_business_id)
       SELECT s, b FROM unnest($1::uuid[]) WITH ORDINALITY AS x(b, i), LATERAL (SELECT ($2::uuid[])[1 + (i + k) % 8] AS s FROM generate_series(0, 2) k) y`,
      [ids, suppliers],
    );
    await t.ds.query(
      `INSERT INTO certificate (number, holder_business_id, status)
       SELECT '2024' || lpad((floor(random() * 1e12))::bigint::text, 12, '0'), b, 'VALID' FROM unnest($1::uuid[]) b, generate_series(1, 2)`,
      [ids],
    );
    const q = `query($n: String!, $first: Int) { businesses(first: $first, filter: { name: { startsWith: $n } }) {
        totalCount
        nodes { id name legalRepresentative district { code name } certificates { number status statusHistory { toStatus } }
          suppliers(first: 5) { totalCount nodes { id name district { name } certificates { number } } pageInfo { hasNextPage } }
          customers(first: 5) { nodes { id } } } } }`;
    // Districts are cached per process: the first request may read them, later ones do not.
    await t.gql(q, { n: `${prefix}门店`, first: 1 }, coordinator);
    const one = await t.gql(q, { n: `${prefix}门店`, first: 1 }, coordinator);
    const fifty = await t.gql(q, { n: `${prefix}门店`, first: 50 }, coordinator);
    expect(one.body.errors).toBeUndefined();
    expect(fifty.body.errors).toBeUndefined();
    const nodes = fifty.body.data!.businesses.nodes;
    expect(nodes).toHaveLength(50);
    expect(fifty.body.data!.businesses.totalCount).toBe(55);
    for (const n of nodes) {
      expect(n.district).toEqual({ code: '511102', name: '市中区' });
      expect(n.certificates).toHaveLength(2);
      expect(n.suppliers.totalCount).toBe(3);
      expect(n.suppliers.nodes).toHaveLength(3);
      for (const s of n.suppliers.nodes) expect(s.district).toEqual({ name: '五通桥区' });
    }
    const s1 = one.body.extensions?.sqlStatements;
    const s50 = fifty.body.extensions?.sqlStatements;
    expect(typeof s1).toBe('number');
    expect(s50).toBe(s1);
  });
});

describe('a list reads only what is selected', () => {
  it('totalCount alone is one statement, the page alone one, both two — with the same answers', async () => {
    const prefix = `C${tag()}`;
    await insertBusinesses(Array.from({ length: 7 }, (_, i) => `${prefix}门店${i}`));
    const run = async (selection: string) => {
      const r = await t.gql(`query($n: String!) { businesses(first: 5, filter: { name: { startsWith: $n } }) { ${selection} } }`, { n: prefix }, coordinator);
      expect(r.body.errors).toBeUndefined();
      return { data: r.body.data!.businesses, statements: r.body.extensions!.sqlStatements };
    };
    await run('totalCount'); // the caller's principal is read once per process (then cached): not counted below
    // Written by hand: 7 rows match; a page of 5 has a next page.
    expect(await run('totalCount')).toEqual({ data: { totalCount: 7 }, statements: 1 });
    const pageOnly = await run('nodes { name } pageInfo { hasNextPage }');
    expect(pageOnly.statements).toBe(1);
    expect(pageOnly.data.nodes).toHaveLength(5);
    expect(pageOnly.data.pageInfo).toEqual({ hasNextPage: true });
    const both = await run('totalCount edges { node { name } } nodes { name } pageInfo { hasNextPage }');
    expect(both.statements).toBe(2);
    expect(both.data.totalCount).toBe(7);
    expect(both.data.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(both.data.nodes.map((n: { name: string }) => n.name));
    // A bad cursor is refused for the list even when only the count is asked for.
    const bad = await t.gql(`{ businesses(after: "nonsense") { totalCount } }`, {}, coordinator);
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

const PAGE = `query($f: BusinessFilter, $o: BusinessOrder, $first: Int, $after: String) {
  businesses(filter: $f, orderBy: $o, first: $first, after: $after) {
    nodes { id name createdAt } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

async function page(filter: Record<string, unknown>, orderBy: Record<string, unknown> | null, first: number, after: string | null) {
  const r = await t.gql(PAGE, { f: filter, o: orderBy, first, after }, coordinator);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.businesses as { nodes: { id: string; name: string; createdAt: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };
}

/** Walks every page; `between` runs after each page, before the next request. */
async function walk(filter: Record<string, unknown>, orderBy: Record<string, unknown> | null, size: number, between?: (pageNo: number) => Promise<void>) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pageNo = 0; pageNo < 1000; pageNo++) {
    const p = await page(filter, orderBy, size, after);
    expect(p.nodes.length).toBeLessThanOrEqual(size);
    expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...p.nodes.map((n) => n.id));
    if (!p.pageInfo.hasNextPage) break;
    expect(p.nodes).toHaveLength(size);
    after = p.pageInfo.endCursor;
    if (between) await between(pageNo);
  }
  return seen;
}

describe('keyset pagination', () => {
  it('walks every row exactly once by name, with many ties in the sort key', async () => {
    const prefix = `K${tag()}`;
    await insertBusinesses([...Array.from({ length: 40 }, () => `${prefix}同名车行`), ...Array.from({ length: 13 }, (_, i) => `${prefix}车行${i}`), `${prefix}同名车行`]);
    const expected: string[] = (await t.ds.query(`SELECT id FROM business WHERE name LIKE $1 ORDER BY name, id`, [`${prefix}%`])).map((r: { id: string }) => r.id);
    expect(expected).toHaveLength(54);
    for (const size of [1, 7, 40, 54, 100]) {
      const seen = await walk({ name: { startsWith: prefix } }, null, size);
      expect(seen).toEqual(expected);
    }
    // DESC walks the exact reverse.
    expect(await walk({ name: { startsWith: prefix } }, { field: 'NAME', direction: 'DESC' }, 6)).toEqual([...expected].reverse());
  });

  it('keeps every original row exactly once when rows are inserted before and after the cursor between requests', async () => {
    const prefix = `I${tag()}`;
    const original = await insertBusinesses(Array.from({ length: 30 }, (_, i) => `${prefix}M${i % 3}`));
    const inserted: { id: string; name: string }[] = [];
    const seen = await walk({ name: { startsWith: prefix } }, null, 4, async (pageNo) => {
      // One row sorting before everything (before the cursor), one after everything, one tying with the current names.
      // Zero-padded: "Z10" must sort after "Z9", or a row inserted at page 10 lands behind the cursor.
      const n = String(pageNo).padStart(3, '0');
      const names = [`${prefix}A${n}`, `${prefix}Z${n}`, `${prefix}M1`];
      const ids = await insertBusinesses(names);
      ids.forEach((id, i) => inserted.push({ id, name: names[i] }));
    });
    for (const id of original) expect(seen.filter((x) => x === id)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
    // Rows inserted before the cursor were never returned; rows sorting after the end were.
    for (const r of inserted.filter((x) => x.name.startsWith(`${prefix}A`))) expect(seen).not.toContain(r.id);
    for (const r of inserted.filter((x) => x.name.startsWith(`${prefix}Z`))) expect(seen).toContain(r.id);
  });

  it('orders by CREATED_AT DESC, ties broken by id, with rows inserted meanwhile', async () => {
    const prefix = `D${tag()}`;
    // Three insert statements: created_at ties within each, distinct across them.
    const batches: string[][] = [];
    for (let b = 0; b < 3; b++) {
      batches.push(await insertBusinesses(Array.from({ length: 9 }, (_, i) => `${prefix}店${b}-${i}`)));
      await new Promise((r) => setTimeout(r, 5));
    }
    const expected: string[] = (await t.ds.query(`SELECT id FROM business WHERE name LIKE $1 ORDER BY created_at DESC, id DESC`, [`${prefix}%`])).map((r: { id: string }) => r.id);
    const [{ n: distinct }] = await t.ds.query(`SELECT count(DISTINCT created_at)::int AS n FROM business WHERE name LIKE $1`, [`${prefix}%`]);
    expect(distinct).toBe(3);
    const order = { field: 'CREATED_AT', direction: 'DESC' };
    expect(await walk({ name: { startsWith: prefix } }, order, 4)).toEqual(expected);
    const late: string[] = [];
    const seen = await walk({ name: { startsWith: prefix } }, order, 5, async () => {
      late.push(...(await insertBusinesses([`${prefix}新店${late.length}`])));
    });
    // New rows are newer than every cursor: they sort before it and never show up mid-walk.
    expect(seen).toEqual(expected);
    expect(late.length).toBeGreaterThan(0);
    // Ascending too, with the returned createdAt in order.
    const asc = await walk({ name: { startsWith: prefix } }, { field: 'CREATED_AT', direction: 'ASC' }, 7);
    const ascExpected: string[] = (await t.ds.query(`SELECT id FROM business WHERE name LIKE $1 ORDER BY created_at, id`, [`${prefix}%`])).map((r: { id: string }) => r.id);
    expect(asc).toEqual(ascExpected);
    expect(batches.flat().every((id) => asc.includes(id))).toBe(true);
  });

  it('orders by UPDATED_AT and refuses page sizes above 100 and foreign cursors', async () => {
    const prefix = `U${tag()}`;
    await insertBusinesses(Array.from({ length: 12 }, (_, i) => `${prefix}${i}`));
    const expected: string[] = (await t.ds.query(`SELECT id FROM business WHERE name LIKE $1 ORDER BY updated_at, id`, [`${prefix}%`])).map((r: { id: string }) => r.id);
    expect(await walk({ name: { startsWith: prefix } }, { field: 'UPDATED_AT', direction: 'ASC' }, 5)).toEqual(expected);

    const zero = await page({ name: { startsWith: prefix } }, null, 0, null);
    expect(zero.nodes).toEqual([]);
    const big = await t.gql(PAGE, { f: { name: { startsWith: prefix } }, first: 101 }, coordinator);
    expect(big.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const bad = await t.gql(PAGE, { f: { name: { startsWith: prefix } }, first: 5, after: 'not-a-cursor' }, coordinator);
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Default page size is 20.
    const all = await insertBusinesses(Array.from({ length: 15 }, (_, i) => `${prefix}x${i}`));
    expect(all).toHaveLength(15);
    const def = await t.gql(`query($n: String!) { businesses(filter: { name: { startsWith: $n } }) { nodes { id } pageInfo { hasNextPage } } }`, { n: prefix }, coordinator);
    expect(def.body.data!.businesses.nodes).toHaveLength(20);
    expect(def.body.data!.businesses.pageInfo.hasNextPage).toBe(true);
  });
});

describe('argument constraints of a field below a list (checked once per request, argument type and value)', () => {
  it('an alias over 100 after a valid alias of the same field is refused, naming `first`; the same document with a valid variable then reads every row', async () => {
    const prefix = `V${tag()}`;
    const ids = await insertBusinesses(Array.from({ length: 3 }, (_, i) => `${prefix}${i}`));
    const q = `query($n: String!, $big: Int) { businesses(first: 10, filter: { name: { startsWith: $n } }) {
        nodes { id ok: suppliers(first: 5) { totalCount } big: suppliers(first: $big) { totalCount } } } }`;
    const refused = await t.gql(q, { n: prefix, big: 101 }, coordinator);
    // `suppliers` is non-null, so the first refusal empties the answer.
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors).toHaveLength(1);
    const [e] = refused.body.errors!;
    expect(e.path).toEqual(['businesses', 'nodes', 0, 'big']);
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
    expect(e.extensions?.validationErrors).toEqual([expect.objectContaining({ property: 'first', constraints: { max: 'first must not be greater than 100' } })]);

    const fine = await t.gql(q, { n: prefix, big: 7 }, coordinator);
    expect(fine.body.errors).toBeUndefined();
    expect(fine.body.data!.businesses.nodes.map((n: { id: string; big: unknown; ok: unknown }) => [n.id, n.ok, n.big])).toEqual(ids.map((id) => [id, { totalCount: 0 }, { totalCount: 0 }]));
    // And refused again on the next request: nothing carried over between requests.
    expect((await t.gql(q, { n: prefix, big: 101 }, coordinator)).body.errors?.[0].path).toEqual(['businesses', 'nodes', 0, 'big']);
  });
});
