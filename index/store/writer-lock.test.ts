import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IndexStore } from './index-store.ts';
import { lockHolder } from './lock.ts';
import { thrownBy, useTempDir } from './test-support.ts';
import { acquireWriter, currentWriter, tryAcquireWriter, WRITER_LOCK_FILE } from './writer-lock.ts';

const metaSchema = z.object({ documents: z.number() });

/** Pretends a running process (the test runner's parent) is the writer. */
function otherWriter(dir: string, label: string): void {
  writeFileSync(join(dir, WRITER_LOCK_FILE), JSON.stringify({ pid: process.ppid, hostname: hostname(), label }));
}

describe('the index writer lock', () => {
  const tempDir = useTempDir('seogi-writer-');

  it('makes one process the writer, naming it in the lock, until it lets go', () => {
    const dir = join(tempDir(), 'data');
    const writer = acquireWriter(dir, 'npm run index');
    expect(currentWriter(dir)).toMatchObject({ pid: process.pid, label: 'npm run index' });
    expect(tryAcquireWriter(dir, 'the Seogi server')).toBeUndefined();
    writer.release();
    expect(existsSync(join(dir, WRITER_LOCK_FILE))).toBe(false);
    expect(currentWriter(dir)).toBeUndefined();
  });

  it('refuses a second writer with a message naming the first and what to do', () => {
    const dir = tempDir();
    otherWriter(dir, 'the Seogi server at http://127.0.0.1:3000');
    const error = thrownBy(() => acquireWriter(dir, 'npm run index')) as Error;
    expect(error).toMatchObject({ code: 'INDEX_LOCKED' });
    expect(error.message).toBe(
      `The Seogi server at http://127.0.0.1:3000 (pid ${process.ppid}) is writing the index in ${dir}. Stop it ` +
        '(Ctrl+C or SIGTERM) or let it finish, then try again; while a server runs, add and remove documents through ' +
        'its API (POST and DELETE /api/documents).',
    );
  });

  it('refuses a commit by any process but the writer, and accepts the writer', async () => {
    const dir = tempDir();
    const store = new IndexStore({ dir, metaSchema });
    otherWriter(dir, 'the Seogi server at http://127.0.0.1:3000');
    await expect(store.commit([{ name: 'a.json', data: '1' }], { documents: 1 })).rejects.toMatchObject({
      code: 'INDEX_LOCKED',
      message: expect.stringMatching(/^The Seogi server at http:\/\/127\.0\.0\.1:3000 \(pid \d+\) is writing the index/),
    });
    expect(store.exists()).toBe(false);
    rmSync(join(dir, WRITER_LOCK_FILE));
    const writer = acquireWriter(dir, 'npm run index');
    expect(lockHolder(join(dir, WRITER_LOCK_FILE))?.pid).toBe(process.pid);
    expect((await store.commit([{ name: 'a.json', data: '1' }], { documents: 1 })).meta).toEqual({ documents: 1 });
    writer.release();
  });

  it('takes over from a writer that was killed', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.once('exit', resolve));
    writeFileSync(join(dir, WRITER_LOCK_FILE), JSON.stringify({ pid: child.pid, hostname: hostname(), label: 'npm run index' }));
    const writer = acquireWriter(dir, 'the Seogi server');
    expect(currentWriter(dir)).toMatchObject({ pid: process.pid, label: 'the Seogi server' });
    writer.release();
  });
});
