/**
 * Sentence embeddings through transformers.js: the static model `npm run index` builds, or any feature-extraction
 * model in the models folder (or downloaded into it when allowed), all through the same loader. What differs between
 * model families (query/passage prefixes, pooling) comes from {@link MODEL_CONVENTIONS}.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type * as TransformersModule from '@xenova/transformers';
import type { Tensor } from '@xenova/transformers';
import { addInto, normalizeInPlace } from './vector-math.ts';

type Transformers = typeof TransformersModule;

/** Which side of retrieval a text is on; some models embed questions and passages differently. */
export type EmbedKind = 'query' | 'passage';

/** Turns texts into unit-length vectors. */
export interface Embedder {
  /** The model name, as given. */
  readonly model: string;
  /** Vector size. */
  readonly dims: number;
  /** One unit-length vector per text, in input order. */
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]>;
}

/** Options of {@link createEmbedder}. */
export interface EmbedderOptions {
  /** A folder name under `modelsDir` (`seogi-static`) or a hub model id (`Xenova/multilingual-e5-small`). */
  model: string;
  /** Folder holding the models as `<modelsDir>/<model>/…`; downloaded models are stored there too. */
  modelsDir: string;
  /** Download a model that is not in `modelsDir`. Default false: nothing is fetched. */
  allowRemote?: boolean;
  /** Texts per model call; the event loop gets a turn between calls. Default 32. */
  batchSize?: number;
  /**
   * The model's input ids for a text (special tokens included, truncated), exactly as its own tokenizer gives them,
   * computed faster: for a model whose tokenizer Seogi wrote. Default: the model's tokenizer, through transformers.js.
   */
  encode?: (text: string) => number[];
}

/** How a model family expects its input and output to be handled. */
export interface ModelConventions {
  /** Prepended to queries. */
  query: string;
  /** Prepended to passages. */
  passage: string;
  /** How token vectors become a sentence vector. */
  pooling: 'mean' | 'cls';
}

const DEFAULT_CONVENTIONS: ModelConventions = { query: '', passage: '', pooling: 'mean' };
const RETRIEVAL_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';

/** Conventions by model-name pattern, from the models' own documentation; the first match wins. */
export const MODEL_CONVENTIONS: readonly { pattern: RegExp; conventions: ModelConventions }[] = [
  { pattern: /(^|\/)(multilingual-)?e5-/i, conventions: { query: 'query: ', passage: 'passage: ', pooling: 'mean' } },
  { pattern: /(^|\/)bge-m3/i, conventions: { query: '', passage: '', pooling: 'cls' } },
  { pattern: /(^|\/)bge-.*-zh/i, conventions: { query: '为这个句子生成表示以用于检索相关文章：', passage: '', pooling: 'cls' } },
  { pattern: /(^|\/)bge-/i, conventions: { query: RETRIEVAL_INSTRUCTION, passage: '', pooling: 'cls' } },
  { pattern: /(^|\/)mxbai-embed/i, conventions: { query: RETRIEVAL_INSTRUCTION, passage: '', pooling: 'cls' } },
  {
    pattern: /(^|\/)snowflake-arctic-embed/i,
    conventions: { query: RETRIEVAL_INSTRUCTION, passage: '', pooling: 'cls' },
  },
  {
    pattern: /(^|\/)nomic-embed-text/i,
    conventions: { query: 'search_query: ', passage: 'search_document: ', pooling: 'mean' },
  },
];

/** The conventions of a model: the first {@link MODEL_CONVENTIONS} entry whose pattern matches its name. */
export function conventionsFor(model: string): ModelConventions {
  return MODEL_CONVENTIONS.find(({ pattern }) => pattern.test(model))?.conventions ?? DEFAULT_CONVENTIONS;
}

/** Files transformers.js reads for a feature-extraction model loaded with `quantized: false`. */
export const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'] as const;

type Extractor = Awaited<ReturnType<Transformers['pipeline']>>;

// transformers.js reads its settings from one global `env` while it loads, so loads take turns.
let loading: Promise<unknown> = Promise.resolve();

/**
 * Loads a model and returns its embedder.
 * @throws Error naming the folder it looked in when the model is missing and downloads are off, or wrapping the
 * loader's error when the model cannot be read.
 */
export async function createEmbedder(options: EmbedderOptions): Promise<Embedder> {
  const modelsDir = resolve(options.modelsDir);
  const allowRemote = options.allowRemote ?? false;
  const batchSize = options.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`batchSize must be a positive integer, got ${batchSize}.`);
  }
  const modelDir = join(modelsDir, options.model);
  const missing = MODEL_FILES.filter((file) => !existsSync(join(modelDir, file)));
  if (!allowRemote && missing.length > 0) {
    throw new Error(
      `Embedding model "${options.model}" was not found: ${modelDir} lacks ${missing.join(', ')}. ` +
        `Run "npm run index" to build the default model, put the model's files (${MODEL_FILES.join(', ')}) in ` +
        `that folder, or allow downloads (ALLOW_REMOTE_MODELS=1) to fetch it into ${modelsDir}.`,
    );
  }

  // Loaded on first use: the runtime takes a while to load, and the built-in model does not need it.
  const { env, pipeline, Tensor: TensorClass } = await import('@xenova/transformers');
  const load = loading.then(() => {
    env.allowLocalModels = true;
    env.allowRemoteModels = allowRemote;
    env.localModelPath = modelsDir;
    // Downloads are cached under the same <model>/<file> layout as local models, so they load offline next time.
    env.cacheDir = modelsDir;
    return pipeline('feature-extraction', options.model, { quantized: false });
  });
  loading = load.catch(() => undefined);
  let extractor: Extractor;
  try {
    extractor = await load;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not load embedding model "${options.model}" from ${modelDir}: ${reason}`, {
      cause: error,
    });
  }

  const conventions = conventionsFor(options.model);
  // The pipeline's own pooling converts the int64 attention mask once per value (per token × dimension), which
  // dominates the cost of a static model; the same mean (or CLS) pooling and L2 normalization are done here instead.
  const run = async (texts: string[]): Promise<Float32Array[]> => {
    // Token type ids are all zero for single texts; models that take them get zeros filled in by transformers.js.
    const inputs = options.encode
      ? padded(TensorClass, texts.map(options.encode), extractor.tokenizer.pad_token_id as number)
      : (extractor.tokenizer(texts, { padding: true, truncation: true, return_token_type_ids: false }) as { attention_mask: TensorLike });
    const outputs = (await extractor.model(inputs)) as Record<string, TensorLike | undefined>;
    const hidden = outputs.last_hidden_state ?? outputs.logits ?? outputs.token_embeddings;
    if (!hidden) throw new Error(`Model "${options.model}" returned no token vectors (last_hidden_state).`);
    return poolAndNormalize(hidden, inputs.attention_mask, conventions.pooling);
  };
  const [probe] = await run(['dims']);
  const dims = probe?.length ?? 0;

  return {
    model: options.model,
    dims,
    async embed(texts, kind) {
      const prefix = conventions[kind];
      // Similar lengths share a batch, so little padding is computed.
      const order = texts.map((_, i) => i).sort((a, b) => (texts[a] as string).length - (texts[b] as string).length);
      const vectors = new Array<Float32Array>(texts.length);
      for (let start = 0; start < order.length; start += batchSize) {
        if (start > 0) await yieldToEventLoop();
        const batch = order.slice(start, start + batchSize);
        const embedded = await run(batch.map((i) => prefix + (texts[i] as string)));
        batch.forEach((i, j) => (vectors[i] = embedded[j] as Float32Array));
      }
      return vectors;
    },
  };
}

/** A batch of id sequences as the tokenizer returns it: right-padded to the longest, with the attention mask. */
function padded(TensorClass: Transformers['Tensor'], rows: readonly number[][], padId: number): { input_ids: Tensor; attention_mask: Tensor } {
  const width = Math.max(0, ...rows.map((ids) => ids.length));
  const ids = new BigInt64Array(rows.length * width).fill(BigInt(padId));
  const mask = new BigInt64Array(rows.length * width);
  rows.forEach((row, r) => {
    row.forEach((id, i) => {
      ids[r * width + i] = BigInt(id);
      mask[r * width + i] = 1n;
    });
  });
  const dims = [rows.length, width];
  return { input_ids: new TensorClass('int64', ids, dims), attention_mask: new TensorClass('int64', mask, dims) };
}

interface TensorLike {
  dims: number[];
  data: ArrayLike<number | bigint>;
}

/** One unit vector per row of `hidden` [rows, sequence, dims]: the masked mean of its token vectors, or its first. */
function poolAndNormalize(hidden: TensorLike, mask: TensorLike, pooling: ModelConventions['pooling']): Float32Array[] {
  const [rows = 0, sequence = 0, dims = 0] = hidden.dims;
  const values = hidden.data as Float32Array;
  const vectors: Float32Array[] = [];
  for (let row = 0; row < rows; row++) {
    const sum = new Float32Array(dims);
    const positions = pooling === 'cls' ? 1 : sequence;
    for (let position = 0; position < positions; position++) {
      if (pooling === 'mean' && Number(mask.data[row * sequence + position]) === 0) continue;
      addInto(sum, values, (row * sequence + position) * dims);
    }
    vectors.push(normalizeInPlace(sum));
  }
  return vectors;
}

