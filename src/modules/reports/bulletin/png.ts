/**
 * SVG → PNG without a browser: resvg (Rust, through @resvg/resvg-js's prebuilt binary). Chinese
 * labels need a CJK font file: BULLETIN_CJK_FONT if set, else the first of the usual Debian/Ubuntu
 * CJK fonts found (fonts-wqy-microhei, fonts-wqy-zenhei, fonts-noto-cjk, fonts-droid-fallback),
 * plus the system fonts. Without any CJK font the PNGs are still drawn — bars, lines, markers and
 * digits — but their Chinese labels are left out (resvg draws no glyph it has no font for); the
 * document's tables say the same in text, and a warning is logged once (README "Bulletin").
 */
import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf',
];

let found: { file: string | null } | undefined;

/** The CJK font file the charts use, or null (looked up once per process). */
export function cjkFontFile(env: NodeJS.ProcessEnv = process.env): string | null {
  if (found) return found.file;
  const configured = env.BULLETIN_CJK_FONT;
  const file = [configured, ...CJK_FONT_CANDIDATES].find((f): f is string => !!f && fs.existsSync(f)) ?? null;
  found = { file };
  return file;
}

export interface PngImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Renders at `scale` × the SVG's size (2 = sharp when printed at the SVG's size in points). */
export function svgToPng(svg: string, scale = 2): PngImage {
  const font = cjkFontFile();
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      fontFiles: font ? [font] : [],
      loadSystemFonts: true,
      defaultFontFamily: font ? 'WenQuanYi Micro Hei' : 'DejaVu Sans',
      sansSerifFamily: font ? 'WenQuanYi Micro Hei' : 'DejaVu Sans',
    },
  });
  const out = r.render();
  return { data: out.asPng(), width: out.width, height: out.height };
}
