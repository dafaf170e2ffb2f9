import { request as httpRequest, type ClientRequest } from 'node:http';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../contract/api.ts';
import { commandForm, slackRequest, TEST_SIGNING_SECRET } from '../../server/chat/testing/slack-request.ts';
import { ERRORS, type ErrorCode } from '../../server/errors.ts';
import { ASK_MAX_BYTES } from '../../server/routes/ask.ts';
import { ADMIN_TOKEN, admin, serveSeedApp } from './support.ts';

/** Uploads are limited to this in this file, so an oversized one is cheap to send. */
const MAX_UPLOAD_BYTES = 4096;
/** So are the chat routes' bodies. */
const CHAT_MAX_BODY_BYTES = 8192;
const MATTERMOST_TOKEN = 'mm-token-0123456789';

interface Case {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | (() => FormData);
  status: number;
  code: string;
  /** A failing field the details must name. */
  field?: string;
}

const json = { 'Content-Type': 'application/json' };
const ask = (body: unknown): Pick<Case, 'method' | 'path' | 'headers' | 'body'> => ({
  method: 'POST',
  path: '/api/ask',
  headers: json,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const addDoc = (body: unknown, headers: Record<string, string> = admin(json)): Pick<Case, 'method' | 'path' | 'headers' | 'body'> => ({
  method: 'POST',
  path: '/api/documents',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const upload = (name: string, content: string | Uint8Array, type = 'text/plain') => () => {
  const form = new FormData();
  form.append('file', new File([content], name, { type }));
  return form;
};
const overChatLimit = 'x'.repeat(CHAT_MAX_BODY_BYTES + 1);
const chat = (path: string, contentType: string, body: string): Pick<Case, 'method' | 'path' | 'headers' | 'body'> => ({
  method: 'POST',
  path,
  // Signature headers that match no body: were the body read before its size is checked, the answer would be 401.
  headers: { 'Content-Type': contentType, 'X-Slack-Request-Timestamp': String(Math.floor(Date.now() / 1000)), 'X-Slack-Signature': `v0=${'0'.repeat(64)}` },
  body,
});
const deeplyNested = `{"question":"q","history":${'['.repeat(5000)}${']'.repeat(5000)}}`;
const invalidUtf8 = new Uint8Array([...new TextEncoder().encode('{"question":"'), 0xc3, 0x28, 0xa0, 0xa1, ...new TextEncoder().encode('"}')]);

const cases: Case[] = [
  { name: 'a question that is a number', ...ask({ question: 42 }), status: 400, code: 'INVALID_REQUEST', field: 'question' },
  { name: 'no question at all', ...ask({ topK: 3 }), status: 400, code: 'INVALID_REQUEST', field: 'question' },
  { name: 'an empty question', ...ask({ question: '' }), status: 400, code: 'INVALID_REQUEST', field: 'question' },
  { name: 'a whitespace-only question', ...ask({ question: ' \n\t　 ' }), status: 400, code: 'INVALID_REQUEST', field: 'question' },
  { name: 'a question over 1000 characters', ...ask({ question: '가'.repeat(1001) }), status: 400, code: 'INVALID_REQUEST', field: 'question' },
  { name: 'topK 0', ...ask({ question: '금리는?', topK: 0 }), status: 400, code: 'INVALID_REQUEST', field: 'topK' },
  { name: 'topK 21', ...ask({ question: '금리는?', topK: 21 }), status: 400, code: 'INVALID_REQUEST', field: 'topK' },
  { name: 'a fractional topK', ...ask({ question: '금리는?', topK: 2.5 }), status: 400, code: 'INVALID_REQUEST', field: 'topK' },
  { name: 'topK as a string', ...ask({ question: '금리는?', topK: '5' }), status: 400, code: 'INVALID_REQUEST', field: 'topK' },
  { name: 'history that is not a list', ...ask({ question: '금리는?', history: 'earlier' }), status: 400, code: 'INVALID_REQUEST', field: 'history' },
  {
    name: 'eleven turns of history',
    ...ask({ question: '금리는?', history: Array.from({ length: 11 }, () => ({ question: '앞 질문' })) }),
    status: 400,
    code: 'INVALID_REQUEST',
    field: 'history',
  },
  { name: 'a history turn without its question', ...ask({ question: '금리는?', history: [{ answer: '3%' }] }), status: 400, code: 'INVALID_REQUEST', field: 'history.0.question' },
  { name: 'an unknown field', ...ask({ question: '금리는?', top_k: 3 }), status: 400, code: 'INVALID_REQUEST', field: 'body' },
  { name: 'an unsupported language', ...ask({ question: '금리는?', lang: 'fr' }), status: 400, code: 'INVALID_REQUEST', field: 'lang' },
  { name: 'a JSON array as body', ...ask('["금리는?"]'), status: 400, code: 'INVALID_REQUEST', field: 'body' },
  { name: 'JSON null as body', ...ask('null'), status: 400, code: 'INVALID_REQUEST', field: 'body' },
  { name: 'malformed JSON', ...ask('{"question": "금리는?"'), status: 400, code: 'INVALID_JSON' },
  { name: 'an empty body', ...ask(''), status: 400, code: 'INVALID_JSON' },
  { name: 'bytes that are not UTF-8', ...ask(''), body: invalidUtf8, status: 400, code: 'INVALID_JSON' },
  { name: 'JSON nested 5000 levels deep', ...ask(deeplyNested), status: 400, code: 'INVALID_JSON' },
  { name: 'a body over 64 KB', ...ask({ question: '금리는?', history: [{ question: 'q', answer: 'x'.repeat(ASK_MAX_BYTES) }] }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'a text/plain body', ...ask({ question: '금리는?' }), headers: { 'Content-Type': 'text/plain' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a form-encoded body', ...ask('question=금리'), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a body without Content-Type', ...ask(''), headers: {}, body: new TextEncoder().encode('{"question":"금리는?"}'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'GET without q', method: 'GET', path: '/api/ask?topK=3', status: 400, code: 'INVALID_REQUEST', field: 'q' },
  { name: 'GET with a blank q', method: 'GET', path: '/api/ask?q=%20%20', status: 400, code: 'INVALID_REQUEST', field: 'q' },
  { name: 'GET with a non-numeric topK', method: 'GET', path: '/api/ask?q=hi&topK=five', status: 400, code: 'INVALID_REQUEST', field: 'topK' },
  { name: 'GET with q given twice', method: 'GET', path: '/api/ask?q=a&q=b', status: 400, code: 'INVALID_REQUEST', field: 'q' },
  { name: 'PUT on /api/ask', method: 'PUT', path: '/api/ask', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'PATCH on /api/documents', method: 'PATCH', path: '/api/documents', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'an unknown method', method: 'PROPFIND', path: '/api/documents/000_b1883f170ede4282', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'an unknown route', method: 'GET', path: '/api/answers', status: 404, code: 'NOT_FOUND' },
  { name: 'an unknown document', method: 'GET', path: '/api/documents/no-such-doc', status: 404, code: 'DOCUMENT_NOT_FOUND' },
  { name: 'a sub-folder id that does not exist', method: 'GET', path: '/api/documents/reports%2F2024', status: 404, code: 'DOCUMENT_NOT_FOUND' },
  { name: 'a traversal id', method: 'GET', path: '/api/documents/..%2F..%2Fetc%2Fpasswd', status: 400, code: 'INVALID_ID', field: 'id' },
  { name: 'an id with NUL', method: 'GET', path: '/api/documents/abc%00.txt', status: 400, code: 'INVALID_ID', field: 'id' },
  { name: 'an id with a newline', method: 'GET', path: '/api/documents/abc%0Aforged-log-line', status: 400, code: 'INVALID_ID', field: 'id' },
  { name: 'an id over 200 characters', method: 'GET', path: `/api/documents/${'a'.repeat(201)}`, status: 400, code: 'INVALID_ID', field: 'id' },
  { name: 'a traversal delete, authorised', method: 'DELETE', path: '/api/documents/..%2Fseeds', headers: admin(), status: 400, code: 'INVALID_ID', field: 'id' },
  { name: 'an add without a token', ...addDoc({ text: '새 문서' }, json), status: 401, code: 'UNAUTHORIZED' },
  { name: 'an add with a forged token', ...addDoc({ text: '새 문서' }, { ...json, Authorization: 'Bearer forged-token-0123456789' }), status: 401, code: 'UNAUTHORIZED' },
  {
    name: 'an add with the token as Basic credentials',
    ...addDoc({ text: '새 문서' }, { ...json, Authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` }),
    status: 400,
    code: 'INVALID_REQUEST',
  },
  { name: 'a delete with a forged token', method: 'DELETE', path: '/api/documents/000_b1883f170ede4282', headers: { Authorization: `Bearer ${ADMIN_TOKEN}x` }, status: 401, code: 'UNAUTHORIZED' },
  { name: 'a document whose text is a number', ...addDoc({ text: 1 }), status: 400, code: 'INVALID_REQUEST', field: 'text' },
  { name: 'a document with both text and html', ...addDoc({ text: 'a', html: '<p>b</p>' }), status: 400, code: 'INVALID_REQUEST', field: 'text' },
  { name: 'a javascript: source link', ...addDoc({ text: '본문', source: 'javascript:alert(1)' }), status: 400, code: 'INVALID_REQUEST', field: 'source' },
  { name: 'a traversal id for a new document', ...addDoc({ id: '../../etc/cron.d/x', text: '본문' }), status: 400, code: 'INVALID_REQUEST', field: 'id' },
  { name: 'a document of blanks', ...addDoc({ text: '  \n\t ' }), status: 400, code: 'DOCUMENT_EMPTY' },
  { name: 'an empty file', method: 'POST', path: '/api/documents', headers: admin(), body: upload('notes.txt', ''), status: 400, code: 'DOCUMENT_EMPTY' },
  { name: 'a document that is empty after cleaning', ...addDoc({ html: '<html><body><nav>메뉴</nav></body></html>' }), status: 400, code: 'DOCUMENT_EMPTY' },
  { name: 'a document of invisible characters only', ...addDoc({ text: '\u200B\uFEFF\u00AD\u200B' }), status: 400, code: 'DOCUMENT_EMPTY' },
  { name: 'a document as text/plain', ...addDoc('본문'), headers: admin({ 'Content-Type': 'text/plain' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'an upload of a program', method: 'POST', path: '/api/documents', headers: admin(), body: upload('setup.exe', 'MZ\u0090', 'application/octet-stream'), status: 415, code: 'UNSUPPORTED_FORMAT' },
  {
    name: 'an upload in no text encoding Seogi reads',
    method: 'POST',
    path: '/api/documents',
    headers: admin(),
    body: upload('notes.txt', new Uint8Array([0x80, 0x81, 0x00, 0x01, 0xff])),
    status: 422,
    code: 'UNREADABLE_DOCUMENT',
  },
  { name: 'a PDF cut short', method: 'POST', path: '/api/documents', headers: admin(), body: upload('notice.pdf', '%PDF-1.7\n1 0 obj\n<<'), status: 422, code: 'UNREADABLE_DOCUMENT' },
  {
    name: 'an HWPX zip without its manifest',
    method: 'POST',
    path: '/api/documents',
    headers: admin(),
    body: upload('notice.hwpx', zipSync({ 'Contents/section0.xml': strToU8('<hs:sec><hp:p><hp:t>공고</hp:t></hp:p></hs:sec>') })),
    status: 422,
    code: 'UNREADABLE_DOCUMENT',
  },
  {
    name: 'a 50 MB PDF, refused before it is read',
    method: 'POST',
    path: '/api/documents',
    headers: admin(),
    body: upload('scan-archive.pdf', new Uint8Array(50 * 1024 * 1024).fill(0x25), 'application/pdf'),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  { name: 'a .hwp that is no HWP file', method: 'POST', path: '/api/documents', headers: admin(), body: upload('notice.hwp', '그냥 글입니다'), status: 422, code: 'UNREADABLE_DOCUMENT' },
  { name: 'an upload over MAX_UPLOAD_BYTES', method: 'POST', path: '/api/documents', headers: admin(), body: upload('big.txt', '가'.repeat(MAX_UPLOAD_BYTES)), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'a Slack event over CHAT_MAX_BODY_BYTES', ...chat('/slack/events', 'application/json', JSON.stringify({ type: 'event_callback', text: overChatLimit })), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'a Slack slash command over CHAT_MAX_BODY_BYTES', ...chat('/slack/commands', 'application/x-www-form-urlencoded', commandForm(overChatLimit)), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  {
    name: 'a Mattermost command over CHAT_MAX_BODY_BYTES',
    ...chat('/mattermost/commands', 'application/x-www-form-urlencoded', `token=${MATTERMOST_TOKEN}&text=${overChatLimit}`),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'an upload without a file',
    method: 'POST',
    path: '/api/documents',
    headers: admin(),
    body: () => {
      const form = new FormData();
      form.append('title', '제목만');
      return form;
    },
    status: 400,
    code: 'INVALID_REQUEST',
    field: 'file',
  },
];

const served = serveSeedApp({
  MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
  CHAT_MAX_BODY_BYTES: String(CHAT_MAX_BODY_BYTES),
  SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  MATTERMOST_TOKEN,
});

type Send = (c: Case) => Promise<Response>;
const init = (c: Case): RequestInit => ({
  method: c.method,
  headers: c.headers ?? {},
  ...(c.body === undefined ? {} : { body: typeof c.body === 'function' ? c.body() : c.body }),
});
const transports: Array<[string, () => Send]> = [
  ['in process (app.request)', () => (c) => Promise.resolve(served.seed.app.request(c.path, init(c)))],
  ['over HTTP on loopback', () => (c) => fetch(`${served.server.url}${c.path}`, init(c))],
];

describe.each(transports)('malformed requests, %s', (_transport, sender) => {
  it(`has at least 30 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('answers $name with $status $code', async (c) => {
    const res = await sender()(c);
    const text = await res.text();
    expect(res.status).toBe(c.status);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('X-Request-Id')).toBeTruthy();
    const body = JSON.parse(text) as { error: { code: string; message: string; details?: Array<{ path: string; message: string }> } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(c.code);
    expect(body.error.message.length).toBeGreaterThan(10);
    if (c.field) expect(body.error.details?.map((d) => d.path)).toContain(c.field);
    expect(text).not.toMatch(/\bat .+:\d+:\d+|node_modules|Error:/);
    if (c.status === 405) expect(res.headers.get('Allow')).toMatch(/GET|POST/);
    if (c.status === 401) expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
  });

  it('still answers afterwards, with nothing reported as a server error', async () => {
    const send = sender();
    expect((await send({ name: 'health', method: 'GET', path: '/healthz', status: 200, code: '' })).status).toBe(200);
    const res = await send({ name: 'ask', ...ask({ question: 'what rate cut for robot firms?' }), status: 200, code: '' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Answer).answer).toContain('1.2%p');
    expect(served.seed.errors).toEqual([]);
    expect(await served.seed.service.listDocuments()).toHaveLength(5);
  });
});

describe('the error catalogue', () => {
  /** The documented path a request goes to: `/api/documents/x` is `/api/documents/{id}`, the query left out. */
  const documentedPath = (path: string) => path.split('?')[0]!.replace(/^\/api\/documents\/.+$/, '/api/documents/{id}');

  it.each(cases)("answers $name with its code's status, and documents that code under the route", async (c) => {
    expect(ERRORS[c.code as ErrorCode].status).toBe(c.status);
    // An unknown route or method has no operation to document it under.
    if (c.code === 'NOT_FOUND' || c.code === 'METHOD_NOT_ALLOWED') return;
    const spec = (await (await served.seed.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const operation = spec.paths[documentedPath(c.path)]?.[c.method.toLowerCase()];
    expect(operation?.responses[c.status]?.description).toContain(`\`${c.code}\`: ${ERRORS[c.code as ErrorCode].message}`);
  });
});

describe('broken connections', () => {
  it('survive a client that hangs up in the middle of a body', async () => {
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${served.server.url}/api/ask`, { method: 'POST', headers: { ...json, 'Content-Length': '1000' } });
      req.on('error', () => resolve());
      req.write('{"question":"금리', () => {
        req.destroy();
        resolve();
      });
    });
    const res = await fetch(`${served.server.url}/api/ask?q=${encodeURIComponent('AI 팩토리를 몇 개로 확대하나요?')}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Answer).answer).toContain('500개');
  });
});

describe('chat bodies over HTTP', () => {
  /** Sends a POST to a chat route over loopback: headers first, then `write` feeds the body until the response comes. */
  function post(path: string, headers: Record<string, string>, write: (req: ClientRequest, answered: () => boolean) => Promise<void>) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      let done = false;
      const req = httpRequest(`${served.server.url}${path}`, { method: 'POST', headers });
      req.on('response', (res) => {
        done = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', (error) => {
        if (!done) reject(error);
      });
      req.flushHeaders();
      write(req, () => done).catch(reject);
    });
  }

  it('refuses a gigabyte announced by Content-Length at once, before a byte of it is sent, and before the signature', async () => {
    for (const path of ['/slack/events', '/slack/commands', '/mattermost/commands']) {
      const res = await post(path, { 'Content-Type': 'application/json', 'Content-Length': String(1024 ** 3), 'X-Slack-Signature': 'v0=forged' }, async () => {});
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is over the limit of 8 KB.' } });
    }
  });

  it('cuts off a chunked body as soon as it passes the limit, instead of reading it to the end', async () => {
    let written = 0;
    const chunk = 'x'.repeat(1024);
    const res = await post('/slack/events', { 'Content-Type': 'application/json', 'X-Slack-Signature': 'v0=forged' }, async (req, answered) => {
      // Four megabytes offered a kilobyte at a time; without a limit the server would read them all, then answer 401.
      while (!answered() && written < 4 * 1024 * 1024) {
        await new Promise<void>((resolve) => req.write(chunk, () => resolve()));
        written += chunk.length;
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (!answered()) req.end();
    });
    expect(res.status).toBe(413);
    expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(written).toBeLessThan(8 * CHAT_MAX_BODY_BYTES);
  });

  it('still answers a signed slash command within the limit, sent whole or chunked', async () => {
    const body = commandForm('what rate cut for robot firms?');
    const signed = slackRequest('/slack/commands', body);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(body);
        controller.enqueue(bytes.slice(0, 100));
        controller.enqueue(bytes.slice(100));
        controller.close();
      },
    });
    for (const init of [{ body }, { body: chunked, duplex: 'half' }]) {
      const res = await fetch(`${served.server.url}/slack/commands`, { method: 'POST', headers: signed.headers, ...init } as RequestInit);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { text: string }).text).toContain('1.2%p');
    }
  });
});
