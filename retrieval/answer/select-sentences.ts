import type { AnalyzedQuery } from '../analyze/query.ts';
import { answerSpans } from './answer-spans.ts';
import { judgeSentence, type AnswerabilityOptions } from './answerability.ts';
import { coverage, literalCoverage, PRESENT, presence, type CoverageModel } from './coverage.ts';
import { labelledValue } from './labelled-value.ts';
import { anchoredSpan } from './short-answer.ts';
import { termOverlap } from './near-duplicates.ts';
import type { AnalyzedSentence } from './passage-analysis.ts';

/** A passage to pick sentences from: its analysed sentences and terms, its document and its retrieval score. */
export interface SentenceSource {
  sentences: readonly AnalyzedSentence[];
  /** All terms of the passage: what a sentence may leave to its context. */
  terms: ReadonlySet<string>;
  docId: string;
  score: number;
}

/** A sentence chosen for the answer. */
export interface SelectedSentence {
  /** Index of its passage in the list given to {@link selectSentences}. */
  source: number;
  /** The quoted text: the sentence from `start`, without a leading connective or footnote marker. */
  text: string;
  /** Offsets into the document text of the quoted text. */
  start: number;
  end: number;
  score: number;
  /**
   * For a field or a table row whose label names what is asked, the value it gives (see `labelledValue`), by offsets
   * into the document text: the short answer when the question asks for no figure, date or name of its own.
   */
  value?: { start: number; end: number };
}

/** How answer sentences are chosen. */
export interface SentenceSelectionOptions extends AnswerabilityOptions {
  /** At most this many sentences. Default 3. */
  maxSentences?: number;
  /** Further sentences must score at least this fraction of the best one. Default 0.85. */
  minRelativeScore?: number;
  /**
   * A sentence whose terms overlap a chosen one's this much (shared terms over the smaller set) repeats it: a
   * headline repeated in the lead, a fact two articles share. Default 0.7.
   */
  duplicateThreshold?: number;
}

export const defaultSentenceSelectionOptions = {
  maxSentences: 3,
  minRelativeScore: 0.85,
  duplicateThreshold: 0.7,
};

/** Overlap of terms above which a sentence giving the same figure as a chosen one restates it. */
const RESTATED_OVERLAP = 0.5;
// The weights below add to a sentence's coverage (0–1) of the question; coverage leads and the others break its ties
// and near-ties. They were set on the question sets of tests/fixtures and bench/: check a change with `npm run eval`
// on all of them, since one set alone rewards fitting its wording.

/** Weight of the sentence's own coverage of the question, beside its coverage read in its passage. */
const OWN_WEIGHT = 0.5;
/** Weight of holding the question in the user's own words rather than through glossary forms. */
const LITERAL_WEIGHT = 0.3;
/** Weight of the passage's retrieval score. */
const PASSAGE_WEIGHT = 0.3;
/** Bonus for holding what the question asks for (an amount for "얼마", the list for "which companies"), penalty for not. */
const INTENT_BONUS = 0.4;
const INTENT_PENALTY = 0.15;
/** Weight of how closely the question's words stand around the figure, date, name or list asked for. */
const ANCHOR_WEIGHT = 0.4;
/**
 * Weight of the question's share in the label of a field or the header of a table row: the value beside a label that
 * names what is asked ("⑤입찰서 제출 기간 : …") is what is asked, as a figure is for "how much".
 */
const LABEL_WEIGHT = 0.4;
/**
 * Bonus, in a question that asks for no figure, date, name or list, for naming the thing it asks for ("보증료" of
 * "협동로봇 리스 보증료는?"): a sentence about the topic that does not name it says something else of it.
 */
const NAMED_BONUS = 0.5;
/** Headings and fragments say too little to be an answer on their own. */
const MIN_SENTENCE_CHARS = 20;
const FRAGMENT_PENALTY = 0.3;
/** A full sentence is preferred to a better-scoring headline when it scores at least this share of it. */
const FULL_SENTENCE_SHARE = 0.8;
/** A headline or caption may hold the fact, but a full sentence says it better; a footnote only qualifies one. */
const KIND_PENALTY = { sentence: 0, headline: 0.2, footnote: 0.15, field: 0, row: 0 } as const;
/** Kinds that state a fact in full, as a sentence does: a field of a notice and a table row are short but not fragments. */
const FULL_KINDS: ReadonlySet<AnalyzedSentence['kind']> = new Set(['sentence', 'field', 'row']);

/**
 * Picks the 1–3 sentences that answer the question from the given passages: only sentences that answer it at all
 * (see {@link judgeSentence}), best first by their coverage of the question, the passage's rank and whether they hold
 * what the question asks for. A fact repeated in other words is chosen once. Empty when no sentence answers it.
 */
export function selectSentences(
  query: AnalyzedQuery,
  model: CoverageModel,
  sources: readonly SentenceSource[],
  options: SentenceSelectionOptions = {},
): SelectedSentence[] {
  const { maxSentences, minRelativeScore, duplicateThreshold } = { ...defaultSentenceSelectionOptions, ...options };
  const topScore = Math.max(0, ...sources.map((s) => s.score));
  const seen = new Set<string>();
  const scored: Array<
    SelectedSentence & { terms: ReadonlySet<string>; kind: AnalyzedSentence['kind']; answers: boolean | undefined; named: boolean | undefined }
  > = [];
  sources.forEach((source, index) => {
    for (const sentence of source.sentences) {
      const key = `${source.docId}:${sentence.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const judgement = judgeSentence(query, model, sentence, source.terms, options);
      if (!judgement.answerable) continue;
      const passage = topScore > 0 ? source.score / topScore : 0;
      // Holding what is asked counts, and more when the question's words stand around it ("중소기업이 56%").
      const anchored = judgement.answersIntent ? (anchoredSpan(query, model, sentence.text)?.anchoring ?? 0) : 0;
      const intent = judgement.answersIntent === undefined ? 0 : judgement.answersIntent ? INTENT_BONUS + ANCHOR_WEIGHT * anchored : -INTENT_PENALTY;
      // A headline is keyword-dense by nature: its matching the user's words says less than a sentence's doing so.
      const literal = sentence.kind === 'headline' ? 0 : LITERAL_WEIGHT * literalCoverage(model, sentence.terms);
      const labelled = sentence.labels ? LABEL_WEIGHT * coverage(model, sentence.labels, { currentOnly: true }) : 0;
      const named = judgement.answersIntent === undefined ? namesAsked(query, model, sentence) : undefined;
      const score =
        judgement.coverage + OWN_WEIGHT * judgement.own + literal + labelled + PASSAGE_WEIGHT * passage + intent + (named ? NAMED_BONUS : 0) - formPenalty(sentence);
      const text = sentence.text.slice(sentence.quoteStart - sentence.start);
      const value = labelledValue(model, sentence);
      scored.push({
        source: index,
        text,
        start: sentence.quoteStart,
        end: sentence.end,
        score,
        ...(value ? { value: { start: sentence.start + value.start, end: sentence.start + value.end } } : {}),
        terms: sentence.terms,
        kind: sentence.kind,
        answers: judgement.answersIntent,
        named,
      });
    }
  });
  scored.sort((a, b) => b.score - a.score || a.source - b.source || a.start - b.start);
  const top = scored[0];
  if (!top) return [];
  // A headline answers only when no full sentence comes close: the sentence says the same in full.
  const full = top.kind !== 'headline' ? top : scored.find((c) => FULL_KINDS.has(c.kind) && c.score >= top.score * FULL_SENTENCE_SHARE);
  const best = full ?? top;
  const chosen = [best];
  const said = new Set(figuresOf(query, best.text));
  for (const candidate of scored) {
    // Further sentences add to the answer: full sentences, holding what the question asks for when it asks for something.
    // When the answer names the thing asked, so must what is added to it.
    // When the answer names the thing asked, so must what is added to it.
    if (candidate === best || !FULL_KINDS.has(candidate.kind) || candidate.answers === false || (best.named && !candidate.named)) continue;
    // Naming the thing asked ranks a sentence first; it does not raise the bar for what may be added to it.
    const bar = (best.score - (best.named ? NAMED_BONUS : 0)) * minRelativeScore;
    if (chosen.length >= maxSentences || candidate.score - (candidate.named ? NAMED_BONUS : 0) < bar) break;
    if (chosen.some((c) => termOverlap(c.terms, candidate.terms) >= duplicateThreshold)) continue;
    // Leading with a figure, date or name a chosen sentence already gave, about the same things: the same fact again.
    const figures = figuresOf(query, candidate.text);
    const repeats = figures[0] !== undefined && said.has(figures[0]);
    if (repeats && chosen.some((c) => termOverlap(c.terms, candidate.terms) >= RESTATED_OVERLAP)) continue;
    figures.forEach((f) => said.add(f));
    chosen.push(candidate);
  }
  return chosen.map(({ terms: _terms, kind: _kind, answers: _answers, named: _named, ...sentence }) => ({
    ...sentence,
    score: sentence.score - (_named ? NAMED_BONUS : 0),
  }));
}

/**
 * Whether the sentence itself (or its label) names the thing the question asks for; undefined when it asks none, or
 * asks which one of a kind ("어느 기관이…", "which model"): the answer names the one, not the kind.
 */
function namesAsked(query: AnalyzedQuery, model: CoverageModel, sentence: AnalyzedSentence): boolean | undefined {
  const asked = model.concepts.filter((c) => c.current && c.role === 'asked' && c.weight > 0 && c.specific && !WHICH.test(before(query.text, c.label)));
  if (asked.length === 0) return undefined;
  return asked.some((c) => presence(c, sentence.terms) >= PRESENT || (sentence.labels !== undefined && presence(c, sentence.labels) >= PRESENT));
}

/** A question word that asks which one of a kind the next word names. */
const WHICH = /(?:^|\s)(?:어느|어떤|무슨|which|what)\s*$/iu;

/** The question up to a word of it. */
function before(question: string, word: string): string {
  const at = question.indexOf(word);
  return at < 0 ? '' : question.slice(0, at);
}

/** The spans of a sentence that answer the question's intent, spaces removed; none for a general question. */
function figuresOf(query: AnalyzedQuery, text: string): string[] {
  return answerSpans(query.intent, text, query.unit).map((s) => text.slice(s.start, s.end).replace(/\s+/g, ''));
}

function formPenalty(sentence: AnalyzedSentence): number {
  const fragment = sentence.text.length < MIN_SENTENCE_CHARS && sentence.kind !== 'field' && sentence.kind !== 'row';
  return (fragment ? FRAGMENT_PENALTY : 0) + KIND_PENALTY[sentence.kind];
}
