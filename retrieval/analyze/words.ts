import { stemEnglish } from './english.ts';
import { readNumber } from './numbers.ts';
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

const HANGUL = /[\uAC00-\uD7A3]+/y;
const LATIN = /[A-Za-z][A-Za-z0-9]*(?:[&+'.-][A-Za-z0-9]+)*/y;
const HAN = /[\u4E00-\u9FFF]/y;
const DIGIT = /[0-9]/;

/**
 * Splits text into Hangul runs, Latin words, numbers with their units and Han characters; everything else
 * (spaces, punctuation, symbols) separates words. Offsets point into `text`.
 * @example splitWords('AI정책금융 2,000억원').map((w) => w.stem) // ['ai', '정책금융', '2000억']
 */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos] as string;
    if (DIGIT.test(ch)) {
      const n = readNumber(text, pos);
      if (n) {
        words.push({ kind: 'number', text: text.slice(n.start, n.end), stem: n.value + n.unit, start: n.start, end: n.end });
        pos = n.end;
        continue;
      }
    }
    const match = matchAt(HANGUL, text, pos) ?? matchAt(LATIN, text, pos) ?? matchAt(HAN, text, pos);
    if (!match) {
      pos += 1;
      continue;
    }
    const [re, run] = match;
    const kind: WordKind = re === HANGUL ? 'hangul' : re === LATIN ? 'latin' : 'han';
    const stem = kind === 'hangul' ? stemHangul(run) : kind === 'latin' ? stemEnglish(run) : run;
    words.push({ kind, text: run, stem, start: pos, end: pos + run.length });
    pos += run.length;
  }
  return words;
}

function matchAt(re: RegExp, text: string, pos: number): [RegExp, string] | undefined {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? [re, m[0]] : undefined;
}
