/**
 * The other side of the anchors comparison, in a process of its own: MiniSearch (BM25, with a Hangul bigram
 * tokenizer) indexes the same chunk texts Seogi answers from and searches the same questions, as a JavaScript
 * developer would use it out of the box: `search(question)`, every matching chunk, best first.
 *
 * Usage: node --expose-gc --import tsx bench/anchors/minisearch-child.ts --chunks FILE --questions FILE --warm-up N --out FILE
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { hangulBigrams } from './bigram-tokenizer.ts';
import { residentAfterGc, type AnchorSide } from './child-result.ts';

interface ChunkText {
  id: string;
  text: string;
}

const { values } = parseArgs({
  options: {
    chunks: { type: 'string' },
    questions: { type: 'string' },
    'warm-up': { type: 'string', default: '20' },
    out: { type: 'string' },
  },
});

async function main(): Promise<void> {
  const { chunks: chunksFile, questions: questionsFile, out } = values;
  if (!chunksFile || !questionsFile || !out) throw new Error('minisearch-child needs --chunks, --questions and --out.');
  const questions = JSON.parse(await readFile(questionsFile, 'utf8')) as string[];
  const warmUp = Number(values['warm-up']);
  const { search, count, loadMs } = await buildIndex(chunksFile);
  for (const question of questions.slice(0, warmUp)) search.search(question);
  const latenciesMs: number[] = [];
  for (const question of questions.slice(warmUp)) {
    const at = performance.now();
    search.search(question);
    latenciesMs.push(performance.now() - at);
  }
  const result: AnchorSide = { chunks: count, loadMs, rssBytes: residentAfterGc(), latenciesMs };
  await writeFile(out, JSON.stringify(result));
}

/** MiniSearch over the chunk texts of a file; the texts themselves go with this function (MiniSearch stores none). */
async function buildIndex(chunksFile: string): Promise<{ search: MiniSearch<ChunkText>; count: number; loadMs: number }> {
  const chunks = (await readFile(chunksFile, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ChunkText);
  const search = new MiniSearch<ChunkText>({ fields: ['text'], tokenize: hangulBigrams });
  const started = performance.now();
  search.addAll(chunks);
  return { search, count: chunks.length, loadMs: performance.now() - started };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
