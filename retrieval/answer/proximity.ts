import { splitWords } from '../analyze/words.ts';

/** How many words may stand between two question words for them to still count as together in a passage. */
const MAX_GAP = 1;

/**
 * Share (0–1) of the question's neighbouring word pairs that also stand together in `text` (at most one word apart),
 * compared by stem. Separates "AI 혁신펀드" from a passage that says "AI" in one place and "혁신펀드" in another.
 * Undefined when the question has fewer than two content words.
 */
export function proximity(stems: readonly string[], text: string): number | undefined {
  if (stems.length < 2) return undefined;
  const positions = new Map<string, number[]>();
  splitWords(text).forEach((w, i) => {
    const list = positions.get(w.stem);
    if (list) list.push(i);
    else positions.set(w.stem, [i]);
  });
  let together = 0;
  for (let i = 0; i + 1 < stems.length; i++) {
    const left = positions.get(stems[i] as string) ?? [];
    const right = positions.get(stems[i + 1] as string) ?? [];
    if (left.some((a) => right.some((b) => b > a && b - a <= MAX_GAP + 1))) together++;
  }
  return together / (stems.length - 1);
}
