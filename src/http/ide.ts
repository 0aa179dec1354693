import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/**
 * GraphiQL served entirely by this service (React and GraphiQL UMD bundles from node_modules):
 * no CDN, because many government networks are offline.
 */
function packageFile(pkg: string, file: string): string {
  // The packages' `exports` maps hide these files from require.resolve; find the package folder.
  let dir = path.dirname(require.resolve(pkg));
  while (!fs.existsSync(path.join(dir, 'package.json')) || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== pkg) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package ${pkg} not found`);
    dir = up;
  }
  return path.join(dir, file);
}

const ASSETS: Record<string, string> = {
  'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
};

/**
 * The first document a newcomer sees. It must run exactly as shown against the schema (checked by
 * test/front-page.test.ts and test/ide-browser.test.ts): sign in with variables, then a query that needs the token.
 */
export const IDE_DEFAULT_QUERY = `# 乐山市电动自行车安全隐患全链条整治 GraphQL API
# 1. 在 Variables 中填写密码，运行 Login（令牌自动写入 Headers）。
# 2. 运行 Overview。
# 1. Fill in the password in Variables and run Login
#    (the token goes into Headers and survives reloads).
# 2. Run Overview.

mutation Login($username: String!, $password: String!) {
  login(input: { username: $username, password: $password }) {
    accessToken
    expiresAt
    userErrors { field code message }
  }
}

query Overview {
  me { name role }
  taskTeams { code nameZh leadDepartment { name } stages }
  remediationItems(first: 5) {
    totalCount
    nodes { code status deadline overdue }
  }
}
`;

export const IDE_DEFAULT_VARIABLES = `{
  "username": "admin",
  "password": ""
}`;

/**
 * No default Authorization header: a placeholder token would make every request (the schema fetch
 * included) a 401. Headers persist in the browser's localStorage; a successful login response
 * writes its token into the Headers editor so the next operation is signed in.
 */
const INIT_JS = `
(function () {
  var DEFAULT_QUERY = ${JSON.stringify(IDE_DEFAULT_QUERY)};
  var DEFAULT_VARIABLES = ${JSON.stringify(IDE_DEFAULT_VARIABLES)};
  var editors = {};
  // Rendered inside GraphiQL's toolbar only to reach its editors.
  function EditorHandle() {
    var ctx = GraphiQL.React.useEditorContext() || {};
    editors = ctx;
    React.useEffect(function () {
      var v = ctx.variableEditor, q = ctx.queryEditor;
      // A first visit (nothing stored): the sample's variables. GraphiQL only takes initial
      // variables from a prop that would overwrite the stored ones on every load.
      if (v && q && v.getValue().trim() === '' && q.getValue() === DEFAULT_QUERY) v.setValue(DEFAULT_VARIABLES);
    }, [ctx.variableEditor, ctx.queryEditor]);
    return null;
  }
  function parse(text) {
    try { var o = JSON.parse(text || '{}'); return o && typeof o === 'object' ? o : null; } catch (e) { return null; }
  }
  function afterResult(result) {
    var token = result && result.data && result.data.login && result.data.login.accessToken;
    if (!token) return;
    if (editors.headerEditor) {
      var headers = parse(editors.headerEditor.getValue()) || {};
      headers.Authorization = 'Bearer ' + token;
      editors.headerEditor.setValue(JSON.stringify(headers, null, 2));
    }
    // GraphiQL keeps variables in localStorage: do not leave the password there.
    var vars = editors.variableEditor && parse(editors.variableEditor.getValue());
    if (vars && typeof vars.password === 'string' && vars.password !== '') {
      vars.password = '';
      editors.variableEditor.setValue(JSON.stringify(vars, null, 2));
    }
  }
  var base = GraphiQL.createFetcher({
    url: window.location.origin + window.location.pathname,
    headers: { 'apollo-require-preflight': 'true' },
    // The service has no @defer/@stream; plain results also let afterResult read the login answer.
    enableIncrementalDelivery: false,
  });
  function fetcher(params, opts) {
    var result = base(params, opts);
    if (result && typeof result.then === 'function') {
      return result.then(function (r) { afterResult(r); return r; });
    }
    return result;
  }
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: true,
    defaultHeaders: '',
    defaultQuery: DEFAULT_QUERY,
    toolbar: { additionalComponent: EditorHandle },
  }));
})();
`;

export const IDE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>GraphiQL · 电动自行车安全隐患全链条整治</title>
  <link rel="stylesheet" href="/ide/graphiql.min.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/ide/react.production.min.js"></script>
  <script src="/ide/react-dom.production.min.js"></script>
  <script src="/ide/graphiql.min.js"></script>
  <script src="/ide/init.js"></script>
</body>
</html>`;

export function ideRouter(): Router {
  const router = express.Router();
  router.get('/ide/init.js', (_req, res) => {
    res.type('application/javascript').set('Cache-Control', 'no-cache').send(INIT_JS);
  });
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/ide/${name}`, (_req, res) => {
      res.set('Cache-Control', 'public, max-age=86400').sendFile(path.resolve(file));
    });
  }
  return router;
}

/** A browser asking for /graphql (Accept: text/html, GET) gets the IDE; API clients get GraphQL. */
export function wantsIde(req: express.Request): boolean {
  return req.method === 'GET' && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html' && !req.query.query;
}
