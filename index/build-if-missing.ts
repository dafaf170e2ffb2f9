import { buildIndex, type BuildOptions } from './build.ts';
import type { IndexConfig } from './config.ts';
import { indexMetaSchema } from './layout.ts';
import { IndexStore } from './store/index-store.ts';
import { acquireWriter, type IndexWriter } from './store/writer-lock.ts';

/** What a build on first use reports through. */
export type BuildHooks = Pick<BuildOptions, 'onProgress' | 'onNotice'>;

/**
 * Builds the index when `indexDir` has none yet (the first `npm start` on a fresh checkout). An index that exists but
 * can't be loaded is not silently rebuilt: loading it says what is wrong and to run `npm run index`.
 * @param writer the caller's right to write the index, if it holds it; else the build takes it for its duration and
 *   fails with `INDEX_LOCKED` when another process is the writer
 */
export async function buildIfMissing(config: IndexConfig, hooks: BuildHooks = {}, writer?: IndexWriter): Promise<void> {
  if (new IndexStore({ dir: config.indexDir, metaSchema: indexMetaSchema }).exists()) return;
  hooks.onNotice?.(`No index in ${config.indexDir} yet: building it from ${config.docsDir}.`);
  const building = writer ?? acquireWriter(config.indexDir, 'an index build');
  try {
    await buildIndex({ ...config, ...hooks });
  } finally {
    if (!writer) building.release();
  }
}
