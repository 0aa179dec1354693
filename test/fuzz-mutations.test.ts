import 'reflect-metadata';
import { Writable } from 'node:stream';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import pino from 'pino';
import request from 'supertest';
import { getMetadataStorage } from 'type-graphql';
import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';

/**
 * Schema-driven fuzzing of every mutation: from the introspected schema, a plausible input is
 * built for each mutation and then one value in it is replaced by something invalid (wrong type,
 * null, NUL characters, huge strings, ids that are not UUIDs, unknown enum values, impossible dates
 * and amounts, negative or out-of-range integers, a missing required field). Seeded, so a failure
 * replays: FUZZ_SEED and FUZZ_CASES_PER_MUTATION change the run. Every answer must be a client
 * error (no INTERNAL_SERVER_ERROR, no 5xx, nothing logged at error level) and no row of any table
 * may change (except the records of failed sign-ins, see BY_DESIGN).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const PER_MUTATION = Number(process.env.FUZZ_CASES_PER_MUTATION ?? 8);

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const lines: { level: number; msg?: string; err?: unknown }[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    cb();
  },
});

let t: TestApp;
let schema: GraphQLSchema;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  // The webhook sender is off: it would retry deliveries other test files of this worker left
  // pending, a background write the fingerprint would blame on the fuzzed requests.
  t = await startTestApp({ env: { WEBHOOKS_ENABLED: 'false' }, log: pino({ level: 'info' }, sink) });
  for (const role of Object.values(Role)) {
    tokens[role] = (await makeUser(t.ds, role, role === Role.AGENCY_OFFICER ? { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' } : {})).token;
  }
  const res = await request(t.app).post('/graphql').set('Authorization', `Bearer ${tokens.ADMIN}`).send({ query: getIntrospectionQuery() });
  schema = buildClientSchema(res.body.data as IntrospectionQuery);
});
afterAll(() => t.close());

/** A role allowed to call the mutation, so that the input, not the role, is what gets refused. */
function roleFor(mutation: string): Role {
  const storage = getMetadataStorage();
  const op = storage.mutations.find((m) => m.schemaName === mutation);
  const roles = (op && storage.authorizedFields.find((a) => a.target === op.target && a.fieldName === op.methodName)?.roles) as Role[] | undefined;
  if (!roles || roles.length === 0) return Role.COORDINATOR;
  return [Role.COORDINATOR, Role.ADMIN, Role.AGENCY_OFFICER].find((r) => roles.includes(r)) ?? roles[0];
}

const UUIDISH = '6f1c2a8e-0000-4000-8000-0000000000';
type Rand = () => number;

/** A plausible value for a type: required fields filled, references to records that do not exist. */
function plausible(type: GraphQLInputType, rand: Rand, name: string, depth = 0): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return [plausible(t.ofType, rand, name, depth + 1)];
  if (isEnumType(t)) return t.getValues()[0].name;
  if (isInputObjectType(t)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = plausible(f.type, rand, f.name, depth + 1);
      else if (depth < 2 && rand() < 0.3) out[f.name] = plausible(f.type, rand, f.name, depth + 1);
    }
    return out;
  }
  switch ((t as { name: string }).name) {
    case 'ID': return `${UUIDISH}${String(Math.floor(rand() * 100)).padStart(2, '0')}`;
    case 'Int': return 1;
    case 'Float': return 29.55;
    case 'Boolean': return false;
    case 'DateTimeISO': return '2026-11-01T08:00:00.000Z';
    case 'Yuan': return '100.00';
    case 'LocalDate': return '2026-11-01';
    case 'JSONObject': return {};
    default: return /(On|Date|deadline|^from$|^to$)$/.test(name) ? '2026-11-01' : `fuzz ${name}`;
  }
}

/** Invalid values for a leaf of a type; every one of them must be refused. */
function invalidFor(type: GraphQLInputType, name: string): unknown[] {
  const nullable = getNullableType(type) as GraphQLInputType;
  const always: unknown[] = [{ nested: true }];
  if (isNonNullType(type)) always.push(null);
  if (isListType(nullable)) return [...always, 'not a list item', [null]];
  if (isEnumType(nullable)) return [...always, 'NOT_A_VALUE', 'admin', 7];
  if (isInputObjectType(nullable)) return [...always, 'a string', [1, 2]];
  if (!isScalarType(nullable)) return always;
  switch (nullable.name) {
    case 'ID': return [...always, '1', 'abc', "' OR 1=1 --", `${UUIDISH}zz`, 'x'.repeat(40), '\u0000', 12];
    case 'Int': return [...always, 'abc', 2 ** 31, -(2 ** 31) - 1, 1e10, 1.5, true, -1, -(2 ** 31), 2 ** 31 - 1];
    case 'Float': return [...always, 'abc', true, [1], -1e308, 1e308];
    case 'Boolean': return [...always, 'yes', 1];
    case 'DateTimeISO': return [...always, 'yesterday', '2026-13-45T99:00:00Z', '2026-02-31T00:00:00Z', 1e20, '', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z'];
    case 'Yuan': return [...always, '-1', '1e5', '12.345', 12.5, 'NaN', '9'.repeat(20)];
    case 'LocalDate': return [...always, 42, '2026-02-31', '2026-13-01', 'soon', '', '2026-1-1', '2026-11-01T00:00:00Z'];
    case 'JSONObject': return ['a string', 5];
    default: {
      // Past the edge's type and text rules too: blank, over any field's own bound, control characters.
      const texts: unknown[] = [...always, 42, `a\u0000b`, '\u0000', 'x'.repeat(10_001), '测'.repeat(60_000), '   ', 'x'.repeat(9_999), '\u0001\u001f'];
      if (/(On|Date|deadline|^from$|^to$)$/.test(name)) texts.push('2026-02-31', '2026-13-01', 'soon');
      return texts;
    }
  }
}

interface Leaf {
  path: string[];
  type: GraphQLInputType;
  name: string;
}

function leaves(type: GraphQLInputType, path: string[], name: string, out: Leaf[], depth = 0): void {
  out.push({ path, type, name });
  const t = getNullableType(type) as GraphQLInputType;
  if (isInputObjectType(t) && depth < 3) for (const f of Object.values(t.getFields())) leaves(f.type, [...path, f.name], f.name, out, depth + 1);
}

function setPath(root: Record<string, unknown>, path: string[], value: unknown, remove: boolean): void {
  let o = root;
  for (const k of path.slice(0, -1)) {
    if (o[k] === null || typeof o[k] !== 'object' || Array.isArray(o[k])) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  if (remove) delete o[path[path.length - 1]];
  else o[path[path.length - 1]] = value;
}

/**
 * Rows a refused request writes on purpose: a failed sign-in is counted against its name (the
 * throttle that stops password guessing) and recorded in the audit trail as refused.
 */
const BY_DESIGN: Record<string, string> = {
  login_throttle: 'FALSE',
  // A wrong current password in changeMyPassword counts like a failed sign-in, and is recorded as refused too.
  audit_event: `NOT (x.operation IN ('login', 'changeMyPassword') AND x.outcome = 'REFUSED')`,
};

/**
 * Mutations left out, each with why. signOutEverywhere's one input is an optional free-text reason,
 * so whatever the fuzzer puts there that passes the text rule (blank, control characters) is a valid
 * request that ends the fuzzer's own sessions; test/sessions.test.ts covers it. runDailyJobs's one
 * input is an optional flag: every request is valid and runs the day's jobs (test/daily-jobs.test.ts).
 */
const NOT_FUZZED = new Set(['signOutEverywhere', 'runDailyJobs']);

/** A fingerprint of every table: row count and a hash of the rows. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables: { name: string }[] = await t.ds.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const where = BY_DESIGN[name] ?? 'TRUE';
    const [r] = await t.ds.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${name}" x WHERE ${where}`);
    out[name] = `${r.n}:${r.h}`;
  }
  return out;
}

it('no invalid mutation input causes an internal error or writes a row', async () => {
  const rand = mulberry32(SEED);
  const mutations = Object.values(schema.getMutationType()!.getFields()).filter((m) => !NOT_FUZZED.has(m.name));
  expect(mutations.length).toBeGreaterThan(30);
  const before = await fingerprint();
  const failures: string[] = [];
  let cases = 0;
  const statuses: Record<string, number> = {};

  for (const m of mutations) {
    const role = roleFor(m.name);
    const args = m.args;
    const varDefs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const query = `mutation Fuzz${varDefs ? `(${varDefs})` : ''} { ${m.name}${args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''} { __typename } }`;
    const allLeaves: Leaf[] = [];
    for (const a of args) leaves(a.type, [a.name], a.name, allLeaves);
    for (let i = 0; i < PER_MUTATION; i++) {
      const variables: Record<string, unknown> = {};
      for (const a of args) variables[a.name] = plausible(a.type, rand, a.name);
      const leaf = allLeaves[Math.floor(rand() * allLeaves.length)];
      const options = invalidFor(leaf.type, leaf.name);
      const required = isNonNullType(leaf.type) && leaf.path.length > 1;
      const pick = Math.floor(rand() * (options.length + (required ? 1 : 0)));
      const removing = pick === options.length;
      setPath(variables, leaf.path, options[pick], removing);
      cases++;
      const label = `${m.name} as ${role}: ${leaf.path.join('.')} = ${removing ? '(missing)' : JSON.stringify(options[pick])?.slice(0, 40)}`;
      const logged = lines.length;
      const res = await request(t.app)
        .post('/graphql')
        .set('Authorization', `Bearer ${tokens[role]}`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ query, variables }));
      const codes: string[] = (res.body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code ?? '?');
      const outcome = codes.length ? codes.join('+') : `userErrors`;
      statuses[`${res.status} ${outcome}`] = (statuses[`${res.status} ${outcome}`] ?? 0) + 1;
      const errorLines = lines.slice(logged).filter((l) => l.level >= 50);
      if (res.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || errorLines.length) {
        failures.push(`${label} → ${res.status} ${res.text.slice(0, 300)} ${JSON.stringify(errorLines).slice(0, 300)}`);
      }
    }
  }

  const after = await fingerprint();
  const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
  // eslint-disable-next-line no-console
  console.log(`fuzz: seed ${SEED}, ${mutations.length} mutations, ${cases} cases; answers: ${JSON.stringify(statuses)}`);
  expect(failures).toEqual([]);
  expect(changed).toEqual([]);
  expect(cases).toBeGreaterThanOrEqual(200);
}, Math.max(60_000, PER_MUTATION * 40 * 250));
