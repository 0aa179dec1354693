import express, { type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import { printAppSchema } from '../schema';

/**
 * What a person who opens the service's address sees: what this is and where to go next. Chinese
 * first (the readers are officials of the task force), English beside it for developers.
 */
export function frontPageHtml(config: Pick<Config, 'ide' | 'introspection'>): string {
  const ide = config.ide
    ? `<li><a href="/graphql">/graphql</a> — GraphQL 接口与在线调试工具 GraphiQL（浏览器打开）<br><small>GraphQL API and the GraphiQL IDE (open in a browser)</small></li>`
    : `<li><code>POST /graphql</code> — GraphQL 接口（本实例未开启在线调试工具）<br><small>GraphQL API (the IDE is turned off on this instance: GRAPHQL_IDE)</small></li>`;
  const schema = config.introspection
    ? `<li><a href="/schema.graphql">/schema.graphql</a> — 接口定义（GraphQL SDL）<br><small>The schema in SDL</small></li>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>电动自行车安全隐患全链条整治 · 数据接口服务</title>
  <style>
    body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; color: #1f2328; }
    h1 { font-size: 1.5rem; margin-bottom: 0; } .en { color: #57606a; margin-top: .2rem; }
    li { margin: .5rem 0; } small { color: #57606a; } code { background: #f6f8fa; padding: 0 .25rem; }
  </style>
</head>
<body>
  <h1>乐山市电动自行车安全隐患全链条整治 · 数据接口服务</h1>
  <p class="en">Leshan whole-chain remediation of e-bike safety hazards — GraphQL backend</p>
  <p>本服务为整治工作专班办公室、各专项工作组和成员单位提供主体、检查、隐患整改、案件与统计通报数据。除登录外，所有接口都需要令牌：先调用 <code>login</code>，再在请求头中发送 <code>Authorization: Bearer &lt;令牌&gt;</code>。</p>
  <p><small>Businesses, inspections, hazards and their remediation, cases and report figures for the task-force office, its teams and partner agencies. Everything but <code>login</code> needs a token: sign in, then send <code>Authorization: Bearer &lt;token&gt;</code>.</small></p>
  <h2>入口 <small>Endpoints</small></h2>
  <ul>
    ${ide}
    ${schema}
    <li><a href="/healthz">/healthz</a> — 进程存活检查<br><small>Liveness</small></li>
    <li><a href="/readyz">/readyz</a> — 就绪检查（数据库可用、迁移已完成）<br><small>Readiness: database reachable, no pending migration</small></li>
  </ul>
  <h2>导出 <small>Exports (需要令牌 · token required)</small></h2>
  <ul>
    <li><code>GET /exports/remediation-items.csv</code> — 隐患清单（CSV，可用 Excel 打开）<br><small>Remediation items as CSV; <code>filter</code> (JSON of <code>remediationItems(filter:)</code>), <code>orderBy</code>, <code>direction</code></small></li>
    <li><code>GET /exports/remediation-items.xlsx</code> — 隐患清单（Excel）<br><small>Remediation items as XLSX, same parameters</small></li>
    <li><code>GET /reports/bulletin?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</code> — 通报页面（含图表，可打印；浏览器可在 /reports/sign-in 登录）<br><small>Bulletin page with charts, printable on A4 landscape; browsers sign in at /reports/sign-in; default period: the last full month</small></li>
    <li><code>GET /exports/bulletin.docx?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</code> — 通报（Word）<br><small>Bulletin as an official-document Word file</small></li>
    <li><code>GET /exports/bulletin.xlsx?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</code> — 通报（Excel）<br><small>Bulletin for a period</small></li>
  </ul>
</body>
</html>`;
}

/** `GET /` and `GET /schema.graphql` (the live schema, only where introspection is allowed). */
export function frontPageRouter(config: Config, schema: GraphQLSchema): Router {
  const router = express.Router();
  const html = frontPageHtml(config);
  // Browsers ask for it on every page (the IDE included); no icon rather than a 404 in their console.
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).set('Cache-Control', 'public, max-age=86400').end();
  });
  router.get('/', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(html);
  });
  if (config.introspection) {
    const sdl = printAppSchema(schema);
    router.get('/schema.graphql', (_req, res) => {
      res.type('text/plain; charset=utf-8').set('Cache-Control', 'no-cache').send(sdl);
    });
  }
  return router;
}
