import 'reflect-metadata';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';

/**
 * Every malformed request is the client's fault: a 4xx (or a GraphQL error with a client code),
 * never INTERNAL_SERVER_ERROR, and nothing logged at error level. Each row is one request sent
 * through HTTP; the expected status and code are written here by hand.
 */

const lines: { level: number; msg?: string }[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    cb();
  },
});

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp({ log: pino({ level: 'trace' }, sink), env: { MAX_QUERY_DEPTH: '10', MAX_QUERY_COST: '5000' } });
  token = (await makeUser(t.ds, Role.COORDINATOR)).token;
});
afterAll(() => t.close());

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
const NUL = '\u0000';
const typenames = (n: number) => `{ ${Array.from({ length: n }, () => '__typename').join(' ')} }`;
const nest = (depth: number) => `{ __schema { types { ${'fields { type { '.repeat(depth)}name${' } }'.repeat(depth)} } } }`;

type Send = (auth: string) => request.Test;
interface Case {
  name: string;
  send: Send;
  status: number;
  code: string;
  /** The argument or variable path the error must name, when it names one. */
  argument?: string | RegExp;
  /** A mutation's caller fault is in its payload: the userError's field path (code VALIDATION). */
  userError?: string[];
}

const post = (body: unknown): Send => (auth) => request(t.app).post('/graphql').set('Authorization', `Bearer ${auth}`).set('Content-Type', 'application/json').send(JSON.stringify(body));
const gql = (query: string, variables?: unknown, operationName?: string): Send => post({ query, variables, operationName });
const raw = (body: string, type: string): Send => (auth) => request(t.app).post('/graphql').set('Authorization', `Bearer ${auth}`).set('Content-Type', type).send(body);
const get = (params: Record<string, string>, preflight = true): Send => (auth) => {
  const r = request(t.app).get('/graphql').query(params).set('Authorization', `Bearer ${auth}`).set('Accept', 'application/json');
  return preflight ? r.set('Apollo-Require-Preflight', 'true') : r;
};
const exp = (path: string, query: Record<string, string>): Send => (auth) => request(t.app).get(`/exports/${path}`).query(query).set('Authorization', `Bearer ${auth}`);

const BUSINESS_INPUT = { name: 'Malformed test shop', types: ['RETAIL_STORE'], districtCode: '511102' };
const CREATE_BUSINESS = 'mutation($i: CreateBusinessInput!){ createBusiness(input: $i){ business { id } userErrors { code field } } }';

const CASES: Case[] = [
  // The HTTP envelope.
  { name: 'body is not JSON', send: raw('{"query": ', 'application/json'), status: 400, code: 'BAD_REQUEST' },
  { name: 'body is a JSON string', send: raw('"{ me { id } }"', 'application/json'), status: 400, code: 'BAD_REQUEST' },
  { name: 'body is a batch (batching is off)', send: post([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]), status: 400, code: 'BAD_REQUEST' },
  { name: 'no query', send: post({}), status: 400, code: 'BAD_REQUEST' },
  { name: 'query is a number', send: post({ query: 5 }), status: 400, code: 'BAD_REQUEST' },
  { name: 'variables is a string', send: post({ query: '{ me { id } }', variables: 'x' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'text/plain body', send: raw('{ me { id } }', 'text/plain'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'form-encoded body', send: raw('query=%7B%20me%20%7B%20id%20%7D%20%7D', 'application/x-www-form-urlencoded'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'body over BODY_LIMIT', send: post({ query: `{ me { id } } # ${'x'.repeat(1_100_000)}` }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'GET without a preflight header (CSRF prevention)', send: get({ query: '{ me { id } }' }, false), status: 400, code: 'BAD_REQUEST' },
  { name: 'GET without a query', send: get({}), status: 400, code: 'BAD_REQUEST' },
  { name: 'mutation over GET', send: get({ query: 'mutation { login(input: {username: "a", password: "b"}) { accessToken } }' }), status: 405, code: 'BAD_REQUEST' },

  // The document.
  { name: 'syntax error', send: gql('{ me { id }'), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'empty document', send: gql(''), status: 400, code: 'BAD_REQUEST' },
  { name: '20,000 × __typename (token limit at parse)', send: gql(typenames(20_000)), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'unknown field', send: gql('{ me { id shoeSize } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'unknown argument', send: gql('{ districts(first: 1) { code } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'unknown enum literal', send: gql('{ hazardTypes(stage: MOON) { code } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'unknown operation name', send: gql('query A { me { id } }', undefined, 'B'), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  { name: 'two operations, no operation name', send: gql('query A { me { id } } query B { me { id } }'), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  { name: 'too deep', send: gql('{ businesses(first: 1) { nodes { suppliers(first: 1) { nodes { suppliers(first: 1) { nodes { suppliers(first: 1) { nodes { suppliers(first: 1) { nodes { name } } } } } } } } } } }'), status: 400, code: 'QUERY_TOO_DEEP' },
  { name: 'too costly', send: gql('{ businesses(first: 100) { nodes { sites { id name } suppliers(first: 100) { nodes { name } } } } }'), status: 400, code: 'QUERY_TOO_COSTLY' },
  { name: 'introspection cycling deeper than graphql-js allows', send: gql(nest(5)), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'introspection aliased past the cost limit', send: gql(`{ ${Array.from({ length: 60 }, (_, i) => `s${i}: __schema { types { name kind description } }`).join(' ')} }`), status: 400, code: 'QUERY_TOO_COSTLY' },

  // GraphQL over HTTP: a legacy client accepting only application/json reads request errors with 200.
  { name: 'unknown field, client accepts only application/json', send: (auth) => gql('{ me { id shoeSize } }')(auth).set('Accept', 'application/json'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'bad variable, client accepts application/graphql-response+json', send: (auth) => gql('query($n: Int){ businesses(first: $n){ nodes { id } } }', { n: 'abc' })(auth).set('Accept', 'application/graphql-response+json, application/json;q=0.9'), status: 400, code: 'BAD_USER_INPUT' },

  // Variables that do not coerce.
  { name: 'missing non-null variable', send: gql('query($id: ID!){ business(id: $id){ name } }', {}), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'null for a non-null variable', send: gql('query($id: ID!){ business(id: $id){ name } }', { id: null }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'string for an Int', send: gql('query($n: Int){ businesses(first: $n){ nodes { id } } }', { n: 'abc' }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'Int out of 32-bit range', send: gql('query($n: Int){ businesses(first: $n){ nodes { id } } }', { n: 99999999999 }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'unknown enum value in a variable', send: gql('query($s: SupplyChainStage){ hazardTypes(stage: $s){ code } }', { s: 'MOON' }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'unknown input field in a variable', send: gql(CREATE_BUSINESS, { i: { ...BUSINESS_INPUT, shoeSize: 42 } }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'list where an object is expected', send: gql(CREATE_BUSINESS, { i: [BUSINESS_INPUT] }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'invalid DateTimeISO variable', send: gql('mutation($i: CreateApiKeyInput!){ createApiKey(input: $i){ userErrors { code } } }', { i: { name: 'k', role: 'REPORTER', expiresAt: 'next tuesday' } }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'invalid Yuan variable', send: gql('mutation($i: TransitionInput!){ transitionRemediationItem(input: $i){ userErrors { code field } } }', { i: { id: '00000000-0000-4000-8000-000000000000', action: 'COMMENT', comment: 'x', expectedVersion: 1, funds: '12.345' } }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'Yuan as a number', send: gql('mutation($i: TransitionInput!){ transitionRemediationItem(input: $i){ userErrors { code field } } }', { i: { id: '00000000-0000-4000-8000-000000000000', action: 'COMMENT', comment: 'x', expectedVersion: 1, funds: 12.5 } }), status: 400, code: 'BAD_USER_INPUT' },

  // Strings with NUL characters, anywhere.
  { name: 'NUL in a mutation input', send: gql(CREATE_BUSINESS, { i: { ...BUSINESS_INPUT, name: `shop${NUL}` } }), status: 200, code: '', userError: ['input', 'name'] },
  { name: 'NUL in a string filter literal', send: gql(`{ businesses(filter: { name: { contains: "a\\u0000" } }) { nodes { id } } }`), status: 400, code: 'BAD_USER_INPUT', argument: 'filter.name.contains' },
  { name: 'NUL in a StringFilter.in list', send: gql('query($f: BusinessFilter){ businesses(filter: $f) { nodes { id } } }', { f: { district: { in: ['511102', `5${NUL}`] } } }), status: 400, code: 'BAD_USER_INPUT', argument: 'filter.district.in.1' },
  { name: 'NUL in text search', send: gql('query($f: RemediationItemFilter){ remediationItems(filter: $f) { nodes { id } } }', { f: { text: `电池${NUL}` } }), status: 400, code: 'BAD_USER_INPUT', argument: 'filter.text' },
  { name: 'NUL in a plain string argument', send: gql('query($u: String!){ businessByUscc(uscc: $u) { id } }', { u: `91${NUL}` }), status: 400, code: 'BAD_USER_INPUT', argument: 'uscc' },
  { name: 'NUL in the login name (anonymous)', send: () => request(t.app).post('/graphql').set('Content-Type', 'application/json').send({ query: 'mutation($i: LoginInput!){ login(input: $i){ accessToken userErrors { code field } } }', variables: { i: { username: `admin${NUL}`, password: 'x' } } }), status: 200, code: '', userError: ['input', 'username'] },
  { name: 'string longer than any field allows', send: gql(CREATE_BUSINESS, { i: { ...BUSINESS_INPUT, address: 'x'.repeat(20_001) } }), status: 200, code: '', userError: ['input', 'address'] },

  // Identifiers and cursors that are not what they claim to be.
  { name: 'business(id: "1")', send: gql('{ business(id: "1") { name } }'), status: 400, code: 'BAD_USER_INPUT', argument: 'id' },
  { name: 'IdFilter.eq not a UUID', send: gql('{ remediationItems(filter: { businessId: { eq: "abc" } }) { nodes { id } } }'), status: 400, code: 'BAD_USER_INPUT', argument: 'filter.businessId.eq' },
  { name: 'IdFilter.in with a non-UUID', send: gql('query($f: RemediationItemFilter){ remediationItems(filter: $f) { nodes { id } } }', { f: { siteId: { in: ['00000000-0000-4000-8000-000000000000', 'x'] } } }), status: 400, code: 'BAD_USER_INPUT', argument: 'filter.siteId.in.1' },
  { name: 'mutation input id not a UUID', send: gql('mutation($i: TransitionInput!){ transitionRemediationItem(input: $i){ userErrors { code field } } }', { i: { id: 'LS-1', action: 'COMMENT', comment: 'x', expectedVersion: 1 } }), status: 200, code: '', userError: ['input', 'id'] },
  { name: 'cursor that is not base64 JSON', send: gql('{ businesses(after: "!!!") { nodes { id } } }'), status: 200, code: 'BAD_USER_INPUT', argument: 'after' },
  { name: 'crafted cursor: id not a UUID', send: gql(`{ businesses(after: "${b64(['A', 'x'])}") { nodes { id } } }`), status: 200, code: 'BAD_USER_INPUT', argument: 'after' },
  { name: 'crafted cursor: timestamp not a timestamp', send: gql(`{ auditEvents(after: "${b64(['yesterday', '00000000-0000-4000-8000-000000000000'])}") { nodes { id } } }`), status: 200, code: 'BAD_USER_INPUT', argument: 'after' },
  { name: 'crafted cursor: NUL in a text key', send: gql(`{ sites(after: "${b64([`a${NUL}`, '00000000-0000-4000-8000-000000000000'])}") { nodes { id } } }`), status: 200, code: 'BAD_USER_INPUT', argument: 'after' },
  { name: 'crafted cursor on remediation items by deadline', send: gql(`{ remediationItems(after: "${b64(['2026-02-31', '00000000-0000-4000-8000-000000000000'])}", orderBy: { field: DEADLINE }) { nodes { id } } }`), status: 200, code: 'BAD_USER_INPUT', argument: 'after' },
  { name: 'date filter that is no calendar day', send: gql('{ remediationItems(filter: { deadline: { from: "2026-02-31" } }) { nodes { id } } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'page size over 100', send: gql('{ businesses(first: 101) { nodes { id } } }'), status: 200, code: 'BAD_USER_INPUT' },

  // Export parameters: a 400 with a reason, never a dropped connection.
  { name: 'export filter not JSON', send: exp('remediation-items.csv', { filter: '{' }), status: 400, code: 'BAD_USER_INPUT', argument: 'filter' },
  { name: 'export filter with an unknown field', send: exp('remediation-items.csv', { filter: JSON.stringify({ shoeSize: 1 }) }), status: 400, code: 'BAD_USER_INPUT', argument: 'filter' },
  { name: 'export filter with a non-UUID id', send: exp('remediation-items.csv', { filter: JSON.stringify({ businessId: { eq: '1' } }) }), status: 400, code: 'BAD_USER_INPUT', argument: 'filter' },
  { name: 'export filter with NUL', send: exp('remediation-items.xlsx', { filter: JSON.stringify({ text: `a${NUL}` }) }), status: 400, code: 'BAD_USER_INPUT', argument: 'filter' },
  { name: 'export filter date that is no calendar day', send: exp('remediation-items.csv', { filter: JSON.stringify({ deadline: { to: '2026-02-30' } }) }), status: 400, code: 'BAD_USER_INPUT', argument: 'filter' },
  { name: 'export filter given twice', send: (auth) => request(t.app).get('/exports/remediation-items.csv?filter=%7B%7D&filter=%7B%7D').set('Authorization', `Bearer ${auth}`), status: 400, code: 'BAD_USER_INPUT', argument: 'filter' },
  { name: 'export orderBy unknown', send: exp('remediation-items.csv', { orderBy: 'SHOE_SIZE' }), status: 400, code: 'BAD_USER_INPUT', argument: 'orderBy' },
  { name: 'export bulletin date that is no calendar day', send: exp('bulletin.xlsx', { from: '2026-02-30', to: '2026-03-31' }), status: 400, code: 'BAD_USER_INPUT', argument: 'from' },
];

describe('malformed requests', () => {
  it('has at least 40 rows', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = lines.length;
    const res = await c.send(token);
    const body = res.body && typeof res.body === 'object' && 'errors' in res.body ? res.body : JSON.parse(res.text);
    const codes = (body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
    if (c.userError) {
      // Mutations answer caller faults in their payload, nothing written; the rule runs before any transaction.
      const payload = Object.values(body.data ?? {})[0] as { userErrors: { code: string; field: string[] }[] };
      expect({ status: res.status, codes, userErrors: payload?.userErrors }).toEqual({ status: 200, codes: [], userErrors: [{ code: 'VALIDATION', field: c.userError }] });
    } else {
      expect({ status: res.status, codes }).toEqual({ status: c.status, codes: expect.arrayContaining([c.code]) });
    }
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    if (c.argument !== undefined) {
      const names = body.errors.map((e: { extensions?: { argument?: string } }) => e.extensions?.argument);
      expect(names).toContainEqual(typeof c.argument === 'string' ? c.argument : expect.stringMatching(c.argument));
    }
    const errorsLogged = lines.slice(before).filter((l) => l.level >= 50);
    expect(errorsLogged).toEqual([]);
  });

  it('wrote nothing for any of them', async () => {
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM business WHERE name LIKE 'Malformed test shop%' OR name LIKE 'shop%'`);
    expect(n).toBe(0);
  });
});
