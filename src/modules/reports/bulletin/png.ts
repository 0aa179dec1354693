/**
 * SVG → PNG without a browser: resvg (Rust, through @resvg/resvg-js's prebuilt binary). Chinese
 * labels need a CJK font: the service ships one, a 64 KB subset of WenQuanYi Micro Hei with the
 * characters the charts use (assets/fonts/README.md), so a machine without any CJK font still
 * draws labelled charts. BULLETIN_CJK_FONT names another font file (e.g. the full
 * /usr/share/fonts/truetype/wqy/wqy-microhei.ttc, for district names outside the subset). A
 * character the font lacks is left out of the image, nothing else (the tables carry the figures).
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as Resvg from '@resvg/resvg-js';

/** From src/… (ts-node, jest) or dist/src/… (compiled) up to the project root. */
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', fs.existsSync(path.resolve(__dirname, '..', '..', '..', '..', 'package.json')) ? '' : '..');
export const SHIPPED_CJK_FONT = path.join(ROOT, 'assets', 'fonts', 'wqy-microhei-bulletin-subset.ttf');

let found: { file: string | null } | undefined;

/** The CJK font file the charts use, or null when neither the configured nor the shipped one exists (looked up once). */
export function cjkFontFile(env: NodeJS.ProcessEnv = process.env): string | null {
  if (found) return found.file;
  const file = [env.BULLETIN_CJK_FONT, SHIPPED_CJK_FONT].find((f): f is string => !!f && fs.existsSync(f)) ?? null;
  found = { file };
  return file;
}

export interface PngImage {
  data: Buffer;
  width: number;
  height: number;
}

const cache = new Map<string, Promise<PngImage>>();
const CACHE_ENTRIES = 16;

/**
 * Renders at `scale` × the SVG's size (2 = sharp when printed at the SVG's size in points), off
 * the event loop (libuv's thread pool), so the two charts render side by side. resvg reads the
 * font file again for every text element, so a chart costs time in proportion to its labels and
 * to the font file's size (README "Bulletin"); the same SVG (same bulletin) is rendered once per
 * process and kept (16 entries).
 */
export function svgToPng(svg: string, scale = 2): Promise<PngImage> {
  const key = `${scale}:${svg}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const font = cjkFontFile();
  // Loaded on first use: the native renderer is not needed by a process that never writes a Word file.
  const { renderAsync } = require('@resvg/resvg-js') as typeof Resvg;
  const rendering = renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      fontFiles: font ? [font] : [],
      // Only this font (it has Latin glyphs too): resvg reads every loaded font for every text element.
      loadSystemFonts: !font,
      defaultFontFamily: font ? 'WenQuanYi Micro Hei' : 'DejaVu Sans',
      sansSerifFamily: font ? 'WenQuanYi Micro Hei' : 'DejaVu Sans',
    },
  }).then((out) => ({ data: out.asPng(), width: out.width, height: out.height }));
  cache.set(key, rendering);
  rendering.catch(() => cache.delete(key));
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return rendering;
}
