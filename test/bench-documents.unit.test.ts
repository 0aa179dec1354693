import 'reflect-metadata';
import { parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { OPERATIONS, type Params } from '../bench/ops';
import { PEER_OPERATIONS, type PeerParams } from '../bench/peer';
import { buildAppSchema } from '../src/schema';

/**
 * The benchmark's documents (bench/ops.ts, and the service side of bench/peer.ts) are valid against
 * the schema the service builds now, and the variables they are sent with coerce, so the benchmark
 * cannot drift from the contract again (it once declared report periods `String!` after they became
 * `LocalDate!`). The peer's documents are PostGraphile's and are not checked here.
 */

// Values of the shape the benchmark computes from the seeded data (bench/run.ts).
const PARAMS: PeerParams = {
  today: '2026-11-30',
  monthFrom: '2026-11-01',
  yearFrom: '2025-12-01',
  lastMonthFrom: '2026-10-01',
  lastMonthTo: '2026-10-31',
  prevMonthFrom: '2026-09-01',
  prevMonthTo: '2026-09-30',
  partnerDistrict: '511102',
  partnerType: 'RETAIL_STORE',
  chainStart: '00000000-0000-4000-8000-000000000001',
  itemDistrict: '511102',
  lookupBusiness: '00000000-0000-4000-8000-000000000002',
} satisfies Params & PeerParams;

const WRITE_VARIABLES = { input: { id: '00000000-0000-4000-8000-000000000003', expectedVersion: 1, action: 'COMMENT', comment: 'bench sample' } };

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const documents: [string, string, Record<string, unknown>][] = [
  // The write's variables are built per request from an item pool (bench/bench.ts), in this shape.
  ...OPERATIONS.map((o) => [`ops ${o.key}`, o.query, o.kind === 'write' ? WRITE_VARIABLES : o.variables(PARAMS)] as [string, string, Record<string, unknown>]),
  ...PEER_OPERATIONS.map((o) => [`peer ${o.key} (service side)`, o.service.query, o.service.variables(PARAMS)] as [string, string, Record<string, unknown>]),
];

it('covers the benchmark operations', () => {
  expect(OPERATIONS.length).toBeGreaterThanOrEqual(8);
  expect(PEER_OPERATIONS.length).toBeGreaterThanOrEqual(5);
});

it.each(documents)('%s validates against the schema and its variables coerce', (_name, query, variables) => {
  const doc = parse(query);
  expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const coerced = getVariableValues(schema, op.variableDefinitions ?? [], variables);
  expect(coerced.errors?.map((e) => e.message) ?? []).toEqual([]);
});
