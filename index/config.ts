import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { VectorIndexOptions } from './embed/vector-index.ts';

/** The repository root, so defaults do not depend on the directory a command is started from. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Name of the embedding model Seogi builds from the collection when no other is configured. */
export const STATIC_MODEL_ID = 'seogi-static';

/** Where documents come from, where the index goes, and which embedding model to use. */
export interface IndexConfig {
  /** `DOCS_DIR`, default `seeds/`. */
  docsDir: string;
  /** `INDEX_DIR`, default `data/`. */
  indexDir: string;
  /** Glossary files: the built-in `seeds/glossary.tsv`, then `glossary.tsv` of `DOCS_DIR` when there is one. */
  glossaryPaths: string[];
  /** `EMBED_MODEL`, default `seogi-static` (built from the collection); any transformers.js feature-extraction model. */
  embedModel: string;
  /** `MODELS_DIR`, default `data/models/`: where pretrained models are looked for and downloaded to. */
  modelsDir: string;
  /** `ALLOW_REMOTE_MODELS=1` lets a pretrained model be downloaded from its hub. Default off. */
  allowRemoteModels: boolean;
  /**
   * HNSW parameters: `HNSW_M` and `HNSW_EF_CONSTRUCTION` apply when the graph is built, `HNSW_EF_SEARCH` when it is
   * searched. Unset ones keep `VectorIndex`'s defaults (16, 100, 200).
   */
  hnsw: VectorIndexOptions;
}

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const positiveInt = z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(4096, 'must be at most 4096');

const schema = z.object({
  DOCS_DIR: z.string().min(1).optional(),
  INDEX_DIR: z.string().min(1).optional(),
  EMBED_MODEL: z
    .string()
    .regex(/^[\w.-]+(\/[\w.-]+)?$/, 'must be a model name such as Xenova/multilingual-e5-small')
    .optional(),
  MODELS_DIR: z.string().min(1).optional(),
  ALLOW_REMOTE_MODELS: flag.optional(),
  HNSW_M: positiveInt.optional(),
  HNSW_EF_CONSTRUCTION: positiveInt.optional(),
  HNSW_EF_SEARCH: positiveInt.optional(),
});

/**
 * Reads the index configuration from environment variables, once, at start-up.
 * @throws Error naming the variable and what it must be.
 */
export function readIndexConfig(env: NodeJS.ProcessEnv = process.env): IndexConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(describeConfigError(parsed.error));
  const e = parsed.data;
  const docsDir = resolve(e.DOCS_DIR ?? join(PROJECT_ROOT, 'seeds'));
  const indexDir = resolve(e.INDEX_DIR ?? join(PROJECT_ROOT, 'data'));
  const builtIn = join(PROJECT_ROOT, 'seeds', 'glossary.tsv');
  const own = join(docsDir, 'glossary.tsv');
  return {
    docsDir,
    indexDir,
    glossaryPaths: own !== builtIn && existsSync(own) ? [builtIn, own] : [builtIn],
    embedModel: e.EMBED_MODEL ?? STATIC_MODEL_ID,
    modelsDir: resolve(e.MODELS_DIR ?? join(PROJECT_ROOT, 'data', 'models')),
    allowRemoteModels: e.ALLOW_REMOTE_MODELS ?? false,
    hnsw: {
      ...(e.HNSW_M !== undefined ? { M: e.HNSW_M } : {}),
      ...(e.HNSW_EF_CONSTRUCTION !== undefined ? { efConstruction: e.HNSW_EF_CONSTRUCTION } : {}),
      ...(e.HNSW_EF_SEARCH !== undefined ? { efSearch: e.HNSW_EF_SEARCH } : {}),
    },
  };
}

/** One line per bad variable: `Invalid configuration: PORT must be …`. */
export function describeConfigError(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return `Invalid configuration: ${lines.join('; ')}`;
}
