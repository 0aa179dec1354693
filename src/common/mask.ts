import { GraphQLObjectType, defaultFieldResolver, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { PERSONAL_DATA_READERS, type Principal } from './auth';
import type { Context } from './context';
import { PERSONAL_DATA, PERSONAL_JSON_KEYS, type PersonalKind } from './personal-data';

export type { PersonalKind } from './personal-data';

/** `13812341234` → `138****1234`; landlines keep the area code and the last 2 digits. */
export function maskPhone(phone: string): string {
  // A mobile may carry the country code (+86 / 0086) and any separators.
  const mobile = /^(?:0{0,2}86)?(1\d{10})$/.exec(phone.replace(/\D/g, ''));
  if (mobile) return `${mobile[1].slice(0, 3)}****${mobile[1].slice(7)}`;
  const m = /^(0\d{2,3})[-\s]?(\d{5,8})([-\s]\d+)?$/.exec(phone.trim());
  if (m) return `${m[1]}-${'*'.repeat(m[2].length - 2)}${m[2].slice(-2)}`;
  return phone.length <= 2 ? '*'.repeat(phone.length) : `${phone.slice(0, 1)}${'*'.repeat(phone.length - 2)}${phone.slice(-1)}`;
}

/** A natural person's name shortened: `张三丰` → `张**`, `Li Wei` → `L***`. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return name;
  return chars[0] + '*'.repeat(Math.max(1, Math.min(chars.length - 1, 3)));
}

/** `510102199001011234` → `51**************34`. */
export function maskIdNumber(v: string): string {
  return v.length <= 4 ? '****' : `${v.slice(0, 2)}${'*'.repeat(v.length - 4)}${v.slice(-2)}`;
}

// Resident ID numbers (18 digits, the last may be X; or the old 15), mobiles (optionally +86, with
// separators) and landlines with an area code, never inside a longer run of digits or letters.
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<![\d+])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;
// A name right after the words officers write before one: 负责人张三, 联系人：李四, 当事人为王五 …
const NAME_AFTER_CUE =
  /(联系人|负责人|责任人|法定代表人|法人代表|法人|经营者|店主|业主|户主|车主|房东|当事人|被约谈人|约谈对象|检查人员|检查人|复查人|执法人员|姓名|先生|女士)([：:\s]*(?:为|是)?[：:\s]*)([\u4e00-\u9fa5·]{2,4})/g;

/**
 * Free text (descriptions, notes, comments, messages) as a reader without personal-data access
 * sees it: ID numbers, phone numbers, names after a cue word, and the names of persons held by the
 * same record (`knownNames`) are masked; the rest of the text stays readable. A bare name with no
 * cue that the record does not hold cannot be recognised: README "Personal data" says so.
 */
export function maskText(text: string, knownNames: readonly string[] = []): string {
  let out = text.replace(ID_NUMBER, maskIdNumber).replace(MOBILE, maskPhone).replace(LANDLINE, maskPhone);
  // Known names first, whole: a cue-word match might take only part of a long name.
  for (const name of knownNames) if (name && [...name].length >= 2 && out.includes(name)) out = out.split(name).join(maskPersonName(name));
  return out.replace(NAME_AFTER_CUE, (_m, cue: string, sep: string, name: string) => `${cue}${sep}${maskPersonName(name)}`);
}

/** Kinds of the keys of JSON data: every personal field name of the list, plus the JSON-only keys. */
const JSON_KEY_KINDS: Record<string, PersonalKind> = (() => {
  const out: Record<string, PersonalKind> = {};
  for (const fields of Object.values(PERSONAL_DATA)) for (const [k, kind] of Object.entries(fields)) if (kind !== 'json') out[k] = kind;
  return { ...out, ...PERSONAL_JSON_KEYS };
})();

/** JSON data (event details, audit before/after, plans) with every personal key masked and every other string treated as free text. */
export function maskJson(value: unknown, keyKind: PersonalKind = 'text', knownNames: readonly string[] = []): unknown {
  if (typeof value === 'string') return maskValue(keyKind === 'json' ? 'text' : keyKind, value, knownNames);
  if (Array.isArray(value)) return value.map((v) => maskJson(v, keyKind, knownNames));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    // Under a personal key ({ legalRepresentative: { before, after } }) every leaf is masked with its kind.
    for (const [k, v] of Object.entries(value)) out[k] = maskJson(v, keyKind === 'text' || keyKind === 'json' ? JSON_KEY_KINDS[k] ?? 'text' : keyKind, knownNames);
    return out;
  }
  return value;
}

/** The one masking rule: a value of a personal kind as a reader without personal-data access sees it. */
export function maskValue(kind: PersonalKind, value: unknown, knownNames: readonly string[] = []): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value) && kind !== 'json') return value.map((v) => maskValue(kind, v, knownNames));
  if (kind === 'json') return maskJson(value, 'json', knownNames);
  if (typeof value !== 'string' || value === '') return value;
  switch (kind) {
    case 'personName':
      return maskPersonName(value);
    case 'phone':
      return maskPhone(value);
    case 'idNumber':
      return maskIdNumber(value);
    case 'text':
      return maskText(value, knownNames);
  }
}

/** Whether this caller sees personal data as it is (ADMIN, COORDINATOR, AGENCY_OFFICER). */
export function seesPersonalData(p: Principal | null | undefined): boolean {
  return !!p && PERSONAL_DATA_READERS.has(p.role);
}

/** Names of persons a record holds, to mask them where its free text repeats them. */
function namesOn(typeName: string, row: unknown): string[] {
  const fields = PERSONAL_DATA[typeName];
  if (!fields || !row || typeof row !== 'object') return [];
  const out: string[] = [];
  for (const [f, kind] of Object.entries(fields)) {
    if (kind !== 'personName') continue;
    const v = (row as Record<string, unknown>)[f];
    if (typeof v === 'string') out.push(v.trim());
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x.trim());
  }
  return out;
}

/** A row of `typeName` (a plain object, e.g. an export row keyed by field name) masked for this caller. */
export function maskRow<T extends Record<string, unknown>>(typeName: string, row: T, p: Principal | null): T {
  if (seesPersonalData(p)) return row;
  const fields = PERSONAL_DATA[typeName] ?? {};
  const names = namesOn(typeName, row);
  const out: Record<string, unknown> = { ...row };
  for (const [f, kind] of Object.entries(fields)) if (f in out) out[f] = maskValue(kind, out[f], names);
  return out as T;
}

function isPromise(v: unknown): v is Promise<unknown> {
  return typeof (v as Promise<unknown> | null)?.then === 'function';
}

export const MASKED = Symbol('personalDataMask');

/**
 * Applies the personal-data list to the schema: every listed field is masked for callers outside
 * PERSONAL_DATA_READERS, whichever resolver produces it. The build fails when the list names a field
 * the schema does not have (a rename must not silently unmask). Per field, per request: one set lookup
 * for readers; masking work only for the others.
 */
export function maskPersonalFields(schema: GraphQLSchema): void {
  const problems: string[] = [];
  for (const [typeName, fields] of Object.entries(PERSONAL_DATA)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) {
      problems.push(`PERSONAL_DATA names type ${typeName}, which the schema does not have`);
      continue;
    }
    for (const [fieldName, kind] of Object.entries(fields)) {
      const field = type.getFields()[fieldName] as GraphQLField<unknown, Context> | undefined;
      if (!field) {
        problems.push(`PERSONAL_DATA names ${typeName}.${fieldName}, which the schema does not have`);
        continue;
      }
      const inner: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      // Audit before/after are keyed by the audited record's own field names.
      const jsonType = (root: unknown) => (typeName === 'AuditEvent' ? ((root as { entityType?: string }).entityType ?? '') : typeName);
      const masked: GraphQLFieldResolver<unknown, Context> = (root, args, ctx, info) => {
        const value = inner(root, args, ctx, info);
        if (seesPersonalData(ctx.principal)) return value;
        const apply = (v: unknown) => maskValue(kind, v, namesOn(kind === 'json' ? jsonType(root) : typeName, root).concat(namesOn(typeName, root)));
        return isPromise(value) ? value.then(apply) : apply(value);
      };
      (masked as unknown as Record<symbol, PersonalKind>)[MASKED] = kind;
      field.resolve = masked;
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
}
