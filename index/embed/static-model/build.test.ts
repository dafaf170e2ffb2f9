import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoTokenizer, env, pipeline } from '@xenova/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGlossary, seedTexts } from '../test-support.ts';
import {
  buildStaticModel,
  buildStaticModelFiles,
  sampleTexts,
  type BuiltStaticModel,
  type StaticModelFiles,
} from './build.ts';
import { cosine } from './vectors.ts';
import { buildVocab } from './vocab.ts';
import { WordPieceEncoder } from './tokenize.ts';

const texts = seedTexts();
const glossary = seedGlossary();
let modelsDir: string;
let built: BuiltStaticModel;
let inMemory: StaticModelFiles;
type Extractor = Awaited<ReturnType<typeof pipeline<'feature-extraction'>>>;
let extractor: Extractor;

async function embed(text: string): Promise<Float32Array> {
  const output = await extractor(text, { pooling: 'mean', normalize: true });
  return output.data as Float32Array;
}

beforeAll(async () => {
  modelsDir = mkdtempSync(join(tmpdir(), 'seogi-static-model-'));
  built = await buildStaticModel({ texts, glossary, outDir: join(modelsDir, 'seeds-model') });
  inMemory = await buildStaticModelFiles({ texts, glossary });
  env.localModelPath = modelsDir;
  env.allowRemoteModels = false;
  extractor = await pipeline('feature-extraction', built.modelId, { quantized: false });
});

afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

describe('buildStaticModel', () => {
  it('names the model after its folder and reports its shape', () => {
    expect(built.modelId).toBe('seeds-model');
    expect(built.dims).toBe(256);
    expect(built.vocabSize).toBeGreaterThan(22_344);
  });

  it('writes a BERT config, a WordPiece tokenizer that keeps Hangul whole, and the ONNX graph', () => {
    const dir = join(modelsDir, 'seeds-model');
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'bert', hidden_size: 256, vocab_size: built.vocabSize });
    const tokenizer = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8'));
    expect(tokenizer.model.type).toBe('WordPiece');
    expect(tokenizer.normalizer.normalizers[1]).toMatchObject({ type: 'BertNormalizer', strip_accents: false });
    expect(Object.keys(tokenizer.model.vocab)).toHaveLength(built.vocabSize);
    expect(JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')).tokenizer_class).toBe('BertTokenizer');
  });

  it('writes exactly the files it builds in memory, byte for byte, when given the same collection', () => {
    expect(inMemory.files.map((f) => f.name)).toEqual([
      'config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/model.onnx',
    ]);
    for (const file of inMemory.files) {
      expect(Buffer.compare(readFileSync(join(modelsDir, 'seeds-model', file.name)), Buffer.from(file.data))).toBe(0);
    }
    expect(inMemory.fingerprint).toBe(built.fingerprint);
  });

  it('changes the model when the collection changes', async () => {
    const other = await buildStaticModelFiles({ texts: texts.slice(1), glossary });
    expect(other.fingerprint).not.toBe(built.fingerprint);
  });

  it('builds vectors of the size asked for', async () => {
    const small = await buildStaticModelFiles({ texts, glossary, dims: 32 });
    expect(small.dims).toBe(32);
    const config = JSON.parse(small.files.find((f) => f.name === 'config.json')?.data as string);
    expect(config.hidden_size).toBe(32);
  });
});

describe('sampleTexts', () => {
  it('keeps every n-th text so that about the character budget remains', () => {
    expect(sampleTexts(['aa', 'bb', 'cc', 'dd', 'ee'], 4)).toEqual(['aa', 'dd']);
    expect(sampleTexts(['aa', 'bb'], 4)).toEqual(['aa', 'bb']);
  });
});

describe('the built model in transformers.js', () => {
  it('gives unit-length vectors of the model size, the same for the same text', async () => {
    const a = await embed('AI 코리아 펀드를 조성할 예정');
    const b = await embed('AI 코리아 펀드를 조성할 예정');
    expect(a).toHaveLength(256);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('tokenizes "기업들에게" into stem, plural and particle', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(built.modelId);
    const ids: number[] = tokenizer.encode('기업들에게');
    expect(tokenizer.model.convert_ids_to_tokens(ids)).toEqual(['[CLS]', '기업', '##들', '##에게', '[SEP]']);
  });

  it('tokenizes the seed articles exactly as the builder counted them, with no [UNK]', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(built.modelId);
    const vocab = buildVocab(texts, glossary);
    const encoder = new WordPieceEncoder(vocab.ids);
    for (const text of texts) {
      const ids: number[] = tokenizer.encode(text, null, { add_special_tokens: false });
      expect(ids).toEqual(encoder.encode(text));
      expect(ids).not.toContain(vocab.ids.get('[UNK]'));
    }
  });

  it('agrees with the builder on control characters, odd whitespace, ideographs and special-token literals', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(built.modelId);
    const encoder = new WordPieceEncoder(buildVocab(texts, glossary).ids);
    const text = 'AI\u000b펀드\u000c子펀드\u00a0[SEP]기업\u200b들\u3000\ufffd로봇\u0000 𠀀 Ⅳ ＡＩ';
    expect(encoder.encode(text)).toEqual(tokenizer.encode(text, null, { add_special_tokens: false }));
  });

  it('puts a Korean phrase closer to its English paraphrase than to an unrelated Korean phrase', async () => {
    const korean = await embed('로봇 기업 우대금리');
    const english = await embed('preferential rate for robot companies');
    const unrelated = await embed('제주도 여행 코스');
    expect(cosine(korean, english)).toBeGreaterThan(0.5);
    expect(cosine(korean, english)).toBeGreaterThan(cosine(korean, unrelated) + 0.4);
  });

  it('brings an English question near the Korean passage that answers it', async () => {
    const question = await embed('How large is the technology guarantee support from KIBO?');
    const answer = await embed('* 기술보증 지원(기보, 5.5조원), 중소기업 정책자금(중진공, 4.3조원)');
    const other = await embed('이번 간담회는 지난 12일 ‘AI 로봇·자동차’ 분야에 이어 두 번째로 열렸다.');
    expect(cosine(question, answer)).toBeGreaterThan(cosine(question, other) + 0.2);
  });

  it('keeps Korean paraphrases near each other', async () => {
    const a = await embed('기업들에게 낮은 금리로 대출');
    const b = await embed('우대금리를 적용한 대출 프로그램');
    const unrelated = await embed('제주도 여행 코스 추천');
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, unrelated) + 0.2);
  });
});
