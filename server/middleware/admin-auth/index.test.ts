import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../errors.ts';
import { adminAuth } from './index.ts';

const TOKEN = 'admin-token-0123456789';

function guarded(token?: string) {
  const app = new Hono();
  app.delete('/doc', adminAuth(token ? { token } : {}), (c) => c.json({ deleted: true }));
  app.onError(createErrorHandler({ report: () => {} }));
  return app;
}

const del = (authorization?: string): RequestInit => ({
  method: 'DELETE',
  headers: authorization ? { Authorization: authorization } : {},
});

describe('adminAuth', () => {
  it('refuses every request with 403 saying how to enable changes when no token is configured', async () => {
    const res = await guarded().request('/doc', del(`Bearer ${TOKEN}`));
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('ADMIN_DISABLED');
    expect(body.error.message).toContain('ADMIN_TOKEN');
  });

  it('lets the right token through', async () => {
    const res = await guarded(TOKEN).request('/doc', del(`Bearer ${TOKEN}`));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true });
  });

  it.each([
    ['no Authorization header', undefined, 401, 'UNAUTHORIZED'],
    ['a wrong token', 'Bearer admin-token-9999999999', 401, 'UNAUTHORIZED'],
    ['a token that is a prefix of the right one', 'Bearer admin-token', 401, 'UNAUTHORIZED'],
    ['another scheme', `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}`, 400, 'INVALID_REQUEST'],
    ['a token with spaces', 'Bearer admin token', 400, 'INVALID_REQUEST'],
  ])('refuses %s', async (_what, authorization, status, code) => {
    const res = await guarded(TOKEN).request('/doc', del(authorization));
    expect(res.status).toBe(status);
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm="seogi-admin"/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });
});
