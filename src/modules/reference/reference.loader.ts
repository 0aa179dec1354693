import type { DataSource, EntityManager } from 'typeorm';
import { loadCalendarData } from './calendar.service';
import { CHECKLIST_ITEMS, DEPARTMENTS, DISTRICTS, HAZARD_TYPES, PUBLIC_SECURITY_DEPARTMENTS, REGULATORY_MILESTONES, TASK_FORCE_OFFICE_DEPARTMENT, TASK_TEAMS } from './reference.data';
import { TeamDepartmentRole } from './reference.entities';

export interface ReferenceLoadResult {
  /** Years of the working calendar loaded (holidays and exchanged working days). */
  calendarYears: number;
  districts: number;
  departments: number;
  taskTeams: number;
  hazardTypes: number;
  checklistItems: number;
  regulatoryMilestones: number;
}

async function insertNew(em: EntityManager, table: string, columns: string[], rows: unknown[][], conflict: string, returning = conflict): Promise<Record<string, string>[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [];
  const values = rows.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
  return em.query(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}
     ON CONFLICT (${conflict}) DO NOTHING RETURNING ${returning}`,
    params,
  );
}

/**
 * Loads the program's reference data (DOMAIN.md). Idempotent: only rows whose code is new are
 * inserted, so a second start duplicates nothing and what coordinators have since edited (team
 * names, members, stages, department names) is never overwritten. A team's members and stages
 * are seeded only when the team itself is created.
 */
export async function loadReferenceData(ds: DataSource): Promise<ReferenceLoadResult> {
  return ds.transaction(async (em) => {
    // Several instances may start at once against one database.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('ebike.reference-data'))`);

    const districts = await insertNew(em, 'district', ['code', 'name', 'pinyin', 'kind', 'sort_order'],
      DISTRICTS.map((d) => [d.code, d.name, d.pinyin, d.kind, d.sortOrder]), 'code');

    const departments = await insertNew(em, 'department',
      ['code', 'name', 'short_name', 'name_en', 'level', 'district_code', 'is_task_force_office', 'note', 'sort_order', 'is_public_security'],
      DEPARTMENTS.map((d) => [d.code, d.name, d.shortName, d.nameEn, d.level, d.districtCode, d.code === TASK_FORCE_OFFICE_DEPARTMENT, d.note, d.sortOrder, PUBLIC_SECURITY_DEPARTMENTS.includes(d.code)]),
      'code');

    const hazardTypes = await insertNew(em, 'hazard_type',
      ['code', 'primary_stage', 'stages', 'name_zh', 'name_en', 'legal_basis', 'default_level', 'sort_order'],
      HAZARD_TYPES.map((h) => [h.code, h.primaryStage, h.stages, h.nameZh, h.nameEn, h.legalBasis, h.defaultLevel, h.sortOrder]),
      'code');

    const checklistItems = await insertNew(em, 'checklist_item',
      ['code', 'stage', 'item_group', 'name_zh', 'name_en', 'hazard_type_code', 'sort_order'],
      CHECKLIST_ITEMS.map((c) => [c.code, c.stage, c.group, c.nameZh, c.nameEn, c.hazardTypeCode, c.sortOrder]),
      'code');

    // Only new codes: a date or note a coordinator has corrected stays corrected.
    const regulatoryMilestones = await insertNew(em, 'regulatory_milestone', ['code', 'effective_on', 'title_zh', 'title_en', 'note', 'sort_order'],
      REGULATORY_MILESTONES.map((m) => [m.code, m.effectiveOn, m.titleZh, m.titleEn, m.note, m.sortOrder]),
      'code');

    const deptIds = new Map<string, string>(
      (await em.query(`SELECT id, code FROM department`)).map((r: { id: string; code: string }) => [r.code, r.id]),
    );
    const dept = (code: string) => {
      const id = deptIds.get(code);
      if (!id) throw new Error(`reference data: task team refers to unknown department ${code}`);
      return id;
    };

    const teams = await insertNew(em, 'task_team', ['code', 'name_zh', 'name_en', 'lead_department_id', 'note', 'sort_order'],
      TASK_TEAMS.map((t) => [t.code, t.nameZh, t.nameEn, dept(t.leadDepartmentCode), t.note, t.sortOrder]),
      'code', 'id, code');

    for (const { id, code } of teams) {
      const seed = TASK_TEAMS.find((t) => t.code === code)!;
      const members = [
        ...seed.coLeadDepartmentCodes.map((c) => [id, dept(c), TeamDepartmentRole.CO_LEAD]),
        ...seed.memberDepartmentCodes.map((c) => [id, dept(c), TeamDepartmentRole.MEMBER]),
      ].map((row, i) => [...row, i + 1]);
      await insertNew(em, 'task_team_department', ['team_id', 'department_id', 'role', 'sort_order'], members, 'team_id, department_id', 'team_id');
      await insertNew(em, 'task_team_stage', ['team_id', 'stage'], seed.stages.map((s) => [id, s]), 'team_id, stage', 'team_id');
    }

    const calendarYears = await loadCalendarData(em);

    return {
      calendarYears,
      districts: districts.length,
      departments: departments.length,
      taskTeams: teams.length,
      hazardTypes: hazardTypes.length,
      checklistItems: checklistItems.length,
      regulatoryMilestones: regulatoryMilestones.length,
    };
  });
}
