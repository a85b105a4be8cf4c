/**
 * GET /openapi.json (the legacy REST document) and GET /docs, a Swagger UI page that renders
 * it. The viewer's files come from the swagger-ui-dist package in node_modules, never a CDN,
 * and a Content-Security-Policy holds the page to this origin: it works on an air-gapped
 * network and cannot leak what an operator types into "Try it out" anywhere else.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sendJson, sendText, type Router } from '../../server/http';
import { legacyOpenApi } from './document';

const require = createRequire(import.meta.url);
const swaggerRoot = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const JS = 'text/javascript; charset=utf-8';
const ASSETS: Record<string, { file?: string; text?: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: JS },
  'favicon-32x32.png': { file: 'favicon-32x32.png', type: 'image/png' },
  // The page's own start-up script is a file too, so the policy needs no inline scripts.
  // validatorUrl: null keeps Swagger UI from asking its public validator about the document.
  'init.js': {
    text: `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  // The four dialects start folded: expanded all at once, Swagger UI 5 stopped rendering this
  // many operations after the first screenful (headless Chromium, 203 operations).
  docExpansion: 'none',
  tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis],
});
`,
    type: JS,
  },
};

/**
 * Only this origin, for everything. Swagger UI sets element styles from script, hence
 * 'unsafe-inline' for styles (not scripts); its icons are data: URIs.
 */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>ispgraph · legacy REST APIs</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui">Loading the API description…</div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/init.js"></script>
</body>
</html>
`;

const cache = new Map<string, Buffer>();
function asset(name: string): Buffer | undefined {
  const spec = ASSETS[name];
  if (!spec) return undefined;
  let body = cache.get(name);
  if (!body) cache.set(name, (body = spec.text !== undefined ? Buffer.from(spec.text) : readFileSync(path.join(swaggerRoot, spec.file!))));
  return body;
}

export function registerOpenApiRoutes(router: Router): void {
  router.add('GET', '/openapi.json', 'system', ({ res }) => sendJson(res, 200, legacyOpenApi()));
  router.add('GET', '/docs', 'system', ({ res }) =>
    sendText(res, 200, PAGE, 'text/html; charset=utf-8', { 'content-security-policy': DOCS_CSP, 'x-content-type-options': 'nosniff' }),
  );
  router.add('GET', '/docs/assets/:file', 'system', ({ res, params }) => {
    const body = asset(params.file ?? '');
    if (!body) return sendText(res, 404, 'not found');
    res.writeHead(200, { 'content-type': ASSETS[params.file!]!.type, 'content-length': body.length, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' });
    res.end(body);
  });
}
