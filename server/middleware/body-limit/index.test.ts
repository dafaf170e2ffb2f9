import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { formatBytes, limitBody } from './index.ts';

/** An app whose route echoes the size and text of the body it read, behind a 100-byte limit; no `onError`. */
function echoApp() {
  const app = new Hono();
  app.post('/echo', limitBody({ maxBytes: 100 }), async (c) => {
    const text = await c.req.text();
    return c.json({ bytes: Buffer.byteLength(text), text });
  });
  return app;
}

/** A body of `count` copies of `chunk`, handed out one at a time as they are read, counting the bytes read. */
function countedStream(chunk: string, count: number) {
  const bytes = new TextEncoder().encode(chunk);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= bytes.length * count) return controller.close();
        pulled += bytes.length;
        controller.enqueue(bytes);
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled };
}

const TOO_LARGE = { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is over the limit of 100 bytes.' } };

describe('limitBody', () => {
  it('leaves a body within the limit to the route, unchanged', async () => {
    const body = '로봇 기업 우대금리는?';
    const res = await echoApp().request('/echo', { method: 'POST', headers: { 'Content-Length': String(Buffer.byteLength(body)) }, body });
    expect(await res.json()).toEqual({ bytes: Buffer.byteLength(body), text: body });
  });

  it('refuses a declared Content-Length over the limit with 413 in the error shape, without reading the body', async () => {
    const stream = countedStream('x', 10);
    const res = await echoApp().request('/echo', { method: 'POST', headers: { 'Content-Length': String(1024 ** 3) }, body: stream.body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(TOO_LARGE);
    expect(stream.pulled()).toBe(0);
  });

  it('cuts off a streamed body as soon as it passes the limit', async () => {
    const stream = countedStream('x'.repeat(30), 10_000);
    const res = await echoApp().request('/echo', { method: 'POST', body: stream.body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(TOO_LARGE);
    // 120 bytes is the chunk that went over; one more may have been queued ahead.
    expect(stream.pulled()).toBeLessThanOrEqual(150);
  });

  it('hands the route a streamed body within the limit, byte for byte', async () => {
    const stream = countedStream('가나다', 11);
    const res = await echoApp().request('/echo', { method: 'POST', body: stream.body, duplex: 'half' } as RequestInit);
    expect(await res.json()).toEqual({ bytes: 99, text: '가나다'.repeat(11) });
  });

  it('takes a body of exactly the limit and refuses one byte more', async () => {
    const app = echoApp();
    expect((await app.request('/echo', { method: 'POST', body: 'x'.repeat(100) })).status).toBe(200);
    const res = await app.request('/echo', { method: 'POST', body: 'x'.repeat(101) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(TOO_LARGE);
  });
});

describe('formatBytes', () => {
  it('says sizes the way limits are set', () => {
    expect(formatBytes(64 * 1024)).toBe('64 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(1500)).toBe('1500 bytes');
  });
});
