import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * How the program is run (issue 19): campaigns (专项行动) with goals as data, joint operations
 * (联合检查) whose groups and officers feed the bulletin, team task lists (任务清单) with dated
 * progress notes, warnings (警示提醒), and the exposure flag of enforcement cases (典型案例曝光).
 * Inspections and items link to their campaign; inspections to the joint operation that produced them.
 * joint_operation joins the tables whose changes clear the report cache (the bulletin reads it).
 */
export class Campaigns1796083200220 implements MigrationInterface {
    name = 'Campaigns1796083200220'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."campaign_kind" AS ENUM('NIGHT_CHECK', 'CONCENTRATED_ACTION', 'JOINT_ENFORCEMENT', 'SPECIAL_INSPECTION', 'UNANNOUNCED_VISITS', 'OTHER')`);
        await queryRunner.query(`CREATE TYPE "public"."campaign_phase" AS ENUM('MOBILIZATION', 'CONCENTRATED', 'PROBLEM_FIXING', 'CONSOLIDATION')`);
        await queryRunner.query(`CREATE TABLE "campaign" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "kind" "public"."campaign_kind" NOT NULL, "phase" "public"."campaign_phase" NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "lead_team_id" uuid NOT NULL, "lead_department_id" uuid NOT NULL, "department_ids" uuid array NOT NULL DEFAULT '{}', "stages" "public"."supply_chain_stage" array NOT NULL DEFAULT '{}', "business_types" "public"."business_type" array NOT NULL DEFAULT '{}', "district_codes" character varying(6) array NOT NULL DEFAULT '{}', "goals" jsonb NOT NULL DEFAULT '[]', "note" text, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_campaign_period" CHECK (ends_on >= starts_on), CONSTRAINT "PK_0ce34d26e7f2eb316a3a592cdc4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_campaign_code" ON "campaign"  ("code") `);
        await queryRunner.query(`CREATE INDEX "ix_campaign_lead_team" ON "campaign"  ("lead_team_id") `);
        await queryRunner.query(`CREATE INDEX "ix_campaign_starts" ON "campaign"  ("starts_on", "id") `);
        await queryRunner.query(`CREATE TABLE "joint_operation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "campaign_id" uuid, "team_id" uuid NOT NULL, "held_on" date NOT NULL, "district_codes" character varying(6) array NOT NULL, "department_ids" uuid array NOT NULL, "groups_dispatched" integer NOT NULL, "officer_count" integer NOT NULL, "officers" character varying(100) array NOT NULL DEFAULT '{}', "note" text, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_joint_operation_counts" CHECK (groups_dispatched >= 1 AND officer_count >= 1), CONSTRAINT "PK_c84c8ddc7294f93bc9b0a6ea9bd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_joint_operation_code" ON "joint_operation"  ("code") `);
        await queryRunner.query(`CREATE INDEX "ix_joint_operation_campaign" ON "joint_operation"  ("campaign_id") `);
        await queryRunner.query(`CREATE INDEX "ix_joint_operation_team" ON "joint_operation"  ("team_id") `);
        await queryRunner.query(`CREATE INDEX "ix_joint_operation_held" ON "joint_operation"  ("held_on", "id") `);
        await queryRunner.query(`CREATE TYPE "public"."task_state" AS ENUM('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED')`);
        await queryRunner.query(`CREATE TABLE "task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "team_id" uuid NOT NULL, "department_id" uuid, "district_code" character varying(6), "title" character varying(200) NOT NULL, "description" text, "owner_id" uuid, "due_on" date NOT NULL, "state" "public"."task_state" NOT NULL DEFAULT 'NOT_STARTED', "done_on" date, "evidence" text, "campaign_id" uuid, "item_ids" uuid array NOT NULL DEFAULT '{}', "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_task_done" CHECK ((state = 'DONE') = (done_on IS NOT NULL)), CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_task_code" ON "task"  ("code") `);
        await queryRunner.query(`CREATE INDEX "ix_task_department" ON "task"  ("department_id") `);
        await queryRunner.query(`CREATE INDEX "ix_task_district" ON "task"  ("district_code") `);
        await queryRunner.query(`CREATE INDEX "ix_task_owner" ON "task"  ("owner_id") `);
        await queryRunner.query(`CREATE INDEX "ix_task_campaign" ON "task"  ("campaign_id") `);
        await queryRunner.query(`CREATE INDEX "ix_task_due" ON "task"  ("due_on", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_task_team_due" ON "task"  ("team_id", "due_on", "id") `);
        await queryRunner.query(`CREATE TABLE "task_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "noted_on" date NOT NULL, "note" text NOT NULL, "author_id" uuid, "author_name" character varying(100) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fff317f9c71735ddd36da4cd24c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_task_note_task" ON "task_note"  ("task_id", "created_at") `);
        await queryRunner.query(`CREATE TYPE "public"."warning_kind" AS ENUM('REMINDER', 'WARNING_LETTER', 'SUPERVISION_LETTER', 'PUBLIC_CRITICISM', 'OTHER')`);
        await queryRunner.query(`CREATE TABLE "warning" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issued_on" date NOT NULL, "kind" "public"."warning_kind" NOT NULL, "business_id" uuid, "district_code" character varying(6) NOT NULL, "content" text NOT NULL, "department_id" uuid NOT NULL, "campaign_id" uuid, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_54ddc381cc95ffd6909e427b093" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_warning_business" ON "warning"  ("business_id") `);
        await queryRunner.query(`CREATE INDEX "ix_warning_district" ON "warning"  ("district_code") `);
        await queryRunner.query(`CREATE INDEX "ix_warning_campaign" ON "warning"  ("campaign_id") `);
        await queryRunner.query(`CREATE INDEX "ix_warning_issued" ON "warning"  ("issued_on", "id") `);
        await queryRunner.query(`ALTER TABLE "inspection" ADD "campaign_id" uuid`);
        await queryRunner.query(`ALTER TABLE "inspection" ADD "joint_operation_id" uuid`);
        await queryRunner.query(`ALTER TABLE "remediation_item" ADD "campaign_id" uuid`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "exposed" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "exposed_on" date`);
        await queryRunner.query(`CREATE INDEX "ix_inspection_campaign" ON "inspection"  ("campaign_id") `);
        await queryRunner.query(`CREATE INDEX "ix_inspection_joint_operation" ON "inspection"  ("joint_operation_id") `);
        await queryRunner.query(`CREATE INDEX "ix_remediation_item_campaign" ON "remediation_item"  ("campaign_id") `);
        await queryRunner.query(`ALTER TABLE "enforcement_case" ADD CONSTRAINT "ck_enforcement_case_exposed" CHECK (exposed = (exposed_on IS NOT NULL))`);
        await queryRunner.query(`ALTER TABLE "campaign" ADD CONSTRAINT "FK_f7a72ae15b31b8d2d17c9e3846e" FOREIGN KEY ("lead_team_id") REFERENCES "task_team"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "campaign" ADD CONSTRAINT "FK_8f8fb2ea2da6f46d5747a71677c" FOREIGN KEY ("lead_department_id") REFERENCES "department"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "joint_operation" ADD CONSTRAINT "FK_64dace7329dd9e6d7132e9de142" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "joint_operation" ADD CONSTRAINT "FK_7586866212e086372a115c9e27c" FOREIGN KEY ("team_id") REFERENCES "task_team"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_39a45858417b1934dc8bac943c2" FOREIGN KEY ("team_id") REFERENCES "task_team"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_64ce32127871295868fa80d03ad" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_f5c15ad297295bb21a8844a230b" FOREIGN KEY ("district_code") REFERENCES "district"("code") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_cde1069d3c3c483430e8fed5306" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_6ae211ae9dc52f268978d1fb47b" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_note" ADD CONSTRAINT "FK_d03e7b42487336423a267df75d0" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "warning" ADD CONSTRAINT "FK_1b8ec15328fc5350ea47e31e23e" FOREIGN KEY ("business_id") REFERENCES "business"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "warning" ADD CONSTRAINT "FK_690d685568bf4873bfbc62dd3b7" FOREIGN KEY ("district_code") REFERENCES "district"("code") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "warning" ADD CONSTRAINT "FK_3c4ceb67fcfeb34ffc984d4e593" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "warning" ADD CONSTRAINT "FK_a79912c263d78af9152d079bea0" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspection" ADD CONSTRAINT "FK_f2c786e1159e8f276c19615ac6f" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspection" ADD CONSTRAINT "FK_fa26356048e7ff1cdc8b1ffd79d" FOREIGN KEY ("joint_operation_id") REFERENCES "joint_operation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "remediation_item" ADD CONSTRAINT "FK_f6738c3ee2e1ced7f786afdf554" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TRIGGER report_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "joint_operation" FOR EACH STATEMENT EXECUTE FUNCTION notify_report_data()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER report_data_changed ON "joint_operation"`);
        await queryRunner.query(`ALTER TABLE "remediation_item" DROP CONSTRAINT "FK_f6738c3ee2e1ced7f786afdf554"`);
        await queryRunner.query(`ALTER TABLE "inspection" DROP CONSTRAINT "FK_fa26356048e7ff1cdc8b1ffd79d"`);
        await queryRunner.query(`ALTER TABLE "inspection" DROP CONSTRAINT "FK_f2c786e1159e8f276c19615ac6f"`);
        await queryRunner.query(`ALTER TABLE "warning" DROP CONSTRAINT "FK_a79912c263d78af9152d079bea0"`);
        await queryRunner.query(`ALTER TABLE "warning" DROP CONSTRAINT "FK_3c4ceb67fcfeb34ffc984d4e593"`);
        await queryRunner.query(`ALTER TABLE "warning" DROP CONSTRAINT "FK_690d685568bf4873bfbc62dd3b7"`);
        await queryRunner.query(`ALTER TABLE "warning" DROP CONSTRAINT "FK_1b8ec15328fc5350ea47e31e23e"`);
        await queryRunner.query(`ALTER TABLE "task_note" DROP CONSTRAINT "FK_d03e7b42487336423a267df75d0"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_6ae211ae9dc52f268978d1fb47b"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_cde1069d3c3c483430e8fed5306"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_f5c15ad297295bb21a8844a230b"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_64ce32127871295868fa80d03ad"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_39a45858417b1934dc8bac943c2"`);
        await queryRunner.query(`ALTER TABLE "joint_operation" DROP CONSTRAINT "FK_7586866212e086372a115c9e27c"`);
        await queryRunner.query(`ALTER TABLE "joint_operation" DROP CONSTRAINT "FK_64dace7329dd9e6d7132e9de142"`);
        await queryRunner.query(`ALTER TABLE "campaign" DROP CONSTRAINT "FK_8f8fb2ea2da6f46d5747a71677c"`);
        await queryRunner.query(`ALTER TABLE "campaign" DROP CONSTRAINT "FK_f7a72ae15b31b8d2d17c9e3846e"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP CONSTRAINT "ck_enforcement_case_exposed"`);
        await queryRunner.query(`DROP INDEX "public"."ix_remediation_item_campaign"`);
        await queryRunner.query(`DROP INDEX "public"."ix_inspection_joint_operation"`);
        await queryRunner.query(`DROP INDEX "public"."ix_inspection_campaign"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "exposed_on"`);
        await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "exposed"`);
        await queryRunner.query(`ALTER TABLE "remediation_item" DROP COLUMN "campaign_id"`);
        await queryRunner.query(`ALTER TABLE "inspection" DROP COLUMN "joint_operation_id"`);
        await queryRunner.query(`ALTER TABLE "inspection" DROP COLUMN "campaign_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_warning_issued"`);
        await queryRunner.query(`DROP INDEX "public"."ix_warning_campaign"`);
        await queryRunner.query(`DROP INDEX "public"."ix_warning_district"`);
        await queryRunner.query(`DROP INDEX "public"."ix_warning_business"`);
        await queryRunner.query(`DROP TABLE "warning"`);
        await queryRunner.query(`DROP TYPE "public"."warning_kind"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_note_task"`);
        await queryRunner.query(`DROP TABLE "task_note"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_team_due"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_due"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_campaign"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_owner"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_district"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_department"`);
        await queryRunner.query(`DROP INDEX "public"."uq_task_code"`);
        await queryRunner.query(`DROP TABLE "task"`);
        await queryRunner.query(`DROP TYPE "public"."task_state"`);
        await queryRunner.query(`DROP INDEX "public"."ix_joint_operation_held"`);
        await queryRunner.query(`DROP INDEX "public"."ix_joint_operation_team"`);
        await queryRunner.query(`DROP INDEX "public"."ix_joint_operation_campaign"`);
        await queryRunner.query(`DROP INDEX "public"."uq_joint_operation_code"`);
        await queryRunner.query(`DROP TABLE "joint_operation"`);
        await queryRunner.query(`DROP INDEX "public"."ix_campaign_starts"`);
        await queryRunner.query(`DROP INDEX "public"."ix_campaign_lead_team"`);
        await queryRunner.query(`DROP INDEX "public"."uq_campaign_code"`);
        await queryRunner.query(`DROP TABLE "campaign"`);
        await queryRunner.query(`DROP TYPE "public"."campaign_phase"`);
        await queryRunner.query(`DROP TYPE "public"."campaign_kind"`);
    }

}
