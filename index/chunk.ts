import { splitSentences, type SentenceSpan } from './analyze/sentences.ts';
import type { Chunk, Document } from './types.ts';

/** How documents are cut into passages. Lengths are in UTF-16 code units, as `String.prototype.length` counts. */
export interface ChunkOptions {
  /** A chunk may end at a paragraph break once it has this many characters. Default 300. */
  minChars?: number;
  /**
   * The longest a chunk may be, whatever the punctuation. A chunk grows by whole sentences until the next one would take
   * it past this; a longer sentence is cut into pieces of at most this length, at the last white space in the second
   * half of each piece, else at the limit itself (never between the two halves of a surrogate pair). Default 600.
   */
  maxChars?: number;
  /** The last sentence of a chunk is repeated at the start of the next when it is at most this long. Default 160. */
  overlapMaxChars?: number;
}

export const defaultChunkOptions: Required<ChunkOptions> = { minChars: 300, maxChars: 600, overlapMaxChars: 160 };

/**
 * Version of the cutting rules, recorded with the options in an index so that chunks cut by older rules (before
 * `maxChars` bounded every chunk) are cut again rather than reused.
 */
export const CHUNKING_VERSION = 3;

/**
 * Cuts a document into sentence-aligned passages of about `minChars`–`maxChars` characters, never longer than
 * `maxChars`. A chunk ends inside a sentence only when that sentence alone is longer than `maxChars`, prefers to end
 * at a paragraph break, and overlaps the next by one short sentence so a fact at a boundary is found with its context.
 * Every chunk satisfies `doc.text.slice(chunk.start, chunk.end) === chunk.text`. Time is linear in the text's length.
 */
export function chunkDocument(doc: Document, options: ChunkOptions = {}): Chunk[] {
  const { minChars, maxChars, overlapMaxChars } = { ...defaultChunkOptions, ...options };
  const sentences = cutLongSentences(doc.text, splitSentences(doc.text), maxChars);
  const chunks: Chunk[] = [];
  const paragraphBreakAfter = (i: number): boolean => {
    const next = sentences[i + 1];
    return next !== undefined && /\n\s*\n/.test(doc.text.slice((sentences[i] as SentenceSpan).end, next.start));
  };
  let first = 0;
  while (first < sentences.length) {
    const start = (sentences[first] as SentenceSpan).start;
    let last = first;
    while (last + 1 < sentences.length) {
      if ((sentences[last + 1] as SentenceSpan).end - start > maxChars) break;
      if (paragraphBreakAfter(last) && (sentences[last] as SentenceSpan).end - start >= minChars) break;
      last += 1;
    }
    const end = (sentences[last] as SentenceSpan).end;
    chunks.push({ chunkId: `${doc.docId}#${chunks.length}`, docId: doc.docId, start, end, text: doc.text.slice(start, end) });
    const tail = sentences[last] as SentenceSpan;
    const next = sentences[last + 1];
    // Overlap only inside a paragraph, and only when the repeated sentence leaves room to move on.
    const overlap =
      next !== undefined &&
      last > first &&
      !paragraphBreakAfter(last) &&
      tail.end - tail.start <= overlapMaxChars &&
      next.end - tail.start <= maxChars;
    first = overlap ? last : last + 1;
  }
  return chunks;
}

/** The sentences, each longer than `maxChars` cut into pieces of at most `maxChars` (see {@link ChunkOptions}). */
function cutLongSentences(text: string, sentences: readonly SentenceSpan[], maxChars: number): SentenceSpan[] {
  const pieces: SentenceSpan[] = [];
  for (const sentence of sentences) {
    let start = sentence.start;
    while (sentence.end - start > maxChars) {
      const cut = cutBefore(text, start, start + maxChars);
      pieces.push({ start, end: cut.end });
      start = cut.next;
    }
    pieces.push({ start, end: sentence.end });
  }
  return pieces;
}

/**
 * Where a piece of a sentence that starts at `start` (not white space) ends when it may not pass `limit`, and where
 * the next piece starts. Each call looks at the characters after the previous piece only, so cutting is linear.
 */
function cutBefore(text: string, start: number, limit: number): { end: number; next: number } {
  // The last white space at or before the limit, when it leaves the piece at least half the limit long.
  const lowest = start + Math.ceil((limit - start) / 2);
  for (let space = limit; space >= lowest; space--) {
    if (!isSpace(text, space)) continue;
    let end = space;
    while (isSpace(text, end - 1)) end -= 1;
    let next = space + 1;
    while (isSpace(text, next)) next += 1;
    return { end, next };
  }
  // None: cut at the limit, moving back one to keep a surrogate pair whole (unless that leaves nothing).
  const splitsPair = isHighSurrogate(text.charCodeAt(limit - 1)) && isLowSurrogate(text.charCodeAt(limit));
  const end = splitsPair ? (limit - 1 > start ? limit - 1 : limit + 1) : limit;
  return { end, next: end };
}

/** Whether the character at `i` is white space as `String.prototype.trim` sees it, so pieces are trimmed like sentences. */
function isSpace(text: string, i: number): boolean {
  return WHITE_SPACE.test(text.charAt(i));
}

const WHITE_SPACE = /\s/;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
