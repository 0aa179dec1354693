/**
 * The bulletin's two charts as SVG text, drawn here on the server (no browser, no CDN): the same
 * SVG goes inline into the page and through resvg into the PNG images of the Word document.
 * Readable in black and white: series differ by fill pattern, line dash and marker shape, and
 * every bar carries its number, so nothing depends on colour alone.
 */
import { escapeXml } from './escape';

/** Fonts by name, CJK first; resvg and browsers take the first they have. */
export const CHART_FONTS = `'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', SimHei, 'Droid Sans Fallback', sans-serif`;

export interface BarDatum {
  label: string;
  found: number;
  closed: number;
  /** closed ÷ found, 0..1, or null. */
  rate: number | null;
}

const fmtPct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** Horizontal grouped bars per district: found (solid) and closed (hatched), the rate at the end. */
export function districtBarChart(data: BarDatum[], title: string): string {
  const rowH = 34;
  const left = 150;
  const right = 120;
  const top = 56;
  const width = 960;
  const height = top + data.length * rowH + 40;
  const max = Math.max(1, ...data.map((d) => Math.max(d.found, d.closed)));
  const scale = (width - left - right) / niceMax(max);
  const out: string[] = [];
  out.push(svgOpen(width, height));
  out.push(`<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="2.2"/></pattern></defs>`);
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  out.push(text(width / 2, 24, title, { size: 18, anchor: 'middle', weight: 'bold' }));
  // Legend
  out.push(`<rect x="${left}" y="34" width="18" height="12" fill="#444" stroke="#000"/>`, text(left + 24, 45, '发现隐患（处）', { size: 13 }));
  out.push(`<rect x="${left + 150}" y="34" width="18" height="12" fill="url(#hatch)" stroke="#000"/>`, text(left + 174, 45, '已销号（处）', { size: 13 }));
  out.push(text(width - right + 10, 45, '整改率', { size: 13 }));
  // Grid
  const ticks = axisTicks(max);
  for (const v of ticks) {
    const x = left + v * scale;
    out.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height - 34}" stroke="#bbb" stroke-dasharray="2,3"/>`, text(x, height - 18, String(v), { size: 12, anchor: 'middle' }));
  }
  data.forEach((d, i) => {
    const y = top + i * rowH;
    out.push(text(left - 8, y + 20, d.label, { size: 14, anchor: 'end' }));
    const wf = d.found * scale;
    const wc = d.closed * scale;
    out.push(`<rect x="${left}" y="${y + 3}" width="${wf.toFixed(1)}" height="13" fill="#444" stroke="#000" stroke-width="0.6"/>`);
    out.push(text(left + wf + 4, y + 14, String(d.found), { size: 11 }));
    out.push(`<rect x="${left}" y="${y + 17}" width="${wc.toFixed(1)}" height="13" fill="url(#hatch)" stroke="#000" stroke-width="0.6"/>`);
    out.push(text(left + wc + 4, y + 28, String(d.closed), { size: 11 }));
    out.push(text(width - right + 10, y + 21, fmtPct(d.rate), { size: 13 }));
  });
  out.push(`<line x1="${left}" y1="${top - 4}" x2="${left}" y2="${height - 34}" stroke="#000"/>`);
  out.push('</svg>');
  return out.join('');
}

export interface TrendPoint {
  /** First day of the bucket, YYYY-MM-DD. */
  start: string;
  /** Axis label, e.g. 03-02 or 2026-03. */
  label: string;
  found: number;
  rectified: number;
  closed: number;
}

const SERIES: { key: 'found' | 'rectified' | 'closed'; name: string; dash: string; marker: 'circle' | 'square' | 'triangle' }[] = [
  { key: 'found', name: '发现', dash: '', marker: 'circle' },
  { key: 'rectified', name: '已整改', dash: '8,4', marker: 'square' },
  { key: 'closed', name: '已销号', dash: '2,3', marker: 'triangle' },
];

function marker(kind: 'circle' | 'square' | 'triangle', x: number, y: number): string {
  if (kind === 'circle') return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4.5" fill="#000"/>`;
  if (kind === 'square') return `<rect x="${(x - 4.5).toFixed(1)}" y="${(y - 4.5).toFixed(1)}" width="9" height="9" fill="#fff" stroke="#000" stroke-width="1.6"/>`;
  return `<polygon points="${x.toFixed(1)},${(y - 5.5).toFixed(1)} ${(x - 5).toFixed(1)},${(y + 4).toFixed(1)} ${(x + 5).toFixed(1)},${(y + 4).toFixed(1)}" fill="#fff" stroke="#000" stroke-width="1.6"/>`;
}

/** Lines of found / rectified / closed per bucket, each with its own dash and marker. */
export function trendLineChart(points: TrendPoint[], title: string, unitLabel: string): string {
  const width = 960;
  const height = 380;
  const left = 60;
  const right = 30;
  const top = 60;
  const bottom = 56;
  const max = niceMax(Math.max(1, ...points.flatMap((p) => [p.found, p.rectified, p.closed])));
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const out: string[] = [svgOpen(width, height), `<rect width="${width}" height="${height}" fill="#fff"/>`];
  out.push(text(width / 2, 24, title, { size: 18, anchor: 'middle', weight: 'bold' }));
  SERIES.forEach((s, i) => {
    const lx = left + 40 + i * 170;
    out.push(`<line x1="${lx}" y1="42" x2="${lx + 36}" y2="42" stroke="#000" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`, marker(s.marker, lx + 18, 42), text(lx + 44, 47, `${s.name}（处）`, { size: 13 }));
  });
  for (const v of axisTicks(max)) {
    out.push(`<line x1="${left}" y1="${y(v).toFixed(1)}" x2="${width - right}" y2="${y(v).toFixed(1)}" stroke="#bbb" stroke-dasharray="2,3"/>`, text(left - 6, y(v) + 4, String(v), { size: 12, anchor: 'end' }));
  }
  out.push(`<line x1="${left}" y1="${top + plotH}" x2="${width - right}" y2="${top + plotH}" stroke="#000"/>`, `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#000"/>`);
  const every = Math.max(1, Math.ceil(points.length / 14));
  points.forEach((p, i) => {
    if (i % every === 0) out.push(text(x(i), top + plotH + 18, p.label, { size: 12, anchor: 'middle' }));
  });
  out.push(text(width / 2, height - 10, unitLabel, { size: 12, anchor: 'middle' }));
  for (const s of SERIES) {
    if (points.length > 1) {
      out.push(`<polyline fill="none" stroke="#000" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} points="${points.map((p, i) => `${x(i).toFixed(1)},${y(p[s.key]).toFixed(1)}`).join(' ')}"/>`);
    }
    points.forEach((p, i) => out.push(marker(s.marker, x(i), y(p[s.key]))));
  }
  out.push('</svg>');
  return out.join('');
}

function svgOpen(width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(CHART_FONTS)}" role="img">`;
}

function text(x: number, y: number, s: string, o: { size: number; anchor?: 'start' | 'middle' | 'end'; weight?: 'bold' }): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${o.size}"${o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : ''}${o.weight ? ` font-weight="${o.weight}"` : ''} fill="#000">${escapeXml(s)}</text>`;
}

/** 1, 2, 5 × 10ⁿ at or above v. */
function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function axisTicks(max: number): number[] {
  const top = niceMax(max);
  const step = top / 5 >= 1 ? top / 5 : 1;
  const out: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) out.push(Math.round(v));
  return [...new Set(out)];
}
