import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../index/chunk.ts';
import { PROJECT_ROOT } from '../../index/config.ts';
import { loadDocuments } from '../../index/load/index.ts';
import { buildPostings, termFrequencies } from '../../index/postings.ts';
import { decodePostings, encodePostings } from '../../index/postings-codec.ts';
import type { Chunk } from '../../index/types.ts';
import { calcBM25Score } from './bm25.ts';
import { LexicalIndex, type ScoredChunk, type WeightedTerms } from './lexical-index.ts';

const texts = [
  '산업은행은 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.',
  '3개 시중은행은 0.7%p 우대금리를 적용한 2,000억원 규모의 대출 프로그램을 지원한다.',
  '중기부는 AI 스타트업 육성 방안을 발표하였다.',
];
const chunks: Chunk[] = texts.map((text, i) => ({ chunkId: `d#${i}`, docId: 'd', start: 0, end: text.length, text }));
const query = (...terms: string[]) => new Map(terms.map((t) => [t, 1]));
const termsOfText = (text: string) => () => termFrequencies(text).keys();
const termCount = (text: string) => [...termFrequencies(text).values()].reduce((a, b) => a + b, 0);

/** The index written to disk and read back, as the server does on start-up. */
const reloaded = (index: LexicalIndex) => new LexicalIndex(decodePostings(encodePostings(index.toPostings())));

describe('LexicalIndex', () => {
  it('ranks the chunk that holds the query terms first', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    expect(index.search(query('로봇', '금리'), 3)[0]?.ordinal).toBe(0);
    expect(index.search(query('#2000억'), 3).map((r) => r.ordinal)).toEqual([1]);
    expect(index.search(query('없는말'), 3)).toEqual([]);
  });

  it('counts document frequency over live chunks', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    expect(index.df('금리')).toBe(2);
    expect(index.df('없는말')).toBe(0);
    expect(index.size).toBe(3);
  });

  it('adds chunks at new ordinals and removes them again', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    const added: Chunk = { chunkId: 'e#0', docId: 'e', start: 0, end: 12, text: '로봇 금리 로봇 금리 특별 지원' };
    index.add(buildPostings([added]), 3);
    expect(index.search(query('특별'), 1)).toEqual([{ ordinal: 3, score: expect.any(Number) }]);
    expect(index.df('금리')).toBe(3);
    index.remove([3], termsOfText(added.text));
    expect(index.search(query('특별'), 1)).toEqual([]);
    expect(index.df('금리')).toBe(2);
    expect(index.size).toBe(3);
  });

  it('round-trips through the postings file, keeping removed ordinals empty', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    index.remove([1], termsOfText(texts[1] as string));
    const saved = decodePostings(encodePostings(index.toPostings()));
    expect([...saved.lengths]).toEqual([termCount(texts[0] as string), -1, termCount(texts[2] as string)]);
    expect(saved.ordinals).not.toContain(1);
    const restored = new LexicalIndex(saved);
    expect(restored.size).toBe(2);
    expect(restored.search(query('금리'), 5)).toEqual(index.search(query('금리'), 5));
  });

  it('keeps df exact for every term after removing chunks of the base and of the additions', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    const added = '금리 우대 프로그램을 시중은행이 추가로 발표하였다.';
    index.add(buildPostings([{ ...(chunks[0] as Chunk), text: added }]), 3);
    index.remove([0], termsOfText(texts[0] as string));
    index.remove([3], termsOfText(added));
    expect(index.df('금리')).toBe(1);
    expect(index.df('우대')).toBe(1);
    expect(index.df('로봇')).toBe(0);
    expect(index.df('발표')).toBe(1);
    expect(index.idf('로봇')).toBe(index.idf('없는말'));
    expect(index.size).toBe(2);
    expect(index.has(1, '금리')).toBe(true);
    expect(index.has(0, '금리')).toBe(false);
    expect(index.has(3, '금리')).toBe(false);
  });

  it('puts a removed chunk back at its ordinal without counting its old postings twice', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    const before = index.search(query('금리', '우대'), 5);
    index.remove([0], termsOfText(texts[0] as string));
    expect(index.search(query('금리', '우대'), 5).map((r) => r.ordinal)).toEqual([1]);
    index.add(buildPostings([chunks[0] as Chunk]), 0);
    expect(index.df('금리')).toBe(2);
    expect(index.has(0, '로봇')).toBe(true);
    expect(index.search(query('금리', '우대'), 5)).toEqual(before);
    expect(reloaded(index).search(query('금리', '우대'), 5)).toEqual(before);
  });

  it('refuses to add a chunk that is already indexed, changing nothing', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    expect(() => index.add(buildPostings(chunks.slice(0, 2)), 2)).toThrow('Chunk 2 is already in the lexical index; remove it before adding it again.');
    expect(index.size).toBe(3);
    expect(index.df('금리')).toBe(2);
  });

  it('drops terms left without live chunks from the saved postings', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    index.remove([2], termsOfText(texts[2] as string));
    const saved = index.toPostings();
    expect(saved.terms).not.toContain('스타');
    expect(saved.terms).toContain('금리');
    expect(saved.offsets).toHaveLength(saved.terms.length + 1);
    expect(saved.lengths[2]).toBe(-1);
  });
});

const documents = await loadDocuments(join(PROJECT_ROOT, 'seeds'));

describe('LexicalIndex over the seed collection', () => {
  const [first, second, third, fourth, fifth] = documents.map((doc) => chunkDocument(doc)) as [Chunk[], Chunk[], Chunk[], Chunk[], Chunk[]];
  const queries: WeightedTerms[] = [
    query('금리', '우대', '로봇'),
    query('=코리아', '펀드', 'ai'),
    new Map([
      ['자율', 1],
      ['제조', 1],
      ['얼라', 0.5],
      ['#100', 0.25],
    ]),
    query('스타', '타트', '트업', '투자'),
  ];

  /** The seed chunks indexed as the server does it: three documents built, two added live, one removed. */
  function liveIndex(): { index: LexicalIndex; live: Map<number, string> } {
    const base = [...first, ...second, ...third];
    const index = new LexicalIndex(buildPostings(base));
    index.add(buildPostings(fourth), base.length);
    index.add(buildPostings(fifth), base.length + fourth.length);
    const removed = base.map((_, o) => o).filter((o) => o >= first.length && o < first.length + second.length);
    index.remove(removed, (o) => termFrequencies((base[o] as Chunk).text).keys());
    const all = [...base, ...fourth, ...fifth];
    const live = new Map(all.flatMap((chunk, o) => (removed.includes(o) ? [] : [[o, chunk.text] as const])));
    return { index, live };
  }

  /** BM25 over the live chunks' texts, term by term, as the definition reads. */
  function reference(live: Map<number, string>, weighted: WeightedTerms, k: number): ScoredChunk[] {
    const tfs = new Map([...live].map(([o, text]) => [o, termFrequencies(text)]));
    const lengths = new Map([...live].map(([o, text]) => [o, termCount(text)]));
    const avgLength = [...lengths.values()].reduce((a, b) => a + b, 0) / live.size;
    const scores = new Map<number, number>();
    for (const [term, weight] of weighted) {
      const df = [...tfs.values()].filter((tf) => tf.has(term)).length;
      for (const [o, tf] of tfs) {
        const count = tf.get(term);
        if (count) scores.set(o, (scores.get(o) ?? 0) + weight * calcBM25Score(count, df, live.size, lengths.get(o) as number, avgLength));
      }
    }
    return [...scores].map(([ordinal, score]) => ({ ordinal, score })).sort((a, b) => b.score - a.score || a.ordinal - b.ordinal).slice(0, k);
  }

  it('scores exactly as BM25 over the live chunks at every step of adds and removes', () => {
    const base = [...first, ...second, ...third];
    const index = new LexicalIndex(buildPostings(base));
    const live = new Map(base.map((chunk, o) => [o, chunk.text]));
    const expectReference = () => {
      for (const weighted of queries) {
        const expected = reference(live, weighted, 10);
        expect(expected.length).toBeGreaterThan(0);
        expect(index.search(weighted, 10)).toEqual(expected);
      }
    };
    expectReference();
    index.add(buildPostings(fourth), base.length);
    fourth.forEach((chunk, i) => live.set(base.length + i, chunk.text));
    expectReference();
    const removed = second.map((_, i) => first.length + i);
    index.remove(removed, (o) => termFrequencies((base[o] as Chunk).text).keys());
    removed.forEach((o) => live.delete(o));
    expectReference();
    index.toPostings();
    expectReference();
  });

  it('keeps chunks matched only by terms weighted 0 or less, as BM25 over the live chunks does', () => {
    const { index, live } = liveIndex();
    const weighted = new Map([
      ['금리', 1],
      ['로봇', 0],
      ['지원', -0.5],
    ]);
    const expected = reference(live, weighted, 1000);
    expect(expected.some((r) => r.score === 0)).toBe(true);
    expect(expected.some((r) => r.score < 0)).toBe(true);
    expect(index.search(weighted, 1000)).toEqual(expected);
  });

  it('answers identically once saved and reloaded', () => {
    const { index } = liveIndex();
    const answers = queries.map((weighted) => index.search(weighted, 10));
    const restored = reloaded(index);
    expect(queries.map((weighted) => restored.search(weighted, 10))).toEqual(answers);
    expect(queries.map((weighted) => index.search(weighted, 10))).toEqual(answers);
    expect(restored.size).toBe(index.size);
  });

  it('counts df as the live chunks that hold each term', () => {
    const { index, live } = liveIndex();
    const counts = new Map<string, number>();
    for (const text of live.values()) for (const term of termFrequencies(text).keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, df] of counts) expect(index.df(term)).toBe(df);
    const saved = index.toPostings();
    expect(saved.terms).toHaveLength(counts.size);
    expect(saved.terms.every((term, id) => (saved.offsets[id + 1] as number) - (saved.offsets[id] as number) === counts.get(term))).toBe(true);
  });
});
