import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { jsonBody } from '../middleware/json-body/index.ts';
import { errorResponses } from '../openapi/responses.ts';
import { answerSchema, askQuerySchema, askRequestSchema } from '../openapi/schemas.ts';
import type { AskRequest } from '../../contract/api.ts';
import type { Answer } from '../../contract/api.ts';
import { requireService, type ServiceGetter } from './require-service.ts';
import { validationHook } from './validation.ts';

/** Largest body of an ask request: a question and ten earlier turns fit many times over. */
export const ASK_MAX_BYTES = 64 * 1024;

/** Options of {@link askRoutes}. */
export interface AskRoutesOptions {
  service: ServiceGetter;
}

const answerResponse = {
  200: { description: 'The answer with its citations, or the not-found message.', content: { 'application/json': { schema: answerSchema } } },
};

const postAsk = createRoute({
  method: 'post',
  path: '/api/ask',
  tags: ['Ask'],
  summary: 'Ask a question',
  description:
    'Answers from the documents with extracted sentences, each followed by a `[n]` marker of the citation it comes from, ' +
    'and, when the question asks for a figure, date, name or list, the `short` span that answers it. `citations` holds ' +
    'only the passages the answer cites; the other passages found are in `related`. ' +
    "When the documents don't cover the question, `abstained` is true and `related` may offer the closest passages.",
  middleware: [jsonBody({ maxBytes: ASK_MAX_BYTES })] as const,
  request: { body: { required: true, content: { 'application/json': { schema: askRequestSchema } } } },
  responses: { ...answerResponse, ...errorResponses('INVALID_JSON', 'INVALID_REQUEST', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED', 'NOT_READY') },
});

const getAsk = createRoute({
  method: 'get',
  path: '/api/ask',
  tags: ['Ask'],
  summary: 'Ask a question (query string)',
  description: 'The same answer as `POST /api/ask`, for links and curl: `/api/ask?q=…&topK=3`. No conversation history.',
  request: { query: askQuerySchema },
  responses: { ...answerResponse, ...errorResponses('INVALID_REQUEST', 'RATE_LIMITED', 'NOT_READY') },
});

/** `POST /api/ask` and `GET /api/ask`. */
export function askRoutes(options: AskRoutesOptions): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.openapi(postAsk, async (c) => {
    const { question, topK, history } = c.req.valid('json');
    return c.json(await ask(c, options.service, history ? { question, topK, history } : { question, topK }), 200);
  });
  app.openapi(getAsk, async (c) => {
    const { q, topK } = c.req.valid('query');
    return c.json(await ask(c, options.service, topK === undefined ? { question: q } : { question: q, topK }), 200);
  });
  return app;
}

function ask(c: Context, service: ServiceGetter, request: AskRequest): Promise<Answer> {
  c.set('question', request.question);
  return requireService(service).ask(request);
}
