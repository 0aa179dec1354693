import { validateSync } from 'class-validator';
import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { Role, type Principal } from '../../common/auth';
import type { Context } from '../../common/context';
import { UserInputFailure } from '../../common/errors';
import { writeScopeViolation } from '../../common/scope';
import { isLocalDate, shanghaiDate } from '../../common/time';
import { Inspection } from '../inspection/inspection.entities';
import { InspectionMethod } from '../inspection/inspection.enums';
import { CreateInspectionInput } from '../inspection/inspection.inputs';
import { createInspection } from '../inspection/inspection.service';
import { Department, HazardType, TaskTeam } from '../reference/reference.entities';
import { HazardLevel, type SupplyChainStage } from '../reference/reference.enums';
import { Business } from '../registry/registry.entities';
import { BusinessStatus } from '../registry/registry.enums';
import { RemediationItem } from '../remediation/remediation.entities';
import { HazardStatus, NoticeType, RemediationAction } from '../remediation/remediation.enums';
import { CreateRemediationItemInput, InspectionHazardInput, TransitionInput, UpdateRemediationItemInput } from '../remediation/remediation.inputs';
import { createRemediationItem, transition, updateRemediationItem } from '../remediation/remediation.service';
import { enumLabels, type ColumnDef } from './import.columns';
import { ImportProblemCode, ImportRowAction, type ImportProblem } from './import.entities';
import { CellIssue, type Cell } from './import.parse';
import { enumIndex, problem, problemAdder, squash, type HeaderOf } from './import.refs';

/**
 * Inspections (检查) with the hazards they found, from an agency's spreadsheet: one row per hazard,
 * a row without hazard columns for an inspection that found nothing. Rows with the same business +
 * inspection date + task team are one inspection. Nothing is written here but through the API's own
 * functions: createInspection (a new inspection with its hazards), createRemediationItem (a hazard
 * added to an inspection recorded earlier), the workflow's SERVE_NOTICE (a row with a deadline: a
 * limited-time notice served at the inspection) and updateRemediationItem (a corrected hazard). The
 * dry run checks the same rules beforehand so that the report names the row and column.
 */

export const INSPECTION_COLUMNS: ColumnDef[] = [
  { field: 'business', header: '被检查主体', aliases: ['主体', '经营主体', '被检查单位', 'business', 'target business'], required: true, note: '必填；已登记主体的统一社会信用代码或名称(同名主体有多个时须填信用代码)', sample: '91511102MA62A1B2C3' },
  { field: 'inspectedOn', header: '检查日期', aliases: ['日期', 'inspection date', 'inspectedon', 'date'], required: true, note: '必填；如 2026-11-03，不能晚于今天', sample: '2026-11-03' },
  { field: 'team', header: '工作组', aliases: ['专项工作组', 'team', 'team code', 'teamcode'], required: true, note: '必填；工作组代码或名称，见“允许值”表', sample: '销售流通组' },
  { field: 'method', header: '检查方式', aliases: ['method'], note: '中文名称或代码，见“允许值”表；留空为日常检查', sample: '日常检查' },
  { field: 'departments', header: '检查部门', aliases: ['参检部门', 'departments', 'department codes'], note: '部门代码或简称，多个用“、”分隔，第一个为实施检查的部门', sample: '' },
  { field: 'inspectors', header: '检查人员', aliases: ['inspectors'], note: '同一次检查的第一行必填；姓名用“、”分隔；联合执法不少于两人', sample: '张三、李四' },
  { field: 'conclusion', header: '检查结论', aliases: ['conclusion'], note: '最长 4000 字', sample: '' },
  { field: 'hazardType', header: '隐患类型', aliases: ['hazard type', 'hazardtype', 'hazardtypecode'], note: '隐患类型代码或中文名称，见“允许值”表；本行无隐患时隐患各列留空', sample: '销售无CCC/证书无效产品' },
  { field: 'level', header: '隐患等级', aliases: ['等级', 'level'], note: '一般、较大、重大或代码；留空为该类型的默认等级', sample: '一般' },
  { field: 'description', header: '隐患描述', aliases: ['description'], note: '有隐患时必填；最长 4000 字；与隐患类型一起识别同一隐患', sample: '店内销售无CCC标志整车 3 辆' },
  { field: 'deadline', header: '整改期限', aliases: ['deadline'], note: '如 2026-11-20，不早于检查日期；填写即视为检查时下达限期整改通知', sample: '2026-11-20' },
  { field: 'responsiblePerson', header: '责任人', aliases: ['responsible person', 'responsibleperson'], note: '最长 100 字', sample: '' },
  { field: 'responsibleContact', header: '责任人电话', aliases: ['responsible contact', 'responsiblecontact'], note: '最长 30 字', sample: '' },
];

const HAZARD_FIELDS = ['hazardType', 'level', 'description', 'deadline', 'responsiblePerson', 'responsibleContact'] as const;

/** A row as checked without the database (raw references), then completed by the planner. */
export interface InspectionPatch {
  business: string;
  inspectedOn: string;
  team: string;
  /** Per-inspection values; null/absent when the cell is blank (a later row of the same inspection inherits them). */
  method: InspectionMethod | null;
  departments: string[] | null;
  inspectors: string[] | null;
  conclusion: string | null;
  hazard: null | {
    hazardType: string;
    level: HazardLevel | null;
    description: string;
    deadline: string | null;
    responsiblePerson: string | null;
    responsibleContact: string | null;
  };
}

/** How a hazard is recognised again within its inspection: type + description (NFKC, white space removed, lower case). */
export const hazardKey = (typeCode: string, description: string) => `${typeCode}|${description.normalize('NFKC').replace(/\s+/g, '').toLowerCase()}`;
const list = (v: string) => v.split(/[、,，;；\n|]+/).map((s) => s.trim()).filter(Boolean);

const methodOf = enumIndex(InspectionMethod);
const levelByLabel = enumIndex(HazardLevel);
export const inspectionMethodLabels = () => enumLabels(InspectionMethod);
export const hazardLevelLabels = () => enumLabels(HazardLevel);

function levelOf(v: string): HazardLevel | undefined {
  const exact = levelByLabel(v);
  if (exact) return exact;
  // 一般 / 较大 / 重大 for 一般事故隐患 …
  const labels = hazardLevelLabels();
  const hits = Object.values(HazardLevel).filter((l) => squash(labels[l] ?? '').startsWith(squash(v)) && v.trim().length >= 2);
  return hits.length === 1 ? hits[0] : undefined;
}

/** YYYY-MM-DD, also 2026/11/3, 2026.11.3 and 2026年11月3日. */
function parseDate(v: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v.normalize('NFKC').trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isLocalDate(d) ? d : null;
}

/** First pass, no database: dates, coded values and the input classes' constraints. */
export function checkInspectionRow(rowNumber: number, cells: Map<string, Cell>, headerOf: HeaderOf, today = shanghaiDate(new Date())): { rowNumber: number; patch: InspectionPatch | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const add = problemAdder(problems, headerOf);
  const text = new Map<string, string>();
  for (const [field, cell] of cells) {
    if (cell instanceof CellIssue) add(field, ImportProblemCode.FORMULA, cell.messageZh, cell.messageEn);
    else text.set(field, cell.trim());
  }
  const get = (f: string) => text.get(f) ?? '';
  for (const f of ['business', 'inspectedOn', 'team'] as const) if (cells.has(f) && !get(f) && !problems.some((p) => p.field === f)) add(f, ImportProblemCode.REQUIRED, `${headerOf(f)}为必填项`, `${f} is required`);

  let inspectedOn = '';
  if (get('inspectedOn')) {
    const d = parseDate(get('inspectedOn'));
    if (!d) add('inspectedOn', ImportProblemCode.VALIDATION, `检查日期“${get('inspectedOn')}”不是有效日期(如 2026-11-03)`, `Inspection date "${get('inspectedOn')}" is not a date (YYYY-MM-DD)`);
    else if (d > today) add('inspectedOn', ImportProblemCode.VALIDATION, `检查日期 ${d} 晚于今天(${today})`, `The inspection date ${d} is after today (${today})`);
    else inspectedOn = d;
  }
  let method: InspectionMethod | null = null;
  if (get('method')) {
    const m = methodOf(get('method'));
    if (!m) add('method', ImportProblemCode.INVALID_REFERENCE, `未知的检查方式“${get('method')}”(见模板“允许值”表)`, `Unknown inspection method "${get('method')}" (see the template's allowed values)`);
    else method = m;
  }
  const inspectors = get('inspectors') ? list(get('inspectors')) : null;
  const departments = get('departments') ? list(get('departments')) : null;
  const conclusion = get('conclusion') || null;

  let hazard: InspectionPatch['hazard'] = null;
  if (HAZARD_FIELDS.some((f) => get(f))) {
    if (!get('hazardType')) add('hazardType', ImportProblemCode.REQUIRED, '填写了隐患信息的行须填写隐患类型', 'A row with hazard details needs the hazard type');
    if (!get('description')) add('description', ImportProblemCode.REQUIRED, '填写了隐患信息的行须填写隐患描述', 'A row with hazard details needs the description');
    let level: HazardLevel | null = null;
    if (get('level')) {
      const l = levelOf(get('level'));
      if (!l) add('level', ImportProblemCode.INVALID_REFERENCE, `未知的隐患等级“${get('level')}”，可填：一般、较大、重大`, `Unknown hazard level "${get('level')}"; use GENERAL, SIGNIFICANT or MAJOR`);
      else level = l;
    }
    let deadline: string | null = null;
    if (get('deadline')) {
      const d = parseDate(get('deadline'));
      if (!d) add('deadline', ImportProblemCode.VALIDATION, `整改期限“${get('deadline')}”不是有效日期(如 2026-11-20)`, `Deadline "${get('deadline')}" is not a date (YYYY-MM-DD)`);
      else if (inspectedOn && d < inspectedOn) add('deadline', ImportProblemCode.VALIDATION, `整改期限 ${d} 早于检查日期 ${inspectedOn}`, `The deadline ${d} is before the inspection date ${inspectedOn}`);
      else deadline = d;
    }
    hazard = { hazardType: get('hazardType'), level, description: get('description'), deadline, responsiblePerson: get('responsiblePerson') || null, responsibleContact: get('responsibleContact') || null };
    // The API's own input constraints, on the same class.
    const input = Object.assign(new InspectionHazardInput(), {
      hazardTypeCode: hazard.hazardType || 'X',
      description: hazard.description || 'x',
      ...(hazard.responsiblePerson ? { responsiblePerson: hazard.responsiblePerson } : {}),
      ...(hazard.responsibleContact ? { responsibleContact: hazard.responsibleContact } : {}),
    });
    for (const f of validateSync(input, { forbidUnknownValues: false, validationError: { target: false, value: false } })) {
      const field = f.property === 'hazardTypeCode' ? 'hazardType' : f.property;
      if (problems.some((p) => p.field === field)) continue;
      add(field, ImportProblemCode.VALIDATION, `${headerOf(field) ?? field}过长`, Object.values(f.constraints ?? {}).join('; '));
    }
  }
  const inspection = Object.assign(new CreateInspectionInput(), { method: method ?? InspectionMethod.ROUTINE, teamCode: 'X', departmentCodes: departments ?? [], inspectors: inspectors ?? ['x'], startedAt: new Date(), checklistResults: [], remediationItems: [], ...(conclusion ? { conclusion } : {}) });
  for (const f of validateSync(inspection, { forbidUnknownValues: false, validationError: { target: false, value: false } })) {
    const field = f.property === 'departmentCodes' ? 'departments' : f.property;
    if (problems.some((p) => p.field === field) || !headerOf(field)) continue;
    add(field, ImportProblemCode.VALIDATION, field === 'inspectors' ? '检查人员最多 30 人，姓名最长 100 字' : field === 'departments' ? '检查部门不能重复，最多 20 个' : `${headerOf(field)}过长`, Object.values(f.constraints ?? {}).join('; '));
  }
  if (problems.length) return { rowNumber, patch: null, problems };
  return { rowNumber, patch: { business: get('business'), inspectedOn, team: get('team'), method, departments, inspectors, conclusion, hazard }, problems };
}

/** One inspection of the file: its values fixed by its first row. */
interface Group {
  firstRow: number;
  /** Per-inspection values as the file gives them (null: no row has said yet). */
  method: InspectionMethod | null;
  departments: string[] | null;
  inspectors: string[] | null;
  conclusion: string | null;
  hazards: Map<string, number>;
  emptyRow: number | null;
}

export interface PlannedInspectionRow {
  rowNumber: number;
  action: ImportRowAction;
  targetId: string | null;
  patch: InspectionPatch | null;
  problems: ImportProblem[];
  /** For the writer. */
  key?: string;
  business?: Business;
  inspection?: Inspection | null;
  teamCode?: string;
  hazardTypeCode?: string;
  item?: RemediationItem;
  after?: { id: string };
}

/** Statuses in which an imported hazard is still as the import left it (and may be corrected by a later file). */
const AS_IMPORTED = [HazardStatus.REGISTERED, HazardStatus.NOTIFIED];
const SHANGHAI = '+08:00';
/** An inspection recorded by date only starts at 00:00 Asia/Shanghai of that day. */
const startOf = (day: string) => new Date(`${day}T00:00:00${SHANGHAI}`);

/**
 * Second pass, against the database: the business (by USCC or exact name), team, departments and
 * hazard type; the inspection the row belongs to (in the file and among recorded inspections); the
 * hazard within it; the rules createInspection and createRemediationItem apply (stage, team, scope).
 */
export class InspectionPlanner {
  private refs: { teams: TaskTeam[]; teamStages: Map<string, string[]>; departments: Department[]; types: HazardType[] } | null = null;
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly principal: Principal,
    private readonly headerOf: HeaderOf,
    private readonly lock: boolean,
  ) {}

  private async load(em: EntityManager) {
    if (this.refs) return this.refs;
    const teams = await em.find(TaskTeam);
    const stages: { team_id: string; stage: string }[] = await em.query(`SELECT team_id, stage::text FROM task_team_stage`);
    const teamStages = new Map<string, string[]>();
    for (const s of stages) teamStages.set(s.team_id, [...(teamStages.get(s.team_id) ?? []), s.stage]);
    return (this.refs = { teams, teamStages, departments: await em.find(Department), types: await em.find(HazardType) });
  }

  async plan(em: EntityManager, rows: { rowNumber: number; patch: InspectionPatch }[]): Promise<PlannedInspectionRow[]> {
    const refs = await this.load(em);
    const { headerOf, principal } = this;
    const names = [...new Set(rows.map((r) => r.patch.business))];
    const byRef = new Map<string, Business[]>();
    if (names.length) {
      const found = await em.getRepository(Business).createQueryBuilder('b').where(`(b.uscc = ANY(:r) OR b.name = ANY(:r)) AND b.status <> :archived`, { r: [...names, ...names.map((n) => n.toUpperCase())], archived: BusinessStatus.ARCHIVED }).getMany();
      for (const b of found) for (const k of [b.uscc, b.name]) if (k) byRef.set(k, [...(byRef.get(k) ?? []), b]);
    }
    const teamOf = (v: string) => refs.teams.find((t) => t.code === v.toUpperCase() || squash(t.nameZh) === squash(v));
    const deptOf = (v: string) => refs.departments.find((d) => d.code === v.toUpperCase() || d.name === v || d.shortName === v);
    const typeOf = (v: string) => refs.types.find((t) => t.code === v.toUpperCase() || squash(t.nameZh) === squash(v));

    // Resolve references first, so that recorded inspections are loaded in one query for the batch.
    const resolved = rows.map(({ rowNumber, patch }) => {
      const problems: ImportProblem[] = [];
      const add = problemAdder(problems, headerOf);
      const matches = [...new Map([...(byRef.get(patch.business) ?? []), ...(byRef.get(patch.business.toUpperCase()) ?? [])].map((b) => [b.id, b])).values()];
      if (matches.length === 0) add('business', ImportProblemCode.INVALID_REFERENCE, `没有信用代码或名称为“${patch.business}”的在册主体`, `No (unarchived) business with USCC or name "${patch.business}"`);
      else if (matches.length > 1) add('business', ImportProblemCode.DUPLICATE, `名称为“${patch.business}”的主体有 ${matches.length} 个，请填写统一社会信用代码`, `${matches.length} businesses are named "${patch.business}"; give the USCC`);
      const team = teamOf(patch.team);
      if (!team) add('team', ImportProblemCode.INVALID_REFERENCE, `没有代码或名称为“${patch.team}”的工作组(见模板“允许值”表)`, `No task team coded or named "${patch.team}"`);
      const depts = (patch.departments ?? []).map((d) => {
        const dept = deptOf(d);
        if (!dept) add('departments', ImportProblemCode.INVALID_REFERENCE, `没有代码或简称为“${d}”的部门`, `No department coded or named "${d}"`);
        return dept;
      });
      const type = patch.hazard ? typeOf(patch.hazard.hazardType) : undefined;
      if (patch.hazard && (!type || !type.active)) add('hazardType', ImportProblemCode.INVALID_REFERENCE, `没有启用中的隐患类型“${patch.hazard.hazardType}”(见模板“允许值”表)`, `No active hazard type "${patch.hazard.hazardType}"`);
      const business = matches.length === 1 ? matches[0] : undefined;
      return { rowNumber, patch, problems, add, business, team, depts, type };
    });
    const ok = resolved.filter((r) => r.business && r.team);
    const recorded = new Map<string, Inspection[]>();
    const items = new Map<string, RemediationItem[]>();
    if (ok.length) {
      const qb = em
        .getRepository(Inspection)
        .createQueryBuilder('i')
        .where(`i.target_business_id = ANY(:b) AND i.team_id = ANY(:t) AND to_char(i.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') = ANY(:d)`, {
          b: [...new Set(ok.map((r) => r.business!.id))],
          t: [...new Set(ok.map((r) => r.team!.id))],
          d: [...new Set(ok.map((r) => r.patch.inspectedOn))],
        });
      for (const i of await qb.getMany()) {
        const k = `${i.targetBusinessId}|${shanghaiDate(i.startedAt)}|${i.teamId}`;
        recorded.set(k, [...(recorded.get(k) ?? []), i]);
      }
      const ids = [...recorded.values()].flat().map((i) => i.id);
      if (ids.length) {
        const iq = em.getRepository(RemediationItem).createQueryBuilder('r').where('r.inspection_id = ANY(:ids)', { ids });
        if (this.lock) iq.setLock('pessimistic_write');
        for (const it of await iq.getMany()) items.set(it.inspectionId!, [...(items.get(it.inspectionId!) ?? []), it]);
      }
    }

    const out: PlannedInspectionRow[] = [];
    for (const r of resolved) {
      const { rowNumber, patch, problems, add, business, team, type } = r;
      const reject = (targetId: string | null = null) => out.push({ rowNumber, action: ImportRowAction.REJECTED, targetId, patch: null, problems });
      if (!business || !team || problems.length) {
        reject();
        continue;
      }
      const key = `${business.id}|${patch.inspectedOn}|${team.id}`;
      const departmentCodes = r.depts.map((d) => d!.code);
      // One inspection of the file: the first row that gives a per-inspection value fixes it; other rows may leave it
      // blank or repeat it (a different value is a problem).
      let group = this.groups.get(key);
      if (!group) {
        group = { firstRow: rowNumber, method: null, departments: null, inspectors: null, conclusion: null, hazards: new Map(), emptyRow: null };
        this.groups.set(key, group);
      }
      const given: [keyof Pick<Group, 'method' | 'departments' | 'inspectors' | 'conclusion'>, string, unknown][] = [
        ['method', '检查方式', patch.method],
        ['departments', '检查部门', patch.departments === null ? null : departmentCodes],
        ['inspectors', '检查人员', patch.inspectors],
        ['conclusion', '检查结论', patch.conclusion],
      ];
      for (const [field, zh, value] of given) {
        if (value === null) continue;
        const current = group[field];
        if (current === null) (group as unknown as Record<string, unknown>)[field] = value;
        else if (JSON.stringify(current) !== JSON.stringify(value)) {
          add(field, ImportProblemCode.VALIDATION, `与第 ${group.firstRow} 行是同一次检查(主体、检查日期、工作组相同)，但${zh}不同`, `The same inspection as line ${group.firstRow} (business, date and team), with a different ${field}`);
        }
      }
      const full: InspectionPatch = { ...patch, method: group.method, departments: group.departments, inspectors: group.inspectors, conclusion: group.conclusion };
      const candidates = recorded.get(key) ?? [];
      if (candidates.length > 1) add('inspectedOn', ImportProblemCode.DUPLICATE, `该主体当天已有 ${candidates.length} 次该工作组的检查，无法确定对应哪一次`, `${candidates.length} recorded inspections of this business by this team on that day; cannot tell which`);
      const inspection = candidates.length === 1 ? candidates[0] : null;
      const method = group.method ?? inspection?.method ?? InspectionMethod.ROUTINE;
      const inspectors = group.inspectors ?? inspection?.inspectors ?? null;
      if (!inspectors) add('inspectors', ImportProblemCode.REQUIRED, '检查人员为必填项(同一次检查至少在第一行填写)', 'inspectors is required (on the first row of the inspection at least)');
      else if (method === InspectionMethod.JOINT_ENFORCEMENT && new Set(inspectors).size < 2) add('inspectors', ImportProblemCode.VALIDATION, '执法检查不少于两人', 'An enforcement inspection needs at least two officers');

      // createInspection's rules: the inspected stage (the business's first) is the team's, within the writer's scope.
      const stage = business.stages[0];
      const teamStages = refs.teamStages.get(team.id) ?? [];
      if (!stage) add('business', ImportProblemCode.VALIDATION, '该主体没有所属环节，无法录入检查', 'The business has no stage to inspect');
      else if (!teamStages.includes(stage)) add('team', ImportProblemCode.VALIDATION, `工作组 ${team.nameZh} 不负责被检查的环节 ${stage}`, `Team ${team.code} does not cover the inspected stage ${stage}`);
      const scopes: { stages: SupplyChainStage[]; districtCode: string }[] = stage ? [{ stages: [stage], districtCode: business.districtCode }] : [];
      // insertItem's rules: the hazard's stage (the inspected one if the type occurs there), covered by the team.
      if (type && stage) {
        const itemStage = type.stages.includes(stage) ? stage : type.primaryStage;
        if (!teamStages.includes(itemStage)) add('hazardType', ImportProblemCode.VALIDATION, `工作组 ${team.nameZh} 不负责环节 ${itemStage}(隐患类型 ${type.code})`, `Team ${team.code} does not cover stage ${itemStage} (hazard type ${type.code})`);
        scopes.push({ stages: [itemStage], districtCode: business.districtCode });
      }
      // createInspection, createRemediationItem and the workflow are for the task-force office and agency officers (WORKERS).
      if (principal.role !== Role.COORDINATOR && principal.role !== Role.AGENCY_OFFICER) {
        add(null, ImportProblemCode.OUT_OF_SCOPE, '检查和隐患只能由协调员或部门工作人员录入', `Inspections and hazards are recorded by a coordinator or an agency officer, not ${principal.role}`);
      }
      for (const s of scopes) {
        const why = writeScopeViolation(principal, s);
        if (why) {
          add(null, ImportProblemCode.OUT_OF_SCOPE, '超出您的职责范围(工作组环节或区县)', `Not allowed: ${why}`);
          break;
        }
      }

      if (inspection) {
        // A recorded inspection is not changed by an import (the API has no mutation for it).
        // Only what the file says is compared: blank cells make no statement.
        const depIds = group.departments?.map((c) => refs.departments.find((d) => d.code === c)!.id);
        const diffs = [
          group.method !== null && inspection.method !== group.method ? '检查方式' : null,
          group.inspectors !== null && inspection.inspectors.join() !== group.inspectors.join() ? '检查人员' : null,
          depIds && inspection.departmentIds.join() !== depIds.join() ? '检查部门' : null,
          group.conclusion !== null && (inspection.conclusion ?? null) !== group.conclusion ? '检查结论' : null,
        ].filter(Boolean);
        if (diffs.length) add(null, ImportProblemCode.VALIDATION, `该次检查已录入(${inspection.code})，${diffs.join('、')}与文件不同；已录入的检查不能通过导入修改`, `The inspection is already recorded (${inspection.code}) with a different ${diffs.join(', ')}; an import does not change a recorded inspection`);
      }

      const base = { rowNumber, patch: full, key, business, inspection, teamCode: team.code, hazardTypeCode: type?.code };
      if (!patch.hazard) {
        if (group.emptyRow !== null && group.emptyRow !== rowNumber) add(null, ImportProblemCode.DUPLICATE, `与第 ${group.emptyRow} 行重复(同一次检查的无隐患行)`, `Repeats line ${group.emptyRow} (the same inspection without hazards)`);
        else group.emptyRow = rowNumber;
        if (problems.length) reject(inspection?.id ?? null);
        else out.push({ ...base, problems, action: inspection ? ImportRowAction.UNCHANGED : ImportRowAction.CREATE, targetId: inspection?.id ?? null });
        continue;
      }
      const hk = hazardKey(type!.code, patch.hazard.description);
      const first = group.hazards.get(hk);
      if (first !== undefined && first !== rowNumber) add('description', ImportProblemCode.DUPLICATE, `与第 ${first} 行是同一次检查的同一隐患(隐患类型、描述相同)`, `The same hazard of the same inspection as line ${first} (type and description)`);
      else group.hazards.set(hk, rowNumber);
      const existing = inspection ? (items.get(inspection.id) ?? []).filter((i) => hazardKey(i.hazardTypeCode, i.description) === hk) : [];
      if (existing.length > 1) add('description', ImportProblemCode.DUPLICATE, `该次检查中有 ${existing.length} 条相同类型、描述的隐患，无法确定对应哪一条`, `${existing.length} hazards of the inspection have this type and description; cannot tell which`);
      const item = existing.length === 1 ? existing[0] : undefined;
      if (problems.length) {
        reject(item?.id ?? null);
        continue;
      }
      if (!item) {
        out.push({ ...base, problems, action: ImportRowAction.CREATE, targetId: null });
        continue;
      }
      // An imported hazard again: what may change, and when (README "Inspections").
      const h = patch.hazard;
      const changes: string[] = [];
      if (h.level && h.level !== item.level) changes.push('level');
      if (h.responsiblePerson && h.responsiblePerson !== item.responsiblePerson) changes.push('responsiblePerson');
      if (h.responsibleContact && h.responsibleContact !== item.responsibleContact) changes.push('responsibleContact');
      const deadlineDiffers = (h.deadline ?? null) !== (item.deadline ?? null) && !(h.deadline === null && item.deadline !== null);
      if (deadlineDiffers) {
        add('deadline', ImportProblemCode.VALIDATION, `隐患 ${item.code} 的整改期限为 ${item.deadline ?? '(未下达整改通知)'}；已录入隐患的期限只能通过整改通知、延期申请或复查办理`, `Hazard ${item.code} has the deadline ${item.deadline ?? '(no notice served)'}; a recorded hazard's deadline changes only through a notice, an extension or a review`);
      } else if (changes.length && !AS_IMPORTED.includes(item.status)) {
        add(null, ImportProblemCode.VALIDATION, `隐患 ${item.code} 已进入 ${item.status} 状态，导入不再修改；请在系统中办理`, `Hazard ${item.code} has moved on to ${item.status}; an import no longer changes it`);
      }
      if (problems.length) reject(item.id);
      else out.push({ ...base, problems, item, action: changes.length ? ImportRowAction.UPDATE : ImportRowAction.UNCHANGED, targetId: item.id });
    }
    return out;
  }
}

function problemsOf(e: unknown): ImportProblem[] | null {
  const codes = new Set<string>(Object.values(ImportProblemCode));
  if (e instanceof UserInputFailure) {
    return e.userErrors.map((u) => problem(null, u.field.join('.'), codes.has(u.code) ? (u.code as unknown as ImportProblemCode) : ImportProblemCode.VALIDATION, u.message, u.messageEn));
  }
  if (e instanceof GraphQLError && e.extensions?.code === 'FORBIDDEN') return [problem(null, null, ImportProblemCode.OUT_OF_SCOPE, '超出您的职责范围(工作组环节或区县)', e.message)];
  return null;
}

const hazardInput = (h: NonNullable<InspectionPatch['hazard']>, typeCode: string): InspectionHazardInput =>
  Object.assign(new InspectionHazardInput(), {
    hazardTypeCode: typeCode,
    description: h.description,
    ...(h.level ? { level: h.level } : {}),
    ...(h.responsiblePerson ? { responsiblePerson: h.responsiblePerson } : {}),
    ...(h.responsibleContact ? { responsibleContact: h.responsibleContact } : {}),
  });

/**
 * Writes each inspection of the batch through the API's functions, under a savepoint: when the API
 * refuses (its rules are the last word), the inspection's rows become REJECTED with its messages and
 * nothing of that inspection is written.
 */
export async function writeInspections(em: EntityManager, ctx: Context, planned: PlannedInspectionRow[]): Promise<void> {
  const byKey = new Map<string, PlannedInspectionRow[]>();
  for (const p of planned) if (p.action === ImportRowAction.CREATE || p.action === ImportRowAction.UPDATE) byKey.set(p.key!, [...(byKey.get(p.key!) ?? []), p]);
  for (const rows of byKey.values()) {
    await em.query('SAVEPOINT import_inspection');
    try {
      await writeGroup(ctx, rows);
      await em.query('RELEASE SAVEPOINT import_inspection');
    } catch (e) {
      const problems = problemsOf(e);
      await em.query('ROLLBACK TO SAVEPOINT import_inspection');
      if (!problems) throw e;
      for (const r of rows) Object.assign(r, { action: ImportRowAction.REJECTED, problems, after: undefined });
    }
  }
}

async function writeGroup(ctx: Context, rows: PlannedInspectionRow[]): Promise<void> {
  const first = rows[0];
  const p = first.patch!;
  const startedAt = startOf(p.inspectedOn);
  // The inspection's values: the first row of the group that gives each (the planner checked that they agree).
  const pick = <K extends 'method' | 'departments' | 'inspectors' | 'conclusion'>(k: K): InspectionPatch[K] | null => rows.map((r) => r.patch![k]).find((v) => v !== null) ?? null;
  let inspection = first.inspection ?? null;
  const creates = rows.filter((r) => r.action === ImportRowAction.CREATE && r.patch!.hazard);
  const created: { row: PlannedInspectionRow; item: RemediationItem }[] = [];
  if (!inspection) {
    const input = Object.assign(new CreateInspectionInput(), {
      method: pick('method') ?? InspectionMethod.ROUTINE,
      teamCode: first.teamCode!,
      departmentCodes: pick('departments') ?? [],
      inspectors: pick('inspectors')!,
      targetBusinessId: first.business!.id,
      startedAt,
      ...(pick('conclusion') ? { conclusion: pick('conclusion')! } : {}),
      checklistResults: [],
      remediationItems: creates.map((r) => hazardInput(r.patch!.hazard!, r.hazardTypeCode!)),
    });
    inspection = await createInspection(ctx, input);
    const items = await ctx.em.find(RemediationItem, { where: { inspectionId: inspection.id } });
    for (const r of creates) created.push({ row: r, item: items.find((i) => hazardKey(i.hazardTypeCode, i.description) === hazardKey(r.hazardTypeCode!, r.patch!.hazard!.description))! });
  } else {
    for (const r of creates) {
      const item = await createRemediationItem(
        ctx,
        Object.assign(new CreateRemediationItemInput(), {
          ...hazardInput(r.patch!.hazard!, r.hazardTypeCode!),
          businessId: first.business!.id,
          inspectionId: inspection.id,
          teamCode: first.teamCode!,
          discoveryMethod: inspection.method,
          discoveredAt: inspection.startedAt,
          discoveredBy: inspection.inspectors,
        }),
      );
      created.push({ row: r, item });
    }
  }
  for (const r of rows) if (r.action === ImportRowAction.CREATE && !r.patch!.hazard) r.after = { id: inspection.id };
  // A deadline: the limited-time notice served at the inspection (the workflow's SERVE_NOTICE, its rules and event).
  for (const { row, item } of created) {
    const deadline = row.patch!.hazard!.deadline;
    const done = deadline
      ? await transition(ctx, Object.assign(new TransitionInput(), { id: item.id, expectedVersion: item.version, action: RemediationAction.SERVE_NOTICE, noticeType: NoticeType.LIMITED_TIME, noticeServedAt: startedAt < item.discoveredAt ? item.discoveredAt : startedAt, deadline }))
      : item;
    row.after = { id: done.id };
  }
  for (const r of rows.filter((x) => x.action === ImportRowAction.UPDATE)) {
    const h = r.patch!.hazard!;
    const item = r.item!;
    await updateRemediationItem(
      ctx,
      Object.assign(new UpdateRemediationItemInput(), {
        id: item.id,
        expectedVersion: item.version,
        reason: `批量导入更新(第 ${r.rowNumber} 行)`,
        ...(h.level && h.level !== item.level ? { level: h.level } : {}),
        ...(h.responsiblePerson && h.responsiblePerson !== item.responsiblePerson ? { responsiblePerson: h.responsiblePerson } : {}),
        ...(h.responsibleContact && h.responsibleContact !== item.responsibleContact ? { responsibleContact: h.responsibleContact } : {}),
      }),
    );
  }
}

