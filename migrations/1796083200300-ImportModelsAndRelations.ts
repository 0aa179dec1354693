import { MigrationInterface, QueryRunner } from 'typeorm';

/** Import jobs of product models (with their certificates) and of supply relations. */
export class ImportModelsAndRelations1796083200300 implements MigrationInterface {
    name = 'ImportModelsAndRelations1796083200300';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TYPE "public"."import_kind" ADD VALUE IF NOT EXISTS 'PRODUCT_MODELS'`);
        await queryRunner.query(`ALTER TYPE "public"."import_kind" ADD VALUE IF NOT EXISTS 'SUPPLY_RELATIONS'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "import_row" WHERE "job_id" IN (SELECT "id" FROM "import_job" WHERE "kind" IN ('PRODUCT_MODELS', 'SUPPLY_RELATIONS'))`);
        await queryRunner.query(`DELETE FROM "import_job" WHERE "kind" IN ('PRODUCT_MODELS', 'SUPPLY_RELATIONS')`);
        await queryRunner.query(`ALTER TYPE "public"."import_kind" RENAME TO "import_kind_old"`);
        await queryRunner.query(`CREATE TYPE "public"."import_kind" AS ENUM('BUSINESSES', 'SITES')`);
        await queryRunner.query(`ALTER TABLE "import_job" ALTER COLUMN "kind" TYPE "public"."import_kind" USING "kind"::"text"::"public"."import_kind"`);
        await queryRunner.query(`DROP TYPE "public"."import_kind_old"`);
    }
}
