import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RECORD_READERS, Role, Roles } from '../../common/auth';
import { fieldColumns, fieldRowColumns, rowColumns } from '../../common/projection';
import { Connection, PageArgs, type ConnectionShape } from '../../common/connection';
import type { Context } from '../../common/context';
import { badInput } from '../../common/errors';
import { selectedFieldNames } from '../../common/selection';
import { InputArg, Mutation, MutationPayload } from '../../common/mutation';
import { District } from '../reference/reference.entities';
import { districtByCode } from '../reference/reference.service';
import { Business, Certificate, CertificateStatusChange, ProductModel, Site, SupplyRelation } from './registry.entities';
import { checkUscc } from './registry.identifiers';
import {
  ArchiveInput,
  BusinessesArgs,
  CertificatesArgs,
  ChainRoleArgs,
  ChangeCertificateStatusInput,
  CreateBusinessInput,
  CreateCertificateInput,
  CreateProductModelInput,
  CreateSiteInput,
  CreateSupplyRelationInput,
  ProductModelsArgs,
  SitesArgs,
  SupplyChainArgs,
  SupplyRelationsArgs,
  UpdateBusinessInput,
  UpdateCertificateInput,
  UpdateProductModelInput,
  UpdateSiteInput,
  UpdateSupplyRelationInput,
} from './registry.inputs';
import * as registry from './registry.service';

const WRITERS = [Role.COORDINATOR, Role.AGENCY_OFFICER] as const;

@ObjectType({ description: 'A page of businesses (主体列表).' })
export class BusinessConnection extends Connection(Business) {}
@ObjectType({ description: 'A page of sites (场所列表).' })
export class SiteConnection extends Connection(Site) {}
@ObjectType({ description: 'A page of product models (产品型号列表).' })
export class ProductModelConnection extends Connection(ProductModel) {}
@ObjectType({ description: 'A page of certificates (证书列表).' })
export class CertificateConnection extends Connection(Certificate) {}
@ObjectType({ description: 'A page of supply relations (供货关系列表).' })
export class SupplyRelationConnection extends Connection(SupplyRelation) {}

@ObjectType({ description: 'Result of a business mutation (主体).' })
export class BusinessPayload extends MutationPayload {
  @Field(() => Business, { nullable: true, description: 'The business after the change; null when userErrors is not empty.' }) business?: Business | null;
}
@ObjectType({ description: 'Result of a site mutation (场所).' })
export class SitePayload extends MutationPayload {
  @Field(() => Site, { nullable: true, description: 'The site after the change; null when userErrors is not empty.' }) site?: Site | null;
}
@ObjectType({ description: 'Result of a product model mutation (产品型号).' })
export class ProductModelPayload extends MutationPayload {
  @Field(() => ProductModel, { nullable: true, description: 'The model after the change; null when userErrors is not empty.' }) productModel?: ProductModel | null;
}
@ObjectType({ description: 'Result of a certificate mutation (证书).' })
export class CertificatePayload extends MutationPayload {
  @Field(() => Certificate, { nullable: true, description: 'The certificate after the change; null when userErrors is not empty.' }) certificate?: Certificate | null;
}
@ObjectType({ description: 'Result of a supply relation mutation (供货关系).' })
export class SupplyRelationPayload extends MutationPayload {
  @Field(() => SupplyRelation, { nullable: true, description: 'The relation after the change; null when userErrors is not empty.' }) supplyRelation?: SupplyRelation | null;
}

@ObjectType({ description: 'A business reached by a supply-chain trace (追溯节点).' })
export class SupplyChainNode {
  @Field(() => Business, { description: 'The business (主体).' }) business: Business;
  @Field(() => Int, { description: 'Fewest relations from the start, either way; 0 is the start (层级).' }) depth: number;
  @Field(() => Int, { nullable: true, description: 'Relations upstream of the start, if reached that way (上游层级).' }) upstreamDepth: number | null;
  @Field(() => Int, { nullable: true, description: 'Relations downstream of the start, if reached that way (下游层级).' }) downstreamDepth: number | null;
  businessId: string;
}

@ObjectType({ description: 'A supply relation followed by a trace (追溯边).' })
export class SupplyChainEdge {
  @Field(() => SupplyRelation, { description: 'The relation (供货关系).' }) relation: SupplyRelation;
  @Field(() => Int, { description: 'The step at which the relation was followed: depth of its near end + 1 (a relation closing a cycle may lead back to a nearer business) (层级).' }) depth: number;
  relationId: string;
}

@ObjectType({ description: 'Result of a supply-chain trace (供应链追溯): businesses and the relations between them.' })
export class SupplyChain {
  @Field(() => [SupplyChainNode], { description: 'Businesses reached, nearest first (节点).' }) nodes: SupplyChainNode[];
  @Field(() => [SupplyChainEdge], { description: 'Relations followed between the businesses returned (边).' }) edges: SupplyChainEdge[];
  @Field(() => Int, { description: 'Businesses reached within maxDepth, the start included, before the maxNodes cap (可达节点数).' }) reachedNodes: number;
  @Field({ description: 'True when more businesses were reached than maxNodes returns: ask again with a larger maxNodes or a smaller maxDepth (结果已截断).' }) truncated: boolean;
}

@Resolver()
export class RegistryResolver {
  // ---------- queries ----------

  @Roles(...RECORD_READERS)
  @Query(() => Business, { nullable: true, description: 'One business by id (主体).' })
  business(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Business id.' }) id: string, @Info() info: GraphQLResolveInfo) {
    return registry.businessById(ctx, id, fieldRowColumns(info, ctx.dataSource.getMetadata(Business)));
  }

  @Roles(...RECORD_READERS)
  @Query(() => Business, { nullable: true, description: 'The business with this USCC: the live one, else the latest archived (按统一社会信用代码查询).' })
  businessByUscc(@Ctx() ctx: Context, @Arg('uscc', { description: 'USCC, any case (统一社会信用代码).' }) uscc: string) {
    return registry.businessByUscc(ctx, uscc);
  }

  @Roles(...RECORD_READERS)
  @Query(() => BusinessConnection, { description: 'Businesses of the chain (主体列表), filtered and sorted.' })
  businesses(@Ctx() ctx: Context, @Args() args: BusinessesArgs, @Info() info: GraphQLResolveInfo) {
    return registry.listBusinesses(ctx, args, info);
  }

  @Roles(...RECORD_READERS)
  @Query(() => Site, { nullable: true, description: 'One site by id (场所).' })
  site(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Site id.' }) id: string) {
    return ctx.loaders.one(Site, 'id').load(id);
  }

  @Roles(...RECORD_READERS)
  @Query(() => SiteConnection, { description: 'Sites, by name (场所列表).' })
  sites(@Ctx() ctx: Context, @Args() args: SitesArgs, @Info() info: GraphQLResolveInfo) {
    return registry.listSites(ctx, args, info);
  }

  @Roles(...RECORD_READERS)
  @Query(() => ProductModel, { nullable: true, description: 'One product model by id (产品型号).' })
  productModel(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Model id.' }) id: string) {
    return registry.productModelLoader(ctx).load(id);
  }

  @Roles(...RECORD_READERS)
  @Query(() => ProductModelConnection, { description: 'Product models, by brand (产品型号列表).' })
  productModels(@Ctx() ctx: Context, @Args() args: ProductModelsArgs) {
    return registry.listProductModels(ctx, args);
  }

  @Roles(...RECORD_READERS)
  @Query(() => Certificate, { nullable: true, description: 'One certificate by id (证书).' })
  certificate(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Certificate id.' }) id: string) {
    return ctx.loaders.one(Certificate, 'id').load(id);
  }

  @Roles(...RECORD_READERS)
  @Query(() => CertificateConnection, { description: 'CCC certificates, by number (证书列表).' })
  certificates(@Ctx() ctx: Context, @Args() args: CertificatesArgs) {
    return registry.listCertificates(ctx, args);
  }

  @Roles(...RECORD_READERS)
  @Query(() => SupplyRelationConnection, { description: 'Supply relations, newest first (供货关系列表).' })
  supplyRelations(@Ctx() ctx: Context, @Args() args: SupplyRelationsArgs) {
    return registry.listSupplyRelations(ctx, args);
  }

  @Roles(...RECORD_READERS)
  @Query(() => SupplyChain, { description: 'Trace suppliers and buyers from a business or a product model, up to 6 relations deep, cycle-safe (供应链追溯).' })
  async supplyChain(@Ctx() ctx: Context, @Args() args: SupplyChainArgs, @Info() info: GraphQLResolveInfo): Promise<SupplyChain> {
    if (!!args.from.businessId === !!args.from.productModelId) throw badInput('from needs exactly one of businessId or productModelId', 'from');
    const r = await registry.supplyChain(ctx, args);
    // A trace has hundreds of nodes: their businesses are fetched here in one batch (when selected)
    // and set on the nodes, so `business` is a plain field — no resolver call or promise per node.
    // Only the business columns selected under `nodes { business { … } }` (src/common/projection.ts).
    const businessFields = selectedFieldNames(info, ['nodes', 'business']);
    const select = rowColumns('Business', businessFields, ctx.dataSource.getMetadata(Business));
    const businesses = businessFields.size ? await registry.businessLoader(ctx, select).loadMany(r.nodes.map((n) => n.businessId)) : [];
    return {
      nodes: r.nodes.map((n, i) => Object.assign(new SupplyChainNode(), n, { business: businesses[i] instanceof Business ? businesses[i] : null })),
      edges: r.edges.map((e) => Object.assign(new SupplyChainEdge(), e)),
      reachedNodes: r.reachedNodes,
      truncated: r.reachedNodes > r.nodes.length,
    };
  }

  // ---------- mutations ----------

  @Roles(...WRITERS)
  @Mutation(() => BusinessPayload, { description: 'Register a business (新增主体).' })
  async createBusiness(@Ctx() ctx: Context, @InputArg() input: CreateBusinessInput): Promise<BusinessPayload> {
    return { business: await registry.createBusiness(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => BusinessPayload, { description: 'Change a business (修改主体).' })
  async updateBusiness(@Ctx() ctx: Context, @InputArg() input: UpdateBusinessInput): Promise<BusinessPayload> {
    return { business: await registry.updateBusiness(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => BusinessPayload, { description: 'Archive a business; it is kept for history (归档主体).' })
  async archiveBusiness(@Ctx() ctx: Context, @InputArg() input: ArchiveInput): Promise<BusinessPayload> {
    return { business: await registry.archiveBusiness(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => SitePayload, { description: 'Register a site (新增场所).' })
  async createSite(@Ctx() ctx: Context, @InputArg() input: CreateSiteInput): Promise<SitePayload> {
    return { site: await registry.createSite(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => SitePayload, { description: 'Change a site (修改场所).' })
  async updateSite(@Ctx() ctx: Context, @InputArg() input: UpdateSiteInput): Promise<SitePayload> {
    return { site: await registry.updateSite(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => SitePayload, { description: 'Archive a site (归档场所).' })
  async archiveSite(@Ctx() ctx: Context, @InputArg() input: ArchiveInput): Promise<SitePayload> {
    return { site: await registry.archiveSite(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => ProductModelPayload, { description: 'Register a product model (新增产品型号).' })
  async createProductModel(@Ctx() ctx: Context, @InputArg() input: CreateProductModelInput): Promise<ProductModelPayload> {
    return { productModel: await registry.createProductModel(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => ProductModelPayload, { description: 'Change a product model (修改产品型号).' })
  async updateProductModel(@Ctx() ctx: Context, @InputArg() input: UpdateProductModelInput): Promise<ProductModelPayload> {
    return { productModel: await registry.updateProductModel(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => ProductModelPayload, { description: 'Archive a product model (归档产品型号).' })
  async archiveProductModel(@Ctx() ctx: Context, @InputArg() input: ArchiveInput): Promise<ProductModelPayload> {
    return { productModel: await registry.archiveProductModel(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => CertificatePayload, { description: 'Register a CCC certificate (新增CCC证书).' })
  async createCertificate(@Ctx() ctx: Context, @InputArg() input: CreateCertificateInput): Promise<CertificatePayload> {
    return { certificate: await registry.createCertificate(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => CertificatePayload, { description: 'Change a certificate’s details (修改证书).' })
  async updateCertificate(@Ctx() ctx: Context, @InputArg() input: UpdateCertificateInput): Promise<CertificatePayload> {
    return { certificate: await registry.updateCertificate(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => CertificatePayload, { description: 'Record a certificate status change with its reason (证书状态变更).' })
  async changeCertificateStatus(@Ctx() ctx: Context, @InputArg() input: ChangeCertificateStatusInput): Promise<CertificatePayload> {
    return { certificate: await registry.changeCertificateStatus(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => CertificatePayload, { description: 'Archive a certificate record (归档证书).' })
  async archiveCertificate(@Ctx() ctx: Context, @InputArg() input: ArchiveInput): Promise<CertificatePayload> {
    return { certificate: await registry.archiveCertificate(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => SupplyRelationPayload, { description: 'Record that one business supplies another (新增供货关系).' })
  async createSupplyRelation(@Ctx() ctx: Context, @InputArg() input: CreateSupplyRelationInput): Promise<SupplyRelationPayload> {
    return { supplyRelation: await registry.createSupplyRelation(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => SupplyRelationPayload, { description: 'Change a supply relation (修改供货关系).' })
  async updateSupplyRelation(@Ctx() ctx: Context, @InputArg() input: UpdateSupplyRelationInput): Promise<SupplyRelationPayload> {
    return { supplyRelation: await registry.updateSupplyRelation(ctx, input), userErrors: [] };
  }

  @Roles(...WRITERS)
  @Mutation(() => SupplyRelationPayload, { description: 'Archive a supply relation (归档供货关系).' })
  async archiveSupplyRelation(@Ctx() ctx: Context, @InputArg() input: ArchiveInput): Promise<SupplyRelationPayload> {
    return { supplyRelation: await registry.archiveSupplyRelation(ctx, input), userErrors: [] };
  }
}

function district(ctx: Context, code: string): Promise<District> {
  return districtByCode(ctx).load(code) as Promise<District>;
}

/** What the field resolvers below read off the row, so lists read only the selected columns (src/common/projection.ts). */
fieldColumns('Business', { district: ['districtCode'], usccWarnings: ['uscc'], certificates: [], sites: [], suppliers: [], supplierRelations: [], customerRelations: [], customers: [] });

@Resolver(() => Business)
export class BusinessResolver {
  @FieldResolver(() => District, { description: 'District (所在区县).' })
  district(@Root() b: Business, @Ctx() ctx: Context) {
    return district(ctx, b.districtCode);
  }

  @FieldResolver(() => [String], { description: 'Soft findings about the USCC: inner check, registration outside Leshan (代码提示).' })
  usccWarnings(@Root() b: Business): string[] {
    return b.uscc ? checkUscc(b.uscc).warnings : [];
  }

  @FieldResolver(() => [Certificate], { description: 'CCC certificates it holds, archived ones left out (持有证书).' })
  async certificates(@Root() b: Business, @Ctx() ctx: Context) {
    return (await registry.certificatesByHolder(ctx).load(b.id)).filter((c) => !c.archived);
  }

  @FieldResolver(() => [Site], { description: 'Sites it manages or operates (管理/运营的场所).' })
  async sites(@Root() b: Business, @Ctx() ctx: Context) {
    return (await registry.sitesByOperator(ctx).load(b.id)).filter((s) => s.status === 'ACTIVE');
  }

  @FieldResolver(() => BusinessConnection, { description: 'Businesses that supply it, by name (上游供货方).' })
  suppliers(@Root() b: Business, @Ctx() ctx: Context, @Args() page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<Business>> {
    return registry.counterparts(ctx, b, 'suppliers', page, info);
  }

  @FieldResolver(() => SupplyRelationConnection, {
    description: 'Its active supply relations as the buyer, newest first: each with its supplier, product model and first/last seen dates (作为购货方的供货关系). `suppliers` lists the same counterparts without the relations.',
  })
  supplierRelations(@Root() b: Business, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<ConnectionShape<SupplyRelation>> {
    return registry.listSupplyRelations(ctx, { first: page.first, after: page.after, last: page.last, before: page.before, filter: { buyerId: { eq: b.id } } });
  }

  @FieldResolver(() => SupplyRelationConnection, {
    description: 'Its active supply relations as the supplier, newest first: each with its buyer, product model and first/last seen dates (作为供货方的供货关系). `customers` lists the same counterparts without the relations.',
  })
  customerRelations(@Root() b: Business, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<ConnectionShape<SupplyRelation>> {
    return registry.listSupplyRelations(ctx, { first: page.first, after: page.after, last: page.last, before: page.before, filter: { supplierId: { eq: b.id } } });
  }

  @FieldResolver(() => BusinessConnection, { description: 'Businesses it supplies, by name (下游购货方).' })
  customers(@Root() b: Business, @Ctx() ctx: Context, @Args() page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<Business>> {
    return registry.counterparts(ctx, b, 'customers', page, info);
  }
}

fieldColumns('Site', { district: ['districtCode'], operator: ['operatorBusinessId'] });

@Resolver(() => Site)
export class SiteResolver {
  @FieldResolver(() => District, { description: 'District (所在区县).' })
  district(@Root() s: Site, @Ctx() ctx: Context) {
    return district(ctx, s.districtCode);
  }

  @FieldResolver(() => Business, { nullable: true, description: 'Managing or operating business (管理/运营单位).' })
  operator(@Root() s: Site, @Ctx() ctx: Context) {
    return s.operatorBusinessId ? registry.businessLoader(ctx).load(s.operatorBusinessId) : null;
  }
}

@Resolver(() => ProductModel)
export class ProductModelResolver {
  @FieldResolver(() => Business, { nullable: true, description: 'Manufacturer (生产企业).' })
  manufacturer(@Root() m: ProductModel, @Ctx() ctx: Context) {
    return m.manufacturerBusinessId ? registry.businessLoader(ctx).load(m.manufacturerBusinessId) : null;
  }

  @FieldResolver(() => [Certificate], { description: 'CCC certificates of the model (认证证书).' })
  async certificates(@Root() m: ProductModel, @Ctx() ctx: Context) {
    return (await registry.certificatesByModel(ctx).load(m.id)).filter((c) => !c.archived);
  }

  @FieldResolver(() => [Business], { description: 'Who manufactures, sells, repairs or recycles the model (生产、销售、维修、回收主体).' })
  businesses(@Root() m: ProductModel, @Ctx() ctx: Context, @Args() args: ChainRoleArgs) {
    return registry.modelBusinesses(ctx, args.role ?? null).load(m.id);
  }
}

@Resolver(() => Certificate)
export class CertificateResolver {
  @FieldResolver(() => Business, { nullable: true, description: 'Holder (持证企业).' })
  holder(@Root() c: Certificate, @Ctx() ctx: Context) {
    return c.holderBusinessId ? registry.businessLoader(ctx).load(c.holderBusinessId) : null;
  }

  @FieldResolver(() => ProductModel, { nullable: true, description: 'Certified product model (认证产品型号).' })
  productModel(@Root() c: Certificate, @Ctx() ctx: Context) {
    return c.productModelId ? registry.productModelLoader(ctx).load(c.productModelId) : null;
  }

  @FieldResolver(() => [CertificateStatusChange], { description: 'Every status change, oldest first (状态变更历史).' })
  statusHistory(@Root() c: Certificate, @Ctx() ctx: Context) {
    return registry.statusHistory(ctx).load(c.id);
  }
}

@Resolver(() => SupplyRelation)
export class SupplyRelationResolver {
  @FieldResolver(() => Business, { description: 'Supplier (供货方).' })
  async supplier(@Root() r: SupplyRelation, @Ctx() ctx: Context) {
    return registry.businessLoader(ctx).load(r.supplierBusinessId);
  }

  @FieldResolver(() => Business, { description: 'Buyer (购货方).' })
  async buyer(@Root() r: SupplyRelation, @Ctx() ctx: Context) {
    return registry.businessLoader(ctx).load(r.buyerBusinessId);
  }

  @FieldResolver(() => ProductModel, { nullable: true, description: 'Product model supplied (产品型号).' })
  productModel(@Root() r: SupplyRelation, @Ctx() ctx: Context) {
    return r.productModelId ? registry.productModelLoader(ctx).load(r.productModelId) : null;
  }
}

@Resolver(() => SupplyChainEdge)
export class SupplyChainEdgeResolver {
  @FieldResolver(() => SupplyRelation, { description: 'The relation (供货关系).' })
  relation(@Root() e: SupplyChainEdge, @Ctx() ctx: Context) {
    return ctx.loaders.one(SupplyRelation, 'id').load(e.relationId);
  }
}
