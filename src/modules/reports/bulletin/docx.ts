/**
 * The bulletin as a Word document (通报 .docx) in the layout of an official document (公文, after
 * GB/T 9704): A4; 文号 line; title in 宋体 bold 二号 (22 pt), centred; body in 仿宋_GB2312 三号
 * (16 pt) with a two-character first-line indent; section headings in 黑体; tables in 宋体 五号
 * (10.5 pt) on an A4 landscape section of their own; the charts as PNG images (png.ts, no browser).
 * Fonts are named, not embedded: an office machine substitutes 仿宋 where 仿宋_GB2312 is missing.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, ImageRun, Packer, PageNumber, PageOrientation, Paragraph, LineRuleType, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
  type ISectionOptions,
} from 'docx';
import { cellKind, cellText, type BulletinDocument, type DocTable } from './document';
import { svgToPng, type PngImage } from './png';

const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: 'Times New Roman' };
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };

/** A4 in twips (1/20 pt). */
const A4 = { width: 11906, height: 16838 };
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function body(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, font: FANGSONG, size: 32 })], indent: { firstLine: 640 }, spacing: { line: 560, lineRule: LineRuleType.EXACT }, alignment: AlignmentType.JUSTIFIED });
}

function heading(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, font: HEI, size: 32 })], indent: { firstLine: 640 }, spacing: { before: 120, after: 60 } });
}

function small(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, font: FANGSONG, size: 21 })], spacing: { before: 40, after: 120 } });
}

function table(t: DocTable): Table {
  // Borders, cell margins and the font are set once for the table (and the run style), not per cell:
  // a city month has thousands of cells, and per-cell properties made the file several times slower to build.
  const cell = (text: string, opts: { bold?: boolean; right?: boolean; shade?: boolean }) =>
    new TableCell({
      shading: opts.shade ? { fill: 'E6E6E6', color: 'auto', type: ShadingType.CLEAR } : undefined,
      verticalAlign: opts.shade ? VerticalAlign.CENTER : undefined,
      children: [new Paragraph({ style: 'TableText', alignment: opts.right ? AlignmentType.RIGHT : opts.bold ? AlignmentType.CENTER : undefined, children: [new TextRun(opts.bold ? { text, bold: true } : text)] })],
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c) => cell(c.header, { bold: true, shade: true })) });
  const rows = t.rows.map(
    (r, ri) =>
      new TableRow({
        cantSplit: true,
        children: r.map((v, ci) => {
          const kind = cellKind(t, ri, ci);
          return cell(cellText(v, kind), { right: kind !== 'text' && kind !== 'date' });
        }),
      }),
  );
  if (rows.length === 0) rows.push(new TableRow({ children: [new TableCell({ columnSpan: t.columns.length, children: [new Paragraph({ children: [new TextRun({ text: '无', font: SONG, size: 21 })] })] })] }));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    rows: [header, ...rows],
  });
}

function chart(c: BulletinDocument['charts'][number], png: PngImage, widthPx: number): Paragraph[] {
  const height = Math.round((widthPx * png.height) / png.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: 'png', data: png.data, transformation: { width: widthPx, height }, altText: { name: c.id, title: c.title, description: c.title } })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.title, font: HEI, size: 24 })], spacing: { after: 200 } }),
  ];
}

const footer = () =>
  new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: 28 })] })] });

/**
 * Item lists of the Word file stop at this many lines and say how many more the workbook lists: a
 * document to read and print, and the `docx` library builds a city month's thousands of cells slowly
 * (README "Bulletin"). The page and the workbook list every line the bulletin has.
 */
export const DOCX_ITEM_LINES = 50;

function shortened(t: DocTable): DocTable {
  if (t.rows.length <= DOCX_ITEM_LINES) return t;
  const rest = t.rows.length - DOCX_ITEM_LINES;
  return { ...t, rows: t.rows.slice(0, DOCX_ITEM_LINES), note: `本表列出前${DOCX_ITEM_LINES}项，另有${rest}项见Excel工作簿（/exports/bulletin.xlsx）。${t.note ?? ''}` };
}

export async function bulletinDocx(doc: BulletinDocument): Promise<Buffer> {
  const [summary, ranking, teams, trend, inspections, major, overdue] = doc.tables;
  const images = await Promise.all(doc.charts.map((c) => svgToPng(c.svg, 1.5)));
  const portrait: ISectionOptions = {
    properties: {
      page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
    },
    footers: { default: footer() },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.docNumber, font: FANGSONG, size: 32 })], spacing: { after: 240 } }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, font: SONG, size: 44, bold: true })], spacing: { after: 240 } }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `（${doc.periodText}）`, font: FANGSONG, size: 32 })], spacing: { after: 360 } }),
      heading('一、总体情况'),
      ...doc.paragraphs.map(body),
      heading(summary.title.replace(/^一、/, '二、')),
      table(summary),
      heading('三、图表'),
      ...doc.charts.flatMap((c, k) => chart(c, images[k], 600)),
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [new TextRun({ text: doc.compiler, font: FANGSONG, size: 32 })] }),
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.compiledOn, font: FANGSONG, size: 32 })] }),
    ],
  };
  const tablesSection: ISectionOptions = {
    properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
    footers: { default: footer() },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '附表', font: HEI, size: 32 })], spacing: { after: 120 } }),
      ...[ranking, teams, trend, inspections, shortened(major), shortened(overdue)].flatMap((t, k) => [
        new Paragraph({ children: [new TextRun({ text: `附表${k + 1} ${t.title.replace(/^[一二三四五六七八九十]+、/, '')}`, font: HEI, size: 28 })], spacing: { before: 200, after: 80 }, keepNext: true }),
        table(t),
        ...(t.note ? [small(t.note)] : []),
      ]),
    ],
  };
  const document = new Document({
    creator: doc.compiler,
    title: `${doc.title}（${doc.periodText}）`,
    description: doc.title,
    styles: {
      default: { document: { run: { font: FANGSONG, size: 32 } } },
      paragraphStyles: [{ id: 'TableText', name: 'Table Text', run: { font: SONG, size: 21 }, paragraph: { spacing: { before: 0, after: 0 } } }],
    },
    sections: [portrait, tablesSection],
  });
  return Packer.toBuffer(document);
}
