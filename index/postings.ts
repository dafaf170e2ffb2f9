import { analyze } from '../retrieval/analyze/terms.ts';
import type { Chunk } from './types.ts';

/**
 * The lexical index over chunks: for every term, the chunks that contain it with their term frequency.
 * Chunks are referred to by their position in the chunk table (`ordinal`).
 */
export interface Postings {
  /** term → flat list of `[ordinal, tf, ordinal, tf, …]`, ordinals ascending. */
  terms: Record<string, number[]>;
  /** Number of terms of each chunk, by ordinal; -1 marks a removed chunk. */
  lengths: number[];
}

/** Counts the analysed terms of one text. */
export function termFrequencies(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const term of analyze(text)) tf.set(term, (tf.get(term) ?? 0) + 1);
  return tf;
}

/** Builds postings for chunks, each referred to by its position in `chunks`. */
export function buildPostings(chunks: readonly Chunk[]): Postings {
  const terms: Record<string, number[]> = Object.create(null);
  const lengths: number[] = [];
  chunks.forEach((chunk, ordinal) => {
    const tf = termFrequencies(chunk.text);
    let length = 0;
    for (const [term, count] of tf) {
      (terms[term] ??= []).push(ordinal, count);
      length += count;
    }
    lengths.push(length);
  });
  return { terms, lengths };
}
