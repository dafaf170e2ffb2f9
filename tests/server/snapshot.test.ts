import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../retrieval/collection.ts';
import { openLiveCollection, type LiveCollection } from '../../server/live-collection.ts';
import { seedIndex, type SeedWorkspace } from '../support/seed-index.ts';

const VOUCHER = { id: 'ai-voucher', title: 'AI 바우처', text: '중소기업은 AI 바우처로 최대 3억 원을 지원받는다. 바우처 신청 마감은 2025년 3월 31일이다.' };
const VOUCHER_QUESTION = 'AI 바우처 신청 마감일은?';
const ROBOT_QUESTION = 'what rate cut for robot firms?';

let workspace: SeedWorkspace | undefined;
let live: LiveCollection | undefined;
afterEach(async () => {
  await live?.close();
  workspace?.dispose();
  live = undefined;
  workspace = undefined;
});

async function open(): Promise<LiveCollection> {
  workspace = await seedIndex();
  live = await openLiveCollection(workspace.config);
  return live;
}

/** The view questions are answered from now (the live collection's own, read as a test may). */
function view(collection: LiveCollection): Collection {
  return (collection as unknown as { index: { view: Collection } }).index.view;
}

/** Holds the next question of the current view at its one pause, making its vector, until `release` is called. */
function holdNextQuestion(collection: LiveCollection): { held: Promise<void>; release: () => void } {
  const dense = view(collection).dense;
  if (!dense) throw new Error('the seed collection has a dense index');
  const embed = dense.embed.bind(dense);
  let release = () => {};
  let reached = () => {};
  const held = new Promise<void>((resolve) => (reached = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  dense.embed = async (query) => {
    reached();
    await gate;
    return embed(query);
  };
  return { held, release };
}

describe('a question in flight while the collection changes', () => {
  it('does not see a document added before it is answered, and the next question does', async () => {
    const collection = await open();
    const { held, release } = holdNextQuestion(collection);
    const asked = collection.ask({ question: VOUCHER_QUESTION });
    await held;
    await collection.addDocument(VOUCHER);
    release();
    const answer = await asked;
    expect(answer.abstained).toBe(true);
    expect([...answer.citations, ...answer.related].map((c) => c.docId)).not.toContain('ai-voucher');
    const after = await collection.ask({ question: VOUCHER_QUESTION });
    expect(after.answer).toContain('바우처 신청 마감은 2025년 3월 31일이다.');
    expect(after.citations[0]?.docId).toBe('ai-voucher');
  });

  it('still cites a document deleted before it is answered, with its text, and the next question does not', async () => {
    const collection = await open();
    const docId = (await collection.ask({ question: ROBOT_QUESTION, topK: 2 })).citations[0]?.docId as string;
    const { held, release } = holdNextQuestion(collection);
    const asked = collection.ask({ question: ROBOT_QUESTION });
    await held;
    expect(await collection.deleteDocument(docId)).toBe(true);
    release();
    const answer = await asked;
    expect(answer.short?.text).toBe('최대 -1.2%p');
    expect(answer.citations[0]?.docId).toBe(docId);
    expect(answer.citations[0]?.text).toContain('최대 -1.2%p까지 우대된 금리로');
    const after = await collection.ask({ question: ROBOT_QUESTION });
    expect([...after.citations, ...after.related].map((c) => c.docId)).not.toContain(docId);
  });
});

describe('a change whose commit fails', () => {
  /** Makes the next commit fail: the committed generation's folder, whose model files a commit keeps, is gone. */
  function breakCommits(seed: SeedWorkspace): () => void {
    const generations = join(seed.config.indexDir, 'generations');
    renameSync(generations, `${generations}-away`);
    return () => renameSync(`${generations}-away`, generations);
  }

  it('leaves the collection as it was when an add fails: document frequencies, vectors, DOCS_DIR', async () => {
    const collection = await open();
    const seed = workspace as SeedWorkspace;
    const lexical = view(collection).lexical;
    const sizeBefore = lexical.size;
    const restore = breakCommits(seed);
    await expect(collection.addDocument(VOUCHER)).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    restore();
    expect(view(collection).lexical.df('바우')).toBe(0);
    expect(view(collection).lexical.size).toBe(sizeBefore);
    expect(collection.stats().documents).toBe(5);
    expect(existsSync(join(seed.config.docsDir, 'ai-voucher.md'))).toBe(false);
    // The vectors of the failed add are out of the graph: a search for it finds seed passages only.
    const answer = await collection.ask({ question: VOUCHER_QUESTION });
    expect([...answer.citations, ...answer.related].map((c) => c.docId)).not.toContain('ai-voucher');
    expect((await collection.addDocument(VOUCHER)).created).toBe(true);
  });

  it('leaves the collection as it was when a delete fails: the document answers and its file is back', async () => {
    const collection = await open();
    const seed = workspace as SeedWorkspace;
    const docId = (await collection.ask({ question: ROBOT_QUESTION })).citations[0]?.docId as string;
    const dfBefore = view(collection).lexical.df('우대');
    const restore = breakCommits(seed);
    await expect(collection.deleteDocument(docId)).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    restore();
    expect(view(collection).lexical.df('우대')).toBe(dfBefore);
    expect(existsSync(join(seed.config.docsDir, `${docId}.txt`))).toBe(true);
    expect((await collection.ask({ question: ROBOT_QUESTION })).short?.text).toBe('최대 -1.2%p');
  });
});
