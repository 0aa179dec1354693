import type { GraphQLEnumType, GraphQLSchema } from 'graphql';
import type { EnumLabels } from './document';

/** Chinese label of an enum value: the last parenthesised part of its description, e.g. 已登记/发现. */
export function enumValueLabels(schema: GraphQLSchema, name: string): Record<string, string> {
  const type = schema.getType(name) as GraphQLEnumType;
  return Object.fromEntries(type.getValues().map((v) => [v.value as string, /\(([^()]*)\)\s*[^()]*$/.exec(v.description ?? '')?.[1] ?? v.name]));
}

export function enumLabels(schema: GraphQLSchema): EnumLabels {
  return { level: enumValueLabels(schema, 'HazardLevel'), status: enumValueLabels(schema, 'HazardStatus'), stage: enumValueLabels(schema, 'SupplyChainStage') };
}
