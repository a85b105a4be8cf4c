/**
 * GraphiQL, served by ispgraph itself from the npm packages (no CDN), so it works on an
 * air-gapped network. A staff login bar above it (graphiql-login.js) calls staffLogin and sends
 * the session token with GraphiQL's requests. In development the demo token is also filled in;
 * in production (NODE_ENV=production) it is not.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Router } from '../server/http';
import { findPackageRoot, projectRoot } from '../shared/package-root';

const require = createRequire(import.meta.url);

const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
  // Ours, beside this file in src/ (also when running from the bundle): the staff login bar above GraphiQL.
  'login.js': { pkg: '', file: 'graphiql-login.js', type: 'text/javascript; charset=utf-8' },
};

/** The package's folder: its "exports" hide these prebuilt files from require.resolve. */
const packageRoot = (name: string): string => findPackageRoot(name, path.dirname(require.resolve(name)));

const cache = new Map<string, Buffer>();
function asset(name: string): Buffer | undefined {
  const spec = ASSETS[name];
  if (!spec) return undefined;
  let body = cache.get(name);
  if (!body) cache.set(name, (body = readFileSync(path.join(spec.pkg ? packageRoot(spec.pkg) : path.join(projectRoot, 'src', 'graphql'), spec.file))));
  return body;
}

const EXAMPLE_QUERY = `# The first customers.
# HEADERS_HINT
query FirstCustomers {
  customers(first: 5) {
    totalCount
    nodes {
      legacyId
      name
      status
      accessState
      contacts { name phone }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

export function graphiqlPage(options: { demoToken?: string }): string {
  const headers = options.demoToken ? JSON.stringify({ Authorization: `Bearer ${options.demoToken}` }, null, 2) : '';
  const hint = options.demoToken ? `The headers tab holds the demo's Authorization: Bearer ${options.demoToken}.` : 'Put your token in the headers tab: {"Authorization": "Bearer <token>"}';
  const config = JSON.stringify({ headers, query: EXAMPLE_QUERY.replace('HEADERS_HINT', hint) }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>ispgraph · GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/graphiql/graphiql.css">
  <style>html, body { height: 100%; margin: 0; } #graphiql { height: calc(100% - 2.5rem); }
    #login { height: 2.5rem; display: flex; gap: .5rem; align-items: center; padding: 0 .75rem; font: 14px sans-serif; box-sizing: border-box; border-bottom: 1px solid #ddd; }
    #login.signed-in input, #login.signed-in .in, #login:not(.signed-in) .out { display: none; }</style>
</head>
<body>
  <form id="login">Staff login:
    <input name="operator" placeholder="operator" required> <input name="username" placeholder="username" autocomplete="username" required>
    <input name="password" type="password" placeholder="password" autocomplete="current-password" required>
    <button class="in">Log in</button><span id="login-status"></span><button class="out" formnovalidate>Log out</button>
  </form>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script src="/graphiql/login.js"></script>
  <script>
    const config = ${config};
    const fetcher = GraphiQL.createFetcher({ url: '/graphql', fetch: ispgraphLogin.fetch });
    // A shared link (/graphql?query=…&variables=…&operationName=…) opens filled in, over what
    // this browser kept from before; editing keeps the address bar a link to what is shown.
    // Headers never go into the address: they may hold a token.
    const params = new URLSearchParams(location.search);
    const fromLink = (name) => params.get(name) ?? undefined;
    const keepInLink = (name) => (value) => {
      if (value) params.set(name, value);
      else params.delete(name);
      history.replaceState(null, '', '?' + params.toString());
    };
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        query: fromLink('query'),
        variables: fromLink('variables'),
        operationName: fromLink('operationName'),
        onEditQuery: keepInLink('query'),
        onEditVariables: keepInLink('variables'),
        onEditOperationName: keepInLink('operationName'),
        defaultQuery: config.query,
        defaultHeaders: config.headers,
        shouldPersistHeaders: true,
        defaultEditorToolsVisibility: config.headers ? 'headers' : false,
      }),
    );
  </script>
</body>
</html>
`;
}

export function registerGraphiqlAssets(router: Router): void {
  router.add('GET', '/graphiql/:file', 'system', ({ res, params }) => {
    const body = asset(params.file ?? '');
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': ASSETS[params.file!]!.type, 'content-length': body.length, 'cache-control': 'public, max-age=86400' });
    res.end(body);
  });
}
