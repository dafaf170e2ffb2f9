import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoTokenizer, env } from '@xenova/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATIC_MODEL_ID } from '../../config.ts';
import { createEmbedder } from '../embedder.ts';
import { seedGlossary, seedTexts } from '../test-support.ts';
import { buildStaticModel } from './build.ts';
import { createStaticEmbedder, readStaticModelEncoder } from './load.ts';

const texts = seedTexts();
let modelsDir: string;
let modelDir: string;

beforeAll(async () => {
  modelsDir = mkdtempSync(join(tmpdir(), 'seogi-static-load-'));
  modelDir = join(modelsDir, STATIC_MODEL_ID);
  await buildStaticModel({ texts, glossary: seedGlossary(), outDir: modelDir });
});

afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

async function modelTokenizer() {
  env.localModelPath = modelsDir;
  env.allowRemoteModels = false;
  return AutoTokenizer.from_pretrained(STATIC_MODEL_ID);
}

describe('readStaticModelEncoder', () => {
  it('gives the ids the transformers.js tokenizer gives, [CLS] and [SEP] included', async () => {
    const tokenizer = await modelTokenizer();
    const encode = readStaticModelEncoder(modelDir);
    const samples = [...texts, '로봇 기업 우대금리는?', 'What rate cut for robot firms?', 'AI\u000b펀드\u00a0[SEP]기업\u200b들 𠀀 ＡＩ'];
    for (const text of samples) expect(encode(text)).toEqual(tokenizer.encode(text));
    expect(encode('로봇')).toHaveLength(3);
  });

  it('cuts a long text at the model maximum length as transformers.js does, [SEP] included', async () => {
    const tokenizer = await modelTokenizer();
    const long = texts.join('\n').repeat(3);
    const ids = readStaticModelEncoder(modelDir)(long);
    const expected = tokenizer(long, { truncation: true }).input_ids.tolist()[0].map(Number);
    expect(ids).toHaveLength(2048);
    expect(ids).toEqual(expected);
  });

  it('refuses a folder whose tokenizer is not a WordPiece one', () => {
    const other = mkdtempSync(join(tmpdir(), 'seogi-other-tokenizer-'));
    try {
      writeFileSync(join(other, 'tokenizer.json'), JSON.stringify({ model: { type: 'BPE', vocab: {} } }));
      writeFileSync(join(other, 'tokenizer_config.json'), JSON.stringify({ model_max_length: 512 }));
      expect(() => readStaticModelEncoder(other)).toThrow(/WordPiece/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it.each([
    ['an id that is not an integer', { '[CLS]': 0, '[SEP]': 1, 로봇: 2.5 }],
    ['an id that is not a number', { '[CLS]': 0, '[SEP]': 1, 로봇: '2' }],
    ['a list for a vocabulary', ['[CLS]', '[SEP]']],
  ])('refuses a vocabulary with %s', (_case, vocab) => {
    const other = mkdtempSync(join(tmpdir(), 'seogi-bad-vocab-'));
    try {
      const specialTokens = { '[CLS]': { ids: [0] }, '[SEP]': { ids: [1] } };
      const tokenizer = { model: { type: 'WordPiece', vocab }, post_processor: { type: 'TemplateProcessing', special_tokens: specialTokens } };
      writeFileSync(join(other, 'tokenizer.json'), JSON.stringify(tokenizer));
      writeFileSync(join(other, 'tokenizer_config.json'), JSON.stringify({ model_max_length: 512 }));
      expect(() => readStaticModelEncoder(other)).toThrow(/not a vocabulary of integer ids/);
      writeFileSync(join(other, 'tokenizer.json'), JSON.stringify({ ...tokenizer, model: { type: 'WordPiece', vocab: { '[CLS]': 0, '[SEP]': 1, '[UNK]': 3, 로봇: 2 } } }));
      expect(readStaticModelEncoder(other)('로봇')).toEqual([0, 2, 1]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('createStaticEmbedder', () => {
  it('pools the embedding table to exactly the vectors transformers.js computes with its own tokenizer', async () => {
    const fast = await createStaticEmbedder(modelsDir, { batchSize: 4 });
    const reference = await createEmbedder({ model: STATIC_MODEL_ID, modelsDir, batchSize: 4 });
    const lines = texts.flatMap((text) => text.split('\n').filter((line) => line.trim()));
    // Whole articles, lines, English, an empty text, and one past the model's maximum length (truncated).
    const samples = [...texts, ...lines.slice(0, 40), 'What rate cut for robot firms?', '', texts.join(' ').repeat(2)];
    for (const kind of ['passage', 'query'] as const) {
      const [a, b] = [await fast.embed(samples, kind), await reference.embed(samples, kind)];
      expect(a).toHaveLength(samples.length);
      a.forEach((vector, i) => expect(Array.from(vector)).toEqual(Array.from(b[i] as Float32Array)));
    }
    expect(fast.dims).toBe(256);
    expect(fast.model).toBe(STATIC_MODEL_ID);
  });

  it('names the folder when the model is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'seogi-no-model-'));
    try {
      await expect(createStaticEmbedder(empty)).rejects.toThrow(new RegExp(`${STATIC_MODEL_ID}.*lacks config.json`));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
