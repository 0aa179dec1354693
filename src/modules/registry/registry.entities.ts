import { Node } from '../../common/node';
import { LocalDate } from '../../common/scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { District } from '../reference/reference.entities';
import { SupplyChainStage } from '../reference/reference.enums';
import { BatteryChemistry, BusinessStatus, BusinessType, CertStatus, ProductKind, RecordStatus, SiteType, StandardVersion } from './registry.enums';

const ts = { type: 'timestamptz', precision: 3 } as const;

// Indexes marked synchronize: false (GIN, trigram, NULLS NOT DISTINCT) are written by hand in the migration.

/** Columns every edited registry record has (a GraphQL base type that is never emitted itself). */
@ObjectType('VersionedRecordBase')
abstract class Versioned {
  @Field({ description: 'Created (创建时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @Field(() => Int, { description: 'Optimistic-lock version; pass it as expectedVersion when changing the record (版本号).' })
  @Column({ type: 'int', default: 1 })
  version: number;
}

@ObjectType({ implements: Node, description: 'A business (主体/企业/个体户) in the e-bike chain: maker, seller, repairer, operator, recycler …' })
@Entity('business')
@Index('uq_business_uscc_live', ['uscc'], { unique: true, where: `uscc IS NOT NULL AND status <> 'ARCHIVED'` })
@Index('ix_business_name_id', ['name', 'id'])
@Index('ix_business_district_name', ['districtCode', 'name', 'id'])
@Index('ix_business_created', ['createdAt', 'id'])
@Index('ix_business_updated', ['updatedAt', 'id'])
@Check('ck_business_coordinates', `(latitude IS NULL) = (longitude IS NULL)`)
export class Business extends Versioned {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { nullable: true, description: 'Unified Social Credit Code, 18 characters (统一社会信用代码); none for unregistered workshops.' })
  @Index('ix_business_uscc_trgm', { synchronize: false })
  @Column({ type: 'varchar', length: 18, nullable: true })
  uscc: string | null;

  @Field(() => String, { nullable: true, description: 'Why a USCC failing its check digit was accepted (校验码例外说明), e.g. a legacy pilot-area code.' })
  @Column({ name: 'uscc_override_reason', type: 'text', nullable: true })
  usccOverrideReason: string | null;

  @Field(() => String, { nullable: true, description: 'Legacy 15-digit business registration number (工商注册号).' })
  @Index('ix_business_legacy_reg_no')
  @Column({ name: 'legacy_reg_no', type: 'varchar', length: 15, nullable: true })
  legacyRegNo: string | null;

  @Field({ description: 'Registered or common name (名称).' })
  @Index('ix_business_name_trgm', { synchronize: false })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => [BusinessType], { description: 'Business types (主体类型), one or more.' })
  @Index('ix_business_types', { synchronize: false })
  @Column({ type: 'enum', enum: BusinessType, enumName: 'business_type', array: true })
  types: BusinessType[];

  @Field(() => [SupplyChainStage], { description: 'Supply-chain stages, derived from the types (所属环节).' })
  @Index('ix_business_stages', { synchronize: false })
  @Column({ type: 'enum', enum: SupplyChainStage, enumName: 'supply_chain_stage', array: true })
  stages: SupplyChainStage[];

  @Field({ description: 'District code, GB/T 2260 (所在区县).' })
  @Index('ix_business_district')
  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @ManyToOne(() => District)
  @JoinColumn({ name: 'district_code' })
  districtRef?: District;

  @Field(() => String, { nullable: true, description: 'Address (地址).' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude, WGS-84 (纬度).' })
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude, WGS-84 (经度).' })
  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Field(() => String, { nullable: true, description: 'Legal representative or operator (法定代表人/经营者); personal data, masked for partner viewers.' })
  @Column({ name: 'legal_representative', type: 'varchar', length: 100, nullable: true })
  legalRepresentative: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone (联系电话); personal data, masked for partner viewers.' })
  @Column({ name: 'contact_phone', type: 'varchar', length: 30, nullable: true })
  contactPhone: string | null;

  @Field(() => BusinessStatus, { description: 'Operating status (主体状态).' })
  @Index('ix_business_status')
  @Column({ type: 'enum', enum: BusinessStatus, enumName: 'business_status', default: BusinessStatus.ACTIVE })
  status: BusinessStatus;

  @Field(() => String, { nullable: true, description: 'Why it was archived (归档原因).' })
  @Column({ name: 'archive_reason', type: 'text', nullable: true })
  archiveReason: string | null;
}

@ObjectType({ implements: Node, description: 'A place checked for parking and charging (场所): compound, building, venue, swap-cabinet point …' })
@Entity('site')
@Index('ix_site_name_id', ['name', 'id'])
@Check('ck_site_coordinates', `(latitude IS NULL) = (longitude IS NULL)`)
@Check('ck_site_charging_ports', `charging_ports IS NULL OR charging_ports >= 0`)
export class Site extends Versioned {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => SiteType, { description: 'Kind of place (场所类型).' })
  @Index('ix_site_type')
  @Column({ name: 'site_type', type: 'enum', enum: SiteType, enumName: 'site_type' })
  siteType: SiteType;

  @Field({ description: 'Name (名称).' })
  @Index('ix_site_name_trgm', { synchronize: false })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'District code (所在区县).' })
  @Index('ix_site_district')
  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @ManyToOne(() => District)
  @JoinColumn({ name: 'district_code' })
  districtRef?: District;

  @Field(() => String, { nullable: true, description: 'Address (地址).' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude, WGS-84 (纬度).' })
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude, WGS-84 (经度).' })
  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Index('ix_site_operator')
  @Column({ name: 'operator_business_id', type: 'uuid', nullable: true })
  operatorBusinessId: string | null;

  @ManyToOne(() => Business, { nullable: true })
  @JoinColumn({ name: 'operator_business_id' })
  operatorRef?: Business | null;

  @Field(() => Int, { nullable: true, description: 'Number of charging ports, where relevant (充电端口数).' })
  @Column({ name: 'charging_ports', type: 'int', nullable: true })
  chargingPorts: number | null;

  @Field(() => RecordStatus, { description: 'In use or archived (状态).' })
  @Index('ix_site_status')
  @Column({ type: 'enum', enum: RecordStatus, enumName: 'record_status', default: RecordStatus.ACTIVE })
  status: RecordStatus;

  @Field(() => String, { nullable: true, description: 'Why it was archived (归档原因).' })
  @Column({ name: 'archive_reason', type: 'text', nullable: true })
  archiveReason: string | null;
}

@ObjectType({ implements: Node, description: 'A product model (产品型号): vehicle, battery or charger, traceable to its maker and sellers (溯源).' })
@Entity('product_model')
@Index('uq_product_model_live', ['kind', 'brand', 'model'], { unique: true, where: `status = 'ACTIVE'` })
@Index('ix_product_model_brand_id', ['brand', 'id'])
export class ProductModel extends Versioned {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ProductKind, { description: 'Kind of product (产品类别).' })
  @Index('ix_product_model_kind')
  @Column({ type: 'enum', enum: ProductKind, enumName: 'product_kind' })
  kind: ProductKind;

  @Field({ description: 'Brand (品牌).' })
  @Index('ix_product_model_brand_trgm', { synchronize: false })
  @Column({ type: 'varchar', length: 100 })
  brand: string;

  @Field({ description: 'Model designation (型号).' })
  @Index('ix_product_model_model_trgm', { synchronize: false })
  @Column({ type: 'varchar', length: 100 })
  model: string;

  @Index('ix_product_model_manufacturer')
  @Column({ name: 'manufacturer_business_id', type: 'uuid', nullable: true })
  manufacturerBusinessId: string | null;

  @ManyToOne(() => Business, { nullable: true })
  @JoinColumn({ name: 'manufacturer_business_id' })
  manufacturerRef?: Business | null;

  @Field(() => StandardVersion, { nullable: true, description: 'Mandatory standard it was made to (执行标准).' })
  @Column({ name: 'standard_version', type: 'enum', enum: StandardVersion, enumName: 'standard_version', nullable: true })
  standardVersion: StandardVersion | null;

  @Field(() => [StandardVersion], {
    description: 'Every mandatory standard edition the model declares it meets (符合标准), e.g. GB 17761-2024 and GB 42295-2022 for one vehicle. The sale rules (saleRestrictions) read this list; standardVersion is one of its entries.',
  })
  @Column({ type: 'enum', enum: StandardVersion, enumName: 'standard_version', array: true, default: () => "'{}'" })
  standards: StandardVersion[];

  @Field(() => BatteryChemistry, { nullable: true, description: 'Battery chemistry of a battery or of the vehicle’s battery (电池类型).' })
  @Column({ type: 'enum', enum: BatteryChemistry, enumName: 'battery_chemistry', nullable: true })
  chemistry: BatteryChemistry | null;

  @Field(() => Float, { nullable: true, description: 'Nominal voltage in volts (标称电压).' })
  @Column({ name: 'nominal_voltage', type: 'double precision', nullable: true })
  nominalVoltage: number | null;

  @Field(() => Float, { nullable: true, description: 'Capacity in ampere-hours (额定容量, Ah).' })
  @Column({ name: 'capacity_ah', type: 'double precision', nullable: true })
  capacityAh: number | null;

  @Field(() => RecordStatus, { description: 'In use or archived (状态).' })
  @Index('ix_product_model_status')
  @Column({ type: 'enum', enum: RecordStatus, enumName: 'record_status', default: RecordStatus.ACTIVE })
  status: RecordStatus;
}

@ObjectType({ implements: Node, description: 'A CCC certificate (强制性产品认证证书) with its status history.' })
@Entity('certificate')
@Index('ix_certificate_number_id', ['number', 'id'])
export class Certificate extends Versioned {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'CCC certificate number, 16 digits (证书编号).' })
  @Index('uq_certificate_number', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  number: string;

  @Index('ix_certificate_holder')
  @Column({ name: 'holder_business_id', type: 'uuid', nullable: true })
  holderBusinessId: string | null;

  @ManyToOne(() => Business, { nullable: true })
  @JoinColumn({ name: 'holder_business_id' })
  holderRef?: Business | null;

  @Field(() => String, { nullable: true, description: 'Holder name as printed, when the holder is not a registered business (持证人名称).' })
  @Column({ name: 'holder_name', type: 'varchar', length: 200, nullable: true })
  holderName: string | null;

  @Index('ix_certificate_product_model')
  @Column({ name: 'product_model_id', type: 'uuid', nullable: true })
  productModelId: string | null;

  @ManyToOne(() => ProductModel, { nullable: true })
  @JoinColumn({ name: 'product_model_id' })
  productModelRef?: ProductModel | null;

  @Field(() => CertStatus, { description: 'Current status (证书状态).' })
  @Index('ix_certificate_status')
  @Column({ type: 'enum', enum: CertStatus, enumName: 'cert_status', default: CertStatus.VALID })
  status: CertStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Date of issue, YYYY-MM-DD (发证日期).' })
  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Expiry date, YYYY-MM-DD (有效期至).' })
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  @Field({ description: 'Archived records are kept for history (是否归档).' })
  @Column({ type: 'boolean', default: false })
  archived: boolean;
}

@ObjectType({ description: 'One change of a certificate’s status (证书状态变更记录).' })
@Entity('certificate_status_change')
@Index('ix_certificate_status_change_cert', ['certificateId', 'changedAt'])
export class CertificateStatusChange {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'certificate_id', type: 'uuid' })
  certificateId: string;

  @ManyToOne(() => Certificate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'certificate_id' })
  certificateRef?: Certificate;

  @Field(() => CertStatus, { nullable: true, description: 'Status before; null for the first record (原状态).' })
  @Column({ name: 'from_status', type: 'enum', enum: CertStatus, enumName: 'cert_status', nullable: true })
  fromStatus: CertStatus | null;

  @Field(() => CertStatus, { description: 'Status after (新状态).' })
  @Column({ name: 'to_status', type: 'enum', enum: CertStatus, enumName: 'cert_status' })
  toStatus: CertStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Date the change took effect, YYYY-MM-DD (生效日期).' })
  @Column({ name: 'effective_on', type: 'date', nullable: true })
  effectiveOn: string | null;

  @Field({ description: 'Why (原因).' })
  @Column({ type: 'text' })
  reason: string;

  @Field({ description: 'When it was recorded (记录时间).' })
  @Column({ name: 'changed_at', ...ts, default: () => 'now()' })
  changedAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who recorded it (user or key id) (记录人).' })
  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Name of who recorded it (记录人).' })
  @Column({ name: 'changed_by_name', type: 'varchar', length: 100, nullable: true })
  changedByName: string | null;
}

@ObjectType({ implements: Node, description: 'A supply relation (供货关系): supplier → buyer, optionally for one product model.' })
@Entity('supply_relation')
@Index('ix_supply_relation_created', ['createdAt', 'id'])
@Check('ck_supply_relation_parties', `supplier_business_id <> buyer_business_id`)
@Check('ck_supply_relation_period', `last_seen_on IS NULL OR first_seen_on IS NULL OR last_seen_on >= first_seen_on`)
export class SupplyRelation extends Versioned {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_supply_relation_supplier')
  // (supplier, buyer, product model) unique among ACTIVE rows, NULLS NOT DISTINCT: written by hand in the migration.
  @Index('uq_supply_relation_live', { synchronize: false })
  @Column({ name: 'supplier_business_id', type: 'uuid' })
  supplierBusinessId: string;

  @ManyToOne(() => Business)
  @JoinColumn({ name: 'supplier_business_id' })
  supplierRef?: Business;

  @Index('ix_supply_relation_buyer')
  @Column({ name: 'buyer_business_id', type: 'uuid' })
  buyerBusinessId: string;

  @ManyToOne(() => Business)
  @JoinColumn({ name: 'buyer_business_id' })
  buyerRef?: Business;

  @Index('ix_supply_relation_product_model')
  @Column({ name: 'product_model_id', type: 'uuid', nullable: true })
  productModelId: string | null;

  @ManyToOne(() => ProductModel, { nullable: true })
  @JoinColumn({ name: 'product_model_id' })
  productModelRef?: ProductModel | null;

  @Field(() => LocalDate, { nullable: true, description: 'First seen, YYYY-MM-DD (首次发现日期).' })
  @Column({ name: 'first_seen_on', type: 'date', nullable: true })
  firstSeenOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last seen, YYYY-MM-DD (最近发现日期).' })
  @Column({ name: 'last_seen_on', type: 'date', nullable: true })
  lastSeenOn: string | null;

  @Field(() => String, { nullable: true, description: 'Note, e.g. where the relation was learnt (备注).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => RecordStatus, { description: 'In use or archived (状态).' })
  @Index('ix_supply_relation_status')
  @Column({ type: 'enum', enum: RecordStatus, enumName: 'record_status', default: RecordStatus.ACTIVE })
  status: RecordStatus;
}
