import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables the caller of an access token is read from (src/modules/access/access.authenticate.ts). */
const TABLES = ['app_user', 'task_team_stage'];

/**
 * Every committed change to a user or to a team's stages signals `report_data_changed` with the
 * table's name (the report cache's channel and trigger function, migration ReportChangeNotifications).
 * The per-process cache of access-token callers (src/modules/access/access.principal-cache.ts)
 * drops its entries on it, so a password change, reset, sign-out everywhere, deactivation or a role
 * or scope change ends cached sessions on every instance; the report cache ignores `app_user`.
 */
export class PrincipalChangeNotifications1796083200100 implements MigrationInterface {
    name = 'PrincipalChangeNotifications1796083200100';

    public async up(queryRunner: QueryRunner): Promise<void> {
        for (const t of TABLES) {
            await queryRunner.query(`CREATE TRIGGER principal_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${t}" FOR EACH STATEMENT EXECUTE FUNCTION notify_report_data()`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const t of TABLES) await queryRunner.query(`DROP TRIGGER principal_data_changed ON "${t}"`);
    }
}
