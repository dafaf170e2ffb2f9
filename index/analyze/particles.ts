import { memoize } from './memoize.ts';
/**
 * Korean particles (조사) and the most common verb/adjective endings, longest first so that "에서는" is
 * removed whole rather than as "는". Stripping them lets "금리는", "금리를" and "금리" share one stem.
 */
const SUFFIXES = [
  // particles
  '에서부터', '으로부터', '이라는', '에게서', '으로는', '으로도', '에서는', '에서도', '에게는', '까지는', '부터는',
  '이라고', '이라도', '이라면', '이었다', '에서의', '으로서', '으로써', '과의', '와의', '에는', '에도', '에서', '에게',
  '께서', '한테', '으로', '까지', '부터', '보다', '처럼', '만큼', '마다', '라는', '라고', '이나', '이랑', '하고', '에의',
  '로서', '로써', '로는', '로도', '들은', '들이', '들을', '들의', '들과', '들도', '들에', '들로', '이며', '이고', '이다',
  '은', '는', '이', '가', '을', '를', '에', '의', '로', '와', '과', '도', '만', '께', '나', '랑', '들', '며',
  // endings of 하다/되다 verbs built on a noun ("확대하고", "지원한다", "우대된")
  '했습니다', '하겠습니다', '됐습니다', '되었습니다', '합니다', '됩니다', '입니다', '하였다', '되었다', '했다', '됐다',
  '한다', '된다', '하는', '되는', '하여', '하고', '하며', '하면', '되며', '되고', '해야', '하기', '되기', '하지', '할',
  '한', '된', '함', '해', '돼',
  // question and request endings ("지원하나", "발표했나요", "추천해줘")
  '했나요', '하나요', '인가요', '할까요', '해주세요', '했나', '하나', '인가', '일까', '할까', '했어', '했지', '해줘',
  '해줄래', '인지', '한가', '했니', '하니',
  // copulas ("약자예요", "얼마예요", "기관이야")
  '이에요', '이예요', '예요', '이야', '이죠', '이지', '이요',
].sort((a, b) => b.length - a.length);

const SUFFIX_SET: ReadonlySet<string> = new Set(SUFFIXES);

/** Suffixes by their last character, longest first, so a word is only compared with those that could end it. */
const BY_LAST_CHAR = new Map<string, string[]>();
for (const suffix of SUFFIXES) {
  const last = suffix.at(-1) as string;
  BY_LAST_CHAR.set(last, [...(BY_LAST_CHAR.get(last) ?? []), suffix]);
}

/** Whether a whole Hangul run is only a particle or ending, as in "1.2%p까지" where the number ends the word. */
export function isParticle(word: string): boolean {
  return SUFFIX_SET.has(word);
}

/**
 * The noun of a one-syllable noun with its particle ("설이" → 설, "말의" → 말), which {@link stripParticle} leaves whole
 * so as not to cut two-syllable nouns such as 국가; undefined for any other word.
 */
export function shortNoun(word: string): string | undefined {
  return /^[가-힣][은는이가을를의에도]$/u.test(word) ? word.slice(0, 1) : undefined;
}

/** Minimum syllables a stem keeps, so that nouns like 국가 or 결과 are not cut to one syllable. */
const MIN_STEM = 2;

/**
 * Removes one trailing particle or ending from a Hangul word when at least two syllables remain.
 * @example stripParticle('기업들에게') // '기업들' → callers may strip again: see {@link stemHangul}
 */
export function stripParticle(word: string): string {
  for (const suffix of BY_LAST_CHAR.get(word.at(-1) ?? '') ?? []) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/**
 * The stem of a Hangul word: particles and endings removed, at most twice ("기업들에게" → "기업").
 * @example stemHangul('우대금리는') // '우대금리'
 */
export const stemHangul: (word: string) => string = memoize((word) => stripParticle(stripParticle(word)));

/** Quotative particles whose first syllable also ends many nouns: "데이모스라는" is 데이모스 + 라는, "청나라는" 청나라 + 는. */
const AMBIGUOUS_SUFFIXES = ['라는', '라고'];

/**
 * The other stem a word may have when its ending reads two ways, else undefined: "청나라는" → "청나라" beside the stem
 * "청나". Both are indexed, so the noun is found whichever it was.
 */
export function alternativeStem(word: string, stem: string): string | undefined {
  for (const suffix of AMBIGUOUS_SUFFIXES) {
    if (word.endsWith(suffix) && stem === word.slice(0, -suffix.length)) return word.slice(0, -1);
  }
  return undefined;
}
