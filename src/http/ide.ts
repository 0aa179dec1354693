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

const INIT_JS = `
(function () {
  var fetcher = GraphiQL.createFetcher({
    url: window.location.href.split('?')[0],
    headers: { 'apollo-require-preflight': 'true' },
  });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
    defaultHeaders: '{\\n  "Authorization": "Bearer <token from the login mutation>"\\n}',
    defaultQuery: '# 乐山市电动自行车安全隐患全链条整治 GraphQL API\\n# 1. Run the login mutation, 2. put the token in Headers, 3. query.\\n\\nmutation Login {\\n  login(username: "admin", password: "...") { accessToken expiresAt userErrors { field message code } }\\n}\\n\\nquery Teams {\\n  taskTeams { code nameZh leadDepartment { name } stages }\\n  districts { code name }\\n}\\n',
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
