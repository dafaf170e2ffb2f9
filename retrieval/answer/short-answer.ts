import { wordTerms } from '../../index/analyze/terms.ts';
import { splitWords } from '../../index/analyze/words.ts';
import type { AnalyzedQuery } from '../analyze/query.ts';
import type { ShortAnswer } from '../../contract/api.ts';
import { answerSpans, type AnswerSpan } from './answer-spans.ts';
import { isCountOf } from './answerability.ts';
import { share, type CoverageModel } from './coverage.ts';
import { sumIntent } from './other-thing.ts';

/** The span of an answer sentence that answers the question by itself, before it is given its citation number. */
export type ShortSpan = Omit<ShortAnswer, 'n'>;

/** A span of a sentence that answers the question, and how closely the question's words stand around it (0–1). */
export interface AnchoredSpan {
  span: AnswerSpan;
  /** The question's weight in words next to the span, fading with distance, over its whole weight. */
  anchoring: number;
}

/**
 * The span of a sentence that answers the question, when the question asks for one: the figure of the kind asked for,
 * the date, the body, the list. Of several, the one nearest the question's own words ("예산을 올해 2361억원에서 2026년
 * 4366억원으로" answers "올해" with 2361억원); for a how-many question one beside what it counts; never a figure the
 * question itself gives.
 */
export function anchoredSpan(query: AnalyzedQuery, model: CoverageModel, text: string): AnchoredSpan | undefined {
  const given = new Set(query.concepts.filter((c) => c.current).flatMap((c) => c.alternatives.flat(2)));
  const spans = answerSpans(query.intent, text, query.unit).filter((s) => !givenByQuestion(text.slice(s.start, s.end), given));
  if (spans.length === 0) return undefined;
  const words = splitWords(text);
  // A word counts by how much of a question concept it holds: "혁신펀드" all of AI혁신펀드, "AI펀드" only its 펀드. A
  // topic borrowed from an earlier turn counts too ("그 펀드 규모는?" → 5000억 원 규모의 AI 코리아 펀드).
  const concepts = model.concepts.filter((c) => c.weight > 0);
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  const matched = words.flatMap((w, i) => {
    const terms = new Set(wordTerms(w));
    const weight = Math.max(0, ...concepts.map((c) => c.weight * share(c, terms)));
    return weight > 0 ? [{ index: i, weight }] : [];
  });
  // A how-many question counts what it asks for: of several counts, those beside it ("153개 기업", not "12개 업종").
  const counted = concepts.find((c) => c.current && c.role === 'asked');
  const counting = query.intent === 'count' && counted ? spans.filter((s) => isCountOf(counted, text, s)) : [];
  const candidates = counting.length > 0 ? counting : spans;
  let best: AnchoredSpan | undefined;
  for (const span of candidates.filter((s) => s.kind === (candidates[0] as AnswerSpan).kind)) {
    const first = words.findIndex((w) => w.end > span.start);
    const last = words.findLastIndex((w) => w.start < span.end);
    const ofFollowing = text.startsWith('의', span.end);
    const score = matched.reduce((sum, m) => sum + m.weight / (1 + distance(m.index, first, last, ofFollowing)), 0);
    if (!best || score > best.anchoring * total) best = { span, anchoring: total > 0 ? score / total : 0 };
  }
  return best;
}

/**
 * The part of the answer sentence that answers the question by itself (see {@link anchoredSpan}), or the value a field
 * or table row gives under the label the question names.
 * @param sentence the quoted sentence and its offset into the document
 */
export function shortAnswer(
  query: AnalyzedQuery,
  model: CoverageModel,
  sentence: { text: string; start: number; value?: { start: number; end: number } },
): ShortSpan | undefined {
  const span = anchoredSpan(withSumIntent(query), model, sentence.text)?.span;
  if (span) return { text: sentence.text.slice(span.start, span.end), start: sentence.start + span.start, end: sentence.start + span.end };
  // A field or a table row gives the value its label names when the question asks for nothing of a kind it can find.
  const { value } = sentence;
  if (value === undefined || answerSpans(query.intent, sentence.text, query.unit).length > 0 || value.end <= value.start) return undefined;
  return { text: sentence.text.slice(value.start - sentence.start, value.end - sentence.start), start: value.start, end: value.end };
}

/**
 * A question that asks for nothing of a kind but names a sum as the thing asked ("보증료는?", "할인율은?") wants the
 * amount or the rate its answer gives.
 */
function withSumIntent(query: AnalyzedQuery): AnalyzedQuery {
  if (query.intent !== 'general') return query;
  const asked = query.concepts.find((c) => c.current && c.role === 'asked');
  const noun = asked && splitWords(asked.label)[0]?.stem;
  const intent = noun === undefined ? undefined : sumIntent(noun);
  return intent ? { ...query, intent } : query;
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
