import { registerEnumType } from 'type-graphql';
import { SupplyChainStage } from '../reference/reference.enums';

/** Business types of DOMAIN.md §3.1; a business may have several. */
export enum BusinessType {
  VEHICLE_MANUFACTURER = 'VEHICLE_MANUFACTURER',
  BATTERY_CELL_MANUFACTURER = 'BATTERY_CELL_MANUFACTURER',
  BATTERY_PACK_MANUFACTURER = 'BATTERY_PACK_MANUFACTURER',
  LEAD_ACID_BATTERY_MANUFACTURER = 'LEAD_ACID_BATTERY_MANUFACTURER',
  CHARGER_MANUFACTURER = 'CHARGER_MANUFACTURER',
  PARTS_MANUFACTURER = 'PARTS_MANUFACTURER',
  IMPORTER = 'IMPORTER',
  DISTRIBUTOR = 'DISTRIBUTOR',
  RETAIL_STORE = 'RETAIL_STORE',
  SALES_REPAIR_STORE = 'SALES_REPAIR_STORE',
  REPAIR_SHOP = 'REPAIR_SHOP',
  BATTERY_SHOP = 'BATTERY_SHOP',
  ECOMMERCE_SELLER = 'ECOMMERCE_SELLER',
  ECOMMERCE_PLATFORM = 'ECOMMERCE_PLATFORM',
  ILLEGAL_WORKSHOP = 'ILLEGAL_WORKSHOP',
  DELIVERY_ENTERPRISE = 'DELIVERY_ENTERPRISE',
  SHARED_EBIKE_OPERATOR = 'SHARED_EBIKE_OPERATOR',
  CHARGING_OPERATOR = 'CHARGING_OPERATOR',
  SWAP_CABINET_OPERATOR = 'SWAP_CABINET_OPERATOR',
  PROPERTY_MANAGER = 'PROPERTY_MANAGER',
  RECYCLER = 'RECYCLER',
  SCRAPPING_ENTERPRISE = 'SCRAPPING_ENTERPRISE',
  HAZWASTE_LICENSEE = 'HAZWASTE_LICENSEE',
  BATTERY_TEST_RECYCLE_POINT = 'BATTERY_TEST_RECYCLE_POINT',
}

const S = SupplyChainStage;
/** Stages of each business type (DOMAIN.md §3.1); a business's stages are the union over its types. */
export const BUSINESS_TYPE_STAGES: Record<BusinessType, SupplyChainStage[]> = {
  VEHICLE_MANUFACTURER: [S.PRODUCTION],
  BATTERY_CELL_MANUFACTURER: [S.PRODUCTION],
  BATTERY_PACK_MANUFACTURER: [S.PRODUCTION],
  LEAD_ACID_BATTERY_MANUFACTURER: [S.PRODUCTION],
  CHARGER_MANUFACTURER: [S.PRODUCTION],
  PARTS_MANUFACTURER: [S.PRODUCTION],
  IMPORTER: [S.IMPORT],
  DISTRIBUTOR: [S.SALES],
  RETAIL_STORE: [S.SALES],
  SALES_REPAIR_STORE: [S.SALES, S.MODIFICATION],
  REPAIR_SHOP: [S.MODIFICATION],
  BATTERY_SHOP: [S.SALES, S.MODIFICATION],
  ECOMMERCE_SELLER: [S.SALES],
  ECOMMERCE_PLATFORM: [S.SALES],
  ILLEGAL_WORKSHOP: [S.MODIFICATION, S.RECYCLING],
  DELIVERY_ENTERPRISE: [S.USE_TRAFFIC],
  SHARED_EBIKE_OPERATOR: [S.USE_TRAFFIC],
  CHARGING_OPERATOR: [S.PARKING_CHARGING],
  SWAP_CABINET_OPERATOR: [S.PARKING_CHARGING],
  PROPERTY_MANAGER: [S.PARKING_CHARGING],
  RECYCLER: [S.RECYCLING],
  SCRAPPING_ENTERPRISE: [S.RECYCLING],
  HAZWASTE_LICENSEE: [S.RECYCLING],
  BATTERY_TEST_RECYCLE_POINT: [S.RECYCLING],
};

const STAGE_ORDER = Object.values(SupplyChainStage);

export function stagesOfTypes(types: readonly BusinessType[]): SupplyChainStage[] {
  const set = new Set(types.flatMap((t) => BUSINESS_TYPE_STAGES[t]));
  return STAGE_ORDER.filter((s) => set.has(s));
}

registerEnumType(BusinessType, {
  name: 'BusinessType',
  description: 'Kind of business in the e-bike chain (主体类型); a business may have several.',
  valuesConfig: {
    VEHICLE_MANUFACTURER: { description: 'Vehicle manufacturer (整车生产企业)' },
    BATTERY_CELL_MANUFACTURER: { description: 'Battery cell manufacturer (单体电池/电芯生产企业)' },
    BATTERY_PACK_MANUFACTURER: { description: 'Lithium battery pack manufacturer (锂离子蓄电池/电池组生产企业)' },
    LEAD_ACID_BATTERY_MANUFACTURER: { description: 'Lead-acid battery manufacturer (铅蓄电池生产企业)' },
    CHARGER_MANUFACTURER: { description: 'Charger manufacturer (充电器生产企业)' },
    PARTS_MANUFACTURER: { description: 'Parts manufacturer: controllers, motors, limiters (零部件生产企业)' },
    IMPORTER: { description: 'Importer (进口商)' },
    DISTRIBUTOR: { description: 'Distributor or wholesaler (经销商/批发商)' },
    RETAIL_STORE: { description: 'Retail store or sales outlet (销售门店/经营网点)' },
    SALES_REPAIR_STORE: { description: 'Combined sales and repair store (销售维修一体店)' },
    REPAIR_SHOP: { description: 'Repair shop (维修店铺)' },
    BATTERY_SHOP: { description: 'Battery dealer or replacement point (蓄电池经销/更换网点)' },
    ECOMMERCE_SELLER: { description: 'Online shop or live-stream seller (网店/直播带货主体)' },
    ECOMMERCE_PLATFORM: { description: 'E-commerce platform (电商平台)' },
    ILLEGAL_WORKSHOP: { description: 'Unregistered workshop or den; has no USCC (黑作坊/窝点)' },
    DELIVERY_ENTERPRISE: { description: 'Instant delivery, courier or take-away company (即时配送/快递/外卖企业)' },
    SHARED_EBIKE_OPERATOR: { description: 'Shared e-bike operator (互联网租赁电动自行车企业)' },
    CHARGING_OPERATOR: { description: 'Charging facility operator (充电设施运营企业)' },
    SWAP_CABINET_OPERATOR: { description: 'Battery swap cabinet operator (换电柜/充换电柜运营企业)' },
    PROPERTY_MANAGER: { description: 'Property management company, responsible for residential compounds (物业服务企业/管理单位)' },
    RECYCLER: { description: 'Recycling company or collection point (再生资源回收企业/回收网点)' },
    SCRAPPING_ENTERPRISE: { description: 'Scrapped vehicle dismantler (报废机动车回收拆解企业)' },
    HAZWASTE_LICENSEE: { description: 'Hazardous-waste licensee for waste lead-acid batteries (危险废物经营许可单位)' },
    BATTERY_TEST_RECYCLE_POINT: { description: 'Old lithium battery test and recycling point (老旧锂电池检测回收站点)' },
  },
});

export enum BusinessStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(BusinessStatus, {
  name: 'BusinessStatus',
  description: 'State of a business record (主体状态).',
  valuesConfig: {
    ACTIVE: { description: 'Operating (在营)' },
    SUSPENDED: { description: 'Suspended, e.g. ordered to stop (停业/停产)' },
    CLOSED: { description: 'Closed down or deregistered (关闭/注销)' },
    ARCHIVED: { description: 'Archived record: kept for history, hidden from lists by default (已归档)' },
  },
});

export enum SiteType {
  RESIDENTIAL_COMPOUND = 'RESIDENTIAL_COMPOUND',
  OLD_COMPOUND = 'OLD_COMPOUND',
  HIGH_RISE = 'HIGH_RISE',
  STILT_FLOOR = 'STILT_FLOOR',
  SELF_BUILT_HOUSE = 'SELF_BUILT_HOUSE',
  RENTAL_HOUSING = 'RENTAL_HOUSING',
  STREET_SHOP = 'STREET_SHOP',
  NINE_SMALL_VENUE = 'NINE_SMALL_VENUE',
  CROWDED_VENUE = 'CROWDED_VENUE',
  CENTRAL_PARKING_CHARGING_SITE = 'CENTRAL_PARKING_CHARGING_SITE',
  SWAP_CABINET_SITE = 'SWAP_CABINET_SITE',
}

/** Site types where a count of charging ports is meaningful. */
export const CHARGING_SITE_TYPES: ReadonlySet<SiteType> = new Set([
  SiteType.RESIDENTIAL_COMPOUND,
  SiteType.OLD_COMPOUND,
  SiteType.HIGH_RISE,
  SiteType.STILT_FLOOR,
  SiteType.CENTRAL_PARKING_CHARGING_SITE,
  SiteType.SWAP_CABINET_SITE,
  SiteType.CROWDED_VENUE,
]);

registerEnumType(SiteType, {
  name: 'SiteType',
  description: 'Kind of place checked for parking and charging (场所类型).',
  valuesConfig: {
    RESIDENTIAL_COMPOUND: { description: 'Residential compound (居民小区/住宅小区)' },
    OLD_COMPOUND: { description: 'Old residential compound (老旧小区)' },
    HIGH_RISE: { description: 'High-rise residential building (高层民用建筑)' },
    STILT_FLOOR: { description: 'Stilt floor (架空层)' },
    SELF_BUILT_HOUSE: { description: 'Self-built house (自建房)' },
    RENTAL_HOUSING: { description: 'Rental or group rental housing (出租屋/群租房)' },
    STREET_SHOP: { description: 'Street-front shop (沿街门店)' },
    NINE_SMALL_VENUE: { description: '"Nine small" venue (九小场所)' },
    CROWDED_VENUE: { description: 'Crowded venue (人员密集场所)' },
    CENTRAL_PARKING_CHARGING_SITE: { description: 'Central parking and charging site of an organisation or community (集中停放充电场所)' },
    SWAP_CABINET_SITE: { description: 'Battery swap cabinet location (换电柜点位)' },
  },
});

export enum RecordStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(RecordStatus, {
  name: 'RecordStatus',
  description: 'Whether a registry record is in use (记录状态); regulatory records are archived, never deleted.',
  valuesConfig: {
    ACTIVE: { description: 'In use (有效)' },
    ARCHIVED: { description: 'Archived, kept for history (已归档)' },
  },
});

export enum ProductKind {
  VEHICLE = 'VEHICLE',
  LITHIUM_BATTERY = 'LITHIUM_BATTERY',
  LEAD_ACID_BATTERY = 'LEAD_ACID_BATTERY',
  CHARGER = 'CHARGER',
}

registerEnumType(ProductKind, {
  name: 'ProductKind',
  description: 'Kind of product model (产品类别).',
  valuesConfig: {
    VEHICLE: { description: 'E-bike (电动自行车整车)' },
    LITHIUM_BATTERY: { description: 'Lithium-ion battery (锂离子蓄电池)' },
    LEAD_ACID_BATTERY: { description: 'Lead-acid battery (铅酸蓄电池)' },
    CHARGER: { description: 'Charger (充电器)' },
  },
});

export enum StandardVersion {
  GB17761_2018 = 'GB17761_2018',
  GB17761_2024 = 'GB17761_2024',
  GB43854_2024 = 'GB43854_2024',
  GB42295_2022 = 'GB42295_2022',
  GB42296_2022 = 'GB42296_2022',
}

registerEnumType(StandardVersion, {
  name: 'StandardVersion',
  description: 'Mandatory national standard a model was made to (执行标准), DOMAIN.md §9.',
  valuesConfig: {
    GB17761_2018: { description: 'GB 17761-2018 e-bike safety (old) (电动自行车安全技术规范 2018版)' },
    GB17761_2024: { description: 'GB 17761-2024 e-bike safety (new), production from 2025-09-01 (电动自行车安全技术规范 2024版)' },
    GB43854_2024: { description: 'GB 43854-2024 e-bike lithium battery safety (电动自行车用锂离子蓄电池安全技术规范)' },
    GB42295_2022: { description: 'GB 42295-2022 e-bike electrical safety (电动自行车电气安全要求)' },
    GB42296_2022: { description: 'GB 42296-2022 e-bike charger safety (电动自行车用充电器安全技术要求)' },
  },
});

export enum BatteryChemistry {
  LEAD_ACID = 'LEAD_ACID',
  LITHIUM_ION = 'LITHIUM_ION',
}

registerEnumType(BatteryChemistry, {
  name: 'BatteryChemistry',
  description: 'Battery chemistry (电池类型).',
  valuesConfig: {
    LEAD_ACID: { description: 'Lead-acid (铅酸)' },
    LITHIUM_ION: { description: 'Lithium-ion (锂离子)' },
  },
});

export enum CertStatus {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  WITHDRAWN = 'WITHDRAWN',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(CertStatus, {
  name: 'CertStatus',
  description: 'Status of a CCC certificate (证书状态).',
  valuesConfig: {
    VALID: { description: 'Valid (有效)' },
    SUSPENDED: { description: 'Suspended (暂停)' },
    WITHDRAWN: { description: 'Withdrawn (撤销)' },
    CANCELLED: { description: 'Cancelled (注销)' },
    EXPIRED: { description: 'Expired (过期)' },
  },
});

export enum ChainDirection {
  UPSTREAM = 'UPSTREAM',
  DOWNSTREAM = 'DOWNSTREAM',
  BOTH = 'BOTH',
}

registerEnumType(ChainDirection, {
  name: 'ChainDirection',
  description: 'Which way to follow supply relations (追溯方向).',
  valuesConfig: {
    UPSTREAM: { description: 'Towards suppliers, up to the makers (向上游/供货方)' },
    DOWNSTREAM: { description: 'Towards buyers, down to shops, repairers and recyclers (向下游/购货方)' },
    BOTH: { description: 'Both ways (上下游)' },
  },
});

export enum ChainRole {
  MANUFACTURER = 'MANUFACTURER',
  SELLER = 'SELLER',
  REPAIRER = 'REPAIRER',
  RECYCLER = 'RECYCLER',
}

registerEnumType(ChainRole, {
  name: 'ChainRole',
  description: 'Part a business plays for a product model (产品链条角色).',
  valuesConfig: {
    MANUFACTURER: { description: 'Made it (生产)' },
    SELLER: { description: 'Sold it: importers, distributors, shops, online sellers (销售)' },
    REPAIRER: { description: 'Repaired or modified it (维修/改装)' },
    RECYCLER: { description: 'Recycled or scrapped it (回收/报废)' },
  },
});

export enum BusinessSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(BusinessSortField, {
  name: 'BusinessSortField',
  description: 'How to sort businesses (排序字段).',
  valuesConfig: {
    NAME: { description: 'By name (名称)' },
    CREATED_AT: { description: 'By registration in this system (创建时间)' },
    UPDATED_AT: { description: 'By last change (更新时间)' },
  },
});

export enum SiteSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(SiteSortField, {
  name: 'SiteSortField',
  description: 'How to sort sites (排序字段).',
  valuesConfig: {
    NAME: { description: 'By name (名称)' },
    CREATED_AT: { description: 'By registration in this system (创建时间)' },
    UPDATED_AT: { description: 'By last change (更新时间)' },
  },
});

export enum ProductModelSortField {
  BRAND = 'BRAND',
  MODEL = 'MODEL',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ProductModelSortField, {
  name: 'ProductModelSortField',
  description: 'How to sort product models (排序字段).',
  valuesConfig: {
    BRAND: { description: 'By brand (品牌)' },
    MODEL: { description: 'By model designation (型号)' },
    CREATED_AT: { description: 'By registration in this system (创建时间)' },
    UPDATED_AT: { description: 'By last change (更新时间)' },
  },
});

export enum CertificateSortField {
  NUMBER = 'NUMBER',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(CertificateSortField, {
  name: 'CertificateSortField',
  description: 'How to sort certificates (排序字段).',
  valuesConfig: {
    NUMBER: { description: 'By certificate number (证书编号)' },
    CREATED_AT: { description: 'By registration in this system (创建时间)' },
    UPDATED_AT: { description: 'By last change (更新时间)' },
  },
});
