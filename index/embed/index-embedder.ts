import type { IndexConfig } from '../config.ts';
import { INDEX_FILES, type IndexMeta } from '../layout.ts';
import type { LoadedIndex } from '../store/index-store.ts';
import { createEmbedder, type Embedder } from './embedder.ts';
import { createStaticEmbedder } from './static-model/load.ts';

/** Where an index's model comes from: the index itself (the collection's own model) or the models folder. */
export type IndexEmbedderConfig = Pick<IndexConfig, 'modelsDir' | 'allowRemoteModels'>;

/**
 * The embedder an index was built with, which new chunks and questions must be embedded with: the collection's own
 * model from inside the index (from `index.path`, which verifies it or leaves that to the caller), or the named
 * model from the models folder.
 */
export function indexEmbedder(index: Pick<LoadedIndex<IndexMeta>, 'manifest' | 'path'>, config: IndexEmbedderConfig): Promise<Embedder> {
  const { model } = index.manifest.meta;
  return model.builtIn
    ? createStaticEmbedder(index.path(INDEX_FILES.models))
    : createEmbedder({ model: model.id, modelsDir: config.modelsDir, allowRemote: config.allowRemoteModels });
}
