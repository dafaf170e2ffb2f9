import type { AnalyzedQuery } from '../analyze/query.ts';
import { analyze } from '../../index/analyze/terms.ts';
import { answerSpans, answersIntent, aroundSpan, isStrictIntent, type AnswerSpan } from './answer-spans.ts';
import { PRESENT, presence, type CoverageModel, type WeightedConcept } from './coverage.ts';
import { contraryEnds, lacksLowerEnd, leavesSumUnnamed, otherKindOfAsked, otherSumsOfKind } from './other-thing.ts';
import type { AnalyzedSentence } from './passage-analysis.ts';
import { namesPerson, personNameAsked } from './person-name.ts';

/** How strictly a sentence must hold the question to answer it. */
export interface AnswerabilityOptions {
  /** Least weighted share of the question that the sentence, with its passage, must hold. Default 0.5. */
  minCoverage?: number;
  /**
   * What a concept found only elsewhere in the sentence's paragraph (or the one before) counts for, against one in the
   * sentence itself. Default 0.7: a sentence leaves to its context what it refers back to ("이 펀드는…").
   */
  contextCredit?: number;
  /**
   * Share of the question's specific concepts that may be missing from the sentence and its passage. Default 1/3:
   * one of three may be a paraphrase the documents put otherwise; with fewer, every one must be there.
   */
  maxMissingShare?: number;
}

export const defaultAnswerabilityOptions: Required<AnswerabilityOptions> = {
  minCoverage: 0.5,
  contextCredit: 0.7,
  maxMissingShare: 1 / 3,
};

/**
 * Up to this many specific concepts, the rarest of them must be there: a short question is about its rarest word
 * ("구글 클라우드의 한국 투자 계획은?"). In a longer one the rarest may be the user's own paraphrase.
 */
const MAX_CONCEPTS_FOR_TOPIC = 3;

/**
 * Whether a sentence is about a subject of its own, at least as specific as what the question is about ("장백폭포는 …"
 * for a question on 지리산): it speaks for itself, and its paragraph's other topics are not its. A common subject
 * ("정부가 …") or one the question names leaves the sentence to its context.
 */
function hasOwnSubject(model: CoverageModel, sentence: AnalyzedSentence): boolean {
  const { subject } = sentence;
  if (subject === undefined) return false;
  const current = model.concepts.filter((c) => c.current);
  if (current.some((c) => presence(c, subject) >= PRESENT)) return false;
  const topic = Math.max(0, ...current.filter((c) => c.role === 'content' && c.specific).map((c) => c.rarity));
  return Math.max(0, ...[...subject].map((t) => model.idf(t))) >= topic;
}

/** Whether the sentence counts the concept: a count in it is followed by the concept ("153개 기업·기관"). */
function counts(concept: WeightedConcept, sentence: string, unit: string | undefined): boolean {
  return answerSpans('count', sentence, unit).some((span) => isCountOf(concept, sentence, span));
}

/** Whether a figure counts the concept: the concept is named beside it ("153개 기업·기관", "20개의 금융기관"). */
export function isCountOf(concept: WeightedConcept, sentence: string, span: AnswerSpan): boolean {
  return presence(concept, new Set(analyze(aroundSpan(sentence, span)))) >= PRESENT;
}

/**
 * Whether the sentence is about another thing of the kind the question asks for: the other end of the measure ("최대"
 * for a question on 최소) or another sum of the same kind (보증료 for a question on 수수료), and not the one asked; or, asked
 * a person's name ("강남구청장 이름은?"), a sentence that speaks of them without naming them.
 */
function speaksOfAnotherThing(query: AnalyzedQuery, model: CoverageModel, sentence: AnalyzedSentence): boolean {
  if (contraryEnds(query.text, sentence.text).length > 0 || lacksLowerEnd(query.text, sentence.text)) return true;
  if (model.concepts.some((c) => leavesSumUnnamed(c, query.text, sentence) || otherKindOfAsked(c, model.concepts, query.text, sentence) !== undefined)) return true;
  const holder = personNameAsked(query.text);
  if (holder !== undefined && !namesPerson(sentence.text, holder)) return true;
  return model.concepts.some((c) => otherSumsOfKind(c, query.text, sentence).length > 0);
}

/** How well a sentence, read in its passage, answers the question. */
export interface SentenceJudgement {
  /** Weighted share (0–1) of the question the sentence holds, helped by its passage for what it leaves to context. */
  coverage: number;
  /** Weighted share (0–1) of the current question that the sentence holds by itself. */
  own: number;
  /** Labels of the question's specific concepts found neither in the sentence nor in its passage. */
  missing: string[];
  /** Whether it holds what the question asks for (an amount, a date…); undefined for a general question. */
  answersIntent: boolean | undefined;
  answerable: boolean;
}

/**
 * Judges whether a sentence answers the question. It must hold the question's specific content in itself or in its
 * context (see {@link AnalyzedSentence.context}): in a short question its rarest concept (what it is about: 구글
 * 클라우드, 만장굴), and all the others but one in three; cover enough of the question overall; say something of the
 * question by itself; and, when the question asks how much, how many, what share or when, hold a figure of that kind.
 * Concepts borrowed from earlier turns are looked for in the passage, which must be about the same topic.
 */
export function judgeSentence(
  query: AnalyzedQuery,
  model: CoverageModel,
  sentence: AnalyzedSentence,
  passageTerms: ReadonlySet<string>,
  options: AnswerabilityOptions = {},
): SentenceJudgement {
  const settings = { ...defaultAnswerabilityOptions, ...options };
  const { minCoverage, maxMissingShare } = settings;
  const contextCredit = hasOwnSubject(model, sentence) ? 0 : settings.contextCredit;
  let covered = 0;
  let total = 0;
  let own = 0;
  let ownTotal = 0;
  let specific = 0;
  const missing: string[] = [];
  let topic: { rarity: number; present: boolean } | undefined;
  // What a how-many question counts ("금융기관은 몇 개야?") is named right after the figure that answers it.
  let countedHere = true;
  for (const concept of model.concepts) {
    const inSentence = presence(concept, sentence.terms);
    // The question's own concepts may be left to the sentence's paragraph; a topic borrowed from earlier turns needs
    // only to be somewhere in the passage.
    const evidence = concept.current ? Math.max(inSentence, contextCredit * presence(concept, sentence.context)) : presence(concept, passageTerms);
    total += concept.weight;
    covered += concept.weight * evidence;
    if (!concept.current) continue;
    if (query.intent === 'count' && concept.role === 'asked' && concept.weight > 0 && !counts(concept, sentence.text, query.unit)) countedHere = false;
    // What the question asks of its topic (일으킨, 감독한, attended) tells its sentence from others about the topic.
    const ownWeight = concept.role === 'predicate' ? 2 * concept.weight : concept.weight;
    ownTotal += ownWeight;
    own += ownWeight * inSentence;
    if (concept.role === 'content' && concept.specific) {
      specific += 1;
      if (evidence < PRESENT) missing.push(concept.label);
      if (!topic || concept.rarity > topic.rarity) topic = { rarity: concept.rarity, present: evidence >= PRESENT };
    }
  }
  const coverage = total === 0 ? 0 : covered / total;
  const ownShare = ownTotal === 0 ? 0 : own / ownTotal;
  const answers = answersIntent(query.intent, sentence.text, query.unit);
  const answerable =
    total > 0 &&
    (specific > MAX_CONCEPTS_FOR_TOPIC || topic?.present !== false) &&
    missing.length <= Math.floor(specific * maxMissingShare) &&
    coverage >= minCoverage &&
    ownShare > 0 &&
    (isStrictIntent(query.intent) ? answers === true && countedHere : true) &&
    !speaksOfAnotherThing(query, model, sentence);
  return { coverage, own: ownShare, missing, answersIntent: answers, answerable };
}
