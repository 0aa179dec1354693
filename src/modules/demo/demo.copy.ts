/**
 * Rows in PostgreSQL's COPY text format, buffered per table in off-heap chunks so that city and
 * province scales do not fill the JavaScript heap. Values: null → \N, booleans → t/f, arrays →
 * array literals, plain objects → JSON (jsonb), strings escaped for COPY.
 */

export type Cell = string | number | boolean | null | undefined | readonly string[] | Record<string, unknown>;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeCopy(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

function arrayLiteral(a: readonly string[]): string {
  return `{${a.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export function cell(v: Cell): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escapeCopy(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return escapeCopy(arrayLiteral(v as readonly string[]));
  return escapeCopy(JSON.stringify(v));
}

const CHUNK_BYTES = 1 << 20;

export class TableBuffer {
  readonly chunks: Buffer[] = [];
  rows = 0;
  bytes = 0;
  private buf: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(values: readonly Cell[]): void {
    if (values.length !== this.columns.length) throw new Error(`demo: ${this.table} row has ${values.length} values for ${this.columns.length} columns`);
    let line = cell(values[0]);
    for (let i = 1; i < values.length; i++) line += '\t' + cell(values[i]);
    line += '\n';
    // UTF-8 needs at most 3 bytes per UTF-16 code unit: encode straight into the current chunk.
    if (this.used + line.length * 3 > this.buf.length) {
      this.flush();
      if (line.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(line.length * 3);
    }
    this.used += this.buf.write(line, this.used, 'utf8');
    this.rows++;
  }

  /** Closes the current chunk; call before reading `chunks`. */
  flush(): void {
    if (!this.used) return;
    this.chunks.push(this.buf.subarray(0, this.used));
    this.bytes += this.used;
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }

  copySql(): string {
    return `COPY "${this.table}" (${this.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
  }
}
