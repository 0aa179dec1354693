import { randomBytes } from 'node:crypto';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';

/**
 * Across the chain: suppliers/customers connections, ProductModel.businesses(role) and the
 * supplyChain trace on a hand-built graph with a cycle, a branch and depth limits.
 *
 *   charger ─e3─┐
 *   cell ─e1─> pack ─e2─> vehicle ─e4─> dist1 ─e5─> shop ─e6─> repairer ─e7─> recycler
 *                                        │  ▲
 *                                      e8│  │e9        (cycle dist1 ⇄ dist2)
 *                                        ▼  │
 *                                        dist2 ─e10─> shop2
 *
 * Model V (a vehicle made by `vehicle`) travels e4, e5, e6, e7, e8, e10; model P (a battery pack
 * with no recorded maker) travels e2 only.
 */

let t: TestApp;
let coordinator: string;
const B: Record<string, string> = {};
const E: Record<string, string> = {};
const NAME: Record<string, string> = {};
let V: string;
let P: string;
const prefix = `C${randomBytes(3).toString('hex')}`;

async function ok(query: string, input: Record<string, unknown>): Promise<Record<string, any>> {
  const r = await t.gql(query, { input }, coordinator);
  expect(r.body.errors).toBeUndefined();
  const payload = Object.values(r.body.data!)[0] as Record<string, any>;
  expect(payload.userErrors).toEqual([]);
  return payload[Object.keys(payload).find((k) => k !== 'userErrors')!];
}
const CREATE_B = `mutation($input: CreateBusinessInput!) { createBusiness(input: $input) { business { id } userErrors { field message code } } }`;
const CREATE_R = `mutation($input: CreateSupplyRelationInput!) { createSupplyRelation(input: $input) { supplyRelation { id } userErrors { field message code } } }`;
const CREATE_M = `mutation($input: CreateProductModelInput!) { createProductModel(input: $input) { productModel { id } userErrors { field message code } } }`;

beforeAll(async () => {
  t = await startTestApp();
  coordinator = (await makeUser(t.ds, Role.COORDINATOR)).token;
  const businesses: [string, string][] = [
    ['cell', 'BATTERY_CELL_MANUFACTURER'],
    ['pack', 'BATTERY_PACK_MANUFACTURER'],
    ['charger', 'CHARGER_MANUFACTURER'],
    ['vehicle', 'VEHICLE_MANUFACTURER'],
    ['dist1', 'DISTRIBUTOR'],
    ['dist2', 'DISTRIBUTOR'],
    ['shop', 'RETAIL_STORE'],
    ['shop2', 'RETAIL_STORE'],
    ['repairer', 'REPAIR_SHOP'],
    ['recycler', 'RECYCLER'],
  ];
  for (const [key, type] of businesses) {
    NAME[key] = `${prefix}-${key}`;
    B[key] = (await ok(CREATE_B, { name: NAME[key], types: [type], districtCode: '511102' })).id;
  }
  V = (await ok(CREATE_M, { kind: 'VEHICLE', brand: `${prefix}牌`, model: 'V1', manufacturerBusinessId: B.vehicle })).id;
  P = (await ok(CREATE_M, { kind: 'LITHIUM_BATTERY', brand: `${prefix}牌`, model: 'P1' })).id;
  const rel: [string, string, string, string | null][] = [
    ['e1', 'cell', 'pack', null],
    ['e2', 'pack', 'vehicle', P],
    ['e3', 'charger', 'vehicle', null],
    ['e4', 'vehicle', 'dist1', V],
    ['e5', 'dist1', 'shop', V],
    ['e6', 'shop', 'repairer', V],
    ['e7', 'repairer', 'recycler', V],
    ['e8', 'dist1', 'dist2', V],
    ['e9', 'dist2', 'dist1', null],
    ['e10', 'dist2', 'shop2', V],
  ];
  for (const [key, s, b, m] of rel) E[key] = (await ok(CREATE_R, { supplierBusinessId: B[s], buyerBusinessId: B[b], productModelId: m })).id;
});
afterAll(() => t.close());

const keyOf = (id: string) => Object.entries(B).find(([, v]) => v === id)?.[0] ?? id;
const edgeKey = (id: string) => Object.entries(E).find(([, v]) => v === id)?.[0] ?? id;

const TRACE = `query($from: ChainStart!, $dir: ChainDirection, $depth: Int) {
  supplyChain(from: $from, direction: $dir, maxDepth: $depth) {
    nodes { depth upstreamDepth downstreamDepth business { id name } }
    edges { depth relation { id supplier { id } buyer { id } } } } }`;

async function trace(from: Record<string, string>, dir: string, depth: number) {
  const r = await t.gql(TRACE, { from, dir, depth }, coordinator);
  expect(r.body.errors).toBeUndefined();
  const sc = r.body.data!.supplyChain;
  const nodes = Object.fromEntries(sc.nodes.map((n: any) => [keyOf(n.business.id), [n.depth, n.upstreamDepth, n.downstreamDepth]]));
  const edges = Object.fromEntries(sc.edges.map((e: any) => [edgeKey(e.relation.id), e.depth]));
  // Every edge joins two returned nodes, and nodes come nearest first.
  for (const e of sc.edges) {
    expect(nodes[keyOf(e.relation.supplier.id)]).toBeDefined();
    expect(nodes[keyOf(e.relation.buyer.id)]).toBeDefined();
  }
  const depths = sc.nodes.map((n: any) => n.depth);
  expect(depths).toEqual([...depths].sort((a: number, b: number) => a - b));
  return { nodes, edges, statements: r.body.extensions?.sqlStatements as number };
}

describe('supplyChain trace', () => {
  it('DOWNSTREAM from the vehicle maker reaches every buyer once at its shortest depth, through the cycle', async () => {
    const r = await trace({ businessId: B.vehicle }, 'DOWNSTREAM', 6);
    expect(r.nodes).toEqual({
      vehicle: [0, null, 0],
      dist1: [1, null, 1],
      shop: [2, null, 2],
      dist2: [2, null, 2],
      repairer: [3, null, 3],
      shop2: [3, null, 3],
      recycler: [4, null, 4],
    });
    // e9 closes the cycle dist2 → dist1 and is shown at the step that follows it.
    expect(r.edges).toEqual({ e4: 1, e5: 2, e8: 2, e6: 3, e10: 3, e9: 3, e7: 4 });
  });

  it('cuts off at maxDepth', async () => {
    const two = await trace({ businessId: B.vehicle }, 'DOWNSTREAM', 2);
    expect(two.nodes).toEqual({ vehicle: [0, null, 0], dist1: [1, null, 1], shop: [2, null, 2], dist2: [2, null, 2] });
    expect(two.edges).toEqual({ e4: 1, e5: 2, e8: 2 });
    const one = await trace({ businessId: B.vehicle }, 'DOWNSTREAM', 1);
    expect(one.nodes).toEqual({ vehicle: [0, null, 0], dist1: [1, null, 1] });
    expect(one.edges).toEqual({ e4: 1 });
  });

  it('UPSTREAM from the recycler climbs to the cell maker at depth 6, and stops at 3 when asked', async () => {
    const full = await trace({ businessId: B.recycler }, 'UPSTREAM', 6);
    expect(full.nodes).toEqual({
      recycler: [0, 0, null],
      repairer: [1, 1, null],
      shop: [2, 2, null],
      dist1: [3, 3, null],
      vehicle: [4, 4, null],
      dist2: [4, 4, null],
      pack: [5, 5, null],
      charger: [5, 5, null],
      cell: [6, 6, null],
    });
    expect(full.edges).toEqual({ e7: 1, e6: 2, e5: 3, e4: 4, e9: 4, e8: 5, e2: 5, e3: 5, e1: 6 });
    // shop2 is a customer of dist2, not a supplier of anyone here: never reached upstream.
    expect(full.nodes.shop2).toBeUndefined();

    const three = await trace({ businessId: B.recycler }, 'UPSTREAM', 3);
    expect(three.nodes).toEqual({ recycler: [0, 0, null], repairer: [1, 1, null], shop: [2, 2, null], dist1: [3, 3, null] });
    expect(three.edges).toEqual({ e7: 1, e6: 2, e5: 3 });
  });

  it('BOTH from a distributor in the cycle goes either way, with each direction’s depth', async () => {
    const r = await trace({ businessId: B.dist1 }, 'BOTH', 2);
    expect(r.nodes).toEqual({
      dist1: [0, 0, 0],
      shop: [1, null, 1],
      dist2: [1, 1, 1],
      vehicle: [1, 1, null],
      repairer: [2, null, 2],
      shop2: [2, null, 2],
      pack: [2, 2, null],
      charger: [2, 2, null],
    });
    expect(r.edges).toEqual({ e4: 1, e5: 1, e8: 1, e9: 1, e2: 2, e3: 2, e6: 2, e10: 2 });
  });

  it('from a product model: starts at its maker and follows only that model’s relations', async () => {
    const r = await trace({ productModelId: V }, 'DOWNSTREAM', 6);
    expect(r.nodes).toEqual({
      vehicle: [0, null, 0],
      dist1: [1, null, 1],
      shop: [2, null, 2],
      dist2: [2, null, 2],
      repairer: [3, null, 3],
      shop2: [3, null, 3],
      recycler: [4, null, 4],
    });
    // e9 carries no model: not part of this model's chain.
    expect(r.edges).toEqual({ e4: 1, e5: 2, e8: 2, e6: 3, e10: 3, e7: 4 });
    // Upstream of the maker along model V there is nothing.
    const up = await trace({ productModelId: V }, 'UPSTREAM', 6);
    expect(up.nodes).toEqual({ vehicle: [0, 0, null] });
    expect(up.edges).toEqual({});
    // A model without a recorded maker starts at whoever supplies it without buying it.
    const p = await trace({ productModelId: P }, 'DOWNSTREAM', 6);
    expect(p.nodes).toEqual({ pack: [0, null, 0], vehicle: [1, null, 1] });
    expect(p.edges).toEqual({ e2: 1 });
  });

  it('ignores archived relations', async () => {
    const extra = (await ok(CREATE_B, { name: `${prefix}-extra`, types: ['RETAIL_STORE'], districtCode: '511102' })).id;
    const rel = (await t.gql(`mutation($input: CreateSupplyRelationInput!) { createSupplyRelation(input: $input) { supplyRelation { id version } } }`, { input: { supplierBusinessId: B.shop2, buyerBusinessId: extra } }, coordinator)).body.data!.createSupplyRelation.supplyRelation;
    expect(Object.keys((await trace({ businessId: B.dist2 }, 'DOWNSTREAM', 6)).nodes)).toContain(extra);
    await ok(`mutation($input: ArchiveInput!) { archiveSupplyRelation(input: $input) { supplyRelation { id } userErrors { field message code } } }`, { id: rel.id, expectedVersion: rel.version, reason: '停止供货' });
    expect(Object.keys((await trace({ businessId: B.dist2 }, 'DOWNSTREAM', 6)).nodes)).not.toContain(extra);
  });

  it('from a business that does not exist: an empty trace, not an error', async () => {
    const r = await t.gql(TRACE, { from: { businessId: '00000000-0000-4000-8000-000000000000' }, dir: 'BOTH', depth: 3 }, coordinator);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.supplyChain).toEqual({ nodes: [], edges: [] });
  });

  it('refuses maxDepth outside 1–6 and a start that is not exactly one of business or model', async () => {
    for (const depth of [0, 7]) {
      const r = await t.gql(TRACE, { from: { businessId: B.vehicle }, dir: 'DOWNSTREAM', depth }, coordinator);
      expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    for (const from of [{}, { businessId: B.vehicle, productModelId: V }]) {
      const r = await t.gql(TRACE, { from, dir: 'DOWNSTREAM', depth: 2 }, coordinator);
      expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('maxNodes caps the answer nearest first, keeps only relations between the businesses returned, and says it truncated', async () => {
    const CAPPED = `query($id: ID!, $max: Int!) { supplyChain(from: { businessId: $id }, direction: DOWNSTREAM, maxDepth: 6, maxNodes: $max) {
      reachedNodes truncated nodes { depth business { id } } edges { depth relation { id } } } }`;
    const four = await t.gql(CAPPED, { id: B.vehicle, max: 4 }, coordinator);
    expect(four.body.errors).toBeUndefined();
    const sc = four.body.data!.supplyChain;
    expect({ reachedNodes: sc.reachedNodes, truncated: sc.truncated }).toEqual({ reachedNodes: 7, truncated: true });
    // vehicle (0), dist1 (1), then both businesses at depth 2; repairer, shop2 and recycler are left out.
    expect(sc.nodes.map((n: any) => [keyOf(n.business.id), n.depth]).sort()).toEqual([['dist1', 1], ['dist2', 2], ['shop', 2], ['vehicle', 0]]);
    expect(sc.nodes.map((n: any) => n.depth)).toEqual([0, 1, 2, 2]);
    // e6, e7 and e10 lead to businesses not returned; e9 (dist2 → dist1) joins two that are.
    expect(Object.fromEntries(sc.edges.map((e: any) => [edgeKey(e.relation.id), e.depth]))).toEqual({ e4: 1, e5: 2, e8: 2, e9: 3 });

    const all = await t.gql(CAPPED, { id: B.vehicle, max: 7 }, coordinator);
    expect({ reachedNodes: all.body.data!.supplyChain.reachedNodes, truncated: all.body.data!.supplyChain.truncated, nodes: all.body.data!.supplyChain.nodes.length }).toEqual({
      reachedNodes: 7,
      truncated: false,
      nodes: 7,
    });
    // Without maxNodes at most 200 come back; this graph is smaller.
    const dflt = await t.gql(`query($id: ID!) { supplyChain(from: { businessId: $id }, maxDepth: 6) { reachedNodes truncated } }`, { id: B.vehicle }, coordinator);
    expect(dflt.body.data!.supplyChain).toEqual({ reachedNodes: 7, truncated: false });
    for (const max of [0, 5001]) {
      const r = await t.gql(CAPPED, { id: B.vehicle, max }, coordinator);
      expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is one SQL statement for the trace: the count does not grow with the graph or the depth', async () => {
    const baseline = await t.gql(`query($id: ID!) { business(id: $id) { id } }`, { id: B.vehicle }, coordinator);
    const base = baseline.body.extensions?.sqlStatements as number;
    expect(typeof base).toBe('number');
    const bare = async (from: Record<string, string>, depth: number) =>
      (await t.gql(`query($from: ChainStart!, $d: Int) { supplyChain(from: $from, direction: BOTH, maxDepth: $d) { nodes { depth } edges { depth } } }`, { from, d: depth }, coordinator)).body.extensions
        ?.sqlStatements as number;
    // Tracing alone costs what reading one business by id costs: one statement.
    expect(await bare({ businessId: B.recycler }, 1)).toBe(base);
    expect(await bare({ businessId: B.recycler }, 6)).toBe(base);
    expect(await bare({ productModelId: V }, 6)).toBe(base);
    // With the businesses and relations selected: one batch each, whatever the size.
    const small = await trace({ businessId: B.recycler }, 'UPSTREAM', 1);
    const large = await trace({ businessId: B.recycler }, 'UPSTREAM', 6);
    expect(Object.keys(large.nodes).length).toBeGreaterThan(Object.keys(small.nodes).length * 3);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(base + 4);
  });
});

describe('Business.suppliers / Business.customers', () => {
  const Q = `query($id: ID!, $after: String, $first: Int) { business(id: $id) {
      suppliers(first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } }
      customers(first: $first, after: $after) { totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`;

  it('lists direct suppliers and customers by name, paged', async () => {
    const all = (await t.gql(Q, { id: B.dist1 }, coordinator)).body.data!.business;
    expect(all.suppliers.nodes.map((n: any) => keyOf(n.id))).toEqual(['dist2', 'vehicle']);
    expect(all.suppliers.totalCount).toBe(2);
    expect(all.customers.nodes.map((n: any) => keyOf(n.id))).toEqual(['dist2', 'shop']);

    const p1 = (await t.gql(Q, { id: B.dist1, first: 1 }, coordinator)).body.data!.business;
    expect(p1.customers.nodes.map((n: any) => keyOf(n.id))).toEqual(['dist2']);
    expect(p1.customers.pageInfo.hasNextPage).toBe(true);
    expect(p1.customers.totalCount).toBe(2);
    const p2 = (await t.gql(Q, { id: B.dist1, first: 1, after: p1.customers.pageInfo.endCursor }, coordinator)).body.data!.business;
    expect(p2.customers.nodes.map((n: any) => keyOf(n.id))).toEqual(['shop']);
    expect(p2.customers.pageInfo.hasNextPage).toBe(false);

    const maker = (await t.gql(Q, { id: B.vehicle }, coordinator)).body.data!.business;
    expect(maker.suppliers.nodes.map((n: any) => keyOf(n.id))).toEqual(['charger', 'pack']);
    expect(maker.customers.nodes.map((n: any) => keyOf(n.id))).toEqual(['dist1']);
  });
});

describe('ProductModel.businesses(role)', () => {
  it('names who makes, sells, repairs and recycles a model', async () => {
    const r = await t.gql(
      `query($id: ID!) { productModel(id: $id) {
         all: businesses { id } m: businesses(role: MANUFACTURER) { id } s: businesses(role: SELLER) { id }
         r: businesses(role: REPAIRER) { id } c: businesses(role: RECYCLER) { id } } }`,
      { id: V },
      coordinator,
    );
    expect(r.body.errors).toBeUndefined();
    const pm = r.body.data!.productModel;
    const keys = (l: { id: string }[]) => l.map((x) => keyOf(x.id)).sort();
    expect(keys(pm.all)).toEqual(['dist1', 'dist2', 'recycler', 'repairer', 'shop', 'shop2', 'vehicle']);
    expect(keys(pm.m)).toEqual(['vehicle']);
    expect(keys(pm.s)).toEqual(['dist1', 'dist2', 'shop', 'shop2']);
    expect(keys(pm.r)).toEqual(['repairer']);
    expect(keys(pm.c)).toEqual(['recycler']);
    // The pack model has no recorded maker: its producing supplier is the manufacturer.
    const p = await t.gql(`query($id: ID!) { productModel(id: $id) { m: businesses(role: MANUFACTURER) { id } all: businesses { id } } }`, { id: P }, coordinator);
    expect(p.body.data!.productModel.m.map((x: any) => keyOf(x.id))).toEqual(['pack']);
    expect(p.body.data!.productModel.all.map((x: any) => keyOf(x.id)).sort()).toEqual(['pack', 'vehicle']);
  });

  it('answers for many models in a constant number of statements', async () => {
    const brand = `${prefix}批量`;
    for (const model of ['A1', 'A2', 'A3']) {
      const m = (await ok(CREATE_M, { kind: 'VEHICLE', brand, model, manufacturerBusinessId: B.vehicle })).id;
      await ok(CREATE_R, { supplierBusinessId: B.dist2, buyerBusinessId: B.shop2, productModelId: m });
    }
    const q = `query($b: String!, $first: Int) { productModels(filter: { brand: { eq: $b } }, first: $first) { nodes { id businesses(role: SELLER) { id name } manufacturer { id } certificates { id } } } }`;
    const one = await t.gql(q, { b: brand, first: 1 }, coordinator);
    const three = await t.gql(q, { b: brand, first: 3 }, coordinator);
    expect(one.body.errors).toBeUndefined();
    expect(three.body.data!.productModels.nodes).toHaveLength(3);
    for (const n of three.body.data!.productModels.nodes) expect(n.businesses.map((x: any) => keyOf(x.id)).sort()).toEqual(['dist2', 'shop2']);
    expect(three.body.extensions?.sqlStatements).toBe(one.body.extensions?.sqlStatements);
  });
});
