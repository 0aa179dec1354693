import { MigrationInterface, QueryRunner } from 'typeorm';

/** A campaign's target sites (目标场所类型): its site population beside the business one. */
export class CampaignSiteTargets1796083200360 implements MigrationInterface {
    name = 'CampaignSiteTargets1796083200360';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "campaign" ADD "site_types" "public"."site_type" array NOT NULL DEFAULT '{}'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // Site goals count nothing without the column; they go with it.
        await queryRunner.query(`UPDATE "campaign" SET "goals" = coalesce((SELECT jsonb_agg(g) FROM jsonb_array_elements("goals") g WHERE g->>'metric' <> 'SITE_INSPECTION_COVERAGE'), '[]') WHERE "goals" @> '[{"metric": "SITE_INSPECTION_COVERAGE"}]'`);
        await queryRunner.query(`ALTER TABLE "campaign" DROP COLUMN "site_types"`);
    }
}
