import type { MiddlewareFn } from 'type-graphql';
import { UseMiddleware } from 'type-graphql';
import { PERSONAL_DATA_READERS } from './auth';
import type { Context } from './context';

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

export type PersonalKind = 'phone' | 'personName' | 'idNumber';

function mask(kind: PersonalKind, v: string): string {
  if (kind === 'phone') return maskPhone(v);
  if (kind === 'personName') return maskPersonName(v);
  return v.length <= 4 ? '****' : `${v.slice(0, 2)}${'*'.repeat(v.length - 4)}${v.slice(-2)}`;
}

const maskers: Record<PersonalKind, MiddlewareFn<Context>> = {} as never;
for (const kind of ['phone', 'personName', 'idNumber'] as PersonalKind[]) {
  maskers[kind] = async ({ context }, next) => {
    const value = await next();
    if (context.principal && PERSONAL_DATA_READERS.has(context.principal.role)) return value;
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' && v ? mask(kind, v) : v));
    return typeof value === 'string' && value ? mask(kind, value) : value;
  };
}

/**
 * Marks a field as personal data (个人信息): roles outside PERSONAL_DATA_READERS (PARTNER_VIEWER,
 * REPORTER) get it masked. Put it on every field that holds a natural person's name or phone.
 */
export function Personal(kind: PersonalKind): PropertyDecorator & MethodDecorator {
  return UseMiddleware(maskers[kind]) as PropertyDecorator & MethodDecorator;
}
