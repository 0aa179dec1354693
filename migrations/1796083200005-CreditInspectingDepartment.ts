import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Items raised by an inspection used to be credited to the team's lead department; they belong to
 * the inspecting department (the inspection's first). Only rows that certainly took the old default
 * are changed: items written in the same transaction as their inspection (createInspection, which
 * never let the caller choose; equal created_at = the same transaction's now()) and still credited
 * to the team's lead. An item created on its own with an inspection id may have had its department
 * chosen by the caller, so it is left alone. Each change leaves an audit row.
 */
export class CreditInspectingDepartment1796083200005 implements MigrationInterface {
    name = 'CreditInspectingDepartment1796083200005'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
WITH fix AS (
  SELECT r.id, r.lead_department_id AS before_id, n.department_ids[1] AS after_id
  FROM remediation_item r
  JOIN inspection n ON n.id = r.inspection_id
  JOIN task_team t ON t.id = r.team_id
  WHERE r.created_at = n.created_at
    AND cardinality(n.department_ids) > 0
    AND r.lead_department_id = t.lead_department_id
    AND n.department_ids[1] <> r.lead_department_id
),
upd AS (
  UPDATE remediation_item r SET lead_department_id = fix.after_id FROM fix WHERE r.id = fix.id RETURNING r.id
)
INSERT INTO audit_event (actor_type, actor_name, operation, entity_type, entity_id, outcome, changes, reason)
SELECT 'system', 'migration', 'migration:creditInspectingDepartment', 'RemediationItem', fix.id::text, 'SUCCESS',
       jsonb_build_object('leadDepartmentId', jsonb_build_object('before', fix.before_id, 'after', fix.after_id)),
       'Items raised by an inspection are credited to the inspecting department (issue 14, point 3)'
FROM fix JOIN upd ON upd.id = fix.id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // Restores the team-lead credit from the audit rows this migration wrote (append-only: they stay).
        await queryRunner.query(`
UPDATE remediation_item r SET lead_department_id = (a.changes->'leadDepartmentId'->>'before')::uuid
FROM audit_event a
WHERE a.operation = 'migration:creditInspectingDepartment' AND a.entity_id = r.id::text`);
    }

}
