/**
 * Word pairs: what tells "AI 코리아 펀드" from a text that has AI, 코리아 and 펀드 apart ("스타트업 코리아 펀드, 글로벌
 * AI펀드"). A text's term set holds a key for each two neighbouring words (stopwords between them aside), and a phrase
 * of the question is held whole only when the text has the keys of its neighbouring words.
 */

/** The term that stands for a word in a pair: its whole stem (`=stem`) when it has one, else its first term. */
export function headTerm(terms: readonly string[]): string | undefined {
  return terms.find((t) => t.startsWith('=')) ?? terms[0];
}

/** The key of two neighbouring words, by their head terms; no term holds a space, so keys never meet terms. */
export function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}

/** The pair keys of a phrase given word by word, in order. */
export function phrasePairs(words: ReadonlyArray<readonly string[]>): string[] {
  const heads = words.map(headTerm).filter((h): h is string => h !== undefined);
  return heads.slice(1).map((head, i) => pairKey(heads[i] as string, head));
}
