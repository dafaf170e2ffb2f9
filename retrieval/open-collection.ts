import { buildIfMissing, type BuildHooks } from '../index/build-if-missing.ts';
import type { IndexConfig } from '../index/config.ts';
import type { IndexWriter } from '../index/store/writer-lock.ts';
import { loadCollection, type LoadedCollection } from './load-collection.ts';

/**
 * Loads the index, building it first when `indexDir` has none yet (see {@link buildIfMissing}). Building is index/'s
 * job and loading retrieval's, so the two meet here, one floor above building: `npm run ask` and `npm run eval` open
 * the collection through it, and the server, which holds the writer lock itself, calls `buildIfMissing` directly.
 * @param writer the caller's right to write the index, if it holds it
 */
export async function openCollection(config: IndexConfig, hooks: BuildHooks = {}, writer?: IndexWriter): Promise<LoadedCollection> {
  await buildIfMissing(config, hooks, writer);
  return loadCollection(config);
}
