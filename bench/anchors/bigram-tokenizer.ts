/** A run of letters and digits: what MiniSearch's own tokenizer keeps as one word. */
const WORD = /[\p{L}\p{N}]+/gu;
/** A word cut into its Hangul and other runs: `AI팩토리` → `AI`, `팩토리`. */
const SCRIPT_RUN = /\p{Script=Hangul}+|[^\p{Script=Hangul}]+/gu;
const HANGUL = /^\p{Script=Hangul}/u;

/**
 * Tokens of a text for a search library that knows nothing of Korean: words of letters and digits, each Hangul run
 * cut into overlapping character bigrams (a single syllable stays as it is), other runs kept whole. Korean glues
 * particles and endings to its words (기업들에게), so whole words would rarely match; bigrams are the usual way to make
 * a generic engine find Korean at all.
 * @example hangulBigrams('AI팩토리 지원은?') // ['AI', '팩토', '토리', '지원', '원은']
 */
export function hangulBigrams(text: string): string[] {
  const tokens: string[] = [];
  for (const [word] of text.matchAll(WORD)) {
    for (const [run] of word.matchAll(SCRIPT_RUN)) {
      if (!HANGUL.test(run) || run.length < 2) tokens.push(run);
      else for (let i = 0; i + 2 <= run.length; i++) tokens.push(run.slice(i, i + 2));
    }
  }
  return tokens;
}
