import type { EntityManager } from 'typeorm';
import { BusinessStatus, RecordStatus } from '../registry/registry.enums';
import { Business, ProductModel } from '../registry/registry.entities';
import { enumLabels } from './import.columns';
import { ImportProblemCode, type ImportProblem } from './import.entities';

/**
 * What the imports share: row problems, coded values by Chinese name or code, dates as spreadsheets
 * write them, and businesses and product models named in a row.
 */

/** Loose comparison of names and codes: Unicode NFKC, white space and brackets removed, lower case. */
export const squash = (s: string) => s.normalize('NFKC').replace(/[\s()/（）]/g, '').toLowerCase();

/** Normalised brand or model designation: NFKC, white space removed, lower case (the matching key). */
export const normName = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export type HeaderOf = (field: string) => string | null;

export const problem = (column: string | null, field: string | null, code: ImportProblemCode, message: string, messageEn: string): ImportProblem => ({ column, field, code, message, messageEn });

/** Adds a row's problems to `problems`, each under the header its field has in the file. */
export const problemAdder =
  (problems: ImportProblem[], headerOf: HeaderOf) =>
  (field: string | null, code: ImportProblemCode, zh: string, en: string): void => {
    problems.push(problem(field ? headerOf(field) : null, field, code, zh, en));
  };

/**
 * A lookup of a type-graphql enum by code, by its Chinese label (and each part of a label with "/"),
 * and by extra names.
 */
export function enumIndex<T extends string>(enumObj: Record<string, T>, extra: Record<string, T> = {}): (v: string) => T | undefined {
  let index: Map<string, T> | undefined;
  return (v: string) => {
    if (!index) {
      index = new Map();
      const labels = enumLabels(enumObj);
      for (const t of Object.values(enumObj)) {
        index.set(squash(t), t);
        const label = labels[t];
        if (!label) continue;
        index.set(squash(label), t);
        for (const part of label.split('/')) index.set(squash(part), t);
      }
      for (const [name, t] of Object.entries(extra)) index.set(squash(name), t);
    }
    return index.get(squash(v));
  };
}

/**
 * A date as spreadsheets write it — 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, or an Excel date
 * cell (its serial number, 20000–80000) — as YYYY-MM-DD; whether the day exists is the input class's check
 * (IsLocalDate). Null when the text is no date at all.
 */
export function parseDate(v: string): string | null {
  // The streaming reader leaves styles alone, so an Excel date cell arrives as its serial number (days since 1899-12-30).
  const serial = /^(\d{5})(\.\d+)?$/.exec(v.trim());
  if (serial && +serial[1] >= 20000 && +serial[1] <= 80000) return new Date(Date.UTC(1899, 11, 30) + +serial[1] * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v.normalize('NFKC').trim());
  if (!m) return null;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** Live businesses by USCC or exact name, for the references of a batch (one query). */
export async function businessesByRef(em: EntityManager, refs: Iterable<string | null | undefined>): Promise<(ref: string) => Business[]> {
  const list = [...new Set([...refs].filter((r): r is string => !!r))];
  const byKey = new Map<string, Business[]>();
  if (list.length) {
    const found = await em
      .getRepository(Business)
      .createQueryBuilder('b')
      .where(`(b.uscc = ANY(:r) OR b.name = ANY(:r)) AND b.status <> :archived`, { r: [...list, ...list.map((r) => r.toUpperCase())], archived: BusinessStatus.ARCHIVED })
      .getMany();
    for (const b of found) for (const k of [b.uscc, b.name]) if (k) byKey.set(k, [...(byKey.get(k) ?? []), b]);
  }
  return (ref: string) => [...new Map([...(byKey.get(ref) ?? []), ...(byKey.get(ref.toUpperCase()) ?? [])].map((b) => [b.id, b])).values()];
}

/** The one live business a cell names, or the problem (none, or a name several share). */
export function oneBusiness(matches: Business[], ref: string): { business?: Business; code?: ImportProblemCode; zh?: string; en?: string } {
  if (matches.length === 1) return { business: matches[0] };
  if (matches.length === 0) return { code: ImportProblemCode.INVALID_REFERENCE, zh: `没有信用代码或名称为“${ref}”的在册主体`, en: `No (unarchived) business with USCC or name "${ref}"` };
  return { code: ImportProblemCode.DUPLICATE, zh: `名称为“${ref}”的主体有 ${matches.length} 个，请填写统一社会信用代码`, en: `${matches.length} businesses are named "${ref}"; give the USCC` };
}

/** Live product models by normalised brand + model (one query per batch); `lock` takes them FOR UPDATE. */
export async function modelsByName(em: EntityManager, pairs: { brand: string; model: string }[], lock: boolean): Promise<Map<string, ProductModel[]>> {
  const out = new Map<string, ProductModel[]>();
  const brands = [...new Set(pairs.map((p) => normName(p.brand)))];
  const models = [...new Set(pairs.map((p) => normName(p.model)))];
  if (!brands.length) return out;
  const qb = em
    .getRepository(ProductModel)
    .createQueryBuilder('m')
    .where(`m.status = :active`, { active: RecordStatus.ACTIVE })
    .andWhere(`lower(regexp_replace(normalize(m.brand, NFKC), '\\s+', '', 'g')) = ANY(:brands)`, { brands })
    .andWhere(`lower(regexp_replace(normalize(m.model, NFKC), '\\s+', '', 'g')) = ANY(:models)`, { models });
  if (lock) qb.setLock('pessimistic_write');
  for (const m of await qb.getMany()) {
    const k = `${normName(m.brand)}|${normName(m.model)}`;
    out.set(k, [...(out.get(k) ?? []), m]);
  }
  return out;
}

/** Map a class-validator failure list to row problems, skipping fields that already have one. */
export function constraintProblems(
  failures: { property: string; constraints?: Record<string, string> }[],
  problems: ImportProblem[],
  add: (field: string, code: ImportProblemCode, zh: string, en: string) => void,
  fieldOf: (property: string) => string,
  rulesZh: Record<string, string>,
): void {
  for (const f of failures) {
    const field = fieldOf(f.property);
    if (problems.some((p) => p.field === field)) continue;
    add(field, ImportProblemCode.VALIDATION, rulesZh[f.property] ?? `${f.property} 不合法`, Object.values(f.constraints ?? {}).join('; '));
  }
}
