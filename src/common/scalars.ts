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

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `v` is not a calendar date YYYY-MM-DD that exists (2026-02-30 does not), or null. */
export function localDateProblem(v: unknown): string | null {
  if (typeof v !== 'string') return 'a calendar date is a string YYYY-MM-DD (日期格式为 YYYY-MM-DD)';
  const m = LOCAL_DATE.exec(v);
  if (!m) return `"${v.slice(0, 40)}" is not a date YYYY-MM-DD (日期格式为 YYYY-MM-DD)`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    return `${v} is not a date that exists (日期不存在)`;
  }
  return null;
}

/**
 * The type checks the shape (a string YYYY-MM-DD); whether that day exists (2026-02-30 does not) is
 * checked by the field's input rule (`IsLocalDate`), so a mutation reports it as a userError naming
 * the field, like every other rule, and a query argument as BAD_USER_INPUT naming the argument.
 */
function parseLocalDate(v: unknown): string {
  if (typeof v !== 'string' || !LOCAL_DATE.test(v)) {
    throw new GraphQLError(localDateProblem(v) ?? 'a calendar date is a string YYYY-MM-DD (日期格式为 YYYY-MM-DD)', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return v;
}

/**
 * A calendar date in Asia/Shanghai (北京时间日历日), `YYYY-MM-DD`, no time and no zone: deadlines,
 * discovery dates, report periods. Values travel as strings; the database column is `date`, read
 * back as a string (never a JS Date, which would shift it by the process's zone).
 */
export const LocalDate = new GraphQLScalarType({
  name: 'LocalDate',
  description: 'A calendar date in Asia/Shanghai, YYYY-MM-DD (日期，北京时间), e.g. "2026-11-30". Not an instant: no time, no zone.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (v) => {
    if (v instanceof Date) {
      // a Date that reached the edge is an instant: its Asia/Shanghai calendar day
      return new Date(v.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    }
    if (typeof v === 'string' && LOCAL_DATE.test(v.slice(0, 10))) return v.slice(0, 10);
    throw new GraphQLError(`LocalDate cannot represent ${String(v).slice(0, 40)}`);
  },
  parseValue: parseLocalDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('LocalDate values are strings YYYY-MM-DD (日期格式为 YYYY-MM-DD)', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseLocalDate(ast.value);
  },
});
