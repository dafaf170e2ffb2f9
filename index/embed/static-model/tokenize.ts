/**
 * The tokenizer pipeline that the static model's `tokenizer.json` describes (NFC, BertNormalizer without accent
 * stripping, BertPreTokenizer, WordPiece), re-implemented so the model builder can count tokens exactly as
 * transformers.js will emit them at embedding time. Each step mirrors the transformers.js 2.17 class named in its
 * comment; `build.test.ts` checks that the two agree on the seed collection.
 */

/** Special tokens, in id order: they take ids 0–4 in every static vocabulary. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** Prefix that marks a piece continuing a word (WordPiece `continuing_subword_prefix`). */
export const CONTINUATION = '##';

/** Words longer than this (in code points) become `[UNK]` (WordPiece `max_input_chars_per_word`). */
export const MAX_WORD_CHARS = 100;

// transformers.js PUNCTUATION_REGEX: Unicode punctuation plus the ASCII symbols.
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PRE_TOKEN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const PUNCTUATION_ONLY = new RegExp(`^[${PUNCTUATION}]$`, 'u');
// BertNormalizer's clean_text, per code point: drop U+FFFD and control (NUL included), format, private-use and
// surrogate characters, but not tab, newline and carriage return; then turn whitespace into spaces.
const DROPPED = /\ufffd|[^\P{Cc}\t\n\r]|\p{Cf}|\p{Co}|\p{Cs}/gu;
const WHITESPACE = /\s/gu;
// BertNormalizer's handle_chinese_chars walks UTF-16 code units, so only the BMP ideograph blocks are padded.
const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const SPECIAL_SPLIT = new RegExp(SPECIAL_TOKENS.map((t) => `(${t.replace(/[[\]]/g, '\\$&')})`).join('|'));

/** NFC followed by BertNormalizer `{clean_text, handle_chinese_chars, lowercase, strip_accents: false}`. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(DROPPED, '')
    .replace(WHITESPACE, ' ')
    .replace(IDEOGRAPH, ' $& ')
    .toLowerCase();
}

/** BertPreTokenizer: whitespace-separated runs, with every punctuation character a word of its own. */
export function preTokenize(normalized: string): string[] {
  return normalized.trim().match(PRE_TOKEN) ?? [];
}

/** Whether a pre-token is a single punctuation character. */
export function isPunctuation(word: string): boolean {
  return PUNCTUATION_ONLY.test(word);
}

/** Normalized words of a text, split the way the tokenizer splits them (special-token literals excluded). */
export function textWords(text: string): string[] {
  return splitSpecials(text).flatMap((section) =>
    isSpecial(section) ? [] : preTokenize(normalizeText(section)),
  );
}

/**
 * WordPiece greedy longest-match-first over one word, appending ids to `out`; a word with no full cover becomes a
 * single `[UNK]`. `maxPieceLength` (in code points) only skips candidates that cannot be in the vocabulary.
 */
export function wordPiece(
  word: string,
  vocab: ReadonlyMap<string, number>,
  unkId: number,
  out: number[],
  maxPieceLength = MAX_WORD_CHARS,
): void {
  const chars = [...word];
  if (chars.length > MAX_WORD_CHARS) {
    out.push(unkId);
    return;
  }
  const start = out.length;
  let begin = 0;
  while (begin < chars.length) {
    let end = Math.min(chars.length, begin + maxPieceLength);
    let found: number | undefined;
    while (begin < end) {
      const piece = (begin > 0 ? CONTINUATION : '') + chars.slice(begin, end).join('');
      found = vocab.get(piece);
      if (found !== undefined) break;
      end--;
    }
    if (found === undefined) {
      out.length = start;
      out.push(unkId);
      return;
    }
    out.push(found);
    begin = end;
  }
}

/** Words remembered by an encoder before its cache starts over (bounds memory on huge collections). */
const WORD_CACHE_LIMIT = 200_000;

/**
 * Encodes texts to token ids without `[CLS]`/`[SEP]`, exactly as the transformers.js tokenizer built from the same
 * vocabulary does (special-token literals in a text map to their ids, as added tokens do there). Words repeat, so
 * their pieces are cached.
 */
export class WordPieceEncoder {
  readonly #vocab: ReadonlyMap<string, number>;
  readonly #unkId: number;
  readonly #maxPieceLength: number;
  readonly #cache = new Map<string, readonly number[]>();

  constructor(vocab: ReadonlyMap<string, number>) {
    const unkId = vocab.get('[UNK]');
    if (unkId === undefined) throw new Error('The vocabulary has no [UNK] token.');
    this.#vocab = vocab;
    this.#unkId = unkId;
    // In characters (code points), counted only for a token long enough in UTF-16 units to be the longest so far.
    let longest = 1;
    for (const token of vocab.keys()) if (token.length > longest) longest = Math.max(longest, [...token].length);
    this.#maxPieceLength = longest;
  }

  /** Token ids of `text`. */
  encode(text: string): number[] {
    const ids: number[] = [];
    for (const section of splitSpecials(text)) {
      const special = isSpecial(section) ? this.#vocab.get(section) : undefined;
      if (special !== undefined) {
        ids.push(special);
        continue;
      }
      for (const word of preTokenize(normalizeText(section))) ids.push(...this.#word(word));
    }
    return ids;
  }

  #word(word: string): readonly number[] {
    let pieces = this.#cache.get(word);
    if (pieces === undefined) {
      const out: number[] = [];
      wordPiece(word, this.#vocab, this.#unkId, out, this.#maxPieceLength);
      pieces = out;
      if (this.#cache.size >= WORD_CACHE_LIMIT) this.#cache.clear();
      this.#cache.set(word, pieces);
    }
    return pieces;
  }
}

function splitSpecials(text: string): string[] {
  if (!text.includes('[')) return [text];
  return text.split(SPECIAL_SPLIT).filter((s): s is string => Boolean(s));
}

function isSpecial(section: string): boolean {
  return (SPECIAL_TOKENS as readonly string[]).includes(section);
}
