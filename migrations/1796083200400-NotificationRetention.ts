import { MigrationInterface, QueryRunner } from 'typeorm';

/** The daily PRUNE job deletes notifications read long ago: they are found by when they were read. */
export class NotificationRetention1796083200400 implements MigrationInterface {
    name = 'NotificationRetention1796083200400';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_notification_read" ON "notification" ("read_at") WHERE "read_at" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_notification_read"`);
    }
}
