import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { ApiError, createErrorHandler, errorBody, notFound } from './errors.ts';

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

describe('createErrorHandler', () => {
  it('answers an ApiError with its status, code, details and headers', async () => {
    const res = await appThrowing(new ApiError(429, 'RATE_LIMITED', 'slow down', undefined, { 'Retry-After': '7' })).request('/boom');
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('7');
    expect(await res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: 'slow down' } });
  });

  it("gives Hono's own HTTP exceptions the error shape", async () => {
    const res = await appThrowing(new HTTPException(415, { message: 'Unsupported Media Type' })).request('/boom');
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Media Type' } });
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
