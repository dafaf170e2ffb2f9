import { wordTerms } from '../../index/analyze/terms.ts';
import { splitWords } from '../../index/analyze/words.ts';
import type { AnalyzedQuery } from '../analyze/query.ts';
import { answerSpans, type AnswerSpan } from './answer-spans.ts';
import { presence, type CoverageModel } from './coverage.ts';

/** The span of an answer sentence that answers the question by itself ("최대 -1.2%p", "2,000억원"). */
export interface ShortSpan {
  text: string;
  /** Offsets into the document text. */
  start: number;
  end: number;
}

/**
 * The part of the answer sentence that answers the question, when the question asks for one: the figure of the kind
 * asked for, the date, the body, the list. Of several, the one nearest the question's own words in the sentence
 * ("예산을 올해 2361억원에서 2026년 4366억원으로" answers "올해" with 2361억원); a figure the question itself gives
 * is not its answer.
 * @param sentence the quoted sentence and its offset into the document
 */
export function shortAnswer(query: AnalyzedQuery, model: CoverageModel, sentence: { text: string; start: number }): ShortSpan | undefined {
  const asked = new Set(query.concepts.filter((c) => c.current).flatMap((c) => c.alternatives.flat()));
  const spans = answerSpans(query.intent, sentence.text, query.unit).filter((s) => !givenByQuestion(sentence.text.slice(s.start, s.end), asked));
  if (spans.length === 0) return undefined;
  const words = splitWords(sentence.text);
  // A word counts by how much of a question concept it holds: "혁신펀드" all of AI혁신펀드, "AI펀드" only its 펀드.
  const current = model.concepts.filter((c) => c.current && c.weight > 0);
  const matched = words.flatMap((w, i) => {
    const terms = new Set(wordTerms(w));
    const weight = Math.max(0, ...current.map((c) => c.weight * presence(c, terms)));
    return weight > 0 ? [{ index: i, weight }] : [];
  });
  const preferred = spans.filter((s) => s.kind === (spans[0] as AnswerSpan).kind);
  let best = preferred[0] as AnswerSpan;
  let bestScore = -1;
  for (const span of preferred) {
    const first = words.findIndex((w) => w.end > span.start);
    const last = words.findLastIndex((w) => w.start < span.end);
    const ofFollowing = sentence.text.startsWith('의', span.end);
    const score = matched.reduce((sum, m) => sum + m.weight / (1 + distance(m.index, first, last, ofFollowing)), 0);
    if (score > bestScore) [best, bestScore] = [span, score];
  }
  return { text: sentence.text.slice(best.start, best.end), start: sentence.start + best.start, end: sentence.start + best.end };
}

/**
 * Words between a question word and a span, one more on the side the figure does not belong to. Korean names what a
 * figure is before it ("중견기업이 23%, 중소기업이 56%": 중소기업 is 56%'s), unless 의 ties the figure to the noun after
 * it ("최대 30%의 보험료 할인").
 */
function distance(word: number, first: number, last: number, ofFollowing: boolean): number {
  if (word < first) return first - word - (ofFollowing ? 0 : 1);
  return word > last ? word - last - (ofFollowing ? 1 : 0) : 0;
}

/** Whether the question already says all of a span ("Which banks run the 0.7%p loan program?" gives 0.7%p). */
function givenByQuestion(span: string, asked: ReadonlySet<string>): boolean {
  const terms = splitWords(span).flatMap(wordTerms);
  return terms.length > 0 && terms.every((t) => asked.has(t));
}
