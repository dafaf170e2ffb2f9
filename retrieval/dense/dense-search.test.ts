import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, type Embedder } from '../../index/embed/embedder.ts';
import { buildStaticModel } from '../../index/embed/static-model/build.ts';
import { SMALL_GLOSSARY, seedTexts } from '../../index/embed/test-support.ts';
import { VectorIndex } from '../../index/embed/vector-index.ts';
import { createDenseRetriever, searchByMeaning } from './dense-search.ts';

// Sentences of the seed articles stand in for chunks; a label is a sentence's position.
const sentences = seedTexts()
  .flatMap((text) => text.split(/(?<=[.다!?])\s+|\n+/))
  .map((s) => s.trim())
  .filter((s) => s.length > 15);
const labelOf = (start: string) => sentences.findIndex((s) => s.startsWith(start));

let modelsDir: string;
let embedder: Embedder;
let index: VectorIndex;

beforeAll(async () => {
  modelsDir = mkdtempSync(join(tmpdir(), 'seogi-dense-'));
  await buildStaticModel({ texts: sentences, glossary: SMALL_GLOSSARY, outDir: join(modelsDir, 'static') });
  embedder = await createEmbedder({ model: 'static', modelsDir });
  const vectors = await embedder.embed(sentences, 'passage');
  index = VectorIndex.build(vectors, sentences.map((_, i) => i), embedder.dims);
});

afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

describe('searchByMeaning', () => {
  it('finds the Korean sentence that answers an English question first', async () => {
    const hits = await searchByMeaning(createDenseRetriever(embedder, index), 'What rate cut do robot firms get?', 3);
    expect(hits[0]?.ordinal).toBe(labelOf('또한, 산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게'));
    expect(hits).toHaveLength(3);
  });

  it('finds a sentence through a glossary abbreviation', async () => {
    const hits = await searchByMeaning(createDenseRetriever(embedder, index), 'How large is the technology guarantee support from KIBO?', 1);
    expect(hits[0]?.ordinal).toBe(labelOf('* 기술보증 지원(기보, 5.5조원)'));
  });
});

describe('createDenseRetriever', () => {
  it('reports hits as chunk ordinals with cosine scores, best first', async () => {
    const retriever = createDenseRetriever(embedder, index);
    expect(retriever.model).toBe('static');
    const hits = retriever.nearest((await retriever.embed('딥시크가 준 충격')) as Float32Array, 2);
    expect(hits[0]?.ordinal).toBe(labelOf('"딥시크가 준 충격을 새로운 도약의 기회로'));
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score as number);
  });

  it('finds only the ordinals its view of the collection holds', async () => {
    const answer = labelOf('"딥시크가 준 충격을 새로운 도약의 기회로');
    const retriever = createDenseRetriever(embedder, index, (ordinal) => ordinal !== answer);
    const hits = retriever.nearest((await retriever.embed('딥시크가 준 충격')) as Float32Array, 5);
    expect(hits).toHaveLength(5);
    expect(hits.map((h) => h.ordinal)).not.toContain(answer);
  });

  it('refuses an index built with vectors of another size', () => {
    expect(() => createDenseRetriever(embedder, VectorIndex.create(8))).toThrow(
      'The vector index holds 8-value vectors but model "static" makes 256-value ones',
    );
  });
});
