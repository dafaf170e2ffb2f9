import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PENDING_ADDS_DIR, recordPendingAdd, settleAgainstCommittedIndex, settlePendingAdds } from './pending-adds.ts';
import { IndexStore } from './store/index-store.ts';
import { MANIFEST_FILE } from './store/manifest.ts';
import { useTempDir } from './store/test-support.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('pending adds', () => {
  const tempDir = useTempDir('seogi-pending-');
  const dirs = () => {
    const indexDir = join(tempDir(), 'data');
    const docsDir = join(tempDir(), 'docs');
    mkdirSync(docsDir, { recursive: true });
    return { indexDir, docsDir };
  };

  it('removes the file of an add that was never committed, and keeps one that was', async () => {
    const { indexDir, docsDir } = dirs();
    const lost = '# 스마트공장\n\n지원 한도는 1억원이다.';
    const kept = '# 바우처\n\n바우처는 최대 2억원이다.';
    writeFileSync(join(docsDir, 'lost.md'), lost);
    writeFileSync(join(docsDir, 'kept.md'), kept);
    await recordPendingAdd(indexDir, { id: 'lost', file: 'lost.md', hash: sha256(lost) });
    await recordPendingAdd(indexDir, { id: 'kept', file: 'kept.md', hash: sha256(kept) });

    const settled = await settlePendingAdds(indexDir, docsDir, { kept: sha256(kept) });
    expect(settled).toEqual({ committed: ['kept'], undone: ['lost'] });
    expect(readdirSync(docsDir)).toEqual(['kept.md']);
    expect(readdirSync(join(indexDir, PENDING_ADDS_DIR))).toEqual([]);
  });

  it('keeps a file that was changed after the add it was written by, and files no add wrote', async () => {
    const { indexDir, docsDir } = dirs();
    await recordPendingAdd(indexDir, { id: 'faq', file: 'faq.md', hash: sha256('first version') });
    writeFileSync(join(docsDir, 'faq.md'), 'edited by hand since');
    writeFileSync(join(docsDir, 'mine.txt'), 'dropped in by a user');
    await settlePendingAdds(indexDir, docsDir, {});
    expect(readdirSync(docsDir).sort()).toEqual(['faq.md', 'mine.txt']);
  });

  it('removes the temporary files of interrupted writes, and never a file outside DOCS_DIR', async () => {
    const { indexDir, docsDir } = dirs();
    writeFileSync(join(docsDir, 'faq.md.tmp'), 'half written');
    writeFileSync(join(docsDir, 'notes.tmp'), 'not ours');
    const outside = join(tempDir(), 'outside.md');
    writeFileSync(outside, 'elsewhere');
    await recordPendingAdd(indexDir, { id: 'x', file: '../outside.md', hash: sha256('elsewhere') });
    await settlePendingAdds(indexDir, docsDir, {});
    expect(readdirSync(docsDir)).toEqual(['notes.tmp']);
    expect(existsSync(outside)).toBe(true);
  });

  it('settles a record torn by the crash without touching any file', async () => {
    const { indexDir, docsDir } = dirs();
    mkdirSync(join(indexDir, PENDING_ADDS_DIR), { recursive: true });
    writeFileSync(join(indexDir, PENDING_ADDS_DIR, 'torn.json'), '{"id":"fa');
    writeFileSync(join(docsDir, 'fa.md'), 'kept');
    expect(await settlePendingAdds(indexDir, docsDir, {})).toEqual({ committed: [], undone: [] });
    expect(readdirSync(docsDir)).toEqual(['fa.md']);
    expect(readdirSync(join(indexDir, PENDING_ADDS_DIR))).toEqual([]);
  });

  describe('against the committed index', () => {
    afterEach(() => vi.restoreAllMocks());

    /** An index directory whose manifest can't be read. */
    function unreadableIndex(indexDir: string) {
      mkdirSync(indexDir, { recursive: true });
      writeFileSync(join(indexDir, MANIFEST_FILE), '{"formatVersion": 4, "gener');
    }

    it('leaves the file of an add in flight while the index can not be read', async () => {
      const { indexDir, docsDir } = dirs();
      unreadableIndex(indexDir);
      await recordPendingAdd(indexDir, { id: 'faq', file: 'faq.md', hash: sha256('x') });
      writeFileSync(join(docsDir, 'faq.md'), 'x');
      expect(await settleAgainstCommittedIndex(indexDir, docsDir)).toEqual({ committed: [], undone: [] });
      expect(readdirSync(docsDir)).toEqual(['faq.md']);
      expect(readdirSync(join(indexDir, PENDING_ADDS_DIR))).toHaveLength(1);
    });

    it('reads no index when no add was in flight, and still removes the temporary files of interrupted writes', async () => {
      const { indexDir, docsDir } = dirs();
      unreadableIndex(indexDir);
      writeFileSync(join(docsDir, 'faq.md.tmp'), 'half written');
      const load = vi.spyOn(IndexStore.prototype, 'load');
      expect(await settleAgainstCommittedIndex(indexDir, docsDir)).toEqual({ committed: [], undone: [] });
      expect(load).not.toHaveBeenCalled();
      expect(readdirSync(docsDir)).toEqual([]);
    });
  });

  it('removes its record once the add is settled', async () => {
    const { indexDir } = dirs();
    const done = await recordPendingAdd(indexDir, { id: 'faq', file: 'faq.md', hash: sha256('x') });
    expect(readdirSync(join(indexDir, PENDING_ADDS_DIR))).toHaveLength(1);
    await done();
    expect(readdirSync(join(indexDir, PENDING_ADDS_DIR))).toEqual([]);
  });
});
