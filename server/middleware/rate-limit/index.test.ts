import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../errors.ts';
import { clientAddress, rateLimit, type RateLimitOptions } from './index.ts';

function limitedApp(options: Omit<RateLimitOptions, 'key'>) {
  const app = new Hono();
  app.use(rateLimit({ ...options, key: (c) => c.req.header('X-Client') ?? 'anonymous' }));
  app.get('/', (c) => c.text('ok'));
  app.onError(createErrorHandler({ report: () => {} }));
  return app;
}

const as = (client: string) => ({ headers: { 'X-Client': client } });

describe('rateLimit', () => {
  it('answers 429 with Retry-After once a client is over its limit', async () => {
    let now = 1_000_000;
    const app = limitedApp({ limit: 3, now: () => now });
    for (let i = 0; i < 3; i++) expect((await app.request('/', as('a'))).status).toBe(200);
    now += 20_000;
    const res = await app.request('/', as('a'));
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('40');
    expect(await res.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: 'Too many requests: at most 3 per 60 s. Try again in 40 s.' },
    });
  });

  it('counts each client separately', async () => {
    const app = limitedApp({ limit: 1, now: () => 0 });
    expect((await app.request('/', as('a'))).status).toBe(200);
    expect((await app.request('/', as('a'))).status).toBe(429);
    expect((await app.request('/', as('b'))).status).toBe(200);
  });

  it('lets a client in again when its window is over', async () => {
    let now = 0;
    const app = limitedApp({ limit: 1, windowMs: 10_000, now: () => now });
    expect((await app.request('/', as('a'))).status).toBe(200);
    expect((await app.request('/', as('a'))).status).toBe(429);
    now = 10_000;
    expect((await app.request('/', as('a'))).status).toBe(200);
  });

  it('forgets the earliest clients rather than remember more than maxClients', async () => {
    const app = limitedApp({ limit: 1, maxClients: 2, now: () => 0 });
    for (const client of ['a', 'b', 'c']) expect((await app.request('/', as(client))).status).toBe(200);
    // "a" was forgotten to make room for "c"; "c" is still remembered.
    expect((await app.request('/', as('a'))).status).toBe(200);
    expect((await app.request('/', as('c'))).status).toBe(429);
  });
});

describe('clientAddress', () => {
  it('is "unknown" for requests that come without a connection', async () => {
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(c)));
    expect(await (await app.request('/')).text()).toBe('unknown');
  });
});
