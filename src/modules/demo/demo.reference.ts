import type { Queryable } from './demo.types';

/** Reference rows the generator needs, read from the database (ids differ per database, codes do not). */
export interface DemoReference {
  districts: { code: string; name: string }[];
  departments: { id: string; code: string; name: string; shortName: string | null }[];
  teams: { id: string; code: string; leadDepartmentId: string; coLeadIds: string[]; memberIds: string[]; stages: string[] }[];
  hazardTypes: { code: string; primaryStage: string; stages: string[]; nameZh: string; legalBasis: string | null; defaultLevel: string }[];
  checklistItems: { code: string; stage: string; group: string | null; nameZh: string; hazardTypeCode: string | null }[];
}

/** Postgres text arrays of enums come back as '{A,B}' strings through a plain client. */
function arr(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string') return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return [];
}

export async function readReference(db: Queryable): Promise<DemoReference> {
  const districts = await db.query(`SELECT code, name FROM district ORDER BY sort_order, code`);
  const departments = await db.query(`SELECT id, code, name, short_name FROM department ORDER BY sort_order, code`);
  const teams = await db.query(`SELECT id, code, lead_department_id FROM task_team ORDER BY sort_order, code`);
  const members = await db.query(`SELECT team_id, department_id, role FROM task_team_department ORDER BY team_id, sort_order, department_id`);
  const stages = await db.query(`SELECT team_id, stage::text AS stage FROM task_team_stage ORDER BY team_id, stage`);
  const hazards = await db.query(
    `SELECT code, primary_stage::text AS primary_stage, stages::text[] AS stages, name_zh, legal_basis, default_level::text AS default_level
       FROM hazard_type WHERE active ORDER BY sort_order, code`,
  );
  const checklist = await db.query(
    `SELECT code, stage::text AS stage, item_group, name_zh, hazard_type_code FROM checklist_item WHERE active ORDER BY sort_order, code`,
  );
  type Row = Record<string, unknown>;
  const s = (r: Row, k: string) => r[k] as string;
  return {
    districts: districts.rows.map((r: Row) => ({ code: s(r, 'code'), name: s(r, 'name') })),
    departments: departments.rows.map((r: Row) => ({ id: s(r, 'id'), code: s(r, 'code'), name: s(r, 'name'), shortName: (r.short_name as string | null) ?? null })),
    teams: teams.rows.map((r: Row) => ({
      id: s(r, 'id'),
      code: s(r, 'code'),
      leadDepartmentId: s(r, 'lead_department_id'),
      coLeadIds: members.rows.filter((m: Row) => m.team_id === r.id && m.role === 'CO_LEAD').map((m: Row) => s(m, 'department_id')),
      memberIds: members.rows.filter((m: Row) => m.team_id === r.id && m.role !== 'CO_LEAD').map((m: Row) => s(m, 'department_id')),
      stages: stages.rows.filter((m: Row) => m.team_id === r.id).map((m: Row) => s(m, 'stage')),
    })),
    hazardTypes: hazards.rows.map((r: Row) => ({
      code: s(r, 'code'),
      primaryStage: s(r, 'primary_stage'),
      stages: arr(r.stages),
      nameZh: s(r, 'name_zh'),
      legalBasis: (r.legal_basis as string | null) ?? null,
      defaultLevel: s(r, 'default_level'),
    })),
    checklistItems: checklist.rows.map((r: Row) => ({
      code: s(r, 'code'),
      stage: s(r, 'stage'),
      group: (r.item_group as string | null) ?? null,
      nameZh: s(r, 'name_zh'),
      hazardTypeCode: (r.hazard_type_code as string | null) ?? null,
    })),
  };
}
