import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Listed supervision's own timeline (挂牌督办, DOMAIN.md §6.3): the listing level, the authority's
 * deadline, publication, the escalation steps of an overdue listing, and the lift of a listing when
 * the hazard is re-graded below major.
 */
export class ListedSupervisionTimeline1796083200006 implements MigrationInterface {
    name = 'ListedSupervisionTimeline1796083200006';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."listing_level" AS ENUM('PROVINCIAL', 'MUNICIPAL', 'COUNTY')`);
        await queryRunner.query(`ALTER TABLE "listing" ADD "level" "public"."listing_level" NOT NULL DEFAULT 'MUNICIPAL'`);
        await queryRunner.query(`ALTER TABLE "listing" ADD "deadline" date`);
        await queryRunner.query(`ALTER TABLE "listing" ADD "published_on" date`);
        await queryRunner.query(`ALTER TABLE "listing" ADD "explanation_filed_on" date`);
        await queryRunner.query(`ALTER TABLE "listing" ADD "supervision_letter_on" date`);
        await queryRunner.query(`ALTER TABLE "listing" ADD "supervision_letter_no" character varying(60)`);
        await queryRunner.query(`ALTER TABLE "listing" ADD "public_criticism_on" date`);
        await queryRunner.query(`ALTER TABLE "listing" ADD "lifted_on" date`);
        await queryRunner.query(`ALTER TABLE "listing" ADD "lift_reason" text`);
        await queryRunner.query(`CREATE INDEX "ix_listing_deadline" ON "listing" ("deadline")`);
        // Listings made before: the item's rectification deadline stands for the authority's, as
        // listRemediationItem now defaults it (when it lies within the year after listing).
        await queryRunner.query(
            `UPDATE "listing" l SET deadline = i.deadline FROM "remediation_item" i
              WHERE i.id = l.item_id AND i.deadline BETWEEN l.listed_on AND l.listed_on + 365`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_listing_deadline"`);
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "lift_reason"`);
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "lifted_on"`);
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "public_criticism_on"`);
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "supervision_letter_no"`);
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "supervision_letter_on"`);
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "explanation_filed_on"`);
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "published_on"`);
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "deadline"`);
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "level"`);
        await queryRunner.query(`DROP TYPE "public"."listing_level"`);
    }
}
