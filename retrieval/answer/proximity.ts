/** How many words may stand between two question words for them to still count as together in a passage. */
const MAX_GAP = 1;

/**
 * Share (0–1) of the question's neighbouring word pairs that also stand together in a passage (at most one word
 * apart), compared by stem; `positions` gives the word positions of each stem of the passage. Separates "AI 혁신펀드"
 * from a passage that says "AI" in one place and "혁신펀드" in another. Undefined for fewer than two question words.
 */
export function proximity(stems: readonly string[], positions: ReadonlyMap<string, readonly number[]>): number | undefined {
  if (stems.length < 2) return undefined;
  let together = 0;
  for (let i = 0; i + 1 < stems.length; i++) {
    const left = positions.get(stems[i] as string) ?? [];
    const right = positions.get(stems[i + 1] as string) ?? [];
    if (left.some((a) => right.some((b) => b > a && b - a <= MAX_GAP + 1))) together++;
  }
  return together / (stems.length - 1);
}
