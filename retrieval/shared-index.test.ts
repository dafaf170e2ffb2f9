import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../index/analyze/glossary.ts';
import { CollectionDb, DocumentExistsError } from '../index/pg/collection-db.ts';
import { importIndex } from '../index/pg/import-index.ts';
import { freshDatabase, type TestDatabase } from '../tests/support/postgres.ts';
import { seedIndex, type SeedWorkspace } from '../tests/support/seed-index.ts';
import { AnswerEngine } from './answer-engine.ts';
import { SharedIndex } from './shared-index.ts';

const LEASE = { relPath: 'robot-lease.md', content: '# 로봇 리스 보증\n\n로봇 리스 보증의 보증료는 연 0.5%입니다. 보증 한도는 최대 5억 원입니다.\n' };
const LEASE_SENTENCE = '로봇 리스 보증의 보증료는 연 0.5%입니다.';

let workspace: SeedWorkspace;
let database: TestDatabase;
/** Two servers' databases handles and indexes, on one database. */
const dbs: CollectionDb[] = [];
const opened: SharedIndex[] = [];

async function openServer(pollMs = 200): Promise<SharedIndex> {
  const db = await CollectionDb.open(database.url);
  dbs.push(db);
  const shared = await SharedIndex.open(db, workspace.config, { pollMs });
  opened.push(shared);
  return shared;
}

let a: SharedIndex;
let b: SharedIndex;

beforeAll(async () => {
  [workspace, database] = await Promise.all([seedIndex(), freshDatabase()]);
  const db = await CollectionDb.open(database.url);
  await importIndex(workspace.config.indexDir, db);
  await db.close();
  [a, b] = [await openServer(), await openServer()];
}, 60_000);
afterAll(async () => {
  for (const shared of opened) await shared.close();
  for (const db of dbs) await db.close();
  await database?.drop();
  workspace?.dispose();
});

const ask = (index: SharedIndex, question: string) => new AnswerEngine(() => index.view, loadGlossary(workspace.config.glossaryPaths)).ask({ question });

describe('SharedIndex', () => {
  it('answers from the collection loaded from the database', async () => {
    const answer = await ask(b, '로봇 기업 우대금리는?');
    expect(answer.short?.text).toBe('최대 -1.2%p');
    expect(answer.citations[0]?.docId).toBe('000_b1883f170ede4282');
  });

  it('shows an add on the server that made it at once, and on the other within 2 s', async () => {
    const outcome = await a.add(await a.prepare(LEASE));
    expect(outcome.created).toBe(true);
    // Read-your-writes: applied before the add resolved.
    expect(a.view.documents.has('robot-lease')).toBe(true);
    expect((await ask(a, '로봇 리스 보증료는?')).answer).toContain(LEASE_SENTENCE);
    await expect.poll(() => b.view.documents.has('robot-lease'), { timeout: 2000, interval: 20 }).toBe(true);
    const onB = await ask(b, '로봇 리스 보증료는?');
    expect(onB.answer).toContain(LEASE_SENTENCE);
    expect(onB.citations[0]?.docId).toBe('robot-lease');
    expect(b.applied).toBe(a.applied);
  });

  it('shows a delete made on the other server, and a server started later converges', async () => {
    expect(await b.remove('robot-lease')).toBe(true);
    expect(await b.remove('robot-lease')).toBe(false);
    await expect.poll(() => a.view.documents.has('robot-lease'), { timeout: 2000, interval: 20 }).toBe(false);
    const c = await openServer();
    expect([...c.view.documents.keys()].sort()).toEqual([...a.view.documents.keys()].sort());
    expect(c.view.meta.chunks).toBe(a.view.meta.chunks);
    expect(c.applied).toBe(a.applied);
  });

  it('shows a document replaced in the database with its new text, never without it', async () => {
    const prepared = await a.prepare({ relPath: 'replaced.md', content: '# 교체 공고\n\n접수 마감은 5월 1일입니다.\n' });
    await a.add(prepared);
    await expect.poll(() => b.view.documents.has('replaced'), { timeout: 2000, interval: 20 }).toBe(true);
    const changed = await a.prepare({ relPath: 'replaced.md', content: '# 교체 공고\n\n접수 마감은 6월 2일로 바뀌었습니다.\n' });
    const seen: boolean[] = [];
    const watching = setInterval(() => seen.push(b.view.documents.has('replaced')), 1);
    try {
      // The vectors of the old version serve: what is tested is how the change is shown, not what it is found by.
      const { vectors } = (await dbs[0]!.load()).documents.find((d) => d.document.docId === 'replaced')!;
      expect(vectors).toHaveLength(changed.chunks.length);
      expect(await dbs[0]!.replace(changed.document, changed.chunks, vectors)).toBe('replaced');
      await expect.poll(() => b.view.documents.get('replaced')?.text, { timeout: 2000, interval: 20 }).toContain('6월 2일');
    } finally {
      clearInterval(watching);
    }
    expect(seen.every(Boolean)).toBe(true);
  });

  it('creates a document added through both servers at once exactly once', async () => {
    const [first, second] = await Promise.all([a.prepare({ ...LEASE, content: `${LEASE.content}\nA 서버에서 추가했습니다.\n` }), b.prepare({ ...LEASE, content: `${LEASE.content}\nB 서버에서 추가했습니다.\n` })]);
    const outcomes = await Promise.allSettled([a.add(first), b.add(second)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value.created)).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof DocumentExistsError)).toHaveLength(1);
    await expect.poll(() => a.view.meta.chunks === b.view.meta.chunks && a.view.documents.has('robot-lease') && b.view.documents.has('robot-lease'), { timeout: 2000 }).toBe(true);
    expect(a.view.documents.get('robot-lease')?.text).toBe(b.view.documents.get('robot-lease')?.text);
  });
});
