import { loadGlossary } from '../../index/analyze/glossary.ts';
import { readIndexConfig } from '../../index/config.ts';
import { AnswerEngine } from '../../retrieval/answer-engine.ts';
import { loadCollection } from '../../retrieval/load-collection.ts';
import { profileWhile, summarizeProfile } from '../cpu-profile.ts';
import { createRandom } from '../random.ts';
import { figure, type Figure, type Target } from '../report.ts';
import { loadSeedText, SEEDS_DIR } from '../seed-text.ts';
import { percentile } from '../stats.ts';
import { ensureSeedIndex, type BenchContext } from '../workspace.ts';
import { costlyKinds, TYPICAL_QUESTIONS, type CostlyRequest } from '../worst-questions.ts';

/** Questions of each costly kind timed (a quarter in a quick run); each round also times the typical questions. */
const ROUNDS = 24;
/**
 * The issue holds the costliest question the API accepts to twenty typical ones: a question answered on the single
 * JavaScript thread holds up every other request, `/healthz` included, for as long as it takes.
 */
const RATIO_TARGET: Target = { op: '<=', value: 20 };

/**
 * The cost of the costliest questions the API accepts (see {@link costlyKinds}) against that of a typical one, on the
 * seed collection, in process: `AnswerEngine.ask` without its answer cache, so repeated typical questions are answered
 * afresh. The kinds and the typical questions take turns, round after round, so a slow spell of a shared machine
 * weighs on both; each kind's median is compared with the typical median.
 */
export async function runQuestionsPart(context: BenchContext): Promise<Figure[]> {
  const indexDir = await ensureSeedIndex(context);
  const config = readIndexConfig({ DOCS_DIR: SEEDS_DIR, INDEX_DIR: indexDir });
  const { collection } = await loadCollection(config);
  const glossary = loadGlossary(config.glossaryPaths);
  const engine = new AnswerEngine(() => collection, glossary, { cacheSize: 0 });
  const kinds = costlyKinds(await loadSeedText(), glossary);
  const random = createRandom(2025);
  const rounds = context.quick ? ROUNDS / 4 : ROUNDS;
  const asked = kinds.map((kind) => Array.from({ length: rounds + 1 }, () => kind.make(random)));
  const time = async (request: CostlyRequest): Promise<number> => {
    const started = performance.now();
    await engine.ask(request);
    return performance.now() - started;
  };
  // Untimed: the first of each kind and the typical questions, so the timed runs measure warm code.
  for (const request of [...TYPICAL_QUESTIONS, ...asked.map((list) => list[0] as CostlyRequest)]) await engine.ask(request);
  const typical: number[] = [];
  const costly = kinds.map((): number[] => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [k, list] of asked.entries()) {
      for (const request of TYPICAL_QUESTIONS) typical.push(await time(request));
      costly[k]?.push(await time(list[round] as CostlyRequest));
    }
  }
  if (context.profile) {
    const { profile } = await profileWhile(async () => {
      for (const list of asked) for (const request of list.slice(1)) await engine.ask(request);
    });
    context.profiles['costliest questions in process, seeds'] = summarizeProfile(profile);
  }

  const typicalMs = percentile(typical, 50);
  const medians = costly.map((times) => percentile(times, 50));
  medians.forEach((ms, k) => context.log(`${kinds[k]?.label}: ${ms.toFixed(1)} ms, ${(ms / typicalMs).toFixed(1)} × typical`));
  const worst = medians.indexOf(Math.max(...medians));
  const worstKind = kinds[worst];
  const worstMs = medians[worst] as number;
  const part = 'questions' as const;
  return [
    figure({
      part,
      id: 'questions.typical.p50',
      label: 'typical question cost p50',
      value: typicalMs,
      unit: 'ms',
      note: `${TYPICAL_QUESTIONS.map((q) => `"${q.question}"`).join(', ')}; AnswerEngine.ask in process, seeds, no answer cache`,
    }),
    figure({
      part,
      id: 'questions.worst.p50',
      label: 'costliest question cost p50',
      value: worstMs,
      unit: 'ms',
      note: `${worstKind?.label ?? ''}; ${rounds} distinct questions of each of ${kinds.length} kinds, 1,000 characters`,
    }),
    figure({
      part,
      id: 'questions.worstOverTypical',
      label: 'worst-case question cost / typical question cost',
      value: worstMs / typicalMs,
      unit: '×',
      target: RATIO_TARGET,
      note: 'medians, the costliest kind',
    }),
  ];
}
