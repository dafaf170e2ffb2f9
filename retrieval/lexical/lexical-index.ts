import type { Postings } from '../../index/postings.ts';
import { defaultBM25Params, idf, lengthNorm, scaledTermScore, termFactor, type BM25Params } from './bm25.ts';
import { topK, type ScoredChunk } from './top-k.ts';

export type { ScoredChunk } from './top-k.ts';

/** Query terms with their weights: 1 for the user's own words, less for glossary expansions and earlier turns. */
export type WeightedTerms = ReadonlyMap<string, number>;

/**
 * BM25 search over {@link Postings}. Chunks can be added and removed while the index is live; ordinals of removed
 * chunks are never reused, so references held elsewhere stay valid.
 *
 * The postings it is built from stay as they are, in compact arrays (the base). Added chunks go to a small delta of
 * per-term maps that searches read besides the base; removed chunks are only marked, and the document frequency of
 * each of their terms is corrected, so `df` stays exact. {@link toPostings} folds both back into compact arrays.
 *
 * @example
 * const lexical = new LexicalIndex(buildPostings(chunks));
 * lexical.search(new Map([['금리', 1]]), 5); // [{ ordinal: 3, score: 2.1 }, …]
 */
export class LexicalIndex {
  private base!: Postings;
  private termIds!: Map<string, number>;
  /** 1 where the chunk's postings in the base are live: not for removed chunks, nor for chunks added since. */
  private baseLive = new Uint8Array(0);
  /** Chunks of the base removed since it was built. */
  private baseRemoved = 0;
  /** Base postings of removed chunks, by term id: subtracted from the base's document frequency. */
  private readonly removedDf = new Map<number, number>();
  /** Postings of chunks added since the base was built: term → ordinal → tf. */
  private readonly delta = new Map<string, Map<number, number>>();
  /** Term count of every ordinal below {@link limit}, -1 when it has no live chunk; longer than needed, to grow into. */
  private lengths = new Int32Array(0);
  /** One past the highest ordinal ever indexed. */
  private limit = 0;
  private live = 0;
  private totalLength = 0;
  /**
   * BM25 length norm of each chunk whose base postings are live, by ordinal; Infinity for the others, which makes their
   * base postings score 0 without a test in the hot loop. Recomputed at the first search after any change.
   */
  private norms = new Float64Array(0);
  private normsValid = false;
  /** Search scratch, by ordinal: the score so far, and chunks matched by a term that adds nothing (weight ≤ 0). */
  private scores = new Float64Array(0);
  private matched = new Uint8Array(0);

  constructor(
    postings: Postings,
    private readonly params: BM25Params = defaultBM25Params,
  ) {
    this.reset(postings);
  }

  /** Number of live chunks. */
  get size(): number {
    return this.live;
  }

  /** Number of live chunks that contain `term`. */
  df(term: string): number {
    const id = this.termIds.get(term);
    const inBase = id === undefined ? 0 : (this.base.offsets[id + 1] as number) - (this.base.offsets[id] as number) - (this.removedDf.get(id) ?? 0);
    return inBase + (this.delta.get(term)?.size ?? 0);
  }

  /** BM25 idf of `term` over the live chunks (the highest value for a term no chunk has). */
  idf(term: string): number {
    return idf(this.df(term), this.size);
  }

  /** Whether chunk `ordinal` contains `term`. */
  has(ordinal: number, term: string): boolean {
    if (this.delta.get(term)?.has(ordinal)) return true;
    const id = this.termIds.get(term);
    return id !== undefined && this.baseLive[ordinal] === 1 && this.baseHas(id, ordinal);
  }

  /**
   * Adds postings whose ordinals start at `base` (postings built for new chunks appended to the table, or for a removed
   * chunk put back at its ordinal).
   * @throws Error when one of the chunks is already in the index (remove it first); nothing is added then.
   */
  add(postings: Postings, base: number): void {
    const { lengths, terms, offsets, ordinals, tfs } = postings;
    lengths.forEach((length, i) => {
      if (length >= 0 && (this.lengths[base + i] ?? -1) >= 0) {
        throw new Error(`Chunk ${base + i} is already in the lexical index; remove it before adding it again.`);
      }
    });
    this.reserve(base + lengths.length);
    lengths.forEach((length, i) => {
      if (length < 0) return;
      this.lengths[base + i] = length;
      this.live += 1;
      this.totalLength += length;
    });
    this.normsValid = false;
    terms.forEach((term, id) => {
      let entry = this.delta.get(term);
      if (!entry) this.delta.set(term, (entry = new Map()));
      for (let i = offsets[id] as number; i < (offsets[id + 1] as number); i++) entry.set(base + (ordinals[i] as number), tfs[i] as number);
    });
  }

  /** Removes chunks; `termsOf` gives the terms each one was indexed with (it keeps `df` exact). */
  remove(ordinals: Iterable<number>, termsOf: (ordinal: number) => Iterable<string>): void {
    for (const ordinal of ordinals) {
      const length = this.lengths[ordinal] ?? -1;
      if (length < 0) continue;
      this.lengths[ordinal] = -1;
      this.live -= 1;
      this.totalLength -= length;
      this.normsValid = false;
      const inBase = this.baseLive[ordinal] === 1;
      if (inBase) {
        this.baseLive[ordinal] = 0;
        this.baseRemoved += 1;
      }
      for (const term of new Set(termsOf(ordinal))) {
        const entry = this.delta.get(term);
        if (entry?.delete(ordinal)) {
          if (entry.size === 0) this.delta.delete(term);
          continue;
        }
        const id = this.termIds.get(term);
        if (inBase && id !== undefined && this.baseHas(id, ordinal)) this.removedDf.set(id, (this.removedDf.get(id) ?? 0) + 1);
      }
    }
  }

  /**
   * The `k` best chunks for weighted query terms, best first (ties by ordinal); chunks matching no term are left out.
   * Scores add up term by term in query order, every posting straight into a per-ordinal array.
   */
  search(query: WeightedTerms, k: number): ScoredChunk[] {
    if (this.live === 0) return [];
    this.prepareSearch();
    this.scores.fill(0, 0, this.limit);
    let marked = false;
    for (const [term, weight] of query) {
      const df = this.df(term);
      if (df > 0) marked = this.scoreTerm(term, weight, idf(df, this.live)) || marked;
    }
    // A positive score shows a chunk was matched; terms that add nothing or less mark the chunks they match instead.
    const best = topK(this.scores, this.limit, k, marked ? this.matched : undefined);
    if (marked) this.matched.fill(0, 0, this.limit);
    return best;
  }

  /**
   * The index as compact postings over ordinals `0…` up to the highest ever indexed, removed ones with length -1 and in
   * no posting list (for saving). The index carries on from these postings as its new base, so its delta stays small;
   * their arrays are shared with it and must not be changed.
   */
  toPostings(): Postings {
    const lengths = this.lengths.slice(0, this.limit);
    const postings = this.delta.size === 0 && this.baseRemoved === 0 ? { ...this.base, lengths } : this.merged(lengths);
    this.reset(postings);
    return postings;
  }

  /** Makes `postings` the base, with an empty delta. */
  private reset(postings: Postings): void {
    this.base = postings;
    this.termIds = new Map(postings.terms.map((term, id) => [term, id]));
    this.delta.clear();
    this.removedDf.clear();
    this.baseRemoved = 0;
    this.lengths = new Int32Array(0);
    this.baseLive = new Uint8Array(0);
    this.limit = 0;
    this.live = 0;
    this.totalLength = 0;
    this.normsValid = false;
    this.reserve(postings.lengths.length);
    postings.lengths.forEach((length, ordinal) => {
      if (length < 0) return;
      this.lengths[ordinal] = length;
      this.baseLive[ordinal] = 1;
      this.live += 1;
      this.totalLength += length;
    });
  }

  /** Base and delta merged into new compact postings: each term's live base postings and its delta, by ordinal. */
  private merged(lengths: Int32Array): Postings {
    const base = this.base;
    let capacity = base.ordinals.length;
    for (const entry of this.delta.values()) capacity += entry.size;
    const terms: string[] = [];
    const offsets: number[] = [0];
    const ordinals = new Uint32Array(capacity);
    const tfs = new Uint16Array(capacity);
    let filled = 0;
    const append = (ordinal: number, tf: number): void => {
      ordinals[filled] = ordinal;
      tfs[filled] = tf;
      filled += 1;
    };
    const mergeTerm = (term: string, from: number, to: number): void => {
      const entry = this.delta.get(term);
      if (!entry && this.baseRemoved === 0) {
        ordinals.set(base.ordinals.subarray(from, to), filled);
        tfs.set(base.tfs.subarray(from, to), filled);
        filled += to - from;
      } else {
        const added = entry ? [...entry].sort((a, b) => a[0] - b[0]) : [];
        let next = 0;
        for (let i = from; i < to; i++) {
          const ordinal = base.ordinals[i] as number;
          if (this.baseLive[ordinal] !== 1) continue;
          for (; next < added.length && (added[next] as [number, number])[0] < ordinal; next++) append(...(added[next] as [number, number]));
          append(ordinal, base.tfs[i] as number);
        }
        for (; next < added.length; next++) append(...(added[next] as [number, number]));
      }
      // A term left with no live chunk is dropped, as it would never have been indexed.
      if (filled === offsets[offsets.length - 1]) return;
      terms.push(term);
      offsets.push(filled);
    };
    base.terms.forEach((term, id) => mergeTerm(term, base.offsets[id] as number, base.offsets[id + 1] as number));
    for (const term of this.delta.keys()) if (!this.termIds.has(term)) mergeTerm(term, 0, 0);
    return { terms, offsets: Uint32Array.from(offsets), ordinals: ordinals.slice(0, filled), tfs: tfs.slice(0, filled), lengths };
  }

  /** Whether the base lists `ordinal` under term `id` (its ordinals are ascending, so by binary search). */
  private baseHas(id: number, ordinal: number): boolean {
    const { offsets, ordinals } = this.base;
    let low = offsets[id] as number;
    let high = offsets[id + 1] as number;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const found = ordinals[middle] as number;
      if (found === ordinal) return true;
      if (found < ordinal) low = middle + 1;
      else high = middle;
    }
    return false;
  }

  /** Makes room for ordinals below `limit`, doubling the per-ordinal arrays so that one-by-one additions stay cheap. */
  private reserve(limit: number): void {
    if (limit > this.lengths.length) {
      const capacity = Math.max(limit, this.lengths.length * 2);
      const lengths = new Int32Array(capacity).fill(-1);
      lengths.set(this.lengths);
      this.lengths = lengths;
      const baseLive = new Uint8Array(capacity);
      baseLive.set(this.baseLive);
      this.baseLive = baseLive;
    }
    this.limit = Math.max(this.limit, limit);
  }

  /** Adds the term's score to the chunks that hold it; returns whether it marked them instead (weight ≤ 0). */
  private scoreTerm(term: string, weight: number, termIdf: number): boolean {
    const { scores, norms, params } = this;
    const { offsets, ordinals, tfs } = this.base;
    const id = this.termIds.get(term);
    const from = id === undefined ? 0 : (offsets[id] as number);
    const to = id === undefined ? 0 : (offsets[id + 1] as number);
    addScores(scores, ordinals, tfs, from, to, norms, weight, termIdf, params);
    const added = this.delta.get(term);
    const avgLength = this.totalLength / this.live;
    const factor = termFactor(weight, termIdf, params);
    for (const [ordinal, tf] of added ?? []) {
      const norm = lengthNorm(this.lengths[ordinal] as number, avgLength, params);
      scores[ordinal] = (scores[ordinal] as number) + scaledTermScore(factor, tf, norm);
    }
    if (weight > 0) return false;
    for (let i = from; i < to; i++) if (norms[ordinals[i] as number] !== Infinity) this.matched[ordinals[i] as number] = 1;
    for (const ordinal of added?.keys() ?? []) this.matched[ordinal] = 1;
    return true;
  }

  /** Sizes the search scratch to the ordinals in use and brings the length norms up to date. */
  private prepareSearch(): void {
    const capacity = this.lengths.length;
    if (this.scores.length < this.limit) {
      this.scores = new Float64Array(capacity);
      this.matched = new Uint8Array(capacity);
    }
    if (this.normsValid && this.norms.length >= this.limit) return;
    // Norms depend on the average length, so any change to the chunks recomputes them all, once.
    if (this.norms.length < this.limit) this.norms = new Float64Array(capacity);
    const avgLength = this.totalLength / this.live;
    for (let ordinal = 0; ordinal < this.limit; ordinal++) {
      const live = this.baseLive[ordinal] === 1;
      this.norms[ordinal] = live ? lengthNorm(this.lengths[ordinal] as number, avgLength, this.params) : Infinity;
    }
    this.normsValid = true;
  }
}

/**
 * Adds a term's score to every chunk of a slice of the base postings: the hot loop of a search, kept apart and
 * monomorphic so that it compiles to tight code.
 */
function addScores(
  scores: Float64Array,
  ordinals: Uint32Array,
  tfs: Uint16Array,
  from: number,
  to: number,
  norms: Float64Array,
  weight: number,
  termIdf: number,
  params: BM25Params,
): void {
  const factor = termFactor(weight, termIdf, params);
  for (let i = from; i < to; i++) {
    const ordinal = ordinals[i] as number;
    scores[ordinal] = (scores[ordinal] as number) + scaledTermScore(factor, tfs[i] as number, norms[ordinal] as number);
  }
}
