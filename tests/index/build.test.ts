import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCollection } from '../../retrieval/load-collection.ts';
import { rewriteAsFormat3 } from '../support/format-3-index.ts';
import { seedWorkspace, type SeedWorkspace } from '../support/seed-index.ts';
import { buildIndex, MODEL_STAGING_PREFIX } from '../../index/build.ts';
import { CHUNKING_VERSION } from '../../index/chunk.ts';
import { STATIC_MODEL_ID } from '../../index/config.ts';
import { GENERATIONS_DIR } from '../../index/store/generations.ts';
import { INDEX_FORMAT_VERSION, readManifest } from '../../index/store/manifest.ts';
import { IndexStoreError } from '../../index/store/index-store.ts';
import { searchByMeaning } from '../../retrieval/dense/dense-search.ts';
import type * as FsPromises from 'node:fs/promises';
import type * as ToDocumentModule from '../../index/load/to-document.ts';

// Files whose reading or cleaning the tests make fail, by file name, with the error to fail with.
const failing = vi.hoisted(() => ({ reads: new Map<string, NodeJS.ErrnoException>(), cleaning: new Map<string, Error>() }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const readFile = (async (...args: Parameters<typeof actual.readFile>) => {
    const failure = [...failing.reads].find(([name]) => String(args[0]).endsWith(`/${name}`));
    if (failure) throw failure[1];
    return actual.readFile(...args);
  }) as typeof actual.readFile;
  return { ...actual, readFile, default: { ...actual, readFile } };
});

vi.mock('../../index/load/to-document.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof ToDocumentModule>();
  const toDocument: typeof actual.toDocument = (file, options) => {
    const failure = failing.cleaning.get(file.relPath);
    if (failure) throw failure;
    return actual.toDocument(file, options);
  };
  return { ...actual, toDocument };
});

let workspace: SeedWorkspace;
beforeEach(() => {
  workspace = seedWorkspace();
});
afterEach(() => {
  failing.reads.clear();
  failing.cleaning.clear();
  workspace.dispose();
});

const seedFile = (name: string) => join(workspace.config.docsDir, `${name}.txt`);

describe('buildIndex', () => {
  it('builds the seed collection and records it in the manifest', async () => {
    const report = await buildIndex(workspace.config);
    expect(report).toMatchObject({ documents: 5, reusedDocuments: 0, removedDocuments: 0, model: STATIC_MODEL_ID, modelBuilt: true });
    expect(report.embeddedChunks).toBe(report.chunks);
    const { meta, collection } = await loadCollection(workspace.config);
    expect(meta.documents).toBe(5);
    expect(meta.chunks).toBe(report.chunks);
    expect(Object.keys(meta.documentHashes)).toHaveLength(5);
    expect(collection.chunks.filter(Boolean)).toHaveLength(report.chunks);
  });

  it('reuses unchanged documents and re-embeds only a changed one', async () => {
    const first = await buildIndex(workspace.config);
    const again = await buildIndex(workspace.config);
    expect(again).toMatchObject({ reusedDocuments: 5, embeddedChunks: 0, modelBuilt: false, chunks: first.chunks });

    appendFileSync(seedFile('001_4867c593fb02ccbe'), '\n\n추가된 문단으로 협약식 이후의 후속 지원 계획이 발표되었다는 내용입니다.\n');
    const changed = await buildIndex(workspace.config);
    expect(changed.reusedDocuments).toBe(4);
    expect(changed.embeddedChunks).toBeGreaterThan(0);
    expect(changed.embeddedChunks).toBeLessThan(first.chunks);
  });

  it('reuses the documents and vectors of an index written in format 3, and writes this format', async () => {
    const first = await buildIndex(workspace.config);
    rewriteAsFormat3(workspace.config.indexDir);
    const again = await buildIndex(workspace.config);
    expect(again).toMatchObject({ reusedDocuments: 5, embeddedChunks: 0, modelBuilt: false, chunks: first.chunks });
    const manifest = readManifest(workspace.config.indexDir);
    expect(manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['graph.hnsw', 'graph.json']));
    expect(Object.keys(manifest.files)).not.toContain('vectors.hnsw');
  });

  it('drops a deleted document from lexical and dense results', async () => {
    await buildIndex(workspace.config);
    const question = 'AI 코리아 펀드는 어떤 기업을 지원하나?';
    const before = await loadCollection(workspace.config);
    const denseBefore = before.collection.dense && (await searchByMeaning(before.collection.dense, question, 30));
    expect(denseBefore?.some((r) => before.collection.chunks[r.ordinal]?.docId === '000_b1883f170ede4282')).toBe(true);

    rmSync(seedFile('000_b1883f170ede4282'));
    const report = await buildIndex(workspace.config);
    expect(report).toMatchObject({ documents: 4, removedDocuments: 1, reusedDocuments: 4 });

    const after = await loadCollection(workspace.config);
    const denseAfter = after.collection.dense ? await searchByMeaning(after.collection.dense, question, 30) : [];
    expect(denseAfter.length).toBeGreaterThan(0);
    expect(denseAfter.map((r) => after.collection.chunks[r.ordinal]?.docId)).not.toContain('000_b1883f170ede4282');
    expect(after.collection.documents.has('000_b1883f170ede4282')).toBe(false);
    expect(after.collection.lexical.search(new Map([['=코리아', 1]]), 30).map((r) => after.collection.chunks[r.ordinal]?.docId)).not.toContain(
      '000_b1883f170ede4282',
    );
  });

  it('refuses to load an index built with another embedding model', async () => {
    await buildIndex(workspace.config);
    const error = await loadCollection({ ...workspace.config, embedModel: 'Xenova/multilingual-e5-small' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexStoreError);
    expect((error as IndexStoreError).code).toBe('INDEX_MISMATCH');
    expect((error as Error).message).toContain('npm run index');
  });

  it('refuses a corrupt manifest with a message to rebuild', async () => {
    await buildIndex(workspace.config);
    const manifest = join(workspace.config.indexDir, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').slice(0, 40));
    const error = await loadCollection(workspace.config).catch((e: unknown) => e);
    expect((error as IndexStoreError).code).toBe('INDEX_CORRUPT');
  });

  it('builds anew, saying why, when the previous index has a damaged file', async () => {
    await buildIndex(workspace.config);
    const { meta } = await loadCollection(workspace.config);
    const generations = join(workspace.config.indexDir, GENERATIONS_DIR);
    const [generation] = readdirSync(generations);
    const model = join(generations, generation as string, 'model', meta.model.id, 'onnx', 'model.onnx');
    const bytes = readFileSync(model);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
    writeFileSync(model, bytes);
    const notices: string[] = [];
    const report = await buildIndex({ ...workspace.config, onNotice: (message) => notices.push(message) });
    expect(report).toMatchObject({ documents: 5, reusedDocuments: 0, modelBuilt: true });
    expect(notices).toEqual([expect.stringContaining('onnx/model.onnx does not match its checksum')]);
    expect((await loadCollection(workspace.config)).meta.chunks).toBe(report.chunks);
  });

  it('rebuilds the model when the glossary changes', async () => {
    await buildIndex(workspace.config);
    const own = join(workspace.config.docsDir, 'glossary.tsv');
    writeFileSync(own, '협약식\tsigning ceremony\tbusiness\n');
    const report = await buildIndex({ ...workspace.config, glossaryPaths: [...workspace.config.glossaryPaths, own] });
    expect(report.modelBuilt).toBe(true);
    expect(report.reusedDocuments).toBe(0);
  });

  it('leaves out a file that can\'t be read, naming it and the reason in a notice', async () => {
    writeFileSync(join(workspace.config.docsDir, 'locked.md'), '# 잠긴 문서\n\n읽을 수 없는 문서입니다.');
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${join(workspace.config.docsDir, 'locked.md')}'`), { code: 'EACCES' });
    failing.reads.set('locked.md', denied);
    const notices: string[] = [];
    const report = await buildIndex({ ...workspace.config, onNotice: (message) => notices.push(message) });
    expect(report).toMatchObject({ documents: 5, skippedFiles: [{ relPath: 'locked.md' }] });
    expect(notices).toEqual([
      `Skipped ${join(workspace.config.docsDir, 'locked.md')}, which can't be read or cleaned ` +
        `(EACCES: permission denied, open '${join(workspace.config.docsDir, 'locked.md')}'); it is left out of the index.`,
    ]);
    expect(Object.keys((await loadCollection(workspace.config)).meta.documentHashes)).not.toContain('locked');
  });

  it('leaves out a file that can\'t be cleaned and indexes the rest', async () => {
    writeFileSync(join(workspace.config.docsDir, 'broken.html'), '<p>고장 난 문서</p>');
    writeFileSync(join(workspace.config.docsDir, 'fine.md'), '# 멀쩡한 문서\n\n이 문서는 색인됩니다.');
    failing.cleaning.set('broken.html', new RangeError('Maximum call stack size exceeded'));
    const notices: string[] = [];
    const report = await buildIndex({ ...workspace.config, onNotice: (message) => notices.push(message) });
    expect(report).toMatchObject({ documents: 6, skippedFiles: [{ relPath: 'broken.html', reason: 'RangeError: Maximum call stack size exceeded' }] });
    expect(notices).toEqual([
      `Skipped ${join(workspace.config.docsDir, 'broken.html')}, which can't be read or cleaned ` +
        '(RangeError: Maximum call stack size exceeded); it is left out of the index.',
    ]);
    const { collection } = await loadCollection(workspace.config);
    expect(collection.documents.get('fine')?.title).toBe('멀쩡한 문서');
    expect(collection.documents.has('broken')).toBe(false);
  });

  it('stages the new model inside the index folder, never in the system temp folder, and removes what a killed build left', async () => {
    const leftover = join(workspace.config.indexDir, `${MODEL_STAGING_PREFIX}killed`);
    mkdirSync(join(leftover, STATIC_MODEL_ID, 'onnx'), { recursive: true });
    writeFileSync(join(leftover, STATIC_MODEL_ID, 'onnx', 'model.onnx'), 'half-written model');
    const tempModels = () => readdirSync(tmpdir()).filter((name) => name.startsWith('seogi-model-'));
    const tempBefore = new Set(tempModels());
    let stagedWhileEmbedding: string[] = [];
    let stagedContent: string[] = [];
    let tempWhileEmbedding: string[] = [];

    await buildIndex({
      ...workspace.config,
      onProgress: ({ phase, done }) => {
        if (phase !== 'embed' || done !== 0) return;
        stagedWhileEmbedding = readdirSync(workspace.config.indexDir).filter((name) => name.startsWith(MODEL_STAGING_PREFIX));
        stagedContent = stagedWhileEmbedding.flatMap((name) => readdirSync(join(workspace.config.indexDir, name)));
        tempWhileEmbedding = tempModels().filter((name) => !tempBefore.has(name));
      },
    });

    expect(existsSync(leftover)).toBe(false);
    expect(stagedWhileEmbedding).toHaveLength(1);
    expect(stagedContent).toEqual([STATIC_MODEL_ID]);
    expect(tempWhileEmbedding).toEqual([]);
    expect(readdirSync(workspace.config.indexDir).filter((name) => name.startsWith(MODEL_STAGING_PREFIX))).toEqual([]);
    expect(tempModels().filter((name) => !tempBefore.has(name))).toEqual([]);
    expect((await loadCollection(workspace.config)).meta.documents).toBe(5);
  });

  it('cuts documents again, rather than reuse their chunks, when the index was chunked by older rules', async () => {
    const first = await buildIndex(workspace.config);
    const manifestPath = join(workspace.config.indexDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { meta: { chunking: string } };
    expect(JSON.parse(manifest.meta.chunking)).toEqual({ minChars: 300, maxChars: 600, overlapMaxChars: 160, version: CHUNKING_VERSION });
    // What builds wrote before chunks were bounded whatever the punctuation; the same goes for any older version.
    manifest.meta.chunking = JSON.stringify({ minChars: 300, maxChars: 600, overlapMaxChars: 160 });
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    const again = await buildIndex(workspace.config);
    expect(again).toMatchObject({ reusedDocuments: 0, embeddedChunks: first.chunks, chunks: first.chunks, modelBuilt: false });
  });
});
