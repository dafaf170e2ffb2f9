import { join } from 'node:path';
import { PROJECT_ROOT } from '../index/config.ts';
import { loadDocuments } from '../index/load/index.ts';
import { splitSentences } from '../index/analyze/sentences.ts';
import type { Random } from './random.ts';

/** The raw material of synthetic text: cleaned sentences and titles of a real collection. */
export interface SeedText {
  /** Distinct body sentences, in document order; headlines and fragments are left out. */
  sentences: string[];
  /** Document titles, in document order. */
  titles: string[];
}

/** Options of {@link loadSeedText}. */
export interface SeedTextOptions {
  /** Collection to take the text from. Default `seeds/`. */
  dir?: string;
  /** Shorter sentences (captions, bylines, list stubs) are left out. Default 20 characters. */
  minSentenceChars?: number;
}

/** The seed collection's folder. */
export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds');

/**
 * Reads a collection through the same loader as the indexer, so the sentences are the cleaned text the index sees
 * (no front matter, markup or boilerplate), and splits it into sentences.
 * @throws Error when the folder holds no sentence long enough to use.
 */
export async function loadSeedText(options: SeedTextOptions = {}): Promise<SeedText> {
  const dir = options.dir ?? SEEDS_DIR;
  const minChars = options.minSentenceChars ?? 20;
  const documents = await loadDocuments(dir);
  const titles = documents.map((doc) => doc.title);
  const headlines = new Set(titles);
  const sentences = new Set<string>();
  for (const doc of documents) {
    for (const span of splitSentences(doc.text)) {
      const sentence = doc.text.slice(span.start, span.end);
      if (sentence.length >= minChars && !headlines.has(sentence) && !sentence.includes('\n')) sentences.add(sentence);
    }
  }
  if (sentences.size === 0) throw new Error(`No sentence of at least ${minChars} characters in ${dir}: choose a folder of prose documents.`);
  return { sentences: [...sentences], titles };
}

/**
 * Replaces every run of digits with another number of as many digits (no leading zero unless the run is a single
 * digit), so recombined text reads like new facts while keeping its length and shape ("3조 5000억" → "7조 2816억").
 */
export function varyNumbers(text: string, random: Random): string {
  return text.replace(/\d+/g, (digits) => {
    let out = digits.length > 1 ? String(random.between(1, 9)) : '';
    while (out.length < digits.length) out += String(random.int(10));
    return out;
  });
}
