import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceFiles } from './read-files.ts';

describe('readSourceFiles', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'seogi-read-files-'));
    await mkdir(join(dir, 'b/nested'), { recursive: true });
    await mkdir(join(dir, '.hidden'));
    await writeFile(join(dir, 'z.txt'), '마지막');
    await writeFile(join(dir, 'a.md'), '# 제목');
    await writeFile(join(dir, 'b/page.HTML'), '<p>본문</p>');
    await writeFile(join(dir, 'b/nested/old.htm'), '<p>옛 문서</p>');
    await writeFile(join(dir, 'b/notes.pdf'), '%PDF-1.4');
    await writeFile(join(dir, 'b/photo.png'), 'PNG');
    await writeFile(join(dir, '.draft.txt'), '숨김');
    await writeFile(join(dir, '.hidden/inside.txt'), '숨김');
    await symlink(join(dir, 'a.md'), join(dir, 'link.txt'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the bytes of document files recursively, sorted by their /-separated relative path', async () => {
    const files = await readSourceFiles(dir);
    expect(files.map((file) => file.relPath)).toEqual([
      'a.md',
      'b/nested/old.htm',
      'b/notes.pdf',
      'b/page.HTML',
      'link.txt',
      'z.txt',
    ]);
    const text = (relPath: string) => new TextDecoder().decode(files.find((file) => file.relPath === relPath)?.content as Uint8Array);
    expect(text('b/nested/old.htm')).toBe('<p>옛 문서</p>');
    expect(text('link.txt')).toBe('# 제목');
  });

  it('tells the user to set DOCS_DIR or create the folder when it is missing', async () => {
    const missing = join(dir, 'nope');
    await expect(readSourceFiles(missing)).rejects.toThrow(`Documents folder ${missing} does not exist`);
    await expect(readSourceFiles(missing)).rejects.toThrow(/Set DOCS_DIR .* or create/);
  });

  it('refuses a path that is a file, not a folder', async () => {
    await expect(readSourceFiles(join(dir, 'z.txt'))).rejects.toThrow('is not a folder');
  });

  it('skips, naming each with why, what has a document name but is no file it can read; a folder so named is walked', async () => {
    const odd = await mkdtemp(join(tmpdir(), 'seogi-read-odd-'));
    try {
      await writeFile(join(odd, 'ok.md'), '# 본문');
      await symlink(join(odd, 'gone.md'), join(odd, 'dangling.md'));
      await symlink(join(odd, 'loop-b.md'), join(odd, 'loop-a.md'));
      await symlink(join(odd, 'loop-a.md'), join(odd, 'loop-b.md'));
      await mkdir(join(odd, 'folder.md'));
      await writeFile(join(odd, 'folder.md', 'inside.txt'), '안쪽');
      await symlink(join(odd, 'folder.md'), join(odd, 'to-folder.md'));
      const skipped: Array<{ relPath: string; reason: string }> = [];
      const files = await readSourceFiles(odd, { onSkip: (s) => skipped.push(s) });
      expect(files.map((file) => file.relPath)).toEqual(['folder.md/inside.txt', 'ok.md']);
      expect(skipped.sort((a, b) => a.relPath.localeCompare(b.relPath))).toEqual([
        { relPath: 'dangling.md', reason: 'it is a symbolic link to nothing (its target is gone)' },
        { relPath: 'loop-a.md', reason: 'it is a loop of symbolic links' },
        { relPath: 'loop-b.md', reason: 'it is a loop of symbolic links' },
        { relPath: 'to-folder.md', reason: 'it is a symbolic link to a folder, and links to folders are not followed' },
      ]);
      await expect(readSourceFiles(odd)).rejects.toThrow('it is a symbolic link to nothing');
    } finally {
      await rm(odd, { recursive: true, force: true });
    }
  });

  it('reads the five seed articles', async () => {
    const files = await readSourceFiles(fileURLToPath(new URL('../../seeds/', import.meta.url)));
    expect(files.map((file) => file.relPath)).toEqual([
      '000_b1883f170ede4282.txt',
      '001_4867c593fb02ccbe.txt',
      '002_c75ad4871b78be58.txt',
      '003_9ee0d488b8985d82.txt',
      '004_b9fdec29fcde720d.txt',
    ]);
  });
});
