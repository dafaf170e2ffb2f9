/** Jaccard similarity of two term sets (0–1). */
export function termJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Overlap coefficient of two term sets (0–1): shared terms over the smaller set, so a part of a text matches it. */
export function termOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return large.size === 0 ? 1 : 0;
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / small.size;
}

/**
 * Keeps items in order, dropping each one whose terms are a near-duplicate (Jaccard ≥ `threshold`) of an item already
 * kept, until `limit` are kept: several articles repeat the same facts, and a fact should be cited once, from its best
 * source.
 */
export function dropNearDuplicates<T>(
  items: readonly T[],
  termsOf: (item: T) => ReadonlySet<string>,
  limit = Number.POSITIVE_INFINITY,
  threshold = 0.6,
): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length >= limit) break;
    const terms = termsOf(item);
    if (kept.some((k) => termJaccard(termsOf(k), terms) >= threshold)) continue;
    kept.push(item);
  }
  return kept;
}
