/**
 * Side by side with a PostGraphile v5 peer over the same database (`npm run bench -- --peer URL`):
 * the four reads and `{ __typename }`, each written for both servers, checked to return the
 * same data (after renaming fields), with a hand-written SQL floor for the reads.
 *
 * What PostGraphile cannot express the same way, and how the two are kept doing the same work:
 * - It orders every connection by columns of its own table: a buyer's suppliers cannot be ordered by
 *   the supplier's name. The partner list therefore asks for `suppliers(first: 10)`, which is every
 *   active supplier of a buyer in the seeded data (at most 10), and the peer for every ACTIVE
 *   relation; the comparison dedupes the peer's suppliers and drops archived ones (what the service
 *   does in SQL) and compares the lists as sets.
 * - `Inspection.remediationItems` has no `first`: the lookup picks the business with the most
 *   inspections among those whose inspections have at most 10 items each, so `first: 10` on the
 *   peer's side returns them all; inner lists are compared as sets.
 */
import type { Pool } from 'pg';
import type { Params } from './ops';

export interface PeerParams extends Params {
  /** The business of the lookup: most inspections, none with more than 10 items. */
  lookupBusiness: string;
}

export interface PeerOperation {
  key: string;
  title: string;
  service: { query: string; variables: (p: PeerParams) => Record<string, unknown> };
  peer: { query: string; variables: (p: PeerParams) => Record<string, unknown> };
  /** Both answers mapped to one shape (sorted where the order is not part of the question). */
  normalize: { service: (data: any) => unknown; peer: (data: any) => unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Hand-written SQL returning the same data; number of rows. Absent for `{ __typename }`. */
  floor?: (pool: Pool, p: PeerParams) => Promise<number>;
}

const NOT_OPEN = `('VERIFIED', 'CLOSED', 'INVALIDATED')`;
const bySort = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
const n = (r: { rowCount: number | null; rows: unknown[] }) => r.rowCount ?? r.rows.length;

export async function peerParameters(pool: Pool, base: Params): Promise<PeerParams> {
  const row = (
    await pool.query(
      `SELECT n.target_business_id AS id FROM inspection n JOIN business b ON b.id = n.target_business_id AND b.status <> 'ARCHIVED'
        GROUP BY 1 HAVING max((SELECT count(*) FROM remediation_item i WHERE i.inspection_id = n.id)) <= 10
        ORDER BY count(*) DESC, 1 LIMIT 1`,
    )
  ).rows[0];
  if (!row) throw new Error('the seeded data has no business with inspections');
  return { ...base, lookupBusiness: row.id };
}

export const PEER_OPERATIONS: PeerOperation[] = [
  {
    key: 'typename',
    title: '{ __typename } (fixed cost per request)',
    service: { query: '{ __typename }', variables: () => ({}) },
    peer: { query: '{ __typename }', variables: () => ({}) },
    normalize: { service: (d) => d, peer: (d) => d },
  },
  {
    key: 'partners50',
    title: 'partner list: district + type, first 50, district, certificates, suppliers',
    service: {
      query: `query P($district: String!, $type: BusinessType!) {
  businesses(first: 50, filter: { district: { eq: $district }, type: { eq: $type } }) {
    nodes { id name district { name } certificates { number status } suppliers(first: 10) { nodes { id name } } }
  }
}`,
      variables: (p) => ({ district: p.partnerDistrict, type: p.partnerType }),
    },
    peer: {
      query: `query P($district: String!, $type: BusinessType!) {
  allBusinesses(first: 50, orderBy: [NAME_ASC, PRIMARY_KEY_ASC],
    filter: { districtCode: { equalTo: $district }, types: { contains: [$type] }, status: { notEqualTo: ARCHIVED } }) {
    nodes {
      rowId name districtByDistrictCode { name }
      certificatesByHolderBusinessId(filter: { archived: { equalTo: false } }) { nodes { number status } }
      supplyRelationsByBuyerBusinessId(filter: { status: { equalTo: ACTIVE } }) { nodes { businessBySupplierBusinessId { rowId name status } } }
    }
  }
}`,
      variables: (p) => ({ district: p.partnerDistrict, type: p.partnerType }),
    },
    normalize: {
      service: (d) =>
        d.businesses.nodes.map((b: any) => ({ id: b.id, name: b.name, district: b.district.name, certificates: bySort(b.certificates), suppliers: bySort(b.suppliers.nodes) })),
      peer: (d) =>
        d.allBusinesses.nodes.map((b: any) => {
          const sup = new Map<string, { id: string; name: string }>();
          for (const r of b.supplyRelationsByBuyerBusinessId.nodes) {
            const s = r.businessBySupplierBusinessId;
            if (s && s.status !== 'ARCHIVED') sup.set(s.rowId, { id: s.rowId, name: s.name });
          }
          return { id: b.rowId, name: b.name, district: b.districtByDistrictCode.name, certificates: bySort(b.certificatesByHolderBusinessId.nodes), suppliers: bySort([...sup.values()]) };
        }),
    },
    floor: async (pool, p) => {
      const page = await pool.query(
        `SELECT b.id, b.name, d.name AS district FROM business b JOIN district d ON d.code = b.district_code
          WHERE b.district_code = $1 AND b.types @> ARRAY[$2]::business_type[] AND b.status <> 'ARCHIVED' ORDER BY b.name, b.id LIMIT 51`,
        [p.partnerDistrict, p.partnerType],
      );
      const ids = page.rows.slice(0, 50).map((r) => r.id as string);
      const [c, s] = await Promise.all([
        pool.query(`SELECT holder_business_id, number, status FROM certificate WHERE holder_business_id = ANY($1::uuid[]) AND NOT archived ORDER BY 1, 2`, [ids]),
        pool.query(
          `SELECT DISTINCT r.buyer_business_id, b.id, b.name FROM supply_relation r JOIN business b ON b.id = r.supplier_business_id AND b.status <> 'ARCHIVED'
            WHERE r.buyer_business_id = ANY($1::uuid[]) AND r.status = 'ACTIVE'`,
          [ids],
        ),
      ]);
      return n(page) + n(c) + n(s);
    },
  },
  {
    key: 'overdue50',
    title: 'items of a district, open and overdue, first 50 by deadline, business and hazard type',
    service: {
      query: `query O($district: String!) {
  remediationItems(first: 50, filter: { district: { eq: $district }, overdue: { eq: true } }, orderBy: { field: DEADLINE, direction: ASC }) {
    nodes { id code level status deadline business { name } hazardType { code nameZh } }
  }
}`,
      variables: (p) => ({ district: p.itemDistrict }),
    },
    peer: {
      query: `query O($district: String!, $today: Date!) {
  allRemediationItems(first: 50, orderBy: [DEADLINE_ASC, PRIMARY_KEY_ASC],
    filter: { districtCode: { equalTo: $district }, deadline: { lessThan: $today }, status: { notIn: [VERIFIED, CLOSED, INVALIDATED] } }) {
    nodes { rowId code level status deadline businessByBusinessId { name } hazardTypeByHazardTypeCode { code nameZh } }
  }
}`,
      variables: (p) => ({ district: p.itemDistrict, today: p.today }),
    },
    normalize: {
      service: (d) => d.remediationItems.nodes.map((i: any) => ({ id: i.id, code: i.code, level: i.level, status: i.status, deadline: i.deadline, business: i.business?.name ?? null, hazard: i.hazardType })),
      peer: (d) =>
        d.allRemediationItems.nodes.map((i: any) => ({ id: i.rowId, code: i.code, level: i.level, status: i.status, deadline: i.deadline, business: i.businessByBusinessId?.name ?? null, hazard: i.hazardTypeByHazardTypeCode })),
    },
    floor: async (pool, p) =>
      n(
        await pool.query(
          `SELECT i.id, i.code, i.level, i.status, i.deadline, b.name AS business, h.code AS hcode, h.name_zh
             FROM remediation_item i LEFT JOIN business b ON b.id = i.business_id JOIN hazard_type h ON h.code = i.hazard_type_code
            WHERE i.district_code = $1 AND i.deadline < $2::date AND i.status NOT IN ${NOT_OPEN}
            ORDER BY i.deadline, i.id LIMIT 51`,
          [p.itemDistrict, p.today],
        ),
      ),
  },
  {
    key: 'business',
    title: 'one business with inspections (first 10) and their items',
    service: {
      query: `query B($id: ID!) {
  business(id: $id) { id name }
  inspections(first: 10, filter: { businessId: { eq: $id } }) { nodes { id code remediationItems { id code status } } }
}`,
      variables: (p) => ({ id: p.lookupBusiness }),
    },
    peer: {
      query: `query B($id: UUID!) {
  businessByRowId(rowId: $id) {
    rowId name
    inspectionsByTargetBusinessId(first: 10, orderBy: [STARTED_AT_DESC, PRIMARY_KEY_DESC]) {
      nodes { rowId code remediationItemsByInspectionId(first: 10) { nodes { rowId code status } } }
    }
  }
}`,
      variables: (p) => ({ id: p.lookupBusiness }),
    },
    normalize: {
      service: (d) => ({
        id: d.business.id,
        name: d.business.name,
        inspections: d.inspections.nodes.map((n: any) => ({ id: n.id, code: n.code, items: bySort(n.remediationItems) })),
      }),
      peer: (d) => ({
        id: d.businessByRowId.rowId,
        name: d.businessByRowId.name,
        inspections: d.businessByRowId.inspectionsByTargetBusinessId.nodes.map((n: any) => ({
          id: n.rowId,
          code: n.code,
          items: bySort(n.remediationItemsByInspectionId.nodes.map((i: any) => ({ id: i.rowId, code: i.code, status: i.status }))),
        })),
      }),
    },
    floor: async (pool, p) => {
      const [b, ins] = await Promise.all([
        pool.query(`SELECT id, name FROM business WHERE id = $1`, [p.lookupBusiness]),
        pool.query(`SELECT id, code FROM inspection WHERE target_business_id = $1 ORDER BY started_at DESC, id DESC LIMIT 11`, [p.lookupBusiness]),
      ]);
      const items = await pool.query(`SELECT inspection_id, id, code, status FROM remediation_item WHERE inspection_id = ANY($1::uuid[])`, [ins.rows.slice(0, 10).map((r) => r.id)]);
      return n(b) + n(ins) + n(items);
    },
  },
  {
    key: 'count',
    title: 'totalCount of items in a district',
    service: {
      query: `query C($district: String!) { remediationItems(first: 1, filter: { district: { eq: $district } }) { totalCount } }`,
      variables: (p) => ({ district: p.itemDistrict }),
    },
    peer: {
      query: `query C($district: String!) { allRemediationItems(condition: { districtCode: $district }) { totalCount } }`,
      variables: (p) => ({ district: p.itemDistrict }),
    },
    normalize: { service: (d) => d.remediationItems.totalCount, peer: (d) => d.allRemediationItems.totalCount },
    floor: async (pool, p) => n(await pool.query(`SELECT count(*)::int FROM remediation_item WHERE district_code = $1`, [p.itemDistrict])),
  },
];

/** First difference between two normalized answers, or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${path}: ${a.length} vs ${b.length} entries`;
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
