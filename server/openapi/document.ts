import type { OpenAPIHono } from '@hono/zod-openapi';
import { registerChatPaths } from './chat-paths.ts';

/** Name of the security scheme of the admin routes, as routes reference it. */
export const ADMIN_SECURITY_SCHEME = 'AdminToken';

const documentConfig = {
  openapi: '3.0.3',
  info: {
    title: 'Seogi (서기) API',
    version: '1.0.0',
    description:
      'Answers questions from a local document collection with extracted sentences and cites every claim: document, ' +
      'source link, passage and exact character offsets. Errors are always `{"error": {"code", "message", "details"?}}`; ' +
      'every response carries an `X-Request-Id`.',
  },
  tags: [
    { name: 'Ask', description: 'Questions and answers.' },
    { name: 'Documents', description: 'The collection; adding and deleting need the admin token.' },
    { name: 'Operations', description: 'Health checks.' },
    { name: 'Chat', description: 'Webhooks called by Slack and Mattermost; see the chat set-up in the README.' },
  ],
};

/**
 * Registers what the routes don't declare themselves (the admin bearer scheme, the chat webhooks) and returns a
 * function that builds the OpenAPI document of `app`, once: the routes don't change after start-up.
 */
export function openApiDocument(app: OpenAPIHono): () => ReturnType<OpenAPIHono['getOpenAPIDocument']> {
  app.openAPIRegistry.registerComponent('securitySchemes', ADMIN_SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'The ADMIN_TOKEN the server was started with.',
  });
  registerChatPaths(app.openAPIRegistry);
  let document: ReturnType<OpenAPIHono['getOpenAPIDocument']> | undefined;
  return () => (document ??= app.getOpenAPIDocument(documentConfig));
}
