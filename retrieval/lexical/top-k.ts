/** A chunk found by a search, by its ordinal in the chunk table. */
export interface ScoredChunk {
  ordinal: number;
  score: number;
}

/**
 * The `k` best of `count` candidate ordinals (the first `count` entries of `ordinals`), scored by `scores[ordinal]`:
 * score descending, then ordinal ascending. A bounded heap keeps this O(count · log k), so a common term matching most
 * of a large collection costs no full sort.
 */
export function topK(ordinals: ArrayLike<number>, count: number, scores: ArrayLike<number>, k: number): ScoredChunk[] {
  const size = Math.min(k, count);
  if (size <= 0) return [];
  // The heap's root is the worst chunk kept so far, the first to give way to a better one.
  const heap = new Uint32Array(size);
  let filled = 0;
  const worse = (a: number, b: number): boolean => {
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    return sa < sb || (sa === sb && a > b);
  };
  const siftDown = (from: number): void => {
    const item = heap[from] as number;
    let at = from;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= filled) break;
      if (child + 1 < filled && worse(heap[child + 1] as number, heap[child] as number)) child += 1;
      if (!worse(heap[child] as number, item)) break;
      heap[at] = heap[child] as number;
      at = child;
    }
    heap[at] = item;
  };
  for (let i = 0; i < count; i++) {
    const ordinal = ordinals[i] as number;
    if (filled < size) {
      let at = filled++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(ordinal, heap[parent] as number)) break;
        heap[at] = heap[parent] as number;
        at = parent;
      }
      heap[at] = ordinal;
    } else if (worse(heap[0] as number, ordinal)) {
      heap[0] = ordinal;
      siftDown(0);
    }
  }
  const best: ScoredChunk[] = [];
  for (let i = 0; i < filled; i++) best.push({ ordinal: heap[i] as number, score: scores[heap[i] as number] as number });
  return best.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
}
