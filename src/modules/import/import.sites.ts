import { randomUUID } from 'node:crypto';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth';
import type { Context } from '../../common/context';
import { writeScopeViolation } from '../../common/scope';
import { auditView, diff } from '../audit/audit.service';
import { BusinessStatus, CHARGING_SITE_TYPES, RecordStatus, SiteType } from '../registry/registry.enums';
import { Business, Site } from '../registry/registry.entities';
import { CreateSiteInput } from '../registry/registry.inputs';
import { applySitePatch, siteScope } from '../registry/registry.service';
import { resolveDistrict, workshopKey, type DistrictRef } from './import.businesses';
import { enumLabels, type ColumnDef } from './import.columns';
import { AUDIT_COLUMNS, auditCells, copyInto } from './import.copy';
import { ImportProblemCode, ImportRowAction, type ImportProblem } from './import.entities';
import { CellIssue, type Cell } from './import.parse';
import { enumIndex, problemAdder, type HeaderOf } from './import.refs';

/**
 * Sites (场所) from a spreadsheet. The rules are the API's: CreateSiteInput's constraints,
 * applySitePatch's normalisation, the write scope of siteScope, a coordinate pair, charging ports
 * only for parking/charging site types, an operating business that exists and is not archived.
 * A site has no registration number: a row matches a live site by normalised name + address +
 * district (the key unregistered workshops use).
 */

export const SITE_COLUMNS: ColumnDef[] = [
  { field: 'name', header: '名称', aliases: ['场所名称', '小区名称', 'site name'], required: true, note: '必填；最长 200 字', sample: '嘉州花园小区' },
  { field: 'siteType', header: '场所类型', aliases: ['类型', 'type', 'site type', 'sitetype'], required: true, note: '必填；中文名称或代码，见“允许值”表', sample: '居民小区/住宅小区' },
  { field: 'districtCode', header: '区县', aliases: ['区县代码', '所在区县', 'district', 'district code', 'districtcode'], required: true, note: '必填；区县名称或 6 位代码，见“允许值”表', sample: '市中区' },
  { field: 'address', header: '地址', aliases: ['场所地址', 'address'], note: '最长 300 字；与名称、区县一起识别同一场所', sample: '乐山市市中区嘉州大道 88 号' },
  { field: 'operator', header: '管理/运营单位', aliases: ['管理单位', '运营单位', '物业服务企业', 'operator', 'operator business', 'operatorbusiness'], note: '已登记主体的统一社会信用代码或名称；可留空', sample: '' },
  { field: 'chargingPorts', header: '充电端口数', aliases: ['充电端口', 'charging ports', 'chargingports'], note: '整数 0–100000；仅停放充电类场所填写', sample: '24' },
  { field: 'latitude', header: '纬度', aliases: ['latitude', 'lat'], note: 'WGS-84，经纬度须同时填写或同时留空', sample: '29.5521' },
  { field: 'longitude', header: '经度', aliases: ['longitude', 'lng', 'lon'], note: 'WGS-84', sample: '103.7656' },
];

export interface SitePatch {
  name?: string | null;
  siteType?: SiteType;
  districtCode?: string;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  chargingPorts?: number | null;
  /** The operating business as written (USCC or name); resolved against the registry in the second pass. */
  operator?: string | null;
}

export function siteTypeLabels(): Record<string, string> {
  return enumLabels(SiteType);
}

const siteTypeOf = enumIndex(SiteType);

const FIELD_RULES_ZH: Record<string, string> = {
  name: '名称不能为空，最长 200 字',
  siteType: '场所类型不合法',
  districtCode: '区县代码须为 6 位数字',
  address: '地址最长 300 字',
  latitude: '纬度须在 -90 到 90 之间',
  longitude: '经度须在 -180 到 180 之间',
  chargingPorts: '充电端口数须为 0 到 100000 之间的整数',
};


/** First pass, no database: coded values, numbers and CreateSiteInput's constraints. */
export function checkSiteRow(rowNumber: number, cells: Map<string, Cell>, headerOf: HeaderOf, districts: DistrictRef[]): { rowNumber: number; patch: SitePatch | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const patch: SitePatch = {};
  const add = problemAdder(problems, headerOf);
  for (const [field, cell] of cells) {
    if (cell instanceof CellIssue) {
      add(field, ImportProblemCode.FORMULA, cell.messageZh, cell.messageEn);
      continue;
    }
    const v = cell.trim();
    switch (field) {
      case 'siteType': {
        if (!v) break;
        const t = siteTypeOf(v);
        if (!t) add(field, ImportProblemCode.INVALID_REFERENCE, `未知的场所类型“${v}”(见模板“允许值”表)`, `Unknown site type "${v}" (see the template's allowed values)`);
        else patch.siteType = t;
        break;
      }
      case 'districtCode': {
        if (!v) break;
        const code = resolveDistrict(v, districts);
        if (!code) add(field, ImportProblemCode.INVALID_REFERENCE, `没有名为或代码为“${v}”的区县`, `No district named or coded "${v}"`);
        else patch.districtCode = code;
        break;
      }
      case 'latitude':
      case 'longitude':
      case 'chargingPorts': {
        if (!v) {
          patch[field] = null;
          break;
        }
        const n = Number(v);
        if (!Number.isFinite(n)) add(field, ImportProblemCode.VALIDATION, `${headerOf(field)}“${v}”不是数字`, `${field} "${v}" is not a number`);
        else patch[field] = n;
        break;
      }
      case 'name':
      case 'address':
      case 'operator':
        patch[field] = v === '' ? null : v;
        break;
    }
  }
  for (const f of ['name', 'siteType', 'districtCode'] as const) {
    const given = cells.get(f);
    if (typeof given === 'string' && given.trim() === '') add(f, ImportProblemCode.REQUIRED, `${headerOf(f)}为必填项`, `${f} is required`);
  }
  // The API's own input constraints, on the same class.
  const { operator: _operator, ...fields } = patch;
  const input = Object.assign(new CreateSiteInput(), { name: 'x', siteType: SiteType.RESIDENTIAL_COMPOUND, districtCode: '000000' }, fields);
  if (patch.name === null) input.name = 'x';
  for (const f of validateSync(input, { forbidUnknownValues: false, validationError: { target: false, value: false } })) {
    if (problems.some((p) => p.field === f.property)) continue;
    add(f.property, ImportProblemCode.VALIDATION, FIELD_RULES_ZH[f.property] ?? `${f.property} 不合法`, Object.values(f.constraints ?? {}).join('; '));
  }
  return { rowNumber, patch: problems.length ? null : patch, problems };
}

export interface PlannedSite {
  rowNumber: number;
  action: ImportRowAction;
  targetId: string | null;
  patch: SitePatch | null;
  problems: ImportProblem[];
  before?: Site;
  after?: Site;
}

/**
 * Second pass, batch by batch: the operating business (one query per batch, by USCC or exact name
 * among live businesses), duplicates within the file, the live site with the same name + address +
 * district (each district's sites loaded once, FOR UPDATE at commit), the rules on the resulting
 * record and the writer's scope.
 */
export class SitePlanner {
  private readonly seen = new Map<string, number>();
  private readonly byKey = new Map<string, Site[]>();
  private readonly districtsLoaded = new Set<string>();

  constructor(
    private readonly principal: Principal,
    private readonly headerOf: HeaderOf,
    private readonly lock: boolean,
  ) {}

  async plan(em: EntityManager, rows: { rowNumber: number; patch: SitePatch }[]): Promise<PlannedSite[]> {
    const refs = [...new Set(rows.map((r) => r.patch.operator).filter((o): o is string => !!o))];
    const operators = new Map<string, Business[]>();
    if (refs.length) {
      const found = await em
        .getRepository(Business)
        .createQueryBuilder('b')
        .where(`(b.uscc = ANY(:r) OR b.name = ANY(:r)) AND b.status <> :archived`, { r: [...refs, ...refs.map((r) => r.toUpperCase())], archived: BusinessStatus.ARCHIVED })
        .getMany();
      for (const b of found) {
        for (const k of [b.uscc, b.name]) if (k) operators.set(k, [...(operators.get(k) ?? []), b]);
      }
    }
    const newDistricts = [...new Set(rows.map((r) => r.patch.districtCode).filter((d): d is string => !!d && !this.districtsLoaded.has(d)))];
    if (newDistricts.length) {
      const qb = em.getRepository(Site).createQueryBuilder('s').where(`s.status <> :archived AND s.district_code = ANY(:d)`, { archived: RecordStatus.ARCHIVED, d: newDistricts });
      if (this.lock) qb.setLock('pessimistic_write');
      for (const s of await qb.getMany()) {
        const k = workshopKey(s.name, s.address, s.districtCode);
        this.byKey.set(k, [...(this.byKey.get(k) ?? []), s]);
      }
      for (const d of newDistricts) this.districtsLoaded.add(d);
    }

    const out: PlannedSite[] = [];
    for (const { rowNumber, patch } of rows) {
      const problems: ImportProblem[] = [];
      const add = problemAdder(problems, this.headerOf);
      const key = workshopKey(patch.name, patch.address, patch.districtCode);
      const first = this.seen.get(key);
      if (first !== undefined) add('name', ImportProblemCode.DUPLICATE, `名称、地址、区县与第 ${first} 行相同`, `Same name, address and district as line ${first}`);
      else this.seen.set(key, rowNumber);
      const candidates = this.byKey.get(key) ?? [];
      let target: Site | undefined;
      if (candidates.length > 1) {
        add('name', ImportProblemCode.DUPLICATE, `名称、地址、区县与 ${candidates.length} 个已登记场所相同，无法确定对应哪一个`, `Name, address and district match ${candidates.length} existing sites; cannot tell which`);
      } else target = candidates[0];

      const { operator, ...fields } = patch;
      const input: Partial<CreateSiteInput> = { ...fields, name: fields.name ?? undefined };
      if (operator !== undefined) {
        if (operator === null) input.operatorBusinessId = null;
        else {
          const matches = [...new Map([...(operators.get(operator) ?? []), ...(operators.get(operator.toUpperCase()) ?? [])].map((b) => [b.id, b])).values()];
          if (matches.length === 0) add('operator', ImportProblemCode.INVALID_REFERENCE, `没有信用代码或名称为“${operator}”的在册主体`, `No (unarchived) business with USCC or name "${operator}"`);
          else if (matches.length > 1) add('operator', ImportProblemCode.DUPLICATE, `名称为“${operator}”的主体有 ${matches.length} 个，请填写统一社会信用代码`, `${matches.length} businesses are named "${operator}"; give the USCC`);
          else input.operatorBusinessId = matches[0].id;
        }
      }
      const after = target
        ? Object.assign(new Site(), target)
        : Object.assign(new Site(), { status: RecordStatus.ACTIVE, address: null, latitude: null, longitude: null, operatorBusinessId: null, chargingPorts: null, archiveReason: null, version: 1 });
      applySitePatch(after, input);
      if ((after.latitude === null || after.latitude === undefined) !== (after.longitude === null || after.longitude === undefined)) {
        add(after.latitude === null || after.latitude === undefined ? 'latitude' : 'longitude', ImportProblemCode.VALIDATION, '纬度和经度须同时填写或同时不填', 'Give both latitude and longitude, or neither');
      }
      if (after.chargingPorts !== null && after.chargingPorts !== undefined && !CHARGING_SITE_TYPES.has(after.siteType)) {
        add('chargingPorts', ImportProblemCode.VALIDATION, `${siteTypeLabels()[after.siteType] ?? after.siteType}类场所不登记充电端口`, `A ${after.siteType} site does not record charging ports`);
      }
      for (const scope of target ? [target, after] : [after]) {
        const why = writeScopeViolation(this.principal, siteScope(scope));
        if (why) {
          add(null, ImportProblemCode.OUT_OF_SCOPE, '超出您的职责范围(工作组环节或区县)', `Not allowed: ${why}`);
          break;
        }
      }
      if (problems.length) {
        out.push({ rowNumber, action: ImportRowAction.REJECTED, targetId: target?.id ?? null, patch: null, problems });
      } else if (!target) {
        after.id = randomUUID();
        out.push({ rowNumber, action: ImportRowAction.CREATE, targetId: null, patch, problems, after });
      } else if (Object.keys(diff(auditView(target), auditView(after))).length === 0) {
        out.push({ rowNumber, action: ImportRowAction.UNCHANGED, targetId: target.id, patch, problems });
      } else {
        out.push({ rowNumber, action: ImportRowAction.UPDATE, targetId: target.id, patch, problems, before: target, after });
      }
    }
    return out;
  }
}

const SITE_COLUMNS_SQL = ['id', 'site_type', 'name', 'district_code', 'address', 'latitude', 'longitude', 'operator_business_id', 'charging_ports', 'status', 'archive_reason', 'version'];

/** Creates by COPY with their audit rows; updates one by one under their row locks, version + 1. */
export async function writeSites(em: EntityManager, ctx: Context, planned: PlannedSite[]): Promise<void> {
  const creates = planned.filter((p) => p.action === ImportRowAction.CREATE);
  if (creates.length) {
    await copyInto(
      em,
      'site',
      SITE_COLUMNS_SQL,
      creates.map(({ after: s }) => [s!.id, s!.siteType, s!.name, s!.districtCode, s!.address, s!.latitude, s!.longitude, s!.operatorBusinessId, s!.chargingPorts, s!.status, s!.archiveReason, 1]),
    );
    await copyInto(em, 'audit_event', AUDIT_COLUMNS, creates.map((p) => auditCells(ctx, 'Site', p.after!.id, null, auditView(p.after!))));
  }
  const updates = planned.filter((p) => p.action === ImportRowAction.UPDATE);
  for (const p of updates) {
    const before = auditView(p.before!);
    const after = auditView(p.after!);
    const set: Record<string, unknown> = {};
    for (const k of Object.keys(after)) if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) set[k] = after[k];
    const r = await em
      .createQueryBuilder()
      .update(Site)
      .set({ ...set, version: () => 'version + 1' })
      .where('id = :id AND version = :v', { id: p.before!.id, v: p.before!.version })
      .execute();
    if (r.affected !== 1) throw new Error(`site ${p.before!.id} changed under its row lock`);
  }
  if (updates.length) await copyInto(em, 'audit_event', AUDIT_COLUMNS, updates.map((p) => auditCells(ctx, 'Site', p.before!.id, auditView(p.before!), auditView(p.after!))));
}
