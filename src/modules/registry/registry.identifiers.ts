/**
 * Identifier rules of DOMAIN.md §8: the Unified Social Credit Code (统一社会信用代码, GB 32100-2015),
 * the legacy registration number, CCC certificate numbers and Chinese phone numbers. Pure functions.
 */

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** 3^(i-1) mod 31 for positions 1–17. */
const OUTER_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const INNER_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccProblem =
  | { kind: 'FORMAT'; message: string; messageZh: string }
  | { kind: 'OUTER_CHECK'; message: string; messageZh: string; expected: string };

export interface UsccCheck {
  /** Normalised (trimmed, upper case). */
  value: string;
  /** A hard problem: format (never overridable) or the outer check digit (overridable with a reason). */
  problem: UsccProblem | null;
  /** Soft findings: inner organisation-code check, registration division outside Leshan. */
  warnings: string[];
}

export function usccOuterCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * OUTER_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

/** Check character of the 9-character organisation code (positions 9–17), GB 11714. */
export function organisationCodeCheck(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i];
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55; // A = 10 … Z = 35
    sum += v * INNER_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function checkUscc(raw: string): UsccCheck {
  const value = raw.trim().toUpperCase();
  const warnings: string[] = [];
  if (value.length !== 18) {
    return { value, warnings, problem: { kind: 'FORMAT', messageZh: `统一社会信用代码应为 18 位，现为 ${value.length} 位`, message: `A USCC has 18 characters, this has ${value.length}` } };
  }
  const bad = [...value].find((c) => !USCC_ALPHABET.includes(c));
  if (bad) {
    return { value, warnings, problem: { kind: 'FORMAT', messageZh: `统一社会信用代码中不允许出现“${bad}”（仅限数字和大写字母，不含 I、O、S、V、Z）`, message: `"${bad}" is not allowed in a USCC (no I, O, S, V, Z; digits and capitals only)` } };
  }
  if (!USCC_PATTERN.test(value)) {
    return { value, warnings, problem: { kind: 'FORMAT', messageZh: '统一社会信用代码第 3–8 位应为 6 位行政区划代码', message: 'Positions 3–8 of a USCC are the 6-digit division code' } };
  }
  const expected = usccOuterCheckDigit(value.slice(0, 17));
  const org = value.slice(8, 17);
  if (/^[0-9A-Z]{8}[0-9X]$/.test(org) && organisationCodeCheck(org.slice(0, 8)) !== org[8]) {
    warnings.push(`The organisation code (positions 9–17) fails its own check: expected ${organisationCodeCheck(org.slice(0, 8))} at position 17`);
  }
  if (!value.slice(2, 8).startsWith('5111')) {
    warnings.push(`Registered outside Leshan (division ${value.slice(2, 8)}, Leshan is 5111xx)`);
  }
  if (expected !== value[17]) {
    return {
      value,
      warnings,
      problem: { kind: 'OUTER_CHECK', expected, messageZh: `校验码错误：第 18 位为 ${value[17]}，应为 ${expected}`, message: `Check digit is ${value[17]} but should be ${expected}` },
    };
  }
  return { value, warnings, problem: null };
}

/** 工商注册号: 15 digits, not starting with 0. */
export const LEGACY_REG_NO = /^[1-9]\d{14}$/;

/** CCC certificate number: 16 digits starting with the year of first issue (19xx / 20xx). */
export const CCC_NUMBER = /^(19|20)\d{14}$/;

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const SERVICE = /^[48]00-?\d{3}-?\d{4}$/;

/** Chinese mobile (13812341234), landline (0833-2123456, optional extension) or 400/800 number. */
export function isChinesePhone(raw: string): boolean {
  const v = raw.trim().replace(/\s+/g, '').replace(/^\+86-?/, '');
  return MOBILE.test(v) || LANDLINE.test(v) || SERVICE.test(v);
}

export function normalisePhone(raw: string): string {
  return raw.trim().replace(/\s+/g, '').replace(/^\+86-?/, '');
}
