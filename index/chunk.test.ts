import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureSegmenterWork } from './analyze/segmenter-work.ts';
import { splitSentences } from './analyze/sentences.ts';
import { chunkDocument, defaultChunkOptions } from './chunk.ts';
import { PROJECT_ROOT } from './config.ts';
import { loadDocuments } from './load/index.ts';
import type { Document } from './types.ts';

const seeds = await loadDocuments(join(PROJECT_ROOT, 'seeds'));

describe('chunkDocument on the seeds', () => {
  it('gives every chunk exact offsets into its document', () => {
    let count = 0;
    for (const doc of seeds) {
      for (const chunk of chunkDocument(doc)) {
        expect(doc.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
        expect(chunk.docId).toBe(doc.docId);
        count++;
      }
    }
    expect(count).toBeGreaterThan(15);
  });

  it('never cuts inside a sentence', () => {
    for (const doc of seeds) {
      const starts = new Set(splitSentences(doc.text).map((s) => s.start));
      const ends = new Set(splitSentences(doc.text).map((s) => s.end));
      for (const chunk of chunkDocument(doc)) {
        expect(starts.has(chunk.start), `${chunk.chunkId} starts mid-sentence`).toBe(true);
        expect(ends.has(chunk.end), `${chunk.chunkId} ends mid-sentence`).toBe(true);
      }
    }
  });

  it('keeps chunks within 600 characters unless one sentence is longer', () => {
    for (const doc of seeds) {
      for (const chunk of chunkDocument(doc)) {
        if (chunk.text.length > 600) expect(splitSentences(chunk.text)).toHaveLength(1);
      }
    }
  });

  it('covers every sentence of every document', () => {
    for (const doc of seeds) {
      const chunks = chunkDocument(doc);
      for (const sentence of splitSentences(doc.text)) {
        expect(chunks.some((c) => c.start <= sentence.start && sentence.end <= c.end)).toBe(true);
      }
    }
  });

  it('numbers chunks per document', () => {
    const doc = seeds.find((d) => d.docId === '001_4867c593fb02ccbe') as Document;
    expect(chunkDocument(doc).map((c) => c.chunkId).slice(0, 2)).toEqual(['001_4867c593fb02ccbe#0', '001_4867c593fb02ccbe#1']);
  });
});

describe('chunkDocument', () => {
  const doc = (text: string): Document => ({ docId: 'd', title: 't', text, hash: '' });

  it('ends a chunk at a paragraph break once it is long enough', () => {
    const para = (n: number) => `${'가나다라마바사 '.repeat(6).trim()} 문장 ${n}입니다.`;
    const text = [para(1), para(2), para(3), para(4), para(5), para(6)].join(' ') + '\n\n' + para(7);
    const chunks = chunkDocument(doc(text), { minChars: 200, maxChars: 600 });
    expect(chunks[0]?.text.endsWith('문장 6입니다.')).toBe(true);
    expect(chunks[1]?.text).toBe(para(7));
  });

  it('repeats one short sentence as overlap when a paragraph spills over', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `이것은 ${i + 1}번째 문장으로 길이를 채우기 위한 예시입니다.`);
    const chunks = chunkDocument(doc(sentences.join(' ')), { minChars: 100, maxChars: 200 });
    expect(chunks.length).toBeGreaterThan(2);
    const lastOfFirst = splitSentences(chunks[0]?.text ?? '').at(-1);
    const firstText = chunks[0]?.text ?? '';
    expect(chunks[1]?.text.startsWith(firstText.slice(lastOfFirst?.start, lastOfFirst?.end))).toBe(true);
  });
});

describe('chunkDocument on text without sentence punctuation', () => {
  const doc = (text: string): Document => ({ docId: 'd', title: 't', text, hash: '' });
  const lengths = (text: string, maxChars?: number) =>
    chunkDocument(doc(text), maxChars === undefined ? {} : { maxChars }).map((chunk) => chunk.text.length);
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  it('keeps every chunk of a megabyte without a full stop within maxChars, cut between words', () => {
    const words = ['인공지능', '제조', '혁신', '펀드', '지원', '확대', '기업', '보증', 'AI', '2030년'];
    const text = Array.from({ length: 300_000 }, (_, i) => words[(i * 7) % words.length]).join(' ');
    expect(text.length).toBeGreaterThan(1_000_000);
    const chunks = chunkDocument(doc(text));
    const { maxChars } = defaultChunkOptions;
    expect(Math.max(...chunks.map((chunk) => chunk.text.length))).toBeLessThanOrEqual(maxChars);
    expect(Math.min(...chunks.slice(0, -1).map((chunk) => chunk.text.length))).toBeGreaterThan(maxChars / 2);
    for (const [i, chunk] of chunks.entries()) {
      expect(chunk.text).toBe(text.slice(chunk.start, chunk.end));
      expect(chunk.chunkId).toBe(`d#${i}`);
      // Cut at a space: the next chunk starts right after it, and no word is split.
      const next = chunks[i + 1];
      if (next) expect(text.slice(chunk.end, next.start)).toBe(' ');
    }
    expect(chunks[0]?.start).toBe(0);
    expect(chunks.at(-1)?.end).toBe(text.length);
  });

  it('cuts a run without spaces at maxChars', () => {
    const text = 'a'.repeat(1_500);
    expect(chunkDocument(doc(text), { maxChars: 600 }).map(({ start, end }) => [start, end])).toEqual([
      [0, 600],
      [600, 1_200],
      [1_200, 1_500],
    ]);
  });

  it('never cuts between the two halves of a surrogate pair', () => {
    const text = '😀'.repeat(700);
    expect(lengths(text, 601)).toEqual([600, 600, 200]);
    for (const chunk of chunkDocument(doc(text), { maxChars: 601 })) expect(LONE_SURROGATE.test(chunk.text)).toBe(false);
  });

  it('cuts at the last space in the second half of the limit, else at the limit', () => {
    const late = `${'x'.repeat(400)} ${'y'.repeat(1_000)}`;
    expect(chunkDocument(doc(late), { maxChars: 600 }).map(({ text }) => text)).toEqual([
      'x'.repeat(400),
      'y'.repeat(600),
      'y'.repeat(400),
    ]);
    const early = `${'x'.repeat(100)} ${'y'.repeat(1_000)}`;
    expect(lengths(early, 600)).toEqual([600, 501]);
  });

  it('leaves the sentences around an over-long one whole', () => {
    const before = '앞 문장입니다.';
    const after = '뒤 문장입니다.';
    const long = `${'긴 '.repeat(500)}문장`;
    const text = `${before} ${long} ${after}`;
    const chunks = chunkDocument(doc(text), { maxChars: 600 });
    expect(chunks.every((chunk) => chunk.text.length <= 600)).toBe(true);
    expect(chunks[0]?.text.startsWith(before)).toBe(true);
    expect(chunks.at(-1)?.text.endsWith(after)).toBe(true);
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(text);
  });
});

describe('chunkDocument on long documents', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('does work proportional to the length of the text', () => {
    const work = measureSegmenterWork();
    const text = (count: number) =>
      Array.from({ length: count }, (_, i) => `이것은 ${i + 1}번째 문장으로 길이를 채우기 위한 예시입니다.${i % 5 === 4 ? '\n\n' : ' '}`).join('');
    const small = chunkDocument({ docId: 's', title: 's', text: text(2_000), hash: '' });
    const smallWork = work();
    const large = chunkDocument({ docId: 'l', title: 'l', text: text(20_000), hash: '' });
    const largeWork = work() - smallWork;
    expect(large.length / small.length).toBeCloseTo(10, 0);
    // Chunking the whole text in one pass of the segmenter costs 100 times more for 10 times the text.
    expect(largeWork / smallWork).toBeLessThan(12);
  });
});
