import type { MigrationInterface, QueryRunner } from "typeorm";

/** Spreadsheet import jobs and their per-row reports (issue 20). Reviewed by hand: no changes to existing tables. */

export class ImportJobs1796083200008 implements MigrationInterface {
    name = 'ImportJobs1796083200008'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."import_kind" AS ENUM('BUSINESSES')`);
        await queryRunner.query(`CREATE TYPE "public"."import_status" AS ENUM('PENDING', 'VALIDATING', 'VALIDATED', 'REFUSED', 'COMMITTING', 'COMMITTED', 'FAILED')`);
        await queryRunner.query(`CREATE TABLE "import_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."import_kind" NOT NULL, "status" "public"."import_status" NOT NULL DEFAULT 'PENDING', "file_name" character varying(255) NOT NULL, "file_format" character varying(10), "encoding" character varying(20), "file_size" integer NOT NULL, "file_sha256" character varying(64) NOT NULL, "header_row" integer, "ignored_columns" text array NOT NULL DEFAULT '{}', "total_rows" integer NOT NULL DEFAULT '0', "processed_rows" integer NOT NULL DEFAULT '0', "valid_rows" integer NOT NULL DEFAULT '0', "rejected_rows" integer NOT NULL DEFAULT '0', "created_count" integer NOT NULL DEFAULT '0', "updated_count" integer NOT NULL DEFAULT '0', "unchanged_count" integer NOT NULL DEFAULT '0', "valid_rows_only" boolean, "column_headers" jsonb NOT NULL DEFAULT '{}', "error_code" character varying(40), "error_message" text, "error_message_en" text, "created_by_name" character varying(200) NOT NULL, "created_by_id" character varying(64) NOT NULL, "instance_id" uuid, "heartbeat_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "validated_at" TIMESTAMP(3) WITH TIME ZONE, "committed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_import_job_status" ON "import_job"  ("status") `);
        await queryRunner.query(`CREATE INDEX "ix_import_job_created_by" ON "import_job"  ("created_by_id") `);
        await queryRunner.query(`CREATE INDEX "ix_import_job_created" ON "import_job"  ("created_at", "id") `);
        await queryRunner.query(`CREATE TYPE "public"."import_row_action" AS ENUM('CREATE', 'UPDATE', 'UNCHANGED', 'REJECTED')`);
        await queryRunner.query(`CREATE TABLE "import_row" ("job_id" uuid NOT NULL, "row_number" integer NOT NULL, "action" "public"."import_row_action" NOT NULL, "target_id" uuid, "data" jsonb, "problems" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_64e05d8e3f9e759d9f393f1de88" PRIMARY KEY ("job_id", "row_number"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "import_row"`);
        await queryRunner.query(`DROP TYPE "public"."import_row_action"`);
        await queryRunner.query(`DROP INDEX "public"."ix_import_job_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_import_job_created_by"`);
        await queryRunner.query(`DROP INDEX "public"."ix_import_job_status"`);
        await queryRunner.query(`DROP TABLE "import_job"`);
        await queryRunner.query(`DROP TYPE "public"."import_status"`);
        await queryRunner.query(`DROP TYPE "public"."import_kind"`);
    }

}
