import { randomUUID } from 'node:crypto';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { Role, type Principal } from '../../common/auth';
import { writeScopeViolation } from '../../common/scope';
import { auditView, diff } from '../audit/audit.service';
import { BusinessStatus, BusinessType, stagesOfTypes } from '../registry/registry.enums';
import { Business } from '../registry/registry.entities';
import { checkUscc } from '../registry/registry.identifiers';
import { CreateBusinessInput } from '../registry/registry.inputs';
import { applyBusinessPatch, type BusinessPatch } from '../registry/registry.service';
import { enumLabels, type ColumnDef } from './import.columns';
import { ImportProblemCode, ImportRowAction, type ImportProblem } from './import.entities';
import { CellIssue, type Cell } from './import.parse';
import { enumIndex, problemAdder, squash, type HeaderOf } from './import.refs';

/**
 * Businesses from a spreadsheet. The rules are the API's: the input class's class-validator
 * constraints (lengths, phone, legacy number, coordinates), the USCC rules of registry.identifiers,
 * the write scope of common/scope, and applyBusinessPatch for normalisation. Only what a form
 * cannot have — coded columns in Chinese, duplicates within the file, matching existing records —
 * is added here.
 */

export const BUSINESS_COLUMNS: ColumnDef[] = [
  { field: 'uscc', header: '统一社会信用代码', aliases: ['社会信用代码', '信用代码', 'USCC', 'unified social credit code'], note: '18 位；无照经营的黑作坊可留空', sample: '91511102MA62A1B2C3' },
  { field: 'name', header: '名称', aliases: ['主体名称', '企业名称', '单位名称', 'business name'], required: true, note: '必填；最长 200 字', sample: '乐山市示例电动车销售有限公司' },
  { field: 'types', header: '主体类型', aliases: ['类型', 'type', 'business types'], required: true, note: '必填；中文名称或代码，多个用“、”分隔，见“允许值”表', sample: '销售门店/经营网点、维修店铺' },
  { field: 'districtCode', header: '区县', aliases: ['区县代码', '所在区县', 'district', 'district code', 'districtcode'], required: true, note: '必填；区县名称或 6 位代码，见“允许值”表', sample: '市中区' },
  { field: 'address', header: '地址', aliases: ['经营地址', '住所', 'address'], note: '最长 300 字', sample: '乐山市市中区嘉定北路 1 号' },
  { field: 'legalRepresentative', header: '法定代表人/经营者', aliases: ['法定代表人', '经营者', '负责人', 'legal representative', 'legalrepresentative'], note: '最长 100 字', sample: '张三' },
  { field: 'contactPhone', header: '联系电话', aliases: ['电话', '手机', 'phone', 'contact phone', 'contactphone'], note: '手机号或固定电话(0833-2123456)', sample: '13812341234' },
  { field: 'status', header: '主体状态', aliases: ['状态', 'status'], note: '在营(默认)、停业/停产、关闭/注销', sample: '在营' },
  { field: 'legacyRegNo', header: '工商注册号', aliases: ['注册号', 'legacy registration number', 'legacyregno'], note: '15 位数字，不以 0 开头', sample: '' },
  { field: 'latitude', header: '纬度', aliases: ['latitude', 'lat'], note: 'WGS-84，经纬度须同时填写或同时留空', sample: '29.5521' },
  { field: 'longitude', header: '经度', aliases: ['longitude', 'lng', 'lon'], note: 'WGS-84', sample: '103.7656' },
  { field: 'usccOverrideReason', header: '校验码例外说明', aliases: ['usccoverridereason', 'uscc override reason'], note: '仅当信用代码校验码不符但确属有效(如早期试点代码)时填写；仅协调员可用', sample: '' },
];

/** DOMAIN.md §3.1 names, accepted beside the schema's labels and the codes. */
const DOMAIN_TYPE_NAMES: Record<BusinessType, string> = {
  VEHICLE_MANUFACTURER: '整车生产企业',
  BATTERY_CELL_MANUFACTURER: '单体电池(电芯)生产企业',
  BATTERY_PACK_MANUFACTURER: '锂离子蓄电池(电池组)生产企业',
  LEAD_ACID_BATTERY_MANUFACTURER: '铅蓄电池生产企业',
  CHARGER_MANUFACTURER: '充电器生产企业',
  PARTS_MANUFACTURER: '零部件(控制器/电机/限速器)生产企业',
  IMPORTER: '进口商',
  DISTRIBUTOR: '经销商/批发商',
  RETAIL_STORE: '销售门店/经营网点',
  SALES_REPAIR_STORE: '销售维修一体店',
  REPAIR_SHOP: '维修店铺',
  BATTERY_SHOP: '蓄电池经销/更换网点',
  ECOMMERCE_SELLER: '网店/直播带货主体',
  ECOMMERCE_PLATFORM: '电商平台',
  ILLEGAL_WORKSHOP: '黑作坊/窝点',
  DELIVERY_ENTERPRISE: '即时配送/快递/外卖企业',
  SHARED_EBIKE_OPERATOR: '互联网租赁电动自行车企业',
  CHARGING_OPERATOR: '充电设施运营企业',
  SWAP_CABINET_OPERATOR: '换电柜/充换电柜运营企业',
  PROPERTY_MANAGER: '物业服务企业/管理单位',
  RECYCLER: '再生资源回收企业/回收网点',
  SCRAPPING_ENTERPRISE: '报废机动车回收拆解企业',
  HAZWASTE_LICENSEE: '危险废物经营许可单位',
  BATTERY_TEST_RECYCLE_POINT: '老旧锂电池检测回收站点',
};


let typeIndex: Map<string, BusinessType> | undefined;

/** Chinese labels as the schema (and so the export) writes them. */
export function businessTypeLabels(): Record<string, string> {
  return enumLabels(BusinessType);
}
export function businessStatusLabels(): Record<string, string> {
  return enumLabels(BusinessStatus);
}

function typeByName(): Map<string, BusinessType> {
  if (!typeIndex) {
    typeIndex = new Map();
    const labels = businessTypeLabels();
    for (const t of Object.values(BusinessType)) {
      for (const name of [t, labels[t], DOMAIN_TYPE_NAMES[t]]) if (name) typeIndex.set(squash(name), t);
    }
  }
  return typeIndex;
}

const statusOf = enumIndex(BusinessStatus);

export interface DistrictRef {
  code: string;
  name: string;
}

/** A district by 6-digit code or by name (市中区, also without its 区/县/市 suffix). */
export function resolveDistrict(value: string, districts: DistrictRef[]): string | null {
  const v = value.normalize('NFKC').replace(/\s+/g, '');
  if (/^\d{6}$/.test(v)) return districts.some((d) => d.code === v) ? v : null;
  const exact = districts.find((d) => d.name === v);
  if (exact) return exact.code;
  const prefix = districts.filter((d) => v.length >= 2 && d.name.startsWith(v));
  return prefix.length === 1 ? prefix[0].code : null;
}

/** Normalised name + address + district: how an unregistered workshop (no USCC) is recognised again. */
export function workshopKey(name: string | null | undefined, address: string | null | undefined, districtCode: string | null | undefined): string {
  const n = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return `${n(name)}|${n(address)}|${districtCode ?? ''}`;
}

/** Chinese explanation per input field, for class-validator failures (its own messages are English). */
const FIELD_RULES_ZH: Record<string, string> = {
  uscc: '统一社会信用代码过长',
  usccOverrideReason: '校验码例外说明不能为空白，最长 500 字',
  legacyRegNo: '工商注册号须为 15 位数字且不以 0 开头',
  address: '地址最长 300 字',
  latitude: '纬度须在 -90 到 90 之间',
  longitude: '经度须在 -180 到 180 之间',
  legalRepresentative: '法定代表人/经营者不能为空白，最长 100 字',
  contactPhone: '联系电话须为手机号(如 13812341234)或固定电话(如 0833-2123456)',
  name: '名称不能为空，最长 200 字',
  types: '主体类型至少一个、不能重复、最多 10 个',
  districtCode: '区县代码须为 6 位数字',
  status: '主体状态不合法',
};

export interface CheckedRow {
  rowNumber: number;
  patch: BusinessPatch | null;
  problems: ImportProblem[];
}



/**
 * First pass, no database: coded values, formats and the input class's constraints. Columns that
 * are absent leave the record's field as it is; a blank cell in a present column clears it.
 */
export function checkBusinessRow(rowNumber: number, cells: Map<string, Cell>, headerOf: HeaderOf, districts: DistrictRef[]): CheckedRow {
  const problems: ImportProblem[] = [];
  const patch: Record<string, unknown> = {};
  const add = problemAdder(problems, headerOf);

  for (const [field, cell] of cells) {
    if (cell instanceof CellIssue) {
      add(field, ImportProblemCode.FORMULA, cell.messageZh, cell.messageEn);
      continue;
    }
    const v = cell.trim();
    switch (field) {
      case 'types': {
        if (!v) break;
        const out: BusinessType[] = [];
        for (const part of v.split(/[、,，;；\n|]+/).map((s) => s.trim()).filter(Boolean)) {
          const t = typeByName().get(squash(part));
          if (!t) add(field, ImportProblemCode.INVALID_REFERENCE, `未知的主体类型“${part}”(见模板“允许值”表)`, `Unknown business type "${part}" (see the template's allowed values)`);
          else out.push(t);
        }
        patch.types = out;
        break;
      }
      case 'districtCode': {
        if (!v) break;
        const code = resolveDistrict(v, districts);
        if (!code) add(field, ImportProblemCode.INVALID_REFERENCE, `没有名为或代码为“${v}”的区县`, `No district named or coded "${v}"`);
        else patch.districtCode = code;
        break;
      }
      case 'status': {
        if (!v) break;
        const s = statusOf(v);
        if (!s) add(field, ImportProblemCode.INVALID_REFERENCE, `未知的主体状态“${v}”，可填：在营、停业/停产、关闭/注销`, `Unknown status "${v}"; use ACTIVE, SUSPENDED or CLOSED`);
        else if (s === BusinessStatus.ARCHIVED) add(field, ImportProblemCode.VALIDATION, '导入不能归档主体；请用归档功能并填写原因', 'An import does not archive; use archiveBusiness, which records a reason');
        else patch.status = s;
        break;
      }
      case 'latitude':
      case 'longitude': {
        if (!v) {
          patch[field] = null;
          break;
        }
        const n = Number(v);
        if (!Number.isFinite(n)) add(field, ImportProblemCode.VALIDATION, `${field === 'latitude' ? '纬度' : '经度'}“${v}”不是数字`, `${field} "${v}" is not a number`);
        else patch[field] = n;
        break;
      }
      case 'uscc':
        patch.uscc = v ? v.toUpperCase() : null;
        break;
      case 'contactPhone':
      case 'legacyRegNo':
      case 'address':
      case 'legalRepresentative':
      case 'usccOverrideReason':
      case 'name':
        patch[field] = v === '' ? null : v;
        break;
    }
  }

  for (const f of ['name', 'types', 'districtCode'] as const) {
    const given = cells.get(f);
    if (typeof given === 'string' && given.trim() === '') {
      add(f, ImportProblemCode.REQUIRED, `${headerOf(f)}为必填项`, `${f} is required`);
    }
  }

  // The API's own input constraints, on the same class.
  const input = Object.assign(new CreateBusinessInput(), {
    name: patch.name ?? 'x',
    types: patch.types ?? [BusinessType.RETAIL_STORE],
    districtCode: patch.districtCode ?? '000000',
    ...Object.fromEntries(Object.entries(patch).filter(([k]) => !['name', 'types', 'districtCode'].includes(k))),
  });
  if (patch.name === null) input.name = 'x';
  const failures = validateSync(input, { forbidUnknownValues: false, validationError: { target: false, value: false } });
  for (const f of failures) {
    if (problems.some((p) => p.field === f.property)) continue;
    add(f.property, ImportProblemCode.VALIDATION, FIELD_RULES_ZH[f.property] ?? `${f.property} 不合法`, Object.values(f.constraints ?? {}).join('; '));
  }

  if (typeof patch.uscc === 'string') {
    const check = checkUscc(patch.uscc);
    patch.uscc = check.value;
    if (check.problem?.kind === 'FORMAT') {
      add('uscc', ImportProblemCode.VALIDATION, `统一社会信用代码格式错误：须为 18 位，由数字和大写字母组成(不含 I、O、S、V、Z)`, check.problem.message);
    } else if (!check.problem && patch.usccOverrideReason) {
      add('usccOverrideReason', ImportProblemCode.VALIDATION, '信用代码校验码正确，无需填写例外说明', 'The USCC passes its check digit: no override reason is needed');
    }
  }
  const lat = patch.latitude;
  const lng = patch.longitude;
  if ((lat === undefined) !== (lng === undefined) || ((lat === null) !== (lng === null) && lat !== undefined && lng !== undefined)) {
    add(lat === null || lat === undefined ? 'latitude' : 'longitude', ImportProblemCode.VALIDATION, '经纬度须同时填写或同时留空', 'Give both latitude and longitude, or neither');
  }
  return { rowNumber, patch: problems.length ? null : (patch as BusinessPatch), problems };
}

export interface PlannedRow {
  rowNumber: number;
  action: ImportRowAction;
  targetId: string | null;
  patch: BusinessPatch | null;
  problems: ImportProblem[];
  /** The record before (updates) and after (creates and updates), for the write and its audit row. */
  before?: Business;
  after?: Business;
}

function blankBusiness(): Business {
  return Object.assign(new Business(), {
    status: BusinessStatus.ACTIVE,
    usccOverrideReason: null,
    uscc: null,
    legacyRegNo: null,
    address: null,
    latitude: null,
    longitude: null,
    legalRepresentative: null,
    contactPhone: null,
    archiveReason: null,
    version: 1,
  });
}

/**
 * Second pass, against the database, batch by batch (one query per batch for the USCCs in it, the
 * unregistered workshops of a district loaded once): duplicates within the file (remembered across
 * batches), matching existing records (by USCC, else by name + address + district among businesses
 * without one), the check-digit override, the writer's scope, and what would change. `lock` takes
 * the matched rows FOR UPDATE (the commit runs this again inside its transaction).
 */
export class BusinessPlanner {
  private readonly seenUscc = new Map<string, number>();
  /** Workshop key → first row with it, and whether that row gave a USCC. */
  private readonly seenKey = new Map<string, { row: number; uscc: boolean }>();
  /** Existing business → the row that updates it (two rows may not land on one record). */
  private readonly claimed = new Map<string, number>();
  private readonly workshops = new Map<string, Business[]>();
  private readonly districtsLoaded = new Set<string>();

  constructor(
    private readonly principal: Principal,
    private readonly headerOf: HeaderOf,
    private readonly lock: boolean,
  ) {}

  async plan(em: EntityManager, rows: { rowNumber: number; patch: BusinessPatch }[]): Promise<PlannedRow[]> {
    const { principal, headerOf, lock, seenUscc, seenKey } = this;
    const usccs = [...new Set(rows.map((r) => r.patch.uscc).filter((u): u is string => !!u))];
    const byUscc = new Map<string, Business>();
    for (let i = 0; i < usccs.length; i += 5000) {
      const qb = em.getRepository(Business).createQueryBuilder('b').where(`b.uscc = ANY(:u) AND b.status <> 'ARCHIVED'`, { u: usccs.slice(i, i + 5000) });
      if (lock) qb.setLock('pessimistic_write');
      for (const b of await qb.getMany()) byUscc.set(b.uscc!, b);
    }
    const byKey = this.workshops;
    const newDistricts = [...new Set(rows.filter((r) => !r.patch.uscc || !byUscc.has(r.patch.uscc)).map((r) => r.patch.districtCode).filter((d): d is string => !!d && !this.districtsLoaded.has(d)))];
    if (newDistricts.length) {
      const qb = em.getRepository(Business).createQueryBuilder('b').where(`b.uscc IS NULL AND b.status <> 'ARCHIVED' AND b.district_code = ANY(:d)`, { d: newDistricts });
      if (lock) qb.setLock('pessimistic_write');
      for (const b of await qb.getMany()) {
        const k = workshopKey(b.name, b.address, b.districtCode);
        byKey.set(k, [...(byKey.get(k) ?? []), b]);
      }
      for (const d of newDistricts) this.districtsLoaded.add(d);
    }
    const out: PlannedRow[] = [];
    const elevated = principal.role === Role.ADMIN || principal.role === Role.COORDINATOR;
    for (const { rowNumber, patch } of rows) {
      const problems: ImportProblem[] = [];
      const add = problemAdder(problems, headerOf);
      const key = workshopKey(patch.name, patch.address, patch.districtCode);
      const sameBusiness = (first: number) =>
        add('name', ImportProblemCode.DUPLICATE, `与第 ${first} 行是同一主体(名称、地址、区县相同)；同一主体在文件中只能出现一次`, `The same business as line ${first} (same name, address and district); a business may appear once in a file`);
      const earlier = seenKey.get(key);
      if (patch.uscc) {
        const first = seenUscc.get(patch.uscc);
        if (first !== undefined) add('uscc', ImportProblemCode.DUPLICATE, `统一社会信用代码与第 ${first} 行重复`, `The USCC repeats line ${first}`);
        else seenUscc.set(patch.uscc, rowNumber);
        // A workshop without a USCC on an earlier line and with one here: the same business twice.
        if (first === undefined && earlier && !earlier.uscc) sameBusiness(earlier.row);
      } else if (earlier) {
        if (earlier.uscc) sameBusiness(earlier.row);
        else add('name', ImportProblemCode.DUPLICATE, `无信用代码的主体与第 ${earlier.row} 行名称、地址、区县相同`, `Same name, address and district as line ${earlier.row}, without a USCC`);
      }
      if (!earlier) seenKey.set(key, { row: rowNumber, uscc: !!patch.uscc });
      let target: Business | undefined = patch.uscc ? byUscc.get(patch.uscc) : undefined;
      if (!target) {
        const candidates = byKey.get(key) ?? [];
        if (candidates.length > 1) {
          add('name', ImportProblemCode.DUPLICATE, `名称、地址、区县与 ${candidates.length} 个已登记主体相同，无法确定对应哪一个`, `Name, address and district match ${candidates.length} existing businesses; cannot tell which`);
        } else target = candidates[0];
      }
      // Two rows matching one existing business (e.g. two new USCCs for one workshop): the later one is a duplicate.
      const claimedBy = target ? this.claimed.get(target.id) : undefined;
      if (claimedBy !== undefined && !problems.some((p) => p.code === ImportProblemCode.DUPLICATE)) sameBusiness(claimedBy);

      const after = target ? Object.assign(new Business(), target) : blankBusiness();
      applyBusinessPatch(after, patch);
      if (after.uscc) {
        const check = checkUscc(after.uscc);
        if (check.problem?.kind === 'OUTER_CHECK') {
          const reason = patch.usccOverrideReason !== undefined ? patch.usccOverrideReason : target?.usccOverrideReason ?? null;
          if (!reason) add('uscc', ImportProblemCode.CHECK_DIGIT, `统一社会信用代码校验码错误：第 18 位应为 ${check.problem.expected}；确属有效的由协调员填写“校验码例外说明”`, `${check.problem.message}; a coordinator may accept it with usccOverrideReason`);
          else if (!elevated && patch.usccOverrideReason) add('usccOverrideReason', ImportProblemCode.CHECK_DIGIT, '只有协调员可以接受校验码不符的信用代码', `${check.problem.message}; only a coordinator may accept a failing check digit`);
          else after.usccOverrideReason = reason;
        }
      }
      for (const scope of target ? [target, after] : [after]) {
        const why = writeScopeViolation(principal, { stages: stagesOfTypes(scope.types), districtCode: scope.districtCode });
        if (why) {
          add(null, ImportProblemCode.OUT_OF_SCOPE, '超出您的职责范围(工作组环节或区县)', `Not allowed: ${why}`);
          break;
        }
      }
      if (problems.length) {
        out.push({ rowNumber, action: ImportRowAction.REJECTED, targetId: target?.id ?? null, patch: null, problems });
        continue;
      }
      if (target) this.claimed.set(target.id, rowNumber);
      if (!target) {
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

/** All rows in one go (a small file, or a test). */
export async function planBusinesses(em: EntityManager, principal: Principal, rows: { rowNumber: number; patch: BusinessPatch }[], headerOf: HeaderOf, lock: boolean): Promise<PlannedRow[]> {
  return new BusinessPlanner(principal, headerOf, lock).plan(em, rows);
}
