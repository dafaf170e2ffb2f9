import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../build.ts';
import { rewriteAsFormat3 } from '../../tests/support/format-3-index.ts';
import { freshDatabase, type TestDatabase } from '../../tests/support/postgres.ts';
import { seedIndex, type SeedWorkspace } from '../../tests/support/seed-index.ts';
import { readGraph } from '../graph-files.ts';
import { INDEX_FILES, indexMetaSchema, readDocuments, settingsOf } from '../layout.ts';
import { IndexStore } from '../store/index-store.ts';
import { CollectionDb } from './collection-db.ts';
import { importIndex } from './import-index.ts';

let workspace: SeedWorkspace;
let database: TestDatabase;
let db: CollectionDb;

beforeAll(async () => {
  [workspace, database] = await Promise.all([seedIndex(), freshDatabase()]);
  db = await CollectionDb.open(database.url);
}, 60_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
  workspace?.dispose();
});

describe('importIndex', () => {
  it('copies every document with its passages and their vectors, and the model, and skips them when run again', async () => {
    const progress: string[] = [];
    const report = await importIndex(workspace.config.indexDir, db, { onDocument: (done, total) => progress.push(`${done}/${total}`) });
    const loaded = new IndexStore({ dir: workspace.config.indexDir, metaSchema: indexMetaSchema }).load();
    const documents = readDocuments(loaded);
    expect(report.added.sort()).toEqual(documents.map((d) => d.docId).sort());
    expect(progress.at(-1)).toBe(`${documents.length}/${documents.length}`);

    const { documents: stored } = await db.load();
    const robot = stored.find((s) => s.document.docId === '000_b1883f170ede4282')!;
    const sentence = '산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.';
    const holding = robot.chunks.find((c) => c.text.includes(sentence))!;
    expect(robot.document.text.slice(holding.start, holding.end)).toBe(holding.text);
    // The vectors are the index's own, not made again.
    const graph = await readGraph(loaded);
    const chunkIds = (JSON.parse(loaded.read(INDEX_FILES.chunks).toString('utf8')) as Array<{ chunkId: string } | null>).map((c) => c?.chunkId);
    const vector = robot.vectors[robot.chunks.indexOf(holding)]!;
    expect([...vector]).toEqual([...graph.vector(chunkIds.indexOf(holding.chunkId))!]);
    expect(await db.settings()).toEqual(settingsOf(loaded.manifest.meta));
    expect((await db.modelFiles(loaded.manifest.meta.model.id)).get('tokenizer.json')?.length).toBeGreaterThan(1000);

    const again = await importIndex(workspace.config.indexDir, db);
    expect(again).toEqual({ added: [], unchanged: report.added, replaced: [], conflicting: [] });
  });

  it('replaces, when asked to, a document whose file changed since, and leaves one changed in the database otherwise', async () => {
    const file = join(workspace.config.docsDir, 'changed-notice.md');
    writeFileSync(file, '# 변경 공고\n\n신청 마감은 3월 28일입니다.\n');
    await buildIndex(workspace.config);
    expect((await importIndex(workspace.config.indexDir, db, { replaceChanged: true })).added).toEqual(['changed-notice']);

    writeFileSync(file, '# 변경 공고\n\n신청 마감은 4월 11일로 연장되었습니다.\n');
    await buildIndex(workspace.config);
    expect((await importIndex(workspace.config.indexDir, db)).conflicting).toEqual(['changed-notice']);
    const replacing = await importIndex(workspace.config.indexDir, db, { replaceChanged: true });
    expect(replacing.replaced).toEqual(['changed-notice']);
    expect(replacing.added).toEqual([]);
    const { documents } = await db.load();
    expect(documents.find((d) => d.document.docId === 'changed-notice')?.chunks.map((c) => c.text).join(' ')).toContain('4월 11일로 연장되었습니다.');
  });

  it('leaves out a second file of the same text, and records when the collection has been filled', async () => {
    const other = await freshDatabase();
    const otherDb = await CollectionDb.open(other.url);
    try {
      writeFileSync(join(workspace.config.docsDir, 'copy-a.md'), '# 사본\n\n같은 안내문의 사본입니다. 접수는 7월 1일부터입니다.\n');
      writeFileSync(join(workspace.config.docsDir, 'copy-b.md'), '# 사본\n\n같은 안내문의 사본입니다. 접수는 7월 1일부터입니다.\n');
      await buildIndex(workspace.config);
      expect(await otherDb.filled()).toBe(false);
      const report = await importIndex(workspace.config.indexDir, otherDb);
      expect(report.conflicting).toEqual(['copy-b']);
      expect(report.added).toContain('copy-a');
      expect(await otherDb.filled()).toBe(true);
    } finally {
      await otherDb.close();
      await other.drop();
    }
  });

  it('imports an index written in format 3, with the same vectors', async () => {
    const other = await freshDatabase();
    const otherDb = await CollectionDb.open(other.url);
    const copy = mkdtempSync(join(tmpdir(), 'seogi-format-3-'));
    try {
      cpSync(workspace.config.indexDir, copy, { recursive: true });
      rewriteAsFormat3(copy);
      const report = await importIndex(copy, otherDb);
      const loaded = new IndexStore({ dir: workspace.config.indexDir, metaSchema: indexMetaSchema }).load();
      expect([...report.added, ...report.conflicting].sort()).toEqual(readDocuments(loaded).map((d) => d.docId).sort());
      const graph = await readGraph(loaded);
      const chunkIds = (JSON.parse(loaded.read(INDEX_FILES.chunks).toString('utf8')) as Array<{ chunkId: string } | null>).map((c) => c?.chunkId);
      const [robot] = (await otherDb.load()).documents.filter((d) => d.document.docId === '000_b1883f170ede4282');
      expect(robot?.chunks.length).toBeGreaterThan(0);
      robot?.chunks.forEach((chunk, i) => expect([...(robot.vectors[i] ?? [])]).toEqual([...graph.vector(chunkIds.indexOf(chunk.chunkId))!]));
    } finally {
      rmSync(copy, { recursive: true, force: true });
      await otherDb.close();
      await other.drop();
    }
  });

  it('refuses to mix the vectors of another model into the collection', async () => {
    const other = await freshDatabase();
    const otherDb = await CollectionDb.open(other.url);
    try {
      const meta = new IndexStore({ dir: workspace.config.indexDir, metaSchema: indexMetaSchema }).load().manifest.meta;
      await otherDb.initialise({ ...settingsOf(meta), model: { ...meta.model, id: 'Xenova/multilingual-e5-small', fingerprint: 'e5' } }, 'e5', new Map());
      await expect(importIndex(workspace.config.indexDir, otherDb)).rejects.toThrow(/embedded with model "Xenova\/multilingual-e5-small".*never mixed/);
      expect((await otherDb.load()).documents).toEqual([]);
    } finally {
      await otherDb.close();
      await other.drop();
    }
  });
});
