/**
 * The site icon, so a browser's console (GraphiQL's) shows no 404 for /favicon.ico: a small
 * SVG, served at /favicon.svg (which the GraphiQL page links) and /favicon.ico (which
 * browsers ask for by themselves), cacheable for a day.
 */
import type { Router } from './http';

/** A graph: three nodes and their edges, in the GraphQL pink. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<path d="M8 24 16 8l8 16z" fill="none" stroke="#e10098" stroke-width="2.5" stroke-linejoin="round"/>
<circle cx="16" cy="8" r="4" fill="#e10098"/><circle cx="8" cy="24" r="4" fill="#e10098"/><circle cx="24" cy="24" r="4" fill="#e10098"/>
</svg>
`;

export function registerFavicon(router: Router): void {
  const body = Buffer.from(FAVICON_SVG, 'utf8');
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    router.add('GET', path, 'system', ({ res }) => {
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'content-length': body.length, 'cache-control': 'public, max-age=86400' });
      res.end(body);
    });
  }
}
