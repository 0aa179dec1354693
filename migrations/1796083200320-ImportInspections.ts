import { MigrationInterface, QueryRunner } from 'typeorm';

/** Import jobs of inspections with their hazards (检查记录及发现隐患). */
export class ImportInspections1796083200320 implements MigrationInterface {
    name = 'ImportInspections1796083200320';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TYPE "public"."import_kind" ADD VALUE IF NOT EXISTS 'INSPECTIONS'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "import_row" WHERE "job_id" IN (SELECT "id" FROM "import_job" WHERE "kind" = 'INSPECTIONS')`);
        await queryRunner.query(`DELETE FROM "import_job" WHERE "kind" = 'INSPECTIONS'`);
        await queryRunner.query(`ALTER TYPE "public"."import_kind" RENAME TO "import_kind_old"`);
        await queryRunner.query(`CREATE TYPE "public"."import_kind" AS ENUM('BUSINESSES', 'SITES')`);
        await queryRunner.query(`ALTER TABLE "import_job" ALTER COLUMN "kind" TYPE "public"."import_kind" USING "kind"::"text"::"public"."import_kind"`);
        await queryRunner.query(`DROP TYPE "public"."import_kind_old"`);
    }
}
