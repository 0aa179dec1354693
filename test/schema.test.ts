import fs from 'node:fs';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLScalarType,
  getNamedType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { SCHEMA_FILE, buildAppSchema, printAppSchema } from '../src/schema';

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
      // type-graphql cannot describe the root types; their fields are described.
      if (!type.description) {
        if (!['Query', 'Mutation', 'Subscription'].includes(type.name)) missing.push(type.name);
      }
      // Standard scalars (DateTimeISO, JSONObject) keep their library descriptions.
      else if (!(type instanceof GraphQLScalarType || CJK.test(type.description) || /Edge$/.test(type.name))) noChinese.push(type.name);
      if (type instanceof GraphQLObjectType || type instanceof GraphQLInputObjectType) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description && !['id', 'node'].includes(field.name)) missing.push(`${type.name}.${field.name}`);
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
