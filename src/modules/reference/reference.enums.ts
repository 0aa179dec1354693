import { registerEnumType } from 'type-graphql';

/**
 * Reference enums for the whole-chain remediation of e-bike safety hazards
 * (电动自行车安全隐患全链条整治), Leshan. Source of truth: DOMAIN.md §1, §2.1,
 * §2.2, §5.2, §11. Values equal their keys so they are stable in the database
 * and in the GraphQL schema.
 */

/** Supply-chain stage (环节), DOMAIN.md §2.2, in table order. */
export enum SupplyChainStage {
  STANDARD_CERT = 'STANDARD_CERT',
  PRODUCTION = 'PRODUCTION',
  IMPORT = 'IMPORT',
  SALES = 'SALES',
  MODIFICATION = 'MODIFICATION',
  USE_TRAFFIC = 'USE_TRAFFIC',
  PARKING_CHARGING = 'PARKING_CHARGING',
  RECYCLING = 'RECYCLING',
  TRACE_ACCOUNTABILITY = 'TRACE_ACCOUNTABILITY',
}

/** Stable code prefix per stage, used by checklist and hazard-type codes (§2.2). */
export const STAGE_PREFIX: Record<SupplyChainStage, string> = {
  [SupplyChainStage.STANDARD_CERT]: 'STD',
  [SupplyChainStage.PRODUCTION]: 'PROD',
  [SupplyChainStage.IMPORT]: 'IMP',
  [SupplyChainStage.SALES]: 'SALES',
  [SupplyChainStage.MODIFICATION]: 'MOD',
  [SupplyChainStage.USE_TRAFFIC]: 'USE',
  [SupplyChainStage.PARKING_CHARGING]: 'PARK',
  [SupplyChainStage.RECYCLING]: 'REC',
  [SupplyChainStage.TRACE_ACCOUNTABILITY]: 'TRACE',
};

registerEnumType(SupplyChainStage, {
  name: 'SupplyChainStage',
  description: 'Supply-chain stage (环节) of the e-bike whole chain',
  valuesConfig: {
    STANDARD_CERT: { description: 'Standards, testing and certification (标准/检测认证)' },
    PRODUCTION: { description: 'Production and manufacturing (生产制造)' },
    IMPORT: { description: 'Import (进口)' },
    SALES: { description: 'Sales and distribution, offline and online (销售流通)' },
    MODIFICATION: { description: 'Assembly, modification and repair (组装改装/维修)' },
    USE_TRAFFIC: { description: 'Registration and road use (登记上牌/通行)' },
    PARKING_CHARGING: { description: 'Parking and charging (停放充电)' },
    RECYCLING: { description: 'Scrapping, recycling and trade-in (报废回收/以旧换新)' },
    TRACE_ACCOUNTABILITY: { description: 'Tracing and accountability (溯源追责)' },
  },
});

/** Hazard level (隐患等级), DOMAIN.md §5.2. */
export enum HazardLevel {
  GENERAL = 'GENERAL',
  SIGNIFICANT = 'SIGNIFICANT',
  MAJOR = 'MAJOR',
}

registerEnumType(HazardLevel, {
  name: 'HazardLevel',
  description:
    'Hazard level (隐患等级) per 《安全生产事故隐患排查治理暂行规定》; major fire hazards (重大火灾隐患) are a separate flag',
  valuesConfig: {
    GENERAL: { description: 'General accident hazard (一般事故隐患)' },
    SIGNIFICANT: { description: 'Significant accident hazard, used in some localities only (较大事故隐患)' },
    MAJOR: { description: 'Major accident hazard, under listed supervision (重大事故隐患)' },
  },
});

/** Kind of county-level administrative division (GB/T 2260), DOMAIN.md §11. */
export enum DistrictKind {
  DISTRICT = 'DISTRICT',
  COUNTY = 'COUNTY',
  AUTONOMOUS_COUNTY = 'AUTONOMOUS_COUNTY',
  COUNTY_LEVEL_CITY = 'COUNTY_LEVEL_CITY',
}

registerEnumType(DistrictKind, {
  name: 'DistrictKind',
  description: 'Kind of county-level administrative division (县级行政区划类型, GB/T 2260)',
  valuesConfig: {
    DISTRICT: { description: 'District (区)' },
    COUNTY: { description: 'County (县)' },
    AUTONOMOUS_COUNTY: { description: 'Autonomous county (自治县)' },
    COUNTY_LEVEL_CITY: { description: 'County-level city (县级市)' },
  },
});

/** Administrative level of a department, DOMAIN.md §2.1. */
export enum DepartmentLevel {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
}

registerEnumType(DepartmentLevel, {
  name: 'DepartmentLevel',
  description: 'Administrative level of a department (部门层级)',
  valuesConfig: {
    CITY: { description: 'City level (市级)' },
    COUNTY: { description: 'County level, i.e. district/county/county-level city (县级)' },
  },
});

/** Campaign phase, DOMAIN.md §1. */
export enum CampaignPhase {
  MOBILIZATION = 'MOBILIZATION',
  CONCENTRATED = 'CONCENTRATED',
  PROBLEM_FIXING = 'PROBLEM_FIXING',
  CONSOLIDATION = 'CONSOLIDATION',
}

registerEnumType(CampaignPhase, {
  name: 'CampaignPhase',
  description: 'Phase of the remediation campaign (整治阶段)',
  valuesConfig: {
    MOBILIZATION: { description: 'Mobilisation and deployment, before a campaign’s concentrated phase (动员部署)' },
    CONCENTRATED: { description: 'Concentrated remediation, 2024 (集中整治)' },
    PROBLEM_FIXING: { description: 'Concentrated problem-fixing phase, from 2024-05-28 (问题集中纠治阶段)' },
    CONSOLIDATION: { description: 'Consolidation and long-term mechanisms, 2025 (巩固提升、长效机制)' },
  },
});
