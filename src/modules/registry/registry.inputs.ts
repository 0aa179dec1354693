import { LocalDate } from '../../common/scalars';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { BooleanFilter, DateRangeFilter, EnumFilter, IdFilter, StringFilter } from '../../common/filters';
import { OrderInput, SortDirection } from '../../common/sort';
import { NotBlank, IsLocalDate } from '../../common/validation';
import { SupplyChainStage } from '../reference/reference.enums';
import { CCC_NUMBER, LEGACY_REG_NO, isChinesePhone } from './registry.identifiers';
import { BatteryChemistry, BusinessSortField, CertificateSortField, ProductModelSortField, SiteSortField, BusinessStatus, BusinessType, CertStatus, ChainDirection, ChainRole, ProductKind, RecordStatus, SiteType, StandardVersion } from './registry.enums';

const DISTRICT = /^\d{6}$/;

const SiteOrder = OrderInput<SiteSortField>(SiteSortField, 'Site', 'sites');
const ProductModelOrder = OrderInput<ProductModelSortField>(ProductModelSortField, 'ProductModel', 'product models');
const CertificateOrder = OrderInput<CertificateSortField>(CertificateSortField, 'Certificate', 'certificates');

function IsChinesePhone(options?: ValidationOptions): PropertyDecorator {
  return (object, propertyName) =>
    registerDecorator({
      name: 'isChinesePhone',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a Chinese mobile (13812341234) or landline (0833-2123456) number', ...options },
      validator: { validate: (v: unknown) => v === null || v === undefined || (typeof v === 'string' && isChinesePhone(v)) },
    });
}

/** Null clears an optional field; class-validator then skips its other rules. */
const Clearable = () => ValidateIf((_o, v) => v !== null && v !== undefined);

// ---------- businesses ----------

@InputType('BusinessFieldsBase')
abstract class BusinessFields {
  @Field(() => String, { nullable: true, description: 'Unified Social Credit Code, 18 characters (统一社会信用代码); omit for unregistered workshops.' })
  @Clearable()
  @MaxLength(30)
  uscc?: string | null;

  @Field(() => String, { nullable: true, description: 'Reason to accept a USCC that fails its check digit, e.g. a legacy pilot-area code (校验码例外说明); coordinators only.' })
  @Clearable()
  @NotBlank()
  @MaxLength(500)
  usccOverrideReason?: string | null;

  @Field(() => String, { nullable: true, description: 'Legacy 15-digit registration number (工商注册号).' })
  @Clearable()
  @Matches(LEGACY_REG_NO, { message: 'legacyRegNo must be 15 digits not starting with 0' })
  legacyRegNo?: string | null;

  @Field(() => String, { nullable: true, description: 'Address (地址).' })
  @Clearable()
  @MaxLength(300)
  address?: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude, −90…90 (纬度); give both coordinates or neither.' })
  @Clearable()
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude, −180…180 (经度).' })
  @Clearable()
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => String, { nullable: true, description: 'Legal representative or operator (法定代表人/经营者).' })
  @Clearable()
  @NotBlank()
  @MaxLength(100)
  legalRepresentative?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone, mobile or landline (联系电话).' })
  @Clearable()
  @IsChinesePhone()
  contactPhone?: string | null;
}

@InputType({ description: 'A new business (新增主体).' })
export class CreateBusinessInput extends BusinessFields {
  @Field({ description: 'Name (名称).' })
  @NotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => [BusinessType], { description: 'Business types, one or more (主体类型).' })
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsEnum(BusinessType, { each: true })
  types: BusinessType[];

  @Field({ description: 'District code, e.g. 511102 (所在区县).' })
  @Matches(DISTRICT, { message: 'districtCode must be a 6-digit GB/T 2260 code' })
  districtCode: string;

  @Field(() => BusinessStatus, { nullable: true, description: 'ACTIVE (default), SUSPENDED or CLOSED (主体状态).' })
  @IsOptional()
  @IsEnum(BusinessStatus)
  status?: BusinessStatus;
}

@InputType({ description: 'Changes to a business (修改主体). Omitted fields stay; null clears an optional field.' })
export class UpdateBusinessInput extends BusinessFields {
  @Field(() => ID, { description: 'Id of the record to change (记录ID).' }) @IsUUID('all') id: string;

  @Field(() => Int, { description: 'The version you read (版本号).' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: 'Name (名称).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @Field(() => [BusinessType], { nullable: true, description: 'Business types (主体类型); replaces the list.' })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsEnum(BusinessType, { each: true })
  types?: BusinessType[];

  @Field({ nullable: true, description: 'District code (所在区县).' })
  @IsOptional()
  @Matches(DISTRICT, { message: 'districtCode must be a 6-digit GB/T 2260 code' })
  districtCode?: string;

  @Field(() => BusinessStatus, { nullable: true, description: 'ACTIVE, SUSPENDED or CLOSED; archive with archiveBusiness (主体状态).' })
  @IsOptional()
  @IsEnum(BusinessStatus)
  status?: BusinessStatus;
}

@InputType({ description: 'Archive a registry record: kept for history, hidden from lists by default (归档).' })
export class ArchiveInput {
  @Field(() => ID, { description: 'Id of the record to change (记录ID).' }) @IsUUID('all') id: string;

  @Field(() => Int, { description: 'The version you read (版本号).' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ description: 'Why (归档原因).' })
  @NotBlank()
  @MaxLength(1000)
  reason: string;
}

const StageFilter = EnumFilter(SupplyChainStage, 'SupplyChainStage', 'Supply-chain stage (环节)');
const BusinessTypeFilter = EnumFilter(BusinessType, 'BusinessType', 'Business type (主体类型)');
const BusinessStatusFilter = EnumFilter(BusinessStatus, 'BusinessStatus', 'Business status (主体状态)');
const CertStatusFilter = EnumFilter(CertStatus, 'CertStatus', 'Certificate status (证书状态)');
const SiteTypeFilter = EnumFilter(SiteType, 'SiteType', 'Site type (场所类型)');
const RecordStatusFilter = EnumFilter(RecordStatus, 'RecordStatus', 'Record status (记录状态)');
const ProductKindFilter = EnumFilter(ProductKind, 'ProductKind', 'Product kind (产品类别)');
const StandardVersionFilter = EnumFilter(StandardVersion, 'StandardVersion', 'Standard (执行标准)');

@InputType({ description: 'Which businesses (主体筛选). Archived businesses are left out unless status asks for them.' })
export class BusinessFilter {
  @Field(() => StringFilter, { nullable: true, description: 'District code (区县).' }) @IsOptional() @ValidateNested() district?: StringFilter;
  @Field(() => StageFilter, { nullable: true, description: 'Any of its stages (环节).' }) @IsOptional() @ValidateNested() stage?: InstanceType<typeof StageFilter>;
  @Field(() => BusinessTypeFilter, { nullable: true, description: 'Any of its types (主体类型).' }) @IsOptional() @ValidateNested() type?: InstanceType<typeof BusinessTypeFilter>;
  @Field(() => BusinessStatusFilter, { nullable: true, description: 'Status (状态).' }) @IsOptional() @ValidateNested() status?: InstanceType<typeof BusinessStatusFilter>;
  @Field(() => StringFilter, { nullable: true, description: 'Name; contains works for Chinese (名称).' }) @IsOptional() @ValidateNested() name?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'USCC (统一社会信用代码).' }) @IsOptional() @ValidateNested() uscc?: StringFilter;
  @Field(() => CertStatusFilter, { nullable: true, description: 'Holds a certificate with this status (持有证书状态).' }) @IsOptional() @ValidateNested() certificateStatus?: InstanceType<typeof CertStatusFilter>;
  @Field(() => ProductKindFilter, { nullable: true, description: 'Makes or trades models of this kind (经营产品类别).' }) @IsOptional() @ValidateNested() productKind?: InstanceType<typeof ProductKindFilter>;
  @Field(() => IdFilter, { nullable: true, description: 'Trades models made by this manufacturer (经营该企业生产的产品).' }) @IsOptional() @ValidateNested() manufacturerId?: IdFilter;
  @Field(() => BooleanFilter, {
    nullable: true,
    description: 'Still sells what may no longer be sold today (仍在销售禁售产品): see Business.restrictedProductSales. { eq: true } lists who to visit; { eq: false } everyone else.',
  }) @IsOptional() @ValidateNested() sellsRestrictedProducts?: BooleanFilter;
}

@InputType({ description: 'Sort order of businesses (排序).' })
export class BusinessOrder {
  @Field(() => BusinessSortField, { description: 'Sort key (排序字段).' }) @IsEnum(BusinessSortField) field: BusinessSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction (方向).' }) @IsEnum(SortDirection) direction: SortDirection;
}

@ArgsType()
export class BusinessesArgs extends PageArgs {
  @Field(() => BusinessFilter, { nullable: true, description: 'Which businesses (筛选).' }) @IsOptional() @ValidateNested() filter?: BusinessFilter;
  @Field(() => BusinessOrder, { nullable: true, description: 'Order, default by name (排序).' }) @IsOptional() @ValidateNested() orderBy?: BusinessOrder;
}

// ---------- sites ----------

@InputType('SiteFieldsBase')
abstract class SiteFields {
  @Field(() => String, { nullable: true, description: 'Address (地址).' }) @Clearable() @MaxLength(300) address?: string | null;
  @Field(() => Float, { nullable: true, description: 'Latitude (纬度).' }) @Clearable() @Min(-90) @Max(90) latitude?: number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude (经度).' }) @Clearable() @Min(-180) @Max(180) longitude?: number | null;
  @Field(() => ID, { nullable: true, description: 'Managing or operating business, e.g. the property company (管理/运营单位).' }) @Clearable() @IsUUID('all') operatorBusinessId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Charging ports, for parking/charging site types (充电端口数).' }) @Clearable() @IsInt() @Min(0) @Max(100000) chargingPorts?: number | null;
}

@InputType({ description: 'A new site (新增场所).' })
export class CreateSiteInput extends SiteFields {
  @Field(() => SiteType, { description: 'Kind of place (场所类型).' }) @IsEnum(SiteType) siteType: SiteType;
  @Field({ description: 'Name (名称).' }) @NotBlank() @MaxLength(200) name: string;
  @Field({ description: 'District code (所在区县).' }) @Matches(DISTRICT, { message: 'districtCode must be a 6-digit GB/T 2260 code' }) districtCode: string;
}

@InputType({ description: 'Changes to a site (修改场所).' })
export class UpdateSiteInput extends SiteFields {
  @Field(() => ID, { description: 'Id of the record to change (记录ID).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => SiteType, { nullable: true, description: 'Kind of place (场所类型).' }) @IsOptional() @IsEnum(SiteType) siteType?: SiteType;
  @Field({ nullable: true, description: 'Name (名称).' }) @IsOptional() @NotBlank() @MaxLength(200) name?: string;
  @Field({ nullable: true, description: 'District code (所在区县).' }) @IsOptional() @Matches(DISTRICT, { message: 'districtCode must be a 6-digit GB/T 2260 code' }) districtCode?: string;
}

@InputType({ description: 'Which sites (场所筛选). Archived sites are left out unless status asks for them.' })
export class SiteFilter {
  @Field(() => StringFilter, { nullable: true, description: 'District code (区县).' }) @IsOptional() @ValidateNested() district?: StringFilter;
  @Field(() => SiteTypeFilter, { nullable: true, description: 'Site type (场所类型).' }) @IsOptional() @ValidateNested() siteType?: InstanceType<typeof SiteTypeFilter>;
  @Field(() => StringFilter, { nullable: true, description: 'Name (名称).' }) @IsOptional() @ValidateNested() name?: StringFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Operating business (运营单位).' }) @IsOptional() @ValidateNested() operatorBusinessId?: IdFilter;
  @Field(() => RecordStatusFilter, { nullable: true, description: 'Status (状态).' }) @IsOptional() @ValidateNested() status?: InstanceType<typeof RecordStatusFilter>;
}

@ArgsType()
export class SitesArgs extends PageArgs {
  @Field(() => SiteFilter, { nullable: true, description: 'Which sites (筛选).' }) @IsOptional() @ValidateNested() filter?: SiteFilter;
  @Field(() => SiteOrder, { nullable: true, description: 'Order, default by name (排序).' }) @IsOptional() @ValidateNested() orderBy?: InstanceType<typeof SiteOrder>;
}

// ---------- product models ----------

@InputType('ProductModelFieldsBase')
abstract class ProductModelFields {
  @Field(() => ID, { nullable: true, description: 'Manufacturer (生产企业).' }) @Clearable() @IsUUID('all') manufacturerBusinessId?: string | null;
  @Field(() => StandardVersion, { nullable: true, description: 'Standard it was made to (执行标准); kept in standards: changing it replaces its old value there.' }) @Clearable() @IsEnum(StandardVersion) standardVersion?: StandardVersion | null;
  @Field(() => [StandardVersion], { nullable: true, description: 'Every standard edition the model meets; replaces the list (符合标准). With standardVersion given too, that must be one of them.' })
  @IsOptional() @ArrayUnique() @ArrayMaxSize(10) @IsEnum(StandardVersion, { each: true }) standards?: StandardVersion[];
  @Field(() => BatteryChemistry, { nullable: true, description: 'Battery chemistry (电池类型).' }) @Clearable() @IsEnum(BatteryChemistry) chemistry?: BatteryChemistry | null;
  @Field(() => Float, { nullable: true, description: 'Nominal voltage, V (标称电压).' }) @Clearable() @Min(1) @Max(1000) nominalVoltage?: number | null;
  @Field(() => Float, { nullable: true, description: 'Capacity, Ah (额定容量).' }) @Clearable() @Min(0.1) @Max(10000) capacityAh?: number | null;
}

@InputType({ description: 'A new product model (新增产品型号).' })
export class CreateProductModelInput extends ProductModelFields {
  @Field(() => ProductKind, { description: 'Kind (产品类别).' }) @IsEnum(ProductKind) kind: ProductKind;
  @Field({ description: 'Brand (品牌).' }) @NotBlank() @MaxLength(100) brand: string;
  @Field({ description: 'Model (型号).' }) @NotBlank() @MaxLength(100) model: string;
}

@InputType({ description: 'Changes to a product model (修改产品型号).' })
export class UpdateProductModelInput extends ProductModelFields {
  @Field(() => ID, { description: 'Id of the record to change (记录ID).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true, description: 'Brand (品牌).' }) @IsOptional() @NotBlank() @MaxLength(100) brand?: string;
  @Field({ nullable: true, description: 'Model (型号).' }) @IsOptional() @NotBlank() @MaxLength(100) model?: string;
}

@InputType({ description: 'Which product models (产品型号筛选). Archived models are left out unless status asks for them.' })
export class ProductModelFilter {
  @Field(() => ProductKindFilter, { nullable: true, description: 'Kind (产品类别).' }) @IsOptional() @ValidateNested() kind?: InstanceType<typeof ProductKindFilter>;
  @Field(() => IdFilter, { nullable: true, description: 'Manufacturer (生产企业).' }) @IsOptional() @ValidateNested() manufacturerId?: IdFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Brand (品牌).' }) @IsOptional() @ValidateNested() brand?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Model (型号).' }) @IsOptional() @ValidateNested() model?: StringFilter;
  @Field(() => StandardVersionFilter, { nullable: true, description: 'Standard (执行标准).' }) @IsOptional() @ValidateNested() standardVersion?: InstanceType<typeof StandardVersionFilter>;
  @Field(() => BooleanFilter, { nullable: true, description: 'May no longer be sold today (禁止销售): see ProductModel.saleRestrictions.' }) @IsOptional() @ValidateNested() mayNoLongerBeSold?: BooleanFilter;
  @Field(() => CertStatusFilter, { nullable: true, description: 'Has a certificate with this status (证书状态).' }) @IsOptional() @ValidateNested() certificateStatus?: InstanceType<typeof CertStatusFilter>;
  @Field(() => RecordStatusFilter, { nullable: true, description: 'Status (状态).' }) @IsOptional() @ValidateNested() status?: InstanceType<typeof RecordStatusFilter>;
}

@ArgsType()
export class ProductModelsArgs extends PageArgs {
  @Field(() => ProductModelFilter, { nullable: true, description: 'Which models (筛选).' }) @IsOptional() @ValidateNested() filter?: ProductModelFilter;
  @Field(() => ProductModelOrder, { nullable: true, description: 'Order, default by brand (排序).' }) @IsOptional() @ValidateNested() orderBy?: InstanceType<typeof ProductModelOrder>;
}

// ---------- certificates ----------

@InputType('CertificateFieldsBase')
abstract class CertificateFields {
  @Field(() => ID, { nullable: true, description: 'Holder, a registered business (持证企业).' }) @Clearable() @IsUUID('all') holderBusinessId?: string | null;
  @Field(() => String, { nullable: true, description: 'Holder name as printed, when not registered here (持证人名称).' }) @Clearable() @NotBlank() @MaxLength(200) holderName?: string | null;
  @Field(() => ID, { nullable: true, description: 'Certified product model (认证产品型号).' }) @Clearable() @IsUUID('all') productModelId?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Date of issue, YYYY-MM-DD (发证日期).' }) @Clearable() @IsLocalDate() issuedOn?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Expiry date, YYYY-MM-DD (有效期至).' }) @Clearable() @IsLocalDate() expiresOn?: string | null;
}

@InputType({ description: 'A new CCC certificate (新增CCC证书).' })
export class CreateCertificateInput extends CertificateFields {
  @Field({ description: 'Certificate number, 16 digits (证书编号).' })
  @Matches(CCC_NUMBER, { message: 'number must be a 16-digit CCC certificate number starting with the year (19xx/20xx)' })
  number: string;

  @Field(() => CertStatus, { nullable: true, description: 'Status, default VALID (证书状态).' }) @IsOptional() @IsEnum(CertStatus) status?: CertStatus;
}

@InputType({ description: 'Changes to a certificate’s details; change its status with changeCertificateStatus (修改证书).' })
export class UpdateCertificateInput extends CertificateFields {
  @Field(() => ID, { description: 'Id of the record to change (记录ID).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
}

@InputType({ description: 'Record a status change of a certificate, kept in its history (证书状态变更).' })
export class ChangeCertificateStatusInput {
  @Field(() => ID, { description: 'Id of the record to change (记录ID).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => CertStatus, { description: 'New status (新状态).' }) @IsEnum(CertStatus) status: CertStatus;
  @Field({ description: 'Why, e.g. the certification body’s notice (原因).' }) @NotBlank() @MaxLength(1000) reason: string;
  @Field(() => LocalDate, { nullable: true, description: 'Date it took effect, YYYY-MM-DD (生效日期).' }) @IsOptional() @IsLocalDate() effectiveOn?: string;
}

@InputType({ description: 'Which certificates (证书筛选). Archived ones are left out unless includeArchived.' })
export class CertificateFilter {
  @Field(() => CertStatusFilter, { nullable: true, description: 'Status (证书状态).' }) @IsOptional() @ValidateNested() status?: InstanceType<typeof CertStatusFilter>;
  @Field(() => StringFilter, { nullable: true, description: 'Number (证书编号).' }) @IsOptional() @ValidateNested() number?: StringFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Holder (持证企业).' }) @IsOptional() @ValidateNested() holderId?: IdFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Product model (产品型号).' }) @IsOptional() @ValidateNested() productModelId?: IdFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Manufacturer of the certified model (生产企业).' }) @IsOptional() @ValidateNested() manufacturerId?: IdFilter;
  @Field(() => ProductKindFilter, { nullable: true, description: 'Kind of the certified model (产品类别).' }) @IsOptional() @ValidateNested() productKind?: InstanceType<typeof ProductKindFilter>;
  @Field(() => DateRangeFilter, { nullable: true, description: 'Expiry date (有效期至).' }) @IsOptional() @ValidateNested() expiresOn?: DateRangeFilter;
  @Field({ defaultValue: false, description: 'Also archived certificates (含已归档).' }) includeArchived: boolean;
}

@ArgsType()
export class CertificatesArgs extends PageArgs {
  @Field(() => CertificateFilter, { nullable: true, description: 'Which certificates (筛选).' }) @IsOptional() @ValidateNested() filter?: CertificateFilter;
  @Field(() => CertificateOrder, { nullable: true, description: 'Order, default by number (排序).' }) @IsOptional() @ValidateNested() orderBy?: InstanceType<typeof CertificateOrder>;
}

// ---------- supply relations ----------

@InputType('SupplyRelationFieldsBase')
abstract class SupplyRelationFields {
  @Field(() => ID, { nullable: true, description: 'Product model supplied, if known (产品型号).' }) @Clearable() @IsUUID('all') productModelId?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'First seen, YYYY-MM-DD (首次发现).' }) @Clearable() @IsLocalDate() firstSeenOn?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Last seen, YYYY-MM-DD (最近发现).' }) @Clearable() @IsLocalDate() lastSeenOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Note (备注).' }) @Clearable() @MaxLength(2000) note?: string | null;
}

@InputType({ description: 'A new supply relation (新增供货关系).' })
export class CreateSupplyRelationInput extends SupplyRelationFields {
  @Field(() => ID, { description: 'Supplier (供货方).' }) @IsUUID('all') supplierBusinessId: string;
  @Field(() => ID, { description: 'Buyer (购货方).' }) @IsUUID('all') buyerBusinessId: string;
}

@InputType({ description: 'Changes to a supply relation (修改供货关系).' })
export class UpdateSupplyRelationInput extends SupplyRelationFields {
  @Field(() => ID, { description: 'Id of the record to change (记录ID).' }) @IsUUID('all') id: string;
  @Field(() => Int, { description: 'The version you read (版本号).' }) @IsInt() @Min(1) expectedVersion: number;
}

@InputType({ description: 'Which supply relations (供货关系筛选). Archived ones are left out unless status asks for them.' })
export class SupplyRelationFilter {
  @Field(() => IdFilter, { nullable: true, description: 'Supplier (供货方).' }) @IsOptional() @ValidateNested() supplierId?: IdFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Buyer (购货方).' }) @IsOptional() @ValidateNested() buyerId?: IdFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Either party (任一方).' }) @IsOptional() @ValidateNested() businessId?: IdFilter;
  @Field(() => IdFilter, { nullable: true, description: 'Product model (产品型号).' }) @IsOptional() @ValidateNested() productModelId?: IdFilter;
  @Field(() => DateRangeFilter, { nullable: true, description: 'Last seen (最近发现).' }) @IsOptional() @ValidateNested() lastSeenOn?: DateRangeFilter;
  @Field(() => RecordStatusFilter, { nullable: true, description: 'Status (状态).' }) @IsOptional() @ValidateNested() status?: InstanceType<typeof RecordStatusFilter>;
}

@ArgsType()
export class SupplyRelationsArgs extends PageArgs {
  @Field(() => SupplyRelationFilter, { nullable: true, description: 'Which relations (筛选).' }) @IsOptional() @ValidateNested() filter?: SupplyRelationFilter;
}

// ---------- chain ----------

@InputType({ description: 'Where a supply-chain trace starts: exactly one of businessId or productModelId (追溯起点).' })
export class ChainStart {
  @Field(() => ID, { nullable: true, description: 'A business (主体).' }) @IsOptional() @IsUUID('all') businessId?: string;
  @Field(() => ID, { nullable: true, description: 'A product model: starts at its maker (and first suppliers) and follows only relations of that model (产品型号).' }) @IsOptional() @IsUUID('all') productModelId?: string;
}

@ArgsType()
export class SupplyChainArgs {
  @Field(() => ChainStart, { description: 'Start (起点).' }) @ValidateNested() from: ChainStart;
  @Field(() => ChainDirection, { defaultValue: ChainDirection.DOWNSTREAM, description: 'Direction (方向).' }) @IsEnum(ChainDirection) direction: ChainDirection;
  @Field(() => Int, { defaultValue: 3, description: 'How many relations deep, 1–6 (追溯层级).' }) @IsInt() @Min(1) @Max(6) maxDepth: number;
  @Field(() => Int, {
    defaultValue: 200,
    description:
      'Most businesses returned, 1–5000, nearest first (ties by id); relations are returned between the businesses kept. `truncated` says whether more were reached (最多返回节点数).',
  })
  @IsInt()
  @Min(1)
  @Max(5000)
  maxNodes: number;
}

@ArgsType()
export class ChainRoleArgs {
  @Field(() => ChainRole, { nullable: true, description: 'Only businesses in this role; all roles when omitted (角色).' }) @IsOptional() @IsEnum(ChainRole) role?: ChainRole;
}
