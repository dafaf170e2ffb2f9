import { stemmer } from 'stemmer';

/**
 * Reduces an English word to its Porter stem, lower-cased, so "joined" meets "join" and "companies" meets "company".
 * Documents, questions and glossary forms all go through it, so stems only need to agree, not to be words.
 * @example stemEnglish('Companies') // 'compani'
 */
export function stemEnglish(word: string): string {
  return stemmer(word.toLowerCase());
}
