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

/** Copies the seed documents into a temp DOCS_DIR and points INDEX_DIR at an empty temp folder. */
export function seedWorkspace(): SeedWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'seogi-test-'));
  const docsDir = join(root, 'docs');
  cpSync(join(PROJECT_ROOT, 'seeds'), docsDir, { recursive: true, filter: (src) => !src.endsWith('glossary.tsv') });
  const config = readIndexConfig({ DOCS_DIR: docsDir, INDEX_DIR: join(root, 'index') });
  return { config, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** A seed workspace with its index built. */
export async function seedIndex(): Promise<SeedWorkspace> {
  const workspace = seedWorkspace();
  await buildIndex(workspace.config);
  return workspace;
}
