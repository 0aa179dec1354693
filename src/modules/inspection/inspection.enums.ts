import { registerEnumType } from 'type-graphql';

/** How an inspection was carried out or a hazard found (DOMAIN.md §4: InspectionType + DiscoveryMethod). */
export enum InspectionMethod {
  ROUTINE = 'ROUTINE',
  SPECIAL = 'SPECIAL',
  JOINT_ENFORCEMENT = 'JOINT_ENFORCEMENT',
  NIGHT_CHECK = 'NIGHT_CHECK',
  UNANNOUNCED = 'UNANNOUNCED',
  DOUBLE_RANDOM = 'DOUBLE_RANDOM',
  REVIEW = 'REVIEW',
  PUBLIC_REPORT = 'PUBLIC_REPORT',
  SELF_CHECK = 'SELF_CHECK',
  ONLINE_MONITORING = 'ONLINE_MONITORING',
}

registerEnumType(InspectionMethod, {
  name: 'InspectionMethod',
  description: 'How an inspection was done or a hazard found (检查方式/发现方式).',
  valuesConfig: {
    ROUTINE: { description: 'Routine inspection (日常检查)' },
    SPECIAL: { description: 'Special campaign inspection (专项检查)' },
    JOINT_ENFORCEMENT: { description: 'Joint enforcement by several departments; at least two officers (联合执法)' },
    NIGHT_CHECK: { description: 'Night check (夜查)' },
    UNANNOUNCED: { description: 'Unannounced, unescorted visit straight to the scene (四不两直/暗访)' },
    DOUBLE_RANDOM: { description: 'Random inspector, random target (双随机抽查)' },
    REVIEW: { description: 'Follow-up review of earlier hazards (复查)' },
    PUBLIC_REPORT: { description: 'Report from the public, 12345/12119 (群众举报)' },
    SELF_CHECK: { description: "The business's own check (企业自查)" },
    ONLINE_MONITORING: { description: 'Online monitoring of shops and listings (网络监测)' },
  },
});

export enum ChecklistOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

registerEnumType(ChecklistOutcome, {
  name: 'ChecklistOutcome',
  description: 'Result of one checklist item (检查结果).',
  valuesConfig: {
    PASSED: { description: 'Passed (合格)' },
    FAILED: { description: 'Failed (不合格)' },
    NOT_APPLICABLE: { description: 'Not applicable (不适用)' },
  },
});
