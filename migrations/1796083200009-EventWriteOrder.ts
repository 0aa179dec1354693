import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An item's history in the order it was written. `occurred_at` is the request's clock: two events
 * of one instant tie, and a request that waited for the item's row lock can carry an earlier time
 * than the event written before it. Existing rows are numbered in their (item, time) order.
 */
export class EventWriteOrder1796083200009 implements MigrationInterface {
    name = 'EventWriteOrder1796083200009';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "remediation_event" ADD "seq" bigint`);
        await queryRunner.query(`UPDATE "remediation_event" e SET "seq" = o.n FROM (SELECT id, row_number() OVER (ORDER BY occurred_at, id) AS n FROM "remediation_event") o WHERE o.id = e.id`);
        await queryRunner.query(`ALTER TABLE "remediation_event" ALTER COLUMN "seq" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "remediation_event" ALTER COLUMN "seq" ADD GENERATED ALWAYS AS IDENTITY`);
        await queryRunner.query(`SELECT setval(pg_get_serial_sequence('"remediation_event"', 'seq'), coalesce((SELECT max("seq") FROM "remediation_event"), 0) + 1, false)`);
        await queryRunner.query(`DROP INDEX "public"."ix_remediation_event_item"`);
        await queryRunner.query(`CREATE INDEX "ix_remediation_event_item" ON "remediation_event" ("item_id", "seq") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_remediation_event_item"`);
        await queryRunner.query(`CREATE INDEX "ix_remediation_event_item" ON "remediation_event" ("item_id", "occurred_at") `);
        await queryRunner.query(`ALTER TABLE "remediation_event" DROP COLUMN "seq"`);
    }
}
