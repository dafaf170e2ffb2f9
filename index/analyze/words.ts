import { englishNumber, stemEnglish } from './english.ts';
import { readNumber, type NumberToken } from './numbers.ts';
import { stemHangul } from './particles.ts';

/** What kind of run of characters a word is. */
export type WordKind = 'hangul' | 'latin' | 'number' | 'han';

/** A word of the text with its position and its normalised stem. */
export interface Word {
  kind: WordKind;
  /** The word as written (a Hangul run includes its particles). */
  text: string;
  /** Particle-stripped Hangul, light-stemmed lower-case Latin, `value+unit` for numbers, the character for Han. */
  stem: string;
  start: number;
  end: number;
}

const isHangul = (c: number) => c >= 0xac00 && c <= 0xd7a3;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** `&`, `+`, `'`, `.`, `-` join Latin words when a letter or digit follows: "R&D", "K-SURE", "U.S". */
const isLatinJoiner = (c: number) => c === 0x26 || c === 0x2b || c === 0x27 || c === 0x2e || c === 0x2d;

/**
 * Splits text into Hangul runs, Latin words, numbers with their units and Han characters; everything else
 * (spaces, punctuation, symbols) separates words. Offsets point into `text`. This runs over every chunk at index
 * time, so it scans character codes rather than trying regular expressions at each position.
 * @example splitWords('AI정책금융 2,000억원').map((w) => w.stem) // ['ai', '정책금융', '2000억']
 */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (isDigit(c)) {
      const num = readNumber(text, pos) as NumberToken;
      words.push({ kind: 'number', text: text.slice(num.start, num.end), stem: num.value + num.unit, start: num.start, end: num.end });
      pos = num.end;
    } else if (isHangul(c)) {
      let end = pos + 1;
      while (end < n && isHangul(text.charCodeAt(end))) end++;
      const run = text.slice(pos, end);
      words.push({ kind: 'hangul', text: run, stem: stemHangul(run), start: pos, end });
      pos = end;
    } else if (isLetter(c)) {
      let end = pos + 1;
      for (;;) {
        const d = text.charCodeAt(end);
        if (isLetter(d) || isDigit(d)) end++;
        else if (isLatinJoiner(d) && end + 1 < n && (isLetter(text.charCodeAt(end + 1)) || isDigit(text.charCodeAt(end + 1)))) end += 2;
        else break;
      }
      // A possessive belongs to its word: "K-SURE's product" is about K-SURE.
      const possessive = end - pos > 2 && /^'s$/i.test(text.slice(end - 2, end));
      const run = text.slice(pos, possessive ? end - 2 : end);
      const value = englishNumber(run);
      const stem = value === undefined ? stemEnglish(run) : String(value);
      words.push({ kind: value === undefined ? 'latin' : 'number', text: run, stem, start: pos, end: pos + run.length });
      pos = end;
    } else if (isHan(c)) {
      const ch = text[pos] as string;
      words.push({ kind: 'han', text: ch, stem: ch, start: pos, end: pos + 1 });
      pos += 1;
    } else {
      pos += 1;
    }
  }
  return words;
}
