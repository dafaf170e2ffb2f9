import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../index/chunk.ts';
import { PROJECT_ROOT } from '../../index/config.ts';
import { loadDocuments } from '../../index/load/index.ts';
import type { Chunk } from '../../index/types.ts';
import { analyze } from '../../index/analyze/terms.ts';
import { ANALYSED_PASSAGES_KEPT, analyzePassage } from './passage-analysis.ts';

const seedChunks = (await loadDocuments(join(PROJECT_ROOT, 'seeds'))).flatMap((doc) => chunkDocument(doc));

function chunk(n: number, text = '로봇 기업은 대출 금리를 1.2%p 우대받는다. 스타트업도 지원한다.'): Chunk {
  return { chunkId: `doc#${n}`, docId: 'doc', start: 100, end: 100 + text.length, text };
}

describe('analyzePassage', () => {
  it('gives the sentences with offsets into the document, their terms and word positions', () => {
    const analysis = analyzePassage(chunk(0));
    expect(analysis.sentences.map((s) => [s.text, s.start, s.end])).toEqual([
      ['로봇 기업은 대출 금리를 1.2%p 우대받는다.', 100, 126],
      ['스타트업도 지원한다.', 127, 138],
    ]);
    expect(analysis.terms.has('로봇')).toBe(true);
    expect(analysis.sentences[1]?.terms.has('로봇')).toBe(false);
    expect(analysis.positions.get('로봇')).toEqual([0]);
  });

  it('gives every seed passage and sentence exactly the terms of analysing its own text', () => {
    expect(seedChunks.length).toBeGreaterThan(20);
    for (const seed of seedChunks) {
      const analysis = analyzePassage(seed);
      expect(analysis.terms).toEqual(new Set(analyze(seed.text)));
      for (const sentence of analysis.sentences) expect(sentence.terms).toEqual(new Set(analyze(sentence.text)));
    }
  });

  it('reuses the analysis of a recent passage and forgets the least recently used beyond its bound', () => {
    const first = chunk(1);
    const analysis = analyzePassage(first);
    expect(analyzePassage(first)).toBe(analysis);
    for (let n = 2; n <= ANALYSED_PASSAGES_KEPT + 1; n++) analyzePassage(chunk(n, '짧은 문장.'));
    const again = analyzePassage(first);
    expect(again).not.toBe(analysis);
    expect(again).toEqual(analysis);
  });
});
