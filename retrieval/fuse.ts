import type { ScoredChunk } from './lexical/lexical-index.ts';

/** Reciprocal rank fusion settings. */
export interface FusionOptions {
  /** Damping constant: larger values flatten the advantage of top ranks. Default 60. */
  k?: number;
  /** Weight of each ranked list, in the order given. Default 1 each. */
  weights?: readonly number[];
}

/**
 * Fuses ranked lists by reciprocal rank: `score = Σ weight / (k + rank)`. Ranks are robust where raw scores are not
 * comparable (BM25 sums against cosine similarities).
 */
export function reciprocalRankFusion(lists: ReadonlyArray<readonly ScoredChunk[]>, options: FusionOptions = {}): ScoredChunk[] {
  const k = options.k ?? 60;
  const scores = new Map<number, number>();
  lists.forEach((list, i) => {
    const weight = options.weights?.[i] ?? 1;
    list.forEach(({ ordinal }, rank) => scores.set(ordinal, (scores.get(ordinal) ?? 0) + weight / (k + rank + 1)));
  });
  return [...scores]
    .map(([ordinal, score]) => ({ ordinal, score }))
    .sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
}
