import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../contract/api.ts';
import { CollectionDb } from '../../index/pg/collection-db.ts';
import { freshDatabase, type TestDatabase } from '../support/postgres.ts';
import { seedIndex, type SeedWorkspace } from '../support/seed-index.ts';
import { startProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { startServer, type Started } from './server-process.ts';
import { ADMIN_TOKEN, seedEnv } from './support.ts';

/** A server that reaches its database through a proxy the test cuts, as if PostgreSQL stopped, and restores. */
let workspace: SeedWorkspace;
let database: TestDatabase;
let proxy: TcpProxy;
let server: Started;
let url: string;

beforeAll(async () => {
  [workspace, database] = await Promise.all([seedIndex(), freshDatabase()]);
  proxy = await startProxy(database.server);
  server = startServer({ ...seedEnv(workspace), DATABASE_URL: database.urlThrough(proxy.port) });
  url = String((await server.line('listening')).url);
  await server.line('ready');
}, 120_000);
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await proxy?.close();
  await database?.drop();
  workspace?.dispose();
});

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
const add = (id: string, text: string) => fetch(`${url}/api/documents`, { method: 'POST', headers: admin, body: JSON.stringify({ id, title: id, text }) });
async function ask(question: string): Promise<{ status: number; body: Answer }> {
  const res = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) });
  return { status: res.status, body: (await res.json()) as Answer };
}
const readyz = async () => (await (await fetch(`${url}/readyz`)).json()) as { writable: boolean; readOnly?: string };

/** Asks in a loop until stopped, counting the answers that were not 200. */
function keepAsking(): { stop: () => Promise<{ asked: number; failed: number }> } {
  let running = true;
  let asked = 0;
  let failed = 0;
  const questions = ['로봇 기업 우대금리는?', 'what rate cut for robot firms?', '수출 기업 지원은?'];
  const loops = Array.from({ length: 4 }, async (_, worker) => {
    for (let i = worker; running; i += 4) {
      if ((await ask(questions[i % questions.length]!)).status !== 200) failed++;
      asked++;
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { asked, failed };
    },
  };
}

describe('a server whose database goes away', () => {
  it('keeps answering, refuses changes with 503 STORE_UNAVAILABLE, and says so on /readyz', async () => {
    const load = keepAsking();
    await proxy.cut();
    const answered = await ask('로봇 기업 우대금리는?');
    expect(answered.status).toBe(200);
    expect(answered.body.short?.text).toBe('최대 -1.2%p');

    const refused = await add('during-outage', '데이터베이스가 멈춘 동안 보낸 문서입니다. 저장되면 안 됩니다.');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('5');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('STORE_UNAVAILABLE');
    await expect.poll(async () => (await readyz()).writable, { timeout: 5000, interval: 100 }).toBe(false);
    expect((await readyz()).readOnly).toMatch(/^the database can't be reached/);
    const { asked, failed } = await load.stop();
    expect(asked).toBeGreaterThan(10);
    expect(failed).toBe(0);
  });

  it('catches up on changes made meanwhile once the database is back, and takes changes again', async () => {
    // Another server's add, committed while this one could not hear of it.
    const other = await CollectionDb.open(database.url);
    try {
      const { documents } = await other.load();
      const template = documents[0]!;
      const text = '리스 보증 심사는 영업일 기준 7일이 걸립니다.';
      const document = { ...template.document, docId: 'meanwhile', title: '심사 기간', text, hash: 'meanwhile' };
      const chunk = { chunkId: 'meanwhile#0', docId: 'meanwhile', start: 0, end: text.length, text };
      await other.add(document, [chunk], [template.vectors[0]!]);
    } finally {
      await other.close();
    }
    const load = keepAsking();
    await proxy.restore();
    await expect.poll(async () => (await readyz()).writable, { timeout: 5000, interval: 100 }).toBe(true);
    await expect.poll(async () => (await ask('리스 보증 심사 기간은?')).body.citations[0]?.docId, { timeout: 3000, interval: 100 }).toBe('meanwhile');

    const added = await add('after-outage', '데이터베이스가 돌아온 뒤 보낸 문서입니다. 상담 전화는 1588-0000입니다.');
    expect(added.status).toBe(201);
    expect((await ask('상담 전화번호는?')).body.citations[0]?.docId).toBe('after-outage');
    const { documents } = (await (await fetch(`${url}/api/documents`)).json()) as { documents: Array<{ id: string }> };
    expect(documents.map((d) => d.id)).not.toContain('during-outage');
    expect((await load.stop()).failed).toBe(0);
  });
});
