/**
 * Synthetic, DOMAIN.md-consistent demo data: businesses, sites, product models, certificates,
 * supply chains, inspections and remediation items with their whole history. Pure and
 * deterministic: the same seed, scale, `today` and reference rows give byte-identical rows,
 * including UUIDs (drawn from the seeded PRNG) and timestamps (anchored to `today`). Output is
 * COPY text per table (see demo.copy.ts), in foreign-key order.
 */
import { BusinessType, CHARGING_SITE_TYPES, SiteType, stagesOfTypes } from '../registry/registry.enums';
import { organisationCodeCheck, USCC_ALPHABET, usccOuterCheckDigit } from '../registry/registry.identifiers';
import { TableBuffer } from './demo.copy';
import { address, compoundName, DISTRICT_GEO, mobile, OFFICER_UNITS, personName, round6, tradeName, VENUE_NAMES } from './demo.names';
import { cumulative, Rng, weighted } from './demo.random';
import type { DemoReference } from './demo.reference';
import { SCALES, type DemoOptions } from './demo.types';

const DAY = 86_400_000;
const MIN = 60_000;
const HOUR = 3_600_000;
const SH = 8 * HOUR;

/** Shanghai midnight of a YYYY-MM-DD date, as epoch ms. */
const midnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
/** Asia/Shanghai date of an instant. */
const shDate = (ms: number) => new Date(ms + SH).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
const addDaysDate = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const yuan = (n: number) => `${Math.round(n)}.00`;

// ---------------------------------------------------------------- tables

export function demoTables() {
  const t = (name: string, cols: string) => new TableBuffer(name, cols.split(',').map((c) => c.trim()));
  return {
    business: t('business', 'id, uscc, legacy_reg_no, name, types, stages, district_code, address, latitude, longitude, legal_representative, contact_phone, status, archive_reason, created_at, updated_at, version'),
    site: t('site', 'id, site_type, name, district_code, address, latitude, longitude, operator_business_id, charging_ports, status, archive_reason, created_at, updated_at, version'),
    product_model: t('product_model', 'id, kind, brand, model, manufacturer_business_id, standard_version, standards, chemistry, nominal_voltage, capacity_ah, status, created_at, updated_at, version'),
    certificate: t('certificate', 'id, number, holder_business_id, holder_name, product_model_id, status, issued_on, expires_on, archived, created_at, updated_at, version'),
    certificate_status_change: t('certificate_status_change', 'id, certificate_id, from_status, to_status, effective_on, reason, changed_at, changed_by, changed_by_name'),
    supply_relation: t('supply_relation', 'id, supplier_business_id, buyer_business_id, product_model_id, first_seen_on, last_seen_on, note, status, created_at, updated_at, version'),
    campaign: t('campaign', 'id, code, name, kind, phase, starts_on, ends_on, lead_team_id, lead_department_id, department_ids, stages, business_types, district_codes, goals, note, created_by, created_at, updated_at, version'),
    joint_operation: t('joint_operation', 'id, code, campaign_id, team_id, held_on, district_codes, department_ids, groups_dispatched, officer_count, officers, note, created_by, created_at, updated_at, version'),
    inspection: t('inspection', 'id, code, method, team_id, department_ids, inspectors, target_business_id, target_site_id, district_code, stage, started_at, ended_at, conclusion, created_by, created_at, updated_at, version, campaign_id, joint_operation_id'),
    inspection_checklist_result: t('inspection_checklist_result', 'inspection_id, item_code, outcome, note, sort_order'),
    remediation_item: t(
      'remediation_item',
      'id, code, hazard_type_code, level, is_major_fire_hazard, stage, team_id, lead_department_id, district_code, business_id, site_id, inspection_id, description, legal_basis, address, responsible_person, responsible_contact, discovered_at, discovered_on, discovered_by, discovery_method, notice_type, notice_no, notice_served_at, deadline, rectification_measures, interim_measures, funds, status, plan, completion_reported_at, completion_reported_by, reviewer_name, reviewer_id, reviewed_at, review_result, review_notes, rectified_at, rectified_on, closed_at, closed_on, closed_by, invalidation_reason, listed, transferred, case_filed, interviewed, sealed, failed_reviews, extensions, created_by, created_at, updated_at, version, campaign_id',
    ),
    remediation_event: t('remediation_event', 'id, item_id, action, from_status, to_status, actor_id, actor_name, actor_role, occurred_at, comment, data'),
    extension_request: t('extension_request', 'id, item_id, requested_at, requested_by, previous_deadline, requested_deadline, reason, status, decided_at, decided_by, decision_note'),
    listing: t('listing', 'id, item_id, authority, listing_number, listed_on, plan_document, accepted_on, acceptance_note, created_at'),
    enforcement_case: t(
      'enforcement_case',
      'id, item_id, case_number, filed_on, department_id, legal_basis, penalty_types, fine_amount, confiscated_amount, confiscated_goods, seized_vehicles, seized_batteries, seized_parts, transferred_to_police, closed_on, created_at, closing_outcome, updated_at, exposed, exposed_on',
    ),
    evidence: t('evidence', 'id, item_id, kind, phase, location, sha256, taken_at, latitude, longitude, added_by, created_at'),
    task: t('task', 'id, code, team_id, department_id, district_code, title, description, owner_id, due_on, state, done_on, evidence, campaign_id, item_ids, created_by, created_at, updated_at, version'),
    task_note: t('task_note', 'id, task_id, noted_on, note, author_id, author_name, created_at'),
    warning: t('warning', 'id, issued_on, kind, business_id, district_code, content, department_id, campaign_id, created_by, created_at, updated_at, version'),
  };
}
export type DemoTables = ReturnType<typeof demoTables>;
/** Load order (parents before children). */
export const TABLE_ORDER: readonly (keyof DemoTables)[] = [
  'business', 'site', 'product_model', 'certificate', 'certificate_status_change', 'supply_relation', 'campaign', 'joint_operation', 'inspection', 'inspection_checklist_result',
  'remediation_item', 'remediation_event', 'extension_request', 'listing', 'enforcement_case', 'evidence', 'task', 'task_note', 'warning',
];

// ---------------------------------------------------------------- model

interface Biz {
  id: string;
  name: string;
  trade: string;
  types: BusinessType[];
  stages: string[];
  district: string;
  address: string;
  lat: number;
  lon: number;
  person: string;
  phone: string;
  status: string;
}
interface SiteRow {
  id: string;
  type: SiteType;
  name: string;
  district: string;
  address: string;
  lat: number;
  lon: number;
  manager: string;
  phone: string;
  operator: number; // business index or -1
}
interface Model {
  id: string;
  kind: 'VEHICLE' | 'LITHIUM_BATTERY' | 'LEAD_ACID_BATTERY' | 'CHARGER';
  maker: number; // business index or -1
  active: boolean;
}
interface Officer {
  id: string;
  name: string;
  dept: string;
  role: 'AGENCY_OFFICER' | 'COORDINATOR';
}
interface Insp {
  idx: number;
  id: string;
  method: string;
  team: number;
  stage: string;
  district: string;
  biz: number;
  site: number;
  start: number;
  end: number;
  officers: number[];
  findings: boolean;
  checklist: number[]; // checklist item indices checked
  failed: Set<number>;
  items: number;
  seq: number;
}

const T = BusinessType;
const BUSINESS_WEIGHTS: readonly (readonly [BusinessType, number])[] = [
  [T.VEHICLE_MANUFACTURER, 2], [T.BATTERY_CELL_MANUFACTURER, 0.6], [T.BATTERY_PACK_MANUFACTURER, 1.2], [T.LEAD_ACID_BATTERY_MANUFACTURER, 0.8],
  [T.CHARGER_MANUFACTURER, 1], [T.PARTS_MANUFACTURER, 1.5], [T.IMPORTER, 0.5], [T.DISTRIBUTOR, 5], [T.RETAIL_STORE, 17], [T.SALES_REPAIR_STORE, 14],
  [T.REPAIR_SHOP, 12], [T.BATTERY_SHOP, 6], [T.ECOMMERCE_SELLER, 4], [T.ECOMMERCE_PLATFORM, 0.3], [T.ILLEGAL_WORKSHOP, 3], [T.DELIVERY_ENTERPRISE, 3],
  [T.SHARED_EBIKE_OPERATOR, 0.7], [T.CHARGING_OPERATOR, 3], [T.SWAP_CABINET_OPERATOR, 2], [T.PROPERTY_MANAGER, 14], [T.RECYCLER, 4],
  [T.SCRAPPING_ENTERPRISE, 0.8], [T.HAZWASTE_LICENSEE, 0.8], [T.BATTERY_TEST_RECYCLE_POINT, 1.5],
];
/** Second types that often come with a first one (a business may have several). */
const COMBINED: Partial<Record<BusinessType, [BusinessType, number]>> = {
  RETAIL_STORE: [T.BATTERY_SHOP, 0.15],
  SALES_REPAIR_STORE: [T.BATTERY_SHOP, 0.2],
  VEHICLE_MANUFACTURER: [T.CHARGER_MANUFACTURER, 0.2],
  BATTERY_PACK_MANUFACTURER: [T.BATTERY_CELL_MANUFACTURER, 0.15],
  DISTRIBUTOR: [T.ECOMMERCE_SELLER, 0.15],
  RECYCLER: [T.BATTERY_TEST_RECYCLE_POINT, 0.15],
  HAZWASTE_LICENSEE: [T.RECYCLER, 0.2],
};
const INDIVIDUAL_LIKELY = new Set<BusinessType>([T.RETAIL_STORE, T.SALES_REPAIR_STORE, T.REPAIR_SHOP, T.BATTERY_SHOP, T.ECOMMERCE_SELLER, T.RECYCLER]);
const NAME_SUFFIX: Record<BusinessType, string[]> = {
  VEHICLE_MANUFACTURER: ['车业有限公司', '电动车科技有限公司', '电动车制造有限公司'],
  BATTERY_CELL_MANUFACTURER: ['新能源电池有限公司', '电芯科技有限公司'],
  BATTERY_PACK_MANUFACTURER: ['锂电科技有限公司', '新能源科技有限公司'],
  LEAD_ACID_BATTERY_MANUFACTURER: ['蓄电池有限公司', '电源有限公司'],
  CHARGER_MANUFACTURER: ['电子科技有限公司', '充电设备有限公司'],
  PARTS_MANUFACTURER: ['机电有限公司', '电机有限公司', '控制器有限公司'],
  IMPORTER: ['进出口贸易有限公司', '国际贸易有限公司'],
  DISTRIBUTOR: ['电动车销售有限公司', '商贸有限公司', '车业经销部'],
  RETAIL_STORE: ['电动车专卖店', '电动车行', '电动车经营部'],
  SALES_REPAIR_STORE: ['电动车销售维修部', '车行（销售维修）', '电动车维修经营部'],
  REPAIR_SHOP: ['电动车维修店', '摩电维修部', '车辆维修店'],
  BATTERY_SHOP: ['电池经营部', '电瓶店', '蓄电池更换点'],
  ECOMMERCE_SELLER: ['电子商务有限公司', '网店', '直播电商工作室'],
  ECOMMERCE_PLATFORM: ['网络科技有限公司', '电商平台有限公司'],
  ILLEGAL_WORKSHOP: ['无照电池改装窝点', '无名电动车拼装作坊', '无证电池回收组装点'],
  DELIVERY_ENTERPRISE: ['配送服务有限公司', '快递有限公司', '外卖配送站'],
  SHARED_EBIKE_OPERATOR: ['共享出行科技有限公司', '智慧出行有限公司'],
  CHARGING_OPERATOR: ['充电科技有限公司', '新能源充电服务有限公司'],
  SWAP_CABINET_OPERATOR: ['换电科技有限公司', '智能换电服务有限公司'],
  PROPERTY_MANAGER: ['物业服务有限公司', '物业管理有限公司'],
  RECYCLER: ['再生资源回收有限公司', '废品回收站', '再生资源回收网点'],
  SCRAPPING_ENTERPRISE: ['报废机动车回收拆解有限公司'],
  HAZWASTE_LICENSEE: ['环保科技有限公司', '危废处置有限公司'],
  BATTERY_TEST_RECYCLE_POINT: ['锂电池检测回收站', '旧电池检测回收服务点'],
};
const DISTRICT_WEIGHT: Record<string, number> = {
  '511102': 30, '511111': 6, '511112': 8, '511113': 3, '511123': 9, '511124': 7, '511126': 8, '511129': 5, '511132': 4, '511133': 4, '511181': 12,
};
const S = SiteType;
const SITE_WEIGHTS: readonly (readonly [SiteType, number])[] = [
  [S.RESIDENTIAL_COMPOUND, 25], [S.OLD_COMPOUND, 15], [S.HIGH_RISE, 10], [S.STILT_FLOOR, 4], [S.SELF_BUILT_HOUSE, 8], [S.RENTAL_HOUSING, 8],
  [S.STREET_SHOP, 10], [S.NINE_SMALL_VENUE, 8], [S.CROWDED_VENUE, 4], [S.CENTRAL_PARKING_CHARGING_SITE, 5], [S.SWAP_CABINET_SITE, 3],
];
const HAZARD_BOOST: Record<string, number> = {
  PARK_FLY_LINE: 6, PARK_COMMON_AREA: 6, PARK_INTO_BUILDING: 4, PARK_FIRE_LANE_BLOCKED: 2.5, PARK_NEAR_UNIT_DOOR: 2, SALES_SHOP_FIRE: 4, SALES_NO_CCC: 2,
  MOD_SPEED_LIMITER: 3, MOD_BIG_BATTERY: 2, USE_UNREGISTERED: 3, USE_RIDING_MODIFIED: 2, SALES_NO_PURCHASE_CHECK: 2,
};
/** Hazards that only make sense at some site types. */
const SITE_ONLY: Record<string, SiteType[]> = {
  PARK_SWAP_CABINET: [S.SWAP_CABINET_SITE],
  PARK_CROWDED_VENUE_CHARGING: [S.CROWDED_VENUE, S.NINE_SMALL_VENUE, S.STREET_SHOP],
  PARK_IN_ELEVATOR: [S.HIGH_RISE, S.RESIDENTIAL_COMPOUND],
  PARK_NEAR_BALCONY_INSULATION: [S.HIGH_RISE, S.RESIDENTIAL_COMPOUND, S.OLD_COMPOUND],
};
/** Hazards plausible at any business of the stage, unless a type list narrows them. */
const BUSINESS_ONLY: Record<string, BusinessType[]> = {
  SALES_ONLINE_ILLEGAL_INFO: [T.ECOMMERCE_SELLER, T.ECOMMERCE_PLATFORM],
  MOD_ILLEGAL_ASSEMBLY: [T.ILLEGAL_WORKSHOP, T.REPAIR_SHOP, T.SALES_REPAIR_STORE],
  MOD_BATTERY_REASSEMBLY: [T.ILLEGAL_WORKSHOP, T.BATTERY_SHOP, T.REPAIR_SHOP],
  PROD_UNLICENSED: [T.ILLEGAL_WORKSHOP],
  REC_NO_LICENCE: [T.ILLEGAL_WORKSHOP, T.RECYCLER],
  PROD_CASCADE_CELLS: [T.BATTERY_PACK_MANUFACTURER],
  PROD_BATTERY_MARKING: [T.BATTERY_PACK_MANUFACTURER, T.BATTERY_CELL_MANUFACTURER, T.LEAD_ACID_BATTERY_MANUFACTURER],
  REC_SUBSIDY_FRAUD: [T.RECYCLER, T.BATTERY_TEST_RECYCLE_POINT, T.SCRAPPING_ENTERPRISE],
};
const MAJOR_CANDIDATES = new Set(['PARK_COMMON_AREA', 'PARK_FIRE_LANE_BLOCKED', 'PARK_SITE_NONCOMPLIANT', 'PARK_INTO_BUILDING', 'SALES_SHOP_FIRE', 'PROD_NO_CCC', 'REC_NO_LICENCE', 'MOD_BATTERY_REASSEMBLY', 'PARK_CROWDED_VENUE_CHARGING', 'PARK_SWAP_CABINET']);
const CASE_RATE: Record<string, number> = {
  PROD_NO_CCC: 0.5, SALES_NO_CCC: 0.3, SALES_THREE_NO: 0.3, MOD_ILLEGAL_ASSEMBLY: 0.6, MOD_BATTERY_REASSEMBLY: 0.6, REC_NO_LICENCE: 0.5, PROD_UNLICENSED: 0.5,
  PROD_NONCONFORM_STD: 0.3, SALES_SUBSTANDARD: 0.25, SALES_REFURBISHED: 0.25, REC_RESALE: 0.3, REC_SUBSIDY_FRAUD: 0.4, PARK_FIRE_LANE_BLOCKED: 0.1,
  SALES_SHOP_FIRE: 0.06, MOD_SPEED_LIMITER: 0.1, MOD_BIG_BATTERY: 0.08, USE_RIDING_MODIFIED: 0.1, PARK_COMMON_AREA: 0.03,
};
const CRIMINAL = new Set(['MOD_ILLEGAL_ASSEMBLY', 'MOD_BATTERY_REASSEMBLY', 'PROD_UNLICENSED', 'REC_NO_LICENCE', 'PROD_NO_CCC', 'SALES_THREE_NO']);
const CASE_PREFIX: Record<string, string> = { MARKET: '乐市监罚', FIRE: '乐消罚', PSB: '乐公罚', TRAFFIC_POLICE: '乐公交罚', ECOLOGY: '乐环罚', HOUSING: '乐建罚', COMMERCE: '乐商罚', URBAN_MGMT: '乐综执罚' };

const METHODS_BUSINESS = weighted<string>([
  ['ROUTINE', 30], ['SPECIAL', 20], ['JOINT_ENFORCEMENT', 10], ['NIGHT_CHECK', 5], ['UNANNOUNCED', 10], ['DOUBLE_RANDOM', 12], ['REVIEW', 6], ['PUBLIC_REPORT', 3], ['SELF_CHECK', 4],
]);
const METHODS_SITE = weighted<string>([
  ['ROUTINE', 28], ['SPECIAL', 18], ['JOINT_ENFORCEMENT', 8], ['NIGHT_CHECK', 22], ['UNANNOUNCED', 12], ['REVIEW', 6], ['PUBLIC_REPORT', 4], ['SELF_CHECK', 2],
]);
const METHODS_ONLINE = weighted<string>([['ONLINE_MONITORING', 60], ['SPECIAL', 20], ['DOUBLE_RANDOM', 20]]);
const STANDALONE_METHODS = weighted<string>([['PUBLIC_REPORT', 50], ['ONLINE_MONITORING', 12], ['SELF_CHECK', 13], ['UNANNOUNCED', 10], ['NIGHT_CHECK', 10], ['ROUTINE', 5]]);

const INVALID_REASONS = ['经核实为误报，现场不存在该情况', '群众举报内容与实际不符，核实后核销', '重复登记，已与同一隐患合并处理', '主体已于检查前注销且场所已拆除，核销', '录入错误，隐患类型不成立'];
const FAIL_NOTES = ['复查发现飞线仍未拆除', '整改不彻底，楼道内仍有车辆停放充电', '未提供进货查验台账', '消防器材未配齐', '改装部件未恢复原厂状态', '整改材料与现场不符'];
const EXT_REASONS = ['充电设施改造需报供电部门审批，工期较长', '需业主大会表决整改资金', '设备采购周期长', '涉及多个产权单位协调', '冬季施工条件受限'];
const PLAN_TEXT = {
  objectives: ['彻底消除电动自行车违规停放充电隐患', '完成充电场所独立设置与防火分隔', '停止违法生产并完成整改验收'],
  measures: ['增设集中充电棚及自动断电充电桩，清理楼道车辆', '设置防火分隔并配置灭火器材和烟感', '封存不合格产品并召回，完善进货查验'],
  funds: ['物业专项维修资金', '企业自筹', '街道配套资金与企业自筹'],
  responsible: ['物业公司项目经理', '企业法定代表人', '街道办事处分管负责人'],
  contingency: ['整改期间安排专人24小时巡查，配置临时灭火器材，制定疏散预案', '落实临时防范措施，禁止车辆进楼入户'],
};

export interface GenerateStats {
  tables: Record<string, number>;
  statuses: Record<string, number>;
}

export interface GenerateProgress {
  (phase: string, done: number, total: number): void;
}

/**
 * Generates the whole data set into COPY buffers (`out`, or new ones). Yields to the event loop
 * now and then, so a loader can stream the chunks already made while generation goes on.
 */
export async function generateDemo(
  opts: DemoOptions,
  ref: DemoReference,
  progress: GenerateProgress = () => undefined,
  out: DemoTables = demoTables(),
): Promise<{ tables: DemoTables; stats: GenerateStats }> {
  const spec = SCALES[opts.scale];
  const root = new Rng(opts.seed >>> 0);
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
  const nowMs = midnight(opts.today);
  const startMs = nowMs - 730 * DAY; // the two years the data covers
  const today = opts.today;

  const districts = ref.districts.filter((d) => DISTRICT_GEO[d.code]);
  if (!districts.length) throw new Error('demo: no Leshan districts in the reference data; run loadReferenceData first');
  const districtName = new Map(districts.map((d) => [d.code, d.name]));
  const pickDistrict = weighted(districts.map((d) => [d.code, DISTRICT_WEIGHT[d.code] ?? 5] as const));
  const dept = new Map(ref.departments.map((d) => [d.code, d]));
  const deptById = new Map(ref.departments.map((d) => [d.id, d]));
  const deptId = (code: string) => dept.get(code)?.id ?? null;
  const teamOfStage = new Map<string, number>();
  ref.teams.forEach((t, i) => t.stages.forEach((s) => (teamOfStage.has(s) ? undefined : teamOfStage.set(s, i))));

  // ------------------------------------------------------------ officers
  const officers: Officer[] = [];
  const officersByDept = new Map<string, number[]>();
  {
    const rng = root.fork('officers');
    const per = Math.max(4, Math.round(Math.sqrt(spec.inspections) / 4));
    for (const d of ref.departments) {
      const n = ['FIRE', 'MARKET', 'HOUSING', 'TRAFFIC_POLICE', 'PSB', 'COMMERCE', 'ECON_IT'].includes(d.code) ? per : Math.max(2, Math.round(per / 3));
      const list: number[] = [];
      for (let i = 0; i < n; i++) {
        list.push(officers.length);
        officers.push({ id: rng.uuid(), name: personName(rng), dept: d.code, role: d.code === 'FIRE' && i < 3 ? 'COORDINATOR' : 'AGENCY_OFFICER' });
      }
      officersByDept.set(d.code, list);
    }
  }
  const coordinators = officers.map((o, i) => (o.role === 'COORDINATOR' ? i : -1)).filter((i) => i >= 0);
  const teamOfficerCache = new Map<number, number[]>();
  const teamOfficers = (teamIdx: number): number[] => {
    const hit = teamOfficerCache.get(teamIdx);
    if (hit) return hit;
    const t = ref.teams[teamIdx];
    const lead = deptById.get(t.leadDepartmentId)?.code;
    const co = t.coLeadIds.map((id) => deptById.get(id)?.code);
    const list = [lead, ...co].flatMap((c) => (c ? officersByDept.get(c) ?? [] : []));
    teamOfficerCache.set(teamIdx, list);
    return list;
  };
  const officerName = (i: number) => officers[i].name;

  // ------------------------------------------------------------ businesses
  const biz: Biz[] = [];
  const byTypeDistrict = new Map<string, number[]>();
  const byType = new Map<BusinessType, number[]>();
  {
    const rng = root.fork('businesses');
    const pickType = weighted(BUSINESS_WEIGHTS);
    const usccSeen = new Set<string>();
    const allTypes = Object.values(BusinessType);
    for (let i = 0; i < spec.businesses; i++) {
      const r = rng.fork(i);
      const combos = allTypes.length * districts.length;
      let primary: BusinessType;
      let district: string;
      if (spec.businesses >= combos && i < combos) {
        primary = allTypes[i % allTypes.length];
        district = districts[Math.floor(i / allTypes.length)].code;
      } else {
        primary = pickType(r);
        district = pickDistrict(r);
      }
      const types = [primary];
      const extra = COMBINED[primary];
      if (extra && r.chance(extra[1])) types.push(extra[0]);
      const trade = tradeName(r);
      const g = DISTRICT_GEO[district];
      const dn = districtName.get(district)!;
      let name: string;
      const suffix = r.pick(NAME_SUFFIX[primary]);
      if (primary === T.ILLEGAL_WORKSHOP) name = `${dn}${r.pick(g.towns)}${r.pick(g.roads)}${suffix}`;
      else if (INDIVIDUAL_LIKELY.has(primary) && !suffix.includes('公司')) name = `${g.short}${r.pick(['', '城区'])}${trade}${suffix}`;
      else name = `${r.chance(0.6) ? '乐山' : '四川'}${trade}${suffix}`;
      const a = address(r, dn, district);
      const person = personName(r, district === '511132' || district === '511133');
      const phone = mobile(r);
      let uscc: string | null = null;
      let legacy: string | null = null;
      if (primary !== T.ILLEGAL_WORKSHOP) {
        const individual = INDIVIDUAL_LIKELY.has(primary) && !name.includes('公司') && r.chance(0.8);
        for (;;) {
          let org: string;
          if (r.chance(0.7)) {
            org = 'MA6';
            for (let k = 0; k < 5; k++) org += USCC_ALPHABET[r.int(0, 30)];
          } else org = r.digits(8);
          const inner = org + organisationCodeCheck(org);
          const first17 = `${individual ? '92' : '91'}${district}${inner}`;
          const code = first17 + usccOuterCheckDigit(first17);
          if (!usccSeen.has(code)) {
            usccSeen.add(code);
            uscc = code;
            break;
          }
        }
        if (r.chance(0.08)) legacy = `${district}${r.digits(9)}`;
      }
      const status = primary === T.ILLEGAL_WORKSHOP ? (r.chance(0.5) ? 'CLOSED' : 'ACTIVE') : r.chance(0.9) ? 'ACTIVE' : r.pick(['SUSPENDED', 'CLOSED', 'CLOSED', 'ARCHIVED']);
      const id = r.uuid();
      const created = startMs - r.int(1, 60) * DAY + r.int(8 * 60, 18 * 60) * MIN;
      const b: Biz = { id, name, trade, types, stages: stagesOfTypes(types), district, address: a.address, lat: a.lat, lon: a.lon, person, phone, status };
      biz.push(b);
      for (const ty of types) {
        const k = `${ty}|${district}`;
        if (!byTypeDistrict.has(k)) byTypeDistrict.set(k, []);
        byTypeDistrict.get(k)!.push(i);
        if (!byType.has(ty)) byType.set(ty, []);
        byType.get(ty)!.push(i);
      }
      const changed = status !== 'ACTIVE' ? created + r.int(30, 700) * DAY : created;
      out.business.add([
        id, uscc, legacy, name, types, b.stages, district, a.address, a.lat, a.lon, primary === T.ILLEGAL_WORKSHOP ? null : person,
        primary === T.ILLEGAL_WORKSHOP && r.chance(0.5) ? null : phone, status,
        status === 'ARCHIVED' ? '主体已注销，归档保留历史记录' : null, iso(created), iso(Math.min(changed, nowMs - HOUR)), status !== 'ACTIVE' ? 2 : 1,
      ]);
    }
  }
  const ofType = (ty: BusinessType, district?: string): number[] => (district ? byTypeDistrict.get(`${ty}|${district}`) ?? [] : byType.get(ty) ?? []);
  /** A business of the type, in the district when there is one (most of the time). */
  const pickBiz = (r: Rng, ty: BusinessType, district: string, local = 0.85): number => {
    const l = ofType(ty, district);
    if (l.length && r.chance(local)) return r.pick(l);
    const all = ofType(ty);
    return all.length ? r.pick(all) : -1;
  };
  progress('businesses', biz.length, biz.length);

  // ------------------------------------------------------------ sites
  const sites: SiteRow[] = [];
  {
    const rng = root.fork('sites');
    const pickType = weighted(SITE_WEIGHTS);
    const allTypes = Object.values(SiteType);
    for (let i = 0; i < spec.sites; i++) {
      const r = rng.fork(i);
      const combos = allTypes.length * districts.length;
      const type = spec.sites >= combos && i < combos ? allTypes[i % allTypes.length] : pickType(r);
      const district = spec.sites >= combos && i < combos ? districts[Math.floor(i / allTypes.length)].code : pickDistrict(r);
      const g = DISTRICT_GEO[district];
      const dn = districtName.get(district)!;
      const a = address(r, dn, district);
      let operator = -1;
      let name: string;
      const compound = compoundName(r);
      switch (type) {
        case S.RESIDENTIAL_COMPOUND:
          name = compound;
          if (r.chance(0.85)) operator = pickBiz(r, T.PROPERTY_MANAGER, district);
          break;
        case S.OLD_COMPOUND:
          name = `${r.pick(g.roads)}${r.pick(['老旧小区', '宿舍', '家属区', '新村'])}`;
          if (r.chance(0.45)) operator = pickBiz(r, T.PROPERTY_MANAGER, district);
          break;
        case S.HIGH_RISE:
          name = `${compound}${r.int(1, 30)}栋`;
          if (r.chance(0.9)) operator = pickBiz(r, T.PROPERTY_MANAGER, district);
          break;
        case S.STILT_FLOOR:
          name = `${compound}${r.int(1, 20)}栋架空层`;
          if (r.chance(0.85)) operator = pickBiz(r, T.PROPERTY_MANAGER, district);
          break;
        case S.SELF_BUILT_HOUSE:
          name = `${r.pick(g.towns)}${r.pick(g.roads)}${r.int(1, 300)}号自建房`;
          break;
        case S.RENTAL_HOUSING:
          name = `${r.pick(g.roads)}${r.int(1, 300)}号${r.pick(['出租屋', '群租房'])}`;
          break;
        case S.STREET_SHOP:
          name = `${tradeName(r)}${r.pick(VENUE_NAMES.STREET_SHOP)}`;
          if (r.chance(0.3)) operator = pickBiz(r, r.chance(0.5) ? T.RETAIL_STORE : T.SALES_REPAIR_STORE, district);
          break;
        case S.NINE_SMALL_VENUE:
          name = `${tradeName(r)}${r.pick(VENUE_NAMES.NINE_SMALL_VENUE)}`;
          break;
        case S.CROWDED_VENUE:
          name = `${g.short}${r.pick(VENUE_NAMES.CROWDED_VENUE)}`;
          if (r.chance(0.5)) operator = pickBiz(r, T.PROPERTY_MANAGER, district);
          break;
        case S.CENTRAL_PARKING_CHARGING_SITE:
          name = `${r.pick(g.towns)}${r.pick(VENUE_NAMES.CENTRAL_PARKING_CHARGING_SITE)}`;
          operator = r.chance(0.75) ? pickBiz(r, T.CHARGING_OPERATOR, district) : r.chance(0.5) ? pickBiz(r, T.PROPERTY_MANAGER, district) : -1;
          break;
        case S.SWAP_CABINET_SITE:
        default:
          operator = r.chance(0.95) ? pickBiz(r, T.SWAP_CABINET_OPERATOR, district) : -1;
          name = `${operator >= 0 ? biz[operator].trade : tradeName(r)}换电柜（${compound}点）`;
          break;
      }
      let ports: number | null = null;
      if (CHARGING_SITE_TYPES.has(type)) {
        const range: Partial<Record<SiteType, [number, number]>> = {
          RESIDENTIAL_COMPOUND: [0, 200], OLD_COMPOUND: [0, 60], HIGH_RISE: [10, 300], STILT_FLOOR: [10, 80], CENTRAL_PARKING_CHARGING_SITE: [20, 200], SWAP_CABINET_SITE: [6, 24], CROWDED_VENUE: [0, 50],
        };
        const [lo, hi] = range[type] ?? [0, 50];
        ports = r.int(lo, hi);
      }
      const manager = personName(r, district === '511132' || district === '511133');
      const phone = mobile(r);
      const archived = r.chance(0.02);
      const id = r.uuid();
      const created = startMs - r.int(1, 60) * DAY + r.int(8 * 60, 18 * 60) * MIN;
      sites.push({ id, type, name, district, address: a.address, lat: a.lat, lon: a.lon, manager, phone, operator });
      out.site.add([
        id, type, name, district, a.address, a.lat, a.lon, operator >= 0 ? biz[operator].id : null, ports, archived ? 'ARCHIVED' : 'ACTIVE',
        archived ? '场所已拆除' : null, iso(created), iso(archived ? created + r.int(100, 700) * DAY : created), archived ? 2 : 1,
      ]);
    }
  }
  progress('sites', sites.length, sites.length);

  // ------------------------------------------------------------ product models and certificates
  const models: Model[] = [];
  const modelsOf = new Map<number, number[]>(); // maker → model indices
  const importedOf = new Map<number, number[]>(); // importer → models
  {
    const rng = root.fork('models');
    const seen = new Set<string>();
    const cccSeen = new Set<string>();
    const addModel = (r: Rng, kind: Model['kind'], maker: number, brand: string, holder: number) => {
      let model = '';
      let voltage: number | null = 48;
      let capacity: number | null = null;
      let std: string | null = null;
      let chem: string | null = null;
      for (let tries = 0; ; tries++) {
        if (kind === 'VEHICLE') {
          const newStd = r.chance(0.45);
          std = newStd ? 'GB17761_2024' : 'GB17761_2018';
          model = `TDT${r.digits(4)}Z${newStd ? '-N' : ''}`;
          chem = r.chance(0.55) ? 'LITHIUM_ION' : 'LEAD_ACID';
          capacity = r.pick([12, 15, 20, 24, 32]);
        } else if (kind === 'LITHIUM_BATTERY') {
          voltage = r.chance(0.8) ? 48 : 60;
          capacity = r.pick([10, 12, 15, 20, 24, 30]);
          model = `${voltage}V${capacity}Ah-LB${r.digits(4)}`;
          std = 'GB43854_2024';
          chem = 'LITHIUM_ION';
        } else if (kind === 'LEAD_ACID_BATTERY') {
          voltage = 12;
          capacity = r.pick([12, 14, 20, 23, 32]);
          model = `6-DZF-${capacity}${r.pick(['', '.2', 'A', 'B'])}-${r.digits(3)}`;
          std = null;
          chem = 'LEAD_ACID';
        } else {
          voltage = r.chance(0.8) ? 48 : 60;
          capacity = null;
          model = `${r.chance(0.5) ? 'LC' : 'QC'}${voltage}${r.digits(3)}-${r.pick([2, 3, 4, 5])}A`;
          std = 'GB42296_2022';
          chem = null;
        }
        const key = `${kind}|${brand}|${model}`;
        if (!seen.has(key) || tries > 20) {
          seen.add(key);
          break;
        }
      }
      const active = r.chance(0.95);
      const idx = models.length;
      const id = r.uuid();
      models.push({ id, kind, maker, active });
      const created = startMs - r.int(1, 60) * DAY + r.int(9 * 60, 17 * 60) * MIN;
      out.product_model.add([id, kind, brand, model, maker >= 0 ? biz[maker].id : null, std, std ? [std] : [], chem, voltage, capacity, active ? 'ACTIVE' : 'ARCHIVED', iso(created), iso(created), 1]);
      // CCC: vehicles, lithium batteries and chargers; lead-acid batteries are outside CCC.
      if (kind !== 'LEAD_ACID_BATTERY' && r.chance(0.85)) {
        const certs = r.chance(0.1) ? 2 : 1;
        for (let c = 0; c < certs; c++) {
          const older = certs === 2 && c === 0;
          let status = older ? r.pick(['EXPIRED', 'CANCELLED']) : weighted<string>([['VALID', 72], ['SUSPENDED', 8], ['WITHDRAWN', 5], ['CANCELLED', 6], ['EXPIRED', 9]])(r);
          const earliest = kind === 'VEHICLE' ? '2019-01-01' : '2024-10-15';
          let issued: string;
          if (status === 'EXPIRED') {
            if (kind !== 'VEHICLE') status = 'CANCELLED'; // battery/charger CCC is too recent to have expired
            issued = kind === 'VEHICLE' ? addDaysDate(today, -(5 * 365 + r.int(2, 400))) : addDaysDate('2024-10-15', r.int(0, Math.max(1, Math.min(300, Math.round((nowMs - midnight('2024-10-15')) / DAY) - 30))));
          } else {
            const span = Math.max(1, Math.round((nowMs - midnight(earliest)) / DAY) - 20);
            issued = addDaysDate(earliest, r.int(0, span));
          }
          if (issued < '2019-01-01' && kind === 'VEHICLE') issued = addDaysDate('2019-01-01', r.int(0, 60));
          const expires = addDaysDate(addDaysDate(issued, 5 * 365 + 1), -1);
          if (status === 'EXPIRED' && expires >= today) status = 'CANCELLED';
          let number = '';
          do {
            number = `${issued.slice(0, 4)}${r.chance(0.85) ? '01' : r.pick(['02', '03', '12', '27'])}${kind === 'VEHICLE' ? '1116' : kind === 'LITHIUM_BATTERY' ? '1121' : '1122'}${r.digits(6)}`;
          } while (cccSeen.has(number));
          cccSeen.add(number);
          const certId = r.uuid();
          const createdMs = Math.max(midnight(issued) + r.int(9, 17) * HOUR, startMs - r.int(1, 30) * DAY);
          // History: registered, then each change (some go through a suspension first).
          const path: string[] = [];
          if (status === 'WITHDRAWN') path.push(...(r.chance(0.6) ? ['SUSPENDED', 'WITHDRAWN'] : ['WITHDRAWN']));
          else if (status === 'VALID' && r.chance(0.05)) path.push('SUSPENDED', 'VALID');
          else if (status !== 'VALID') path.push(status);
          let last = createdMs;
          let from = 'VALID';
          const changes: (string | null)[][] = [];
          changes.push([r.uuid(), certId, null, 'VALID', issued, '登记 (registered)', iso(createdMs), null, null]);
          const endLimit = status === 'EXPIRED' ? Math.min(nowMs - DAY, midnight(expires) + 2 * DAY) : nowMs - DAY;
          for (const to of path) {
            const lo = to === 'EXPIRED' ? Math.max(last + HOUR, midnight(addDaysDate(expires, 1))) : last + HOUR;
            const when = Math.min(Math.max(lo, last + HOUR) + r.next() * Math.max(HOUR, Math.min(200 * DAY, endLimit - lo)), nowMs - HOUR);
            const reason = {
              SUSPENDED: '监督抽查不合格，暂停证书 (suspended after failed sampling)',
              WITHDRAWN: '整改期满仍不合格，撤销证书 (withdrawn)',
              CANCELLED: '持证人申请注销 (cancelled at the holder’s request)',
              EXPIRED: '证书有效期届满 (expired)',
              VALID: '整改合格，恢复证书 (reinstated)',
            }[to]!;
            changes.push([r.uuid(), certId, from, to, to === 'EXPIRED' ? addDaysDate(expires, 1) : shDate(when), reason, iso(when), null, `${personName(r)}（认证机构）`]);
            from = to;
            last = when;
          }
          out.certificate.add([
            certId, number, holder >= 0 ? biz[holder].id : null, holder >= 0 ? biz[holder].name : `${brand} Co., Ltd.`, id, status, issued, expires, false,
            iso(createdMs), iso(last), 1 + path.length,
          ]);
          for (const ch of changes) out.certificate_status_change.add(ch);
        }
      }
      return idx;
    };
    biz.forEach((b, i) => {
      const r = rng.fork(i);
      const brand = `${b.trade}${r.pick(['', '牌', '骑', '驰', '行'])}`;
      const mk = (kind: Model['kind'], lo: number, hi: number) => {
        const n = r.int(lo, hi);
        for (let k = 0; k < n; k++) {
          const idx = addModel(r, kind, i, brand, i);
          if (!modelsOf.has(i)) modelsOf.set(i, []);
          modelsOf.get(i)!.push(idx);
        }
      };
      if (b.types.includes(T.VEHICLE_MANUFACTURER)) mk('VEHICLE', 2, 6);
      if (b.types.includes(T.BATTERY_PACK_MANUFACTURER)) mk('LITHIUM_BATTERY', 2, 5);
      if (b.types.includes(T.LEAD_ACID_BATTERY_MANUFACTURER)) mk('LEAD_ACID_BATTERY', 2, 4);
      if (b.types.includes(T.CHARGER_MANUFACTURER)) mk('CHARGER', 1, 4);
      if (b.types.includes(T.IMPORTER)) {
        const foreign = `${r.pick(['Velo', 'Rido', 'Volt', 'Eco', 'Urba', 'Zen'])}${r.pick(['max', 'ra', 'bi', 'go', 'ly'])}`;
        const n = r.int(1, 2);
        for (let k = 0; k < n; k++) {
          const idx = addModel(r, 'VEHICLE', -1, foreign, i);
          if (!importedOf.has(i)) importedOf.set(i, []);
          importedOf.get(i)!.push(idx);
        }
      }
    });
  }
  progress('product models', models.length, models.length);

  // ------------------------------------------------------------ supply relations
  {
    const rng = root.fork('supply');
    const seen = new Set<string>();
    const carried = new Map<number, number[]>(); // business → models it bought
    const rel = (r: Rng, supplier: number, buyer: number, model: number, note: string | null) => {
      if (supplier < 0 || buyer < 0 || supplier === buyer) return;
      const key = `${supplier}|${buyer}|${model}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (model >= 0) {
        if (!carried.has(buyer)) carried.set(buyer, []);
        carried.get(buyer)!.push(model);
      }
      const first = addDaysDate(today, -r.int(60, 1100));
      const archived = r.chance(0.1);
      const last = addDaysDate(first, r.int(0, Math.max(0, Math.round((nowMs - midnight(first)) / DAY) - 1)));
      const created = Math.max(startMs - r.int(1, 60) * DAY, midnight(first) + 10 * HOUR);
      out.supply_relation.add([
        r.uuid(), biz[supplier].id, biz[buyer].id, model >= 0 ? models[model].id : null, first, last, note, archived ? 'ARCHIVED' : 'ACTIVE',
        iso(created), iso(archived ? Math.min(nowMs - HOUR, midnight(last) + 12 * HOUR) : created), archived ? 2 : 1,
      ]);
    };
    const makerModels = (m: number, kind: Model['kind']) => (modelsOf.get(m) ?? []).filter((x) => models[x].kind === kind);
    const supplyFrom = (r: Rng, buyer: number, makerType: BusinessType, kind: Model['kind'], lo: number, hi: number, local = 0.4) => {
      const n = r.int(lo, hi);
      for (let k = 0; k < n; k++) {
        const m = pickBiz(r, makerType, biz[buyer].district, local);
        const ms = m >= 0 ? makerModels(m, kind) : [];
        if (ms.length) rel(r, m, buyer, r.pick(ms), null);
      }
    };
    const resell = (r: Rng, buyer: number, supplierTypes: BusinessType[], lo: number, hi: number, kinds?: Model['kind'][]) => {
      const n = r.int(lo, hi);
      for (let k = 0; k < n; k++) {
        const s = pickBiz(r, r.pick(supplierTypes), biz[buyer].district, 0.7);
        const have = (carried.get(s) ?? []).filter((x) => !kinds || kinds.includes(models[x].kind));
        if (have.length) for (const m of r.sample(have, r.int(1, 3))) rel(r, s, buyer, m, null);
      }
    };
    // Upstream first, so that what a business carries is known when its buyers are generated.
    const order: [BusinessType, (r: Rng, i: number) => void][] = [
      [T.BATTERY_PACK_MANUFACTURER, (r, i) => { for (let k = r.int(1, 3); k > 0; k--) rel(r, pickBiz(r, T.BATTERY_CELL_MANUFACTURER, biz[i].district, 0.3), i, -1, '电芯供货 (cells)'); }],
      [T.VEHICLE_MANUFACTURER, (r, i) => {
        for (let k = r.int(1, 3); k > 0; k--) rel(r, pickBiz(r, T.PARTS_MANUFACTURER, biz[i].district, 0.3), i, -1, '控制器/电机/限速器 (parts)');
        supplyFrom(r, i, T.BATTERY_PACK_MANUFACTURER, 'LITHIUM_BATTERY', 1, 3);
        supplyFrom(r, i, T.LEAD_ACID_BATTERY_MANUFACTURER, 'LEAD_ACID_BATTERY', 1, 2);
        supplyFrom(r, i, T.CHARGER_MANUFACTURER, 'CHARGER', 1, 2);
        for (const m of modelsOf.get(i) ?? []) (carried.get(i) ?? carried.set(i, []).get(i)!).push(m);
      }],
      [T.IMPORTER, (r, i) => { for (const m of importedOf.get(i) ?? []) (carried.get(i) ?? carried.set(i, []).get(i)!).push(m); }],
      [T.DISTRIBUTOR, (r, i) => {
        supplyFrom(r, i, T.VEHICLE_MANUFACTURER, 'VEHICLE', 2, 5, 0.3);
        supplyFrom(r, i, T.BATTERY_PACK_MANUFACTURER, 'LITHIUM_BATTERY', 0, 2, 0.3);
        supplyFrom(r, i, T.LEAD_ACID_BATTERY_MANUFACTURER, 'LEAD_ACID_BATTERY', 0, 2, 0.3);
        if (r.chance(0.2)) resell(r, i, [T.IMPORTER], 1, 1);
      }],
      [T.BATTERY_SHOP, (r, i) => {
        supplyFrom(r, i, T.BATTERY_PACK_MANUFACTURER, 'LITHIUM_BATTERY', 1, 2);
        supplyFrom(r, i, T.LEAD_ACID_BATTERY_MANUFACTURER, 'LEAD_ACID_BATTERY', 1, 2);
        supplyFrom(r, i, T.CHARGER_MANUFACTURER, 'CHARGER', 0, 1);
      }],
      [T.RETAIL_STORE, (r, i) => { resell(r, i, [T.DISTRIBUTOR], 1, 3); if (r.chance(0.2)) supplyFrom(r, i, T.VEHICLE_MANUFACTURER, 'VEHICLE', 1, 1); }],
      [T.SALES_REPAIR_STORE, (r, i) => { resell(r, i, [T.DISTRIBUTOR], 1, 2); resell(r, i, [T.BATTERY_SHOP], 0, 1); }],
      [T.ECOMMERCE_SELLER, (r, i) => resell(r, i, [T.DISTRIBUTOR], 1, 2)],
      [T.DELIVERY_ENTERPRISE, (r, i) => resell(r, i, [T.DISTRIBUTOR], 1, 2, ['VEHICLE', 'LITHIUM_BATTERY'])],
      [T.SHARED_EBIKE_OPERATOR, (r, i) => supplyFrom(r, i, T.VEHICLE_MANUFACTURER, 'VEHICLE', 1, 2, 0.2)],
      [T.SWAP_CABINET_OPERATOR, (r, i) => supplyFrom(r, i, T.BATTERY_PACK_MANUFACTURER, 'LITHIUM_BATTERY', 1, 2, 0.2)],
      [T.REPAIR_SHOP, (r, i) => {
        resell(r, i, [T.BATTERY_SHOP, T.DISTRIBUTOR], 1, 2, ['LITHIUM_BATTERY', 'LEAD_ACID_BATTERY', 'CHARGER']);
        if (r.chance(0.35)) resell(r, i, [T.SALES_REPAIR_STORE, T.RETAIL_STORE], 1, 1, ['LITHIUM_BATTERY', 'LEAD_ACID_BATTERY', 'CHARGER', 'VEHICLE']);
      }],
      [T.RECYCLER, (r, i) => resell(r, i, [T.REPAIR_SHOP, T.BATTERY_SHOP, T.SALES_REPAIR_STORE, T.RETAIL_STORE], 2, 5)],
      [T.HAZWASTE_LICENSEE, (r, i) => resell(r, i, [T.RECYCLER, T.BATTERY_SHOP, T.REPAIR_SHOP], 1, 4, ['LEAD_ACID_BATTERY'])],
      [T.BATTERY_TEST_RECYCLE_POINT, (r, i) => resell(r, i, [T.REPAIR_SHOP, T.BATTERY_SHOP, T.RECYCLER], 1, 4, ['LITHIUM_BATTERY'])],
      [T.SCRAPPING_ENTERPRISE, (r, i) => resell(r, i, [T.RECYCLER, T.SALES_REPAIR_STORE, T.DELIVERY_ENTERPRISE], 1, 3, ['VEHICLE'])],
      [T.ILLEGAL_WORKSHOP, (r, i) => {
        if (r.chance(0.4)) {
          const s = pickBiz(r, T.RECYCLER, biz[i].district, 0.8);
          const have = carried.get(s) ?? [];
          rel(r, s, i, have.length ? r.pick(have) : -1, '疑似回收电池二次流入 (suspected resale of recycled batteries)');
        }
        if (r.chance(0.3)) rel(r, i, pickBiz(r, T.REPAIR_SHOP, biz[i].district, 0.9), -1, '翻新/拼装电池 (re-assembled batteries)');
      }],
    ];
    for (const [ty, fn] of order) for (const i of ofType(ty)) fn(rng.fork(`${ty}:${i}`), i);
  }
  progress('supply relations', out.supply_relation.rows, out.supply_relation.rows);

  // ------------------------------------------------------------ hazard catalogue helpers
  const hazards = ref.hazardTypes;
  const hazardIdx = new Map(hazards.map((h, i) => [h.code, i]));
  const checklist = ref.checklistItems;
  const checklistByStage = new Map<string, number[]>();
  checklist.forEach((c, i) => {
    if (!checklistByStage.has(c.stage)) checklistByStage.set(c.stage, []);
    checklistByStage.get(c.stage)!.push(i);
  });
  const hazardsByStage = new Map<string, number[]>();
  hazards.forEach((h, i) => h.stages.forEach((s) => (hazardsByStage.get(s) ?? hazardsByStage.set(s, []).get(s)!).push(i)));
  const HAZARDABLE = new Set([...hazardsByStage.keys()].filter((s) => teamOfStage.has(s)));
  const isOnline = (b: number) => b >= 0 && (biz[b].types.includes(T.ECOMMERCE_SELLER) || biz[b].types.includes(T.ECOMMERCE_PLATFORM)) && !biz[b].types.some((t) => t === T.DISTRIBUTOR || t === T.RETAIL_STORE);
  /** Hazard types plausible for a target at a stage, with weights. */
  const candidateCache = new Map<string, { list: number[]; cum: number[] }>();
  const hazardCandidates = (stage: string, b: number, s: number) => {
    const key = b >= 0 ? `${stage}|b|${biz[b].types.join(',')}` : `${stage}|s|${sites[s].type}`;
    let c = candidateCache.get(key);
    if (!c) {
      const list = (hazardsByStage.get(stage) ?? []).filter((h) => {
        const code = hazards[h].code;
        if (s >= 0 && SITE_ONLY[code] && !SITE_ONLY[code].includes(sites[s].type)) return false;
        if (b >= 0 && SITE_ONLY[code]) return false;
        if (BUSINESS_ONLY[code] && (b < 0 || !BUSINESS_ONLY[code].some((t) => biz[b].types.includes(t)))) return false;
        if (b >= 0 && isOnline(b) && stage === 'SALES') return ['SALES_ONLINE_ILLEGAL_INFO', 'SALES_NO_CCC', 'SALES_THREE_NO', 'SALES_SUBSTANDARD'].includes(code);
        if (b >= 0 && code === 'SALES_ONLINE_ILLEGAL_INFO') return false;
        return true;
      });
      const fallback = list.length ? list : hazardsByStage.get(stage) ?? [];
      c = { list: fallback, cum: cumulative(fallback.map((h) => HAZARD_BOOST[hazards[h].code] ?? 1)) };
      candidateCache.set(key, c);
    }
    return c;
  };
  const checklistFor = (stage: string, b: number, method: string): number[] => {
    const all = checklistByStage.get(stage) ?? [];
    if (stage !== 'SALES') return all;
    const online = method === 'ONLINE_MONITORING' || isOnline(b);
    return all.filter((i) => (checklist[i].group === 'ONLINE') === online);
  };

  /** Checklist items of an inspection whose failure raises a hazard plausible for its target. */
  const failableCache = new Map<string, number[]>();
  const failableChecklist = (insp: Insp): number[] => {
    const key = `${insp.method === 'ONLINE_MONITORING'}|${insp.biz >= 0 ? `${insp.stage}|b|${biz[insp.biz].types.join(',')}` : `${insp.stage}|s|${sites[insp.site].type}`}`;
    let l = failableCache.get(key);
    if (!l) {
      const cand = new Set(hazardCandidates(insp.stage, insp.biz, insp.site).list);
      l = insp.checklist.filter((c) => checklist[c].hazardTypeCode && hazardIdx.has(checklist[c].hazardTypeCode!) && cand.has(hazardIdx.get(checklist[c].hazardTypeCode!)!));
      failableCache.set(key, l);
    }
    return l;
  };

  // ------------------------------------------------------------ inspections (skeletons)
  const insps: Insp[] = [];
  {
    const rng = root.fork('inspections');
    const liveBiz = biz.map((b, i) => (b.status === 'ARCHIVED' ? -1 : i)).filter((i) => i >= 0);
    for (let k = 0; k < spec.inspections; k++) {
      const r = rng.fork(k);
      let b = -1;
      let s = -1;
      let stage: string;
      let method: string;
      if (r.chance(0.55)) {
        for (let tries = 0; ; tries++) {
          b = r.pick(liveBiz);
          const st = biz[b].stages.filter((x) => teamOfStage.has(x));
          if (st.length || tries > 10) break;
        }
        const st = biz[b].stages.filter((x) => teamOfStage.has(x));
        stage = st.length ? r.pick(st) : 'SALES';
        method = stage === 'SALES' && isOnline(b) ? METHODS_ONLINE(r) : METHODS_BUSINESS(r);
      } else {
        s = r.int(0, sites.length - 1);
        stage = 'PARKING_CHARGING';
        method = METHODS_SITE(r);
      }
      const team = teamOfStage.get(stage)!;
      const district = b >= 0 ? biz[b].district : sites[s].district;
      const dayOffset = Math.floor(Math.pow(r.next(), 0.85) * 730); // a little busier recently
      const dayMs = nowMs - (dayOffset + 1) * DAY;
      const minutes = method === 'NIGHT_CHECK' ? r.int(19 * 60 + 30, 23 * 60) : r.int(8 * 60 + 30, 17 * 60);
      const start = dayMs + minutes * MIN + r.int(0, 59) * 1000;
      const end = start + r.int(15, method === 'JOINT_ENFORCEMENT' ? 240 : 120) * MIN;
      const pool = teamOfficers(team);
      const nOff = method === 'JOINT_ENFORCEMENT' ? r.int(3, 6) : method === 'SELF_CHECK' || method === 'ONLINE_MONITORING' ? r.int(1, 2) : r.int(2, 3);
      let offs = r.sample(pool, nOff);
      if (method === 'JOINT_ENFORCEMENT') {
        const t = ref.teams[team];
        const others = t.memberIds.flatMap((id) => officersByDept.get(deptById.get(id)?.code ?? '') ?? []);
        offs = [...r.sample(pool, 2), ...r.sample(others, nOff - 2)];
        if (offs.length < 2) offs = r.sample(pool.length >= 2 ? pool : officers.map((_, i) => i), 2);
      }
      insps.push({
        idx: k, id: r.uuid(), method, team, stage, district, biz: b, site: s, start, end, officers: offs,
        findings: HAZARDABLE.has(stage) && r.chance(0.62), checklist: checklistFor(stage, b, method), failed: new Set(), items: 0, seq: 0,
      });
    }
  }

  // ------------------------------------------------------------ campaigns and joint operations (专项行动, 联合检查)
  // Eight campaigns a year, a month each, led in turn by the teams; inspections of a campaign's
  // stages in its month join it (70 %), and its night checks and joint enforcement of one day and
  // team make one joint operation.
  interface Camp { id: string; code: string; team: number; stages: string[]; from: string; to: string; fromMs: number; toMs: number }
  const camps: Camp[] = [];
  const inspCampaign = new Int32Array(insps.length).fill(-1);
  const inspJoint = new Int32Array(insps.length).fill(-1);
  const jointIds: string[] = [];
  {
    const rng = root.fork('campaigns');
    const KINDS: [string, string][] = [['NIGHT_CHECK', '夜查'], ['CONCENTRATED_ACTION', '集中整治'], ['JOINT_ENFORCEMENT', '联合执法'], ['SPECIAL_INSPECTION', '专项检查']];
    for (let c = 0; c < 16; c++) {
      const r = rng.fork(c);
      const team = c % ref.teams.length;
      const t = ref.teams[team];
      const fromMs = startMs + Math.round((c * 730) / 16) * DAY;
      const toMs = fromMs + 29 * DAY;
      const from = shDate(fromMs);
      const to = shDate(toMs);
      const [kind, kindZh] = KINDS[c % KINDS.length];
      const phase = toMs < nowMs - 365 * DAY ? 'CONCENTRATED' : c % 2 ? 'PROBLEM_FIXING' : 'CONSOLIDATION';
      const id = r.uuid();
      const code = `ZX-${from.replace(/-/g, '')}-001`;
      camps.push({ id, code, team, stages: t.stages, from, to, fromMs, toMs });
      const goals = [
        { metric: 'INSPECTION_COVERAGE', target: 0.8, districtCodes: [], businessTypes: [], dueOn: to, description: '检查覆盖目标主体的80%' },
        { metric: 'RECTIFICATION_RATE', target: 0.9, districtCodes: [], businessTypes: [], dueOn: shDate(toMs + 30 * DAY), description: '行动发现隐患整改率达到90%' },
      ];
      const created = iso(fromMs - 3 * DAY);
      out.campaign.add([id, code, `${from.slice(0, 7).replace('-', '年')}月${kindZh}专项行动（${t.code}）`, kind, phase, from, to, t.id, t.leadDepartmentId, t.coLeadIds, t.stages, [], [],
        JSON.stringify(goals), null, null, created, created, 1]);
    }
    // Inspections join the campaign running on their day whose stages include theirs.
    const groups = new Map<string, number[]>();
    insps.forEach((x, k) => {
      const c = camps.findIndex((cp) => x.start >= cp.fromMs && x.start < cp.toMs + DAY && cp.stages.includes(x.stage));
      if (c < 0 || !rng.fork(`join-${k}`).chance(0.7)) return;
      inspCampaign[k] = c;
      if (x.method === 'NIGHT_CHECK' || x.method === 'JOINT_ENFORCEMENT') {
        const key = `${c}|${shDate(x.start)}|${x.team}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push(k);
      }
    });
    const seqByDay = new Map<string, number>();
    for (const [key, members] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const [c, day, team] = key.split('|');
      const r = rng.fork(`op-${key}`);
      const t = ref.teams[Number(team)];
      const seq = (seqByDay.get(day) ?? 0) + 1;
      seqByDay.set(day, seq);
      const id = r.uuid();
      const names = [...new Set(members.flatMap((k) => insps[k].officers))];
      const depts = [...new Set([t.leadDepartmentId, ...t.coLeadIds, ...names.map((o) => deptId(officers[o].dept)).filter((d): d is string => !!d)])];
      if (depts.length < 2) { const fire = deptId('FIRE'); if (fire && !depts.includes(fire)) depts.push(fire); }
      const at = iso(midnight(day) + 23 * HOUR);
      out.joint_operation.add([id, `LH-${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`, camps[Number(c)].id, t.id, day, [...new Set(members.map((k) => insps[k].district))].sort(), depts,
        Math.max(1, Math.ceil(members.length / 3)), names.length + r.int(0, 4), names.map(officerName), null, null, at, at, 1]);
      jointIds.push(id);
      for (const k of members) inspJoint[k] = jointIds.length - 1;
    }
  }

  // ------------------------------------------------------------ item skeletons: where, when, which hazard
  const N = spec.items;
  const iInsp = new Int32Array(N).fill(-1);
  const iTime = new Float64Array(N);
  const iDistrict = new Array<string>(N);
  const iHazard = new Int32Array(N);
  const iCheck = new Int32Array(N).fill(-1);
  const iBiz = new Int32Array(N).fill(-1);
  const iSite = new Int32Array(N).fill(-1);
  const iStage = new Array<string>(N);
  const iMethod = new Array<string>(N);
  {
    const rng = root.fork('item-skeletons');
    const finders = insps.filter((x) => x.findings);
    const attached = finders.length ? Math.round(N * 0.85) : 0;
    for (let j = 0; j < N; j++) {
      const r = rng.fork(j);
      if (j < attached) {
        const insp = j < finders.length ? finders[j] : r.pick(finders);
        insp.items++;
        iInsp[j] = insp.idx;
        iBiz[j] = insp.biz;
        iSite[j] = insp.site;
        iStage[j] = insp.stage;
        iMethod[j] = insp.method;
        iDistrict[j] = insp.district;
        iTime[j] = insp.start + r.next() * (insp.end - insp.start);
        // Mostly the failed checklist item's hazard; sometimes a type without a checklist item.
        const cl = failableChecklist(insp);
        if (cl.length && r.chance(0.8)) {
          const c = r.pick(cl);
          iCheck[j] = c;
          iHazard[j] = hazardIdx.get(checklist[c].hazardTypeCode!)!;
          insp.failed.add(c);
        } else {
          const cand = hazardCandidates(insp.stage, insp.biz, insp.site);
          iHazard[j] = cand.list[r.weightedIndex(cand.cum)];
          const c = insp.checklist.find((x) => checklist[x].hazardTypeCode === hazards[iHazard[j]].code);
          if (c !== undefined) {
            iCheck[j] = c;
            insp.failed.add(c);
          }
        }
      } else {
        const method = STANDALONE_METHODS(r);
        let b = -1;
        let s = -1;
        let stage = 'PARKING_CHARGING';
        if (method === 'ONLINE_MONITORING') {
          const online = [...ofType(T.ECOMMERCE_SELLER), ...ofType(T.ECOMMERCE_PLATFORM)];
          b = online.length ? r.pick(online) : r.int(0, biz.length - 1);
          stage = 'SALES';
        } else if (method !== 'SELF_CHECK' && r.chance(0.55)) {
          s = r.int(0, sites.length - 1);
        } else {
          for (let tries = 0; tries < 20; tries++) {
            b = r.int(0, biz.length - 1);
            if (biz[b].stages.some((x) => HAZARDABLE.has(x))) break;
          }
          const st = biz[b].stages.filter((x) => HAZARDABLE.has(x));
          stage = st.length ? r.pick(st) : 'SALES';
        }
        const cand = hazardCandidates(stage, b, s);
        iHazard[j] = cand.list[r.weightedIndex(cand.cum)];
        iBiz[j] = b;
        iSite[j] = s;
        iStage[j] = stage;
        iMethod[j] = method;
        iDistrict[j] = b >= 0 ? biz[b].district : sites[s].district;
        const dayOffset = Math.floor(Math.pow(r.next(), 0.85) * 730);
        const minutes = method === 'NIGHT_CHECK' ? r.int(19 * 60 + 30, 23 * 60) : r.int(8 * 60, 20 * 60);
        iTime[j] = nowMs - (dayOffset + 1) * DAY + minutes * MIN + r.int(0, 59) * 1000;
      }
    }
  }

  // Codes: gap-free per (district, Shanghai day), in order of time.
  const codeOrder = (count: number, district: (i: number) => string, time: (i: number) => number) => {
    const keys = new Array<string>(count);
    const idx = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      keys[i] = `${district(i)}-${shDate(time(i)).replace(/-/g, '')}`;
      idx[i] = i;
    }
    idx.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : time(a) - time(b) || a - b));
    const seq = new Int32Array(count);
    let prev = '';
    let n = 0;
    for (const i of idx) {
      n = keys[i] === prev ? n + 1 : 1;
      prev = keys[i];
      seq[i] = n;
    }
    return { order: idx, keys, seq };
  };

  // ------------------------------------------------------------ inspections and checklist results
  {
    const rng = root.fork('inspection-rows');
    const { order, keys, seq } = codeOrder(insps.length, (i) => insps[i].district, (i) => insps[i].start);
    let n = 0;
    for (const k of order) {
      if ((++n & 511) === 0) await tick();
      const x = insps[k];
      const r = rng.fork(k);
      const t = ref.teams[x.team];
      const deptIds = [t.leadDepartmentId, ...t.coLeadIds];
      for (const o of x.officers) {
        const id = deptId(officers[o].dept);
        if (id && !deptIds.includes(id)) deptIds.push(id);
      }
      const code = `JC-${keys[k]}-${String(seq[k]).padStart(4, '0')}`;
      const conclusion = x.items ? `发现隐患${x.items}处，已当场责令整改或下达整改通知` : r.pick(['未发现隐患', '检查合格', '未发现问题，已开展安全宣传']);
      const created = x.end + r.int(5, 240) * MIN;
      out.inspection.add([
        x.id, code, x.method, t.id, deptIds, x.officers.map(officerName), x.biz >= 0 ? biz[x.biz].id : null, x.site >= 0 ? sites[x.site].id : null,
        x.district, x.stage, iso(x.start), iso(x.end), conclusion, null, iso(Math.min(created, nowMs - MIN)), iso(Math.min(created, nowMs - MIN)), 1,
        inspCampaign[k] >= 0 ? camps[inspCampaign[k]].id : null, inspJoint[k] >= 0 ? jointIds[inspJoint[k]] : null,
      ]);
      x.checklist.forEach((c, i) => {
        const failed = x.failed.has(c);
        const outcome = failed ? 'FAILED' : r.chance(0.08) ? 'NOT_APPLICABLE' : 'PASSED';
        out.inspection_checklist_result.add([x.id, checklist[c].code, outcome, failed ? `不符合：${checklist[c].nameZh}` : null, i + 1]);
      });
    }
  }
  progress('inspections', insps.length, insps.length);

  // ------------------------------------------------------------ remediation items with their history
  const statuses: Record<string, number> = {};
  {
    const rng = root.fork('items');
    const { order, keys, seq } = codeOrder(N, (i) => iDistrict[i], (i) => iTime[i]);
    const caseSeq = new Map<string, number>();
    let listingSeq = 0;
    let done = 0;
    for (const j of order) {
      if ((done & 255) === 0) await tick();
      const r = rng.fork(j);
      const h = hazards[iHazard[j]];
      const b = iBiz[j];
      const s = iSite[j];
      const insp = iInsp[j] >= 0 ? insps[iInsp[j]] : null;
      const teamIdx = insp ? insp.team : teamOfStage.get(iStage[j]) ?? 0;
      const team = ref.teams[teamIdx];
      const pool = teamOfficers(teamIdx);
      const poolOr = pool.length >= 3 ? pool : officers.map((_, i) => i);
      const finders = insp ? insp.officers : r.sample(poolOr, r.int(1, 2));
      const finder = finders[0];
      const id = r.uuid();
      const code = `LS-${keys[j]}-${String(seq[j]).padStart(4, '0')}`;
      const t0 = iTime[j];
      const place = s >= 0 ? sites[s] : null;
      const party = b >= 0 ? biz[b] : null;
      const major = MAJOR_CANDIDATES.has(h.code) && r.chance(0.04);
      const majorFire = !major && h.stages.includes('PARKING_CHARGING') && MAJOR_CANDIDATES.has(h.code) && r.chance(0.015);
      const isMajor = major || majorFire;
      const level = major ? 'MAJOR' : h.defaultLevel;
      const where = place ? place.name : party!.name;
      const detail = place && [S.RESIDENTIAL_COMPOUND, S.OLD_COMPOUND, S.HIGH_RISE].includes(place.type) && ['PARK_COMMON_AREA', 'PARK_FLY_LINE', 'PARK_INTO_BUILDING', 'PARK_NEAR_UNIT_DOOR'].includes(h.code) ? `${r.int(1, 30)}栋${r.int(1, 4)}单元` : '';
      const description = `${where}${detail}：${h.nameZh}${r.pick(['', '，现场责令整改', '，涉及电动自行车' + r.int(2, 40) + '辆', '，群众反映强烈'])}`;
      const responsible = place ? place.manager : party!.person;
      const contact = place ? place.phone : party!.phone;
      const lat = place ? place.lat : party!.lat;
      const lon = place ? place.lon : party!.lon;
      const discoveredBy = finders.map(officerName);

      // --- the item's state, changed by the steps below
      const it = {
        status: 'REGISTERED', noticeType: null as string | null, noticeNo: null as string | null, noticeServedAt: null as number | null, deadline: null as string | null,
        measures: null as string | null, interim: null as string | null, funds: null as string | null, plan: null as Record<string, string> | null,
        completionAt: null as number | null, completionBy: null as number | null, reviewerName: null as string | null, reviewerId: null as string | null,
        reviewedAt: null as number | null, reviewResult: null as string | null, reviewNotes: null as string | null, rectifiedAt: null as number | null,
        closedAt: null as number | null, closedBy: null as string | null, invalidation: null as string | null, listed: false, transferred: false,
        caseFiled: false, interviewed: false, sealed: false, failedReviews: 0, extensions: 0, version: 1, updatedAt: t0,
      };
      const events: { t: number; cells: (string | null | Record<string, unknown>)[] }[] = [];
      const ev = (t: number, action: string, from: string | null, actor: number | null, comment: string | null, data: Record<string, unknown> | null, counts = true) => {
        const o = actor !== null ? officers[actor] : null;
        events.push({ t, cells: [r.uuid(), id, action, from, it.status, o ? o.id : null, o ? o.name : null, o ? o.role : null, iso(t), comment, data] });
        if (counts) it.version++;
        it.updatedAt = Math.max(it.updatedAt, t);
      };
      const evidence = (t: number, phase: string, kind: string, by: number) => {
        const eid = r.uuid();
        const ext = kind === 'PHOTO' ? 'jpg' : kind === 'VIDEO' ? 'mp4' : 'pdf';
        const sha = r.hex(64);
        out.evidence.add([eid, id, kind, phase, `s3://ebike-evidence/${shDate(t).slice(0, 7)}/${id}/${eid}.${ext}`, sha, iso(t - r.int(0, 20) * MIN), round6(lat + (r.next() - 0.5) * 0.001), round6(lon + (r.next() - 0.5) * 0.001), officers[by].id, iso(t)]);
        ev(t, 'EVIDENCE_ADDED', it.status, by, null, { evidenceId: eid, kind, phase, sha256: sha }, false);
      };
      const other = (not: number[]) => {
        const c = poolOr.filter((o) => !not.includes(o));
        return c.length ? r.pick(c) : r.pick(officers.map((_, i) => i).filter((o) => !not.includes(o)));
      };

      const created = t0 + r.int(2, 40) * MIN;
      ev(created, 'CREATED', null, finder, null, { code }, false);
      for (let k = r.int(1, 2); k > 0; k--) evidence(created + k * MIN, 'BEFORE', r.chance(0.9) ? 'PHOTO' : 'VIDEO', finder);

      const invalidate = r.chance(0.025);
      const limit = invalidate ? Math.min(nowMs, created + r.int(1, 20) * DAY + r.int(0, 600) * MIN) : nowMs;
      const ok = (t: number) => t < limit;
      let last = created + 5 * MIN;

      simulate: {
        // Fixed on the spot: not for major hazards.
        if (!isMajor && r.chance(h.stages.includes('PARKING_CHARGING') ? 0.42 : 0.3)) {
          const tR = last + r.int(10, 90) * MIN;
          if (!ok(tR)) break simulate;
          it.noticeType = 'IMMEDIATE';
          it.noticeServedAt = tR;
          it.rectifiedAt = tR;
          it.status = 'RECTIFIED_ON_SITE';
          ev(tR, 'RECTIFY_ON_SITE', 'REGISTERED', finder, '当场整改完毕', null);
          evidence(tR + 2 * MIN, 'AFTER', 'PHOTO', finder);
          const roll = r.next();
          const tC = tR + (roll < 0.8 ? r.int(10, 180) * MIN : roll < 0.95 ? r.int(1, 3) * DAY : r.int(5, 40) * DAY);
          if (!ok(tC)) break simulate;
          it.reviewerId = officers[finder].id;
          it.reviewerName = officers[finder].name;
          it.reviewedAt = tC;
          it.reviewResult = 'PASS';
          it.reviewNotes = '现场复核已整改到位';
          it.closedAt = tC;
          it.closedBy = officers[finder].id;
          it.status = 'CLOSED';
          ev(tC, 'CLOSE', 'RECTIFIED_ON_SITE', finder, '现场复核已整改到位', null);
          break simulate;
        }
        // Notice.
        const roll = r.next();
        const tN = last + (roll < 0.6 ? r.int(30, 24 * 60) * MIN : roll < 0.9 ? r.int(1, 3) * DAY : roll < 0.98 ? r.int(3, 7) * DAY : r.int(7, 30) * DAY);
        if (!ok(tN)) break simulate;
        const limited = isMajor || r.chance(0.75);
        const servedOn = shDate(tN);
        it.noticeType = limited ? 'LIMITED_TIME' : 'IMMEDIATE';
        it.noticeServedAt = tN;
        it.noticeNo = `乐${(dept.get(deptById.get(team.leadDepartmentId)?.code ?? '')?.shortName ?? '').replace(/局|委$/, '') || '整治'}${limited ? '限改' : '责改'}〔${servedOn.slice(0, 4)}〕${code.slice(-13).replace(/-/g, '')}号`;
        it.deadline = limited ? addDaysDate(servedOn, isMajor ? r.pick([60, 90, 120, 180]) : r.pick([3, 7, 7, 10, 15, 15, 30, 30, 60])) : servedOn;
        it.measures = `按照《${h.nameZh}》整改要求落实整改措施`;
        if (limited) it.interim = r.chance(0.6) ? '整改期间落实专人巡查，禁止违规停放充电' : null;
        if (isMajor) it.funds = yuan(r.int(20, 800) * 1000);
        else if (limited && r.chance(0.3)) it.funds = yuan(r.int(5, 200) * 100);
        it.status = 'NOTIFIED';
        ev(tN, 'SERVE_NOTICE', 'REGISTERED', finder, null, { noticeType: it.noticeType, deadline: it.deadline, noticeNo: it.noticeNo });
        if (r.chance(0.5)) evidence(tN + 5 * MIN, 'OTHER', 'DOCUMENT', finder);
        last = tN;
        if ((isMajor || (b >= 0 && biz[b].types.includes(T.ILLEGAL_WORKSHOP))) && r.chance(0.4)) {
          it.sealed = true;
          ev(tN + 30 * MIN, 'SEAL', it.status, finder, '临时查封', null);
        }
        // Listed supervision and the six-element plan for major hazards.
        let planAt = tN;
        if (isMajor) {
          const tL = tN + r.int(1, 5) * DAY;
          if (!ok(tL)) break simulate;
          const coord = r.pick(coordinators.length ? coordinators : [finder]);
          listingSeq++;
          const listing = {
            id: r.uuid(), authority: r.chance(0.5) ? '乐山市人民政府安全生产委员会' : `${districtName.get(iDistrict[j])}人民政府`,
            number: `乐安委挂〔${shDate(tL).slice(0, 4)}〕${String(listingSeq).padStart(5, '0')}号`, listedOn: shDate(tL), acceptedOn: null as string | null, note: null as string | null, created: tL,
          };
          it.listed = true;
          ev(tL, 'LISTED', it.status, coord, null, { authority: listing.authority, listingNumber: listing.number, listedOn: listing.listedOn });
          planAt = tL + r.int(1, 10) * DAY;
          (it as { listing?: typeof listing }).listing = listing;
          if (!ok(planAt)) break simulate;
          it.plan = {
            objectives: r.pick(PLAN_TEXT.objectives), measures: r.pick(PLAN_TEXT.measures), funds: `${r.pick(PLAN_TEXT.funds)}，约${Number(it.funds) / 10000}万元`,
            responsible: `${r.pick(PLAN_TEXT.responsible)}${responsible}`, timeline: `${it.deadline}前完成`, contingency: r.pick(PLAN_TEXT.contingency),
          };
          ev(planAt, 'SUBMIT_PLAN', it.status, finder, null, null);
        }
        // Some parties never start (they end up overdue).
        if (r.chance(0.04)) break simulate;
        const tS = Math.max(planAt, tN) + (limited ? r.int(1, 48) : r.int(1, 4)) * HOUR;
        if (!ok(tS)) break simulate;
        it.status = 'RECTIFYING';
        ev(tS, 'START_RECTIFICATION', 'NOTIFIED', finder, null, null);
        last = tS;
        if (r.chance(limited ? 0.07 : 0.02)) break simulate; // stalled while rectifying
        // Extension request (limited-time notices).
        if (limited && r.chance(0.12)) {
          const window = midnight(it.deadline!) - last;
          const tQ = last + Math.max(HOUR, window * (0.3 + 0.5 * r.next()));
          if (!ok(tQ)) break simulate;
          const requester = other([]);
          const requested = addDaysDate(it.deadline!, r.int(15, 45));
          const reqId = r.uuid();
          const reason = r.pick(EXT_REASONS);
          ev(tQ, 'EXTENSION_REQUESTED', it.status, requester, reason, { requestId: reqId, currentDeadline: it.deadline, requestedDeadline: requested });
          const tD = tQ + r.int(1, 5) * DAY;
          const previous = it.deadline!;
          if (!ok(tD)) {
            out.extension_request.add([reqId, id, iso(tQ), officers[requester].id, previous, requested, reason, 'PENDING', null, null, null]);
            break simulate;
          }
          const decider = other([requester]);
          const approve = r.chance(0.65);
          const note = approve ? '同意延期，请按期完成整改' : '理由不充分，不予延期';
          out.extension_request.add([reqId, id, iso(tQ), officers[requester].id, previous, requested, reason, approve ? 'APPROVED' : 'REFUSED', iso(tD), officers[decider].id, note]);
          if (approve) {
            it.deadline = requested;
            it.extensions++;
          }
          ev(tD, approve ? 'EXTENSION_APPROVED' : 'EXTENSION_REFUSED', it.status, decider, note, { requestId: reqId, previousDeadline: previous, deadline: it.deadline });
          last = tD;
        }
        // Completion, review (sometimes failed and redone), acceptance, closing.
        for (let round = 0; ; round++) {
          const dl = midnight(it.deadline!) + DAY;
          const late = r.chance(0.18);
          const tDone = late ? Math.max(last, dl) + r.int(1, 25) * DAY + r.int(0, 600) * MIN : last + Math.max(HOUR, (dl - last) * r.next());
          if (!ok(tDone)) break simulate;
          const reporter = other([]);
          it.completionAt = tDone;
          it.completionBy = reporter;
          it.status = 'PENDING_REVIEW';
          ev(tDone, 'REPORT_COMPLETION', 'RECTIFYING', reporter, '整改单位报告整改完成，申请复查', null);
          for (let k = r.int(1, 3); k > 0; k--) evidence(tDone + k * MIN, 'AFTER', 'PHOTO', reporter);
          const tV = tDone + (r.chance(0.9) ? r.int(1, 5) : r.int(6, 20)) * DAY + r.int(0, 480) * MIN;
          if (!ok(tV)) break simulate;
          const reviewer = other([reporter]);
          const fail = round < 2 && r.chance(round === 0 ? 0.14 : 0.08);
          it.reviewerId = officers[reviewer].id;
          it.reviewerName = officers[reviewer].name;
          it.reviewedAt = tV;
          it.reviewResult = fail ? 'FAIL' : 'PASS';
          if (fail) {
            const notes = r.pick(FAIL_NOTES);
            it.reviewNotes = notes;
            it.failedReviews++;
            it.completionAt = null;
            it.completionBy = null;
            it.status = 'RECTIFYING';
            const data: Record<string, unknown> = { reviewResult: 'FAIL' };
            if (limited) {
              data.previousDeadline = it.deadline;
              it.deadline = addDaysDate(shDate(tV), r.pick([7, 10, 15]));
            }
            ev(tV, 'FAIL_REVIEW', 'PENDING_REVIEW', reviewer, notes, data);
            last = tV;
            continue;
          }
          it.reviewNotes = '复查合格';
          it.rectifiedAt = tV;
          it.status = 'VERIFIED';
          ev(tV, 'PASS_REVIEW', 'PENDING_REVIEW', reviewer, '复查合格', { reviewResult: 'PASS' });
          last = tV;
          if (it.sealed) {
            const tU = tV + r.int(1, 24) * HOUR;
            if (!ok(tU)) break simulate;
            it.sealed = false;
            ev(tU, 'UNSEAL', it.status, reviewer, '整改合格，解除查封', null);
            last = tU;
          }
          const listing = (it as { listing?: { acceptedOn: string | null; note: string | null } }).listing;
          if (listing) {
            const tA = last + r.int(1, 10) * DAY;
            if (!ok(tA)) break simulate;
            listing.acceptedOn = shDate(tA);
            listing.note = '经验收，整改到位，同意销号';
            ev(tA, 'ACCEPT_LISTING', it.status, r.pick(coordinators.length ? coordinators : [reviewer]), listing.note, { acceptedOn: listing.acceptedOn });
            last = tA;
          }
          const tC = last + (r.chance(0.8) ? r.int(1, 72) * HOUR : r.int(5, 45) * DAY);
          if (!ok(tC)) break simulate;
          const closer = r.chance(0.7) ? reviewer : other([reporter]);
          it.closedAt = tC;
          it.closedBy = officers[closer].id;
          it.status = 'CLOSED';
          ev(tC, 'CLOSE', 'VERIFIED', closer, '整改完成，予以销号', null);
          break simulate;
        }
      }
      if (invalidate && limit < nowMs && it.status !== 'CLOSED') {
        const from = it.status;
        it.invalidation = r.pick(INVALID_REASONS);
        it.status = 'INVALIDATED';
        ev(limit, 'INVALIDATE', from, r.pick(coordinators.length ? coordinators : [finder]), it.invalidation, null);
      }
      // Status at an instant, from the transitions so far (for side events).
      const statusAt = (t: number) => {
        let st = 'REGISTERED';
        for (const e of events) if (e.t <= t) st = e.cells[4] as string;
        return st;
      };
      const sideOk = (t: number) => t < nowMs && (!invalidate || t < limit);
      // Enforcement case.
      const caseRate = CASE_RATE[h.code] ?? 0.015;
      if (it.noticeServedAt && r.chance(caseRate)) {
        const tF = it.noticeServedAt + r.int(3, 30) * DAY;
        if (sideOk(tF)) {
          const deptCode = h.code.startsWith('PARK_') ? (h.code === 'PARK_MANAGER_DUTY' ? 'HOUSING' : 'FIRE')
            : h.code === 'SALES_SHOP_FIRE' ? 'FIRE' : h.code.startsWith('USE_') ? 'TRAFFIC_POLICE' : h.code === 'REC_NO_LICENCE' ? 'ECOLOGY'
            : h.code === 'MOD_ILLEGAL_ASSEMBLY' && r.chance(0.5) ? 'PSB' : h.code.startsWith('REC_') && r.chance(0.5) ? 'COMMERCE' : 'MARKET';
          const did = deptId(deptCode) ?? team.leadDepartmentId;
          const year = shDate(tF).slice(0, 4);
          const key = `${deptCode}|${year}`;
          const n = (caseSeq.get(key) ?? 0) + 1;
          caseSeq.set(key, n);
          const caseNumber = `${CASE_PREFIX[deptCode] ?? '乐整治罚'}〔${year}〕${String(n).padStart(5, '0')}号`;
          const fine = h.code === 'PROD_NO_CCC' || h.code === 'SALES_NO_CCC' ? r.int(50, 200) * 1000
            : h.code === 'PARK_FIRE_LANE_BLOCKED' ? r.int(50, 500) * 100 : h.code === 'PARK_COMMON_AREA' ? r.int(20, 100) * 100
            : h.code.startsWith('USE_') ? r.int(1, 4) * 50 : r.chance(0.85) ? r.int(10, 300) * 100 : 0;
          const gains = h.stages.some((x) => x === 'SALES' || x === 'PRODUCTION' || x === 'MODIFICATION') && r.chance(0.3) ? r.int(10, 800) * 100 : 0;
          const seizes = h.stages.some((x) => x === 'MODIFICATION' || x === 'RECYCLING') || ['SALES_THREE_NO', 'SALES_NO_CCC', 'PROD_NO_CCC'].includes(h.code);
          const sv = seizes && r.chance(0.6) ? r.int(0, 30) : 0;
          const sb = seizes && r.chance(0.7) ? r.int(1, 200) : 0;
          const sp = seizes && r.chance(0.4) ? r.int(1, 500) : 0;
          const penalties: string[] = [];
          if (fine > 0) penalties.push('FINE');
          if (gains > 0) penalties.push('CONFISCATE_ILLEGAL_GAINS');
          if (sv + sb + sp > 0) penalties.push('CONFISCATE_PROPERTY');
          if (r.chance(0.08) && b >= 0) penalties.push('SUSPEND_OPERATIONS');
          if ((deptCode === 'PSB' || deptCode === 'TRAFFIC_POLICE') && r.chance(0.05)) penalties.push('ADMIN_DETENTION');
          if (!penalties.length) penalties.push('WARNING');
          const police = CRIMINAL.has(h.code) && r.chance(0.25);
          const closedOn = addDaysDate(shDate(tF), r.int(15, 120));
          const goods = sv + sb + sp > 0 ? [sv ? `电动自行车${sv}辆` : '', sb ? `蓄电池${sb}块` : '', sp ? `配件${sp}件` : ''].filter(Boolean).join('、') : null;
          out.enforcement_case.add([
            r.uuid(), id, caseNumber, shDate(tF), did, h.legalBasis, penalties, yuan(fine), yuan(gains), goods, sv, sb, sp, police, closedOn < today ? closedOn : null, iso(tF),
            // Every seeded case has a penalty (at least a warning): a closed one ended with it executed.
            closedOn < today ? 'PENALTY_EXECUTED' : null, iso(tF),
            // A few cases a year are exposed as typical cases (典型案例曝光), some days after filing.
            ...(fine >= 5000 && r.chance(0.2) && addDaysDate(shDate(tF), 10) < today ? [true, addDaysDate(shDate(tF), 10)] : [false, null]),
          ]);
          it.caseFiled = true;
          if (police) it.transferred = true;
          const st = statusAt(tF);
          events.push({ t: tF, cells: [r.uuid(), id, 'CASE_FILED', st, st, officers[finder].id, officers[finder].name, officers[finder].role, iso(tF), null, { caseNumber, fineAmount: yuan(fine), confiscatedAmount: yuan(gains) }] });
          it.version++;
          it.updatedAt = Math.max(it.updatedAt, tF);
        }
      }
      // Transfers to another department, interviews.
      const sides: [string, number, Record<string, unknown>, string | null][] = [];
      if (r.chance(0.03)) {
        const to = h.code.startsWith('USE_') ? 'TRAFFIC_POLICE' : h.code.startsWith('REC_') ? 'ECOLOGY' : h.code.startsWith('PARK_') ? 'HOUSING' : 'MARKET';
        sides.push(['TRANSFER', created + r.int(1, 15) * DAY, { toDepartment: to, toPolice: false }, '线索移交相关部门处理']);
      }
      if ((h.code.startsWith('PARK_') && r.chance(0.08)) || (b >= 0 && r.chance(0.03))) {
        const date = shDate(created + r.int(2, 20) * DAY);
        const dcode = officers[finder].dept;
        sides.push(['RECORD_INTERVIEW', midnight(date) + r.int(9, 17) * HOUR, { party: place && place.operator >= 0 ? biz[place.operator].name : party ? party.name : responsible, date, department: dcode }, '约谈责任单位负责人']);
      }
      for (const [action, t, data, comment] of sides) {
        if (!sideOk(t)) continue;
        const st = statusAt(t);
        if (st === 'INVALIDATED' || (action === 'TRANSFER' && st === 'CLOSED')) continue;
        if (action === 'TRANSFER') it.transferred = true;
        else it.interviewed = true;
        const o = officers[finder];
        events.push({ t, cells: [r.uuid(), id, action, st, st, o.id, o.name, o.role, iso(t), comment, data] });
        it.version++;
        it.updatedAt = Math.max(it.updatedAt, t);
      }
      events.sort((a, c) => a.t - c.t);
      for (const e of events) out.remediation_event.add(e.cells);
      const listing = (it as { listing?: { id: string; authority: string; number: string; listedOn: string; acceptedOn: string | null; note: string | null; created: number } }).listing;
      if (listing) {
        out.listing.add([listing.id, id, listing.authority, listing.number, listing.listedOn, `${listing.number.replace('挂', '办')}附件：重大隐患整改方案（六要素）`, listing.acceptedOn, listing.note, iso(listing.created)]);
      }
      statuses[it.status] = (statuses[it.status] ?? 0) + 1;
      out.remediation_item.add([
        id, code, h.code, level, majorFire, iStage[j], team.id, team.leadDepartmentId, iDistrict[j], b >= 0 ? biz[b].id : null, s >= 0 ? sites[s].id : null,
        insp ? insp.id : null, description, h.legalBasis, place ? place.address : party!.address, responsible, contact, iso(t0), shDate(t0), discoveredBy, iMethod[j],
        it.noticeType, it.noticeNo, it.noticeServedAt !== null ? iso(it.noticeServedAt) : null, it.deadline, it.measures, it.interim, it.funds, it.status, it.plan,
        it.completionAt !== null ? iso(it.completionAt) : null, it.completionBy !== null ? officers[it.completionBy].id : null, it.reviewerName, it.reviewerId,
        it.reviewedAt !== null ? iso(it.reviewedAt) : null, it.reviewResult, it.reviewNotes, it.rectifiedAt !== null ? iso(it.rectifiedAt) : null,
        it.rectifiedAt !== null ? shDate(it.rectifiedAt) : null, it.closedAt !== null ? iso(it.closedAt) : null, it.closedAt !== null ? shDate(it.closedAt) : null,
        it.closedBy, it.invalidation, it.listed, it.transferred, it.caseFiled, it.interviewed, it.sealed, it.failedReviews, it.extensions, null,
        iso(created), iso(it.updatedAt), it.version, insp && inspCampaign[insp.idx] >= 0 ? camps[inspCampaign[insp.idx]].id : null,
      ]);
      if (++done % 5000 === 0) progress('remediation items', done, N);
    }
    progress('remediation items', N, N);
  }

  // ------------------------------------------------------------ task lists and warnings (任务清单, 警示提醒)
  {
    const rng = root.fork('tasks');
    const TITLES = ['制定专项行动实施方案', '组织开展联合检查', '梳理隐患清单并逐一交办', '督导各区县整改进度', '开展宣传培训', '汇总报送阶段性总结'];
    let n = 0;
    const taskSeq = new Map<string, number>();
    const districtsList = districts.map((d) => d.code);
    const addTask = (r: Rng, team: number, title: string, due: string, created: number, campaign: Camp | null) => {
      const day = shDate(created);
      const seq = (taskSeq.get(day) ?? 0) + 1;
      taskSeq.set(day, seq);
      const t = ref.teams[team];
      const id = r.uuid();
      const past = due < today;
      const roll = r.next();
      const state = past ? (roll < 0.82 ? 'DONE' : roll < 0.92 ? 'IN_PROGRESS' : roll < 0.96 ? 'NOT_STARTED' : 'CANCELLED') : roll < 0.5 ? 'IN_PROGRESS' : roll < 0.9 ? 'NOT_STARTED' : 'DONE';
      let doneOn: string | null = null;
      if (state === 'DONE') {
        const d = addDaysDate(due, r.int(-10, 3));
        doneOn = d < today ? (d > day ? d : day) : addDaysDate(today, -1) > day ? addDaysDate(today, -1) : day;
      }
      const district = r.chance(0.3) ? r.pick(districtsList) : null;
      const updated = doneOn ? midnight(doneOn) + 10 * HOUR : Math.min(created + 2 * DAY, nowMs - MIN);
      out.task.add([id, `RW-${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`, t.id, t.leadDepartmentId, district, title, `${title}，按时限完成并报送专班办公室`, null, due, state, doneOn,
        state === 'DONE' ? `已完成，材料见专班共享目录 ${id.slice(0, 8)}` : null, campaign ? campaign.id : null, [], null, iso(created), iso(updated), state === 'NOT_STARTED' ? 1 : 2]);
      if (state !== 'NOT_STARTED') {
        const notedOn = doneOn ?? (addDaysDate(day, 3) < today ? addDaysDate(day, 3) : day);
        const author = r.pick(teamOfficers(team).length ? teamOfficers(team) : coordinators);
        out.task_note.add([r.uuid(), id, notedOn, state === 'DONE' ? '任务已完成，已报送' : '正在推进，已部署到各区县', null, officers[author].name, iso(Math.min(midnight(notedOn) + 11 * HOUR, nowMs - MIN))]);
      }
      n++;
    };
    camps.forEach((c, i) => {
      const r = rng.fork(`campaign-${i}`);
      for (let k = 0; k < TITLES.length; k++) addTask(r.fork(k), c.team, TITLES[k], shDate(c.fromMs + Math.round(((k + 1) * 29) / TITLES.length) * DAY), Math.min(c.fromMs - 2 * DAY, nowMs - DAY), c);
    });
    // Standing tasks of every team: one a month each.
    ref.teams.forEach((_, team) => {
      for (let m = 0; m < 24; m++) {
        const r = rng.fork(`team-${team}-${m}`);
        const created = startMs + m * 30 * DAY + r.int(0, 5) * DAY;
        if (created >= nowMs - DAY) continue;
        addTask(r, team, `${r.pick(['月度隐患排查', '调度数据报送', '重点场所复查', '挂牌隐患督办'])}（${shDate(created).slice(0, 7)}）`, shDate(created + r.int(10, 25) * DAY), created, null);
      }
    });
    // Warnings: to businesses of a campaign's stages during it, and to lagging districts after it.
    const wr = root.fork('warnings');
    const liveBiz = biz.map((b, i) => (b.status === 'ARCHIVED' ? -1 : i)).filter((i) => i >= 0);
    camps.forEach((c, i) => {
      const r = wr.fork(i);
      const pool = liveBiz.filter((b) => biz[b].stages.some((st) => c.stages.includes(st)));
      const t = ref.teams[c.team];
      for (let k = 0; k < 12 && pool.length; k++) {
        const b = r.pick(pool);
        const on = shDate(c.fromMs + r.int(0, 29) * DAY);
        if (on >= today) continue;
        const at = iso(midnight(on) + 15 * HOUR);
        out.warning.add([r.uuid(), on, r.pick(['REMINDER', 'WARNING_LETTER']), biz[b].id, biz[b].district, `${biz[b].name}存在安全隐患，请立即落实整改`, t.leadDepartmentId, c.id, null, at, at, 1]);
      }
      const after = shDate(c.toMs + 3 * DAY);
      if (after < today) {
        const d = r.pick(districtsList);
        const at = iso(midnight(after) + 15 * HOUR);
        out.warning.add([r.uuid(), after, 'SUPERVISION_LETTER', null, d, `${districtName.get(d)}专项行动整改进度滞后，请加快推进`, deptId('FIRE') ?? t.leadDepartmentId, c.id, null, at, at, 1]);
      }
    });
    progress('tasks', n, n);
  }

  for (const k of TABLE_ORDER) out[k].flush();
  const tables: Record<string, number> = {};
  for (const k of TABLE_ORDER) tables[k] = out[k].rows;
  return { tables: out, stats: { tables, statuses } };
}
