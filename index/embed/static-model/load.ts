import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { STATIC_MODEL_ID } from '../../config.ts';
import { createEmbedder, type Embedder, type EmbedderOptions } from '../embedder.ts';
import { WordPieceEncoder } from './tokenize.ts';

const tokenizerFileSchema = z.object({
  model: z.object({ type: z.literal('WordPiece'), vocab: z.record(z.string(), z.number().int()) }),
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

/** The embedder of the static model in `<modelsDir>/seogi-static`, tokenizing with {@link readStaticModelEncoder}. */
export function createStaticEmbedder(modelsDir: string, options: Pick<EmbedderOptions, 'batchSize'> = {}): Promise<Embedder> {
  return createEmbedder({ ...options, model: STATIC_MODEL_ID, modelsDir, encode: readStaticModelEncoder(join(modelsDir, STATIC_MODEL_ID)) });
}
