import type { AnswerEngine, RetrievalMode } from '../answer-engine.ts';
import type { EvalCase } from './dataset.ts';
import { judge, summarize, type CaseResult, type EvalFigures } from './metrics.ts';

/** Figures of one retrieval mode over a question file. */
export interface EvalReport {
  mode: RetrievalMode;
  ko: EvalFigures;
  en: EvalFigures;
  all: EvalFigures;
  results: CaseResult[];
}

/** Asks every question in `mode` and scores the answers. */
export async function runEval(engine: AnswerEngine, cases: readonly EvalCase[], mode: RetrievalMode): Promise<EvalReport> {
  const results: CaseResult[] = [];
  for (const c of cases) results.push(judge(c, await engine.ask({ question: c.question, history: c.history }, mode)));
  const of = (lang: string) => summarize(results.filter((r) => r.case.lang === lang));
  return { mode, ko: of('ko'), en: of('en'), all: summarize(results), results };
}

const COLUMNS: ReadonlyArray<[keyof EvalFigures, string]> = [
  ['hitAt1', 'hit@1'],
  ['hitAt3', 'hit@3'],
  ['mrr', 'MRR'],
  ['answerAccuracy', 'answer'],
  ['abstainedOutOfScope', 'abstain(out)'],
  ['abstainedAnswerable', 'abstain(in)'],
];

/** A table of the report's figures, and with `verbose` one line per question. */
export function formatReport(report: EvalReport, verbose = false): string {
  const lines = [`mode: ${report.mode}`, ['lang'.padEnd(5), 'n'.padStart(4), ...COLUMNS.map(([, h]) => h.padStart(13))].join('')];
  for (const lang of ['ko', 'en', 'all'] as const) {
    const f = report[lang];
    lines.push([lang.padEnd(5), String(f.answerable + f.outOfScope).padStart(4), ...COLUMNS.map(([k]) => f[k].toFixed(3).padStart(13))].join(''));
  }
  if (verbose) {
    for (const r of report.results) {
      const status = 'abstain' in r.case ? (r.answer.abstained ? 'ok  ' : 'MISS') : r.answerCorrect ? 'ok  ' : 'MISS';
      lines.push(`  ${r.case.id} ${status} rank=${r.rank ?? '-'} ${r.case.question} → ${r.answer.answer.slice(0, 100)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
