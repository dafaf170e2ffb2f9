import { STATIC_MODEL_ID } from '../../index/config.ts';
import { createEmbedder, type Embedder } from '../../index/embed/embedder.ts';
import { createStaticEmbedder } from '../../index/embed/static-model/load.ts';
import { INDEX_FILES, indexMetaSchema } from '../../index/layout.ts';
import { IndexStore } from '../../index/store/index-store.ts';
import { createRandom } from '../random.ts';
import { figure, type Figure } from '../report.ts';
import { loadSeedText, varyNumbers } from '../seed-text.ts';
import { percentile, timeEach } from '../stats.ts';
import { ensureSeedIndex, type BenchContext } from '../workspace.ts';

/** Batch sizes the embedder is measured with. */
export const BATCH_SIZES = [1, 16, 64] as const;
/** Sentences embedded per round (a quarter in a quick run). */
const SENTENCES = 4096;
/** Rounds per batch size; the median round is reported, since a short run on a shared machine is easily disturbed. */
const ROUNDS = 3;

/** The two ways the default model is run: tokenized by transformers.js, or by Seogi's own encoder (as Seogi runs it). */
const TOKENIZERS: readonly { id: string; note: string; create: (modelsDir: string, batchSize: number) => Promise<Embedder> }[] = [
  {
    id: 'embedding',
    note: 'transformers.js tokenizer',
    create: (modelsDir, batchSize) => createEmbedder({ model: STATIC_MODEL_ID, modelsDir, batchSize }),
  },
  {
    id: 'embedding.seogiEncoder',
    note: "Seogi's WordPiece encoder, pooled from the embedding table, as index builds and the server run it",
    create: (modelsDir, batchSize) => createStaticEmbedder(modelsDir, { batchSize }),
  },
];

/**
 * Throughput of the default model (the seed collection's own static model) through transformers.js, tokenized by
 * transformers.js and by Seogi's encoder: seed sentences with varied numbers, embedded as passages with each batch
 * size, after an unmeasured warm-up; the median of {@link ROUNDS} rounds.
 */
export async function runEmbeddingPart(context: BenchContext): Promise<Figure[]> {
  const indexDir = await ensureSeedIndex(context);
  const modelsDir = new IndexStore({ dir: indexDir, metaSchema: indexMetaSchema }).load().path(INDEX_FILES.models);
  const seed = await loadSeedText();
  const random = createRandom(7);
  const count = context.quick ? SENTENCES / 4 : SENTENCES;
  const sentences = Array.from({ length: count }, () => varyNumbers(random.pick(seed.sentences), random));
  const figures: Figure[] = [];
  for (const tokenizer of TOKENIZERS) {
    for (const batchSize of BATCH_SIZES) {
      const embedder = await tokenizer.create(modelsDir, batchSize);
      await embedder.embed(sentences.slice(0, 256), 'passage');
      const rounds = await timeEach(Array.from({ length: ROUNDS }), () => embedder.embed(sentences, 'passage'));
      const seconds = percentile(rounds, 50) / 1000;
      context.log(`${tokenizer.note}, batch ${batchSize}: ${Math.round(count / seconds)} sentences/s`);
      figures.push(
        figure({
          part: 'embedding',
          id: `${tokenizer.id}.batch${batchSize}.sentencesPerSecond`,
          label: `embedding throughput, batch ${batchSize}`,
          value: count / seconds,
          unit: 'sentences/s',
          note: `${STATIC_MODEL_ID}, ${tokenizer.note}, ${count} sentences, median of ${ROUNDS}`,
        }),
      );
    }
  }
  return figures;
}
