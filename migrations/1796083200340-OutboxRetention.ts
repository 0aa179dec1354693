import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes the daily PRUNE job reads: outbox events by age, deliveries by event (发件箱清理). */
export class OutboxRetention1796083200340 implements MigrationInterface {
    name = 'OutboxRetention1796083200340';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_outbox_event_occurred" ON "outbox_event" ("occurred_at") `);
        await queryRunner.query(`CREATE INDEX "ix_webhook_delivery_event_id" ON "webhook_delivery" ("event_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_webhook_delivery_event_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_event_occurred"`);
    }
}
