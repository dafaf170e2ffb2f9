import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadGlossary } from '../index/analyze/glossary.ts';
import { indexEmbedder } from '../index/embed/index-embedder.ts';
import { VectorIndex } from '../index/embed/vector-index.ts';
import { FORMAT_3_GRAPH_FILE, readGraph } from '../index/graph-files.ts';
import { FORMAT_4_DOCUMENTS_FILE, INDEX_FILES, indexMetaSchema, readDocuments, settingsOf, type IndexMeta } from '../index/layout.ts';
import { buildPostings, type Postings } from '../index/postings.ts';
import { decodePostings } from '../index/postings-codec.ts';
import { GENERATIONS_DIR } from '../index/store/generations.ts';
import { INDEX_FORMAT_VERSION, IndexStore, IndexStoreError } from '../index/store/index-store.ts';
import { rewriteAsFormat3 } from '../tests/support/format-3-index.ts';
import { seedIndex, type SeedWorkspace } from '../tests/support/seed-index.ts';
import { AnswerEngine } from './answer-engine.ts';
import { LexicalIndex } from './lexical/lexical-index.ts';
import { LiveIndex, type EmbeddedDocument } from './live-index.ts';

const ROBOT_QUESTION = '로봇 기업 우대금리는?';
const ROBOT_DOC = '000_b1883f170ede4282';
const LEASE = { relPath: 'robot-lease.md', content: '# 로봇 리스 보증\n\n로봇 리스 보증의 보증료는 연 0.5%입니다. 보증 한도는 최대 5억 원입니다.\n' };

let workspace: SeedWorkspace;
let onDisk: LiveIndex;
let shared: LiveIndex;
/** The seed documents as a shared store would give them back: with their chunks and vectors. */
let stored: EmbeddedDocument[];

beforeAll(async () => {
  workspace = await seedIndex();
  onDisk = await LiveIndex.open(workspace.config);
  const view = onDisk.view;
  stored = await Promise.all(
    [...view.documents.values()].map(async (document) => {
      const chunks = (view.chunksOf.get(document.docId) ?? []).map((o) => view.chunks[o]!);
      return { document, chunks, vectors: await onDisk.embed(chunks) };
    }),
  );
  const embedder = await indexEmbedder(new IndexStore({ dir: workspace.config.indexDir, metaSchema: indexMetaSchema }).load(), workspace.config);
  shared = LiveIndex.fromDocuments(stored, settingsOf(view.meta), embedder, '7');
}, 60_000);
afterAll(async () => {
  await onDisk?.close();
  await shared?.close();
  workspace?.dispose();
});

const engineOf = (index: LiveIndex) => new AnswerEngine(() => index.view, loadGlossary(workspace.config.glossaryPaths));

describe('LiveIndex of a shared store', () => {
  it('answers from documents given with their vectors as the index on disk answers', async () => {
    expect(shared.view.generation).toBe('7');
    expect(shared.view.meta.documents).toBe(onDisk.view.meta.documents);
    expect(shared.view.meta.chunks).toBe(onDisk.view.meta.chunks);
    const fromShared = await engineOf(shared).ask({ question: ROBOT_QUESTION });
    const fromDisk = await engineOf(onDisk).ask({ question: ROBOT_QUESTION });
    expect(fromShared.short?.text).toBe('최대 -1.2%p');
    expect(fromShared.citations[0]?.docId).toBe(ROBOT_DOC);
    expect(fromShared.answer).toBe(fromDisk.answer);
  });

  it('shows a document the store committed, and then its removal, each in a new view', async () => {
    const { document, chunks } = await shared.prepare(LEASE);
    const before = shared.view;
    await shared.applyAdded({ document, chunks, vectors: await shared.embed(chunks) }, '8');
    expect(shared.view.generation).toBe('8');
    const answer = await engineOf(shared).ask({ question: '로봇 리스 보증료는?' });
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.docId).toBe('robot-lease');
    expect(answer.answer).toContain('로봇 리스 보증의 보증료는 연 0.5%입니다.');
    // A question that took the view before the change is answered without it.
    expect(before.documents.has('robot-lease')).toBe(false);

    expect(shared.applyRemoved('robot-lease', '9')).toBe(true);
    expect(shared.applyRemoved('robot-lease', '10')).toBe(false);
    expect(shared.view.generation).toBe('9');
    expect(shared.view.documents.has('robot-lease')).toBe(false);
    const after = await engineOf(shared).ask({ question: '로봇 리스 보증료는?' });
    expect(after.citations.map((c) => c.docId)).not.toContain('robot-lease');
  });

  it('replaces a document the store committed again in one view, so no question sees neither version', async () => {
    const first = await shared.prepare(LEASE);
    await shared.applyAdded({ ...first, vectors: await shared.embed(first.chunks) }, '11');
    const before = shared.view;
    const second = await shared.prepare({ ...LEASE, content: LEASE.content.replace('연 0.5%', '연 0.4%') });
    await shared.applyAdded({ ...second, vectors: await shared.embed(second.chunks) }, '13');
    expect(before.documents.get('robot-lease')?.text).toContain('연 0.5%');
    expect(shared.view.generation).toBe('13');
    expect(shared.view.documents.get('robot-lease')?.text).toContain('연 0.4%');
    expect(shared.view.chunksOf.get('robot-lease')).toHaveLength(second.chunks.length);
    expect(shared.view.meta.chunks).toBe(before.meta.chunks - first.chunks.length + second.chunks.length);
    const answer = await engineOf(shared).ask({ question: '로봇 리스 보증료는?' });
    expect(answer.answer).toContain('연 0.4%');
    expect(answer.answer).not.toContain('연 0.5%');
    expect(shared.applyRemoved('robot-lease', '14')).toBe(true);
  });

  it('refuses to commit changes itself: they go through its store', async () => {
    await expect(shared.add(await shared.prepare(LEASE))).rejects.toThrow(/shows a shared store's changes/);
    await expect(shared.remove(ROBOT_DOC)).rejects.toThrow(/shows a shared store's changes/);
    expect(shared.view.documents.has(ROBOT_DOC)).toBe(true);
  });
});

/** Each term's postings as `ordinal:tf` lists, whatever the order the terms are numbered in. */
function byTerm(postings: Postings): Record<string, string> {
  const lists: Record<string, string> = {};
  postings.terms.forEach((term, id) => {
    const pairs: string[] = [];
    for (let i = postings.offsets[id] as number; i < (postings.offsets[id + 1] as number); i++) pairs.push(`${postings.ordinals[i]}:${postings.tfs[i]}`);
    lists[term] = pairs.join(' ');
  });
  return lists;
}

/** A document of `paragraphs` paragraphs, each cut into a chunk of its own. */
function longDocument(paragraphs: number): { relPath: string; content: string } {
  const paragraph = (i: number) => `제${i}차 공고: 로봇 기업 ${i}곳이 최대 ${i % 9}%p의 우대금리로 모두 ${i * 10}억 원을 지원받는다. `.repeat(7);
  return { relPath: 'notices.md', content: Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('\n\n') };
}

describe('LiveIndex on disk', () => {
  it('commits each change away from the calling thread, and commits what it shows', async () => {
    const seed = await seedIndex();
    const index = await LiveIndex.open(seed.config);
    const toPostings = vi.spyOn(LexicalIndex.prototype, 'toPostings');
    const toBytes = vi.spyOn(VectorIndex.prototype, 'toBytes');
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      await index.add(await index.prepare(LEASE));
      expect(await index.remove(ROBOT_DOC)).toBe(true);
      // The postings, the graph and the documents of the whole index are not made into files on this thread.
      expect(toPostings).not.toHaveBeenCalled();
      expect(toBytes).not.toHaveBeenCalled();
      expect(stringify.mock.calls.filter(([value]) => Array.isArray(value) && value.length >= 5)).toEqual([]);
    } finally {
      vi.restoreAllMocks();
    }
    const view = index.view;
    const loaded = new IndexStore({ dir: seed.config.indexDir, metaSchema: indexMetaSchema }).load();
    expect(loaded.manifest.generation).toBe(view.generation);
    expect(loaded.manifest.meta).toEqual(view.meta);
    expect(readDocuments(loaded)).toEqual([...view.documents.values()]);
    expect(view.documents.has('robot-lease')).toBe(true);
    expect(view.documents.has(ROBOT_DOC)).toBe(false);
    const committed = decodePostings(loaded.read(INDEX_FILES.postings));
    const expected = buildPostings(view.chunks);
    expect(byTerm(committed)).toEqual(byTerm(expected));
    expect([...committed.lengths]).toEqual([...expected.lengths]);
    // The graph as it is in memory: a removed document's vectors stay until a rebuild, passed over by the views.
    expect((await readGraph(loaded)).labels()).toEqual(view.chunks.map((_, ordinal) => ordinal));
    const reopened = await LiveIndex.open(seed.config);
    expect(reopened.view.chunks).toEqual(view.chunks);
    expect((await engineOf(reopened).ask({ question: '로봇 리스 보증료는?' })).citations[0]?.docId).toBe('robot-lease');
    await Promise.all([index.close(), reopened.close()]);
    seed.dispose();
  }, 60_000);

  it('makes its lexical index whole again from the committed postings after a large change', async () => {
    const seed = await seedIndex();
    const index = await LiveIndex.open(seed.config);
    const before = index.view.lexical;
    await index.add(await index.prepare(longDocument(2100)));
    const view = index.view;
    expect(view.chunksOf.get('notices')?.length).toBeGreaterThanOrEqual(2100);
    // A lexical index of its own for the new view, equal to one built from its chunks; the old view's is unchanged.
    expect(view.lexical).not.toBe(before);
    expect(before.df('공고')).toBe(0);
    const built = new LexicalIndex(buildPostings(view.chunks));
    for (const term of ['공고', '로봇', '우대금리', '바우처']) expect(view.lexical.df(term)).toBe(built.df(term));
    expect(byTerm(view.lexical.toPostings())).toEqual(byTerm(buildPostings(view.chunks)));
    await index.close();
    seed.dispose();
  }, 120_000);

  it('opens an index written in format 3, and commits its first change in this format', async () => {
    const seed = await seedIndex();
    rewriteAsFormat3(seed.config.indexDir);
    const index = await LiveIndex.open(seed.config);
    expect((await engineOf(index).ask({ question: ROBOT_QUESTION })).citations[0]?.docId).toBe(ROBOT_DOC);
    await index.add(await index.prepare(LEASE));
    const { manifest } = new IndexStore({ dir: seed.config.indexDir, metaSchema: indexMetaSchema }).load();
    expect(manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining([INDEX_FILES.graph, INDEX_FILES.graphHeader, INDEX_FILES.texts, INDEX_FILES.documents]));
    expect(Object.keys(manifest.files)).not.toContain(FORMAT_3_GRAPH_FILE);
    expect(Object.keys(manifest.files)).not.toContain(FORMAT_4_DOCUMENTS_FILE);
    const reopened = await LiveIndex.open(seed.config);
    expect(reopened.view.chunks).toEqual(index.view.chunks);
    expect((await engineOf(reopened).ask({ question: '로봇 리스 보증료는?' })).citations[0]?.docId).toBe('robot-lease');
    await Promise.all([index.close(), reopened.close()]);
    seed.dispose();
  }, 60_000);
});

describe('LiveIndex.open of a damaged index', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Opens a copy of the seed index with one byte of file `fileOf(meta)` flipped, at `at(bytes)`; what it throws. */
  async function openWithFlippedByte(fileOf: (meta: IndexMeta) => string, at: (bytes: Buffer) => number): Promise<{ name: string; error: unknown }> {
    const copy = mkdtempSync(join(tmpdir(), 'seogi-damaged-'));
    try {
      cpSync(workspace.config.indexDir, copy, { recursive: true });
      const { manifest } = new IndexStore({ dir: copy, metaSchema: indexMetaSchema }).load();
      const name = fileOf(manifest.meta);
      const path = join(copy, GENERATIONS_DIR, manifest.generation, name);
      const bytes = readFileSync(path);
      const i = at(bytes);
      bytes[i] = (bytes[i] ?? 0) ^ 0x01;
      writeFileSync(path, bytes);
      return { name, error: await LiveIndex.open({ ...workspace.config, indexDir: copy }).catch((e: unknown) => e) };
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }

  it.each<[string, (meta: IndexMeta) => string, (bytes: Buffer) => number]>([
    ['the graph', () => INDEX_FILES.graph, (bytes) => bytes.length - 1],
    // The opening bracket: the JSON no longer parses.
    ['the documents', () => INDEX_FILES.documents, () => 0],
    // A character of a text: decoding gives another text without failing.
    ['the texts', () => INDEX_FILES.texts, () => 1],
    // The version in the header: the postings claim another format.
    ['the postings', () => INDEX_FILES.postings, () => 8],
    ['the model', (meta) => `${INDEX_FILES.models}/${meta.model.id}/onnx/model.onnx`, (bytes) => bytes.length - 1],
  ])('refuses an index with a flipped byte in %s as corrupt, naming the file', async (_what, fileOf, at) => {
    const { name, error } = await openWithFlippedByte(fileOf, at);
    expect(error).toBeInstanceOf(IndexStoreError);
    expect(error).toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining(`${name} does not match its checksum`) });
  });

  it('leaves a damaged graph file unread by hnswlib, which trusts what it reads', async () => {
    const read = vi.spyOn(VectorIndex, 'read');
    const { error } = await openWithFlippedByte(() => INDEX_FILES.graph, () => 0);
    expect(error).toMatchObject({ code: 'INDEX_CORRUPT' });
    expect(read).not.toHaveBeenCalled();
  });
});
