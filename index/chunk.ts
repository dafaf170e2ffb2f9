import { splitSentences, type SentenceSpan } from './analyze/sentences.ts';
import type { Chunk, Document } from './types.ts';

/** How documents are cut into passages. */
export interface ChunkOptions {
  /** A chunk may end at a paragraph break once it has this many characters. Default 300. */
  minChars?: number;
  /** A chunk grows by whole sentences until the next one would take it past this. Default 600. */
  maxChars?: number;
  /** The last sentence of a chunk is repeated at the start of the next when it is at most this long. Default 160. */
  overlapMaxChars?: number;
}

export const defaultChunkOptions: Required<ChunkOptions> = { minChars: 300, maxChars: 600, overlapMaxChars: 160 };

/**
 * Cuts a document into sentence-aligned passages of about `minChars`–`maxChars` characters. A chunk never ends
 * inside a sentence (a single longer sentence becomes a chunk of its own), prefers to end at a paragraph break, and
 * overlaps the next by one short sentence so a fact at a boundary is found with its context.
 * Every chunk satisfies `doc.text.slice(chunk.start, chunk.end) === chunk.text`.
 */
export function chunkDocument(doc: Document, options: ChunkOptions = {}): Chunk[] {
  const { minChars, maxChars, overlapMaxChars } = { ...defaultChunkOptions, ...options };
  const sentences = splitSentences(doc.text);
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
