import type { AnalyzedQuery } from '../analyze/query.ts';

/** One way of saying a concept: the idf total of its terms, and those of its terms that the collection has. */
interface WeightedAlternative {
  /** Terms no document has can't be present in a text, so they are not looked for (but count in `total`). */
  terms: readonly string[];
  idfs: readonly number[];
  total: number;
}

/** A query concept prepared for measuring coverage. */
interface WeightedConcept {
  /** Turn weight × idf × how known the concept is to the collection. */
  weight: number;
  /** Whether it comes from the current question rather than an earlier turn. */
  current: boolean;
  /** 0–1: how much of its best alternative the collection's vocabulary has at all. */
  known: number;
  alternatives: readonly WeightedAlternative[];
}

/** The question's concepts, weighted against one collection, ready to measure how much of them a text covers. */
export interface CoverageModel {
  concepts: readonly WeightedConcept[];
}

/** What is known about a term in the collection. */
export interface TermStats {
  idf(term: string): number;
  df(term: string): number;
}

/**
 * Weights the question's concepts against the collection. A concept counts by its turn's weight times the idf of its
 * most common way of being said ("AI" in an AI collection weighs little), times how far the collection knows it at
 * all: a word no document uses ("깎아줘", "called") can't be looked for, so it neither helps nor hurts coverage; it
 * only lowers {@link knownShare}.
 */
export function coverageModel(query: AnalyzedQuery, stats: TermStats): CoverageModel {
  return {
    concepts: query.concepts.map((concept) => {
      const alternatives = concept.alternatives.map((terms) => {
        const known = terms.filter((t) => stats.df(t) > 0);
        return { terms: known, idfs: known.map((t) => stats.idf(t)), total: terms.reduce((sum, t) => sum + stats.idf(t), 0) };
      });
      const known = Math.max(0, ...alternatives.map((alt) => (alt.total > 0 ? alt.idfs.reduce((a, b) => a + b, 0) / alt.total : 0)));
      const idf = Math.min(...concept.alternatives.map((terms, i) => (alternatives[i] as WeightedAlternative).total / terms.length));
      return { weight: concept.weight * idf * known, current: concept.weight === 1, known, alternatives };
    }),
  };
}

/**
 * Share (0–1) of the current question's concepts that the collection's vocabulary knows, each counted once: a
 * question about 김치찌개 or Kyoto mostly uses words no document has.
 */
export function knownShare(model: CoverageModel): number {
  const current = model.concepts.filter((c) => c.current);
  return current.length === 0 ? 0 : current.reduce((sum, c) => sum + c.known, 0) / current.length;
}

/**
 * Weighted share (0–1) of the question's known concepts that a text, given by its term set, expresses. A concept counts
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
    let best = 0;
    for (const alt of concept.alternatives) {
      const present = presentShare(alt, terms);
      if (present > best) best = present;
    }
    covered += concept.weight * best;
  }
  return total === 0 ? 0 : covered / total;
}

/** Idf-weighted share of an alternative's terms that are in `terms`. */
function presentShare(alt: WeightedAlternative, terms: ReadonlySet<string>): number {
  if (alt.total === 0) return 0;
  let present = 0;
  for (let i = 0; i < alt.terms.length; i++) {
    if (terms.has(alt.terms[i] as string)) present += alt.idfs[i] as number;
  }
  return present / alt.total;
}
