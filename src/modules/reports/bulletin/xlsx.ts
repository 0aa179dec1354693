/**
 * Workbook layout shared by the bulletin and the item exports (工作簿格式): a title row and a
 * subtitle row, then a bold, bordered, shaded header row that is frozen, filtered and repeated on
 * every printed page; numbers as numbers with formats (integers, percent, yuan with two decimals,
 * percentage points), dates as date cells; column widths from the longest header or value; A4
 * landscape, fitted to one page wide.
 */
import ExcelJS from 'exceljs';
import { cellKind, type BulletinDocument, type Cell, type CellKind, type DocTable } from './document';

export const NUM_FMT: Record<CellKind, string | undefined> = {
  text: undefined,
  int: '#,##0',
  pct: '0.0%',
  pp: '+0.00"个百分点";-0.00"个百分点";0.00"个百分点"',
  yuan: '#,##0.00',
  date: 'yyyy-mm-dd',
  dec: '0.00',
};
export const DATETIME_FMT = 'yyyy-mm-dd hh:mm';

/** Rows above the header: title, subtitle. The header is row HEADER_ROW. */
export const HEADER_ROW = 3;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };

/** Display width in Excel's character units: CJK and full-width characters count two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}

/** The text Excel shows for a value of a kind (for widths only). */
function shownWidth(v: Cell, kind: CellKind): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'string') return kind === 'date' ? 10 : textWidth(v);
  switch (kind) {
    case 'pct': return (v * 100).toFixed(1).length + 1;
    case 'pp': return v.toFixed(2).length + 6 + 1;
    case 'yuan': return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).length;
    case 'dec': return v.toFixed(2).length;
    default: return v.toLocaleString('en-US').length;
  }
}

/** A YYYY-MM-DD day (or YYYY-MM-DD HH:MM local time) as the Date exceljs writes as that serial. */
export function excelDate(s: string): Date {
  return new Date(s.length > 10 ? `${s.slice(0, 10)}T${s.slice(11, 16)}:00Z` : `${s}T00:00:00Z`);
}

export interface SheetLayout {
  title: string;
  subtitle: string;
  headers: string[];
  widths: number[];
}

/**
 * Frozen header rows and print setup, given when the sheet is added: the streaming writer writes
 * them as it opens the sheet.
 */
export function sheetOptions(): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  };
}

/** Widths, title, subtitle and header rows, the filter. Rows follow from HEADER_ROW + 1. */
export function layoutSheet(ws: ExcelJS.Worksheet, l: SheetLayout, lastDataRow: number): void {
  const n = l.headers.length;
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(lastDataRow, HEADER_ROW), column: n } };
  ws.columns = l.widths.map((w) => ({ width: Math.min(Math.max(w, 6), 80) }));
  const title = ws.getRow(1);
  title.getCell(1).value = l.title;
  title.getCell(1).font = { bold: true, size: 14 };
  title.height = 24;
  const sub = ws.getRow(2);
  sub.getCell(1).value = l.subtitle;
  sub.getCell(1).font = { size: 10 };
  if (n > 1) {
    ws.mergeCells(1, 1, 1, n);
    ws.mergeCells(2, 1, 2, n);
  }
  const header = ws.getRow(HEADER_ROW);
  l.headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.border = BORDER;
    c.fill = HEADER_FILL;
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });
}

/** A typed value in a bordered cell with its number format. */
export function setCell(cell: ExcelJS.Cell, v: Cell, kind: CellKind): void {
  if (v === null || v === undefined) cell.value = kind === 'text' ? '' : null;
  else if (kind === 'date' && typeof v === 'string') cell.value = excelDate(v);
  else cell.value = v;
  const fmt = NUM_FMT[kind];
  if (fmt) cell.numFmt = fmt;
  cell.border = BORDER;
}

function addTable(wb: ExcelJS.Workbook, doc: BulletinDocument, t: DocTable): void {
  const ws = wb.addWorksheet(t.sheet, sheetOptions());
  const widths = t.columns.map((c, ci) => Math.max(textWidth(c.header), ...t.rows.map((r, ri) => shownWidth(r[ci], cellKind(t, ri, ci)))) + 2);
  const last = HEADER_ROW + t.rows.length;
  layoutSheet(ws, { title: `${doc.title}：${t.title.replace(/^[一二三四五六七八九十]+、/, '')}`, subtitle: `统计期间 ${doc.periodText}（上期 ${doc.previousText}）  编制单位：${doc.compiler}  编制日期：${doc.compiledOn}`, headers: t.columns.map((c) => c.header), widths }, last);
  t.rows.forEach((r, ri) => {
    const row = ws.getRow(HEADER_ROW + 1 + ri);
    r.forEach((v, ci) => setCell(row.getCell(ci + 1), v, cellKind(t, ri, ci)));
  });
  if (t.note) ws.getRow(last + 2).getCell(1).value = t.note;
}

/** Every table of the bulletin as a sheet (汇总 first). Returns the workbook and its data row count. */
export async function bulletinXlsx(doc: BulletinDocument): Promise<{ buffer: Buffer; rows: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = doc.compiler;
  wb.title = `${doc.title}（${doc.periodText}）`;
  for (const t of doc.tables) addTable(wb, doc, t);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, rows: doc.tables.reduce((n, t) => n + t.rows.length, 0) };
}
