import { answersIntent } from '../analyze/intent.ts';
import type { AnalyzedQuery } from '../analyze/query.ts';
import { coverage, type CoverageModel } from './coverage.ts';
import { termOverlap } from './near-duplicates.ts';
import type { AnalyzedSentence } from './passage-analysis.ts';

/** A passage to pick sentences from: its analysed sentences, its document and its retrieval score. */
export interface SentenceSource {
  sentences: readonly AnalyzedSentence[];
  docId: string;
  score: number;
}

/** A sentence chosen for the answer. */
export interface SelectedSentence {
  /** Index of its passage in the list given to {@link selectSentences}. */
  source: number;
  text: string;
  /** Offsets into the document text. */
  start: number;
  end: number;
  score: number;
}

/** How answer sentences are chosen. */
export interface SentenceSelectionOptions {
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

export const defaultSentenceSelectionOptions: Required<SentenceSelectionOptions> = {
  maxSentences: 3,
  minRelativeScore: 0.85,
  duplicateThreshold: 0.7,
};

/** Weight of the passage's retrieval score beside the sentence's own coverage of the question. */
const PASSAGE_WEIGHT = 0.3;
/** Bonus for what the question asks for (an amount for "얼마", a count for "몇 개", a body for "누가"), penalty for none. */
const INTENT_BONUS = 0.3;
const INTENT_PENALTY = 0.15;
/** Headings and fragments say too little to be an answer on their own. */
const MIN_SENTENCE_CHARS = 20;
const FRAGMENT_PENALTY = 0.3;
/** A headline or caption (no sentence ending) may hold the fact, but a full sentence says it better. */
const HEADLINE_PENALTY = 0.2;
/** Korean sentences end in 다/요/까/죠 or punctuation, possibly inside closing quotes or brackets. */
const SENTENCE_END = /(?:[.!?。…]|[다요까죠])["'”’」』)\]]*$/u;

/**
 * Picks the 1–3 sentences that best answer the question from the given passages: coverage of the question's
 * concepts, the passage's rank, and, when the question asks how much / how many / when, a number of that kind.
 * Repeated facts are chosen once.
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
  const scored: Array<SelectedSentence & { terms: ReadonlySet<string> }> = [];
  sources.forEach((source, index) => {
    for (const { start, end, text, terms } of source.sentences) {
      const key = `${source.docId}:${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const covered = coverage(model, terms);
      if (covered === 0) continue;
      const passage = topScore > 0 ? source.score / topScore : 0;
      const score = covered + PASSAGE_WEIGHT * passage + intentAdjustment(query, text) - fragmentPenalty(text);
      scored.push({ source: index, text, start, end, score, terms });
    }
  });
  scored.sort((a, b) => b.score - a.score || a.source - b.source || a.start - b.start);
  const best = scored[0];
  if (!best) return [];
  const chosen = [best];
  for (const candidate of scored.slice(1)) {
    if (chosen.length >= maxSentences || candidate.score < best.score * minRelativeScore) break;
    if (chosen.some((c) => termOverlap(c.terms, candidate.terms) >= duplicateThreshold)) continue;
    chosen.push(candidate);
  }
  return chosen.map(({ terms: _terms, ...sentence }) => sentence);
}

function intentAdjustment(query: AnalyzedQuery, sentence: string): number {
  const answers = answersIntent(query.intent, sentence);
  if (answers === undefined) return 0;
  return answers ? INTENT_BONUS : -INTENT_PENALTY;
}

function fragmentPenalty(sentence: string): number {
  if (sentence.length < MIN_SENTENCE_CHARS) return FRAGMENT_PENALTY;
  return SENTENCE_END.test(sentence) ? 0 : HEADLINE_PENALTY;
}
