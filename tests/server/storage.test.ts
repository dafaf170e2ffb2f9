import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../contract/api.ts';
import { openSeedApp, admin, postJson, type SeedApp } from './support.ts';

const FARM = { id: 'smart-farm', title: '스마트팜 지원', text: '스마트팜 보급 사업은 농가당 최대 5천만 원을 지원한다.' };

let seed: SeedApp | undefined;
afterEach(async () => {
  await seed?.service.close();
  seed?.workspace.dispose();
  seed = undefined;
});

/** Whether anything, a dangling link too, is at `path`. */
function lstatSafe(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

async function errorOf(res: Response): Promise<{ status: number; retryAfter: string | null; code: string; message: string }> {
  const { error } = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, retryAfter: res.headers.get('Retry-After'), ...error };
}

describe('when storage fails', () => {
  it('answers a full disk with 503 DISK_FULL, changes nothing, and keeps answering', async () => {
    seed = await openSeedApp();
    const { app, workspace } = seed;
    // The add writes its file through a temp sibling: make that one a disk with no space left.
    symlinkSync('/dev/full', join(workspace.config.docsDir, 'smart-farm.md.tmp'));
    expect(await errorOf(await app.request('/api/documents', postJson(FARM, admin())))).toEqual({
      status: 503,
      retryAfter: '60',
      code: 'DISK_FULL',
      message: 'The disk holding INDEX_DIR or DOCS_DIR is full (ENOSPC); nothing was changed. Free some space and try again.',
    });
    expect(existsSync(join(workspace.config.docsDir, 'smart-farm.md'))).toBe(false);
    expect((await app.request('/api/documents/smart-farm')).status).toBe(404);
    expect(seed.service.stats().documents).toBe(5);
    // The temp file the write was cut short in is gone (here, the link to the full disk), and no record is left.
    expect(lstatSafe(join(workspace.config.docsDir, 'smart-farm.md.tmp'))).toBe(false);
    expect(readdirSync(join(workspace.config.indexDir, 'pending-adds'))).toEqual([]);
    // Until a change gets through, /readyz says documents can't be changed.
    expect(await (await app.request('/readyz')).json()).toMatchObject({
      status: 'ready',
      writable: false,
      readOnly: expect.stringMatching(/^the last change failed: The disk holding INDEX_DIR or DOCS_DIR is full \(ENOSPC\)/),
    });

    expect((await app.request('/api/documents', postJson(FARM, admin()))).status).toBe(201);
    expect(await (await app.request('/readyz')).json()).toMatchObject({ writable: true });
  });

  it('leaves no temp file of the record of an add when the disk is full as it is written', async () => {
    seed = await openSeedApp();
    const { app, workspace } = seed;
    const records = join(workspace.config.indexDir, 'pending-adds');
    mkdirSync(records, { recursive: true });
    const record = `${createHash('sha256').update(FARM.id).digest('hex').slice(0, 24)}.json.tmp`;
    symlinkSync('/dev/full', join(records, record));
    expect((await errorOf(await app.request('/api/documents', postJson(FARM, admin())))).code).toBe('DISK_FULL');
    expect(readdirSync(records)).toEqual([]);
    expect(readdirSync(workspace.config.docsDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('says so on /readyz when INDEX_DIR was deleted and made again empty, and refuses changes with 503', async () => {
    seed = await openSeedApp();
    const { app, workspace } = seed;
    rmSync(workspace.config.indexDir, { recursive: true });
    mkdirSync(workspace.config.indexDir);
    expect(await (await app.request('/readyz')).json()).toMatchObject({
      status: 'ready',
      writable: false,
      readOnly: 'INDEX_DIR no longer holds the index being served (its manifest is gone)',
    });
    expect(await errorOf(await app.request('/api/documents', postJson(FARM, admin())))).toMatchObject({ status: 503, code: 'STORAGE_UNAVAILABLE' });
    expect(readdirSync(workspace.config.indexDir)).toEqual([]);
  });

  it('answers a deleted INDEX_DIR with 503 STORAGE_UNAVAILABLE, says so on /readyz, and still answers questions', async () => {
    seed = await openSeedApp();
    const { app, workspace } = seed;
    rmSync(workspace.config.indexDir, { recursive: true });

    expect(await errorOf(await app.request('/api/documents', postJson(FARM, admin())))).toMatchObject({
      status: 503,
      retryAfter: '60',
      code: 'STORAGE_UNAVAILABLE',
      message: expect.stringMatching(/^INDEX_DIR no longer exists; nothing was changed\. Check that INDEX_DIR and DOCS_DIR exist/),
    });
    expect((await app.request('/api/documents/000_b1883f170ede4282', { method: 'DELETE', headers: admin() })).status).toBe(503);
    expect(existsSync(workspace.config.indexDir)).toBe(false);
    expect(await (await app.request('/readyz')).json()).toMatchObject({ status: 'ready', writable: false, readOnly: 'INDEX_DIR no longer exists' });
    const answer = (await (await app.request('/api/ask', postJson({ question: 'what rate cut for robot firms?' }))).json()) as Answer;
    expect(answer.short?.text).toBe('최대 -1.2%p');
  });
});
