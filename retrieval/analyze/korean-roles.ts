import { isParticle } from '../../index/analyze/particles.ts';
import { hangulTerms } from '../../index/analyze/terms.ts';
import type { Word } from '../../index/analyze/words.ts';
import type { Vocabulary, WordRole } from './word-roles.ts';

/**
 * Nouns that count or locate rather than name ("몇 개로", "직원 수는", "참여 기업 중", "유동성 가운데"): alone or with a
 * particle or copula after them they are question scaffolding.
 */
const BOUND_NOUNS: ReadonlySet<string> = new Set(
  '개 곳 명 수 중 번 건 날 달 해 살 위 쯤 외 간 가운데 사이 정도 무렵 동안 그중 거기 그것 그거 이거 나머지'.split(' '),
);
/** Copulas and question endings that follow a bound noun or a question word: "몇 개야", "몇 곳이었어", "얼마야". */
export const COPULA_ENDINGS: ReadonlySet<string> = new Set(
  '야 이야 예요 이에요 였어 이었어 였나 이었나 였어요 이었어요 일까 인가 인가요 이지 지 나 이나 쯤 서'.split(' '),
);
/** Adverbs and quantity words that qualify what a question asks about: "새로 만든", "전체 규모", "약 몇 명". */
const MODIFIERS: ReadonlySet<string> = new Set(
  '새로 새롭게 함께 같이 모두 전부 다시 이미 아직 가장 매우 크게 많이 처음 주로 따로 직접 전체 총 모든 각 최근 현재 앞으로 향후 실제 약 대략 주요 최대 최소 최고 최저 평균 기준 먼저 달리'.split(' '),
);

/**
 * Endings of a conjugated verb or adjective at the end of a question: 늘려, 열렸어, 깎아줘, 늘린대, 돼요, 잡았지,
 * 따왔는가, 키우겠다고. Not the single syllables that also end nouns (지, 다, 고, 대): "산업은행 소재지?" ends on a noun.
 */
const FINAL_VERB = /(?:[어아여워와줘해돼봐려혀쳐켜셔겨놔뤄요까니냐래]|[았었였했됐갔왔봤줬났][어지나다요죠]?|[린한된는]대|[다라냐자]고|[는은던]가|는지)$/u;
/** Question endings that end in what looks like a particle: "따왔는가", "세워졌는가". */
const QUESTION_ENDING = /(?:[는은던]가|는지)$/u;
/** Endings of a noun followed by its particle, which a question's last word may also have: "방법은", "영업이익은". */
const NOUN_PARTICLE = /(?:[은는이가을를의에도만]|에서|으로|로|와|과|까지|부터)$/u;
/** Connective endings of a verb inside a question: "보험 들면", "기업 말고", "싸우다 전사한". */
const CONNECTIVE = /(?:면|고|며|서|다|도록|려고|러)$/u;
/** Nouns that take a verb's future or past form before them: "키울 계획", "받을 수". */
const DEPENDENT_NOUNS: ReadonlySet<string> = new Set(['계획', '예정', '방침', '전망', '방안', '것', '수', '때', '경우', '생각']);
/** Endings of 하다/되다 verbs after their noun: "참석한", "개최하고", "설립됐어", "합류하는". */
const VERB_SUFFIX = /^(?:하|한|할|해|했|되|된|될|돼|됐)/u;
/**
 * A noun followed by 하다/되다 and an ending, or by a light verb: "발견했는지를", "설립됐어", "지원받을". An adnominal
 * 한/할/된/될 must end the word, so "보험료할인" stays a noun.
 */
const VERB_WORD = /^([가-힣]{2,}?)(?:(?:하|했|해|되|됐|돼|받|시키|시켰)[가-힣]*|[한할된될])$/u;

/**
 * The role of the Korean word `words[i]` of a question, from its form, the word after it, whether it ends the question
 * and whether the collection uses it.
 */
export function koreanRole(words: readonly Word[], i: number, last: boolean, vocabulary: Vocabulary): Exclude<WordRole, 'asked'> {
  const word = words[i] as Word;
  if (isBoundNounPhrase(word.text) || COPULA_ENDINGS.has(word.text)) return 'scaffold';
  if (MODIFIERS.has(word.stem) || MODIFIERS.has(word.text)) return 'modifier';
  const known = isKnownHangul(word, vocabulary);
  // A Sino-Korean verb ("참석한", "합류하는", "설립됐어") says what is asked of its subject; a noun of one that the
  // documents never use still counts a little against them.
  const noun = verbalNoun(word, known);
  if (noun !== undefined) return hangulTerms(noun).some((t) => vocabulary.has(t)) ? 'predicate' : 'modifier';
  const next = words[i + 1];
  if (next?.kind === 'hangul' && DEPENDENT_NOUNS.has(next.stem) && /[ㄹㄴ]/u.test(finalConsonant(word.text))) return 'predicate';
  if (next !== undefined && isInflectionOfKnownWord(word, vocabulary, known)) return 'predicate';
  if (last) return QUESTION_ENDING.test(word.text) || (FINAL_VERB.test(word.text) && !NOUN_PARTICLE.test(word.text)) ? 'predicate' : 'content';
  if (known) return 'content';
  return CONNECTIVE.test(word.text) && word.text.length > 1 ? 'predicate' : 'content';
}

/**
 * Whether the collection uses the word itself: its whole stem for Hangul (bigrams of other words don't count: "태어난"
 * is not known because some document has "뛰어난").
 */
export function isKnownHangul(word: Word, vocabulary: Vocabulary): boolean {
  return vocabulary.has(word.stem.length > 2 ? `=${word.stem}` : word.stem);
}

/**
 * The noun of a Sino-Korean verb form: "참석한" → 참석, "지원받을" → 지원, "설립됐어" → 설립. A word the collection
 * uses as it is is read as a verb only when a 하다/되다 ending was stripped from it.
 */
function verbalNoun(word: Word, known: boolean): string | undefined {
  if (word.stem.length >= 2 && VERB_SUFFIX.test(word.text.slice(word.stem.length))) return word.stem;
  return known ? undefined : VERB_WORD.exec(word.text)?.[1];
}

/** "개로", "수는", "곳이었어", "중", "가운데": a bound noun with nothing but a particle or copula after it. */
function isBoundNounPhrase(text: string): boolean {
  for (let split = 1; split <= text.length; split++) {
    const rest = text.slice(split);
    if (BOUND_NOUNS.has(text.slice(0, split)) && (rest === '' || isParticle(rest) || COPULA_ENDINGS.has(rest))) return true;
  }
  return false;
}

const HANGUL_BASE = 0xac00;
const VOWEL_COUNT = 21;
const FINAL_COUNT = 28;
const FINALS = ['', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

function syllableIndex(s: string): number {
  return s.charCodeAt(0) - HANGUL_BASE;
}

function initialOf(s: string): number {
  return Math.floor(syllableIndex(s) / (VOWEL_COUNT * FINAL_COUNT));
}

function vowelOf(s: string): number {
  return Math.floor((syllableIndex(s) % (VOWEL_COUNT * FINAL_COUNT)) / FINAL_COUNT);
}

function finalOf(s: string): number {
  return syllableIndex(s) % FINAL_COUNT;
}

function syllable(initial: number, vowel: number, final: number): string {
  return String.fromCharCode(HANGUL_BASE + (initial * VOWEL_COUNT + vowel) * FINAL_COUNT + final);
}

/** The final consonant (받침) of the last syllable of a Hangul word as a compatibility jamo, or ''. */
function finalConsonant(text: string): string {
  const index = syllableIndex(text.at(-1) ?? '');
  return index < 0 || index >= 11172 ? '' : (FINALS[index % FINAL_COUNT] as string);
}

/** The vowels a verb stem's last syllable takes before -었/-어: 이→여 (놓이→놓였), 우→워, 오→와, 으→어/아. */
const VOWEL_SHIFTS: ReadonlyMap<number, readonly number[]> = new Map(
  [['이', '여'], ['우', '워'], ['오', '와'], ['으', '어', '아']].map(([vowel, ...shifts]) => [vowelOf(vowel as string), [vowelOf(vowel as string), ...shifts.map(vowelOf)]]),
);
/** Finals of the forms a verb takes besides its adnominal: ㄹ (만들다, 놓일), ㅆ (놓였다, 태어났다). */
const VERB_FINALS: readonly number[] = [finalOf('일'), finalOf('있')];

/**
 * Whether a word before another is a verb's adnominal form ("놓인 다리", "만든 프로그램", "태어난 도시") of a stem
 * the collection uses in another form ("놓였고", "만들어", "태어났다"): its last syllable ends in ㄴ/ㄹ (or the word
 * in 는/던), and the collection has the syllable before it followed by the same consonant and vowel, or the vowel the
 * verb takes before -었, with another final. A word the collection uses as it is must show a verb's own forms, with
 * ㄹ or ㅆ, so that a noun such as 자전 stays one.
 */
function isInflectionOfKnownWord(word: Word, vocabulary: Vocabulary, known: boolean): boolean {
  const adnominal = /[ㄴㄹ]/u.test(finalConsonant(word.stem)) || /(?:는|던)$/u.test(word.text);
  if (!adnominal || word.stem.length < 2) return false;
  const lead = word.stem.slice(-2, -1);
  const last = word.stem.at(-1) as string;
  const finals = known ? VERB_FINALS : Array.from({ length: FINAL_COUNT }, (_, f) => f);
  for (const vowel of VOWEL_SHIFTS.get(vowelOf(last)) ?? [vowelOf(last)]) {
    for (const final of finals) {
      const variant = syllable(initialOf(last), vowel, final);
      if (variant !== last && vocabulary.has(lead + variant)) return true;
    }
  }
  return false;
}
