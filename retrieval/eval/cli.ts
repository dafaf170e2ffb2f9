import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readIndexConfig } from '../../index/config.ts';
import { createProgressReporter } from '../../index/progress.ts';
import { loadGlossary } from '../../index/analyze/glossary.ts';
import { AnswerEngine, type RetrievalMode } from '../answer-engine.ts';
import { openCollection } from '../open-collection.ts';
import { readEvalCases } from './dataset.ts';
import { formatReport, runEval } from './run-eval.ts';

const USAGE = `Usage: npm run eval -- FILE.jsonl [--mode hybrid|lexical|dense|all] [--verbose] [--out report.json]

Scores Seogi on a question file (format of shared/eval/dev.jsonl): hit@1, hit@3, MRR, answer accuracy and
abstention, per language and overall. --mode all (the default) prints each retrieval mode side by side.`;

const MODES: readonly RetrievalMode[] = ['dense', 'lexical', 'hybrid'];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'all' },
      verbose: { type: 'boolean', short: 'v', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [file] = positionals;
  if (values.help || !file) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const modes = values.mode === 'all' ? MODES : MODES.filter((m) => m === values.mode);
  if (modes.length === 0) throw new Error(`--mode must be dense, lexical, hybrid or all, not "${values.mode}".`);
  const cases = readEvalCases(file);
  const config = readIndexConfig();
  const reporter = createProgressReporter();
  const { collection } = await openCollection(config, { onProgress: reporter.onProgress, onNotice: (m) => console.error(m) });
  reporter.stop();
  const engine = new AnswerEngine(() => collection, loadGlossary(config.glossaryPaths));
  const reports = [];
  for (const mode of modes) {
    const report = await runEval(engine, cases, mode);
    reports.push(report);
    console.log(formatReport(report, values.verbose));
  }
  if (values.out) writeFileSync(values.out, `${JSON.stringify(reports, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
