import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultChunkOptions } from '../index/chunk.ts';
import { createRandom, type Random } from './random.ts';
import { loadSeedText, varyNumbers, type SeedText } from './seed-text.ts';

/** Options of {@link generateCollection}. */
export interface SyntheticCollectionOptions {
  /** Folder the `.txt` files are written to; created when missing. Required. */
  outDir: string;
  /** How many documents. Default 2,000 (about 16,000 chunks). */
  documents?: number;
  /** Paragraphs per document; each becomes one chunk when indexed with the default chunking. Default 8. */
  paragraphs?: number;
  /** Seed of the recombination: the same seed and counts give byte-identical files. Default 1. */
  seed?: number;
  /** Collection whose sentences are recombined. Default `seeds/`. */
  sourceDir?: string;
}

/** What {@link generateCollection} produced. */
export interface SyntheticCollection {
  dir: string;
  documents: number;
  /** Paragraphs written: the number of chunks the default chunking cuts the collection into. */
  paragraphs: number;
  /** Whether an identical collection was already there and was kept as it was. */
  reused: boolean;
}

/** Paragraphs per document by default: 2,000 documents give about 16,000 chunks. */
export const DEFAULT_PARAGRAPHS = 8;

// A paragraph longer than the chunker's minimum ends a chunk at its blank line, and one that leaves room for the
// headline (which opens the first chunk) under its maximum is never cut: so one paragraph is exactly one chunk.
const PARAGRAPH_MIN_CHARS = defaultChunkOptions.minChars + 40;
const PARAGRAPH_MAX_CHARS = defaultChunkOptions.maxChars - 100;
const MARKER = '.collection.json';
const FILE_PATTERN = /^doc-\d+\.txt$/;
const WRITE_CONCURRENCY = 64;

/**
 * Writes a synthetic collection: documents of seed sentences recombined at random, with every number varied, a title,
 * a source link and a date in front matter, one `doc-NNNNNN.txt` file each. The same options always give the same
 * files; when the folder already holds the collection these options describe, it is kept as it is.
 * @throws Error when `outDir` holds other files than a collection written by this generator.
 */
export async function generateCollection(options: SyntheticCollectionOptions): Promise<SyntheticCollection> {
  const documents = positiveInteger(options.documents ?? 2000, 'documents');
  const paragraphs = positiveInteger(options.paragraphs ?? DEFAULT_PARAGRAPHS, 'paragraphs');
  const seed = options.seed ?? 1;
  const marker = JSON.stringify({ format: 1, documents, paragraphs, seed, sourceDir: options.sourceDir ?? 'seeds' });
  const dir = options.outDir;
  const result = { dir, documents, paragraphs: documents * paragraphs };
  if ((await readMarker(dir)) === marker) return { ...result, reused: true };
  await clearCollection(dir);

  const seedText = await loadSeedText(options.sourceDir ? { dir: options.sourceDir } : {});
  const random = createRandom(seed);
  const composer = createComposer(seedText);
  const width = Math.max(6, String(documents).length);
  for (let start = 0; start < documents; start += WRITE_CONCURRENCY) {
    const batch: Promise<void>[] = [];
    for (let i = start; i < Math.min(documents, start + WRITE_CONCURRENCY); i++) {
      const name = `doc-${String(i + 1).padStart(width, '0')}`;
      batch.push(writeFile(join(dir, `${name}.txt`), composer.document(random, i + 1, name, paragraphs)));
    }
    await Promise.all(batch);
  }
  // Written last, so an interrupted run is not mistaken for a complete collection.
  await writeFile(join(dir, MARKER), marker);
  return { ...result, reused: false };
}

/** Composes documents from seed text. */
export interface Composer {
  /** One paragraph of recombined sentences, between the chunker's minimum and maximum length. */
  paragraph(random: Random): string;
  /** A whole `.txt` file: front matter (title, source, date), then `paragraphs` paragraphs separated by blank lines. */
  document(random: Random, ordinal: number, name: string, paragraphs: number): string;
}

/** A composer drawing on `seed`'s sentences and titles. */
export function createComposer(seed: SeedText): Composer {
  // Sorted by length, so the sentences that still fit a paragraph are a prefix.
  const sentences = seed.sentences
    .filter((s) => s.length < PARAGRAPH_MAX_CHARS - PARAGRAPH_MIN_CHARS)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  if (sentences.length === 0) throw new Error('The seed text has no sentence short enough to build paragraphs from.');
  const fitting = (room: number): number => {
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sentences[mid] as string).length <= room) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const paragraph = (random: Random): string => {
    let text = '';
    while (text.length < PARAGRAPH_MIN_CHARS) {
      const room = PARAGRAPH_MAX_CHARS - text.length - (text ? 1 : 0);
      const sentence = varyNumbers(sentences[random.int(fitting(room))] as string, random);
      text = text ? `${text} ${sentence}` : sentence;
    }
    return text;
  };
  return {
    paragraph,
    document(random, ordinal, name, paragraphs) {
      const title = `${varyNumbers(random.pick(seed.titles), random)} (제${ordinal}호)`;
      const date = `${random.between(2019, 2025)}-${pad(random.between(1, 12))}-${pad(random.between(1, 28))}`;
      const body = Array.from({ length: paragraphs }, () => paragraph(random)).join('\n\n');
      const frontMatter = [`title: ${JSON.stringify(title)}`, `source: https://example.com/seogi-bench/${name}`, `date: ${date}`];
      return `---\n${frontMatter.join('\n')}\n---\n\n${body}\n`;
    },
  };
}

async function readMarker(dir: string): Promise<string | undefined> {
  return readFile(join(dir, MARKER), 'utf8').catch(() => undefined);
}

/** Empties a folder of a previous generated collection, or creates it; refuses to touch anything else. */
async function clearCollection(dir: string): Promise<void> {
  if (!existsSync(dir)) {
    await mkdir(dir, { recursive: true });
    return;
  }
  const names = await readdir(dir);
  const foreign = names.filter((name) => name !== MARKER && !FILE_PATTERN.test(name));
  if (foreign.length > 0) {
    throw new Error(`${dir} holds other files than a generated collection (${foreign.slice(0, 3).join(', ')}); choose an empty or new folder.`);
  }
  await rm(join(dir, MARKER), { force: true });
  await Promise.all(names.filter((name) => FILE_PATTERN.test(name)).map((name) => rm(join(dir, name))));
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got ${value}.`);
  return value;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
