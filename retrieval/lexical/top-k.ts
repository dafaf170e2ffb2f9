/** A chunk found by a search, by its ordinal in the chunk table. */
export interface ScoredChunk {
  ordinal: number;
  score: number;
}

/**
 * The `k` best chunks among ordinals `0 … limit - 1`, by `scores[ordinal]`: score descending, then ordinal ascending.
 * A chunk is a candidate when its score is positive or `matched[ordinal]` is 1 (matched by a term that adds nothing).
 * One pass with a bounded heap, O(limit + found · log k): a common term matching most of a large collection costs no
 * sort, and most chunks lose to the heap's worst at a single comparison.
 */
export function topK(scores: Float64Array, limit: number, k: number, matched?: Uint8Array): ScoredChunk[] {
  if (k < 1) return [];
  // The heap's root is the worst chunk kept so far, the first to give way to a better one.
  const heap = new Uint32Array(k);
  let filled = 0;
  const worse = (a: number, b: number): boolean => {
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    return sa < sb || (sa === sb && a > b);
  };
  for (let ordinal = 0; ordinal < limit; ordinal++) {
    const score = scores[ordinal] as number;
    if (!(score > 0) && matched?.[ordinal] !== 1) continue;
    if (filled < k) {
      let at = filled++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(ordinal, heap[parent] as number)) break;
        heap[at] = heap[parent] as number;
        at = parent;
      }
      heap[at] = ordinal;
      continue;
    }
    // Ordinals come in ascending order, so one with the root's score is worse than the root: only more gets in.
    if (!(score > (scores[heap[0] as number] as number))) continue;
    heap[0] = ordinal;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= filled) break;
      if (child + 1 < filled && worse(heap[child + 1] as number, heap[child] as number)) child += 1;
      if (!worse(heap[child] as number, ordinal)) break;
      heap[at] = heap[child] as number;
      at = child;
    }
    heap[at] = ordinal;
  }
  const best: ScoredChunk[] = [];
  for (let i = 0; i < filled; i++) best.push({ ordinal: heap[i] as number, score: scores[heap[i] as number] as number });
  return best.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
}
