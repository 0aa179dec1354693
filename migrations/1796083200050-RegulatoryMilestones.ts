import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Standards and cut-over dates (DOMAIN.md §9) as reference data (rows loaded by the reference
 * loader, never overwritten there), and the standard editions a product model declares: a list,
 * because one vehicle meets GB 17761 and GB 42295 at once. The old single standard_version becomes
 * the first entry of the list.
 */
export class RegulatoryMilestones1796083200050 implements MigrationInterface {
    name = 'RegulatoryMilestones1796083200050'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "regulatory_milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(60) NOT NULL, "effective_on" date, "title_zh" text NOT NULL, "title_en" text NOT NULL, "note" text, "sort_order" integer NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_30e08aab5753096c3f94a64af62" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_regulatory_milestone_code" ON "regulatory_milestone"  ("code") `);
        await queryRunner.query(`ALTER TABLE "product_model" ADD "standards" "public"."standard_version" array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`UPDATE "product_model" SET "standards" = ARRAY["standard_version"] WHERE "standard_version" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "product_model" DROP COLUMN "standards"`);
        await queryRunner.query(`DROP INDEX "public"."uq_regulatory_milestone_code"`);
        await queryRunner.query(`DROP TABLE "regulatory_milestone"`);
    }

}
