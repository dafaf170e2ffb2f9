import { analyze } from './analyze/terms.ts';
import type { Chunk } from './types.ts';

/**
 * The lexical index over chunks in compressed sparse row form: for every term, the chunks that contain it with their
 * term frequency. Chunks are referred to by their position in the chunk table (`ordinal`). Posting lists hold live
 * chunks only; a removed chunk keeps its ordinal with length -1.
 *
 * @example
 * // Postings of term `t`:
 * for (let i = p.offsets[t]; i < p.offsets[t + 1]; i++) visit(p.ordinals[i], p.tfs[i]);
 */
export interface Postings {
  /** Every term, by term id. */
  terms: readonly string[];
  /** Term `t`'s postings are at positions `offsets[t]` up to `offsets[t + 1]` of `ordinals` and `tfs`; `terms.length + 1` entries. */
  offsets: Uint32Array;
  /** Chunk ordinals of all postings, term after term, ascending within each term. */
  ordinals: Uint32Array;
  /** Term frequency of each posting, at the same position as its ordinal. */
  tfs: Uint16Array;
  /** Number of terms of each chunk, by ordinal; -1 marks a removed chunk. */
  lengths: Int32Array;
}

/** Highest storable term frequency: BM25 saturates long before a chunk repeats a term this often. */
export const MAX_TF = 0xffff;

/** Counts the analysed terms of one text. */
export function termFrequencies(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const term of analyze(text)) tf.set(term, (tf.get(term) ?? 0) + 1);
  return tf;
}

/**
 * Builds postings for chunks, each referred to by its position in `chunks` (a hole is a removed chunk). Terms are numbered in order of first
 * appearance. One pass gathers each chunk's distinct term ids with their counts (one dictionary lookup per term
 * occurrence, no map per chunk) and each term's document frequency; a second pass scatters the pairs into their term's
 * slice, so ordinals come out ascending without sorting.
 */
export function buildPostings(chunks: ReadonlyArray<Chunk | undefined>): Postings {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const lengths = new Int32Array(chunks.length);
  const chunkStarts = new Uint32Array(chunks.length + 1);
  // Pairs of (term id, tf), chunk after chunk.
  let pairTerms = new Uint32Array(1 << 16);
  let pairTfs = new Uint16Array(1 << 16);
  let pairs = 0;
  // By term id: chunks holding it, the last chunk that did (+1, so 0 means none) and where its pair is.
  let df = new Uint32Array(1 << 12);
  let lastChunk = new Uint32Array(1 << 12);
  let pairOf = new Uint32Array(1 << 12);
  for (let ordinal = 0; ordinal < chunks.length; ordinal++) {
    const chunk = chunks[ordinal];
    if (!chunk) {
      lengths[ordinal] = -1;
      chunkStarts[ordinal + 1] = pairs;
      continue;
    }
    const words = analyze(chunk.text);
    if (pairs + words.length > pairTerms.length) {
      pairTerms = grown(pairTerms, pairs + words.length);
      pairTfs = grown(pairTfs, pairs + words.length);
    }
    for (const term of words) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.push(term) - 1;
        termIds.set(term, id);
        if (id === df.length) {
          df = grown(df, id + 1);
          lastChunk = grown(lastChunk, id + 1);
          pairOf = grown(pairOf, id + 1);
        }
      }
      if (lastChunk[id] === ordinal + 1) {
        const at = pairOf[id] as number;
        pairTfs[at] = Math.min((pairTfs[at] as number) + 1, MAX_TF);
      } else {
        lastChunk[id] = ordinal + 1;
        pairOf[id] = pairs;
        df[id] = (df[id] as number) + 1;
        pairTerms[pairs] = id;
        pairTfs[pairs] = 1;
        pairs += 1;
      }
    }
    lengths[ordinal] = words.length;
    chunkStarts[ordinal + 1] = pairs;
  }

  const offsets = new Uint32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = (offsets[t] as number) + (df[t] as number);
  const next = offsets.slice(0, terms.length);
  const ordinals = new Uint32Array(pairs);
  const tfs = new Uint16Array(pairs);
  for (let ordinal = 0; ordinal < chunks.length; ordinal++) {
    for (let j = chunkStarts[ordinal] as number; j < (chunkStarts[ordinal + 1] as number); j++) {
      const id = pairTerms[j] as number;
      const at = next[id] as number;
      next[id] = at + 1;
      ordinals[at] = ordinal;
      tfs[at] = pairTfs[j] as number;
    }
  }
  return { terms, offsets, ordinals, tfs, lengths };
}

/** A copy of `array` with room for at least `needed` entries, doubling so that appends stay amortised O(1). */
function grown<T extends Uint32Array | Uint16Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
