import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 (daily jobs): the job-run table keyed by (job, day), escalation rules as data with their
 * effects unique per (item, rule, watched date), daily snapshots keyed by (day, district, team,
 * stage) and the notification inbox (an item's escalation level is the highest of its escalations). Seeds the default rules
 * (DOMAIN.md §6.2–6.3): overdue 1 day → escalate; overdue 7 days → 督办函 to the district's
 * department; listed items 5 days before and 1 day past the authority's deadline; reviews past due.
 */

export class DailyJobsAndNotifications1796083200180 implements MigrationInterface {
    name = 'DailyJobsAndNotifications1796083200180';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "job_run" ("job" character varying(40) NOT NULL, "day" date NOT NULL, "status" character varying(20) NOT NULL, "attempts" integer NOT NULL DEFAULT '1', "effects" integer NOT NULL DEFAULT '0', "owner" character varying(200) NOT NULL, "triggered_by" character varying(20) NOT NULL, "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP(3) WITH TIME ZONE, "error" text, CONSTRAINT "PK_7ea83272ac7a2e6858bec1bf1d4" PRIMARY KEY ("job", "day"))`);
        await queryRunner.query(`CREATE TABLE "escalation_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "kind" character varying(30) NOT NULL, "days_after" integer NOT NULL, "level" integer NOT NULL, "action" character varying(30) NOT NULL, "active" boolean NOT NULL DEFAULT true, "description" character varying(300) NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_escalation_rule_level" CHECK (level BETWEEN 1 AND 9), CONSTRAINT "PK_59fb330cb48e5cc769aad62fd15" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_escalation_rule_code" ON "escalation_rule"  ("code") `);
        await queryRunner.query(`CREATE TABLE "escalation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "rule_code" character varying(40) NOT NULL, "rule_version" integer NOT NULL, "basis_date" date NOT NULL, "day" date NOT NULL, "level" integer NOT NULL, "action" character varying(30) NOT NULL, "district_code" character varying(6) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c9a4d9277ed8620a8a72813864" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_escalation_day" ON "escalation"  ("day") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_escalation_effect" ON "escalation"  ("item_id", "rule_code", "basis_date") `);
        await queryRunner.query(`CREATE TABLE "daily_snapshot" ("day" date NOT NULL, "district_code" character varying(6) NOT NULL, "team_code" character varying(40) NOT NULL, "stage" character varying(40) NOT NULL, "found_total" integer NOT NULL, "closed_total" integer NOT NULL, "found_on_day" integer NOT NULL, "closed_on_day" integer NOT NULL, "open" integer NOT NULL, "overdue" integer NOT NULL, "listed" integer NOT NULL, "escalated" integer NOT NULL, "letters_on_day" integer NOT NULL, CONSTRAINT "PK_fc827eff9d9d58e93547514c09c" PRIMARY KEY ("day", "district_code", "team_code", "stage"))`);
        await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "item_id" uuid, "item_code" character varying(40), "title" character varying(300) NOT NULL, "title_en" character varying(300) NOT NULL, "data" jsonb, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_notification_inbox" ON "notification"  ("user_id", "created_at", "id") `);
        // Written by hand (synchronize: false in the entities): partial indexes over the few rows asked for.
        await queryRunner.query(`CREATE INDEX "ix_notification_unread" ON "notification" ("user_id") WHERE read_at IS NULL`);
        await queryRunner.query(`INSERT INTO "escalation_rule" ("code", "kind", "days_after", "level", "action", "description") VALUES
          ('OVERDUE_1D', 'OVERDUE', 1, 1, 'ESCALATE', '逾期1天：升级督办，通知责任工作组 (overdue 1 day: escalate, tell the responsible team)'),
          ('OVERDUE_7D_LETTER', 'OVERDUE', 7, 2, 'SUPERVISION_LETTER', '逾期7天：向区县部门发督办函 (overdue 7 days: supervision letter to the district''s department)'),
          ('LISTING_NEAR_5D', 'LISTING_DEADLINE', -5, 1, 'ESCALATE', '挂牌督办期限前5天：提醒督办 (5 days before the listing deadline: reminder)'),
          ('LISTING_PAST_1D', 'LISTING_DEADLINE', 1, 2, 'SUPERVISION_LETTER', '超过挂牌督办期限：发督办函 (past the listing deadline: supervision letter)'),
          ('REVIEW_DUE_1D', 'REVIEW_DUE', 1, 1, 'ESCALATE', '超过复查期限未复查：升级督办 (review past its due date: escalate)')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_notification_unread"`);
        await queryRunner.query(`DROP INDEX "public"."ix_notification_inbox"`);
        await queryRunner.query(`DROP TABLE "notification"`);
        await queryRunner.query(`DROP TABLE "daily_snapshot"`);
        await queryRunner.query(`DROP INDEX "public"."uq_escalation_effect"`);
        await queryRunner.query(`DROP INDEX "public"."ix_escalation_day"`);
        await queryRunner.query(`DROP TABLE "escalation"`);
        await queryRunner.query(`DROP INDEX "public"."uq_escalation_rule_code"`);
        await queryRunner.query(`DROP TABLE "escalation_rule"`);
        await queryRunner.query(`DROP TABLE "job_run"`);
    }
}
