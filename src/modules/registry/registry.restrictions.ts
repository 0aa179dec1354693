import { LocalDate } from '../../common/scalars';
import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../common/context';
import { fieldColumns } from '../../common/projection';
import { badInput } from '../../common/errors';
import { shanghaiDate } from '../../common/time';
import { MILESTONE } from '../reference/reference.data';
import { Business, ProductModel, SupplyRelation } from './registry.entities';

/**
 * "Who still sells what may no longer be sold" (DOMAIN.md §9, §8.2). The rules are fixed here; the
 * dates they start from are the regulatory_milestone rows (reference data, editable), read by code.
 *
 * - GB17761_2018_ONLY: a vehicle declaring GB 17761-2018 and not GB 17761-2024, from
 *   GB17761_2018_SALES_END (2025-12-01).
 * - NO_VALID_CCC: no valid CCC certificate (VALID, issued by and not expired on the day, not archived):
 *   vehicles from NEW_STANDARDS_ENFORCED (2024-11-01), lithium batteries and chargers from
 *   BATTERY_CHARGER_CCC_REQUIRED (2025-11-01). Lead-acid batteries are outside that CCC scope.
 * - CERTIFICATE_SUSPENDED / CERTIFICATE_WITHDRAWN: the model's certificate is suspended or withdrawn
 *   and it has no valid one; from whenever that happened (the certificate's own status, no date rule).
 *
 * A model that declares no standard is not judged on standards: an empty list means "not recorded".
 * Certificate statuses are today's; `asOf` moves the milestone dates, not the certificate history.
 */

export enum SaleRestrictionReason {
  GB17761_2018_ONLY = 'GB17761_2018_ONLY',
  NO_VALID_CCC = 'NO_VALID_CCC',
  CERTIFICATE_SUSPENDED = 'CERTIFICATE_SUSPENDED',
  CERTIFICATE_WITHDRAWN = 'CERTIFICATE_WITHDRAWN',
}

registerEnumType(SaleRestrictionReason, {
  name: 'SaleRestrictionReason',
  description: 'Why a product model may no longer be sold (禁止销售原因), DOMAIN.md §9.',
  valuesConfig: {
    GB17761_2018_ONLY: { description: 'Vehicle meets GB 17761-2018 only, after the old edition’s last sale day (仅符合GB 17761-2018旧标准)' },
    NO_VALID_CCC: { description: 'No valid CCC certificate after the CCC cut-over for its kind (无有效CCC证书)' },
    CERTIFICATE_SUSPENDED: { description: 'Its CCC certificate is suspended (证书暂停)' },
    CERTIFICATE_WITHDRAWN: { description: 'Its CCC certificate is withdrawn (证书撤销)' },
  },
});

export enum SupplyRole {
  SUPPLIER = 'SUPPLIER',
  BUYER = 'BUYER',
}

registerEnumType(SupplyRole, {
  name: 'SupplyRole',
  description: 'A business’s side of a supply relation (供货关系中的角色).',
  valuesConfig: {
    SUPPLIER: { description: 'It supplies (sells) the model (供货方)' },
    BUYER: { description: 'It buys the model to sell on: a business in the sales stage (购货方/转售)' },
  },
});

const MESSAGES: Record<SaleRestrictionReason, [zh: string, en: string]> = {
  GB17761_2018_ONLY: ['仅符合GB 17761-2018，已过旧标准车辆销售截止日', 'Meets GB 17761-2018 only; the old edition may no longer be sold'],
  NO_VALID_CCC: ['无有效CCC认证证书，已过该类产品强制认证节点', 'No valid CCC certificate after the CCC cut-over for its kind'],
  CERTIFICATE_SUSPENDED: ['CCC认证证书已暂停', 'Its CCC certificate is suspended'],
  CERTIFICATE_WITHDRAWN: ['CCC认证证书已撤销', 'Its CCC certificate is withdrawn'],
};

@ObjectType({ description: 'A reason a product model may no longer be sold (禁止销售原因).' })
export class ProductSaleRestriction {
  @Field(() => SaleRestrictionReason, { description: 'Reason (原因).' }) reason: SaleRestrictionReason;
  @Field(() => LocalDate, { nullable: true, description: 'Applies from, YYYY-MM-DD: the milestone’s date, or the date the certificate status took effect when recorded (起始日期).' }) since: string | null;
  @Field(() => String, { nullable: true, description: 'Code of the regulatory milestone that sets the date (法规节点代码).' }) milestoneCode: string | null;
  @Field(() => String, { nullable: true, description: 'The suspended or withdrawn certificate (证书编号).' }) certificateNumber: string | null;
  @Field({ description: 'Explanation in Chinese (说明).' }) message: string;
  @Field({ description: 'Explanation in English (说明, 英文).' }) messageEn: string;
}

@ObjectType({ description: 'A supply relation through which a business still trades a model that may no longer be sold (在售禁售产品).' })
export class RestrictedProductSale {
  @Field(() => SupplyRole, { description: 'Its side of the relation (角色).' }) role: SupplyRole;
  @Field(() => LocalDate, { nullable: true, description: 'Relation last seen, YYYY-MM-DD (最近发现日期).' }) lastSeenOn: string | null;
  @Field(() => [ProductSaleRestriction], { description: 'Why the model may no longer be sold (禁止销售原因).' }) restrictions: ProductSaleRestriction[];
  modelId: string;
  relationId: string;
}

/**
 * The restrictions of the models selected by `models` (SQL returning product model ids) on the day
 * `asOf` (a SQL date expression). Columns: model_id, reason, since, milestone_code, certificate_number.
 */
export function restrictionsSql(models: string, asOf: string): string {
  return `
    WITH m AS (SELECT pm.id, pm.kind::text AS kind, pm.standards::text[] AS standards FROM product_model pm WHERE pm.id IN (${models})),
    cs AS (
      SELECT c.product_model_id AS model_id,
        bool_or(c.status = 'VALID' AND (c.issued_on IS NULL OR c.issued_on <= ${asOf}) AND (c.expires_on IS NULL OR c.expires_on >= ${asOf})) AS has_valid,
        min(c.number) FILTER (WHERE c.status = 'SUSPENDED') AS suspended_no,
        min(c.number) FILTER (WHERE c.status = 'WITHDRAWN') AS withdrawn_no
      FROM certificate c WHERE NOT c.archived AND c.product_model_id IN (SELECT id FROM m) GROUP BY c.product_model_id),
    ms AS (SELECT code, effective_on FROM regulatory_milestone WHERE effective_on IS NOT NULL AND effective_on <= ${asOf})
    SELECT m.id AS model_id, 'GB17761_2018_ONLY' AS reason, ms.effective_on AS since, ms.code AS milestone_code, NULL::text AS certificate_number
      FROM m JOIN ms ON ms.code = '${MILESTONE.GB17761_2018_SALES_END}'
     WHERE m.kind = 'VEHICLE' AND 'GB17761_2018' = ANY(m.standards) AND NOT ('GB17761_2024' = ANY(m.standards))
    UNION ALL
    SELECT m.id, 'NO_VALID_CCC', ms.effective_on, ms.code, NULL
      FROM m LEFT JOIN cs ON cs.model_id = m.id
      JOIN ms ON ms.code = CASE m.kind WHEN 'VEHICLE' THEN '${MILESTONE.VEHICLE_CCC}' WHEN 'LITHIUM_BATTERY' THEN '${MILESTONE.BATTERY_CHARGER_CCC}' WHEN 'CHARGER' THEN '${MILESTONE.BATTERY_CHARGER_CCC}' END
     WHERE NOT coalesce(cs.has_valid, FALSE) AND cs.suspended_no IS NULL AND cs.withdrawn_no IS NULL
    UNION ALL
    SELECT m.id, 'CERTIFICATE_SUSPENDED',
      (SELECT max(h.effective_on) FROM certificate_status_change h JOIN certificate c ON c.id = h.certificate_id WHERE c.number = cs.suspended_no AND h.to_status = 'SUSPENDED'),
      NULL, cs.suspended_no
      FROM m JOIN cs ON cs.model_id = m.id WHERE NOT cs.has_valid AND cs.suspended_no IS NOT NULL
    UNION ALL
    SELECT m.id, 'CERTIFICATE_WITHDRAWN',
      (SELECT max(h.effective_on) FROM certificate_status_change h JOIN certificate c ON c.id = h.certificate_id WHERE c.number = cs.withdrawn_no AND h.to_status = 'WITHDRAWN'),
      NULL, cs.withdrawn_no
      FROM m JOIN cs ON cs.model_id = m.id WHERE NOT cs.has_valid AND cs.withdrawn_no IS NOT NULL`;
}

/**
 * Who trades a restricted model through an ACTIVE supply relation seen on or after the day the
 * restriction began (or with no last-seen date): the supplier, and a buyer in the sales stage (it
 * sells on; a delivery firm buying vehicles for its riders does not). Businesses closed or archived
 * are left out. `relations` is a condition on `sr` narrowing the relations looked at.
 * Columns: business_id, relation_id, role, model_id, last_seen_on, and the restriction's.
 */
export function restrictedSalesSql(relations: string, asOf: string): string {
  const rel = `sr0.status = 'ACTIVE' AND sr0.product_model_id IS NOT NULL AND (${relations.replace(/\bsr\./g, 'sr0.')})`;
  return `
    WITH r AS (${restrictionsSql(`SELECT sr0.product_model_id FROM supply_relation sr0 WHERE ${rel}`, asOf)})
    SELECT s.business_id, sr.id AS relation_id, s.role, sr.product_model_id AS model_id, sr.last_seen_on::text AS last_seen_on,
      r.reason, r.since::text AS since, r.milestone_code, r.certificate_number
    FROM supply_relation sr
    JOIN r ON r.model_id = sr.product_model_id
    CROSS JOIN LATERAL (VALUES (sr.supplier_business_id, 'SUPPLIER'), (sr.buyer_business_id, 'BUYER')) s(business_id, role)
    JOIN business b ON b.id = s.business_id
    WHERE sr.status = 'ACTIVE' AND (${relations})
      AND (sr.last_seen_on IS NULL OR r.since IS NULL OR sr.last_seen_on >= r.since)
      AND b.status IN ('ACTIVE', 'SUSPENDED')
      AND (s.role = 'SUPPLIER' OR 'SALES' = ANY(b.stages::text[]))`;
}

interface RestrictionRow {
  model_id: string;
  reason: SaleRestrictionReason;
  since: string | Date | null;
  milestone_code: string | null;
  certificate_number: string | null;
}

function restriction(r: RestrictionRow): ProductSaleRestriction {
  const [message, messageEn] = MESSAGES[r.reason];
  const since = r.since instanceof Date ? shanghaiDate(r.since) : r.since;
  return Object.assign(new ProductSaleRestriction(), { reason: r.reason, since, milestoneCode: r.milestone_code, certificateNumber: r.certificate_number, message, messageEn });
}

const ORDER = Object.values(SaleRestrictionReason);
const byReason = (a: ProductSaleRestriction, b: ProductSaleRestriction) => ORDER.indexOf(a.reason) - ORDER.indexOf(b.reason);

/** The day the rules are applied on: `asOf`, or today in Asia/Shanghai. */
function day(ctx: Context, asOf: string | null | undefined): string {
  if (asOf === null || asOf === undefined) return shanghaiDate(ctx.now());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) throw badInput('asOf must be a date YYYY-MM-DD', 'asOf');
  return asOf;
}

function modelRestrictions(ctx: Context, asOf: string) {
  return ctx.loaders.get<string, ProductSaleRestriction[]>(`ProductModel.saleRestrictions@${asOf}`, async (ids, em) => {
    const rows: RestrictionRow[] = await em.query(restrictionsSql('SELECT unnest($2::uuid[])', '$1::date'), [asOf, ids]);
    const out = new Map<string, ProductSaleRestriction[]>();
    for (const r of rows) out.set(r.model_id, [...(out.get(r.model_id) ?? []), restriction(r)]);
    return ids.map((id) => (out.get(id) ?? []).sort(byReason));
  });
}

function businessRestrictedSales(ctx: Context, asOf: string) {
  return ctx.loaders.get<string, RestrictedProductSale[]>(`Business.restrictedProductSales@${asOf}`, async (ids, em) => {
    const rows: (RestrictionRow & { business_id: string; relation_id: string; role: SupplyRole; last_seen_on: string | null })[] = await em.query(
      `SELECT * FROM (${restrictedSalesSql('sr.supplier_business_id = ANY($2::uuid[]) OR sr.buyer_business_id = ANY($2::uuid[])', '$1::date')}) x
       WHERE x.business_id = ANY($2::uuid[]) ORDER BY x.business_id, x.last_seen_on DESC NULLS FIRST, x.relation_id, x.role`,
      [asOf, ids],
    );
    const out = new Map<string, Map<string, RestrictedProductSale>>();
    for (const r of rows) {
      const sales = out.get(r.business_id) ?? new Map<string, RestrictedProductSale>();
      out.set(r.business_id, sales);
      const k = `${r.relation_id}|${r.role}`;
      const sale = sales.get(k) ?? Object.assign(new RestrictedProductSale(), { role: r.role, lastSeenOn: r.last_seen_on, restrictions: [], modelId: r.model_id, relationId: r.relation_id });
      sales.set(k, sale);
      sale.restrictions.push(restriction(r));
    }
    return ids.map((id) => [...(out.get(id)?.values() ?? [])].map((s) => (s.restrictions.sort(byReason), s)));
  });
}

const AS_OF = { nullable: true, description: 'Day the rules are applied on, YYYY-MM-DD; default today, Asia/Shanghai (判定日期).' } as const;

@Resolver(() => ProductModel)
export class ProductModelRestrictionsResolver {
  @FieldResolver(() => [ProductSaleRestriction], { description: 'Why the model may no longer be sold on the day, empty when it may (禁止销售原因). Rules: README "Standards and cut-over dates".' })
  saleRestrictions(@Root() m: ProductModel, @Ctx() ctx: Context, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string | null): Promise<ProductSaleRestriction[]> {
    return modelRestrictions(ctx, day(ctx, asOf)).load(m.id);
  }

  @FieldResolver(() => Boolean, { description: 'True when saleRestrictions is not empty (禁止销售).' })
  async mayNoLongerBeSold(@Root() m: ProductModel, @Ctx() ctx: Context, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string | null): Promise<boolean> {
    return (await modelRestrictions(ctx, day(ctx, asOf)).load(m.id)).length > 0;
  }
}

fieldColumns('Business', { restrictedProductSales: [], sellsRestrictedProducts: [] });

@Resolver(() => Business)
export class BusinessRestrictionsResolver {
  @FieldResolver(() => [RestrictedProductSale], { description: 'Models it still supplies, or buys to sell on, that may no longer be sold on the day (在售禁售产品).' })
  restrictedProductSales(@Root() b: Business, @Ctx() ctx: Context, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string | null): Promise<RestrictedProductSale[]> {
    return businessRestrictedSales(ctx, day(ctx, asOf)).load(b.id);
  }

  @FieldResolver(() => Boolean, { description: 'True when restrictedProductSales is not empty (仍在销售禁售产品).' })
  async sellsRestrictedProducts(@Root() b: Business, @Ctx() ctx: Context, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string | null): Promise<boolean> {
    return (await businessRestrictedSales(ctx, day(ctx, asOf)).load(b.id)).length > 0;
  }
}

@Resolver(() => RestrictedProductSale)
export class RestrictedProductSaleResolver {
  @FieldResolver(() => ProductModel, { description: 'The model (产品型号).' })
  async productModel(@Root() s: RestrictedProductSale, @Ctx() ctx: Context): Promise<ProductModel> {
    return (await ctx.loaders.one(ProductModel, 'id').load(s.modelId))!;
  }

  @FieldResolver(() => SupplyRelation, { description: 'The supply relation (供货关系).' })
  async supplyRelation(@Root() s: RestrictedProductSale, @Ctx() ctx: Context): Promise<SupplyRelation> {
    return (await ctx.loaders.one(SupplyRelation, 'id').load(s.relationId))!;
  }

  @FieldResolver(() => ID, { description: 'Id of the supply relation (供货关系ID).' })
  supplyRelationId(@Root() s: RestrictedProductSale): string {
    return s.relationId;
  }
}
