import { MigrationInterface, QueryRunner } from "typeorm";

/** The supply-chain registry: businesses, sites, product models, CCC certificates with status history, supply relations. */

export class Registry1795940682755 implements MigrationInterface {
    name = 'Registry1795940682755'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."business_type" AS ENUM('VEHICLE_MANUFACTURER', 'BATTERY_CELL_MANUFACTURER', 'BATTERY_PACK_MANUFACTURER', 'LEAD_ACID_BATTERY_MANUFACTURER', 'CHARGER_MANUFACTURER', 'PARTS_MANUFACTURER', 'IMPORTER', 'DISTRIBUTOR', 'RETAIL_STORE', 'SALES_REPAIR_STORE', 'REPAIR_SHOP', 'BATTERY_SHOP', 'ECOMMERCE_SELLER', 'ECOMMERCE_PLATFORM', 'ILLEGAL_WORKSHOP', 'DELIVERY_ENTERPRISE', 'SHARED_EBIKE_OPERATOR', 'CHARGING_OPERATOR', 'SWAP_CABINET_OPERATOR', 'PROPERTY_MANAGER', 'RECYCLER', 'SCRAPPING_ENTERPRISE', 'HAZWASTE_LICENSEE', 'BATTERY_TEST_RECYCLE_POINT')`);
        await queryRunner.query(`CREATE TYPE "public"."business_status" AS ENUM('ACTIVE', 'SUSPENDED', 'CLOSED', 'ARCHIVED')`);
        await queryRunner.query(`CREATE TABLE "business" ("created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "id" uuid NOT NULL DEFAULT gen_random_uuid(), "uscc" character varying(18), "uscc_override_reason" text, "legacy_reg_no" character varying(15), "name" character varying(200) NOT NULL, "types" "public"."business_type" array NOT NULL, "stages" "public"."supply_chain_stage" array NOT NULL, "district_code" character varying(6) NOT NULL, "address" character varying(300), "latitude" double precision, "longitude" double precision, "legal_representative" character varying(100), "contact_phone" character varying(30), "status" "public"."business_status" NOT NULL DEFAULT 'ACTIVE', "archive_reason" text, CONSTRAINT "ck_business_coordinates" CHECK ((latitude IS NULL) = (longitude IS NULL)), CONSTRAINT "PK_0bd850da8dafab992e2e9b058e5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_business_legacy_reg_no" ON "business"  ("legacy_reg_no") `);
        await queryRunner.query(`CREATE INDEX "ix_business_district" ON "business"  ("district_code") `);
        await queryRunner.query(`CREATE INDEX "ix_business_status" ON "business"  ("status") `);
        await queryRunner.query(`CREATE INDEX "ix_business_updated" ON "business"  ("updated_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_business_created" ON "business"  ("created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_business_name_id" ON "business"  ("name", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_business_uscc_live" ON "business"  ("uscc") WHERE uscc IS NOT NULL AND status <> 'ARCHIVED'`);
        await queryRunner.query(`CREATE TYPE "public"."site_type" AS ENUM('RESIDENTIAL_COMPOUND', 'OLD_COMPOUND', 'HIGH_RISE', 'STILT_FLOOR', 'SELF_BUILT_HOUSE', 'RENTAL_HOUSING', 'STREET_SHOP', 'NINE_SMALL_VENUE', 'CROWDED_VENUE', 'CENTRAL_PARKING_CHARGING_SITE', 'SWAP_CABINET_SITE')`);
        await queryRunner.query(`CREATE TYPE "public"."record_status" AS ENUM('ACTIVE', 'ARCHIVED')`);
        await queryRunner.query(`CREATE TABLE "site" ("created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "id" uuid NOT NULL DEFAULT gen_random_uuid(), "site_type" "public"."site_type" NOT NULL, "name" character varying(200) NOT NULL, "district_code" character varying(6) NOT NULL, "address" character varying(300), "latitude" double precision, "longitude" double precision, "operator_business_id" uuid, "charging_ports" integer, "status" "public"."record_status" NOT NULL DEFAULT 'ACTIVE', "archive_reason" text, CONSTRAINT "ck_site_charging_ports" CHECK (charging_ports IS NULL OR charging_ports >= 0), CONSTRAINT "ck_site_coordinates" CHECK ((latitude IS NULL) = (longitude IS NULL)), CONSTRAINT "PK_635c0eeabda8862d5b0237b42b4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_site_type" ON "site"  ("site_type") `);
        await queryRunner.query(`CREATE INDEX "ix_site_district" ON "site"  ("district_code") `);
        await queryRunner.query(`CREATE INDEX "ix_site_operator" ON "site"  ("operator_business_id") `);
        await queryRunner.query(`CREATE INDEX "ix_site_status" ON "site"  ("status") `);
        await queryRunner.query(`CREATE INDEX "ix_site_name_id" ON "site"  ("name", "id") `);
        await queryRunner.query(`CREATE TYPE "public"."product_kind" AS ENUM('VEHICLE', 'LITHIUM_BATTERY', 'LEAD_ACID_BATTERY', 'CHARGER')`);
        await queryRunner.query(`CREATE TYPE "public"."standard_version" AS ENUM('GB17761_2018', 'GB17761_2024', 'GB43854_2024', 'GB42295_2022', 'GB42296_2022')`);
        await queryRunner.query(`CREATE TYPE "public"."battery_chemistry" AS ENUM('LEAD_ACID', 'LITHIUM_ION')`);
        await queryRunner.query(`CREATE TABLE "product_model" ("created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."product_kind" NOT NULL, "brand" character varying(100) NOT NULL, "model" character varying(100) NOT NULL, "manufacturer_business_id" uuid, "standard_version" "public"."standard_version", "chemistry" "public"."battery_chemistry", "nominal_voltage" double precision, "capacity_ah" double precision, "status" "public"."record_status" NOT NULL DEFAULT 'ACTIVE', CONSTRAINT "PK_deef06ea1075a8678683d25c718" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_product_model_kind" ON "product_model"  ("kind") `);
        await queryRunner.query(`CREATE INDEX "ix_product_model_manufacturer" ON "product_model"  ("manufacturer_business_id") `);
        await queryRunner.query(`CREATE INDEX "ix_product_model_status" ON "product_model"  ("status") `);
        await queryRunner.query(`CREATE INDEX "ix_product_model_brand_id" ON "product_model"  ("brand", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_product_model_live" ON "product_model"  ("kind", "brand", "model") WHERE status = 'ACTIVE'`);
        await queryRunner.query(`CREATE TYPE "public"."cert_status" AS ENUM('VALID', 'SUSPENDED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED')`);
        await queryRunner.query(`CREATE TABLE "certificate" ("created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(16) NOT NULL, "holder_business_id" uuid, "holder_name" character varying(200), "product_model_id" uuid, "status" "public"."cert_status" NOT NULL DEFAULT 'VALID', "issued_on" date, "expires_on" date, "archived" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificate_number" ON "certificate"  ("number") `);
        await queryRunner.query(`CREATE INDEX "ix_certificate_holder" ON "certificate"  ("holder_business_id") `);
        await queryRunner.query(`CREATE INDEX "ix_certificate_product_model" ON "certificate"  ("product_model_id") `);
        await queryRunner.query(`CREATE INDEX "ix_certificate_status" ON "certificate"  ("status") `);
        await queryRunner.query(`CREATE INDEX "ix_certificate_number_id" ON "certificate"  ("number", "id") `);
        await queryRunner.query(`CREATE TABLE "certificate_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "certificate_id" uuid NOT NULL, "from_status" "public"."cert_status", "to_status" "public"."cert_status" NOT NULL, "effective_on" date, "reason" text NOT NULL, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "changed_by" uuid, "changed_by_name" character varying(100), CONSTRAINT "PK_82aa5c13bb6fd884464432ec0c2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_certificate_status_change_cert" ON "certificate_status_change"  ("certificate_id", "changed_at") `);
        await queryRunner.query(`CREATE TABLE "supply_relation" ("created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "id" uuid NOT NULL DEFAULT gen_random_uuid(), "supplier_business_id" uuid NOT NULL, "buyer_business_id" uuid NOT NULL, "product_model_id" uuid, "first_seen_on" date, "last_seen_on" date, "note" text, "status" "public"."record_status" NOT NULL DEFAULT 'ACTIVE', CONSTRAINT "ck_supply_relation_period" CHECK (last_seen_on IS NULL OR first_seen_on IS NULL OR last_seen_on >= first_seen_on), CONSTRAINT "ck_supply_relation_parties" CHECK (supplier_business_id <> buyer_business_id), CONSTRAINT "PK_bcbd44582beca80fa96e1ca8673" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_supply_relation_supplier" ON "supply_relation"  ("supplier_business_id") `);
        await queryRunner.query(`CREATE INDEX "ix_supply_relation_buyer" ON "supply_relation"  ("buyer_business_id") `);
        await queryRunner.query(`CREATE INDEX "ix_supply_relation_product_model" ON "supply_relation"  ("product_model_id") `);
        await queryRunner.query(`CREATE INDEX "ix_supply_relation_status" ON "supply_relation"  ("status") `);
        await queryRunner.query(`CREATE INDEX "ix_supply_relation_created" ON "supply_relation"  ("created_at", "id") `);
        await queryRunner.query(`ALTER TABLE "business" ADD CONSTRAINT "FK_c5b00bea72eef5a300e70b57db2" FOREIGN KEY ("district_code") REFERENCES "district"("code") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "site" ADD CONSTRAINT "FK_e484a27012997598d3aa559733c" FOREIGN KEY ("district_code") REFERENCES "district"("code") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "site" ADD CONSTRAINT "FK_54a0396cd17d360a9220a851dbb" FOREIGN KEY ("operator_business_id") REFERENCES "business"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "product_model" ADD CONSTRAINT "FK_c03a6644658865ec7f9bbeb12da" FOREIGN KEY ("manufacturer_business_id") REFERENCES "business"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "certificate" ADD CONSTRAINT "FK_5a7b5315639d559b6375699c8ac" FOREIGN KEY ("holder_business_id") REFERENCES "business"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "certificate" ADD CONSTRAINT "FK_cd8e4ece8a9b313a719b87acb1b" FOREIGN KEY ("product_model_id") REFERENCES "product_model"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "certificate_status_change" ADD CONSTRAINT "FK_bec155e974a8fbfc14ee39a1d55" FOREIGN KEY ("certificate_id") REFERENCES "certificate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supply_relation" ADD CONSTRAINT "FK_b64189c2779322ed5951383dec5" FOREIGN KEY ("supplier_business_id") REFERENCES "business"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supply_relation" ADD CONSTRAINT "FK_fe55979e8b195727c299c96777c" FOREIGN KEY ("buyer_business_id") REFERENCES "business"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supply_relation" ADD CONSTRAINT "FK_89d72c0d9f3399626819e010bc7" FOREIGN KEY ("product_model_id") REFERENCES "product_model"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        // By hand: GIN indexes for array filters, trigram indexes for "name contains" (Chinese too),
        // and one live relation per (supplier, buyer, model) where a missing model counts as a value.
        await queryRunner.query(`CREATE INDEX "ix_business_types" ON "business" USING gin ("types")`);
        await queryRunner.query(`CREATE INDEX "ix_business_stages" ON "business" USING gin ("stages")`);
        await queryRunner.query(`CREATE INDEX "ix_business_name_trgm" ON "business" USING gin ("name" gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "ix_business_uscc_trgm" ON "business" USING gin ("uscc" gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "ix_site_name_trgm" ON "site" USING gin ("name" gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "ix_product_model_brand_trgm" ON "product_model" USING gin ("brand" gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "ix_product_model_model_trgm" ON "product_model" USING gin ("model" gin_trgm_ops)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_supply_relation_live" ON "supply_relation" ("supplier_business_id", "buyer_business_id", "product_model_id") NULLS NOT DISTINCT WHERE status = 'ACTIVE'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_supply_relation_live"`);
        await queryRunner.query(`DROP INDEX "public"."ix_product_model_model_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."ix_product_model_brand_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."ix_site_name_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."ix_business_uscc_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."ix_business_name_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."ix_business_stages"`);
        await queryRunner.query(`DROP INDEX "public"."ix_business_types"`);
        await queryRunner.query(`ALTER TABLE "supply_relation" DROP CONSTRAINT "FK_89d72c0d9f3399626819e010bc7"`);
        await queryRunner.query(`ALTER TABLE "supply_relation" DROP CONSTRAINT "FK_fe55979e8b195727c299c96777c"`);
        await queryRunner.query(`ALTER TABLE "supply_relation" DROP CONSTRAINT "FK_b64189c2779322ed5951383dec5"`);
        await queryRunner.query(`ALTER TABLE "certificate_status_change" DROP CONSTRAINT "FK_bec155e974a8fbfc14ee39a1d55"`);
        await queryRunner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "FK_cd8e4ece8a9b313a719b87acb1b"`);
        await queryRunner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "FK_5a7b5315639d559b6375699c8ac"`);
        await queryRunner.query(`ALTER TABLE "product_model" DROP CONSTRAINT "FK_c03a6644658865ec7f9bbeb12da"`);
        await queryRunner.query(`ALTER TABLE "site" DROP CONSTRAINT "FK_54a0396cd17d360a9220a851dbb"`);
        await queryRunner.query(`ALTER TABLE "site" DROP CONSTRAINT "FK_e484a27012997598d3aa559733c"`);
        await queryRunner.query(`ALTER TABLE "business" DROP CONSTRAINT "FK_c5b00bea72eef5a300e70b57db2"`);
        await queryRunner.query(`DROP INDEX "public"."ix_supply_relation_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_supply_relation_status"`);
        await queryRunner.query(`DROP INDEX "public"."ix_supply_relation_product_model"`);
        await queryRunner.query(`DROP INDEX "public"."ix_supply_relation_buyer"`);
        await queryRunner.query(`DROP INDEX "public"."ix_supply_relation_supplier"`);
        await queryRunner.query(`DROP TABLE "supply_relation"`);
        await queryRunner.query(`DROP INDEX "public"."ix_certificate_status_change_cert"`);
        await queryRunner.query(`DROP TABLE "certificate_status_change"`);
        await queryRunner.query(`DROP INDEX "public"."ix_certificate_number_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_certificate_status"`);
        await queryRunner.query(`DROP INDEX "public"."ix_certificate_product_model"`);
        await queryRunner.query(`DROP INDEX "public"."ix_certificate_holder"`);
        await queryRunner.query(`DROP INDEX "public"."uq_certificate_number"`);
        await queryRunner.query(`DROP TABLE "certificate"`);
        await queryRunner.query(`DROP TYPE "public"."cert_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_product_model_live"`);
        await queryRunner.query(`DROP INDEX "public"."ix_product_model_brand_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_product_model_status"`);
        await queryRunner.query(`DROP INDEX "public"."ix_product_model_manufacturer"`);
        await queryRunner.query(`DROP INDEX "public"."ix_product_model_kind"`);
        await queryRunner.query(`DROP TABLE "product_model"`);
        await queryRunner.query(`DROP TYPE "public"."battery_chemistry"`);
        await queryRunner.query(`DROP TYPE "public"."standard_version"`);
        await queryRunner.query(`DROP TYPE "public"."product_kind"`);
        await queryRunner.query(`DROP INDEX "public"."ix_site_name_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_site_status"`);
        await queryRunner.query(`DROP INDEX "public"."ix_site_operator"`);
        await queryRunner.query(`DROP INDEX "public"."ix_site_district"`);
        await queryRunner.query(`DROP INDEX "public"."ix_site_type"`);
        await queryRunner.query(`DROP TABLE "site"`);
        await queryRunner.query(`DROP TYPE "public"."record_status"`);
        await queryRunner.query(`DROP TYPE "public"."site_type"`);
        await queryRunner.query(`DROP INDEX "public"."uq_business_uscc_live"`);
        await queryRunner.query(`DROP INDEX "public"."ix_business_name_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_business_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_business_updated"`);
        await queryRunner.query(`DROP INDEX "public"."ix_business_status"`);
        await queryRunner.query(`DROP INDEX "public"."ix_business_district"`);
        await queryRunner.query(`DROP INDEX "public"."ix_business_legacy_reg_no"`);
        await queryRunner.query(`DROP TABLE "business"`);
        await queryRunner.query(`DROP TYPE "public"."business_status"`);
        await queryRunner.query(`DROP TYPE "public"."business_type"`);
    }

}
