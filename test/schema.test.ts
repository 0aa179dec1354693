import fs from 'node:fs';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLScalarType,
  getNamedType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { ROLES_MARK, SCHEMA_FILE, buildAppSchema, operationRoles, printAppSchema } from '../src/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const CJK = /[\u3400-\u9fff]/;

describe('schema.graphql, the contract', () => {
  it('is up to date with the code (run `npm run schema:emit` after changing resolvers or types)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(printAppSchema(schema));
  });

  it('describes every type, field, argument and enum value; types and enums carry the Chinese term', () => {
    const missing: string[] = [];
    const noChinese: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      // Query and Mutation are described too (src/schema.ts describeOperationRoles).
      if (!type.description) missing.push(type.name);
      // Standard scalars (DateTimeISO, JSONObject) keep their library descriptions.
      else if (!(type instanceof GraphQLScalarType || CJK.test(type.description) || /Edge$/.test(type.name))) noChinese.push(type.name);
      if (type instanceof GraphQLObjectType || type instanceof GraphQLInputObjectType || type instanceof GraphQLInterfaceType) {
        for (const field of Object.values(type.getFields())) {
          // Every field, ids and Edge.node included.
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (type instanceof GraphQLEnumType) {
        for (const v of type.getValues()) {
          if (!v.description) missing.push(`${type.name}.${v.name}`);
          else if (!CJK.test(v.description)) noChinese.push(`${type.name}.${v.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(noChinese).toEqual([]);
  });

  it('every Query and Mutation field says which roles may call it, as declared by @Roles / @Public', () => {
    const problems: string[] = [];
    for (const [kind, type] of [['Query', schema.getQueryType()!], ['Mutation', schema.getMutationType()!]] as const) {
      for (const f of Object.values(type.getFields())) {
        const roles = operationRoles(kind, f.name);
        const expected = `${ROLES_MARK} ${roles === 'PUBLIC' ? 'anyone, signed in or not (公开)' : roles.join(', ')}.`;
        if (!f.description?.endsWith(expected)) problems.push(`${kind}.${f.name}: ${f.description?.split('\n').pop()}`);
      }
    }
    expect(problems).toEqual([]);
    // Spot checks against hand-written expectations.
    expect(schema.getQueryType()!.getFields().auditEvents.description).toMatch(/Roles \(可调用角色\): ADMIN, COORDINATOR\.$/);
    expect(schema.getMutationType()!.getFields().login.description).toMatch(/Roles \(可调用角色\): anyone, signed in or not \(公开\)\.$/);
    expect(schema.getQueryType()!.getFields().bulletin.description).toMatch(/Roles \(可调用角色\): ADMIN, COORDINATOR, AGENCY_OFFICER, PARTNER_VIEWER, REPORTER\.$/);
  });

  it('every mutation returns a <Name>Payload with userErrors', () => {
    const bad = Object.values(schema.getMutationType()!.getFields())
      .filter((f) => {
        const t = getNamedType(f.type);
        return !isObjectType(t) || !t.name.endsWith('Payload') || !t.getFields().userErrors;
      })
      .map((f) => f.name);
    expect(bad).toEqual([]);
  });

  it('every mutation takes its arguments as one `input`', () => {
    const bad = Object.values(schema.getMutationType()!.getFields())
      .filter((f) => f.args.length !== 1 || f.args[0].name !== 'input')
      .map((f) => f.name);
    expect(bad).toEqual([]);
  });
});
