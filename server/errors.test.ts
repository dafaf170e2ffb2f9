import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { ServiceError, type ServiceErrorCode } from './service.ts';
import { ApiError, createErrorHandler, errorBody, ERRORS, fromServiceError, notFound } from './errors.ts';

function appThrowing(error: unknown, reported: unknown[] = []) {
  const app = new Hono();
  app.get('/boom', () => {
    throw error;
  });
  app.onError(createErrorHandler({ report: (e) => reported.push(e) }));
  app.notFound(notFound);
  return app;
}

describe('errorBody', () => {
  it('leaves details out when there are none', () => {
    expect(errorBody('NOT_FOUND', 'gone')).toEqual({ error: { code: 'NOT_FOUND', message: 'gone' } });
    expect(errorBody('NOT_FOUND', 'gone', [])).toEqual({ error: { code: 'NOT_FOUND', message: 'gone' } });
    expect(errorBody('INVALID_REQUEST', 'bad', [{ path: 'topK', message: 'too big' }])).toEqual({
      error: { code: 'INVALID_REQUEST', message: 'bad', details: [{ path: 'topK', message: 'too big' }] },
    });
  });
});

describe('ApiError', () => {
  it('takes its status, and Retry-After if any, from the catalogue', () => {
    const busy = new ApiError('INDEX_BUSY', 'npm run index (pid 7) is writing the index');
    expect([busy.status, busy.code, busy.message, busy.headers]).toEqual([503, 'INDEX_BUSY', 'npm run index (pid 7) is writing the index', { 'Retry-After': '30' }]);
    const missing = new ApiError('DOCUMENT_NOT_FOUND', 'no "x"', { headers: { 'Cache-Control': 'no-store' } });
    expect([missing.status, missing.headers]).toEqual([404, { 'Cache-Control': 'no-store' }]);
  });

  it("says the catalogue's message when given none, and keeps its own details and Retry-After", () => {
    expect(new ApiError('NOT_READY')).toMatchObject({ status: 503, message: ERRORS.NOT_READY.message, headers: { 'Retry-After': '5' } });
    const limited = new ApiError('RATE_LIMITED', 'slow down', { headers: { 'Retry-After': '7' }, details: [{ path: 'body', message: 'x' }] });
    expect([limited.status, limited.headers, limited.details]).toEqual([429, { 'Retry-After': '7' }, [{ path: 'body', message: 'x' }]]);
  });
});

describe('fromServiceError', () => {
  it.each<[ServiceErrorCode, number, string | null]>([
    ['DOCUMENT_EXISTS', 409, null],
    ['DOCUMENT_EMPTY', 400, null],
    ['INVALID_DOCUMENT', 400, null],
    ['INDEX_BUSY', 503, '30'],
    ['STORAGE_UNAVAILABLE', 503, '60'],
    ['DISK_FULL', 503, '60'],
  ])('answers the refusal %s with %i and Retry-After %s, in its own words', (code, status, retryAfter) => {
    const error = fromServiceError(new ServiceError(code, `refused: ${code}`));
    expect([error.status, error.code, error.message, error.headers['Retry-After'] ?? null]).toEqual([status, code, `refused: ${code}`, retryAfter]);
  });
});

describe('createErrorHandler', () => {
  it('answers an ApiError with its status, code, details and headers', async () => {
    const res = await appThrowing(new ApiError('RATE_LIMITED', 'slow down', { headers: { 'Retry-After': '7' } })).request('/boom');
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('7');
    expect(await res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: 'slow down' } });
  });

  it("gives Hono's own HTTP exceptions the error shape", async () => {
    const res = await appThrowing(new HTTPException(415, { message: 'Unsupported Media Type' })).request('/boom');
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Media Type' } });
  });

  it("answers a service's refusal through the catalogue, with its Retry-After", async () => {
    const res = await appThrowing(new ServiceError('INDEX_BUSY', 'npm run index (pid 7) is writing the index')).request('/boom');
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('30');
    expect(await res.json()).toEqual({ error: { code: 'INDEX_BUSY', message: 'npm run index (pid 7) is writing the index' } });
  });

  it("says the catalogue's message for an HTTP exception without one", async () => {
    const res = await appThrowing(new HTTPException(413)).request('/boom');
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: ERRORS.PAYLOAD_TOO_LARGE.message } });
  });

  it('passes on a response an HTTP exception carries', async () => {
    const own = new Response(JSON.stringify(errorBody('UNAUTHORIZED', 'no')), { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    const res = await appThrowing(new HTTPException(401, { res: own })).request('/boom');
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'no' } });
  });

  it('answers anything else with a generic 500 that reveals nothing, and reports the error', async () => {
    const reported: unknown[] = [];
    const secret = new Error('ENOENT: /srv/seogi/data/manifest.json');
    const res = await appThrowing(secret, reported).request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('INTERNAL');
    expect(text).not.toContain('manifest');
    expect(text).not.toContain('ENOENT');
    expect(reported).toEqual([secret]);
  });
});

describe('notFound', () => {
  it('names the method and path it has no route for', async () => {
    const res = await appThrowing(new Error('unused')).request('/nothing/here', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route POST /nothing/here. The API is described at /docs.' },
    });
  });
});
