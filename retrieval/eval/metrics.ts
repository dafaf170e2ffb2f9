import type { Answer } from '../../contract/api.ts';
import type { EvalCase } from './dataset.ts';

/** Figures for one group of questions (one language, or all). */
export interface EvalFigures {
  answerable: number;
  outOfScope: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  answerAccuracy: number;
  /** Share of out-of-scope questions that were abstained on. */
  abstainedOutOfScope: number;
  /** Share of answerable questions that were wrongly abstained on. */
  abstainedAnswerable: number;
}

/** The outcome of one question. */
export interface CaseResult {
  case: EvalCase;
  answer: Answer;
  /** 1-based rank of the first retrieved passage (cited, then related) containing evidence, or null. */
  rank: number | null;
  answerCorrect: boolean;
}

/** Matching ignores white space, as the dataset's format specifies. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Scores one answer against its case. */
export function judge(evalCase: EvalCase, answer: Answer): CaseResult {
  if ('abstain' in evalCase) return { case: evalCase, answer, rank: null, answerCorrect: answer.abstained };
  const evidence = evalCase.evidence.map(squash);
  // The answer cites only the passages it uses; the others it retrieved follow in `related`, in rank order.
  const index = [...answer.citations, ...answer.related].findIndex((c) => evidence.some((e) => squash(c.text).includes(e)));
  return {
    case: evalCase,
    answer,
    rank: index < 0 ? null : index + 1,
    answerCorrect: !answer.abstained && squash(answer.answer).includes(squash(evalCase.answer)),
  };
}

/** Aggregates results into figures; shares are 0–1 and 0 for an empty group. */
export function summarize(results: readonly CaseResult[]): EvalFigures {
  const answerable = results.filter((r) => !('abstain' in r.case));
  const outOfScope = results.filter((r) => 'abstain' in r.case);
  const share = (items: readonly CaseResult[], test: (r: CaseResult) => boolean) =>
    items.length === 0 ? 0 : items.filter(test).length / items.length;
  return {
    answerable: answerable.length,
    outOfScope: outOfScope.length,
    hitAt1: share(answerable, (r) => r.rank !== null && r.rank <= 1),
    hitAt3: share(answerable, (r) => r.rank !== null && r.rank <= 3),
    mrr: answerable.length === 0 ? 0 : answerable.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / answerable.length,
    answerAccuracy: share(answerable, (r) => r.answerCorrect),
    abstainedOutOfScope: share(outOfScope, (r) => r.answer.abstained),
    abstainedAnswerable: share(answerable, (r) => r.answer.abstained),
  };
}
