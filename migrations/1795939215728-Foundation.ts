import { MigrationInterface, QueryRunner } from "typeorm";

/** Reference tables: districts, departments, task teams with members and stages, hazard types, checklist items. */

export class Foundation1795939215728 implements MigrationInterface {
    name = 'Foundation1795939215728'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Trigram indexes for "name contains" on Chinese text (registry and later).
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE TYPE "public"."district_kind" AS ENUM('DISTRICT', 'COUNTY', 'AUTONOMOUS_COUNTY', 'COUNTY_LEVEL_CITY')`);
        await queryRunner.query(`CREATE TABLE "district" ("code" character varying(6) NOT NULL, "name" character varying(50) NOT NULL, "pinyin" character varying(100) NOT NULL, "kind" "public"."district_kind" NOT NULL, "sort_order" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fbfe5cb0d22c2be8c9a9fff5b6b" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TYPE "public"."department_level" AS ENUM('CITY', 'COUNTY')`);
        await queryRunner.query(`CREATE TABLE "department" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" character varying(100) NOT NULL, "short_name" character varying(50), "name_en" character varying(150) NOT NULL, "level" "public"."department_level" NOT NULL, "district_code" character varying(6), "is_task_force_office" boolean NOT NULL DEFAULT false, "note" text, "sort_order" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a2213262c1593bffb581e382f5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_department_code" ON "department"  ("code") `);
        await queryRunner.query(`CREATE INDEX "ix_department_district" ON "department"  ("district_code") `);
        await queryRunner.query(`CREATE TABLE "task_team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name_zh" character varying(100) NOT NULL, "name_en" character varying(150) NOT NULL, "lead_department_id" uuid NOT NULL, "note" text, "sort_order" integer NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_39a45858417b1934dc8bac943c2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_task_team_code" ON "task_team"  ("code") `);
        await queryRunner.query(`CREATE INDEX "ix_task_team_lead_department" ON "task_team"  ("lead_department_id") `);
        await queryRunner.query(`CREATE TYPE "public"."team_department_role" AS ENUM('CO_LEAD', 'MEMBER')`);
        await queryRunner.query(`CREATE TABLE "task_team_department" ("team_id" uuid NOT NULL, "department_id" uuid NOT NULL, "role" "public"."team_department_role" NOT NULL, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_dadd095270232358b55076c1202" PRIMARY KEY ("team_id", "department_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_task_team_department_department" ON "task_team_department"  ("department_id") `);
        await queryRunner.query(`CREATE TYPE "public"."supply_chain_stage" AS ENUM('STANDARD_CERT', 'PRODUCTION', 'IMPORT', 'SALES', 'MODIFICATION', 'USE_TRAFFIC', 'PARKING_CHARGING', 'RECYCLING', 'TRACE_ACCOUNTABILITY')`);
        await queryRunner.query(`CREATE TABLE "task_team_stage" ("team_id" uuid NOT NULL, "stage" "public"."supply_chain_stage" NOT NULL, CONSTRAINT "PK_0c560da47d0883c001597e95284" PRIMARY KEY ("team_id", "stage"))`);
        await queryRunner.query(`CREATE INDEX "ix_task_team_stage_stage" ON "task_team_stage"  ("stage") `);
        await queryRunner.query(`CREATE TYPE "public"."hazard_level" AS ENUM('GENERAL', 'SIGNIFICANT', 'MAJOR')`);
        await queryRunner.query(`CREATE TABLE "hazard_type" ("code" character varying(60) NOT NULL, "primary_stage" "public"."supply_chain_stage" NOT NULL, "stages" "public"."supply_chain_stage" array NOT NULL, "name_zh" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, "legal_basis" text, "default_level" "public"."hazard_level" NOT NULL, "active" boolean NOT NULL DEFAULT true, "sort_order" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_56968022c3ae1bee9c48e8601ff" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE INDEX "ix_hazard_type_stages" ON "hazard_type" USING gin ("stages")`);
        await queryRunner.query(`CREATE INDEX "ix_hazard_type_primary_stage" ON "hazard_type"  ("primary_stage") `);
        await queryRunner.query(`CREATE TABLE "checklist_item" ("code" character varying(60) NOT NULL, "stage" "public"."supply_chain_stage" NOT NULL, "item_group" character varying(40), "name_zh" character varying(300) NOT NULL, "name_en" character varying(300) NOT NULL, "hazard_type_code" character varying(60), "active" boolean NOT NULL DEFAULT true, "sort_order" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7afc3d7168a757b29d95694576a" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE INDEX "ix_checklist_item_stage" ON "checklist_item"  ("stage") `);
        await queryRunner.query(`CREATE INDEX "ix_checklist_item_hazard_type" ON "checklist_item"  ("hazard_type_code") `);
        await queryRunner.query(`ALTER TABLE "department" ADD CONSTRAINT "FK_b7b7484e7b966946f1751af9f71" FOREIGN KEY ("district_code") REFERENCES "district"("code") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_team" ADD CONSTRAINT "FK_da5ac686d633ce550d63151cbc3" FOREIGN KEY ("lead_department_id") REFERENCES "department"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_team_department" ADD CONSTRAINT "FK_2986b9eec299dfe1eaa85e4bbbf" FOREIGN KEY ("team_id") REFERENCES "task_team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_team_department" ADD CONSTRAINT "FK_5d0816fea2a04d285a5212f11d2" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_team_stage" ADD CONSTRAINT "FK_6d7e115561beafd127ae05e0fee" FOREIGN KEY ("team_id") REFERENCES "task_team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "checklist_item" ADD CONSTRAINT "FK_ff6488d68df239573fd0dfec181" FOREIGN KEY ("hazard_type_code") REFERENCES "hazard_type"("code") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "checklist_item" DROP CONSTRAINT "FK_ff6488d68df239573fd0dfec181"`);
        await queryRunner.query(`ALTER TABLE "task_team_stage" DROP CONSTRAINT "FK_6d7e115561beafd127ae05e0fee"`);
        await queryRunner.query(`ALTER TABLE "task_team_department" DROP CONSTRAINT "FK_5d0816fea2a04d285a5212f11d2"`);
        await queryRunner.query(`ALTER TABLE "task_team_department" DROP CONSTRAINT "FK_2986b9eec299dfe1eaa85e4bbbf"`);
        await queryRunner.query(`ALTER TABLE "task_team" DROP CONSTRAINT "FK_da5ac686d633ce550d63151cbc3"`);
        await queryRunner.query(`ALTER TABLE "department" DROP CONSTRAINT "FK_b7b7484e7b966946f1751af9f71"`);
        await queryRunner.query(`DROP INDEX "public"."ix_checklist_item_hazard_type"`);
        await queryRunner.query(`DROP INDEX "public"."ix_checklist_item_stage"`);
        await queryRunner.query(`DROP TABLE "checklist_item"`);
        await queryRunner.query(`DROP INDEX "public"."ix_hazard_type_primary_stage"`);
        await queryRunner.query(`DROP INDEX "public"."ix_hazard_type_stages"`);
        await queryRunner.query(`DROP TABLE "hazard_type"`);
        await queryRunner.query(`DROP TYPE "public"."hazard_level"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_team_stage_stage"`);
        await queryRunner.query(`DROP TABLE "task_team_stage"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_team_department_department"`);
        await queryRunner.query(`DROP TABLE "task_team_department"`);
        await queryRunner.query(`DROP TYPE "public"."team_department_role"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_team_lead_department"`);
        await queryRunner.query(`DROP INDEX "public"."uq_task_team_code"`);
        await queryRunner.query(`DROP TABLE "task_team"`);
        await queryRunner.query(`DROP INDEX "public"."ix_department_district"`);
        await queryRunner.query(`DROP INDEX "public"."uq_department_code"`);
        await queryRunner.query(`DROP TABLE "department"`);
        await queryRunner.query(`DROP TYPE "public"."department_level"`);
        await queryRunner.query(`DROP TABLE "district"`);
        await queryRunner.query(`DROP TYPE "public"."district_kind"`);
        await queryRunner.query(`DROP TYPE "public"."supply_chain_stage"`);
    }

}
