import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, DocumentSummary } from '../../contract/api.ts';
import { freshDatabase, type TestDatabase } from '../support/postgres.ts';
import { seedIndex, type SeedWorkspace } from '../support/seed-index.ts';
import { startServer, type Started } from './server-process.ts';
import { ADMIN_TOKEN, seedEnv } from './support.ts';

/** Two server processes on one database: A fills it from its seed index, B starts with an empty INDEX_DIR. */
let workspace: SeedWorkspace;
let database: TestDatabase;
let otherIndexDir: string;
const running: Started[] = [];
let a: string;
let b: string;

async function serve(env: NodeJS.ProcessEnv): Promise<string> {
  const started = startServer({ ...env, DATABASE_URL: database.url });
  running.push(started);
  const listening = await started.line('listening');
  await started.line('ready');
  return String(listening.url);
}

beforeAll(async () => {
  [workspace, database] = await Promise.all([seedIndex(), freshDatabase()]);
  otherIndexDir = mkdtempSync(join(tmpdir(), 'seogi-replica-'));
  a = await serve(seedEnv(workspace));
  b = await serve(seedEnv(workspace, { INDEX_DIR: otherIndexDir }));
}, 120_000);
afterAll(async () => {
  for (const server of running) server.child.kill('SIGTERM');
  await Promise.all(running.map((s) => s.exited));
  await database?.drop();
  workspace?.dispose();
  rmSync(otherIndexDir, { recursive: true, force: true });
});

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };

async function ask(server: string, question: string): Promise<Answer> {
  const res = await fetch(`${server}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
}

async function documentIds(server: string): Promise<string[]> {
  const { documents } = (await (await fetch(`${server}/api/documents`)).json()) as { documents: DocumentSummary[] };
  return documents.map((d) => d.id);
}

const LEASE = { id: 'robot-lease', title: '로봇 리스 보증', text: '로봇 리스 보증의 보증료는 연 0.5%입니다. 보증 한도는 최대 5억 원입니다.' };

describe('servers sharing one collection in PostgreSQL', () => {
  it('answers on B what A was started with', async () => {
    const answer = await ask(b, '로봇 기업 우대금리는?');
    expect(answer.short?.text).toBe('최대 -1.2%p');
    expect(answer.citations[0]?.docId).toBe('000_b1883f170ede4282');
    const ready = (await (await fetch(`${b}/readyz`)).json()) as { documents: number; writable: boolean };
    expect(ready).toMatchObject({ documents: 5, writable: true });
  });

  it('answers on B, within 2 s, a document added through A, cited into it', async () => {
    const res = await fetch(`${a}/api/documents`, { method: 'POST', headers: admin, body: JSON.stringify(LEASE) });
    expect(res.status).toBe(201);
    // A reads its own write at once.
    expect((await ask(a, '로봇 리스 보증료는?')).citations[0]?.docId).toBe('robot-lease');
    await expect.poll(async () => (await ask(b, '로봇 리스 보증료는?')).citations[0]?.docId, { timeout: 2000, interval: 50 }).toBe('robot-lease');
    expect((await ask(b, '로봇 리스 보증료는?')).answer).toContain('로봇 리스 보증의 보증료는 연 0.5%입니다.');
  });

  it('removes from A, within 2 s, a document deleted through B', async () => {
    expect((await fetch(`${b}/api/documents/robot-lease`, { method: 'DELETE', headers: admin })).status).toBe(204);
    await expect.poll(async () => (await documentIds(a)).includes('robot-lease'), { timeout: 2000, interval: 50 }).toBe(false);
    expect(await documentIds(a)).toEqual(await documentIds(b));
  });

  it('creates a document added through both servers at once exactly once', async () => {
    const adds = [a, b].map((server, i) =>
      fetch(`${server}/api/documents`, { method: 'POST', headers: admin, body: JSON.stringify({ ...LEASE, id: 'contested', text: `${LEASE.text} ${i}번 서버.` }) }),
    );
    const statuses = (await Promise.all(adds)).map((res) => res.status).sort();
    expect(statuses).toEqual([201, 409]);
    await expect.poll(async () => (await documentIds(b)).includes('contested') && (await documentIds(a)).includes('contested'), { timeout: 2000 }).toBe(true);
  });

  it('refuses the same text added under two ids through both servers at once, naming the document that has it', async () => {
    const text = '두 서버로 동시에 보낸 같은 안내문입니다. 접수는 6월 30일에 마감합니다.';
    const responses = await Promise.all(
      [a, b].map((server, i) => fetch(`${server}/api/documents`, { method: 'POST', headers: admin, body: JSON.stringify({ id: `same-text-${i}`, title: '안내문', text }) })),
    );
    expect(responses.map((res) => res.status).sort()).toEqual([201, 409]);
    const refused = responses.find((res) => res.status === 409)!;
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('DUPLICATE_CONTENT');
    const created = responses.find((res) => res.status === 201)!;
    const { id } = (await created.json()) as { id: string };
    expect(error.message).toContain(`"${id}"`);
  });

  it('answers 2,000 questions over both servers while 20 documents are added through both, and both end the same', async () => {
    const questions = ['로봇 기업 우대금리는?', 'what rate cut for robot firms?', '보증 심사는 며칠 걸려?', 'AI 혁신펀드 규모는?', '수출 기업 지원은?'];
    let failures = 0;
    let asked = 0;
    const asking = Array.from({ length: 8 }, async (_, worker) => {
      for (let i = worker; i < 2000; i += 8) {
        const server = i % 2 === 0 ? a : b;
        const res = await fetch(`${server}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: questions[i % questions.length] }) });
        if (res.status !== 200) failures++;
        await res.arrayBuffer();
        asked++;
      }
    });
    const adding = Array.from({ length: 20 }, (_, i) => {
      const body = JSON.stringify({ id: `load-${i}`, title: `지원 사업 ${i}`, text: `지원 사업 ${i}의 신청 마감은 ${i + 1}월 ${i + 5}일입니다. 문의는 ${i}번 창구로 하십시오.` });
      return fetch(`${i % 2 === 0 ? a : b}/api/documents`, { method: 'POST', headers: admin, body }).then((res) => res.status);
    });
    const statuses = await Promise.all(adding);
    await Promise.all(asking);
    expect(asked).toBe(2000);
    expect(failures).toBe(0);
    expect(statuses.every((status) => status === 201)).toBe(true);
    await expect.poll(async () => JSON.stringify(await documentIds(a)) === JSON.stringify(await documentIds(b)), { timeout: 2000 }).toBe(true);
    for (const question of [...questions, '지원 사업 7의 신청 마감은?']) {
      const [onA, onB] = await Promise.all([ask(a, question), ask(b, question)]);
      expect({ answer: onB.answer, cited: onB.citations.map((c) => c.chunkId) }).toEqual({ answer: onA.answer, cited: onA.citations.map((c) => c.chunkId) });
    }
  }, 120_000);

  it('keeps every add A acknowledged before it was killed, on B and on A restarted', async () => {
    const killed = running[0]!;
    const acknowledged: string[] = [];
    const adding = (async () => {
      for (let i = 0; ; i++) {
        const body = JSON.stringify({ id: `burst-${i}`, title: `연속 추가 ${i}`, text: `${i}번째로 추가한 문서입니다. 보증 심사는 ${i + 1}일이 걸립니다.` });
        const res = await fetch(`${a}/api/documents`, { method: 'POST', headers: admin, body }).catch(() => undefined);
        if (res?.status !== 201) return;
        acknowledged.push(`burst-${i}`);
      }
    })();
    await expect.poll(() => acknowledged.length, { timeout: 10_000, interval: 10 }).toBeGreaterThanOrEqual(3);
    killed.child.kill('SIGKILL');
    await adding;
    await killed.exited;
    await expect
      .poll(async () => {
        const onB = new Set(await documentIds(b));
        return acknowledged.filter((id) => !onB.has(id));
      }, { timeout: 2000, interval: 50 })
      .toEqual([]);

    a = await serve(seedEnv(workspace));
    expect(await documentIds(a)).toEqual(await documentIds(b));
    const answer = await ask(a, `${acknowledged.length - 1}번째로 추가한 문서의 보증 심사 기간은?`);
    expect(answer.citations[0]?.docId).toBe(acknowledged.at(-1));
  });
});
