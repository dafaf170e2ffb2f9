import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const page = (name: string) => fileURLToPath(new URL(`../openapi/reference/${name}`, import.meta.url));

/** Options of {@link referenceRoutes}. */
export interface ReferenceRoutesOptions {
  /** Builds the OpenAPI document. */
  document: () => unknown;
}

/**
 * `GET /openapi.json` and the browsable reference at `/docs`: a small page of the server's own (no CDN) that renders
 * the document, for air-gapped installs as much as for anyone else.
 */
export function referenceRoutes(options: ReferenceRoutesOptions): Hono {
  const app = new Hono();
  app.get('/openapi.json', (c) => c.json(options.document()));
  app.get('/docs', serveStatic({ path: page('index.html') }));
  app.get('/docs/reference.js', serveStatic({ path: page('reference.js') }));
  app.get('/docs/reference.css', serveStatic({ path: page('reference.css') }));
  return app;
}
