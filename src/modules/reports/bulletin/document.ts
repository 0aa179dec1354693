/**
 * The bulletin as a document (通报文档): one layout-free description of what the bulletin says —
 * title, period, headline sentences, tables of typed cells, charts — built from ONE `Bulletin`
 * result (the `bulletin` query's). The page (html.ts), the Word file (docx.ts) and the workbook
 * (xlsx.ts) only render this, so their figures cannot differ; a new figure of the bulletin is added
 * here once (a row of `headline`, a column or a table) and appears in all three.
 */
import type { Bulletin, BulletinItem, RemediationStatisticsRow } from '../reports.types';
import { StatisticsDimension } from '../reports.types';
import { districtBarChart, trendLineChart, type TrendPoint } from './charts';
import { addDays } from '../../../common/time';

export const BULLETIN_TITLE = '乐山市电动自行车安全隐患全链条整治工作通报';
/** Compiling unit (编制单位) printed under the title; BULLETIN_COMPILER overrides it. */
export const DEFAULT_COMPILER = '乐山市电动自行车安全隐患全链条整治工作专班办公室';

/** int: count; pct: 0..1 ratio shown as percent; pp: percentage points; yuan: money; date: YYYY-MM-DD; dec: decimal. */
export type CellKind = 'text' | 'int' | 'pct' | 'pp' | 'yuan' | 'date' | 'dec';
export type Cell = string | number | null;

export interface DocColumn {
  header: string;
  kind: CellKind;
}

export interface DocTable {
  /** Anchor of the page section and the workbook's sheet name (≤ 31 characters). */
  id: string;
  sheet: string;
  title: string;
  columns: DocColumn[];
  rows: Cell[][];
  /** Said under the table, e.g. how many rows were not listed. */
  note?: string;
  /** Tables of figures by row (指标 | 本期 | 上期 | 变化): the kind of each row's figures. */
  rowKinds?: CellKind[];
}

export interface DocChart {
  id: string;
  title: string;
  svg: string;
  width: number;
  height: number;
}

export interface BulletinDocument {
  title: string;
  compiler: string;
  compiledOn: string;
  /** 2026-03-01至2026-03-31 */
  periodText: string;
  previousText: string;
  /** 文号 placeholder (official documents carry one; the office fills it in). */
  docNumber: string;
  /** Headline figures in sentences (body paragraphs). */
  paragraphs: string[];
  /** 汇总 first, then the sections in the order of the page. */
  tables: DocTable[];
  charts: DocChart[];
}

export interface EnumLabels {
  level: Record<string, string>;
  status: Record<string, string>;
  stage: Record<string, string>;
}

const yuan = (s: string): number => Number(s);
const num = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v);
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const signed = (n: number) => (n > 0 ? `增加${n}` : n < 0 ? `减少${-n}` : '持平');
const pp = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.round((a - b) * 10000) / 100);
const sub = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

/** Rows of a trend with every bucket of the period, empty buckets as zeros. */
export function trendPoints(b: Bulletin): TrendPoint[] {
  const month = b.trendUnit === StatisticsDimension.MONTH;
  const byStart = new Map(b.trend.map((r) => [r.periodStart, r]));
  const points: TrendPoint[] = [];
  let start = month ? `${b.period.from.slice(0, 8)}01` : mondayOf(b.period.from);
  while (start <= b.period.to) {
    const r = byStart.get(start);
    points.push({ start, label: month ? start.slice(0, 7) : start.slice(5), found: r?.found ?? 0, rectified: r?.rectified ?? 0, closed: r?.closed ?? 0 });
    start = month ? nextMonth(start) : addDays(start, 7);
  }
  return points;
}

function mondayOf(d: string): string {
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return addDays(d, -((dow + 6) % 7));
}

function nextMonth(d: string): string {
  const [y, m] = d.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function bulletinDocument(b: Bulletin, labels: EnumLabels, opts: { compiledOn: string; compiler?: string }): BulletinDocument {
  const t = b.totals;
  const p = b.previousTotals;
  const i = b.inspections;
  const pi = b.previousInspections;
  const e = b.enforcement;
  const pe = b.previousEnforcement;
  const periodText = `${b.period.from}至${b.period.to}`;
  const previousText = `${b.previousPeriod.from}至${b.previousPeriod.to}`;

  const H = (label: string, kind: CellKind, cur: number | null, prev: number | null, change: number | null = kind === 'pct' ? pp(cur, prev) : sub(cur, prev)): Cell[] => [label, cur, prev, change];
  const headline: Cell[][] = [
    H('发现隐患(处)', 'int', t.found, p.found),
    H('已整改(处)', 'int', t.rectified, p.rectified),
    H('已销号(处)', 'int', t.closed, p.closed),
    H('整改率', 'pct', t.rectificationRate, p.rectificationRate, b.rateChange),
    H('按期整改率', 'pct', t.onTimeRate, p.onTimeRate),
    // Two overdue figures (README "Report definitions"): of the period's finds, and the whole backlog at its end.
    H('本期新增逾期(处)', 'int', t.newOverdue, p.newOverdue),
    H(`逾期存量(处, 截至${b.period.to})`, 'int', t.overdueBacklog, p.overdueBacklog),
    H('挂牌督办(处)', 'int', t.listed, p.listed),
    H('本期销号(处)', 'int', t.closedInPeriod, p.closedInPeriod),
    H('平均销号天数', 'dec', num(t.avgDaysToClose), num(p.avgDaysToClose)),
    H('检查次数', 'int', i.inspections, pi.inspections),
    H('出动人次', 'int', i.officerVisits, pi.officerVisits),
    H('检查单位(家)', 'int', i.businessesInspected, pi.businessesInspected),
    H('检查发现隐患(处)', 'int', i.hazardsFound, pi.hazardsFound),
    H('立案(起)', 'int', e.casesFiled, pe.casesFiled),
    H('结案(起)', 'int', e.casesClosed, pe.casesClosed),
    H('罚没金额(元)', 'yuan', yuan(e.finesAndConfiscations), yuan(pe.finesAndConfiscations), Math.round((yuan(e.finesAndConfiscations) - yuan(pe.finesAndConfiscations)) * 100) / 100),
    H('查扣车辆(辆)', 'int', e.seizedVehicles, pe.seizedVehicles),
    H('查扣电池(块)', 'int', e.seizedBatteries, pe.seizedBatteries),
    H('移送公安(起)', 'int', e.transferredToPolice, pe.transferredToPolice),
  ];
  // The kind of each headline row's figures, for the renderers (the change of a rate is in points).
  const headlineKinds: CellKind[] = ['int', 'int', 'int', 'pct', 'pct', 'int', 'int', 'int', 'int', 'dec', 'int', 'int', 'int', 'int', 'int', 'int', 'yuan', 'int', 'int', 'int'];

  const paragraphs = [
    `${periodText}，全市共发现电动自行车安全隐患${t.found}处，较上期（${previousText}）${signed(b.foundChange)}处；其中已整改${t.rectified}处、已销号${t.closed}处，整改率${pct(t.rectificationRate)}` +
      (b.rateChange === null ? '' : `，较上期${b.rateChange >= 0 ? '提高' : '下降'}${Math.abs(b.rateChange).toFixed(2)}个百分点`) +
      `；按期整改率${pct(t.onTimeRate)}。`,
    `截至${b.period.to}，逾期未整改隐患（逾期存量）${t.overdueBacklog}处，其中本期新增逾期${t.newOverdue}处；挂牌督办${t.listed}处；本期销号${t.closedInPeriod}处。`,
    `本期开展检查${i.inspections}次、出动${i.officerVisits}人次，检查单位${i.businessesInspected}家；立案${e.casesFiled}起、结案${e.casesClosed}起，罚没金额${Number(e.finesAndConfiscations).toFixed(2)}元，查扣车辆${e.seizedVehicles}辆、电池${e.seizedBatteries}块，移送公安${e.transferredToPolice}起。`,
  ];
  const ranked = b.districtRanking;
  if (ranked.length) {
    const first = ranked[0];
    const last = ranked[ranked.length - 1];
    paragraphs.push(`区县排名：${first.districtName}整改率${pct(first.current.rectificationRate)}居首；${last.districtName}排名末位（整改率${pct(last.current.rectificationRate)}，逾期存量${last.current.overdueBacklog}处）。`);
  }

  const itemColumns: DocColumn[] = [
    { header: '隐患编号', kind: 'text' },
    { header: '区县', kind: 'text' },
    { header: '责任主体', kind: 'text' },
    { header: '隐患类型', kind: 'text' },
    { header: '等级', kind: 'text' },
    { header: '工作组', kind: 'text' },
    { header: '状态', kind: 'text' },
    { header: '发现日期', kind: 'date' },
    { header: '整改期限', kind: 'date' },
    { header: '逾期天数', kind: 'int' },
    { header: '挂牌督办', kind: 'text' },
  ];
  const itemRow = (x: BulletinItem): Cell[] => [
    x.code,
    x.districtName ?? x.districtCode,
    x.businessName,
    x.hazardTypeName ?? x.hazardTypeCode,
    `${labels.level[x.level] ?? x.level}${x.isMajorFireHazard ? '（重大火灾隐患）' : ''}`,
    x.teamName,
    labels.status[x.status] ?? x.status,
    x.discoveredOn,
    x.deadline,
    x.overdueDays,
    x.listed ? '是' : '否',
  ];
  const unlisted = t.overdueBacklog - b.overdueItems.length;
  const teamRow = (r: RemediationStatisticsRow): Cell[] => [r.teamName ?? r.teamCode, r.found, r.rectified, r.closed, r.rectificationRate, r.onTimeRate, r.newOverdue, r.overdueBacklog, r.listed];

  const tables: DocTable[] = [
    {
      id: 'summary',
      sheet: '汇总',
      title: '一、主要指标',
      columns: [{ header: '指标', kind: 'text' }, { header: `本期 ${periodText}`, kind: 'int' }, { header: `上期 ${previousText}`, kind: 'int' }, { header: '变化', kind: 'int' }],
      rows: headline,
      rowKinds: headlineKinds,
    },
    {
      id: 'ranking',
      sheet: '区县排名',
      title: '二、区县排名',
      columns: [
        { header: '排名', kind: 'int' }, { header: '区县', kind: 'text' }, { header: '发现隐患', kind: 'int' }, { header: '已销号', kind: 'int' }, { header: '整改率', kind: 'pct' },
        { header: '本期新增逾期', kind: 'int' }, { header: '逾期存量', kind: 'int' }, { header: '上期整改率', kind: 'pct' }, { header: '整改率变化(百分点)', kind: 'pp' },
        { header: '本期新增逾期变化', kind: 'int' }, { header: '逾期存量变化', kind: 'int' },
      ],
      rows: ranked.map((d) => [d.rank, d.districtName, d.current.found, d.current.closed, d.current.rectificationRate, d.current.newOverdue, d.current.overdueBacklog, d.previous.rectificationRate, d.rateChange, d.overdueChange, d.overdueBacklogChange]),
      note: '排名依据：整改率由高到低（本期未发现隐患的区县列后），其次逾期存量少者在前，再次本期新增逾期少者在前。',
    },
    {
      id: 'teams',
      sheet: '工作组进展',
      title: '三、工作组进展',
      columns: [
        { header: '工作组', kind: 'text' }, { header: '发现隐患', kind: 'int' }, { header: '已整改', kind: 'int' }, { header: '已销号', kind: 'int' }, { header: '整改率', kind: 'pct' },
        { header: '按期整改率', kind: 'pct' }, { header: '本期新增逾期', kind: 'int' }, { header: '逾期存量', kind: 'int' }, { header: '挂牌督办', kind: 'int' },
      ],
      rows: b.teamProgress.map(teamRow),
    },
    {
      id: 'trend',
      sheet: b.trendUnit === StatisticsDimension.MONTH ? '按月趋势' : '按周趋势',
      title: b.trendUnit === StatisticsDimension.MONTH ? '四、按月趋势' : '四、按周趋势',
      columns: [{ header: b.trendUnit === StatisticsDimension.MONTH ? '月份起始日' : '周起始日(周一)', kind: 'date' }, { header: '发现隐患', kind: 'int' }, { header: '已整改', kind: 'int' }, { header: '已销号', kind: 'int' }],
      rows: trendPoints(b).map((pt) => [pt.start, pt.found, pt.rectified, pt.closed]),
      note: '按发现日期归入周/月；已整改、已销号为该周/月发现的隐患中截至期末已整改、已销号的数量。',
    },
    {
      id: 'inspections',
      sheet: '检查执法',
      title: '五、检查与执法情况',
      columns: [{ header: '指标', kind: 'text' }, { header: `本期 ${periodText}`, kind: 'int' }, { header: `上期 ${previousText}`, kind: 'int' }, { header: '变化', kind: 'int' }],
      rows: headline.slice(10),
      rowKinds: headlineKinds.slice(10),
    },
    {
      id: 'major',
      sheet: '重大及挂牌督办隐患',
      title: '六、重大及挂牌督办隐患',
      columns: itemColumns,
      rows: b.majorItems.map(itemRow),
      note: b.majorItems.length >= 200 ? '仅列出前200项（按发现日期排序）。' : `共${b.majorItems.length}项。`,
    },
    {
      id: 'overdue',
      sheet: '逾期隐患',
      title: '七、逾期隐患清单',
      columns: itemColumns,
      rows: b.overdueItems.map(itemRow),
      note: unlisted > 0 ? `逾期存量共${t.overdueBacklog}处，按整改期限列出最早的${b.overdueItems.length}处，另有${unlisted}处未列出。` : `逾期存量共${t.overdueBacklog}处，全部列出。`,
    },
  ];

  const unitLabel = b.trendUnit === StatisticsDimension.MONTH ? '按月（发现日期所在月份）' : '按周（发现日期所在周，标注周一日期）';
  const charts: DocChart[] = [
    {
      id: 'chart-districts',
      title: '图1 各区县发现隐患与销号情况',
      svg: districtBarChart(ranked.map((d) => ({ label: d.districtName, found: d.current.found, closed: d.current.closed, rate: d.current.rectificationRate })), `各区县发现隐患与销号情况（${periodText}）`),
      width: 960,
      height: 56 + ranked.length * 34 + 40,
    },
    {
      id: 'chart-trend',
      title: '图2 隐患发现、整改、销号趋势',
      svg: trendLineChart(trendPoints(b), `隐患发现、整改、销号趋势（${periodText}）`, unitLabel),
      width: 960,
      height: 380,
    },
  ];

  return {
    title: BULLETIN_TITLE,
    compiler: opts.compiler ?? DEFAULT_COMPILER,
    compiledOn: opts.compiledOn,
    periodText,
    previousText,
    docNumber: '乐电整治办〔　　〕　　号',
    paragraphs,
    tables,
    charts,
  };
}

/** The kind of a cell: per row for the headline tables, else per column. */
export function cellKind(table: DocTable, row: number, col: number): CellKind {
  const rowKinds = table.rowKinds;
  if (rowKinds && col > 0) {
    const k = rowKinds[row];
    // The change of a rate is in percentage points.
    return col === 3 && k === 'pct' ? 'pp' : k;
  }
  return table.columns[col].kind;
}

/** A cell as text, for the page and the Word document. */
export function cellText(v: Cell, kind: CellKind): string {
  if (v === null || v === undefined || v === '') return kind === 'text' ? '' : '—';
  if (typeof v === 'string') return v;
  switch (kind) {
    case 'pct': return `${(v * 100).toFixed(1)}%`;
    case 'pp': return `${v > 0 ? '+' : ''}${v.toFixed(2)}`;
    case 'yuan': return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'dec': return v.toFixed(2);
    default: return String(v);
  }
}
