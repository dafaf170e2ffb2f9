import { readIndexConfig } from '../../index/config.ts';
import type { VectorHit, VectorIndex } from '../../index/embed/vector-index.ts';
import { readGraph } from '../../index/graph-files.ts';
import { indexEmbedder } from '../../index/embed/index-embedder.ts';
import { indexMetaSchema } from '../../index/layout.ts';
import { IndexStore } from '../../index/store/index-store.ts';
import { loadGlossary } from '../../index/analyze/glossary.ts';
import { AnswerEngine } from '../../retrieval/answer-engine.ts';
import { loadCollection } from '../../retrieval/load-collection.ts';
import { profileWhile, summarizeProfile } from '../cpu-profile.ts';
import { generateQuestions } from '../questions.ts';
import { createRandom } from '../random.ts';
import { exactTopK, recallAtK, vectorMatrix } from '../recall.ts';
import { figure, type Figure, type Target } from '../report.ts';
import { loadSeedText, type SeedText } from '../seed-text.ts';
import { summarizeLatencies, timeEach } from '../stats.ts';
import { generateCollection } from '../synthetic-collection.ts';
import { collectionDir, indexDir, measureIndexBuild, type BenchContext, type BuildMeasurement, type CollectionSize } from '../workspace.ts';

/** Questions embedded for recall and asked for latency at each size. */
export const QUERY_COUNT = 200;
/** Questions asked, untimed, before the latency runs so they measure warm code. */
const WARM_UP_QUESTIONS = 20;
/** Questions asked under the profiler (when profiling) after the timed ones. */
const PROFILED_QUESTIONS = 100;
/** Search widths whose recall is reported beside the default one, to show what a wider search would buy. */
const OTHER_EF = [200, 400];
const K = 10;
const MIB = 2 ** 20;
/** The size the 100,000-chunk targets (memory, query latency) are held to. */
const LARGE = '100k';
const BUILD_RATE_TARGET: Target = { op: '>=', value: 2000 };
const PEAK_RSS_TARGET: Target = { op: '<=', value: 1024 };
const RECALL_TARGET: Target = { op: '>=', value: 0.95 };
const ASK_P50_TARGET: Target = { op: '<=', value: 5 };

/**
 * For each collection size: generates the synthetic collection, builds its index from scratch as `npm run index`
 * does (time, chunks/s, peak RSS, size on disk), then loads it in this process and measures HNSW recall@10 against
 * exact search over the same vectors, HNSW and query-embedding latency, and the full `AnswerEngine.ask` latency.
 */
export async function runScalePart(context: BenchContext): Promise<Figure[]> {
  const seed = await loadSeedText();
  const figures: Figure[] = [];
  for (const size of context.sizes) {
    const docsDir = collectionDir(context, size);
    const generated = await generateCollection({ outDir: docsDir, documents: size.documents });
    context.log(`${size.label}: ${generated.reused ? 'kept' : 'wrote'} ${generated.documents} documents; building the index…`);
    const target = indexDir(context, size.label);
    const build = await measureIndexBuild(context, docsDir, target, context.profile ? `build-${size.label}` : undefined);
    if (build.profile) context.profiles[`index build, ${size.label}`] = build.profile;
    context.log(`${size.label}: ${build.chunks} chunks in ${(build.buildMs / 1000).toFixed(1)} s; measuring queries…`);
    figures.push(...buildFigures(size, build), ...(await queryFigures(context, size, docsDir, target, seed)));
  }
  return figures;
}

function buildFigures(size: CollectionSize, build: BuildMeasurement): Figure[] {
  const part = 'scale' as const;
  const id = (name: string) => `scale.${size.label}.${name}`;
  const large = size.label === LARGE;
  return [
    figure({
      part,
      id: id('build.seconds'),
      label: `index build time, ${size.label}`,
      value: build.wallMs / 1000,
      unit: 's',
      note: `${build.documents} docs → ${build.chunks} chunks, whole process`,
    }),
    figure({
      part,
      id: id('build.chunksPerSecond'),
      label: `index build rate, ${size.label}`,
      value: build.chunks / (build.buildMs / 1000),
      unit: 'chunks/s',
      target: BUILD_RATE_TARGET,
      note: 'build time as the build reports it',
    }),
    ...(build.peakRssBytes === undefined
      ? []
      : [
          figure({
            part,
            id: id('build.peakRssMiB'),
            label: `index build peak RSS, ${size.label}`,
            value: build.peakRssBytes / MIB,
            unit: 'MiB',
            ...(large ? { target: PEAK_RSS_TARGET } : {}),
          }),
        ]),
    figure({ part, id: id('index.diskMiB'), label: `index size on disk, ${size.label}`, value: build.diskBytes / MIB, unit: 'MiB' }),
  ];
}

async function queryFigures(
  context: BenchContext,
  size: CollectionSize,
  docsDir: string,
  target: string,
  seed: SeedText,
): Promise<Figure[]> {
  const config = readIndexConfig({ DOCS_DIR: docsDir, INDEX_DIR: target });
  const glossary = loadGlossary(config.glossaryPaths);
  // Distinct throughout: the warm-up and the profiled run must not turn the timed questions into cached answers.
  const all = generateQuestions(seed, glossary, WARM_UP_QUESTIONS + QUERY_COUNT + PROFILED_QUESTIONS, createRandom(2024));
  const warmUp = all.slice(0, WARM_UP_QUESTIONS);
  const questions = all.slice(WARM_UP_QUESTIONS, WARM_UP_QUESTIONS + QUERY_COUNT);
  const profiled = all.slice(WARM_UP_QUESTIONS + QUERY_COUNT);

  const loadStarted = performance.now();
  const { collection } = await loadCollection(config);
  const loadMs = performance.now() - loadStarted;
  // The graph and the model on their own, as the collection loaded them, for recall and search timings.
  const loaded = new IndexStore({ dir: target, metaSchema: indexMetaSchema }).load();
  const vectors = await readGraph(loaded, config.hnsw?.efSearch !== undefined ? { efSearch: config.hnsw.efSearch } : {});
  const embedder = await indexEmbedder(loaded, config);

  const queryVectors: Float32Array[] = [];
  const embedTimes = await timeEach(questions, async (question) => {
    const [vector] = await embedder.embed([question], 'query');
    queryVectors.push(vector as Float32Array);
  });
  const matrix = vectorMatrix(vectors);
  const exact = queryVectors.map((v) => exactTopK(matrix, v, K));
  const meanRecall = (index: VectorIndex) => queryVectors.reduce((sum, v, i) => sum + recallAtK(index.search(v, K), exact[i] as VectorHit[], K), 0) / queryVectors.length;
  const recall = meanRecall(vectors);
  const wider: Array<{ efSearch: number; recall: number }> = [];
  for (const efSearch of OTHER_EF) wider.push({ efSearch, recall: meanRecall(await readGraph(loaded, { efSearch })) });
  const searchTimes = await timeEach(queryVectors, (v) => vectors.search(v, K));

  const engine = new AnswerEngine(() => collection, glossary);
  for (const question of warmUp) await engine.ask({ question });
  const askTimes = await timeEach(questions, (question) => engine.ask({ question }));
  context.log(`${size.label}: recall@${K} ${recall.toFixed(3)}, ask p50 ${summarizeLatencies(askTimes).p50.toFixed(1)} ms`);
  if (context.profile && size === context.sizes.at(-1)) {
    const { profile } = await profileWhile(async () => {
      for (const question of profiled) await engine.ask({ question });
    });
    context.profiles[`AnswerEngine.ask in process, ${size.label}`] = summarizeProfile(profile);
  }

  const part = 'scale' as const;
  const id = (name: string) => `scale.${size.label}.${name}`;
  const search = summarizeLatencies(searchTimes);
  const ask = summarizeLatencies(askTimes);
  return [
    figure({ part, id: id('load.seconds'), label: `index load in process, ${size.label}`, value: loadMs / 1000, unit: 's' }),
    figure({
      part,
      id: id('recall10'),
      label: `HNSW recall@${K} at default ef, ${size.label}`,
      value: recall,
      unit: '',
      target: RECALL_TARGET,
      note: `${QUERY_COUNT} queries, vs exact search`,
    }),
    ...wider.map((w) =>
      figure({ part, id: id(`recall10.ef${w.efSearch}`), label: `HNSW recall@${K} at ef ${w.efSearch}, ${size.label}`, value: w.recall, unit: '' }),
    ),
    figure({ part, id: id('hnsw.p50'), label: `HNSW search latency p50, ${size.label}`, value: search.p50, unit: 'ms', note: `k=${K}` }),
    figure({ part, id: id('hnsw.p99'), label: `HNSW search latency p99, ${size.label}`, value: search.p99, unit: 'ms' }),
    figure({ part, id: id('embedQuery.p50'), label: `query embedding latency p50, ${size.label}`, value: summarizeLatencies(embedTimes).p50, unit: 'ms' }),
    figure({
      part,
      id: id('ask.p50'),
      label: `ask latency p50, ${size.label}`,
      value: ask.p50,
      unit: 'ms',
      ...(size.label === LARGE ? { target: ASK_P50_TARGET } : {}),
      note: 'AnswerEngine.ask in process, hybrid',
    }),
    figure({ part, id: id('ask.p99'), label: `ask latency p99, ${size.label}`, value: ask.p99, unit: 'ms' }),
  ];
}
