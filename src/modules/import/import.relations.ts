import { randomUUID } from 'node:crypto';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth';
import type { Context } from '../../common/context';
import { writeScopeViolation } from '../../common/scope';
import { auditView, diff } from '../audit/audit.service';
import { ProductKind, RecordStatus } from '../registry/registry.enums';
import { SupplyRelation } from '../registry/registry.entities';
import { CreateSupplyRelationInput } from '../registry/registry.inputs';
import { applyRelationPatch, businessScope, relationRules } from '../registry/registry.service';
import type { ColumnDef } from './import.columns';
import { AUDIT_COLUMNS, auditCells, copyInto } from './import.copy';
import { ImportProblemCode, ImportRowAction, type ImportProblem } from './import.entities';
import { productKindOf } from './import.models';
import { CellIssue, type Cell } from './import.parse';
import { businessesByRef, constraintProblems, modelsByName, normName, oneBusiness, parseDate, problemAdder, type HeaderOf } from './import.refs';

/**
 * Supply relations (供货关系): supplier → buyer, optionally for one product model. The rules are the
 * API's: CreateSupplyRelationInput's constraints, applyRelationPatch, relationRules (last seen not
 * before first seen), two different live businesses, a live product model, and the writer's scope
 * on either party. A row matches the live relation of the same supplier, buyer and product model
 * (or none) — the API's identity (one live relation per supplier, buyer and model).
 */

export const SUPPLY_RELATION_COLUMNS: ColumnDef[] = [
  { field: 'supplier', header: '供货方', aliases: ['供货企业', '供应商', '供货单位', 'supplier'], required: true, note: '必填；已登记主体的统一社会信用代码或名称', sample: '乐山市示例电动车销售有限公司' },
  { field: 'buyer', header: '购货方', aliases: ['客户', '购买方', '采购方', '购货单位', 'buyer', 'customer'], required: true, note: '必填；已登记主体的统一社会信用代码或名称', sample: '' },
  { field: 'producer', header: '产品生产企业', aliases: ['生产企业', 'producer', 'manufacturer'], note: '产品型号的生产企业(信用代码或名称)；品牌型号不唯一时填写', sample: '' },
  { field: 'kind', header: '产品类别', aliases: ['类别', 'kind', 'product kind', 'productkind'], note: '品牌型号不唯一时填写，见“允许值”表', sample: '' },
  { field: 'brand', header: '品牌', aliases: ['brand'], note: '供货的产品型号：品牌与型号同时填写，或同时留空(不限型号)', sample: '嘉州' },
  { field: 'model', header: '型号', aliases: ['产品型号', '规格型号', 'model'], note: '已登记的产品型号', sample: 'JZ1000' },
  { field: 'firstSeenOn', header: '首次发现日期', aliases: ['首次发现', 'first seen', 'firstseenon'], note: 'YYYY-MM-DD', sample: '2025-01-10' },
  { field: 'lastSeenOn', header: '最近发现日期', aliases: ['最近发现', 'last seen', 'lastseenon'], note: 'YYYY-MM-DD，不早于首次发现日期', sample: '2025-06-30' },
  { field: 'note', header: '备注', aliases: ['说明', 'note'], note: '最长 2000 字', sample: '' },
];

export interface SupplyRelationRowPatch {
  supplier: string;
  buyer: string;
  producer?: string | null;
  kind?: ProductKind | null;
  brand?: string | null;
  model?: string | null;
  firstSeenOn?: string | null;
  lastSeenOn?: string | null;
  note?: string | null;
}

const FIELD_RULES_ZH: Record<string, string> = {
  firstSeenOn: '首次发现日期须为存在的日期 YYYY-MM-DD',
  lastSeenOn: '最近发现日期须为存在的日期 YYYY-MM-DD',
  note: '备注最长 2000 字',
};

/** First pass, no database: dates, the product kind and CreateSupplyRelationInput's constraints. */
export function checkSupplyRelationRow(rowNumber: number, cells: Map<string, Cell>, headerOf: HeaderOf): { rowNumber: number; patch: SupplyRelationRowPatch | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const patch: Record<string, unknown> = {};
  const add = problemAdder(problems, headerOf);
  for (const [field, c] of cells) {
    if (c instanceof CellIssue) {
      add(field, ImportProblemCode.FORMULA, c.messageZh, c.messageEn);
      continue;
    }
    const v = c.trim();
    switch (field) {
      case 'kind': {
        if (!v) break;
        const k = productKindOf(v);
        if (!k) add(field, ImportProblemCode.INVALID_REFERENCE, `未知的产品类别“${v}”(见模板“允许值”表)`, `Unknown product kind "${v}" (see the template's allowed values)`);
        else patch.kind = k;
        break;
      }
      case 'firstSeenOn':
      case 'lastSeenOn': {
        if (!v) {
          patch[field] = null;
          break;
        }
        const d = parseDate(v);
        if (!d) add(field, ImportProblemCode.VALIDATION, `${headerOf(field)}“${v}”不是日期，请填写 YYYY-MM-DD`, `${field} "${v}" is not a date; write YYYY-MM-DD`);
        else patch[field] = d;
        break;
      }
      case 'supplier':
      case 'buyer':
      case 'producer':
      case 'brand':
      case 'model':
      case 'note':
        patch[field] = v === '' ? null : v;
        break;
    }
  }
  for (const f of ['supplier', 'buyer'] as const) {
    const given = cells.get(f);
    if (typeof given === 'string' && given.trim() === '') add(f, ImportProblemCode.REQUIRED, `${headerOf(f)}为必填项`, `${f} is required`);
  }
  if (!patch.brand !== !patch.model && !problems.some((p) => p.field === 'brand' || p.field === 'model')) {
    const missing = patch.brand ? 'model' : 'brand';
    add(missing, ImportProblemCode.REQUIRED, '产品型号须同时填写品牌和型号(或同时留空)', 'Give both brand and model of the product, or neither');
  }
  if (!patch.brand && !patch.model && (patch.producer || patch.kind)) {
    add('model', ImportProblemCode.REQUIRED, '填写了产品生产企业或类别，但没有品牌和型号', 'Producer or kind given without the brand and model');
  }
  const input = Object.assign(new CreateSupplyRelationInput(), { supplierBusinessId: '00000000-0000-0000-0000-000000000000', buyerBusinessId: '00000000-0000-0000-0000-000000000000' }, {
    firstSeenOn: patch.firstSeenOn,
    lastSeenOn: patch.lastSeenOn,
    note: patch.note,
  });
  constraintProblems(validateSync(input, { forbidUnknownValues: false, validationError: { target: false, value: false } }), problems, add, (p) => p, FIELD_RULES_ZH);
  return { rowNumber, patch: problems.length ? null : (patch as unknown as SupplyRelationRowPatch), problems };
}

export interface PlannedSupplyRelation {
  rowNumber: number;
  action: ImportRowAction;
  targetId: string | null;
  patch: SupplyRelationRowPatch | null;
  problems: ImportProblem[];
  before?: SupplyRelation;
  after?: SupplyRelation;
}

/**
 * Second pass, batch by batch: the parties and producers (one query), the live models of the
 * batch's brands and models, the live relations of its suppliers (FOR UPDATE at commit), duplicates
 * within the file, the rules on the resulting record and the writer's scope on either party.
 */
export class SupplyRelationPlanner {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly principal: Principal,
    private readonly headerOf: HeaderOf,
    private readonly lock: boolean,
  ) {}

  async plan(em: EntityManager, rows: { rowNumber: number; patch: SupplyRelationRowPatch }[]): Promise<PlannedSupplyRelation[]> {
    const businesses = await businessesByRef(em, rows.flatMap((r) => [r.patch.supplier, r.patch.buyer, r.patch.producer]));
    const models = await modelsByName(
      em,
      rows.filter((r) => r.patch.brand && r.patch.model).map((r) => ({ brand: r.patch.brand!, model: r.patch.model! })),
      false,
    );
    const supplierIds = [...new Set(rows.flatMap((r) => businesses(r.patch.supplier).map((b) => b.id)))];
    const existing = new Map<string, SupplyRelation[]>();
    if (supplierIds.length) {
      const qb = em.getRepository(SupplyRelation).createQueryBuilder('r').where('r.status = :active AND r.supplier_business_id = ANY(:s)', { active: RecordStatus.ACTIVE, s: supplierIds });
      if (this.lock) qb.setLock('pessimistic_write');
      for (const r of await qb.getMany()) {
        const k = `${r.supplierBusinessId}|${r.buyerBusinessId}|${r.productModelId ?? ''}`;
        existing.set(k, [...(existing.get(k) ?? []), r]);
      }
    }
    const out: PlannedSupplyRelation[] = [];
    for (const { rowNumber, patch } of rows) {
      const problems: ImportProblem[] = [];
      const add = problemAdder(problems, this.headerOf);
      const party = (field: 'supplier' | 'buyer' | 'producer', ref: string) => {
        const r = oneBusiness(businesses(ref), ref);
        if (!r.business) add(field, r.code!, r.zh!, r.en!);
        return r.business;
      };
      const supplier = party('supplier', patch.supplier);
      const buyer = party('buyer', patch.buyer);
      if (supplier && buyer && supplier.id === buyer.id) add('buyer', ImportProblemCode.VALIDATION, '供货方与购货方不能是同一经营主体', 'A business does not supply itself');
      let productModelId: string | null = null;
      if (patch.brand && patch.model) {
        const producer = patch.producer ? party('producer', patch.producer) : undefined;
        const matches = (models.get(`${normName(patch.brand)}|${normName(patch.model)}`) ?? [])
          .filter((m) => !patch.kind || m.kind === patch.kind)
          .filter((m) => !producer || m.manufacturerBusinessId === producer.id);
        if (matches.length === 1) productModelId = matches[0].id;
        else if (!patch.producer || producer) {
          if (matches.length === 0) add('model', ImportProblemCode.INVALID_REFERENCE, `没有品牌“${patch.brand}”、型号“${patch.model}”的在册产品型号${producer ? '(该生产企业)' : ''}`, `No (unarchived) product model ${patch.brand} ${patch.model}${producer ? ' of this producer' : ''}`);
          else add('model', ImportProblemCode.DUPLICATE, `品牌“${patch.brand}”、型号“${patch.model}”对应 ${matches.length} 个产品型号，请填写产品生产企业或产品类别`, `${matches.length} product models are ${patch.brand} ${patch.model}; give the producer or the kind`);
        }
      }
      let target: SupplyRelation | undefined;
      if (supplier && buyer && !problems.length) {
        const key = `${supplier.id}|${buyer.id}|${productModelId ?? ''}`;
        const first = this.seen.get(key);
        if (first !== undefined) add('supplier', ImportProblemCode.DUPLICATE, `供货方、购货方与产品型号与第 ${first} 行相同`, `Same supplier, buyer and product model as line ${first}`);
        else this.seen.set(key, rowNumber);
        target = existing.get(key)?.[0];
      }
      const after = target
        ? Object.assign(new SupplyRelation(), target)
        : Object.assign(new SupplyRelation(), { supplierBusinessId: supplier?.id, buyerBusinessId: buyer?.id, productModelId, status: RecordStatus.ACTIVE, firstSeenOn: null, lastSeenOn: null, note: null, version: 1 });
      const input: Partial<CreateSupplyRelationInput> = { productModelId };
      for (const f of ['firstSeenOn', 'lastSeenOn', 'note'] as const) if (patch[f] !== undefined) input[f] = patch[f];
      applyRelationPatch(after, input);
      for (const r of relationRules(after)) add(r.field[0], r.code as unknown as ImportProblemCode, r.message, r.messageEn);
      if (supplier && buyer) {
        const why = writeScopeViolation(this.principal, businessScope(supplier)) && writeScopeViolation(this.principal, businessScope(buyer));
        if (why) add(null, ImportProblemCode.OUT_OF_SCOPE, '超出您的职责范围：供货方和购货方都不在您的工作组环节或区县内', `Not allowed: neither party is yours to write (${why})`);
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

const RELATION_COLUMNS_SQL = ['id', 'supplier_business_id', 'buyer_business_id', 'product_model_id', 'first_seen_on', 'last_seen_on', 'note', 'status', 'version'];

/** Creates by COPY with their audit rows; updates one by one under their row locks, version + 1. */
export async function writeSupplyRelations(em: EntityManager, ctx: Context, planned: PlannedSupplyRelation[]): Promise<void> {
  const creates = planned.filter((p) => p.action === ImportRowAction.CREATE);
  if (creates.length) {
    await copyInto(em, 'supply_relation', RELATION_COLUMNS_SQL, creates.map(({ after: r }) => [r!.id, r!.supplierBusinessId, r!.buyerBusinessId, r!.productModelId, r!.firstSeenOn, r!.lastSeenOn, r!.note, r!.status, 1]));
    await copyInto(em, 'audit_event', AUDIT_COLUMNS, creates.map((p) => auditCells(ctx, 'SupplyRelation', p.after!.id, null, auditView(p.after!))));
  }
  const updates = planned.filter((p) => p.action === ImportRowAction.UPDATE);
  for (const p of updates) {
    const set: Record<string, unknown> = {};
    for (const k of Object.keys(diff(auditView(p.before!), auditView(p.after!)))) set[k] = (p.after as unknown as Record<string, unknown>)[k];
    const r = await em
      .createQueryBuilder()
      .update(SupplyRelation)
      .set({ ...set, version: () => 'version + 1' })
      .where('id = :id AND version = :v', { id: p.before!.id, v: p.before!.version })
      .execute();
    if (r.affected !== 1) throw new Error(`supply relation ${p.before!.id} changed under its row lock`);
  }
  if (updates.length) await copyInto(em, 'audit_event', AUDIT_COLUMNS, updates.map((p) => auditCells(ctx, 'SupplyRelation', p.before!.id, auditView(p.before!), auditView(p.after!))));
}
