import { stemmer } from 'stemmer';

/**
 * Reduces an English word to its Porter stem, lower-cased, so "joined" meets "join" and "companies" meets "company".
 * Documents, questions and glossary forms all go through it, so stems only need to agree, not to be words.
 * @example stemEnglish('Companies') // 'compani'
 */
export function stemEnglish(word: string): string {
  return stemmer(word.toLowerCase());
}

const CARDINALS: ReadonlyMap<string, number> = new Map(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']
    .map((word, value) => [word, value] as const)
    .concat([['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100], ['thousand', 1000]]),
);

/**
 * The value of an English cardinal number word, so that "five sectors" meets "5대 분야" and "5 sectors".
 * @example englishNumber('Five') // 5
 */
export function englishNumber(word: string): number | undefined {
  return CARDINALS.get(word.toLowerCase());
}
