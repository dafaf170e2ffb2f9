import { analyze } from '../analyze/terms.ts';

/** Jaccard similarity of two texts' term sets (0–1). */
export function termJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The set of analysed terms of a text. */
export function termSet(text: string): Set<string> {
  return new Set(analyze(text));
}

/**
 * Keeps items in order, dropping each one whose text is a near-duplicate (term Jaccard ≥ `threshold`) of an item
 * already kept: several articles repeat the same facts, and a fact should be cited once, from its best source.
 */
export function dropNearDuplicates<T>(items: readonly T[], textOf: (item: T) => string, threshold = 0.6): T[] {
  const kept: Array<{ item: T; terms: Set<string> }> = [];
  for (const item of items) {
    const terms = termSet(textOf(item));
    if (kept.some((k) => termJaccard(k.terms, terms) >= threshold)) continue;
    kept.push({ item, terms });
  }
  return kept.map((k) => k.item);
}
