import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { STATIC_MODEL_ID } from '../../config.ts';
import { MODEL_FILES, type Embedder, type EmbedderOptions } from '../embedder.ts';
import { createTableEmbedder, readEmbeddingTable, staticModelGraph } from './table-embedder.ts';
import { WordPieceEncoder } from './tokenize.ts';

/**
 * Whether `value` maps tokens to integer ids: one loop, where a schema for each entry took 30 ms at every start over
 * the vocabulary of a large collection's model (36k tokens).
 */
function isVocabulary(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(Number.isInteger);
}

const tokenizerFileSchema = z.object({
  model: z.object({ type: z.literal('WordPiece'), vocab: z.custom<Record<string, number>>(isVocabulary, 'not a vocabulary of integer ids') }),
  post_processor: z.object({
    type: z.literal('TemplateProcessing'),
    special_tokens: z.object({ '[CLS]': z.object({ ids: z.tuple([z.number().int()]) }), '[SEP]': z.object({ ids: z.tuple([z.number().int()]) }) }),
  }),
});
const tokenizerConfigSchema = z.object({ model_max_length: z.number().int().min(2) });

/**
 * The model input ids of a text for the static model in `modelDir`: `[CLS]` … `[SEP]`, cut at the model's maximum
 * length (which drops `[SEP]` too, as in transformers.js). What the transformers.js tokenizer gives, computed with
 * the builder's own WordPiece encoder, which does the same several times faster.
 * @throws Error when the folder's tokenizer files are not those of a static model.
 */
export function readStaticModelEncoder(modelDir: string): (text: string) => number[] {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(modelDir, name), 'utf8'));
  const tokenizer = tokenizerFileSchema.parse(read('tokenizer.json'));
  const { model_max_length: maxLength } = tokenizerConfigSchema.parse(read('tokenizer_config.json'));
  const encoder = new WordPieceEncoder(new Map(Object.entries(tokenizer.model.vocab)));
  const [cls] = tokenizer.post_processor.special_tokens['[CLS]'].ids;
  const [sep] = tokenizer.post_processor.special_tokens['[SEP]'].ids;
  return (text) => {
    const ids = [cls, ...encoder.encode(text), sep];
    if (ids.length > maxLength) ids.length = maxLength;
    return ids;
  };
}

/**
 * The embedder of the static model in `<modelsDir>/seogi-static`: tokenized with {@link readStaticModelEncoder} and
 * pooled straight from the model's embedding table ({@link createTableEmbedder}), which gives the vectors
 * transformers.js gives for the same files, without loading a runtime or making a token matrix per text.
 * @throws Error naming the folder when the model's files are missing or are not those of a static model.
 */
export async function createStaticEmbedder(modelsDir: string, options: Pick<EmbedderOptions, 'batchSize'> = {}): Promise<Embedder> {
  const modelDir = join(modelsDir, STATIC_MODEL_ID);
  const missing = MODEL_FILES.filter((file) => !existsSync(join(modelDir, file)));
  if (missing.length > 0) {
    throw new Error(`Embedding model "${STATIC_MODEL_ID}" was not found: ${modelDir} lacks ${missing.join(', ')}. Run "npm run index" to build it.`);
  }
  try {
    const encode = readStaticModelEncoder(modelDir);
    return createTableEmbedder(readEmbeddingTable(staticModelGraph(modelDir)), { ...options, model: STATIC_MODEL_ID, encode });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not load embedding model "${STATIC_MODEL_ID}" from ${modelDir}: ${reason}`, { cause: error });
  }
}
