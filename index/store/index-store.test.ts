import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IndexStoreError } from './errors.ts';
import { GENERATIONS_DIR, TEMP_SUFFIX } from './generations.ts';
import { IndexStore } from './index-store.ts';
import type { IndexFile } from './index-store.ts';
import { LOCK_FILE, lockHolder } from './lock.ts';
import { INDEX_FORMAT_VERSION, MANIFEST_FILE } from './manifest.ts';
import { thrownBy, useTempDir } from './test-support.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const seedNames = ['000_b1883f170ede4282.txt', '001_4867c593fb02ccbe.txt'];
const seeds = seedNames.map((name) => readFileSync(join(repoRoot, 'seeds', name), 'utf8'));
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const metaSchema = z.object({ documentCount: z.number().int(), documentHashes: z.record(z.string(), z.string()) });
type Meta = z.infer<typeof metaSchema>;

/** An index of the first `count` seed documents, with a small binary "model" beside them. */
function seedIndex(count: number): { files: IndexFile[]; meta: Meta; documents: string; model: Uint8Array } {
  const chosen = seeds.slice(0, count);
  const documents = JSON.stringify(chosen);
  const model = new Uint8Array(new Float32Array([0.25, -1.5, 3.75, count]).buffer);
  const meta = {
    documentCount: chosen.length,
    documentHashes: Object.fromEntries(chosen.map((text, i) => [seedNames[i] ?? '', sha256(text)])),
  };
  return {
    files: [
      { name: 'documents.json', data: documents },
      { name: 'onnx/model.onnx', data: model },
    ],
    meta,
    documents,
    model,
  };
}

function codeOf(action: () => unknown): unknown {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(IndexStoreError);
  return (error as IndexStoreError).code;
}

describe('IndexStore', () => {
  const tempDir = useTempDir('seogi-store-');
  const open = () => new IndexStore({ dir: join(tempDir(), 'data'), metaSchema });
  const generations = (store: IndexStore<Meta>) => readdirSync(join(store.dir, GENERATIONS_DIR)).sort();

  it('loads back exactly the files and metadata it committed', async () => {
    const store = open();
    const { files, meta, documents, model } = seedIndex(2);
    expect(store.exists()).toBe(false);

    const committed = await store.commit(files, meta);
    const loaded = store.load();

    expect(store.exists()).toBe(true);
    expect(loaded.manifest).toEqual(committed);
    expect(loaded.manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(loaded.manifest.meta).toEqual(meta);
    expect(loaded.manifest.files['documents.json']).toEqual({
      bytes: Buffer.byteLength(documents),
      sha256: sha256(documents),
    });
    expect(JSON.parse(loaded.read('documents.json').toString('utf8'))).toEqual(seeds);
    expect(new Uint8Array(loaded.read('onnx/model.onnx'))).toEqual(model);
    expect(loaded.path('onnx')).toBe(join(store.dir, GENERATIONS_DIR, committed.generation, 'onnx'));
    expect(readFileSync(loaded.path('onnx/model.onnx'))).toEqual(Buffer.from(model));
  });

  it('makes a file given as a function only when its turn to be written comes', async () => {
    const store = open();
    const { meta, documents, model } = seedIndex(2);
    const events: string[] = [];
    const files: IndexFile[] = [
      { name: 'onnx/model.onnx', data: model },
      {
        name: 'documents.json',
        data: () => {
          events.push('made documents.json');
          return documents;
        },
      },
    ];
    await store.commit(files, meta, { afterFileWritten: (name) => void events.push(`wrote ${name}`) });
    expect(events).toEqual(['wrote onnx/model.onnx', 'made documents.json', 'wrote documents.json']);
    expect(store.load().manifest.files['documents.json']).toEqual({ bytes: Buffer.byteLength(documents), sha256: sha256(documents) });
    expect(JSON.parse(store.load().read('documents.json').toString('utf8'))).toEqual(seeds);
  });

  it('replaces the previous generation on the next commit, then removes it and its lock', async () => {
    const store = open();
    const first = await store.commit(seedIndex(1).files, seedIndex(1).meta);
    const { files, meta } = seedIndex(2);
    const second = await store.commit(files, meta);

    expect(second.generation > first.generation).toBe(true);
    expect(generations(store)).toEqual([second.generation]);
    expect(readdirSync(store.dir).sort()).toEqual([GENERATIONS_DIR, MANIFEST_FILE]);
    expect(store.load().manifest.meta.documentCount).toBe(2);
    expect(JSON.parse(store.load().read('documents.json').toString('utf8'))).toEqual(seeds);
  });

  it('runs commits started at the same time one after the other, even from two instances', async () => {
    const a = open();
    const b = new IndexStore({ dir: a.dir, metaSchema });
    const [first, second] = await Promise.all([
      a.commit(seedIndex(1).files, seedIndex(1).meta),
      b.commit(seedIndex(2).files, seedIndex(2).meta),
    ]);

    expect(first.generation < second.generation).toBe(true);
    expect(a.load().manifest).toEqual(second);
    expect(generations(a)).toEqual([second.generation]);
  });

  it('carries a kept file over from the committed index without rewriting it', async () => {
    const store = open();
    const { files, model } = seedIndex(1);
    const first = await store.commit(files, seedIndex(1).meta);
    const modelInode = statSync(store.load().path('onnx/model.onnx')).ino;

    const { documents, meta } = seedIndex(2);
    const second = await store.commit(
      [
        { name: 'documents.json', data: documents },
        { name: 'onnx/model.onnx', keep: true },
      ],
      meta,
    );
    const loaded = store.load();

    expect(second.files['onnx/model.onnx']).toEqual(first.files['onnx/model.onnx']);
    expect(new Uint8Array(loaded.read('onnx/model.onnx'))).toEqual(model);
    expect(statSync(loaded.path('onnx/model.onnx')).ino).toBe(modelInode);
    expect(loaded.read('documents.json').toString('utf8')).toBe(documents);
  });

  it('refuses to keep a file when there is no committed index or it lacks that file', async () => {
    const store = open();
    const { documents, meta } = seedIndex(1);
    const keepModel: IndexFile[] = [
      { name: 'documents.json', data: documents },
      { name: 'onnx/model.onnx', keep: true },
    ];
    await expect(store.commit(keepModel, meta)).rejects.toMatchObject({ code: 'INDEX_MISSING' });

    const first = await store.commit([{ name: 'documents.json', data: documents }], meta);
    await expect(store.commit(keepModel, meta)).rejects.toMatchObject({ code: 'INDEX_MISMATCH' });
    expect(store.load().manifest).toEqual(first);
    expect(generations(store)).toEqual([first.generation]);
  });

  it.each([
    ['an absolute name', '/tmp/documents.json', /"\/tmp\/documents\.json"/],
    ['a name climbing out of the index', 'onnx/../../documents.json', /"onnx\/\.\.\/\.\.\/documents\.json"/],
    ['a name with a backslash', 'onnx\\model.onnx', /backslash/],
    ['a name with a NUL', 'model\0.onnx', /NUL/],
    ['a name given twice', 'documents.json', /"documents\.json" is given twice/],
  ])('refuses %s before writing anything', async (_case, name, message) => {
    const store = open();
    const { files, meta } = seedIndex(1);
    await expect(store.commit([...files, { name, data: 'x' }], meta)).rejects.toThrow(message);
    expect(existsSync(store.dir)).toBe(false);
  });

  it('refuses metadata that fails its schema before writing anything', async () => {
    const store = open();
    const bad = { documentCount: 'two', documentHashes: {} } as unknown as Meta;
    await expect(store.commit(seedIndex(1).files, bad)).rejects.toThrow(/documentCount/);
    expect(existsSync(store.dir)).toBe(false);
  });

  it.each(['afterFileWritten', 'beforeManifest'] as const)(
    'keeps the previous index when the commit fails at %s, and cleans up after itself',
    async (hook) => {
      const store = open();
      const first = await store.commit(seedIndex(1).files, seedIndex(1).meta);
      const failure = new Error('No space left on device');

      await expect(
        store.commit(seedIndex(2).files, seedIndex(2).meta, {
          [hook]: () => {
            throw failure;
          },
        }),
      ).rejects.toBe(failure);

      expect(store.load().manifest).toEqual(first);
      expect(store.load().read('documents.json').toString('utf8')).toBe(seedIndex(1).documents);
      expect(generations(store)).toEqual([first.generation]);
      expect(existsSync(join(store.dir, LOCK_FILE))).toBe(false);
    },
  );

  describe('load', () => {
    async function committed() {
      const store = open();
      const manifest = await store.commit(seedIndex(2).files, seedIndex(2).meta);
      const generationDir = join(store.dir, GENERATIONS_DIR, manifest.generation);
      return { store, manifest, generationDir };
    }

    function rewriteManifest(store: IndexStore<Meta>, change: (manifest: Record<string, unknown>) => unknown) {
      const path = join(store.dir, MANIFEST_FILE);
      const changed = change(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
      writeFileSync(path, typeof changed === 'string' ? changed : JSON.stringify(changed));
    }

    it('reports INDEX_MISSING when nothing has been committed', () => {
      const store = open();
      expect(codeOf(() => store.load())).toBe('INDEX_MISSING');
    });

    it.each([
      ['is not valid JSON', () => '{"formatVersion": 1, "generation": ', 'INDEX_CORRUPT'],
      ['lists its files in the wrong shape', (m: Record<string, unknown>) => ({ ...m, files: [] }), 'INDEX_CORRUPT'],
      ['was written by another format version', (m: Record<string, unknown>) => ({ ...m, formatVersion: INDEX_FORMAT_VERSION + 1 }), 'INDEX_VERSION'],
      ['holds metadata of another shape', (m: Record<string, unknown>) => ({ ...m, meta: { documents: 2 } }), 'INDEX_MISMATCH'],
    ])('refuses an index whose manifest %s', async (_case, change, code) => {
      const { store } = await committed();
      rewriteManifest(store, change);
      expect(codeOf(() => store.load())).toBe(code);
    });

    it('refuses a truncated file, naming it', async () => {
      const { store, generationDir } = await committed();
      truncateSync(join(generationDir, 'documents.json'), 100);
      const error = thrownBy(() => store.load());
      expect(error).toMatchObject({ name: 'IndexStoreError', code: 'INDEX_CORRUPT' });
      expect((error as Error).message).toContain('documents.json');
    });

    it('refuses a file with one flipped byte when it is used, by content, path or folder, naming it', async () => {
      const { store, generationDir } = await committed();
      const path = join(generationDir, 'onnx', 'model.onnx');
      const bytes = readFileSync(path);
      bytes[5] = (bytes[5] ?? 0) ^ 0x01;
      writeFileSync(path, bytes);
      const loaded = store.load();
      for (const use of [() => loaded.read('onnx/model.onnx'), () => loaded.path('onnx/model.onnx'), () => loaded.path('onnx')]) {
        const error = thrownBy(use);
        expect(error).toMatchObject({ code: 'INDEX_CORRUPT' });
        expect((error as Error).message).toContain('onnx/model.onnx does not match its checksum');
      }
      expect(JSON.parse(loaded.read('documents.json').toString('utf8'))).toEqual(seeds);
    });

    it('refuses at load a file whose size is not the recorded one', async () => {
      const { store, generationDir } = await committed();
      writeFileSync(join(generationDir, 'onnx', 'model.onnx'), new Uint8Array(3));
      const error = thrownBy(() => store.load());
      expect(error).toMatchObject({ code: 'INDEX_CORRUPT' });
      expect((error as Error).message).toContain('onnx/model.onnx has 3 bytes instead of 16');
    });

    it('refuses an index with a missing file or a missing generation folder', async () => {
      const { store, generationDir } = await committed();
      rmSync(join(generationDir, 'onnx', 'model.onnx'));
      expect(codeOf(() => store.load())).toBe('INDEX_CORRUPT');
      rmSync(generationDir, { recursive: true });
      expect(codeOf(() => store.load())).toBe('INDEX_CORRUPT');
    });

    it('refuses to read a file that changed after loading', async () => {
      const { store, generationDir } = await committed();
      const loaded = store.load();
      writeFileSync(join(generationDir, 'documents.json'), JSON.stringify(seeds.slice().reverse()));
      expect(codeOf(() => loaded.read('documents.json'))).toBe('INDEX_CORRUPT');
    });

    it('reads a file rewritten after loading when its content is still the recorded one', async () => {
      const { store, generationDir } = await committed();
      const loaded = store.load();
      const path = join(generationDir, 'documents.json');
      const content = readFileSync(path);
      rmSync(path);
      writeFileSync(path, content);
      expect(JSON.parse(loaded.read('documents.json').toString('utf8'))).toEqual(seeds);
    });

    it('reports INDEX_MISMATCH for a file the index does not have', async () => {
      const { store } = await committed();
      const loaded = store.load();
      expect(codeOf(() => loaded.read('postings.json'))).toBe('INDEX_MISMATCH');
      expect(codeOf(() => loaded.path('hnsw.bin'))).toBe('INDEX_MISMATCH');
    });
  });

  describe('loadVerifyingInParallel', () => {
    async function committed() {
      const store = open();
      const manifest = await store.commit(seedIndex(2).files, seedIndex(2).meta);
      return { store, generationDir: join(store.dir, GENERATIONS_DIR, manifest.generation) };
    }

    function flipByte(path: string) {
      const bytes = readFileSync(path);
      bytes[5] = (bytes[5] ?? 0) ^ 0x01;
      writeFileSync(path, bytes);
    }

    it('gives the files at once, and verifies them all, a file or a folder of them', async () => {
      const { store, generationDir } = await committed();
      const loaded = store.loadVerifyingInParallel({ first: () => ['onnx'] });
      expect(JSON.parse(loaded.read('documents.json').toString('utf8'))).toEqual(seeds);
      expect(loaded.path('onnx')).toBe(join(generationDir, 'onnx'));
      await expect(loaded.verified(['onnx'])).resolves.toBeUndefined();
      await expect(loaded.verified(['documents.json', 'onnx/model.onnx'])).resolves.toBeUndefined();
      await expect(loaded.verified()).resolves.toBeUndefined();
    });

    it('refuses a file with a flipped byte, naming it, and only where that file is waited for', async () => {
      const { store, generationDir } = await committed();
      flipByte(join(generationDir, 'onnx', 'model.onnx'));
      const loaded = store.loadVerifyingInParallel();
      // Read as it is, damage and all: what is made of it waits for the verdict.
      expect(loaded.read('onnx/model.onnx')).toHaveLength(16);
      for (const names of [undefined, ['onnx'], ['onnx/model.onnx']]) {
        const error = await loaded.verified(names).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IndexStoreError);
        expect(error).toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('onnx/model.onnx does not match its checksum') });
      }
      await expect(loaded.verified(['documents.json'])).resolves.toBeUndefined();
    });

    it('refuses a file removed after loading as missing', async () => {
      const { store, generationDir } = await committed();
      const loaded = store.loadVerifyingInParallel();
      rmSync(join(generationDir, 'documents.json'));
      await expect(loaded.verified()).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('documents.json is missing') });
    });

    it('checks the manifest and the sizes at once, and what the index has', async () => {
      const { store, generationDir } = await committed();
      const loaded = store.loadVerifyingInParallel();
      expect(codeOf(() => loaded.read('postings.json'))).toBe('INDEX_MISMATCH');
      await expect(loaded.verified(['hnsw.bin'])).rejects.toMatchObject({ code: 'INDEX_MISMATCH' });
      await loaded.verified();
      truncateSync(join(generationDir, 'documents.json'), 100);
      expect(codeOf(() => store.loadVerifyingInParallel())).toBe('INDEX_CORRUPT');
    });
  });

  describe('when the writing process is killed', () => {
    const fixture = fileURLToPath(new URL('./fixtures/commit-until-killed.ts', import.meta.url));
    let child: ChildProcess | undefined;
    afterEach(() => {
      if (child?.exitCode === null) child.kill('SIGKILL');
      child = undefined;
    });

    /** Starts a commit in another process, kills it once it reports `writing`, and returns its pid. */
    async function killCommitAt(dir: string, stage: 'files' | 'manifest'): Promise<number> {
      const started = spawn(process.execPath, ['--import', 'tsx', fixture, dir, stage], { cwd: repoRoot });
      child = started;
      let stdout = '';
      let stderr = '';
      started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        started.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('writing\n')) resolve();
        });
        started.once('exit', (code) => reject(new Error(`the commit finished (${code}) before it was killed: ${stderr}`)));
      });
      started.kill('SIGKILL');
      await exited;
      if (started.pid === undefined) throw new Error('the writing process did not start');
      return started.pid;
    }

    it.each([
      ['while writing files', 'files', (name: string) => name.endsWith(TEMP_SUFFIX)],
      ['after the files, before the manifest', 'manifest', (name: string) => !name.endsWith(TEMP_SUFFIX)],
    ] as const)('%s, the previous index still loads and the next commit cleans up', async (_case, stage, isLeftover) => {
      const store = open();
      const previous = seedIndex(2);
      const first = await store.commit(previous.files, previous.meta);

      const pid = await killCommitAt(store.dir, stage);

      const leftovers = generations(store).filter((name) => name !== first.generation);
      expect(leftovers).toHaveLength(1);
      expect(isLeftover(leftovers[0] ?? '')).toBe(true);
      expect(lockHolder(join(store.dir, LOCK_FILE))?.pid).toBe(pid);

      const loaded = store.load();
      expect(loaded.manifest).toEqual(first);
      expect(loaded.read('documents.json').toString('utf8')).toBe(previous.documents);
      expect(new Uint8Array(loaded.read('onnx/model.onnx'))).toEqual(previous.model);

      const next = seedIndex(1);
      const third = await store.commit(next.files, next.meta);
      expect(generations(store)).toEqual([third.generation]);
      expect(existsSync(join(store.dir, LOCK_FILE))).toBe(false);
      expect(store.load().read('documents.json').toString('utf8')).toBe(next.documents);
    });
  });
});
