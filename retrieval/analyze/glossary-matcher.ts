import type { GlossaryEntry } from '../../index/analyze/glossary.ts';
import { shortNoun } from '../../index/analyze/particles.ts';
import { splitWords, type Word } from '../../index/analyze/words.ts';

/** A glossary concept found in a text, covering `words[first…last]`. */
export interface GlossaryMatch {
  entry: GlossaryEntry;
  first: number;
  last: number;
  /** For a form found inside a longer compound ("펀드" in "AI혁신펀드"): the form, which stands for only part of the word. */
  infix?: string;
}

/** Longest glossary form, in words, that is looked for. */
const MAX_PHRASE_WORDS = 6;
/** Korean forms this long or longer are also found inside compounds ("AI혁신펀드" holds "펀드"). */
const MIN_INFIX_CHARS = 2;
/**
 * Longest Hangul word, in syllables, that is looked into for glossary forms: 24, two of the longest forms glued
 * together. Each form found inside a word stands for the whole word written another way, so its cost grows with the
 * length of the word times the forms found in it; a run of hundreds of syllables without a space is not a compound of
 * the glossary's terms but text pasted without spaces. Compounds of the question sets have up to 8 syllables.
 */
export const MAX_COMPOUND_CHARS = 24;
/**
 * Most glossary forms found inside one word, longest first: 4. "AI자율제조보험할인" holds three; more parts than that
 * leave little of the word to be said another way, while each part's forms multiply the ways of saying it.
 */
export const MAX_COMPOUND_PARTS = 4;

/**
 * Finds glossary concepts in analysed words. Forms are compared by their word stems, so "robots" finds "robot" and
 * "우대금리는" finds "우대금리"; a Korean form is also found inside a longer compound.
 *
 * @example
 * const matcher = new GlossaryMatcher(parseGlossary('로봇\trobot\tindustry'));
 * matcher.match(splitWords('robot firms')); // [{ entry: {ko: ['로봇'], …}, first: 0, last: 0 }]
 */
export class GlossaryMatcher {
  private readonly phrases = new Map<string, GlossaryEntry[]>();
  private readonly infixes = new Map<string, GlossaryEntry[]>();
  /** Length of the longest Korean form: no longer part of a word can be one. */
  private longestInfix = 0;

  constructor(entries: readonly GlossaryEntry[]) {
    for (const entry of entries) {
      for (const form of [...entry.ko, ...entry.en]) {
        const words = splitWords(form);
        if (words.length === 0 || words.length > MAX_PHRASE_WORDS) continue;
        addTo(this.phrases, phraseKey(words), entry);
        const compact = words.map((w) => w.stem).join('');
        if (words.every((w) => w.kind === 'hangul') && compact.length >= MIN_INFIX_CHARS) {
          addTo(this.infixes, compact, entry);
          this.longestInfix = Math.max(this.longestInfix, compact.length);
        }
      }
    }
  }

  /** Concepts found in `words`, longest phrase first at each position; each word belongs to at most one phrase. */
  match(words: readonly Word[]): GlossaryMatch[] {
    const found: GlossaryMatch[] = [];
    for (let first = 0; first < words.length; ) {
      const phrase = this.longestPhraseAt(words, first);
      if (phrase) {
        for (const entry of phrase.entries) found.push({ entry, first, last: phrase.last });
        first = phrase.last + 1;
        continue;
      }
      const word = words[first] as Word;
      if (word.kind === 'hangul' && word.stem.length <= MAX_COMPOUND_CHARS) {
        for (const { entry, infix } of this.infixEntries(word.stem)) {
          found.push(infix === word.stem ? { entry, first, last: first } : { entry, first, last: first, infix });
        }
      }
      first += 1;
    }
    return found;
  }

  private longestPhraseAt(words: readonly Word[], first: number): { last: number; entries: GlossaryEntry[] } | undefined {
    for (let last = Math.min(words.length, first + MAX_PHRASE_WORDS) - 1; last >= first; last--) {
      const span = words.slice(first, last + 1);
      const entries = this.phrases.get(phraseKey(span)) ?? this.phrases.get(phraseKey(span, true));
      if (entries) return { last, entries };
    }
    return undefined;
  }

  /**
   * Entries whose Korean form occurs inside `stem`, with that form; longest forms first, none overlapping another, from
   * at most {@link MAX_COMPOUND_PARTS} forms.
   */
  private infixEntries(stem: string): Array<{ entry: GlossaryEntry; infix: string }> {
    const result: Array<{ entry: GlossaryEntry; infix: string }> = [];
    const taken = new Array<boolean>(stem.length).fill(false);
    let parts = 0;
    for (let len = Math.min(stem.length, this.longestInfix); len >= MIN_INFIX_CHARS; len--) {
      for (let i = 0; i + len <= stem.length; i++) {
        const infix = stem.slice(i, i + len);
        const entries = this.infixes.get(infix);
        if (!entries || taken.slice(i, i + len).some(Boolean)) continue;
        if (parts === MAX_COMPOUND_PARTS) return result;
        parts += 1;
        for (const entry of entries) if (!result.some((r) => r.entry === entry)) result.push({ entry, infix });
        taken.fill(true, i, i + len);
      }
    }
    return result;
  }
}

/**
 * The key of a phrase: its words' stems. With `shortLast`, a last word such as "말의" counts as its one-syllable noun,
 * so that "무슨 말의" finds "무슨 말".
 */
function phraseKey(words: readonly Word[], shortLast = false): string {
  return words.map((w, i) => (shortLast && i === words.length - 1 ? (shortNoun(w.text) ?? w.stem) : w.stem)).join(' ');
}

function addTo(map: Map<string, GlossaryEntry[]>, key: string, entry: GlossaryEntry): void {
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}
