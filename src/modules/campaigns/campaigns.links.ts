import type { Context } from '../../common/context';
import { type ErrorCollector, UserErrorCode } from '../../common/errors';
import { Campaign } from './campaigns.entities';

/**
 * Linking a record to a campaign (inspections, items registered outside an inspection): the
 * campaign must exist, and its period must cover the record's day (Asia/Shanghai). Kept apart from
 * campaigns.service so the remediation module can use it without an import cycle.
 */
export async function campaignRef(ctx: Context, id: string | undefined | null, field: string, errors: ErrorCollector): Promise<Campaign | null> {
  if (!id) return null;
  const c = await ctx.em.findOne(Campaign, { where: { id } });
  if (!c) errors.add(UserErrorCode.INVALID_REFERENCE, field, '不存在该专项行动', 'No campaign with this id');
  return c;
}

/** The campaign's period must cover `day`; `dayZh` names the day in the Chinese message (检查日期, 发现日期). */
export function checkCampaignPeriod(campaign: Campaign, day: string, dayZh: string, field: string, errors: ErrorCollector): void {
  if (day < campaign.startsOn || day > campaign.endsOn) {
    errors.add(
      UserErrorCode.VALIDATION,
      field,
      `${dayZh} ${day} 不在专项行动 ${campaign.code} 的期间（${campaign.startsOn} 至 ${campaign.endsOn}）内`,
      `${day} is outside campaign ${campaign.code} (${campaign.startsOn} to ${campaign.endsOn})`,
    );
  }
}
