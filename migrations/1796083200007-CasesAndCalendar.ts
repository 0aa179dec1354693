import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Enforcement cases are updated and closed (结案: decision, transfer outcome, closing outcome,
 * versioning); the working calendar (public holidays and exchanged working days) and the
 * per-department review window; the public security flag that allows administrative detention.
 * The calendar's rows are reference data, loaded at start-up (src/modules/reference/calendar.data.ts).
 */
export class CasesAndCalendar1796083200007 implements MigrationInterface {
    name = 'CasesAndCalendar1796083200007'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."calendar_year_status" AS ENUM('OFFICIAL', 'WEEKENDS_ONLY')`);
        await queryRunner.query(`CREATE TABLE "calendar_year" ("year" integer NOT NULL, "status" "public"."calendar_year_status" NOT NULL, "note" text, "version" integer NOT NULL DEFAULT '1', "updated_by" uuid, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_calendar_year_range" CHECK (year BETWEEN 2000 AND 2100), CONSTRAINT "PK_4a5f5b39f8e07f51dab5be6fed9" PRIMARY KEY ("year"))`);
        await queryRunner.query(`CREATE TYPE "public"."calendar_day_kind" AS ENUM('WORKDAY', 'WEEKEND', 'HOLIDAY', 'ADJUSTED_WORKDAY')`);
        await queryRunner.query(`CREATE TABLE "calendar_day" ("date" date NOT NULL, "kind" "public"."calendar_day_kind" NOT NULL, "name" character varying(50), "updated_by" uuid, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_calendar_day_kind" CHECK (kind IN ('HOLIDAY', 'ADJUSTED_WORKDAY') OR name IS NULL), CONSTRAINT "PK_82404934db32af18c10dfe7087e" PRIMARY KEY ("date"))`);
        await queryRunner.query(`ALTER TABLE "department" ADD "is_public_security" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "department" ADD "review_window_working_days" integer NOT NULL DEFAULT '3'`);
        // Departments already loaded: new ones get the flag from the reference loader.
        await queryRunner.query(`UPDATE "department" SET "is_public_security" = true WHERE "code" IN ('PSB', 'TRAFFIC_POLICE')`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "decision_number" character varying(80)`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "decided_on" date`);
        await queryRunner.query(`CREATE TYPE "public"."police_transfer_outcome" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'RETURNED')`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "police_transfer_outcome" "public"."police_transfer_outcome"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "police_transfer_note" text`);
        await queryRunner.query(`CREATE TYPE "public"."case_closing_outcome" AS ENUM('PENALTY_EXECUTED', 'NO_PENALTY', 'TRANSFERRED_TO_JUDICIAL', 'TRANSFERRED_TO_OTHER_AUTHORITY', 'INVESTIGATION_TERMINATED', 'EXECUTION_TERMINATED', 'OTHER')`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "closing_outcome" "public"."case_closing_outcome"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "closing_note" text`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "closed_by" uuid`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "version" integer NOT NULL DEFAULT '1'`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now()`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD CONSTRAINT "ck_enforcement_case_closing" CHECK ((closed_on IS NULL OR closed_on >= filed_on) AND (closing_outcome IS NULL OR closed_on IS NOT NULL))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP CONSTRAINT "ck_enforcement_case_closing"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "updated_at"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "version"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "closed_by"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "closing_note"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "closing_outcome"`);
        await queryRunner.query(`DROP TYPE "public"."case_closing_outcome"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "police_transfer_note"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "police_transfer_outcome"`);
        await queryRunner.query(`DROP TYPE "public"."police_transfer_outcome"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "decided_on"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "decision_number"`);
        await queryRunner.query(`ALTER TABLE "department" DROP COLUMN "review_window_working_days"`);
        await queryRunner.query(`ALTER TABLE "department" DROP COLUMN "is_public_security"`);
        await queryRunner.query(`DROP TABLE "calendar_day"`);
        await queryRunner.query(`DROP TYPE "public"."calendar_day_kind"`);
        await queryRunner.query(`DROP TABLE "calendar_year"`);
        await queryRunner.query(`DROP TYPE "public"."calendar_year_status"`);
    }

}
