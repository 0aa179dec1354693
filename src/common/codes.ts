import { registerEnumType } from 'type-graphql';

/**
 * Codes that were plain strings in schema 0.1.0 and are enums from 1.0.0. Their values are the
 * strings already on the wire (so stored rows and clients that compared strings keep working),
 * which is why ActorType and PrincipalKind keep their camelCase values.
 */

/** Who acted, as the audit trail records it. */
export enum ActorType {
  user = 'user',
  apiKey = 'apiKey',
  system = 'system',
  anonymous = 'anonymous',
}

registerEnumType(ActorType, {
  name: 'ActorType',
  description: 'Kind of actor in the audit trail (操作者类型).',
  valuesConfig: {
    user: { description: 'A signed-in user (用户).' },
    apiKey: { description: 'An API key of a partner system (接口密钥).' },
    system: { description: 'The service itself: start-up, command-line tasks (系统).' },
    anonymous: { description: 'Not authenticated, e.g. a refused request (匿名).' },
  },
});

/** Who is calling: the kinds of principal a request can carry. */
export enum PrincipalKind {
  user = 'user',
  apiKey = 'apiKey',
}

registerEnumType(PrincipalKind, {
  name: 'PrincipalKind',
  description: 'Kind of caller (身份类型).',
  valuesConfig: {
    user: { description: 'A signed-in user (用户).' },
    apiKey: { description: 'An API key of a partner system (接口密钥).' },
  },
});

/**
 * Record types the audit trail names. A module that audits a new type adds it here: the audit
 * writer's `entityType` is typed with this enum, so an unknown name does not compile.
 */
export enum AuditEntityType {
  ApiKey = 'ApiKey',
  Business = 'Business',
  CalendarDay = 'CalendarDay',
  CalendarYear = 'CalendarYear',
  Campaign = 'Campaign',
  Certificate = 'Certificate',
  Department = 'Department',
  EnforcementCase = 'EnforcementCase',
  EscalationRule = 'EscalationRule',
  Evidence = 'Evidence',
  Export = 'Export',
  ExtensionRequest = 'ExtensionRequest',
  ImportJob = 'ImportJob',
  Inspection = 'Inspection',
  JointOperation = 'JointOperation',
  ProductModel = 'ProductModel',
  RegulatoryMilestone = 'RegulatoryMilestone',
  RemediationItem = 'RemediationItem',
  Site = 'Site',
  SupplyRelation = 'SupplyRelation',
  Task = 'Task',
  TaskTeam = 'TaskTeam',
  User = 'User',
  Warning = 'Warning',
  WebhookDelivery = 'WebhookDelivery',
  WebhookSubscriber = 'WebhookSubscriber',
}

const ENTITY_ZH: Record<AuditEntityType, string> = {
  ApiKey: '接口密钥', Business: '经营主体', CalendarDay: '工作日历日', CalendarYear: '工作日历年', Certificate: '认证证书',
  Department: '部门', EnforcementCase: '立案查处', Evidence: '证据材料', Export: '导出', ExtensionRequest: '延期申请',
  ImportJob: '导入任务', Inspection: '检查记录', ProductModel: '产品型号', RegulatoryMilestone: '监管节点',
  RemediationItem: '隐患整改事项', Site: '场所', SupplyRelation: '供货关系', TaskTeam: '专项工作组', User: '用户',
  Campaign: '专项行动', EscalationRule: '督办规则', JointOperation: '联合检查', Task: '任务', Warning: '警示提醒', WebhookDelivery: '推送记录', WebhookSubscriber: '推送订阅方',
};

registerEnumType(AuditEntityType, {
  name: 'AuditEntityType',
  description: 'Type of the record an audit event is about; the schema type of the same name where there is one (对象类型).',
  valuesConfig: Object.fromEntries(Object.values(AuditEntityType).map((v) => [v, { description: `${v} (${ENTITY_ZH[v]}).` }])),
});
