import { MigrationInterface, QueryRunner } from "typeorm";

/** Tables the statistics and the bulletin read. */
const TABLES = ['remediation_item', 'inspection', 'enforcement_case', 'district', 'task_team', 'department', 'hazard_type'];

/**
 * Every committed change to a table that reports read signals `report_data_changed` (NOTIFY is
 * delivered at commit, never for a rolled-back transaction; one per table per transaction). The
 * service's report cache LISTENs and drops its results (src/modules/reports/reports.cache.ts).
 */
export class ReportChangeNotifications1795950000000 implements MigrationInterface {
    name = 'ReportChangeNotifications1795950000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE FUNCTION notify_report_data() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('report_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$`);
        for (const t of TABLES) {
            await queryRunner.query(`CREATE TRIGGER report_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${t}" FOR EACH STATEMENT EXECUTE FUNCTION notify_report_data()`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const t of TABLES) await queryRunner.query(`DROP TRIGGER report_data_changed ON "${t}"`);
        await queryRunner.query(`DROP FUNCTION notify_report_data()`);
    }

}
