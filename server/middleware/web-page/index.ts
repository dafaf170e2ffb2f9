import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/** Options of {@link webPage}. */
export interface WebPageOptions {
  /** The built page: `index.html` and its assets. Required (the app passes `web/dist`). */
  root: string;
  /** Shown at `/` while the page is not built. Default: a note saying to run `npm run build:web`. */
  missingPage?: string;
}

const MISSING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Seogi</title></head>
<body><h1>Seogi (서기)</h1>
<p>The web page is not built yet. Run <code>npm run build:web</code>, then reload.</p>
<p>The API is up: see <a href="/docs">/docs</a>.</p></body></html>
`;

/**
 * Serves the built web page from `root` for GET and HEAD (content types from the file extension; `..` and encoded
 * separators refused by `serveStatic`), and a short note at `/` when the page has not been built. Other requests, and
 * files that don't exist, fall through to the next handler (in the end: 404).
 *
 * Whether the page exists is checked per request, so building it while the server runs needs no restart.
 */
export function webPage(options: WebPageOptions): MiddlewareHandler {
  const missingPage = options.missingPage ?? MISSING_PAGE;
  // Created on first use: serveStatic checks its root when constructed, and the app is built before any I/O.
  let files: MiddlewareHandler | undefined;
  return async function webPage(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (!existsSync(join(options.root, 'index.html'))) {
      return c.req.path === '/' ? c.html(missingPage, 200, { 'Cache-Control': 'no-store' }) : next();
    }
    files ??= serveStatic({ root: options.root });
    const found = await files(c, next);
    // The file names are not content-hashed: revalidate, so a rebuilt page is picked up.
    if (found instanceof Response) found.headers.set('Cache-Control', 'no-cache');
    return found;
  };
}
