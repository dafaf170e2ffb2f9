import { splitWords } from '../../index/analyze/words.ts';
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

/** Whether a text says a word: as a whole English word, or as the start of a Korean one ("최대한도", "최소금액은"). */
function says(text: string, word: string): boolean {
  if (/^[a-z]+$/.test(word)) return new RegExp(String.raw`\b${word}\b`, 'i').test(text);
  return splitWords(text).some((w) => w.text.startsWith(word));
}

/** The question's end-of-measure words ("최소", "minimum") whose opposite the sentence says instead. */
export function contraryEnds(question: string, sentence: string): string[] {
  return [...OPPOSITE].filter(([word, opposite]) => says(question, word) && !says(sentence, word) && says(sentence, opposite)).map(([word]) => word);
}

/** Words that ask for the lower end of a measure, and the words a sentence gives one with. */
const LOWER_END_ASKED = /^(?:최소|최저|하한)|^(?:minimum|lowest)$/iu;
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
