import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadGlossary } from '../../index/analyze/glossary.ts';
import { PROJECT_ROOT, readIndexConfig } from '../../index/config.ts';
import type { AnchorSide } from '../anchors/child-result.ts';
import { runMeasured } from '../processes.ts';
import { generateQuestions } from '../questions.ts';
import { createRandom } from '../random.ts';
import { figure, type Figure, type Target } from '../report.ts';
import { loadSeedText } from '../seed-text.ts';
import { summarizeLatencies } from '../stats.ts';
import { writeFile } from 'node:fs/promises';
import {
  collectionDir,
  ensureSizeIndex,
  indexDir,
  measureIndexBuild,
  type BenchContext,
  type BuildMeasurement,
  type CollectionSize,
} from '../workspace.ts';
import { QUERY_COUNT } from './scale.ts';

/** Questions asked, untimed, before the timed ones: the same warm-up as the scale part's. */
const WARM_UP_QUESTIONS = 20;
const MIB = 2 ** 20;
const LARGE = '100k';
/** The issue: an answer at 100k, hybrid with answer extraction, no slower than MiniSearch's bare BM25 search. */
const ASK_OVER_MINISEARCH_TARGET: Target = { op: '<=', value: 1 };
/** The issue: p99 at most four times p50 at 100k. */
const TAIL_TARGET: Target = { op: '<=', value: 4 };
/** The issue, against the commit before the work (`--baseline`): ask p50 at most a third, build rate at least thrice. */
const ASK_OVER_BASELINE_TARGET: Target = { op: '<=', value: 1 / 3 };
const BUILD_OVER_BASELINE_TARGET: Target = { op: '>=', value: 3 };

/**
 * Seogi beside the search library a JavaScript developer would pick: MiniSearch (BM25, Hangul character bigrams so
 * that it finds Korean at all) indexes the same chunks of the same synthetic collections and searches the same
 * questions. Each side runs in a process of its own (`bench/anchors/*-child.ts`) so that their memory and garbage
 * collection stay apart. Seogi answers (hybrid retrieval and answer extraction); MiniSearch only searches. With
 * `--baseline REF`, the commit REF is measured too: its own index built from the same collection, the same questions.
 */
export async function runAnchorsPart(context: BenchContext): Promise<Figure[]> {
  const seed = await loadSeedText();
  const figures: Figure[] = [];
  for (const size of context.sizes) {
    const { docsDir, indexDir: seogiIndex } = await ensureSizeIndex(context, size);
    const work = join(context.workDir, 'anchors', size.label);
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    // The scale part's questions, in the same order: the same warm-up and the same timed questions.
    const glossary = loadGlossary(readIndexConfig({ DOCS_DIR: docsDir, INDEX_DIR: seogiIndex }).glossaryPaths);
    const questions = generateQuestions(seed, glossary, WARM_UP_QUESTIONS + QUERY_COUNT, createRandom(2024));
    const questionsFile = join(work, 'questions.json');
    await writeFile(questionsFile, JSON.stringify(questions));
    const chunksFile = join(work, 'chunks.jsonl');

    const build = context.earlier.find((f) => f.id === `scale.${size.label}.build.chunksPerSecond`)?.value ?? chunksPerSecond(await rebuild(context, size, seogiIndex));
    context.log(`${size.label}: Seogi answering ${QUERY_COUNT} questions…`);
    const seogi = await runSide(context, 'seogi-child.ts', work, 'seogi', ['--root', PROJECT_ROOT, '--docs', docsDir, '--index', seogiIndex, '--chunks-out', chunksFile], questionsFile);
    context.log(`${size.label}: MiniSearch indexing ${seogi.chunks} chunks and searching…`);
    const mini = await runSide(context, 'minisearch-child.ts', work, 'minisearch', ['--chunks', chunksFile], questionsFile);
    await rm(chunksFile, { force: true });
    figures.push(...anchorFigures(size, seogi, build, mini));

    if (context.baseline) {
      const { commit, root } = context.baseline;
      const baselineIndex = indexDir(context, `${size.label}-${commit}`);
      context.log(`${size.label}: building the index with ${commit}…`);
      const baselineBuild = await measureIndexBuild(context, docsDir, baselineIndex, undefined, root);
      context.log(`${size.label}: ${commit} answering ${QUERY_COUNT} questions…`);
      const before = await runSide(context, 'seogi-child.ts', work, 'baseline', ['--root', root, '--docs', docsDir, '--index', baselineIndex], questionsFile);
      figures.push(...baselineFigures(size, commit, { side: seogi, buildRate: build }, { side: before, build: baselineBuild }));
    }
  }
  return figures;
}

/** Runs one side's child process and reads what it reports. */
async function runSide(context: BenchContext, script: string, work: string, name: string, args: string[], questionsFile: string): Promise<AnchorSide> {
  const out = join(work, `${name}.json`);
  const run = await runMeasured(join('bench', 'anchors', script), [...args, '--questions', questionsFile, '--warm-up', String(WARM_UP_QUESTIONS), '--out', out], {
    nodeFlags: ['--expose-gc'],
    timeoutMs: 15 * 60_000,
  });
  if (run.exitCode !== 0) throw new Error(`${name} failed (exit code ${run.exitCode}):\n${run.stderr.trim().split('\n').slice(-10).join('\n')}`);
  return JSON.parse(await readFile(out, 'utf8')) as AnchorSide;
}

/** Builds Seogi's index of a size afresh, when no earlier part of this run did. */
async function rebuild(context: BenchContext, size: CollectionSize, target: string): Promise<BuildMeasurement> {
  context.log(`${size.label}: building Seogi's index (the scale part did not run)…`);
  return measureIndexBuild(context, collectionDir(context, size), target);
}

function chunksPerSecond(build: BuildMeasurement): number {
  return build.chunks / (build.buildMs / 1000);
}

function anchorFigures(size: CollectionSize, seogi: AnchorSide, seogiBuildRate: number, mini: AnchorSide): Figure[] {
  const part = 'anchors' as const;
  const id = (name: string) => `anchors.${size.label}.${name}`;
  const large = size.label === LARGE;
  const ask = summarizeLatencies(seogi.latenciesMs);
  const search = summarizeLatencies(mini.latenciesMs);
  const miniRate = mini.chunks / (mini.loadMs / 1000);
  return [
    figure({ part, id: id('seogi.ask.p50'), label: `Seogi ask latency p50, ${size.label}`, value: ask.p50, unit: 'ms', note: 'hybrid, answer extraction, no answer cache' }),
    figure({ part, id: id('seogi.ask.p99'), label: `Seogi ask latency p99, ${size.label}`, value: ask.p99, unit: 'ms' }),
    figure({ part, id: id('seogi.ask.p99OverP50'), label: `Seogi ask p99 / p50, ${size.label}`, value: ask.p99 / ask.p50, unit: '×', ...(large ? { target: TAIL_TARGET } : {}) }),
    figure({ part, id: id('minisearch.search.p50'), label: `MiniSearch search latency p50, ${size.label}`, value: search.p50, unit: 'ms', note: 'BM25, Hangul bigrams, all matches' }),
    figure({ part, id: id('minisearch.search.p99'), label: `MiniSearch search latency p99, ${size.label}`, value: search.p99, unit: 'ms' }),
    figure({
      part,
      id: id('askOverMinisearch'),
      label: `Seogi ask p50 / MiniSearch search p50, ${size.label}`,
      value: ask.p50 / search.p50,
      unit: '×',
      ...(large ? { target: ASK_OVER_MINISEARCH_TARGET } : {}),
    }),
    figure({ part, id: id('askOverMinisearch.p99'), label: `Seogi ask p99 / MiniSearch search p99, ${size.label}`, value: ask.p99 / search.p99, unit: '×' }),
    figure({ part, id: id('seogi.buildRate'), label: `Seogi index build rate, ${size.label}`, value: seogiBuildRate, unit: 'chunks/s', note: 'files to committed index: cleaning, chunking, embedding, HNSW' }),
    figure({ part, id: id('minisearch.buildRate'), label: `MiniSearch index build rate, ${size.label}`, value: miniRate, unit: 'chunks/s', note: 'addAll of the chunk texts in memory' }),
    figure({ part, id: id('buildOverMinisearch'), label: `Seogi build rate / MiniSearch build rate, ${size.label}`, value: seogiBuildRate / miniRate, unit: '×' }),
    figure({ part, id: id('seogi.rssMiB'), label: `Seogi memory after load, ${size.label}`, value: seogi.rssBytes / MIB, unit: 'MiB', note: 'RSS after GC, index loaded, questions answered' }),
    figure({ part, id: id('minisearch.rssMiB'), label: `MiniSearch memory after load, ${size.label}`, value: mini.rssBytes / MIB, unit: 'MiB', note: 'RSS after GC, texts dropped' }),
    figure({ part, id: id('memoryOverMinisearch'), label: `Seogi memory / MiniSearch memory, ${size.label}`, value: seogi.rssBytes / mini.rssBytes, unit: '×' }),
  ];
}

function baselineFigures(
  size: CollectionSize,
  commit: string,
  now: { side: AnchorSide; buildRate: number },
  before: { side: AnchorSide; build: BuildMeasurement },
): Figure[] {
  const part = 'anchors' as const;
  const id = (name: string) => `anchors.${size.label}.baseline.${name}`;
  const large = size.label === LARGE;
  const ask = summarizeLatencies(before.side.latenciesMs);
  const nowAsk = summarizeLatencies(now.side.latenciesMs);
  const rate = chunksPerSecond(before.build);
  return [
    figure({ part, id: id('ask.p50'), label: `${commit} ask latency p50, ${size.label}`, value: ask.p50, unit: 'ms' }),
    figure({ part, id: id('ask.p99'), label: `${commit} ask latency p99, ${size.label}`, value: ask.p99, unit: 'ms' }),
    figure({ part, id: id('askOverBaseline'), label: `ask p50 now / ${commit}, ${size.label}`, value: nowAsk.p50 / ask.p50, unit: '×', ...(large ? { target: ASK_OVER_BASELINE_TARGET } : {}) }),
    figure({ part, id: id('buildRate'), label: `${commit} index build rate, ${size.label}`, value: rate, unit: 'chunks/s' }),
    figure({ part, id: id('buildOverBaseline'), label: `build rate now / ${commit}, ${size.label}`, value: now.buildRate / rate, unit: '×', ...(large ? { target: BUILD_OVER_BASELINE_TARGET } : {}) }),
    ...(before.build.peakRssBytes === undefined ? [] : [figure({ part, id: id('build.peakRssMiB'), label: `${commit} index build peak RSS, ${size.label}`, value: before.build.peakRssBytes / MIB, unit: 'MiB' })]),
    figure({ part, id: id('rssMiB'), label: `${commit} memory after load, ${size.label}`, value: before.side.rssBytes / MIB, unit: 'MiB' }),
  ];
}
