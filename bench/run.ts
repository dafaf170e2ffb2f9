import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../index/config.ts';
import { formatProfileSummary, type ProfileSummary } from './cpu-profile.ts';
import { currentLoad, machineInfo } from './machine.ts';
import { runAnchorsPart } from './parts/anchors.ts';
import { runEmbeddingPart } from './parts/embedding.ts';
import { runHttpPart } from './parts/http.ts';
import { runIngestPart } from './parts/ingest.ts';
import { runQuestionsPart } from './parts/questions.ts';
import { runReplicasPart } from './parts/replicas.ts';
import { runScalePart } from './parts/scale.ts';
import { runStartupPart } from './parts/startup.ts';
import { stopMeasuredRuns } from './processes.ts';
import { figure, formatMarkdownTable, formatTable, PARTS, writeResults, type Figure, type Part } from './report.ts';
import { FULL_SIZES, prepareBaseline, QUICK_SIZES, WORK_DIR, type BenchContext } from './workspace.ts';

const USAGE = `Usage: npm run bench -- [--quick] [--only ${PARTS.join(',')}] [--profile] [--seconds N] [--out FILE]

Measures Seogi on this machine and prints a table; writes bench/results.json (a --quick run: bench/work/results-quick.json).
  --quick      smaller collections (2k and 16k chunks instead of 16k and 100k) and 3 s load tests
  --only LIST  run only these parts, in their usual order: ${PARTS.join(', ')}
  --profile    record CPU profiles of the index builds and of the server under load, and summarize them
  --seconds N  duration of each HTTP load test (default 10, quick 3)
  --out FILE   where to write the results as JSON
  --baseline REF  also measure commit REF (anchors part: its index build and its answers, same collections and questions)
Scratch files (collections, indexes, logs, profiles) go to bench/work/.`;

/** The whole run must fit in ten minutes on the reference machine. */
const RUN_BUDGET_S = 600;

const RUNNERS: Record<Part, (context: BenchContext) => Promise<Figure[]>> = {
  http: runHttpPart,
  scale: runScalePart,
  anchors: runAnchorsPart,
  startup: runStartupPart,
  embedding: runEmbeddingPart,
  questions: runQuestionsPart,
  ingest: runIngestPart,
  replicas: runReplicasPart,
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      seconds: { type: 'string' },
      out: { type: 'string' },
      baseline: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const parts = selectParts(values.only);
  const quick = values.quick;
  const httpSeconds = values.seconds ? seconds(values.seconds) : quick ? 3 : 10;
  const out = resolve(values.out ?? (quick ? join(WORK_DIR, 'results-quick.json') : join(PROJECT_ROOT, 'bench', 'results.json')));

  const started = performance.now();
  const machine = machineInfo();
  console.log(`Seogi benchmark on ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log(`Load average ${machine.loadAverage.join(' ')}; parts: ${parts.join(', ')}${quick ? ' (quick)' : ''}\n`);
  const profiles: Record<string, ProfileSummary> = {};
  const figures: Figure[] = [];
  const baseline = values.baseline ? await prepareBaseline(values.baseline) : undefined;
  if (baseline) console.log(`Baseline: ${baseline.commit} in ${baseline.root}\n`);
  const context: BenchContext = {
    workDir: WORK_DIR,
    quick,
    sizes: quick ? QUICK_SIZES : FULL_SIZES,
    httpSeconds,
    profile: values.profile,
    profiles,
    log: (line) => console.log(`  ${line}`),
    earlier: figures,
    ...(baseline ? { baseline } : {}),
  };

  const errors: string[] = [];
  for (const part of parts) {
    console.log(`[${part}]`);
    const partStarted = performance.now();
    try {
      figures.push(...(await RUNNERS[part](context)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push(`${part}: ${message}`);
      console.error(`  ${part} failed: ${message}`);
    }
    console.log(`  (${((performance.now() - partStarted) / 1000).toFixed(0)} s)`);
  }
  const durationS = (performance.now() - started) / 1000;
  if (!quick && !baseline && parts.length === PARTS.length) {
    figures.push(figure({ part: 'run', id: 'run.seconds', label: 'whole benchmark run', value: durationS, unit: 's', target: { op: '<=', value: RUN_BUDGET_S } }));
  }

  console.log(`\n${formatTable(figures)}`);
  for (const [title, summary] of Object.entries(profiles)) console.log(`\n${formatProfileSummary(`CPU profile: ${title}`, summary)}`);
  const failed = figures.filter((f) => f.pass === false);
  console.log(`\n${figures.length - failed.length} of ${figures.length} figures meet their target or have none; ${failed.length} miss it.`);
  if (errors.length > 0) console.error(`Parts that failed to run:\n${errors.map((e) => `  ${e}`).join('\n')}`);

  await writeResults(out, {
    machine,
    loadAverageAfter: currentLoad(),
    durationS: Math.round(durationS),
    options: { quick, parts, profile: values.profile, ...(baseline ? { baseline: baseline.commit } : {}) },
    // A run of some parts replaces their figures and keeps the others' from the file.
    figures: [...(await earlierFigures(out)).filter((f) => f.part !== 'run' && !parts.includes(f.part)), ...figures],
    profiles,
    errors,
  });
  await mkdir(WORK_DIR, { recursive: true });
  await writeFile(join(WORK_DIR, 'results.md'), `${formatMarkdownTable(figures)}\n`);
  console.log(`Results written to ${out} (Markdown table: ${join(WORK_DIR, 'results.md')}).`);
  if (errors.length > 0) process.exitCode = 1;
}

/** The figures of the results file at `path`, if there is one. */
async function earlierFigures(path: string): Promise<Figure[]> {
  try {
    return (JSON.parse(await readFile(path, 'utf8')) as { figures?: Figure[] }).figures ?? [];
  } catch {
    return [];
  }
}

function selectParts(only: string | undefined): Part[] {
  if (!only) return [...PARTS];
  const wanted = only.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = wanted.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`Unknown part ${unknown.join(', ')}: choose from ${PARTS.join(', ')}.`);
  return PARTS.filter((p) => wanted.includes(p));
}

function seconds(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 120) throw new Error(`--seconds must be a whole number from 1 to 120, got "${text}".`);
  return Number(text);
}

process.once('SIGINT', () => {
  stopMeasuredRuns();
  process.exit(130);
});

main().catch((error: unknown) => {
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
