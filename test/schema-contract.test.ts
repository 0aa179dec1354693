import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';

/**
 * The schema as a contract (issue 16): calendar dates are LocalDate, codes are enums and IDs,
 * records are Nodes that node(id:)/nodes(ids:) return with the same access and masking as their
 * own root, every connection pages both ways, and the lists people sort take orderBy.
 */

let t: TestApp;
const tokens: Partial<Record<Role, string>> = {};
let adminUserId: string;

beforeAll(async () => {
  t = await startTestApp();
  for (const role of Object.values(Role)) {
    const u = await makeUser(t.ds, role);
    tokens[role] = u.token;
    if (role === Role.ADMIN) adminUserId = u.user.id;
  }
});
afterAll(() => t.close());

const tag = () => randomBytes(4).toString('hex');

async function insertBusinesses(names: string[]): Promise<string[]> {
  const rows: { id: string }[] = await t.ds.query(
    `INSERT INTO business (name, types, stages, district_code, legal_representative, contact_phone)
     SELECT n, '{RETAIL_STORE}', '{SALES}', '511102', '王小五', '13912345678' FROM unnest($1::text[]) WITH ORDINALITY AS x(n, i) ORDER BY i RETURNING id`,
    [names],
  );
  return rows.map((r) => r.id);
}

describe('types that say what they mean', () => {
  it('calendar dates are LocalDate, versions Int, codes enums or IDs', async () => {
    const r = await t.gql(
      `{ item: __type(name: "RemediationItem") { fields { name type { name kind ofType { name } } } }
         user: __type(name: "User") { fields { name type { ofType { name } } } }
         team: __type(name: "TaskTeam") { fields { name type { ofType { name } } } }
         me: __type(name: "Me") { fields { name type { ofType { name kind } } } }
         audit: __type(name: "AuditEvent") { fields { name type { name kind ofType { name kind } } } }
         event: __type(name: "RemediationEvent") { fields { name type { name kind ofType { name kind } } } }
         period: __type(name: "PeriodInput") { inputFields { name type { ofType { name } } } } }`,
      {},
      tokens.ADMIN,
    );
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data!;
    const field = (type: { fields: { name: string; type: any }[] }, name: string) => type.fields.find((f) => f.name === name)!.type;
    expect(field(d.item, 'deadline')).toMatchObject({ name: 'LocalDate', kind: 'SCALAR' });
    expect(field(d.item, 'discoveredOn')).toMatchObject({ kind: 'NON_NULL', ofType: { name: 'LocalDate' } });
    expect(field(d.item, 'reviewDueDate')).toMatchObject({ name: 'LocalDate' });
    expect(field(d.user, 'version').ofType.name).toBe('Int');
    expect(field(d.team, 'version').ofType.name).toBe('Int');
    expect(field(d.me, 'id').ofType).toEqual({ name: 'ID', kind: 'SCALAR' });
    expect(field(d.me, 'kind').ofType).toEqual({ name: 'PrincipalKind', kind: 'ENUM' });
    expect(field(d.audit, 'actorType').ofType).toEqual({ name: 'ActorType', kind: 'ENUM' });
    expect(field(d.audit, 'role')).toMatchObject({ name: 'Role', kind: 'ENUM' });
    expect(field(d.audit, 'entityType')).toMatchObject({ name: 'AuditEntityType', kind: 'ENUM' });
    expect(field(d.audit, 'entityId')).toMatchObject({ name: 'ID' });
    expect(field(d.event, 'action').ofType).toEqual({ name: 'RemediationEventAction', kind: 'ENUM' });
    expect(field(d.event, 'actorRole')).toMatchObject({ name: 'Role', kind: 'ENUM' });
    expect(d.period.inputFields.map((f: { name: string; type: any }) => [f.name, f.type.ofType.name])).toEqual([['from', 'LocalDate'], ['to', 'LocalDate']]);
  });

  it('Me says who calls with an enum kind and an ID; audit events carry enum codes', async () => {
    const me = await t.gql(`{ me { kind id role } }`, {}, tokens.ADMIN);
    expect(me.body.data!.me).toEqual({ kind: 'user', id: adminUserId, role: 'ADMIN' });
    const name = `A${tag()}`;
    const created = await t.gql(
      `mutation($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } userErrors { field message } } }`,
      { i: { name, types: ['RETAIL_STORE'], districtCode: '511102' } },
      tokens.COORDINATOR,
    );
    expect(created.body.data!.createBusiness.userErrors).toEqual([]);
    const id = created.body.data!.createBusiness.business.id;
    const audit = await t.gql(`query($id: String!) { auditEvents(first: 5, filter: { entityId: { eq: $id } }) { nodes { actorType role entityType entityId operation } } }`, { id }, tokens.ADMIN);
    expect(audit.body.data!.auditEvents.nodes).toEqual([{ actorType: 'user', role: 'COORDINATOR', entityType: 'Business', entityId: id, operation: 'createBusiness' }]);
  });

  it('a LocalDate argument of the wrong shape is refused by its type; a day that does not exist by its rule, naming the argument', async () => {
    const shape = await t.gql(`{ bulletin(from: "2026/03/01", to: "2026-03-31") { period { from } } }`, {}, tokens.REPORTER);
    expect(shape.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(shape.body.errors![0].message).toContain('YYYY-MM-DD');
    const missing = await t.gql(`query($f: LocalDate!) { bulletin(from: $f, to: "2026-03-31") { period { from } } }`, { f: '2026-02-30' }, tokens.REPORTER);
    expect(missing.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const ok = await t.gql(`{ bulletin(from: "2026-03-01", to: "2026-03-31") { period { from to } } }`, {}, tokens.REPORTER);
    expect(ok.body.data!.bulletin.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('Department and District carry nameZh; name stays, deprecated', async () => {
    const r = await t.gql(`{ districts { code name nameZh } }`, {}, tokens.REPORTER);
    expect(r.body.data!.districts.find((d: { code: string }) => d.code === '511102')).toEqual({ code: '511102', name: '市中区', nameZh: '市中区' });
  });
});

describe('Relay: node(id:) and nodes(ids:)', () => {
  it('refetches a record by id with its own masking; refuses the types a role cannot read, like their roots', async () => {
    const [bizId] = await insertBusinesses([`N${tag()}车行`]);
    const q = `query($id: ID!) { node(id: $id) { __typename id ... on Business { legalRepresentative contactPhone } } }`;
    const coord = await t.gql(q, { id: bizId }, tokens.COORDINATOR);
    expect(coord.body.data!.node).toEqual({ __typename: 'Business', id: bizId, legalRepresentative: '王小五', contactPhone: '13912345678' });
    // PARTNER_VIEWER reads businesses without personal data: node(id:) masks exactly like business(id:).
    const viaNode = await t.gql(q, { id: bizId }, tokens.PARTNER_VIEWER);
    const viaRoot = await t.gql(`query($id: ID!) { business(id: $id) { legalRepresentative contactPhone } }`, { id: bizId }, tokens.PARTNER_VIEWER);
    expect(viaNode.body.data!.node).toEqual({ __typename: 'Business', id: bizId, legalRepresentative: '王**', contactPhone: '139****5678' });
    expect(viaRoot.body.data!.business).toEqual({ legalRepresentative: '王**', contactPhone: '139****5678' });
    // REPORTER reads aggregates only: refused through the root and through node alike.
    const reporterRoot = await t.gql(`query($id: ID!) { business(id: $id) { name } }`, { id: bizId }, tokens.REPORTER);
    const reporterNode = await t.gql(q, { id: bizId }, tokens.REPORTER);
    expect(reporterRoot.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(reporterNode.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(reporterNode.body.data).toEqual({ node: null });
    // Users are ADMIN's: a coordinator gets FORBIDDEN, the administrator the record.
    const userQ = `query($id: ID!) { node(id: $id) { __typename id } }`;
    expect((await t.gql(userQ, { id: adminUserId }, tokens.COORDINATOR)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(userQ, { id: adminUserId }, tokens.ADMIN)).body.data!.node).toEqual({ __typename: 'User', id: adminUserId });
    // No record with that id: null, no error. Not a UUID: BAD_USER_INPUT naming id.
    const none = await t.gql(userQ, { id: randomUUID() }, tokens.COORDINATOR);
    expect(none.body.data).toEqual({ node: null });
    expect(none.body.errors).toBeUndefined();
    const bad = await t.gql(userQ, { id: 'Business:1' }, tokens.COORDINATOR);
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('nodes(ids:) keeps the order asked, null for unknown ids, FORBIDDEN at the index of an unreadable one', async () => {
    const [a, b] = await insertBusinesses([`M${tag()}甲`, `M${tag()}乙`]);
    const unknown = randomUUID();
    const r = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [b, unknown, adminUserId, a] }, tokens.COORDINATOR);
    expect(r.body.data!.nodes).toEqual([{ __typename: 'Business', id: b }, null, null, { __typename: 'Business', id: a }]);
    expect(r.body.errors!.map((e: { path?: string[]; extensions?: Record<string, any> }) => [e.path, e.extensions?.code])).toEqual([[['nodes', 2], 'FORBIDDEN']]);
  });
});

describe('connections page both ways', () => {
  it('businesses: first/after forwards, then last/before back to the start', async () => {
    const p = `P${tag()}`;
    await insertBusinesses([`${p}e`, `${p}a`, `${p}d`, `${p}b`, `${p}c`]);
    const q = `query($n: String!, $first: Int, $after: String, $last: Int, $before: String) {
      businesses(filter: { name: { startsWith: $n } }, first: $first, after: $after, last: $last, before: $before) {
        nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const page1 = (await t.gql(q, { n: p, first: 2 }, tokens.COORDINATOR)).body.data!.businesses;
    expect(page1.nodes.map((n: { name: string }) => n.name)).toEqual([`${p}a`, `${p}b`]);
    const page2 = (await t.gql(q, { n: p, first: 2, after: page1.pageInfo.endCursor }, tokens.COORDINATOR)).body.data!.businesses;
    expect(page2.nodes.map((n: { name: string }) => n.name)).toEqual([`${p}c`, `${p}d`]);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const back = (await t.gql(q, { n: p, last: 2, before: page2.pageInfo.startCursor }, tokens.COORDINATOR)).body.data!.businesses;
    expect(back.nodes.map((n: { name: string }) => n.name)).toEqual([`${p}a`, `${p}b`]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const tail = (await t.gql(q, { n: p, last: 3 }, tokens.COORDINATOR)).body.data!.businesses;
    expect(tail.nodes.map((n: { name: string }) => n.name)).toEqual([`${p}c`, `${p}d`, `${p}e`]);
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const both = await t.gql(q, { n: p, first: 2, last: 2 }, tokens.COORDINATOR);
    expect(both.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'last' });
    const badBefore = await t.gql(q, { n: p, last: 2, before: 'nonsense' }, tokens.COORDINATOR);
    expect(badBefore.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'before' });
  });

  it('nested per-parent lists (suppliers) page backwards too, and supplierRelations carry the relation', async () => {
    const p = `S${tag()}`;
    const [shop, ...sup] = await insertBusinesses([`${p}店`, `${p}1`, `${p}2`, `${p}3`]);
    await t.ds.query(
      `INSERT INTO supply_relation (supplier_business_id, buyer_business_id, first_seen_on, last_seen_on) SELECT s, $1, '2026-01-05', '2026-10-31' FROM unnest($2::uuid[]) s`,
      [shop, sup],
    );
    const q = `query($id: ID!, $last: Int, $before: String) { business(id: $id) {
      suppliers(last: $last, before: $before) { nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor } }
      supplierRelations(first: 5) { totalCount nodes { supplier { name } buyer { id } firstSeenOn lastSeenOn } } } }`;
    const last2 = (await t.gql(q, { id: shop, last: 2 }, tokens.COORDINATOR)).body.data!.business;
    expect(last2.suppliers.nodes.map((n: { name: string }) => n.name)).toEqual([`${p}2`, `${p}3`]);
    expect(last2.suppliers.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const first1 = (await t.gql(q, { id: shop, last: 5, before: last2.suppliers.pageInfo.startCursor }, tokens.COORDINATOR)).body.data!.business;
    expect(first1.suppliers.nodes.map((n: { name: string }) => n.name)).toEqual([`${p}1`]);
    expect(last2.supplierRelations.totalCount).toBe(3);
    expect(last2.supplierRelations.nodes.map((n: { supplier: { name: string } }) => n.supplier.name).sort()).toEqual([`${p}1`, `${p}2`, `${p}3`]);
    expect(last2.supplierRelations.nodes[0]).toMatchObject({ buyer: { id: shop }, firstSeenOn: '2026-01-05', lastSeenOn: '2026-10-31' });
  });
});

describe('orderBy', () => {
  it('certificates by number, both directions; sites by name descending', async () => {
    const [holder] = await insertBusinesses([`C${tag()}`]);
    const n = `2099${String(Date.now()).slice(-8)}`;
    await t.ds.query(`INSERT INTO certificate (number, holder_business_id, status) SELECT $1 || x, $2, 'VALID' FROM unnest(ARRAY['03', '01', '02']) x`, [n, holder]);
    const q = `query($o: CertificateOrder) { certificates(first: 3, orderBy: $o, filter: { holderId: { eq: "${holder}" } }) { nodes { number } } }`;
    const asc = await t.gql(q, { o: { field: 'NUMBER' } }, tokens.COORDINATOR);
    expect(asc.body.errors).toBeUndefined();
    expect(asc.body.data!.certificates.nodes.map((c: { number: string }) => c.number)).toEqual([`${n}01`, `${n}02`, `${n}03`]);
    const desc = await t.gql(q, { o: { field: 'NUMBER', direction: 'DESC' } }, tokens.COORDINATOR);
    expect(desc.body.data!.certificates.nodes.map((c: { number: string }) => c.number)).toEqual([`${n}03`, `${n}02`, `${n}01`]);
  });

  it('audit events by time both ways; inspections, product models and sites accept orderBy', async () => {
    const ids: string[] = [];
    for (const name of [`O${tag()}甲`, `O${tag()}乙`]) {
      const c = await t.gql(`mutation($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } } }`, { i: { name, types: ['RETAIL_STORE'], districtCode: '511102' } }, tokens.COORDINATOR);
      ids.push(c.body.data!.createBusiness.business.id);
    }
    const q = `query($ids: [String!], $d: SortDirection!) { auditEvents(first: 5, filter: { entityId: { in: $ids } }, orderBy: { field: OCCURRED_AT, direction: $d }) { nodes { entityId } } }`;
    const asc = await t.gql(q, { ids, d: 'ASC' }, tokens.ADMIN);
    expect(asc.body.data!.auditEvents.nodes.map((e: { entityId: string }) => e.entityId)).toEqual(ids);
    const desc = await t.gql(q, { ids, d: 'DESC' }, tokens.ADMIN);
    expect(desc.body.data!.auditEvents.nodes.map((e: { entityId: string }) => e.entityId)).toEqual([ids[1], ids[0]]);
    const r = await t.gql(
      `{ inspections(first: 1, orderBy: { field: CODE, direction: DESC }) { nodes { id } }
         productModels(first: 1, orderBy: { field: MODEL }) { nodes { id } }
         sites(first: 1, orderBy: { field: NAME, direction: DESC }) { nodes { id } } }`,
      {},
      tokens.ADMIN,
    );
    expect(r.body.errors).toBeUndefined();
  });
});
