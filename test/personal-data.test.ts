import 'reflect-metadata';
import { GraphQLObjectType } from 'graphql';
import { maskJson, maskText, maskValue } from '../src/common/mask';
import { PERSONAL_DATA } from '../src/common/personal-data';
import { buildAppSchema } from '../src/schema';

/**
 * The list of personal fields, WRITTEN BY HAND from the README ("Personal data"), compared with the
 * code's list; and every field of the schema whose name suggests a person or free text must be on
 * it or on the hand-written list of fields that are not personal, with the reason.
 */
const HAND_PERSONAL: Record<string, string> = {
  'Business.legalRepresentative': 'personName',
  'Business.contactPhone': 'phone',
  'Business.address': 'text',
  'Business.usccOverrideReason': 'text',
  'Business.archiveReason': 'text',
  'Site.address': 'text',
  'Site.archiveReason': 'text',
  'CertificateStatusChange.changedByName': 'personName',
  'CertificateStatusChange.reason': 'text',
  'SupplyRelation.note': 'text',
  'Inspection.inspectors': 'personName',
  'Inspection.conclusion': 'text',
  'InspectionChecklistResult.note': 'text',
  'RemediationItem.responsiblePerson': 'personName',
  'RemediationItem.responsibleContact': 'phone',
  'RemediationItem.discoveredBy': 'personName',
  'RemediationItem.reviewerName': 'personName',
  'RemediationItem.description': 'text',
  'RemediationItem.address': 'text',
  'RemediationItem.rectificationMeasures': 'text',
  'RemediationItem.interimMeasures': 'text',
  'RemediationItem.reviewNotes': 'text',
  'RemediationItem.invalidationReason': 'text',
  'RemediationItem.plan': 'json',
  'RemediationEvent.actorName': 'personName',
  'RemediationEvent.comment': 'text',
  'RemediationEvent.data': 'json',
  'ExtensionRequest.reason': 'text',
  'ExtensionRequest.decisionNote': 'text',
  'Listing.acceptanceNote': 'text',
  'Listing.liftReason': 'text',
  'EnforcementCase.confiscatedGoods': 'text',
  'EnforcementCase.policeTransferNote': 'text',
  'EnforcementCase.closingNote': 'text',
  'ImportJob.createdByName': 'personName',
  'ImportProblem.message': 'text',
  'ImportProblem.messageEn': 'text',
  'ImportFileError.message': 'text',
  'ImportFileError.messageEn': 'text',
  'AuditEvent.actorName': 'personName',
  'AuditEvent.changes': 'json',
  'AuditEvent.reason': 'text',
  'UserError.message': 'text',
  'UserError.messageEn': 'text',
  'Campaign.note': 'text',
  'JointOperation.officers': 'personName',
  'JointOperation.note': 'text',
  'Task.ownerName': 'personName',
  'Task.description': 'text',
  'Task.evidence': 'text',
  'TaskNote.authorName': 'personName',
  'TaskNote.note': 'text',
  'Warning.content': 'text',
};

const HAND_NOT_PERSONAL: Record<string, string> = {
  'EscalationRule.description': "what an escalation rule is for, written by the task-force office about the rule, not a person",
  'Notification.data': 'the action, status, rule, level and dates of the step or escalation: no names (the title names the item code only)',
  'Me.name': "the caller's own name, shown to the caller",
  'User.username': 'users are read by ADMIN only, who sees personal data',
  'User.displayName': 'users are read by ADMIN only, who sees personal data',
  'ApiKey.name': "a machine client's name",
  'WebhookSubscriber.name': "a partner system's name; read by ADMIN only",
  'OutboxEvent.data': 'codes, statuses, versions and ids only (itemOutboxRow/inspectionOutboxRow): no names or free text; read by ADMIN only',
  'Business.name': 'name of a business (the issue lets reports print it)',
  'Site.name': 'name of a place',
  'Certificate.holderName': 'holder of a CCC certificate as printed: an enterprise',
  'Certificate.holder': 'a Business',
  'BulletinItem.businessName': 'name of a business',
  'BulletinItem.siteName': 'name of a place',
  'Listing.authority': 'an authority, e.g. 乐山市安委会',
  'Listing.planDocument': 'a document reference',
  'Evidence.location': 'a storage key',
  'RemediationItem.legalBasis': 'a legal citation',
  'EnforcementCase.legalBasis': 'a legal citation',
  'HazardType.legalBasis': 'a legal citation',
  'RemediationEvent.actorRole': 'a role',
  'AuditEvent.actorType': 'user, apiKey or anonymous',
  'InspectionStatisticsRow.officerVisits': 'a count',
  'ImportJob.fileName': 'the name of an uploaded file; import jobs are read only by roles that see personal data',
  'RegulatoryMilestone.note': 'reference data: source and what is not confirmed',
  'ProductSaleRestriction.reason': 'a code (why a model may no longer be sold)',
  'ProductSaleRestriction.message': 'generated from the rule and the milestone',
  'ProductSaleRestriction.messageEn': 'generated from the rule and the milestone',
  'WorkingCalendar.note': 'reference data about a year of the calendar',
  'WorkingCalendarDay.name': 'the name of a public holiday',
  'Campaign.name': 'the name of a campaign, e.g. 电动自行车销售门店夜查',
  'CampaignGoal.description': 'what a goal says, written by the office about businesses, not people',
  'CampaignResults.officerVisits': 'a count',
  'JointOperation.officerCount': 'a count',
  'Deployment.officerVisits': 'a count',
  'DispatchTeamLine.teamName': 'name of a task team (reference data)',
  'DispatchCampaignLine.name': 'the name of a campaign',
  'Task.notes': 'a list of TaskNote, whose fields are classified',
  'TaskNote.notedOn': 'a date',
};
/** Ids of users or keys (who did something), names of reference data and report groups: no person's data. */
const NOT_PERSONAL_PATTERN = /(Id|By)$|^(Department|District|TaskTeam|HazardType|ChecklistItem)\.|Row\.|Ranking\.|BulletinItem\.(districtName|teamName|hazardTypeName)$/;

const SUGGESTS_PERSON_OR_TEXT =
  /name|phone|person|inspector|officer|reviewer|party|contact|legal|holder|actor|By$|note|reason|comment|conclusion|description|address|measures|^plan$|^data$|^changes$|message|goods|location|authority|document/i;

describe('the one list of personal data', () => {
  it('is the list of the README, field for field', () => {
    const code = Object.fromEntries(Object.entries(PERSONAL_DATA).flatMap(([t, fields]) => Object.entries(fields).map(([f, k]) => [`${t}.${f}`, k])));
    expect(code).toEqual(HAND_PERSONAL);
  });

  it('every field of the schema that suggests a person or free text is on it, or known not to be personal', async () => {
    const schema = await buildAppSchema();
    const unclassified: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__') || /(Connection|Edge|Payload)$/.test(type.name)) continue;
      for (const f of Object.keys(type.getFields())) {
        const key = `${type.name}.${f}`;
        if (!SUGGESTS_PERSON_OR_TEXT.test(f) || HAND_PERSONAL[key] || HAND_NOT_PERSONAL[key] || NOT_PERSONAL_PATTERN.test(key)) continue;
        unclassified.push(key);
      }
    }
    expect(unclassified).toEqual([]);
  });
});

describe('the one masking rule', () => {
  it.each([
    ['personName', '隐私姓名甲', '隐***'],
    ['personName', ['张三', '李四丰'], ['张*', '李**']],
    ['phone', '13900001234', '139****1234'],
    ['idNumber', '510102199001011234', '51**************34'],
    ['text', '店主张三称已整改，电话 139 0000 1234', '店主张***整改，电话 139****1234'],
    ['text', '联系人：李四丰（身份证510102199001011234），座机0833-2123456', '联系人：李**（身份证51**************34），座机0833-*****56'],
    ['text', '现场无人员信息', '现场无人员信息'],
  ])('%s %j → %j', (kind, value, masked) => {
    expect(maskValue(kind as never, value)).toEqual(masked);
  });

  it('masks names the record holds wherever its free text repeats them', () => {
    expect(maskText('已约谈王小明，要求整改', ['王小明'])).toBe('已约谈王**，要求整改');
  });

  it('masks JSON by key: interview party, audit before/after of personal fields, other strings as free text', () => {
    expect(maskJson({ party: '隐私姓名甲', date: '2026-12-01', department: null })).toEqual({ party: '隐***', date: '2026-12-01', department: null });
    expect(maskJson({ legalRepresentative: { before: '张三', after: '李四' }, contactPhone: { before: null, after: '13812341234' }, name: { before: 'A车行', after: 'B车行' } })).toEqual({
      legalRepresentative: { before: '张*', after: '李*' },
      contactPhone: { before: null, after: '138****1234' },
      name: { before: 'A车行', after: 'B车行' },
    });
    expect(maskJson({ note: '负责人王五 13812341234', count: 3 })).toEqual({ note: '负责人王* 138****1234', count: 3 });
  });
});
