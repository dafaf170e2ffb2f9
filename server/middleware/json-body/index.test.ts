import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { createErrorHandler } from '../../errors.ts';
import { jsonBody, nestingDepth, OFF_THREAD_BYTES } from './index.ts';

function echoApp(options: Parameters<typeof jsonBody>[0]) {
  const app = new Hono();
  app.post('/echo', jsonBody(options), async (c) => {
    const type = c.req.header('Content-Type') ?? '';
    return c.json(type.includes('json') ? { json: await c.req.json() } : { other: (await c.req.arrayBuffer()).byteLength });
  });
  app.onError(createErrorHandler({ report: () => {} }));
  return app;
}

const json = { 'Content-Type': 'application/json' };

async function errorOf(res: Response) {
  return { status: res.status, ...((await res.json()) as { error: { code: string; message: string } }).error };
}

describe('jsonBody', () => {
  const app = echoApp({ maxBytes: 100 });

  it('lets a JSON body through to the handler', async () => {
    const res = await app.request('/echo', { method: 'POST', headers: json, body: '{"question":"서기란?"}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ json: { question: '서기란?' } });
  });

  it('accepts a charset parameter and JSON-based media types', async () => {
    const res = await app.request('/echo', { method: 'POST', headers: { 'Content-Type': 'application/vnd.api+json; charset=utf-8' }, body: '[1]' });
    expect(await res.json()).toEqual({ json: [1] });
  });

  it('refuses a body without a Content-Type with 415', async () => {
    // Bytes, not a string: fetch labels a string body text/plain.
    const body = new TextEncoder().encode('{}');
    expect(await errorOf(await app.request('/echo', { method: 'POST', body }))).toEqual({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send a body with Content-Type application/json.',
    });
  });

  it('refuses another media type with 415, naming it', async () => {
    const res = await app.request('/echo', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(await errorOf(res)).toEqual({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Content-Type text/plain is not accepted here; send application/json.',
    });
  });

  it('refuses a body over the limit with 413, by Content-Length', async () => {
    const body = JSON.stringify({ q: 'x'.repeat(200) });
    const res = await app.request('/echo', { method: 'POST', headers: { ...json, 'Content-Length': String(body.length) }, body });
    expect(await errorOf(res)).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is over the limit of 100 bytes.' });
  });

  it('takes a body within its declared Content-Length without streaming it through the limit', async () => {
    const body = '{"question":"로봇 기업 우대금리는?"}';
    const res = await app.request('/echo', { method: 'POST', headers: { ...json, 'Content-Length': String(Buffer.byteLength(body)) }, body });
    expect(await res.json()).toEqual({ json: { question: '로봇 기업 우대금리는?' } });
  });

  it('refuses a body over the limit with 413 when it has no Content-Length', async () => {
    const res = await app.request('/echo', { method: 'POST', headers: json, body: JSON.stringify({ q: 'x'.repeat(200) }) });
    expect(await errorOf(res)).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is over the limit of 100 bytes.' });
  });

  it('refuses a streamed body over the limit with 413, without a Content-Length', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(40)));
        controller.close();
      },
    });
    const res = await app.request('/echo', { method: 'POST', headers: json, body: stream, duplex: 'half' } as RequestInit);
    expect((await errorOf(res)).status).toBe(413);
  });

  it('refuses bytes that are not UTF-8 with 400', async () => {
    const body = new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    expect(await errorOf(await app.request('/echo', { method: 'POST', headers: json, body }))).toEqual({
      status: 400,
      code: 'INVALID_JSON',
      message: 'The request body is not valid UTF-8.',
    });
  });

  it('refuses an empty or blank body with 400', async () => {
    for (const body of ['', '   ']) {
      expect(await errorOf(await app.request('/echo', { method: 'POST', headers: json, body }))).toEqual({
        status: 400,
        code: 'INVALID_JSON',
        message: 'The request body is empty; send a JSON object.',
      });
    }
  });

  it('refuses malformed JSON with 400 and the parser’s reason', async () => {
    const res = await app.request('/echo', { method: 'POST', headers: json, body: '{"question":' });
    const error = await errorOf(res);
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_JSON');
    expect(error.message).toMatch(/^The request body is not valid JSON: .+\.$/);
  });

  it('refuses JSON nested deeper than maxDepth with 400', async () => {
    const deep = echoApp({ maxBytes: 10_000, maxDepth: 4 });
    expect((await deep.request('/echo', { method: 'POST', headers: json, body: '[[[[1]]]]' })).status).toBe(200);
    expect(await errorOf(await deep.request('/echo', { method: 'POST', headers: json, body: '[[[[[1]]]]]' }))).toEqual({
      status: 400,
      code: 'INVALID_JSON',
      message: 'The JSON body is nested more than 4 levels deep.',
    });
  });

  it('leaves other accepted media types to the route, size-checked only', async () => {
    const forms = echoApp({ maxBytes: 1000, otherTypes: ['multipart/form-data'] });
    const form = new FormData();
    form.append('file', new File(['안녕하세요'], 'a.txt'));
    const res = await forms.request('/echo', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { other: number }).other).toBeGreaterThan(15);
    const big = new FormData();
    big.append('file', new File(['x'.repeat(2000)], 'a.txt'));
    expect((await forms.request('/echo', { method: 'POST', body: big })).status).toBe(413);
  });
});

describe('jsonBody with a large body', () => {
  const app = echoApp({ maxBytes: 10 * OFF_THREAD_BYTES });
  const text = '로봇 기업 우대금리는 최대 1.2%p입니다. '.repeat(Math.ceil((2 * OFF_THREAD_BYTES) / 50));

  it('parses it on a worker thread: this thread never parses it, and the route gets the value', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const res = await app.request('/echo', { method: 'POST', headers: json, body: JSON.stringify({ id: 'big', text }) });
      expect(res.status).toBe(200);
      expect(parse.mock.calls.filter(([source]) => source.length > OFF_THREAD_BYTES)).toEqual([]);
      expect(await res.json()).toEqual({ json: { id: 'big', text } });
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses it, malformed or too deep, with 400 and the same reasons', async () => {
    const cut = JSON.stringify({ text }).slice(0, -2);
    const malformed = await errorOf(await app.request('/echo', { method: 'POST', headers: json, body: cut }));
    expect(malformed).toMatchObject({ status: 400, code: 'INVALID_JSON' });
    expect(malformed.message).toMatch(/^The request body is not valid JSON: .+\.$/);
    const deep = `${'['.repeat(40)}${JSON.stringify(text)}${']'.repeat(40)}`;
    expect(await errorOf(await app.request('/echo', { method: 'POST', headers: json, body: deep }))).toEqual({
      status: 400,
      code: 'INVALID_JSON',
      message: 'The JSON body is nested more than 32 levels deep.',
    });
    const bytes = new Uint8Array(OFF_THREAD_BYTES + 10).fill(0x20);
    bytes.set([0x22, 0xff, 0x22], 5);
    expect(await errorOf(await app.request('/echo', { method: 'POST', headers: json, body: bytes }))).toMatchObject({ status: 400, message: 'The request body is not valid UTF-8.' });
  });
});

describe('nestingDepth', () => {
  it('counts brackets outside strings only', () => {
    expect(nestingDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(nestingDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(nestingDepth('["\\"[[[", []]')).toBe(2);
    expect(nestingDepth('42')).toBe(0);
  });
});
