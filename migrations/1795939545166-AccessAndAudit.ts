import { MigrationInterface, QueryRunner } from "typeorm";

/** Users, API keys, sign-in throttling and the append-only audit trail. */

export class AccessAndAudit1795939545166 implements MigrationInterface {
    name = 'AccessAndAudit1795939545166'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."role" AS ENUM('ADMIN', 'COORDINATOR', 'AGENCY_OFFICER', 'PARTNER_VIEWER', 'REPORTER')`);
        await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" character varying(100) NOT NULL, "department_id" uuid, "role" "public"."role" NOT NULL, "team_ids" uuid array NOT NULL DEFAULT '{}', "district_codes" character varying(6) array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "password_hash" character varying(200) NOT NULL, "last_login_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_username" ON "app_user"  ("username") `);
        await queryRunner.query(`CREATE INDEX "ix_app_user_department" ON "app_user"  ("department_id") `);
        await queryRunner.query(`CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "prefix" character varying(16) NOT NULL, "secret_hash" character varying(64) NOT NULL, "role" "public"."role" NOT NULL, "department_id" uuid, "team_ids" uuid array NOT NULL DEFAULT '{}', "district_codes" character varying(6) array NOT NULL DEFAULT '{}', "expires_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, "last_used_at" TIMESTAMP(3) WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_key_prefix" ON "api_key"  ("prefix") `);
        await queryRunner.query(`CREATE INDEX "ix_api_key_department" ON "api_key"  ("department_id") `);
        await queryRunner.query(`CREATE TABLE "login_throttle" ("username" character varying(64) NOT NULL, "failures" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP(3) WITH TIME ZONE, "last_failure_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_492a1f443be9453880bd406879e" PRIMARY KEY ("username"))`);
        await queryRunner.query(`CREATE TYPE "public"."audit_outcome" AS ENUM('SUCCESS', 'REFUSED')`);
        await queryRunner.query(`CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_type" character varying(20) NOT NULL, "actor_id" uuid, "actor_name" character varying(100), "role" character varying(30), "department_id" uuid, "operation" character varying(100) NOT NULL, "entity_type" character varying(60), "entity_id" character varying(100), "outcome" "public"."audit_outcome" NOT NULL, "changes" jsonb, "reason" text, "request_id" character varying(100), "client_ip" character varying(64), CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_audit_event_actor" ON "audit_event"  ("actor_id") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_event_operation" ON "audit_event"  ("operation") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_event_request" ON "audit_event"  ("request_id") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_event_entity" ON "audit_event"  ("entity_type", "entity_id") `);
        // The audit trail is append-only: no statement may change or remove a row.
        await queryRunner.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP; END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
        await queryRunner.query(`CREATE INDEX "ix_audit_event_time" ON "audit_event"  ("occurred_at", "id") `);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_7bbda4c333c1da023d2f2ae7320" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "api_key" ADD CONSTRAINT "FK_b7ea940c2242a146c2291eee1c3" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "FK_b7ea940c2242a146c2291eee1c3"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_7bbda4c333c1da023d2f2ae7320"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_event_time"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_event_entity"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_event_request"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_event_operation"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_event_actor"`);
        await queryRunner.query(`DROP TRIGGER audit_event_append_only ON "audit_event"`);
        await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
        await queryRunner.query(`DROP TABLE "audit_event"`);
        await queryRunner.query(`DROP TYPE "public"."audit_outcome"`);
        await queryRunner.query(`DROP TABLE "login_throttle"`);
        await queryRunner.query(`DROP INDEX "public"."ix_api_key_department"`);
        await queryRunner.query(`DROP INDEX "public"."uq_api_key_prefix"`);
        await queryRunner.query(`DROP TABLE "api_key"`);
        await queryRunner.query(`DROP INDEX "public"."ix_app_user_department"`);
        await queryRunner.query(`DROP INDEX "public"."uq_app_user_username"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
        await queryRunner.query(`DROP TYPE "public"."role"`);
    }

}
