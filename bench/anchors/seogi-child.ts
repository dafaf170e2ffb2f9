/**
 * One side of the anchors comparison, in a process of its own: loads a persisted index as the server does, answers
 * the questions with `AnswerEngine.ask` (hybrid, answer extraction, no answer cache) and reports the memory after
 * loading and the latency of each question. Modules are imported from `--root`, so the same measurement runs on
 * another checkout of Seogi (an older commit, for before/after figures).
 *
 * Usage: node --expose-gc --import tsx bench/anchors/seogi-child.ts --root DIR --docs DIR --index DIR
 *          --questions FILE --warm-up N --out FILE [--chunks-out FILE]
 */
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { AnswerEngine as AnswerEngineType } from '../../retrieval/answer-engine.ts';
import type { loadCollection as LoadCollection } from '../../retrieval/load-collection.ts';
import type { loadGlossary as LoadGlossary } from '../../index/analyze/glossary.ts';
import type { readIndexConfig as ReadIndexConfig } from '../../index/config.ts';
import { residentAfterGc, type AnchorSide } from './child-result.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    docs: { type: 'string' },
    index: { type: 'string' },
    questions: { type: 'string' },
    'warm-up': { type: 'string', default: '20' },
    out: { type: 'string' },
    'chunks-out': { type: 'string' },
  },
});

async function main(): Promise<void> {
  const { root, docs, index, questions: questionsFile, out } = values;
  if (!root || !docs || !index || !questionsFile || !out) throw new Error('seogi-child needs --root, --docs, --index, --questions and --out.');
  const load = <T>(path: string): Promise<T> => import(pathToFileURL(join(root, path)).href) as Promise<T>;
  const { readIndexConfig } = await load<{ readIndexConfig: typeof ReadIndexConfig }>('index/config.ts');
  const { loadGlossary } = await load<{ loadGlossary: typeof LoadGlossary }>('index/analyze/glossary.ts');
  const { loadCollection } = await load<{ loadCollection: typeof LoadCollection }>('retrieval/load-collection.ts');
  const { AnswerEngine } = await load<{ AnswerEngine: typeof AnswerEngineType }>('retrieval/answer-engine.ts');

  const questions = JSON.parse(await readFile(questionsFile, 'utf8')) as string[];
  const warmUp = Number(values['warm-up']);
  const config = readIndexConfig({ DOCS_DIR: docs, INDEX_DIR: index });
  const loadStarted = performance.now();
  const { collection } = await loadCollection(config);
  const loadMs = performance.now() - loadStarted;
  const glossary = loadGlossary(config.glossaryPaths);
  const engine = new AnswerEngine(() => collection, glossary, { cacheSize: 0 });
  for (const question of questions.slice(0, warmUp)) await engine.ask({ question });
  const latenciesMs: number[] = [];
  for (const question of questions.slice(warmUp)) {
    const started = performance.now();
    await engine.ask({ question });
    latenciesMs.push(performance.now() - started);
  }
  // Memory once everything a question touches has been loaded, as a server has it after its first questions.
  const rssBytes = residentAfterGc();
  const chunks = collection.chunks.filter((chunk) => chunk !== undefined);
  if (values['chunks-out']) await writeLines(values['chunks-out'], chunks.map((chunk) => JSON.stringify({ id: chunk.chunkId, text: chunk.text })));
  const result: AnchorSide = { chunks: chunks.length, loadMs, rssBytes, latenciesMs };
  await writeFile(out, JSON.stringify(result));
}

async function writeLines(path: string, lines: readonly string[]): Promise<void> {
  const stream = createWriteStream(path);
  for (const line of lines) if (!stream.write(`${line}\n`)) await new Promise<void>((done) => stream.once('drain', () => done()));
  await new Promise<void>((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done())));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
