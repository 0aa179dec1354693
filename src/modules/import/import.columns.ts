import { getMetadataStorage } from 'type-graphql';
import { ImportFileErrorCode } from './import.entities';
import { ImportFileRefusal, type Cell } from './import.parse';

/** One column of an import: the Chinese header the export writes, English and other accepted names. */
export interface ColumnDef {
  field: string;
  header: string;
  aliases: string[];
  required?: boolean;
  /** Hint shown in the template (a cell note). */
  note: string;
  sample: string;
}

/** Header text compared loosely: full-width forms, spaces, case, a trailing * and a trailing (hint). */
export function normaliseHeader(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, '').replace(/[*＊]+$/, '').toLowerCase();
}

function lookup(columns: ColumnDef[]): Map<string, ColumnDef> {
  const m = new Map<string, ColumnDef>();
  for (const c of columns) for (const name of [c.header, c.field, ...c.aliases]) m.set(normaliseHeader(name), c);
  return m;
}

function match(byName: Map<string, ColumnDef>, cell: Cell): ColumnDef | undefined {
  if (typeof cell !== 'string' || !cell.trim()) return undefined;
  const n = normaliseHeader(cell);
  return byName.get(n) ?? byName.get(n.replace(/\([^()]*\)$/, ''));
}

export interface HeaderMap {
  /** Index in the sheet's rows of the header row. */
  index: number;
  /** Column position → definition, for recognised columns. */
  columns: Map<number, ColumnDef>;
  /** Header text per recognised column position, as written in the file. */
  headerText: Map<number, string>;
  ignored: string[];
}

/**
 * Finds the header row among the first `searchRows` rows: the first row naming at least two known
 * columns. Rows above it may only be titles or notes (at most one filled cell); a data-looking row
 * above the header, duplicate columns or a missing required column refuse the file.
 */
export function findHeader(rows: Cell[][], rowNumbers: number[], columns: ColumnDef[], searchRows: number): HeaderMap {
  const byName = lookup(columns);
  const filled = (r: Cell[]) => r.filter((c) => typeof c !== 'string' || c.trim() !== '').length;
  const expected = columns.filter((c) => c.required).map((c) => c.header).join('、');
  for (let i = 0; i < Math.min(searchRows, rows.length); i++) {
    const recognised = rows[i].filter((c) => match(byName, c)).length;
    if (recognised < 2) {
      if (filled(rows[i]) > 1) {
        throw new ImportFileRefusal(
          ImportFileErrorCode.NO_HEADER,
          `第 ${rowNumbers[i]} 行不是表头(未识别出列名)，表头之前只能有标题行；请让表头(${expected} …)位于数据之上`,
          `Line ${rowNumbers[i]} is not a header (no known column names) and header rows may only follow title lines; put the header (${columns.filter((c) => c.required).map((c) => c.field).join(', ')} …) above the data`,
        );
      }
      continue;
    }
    const map = new Map<number, ColumnDef>();
    const headerText = new Map<number, string>();
    const ignored: string[] = [];
    const seen = new Map<string, string>();
    rows[i].forEach((cell, pos) => {
      const def = match(byName, cell);
      if (!def) {
        if (typeof cell === 'string' && cell.trim()) ignored.push(cell.trim());
        return;
      }
      const text = (cell as string).trim();
      const earlier = seen.get(def.field);
      if (earlier !== undefined) {
        throw new ImportFileRefusal(
          ImportFileErrorCode.DUPLICATE_HEADER,
          `表头重复：“${earlier}”和“${text}”都表示“${def.header}”`,
          `Duplicate header: "${earlier}" and "${text}" both name ${def.field}`,
        );
      }
      seen.set(def.field, text);
      map.set(pos, def);
      headerText.set(pos, text);
    });
    const missing = columns.filter((c) => c.required && !seen.has(c.field));
    if (missing.length) {
      throw new ImportFileRefusal(
        ImportFileErrorCode.MISSING_COLUMN,
        `缺少必填列：${missing.map((c) => c.header).join('、')}`,
        `Missing required column(s): ${missing.map((c) => `${c.header} (${c.field})`).join(', ')}`,
      );
    }
    return { index: i, columns: map, headerText, ignored };
  }
  if (!rows.some((r) => filled(r) > 0)) throw new ImportFileRefusal(ImportFileErrorCode.EMPTY, '工作表是空的', 'The sheet is empty');
  throw new ImportFileRefusal(
    ImportFileErrorCode.NO_HEADER,
    `前 ${searchRows} 行中没有找到表头；需要的列：${expected}(可下载模板)`,
    `No header row in the first ${searchRows} lines; required columns: ${columns.filter((c) => c.required).map((c) => `${c.header} (${c.field})`).join(', ')} (download the template)`,
  );
}

/** Chinese label of each value of a type-graphql enum: the last parenthesised part of its description. */
export function enumLabels(enumObj: object): Record<string, string> {
  const meta = getMetadataStorage().enums.find((e) => e.enumObj === enumObj);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta?.valuesConfig ?? {})) {
    out[k] = /\(([^()]*)\)\s*[^()]*$/.exec((v as { description?: string }).description ?? '')?.[1] ?? k;
  }
  return out;
}
