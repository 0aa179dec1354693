/**
 * What kind of personal information (个人信息) a field holds, which decides how it is masked:
 * - `personName`: a natural person's name (张三 → 张*); lists of names element by element;
 * - `phone`: a phone number (13812341234 → 138****1234);
 * - `idNumber`: an identity document number (51**************34);
 * - `text`: free text where officers type about people: ID and phone numbers, names after a cue
 *   word (负责人张三) and the names the same record holds are masked, the rest stays readable;
 * - `json`: JSON data whose keys are looked up in this list (and PERSONAL_JSON_KEYS); other strings are `text`.
 */
export type PersonalKind = 'personName' | 'phone' | 'idNumber' | 'text' | 'json';

/**
 * THE list of fields that hold a natural person's data, by GraphQL type and field name (DESIGN.md
 * convention 13). One masking rule (`maskValue` in mask.ts) applies it to GraphQL fields, JSON data
 * of events and audit entries, exports (CSV, XLSX, bulletin) and error messages, for every caller
 * outside PERSONAL_DATA_READERS (PARTNER_VIEWER, REPORTER). A field holding a person's name that is
 * not here is a defect; test/personal-data.test.ts names every field that looks like one and must
 * be here or in its hand-written list of non-personal fields.
 */
export const PERSONAL_DATA: Record<string, Record<string, PersonalKind>> = {
  Business: {
    legalRepresentative: 'personName',
    contactPhone: 'phone',
    address: 'text',
    usccOverrideReason: 'text',
    archiveReason: 'text',
  },
  Site: { address: 'text', archiveReason: 'text' },
  CertificateStatusChange: { changedByName: 'personName', reason: 'text' },
  SupplyRelation: { note: 'text' },
  Inspection: { inspectors: 'personName', conclusion: 'text' },
  InspectionChecklistResult: { note: 'text' },
  RemediationItem: {
    responsiblePerson: 'personName',
    responsibleContact: 'phone',
    discoveredBy: 'personName',
    reviewerName: 'personName',
    description: 'text',
    address: 'text',
    rectificationMeasures: 'text',
    interimMeasures: 'text',
    reviewNotes: 'text',
    invalidationReason: 'text',
    plan: 'json',
  },
  RemediationEvent: { actorName: 'personName', comment: 'text', data: 'json' },
  ExtensionRequest: { reason: 'text', decisionNote: 'text' },
  Listing: { acceptanceNote: 'text', liftReason: 'text' },
  EnforcementCase: { confiscatedGoods: 'text', policeTransferNote: 'text', closingNote: 'text' },
  ImportJob: { createdByName: 'personName' },
  Campaign: { note: 'text' },
  JointOperation: { officers: 'personName', note: 'text' },
  Task: { ownerName: 'personName', description: 'text', evidence: 'text' },
  TaskNote: { authorName: 'personName', note: 'text' },
  Warning: { content: 'text' },
  ImportProblem: { message: 'text', messageEn: 'text' },
  ImportFileError: { message: 'text', messageEn: 'text' },
  AuditEvent: { actorName: 'personName', changes: 'json', reason: 'text' },
  UserError: { message: 'text', messageEn: 'text' },
};

/**
 * Keys that hold a person's data inside JSON (`RemediationEvent.data`, `RemediationItem.plan`,
 * `AuditEvent.changes`) beyond the field names above, which apply inside JSON as well.
 */
export const PERSONAL_JSON_KEYS: Record<string, PersonalKind> = {
  /** The party of a recorded interview (约谈对象): often a shop owner's name. */
  party: 'personName',
  /** Six-element plan: responsible bodies and persons (机构和责任人). */
  responsible: 'text',
  /** A user's name in the audit trail of user changes. */
  displayName: 'personName',
  /** Who recorded a certificate status change. */
  changedByName: 'personName',
  idNumber: 'idNumber',
};
