import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../chunk.ts';
import { PROJECT_ROOT } from '../config.ts';
import { buildPostings } from '../postings.ts';
import { DocumentReadError, toDocument } from '../load/index.ts';
import { DocumentPreparer } from './document-preparer.ts';

const SEED = '002_c75ad4871b78be58.txt';

const preparer = new DocumentPreparer();
afterAll(() => preparer.close());

describe('DocumentPreparer', () => {
  it('prepares a document on its worker exactly as the index would: same text, chunks and postings', async () => {
    const file = { relPath: SEED, content: readFileSync(join(PROJECT_ROOT, 'seeds', SEED), 'utf8') };
    const prepared = await preparer.prepare(file, { maxChars: 600 });

    const document = await toDocument(file);
    const chunks = chunkDocument(document, { maxChars: 600 });
    expect(prepared.document).toEqual(document);
    expect(prepared.chunks).toEqual(chunks);
    expect(prepared.chunks[0]?.text).toBe(document.text.slice(prepared.chunks[0]?.start, prepared.chunks[0]?.end));
    expect(prepared.postings).toEqual(buildPostings(chunks));
  });

  it('leaves the calling thread free while it works on a large document', async () => {
    const paragraph = (i: number) => `제${i}차 회의에서 로봇 기업 ${i}곳이 최대 ${i % 9}%p의 우대금리로 모두 ${i * 10}억 원을 지원받았다. `.repeat(5);
    const text = Array.from({ length: 4000 }, (_, i) => paragraph(i)).join('\n\n');
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 5);
    const prepared = await preparer.prepare({ relPath: 'big.txt', content: text }, { maxChars: 600 });
    clearInterval(ticking);
    expect(prepared.chunks.length).toBeGreaterThan(1500);
    // Done on this thread, the work would leave no turn to the timer until it ended.
    expect(turns).toBeGreaterThan(10);
  });

  it('gives a document with no text left no chunks, and goes on after one that fails', async () => {
    const empty = await preparer.prepare({ relPath: 'empty.html', content: '<html><body><script>x()</script></body></html>' }, {});
    expect(empty.chunks).toEqual([]);
    expect(empty.postings.terms).toEqual([]);
    const after = await preparer.prepare({ relPath: 'faq.md', content: '# FAQ\n\n대출 금리는 연 3%입니다.' }, {});
    expect(after.chunks.map((c) => c.text)).toEqual(['FAQ\n\n대출 금리는 연 3%입니다.']);
  });

  it('reads a PDF on its worker, and passes a refusal on with its code', async () => {
    const samples = join(PROJECT_ROOT, 'tests/fixtures/samples');
    const pdf = await preparer.prepare({ relPath: 'voucher.pdf', content: readFileSync(join(samples, 'voucher-2025.pdf')) }, {});
    expect(pdf.document).toMatchObject({ format: 'pdf', pages: [{ page: 1, start: 0 }] });
    expect(pdf.chunks.map((chunk) => chunk.text).join(' ')).toContain('3월 28일(금) 18시까지');
    const scan = preparer.prepare({ relPath: 'scan.pdf', content: readFileSync(join(samples, 'scanned-faq.pdf')) }, {});
    await expect(scan).rejects.toBeInstanceOf(DocumentReadError);
    await expect(scan).rejects.toMatchObject({ code: 'NO_TEXT_LAYER' });
  });
});
