import type { AnalyzedQuery, QueryConcept } from '../analyze/query.ts';
import { phrasePairs } from './adjacency.ts';

/** The terms of one word of a way of saying a concept, those the collection has with their idfs, and its idf total. */
interface WeightedWord {
  /** Terms no document has can't be present in a text, so they are not looked for (but count in `total`). */
  terms: readonly string[];
  idfs: readonly number[];
  total: number;
}

/** One way of saying a concept, word by word. */
interface WeightedAlternative {
  words: readonly WeightedWord[];
  /** Keys of its neighbouring words (see adjacency.ts): a text without them holds the words, not the phrase. */
  pairs: readonly string[];
  /** Every term of every word, and their idf total. */
  terms: readonly string[];
  total: number;
}

/** A query concept prepared for measuring coverage. */
export interface WeightedConcept {
  label: string;
  role: QueryConcept['role'];
  /** Whether it comes from the current question rather than from an earlier turn. */
  current: boolean;
  /** How much it counts: turn weight × role × idf. A verb the documents never use counts for nothing. */
  weight: number;
  /** 0–1: how much of its best-known alternative the collection's vocabulary has at all. */
  known: number;
  /** Idf of the rarest term the collection has of its own words (or best-known translation): how rare it is. */
  rarity: number;
  /**
   * Whether it singles out part of the collection (it is not in most passages): such a concept has to be in the
   * answer, where one that every passage has ("AI" in an AI collection) says little either way.
   */
  specific: boolean;
  alternatives: readonly WeightedAlternative[];
}

/** The question's concepts, weighted against one collection, ready to measure how much of them a text covers. */
export interface CoverageModel {
  concepts: readonly WeightedConcept[];
  /** Idf of a term in the collection, for weighing words of a passage against the question's. */
  idf(term: string): number;
}

/** What is known about a term in the collection. */
export interface TermStats {
  idf(term: string): number;
  df(term: string): number;
  /** Number of passages. */
  readonly size: number;
}

/** Share of its terms (by idf) that a concept's text needs to have for the concept to count as present. */
export const PRESENT = 0.5;
/** How much verbs and modifiers count beside content words: documents say them in words of their own. */
const ROLE_WEIGHT: Record<QueryConcept['role'], number> = { content: 1, asked: 0.5, modifier: 0.25, predicate: 0.5 };

/**
 * Weights the question's concepts against the collection. A concept counts by its turn's weight and role times the
 * idf of its most common way of being said ("AI" in an AI collection weighs little). A content word no document uses
 * (바이오, student) has the highest idf and can't be present anywhere, so it weighs against every passage; a verb no
 * document uses ("깎아줘", "goes") is the question's own way of asking and counts for nothing.
 */
export function coverageModel(query: AnalyzedQuery, stats: TermStats): CoverageModel {
  const common = stats.size / 2;
  return {
    idf: (term) => stats.idf(term),
    concepts: query.concepts.map((concept) => {
      const alternatives = concept.alternatives.map((phrasing): WeightedAlternative => {
        const words = phrasing.map((terms) => {
          const known = terms.filter((t) => stats.df(t) > 0);
          return { terms: known, idfs: known.map((t) => stats.idf(t)), total: terms.reduce((total, t) => total + stats.idf(t), 0) };
        });
        return { words, pairs: phrasePairs(phrasing), terms: phrasing.flat(), total: sum(words.map((w) => w.total)) };
      });
      const knownShares = alternatives.map((alt) => (alt.total > 0 ? sum(alt.words.flatMap((w) => w.idfs)) / alt.total : 0));
      const known = Math.max(0, ...knownShares);
      const idf = Math.min(...alternatives.map((alt) => alt.total / alt.terms.length));
      // The user's own words when the documents use them, else the best-known translation ("robot firms" → 로봇 기업).
      const own = knownShares[0] ?? 0;
      const basis = alternatives[own >= PRESENT ? 0 : knownShares.indexOf(known)]?.terms ?? [];
      // Its rarest term the collection has: how rare the concept is, and whether it singles out a part of the collection.
      const rarest = basis.filter((t) => stats.df(t) > 0).reduce<string | undefined>((r, t) => (r === undefined || stats.df(t) < stats.df(r) ? t : r), undefined);
      const unknown = known < PRESENT;
      // Content the documents never use weighs fully against them; so does a thing asked for that they never name.
      const role = unknown ? (isContent(concept.role) ? 1 : 0) : ROLE_WEIGHT[concept.role];
      return {
        label: concept.label,
        role: concept.role,
        current: concept.current,
        weight: concept.weight * role * idf,
        known,
        rarity: rarest === undefined ? 0 : stats.idf(rarest),
        specific: unknown || (rarest !== undefined && stats.df(rarest) <= common),
        alternatives,
      };
    }),
  };
}

/**
 * The current question's content concepts that the collection never uses (less than half of each of their ways of
 * being said): the documents are about something else, however much of the rest of the question they share. The thing
 * asked for is not among them: a question may name a kind ("발견된 경전은?") that the answer only gives an instance of.
 */
export function unknownContent(model: CoverageModel): WeightedConcept[] {
  return model.concepts.filter((c) => c.current && c.role === 'content' && c.known < PRESENT);
}

/** Content words and the thing asked for: what the documents must use for the question to be theirs. */
function isContent(role: QueryConcept['role']): boolean {
  return role === 'content' || role === 'asked';
}

/** How much (0–1) of a concept a text, given by its term set, holds: its best alternative's idf-weighted share. */
export function presence(concept: WeightedConcept, terms: ReadonlySet<string>): number {
  let best = 0;
  for (const alt of concept.alternatives) {
    const present = presentShare(alt, terms);
    if (present > best) best = present;
  }
  return best;
}

/**
 * Weighted share (0–1) of the question's concepts that a text, given by its term set, expresses. A concept counts
 * by its best alternative, each term of which counts by its idf: "AI혁신펀드" is matched by its rare parts, not by "펀드".
 * With `currentOnly`, concepts carried over from earlier turns are left out.
 */
export function coverage(model: CoverageModel, terms: ReadonlySet<string>, options: { currentOnly?: boolean } = {}): number {
  // Runs for every sentence of every candidate passage: plain loops, no closures or spread arrays.
  let covered = 0;
  let total = 0;
  for (const concept of model.concepts) {
    if (options.currentOnly && !concept.current) continue;
    total += concept.weight;
    if (concept.weight === 0) continue;
    covered += concept.weight * presence(concept, terms);
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * Weighted share (0–1) of the current question that a text holds in the user's own words, glossary forms aside: of two
 * texts that both hold the question, the one that says "AI혁신펀드" beats the one with "AI … 혁신 … 펀드" apart.
 */
export function literalCoverage(model: CoverageModel, terms: ReadonlySet<string>): number {
  let covered = 0;
  let total = 0;
  for (const concept of model.concepts) {
    const own = concept.alternatives[0];
    if (!concept.current || concept.weight === 0 || !own) continue;
    total += concept.weight;
    covered += concept.weight * presentShare(own, terms);
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * How much (0–1) of a concept a few words hold, by the idf of its terms they have, whichever of its words those are:
 * "혁신펀드" holds most of "AI 혁신펀드". Unlike {@link presence}, a phrase needs not all its words.
 */
export function share(concept: WeightedConcept, terms: ReadonlySet<string>): number {
  let best = 0;
  for (const alt of concept.alternatives) best = Math.max(best, alt.total === 0 ? 0 : sum(alt.words.map((w) => held(w, terms))) / alt.total);
  return best;
}

/**
 * Idf-weighted share of an alternative's terms that are in `terms`. A phrase is held only as far as its least-held word
 * allows, twice over ("구글 클라우드" is not in a text that says 클라우드 alone, however rare its letters), and only
 * just short of present when its words are there but not side by side.
 */
function presentShare(alt: WeightedAlternative, terms: ReadonlySet<string>): number {
  if (alt.total === 0) return 0;
  let present = 0;
  let weakest = 1;
  for (const word of alt.words) {
    const idf = held(word, terms);
    present += idf;
    if (word.total > 0) weakest = Math.min(weakest, idf / word.total);
  }
  const share = Math.min(present / alt.total, 2 * weakest);
  return alt.pairs.every((pair) => terms.has(pair)) ? share : Math.min(share, APART);
}

/** The most a phrase whose words stand apart counts for: less than present. */
const APART = PRESENT * 0.9;

/** The idf total of a word's terms that are in `terms`. */
function held(word: WeightedWord, terms: ReadonlySet<string>): number {
  let idf = 0;
  for (let i = 0; i < word.terms.length; i++) {
    if (terms.has(word.terms[i] as string)) idf += word.idfs[i] as number;
  }
  return idf;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
