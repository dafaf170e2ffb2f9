/**
 * Builds the static embedding model of a collection: vocabulary, token vectors and the files transformers.js loads
 * (`config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model.onnx`). Load it with
 * `pipeline('feature-extraction', modelId, { quantized: false })` and `env.localModelPath` set to the folder holding
 * the model folder; `{ pooling: 'mean', normalize: true }` gives the sentence vector.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { GlossaryEntry } from '../../analyze/glossary.ts';
import { gatherModel } from './onnx.ts';
import { CONTINUATION, MAX_WORD_CHARS, SPECIAL_TOKENS, WordPieceEncoder, isPunctuation } from './tokenize.ts';
import {
  alignConcepts,
  baseVectors,
  blendContext,
  contextVectors,
  idfWeights,
  tokenMatrix,
  type ConceptTokens,
} from './vectors.ts';
import { buildVocab, type TokenKind, type Vocab } from './vocab.ts';

/** Options of {@link buildStaticModelFiles}. */
export interface StaticModelOptions {
  /** The collection's texts (documents or chunks); each is one "document" for IDF. */
  texts: readonly string[];
  /** Glossary concepts: the bridge between English and Korean terms. */
  glossary: readonly GlossaryEntry[];
  /** Vector size. Default 256. */
  dims?: number;
  /** Most learned vocabulary pieces kept (see `VocabOptions.maxPieces`). Default 30,000. */
  maxPieces?: number;
  /** Tokens per context block: a word's vector is blended with those of the other words in its block. Default 12. */
  contextBlock?: number;
  /** Strength of that blend for a frequent word (0 = spelling only). Default 0.6. */
  contextWeight?: number;
  /** Token occurrences used for the blend; past it, the texts are sampled evenly. Default 500,000. */
  maxContextTokens?: number;
  /**
   * Characters of text the model learns from (vocabulary, IDF, context); past it, texts are sampled evenly, which
   * bounds the build time on big collections. Default 5,000,000 (about 10,000 passages).
   */
  maxChars?: number;
  /** Seed of the hashed vectors: another seed gives another, equally good, model. Default 0x5e091. */
  seed?: number;
}

/** One file of a model, path relative to the model folder. */
export interface ModelFile {
  name: string;
  data: Uint8Array | string;
}

/** A built model as files, with its shape. */
export interface StaticModelFiles {
  files: ModelFile[];
  dims: number;
  vocabSize: number;
  /** sha256 of the files: equal for equal inputs, so it tells whether stored vectors are still valid. */
  fingerprint: string;
}

/** What {@link buildStaticModel} wrote. */
export interface BuiltStaticModel {
  /** Name to load the model by: the folder name of `outDir`, with `env.localModelPath` = its parent folder. */
  modelId: string;
  dims: number;
  vocabSize: number;
  fingerprint: string;
}

/** Length in tokens the tokenizer truncates to; positions carry no meaning in this model, so it is generous. */
const MODEL_MAX_LENGTH = 2048;

// How much each kind of token counts, times its IDF. [CLS] keeps a trace so an all-stop-word text is not a zero
// vector (which would normalize to NaN).
const KIND_WEIGHT: Record<TokenKind, number> = {
  special: 0,
  word: 1,
  syllable: 0.8,
  suffix: 0.1,
  inflection: 0,
  stopword: 0.02,
  char: 0.05,
};
const CLS_WEIGHT = 0.01;
const PUNCTUATION_WEIGHT = 0.02;
const GLOSSARY_PULL = 1;

/** Builds the model in memory: the files to write under the model folder. Deterministic. */
export async function buildStaticModelFiles(options: StaticModelOptions): Promise<StaticModelFiles> {
  const dims = options.dims ?? 256;
  if (!Number.isInteger(dims) || dims < 1) throw new Error(`dims must be a positive integer, got ${dims}.`);
  const seed = options.seed ?? 0x5e091;

  const texts = sampleTexts(options.texts, options.maxChars ?? 5_000_000);
  const vocab = buildVocab(texts, options.glossary, { maxPieces: options.maxPieces });
  await yieldToEventLoop();
  const embeddings = tokenVectors(vocab, texts, options, dims, seed);
  await yieldToEventLoop();

  const files: ModelFile[] = [
    { name: 'config.json', data: json(modelConfig(vocab, dims)) },
    { name: 'tokenizer.json', data: json(tokenizerJson(vocab)) },
    { name: 'tokenizer_config.json', data: json(TOKENIZER_CONFIG) },
    { name: 'onnx/model.onnx', data: gatherModel(embeddings, vocab.tokens.length, dims) },
  ];
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update(file.data);
  return { files, dims, vocabSize: vocab.tokens.length, fingerprint: hash.digest('hex') };
}

/** Builds the model and writes its files under `outDir` (created if missing). */
export async function buildStaticModel(options: StaticModelOptions & { outDir: string }): Promise<BuiltStaticModel> {
  const built = await buildStaticModelFiles(options);
  for (const file of built.files) {
    const path = join(options.outDir, file.name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.data);
  }
  return {
    modelId: basename(options.outDir),
    dims: built.dims,
    vocabSize: built.vocabSize,
    fingerprint: built.fingerprint,
  };
}

/** Every n-th text, n chosen so that about `maxChars` characters remain. */
export function sampleTexts(texts: readonly string[], maxChars: number): readonly string[] {
  const chars = texts.reduce((n, text) => n + text.length, 0);
  const stride = Math.ceil(chars / Math.max(1, maxChars));
  return stride <= 1 ? texts : texts.filter((_, i) => i % stride === 0);
}

function tokenVectors(
  vocab: Vocab,
  texts: readonly string[],
  options: StaticModelOptions,
  dims: number,
  seed: number,
): Float32Array {
  const forms: string[] = [];
  const formIds = new Map<string, number>();
  const tokenForm = Int32Array.from(vocab.keys, (key) => {
    let id = formIds.get(key);
    if (id === undefined) {
      id = forms.push(key) - 1;
      formIds.set(key, id);
    }
    return id;
  });

  const encoder = new WordPieceEncoder(vocab.ids);
  const docs = texts.map((text) => Int32Array.from(encoder.encode(text)));
  const docForms = docs.map((doc) => doc.map((token) => tokenForm[token] as number));
  const idf = idfWeights(docForms, forms.length);
  const seen = new Uint8Array(forms.length);
  for (const doc of docForms) for (const form of doc) seen[form] = 1;
  const tokenWeight = Float32Array.from(vocab.tokens, (token, t) => {
    const kind = vocab.kinds[t] as TokenKind;
    if (token === '[CLS]') return CLS_WEIGHT;
    const factor = kind === 'char' && isPunctuation(token) ? PUNCTUATION_WEIGHT : KIND_WEIGHT[kind];
    return (idf[tokenForm[t] as number] as number) * factor;
  });

  const base = baseVectors(forms, dims, seed);
  const context = contextVectors({ docs, tokenForm, tokenWeight }, base, dims, {
    block: options.contextBlock ?? 12,
    maxTokens: options.maxContextTokens ?? 500_000,
  });
  const blended = blendContext(base, context, dims, options.contextWeight ?? 0.6);

  const concepts: ConceptTokens[] = options.glossary.map((entry) => ({
    ko: entry.ko.map((form) => encoder.encode(form)),
    en: entry.en.map((form) => encoder.encode(form)),
  }));
  const dirs = alignConcepts(blended, dims, {
    concepts,
    tokenForm,
    tokenWeight,
    isContent: (token) => vocab.kinds[token] === 'word',
    formSeen: (form) => seen[form] === 1,
    pull: GLOSSARY_PULL,
  });
  return tokenMatrix(dirs, tokenForm, tokenWeight, dims);
}

function modelConfig(vocab: Vocab, dims: number): object {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dims,
    vocab_size: vocab.tokens.length,
    max_position_embeddings: MODEL_MAX_LENGTH,
    pad_token_id: 0,
  };
}

const TOKENIZER_CONFIG = {
  tokenizer_class: 'BertTokenizer',
  do_lower_case: true,
  strip_accents: false,
  tokenize_chinese_chars: true,
  model_max_length: MODEL_MAX_LENGTH,
  clean_up_tokenization_spaces: true,
  pad_token: '[PAD]',
  unk_token: '[UNK]',
  cls_token: '[CLS]',
  sep_token: '[SEP]',
  mask_token: '[MASK]',
};

function tokenizerJson(vocab: Vocab): object {
  const id = (token: string): number => vocab.ids.get(token) as number;
  const special = (token: string, typeId = 0) => ({ SpecialToken: { id: token, type_id: typeId } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((token) => ({
      id: id(token),
      content: token,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFC' },
        // Accent stripping would decompose Hangul into jamo, turning every Korean word into [UNK].
        { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
      ],
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [
        special('[CLS]'),
        { Sequence: { id: 'A', type_id: 0 } },
        special('[SEP]'),
        { Sequence: { id: 'B', type_id: 1 } },
        special('[SEP]', 1),
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((token) => [token, { id: token, ids: [id(token)], tokens: [token] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: CONTINUATION, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: CONTINUATION,
      max_input_chars_per_word: MAX_WORD_CHARS,
      vocab: Object.fromEntries(vocab.tokens.map((token, i) => [token, i])),
    },
  };
}

function json(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
