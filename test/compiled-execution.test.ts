import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { loadConfig } from '../src/config';
import { makeUser, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/app';
import { workerDataSource } from './support/db';

/**
 * Compiled execution (GRAPHQL_JIT, issue 15) answers exactly as graphql-js does: the same request
 * against two instances over one database, one compiling queries with graphql-jit and one
 * interpreting them with graphql-js (the oracle), must give the same status and body — data, errors,
 * codes, paths and locations, and the SQL statement count (DataLoader batches the same way) — apart
 * from the per-request error reference.
 */

let ds: DataSource;
let compiled: TestApp;
let interpreted: TestApp;
const tokens: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  ds = await workerDataSource();
  compiled = await startTestApp({ ds, env: { GRAPHQL_JIT: 'true' } });
  interpreted = await startTestApp({ ds, env: { GRAPHQL_JIT: 'false' } });
  for (const role of [Role.COORDINATOR, Role.PARTNER_VIEWER, Role.REPORTER]) tokens[role] = (await makeUser(ds, role)).token;
  // A business with an inspection and items, through the API, so every list below has rows.
  const coordinator = tokens[Role.COORDINATOR]!;
  const b = await compiled.gql(
    `mutation($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } userErrors { field message } } }`,
    { i: { name: `编译执行测试车行${Date.now()}`, types: ['RETAIL_STORE'], districtCode: '511102', legalRepresentative: '张三', contactPhone: '13912345678', address: '乐山市市中区嘉定北路1号' } },
    coordinator,
  );
  expect(b.body.data?.createBusiness.userErrors).toEqual([]);
}, 60_000);
afterAll(async () => {
  await compiled.close();
  await interpreted.close();
  await ds.destroy();
});

/** The body without what differs per request by design (an internal error's reference id). */
function comparable(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body).replace(/reference [0-9a-f-]{36}/g, 'reference <id>').replace(/"errorId":"[0-9a-f-]{36}"/g, '"errorId":"<id>"'));
}

const CASES: { name: string; role: Role | null; query: string; variables?: Record<string, unknown>; operationName?: string }[] = [
  {
    name: 'a list with nested objects, a nested list, a connection count and an edge cursor',
    role: Role.COORDINATOR,
    query: `{ businesses(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name legalRepresentative district { code name } certificates { number } suppliers(first: 2) { totalCount nodes { id } } } } } }`,
  },
  {
    name: 'the same list for a partner viewer (personal data masked)',
    role: Role.PARTNER_VIEWER,
    query: `{ businesses(first: 5) { nodes { id name legalRepresentative contactPhone address } } }`,
  },
  {
    name: 'fragments, inline fragments, aliases, @include and @skip, __typename',
    role: Role.COORDINATOR,
    query: `query Q($with: Boolean!) { a: businesses(first: 3) { nodes { ...B __typename } } b: businesses(first: 2) { nodes { id ... on Business { name @skip(if: $with) types @include(if: $with) } } } }
      fragment B on Business { id name district @include(if: $with) { name } }`,
    variables: { with: true },
  },
  {
    name: 'an interface: node(id:) and nodes(ids:) with a missing id',
    role: Role.COORDINATOR,
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Business { name } } }`,
    variables: { ids: ['00000000-0000-4000-8000-000000000000'] },
  },
  {
    name: 'reference data and enums with variables and defaults',
    role: Role.REPORTER,
    query: `query($stage: SupplyChainStage = PARKING_CHARGING) { districts { code name } hazardTypes(stage: $stage) { code nameZh defaultLevel } }`,
  },
  {
    name: 'an input object with a defaulted field, written in the query (direction defaults to ASC)',
    role: Role.COORDINATOR,
    query: `{ businesses(first: 3, orderBy: { field: NAME }) { nodes { name } } }`,
  },
  {
    name: 'the same through a variable (graphql-jit 0.8.9 does not fill the default: interpreted)',
    role: Role.COORDINATOR,
    query: `query($o: BusinessOrder) { businesses(first: 3, orderBy: $o) { nodes { name } } }`,
    variables: { o: { field: 'NAME' } },
  },
  {
    name: 'a bad variable: 400, BAD_USER_INPUT, graphql-js message',
    role: Role.COORDINATOR,
    query: `query($first: Int) { businesses(first: $first) { totalCount } }`,
    variables: { first: 'many' },
  },
  {
    name: 'an argument out of range: the resolver refuses, naming the argument',
    role: Role.COORDINATOR,
    query: `{ businesses(first: 1000) { nodes { id } } }`,
  },
  {
    name: 'a record type the role may not read: FORBIDDEN with path and location, the rest answered',
    role: Role.REPORTER,
    query: `{ districts { code } businesses(first: 1) { nodes { id } } }`,
  },
  {
    name: 'no token: UNAUTHENTICATED',
    role: null,
    query: `{ businesses(first: 1) { nodes { id } } }`,
  },
  {
    name: 'a bad cursor: BAD_USER_INPUT naming after',
    role: Role.COORDINATOR,
    query: `{ remediationItems(first: 2, after: "bm90IGEgY3Vyc29y") { nodes { id } } }`,
  },
  {
    name: 'introspection of a type',
    role: Role.COORDINATOR,
    query: `{ __type(name: "PageInfo") { name fields { name type { kind name ofType { name } } } } }`,
  },
  {
    name: 'two operations in one document, the second chosen by name',
    role: Role.COORDINATOR,
    query: `query A { districts { code } } query B { me { id name role kind } }`,
    operationName: 'B',
  },
];

describe('compiled execution answers as graphql-js does', () => {
  it.each(CASES)('$name', async ({ role, query, variables, operationName }) => {
    const token = role ? tokens[role] : undefined;
    // One after the other, each instance warmed by a first request: the process-wide reference-data cache
    // (districts, hazard types) must not make one side's statement count differ.
    const payload = { query, variables, operationName };
    await post(interpreted, payload, token);
    await post(compiled, payload, token);
    const a = await post(compiled, payload, token);
    const b = await post(interpreted, payload, token);
    expect(a.status).toBe(b.status);
    expect(comparable(a.body)).toEqual(comparable(b.body));
    expect(a.body.data !== undefined || a.body.errors !== undefined).toBe(true);
  });

  it('the cases cover answers with data and refusals alike', async () => {
    const answers = await Promise.all(CASES.map((c) => post(compiled, { query: c.query, variables: c.variables, operationName: c.operationName }, c.role ? tokens[c.role] : undefined)));
    expect(answers.filter((r) => !r.body.errors).length).toBeGreaterThanOrEqual(5);
    expect(new Set(answers.flatMap((r) => (r.body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code)))).toEqual(
      new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED']),
    );
  });
});

async function post(t: TestApp, payload: Record<string, unknown>, token?: string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let req = request(t.app).post('/graphql').set('Content-Type', 'application/json');
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  const res = await req.send(payload);
  return { status: res.status, body: res.body };
}

it('GRAPHQL_JIT is on by default and read as a boolean', () => {
  const base = { NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET };
  expect(loadConfig(base).graphqlJit).toBe(true);
  expect(loadConfig({ ...base, GRAPHQL_JIT: 'false' }).graphqlJit).toBe(false);
});
