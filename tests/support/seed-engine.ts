import { afterAll, beforeAll } from 'vitest';
import { loadGlossary } from '../../index/analyze/glossary.ts';
import { AnswerEngine } from '../../retrieval/answer-engine.ts';
import { loadCollection, type LoadedCollection } from '../../retrieval/load-collection.ts';
import { seedIndex, type SeedWorkspace } from './seed-index.ts';

/** An answer engine over a freshly indexed copy of the seeds; its fields are set before the file's tests run. */
export interface SeedEngine {
  workspace: SeedWorkspace;
  loaded: LoadedCollection;
  engine: AnswerEngine;
}

/**
 * Indexes a copy of the seeds (or of another folder of the project, see {@link seedIndex}) before the tests of the
 * calling file, loads it and makes an answer engine over it; removes the copy afterwards.
 */
export function useSeedEngine(source?: string): SeedEngine {
  const seeds = {} as SeedEngine;
  beforeAll(async () => {
    seeds.workspace = await seedIndex(source);
    seeds.loaded = await loadCollection(seeds.workspace.config);
    seeds.engine = new AnswerEngine(() => seeds.loaded.collection, loadGlossary(seeds.workspace.config.glossaryPaths));
  });
  afterAll(() => seeds.workspace.dispose());
  return seeds;
}
