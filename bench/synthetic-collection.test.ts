import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunkDocument } from '../index/chunk.ts';
import { loadDocuments } from '../index/load/index.ts';
import { createRandom } from './random.ts';
import { loadSeedText } from './seed-text.ts';
import { createComposer, generateCollection } from './synthetic-collection.ts';

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'seogi-bench-test-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('generateCollection', () => {
  it('writes one titled, dated .txt file per document', async () => {
    const out = join(scratch, 'docs');
    const result = await generateCollection({ outDir: out, documents: 3, paragraphs: 4 });
    expect(result).toEqual({ dir: out, documents: 3, paragraphs: 12, reused: false });
    expect((await readdir(out)).filter((n) => n.endsWith('.txt'))).toEqual(['doc-000001.txt', 'doc-000002.txt', 'doc-000003.txt']);
    const text = await readFile(join(out, 'doc-000002.txt'), 'utf8');
    expect(text).toMatch(/^---\ntitle: ".+ \(제2호\)"\nsource: https:\/\/example\.com\/seogi-bench\/doc-000002\ndate: \d{4}-\d{2}-\d{2}\n---\n\n/);
  });

  it('is cut by the indexer into exactly one chunk per paragraph, with the title and source read back', async () => {
    const out = join(scratch, 'docs');
    await generateCollection({ outDir: out, documents: 5, paragraphs: 6, seed: 9 });
    const documents = await loadDocuments(out);
    expect(documents.map((d) => d.docId)).toEqual(['doc-000001', 'doc-000002', 'doc-000003', 'doc-000004', 'doc-000005']);
    expect(documents.map((d) => chunkDocument(d).length)).toEqual([6, 6, 6, 6, 6]);
    expect(documents[0]?.title).toMatch(/ \(제1호\)$/);
    expect(documents[0]?.source).toBe('https://example.com/seogi-bench/doc-000001');
  });

  it('writes the same bytes for the same seed and other text for another seed', async () => {
    const read = (dir: string) => readFile(join(dir, 'doc-000001.txt'), 'utf8');
    await generateCollection({ outDir: join(scratch, 'a'), documents: 1, seed: 4 });
    await generateCollection({ outDir: join(scratch, 'b'), documents: 1, seed: 4 });
    await generateCollection({ outDir: join(scratch, 'c'), documents: 1, seed: 5 });
    expect(await read(join(scratch, 'a'))).toBe(await read(join(scratch, 'b')));
    expect(await read(join(scratch, 'a'))).not.toBe(await read(join(scratch, 'c')));
  });

  it('keeps a collection already generated with the same options and replaces one generated with others', async () => {
    const out = join(scratch, 'docs');
    await generateCollection({ outDir: out, documents: 3 });
    expect((await generateCollection({ outDir: out, documents: 3 })).reused).toBe(true);
    const smaller = await generateCollection({ outDir: out, documents: 2 });
    expect(smaller.reused).toBe(false);
    expect((await readdir(out)).filter((n) => n.endsWith('.txt'))).toEqual(['doc-000001.txt', 'doc-000002.txt']);
  });

  it('refuses a folder holding files it did not write', async () => {
    const out = join(scratch, 'mine');
    await mkdir(out);
    await writeFile(join(out, 'notes.md'), '# 메모');
    await expect(generateCollection({ outDir: out, documents: 1 })).rejects.toThrow(/holds other files than a generated collection \(notes\.md\)/);
    expect(await readdir(out)).toEqual(['notes.md']);
  });

  it('refuses a document count that is not a positive whole number', async () => {
    await expect(generateCollection({ outDir: join(scratch, 'x'), documents: 0 })).rejects.toThrow('documents must be a positive whole number, got 0.');
  });
});

describe('createComposer', () => {
  it('builds paragraphs of whole seed sentences, numbers varied, between 340 and 500 characters', async () => {
    const seed = await loadSeedText();
    const composer = createComposer(seed);
    const random = createRandom(11);
    const shape = (text: string) => text.replace(/\d+/g, '#');
    const sentences = seed.sentences.map(shape);
    // Whether the text is seed sentences joined by single spaces, numbers aside.
    const composed = (text: string, from = 0): boolean =>
      from === text.length ||
      sentences.some((s) => text.startsWith(s, from) && (from + s.length === text.length || (text[from + s.length] === ' ' && composed(text, from + s.length + 1))));
    for (let i = 0; i < 50; i++) {
      const paragraph = composer.paragraph(random);
      expect(paragraph.length).toBeGreaterThanOrEqual(340);
      expect(paragraph.length).toBeLessThanOrEqual(500);
      expect(composed(shape(paragraph)), paragraph).toBe(true);
    }
    expect(composed(shape('산업은행이 새 펀드를 만든다.'))).toBe(false);
  });
});
