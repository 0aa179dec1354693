import type { Context } from '../../common/context';
import type { District } from '../reference/reference.entities';
import type { RemediationItem } from '../remediation/remediation.entities';
import { overdueDays, today } from '../remediation/remediation.service';
import { BulletinItem } from './reports.types';

/**
 * The bulletin's item lines from the item rows its lists selected: the names a bulletin prints
 * (business, site, team, hazard type) in one statement for both lists, districts from the table the
 * bulletin already read. The records themselves never leave the report (README "Access").
 */
export async function bulletinItems(ctx: Context, lists: RemediationItem[][], districts: District[]): Promise<BulletinItem[][]> {
  const ids = [...new Set(lists.flat().map((i) => i.id))];
  const names = new Map<string, { business: string | null; site: string | null; team: string | null; hazard: string | null }>();
  if (ids.length) {
    const rows: { id: string; business: string | null; site: string | null; team: string | null; hazard: string | null }[] = await ctx.em.query(
      `SELECT i.id, b.name AS business, s.name AS site, t.name_zh AS team, h.name_zh AS hazard
         FROM remediation_item i
         LEFT JOIN business b ON b.id = i.business_id
         LEFT JOIN site s ON s.id = i.site_id
         LEFT JOIN task_team t ON t.id = i.team_id
         LEFT JOIN hazard_type h ON h.code = i.hazard_type_code
        WHERE i.id = ANY($1)`,
      [ids],
    );
    for (const r of rows) names.set(r.id, r);
  }
  const districtName = new Map(districts.map((d) => [d.code, d.name]));
  const day = today(ctx);
  return lists.map((list) =>
    list.map((i) => {
      const n = names.get(i.id);
      return Object.assign(new BulletinItem(), {
        code: i.code,
        hazardTypeCode: i.hazardTypeCode,
        hazardTypeName: n?.hazard ?? null,
        level: i.level,
        isMajorFireHazard: i.isMajorFireHazard,
        stage: i.stage,
        districtCode: i.districtCode,
        districtName: districtName.get(i.districtCode) ?? null,
        teamName: n?.team ?? null,
        businessName: n?.business ?? null,
        siteName: n?.site ?? null,
        status: i.status,
        discoveredOn: i.discoveredOn,
        deadline: i.deadline,
        listed: i.listed,
        overdueDays: overdueDays(i, day),
      });
    }),
  );
}
