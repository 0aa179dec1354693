/**
 * The bulletin page (通报页面): plain server-rendered HTML with the charts inline as SVG, a print
 * stylesheet for A4 landscape, no script and nothing loaded from elsewhere. Every value from the
 * database goes through escapeXml.
 */
import { cellKind, cellText, type BulletinDocument, type DocTable } from './document';
import { escapeXml as h } from './escape';

const STYLE = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { font-family: 'FangSong', '仿宋', 'FangSong_GB2312', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', serif; margin: 0 auto; max-width: 1180px; padding: 16px 24px 48px; color: #000; background: #fff; line-height: 1.55; }
  header.doc { text-align: center; border-bottom: 3px double #000; padding-bottom: 8px; margin-bottom: 12px; }
  h1 { font-family: 'SimHei', '黑体', 'WenQuanYi Micro Hei', sans-serif; font-size: 26px; margin: 8px 0 4px; letter-spacing: 1px; }
  .meta { display: flex; justify-content: space-between; gap: 12px; font-size: 14px; flex-wrap: wrap; }
  h2 { font-family: 'SimHei', '黑体', 'WenQuanYi Micro Hei', sans-serif; font-size: 18px; margin: 18px 0 6px; }
  p.lead { text-indent: 2em; margin: 4px 0; font-size: 15px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 4px 0; }
  th, td { border: 1px solid #000; padding: 3px 6px; }
  th { background: #e6e6e6; font-weight: bold; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  td.t { text-align: left; }
  p.note { font-size: 12px; margin: 2px 0 8px; }
  figure { margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
  figure svg { width: 100%; height: auto; max-height: 170mm; }
  figcaption { text-align: center; font-size: 13px; }
  nav.tools { font-size: 13px; margin-bottom: 8px; }
  nav.tools form { display: inline; }
  .charts { display: grid; grid-template-columns: 1fr; gap: 8px; }
  @page { size: A4 landscape; margin: 10mm 12mm; }
  @media print {
    body { max-width: none; padding: 0; font-size: 11pt; }
    nav.tools { display: none; }
    table { font-size: 9.5pt; }
    th, td { padding: 1.5px 4px; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    thead { display: table-header-group; }
    h2 { break-after: avoid; page-break-after: avoid; }
    section.charts-section { break-before: page; page-break-before: always; }
    .charts { grid-template-columns: 1fr 1fr; }
    figure svg { max-height: 120mm; }
  }
`;

function table(t: DocTable): string {
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col">${h(c.header)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map((r, ri) => `<tr>${r.map((v, ci) => {
      const kind = cellKind(t, ri, ci);
      const numeric = kind !== 'text' && kind !== 'date';
      return `<td class="${numeric ? 'n' : 't'}">${h(cellText(v, kind))}</td>`;
    }).join('')}</tr>`)
    .join('');
  const empty = t.rows.length === 0 ? `<tr><td colspan="${t.columns.length}" class="t">无</td></tr>` : '';
  return `<table id="${h(t.id)}-table">${head}<tbody>${body}${empty}</tbody></table>${t.note ? `<p class="note">${h(t.note)}</p>` : ''}`;
}

export interface PageLinks {
  docx: string;
  xlsx: string;
  /** Shown when the page was opened with the browser sign-in cookie. */
  signOut?: boolean;
}

export function bulletinHtml(doc: BulletinDocument, links: PageLinks): string {
  const [summary, ranking, teams, trend, inspections, major, overdue] = doc.tables;
  const [barChart, lineChart] = doc.charts;
  const section = (t: DocTable, extra = '') => `<section id="${h(t.id)}"><h2>${h(t.title)}</h2>${extra}${table(t)}</section>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(doc.title)}（${h(doc.periodText)}）</title>
<style>${STYLE}</style></head>
<body>
<nav class="tools"><a href="${h(links.docx)}">下载 Word 文档 (.docx)</a> · <a href="${h(links.xlsx)}">下载 Excel 工作簿 (.xlsx)</a>${links.signOut ? ` · <form method="post" action="/reports/sign-out"><button type="submit">退出登录</button></form>` : ''}</nav>
<header class="doc">
  <div class="meta"><span>${h(doc.docNumber)}</span></div>
  <h1>${h(doc.title)}</h1>
  <div class="meta"><span>统计期间：${h(doc.periodText)}（上期：${h(doc.previousText)}）</span><span>编制单位：${h(doc.compiler)}</span><span>编制日期：${h(doc.compiledOn)}</span></div>
</header>
<section id="overview">${doc.paragraphs.map((p) => `<p class="lead">${h(p)}</p>`).join('')}</section>
${section(summary)}
${section(ranking)}
${section(teams)}
<section class="charts-section" id="charts"><h2>图表</h2><div class="charts">
${[barChart, lineChart].map((c) => `<figure id="${h(c.id)}">${c.svg}<figcaption>${h(c.title)}</figcaption></figure>`).join('\n')}
</div></section>
${section(trend)}
${section(inspections)}
${section(major)}
${section(overdue)}
</body></html>`;
}

/** The browser sign-in form (报表登录): posts to /reports/sign-in, which sets the report cookie. */
export function signInHtml(opts: { next: string; error?: string; username?: string }): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录查看通报 · Sign in to read the bulletin</title>
<style>body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;max-width:420px;margin:60px auto;padding:0 16px}label{display:block;margin:12px 0 4px}input{width:100%;padding:6px;font-size:15px}button{margin-top:16px;padding:6px 18px;font-size:15px}.err{color:#000;border:2px solid #000;padding:6px 8px;font-weight:bold}</style></head>
<body><h1>登录查看通报</h1><p>Sign in to read the bulletin and download its documents.</p>
${opts.error ? `<p class="err" role="alert">${h(opts.error)}</p>` : ''}
<form method="post" action="/reports/sign-in">
<input type="hidden" name="next" value="${h(opts.next)}">
<label for="username">用户名 Username</label><input id="username" name="username" autocomplete="username" required value="${h(opts.username ?? '')}">
<label for="password">密码 Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录 Sign in</button>
</form></body></html>`;
}
