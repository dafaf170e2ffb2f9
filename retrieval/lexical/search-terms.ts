import type { WeightedTerms } from './lexical-index.ts';

/**
 * Most query terms a lexical search walks the postings of: 128. Each term costs a walk of its posting list, which on a
 * large collection holds thousands of chunks for a common bigram, so a question of hundreds of words would cost
 * hundreds of walks. Questions of the question sets search up to 79 terms, glossary forms included; a longer question
 * is searched for its strongest ones (see {@link searchTerms}).
 */
export const MAX_SEARCH_TERMS = 128;

/**
 * The terms a search walks: those some chunk has (a term no chunk has finds nothing) and, of more than `max` of them,
 * the `max` strongest — the user's own words before glossary forms and earlier turns (by weight), then the rarest,
 * which tell chunks apart best and have the shortest posting lists. Kept in query order; a query within the bound is
 * returned as it is.
 * @param df number of chunks that hold a term
 * @example searchTerms(new Map([['로봇', 1], ['기업', 1], ['robot', 0.5]]), df, 2) // Map { '로봇' => 1, '기업' => 1 }
 */
export function searchTerms(terms: WeightedTerms, df: (term: string) => number, max = MAX_SEARCH_TERMS): WeightedTerms {
  if (terms.size <= max) return terms;
  const known = [...terms].flatMap(([term, weight], order) => {
    const count = df(term);
    return count > 0 ? [{ term, weight, count, order }] : [];
  });
  if (known.length <= max) return new Map(known.map(({ term, weight }) => [term, weight]));
  const strongest = known.sort((a, b) => b.weight - a.weight || a.count - b.count || a.order - b.order).slice(0, max);
  return new Map(strongest.sort((a, b) => a.order - b.order).map(({ term, weight }) => [term, weight]));
}
