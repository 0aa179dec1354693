import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { makeDataSource } from '../src/database/data-source';
import { seedDemo } from '../src/modules/demo/demo.load';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { cloneTemplate, workerDatabaseName, sqlRecorder } from './support/db';

/**
 * Column projection (issue 15): the root lists read only the columns a query selects. The oracle for
 * every field is `nodes(ids:)`, which reads whole rows through the loaders, on a demo data set where
 * the fields are filled; and the column list of a list statement is written here by hand.
 */

const TODAY = '2025-06-15';
let t: TestApp;
let ds: DataSource;
let coordinator: string;
let viewer: string;
/** The business that supplies the most others: the start of a trace. */
let chainStart: string;
/** SQL text of every statement the data source sends (the SQL logger's trace lines). */
const { log, sql } = sqlRecorder();

beforeAll(async () => {
  const url = await cloneTemplate(workerDatabaseName('_projection'));
  await seedDemo(url, { scale: 'tiny', seed: 15, today: TODAY, force: true });
  ds = makeDataSource({ url, log, poolSize: 5 });
  await ds.initialize();
  t = await startTestApp({ ds, now: () => new Date(`${TODAY}T04:00:00Z`), env: { WEBHOOKS_ENABLED: 'false' } });
  coordinator = (await makeUser(ds, Role.COORDINATOR)).token;
  viewer = (await makeUser(ds, Role.PARTNER_VIEWER)).token;
  chainStart = (await ds.query(`SELECT supplier_business_id AS id FROM supply_relation WHERE status = 'ACTIVE' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`))[0].id;
}, 120_000);
afterAll(async () => {
  await t.close();
  await ds.destroy();
});

interface IntroField { name: string; args: { type: { kind: string } }[]; type: IntroType }
interface IntroType { kind: string; name: string | null; ofType: IntroType | null }
const named = (ty: IntroType): IntroType => (ty.ofType ? named(ty.ofType) : ty);

async function typeFields(name: string): Promise<IntroField[]> {
  const r = await t.gql(
    `query($n: String!) { __type(name: $n) { fields { name args { type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`,
    { n: name },
    coordinator,
  );
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.__type.fields;
}

/** A selection of `field`: the field alone for scalars, else its scalar fields without required arguments (or a connection's count). */
async function selectionOf(field: IntroField): Promise<string | null> {
  if (field.args.some((a) => a.type.kind === 'NON_NULL')) return null;
  const target = named(field.type);
  if (target.kind === 'SCALAR' || target.kind === 'ENUM') return field.name;
  const sub = await typeFields(target.name!);
  if (sub.some((f) => f.name === 'totalCount')) return `${field.name} { totalCount }`;
  const leaves = sub.filter((f) => !f.args.some((a) => a.type.kind === 'NON_NULL') && ['SCALAR', 'ENUM'].includes(named(f.type).kind)).map((f) => f.name);
  return `${field.name} { ${leaves.join(' ')} }`;
}

type Rows = { id: string }[];
/** Where rows of a type are read with a projection: a root list, or a field resolver's loader. */
const READS: { name: string; type: string; query: (selection: string) => string; rows: (data: any) => Rows }[] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
  { name: 'remediationItems', type: 'RemediationItem', query: (s) => `{ remediationItems(first: 25) { nodes { id ${s} } } }`, rows: (d) => d.remediationItems.nodes },
  { name: 'businesses', type: 'Business', query: (s) => `{ businesses(first: 25) { nodes { id ${s} } } }`, rows: (d) => d.businesses.nodes },
  { name: 'inspections', type: 'Inspection', query: (s) => `{ inspections(first: 25) { nodes { id ${s} } } }`, rows: (d) => d.inspections.nodes },
  { name: 'sites', type: 'Site', query: (s) => `{ sites(first: 25) { nodes { id ${s} } } }`, rows: (d) => d.sites.nodes },
  {
    name: 'Inspection.remediationItems',
    type: 'RemediationItem',
    query: (s) => `{ inspections(first: 15) { nodes { remediationItems { id ${s} } } } }`,
    rows: (d) => d.inspections.nodes.flatMap((n: { remediationItems: Rows }) => n.remediationItems),
  },
  {
    name: 'RemediationItem.business',
    type: 'Business',
    query: (s) => `{ remediationItems(first: 25) { nodes { business { id ${s} } } } }`,
    rows: (d) => d.remediationItems.nodes.map((n: { business: Rows[0] | null }) => n.business).filter(Boolean),
  },
  {
    name: 'SupplyChain.nodes.business',
    type: 'Business',
    query: (s) => `{ supplyChain(from: { businessId: "${chainStart}" }, direction: DOWNSTREAM, maxDepth: 3) { nodes { business { id ${s} } } } }`,
    rows: (d) => d.supplyChain.nodes.map((n: { business: Rows[0] | null }) => n.business).filter(Boolean),
  },
  {
    name: 'Business.suppliers',
    type: 'Business',
    query: (s) => `{ businesses(first: 20, filter: { type: { eq: RETAIL_STORE } }) { nodes { suppliers(first: 3) { edges { cursor } nodes { id ${s} } } } } }`,
    rows: (d) => d.businesses.nodes.flatMap((n: { suppliers: { nodes: Rows } }) => n.suppliers.nodes),
  },
];

describe('reads of selected columns answer as whole rows do', () => {
  it.each(READS)('$name: every field of $type, alone, equals nodes(ids:) — for a coordinator and for a masked partner viewer', async ({ type, query, rows: rowsOf }) => {
    const fields = await typeFields(type);
    expect(fields.length).toBeGreaterThan(5);
    let compared = 0;
    for (const field of fields) {
      const selection = await selectionOf(field);
      if (!selection) continue;
      for (const token of [coordinator, viewer]) {
        const page = await t.gql(query(selection), {}, token);
        expect(page.body.errors).toBeUndefined();
        const rows = rowsOf(page.body.data!);
        expect(rows.length).toBeGreaterThan(0);
        const whole = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on ${type} { id ${selection} } } }`, { ids: rows.map((r) => r.id) }, token);
        expect(whole.body.errors).toBeUndefined();
        expect({ field: field.name, rows }).toEqual({ field: field.name, rows: whole.body.data!.nodes });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('fields through fragments and edges { node } are read too', async () => {
    const q = `fragment F on RemediationItem { code responsibleContact ... on RemediationItem { deadline business { name } } }
      { remediationItems(first: 10) { edges { node { id ...F } } nodes { status } } }`;
    const page = await t.gql(q, {}, viewer);
    expect(page.body.errors).toBeUndefined();
    const edges = page.body.data!.remediationItems.edges as { node: { id: string } }[];
    const whole = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on RemediationItem { id code responsibleContact deadline business { name } } } }`, { ids: edges.map((e) => e.node.id) }, viewer);
    expect(edges.map((e) => e.node)).toEqual(whole.body.data!.nodes);
    const statuses = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on RemediationItem { status } } }`, { ids: edges.map((e) => e.node.id) }, viewer);
    expect(page.body.data!.remediationItems.nodes).toEqual(statuses.body.data!.nodes);
  });
});

/** The column list of the statement that read `table`: a page (LIMIT) or a loader's batch (= ANY). */
async function pageColumns(query: string, table: string, kind: RegExp = /LIMIT/): Promise<string[]> {
  sql.length = 0;
  const r = await t.gql(query, {}, coordinator);
  expect(r.body.errors).toBeUndefined();
  const statement = sql.find((s) => new RegExp(`^SELECT .* FROM "${table}" "\\w+"`, 's').test(s) && kind.test(s) && !/COUNT\(/i.test(s));
  expect(statement).toBeDefined();
  const list = /^SELECT (.*?) FROM /s.exec(statement!)![1];
  return [...list.matchAll(/"\w+"\."(\w+)" AS/g)].map((m) => m[1]).sort();
}

describe('the columns a list statement reads (written by hand)', () => {
  it('remediationItems { id code business { name } } by deadline: the id, the selected columns and the sort key', async () => {
    const columns = await pageColumns(`{ remediationItems(first: 5, orderBy: { field: DEADLINE, direction: ASC }) { nodes { id code business { name } } } }`, 'remediation_item');
    expect(columns).toEqual(['business_id', 'code', 'deadline', 'id'].sort());
  });

  it('with a free-text field (description) also the person-name columns, which the masking of free text looks for', async () => {
    const columns = await pageColumns(`{ remediationItems(first: 5) { nodes { description } } }`, 'remediation_item');
    expect(columns).toEqual(['description', 'discovered_at', 'discovered_by', 'id', 'responsible_person', 'reviewer_name'].sort());
  });

  it('businesses { nodes { name district { name } } }: the id, name (also the sort key) and district', async () => {
    const columns = await pageColumns(`{ businesses(first: 5) { nodes { name district { name } } } }`, 'business');
    expect(columns).toEqual(['district_code', 'id', 'name'].sort());
  });

  it('a loader reads the selected columns, its key and its order: inspections { remediationItems { status } }, remediationItems { business { name } }', async () => {
    const items = await pageColumns(`{ inspections(first: 3) { nodes { id remediationItems { status } } } }`, 'remediation_item', /= ANY/);
    expect(items).toEqual(['code', 'id', 'inspection_id', 'status'].sort());
    const businesses = await pageColumns(`{ remediationItems(first: 5) { nodes { business { name } } } }`, 'business', /= ANY/);
    expect(businesses).toEqual(['id', 'name'].sort());
  });

  it('suppliers { nodes { id name } }: no second read of the suppliers, their page statement has the names', async () => {
    sql.length = 0;
    const r = await t.gql(`{ businesses(first: 10, filter: { type: { eq: RETAIL_STORE } }) { nodes { suppliers(first: 3) { nodes { id name } } } } }`, {}, coordinator);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.businesses.nodes.some((n: { suppliers: { nodes: unknown[] } }) => n.suppliers.nodes.length > 0)).toBe(true);
    expect(sql.filter((s) => /FROM "business" "e"/.test(s))).toEqual([]);
  });

  it('a field whose reads are not declared (availableTransitions) reads every column', async () => {
    const all: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'remediation_item' AND table_schema = 'public'`);
    const columns = await pageColumns(`{ remediationItems(first: 5) { nodes { id availableTransitions } } }`, 'remediation_item');
    expect(columns).toHaveLength(all[0].n);
  });
});
