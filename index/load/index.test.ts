import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocuments } from './index.ts';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));

describe('loadDocuments', () => {
  const tempDirs: string[] = [];
  const tempDir = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'seogi-load-'));
    tempDirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('loads the five seed articles in file order, the same way every time', async () => {
    const documents = await loadDocuments(seedsDir);
    expect(documents.map((doc) => doc.docId)).toEqual([
      '000_b1883f170ede4282',
      '001_4867c593fb02ccbe',
      '002_c75ad4871b78be58',
      '003_9ee0d488b8985d82',
      '004_b9fdec29fcde720d',
    ]);
    expect(documents[3]?.text).toContain('정부는 AI 팩토리 선도사업 공장을 2024년 26개에서 2030년 500개로 대폭 확대하고');
    expect(await loadDocuments(seedsDir)).toEqual(documents);
  });

  it('names documents in sub-folders by their relative path without extension', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'reports/2024'), { recursive: true });
    await writeFile(join(dir, 'reports/2024/summary.md'), '# 요약\n\n올해 매출이 늘었다.');
    const [doc] = await loadDocuments(dir);
    expect(doc?.docId).toBe('reports/2024/summary');
    expect(doc?.title).toBe('요약');
    expect(doc?.text).toBe('요약\n\n올해 매출이 늘었다.');
  });

  it('leaves out a file with no text, empty or nothing left after cleaning, naming it with why', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.md'), '');
    await writeFile(join(dir, 'invisible.txt'), '\u200B\uFEFF\u00AD');
    await writeFile(join(dir, 'ok.md'), '# 공고\n\n신청은 3월까지입니다.');
    const skipped: Array<{ relPath: string; reason: string }> = [];
    const documents = await loadDocuments(dir, { onSkip: (s) => skipped.push(s) });
    expect(documents.map((doc) => doc.docId)).toEqual(['ok']);
    expect(skipped).toEqual([
      { relPath: 'empty.md', reason: 'Error: the file is empty' },
      { relPath: 'invisible.txt', reason: 'Error: it has no text: nothing is left of it after cleaning' },
    ]);
    await expect(loadDocuments(dir)).rejects.toThrow('the file is empty');
  });

  it('refuses two files that would share a document id', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.md'), '가');
    await writeFile(join(dir, 'a.txt'), '나');
    await expect(loadDocuments(dir)).rejects.toThrow('a.md and a.txt would both get the document id "a"');
  });
});
