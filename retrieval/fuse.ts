import type { ScoredChunk } from './lexical/lexical-index.ts';

/** How ranked lists are fused. */
export interface FusionOptions {
  /**
   * `'rrf'` (default): reciprocal rank fusion, which only looks at ranks, so a weaker retriever adds candidates
   * without overruling a stronger one's order. `'convex'`: a weighted sum of each list's min-max normalised scores.
   */
  method?: 'convex' | 'rrf';
  /** Weight of each ranked list, in the order given. Default: equal weights. */
  weights?: readonly number[];
  /** RRF damping constant: larger values flatten the advantage of top ranks. Default 60. */
  k?: number;
}

/** Fuses ranked lists with the configured method, best first. */
export function fuse(lists: ReadonlyArray<readonly ScoredChunk[]>, options: FusionOptions = {}): ScoredChunk[] {
  return options.method === 'convex' ? convexCombination(lists, options) : reciprocalRankFusion(lists, options);
}

/**
 * Convex combination of min-max normalised scores: `score = Σ weight · (s − min) / (max − min)` per list, a chunk
 * missing from a list scoring 0 there. Raw BM25 sums and cosine similarities are not comparable; normalised within
 * each result list they are.
 */
export function convexCombination(lists: ReadonlyArray<readonly ScoredChunk[]>, options: Pick<FusionOptions, 'weights'> = {}): ScoredChunk[] {
  const scores = new Map<number, number>();
  lists.forEach((list, i) => {
    const weight = options.weights?.[i] ?? 1 / lists.length;
    if (list.length === 0) return;
    const max = Math.max(...list.map((r) => r.score));
    const min = Math.min(...list.map((r) => r.score));
    const range = max - min;
    for (const { ordinal, score } of list) {
      const normalised = range > 0 ? (score - min) / range : 1;
      scores.set(ordinal, (scores.get(ordinal) ?? 0) + weight * normalised);
    }
  });
  return sortByScore(scores);
}

/**
 * Reciprocal rank fusion: `score = Σ weight / (k + rank)`. Ranks are robust where raw scores are not comparable
 * (BM25 sums against cosine similarities).
 */
export function reciprocalRankFusion(lists: ReadonlyArray<readonly ScoredChunk[]>, options: Pick<FusionOptions, 'weights' | 'k'> = {}): ScoredChunk[] {
  const k = options.k ?? 60;
  const scores = new Map<number, number>();
  lists.forEach((list, i) => {
    const weight = options.weights?.[i] ?? 1;
    list.forEach(({ ordinal }, rank) => scores.set(ordinal, (scores.get(ordinal) ?? 0) + weight / (k + rank + 1)));
  });
  return sortByScore(scores);
}

function sortByScore(scores: ReadonlyMap<number, number>): ScoredChunk[] {
  return [...scores]
    .map(([ordinal, score]) => ({ ordinal, score }))
    .sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
}
