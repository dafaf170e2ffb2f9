/**
 * The WordPiece vocabulary of the static model, learned from the collection and the glossary: Korean stems as
 * word-initial pieces with particles and endings as `##` pieces (기업들에게 → 기업 ##들 ##에게), English words with
 * inflection pieces (companies → compan ##ies), numbers, and a fallback of every Hangul syllable and every character
 * seen, so no Korean word ever becomes `[UNK]`.
 */
import type { GlossaryEntry } from '../../analyze/glossary.ts';
import { KOREAN_STOPWORDS, KOREAN_SUFFIXES, StemFinder } from './korean.ts';
import { CONTINUATION, SPECIAL_TOKENS, isPunctuation, textWords } from './tokenize.ts';

/**
 * What a token is; decides how much weight its vector gets.
 * - `special`: [PAD] [UNK] [CLS] [SEP] [MASK]
 * - `word`: a learned stem, word or number (word-initial, or `##` when seen inside a word)
 * - `suffix`: a Korean particle or ending (`##에게`)
 * - `inflection`: an English inflection (`##s`, `##ing`)
 * - `stopword`: a function word (`the`, `및`)
 * - `syllable`: the Hangul syllable fallback (`기`, `##기`)
 * - `char`: any other single character (letters, digits, symbols)
 */
export type TokenKind = 'special' | 'word' | 'suffix' | 'inflection' | 'stopword' | 'syllable' | 'char';

/** A WordPiece vocabulary: ids are array positions, special tokens first. */
export interface Vocab {
  /** Token strings by id. */
  tokens: string[];
  /** Kind of each token, by id. */
  kinds: TokenKind[];
  /**
   * The form whose vector each token takes, by id: a `##` piece shares the vector of its bare form (`##기업` and
   * `기업`), an English stem the vector of its word (`compan` → `company`).
   */
  keys: string[];
  /** Token string → id. */
  ids: Map<string, number>;
}

/** Options of {@link buildVocab}. */
export interface VocabOptions {
  /**
   * Most learned pieces (stems, words and numbers, word-initial and `##` forms together) to keep, most frequent
   * first; glossary forms are always kept. Default 30,000.
   */
  maxPieces?: number;
  /** Longest digit run kept as a number piece; longer numbers are spelled digit by digit. Default 4. */
  maxNumberDigits?: number;
}

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const SEGMENT = /[\uac00-\ud7a3]+|[a-z]+|[0-9]+|./gsu;
const ENGLISH_INFLECTIONS = ['s', 'es', 'ies', 'ied', 'd', 'ed', 'ing', 'er', 'ers', 'ly'];
const ENGLISH_STOPWORDS = [
  'a', 'about', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'being', 'between', 'but', 'by',
  'can', 'could', 'did', 'do', 'does', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his', 'how', 'i', 'if',
  'in', 'into', 'is', 'it', 'its', 'many', 'may', 'me', 'might', 'more', 'most', 'much', 'must', 'my', 'no', 'not',
  'of', 'on', 'or', 'our', 'out', 'over', 'per', 'please', 'she', 'should', 'so', 'some', 'such', 'tell', 'than',
  'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'to', 'under', 'up', 'very',
  'via', 'was', 'we', 'were', 'what', 'when', 'where', 'which', 'who', 'whom', 'whose', 'why', 'will', 'with',
  'would', 'you', 'your',
];

type SegmentKind = 'hangul' | 'latin' | 'digits' | 'other';

/** Builds the vocabulary of a collection and its glossary. Deterministic: the same input gives the same ids. */
export function buildVocab(
  texts: readonly string[],
  glossary: readonly GlossaryEntry[],
  options: VocabOptions = {},
): Vocab {
  const words = new Map<string, number>();
  for (const text of texts) for (const word of textWords(text)) words.set(word, (words.get(word) ?? 0) + 1);
  const chars = new Set<string>();
  const counted = countPieces(words, chars, options.maxNumberDigits ?? 4);
  const forced = glossaryPieces(glossary, chars);
  const ranked = [...counted.entries()]
    .filter(([token]) => !forced.has(token))
    .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
    .slice(0, Math.max(0, (options.maxPieces ?? 30_000) - forced.size))
    .map(([token]) => token);
  return assemble([...[...forced].sort(compare), ...ranked], chars);
}

/**
 * Occurrences of each piece the collection's words start with or contain: Korean stems, English words, short
 * numbers (`##` forms inside a word). Characters that are none of these are collected into `chars`.
 */
function countPieces(words: ReadonlyMap<string, number>, chars: Set<string>, maxDigits: number): Map<string, number> {
  const runs = new Map<string, number>();
  for (const [word, count] of words) {
    for (const [segment, kind] of segments(word)) {
      if (kind === 'hangul') runs.set(segment, (runs.get(segment) ?? 0) + count);
    }
  }
  const stems = new StemFinder(runs);
  const counts = new Map<string, number>();
  for (const [word, count] of words) {
    if (isPunctuation(word)) {
      chars.add(word);
      continue;
    }
    segments(word).forEach(([segment, kind], position) => {
      let piece: string | undefined;
      if (kind === 'hangul') piece = stems.stem(segment);
      else if (kind === 'latin' || (kind === 'digits' && segment.length <= maxDigits)) piece = segment;
      else if (kind === 'other') chars.add(segment);
      if (piece === undefined) return;
      const token = position === 0 ? piece : CONTINUATION + piece;
      counts.set(token, (counts.get(token) ?? 0) + count);
    });
  }
  return counts;
}

/** The vocabulary: special tokens, then every other token in code-unit order, each with its kind and key. */
function assemble(learned: readonly string[], chars: ReadonlySet<string>): Vocab {
  const entries = new Map<string, { kind: TokenKind; key: string }>();
  // The first kind given to a token wins, so stop words and endings take precedence over learned pieces.
  const add = (token: string, kind: TokenKind, key = bare(token)): void => {
    if (!entries.has(token)) entries.set(token, { kind, key });
  };
  for (const word of [...ENGLISH_STOPWORDS, ...KOREAN_STOPWORDS]) add(word, 'stopword');
  for (const suffix of KOREAN_SUFFIXES) add(CONTINUATION + suffix, 'suffix');
  for (const inflection of ENGLISH_INFLECTIONS) add(CONTINUATION + inflection, 'inflection');
  for (const token of learned) add(token, 'word');
  for (const token of learned) {
    for (const stem of englishStems(token)) add(stem, 'word', token);
  }
  for (let cp = HANGUL_FIRST; cp <= HANGUL_LAST; cp++) {
    const syllable = String.fromCharCode(cp);
    add(syllable, 'syllable');
    add(CONTINUATION + syllable, 'syllable');
  }
  const singles = new Set([...'abcdefghijklmnopqrstuvwxyz0123456789', ...chars]);
  for (const char of [...singles].sort(compare)) {
    add(char, 'char');
    if (!isPunctuation(char)) add(CONTINUATION + char, 'char');
  }

  const tokens: string[] = [...SPECIAL_TOKENS];
  const kinds: TokenKind[] = SPECIAL_TOKENS.map(() => 'special');
  const keys: string[] = [...SPECIAL_TOKENS];
  for (const token of [...entries.keys()].sort(compare)) {
    const entry = entries.get(token) as { kind: TokenKind; key: string };
    tokens.push(token);
    kinds.push(entry.kind);
    keys.push(entry.key);
  }
  return { tokens, kinds, keys, ids: new Map(tokens.map((t, i) => [t, i])) };
}

/** A token without its `##` continuation prefix. */
function bare(token: string): string {
  return token.startsWith(CONTINUATION) ? token.slice(CONTINUATION.length) : token;
}

/** Pieces that keep every glossary form whole: each Hangul, Latin or digit run of its words. */
function glossaryPieces(glossary: readonly GlossaryEntry[], chars: Set<string>): Set<string> {
  const pieces = new Set<string>();
  for (const entry of glossary) {
    for (const form of [...entry.ko, ...entry.en]) {
      for (const word of textWords(form)) {
        if (isPunctuation(word)) {
          chars.add(word);
          continue;
        }
        segments(word).forEach(([segment, kind], position) => {
          if (kind === 'other') chars.add(segment);
          else pieces.add(position === 0 ? segment : CONTINUATION + segment);
        });
      }
    }
  }
  return pieces;
}

/** Stems an English word loses its last letter to before an inflection: company → compan (+ ##ies). */
function englishStems(token: string): string[] {
  if (!/^[a-z]{4,}$/.test(token)) return [];
  if (/[^aeiou]y$/.test(token) || token.endsWith('e')) return [token.slice(0, -1)];
  return [];
}

function segments(word: string): [string, SegmentKind][] {
  return (word.match(SEGMENT) ?? []).map((segment) => [segment, segmentKind(segment)]);
}

function segmentKind(segment: string): SegmentKind {
  const cp = segment.charCodeAt(0);
  if (cp >= HANGUL_FIRST && cp <= HANGUL_LAST) return 'hangul';
  if (cp >= 0x61 && cp <= 0x7a) return 'latin';
  if (cp >= 0x30 && cp <= 0x39) return 'digits';
  return 'other';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
