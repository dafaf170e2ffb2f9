import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../tests/support/postgres.ts';
import { startProxy } from '../../tests/support/tcp-proxy.ts';
import type { Chunk, Document } from '../types.ts';
import { CollectionDb, DocumentExistsError, DuplicateContentError } from './collection-db.ts';
import { migrate, shippedMigrations } from './migrate.ts';
import pg from 'pg';

let database: TestDatabase;
let db: CollectionDb;

beforeAll(async () => {
  database = await freshDatabase();
  db = await CollectionDb.open(database.url);
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const TEXT = '보증 한도는 최대 5억 원입니다. 보증료는 연 0.5%입니다.';

function documentOf(docId: string, text = TEXT): { document: Document; chunks: Chunk[]; vectors: Float32Array[] } {
  const document: Document = { docId, title: `${docId} 안내`, text, hash: `hash-of-${text}`, source: 'https://example.kr/notice', date: '2025-03-04' };
  const cut = text.indexOf('보증료');
  const chunks: Chunk[] = [
    { chunkId: `${docId}#0`, docId, start: 0, end: cut - 1, text: text.slice(0, cut - 1) },
    { chunkId: `${docId}#1`, docId, start: cut, end: text.length, text: text.slice(cut) },
  ];
  return { document, chunks, vectors: [new Float32Array([0.6, 0.8, 0]), new Float32Array([0, -0.25, 0.968])] };
}

describe('migrate', () => {
  it('applies the shipped migrations once, and nothing when run again', async () => {
    const pool = new pg.Pool({ connectionString: database.url });
    try {
      // CollectionDb.open migrated already.
      expect(await migrate(pool)).toEqual([]);
      const { rows } = await pool.query<{ version: number }>('SELECT version FROM seogi_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual((await shippedMigrations()).map((m) => m.version));
    } finally {
      await pool.end();
    }
  });

  it('refuses a database migrated by a newer version, naming the migration', async () => {
    const pool = new pg.Pool({ connectionString: database.url });
    try {
      await pool.query("INSERT INTO seogi_migrations (version, name) VALUES (999, 'from_the_future')");
      await expect(migrate(pool)).rejects.toThrow(/schema migration 999, which this version of Seogi does not know/);
      await pool.query('DELETE FROM seogi_migrations WHERE version = 999');
    } finally {
      await pool.end();
    }
  });

  it('rolls a failing migration back whole, naming it', async () => {
    const pool = new pg.Pool({ connectionString: database.url });
    try {
      const broken = [...(await shippedMigrations()), { version: 900, name: 'half_done', sql: 'CREATE TABLE half_done (x int); SELECT no_such_column FROM half_done;' }];
      await expect(migrate(pool, broken)).rejects.toThrow(/Schema migration 900 \(half_done\) failed: column "no_such_column" does not exist/);
      const { rows } = await pool.query("SELECT to_regclass('half_done') AS t");
      expect(rows[0].t).toBeNull();
    } finally {
      await pool.end();
    }
  });
});

describe('CollectionDb', () => {
  it('gives back a document with its chunks, exact offsets and vectors, and logs the add', async () => {
    const before = await db.lastSeq();
    const { document, chunks, vectors } = documentOf('guarantee');
    const outcome = await db.add(document, chunks, vectors);
    expect(outcome).toEqual({ created: true, seq: expect.any(Number) });
    const added = outcome.created ? outcome.seq : 0;
    expect(added).toBeGreaterThan(before);

    const { documents, seq } = await db.load();
    expect(seq).toBe(added);
    const stored = documents.find((d) => d.document.docId === 'guarantee')!;
    expect(stored.document).toEqual(document);
    expect(stored.chunks.map((c) => c.text)).toEqual(['보증 한도는 최대 5억 원입니다.', '보증료는 연 0.5%입니다.']);
    expect(stored.chunks[1]).toMatchObject({ chunkId: 'guarantee#1', start: 19, end: TEXT.length });
    expect([...stored.vectors[1]!]).toEqual([0, -0.25, Math.fround(0.968)]);
  });

  it('answers a retried add of the same content with the document, and refuses other content under the id', async () => {
    const { document, chunks, vectors } = documentOf('retried', '재시도 문서의 보증 한도는 3억 원입니다. 보증료는 연 0.3%입니다.');
    await db.add(document, chunks, vectors);
    const seq = await db.lastSeq();
    expect(await db.add(document, chunks, vectors)).toEqual({ created: false, existing: document });
    const other = documentOf('retried', '다른 내용의 문서입니다. 두 번째 문장입니다.');
    await expect(db.add(other.document, other.chunks, other.vectors)).rejects.toBeInstanceOf(DocumentExistsError);
    // Neither the retry nor the refusal is a change.
    expect(await db.lastSeq()).toBe(seq);
  });

  it('refuses the same text under another id, naming the document that has it, even when both adds race', async () => {
    const text = '같은 내용의 안내문입니다. 신청은 5월 1일까지입니다.';
    const outcomes = await Promise.allSettled(['copy-1', 'copy-2', 'copy-3'].map((id) => documentOf(id, text)).map((d) => db.add(d.document, d.chunks, d.vectors)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as unknown);
    expect(refused.every((reason) => reason instanceof DuplicateContentError)).toBe(true);
    const kept = (await db.documentIds()).filter((id) => id.startsWith('copy-'));
    expect(kept).toHaveLength(1);
    expect(refused.map((reason) => (reason as DuplicateContentError).existing.docId)).toEqual([kept[0], kept[0]]);
  });

  it('lets exactly one of several concurrent adds of one id create it', async () => {
    const attempts = ['가', '나', '다', '라'].map((word) => documentOf('contested', `${word} 문서의 첫 문장입니다. 둘째 문장입니다.`));
    const outcomes = await Promise.allSettled(attempts.map((a) => db.add(a.document, a.chunks, a.vectors)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof DocumentExistsError)).toHaveLength(3);
  });

  it('reports the changes since a sequence number in order, an add deleted since as a delete', async () => {
    const start = await db.lastSeq();
    const a = documentOf('log-a', '지워질 문서의 보증 한도는 1억 원입니다. 보증료는 연 0.1%입니다.');
    const b = documentOf('log-b', '로그 문서의 보증 한도는 최대 5억 원입니다. 보증료는 연 0.5%입니다.');
    const seqs = [await db.add(a.document, a.chunks, a.vectors), await db.add(b.document, b.chunks, b.vectors)].map((o) => (o.created ? o.seq : -1));
    const removed = await db.remove('log-a');
    expect(removed).toBe(await db.lastSeq());
    expect(await db.remove('log-a')).toBeUndefined();

    const changes = await db.changesSince(start);
    expect(changes.map((c) => [c.seq, c.kind, c.kind === 'add' ? c.added.document.docId : c.docId])).toEqual([
      [seqs[0], 'delete', 'log-a'],
      [seqs[1], 'add', 'log-b'],
      [removed, 'delete', 'log-a'],
    ]);
    const added = changes[1]!;
    expect(added.kind === 'add' && added.added.chunks.map((c) => c.text)).toEqual(['로그 문서의 보증 한도는 최대 5억 원입니다.', '보증료는 연 0.5%입니다.']);
    expect(await db.changesSince(removed!)).toEqual([]);
    // Chunks go with their document.
    expect((await db.load()).documents.some((d) => d.document.docId === 'log-a')).toBe(false);
  });

  it('replaces a document in one change the log shows as a delete and an add, and leaves the same content alone', async () => {
    const first = documentOf('replaced', '바뀔 문서의 보증 한도는 2억 원입니다. 보증료는 연 0.2%입니다.');
    expect(await db.replace(first.document, first.chunks, first.vectors)).toBe('added');
    const start = await db.lastSeq();
    expect(await db.replace(first.document, first.chunks, first.vectors)).toBe('unchanged');
    expect(await db.lastSeq()).toBe(start);

    const second = documentOf('replaced', '보증 한도는 최대 7억 원입니다. 보증료는 연 0.4%입니다.');
    expect(await db.replace(second.document, second.chunks, second.vectors)).toBe('replaced');
    const changes = await db.changesSince(start);
    expect(changes.map((c) => c.kind)).toEqual(['delete', 'add']);
    const added = changes[1]!;
    expect(added.kind === 'add' && added.added.chunks.map((c) => c.text)).toEqual(['보증 한도는 최대 7억 원입니다.', '보증료는 연 0.4%입니다.']);
    expect(await db.documentIds()).toContain('replaced');
  });

  it('lets a reader that follows the log while adds race miss none of them', async () => {
    let applied = await db.lastSeq();
    const seen = new Set<string>();
    let adding = true;
    const follow = (async () => {
      while (adding || applied < (await db.lastSeq())) {
        for (const change of await db.changesSince(applied)) {
          if (change.kind === 'add') seen.add(change.added.document.docId);
          applied = change.seq;
        }
      }
    })();
    const ids = Array.from({ length: 24 }, (_, i) => `raced-${i}`);
    await Promise.all(ids.map((id) => documentOf(id, `${id} 문서입니다. 둘째 문장입니다.`)).map((d) => db.add(d.document, d.chunks, d.vectors)));
    adding = false;
    await follow;
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('fails a change whose connection dies in the middle, without ending the process', async () => {
    const proxy = await startProxy(database.server);
    const cut = await CollectionDb.open(database.urlThrough(proxy.port));
    // Another session holds the change lock, so the add waits inside its transaction while its connection is cut.
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [0x5e062]);
      const doomed = documentOf('doomed', '연결이 끊길 문서입니다. 저장되지 않아야 합니다.');
      const pending = cut.add(doomed.document, doomed.chunks, doomed.vectors);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await proxy.cut();
      await expect(pending).rejects.toThrow();
      await holder.query('ROLLBACK');
      expect(await db.documentIds()).not.toContain('doomed');
    } finally {
      await holder.end();
      await cut.close().catch(() => {});
      await proxy.close();
    }
  });

  it('announces each committed change to listeners, with its sequence number', async () => {
    const heard: number[] = [];
    const stop = await db.listen((seq) => heard.push(seq));
    try {
      const c = documentOf('announced', '알림 문서의 보증 한도는 4억 원입니다. 보증료는 연 0.4%입니다.');
      const outcome = await db.add(c.document, c.chunks, c.vectors);
      const removed = await db.remove('announced');
      await expect.poll(() => heard, { timeout: 2000 }).toEqual([outcome.created ? outcome.seq : -1, removed]);
    } finally {
      await stop();
    }
  });

  it('records the settings and model files of the first build, and keeps them against a later one', async () => {
    const files = new Map([['tokenizer.json', new TextEncoder().encode('{"model":{}}')]]);
    expect(await db.initialise({ model: 'seogi-static-ko' }, 'seogi-static-ko', files)).toEqual({ model: 'seogi-static-ko' });
    expect(await db.initialise({ model: 'other' }, 'other', new Map())).toEqual({ model: 'seogi-static-ko' });
    expect(await db.settings()).toEqual({ model: 'seogi-static-ko' });
    const stored = await db.modelFiles('seogi-static-ko');
    expect(stored.get('tokenizer.json')?.toString('utf8')).toBe('{"model":{}}');
    expect((await db.modelFiles('other')).size).toBe(0);
  });
});
