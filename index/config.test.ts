import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, readIndexConfig, STATIC_MODEL_ID } from './config.ts';

describe('readIndexConfig', () => {
  it('defaults to the seeds, data/ and the built-in model', () => {
    expect(readIndexConfig({})).toMatchObject({
      docsDir: join(PROJECT_ROOT, 'seeds'),
      indexDir: join(PROJECT_ROOT, 'data'),
      glossaryPaths: [join(PROJECT_ROOT, 'seeds', 'glossary.tsv')],
      embedModel: STATIC_MODEL_ID,
      allowRemoteModels: false,
    });
  });

  it("adds the documents folder's own glossary after the built-in one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'seogi-config-'));
    try {
      writeFileSync(join(dir, 'glossary.tsv'), '협약식\tsigning ceremony\tbusiness\n');
      expect(readIndexConfig({ DOCS_DIR: dir }).glossaryPaths).toEqual([join(PROJECT_ROOT, 'seeds', 'glossary.tsv'), join(dir, 'glossary.tsv')]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reads the HNSW parameters, leaving unset ones to the index defaults', () => {
    expect(readIndexConfig({ HNSW_M: '24', HNSW_EF_SEARCH: '200' }).hnsw).toEqual({ M: 24, efSearch: 200 });
    expect(readIndexConfig({}).hnsw).toEqual({});
    expect(() => readIndexConfig({ HNSW_EF_CONSTRUCTION: 'lots' })).toThrow(/HNSW_EF_CONSTRUCTION/);
  });

  it('names the variable that is wrong', () => {
    expect(() => readIndexConfig({ ALLOW_REMOTE_MODELS: 'maybe' })).toThrow(/ALLOW_REMOTE_MODELS/);
    expect(() => readIndexConfig({ EMBED_MODEL: '../../etc' })).toThrow(/EMBED_MODEL/);
  });
});
