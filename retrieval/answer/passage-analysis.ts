import type { Chunk } from '../../index/types.ts';
import { splitSentences } from '../../index/analyze/sentences.ts';
import { wordTerms } from '../../index/analyze/terms.ts';
import { splitWords, type Word } from '../../index/analyze/words.ts';
import { LruCache } from './lru-cache.ts';

/** A sentence of a passage with its analysed terms. */
export interface AnalyzedSentence {
  /** Offsets into the document text. */
  start: number;
  end: number;
  text: string;
  terms: ReadonlySet<string>;
}

/** What answering needs to know about a passage, computed once per chunk. */
export interface PassageAnalysis {
  terms: ReadonlySet<string>;
  sentences: readonly AnalyzedSentence[];
  /** Word positions of each word stem, for telling whether question words stand together. */
  positions: ReadonlyMap<string, readonly number[]>;
}

/**
 * Passages whose analysis is kept. Chunks never change once made, and the same popular passages come back for question
 * after question; a bound keeps memory flat on a large collection, where questions keep touching new passages.
 */
export const ANALYSED_PASSAGES_KEPT = 4096;

const cache = new LruCache<Chunk, PassageAnalysis>(ANALYSED_PASSAGES_KEPT);

/** The analysis of a chunk: its term set, its sentences with theirs, and its word positions; kept for reuse. */
export function analyzePassage(chunk: Chunk): PassageAnalysis {
  let analysis = cache.get(chunk);
  if (!analysis) {
    analysis = analyzeNow(chunk);
    cache.set(chunk, analysis);
  }
  return analysis;
}

/**
 * The words are split and turned into terms once for the whole chunk, and each sentence takes the terms of the words
 * that start in it: terms never span words, and sentences end between words.
 */
function analyzeNow(chunk: Chunk): PassageAnalysis {
  const words = splitWords(chunk.text);
  const termsOf = words.map(wordTerms);
  const positions = new Map<string, number[]>();
  words.forEach((w, i) => {
    const list = positions.get(w.stem);
    if (list) list.push(i);
    else positions.set(w.stem, [i]);
  });
  let next = 0;
  const sentences = splitSentences(chunk.text).map(({ start, end }) => {
    const terms = new Set<string>();
    for (; next < words.length && (words[next] as Word).start < end; next++) {
      if ((words[next] as Word).start >= start) for (const term of termsOf[next] as string[]) terms.add(term);
    }
    return { start: chunk.start + start, end: chunk.start + end, text: chunk.text.slice(start, end), terms };
  });
  return { terms: new Set(termsOf.flat()), sentences, positions };
}
