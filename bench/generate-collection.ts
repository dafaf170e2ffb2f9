import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PARAGRAPHS, generateCollection } from './synthetic-collection.ts';

const USAGE = `Usage: tsx bench/generate-collection.ts --out DIR [--docs N | --chunks N] [--paragraphs N] [--seed N] [--source DIR]

Writes a synthetic collection of seed sentences recombined with varied numbers, one .txt file per document.
  --docs N        documents to write (default 2000, about 16,000 chunks)
  --chunks N      or: enough documents for about N chunks (100000 → 12,500 documents)
  --paragraphs N  paragraphs (= chunks) per document (default ${DEFAULT_PARAGRAPHS})
  --seed N        recombination seed (default 1); the same arguments always write the same files
  --source DIR    collection whose sentences are used (default seeds/)
Then: DOCS_DIR=DIR INDEX_DIR=… npm run index`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      docs: { type: 'string' },
      chunks: { type: 'string' },
      paragraphs: { type: 'string' },
      seed: { type: 'string' },
      source: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values.out) {
    console.log(USAGE);
    if (!values.out && !values.help) process.exitCode = 2;
    return;
  }
  if (values.docs && values.chunks) throw new Error('Give either --docs or --chunks, not both.');
  const paragraphs = values.paragraphs ? whole(values.paragraphs, '--paragraphs') : DEFAULT_PARAGRAPHS;
  const documents = values.chunks ? Math.ceil(whole(values.chunks, '--chunks') / paragraphs) : values.docs ? whole(values.docs, '--docs') : undefined;
  const started = performance.now();
  const collection = await generateCollection({
    outDir: resolve(values.out),
    paragraphs,
    ...(documents ? { documents } : {}),
    ...(values.seed ? { seed: whole(values.seed, '--seed') } : {}),
    ...(values.source ? { sourceDir: resolve(values.source) } : {}),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${collection.reused ? 'Kept' : 'Wrote'} ${collection.documents} documents (≈ ${collection.paragraphs} chunks) in ${collection.dir} (${seconds} s)`,
  );
}

function whole(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${flag} must be a positive whole number, got "${text}".`);
  return Number(text);
}

main().catch((error: unknown) => {
  console.error(`Could not generate the collection: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
