import { splitWords, type Word } from '../../index/analyze/words.ts';
import { PRESENT, presence, type WeightedConcept } from './coverage.ts';

/**
 * Words that name opposite ends of the same measure: a sentence about one does not answer a question about the other
 * ("기업당 최대 2억 원" is not the 최소 금액; "the maximum voucher" is not the minimum one).
 */
const CONTRARIES: ReadonlyArray<readonly [string, string]> = [
  ['최소', '최대'],
  ['최저', '최고'],
  ['최단', '최장'],
  ['하한', '상한'],
  ['미만', '초과'],
  ['minimum', 'maximum'],
  ['lowest', 'highest'],
  ['smallest', 'largest'],
];

/** Each word with its opposite, both ways. */
const OPPOSITE: ReadonlyMap<string, string> = new Map(CONTRARIES.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]));

/**
 * Whether a text says a word: as a whole English word, or as the start of a Korean one ("최대한도", "최소금액은"). The
 * text is split into words once, for all the words asked about.
 */
function sayer(text: string): (word: string) => boolean {
  let words: readonly Word[] | undefined;
  return (word) => {
    if (/^[a-z]+$/.test(word)) return new RegExp(String.raw`\b${word}\b`, 'i').test(text);
    return (words ??= splitWords(text)).some((w) => w.text.startsWith(word));
  };
}

/** The question's end-of-measure words ("최소", "minimum") whose opposite the sentence says instead. */
export function contraryEnds(question: string, sentence: string): string[] {
  const asks = sayer(question);
  const asked = [...OPPOSITE].filter(([word]) => asks(word));
  if (asked.length === 0) return [];
  const says = sayer(sentence);
  return asked.filter(([word, opposite]) => !says(word) && says(opposite)).map(([word]) => word);
}

/** Words that ask for the lower end of a measure, and the words a sentence gives one with. */
const LOWER_END_ASKED = /^(?:최소(?!한)|최저|하한)|^(?:minimum|lowest)$/iu;
const LOWER_END_SAID = /(?:최소|최저|하한|이상|적어도|\bminimum\b|\blowest\b|\bat least\b|\bno less than\b)/iu;

/**
 * Whether the question asks for a lower end ("최소 금액은?") that the sentence gives none of: "지원금은 총사업비의 70%
 * 이내" is a limit, not a minimum. Documents state a minimum in so many words (최소, 이상, at least).
 */
export function lacksLowerEnd(question: string, sentence: string): boolean {
  const asks = splitWords(question).some((w) => LOWER_END_ASKED.test(w.text));
  return asks && !LOWER_END_SAID.test(sentence);
}

/**
 * Last syllables that name what kind of sum a Korean noun is: a fee (보증료, 수수료), a sum of money (보증금, 지원금), a
 * cost (사업비), a rate (할인율, 이용률), an amount (지원액). Two nouns of one kind with other fronts are two things.
 */
const SUM_HEADS = /[료금비율률액]$/u;

/** A noun of one syllable before its head is a word of its own (자료, 지금, 대비), not a sum of a kind: 보증료, 사업비 are. */
const MIN_COMPOUND = 3;

/**
 * What a noun that names a sum asks for, by its last syllable: a rate (할인율) a share, a fee, sum, cost or amount
 * (보증료, 보증금, 사업비, 지원액) an amount. Undefined for other nouns, and for a one-syllable word before the head.
 */
export function sumIntent(noun: string): 'amount' | 'percent' | undefined {
  const head = noun.length >= MIN_COMPOUND ? SUM_HEADS.exec(noun)?.[0] : undefined;
  if (head === undefined) return undefined;
  return head === '율' || head === '률' ? 'percent' : 'amount';
}

/**
 * Whether the question asks for a sum by its name (보증료, 수수료, 입찰보증금) and neither the sentence nor the paragraphs it
 * belongs to say it ("3. 입찰보증금 납부" over "입찰금액의 25/1000 이상을 납부"): a sentence on the topic without the name
 * gives some other figure.
 */
export function leavesSumUnnamed(asked: WeightedConcept, question: string, sentence: { terms: ReadonlySet<string>; context: ReadonlySet<string> }): boolean {
  if (asked.role !== 'asked' || !asked.current || !asked.specific) return false;
  const stem = splitWords(question).find((w) => w.text.startsWith(asked.label) || asked.label.startsWith(w.text))?.stem ?? asked.label;
  if (sumIntent(stem) === undefined) return false;
  return presence(asked, sentence.terms) < PRESENT && presence(asked, sentence.context) < PRESENT;
}

/**
 * Nouns of the sentence that are the same kind of sum as the thing the question asks for, but another one: asked
 * 수수료, the sentence speaks of 보증료 and not of 수수료 at all. Empty when the sentence names the thing asked, or nothing
 * of its kind.
 */
export function otherSumsOfKind(asked: WeightedConcept, question: string, sentence: { text: string; terms: ReadonlySet<string> }): string[] {
  if (asked.role !== 'asked' || !asked.current || presence(asked, sentence.terms) >= PRESENT) return [];
  const stem = splitWords(question).find((w) => w.text.startsWith(asked.label) || asked.label.startsWith(w.text))?.stem ?? asked.label;
  const head = SUM_HEADS.exec(stem)?.[0];
  if (head === undefined || stem.length < MIN_COMPOUND) return [];
  return splitWords(sentence.text)
    .map((w) => w.stem)
    .filter((other) => other.length >= MIN_COMPOUND && other.endsWith(head) && !other.includes(stem) && !stem.includes(other));
}

/** Question words that ask which one of a kind. */
const WHICH_WORD = /^(?:어떤|어느|무슨|몇|어떠한)$/u;
/** Words before a noun that point at or measure it rather than name a kind of it: "이 기간", "해당 기간", "총 기간". */
const NOT_A_KIND = /^(?:이|그|저|해당|이번|같은|위|총|전체|각|모든|동|본|당해|최대|최소|최고|최저|연간|평균)$/u;

/**
 * The noun the sentence puts before the thing asked, when it names another kind of it than the question does: asked
 * "보증 기간", the sentence says "리스 기간은 …". Undefined when either says the thing bare, or they agree.
 */
export function otherKindOfAsked(
  asked: WeightedConcept,
  concepts: readonly Pick<WeightedConcept, 'label' | 'role' | 'current'>[],
  question: string,
  sentence: { text: string },
): string | undefined {
  if (asked.role !== 'asked' || !asked.current) return undefined;
  const qWords = splitWords(question);
  const at = qWords.findIndex((w) => w.text.startsWith(asked.label) || asked.label.startsWith(w.text));
  const qKind = qWords[at - 1];
  const head = qWords[at]?.stem;
  if (at < 1 || !qKind || !isBareNoun(qKind) || head === undefined || head.length < 2) return undefined;
  // The word before is a content word of the question ("보증 기간"), not its verb ("놓인 다리").
  if (!concepts.some((c) => c.current && c.role === 'content' && c.label === qKind.text)) return undefined;
  // "어느 지역 아리랑", "어떤 기업": the question asks which kind, which the sentence names.
  if (qWords.slice(Math.max(0, at - 2), at).some((w) => WHICH_WORD.test(w.text))) return undefined;
  const sWords = splitWords(sentence.text);
  for (const [i, word] of sWords.entries()) {
    const sKind = sWords[i - 1];
    if (word.stem !== head || !sKind || !isBareNoun(sKind)) continue;
    // Another kind: the question has nothing of the sentence's word, the sentence nothing of the question's.
    if (!question.includes(sKind.stem) && !sentence.text.includes(qKind.stem)) return sKind.stem;
  }
  return undefined;
}

/** A Hangul noun of two syllables or more with no particle: the first part of a compound written apart ("보증 기간"). */
function isBareNoun(word: { kind: string; text: string; stem: string }): boolean {
  return word.kind === 'hangul' && word.text === word.stem && word.stem.length >= 2 && !NOT_A_KIND.test(word.stem);
}
