import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, pipeline } from '@xenova/transformers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { conventionsFor, createEmbedder, type Embedder } from './embedder.ts';
import { buildStaticModel } from './static-model/build.ts';
import { SMALL_GLOSSARY, seedTexts } from './test-support.ts';

const TEXTS = [
  '산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.',
  'AI 코리아 펀드',
  '기업들에게',
  'preferential rate for robot companies',
  '무보는 5년간 최대 10조 원의 무역 금융을 지원할 예정이다.',
];

let modelsDir: string;
let embedder: Embedder;

beforeAll(async () => {
  modelsDir = mkdtempSync(join(tmpdir(), 'seogi-embedder-'));
  await buildStaticModel({ texts: seedTexts(), glossary: SMALL_GLOSSARY, outDir: join(modelsDir, 'static'), dims: 64 });
  embedder = await createEmbedder({ model: 'static', modelsDir, batchSize: 2 });
});

afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

describe('conventionsFor', () => {
  it('prefixes e5 queries with "query: " and passages with "passage: "', () => {
    expect(conventionsFor('Xenova/multilingual-e5-small')).toEqual({
      query: 'query: ',
      passage: 'passage: ',
      pooling: 'mean',
    });
    expect(conventionsFor('intfloat/e5-base-v2').passage).toBe('passage: ');
  });

  it('gives English bge models their retrieval instruction and CLS pooling, bge-m3 no prefix', () => {
    expect(conventionsFor('Xenova/bge-small-en-v1.5')).toEqual({
      query: 'Represent this sentence for searching relevant passages: ',
      passage: '',
      pooling: 'cls',
    });
    expect(conventionsFor('Xenova/bge-m3')).toEqual({ query: '', passage: '', pooling: 'cls' });
  });

  it('uses no prefix and mean pooling for other models, the static one included', () => {
    expect(conventionsFor('seogi-static')).toEqual({ query: '', passage: '', pooling: 'mean' });
    expect(conventionsFor('Xenova/gte-small')).toEqual({ query: '', passage: '', pooling: 'mean' });
  });
});

describe('createEmbedder', () => {
  it('reports the model name and its vector size', () => {
    expect(embedder.model).toBe('static');
    expect(embedder.dims).toBe(64);
  });

  it('explains where it looked and how to get the model when it is missing and downloads are off', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const error = await createEmbedder({ model: 'Xenova/multilingual-e5-small', modelsDir }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    const looked = join(modelsDir, 'Xenova/multilingual-e5-small');
    expect(message).toContain(`Embedding model "Xenova/multilingual-e5-small" was not found: ${looked} lacks`);
    expect(message).toContain('config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx');
    expect(message).toContain('ALLOW_REMOTE_MODELS=1');
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('names the model and the loader’s reason when the files are there but unreadable', async () => {
    const dir = join(modelsDir, 'broken');
    cpSync(join(modelsDir, 'static'), dir, { recursive: true });
    writeFileSync(join(dir, 'onnx/model.onnx'), 'not a model');
    // transformers.js logs its own attempts (native, then wasm) before failing.
    const quiet = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
    quiet.forEach((spy) => spy.mockImplementation(() => undefined));
    await expect(createEmbedder({ model: 'broken', modelsDir })).rejects.toThrow(
      `Could not load embedding model "broken" from ${dir}: `,
    );
    quiet.forEach((spy) => spy.mockRestore());
  });

  it('rejects a batch size below one', async () => {
    await expect(createEmbedder({ model: 'static', modelsDir, batchSize: 0 })).rejects.toThrow(
      'batchSize must be a positive integer, got 0.',
    );
  });
});

describe('Embedder.embed', () => {
  it('returns what the transformers.js pipeline gives with mean pooling and normalizing, in order', async () => {
    env.localModelPath = modelsDir;
    const extractor = await pipeline('feature-extraction', 'static', { quantized: false });
    const vectors = await embedder.embed(TEXTS, 'passage');
    expect(vectors).toHaveLength(TEXTS.length);
    for (const [i, text] of TEXTS.entries()) {
      const expected = (await extractor(text, { pooling: 'mean', normalize: true })).data as Float32Array;
      Array.from(vectors[i] as Float32Array).forEach((v, d) => expect(v).toBeCloseTo(expected[d] as number, 5));
    }
  });

  it('embeds queries and passages alike when the model has no prefixes', async () => {
    const [query] = await embedder.embed([TEXTS[1] as string], 'query');
    const [passage] = await embedder.embed([TEXTS[1] as string], 'passage');
    expect(Array.from(query as Float32Array)).toEqual(Array.from(passage as Float32Array));
  });

  it('returns nothing for no texts', async () => {
    expect(await embedder.embed([], 'passage')).toEqual([]);
  });

  it('lets other work run between batches', async () => {
    const order: string[] = [];
    const embedding = embedder.embed(TEXTS, 'passage').then(() => order.push('embedded'));
    setImmediate(() => order.push('other work'));
    await embedding;
    expect(order).toEqual(['other work', 'embedded']);
  });
});
