import { LocalDate } from './scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, MaxLength, MinLength, ArrayMaxSize } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import { IsLocalDate } from './validation';

/**
 * Typed filter operators shared by every list. Each `apply*` adds one condition per operator that
 * is set, with parameters named uniquely so that filters compose.
 */

@InputType({ description: 'Text filter (文本筛选). All set operators must hold.' })
export class StringFilter {
  @Field({ nullable: true, description: 'Equals (等于).' })
  @IsOptional()
  @MaxLength(500)
  eq?: string;

  @Field(() => [String], { nullable: true, description: 'One of (属于).' })
  @IsOptional()
  @ArrayMaxSize(1000)
  in?: string[];

  @Field({ nullable: true, description: 'Contains, case-insensitive; works for Chinese (包含).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  contains?: string;

  @Field({ nullable: true, description: 'Starts with, case-insensitive (开头为).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  startsWith?: string;

  @Field({ nullable: true, description: 'true: value is empty; false: value is present (是否为空).' })
  @IsOptional()
  isNull?: boolean;
}

@InputType({ description: 'Identifier filter (ID筛选).' })
export class IdFilter {
  @Field(() => ID, { nullable: true, description: 'Equals (等于).' })
  @IsOptional()
  eq?: string;

  @Field(() => [ID], { nullable: true, description: 'One of (属于).' })
  @IsOptional()
  @ArrayMaxSize(1000)
  in?: string[];

  @Field({ nullable: true, description: 'true: not set; false: set (是否为空).' })
  @IsOptional()
  isNull?: boolean;
}

@InputType({ description: 'Integer filter (整数筛选).' })
export class IntFilter {
  @Field(() => Int, { nullable: true, description: 'Equal to (等于).' }) @IsOptional() eq?: number;
  @Field(() => [Int], { nullable: true, description: 'One of (属于其一), at most 1,000.' }) @IsOptional() @ArrayMaxSize(1000) in?: number[];
  @Field(() => Int, { nullable: true, description: 'Less than (小于).' }) @IsOptional() lt?: number;
  @Field(() => Int, { nullable: true, description: 'At most (不大于).' }) @IsOptional() lte?: number;
  @Field(() => Int, { nullable: true, description: 'Greater than (大于).' }) @IsOptional() gt?: number;
  @Field(() => Int, { nullable: true, description: 'At least (不小于).' }) @IsOptional() gte?: number;
}

@InputType({ description: 'Yes/no filter (是否筛选).' })
export class BooleanFilter {
  @Field({ nullable: true, description: 'Equals (等于).' })
  @IsOptional()
  eq?: boolean;
}


@InputType({
  description:
    'Inclusive range of Asia/Shanghai calendar dates, YYYY-MM-DD (日期范围，北京时间). For a timestamp column, `to` includes the whole day.',
})
export class DateRangeFilter {
  @Field(() => LocalDate, { nullable: true, description: 'First day, inclusive (起始日期).' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day, inclusive (截止日期).' })
  @IsOptional()
  @IsLocalDate()
  to?: string;
}

export interface EnumFilterShape<E> {
  eq?: E;
  in?: E[];
  notIn?: E[];
}

const enumFilters = new Map<string, unknown>();

/** `<Enum>Filter` input for an enum registered with type-graphql; one class per enum, shared by every list. */
export function EnumFilter<E extends string>(enumObj: object, name: string, label: string) {
  if (enumFilters.has(name)) return enumFilters.get(name) as ReturnType<typeof makeEnumFilter<E>>;
  const F = makeEnumFilter<E>(enumObj, name, label);
  enumFilters.set(name, F);
  return F;
}

function makeEnumFilter<E extends string>(enumObj: object, name: string, label: string) {
  @InputType(`${name}Filter`, { description: `${label} filter.` })
  class F implements EnumFilterShape<E> {
    @Field(() => enumObj, { nullable: true, description: 'Equals (等于).' })
    @IsOptional()
    eq?: E;

    @Field(() => [enumObj], { nullable: true, description: 'One of (属于).' })
    @IsOptional()
    in?: E[];

    @Field(() => [enumObj], { nullable: true, description: 'None of (不属于).' })
    @IsOptional()
    notIn?: E[];
  }
  return F;
}

/** Unique parameter names within one query builder. */
let paramSeq = 0;
function p(): string {
  paramSeq = (paramSeq + 1) % 1_000_000_000;
  return `f${paramSeq}`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Where = SelectQueryBuilder<ObjectLiteral> | WhereExpressionBuilder;

export function applyStringFilter(qb: Where, expr: string, f?: StringFilter | null): void {
  if (!f) return;
  if (f.eq !== undefined && f.eq !== null) { const n = p(); qb.andWhere(`${expr} = :${n}`, { [n]: f.eq }); }
  if (f.in) { const n = p(); qb.andWhere(`${expr} = ANY(:${n})`, { [n]: f.in }); }
  if (f.contains) { const n = p(); qb.andWhere(`${expr} ILIKE :${n}`, { [n]: `%${escapeLike(f.contains)}%` }); }
  if (f.startsWith) { const n = p(); qb.andWhere(`${expr} ILIKE :${n}`, { [n]: `${escapeLike(f.startsWith)}%` }); }
  if (f.isNull !== undefined && f.isNull !== null) qb.andWhere(`${expr} IS ${f.isNull ? '' : 'NOT '}NULL`);
}

export function applyIdFilter(qb: Where, expr: string, f?: IdFilter | null): void {
  if (!f) return;
  if (f.eq) { const n = p(); qb.andWhere(`${expr} = :${n}`, { [n]: f.eq }); }
  if (f.in) { const n = p(); qb.andWhere(`${expr} = ANY(:${n}::uuid[])`, { [n]: f.in }); }
  if (f.isNull !== undefined && f.isNull !== null) qb.andWhere(`${expr} IS ${f.isNull ? '' : 'NOT '}NULL`);
}

export function applyIntFilter(qb: Where, expr: string, f?: IntFilter | null): void {
  if (!f) return;
  const ops: [keyof IntFilter, string][] = [['eq', '='], ['lt', '<'], ['lte', '<='], ['gt', '>'], ['gte', '>=']];
  for (const [k, op] of ops) {
    const v = f[k];
    if (v !== undefined && v !== null) { const n = p(); qb.andWhere(`${expr} ${op} :${n}`, { [n]: v }); }
  }
  if (f.in) { const n = p(); qb.andWhere(`${expr} = ANY(:${n}::int[])`, { [n]: f.in }); }
}

export function applyBooleanFilter(qb: Where, expr: string, f?: BooleanFilter | null): void {
  if (f?.eq === undefined || f.eq === null) return;
  const n = p();
  qb.andWhere(`${expr} = :${n}`, { [n]: f.eq });
}

/**
 * For an array column pass `arrayOf`, the PostgreSQL enum type of its elements: the array contains
 * the value (`@>`), any of the values (`&&`) or none of them, compared as a typed array so that the
 * column's GIN index serves it.
 */
export function applyEnumFilter<E extends string>(qb: Where, expr: string, f?: EnumFilterShape<E> | null, opts: { arrayOf?: string } = {}): void {
  if (!f) return;
  if (opts.arrayOf) {
    const t = opts.arrayOf;
    if (f.eq) { const n = p(); qb.andWhere(`${expr} @> CAST(:${n} AS ${t}[])`, { [n]: [f.eq] }); }
    if (f.in) { const n = p(); qb.andWhere(`${expr} && CAST(:${n} AS ${t}[])`, { [n]: f.in }); }
    if (f.notIn?.length) { const n = p(); qb.andWhere(`NOT (${expr} && CAST(:${n} AS ${t}[]))`, { [n]: f.notIn }); }
    return;
  }
  if (f.eq) { const n = p(); qb.andWhere(`${expr} = :${n}`, { [n]: f.eq }); }
  if (f.in) { const n = p(); qb.andWhere(f.in.length ? `${expr} IN (:...${n})` : 'FALSE', { [n]: f.in }); }
  if (f.notIn?.length) { const n = p(); qb.andWhere(`${expr} NOT IN (:...${n})`, { [n]: f.notIn }); }
}

/**
 * Date range on an Asia/Shanghai calendar. For a `date` column compare directly; for a timestamptz
 * column, `from` starts at 00:00 Shanghai time and `to` ends before the next day's 00:00.
 */
export function applyDateRange(qb: Where, expr: string, f: DateRangeFilter | null | undefined, kind: 'date' | 'timestamptz'): void {
  if (!f) return;
  if (f.from) {
    const n = p();
    qb.andWhere(kind === 'date' ? `${expr} >= CAST(:${n} AS date)` : `${expr} >= (CAST(:${n} AS date)::timestamp AT TIME ZONE 'Asia/Shanghai')`, { [n]: f.from });
  }
  if (f.to) {
    const n = p();
    qb.andWhere(
      kind === 'date' ? `${expr} <= CAST(:${n} AS date)` : `${expr} < ((CAST(:${n} AS date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      { [n]: f.to },
    );
  }
}
