import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { PROJECT_ROOT } from '../index/config.ts';
import { chatRoutes } from './chat/index.ts';
import type { ServerConfig } from './config.ts';
import { ApiError, createErrorHandler, errorResponse, notFound, type ErrorHandlerOptions } from './errors.ts';
import { accessLog, type AccessLogEntry } from './middleware/access-log/index.ts';
import { rateLimit } from './middleware/rate-limit/index.ts';
import { webPage } from './middleware/web-page/index.ts';
import { openApiDocument } from './openapi/document.ts';
import { askRoutes } from './routes/ask.ts';
import { documentRoutes } from './routes/documents.ts';
import { healthRoutes } from './routes/health.ts';
import { referenceRoutes } from './routes/reference.ts';
import type { ServiceGetter } from './routes/require-service.ts';

/** The configuration the app uses: everything but where to listen and where the index is. */
export type AppConfig = Omit<ServerConfig, 'host' | 'port' | 'index'>;

/** Options of {@link createApp}. */
export interface AppOptions {
  config: AppConfig;
  /** The collection being served, or undefined while it loads (the API answers 503 `NOT_READY` meanwhile). */
  service: ServiceGetter;
  /** Where request log lines go. Default: one JSON line per request on stdout. */
  log?: (entry: AccessLogEntry) => void;
  /** Receives unexpected errors, the ones answered with a generic 500. Default: a JSON line on stderr. */
  reportError?: ErrorHandlerOptions['report'];
  /** The built web page served at `/`. Default `web/dist` of the project. */
  webRoot?: string;
  /** Called with background work of the chat bots (answers posted after the acknowledgement), to await it on shutdown. */
  onBackgroundTask?: (task: Promise<void>) => void;
}

/** Content-Security-Policy of every response: the page and the reference load only their own files, nothing inline. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Builds the HTTP app: the API (`/api/*`), health checks, the OpenAPI document and its reference page, the chat bots
 * and the web page. Does no I/O itself, so tests call `app.request()` on it; `server/main.ts` serves it.
 */
export function createApp(options: AppOptions): OpenAPIHono {
  const { config, service } = options;
  const app = new OpenAPIHono();

  app.use(requestId({ limitLength: 128 }));
  app.use(accessLog({ logQuestions: config.logQuestions, ...(options.log ? { write: options.log } : {}) }));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        errorResponse(
          c,
          new ApiError('METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; use ${methods.join(', ')}.`, {
            headers: { Allow: methods.join(', ') },
          }),
        ),
    }),
  );
  app.use(secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  if (config.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
        allowMethods: ['GET', 'POST', 'DELETE'],
        allowHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
        exposeHeaders: ['X-Request-Id', 'Retry-After', 'Location'],
        maxAge: 600,
      }),
    );
  }
  if (config.rateLimitPerMin) app.use('/api/*', rateLimit({ limit: config.rateLimitPerMin }));

  app.route('/', healthRoutes({ service }));
  app.route('/', askRoutes({ service }));
  app.route(
    '/',
    documentRoutes({ service, maxUploadBytes: config.maxUploadBytes, ...(config.adminToken ? { adminToken: config.adminToken } : {}) }),
  );
  app.route('/', referenceRoutes({ document: openApiDocument(app) }));
  app.route(
    '/',
    chatRoutes({
      service,
      ...(config.slack ? { slack: config.slack } : {}),
      ...(config.mattermost ? { mattermost: config.mattermost } : {}),
      ...(config.chatMaxBodyBytes ? { maxBodyBytes: config.chatMaxBodyBytes } : {}),
      ...(options.onBackgroundTask ? { onBackgroundTask: options.onBackgroundTask } : {}),
    }),
  );
  app.use(webPage({ root: options.webRoot ?? join(PROJECT_ROOT, 'web', 'dist') }));

  app.onError(createErrorHandler(options.reportError ? { report: options.reportError } : {}));
  app.notFound(notFound);
  return app;
}
