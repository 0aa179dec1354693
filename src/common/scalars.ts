import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const YUAN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

function parseYuan(v: unknown): string {
  if (typeof v !== 'string' || !YUAN.test(v)) {
    throw new GraphQLError('A yuan amount is a decimal string with at most 2 decimals, e.g. "12500.50" (金额，元)', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return v;
}

/**
 * Money in yuan as an exact decimal string ("12500.50"), stored as numeric(14,2): never a float,
 * so sums of fines and confiscations (罚没) are exact.
 */
export const Yuan = new GraphQLScalarType({
  name: 'Yuan',
  description: 'Amount in yuan (元) as an exact decimal string with up to 2 decimals, e.g. "50000.00"; never a float.',
  serialize: (v) => (typeof v === 'string' ? v : String(v)),
  parseValue: parseYuan,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Yuan amounts are strings, e.g. "12500.50"', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseYuan(ast.value);
  },
});

/** Numeric strings from PostgreSQL normalised to 2 decimals ("5" → "5.00"). */
export function yuan(v: string | null): string | null {
  if (v === null) return null;
  const [i, f = ''] = v.split('.');
  return `${i}.${(f + '00').slice(0, 2)}`;
}
