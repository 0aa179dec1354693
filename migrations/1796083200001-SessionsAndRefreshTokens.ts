import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Sessions that end when they should: a per-user token version carried by every token (bumped to
 * end all sessions) and rotating refresh tokens, stored as SHA-256 only.
 */
export class SessionsAndRefreshTokens1796083200001 implements MigrationInterface {
    name = 'SessionsAndRefreshTokens1796083200001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "token_version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_refresh_token_user" ON "refresh_token"  ("user_id") `);
        await queryRunner.query(`CREATE INDEX "ix_refresh_token_family" ON "refresh_token"  ("family_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token"  ("token_hash") `);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT '1'`);
        await queryRunner.query(`ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
        await queryRunner.query(`DROP INDEX "public"."uq_refresh_token_hash"`);
        await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_family"`);
        await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_user"`);
        await queryRunner.query(`DROP TABLE "refresh_token"`);
    }

}
