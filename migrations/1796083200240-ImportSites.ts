import { MigrationInterface, QueryRunner } from 'typeorm';

/** Import jobs of sites (场所) beside businesses. */
export class ImportSites1796083200240 implements MigrationInterface {
    name = 'ImportSites1796083200240';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TYPE "public"."import_kind" ADD VALUE IF NOT EXISTS 'SITES'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "import_row" WHERE "job_id" IN (SELECT "id" FROM "import_job" WHERE "kind" = 'SITES')`);
        await queryRunner.query(`DELETE FROM "import_job" WHERE "kind" = 'SITES'`);
        await queryRunner.query(`ALTER TYPE "public"."import_kind" RENAME TO "import_kind_old"`);
        await queryRunner.query(`CREATE TYPE "public"."import_kind" AS ENUM('BUSINESSES')`);
        await queryRunner.query(`ALTER TABLE "import_job" ALTER COLUMN "kind" TYPE "public"."import_kind" USING "kind"::"text"::"public"."import_kind"`);
        await queryRunner.query(`DROP TYPE "public"."import_kind_old"`);
    }
}
