import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../contract/api.ts';
import { PROJECT_ROOT } from '../../index/config.ts';
import { openLiveCollection } from '../../server/live-collection.ts';
import type { DocumentDetail, DocumentSummary } from '../../contract/api.ts';
import { admin, appOver, listen, postJson, serveSeedApp } from './support.ts';

const VOUCHER = {
  id: 'ai-voucher-2025',
  title: 'AI 바우처 지원사업 공고',
  source: 'https://example.com/notice/1',
  text: '중소기업은 AI 바우처로 최대 3억 원을 지원받는다. 바우처 신청 마감은 2025년 3월 31일이다.',
};
const VOUCHER_QUESTION = 'AI 바우처 신청 마감일은?';

const served = serveSeedApp();

const api = (path: string, init?: RequestInit) => fetch(`${served.server.url}${path}`, init);

async function askOver(url: string, question: string): Promise<Answer> {
  const res = await fetch(`${url}/api/ask`, postJson({ question }));
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
}

/** A second server over the same DOCS_DIR and INDEX_DIR, as after a restart. */
async function restarted<T>(use: (url: string) => Promise<T>): Promise<T> {
  const service = await openLiveCollection(served.seed.workspace.config);
  const other = await listen(appOver(served.seed.workspace, service).app);
  try {
    return await use(other.url);
  } finally {
    await other.close();
  }
}

describe('adding, asking and deleting a document', () => {
  it('adds a JSON document, writes it to DOCS_DIR and answers 201 with its summary', async () => {
    const res = await api('/api/documents', postJson(VOUCHER, admin()));
    expect(res.status).toBe(201);
    expect(res.headers.get('Location')).toBe('/api/documents/ai-voucher-2025');
    expect(await res.json()).toMatchObject({ id: VOUCHER.id, title: VOUCHER.title, source: VOUCHER.source, date: null, chunks: 1, format: 'markdown' });
    const file = readFileSync(join(served.seed.workspace.config.docsDir, 'ai-voucher-2025.md'), 'utf8');
    expect(file).toContain(VOUCHER.text);
    expect(file).toContain('title: AI 바우처 지원사업 공고');
  });

  it('answers the next question from the new document, citing it', async () => {
    const answer = await askOver(served.server.url, VOUCHER_QUESTION);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('바우처 신청 마감은 2025년 3월 31일이다. [1]');
    expect(answer.citations[0]).toMatchObject({
      n: 1,
      docId: 'ai-voucher-2025',
      title: VOUCHER.title,
      source: VOUCHER.source,
      chunkId: 'ai-voucher-2025#0',
    });
    const detail = (await (await api('/api/documents/ai-voucher-2025')).json()) as DocumentDetail;
    const [highlight] = answer.citations[0]!.highlights;
    expect(detail.text.slice(highlight!.start, highlight!.end)).toBe('바우처 신청 마감은 2025년 3월 31일이다.');
  });

  it('lists the new document with the seeds', async () => {
    const { documents } = (await (await api('/api/documents')).json()) as { documents: DocumentSummary[] };
    expect(documents.map((d) => d.id)).toContain('ai-voucher-2025');
    expect(documents).toHaveLength(6);
    expect((await (await api('/readyz')).json()) as { documents: number }).toMatchObject({ documents: 6 });
  });

  it('refuses the same id twice with 409', async () => {
    const res = await api('/api/documents', postJson({ ...VOUCHER, text: '다른 내용' }, admin()));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DOCUMENT_EXISTS');
  });

  it('still has it after a restart', async () => {
    const answer = await restarted((url) => askOver(url, VOUCHER_QUESTION));
    expect(answer.citations[0]?.docId).toBe('ai-voucher-2025');
  });

  it('deletes it: 204, the file is gone and no answer cites it any more', async () => {
    const res = await api('/api/documents/ai-voucher-2025', { method: 'DELETE', headers: admin() });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(existsSync(join(served.seed.workspace.config.docsDir, 'ai-voucher-2025.md'))).toBe(false);
    expect((await api('/api/documents/ai-voucher-2025')).status).toBe(404);
    const answer = await askOver(served.server.url, VOUCHER_QUESTION);
    expect(answer.citations.map((c) => c.docId)).not.toContain('ai-voucher-2025');
    expect(answer.answer).not.toContain('3월 31일');
  });

  it('answers 404 to deleting it again', async () => {
    const res = await api('/api/documents/ai-voucher-2025', { method: 'DELETE', headers: admin() });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('is still gone after a restart', async () => {
    const answer = await restarted((url) => askOver(url, VOUCHER_QUESTION));
    expect(answer.citations.map((c) => c.docId)).not.toContain('ai-voucher-2025');
    const { documents } = await restarted(async (url) => (await (await fetch(`${url}/api/documents`)).json()) as { documents: DocumentSummary[] });
    expect(documents).toHaveLength(5);
  });
});

describe('uploading a file', () => {
  it('takes an HTML file as multipart form data, with its title from the page', async () => {
    const form = new FormData();
    const page =
      '<html><head><title>스마트팜 보급 계획</title></head><body><article><h1>스마트팜 보급 계획</h1>' +
      '<p>농림축산식품부는 2027년까지 스마트팜 온실 7,000헥타르를 보급한다.</p></article></body></html>';
    form.append('file', new File([page], 'smart-farm.html', { type: 'text/html' }));
    form.append('source', 'https://example.com/smart-farm');
    const res = await api('/api/documents', { method: 'POST', headers: admin(), body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: 'smart-farm', title: '스마트팜 보급 계획', source: 'https://example.com/smart-farm', date: null, chunks: 1 });
    const answer = await askOver(served.server.url, '스마트팜 온실 보급 목표 면적은?');
    expect(answer.answer).toContain('농림축산식품부는 2027년까지 스마트팜 온실 7,000헥타르를 보급한다. [1]');
    expect(answer.citations[0]).toMatchObject({ docId: 'smart-farm', source: 'https://example.com/smart-farm' });
    expect((await api('/api/documents/smart-farm', { method: 'DELETE', headers: admin() })).status).toBe(204);
  });

  it('names an uploaded text file after the file', async () => {
    const form = new FormData();
    form.append('file', new File(['# 공지\n\n사무실은 4월 1일부터 판교로 이전한다.'], 'office-move.md'));
    const res = await api('/api/documents', { method: 'POST', headers: admin(), body: form });
    expect(res.status).toBe(201);
    expect(((await res.json()) as DocumentSummary).id).toBe('office-move');
    expect(existsSync(join(served.seed.workspace.config.docsDir, 'office-move.md'))).toBe(true);
    expect((await api('/api/documents/office-move', { method: 'DELETE', headers: admin() })).status).toBe(204);
  });
});

describe('the documents list', () => {
  it('tells each document\'s format, the size of its file and when it was added', async () => {
    const before = Date.now();
    const form = new FormData();
    const page = '<html><head><title>수출 바우처</title></head><body><article><h1>수출 바우처</h1><p>수출 바우처는 최대 1억 원이다.</p></article></body></html>';
    form.append('file', new File([page], 'export-voucher.html'));
    const res = await api('/api/documents', { method: 'POST', headers: admin(), body: form });
    expect(res.status).toBe(201);
    const added = (await res.json()) as DocumentSummary;
    expect(added).toMatchObject({ id: 'export-voucher', format: 'html', size: Buffer.byteLength(page) });
    expect(Date.parse(added.addedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(added.addedAt!)).toBeLessThanOrEqual(Date.now());

    const { documents } = (await (await api('/api/documents')).json()) as { documents: DocumentSummary[] };
    expect(documents.find((d) => d.id === 'export-voucher')).toEqual(added);
    // A seed put in DOCS_DIR is listed with its file's modification time.
    const seed = documents.find((d) => d.id === '003_9ee0d488b8985d82')!;
    const seedFile = join(served.seed.workspace.config.docsDir, '003_9ee0d488b8985d82.txt');
    expect(seed).toMatchObject({ format: 'text', size: statSync(seedFile).size, addedAt: statSync(seedFile).mtime.toISOString() });
    expect((await api('/api/documents/export-voucher', { method: 'DELETE', headers: admin() })).status).toBe(204);
  });

  it('names a document uploaded from a Korean file name after it, readably, and serves it under that id', async () => {
    const form = new FormData();
    form.append('file', new File(['창업 지원금 신청은 5월 31일에 마감한다.'], '공고문 2025.txt'));
    const res = await api('/api/documents', { method: 'POST', headers: admin(), body: form });
    expect(res.status).toBe(201);
    expect(res.headers.get('Location')).toBe(`/api/documents/${encodeURIComponent('공고문-2025')}`);
    expect(await res.json()).toMatchObject({ id: '공고문-2025', format: 'text' });
    expect(existsSync(join(served.seed.workspace.config.docsDir, '공고문-2025.txt'))).toBe(true);
    const detail = (await (await api(res.headers.get('Location')!)).json()) as DocumentDetail;
    expect(detail.text).toBe('창업 지원금 신청은 5월 31일에 마감한다.');
    expect((await api(res.headers.get('Location')!, { method: 'DELETE', headers: admin() })).status).toBe(204);
  });
});

describe('duplicates', () => {
  const NOTICE = '# 스마트공장 공고\n\n스마트공장 구축 지원 한도는 기업당 2억 원이다.';

  it('refuses the same text under another name with 409 DUPLICATE_CONTENT naming the document that has it', async () => {
    const first = new FormData();
    first.append('file', new File([NOTICE], 'smart-factory.md'));
    expect((await api('/api/documents', { method: 'POST', headers: admin(), body: first })).status).toBe(201);

    const again = new FormData();
    again.append('file', new File([NOTICE], '스마트공장 공고 사본.md'));
    const res = await api('/api/documents', { method: 'POST', headers: admin(), body: again });
    expect(res.status).toBe(409);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('DUPLICATE_CONTENT');
    expect(error.message).toContain('"smart-factory"');
    expect(error.message).toContain('스마트공장 공고');
    expect(existsSync(join(served.seed.workspace.config.docsDir, '스마트공장-공고-사본.md'))).toBe(false);
    expect((await served.seed.service.listDocuments()).filter((d) => d.title === '스마트공장 공고')).toHaveLength(1);
  });

  it('compares the cleaned text: the same text sent as JSON is a duplicate too', async () => {
    const res = await api('/api/documents', postJson({ id: 'smart-factory-copy', text: NOTICE }, admin()));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DUPLICATE_CONTENT');
  });

  it('still answers a retry of the same id and content with 200', async () => {
    const retry = new FormData();
    retry.append('file', new File([NOTICE], 'smart-factory.md'));
    const res = await api('/api/documents', { method: 'POST', headers: admin(), body: retry });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'smart-factory', title: '스마트공장 공고' });
    expect((await api('/api/documents/smart-factory', { method: 'DELETE', headers: admin() })).status).toBe(204);
  });
});

describe('dates', () => {
  it('gives a citation the date of its document, and null to one without', async () => {
    const form = new FormData();
    form.append('file', new File(['---\ntitle: 청년 창업 공고\ndate: 2025-03-02\n---\n청년 창업 공간은 판교 창업존에서 제공한다.'], 'youth-startup.md'));
    const res = await api('/api/documents', { method: 'POST', headers: admin(), body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: 'youth-startup', date: '2025-03-02' });
    const answer = await askOver(served.server.url, '청년 창업 공간은 어디에서 제공해?');
    expect(answer.citations[0]).toMatchObject({ docId: 'youth-startup', date: '2025-03-02' });
    const undated = await askOver(served.server.url, 'what rate cut for robot firms?');
    expect(undated.citations[0]).toMatchObject({ docId: '000_b1883f170ede4282', date: null });
    expect((await api('/api/documents/youth-startup', { method: 'DELETE', headers: admin() })).status).toBe(204);
  });
});

describe('uploading PDF, HWP and CP949 files', () => {
  const sample = (name: string): File => new File([readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'samples', name))], name);
  const uploadSample = async (name: string): Promise<Response> => {
    const form = new FormData();
    form.append('file', sample(name));
    return api('/api/documents', { method: 'POST', headers: admin(), body: form });
  };

  it('adds a PDF with a text layer, stored as it came, and answers from it', async () => {
    const res = await uploadSample('voucher-2025.pdf');
    expect(res.status).toBe(201);
    const added = (await res.json()) as DocumentSummary;
    expect(added).toMatchObject({ id: 'voucher-2025', format: 'pdf', size: statSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'samples', 'voucher-2025.pdf')).size });
    expect(readFileSync(join(served.seed.workspace.config.docsDir, 'voucher-2025.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const answer = await askOver(served.server.url, '바우처 신청 기간은 언제까지야?');
    expect(answer.citations[0]?.docId).toBe('voucher-2025');
    expect(answer.answer.replace(/\s+/g, '')).toContain('3월28일');
  });

  it('adds an HWP notice', async () => {
    const res = await uploadSample('notice-bid-2024-08.hwp');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: 'notice-bid-2024-08', format: 'hwp' });
    const answer = await askOver(served.server.url, '계약기간은?');
    expect(answer.citations[0]?.docId).toBe('notice-bid-2024-08');
    expect(answer.answer.replace(/\s+/g, '')).toContain('2025년1월1일~2025년12월31일');
  });

  it('adds a CP949 text file as it came', async () => {
    const res = await uploadSample('robot-lease-2025.euckr.txt');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: 'robot-lease-2025.euckr', format: 'text' });
    const detail = (await (await api('/api/documents/robot-lease-2025.euckr')).json()) as DocumentDetail;
    expect(detail.text).toContain('보증');
  });

  it('refuses a scanned PDF with 422 NO_TEXT_LAYER, keeping nothing of it', async () => {
    const res = await uploadSample('scanned-faq.pdf');
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('NO_TEXT_LAYER');
    expect(error.message).toContain('run OCR first');
    expect(existsSync(join(served.seed.workspace.config.docsDir, 'scanned-faq.pdf'))).toBe(false);
    expect((await served.seed.service.listDocuments()).map((d) => d.id)).not.toContain('scanned-faq');
  });

  it('refuses a title for a file that names its own', async () => {
    const form = new FormData();
    form.append('file', sample('voucher-2025.pdf'));
    form.append('title', '다른 제목');
    const res = await api('/api/documents', { method: 'POST', headers: admin(), body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_DOCUMENT');
  });

  it('deletes them again', async () => {
    for (const id of ['voucher-2025', 'notice-bid-2024-08', 'robot-lease-2025.euckr']) {
      expect((await api(`/api/documents/${id}`, { method: 'DELETE', headers: admin() })).status).toBe(204);
    }
    expect(await served.seed.service.listDocuments()).toHaveLength(5);
  });
});

describe('GET /api/admin/check', () => {
  it('answers 204 to the right token, 401 to a wrong or missing one, and changes nothing', async () => {
    expect((await api('/api/admin/check', { headers: admin() })).status).toBe(204);
    const wrong = await api('/api/admin/check', { headers: { Authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'The admin token is not valid.' } });
    expect((await api('/api/admin/check')).status).toBe(401);
    expect(await served.seed.service.listDocuments()).toHaveLength(5);
  });
});

describe('without ADMIN_TOKEN', () => {
  it('refuses changes with 403 saying how to enable them, and changes nothing', async () => {
    const { app } = appOver(served.seed.workspace, served.seed.service, { ADMIN_TOKEN: '' });
    for (const res of [
      await app.request('/api/documents', postJson(VOUCHER, admin())),
      await app.request('/api/documents/000_b1883f170ede4282', { method: 'DELETE', headers: admin() }),
      await app.request('/api/admin/check', { headers: admin() }),
    ]) {
      expect(res.status).toBe(403);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('ADMIN_DISABLED');
      expect(error.message).toContain('ADMIN_TOKEN');
    }
    expect(await served.seed.service.listDocuments()).toHaveLength(5);
  });
});
