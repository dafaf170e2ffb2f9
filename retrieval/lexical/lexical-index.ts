import type { Postings } from '../../index/postings.ts';
import { calcBM25Score, defaultBM25Params, idf, type BM25Params } from './bm25.ts';

/** A chunk found by a search, by its ordinal in the chunk table. */
export interface ScoredChunk {
  ordinal: number;
  score: number;
}

/** Query terms with their weights: 1 for the user's own words, less for glossary expansions and earlier turns. */
export type WeightedTerms = ReadonlyMap<string, number>;

/**
 * BM25 search over {@link Postings}. Chunks can be added and removed while the index is live; ordinals of removed
 * chunks are never reused, so references held elsewhere stay valid.
 *
 * @example
 * const lexical = new LexicalIndex(buildPostings(chunks));
 * lexical.search(new Map([['금리', 1]]), 5); // [{ ordinal: 3, score: 2.1 }, …]
 */
export class LexicalIndex {
  private readonly terms: Map<string, Map<number, number>>;
  private readonly lengths: Map<number, number>;
  private totalLength = 0;

  constructor(
    postings: Postings,
    private readonly params: BM25Params = defaultBM25Params,
  ) {
    this.terms = new Map();
    this.lengths = new Map();
    this.add(postings, 0);
  }

  /** Number of live chunks. */
  get size(): number {
    return this.lengths.size;
  }

  /** Number of live chunks that contain `term`. */
  df(term: string): number {
    return this.terms.get(term)?.size ?? 0;
  }

  /** BM25 idf of `term` over the live chunks (the highest value for a term no chunk has). */
  idf(term: string): number {
    return idf(this.df(term), this.size);
  }

  /** Whether chunk `ordinal` contains `term`. */
  has(ordinal: number, term: string): boolean {
    return this.terms.get(term)?.has(ordinal) ?? false;
  }

  /** Adds postings whose ordinals start at `base` (postings built for new chunks appended to the table). */
  add(postings: Postings, base: number): void {
    postings.lengths.forEach((length, i) => {
      if (length < 0) return;
      this.lengths.set(base + i, length);
      this.totalLength += length;
    });
    for (const [term, list] of Object.entries(postings.terms)) {
      let entry = this.terms.get(term);
      if (!entry) this.terms.set(term, (entry = new Map()));
      for (let i = 0; i < list.length; i += 2) entry.set(base + (list[i] as number), list[i + 1] as number);
    }
  }

  /** Removes chunks; `termsOf` gives the terms each one was indexed with. */
  remove(ordinals: Iterable<number>, termsOf: (ordinal: number) => Iterable<string>): void {
    for (const ordinal of ordinals) {
      const length = this.lengths.get(ordinal);
      if (length === undefined) continue;
      this.lengths.delete(ordinal);
      this.totalLength -= length;
      for (const term of termsOf(ordinal)) {
        const entry = this.terms.get(term);
        entry?.delete(ordinal);
        if (entry?.size === 0) this.terms.delete(term);
      }
    }
  }

  /** The `k` best chunks for weighted query terms, best first; chunks matching no term are left out. */
  search(query: WeightedTerms, k: number): ScoredChunk[] {
    const n = this.size;
    if (n === 0) return [];
    const avgLength = this.totalLength / n;
    const scores = new Map<number, number>();
    for (const [term, weight] of query) {
      const entry = this.terms.get(term);
      if (!entry) continue;
      for (const [ordinal, tf] of entry) {
        const s = weight * calcBM25Score(tf, entry.size, n, this.lengths.get(ordinal) ?? 0, avgLength, this.params);
        scores.set(ordinal, (scores.get(ordinal) ?? 0) + s);
      }
    }
    return [...scores]
      .map(([ordinal, score]) => ({ ordinal, score }))
      .sort((a, b) => b.score - a.score || a.ordinal - b.ordinal)
      .slice(0, k);
  }

  /** The index as plain postings over ordinals `0…maxOrdinal`, removed ones with length -1 (for saving). */
  toPostings(): Postings {
    const terms: Record<string, number[]> = Object.create(null);
    for (const [term, entry] of this.terms) {
      const list: number[] = [];
      for (const ordinal of [...entry.keys()].sort((a, b) => a - b)) list.push(ordinal, entry.get(ordinal) as number);
      terms[term] = list;
    }
    let maxOrdinal = -1;
    for (const ordinal of this.lengths.keys()) maxOrdinal = Math.max(maxOrdinal, ordinal);
    const lengths = Array.from({ length: maxOrdinal + 1 }, (_, i) => this.lengths.get(i) ?? -1);
    return { terms, lengths };
  }
}
