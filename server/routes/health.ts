import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { errorResponses } from '../openapi/responses.ts';
import { healthSchema, readySchema } from '../openapi/schemas.ts';
import { requireService, type ServiceGetter } from './require-service.ts';

/** Options of {@link healthRoutes}. */
export interface HealthRoutesOptions {
  service: ServiceGetter;
}

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  summary: 'Liveness',
  description: 'The process is up and serving HTTP; cheap, touches nothing else.',
  responses: { 200: { description: 'Alive.', content: { 'application/json': { schema: healthSchema } } } },
});

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Operations'],
  summary: 'Readiness',
  description: 'Ready once the index is loaded: then it reports the collection and the embedding model.',
  responses: {
    200: { description: 'The index is loaded.', content: { 'application/json': { schema: readySchema } } },
    ...errorResponses('NOT_READY'),
  },
});

/** `GET /healthz` and `GET /readyz`, for load balancers and orchestrators. */
export function healthRoutes(options: HealthRoutesOptions): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200, { 'Cache-Control': 'no-store' }));
  app.openapi(readyz, (c) => {
    return c.json({ status: 'ready' as const, ...requireService(options.service).stats() }, 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}
