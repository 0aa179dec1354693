import { randomUUID } from 'node:crypto';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { shownName, type Principal } from '../../common/auth';
import type { Context } from '../../common/context';
import { writeScopeViolation } from '../../common/scope';
import { clean } from '../../common/validation';
import { auditView, diff } from '../audit/audit.service';
import { BatteryChemistry, CertStatus, ProductKind, RecordStatus, StandardVersion } from '../registry/registry.enums';
import { Certificate, ProductModel } from '../registry/registry.entities';
import { CreateCertificateInput, CreateProductModelInput } from '../registry/registry.inputs';
import { CATALOGUE_SCOPE, applyCertificatePatch, applyModelPatch, certificateRules, productModelRules } from '../registry/registry.service';
import { enumLabels, type ColumnDef } from './import.columns';
import { AUDIT_COLUMNS, auditCells, copyInto } from './import.copy';
import { ImportProblemCode, ImportRowAction, type ImportProblem } from './import.entities';
import { CellIssue, type Cell } from './import.parse';
import { businessesByRef, constraintProblems, enumIndex, modelsByName, normName, oneBusiness, parseDate, problemAdder, type HeaderOf } from './import.refs';

/**
 * Product models (产品型号) with their CCC certificate (强制性产品认证证书) on the same row. The rules
 * are the API's: CreateProductModelInput's and CreateCertificateInput's constraints (the certificate
 * number's format of DOMAIN.md §8.2 among them), applyModelPatch / applyCertificatePatch for
 * normalisation, productModelRules / certificateRules on the resulting records, the city-wide
 * catalogue write scope, producers and holders that exist and are not archived.
 *
 * Matching: a row is the live model of the same product kind + normalised brand + model (the API
 * keeps one live model per kind, brand and model); the producer, when given, must be that model's
 * producer (or fills it in when it has none). A certificate matches by its number.
 */

export const PRODUCT_MODEL_COLUMNS: ColumnDef[] = [
  { field: 'producer', header: '生产企业', aliases: ['生产厂家', '制造商', '生产企业统一社会信用代码', 'producer', 'manufacturer'], note: '已登记主体的统一社会信用代码或名称；留空表示不变', sample: '' },
  { field: 'kind', header: '产品类别', aliases: ['类别', 'kind', 'product kind', 'productkind'], required: true, note: '必填；中文名称或代码，见“允许值”表', sample: '电动自行车整车' },
  { field: 'brand', header: '品牌', aliases: ['商标', 'brand'], required: true, note: '必填；最长 100 字', sample: '嘉州' },
  { field: 'model', header: '型号', aliases: ['产品型号', '规格型号', 'model'], required: true, note: '必填；最长 100 字', sample: 'JZ1000' },
  { field: 'standardVersion', header: '执行标准', aliases: ['standard', 'standard version', 'standardversion'], note: '标准编号(如 GB 17761-2024)或代码，见“允许值”表', sample: 'GB 17761-2024' },
  { field: 'standards', header: '符合标准', aliases: ['standards'], note: '多个用“、”分隔；留空表示不变(执行标准会列入)', sample: 'GB 17761-2024、GB 42295-2022' },
  { field: 'chemistry', header: '电池类型', aliases: ['chemistry', 'battery chemistry'], note: '铅酸、锂离子；充电器不填', sample: '锂离子' },
  { field: 'nominalVoltage', header: '标称电压(V)', aliases: ['标称电压', 'nominal voltage', 'nominalvoltage'], note: '1–1000 伏', sample: '48' },
  { field: 'capacityAh', header: '额定容量(Ah)', aliases: ['额定容量', 'capacity', 'capacityah'], note: '0.1–10000 安时', sample: '20' },
  { field: 'certNumber', header: 'CCC证书编号', aliases: ['证书编号', '3C证书编号', 'certificate number', 'certificatenumber', 'certnumber'], note: '16 位数字，以年份(19xx/20xx)开头；不填则只导入型号', sample: '2024011116000001' },
  { field: 'certHolder', header: '持证人', aliases: ['持证企业', '证书持有人', 'certificate holder', 'certholder'], note: '已登记主体的信用代码或名称，或证书上的持证人名称；新证书留空时为生产企业', sample: '乐山市示例电动车制造有限公司' },
  { field: 'certIssuedOn', header: '发证日期', aliases: ['issued on', 'issuedon', 'certissuedon'], note: 'YYYY-MM-DD', sample: '2024-03-01' },
  { field: 'certExpiresOn', header: '有效期至', aliases: ['证书有效期至', 'expires on', 'expireson', 'certexpireson'], note: 'YYYY-MM-DD', sample: '2029-02-28' },
  { field: 'certStatus', header: '证书状态', aliases: ['certificate status', 'certstatus'], note: '有效(新证书默认)、暂停、撤销、注销、过期', sample: '有效' },
  { field: 'certStatusReason', header: '状态变更原因', aliases: ['证书状态变更原因', 'status reason', 'certstatusreason'], note: '已登记证书的状态改变时必填，记入证书状态历史', sample: '' },
];

/** Names people write beside the schema's labels and the codes. */
export const productKindOf = enumIndex(ProductKind, { 整车: ProductKind.VEHICLE, 电动自行车: ProductKind.VEHICLE, 锂电池: ProductKind.LITHIUM_BATTERY, 锂离子电池: ProductKind.LITHIUM_BATTERY, 铅酸电池: ProductKind.LEAD_ACID_BATTERY, 铅蓄电池: ProductKind.LEAD_ACID_BATTERY });
const chemistryOf = enumIndex(BatteryChemistry, { 锂电: BatteryChemistry.LITHIUM_ION, 锂电池: BatteryChemistry.LITHIUM_ION, 铅酸电池: BatteryChemistry.LEAD_ACID, 铅蓄: BatteryChemistry.LEAD_ACID });
const certStatusOf = enumIndex(CertStatus);
/** A standard by code (GB17761_2024) or number as printed (GB 17761-2024). */
const standardOf = enumIndex(StandardVersion, Object.fromEntries(Object.values(StandardVersion).map((s) => [standardNumber(s), s])) as Record<string, StandardVersion>);

export function standardNumber(s: StandardVersion): string {
  return s.replace(/^GB(\d+)_(\d+)$/, 'GB $1-$2');
}
export const productKindLabels = () => enumLabels(ProductKind);
export const chemistryLabels = () => enumLabels(BatteryChemistry);
export const certStatusLabels = () => enumLabels(CertStatus);

export interface CertificateRowPatch {
  number: string;
  holder?: string | null;
  issuedOn?: string | null;
  expiresOn?: string | null;
  status?: CertStatus;
  statusReason?: string | null;
}

export interface ProductModelRowPatch {
  producer?: string | null;
  kind: ProductKind;
  brand: string;
  model: string;
  standardVersion?: StandardVersion | null;
  standards?: StandardVersion[];
  chemistry?: BatteryChemistry | null;
  nominalVoltage?: number | null;
  capacityAh?: number | null;
  cert?: CertificateRowPatch;
}

const FIELD_RULES_ZH: Record<string, string> = {
  brand: '品牌不能为空，最长 100 字',
  model: '型号不能为空，最长 100 字',
  nominalVoltage: '标称电压须在 1 到 1000 伏之间',
  capacityAh: '额定容量须在 0.1 到 10000 安时之间',
  standards: '符合标准不能重复，最多 10 个',
  number: 'CCC 证书编号须为 16 位数字，以年份(19xx/20xx)开头',
  issuedOn: '发证日期须为存在的日期 YYYY-MM-DD',
  expiresOn: '有效期至须为存在的日期 YYYY-MM-DD',
  holderName: '持证人名称最长 200 字',
};
/** Input property → column field of this import. */
const CERT_FIELD: Record<string, string> = { number: 'certNumber', issuedOn: 'certIssuedOn', expiresOn: 'certExpiresOn', status: 'certStatus', holderName: 'certHolder', holderBusinessId: 'certHolder' };

/** First pass, no database: coded values, numbers, dates and the two input classes' constraints. */
export function checkProductModelRow(rowNumber: number, cells: Map<string, Cell>, headerOf: HeaderOf): { rowNumber: number; patch: ProductModelRowPatch | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const patch: Record<string, unknown> = {};
  const cert: Record<string, unknown> = {};
  const add = problemAdder(problems, headerOf);
  const coded = <T>(field: string, v: string, of: (v: string) => T | undefined, what: string, whatEn: string): T | undefined => {
    const t = of(v);
    if (t === undefined) add(field, ImportProblemCode.INVALID_REFERENCE, `未知的${what}“${v}”(见模板“允许值”表)`, `Unknown ${whatEn} "${v}" (see the template's allowed values)`);
    return t;
  };
  const date = (field: string, v: string, into: Record<string, unknown>, key: string) => {
    if (!v) return void (into[key] = null);
    const d = parseDate(v);
    if (!d) add(field, ImportProblemCode.VALIDATION, `${headerOf(field)}“${v}”不是日期，请填写 YYYY-MM-DD`, `${field} "${v}" is not a date; write YYYY-MM-DD`);
    else into[key] = d;
  };
  for (const [field, c] of cells) {
    if (c instanceof CellIssue) {
      add(field, ImportProblemCode.FORMULA, c.messageZh, c.messageEn);
      continue;
    }
    const v = c.trim();
    switch (field) {
      case 'kind':
        if (v) patch.kind = coded(field, v, productKindOf, '产品类别', 'product kind');
        break;
      case 'standardVersion':
        patch.standardVersion = v ? coded(field, v, standardOf, '标准', 'standard') : null;
        break;
      case 'standards':
        if (v) patch.standards = v.split(/[、,，;；\n|]+/).map((s) => s.trim()).filter(Boolean).map((s) => coded(field, s, standardOf, '标准', 'standard'));
        break;
      case 'chemistry':
        patch.chemistry = v ? coded(field, v, chemistryOf, '电池类型', 'battery chemistry') : null;
        break;
      case 'nominalVoltage':
      case 'capacityAh': {
        if (!v) {
          patch[field] = null;
          break;
        }
        const n = Number(v);
        if (!Number.isFinite(n)) add(field, ImportProblemCode.VALIDATION, `${headerOf(field)}“${v}”不是数字`, `${field} "${v}" is not a number`);
        else patch[field] = n;
        break;
      }
      case 'producer':
      case 'brand':
      case 'model':
        patch[field] = v === '' ? null : v;
        break;
      case 'certNumber':
        if (v) cert.number = v;
        break;
      case 'certHolder':
        cert.holder = v === '' ? null : v;
        break;
      case 'certStatusReason':
        cert.statusReason = v === '' ? null : v;
        break;
      case 'certIssuedOn':
        date(field, v, cert, 'issuedOn');
        break;
      case 'certExpiresOn':
        date(field, v, cert, 'expiresOn');
        break;
      case 'certStatus':
        if (v) cert.status = coded(field, v, certStatusOf, '证书状态', 'certificate status');
        break;
    }
  }
  for (const f of ['kind', 'brand', 'model'] as const) {
    const given = cells.get(f);
    if (typeof given === 'string' && given.trim() === '') add(f, ImportProblemCode.REQUIRED, `${headerOf(f)}为必填项`, `${f} is required`);
  }
  // The API's own input constraints, on the same classes.
  const model = Object.assign(new CreateProductModelInput(), { kind: ProductKind.VEHICLE, brand: 'x', model: 'x' }, Object.fromEntries(Object.entries(patch).filter(([k, v]) => k !== 'producer' && v !== null && v !== undefined)));
  constraintProblems(validateSync(model, { forbidUnknownValues: false, validationError: { target: false, value: false } }), problems, add, (p) => p, FIELD_RULES_ZH);
  const certGiven = Object.entries(cert).some(([k, v]) => v !== null && v !== undefined && k !== 'statusReason');
  if (certGiven && !cert.number) {
    add('certNumber', ImportProblemCode.REQUIRED, '填写了证书信息但没有证书编号', 'Certificate details without a certificate number');
  } else if (cert.number) {
    const holderName = typeof cert.holder === 'string' ? cert.holder : undefined;
    const input = Object.assign(new CreateCertificateInput(), { number: cert.number, issuedOn: cert.issuedOn, expiresOn: cert.expiresOn, status: cert.status, holderName });
    constraintProblems(validateSync(input, { forbidUnknownValues: false, validationError: { target: false, value: false } }), problems, add, (p) => CERT_FIELD[p] ?? p, FIELD_RULES_ZH);
    patch.cert = cert;
  }
  return { rowNumber, patch: problems.length ? null : (patch as unknown as ProductModelRowPatch), problems };
}

export interface PlannedProductModel {
  rowNumber: number;
  action: ImportRowAction;
  targetId: string | null;
  patch: ProductModelRowPatch | null;
  problems: ImportProblem[];
  /** The model: before (when it changes) and after (when created or changed). */
  before?: ProductModel;
  after?: ProductModel;
  certBefore?: Certificate;
  certAfter?: Certificate;
  /** A status change of an existing certificate, for its history. */
  statusChange?: { from: CertStatus; reason: string };
}

const modelKey = (kind: ProductKind, brand: string, model: string) => `${kind}|${normName(brand)}|${normName(model)}`;
const changed = (a: object, b: object) => Object.keys(diff(auditView(a), auditView(b))).length > 0;
const MODEL_FIELD: Record<string, string> = { chemistry: 'chemistry', standardVersion: 'standardVersion', standards: 'standards' };

/**
 * Second pass, batch by batch: producers and holders (one query), the live models of the batch's
 * brands and models, the certificates of its numbers (each FOR UPDATE at commit), duplicates in the
 * file (remembered across batches), the rules on the resulting records and the catalogue scope.
 */
export class ProductModelPlanner {
  private readonly seenModel = new Map<string, number>();
  private readonly seenCert = new Map<string, number>();

  constructor(
    private readonly principal: Principal,
    private readonly headerOf: HeaderOf,
    private readonly lock: boolean,
  ) {}

  async plan(em: EntityManager, rows: { rowNumber: number; patch: ProductModelRowPatch }[]): Promise<PlannedProductModel[]> {
    const businesses = await businessesByRef(em, rows.flatMap((r) => [r.patch.producer, r.patch.cert?.holder]));
    const models = await modelsByName(em, rows.map((r) => r.patch), this.lock);
    const numbers = [...new Set(rows.map((r) => r.patch.cert?.number).filter((n): n is string => !!n))];
    const certs = new Map<string, Certificate>();
    if (numbers.length) {
      const qb = em.getRepository(Certificate).createQueryBuilder('c').where('c.number = ANY(:n)', { n: numbers });
      if (this.lock) qb.setLock('pessimistic_write');
      for (const c of await qb.getMany()) certs.set(c.number, c);
    }
    const scopeWhy = writeScopeViolation(this.principal, CATALOGUE_SCOPE);
    const out: PlannedProductModel[] = [];
    for (const { rowNumber, patch } of rows) {
      const problems: ImportProblem[] = [];
      const add = problemAdder(problems, this.headerOf);
      const key = modelKey(patch.kind, patch.brand, patch.model);
      const first = this.seenModel.get(key);
      if (first !== undefined) add('model', ImportProblemCode.DUPLICATE, `产品类别、品牌、型号与第 ${first} 行相同`, `Same product kind, brand and model as line ${first}`);
      else this.seenModel.set(key, rowNumber);

      let producerId: string | undefined;
      if (patch.producer) {
        const r = oneBusiness(businesses(patch.producer), patch.producer);
        if (r.business) producerId = r.business.id;
        else add('producer', r.code!, r.zh!, r.en!);
      }
      let candidates = (models.get(`${normName(patch.brand)}|${normName(patch.model)}`) ?? []).filter((m) => m.kind === patch.kind);
      if (candidates.length > 1 && producerId) candidates = candidates.filter((m) => m.manufacturerBusinessId === producerId || m.manufacturerBusinessId === null);
      let target: ProductModel | undefined;
      if (candidates.length > 1) {
        add('model', ImportProblemCode.DUPLICATE, `品牌、型号与 ${candidates.length} 个已登记产品型号相同(仅大小写或空格不同)，无法确定对应哪一个`, `Brand and model match ${candidates.length} registered models; cannot tell which`);
      } else if (candidates.length === 1) {
        target = candidates[0];
        if (producerId && target.manufacturerBusinessId && target.manufacturerBusinessId !== producerId) {
          add('producer', ImportProblemCode.DUPLICATE, `该产品类别、品牌、型号已登记为另一生产企业的产品型号(${target.id})；同一类别、品牌、型号只能登记一个`, `This kind, brand and model is registered for another producer (${target.id}); one live model per kind, brand and model`);
        }
      }

      const { producer: _p, cert, ...fields } = patch;
      const input: Partial<CreateProductModelInput> = { ...fields };
      if (producerId) input.manufacturerBusinessId = producerId;
      const after = target
        ? Object.assign(new ProductModel(), target, { standards: [...(target.standards ?? [])] })
        : Object.assign(new ProductModel(), { status: RecordStatus.ACTIVE, manufacturerBusinessId: null, standardVersion: null, standards: [], chemistry: null, nominalVoltage: null, capacityAh: null, version: 1 });
      applyModelPatch(after, input);
      for (const r of productModelRules(after, input)) add(MODEL_FIELD[r.field[0]] ?? r.field[0], r.code as unknown as ImportProblemCode, r.message, r.messageEn);
      if (!target) after.id = randomUUID();

      let certBefore: Certificate | undefined;
      let certAfter: Certificate | undefined;
      let statusChange: PlannedProductModel['statusChange'];
      if (cert) {
        const firstCert = this.seenCert.get(cert.number);
        if (firstCert !== undefined) add('certNumber', ImportProblemCode.DUPLICATE, `证书编号与第 ${firstCert} 行重复`, `The certificate number repeats line ${firstCert}`);
        else this.seenCert.set(cert.number, rowNumber);
        const existing = certs.get(cert.number);
        if (existing?.archived) add('certNumber', ImportProblemCode.VALIDATION, `证书 ${cert.number} 已归档，归档记录不可修改`, `Certificate ${cert.number} is archived; archived records are not edited`);
        const c = existing
          ? Object.assign(new Certificate(), existing)
          : Object.assign(new Certificate(), { id: randomUUID(), number: cert.number, status: cert.status ?? CertStatus.VALID, holderBusinessId: null, holderName: null, productModelId: null, issuedOn: null, expiresOn: null, archived: false, version: 1 });
        const cp: Partial<CreateCertificateInput> = { productModelId: after.id };
        if (cert.issuedOn !== undefined) cp.issuedOn = cert.issuedOn;
        if (cert.expiresOn !== undefined) cp.expiresOn = cert.expiresOn;
        if (cert.holder) {
          const matches = businesses(cert.holder);
          if (matches.length === 1) Object.assign(cp, { holderBusinessId: matches[0].id, holderName: null });
          else if (matches.length > 1) add('certHolder', ImportProblemCode.DUPLICATE, `名称为“${cert.holder}”的主体有 ${matches.length} 个，请填写统一社会信用代码`, `${matches.length} businesses are named "${cert.holder}"; give the USCC`);
          else if (/^[0-9A-Z]{18}$/.test(cert.holder.toUpperCase())) add('certHolder', ImportProblemCode.INVALID_REFERENCE, `没有统一社会信用代码为“${cert.holder}”的在册主体`, `No (unarchived) business with USCC "${cert.holder}"`);
          else Object.assign(cp, { holderBusinessId: null, holderName: cert.holder });
        } else if (!existing && after.manufacturerBusinessId) cp.holderBusinessId = after.manufacturerBusinessId;
        applyCertificatePatch(c, cp);
        if (existing && cert.status && cert.status !== existing.status) {
          const reason = clean(cert.statusReason);
          if (!reason) add('certStatusReason', ImportProblemCode.REQUIRED, `证书状态由“${certStatusLabels()[existing.status]}”改为“${certStatusLabels()[cert.status]}”须填写状态变更原因`, `Changing the certificate's status from ${existing.status} to ${cert.status} needs a reason`);
          else statusChange = { from: existing.status, reason };
          c.status = cert.status;
        }
        for (const r of certificateRules(c)) {
          const field = CERT_FIELD[r.field[0]] ?? r.field[0];
          if (!problems.some((p) => p.field === field)) add(field, r.code as unknown as ImportProblemCode, r.message, r.messageEn);
        }
        if (!existing) certAfter = c;
        else if (changed(existing, c)) [certBefore, certAfter] = [existing, c];
      }
      if (scopeWhy) add(null, ImportProblemCode.OUT_OF_SCOPE, '超出您的职责范围(工作组环节或区县)', `Not allowed: ${scopeWhy}`);

      if (problems.length) {
        out.push({ rowNumber, action: ImportRowAction.REJECTED, targetId: target?.id ?? null, patch: null, problems });
        continue;
      }
      const modelChanged = !target || changed(target, after);
      const action = !target || (certAfter && !certBefore) ? ImportRowAction.CREATE : modelChanged || certAfter ? ImportRowAction.UPDATE : ImportRowAction.UNCHANGED;
      out.push({
        rowNumber,
        action,
        targetId: target?.id ?? null,
        patch,
        problems,
        before: target && modelChanged ? target : undefined,
        after: modelChanged ? after : undefined,
        certBefore,
        certAfter,
        statusChange,
      });
    }
    return out;
  }
}

const MODEL_COLUMNS_SQL = ['id', 'kind', 'brand', 'model', 'manufacturer_business_id', 'standard_version', 'standards', 'chemistry', 'nominal_voltage', 'capacity_ah', 'status', 'version'];
const CERT_COLUMNS_SQL = ['id', 'number', 'holder_business_id', 'holder_name', 'product_model_id', 'status', 'issued_on', 'expires_on', 'archived', 'version'];
const STATUS_CHANGE_COLUMNS_SQL = ['certificate_id', 'from_status', 'to_status', 'effective_on', 'reason', 'changed_by', 'changed_by_name'];

/** Changed columns of one record, under its row lock, version + 1. */
async function updateRecord(em: EntityManager, entity: typeof ProductModel | typeof Certificate, before: ProductModel | Certificate, after: ProductModel | Certificate): Promise<void> {
  const set: Record<string, unknown> = {};
  for (const k of Object.keys(diff(auditView(before), auditView(after)))) set[k] = (after as unknown as Record<string, unknown>)[k];
  const r = await em
    .createQueryBuilder()
    .update(entity)
    .set({ ...set, version: () => 'version + 1' })
    .where('id = :id AND version = :v', { id: before.id, v: before.version })
    .execute();
  if (r.affected !== 1) throw new Error(`${entity.name} ${before.id} changed under its row lock`);
}

/**
 * Models first (created by COPY, changed one by one), then their certificates (a new certificate
 * starts its status history as createCertificate does; a status change adds to it with its reason),
 * each record with its audit row.
 */
export async function writeProductModels(em: EntityManager, ctx: Context, planned: PlannedProductModel[]): Promise<void> {
  const live = planned.filter((p) => p.action !== ImportRowAction.REJECTED);
  const newModels = live.filter((p) => p.after && !p.before).map((p) => p.after!);
  if (newModels.length) {
    await copyInto(em, 'product_model', MODEL_COLUMNS_SQL, newModels.map((m) => [m.id, m.kind, m.brand, m.model, m.manufacturerBusinessId, m.standardVersion, m.standards, m.chemistry, m.nominalVoltage, m.capacityAh, m.status, 1]));
    await copyInto(em, 'audit_event', AUDIT_COLUMNS, newModels.map((m) => auditCells(ctx, 'ProductModel', m.id, null, auditView(m))));
  }
  const changedModels = live.filter((p) => p.after && p.before);
  for (const p of changedModels) await updateRecord(em, ProductModel, p.before!, p.after!);
  if (changedModels.length) await copyInto(em, 'audit_event', AUDIT_COLUMNS, changedModels.map((p) => auditCells(ctx, 'ProductModel', p.before!.id, auditView(p.before!), auditView(p.after!))));

  const principal = ctx.principal;
  const by = principal?.kind === 'system' ? null : principal?.id ?? null;
  const byName = principal ? shownName(principal) : null;
  const newCerts = live.filter((p) => p.certAfter && !p.certBefore).map((p) => p.certAfter!);
  if (newCerts.length) {
    await copyInto(em, 'certificate', CERT_COLUMNS_SQL, newCerts.map((c) => [c.id, c.number, c.holderBusinessId, c.holderName, c.productModelId, c.status, c.issuedOn, c.expiresOn, false, 1]));
    await copyInto(em, 'certificate_status_change', STATUS_CHANGE_COLUMNS_SQL, newCerts.map((c) => [c.id, null, c.status, c.issuedOn, 'registered (登记)', by, byName]));
    await copyInto(em, 'audit_event', AUDIT_COLUMNS, newCerts.map((c) => auditCells(ctx, 'Certificate', c.id, null, auditView(c))));
  }
  const changedCerts = live.filter((p) => p.certAfter && p.certBefore);
  for (const p of changedCerts) await updateRecord(em, Certificate, p.certBefore!, p.certAfter!);
  const statusChanges = changedCerts.filter((p) => p.statusChange);
  if (statusChanges.length) {
    await copyInto(em, 'certificate_status_change', STATUS_CHANGE_COLUMNS_SQL, statusChanges.map((p) => [p.certAfter!.id, p.statusChange!.from, p.certAfter!.status, null, p.statusChange!.reason, by, byName]));
  }
  if (changedCerts.length) {
    await copyInto(
      em,
      'audit_event',
      AUDIT_COLUMNS,
      changedCerts.map((p) => auditCells(ctx, 'Certificate', p.certBefore!.id, auditView(p.certBefore!), p.statusChange ? { ...auditView(p.certAfter!), reason: p.statusChange.reason } : auditView(p.certAfter!))),
    );
  }
}
