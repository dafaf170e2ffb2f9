import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../index/analyze/glossary.ts';
import { indexEmbedder } from '../index/embed/index-embedder.ts';
import { indexMetaSchema, settingsOf } from '../index/layout.ts';
import { IndexStore } from '../index/store/index-store.ts';
import { seedIndex, type SeedWorkspace } from '../tests/support/seed-index.ts';
import { AnswerEngine } from './answer-engine.ts';
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

  it('refuses to commit changes itself: they go through its store', async () => {
    await expect(shared.add(await shared.prepare(LEASE))).rejects.toThrow(/shows a shared store's changes/);
    await expect(shared.remove(ROBOT_DOC)).rejects.toThrow(/shows a shared store's changes/);
    expect(shared.view.documents.has(ROBOT_DOC)).toBe(true);
  });
});
