import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND } from '../../retrieval/answer/messages.ts';
import type { Answer } from '../../contract/api.ts';
import type { DocumentDetail, DocumentSummary } from '../../contract/api.ts';
import { appOver, openSeedApp, postJson, type SeedApp } from './support.ts';

let seed: SeedApp;
beforeAll(async () => {
  seed = await openSeedApp();
});
afterAll(() => seed.workspace.dispose());

const ROBOT_ARTICLE = '000_b1883f170ede4282';
const AI_FACTORY_ARTICLE = '003_9ee0d488b8985d82';

async function ask(body: unknown): Promise<Answer> {
  const res = await seed.app.request('/api/ask', postJson(body));
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
}

async function documentText(id: string): Promise<string> {
  const res = await seed.app.request(`/api/documents/${encodeURIComponent(id)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as DocumentDetail).text;
}

describe('health checks', () => {
  it('says the process is alive', async () => {
    const res = await seed.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reports the loaded collection and model once ready', async () => {
    const res = await seed.app.request('/readyz');
    expect(res.status).toBe(200);
    const listed = ((await (await seed.app.request('/api/documents')).json()) as { documents: DocumentSummary[] }).documents;
    expect(await res.json()).toEqual({
      status: 'ready',
      documents: 5,
      chunks: listed.reduce((sum, d) => sum + d.chunks, 0),
      model: 'seogi-static',
      generation: seed.service.stats().generation,
      writable: true,
    });
  });
});

describe('POST /api/ask', () => {
  it('answers the English card question with the robot-firm rate cut, cited to its article', async () => {
    const answer = await ask({ question: 'what rate cut for robot firms?' });
    expect(answer.abstained).toBe(false);
    expect(answer.lang).toBe('en');
    expect(answer.answer).toContain('1.2%p');
    const cited = answer.citations.find((c) => c.docId === ROBOT_ARTICLE && c.highlights.length > 0);
    expect(cited).toMatchObject({ title: 'AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!', source: 'https://newsdao.kr/4601' });
    const text = await documentText(ROBOT_ARTICLE);
    expect(text.slice(cited!.start, cited!.end)).toBe(cited!.text);
    const highlighted = cited!.highlights.map((h) => text.slice(h.start, h.end));
    expect(highlighted.some((sentence) => sentence.includes('1.2%p') && answer.answer.includes(sentence))).toBe(true);
  });

  it('answers a Korean question with the sentence that states the number', async () => {
    const answer = await ask({ question: 'AI 팩토리를 몇 개로 확대하나요?' });
    expect(answer.lang).toBe('ko');
    expect(answer.answer).toContain('AI 팩토리 선도사업 공장을 500개로 확대한다. [1]');
    expect(answer.citations[0]).toMatchObject({ n: 1, docId: AI_FACTORY_ARTICLE, source: 'https://www.asiae.co.kr' });
  });

  it('returns at most topK passages: the cited ones, then the related ones', async () => {
    const five = await ask({ question: '제조업 AI 도입률 목표는?' });
    const one = await ask({ question: '제조업 AI 도입률 목표는?', topK: 1 });
    expect(five.citations.length + five.related.length).toBe(5);
    expect(one.citations).toHaveLength(1);
    expect(one.related).toEqual([]);
    expect(one.citations[0]!.chunkId).toBe(five.citations[0]!.chunkId);
  });

  it('takes a conversation history and the display language', async () => {
    const answer = await ask({
      question: 'How many AI factories by 2030?',
      history: [{ question: '제조업 AI 도입률 목표는?', answer: '2030년까지 40%로 끌어올린다.' }],
      lang: 'ko',
    });
    expect(answer.answer).toContain('500개');
  });

  it('says plainly when the documents do not cover the question', async () => {
    const answer = await ask({ question: '제주도 여행 코스 추천해줘' });
    expect(answer).toMatchObject({ abstained: true, answer: NOT_FOUND.ko, citations: [] });
  });

  it('trims the question before answering', async () => {
    const padded = await ask({ question: '  \n AI 팩토리를 몇 개로 확대하나요?\t ' });
    const plain = await ask({ question: 'AI 팩토리를 몇 개로 확대하나요?' });
    expect(padded.answer).toBe(plain.answer);
  });
});

describe('GET /api/ask', () => {
  it('returns the same answer as POST, for links and curl', async () => {
    const res = await seed.app.request(`/api/ask?q=${encodeURIComponent('AI 팩토리를 몇 개로 확대하나요?')}&topK=2`);
    expect(res.status).toBe(200);
    const viaGet = (await res.json()) as Answer;
    const viaPost = await ask({ question: 'AI 팩토리를 몇 개로 확대하나요?', topK: 2 });
    expect({ ...viaGet, tookMs: 0 }).toEqual({ ...viaPost, tookMs: 0 });
    expect(viaGet.citations).toHaveLength(2);
  });
});

describe('documents', () => {
  it('lists every document with its metadata and chunk count', async () => {
    const res = await seed.app.request('/api/documents');
    expect(res.status).toBe(200);
    const { documents } = (await res.json()) as { documents: DocumentSummary[] };
    expect(documents.map((d) => d.id)).toEqual([
      '000_b1883f170ede4282',
      '001_4867c593fb02ccbe',
      '002_c75ad4871b78be58',
      '003_9ee0d488b8985d82',
      '004_b9fdec29fcde720d',
    ]);
    expect(documents[0]).toEqual({
      id: ROBOT_ARTICLE,
      title: 'AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!',
      source: 'https://newsdao.kr/4601',
      date: null,
      chunks: (await seed.service.listDocuments())[0]!.chunks,
      format: 'html',
      size: statSync(join(seed.workspace.config.docsDir, `${ROBOT_ARTICLE}.txt`)).size,
      addedAt: statSync(join(seed.workspace.config.docsDir, `${ROBOT_ARTICLE}.txt`)).mtime.toISOString(),
    });
    expect(documents[1]).toMatchObject({ title: '산업통상자원부, 산업계의 인공지능(AI) 투자 지원을 위한 금융상품 나온다', date: '2024-09-24', source: null });
    expect(documents.every((d) => d.chunks > 0)).toBe(true);
  });

  it('returns a document with the cleaned text citations point into', async () => {
    const res = await seed.app.request(`/api/documents/${AI_FACTORY_ARTICLE}`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as DocumentDetail;
    expect(doc).toMatchObject({ id: AI_FACTORY_ARTICLE, title: '2030년까지 제조업 AI 도입률 40%로 확대…AI 팩토리 500개로', source: 'https://www.asiae.co.kr' });
    expect(doc.text).toContain('AI 팩토리 선도사업 공장을 500개로 확대한다.');
    expect(doc.text).toBe((await seed.service.getDocument(AI_FACTORY_ARTICLE))!.text);
  });

  it('answers 404 for a document that does not exist', async () => {
    const res = await seed.app.request('/api/documents/no-such-document');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'DOCUMENT_NOT_FOUND', message: 'There is no document "no-such-document"; GET /api/documents lists them.' },
    });
  });
});

describe('while the index loads', () => {
  const loading = () => appOver(seed.workspace, seed.service, {}, { service: () => undefined }).app;

  it('is alive but not ready', async () => {
    const app = loading();
    expect((await app.request('/healthz')).status).toBe(200);
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('5');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_READY');
  });

  it('answers API requests 503 NOT_READY', async () => {
    const app = loading();
    for (const res of [
      await app.request('/api/ask', postJson({ question: '로봇 우대금리는?' })),
      await app.request('/api/ask?q=hello'),
      await app.request('/api/documents'),
      await app.request(`/api/documents/${ROBOT_ARTICLE}`),
    ]) {
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_READY');
    }
  });
});

describe('request ids', () => {
  it('gives every response a fresh id', async () => {
    const ids = [await seed.app.request('/healthz'), await seed.app.request('/nowhere')].map((r) => r.headers.get('X-Request-Id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('keeps a sane incoming id and replaces one that is not', async () => {
    const kept = await seed.app.request('/healthz', { headers: { 'X-Request-Id': 'desk-4711_a=b' } });
    expect(kept.headers.get('X-Request-Id')).toBe('desk-4711_a=b');
    for (const insane of ['has spaces', 'x'.repeat(129), '<script>', 'a\u00e9b']) {
      const res = await seed.app.request('/healthz', { headers: { 'X-Request-Id': insane } });
      expect(res.headers.get('X-Request-Id')).not.toBe(insane);
      expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('puts the id on error responses too, and in the log', async () => {
    const res = await seed.app.request('/api/ask', { ...postJson({ question: '' }), headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'trace-400' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('X-Request-Id')).toBe('trace-400');
    expect(seed.log.at(-1)).toMatchObject({ requestId: 'trace-400', status: 400, method: 'POST', path: '/api/ask' });
  });
});

describe('request log', () => {
  it('writes one line per request without the question text', async () => {
    const before = seed.log.length;
    await seed.app.request('/api/ask', postJson({ question: '비밀 프로젝트 예산은?' }));
    await seed.app.request(`/api/ask?q=${encodeURIComponent('비밀 프로젝트 예산은?')}`);
    const lines = seed.log.slice(before);
    expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
      ['POST', '/api/ask', 200],
      ['GET', '/api/ask', 200],
    ]);
    expect(JSON.stringify(lines)).not.toContain('비밀');
  });

  it('includes the question only with LOG_QUESTIONS=1', async () => {
    const { app, log } = appOver(seed.workspace, seed.service, { LOG_QUESTIONS: '1' });
    await app.request('/api/ask', postJson({ question: '  로봇 기업 우대금리는? ' }));
    expect(log).toHaveLength(1);
    expect(log[0]!.question).toBe('로봇 기업 우대금리는?');
  });
});

describe('secure headers and CORS', () => {
  it("allows the page's own scripts and styles only", async () => {
    const res = await seed.app.request('/healthz');
    expect(res.headers.get('Content-Security-Policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('sends no CORS headers unless CORS_ORIGINS is set', async () => {
    const res = await seed.app.request('/api/documents', { headers: { Origin: 'https://desk.example.com' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const preflight = await seed.app.request('/api/ask', { method: 'OPTIONS', headers: { Origin: 'https://desk.example.com' } });
    expect(preflight.status).toBe(405);
  });

  it('lets the configured origins call the API', async () => {
    const { app } = appOver(seed.workspace, seed.service, { CORS_ORIGINS: 'https://desk.example.com' });
    const preflight = await app.request('/api/ask', {
      method: 'OPTIONS',
      headers: { Origin: 'https://desk.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('https://desk.example.com');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('GET,POST,DELETE');
    const res = await app.request('/api/documents', { headers: { Origin: 'https://desk.example.com' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://desk.example.com');
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('X-Request-Id');
    const other = await app.request('/api/documents', { headers: { Origin: 'https://evil.example.com' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('rate limit', () => {
  it('is off by default', async () => {
    for (let i = 0; i < 30; i++) expect((await seed.app.request('/api/documents')).status).toBe(200);
  });

  it('answers 429 with Retry-After over RATE_LIMIT_PER_MIN, for the API only', async () => {
    const { app } = appOver(seed.workspace, seed.service, { RATE_LIMIT_PER_MIN: '2' });
    expect((await app.request('/api/documents')).status).toBe(200);
    expect((await app.request('/api/ask?q=hello')).status).toBe(200);
    const limited = await app.request('/api/documents');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('Retry-After'))).toBeLessThanOrEqual(60);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/readyz')).status).toBe(200);
  });
});

describe('the web page', () => {
  it('serves the built page at / and its assets with their content types', async () => {
    const root = join(seed.workspace.config.indexDir, '..', 'web-dist');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="ko"><script src="/app.js" type="module"></script></html>');
    writeFileSync(join(root, 'app.js'), 'document.title = "서기";');
    const { app } = appOver(seed.workspace, seed.service, {}, { webRoot: root });
    const page = await app.request('/');
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<script src="/app.js" type="module">');
    const script = await app.request('/app.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('document.title = "서기";');
  });

  it('serves the documents page at /documents, with or without a trailing slash, under the same strict CSP', async () => {
    const root = join(seed.workspace.config.indexDir, '..', 'web-dist-documents');
    mkdirSync(join(root, 'documents'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>chat</title>');
    writeFileSync(join(root, 'documents', 'index.html'), '<!doctype html><title>문서 관리</title><script src="/documents.js" type="module"></script>');
    const { app } = appOver(seed.workspace, seed.service, {}, { webRoot: root });
    for (const path of ['/documents', '/documents/']) {
      const page = await app.request(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<title>문서 관리</title>');
      expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
      expect(page.headers.get('Content-Security-Policy')).not.toContain('unsafe-inline');
    }
  });

  it('says to run npm run build:web while the page is not built', async () => {
    const { app } = appOver(seed.workspace, seed.service, {}, { webRoot: join(seed.workspace.config.indexDir, 'no-page') });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build:web');
  });
});
