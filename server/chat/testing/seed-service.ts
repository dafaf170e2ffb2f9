import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readIndexConfig } from '../../../index/config.ts';
import { openLiveCollection, type LiveCollection } from '../../live-collection.ts';

/** The real service over the seed articles, with its index built into a temporary directory. */
export interface SeedService {
  service: LiveCollection;
  /** Removes the temporary index. */
  dispose: () => Promise<void>;
}

/** Builds the index of `seeds/` into a fresh temporary INDEX_DIR and opens it for serving. Takes a few seconds. */
export async function openSeedService(): Promise<SeedService> {
  const indexDir = await mkdtemp(join(tmpdir(), 'seogi-chat-'));
  const service = await openLiveCollection(readIndexConfig({ INDEX_DIR: indexDir }));
  return { service, dispose: () => rm(indexDir, { recursive: true, force: true }) };
}
