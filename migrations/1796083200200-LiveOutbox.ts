import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 (webhooks and live updates): the transactional outbox, webhook subscribers and their
 * deliveries. A trigger on the outbox, in the transaction of the change, queues one delivery per
 * active subscriber whose event types and scope match, and notifies `ebike_outbox` with the
 * event's id (PostgreSQL delivers a NOTIFY only when the transaction commits, so nothing is
 * announced that then rolls back). Reviewed by hand: no changes to existing tables.
 */
export class LiveOutbox1796083200200 implements MigrationInterface {
    name = 'LiveOutbox1796083200200';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "outbox_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "type" character varying(40) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" uuid NOT NULL, "district_code" character varying(6) NOT NULL, "team_id" uuid, "stage" character varying(30), "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "data" jsonb NOT NULL, "published_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_outbox_event_entity" ON "outbox_event"  ("entity_id") `);
        await queryRunner.query(`CREATE INDEX "ix_outbox_event_unpublished" ON "outbox_event"  ("seq") WHERE "published_at" IS NULL`);
        await queryRunner.query(`CREATE TABLE "webhook_subscriber" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "url" character varying(2048) NOT NULL, "event_types" character varying(40) array NOT NULL, "district_codes" character varying(6) array NOT NULL DEFAULT '{}', "team_codes" character varying(40) array NOT NULL DEFAULT '{}', "secret" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b12f3c3e8f14c23d4d96d38f52b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."webhook_delivery_status" AS ENUM('PENDING', 'DELIVERED', 'DEAD')`);
        await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subscriber_id" uuid NOT NULL, "event_id" uuid NOT NULL, "status" "public"."webhook_delivery_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP(3) WITH TIME ZONE, "last_status" integer, "last_error" character varying(500), "delivered_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_webhook_delivery_list" ON "webhook_delivery"  ("created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_webhook_delivery_due" ON "webhook_delivery"  ("next_attempt_at") WHERE "status" = 'PENDING'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_webhook_delivery_event" ON "webhook_delivery"  ("subscriber_id", "event_id") `);
        await queryRunner.query(`
            CREATE FUNCTION outbox_event_fan_out() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO webhook_delivery (subscriber_id, event_id)
              SELECT s.id, NEW.id FROM webhook_subscriber s
               WHERE s.active
                 AND NEW.type = ANY (s.event_types)
                 AND (cardinality(s.district_codes) = 0 OR NEW.district_code = ANY (s.district_codes))
                 AND (cardinality(s.team_codes) = 0 OR EXISTS (SELECT 1 FROM task_team t WHERE t.id = NEW.team_id AND t.code = ANY (s.team_codes)));
              PERFORM pg_notify('ebike_outbox', NEW.id::text);
              RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER outbox_event_fan_out AFTER INSERT ON "outbox_event" FOR EACH ROW EXECUTE FUNCTION outbox_event_fan_out()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER outbox_event_fan_out ON "outbox_event"`);
        await queryRunner.query(`DROP FUNCTION outbox_event_fan_out()`);
        await queryRunner.query(`DROP TABLE "webhook_delivery"`);
        await queryRunner.query(`DROP TYPE "public"."webhook_delivery_status"`);
        await queryRunner.query(`DROP TABLE "webhook_subscriber"`);
        await queryRunner.query(`DROP TABLE "outbox_event"`);
    }
}
