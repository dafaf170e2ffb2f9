import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './analyze/sentences.ts';
import { chunkDocument } from './chunk.ts';
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
