import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex } from '../../index/build.ts';
import { PROJECT_ROOT, readIndexConfig, type IndexConfig } from '../../index/config.ts';

/** A private copy of the seeds and an empty index folder, so tests never touch the repository's own. */
export interface SeedWorkspace {
  config: IndexConfig;
  /** Removes the temporary folders. */
  dispose: () => void;
}

/**
 * Copies the seed documents (or those of another folder of the project, such as `bench/encyclopedia/docs`) into a temp
 * DOCS_DIR and points INDEX_DIR at an empty temp folder.
 */
export function seedWorkspace(source = 'seeds'): SeedWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'seogi-test-'));
  const docsDir = join(root, 'docs');
  cpSync(join(PROJECT_ROOT, source), docsDir, { recursive: true, filter: (src) => !src.endsWith('glossary.tsv') });
  const config = readIndexConfig({ DOCS_DIR: docsDir, INDEX_DIR: join(root, 'index') });
  return { config, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** A seed workspace (see {@link seedWorkspace}) with its index built. */
export async function seedIndex(source?: string): Promise<SeedWorkspace> {
  const workspace = seedWorkspace(source);
  await buildIndex(workspace.config);
  return workspace;
}
