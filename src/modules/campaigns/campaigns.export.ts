import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { CampaignPhase } from '../reference/reference.enums';
import { CampaignKind } from './campaigns.enums';
import type { Dispatch } from './campaigns.types';

const KIND_ZH: Record<CampaignKind, string> = {
  [CampaignKind.NIGHT_CHECK]: '夜查',
  [CampaignKind.CONCENTRATED_ACTION]: '集中整治',
  [CampaignKind.JOINT_ENFORCEMENT]: '联合执法',
  [CampaignKind.SPECIAL_INSPECTION]: '专项检查',
  [CampaignKind.UNANNOUNCED_VISITS]: '暗访',
  [CampaignKind.OTHER]: '其他',
};
const PHASE_ZH: Record<CampaignPhase, string> = {
  [CampaignPhase.MOBILIZATION]: '动员部署',
  [CampaignPhase.CONCENTRATED]: '集中整治',
  [CampaignPhase.PROBLEM_FIXING]: '问题集中纠治',
  [CampaignPhase.CONSOLIDATION]: '巩固提升',
};

const PERCENT = '0.0%';
const MONEY = '#,##0.00';
const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/**
 * One sheet as an office prints it: a merged bold title, a bold shaded header, thin borders, the
 * title and header frozen, numbers as numbers (rates as percentages, money with two decimals).
 */
function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], rows: (string | number | null)[][], formats: Record<number, string> = {}, widths: number[] = []): number {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, header.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 24;
  const h = ws.addRow(header);
  h.eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = BORDER;
      if (formats[col]) c.numFmt = formats[col];
    });
  }
  header.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i] ?? (i === 0 ? 22 : 12)));
  return rows.length;
}

/** The weekly dispatch (调度) as a workbook: summary, task lists per team, campaigns. Aggregates only, no personal data. */
export async function writeDispatchWorkbook(d: Dispatch, out: Writable): Promise<number> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ebike-remediation-api';
  const span = `${d.period.from}至${d.period.to}`;
  const r = d.remediation;
  let rows = sheet(wb, '调度汇总', `电动自行车安全隐患全链条整治周调度表（${span}，截至${d.asOf}）`, ['指标', '数值', '单位'], [
    ['联合检查', d.deployment.jointOperations, '次'],
    ['出动检查组', d.deployment.groupsDispatched, '个'],
    ['出动人次', d.deployment.officerVisits, '人次'],
    ['检查次数', d.inspections.inspections, '次'],
    ['检查单位', d.inspections.businessesInspected, '家'],
    ['发现隐患', r.found, '处'],
    ['已销号', r.closed, '处'],
    ['整改率', r.rectificationRate, '%'],
    ['逾期存量', r.overdueBacklog, '处'],
    ['立案', d.enforcement.casesFiled, '起'],
    ['罚没金额', Number(d.enforcement.finesAndConfiscations), '元'],
    ['警示提醒', d.warningsIssued, '次'],
    ['其中：警示企业', d.warningsToBusinesses, '家次'],
    ['其中：警示区县', d.warningsToDistricts, '次'],
    ['典型案例曝光', d.casesExposed, '起'],
  ], {}, [22, 14, 8]);
  // Per-row formats of the summary: the rate and the money.
  const ws = wb.getWorksheet('调度汇总')!;
  ws.getCell('B10').numFmt = PERCENT;
  ws.getCell('B13').numFmt = MONEY;

  const sum = (k: keyof Dispatch['teams'][number]) => d.teams.reduce((a, t) => a + (t[k] as number), 0);
  rows += sheet(wb, '任务完成情况', `各工作组任务清单完成情况（${span}）`, ['工作组', '任务总数', '本期完成', '本期到期', '按期完成', '逾期未完成', '累计完成'], [
    ...d.teams.map((t) => [t.teamName, t.tasks, t.doneInPeriod, t.dueInPeriod, t.dueDoneOnTime, t.overdue, t.doneTotal]),
    ['合计', sum('tasks'), sum('doneInPeriod'), sum('dueInPeriod'), sum('dueDoneOnTime'), sum('overdue'), sum('doneTotal')],
  ]);
  rows += sheet(
    wb,
    '专项行动',
    `专项行动开展情况（截至${d.asOf}累计）`,
    ['行动编号', '行动名称', '类型', '阶段', '开始日期', '结束日期', '检查次数', '检查单位', '目标主体', '已覆盖', '覆盖率', '检查场所', '目标场所', '已覆盖场所', '场所覆盖率',
      '发现隐患', '已销号', '整改率', '立案', '罚没金额(元)', '出动检查组', '出动人次', '警示提醒'],
    d.campaigns.map((c) => {
      const x = c.results;
      return [c.code, c.name, KIND_ZH[c.kind], PHASE_ZH[c.phase], c.startsOn, c.endsOn, x.inspections, x.businessesInspected, x.targetPopulation, x.businessesCovered, x.coverageRate,
        x.sitesInspected, x.targetSites, x.sitesCovered, x.siteCoverageRate,
        x.hazardsFound, x.hazardsClosed, x.rectificationRate, x.casesFiled, Number(x.finesAndConfiscations), x.groupsDispatched, x.officerVisits, x.warnings];
    }),
    { 11: PERCENT, 15: PERCENT, 18: PERCENT, 20: MONEY },
    [18, 28],
  );
  await wb.xlsx.write(out);
  return rows;
}
