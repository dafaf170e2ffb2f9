import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MODEL_STAGING_PREFIX } from '../../index/build.ts';
import { GRAPH_STAGING_PREFIX } from '../../index/commit/generation-writer.ts';
import { PROJECT_ROOT } from '../../index/config.ts';
import { recordPendingAdd } from '../../index/pending-adds.ts';
import type { Answer } from '../../contract/api.ts';
import { openLiveCollection, type LiveCollection } from '../../server/live-collection.ts';
import type { DocumentSummary } from '../../contract/api.ts';
import { seedIndex, type SeedWorkspace } from '../support/seed-index.ts';
import { admin, appOver, postJson } from './support.ts';

const FARM = { id: 'smart-farm', title: '스마트팜 지원', text: '스마트팜 보급 사업은 농가당 최대 5천만 원을 지원한다.' };
const FARM_FILE = '---\ntitle: 스마트팜 지원\n---\n스마트팜 보급 사업은 농가당 최대 5천만 원을 지원한다.\n';
const VOUCHER = { id: 'ai-voucher', title: 'AI 바우처', text: 'AI 바우처 신청 마감은 2025년 3월 31일이다.' };

const opened: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function workspace(): Promise<SeedWorkspace> {
  const seed = await seedIndex();
  opened.push({ close: () => seed.dispose() });
  return seed;
}

async function open(seed: SeedWorkspace, label = 'the Seogi server at http://127.0.0.1:3000'): Promise<LiveCollection> {
  const live = await openLiveCollection(seed.config, { label, followMs: 20 });
  opened.push(live);
  return live;
}

/** `npm run index`'s command, in its own process, over the workspace. */
function runIndexCli(seed: SeedWorkspace): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'index/cli.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, DOCS_DIR: seed.config.docsDir, INDEX_DIR: seed.config.indexDir },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

/** A stand-in for `npm run index` that holds the writer lock until told to build and to let go. */
function heldIndexer(seed: SeedWorkspace): { send(line: string): Promise<void>; child: ChildProcessWithoutNullStreams; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/server/indexer-process.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, DOCS_DIR: seed.config.docsDir, INDEX_DIR: seed.config.indexDir },
  });
  opened.push({ close: () => void child.kill() });
  let out = '';
  const waiters: Array<{ word: string; resolve: () => void }> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of waiters.filter((w) => out.split('\n').includes(w.word))) w.resolve();
  });
  const said = (word: string) => new Promise<void>((resolve) => waiters.push({ word, resolve }));
  const replies: Record<string, string> = { build: 'built', release: 'released' };
  return {
    child,
    ready: said('locked'),
    send: (line) => {
      child.stdin.write(`${line}\n`);
      return said(replies[line] ?? line);
    },
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('one writer per index', () => {
  it('refuses npm run index while a server writes the index, naming the server; nothing the server added is lost', async () => {
    const seed = await workspace();
    const live = await open(seed);
    await live.addDocument(VOUCHER);
    writeFileSync(join(seed.config.docsDir, 'smart-farm.md'), FARM_FILE);

    const { code, stderr } = await runIndexCli(seed);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `Indexing failed: The Seogi server at http://127.0.0.1:3000 (pid ${process.pid}) is writing the index in ${seed.config.indexDir}. ` +
        'Stop it (Ctrl+C or SIGTERM) or let it finish, then try again',
    );
    await live.addDocument({ id: 'third', title: '셋째', text: '세 번째 문서는 로봇 보험을 다룬다.' });
    expect((await live.listDocuments()).map((d) => d.id)).toEqual(expect.arrayContaining(['ai-voucher', 'third']));
    expect(live.stats()).toMatchObject({ documents: 7, writable: true });
  });

  it('serves read-only while npm run index writes, swaps in what it commits, then becomes the writer and loses nothing', async () => {
    const seed = await workspace();
    const indexer = heldIndexer(seed);
    await indexer.ready;
    const notices: string[] = [];
    const live = await openLiveCollection(seed.config, { label: 'the Seogi server', followMs: 20, onNotice: (m) => notices.push(m) });
    opened.push(live);
    expect(live.stats()).toMatchObject({ documents: 5, writable: false });
    expect(notices[0]).toMatch(/^npm run index \(pid \d+\) is writing the index: serving it read-only until it has finished\.$/);

    // Through the API: refused with 503, a retry time and the holder's name.
    const { app } = appOver(seed, live);
    const refused = await app.request('/api/documents', postJson(VOUCHER, admin()));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('30');
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INDEX_BUSY');
    expect(body.error.message).toMatch(/^npm run index \(pid \d+\) is writing the index; documents can be changed here once it has finished/);

    writeFileSync(join(seed.config.docsDir, 'smart-farm.md'), FARM_FILE);
    await indexer.send('build');
    await until(() => live.stats().documents === 6, 'the server swaps in the index the indexer committed');
    const answer = (await (await app.request('/api/ask', postJson({ question: '스마트팜 보급 사업 지원 한도는?' }))).json()) as Answer;
    expect(answer.citations[0]?.docId).toBe('smart-farm');
    expect(live.stats().writable).toBe(false);

    await indexer.send('release');
    await until(() => live.stats().writable, 'the server takes the writer lock');
    const added = await app.request('/api/documents', postJson(VOUCHER, admin()));
    expect(added.status).toBe(201);
    const listed = ((await (await app.request('/api/documents')).json()) as { documents: DocumentSummary[] }).documents;
    expect(listed.map((d) => d.id)).toEqual(expect.arrayContaining(['smart-farm', 'ai-voucher']));
    expect(listed).toHaveLength(7);
  });
});

describe('what a killed build or commit left staged in INDEX_DIR', () => {
  /** Staging folders as a build and a commit killed part-way leave them, with a file each. */
  function leaveStaged(seed: SeedWorkspace): string[] {
    const names = [`${MODEL_STAGING_PREFIX}AbC123`, `${GRAPH_STAGING_PREFIX}XyZ789`];
    for (const name of names) {
      mkdirSync(join(seed.config.indexDir, name, 'seogi-static'), { recursive: true });
      writeFileSync(join(seed.config.indexDir, name, 'seogi-static', 'model.onnx'), 'x'.repeat(1000));
    }
    return names;
  }
  const staged = (seed: SeedWorkspace) => readdirSync(seed.config.indexDir).filter((name) => name.startsWith('.staging-'));

  it('is removed when a server starts as the writer', async () => {
    const seed = await workspace();
    expect(leaveStaged(seed)).toHaveLength(2);
    await open(seed);
    expect(staged(seed)).toEqual([]);
  });

  it('is kept while npm run index writes, and removed when the server becomes the writer', async () => {
    const seed = await workspace();
    const indexer = heldIndexer(seed);
    await indexer.ready;
    const names = leaveStaged(seed);
    const live = await open(seed);
    expect(live.stats().writable).toBe(false);
    expect(staged(seed).sort()).toEqual([...names].sort());
    await indexer.send('release');
    await until(() => staged(seed).length === 0, 'the server, now the writer, removes what was staged');
    expect(live.stats().writable).toBe(true);
  });
});

describe('an add cut short by a crash', () => {
  it('is undone on the next start: its file goes, and the id can be added, read and deleted again', async () => {
    const seed = await workspace();
    // What a kill -9 between writing the file and committing the index leaves behind.
    await recordPendingAdd(seed.config.indexDir, { id: FARM.id, file: 'smart-farm.md', hash: hashOf(FARM_FILE) });
    writeFileSync(join(seed.config.docsDir, 'smart-farm.md'), FARM_FILE);
    writeFileSync(join(seed.config.docsDir, 'ai-voucher.md.tmp'), 'half written');

    const live = await open(seed);
    expect(existsSync(join(seed.config.docsDir, 'smart-farm.md'))).toBe(false);
    expect(readdirSync(seed.config.docsDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const { app } = appOver(seed, live);
    expect((await app.request('/api/documents/smart-farm')).status).toBe(404);
    expect((await app.request('/api/documents', postJson(FARM, admin()))).status).toBe(201);
    expect((await app.request('/api/documents/smart-farm')).status).toBe(200);
    expect((await app.request('/api/documents/smart-farm', { method: 'DELETE', headers: admin() })).status).toBe(204);
  });

  it('lets npm run index drop the file of an add that was never acknowledged instead of indexing it', async () => {
    const seed = await workspace();
    await recordPendingAdd(seed.config.indexDir, { id: FARM.id, file: 'smart-farm.md', hash: hashOf(FARM_FILE) });
    writeFileSync(join(seed.config.docsDir, 'smart-farm.md'), FARM_FILE);
    const { code, stderr } = await runIndexCli(seed);
    expect(code).toBe(0);
    expect(stderr).toContain('Removed the files of 1 unfinished adds: smart-farm.');
    expect(existsSync(join(seed.config.docsDir, 'smart-farm.md'))).toBe(false);
  });

  it('answers a retried add of the same content with the document already there, and other content under its id with 409', async () => {
    const seed = await workspace();
    const { app } = appOver(seed, await open(seed));
    const first = await app.request('/api/documents', postJson(FARM, admin()));
    const retry = await app.request('/api/documents', postJson(FARM, admin()));
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(await retry.json()).toEqual(await first.json());
    expect(retry.headers.get('Location')).toBe('/api/documents/smart-farm');
    const other = await app.request('/api/documents', postJson({ ...FARM, text: '다른 내용' }, admin()));
    expect(other.status).toBe(409);
  });
});

function hashOf(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}
