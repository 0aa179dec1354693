import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ImportFileErrorCode } from './import.entities';

/**
 * Reading an uploaded spreadsheet into rows of cell texts. Everything a file can get wrong as a
 * whole ends here as an ImportFileRefusal with a bilingual message; nothing is evaluated (formulas
 * give their stored result or a cell problem, text starting with = + - @ stays text).
 */

export class ImportFileRefusal extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = 'ImportFileRefusal';
  }
}

/** A cell that could not be read as a value (a formula without stored result, an error value). */
export class CellIssue {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {}
}

export type Cell = string | CellIssue;

export interface ParseLimits {
  maxBytes: number;
  maxRows: number;
  maxUncompressedBytes: number;
  /** Most zip entries a workbook may have (an XLSX has a few dozen). */
  maxZipEntries?: number;
}

export interface ParsedSheet {
  format: 'XLSX' | 'CSV';
  encoding: string | null;
  /** Rows in sheet order; rowNumbers[i] is the 1-based line of rows[i] in the sheet. */
  rows: Cell[][];
  rowNumbers: number[];
}

const refuse = (code: ImportFileErrorCode, zh: string, en: string): never => {
  throw new ImportFileRefusal(code, zh, en);
};

const mib = (n: number) => `${Math.round((n / 1048576) * 10) / 10} MiB`;

export function sniffFormat(buf: Buffer): 'XLSX' | 'CSV' {
  if (buf.length === 0) refuse(ImportFileErrorCode.EMPTY, '文件为空', 'The file is empty');
  if (buf.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'XLSX';
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') {
    refuse(ImportFileErrorCode.UNSUPPORTED_FORMAT, '文件是 PDF，不是电子表格；请上传 .xlsx 或 .csv 文件', 'The file is a PDF, not a spreadsheet; upload an .xlsx or .csv file');
  }
  if (buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    refuse(ImportFileErrorCode.UNSUPPORTED_FORMAT, '文件是旧版 Excel(.xls) 或其他 Office 二进制格式；请在 Excel 中另存为 .xlsx 后上传', 'The file is an old binary Excel (.xls) or Office file; save it as .xlsx and upload that');
  }
  // UTF-16 text has NUL bytes too; only its byte-order marks let it through.
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (!utf16 && buf.subarray(0, 8192).includes(0)) {
    refuse(ImportFileErrorCode.UNSUPPORTED_FORMAT, '文件不是电子表格(.xlsx)或文本(.csv)，内容为二进制数据', 'The file is neither an XLSX workbook nor CSV text (binary content)');
  }
  return 'CSV';
}

// ---------------- XLSX ----------------

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function zipEntries(buf: Buffer, maxEntries: number): ZipEntry[] {
  const corrupt = () => refuse(ImportFileErrorCode.CORRUPT, '工作簿已损坏，无法读取(ZIP 结构错误)', 'The workbook is damaged and cannot be read (bad ZIP structure)');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt();
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    refuse(ImportFileErrorCode.ZIP_BOMB, '工作簿使用 ZIP64 格式，条目或大小超出限制', 'The workbook uses ZIP64: too many parts or too large');
  }
  if (count > maxEntries) {
    refuse(ImportFileErrorCode.ZIP_BOMB, `工作簿包含 ${count} 个部件，超过上限 ${maxEntries}`, `The workbook has ${count} parts, more than the limit of ${maxEntries}`);
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) corrupt();
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflates every part and counts the bytes actually produced (declared sizes can lie), stopping as
 * soon as the total passes the limit: a zip bomb costs at most the limit in CPU, never in memory.
 */
async function assertNoZipBomb(buf: Buffer, limits: ParseLimits): Promise<{ entries: ZipEntry[]; firstSheetRows: number }> {
  const entries = zipEntries(buf, limits.maxZipEntries ?? 1000);
  const bomb = () =>
    refuse(
      ImportFileErrorCode.ZIP_BOMB,
      `工作簿解压后超过 ${mib(limits.maxUncompressedBytes)} 的上限(疑似压缩炸弹)`,
      `The workbook unpacks to more than the ${mib(limits.maxUncompressedBytes)} limit (a zip bomb?)`,
    );
  let total = 0;
  // Rows of the first worksheet, counted while inflating anyway: the dry run's progress estimate.
  const sheetNo = (n: string) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n)?.[1] ?? NaN);
  const firstSheet = entries.filter((e) => Number.isFinite(sheetNo(e.name))).sort((a, b) => sheetNo(a.name) - sheetNo(b.name))[0]?.name;
  let firstSheetRows = 0;
  for (const e of entries) {
    const countRows = e.name === firstSheet;
    let tail = '';
    const count = (chunk: Buffer) => {
      if (!countRows) return;
      const text = tail + chunk.toString('latin1');
      for (let i = text.indexOf('<row'); i >= 0; i = text.indexOf('<row', i + 4)) if (text[i + 4] === ' ' || text[i + 4] === '>') firstSheetRows++;
      tail = text.slice(-4);
    };
    if (e.uncompressedSize > limits.maxUncompressedBytes) bomb();
    const lh = e.localOffset;
    if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) {
      refuse(ImportFileErrorCode.CORRUPT, '工作簿已损坏，无法读取(ZIP 结构错误)', 'The workbook is damaged and cannot be read (bad ZIP structure)');
    }
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      total += data.length;
      count(data);
    } else if (e.method === 8) {
      total = await new Promise<number>((resolve, reject) => {
        let sum = total;
        const inflate = zlib.createInflateRaw();
        inflate.on('data', (chunk: Buffer) => {
          sum += chunk.length;
          count(chunk);
          if (sum > limits.maxUncompressedBytes) {
            inflate.destroy();
            resolve(sum);
          }
        });
        inflate.on('end', () => resolve(sum));
        inflate.on('error', () => reject(new ImportFileRefusal(ImportFileErrorCode.CORRUPT, '工作簿已损坏，无法解压', 'The workbook is damaged and cannot be unpacked')));
        inflate.end(data);
      });
    } else {
      refuse(ImportFileErrorCode.UNSUPPORTED_FORMAT, '工作簿使用了不支持的压缩方式', 'The workbook uses an unsupported compression method');
    }
    if (total > limits.maxUncompressedBytes) bomb();
  }
  return { entries, firstSheetRows };
}

function cellText(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 53 ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    // Never evaluated: the value Excel stored when it last calculated, or a problem.
    if (o.result === undefined || o.result === null || (typeof o.result === 'object' && 'error' in (o.result as object))) {
      return new CellIssue('单元格是公式且没有已保存的计算结果；系统不计算公式，请填写数值', 'The cell holds a formula without a stored result; formulas are never evaluated, enter the value');
    }
    return cellText(o.result);
  }
  if ('richText' in o) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return cellText(o.text);
  if ('error' in o) return new CellIssue(`单元格含错误值 ${String(o.error)}`, `The cell holds the error value ${String(o.error)}`);
  return String(v);
}

/** One line of a sheet: its cells and its 1-based line number. */
export interface SheetRow {
  cells: Cell[];
  rowNumber: number;
}

/**
 * A spreadsheet read as a stream of rows: an XLSX through ExcelJS's streaming reader (the rows are
 * never all in memory; only the shared strings are), a CSV parsed lazily from its decoded text.
 * `estimatedRows` counts the lines (with the header) for progress; the exact count comes at the end.
 */
export interface SheetStream {
  format: 'XLSX' | 'CSV';
  encoding: string | null;
  estimatedRows: number;
  rows: AsyncIterable<SheetRow>;
}

async function openXlsx(buf: Buffer, limits: ParseLimits): Promise<SheetStream> {
  const { entries, firstSheetRows } = await assertNoZipBomb(buf, limits);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    refuse(ImportFileErrorCode.UNSUPPORTED_FORMAT, '这是 ZIP 压缩包但不是 Excel 工作簿(.xlsx)', 'This is a ZIP archive but not an Excel workbook (.xlsx)');
  }
  async function* rows(): AsyncGenerator<SheetRow> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    let sheets = 0;
    let count = 0;
    try {
      for await (const ws of reader) {
        sheets++;
        if (sheets > 1) continue; // the first sheet holds the data; later ones (allowed values …) are skipped
        for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
          const values = row.values as unknown[];
          const cells: Cell[] = [];
          for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
          // +header rows near the top; the exact limit is checked once the header is known.
          if (++count > limits.maxRows + 50) tooManyRows(limits.maxRows);
          yield { cells, rowNumber: row.number };
        }
      }
    } catch (e) {
      if (e instanceof ImportFileRefusal) throw e;
      refuse(ImportFileErrorCode.CORRUPT, '工作簿已损坏，无法读取', `The workbook cannot be read (${(e as Error).message?.slice(0, 200)})`);
    }
    if (sheets === 0) refuse(ImportFileErrorCode.EMPTY, '工作簿中没有工作表', 'The workbook has no worksheet');
  }
  return { format: 'XLSX', encoding: null, estimatedRows: firstSheetRows, rows: rows() };
}

export function tooManyRows(max: number): never {
  return refuse(ImportFileErrorCode.TOO_MANY_ROWS, `数据超过 ${max} 行的上限，请拆分文件`, `More than ${max} data rows, the limit; split the file`);
}

// ---------------- CSV ----------------

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (what Chinese Excel writes as "CSV"). */
export function decodeText(buf: Buffer): { text: string; encoding: string } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.toString('utf8', 3), encoding: 'UTF-8 (BOM)' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'UTF-16' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf16be'), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: GB18030 (a superset of GBK and GB2312) decodes every byte sequence that is valid in it.
  }
  const text = iconv.decode(buf, 'gb18030');
  if (text.includes('\uFFFD')) {
    refuse(ImportFileErrorCode.ENCODING, '文本既不是 UTF-8 也不是 GB18030 编码，请另存为"CSV UTF-8"', 'The text is neither UTF-8 nor GB18030; save it as "CSV UTF-8"');
  }
  return { text, encoding: 'GB18030' };
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; a quote left open is an error. */
export function parseCsv(text: string, maxRows: number): { rows: string[][]; rowNumbers: number[] } {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const r of iterateCsv(text, maxRows)) {
    rows.push(r.cells);
    rowNumbers.push(r.rowNumber);
  }
  return { rows, rowNumbers };
}

/** The rows of a CSV text one by one (blank lines skipped), each with the line it starts on. */
export function* iterateCsv(text: string, maxRows: number): Generator<{ cells: string[]; rowNumber: number }> {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : ',';
  let count = 0;
  let row: string[] = [];
  let field = '';
  let line = 1;
  let rowStart = 1;
  let i = 0;
  const n = text.length;
  const endRow = (): { cells: string[]; rowNumber: number } | null => {
    row.push(field);
    field = '';
    const done = row;
    row = [];
    if (done.length === 1 && done[0] === '') return null;
    if (++count > maxRows + 50) tooManyRows(maxRows);
    return { cells: done, rowNumber: rowStart };
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      const openedAt = line;
      i++;
      for (;;) {
        if (i >= n) {
          refuse(ImportFileErrorCode.CSV_SYNTAX, `CSV 第 ${openedAt} 行开始的引号没有闭合`, `The quote opened on CSV line ${openedAt} is never closed`);
        }
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      const next = text[i];
      if (i < n && next !== delimiter && next !== '\n' && next !== '\r') {
        refuse(ImportFileErrorCode.CSV_SYNTAX, `CSV 第 ${line} 行：引号字段的闭合引号后还有字符(引号不匹配)`, `CSV line ${line}: characters after the closing quote of a quoted field (mismatched quote)`);
      }
      if (field === '') field = '\u0000'; // an explicit "" stays an empty field, not a skipped row
      continue;
    }
    if (ch === delimiter) {
      row.push(field === '\u0000' ? '' : field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (field === '\u0000') field = '';
      const done = endRow();
      if (done) yield done;
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      rowStart = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || row.length) {
    if (field === '\u0000') field = '';
    const done = endRow();
    if (done) yield done;
  }
}

/**
 * The export protects cells starting with = + - @ by a leading apostrophe (so that Excel does not
 * run them); the import takes the apostrophe off again, and keeps everything else as plain text.
 */
function unprotect(v: string): string {
  return /^'[=+\-@\t]/.test(v) ? v.slice(1) : v;
}

export async function openSpreadsheet(buf: Buffer, limits: ParseLimits): Promise<SheetStream> {
  if (buf.length > limits.maxBytes) {
    refuse(ImportFileErrorCode.TOO_LARGE, `文件大小 ${mib(buf.length)} 超过上限 ${mib(limits.maxBytes)}`, `The file (${mib(buf.length)}) is larger than the ${mib(limits.maxBytes)} limit`);
  }
  const format = sniffFormat(buf);
  if (format === 'XLSX') return openXlsx(buf, limits);
  const { text, encoding } = decodeText(buf);
  let estimatedRows = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) estimatedRows++;
  async function* rows(): AsyncGenerator<SheetRow> {
    for (const r of iterateCsv(text, limits.maxRows)) yield { cells: r.cells.map(unprotect), rowNumber: r.rowNumber };
  }
  return { format, encoding, estimatedRows, rows: rows() };
}

/** The whole sheet in memory (small files, tests); imports stream with openSpreadsheet. */
export async function readSpreadsheet(buf: Buffer, limits: ParseLimits): Promise<ParsedSheet> {
  const sheet = await openSpreadsheet(buf, limits);
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  for await (const r of sheet.rows) {
    rows.push(r.cells);
    rowNumbers.push(r.rowNumber);
  }
  return { format: sheet.format, encoding: sheet.encoding, rows, rowNumbers };
}
