import type { IndexMeta } from '../index/layout.ts';
import type { Collection } from './collection.ts';
import { LiveIndex, type LoadConfig } from './live-index.ts';

/** A collection loaded from disk, with what its manifest says about it. */
export interface LoadedCollection {
  collection: Collection;
  meta: IndexMeta;
  /** Generation id of the loaded index. */
  generation: string;
}

/**
 * Loads the committed index under `indexDir` into memory, to answer from (see {@link LiveIndex.open}, which also lets
 * it be changed).
 * @throws IndexStoreError when there is no index, or it is corrupt, of another format, or built with another model
 * than `embedModel` (code `INDEX_MISMATCH`).
 */
export async function loadCollection(config: LoadConfig): Promise<LoadedCollection> {
  const { view } = await LiveIndex.open(config);
  return { collection: view, meta: view.meta, generation: view.generation };
}
