import { MODEL_FILES } from '../embed/embedder.ts';
import { readGraph } from '../graph-files.ts';
import { chunkOrdinalsByDocument, INDEX_FILES, readDocuments, indexMetaSchema, modelFileName, restoreChunks, settingsOf, type IndexSettings } from '../layout.ts';
import { IndexStore } from '../store/index-store.ts';
import type { Chunk } from '../types.ts';
import { DocumentExistsError, DuplicateContentError, type CollectionDb } from './collection-db.ts';

/** What an import did, document by document. */
export interface ImportReport {
  /** Documents added to the database. */
  added: string[];
  /** Documents the database had already, with the same content. */
  unchanged: string[];
  /** Documents whose id the database held with other content, now replaced (with `replaceChanged`). */
  replaced: string[];
  /** Documents whose id (or text, under another id) the database holds already with other content: left as it is. */
  conflicting: string[];
}

/** Options of {@link importIndex}. */
export interface ImportOptions {
  /**
   * Whether a document the database holds with other content under the same id is replaced by the index's (as when
   * DOCS_DIR is indexed into the database) or left as it is (as when an index is imported). Default false.
   */
  replaceChanged?: boolean;
  /** Called after each document, for progress. Default none. */
  onDocument?: (done: number, total: number) => void;
}

/**
 * Copies the committed index in `indexDir` into the collection in PostgreSQL, reusing its vectors (nothing is
 * embedded again): documents, chunks, vectors and, for the collection's own model, the model's files. Documents the
 * database has already are left as they are, so an import can be run again after it stopped half-way.
 * @throws Error when the database's collection was built with another model or chunking, whose vectors or passages
 *   must not be mixed with these
 */
export async function importIndex(indexDir: string, db: CollectionDb, options: ImportOptions = {}): Promise<ImportReport> {
  const loaded = new IndexStore({ dir: indexDir, metaSchema: indexMetaSchema }).load();
  const { meta } = loaded.manifest;
  const settings = settingsOf(meta);
  const modelFiles = new Map(meta.model.builtIn ? MODEL_FILES.map((file) => [file, loaded.read(modelFileName(meta.model.id, file))] as const) : []);
  const inForce = await db.initialise(settings, meta.model.id, modelFiles);
  assertSameBuild(inForce, settings);

  const documents = new Map(readDocuments(loaded).map((d) => [d.docId, d]));
  const chunks = restoreChunks(loaded.read(INDEX_FILES.chunks), documents);
  const vectors = await readGraph(loaded);
  const report: ImportReport = { added: [], unchanged: [], replaced: [], conflicting: [] };
  const ordinalsOf = chunkOrdinalsByDocument(chunks);
  let done = 0;
  for (const document of documents.values()) {
    const ordinals = ordinalsOf.get(document.docId) ?? [];
    const own = ordinals.map((o) => chunks[o] as Chunk);
    const ownVectors = ordinals.map((o) => {
      const vector = vectors.vector(o);
      if (!vector) throw new Error(`The index in ${indexDir} has no vector for passage ${own[0]?.chunkId ?? o}; rebuild it with \`npm run index\`.`);
      return vector;
    });
    if (options.replaceChanged) {
      report[await db.replace(document, own, ownVectors)].push(document.docId);
    } else {
      try {
        const outcome = await db.add(document, own, ownVectors);
        (outcome.created ? report.added : report.unchanged).push(document.docId);
      } catch (error) {
        // Another id holding the same text is left as the database has it too (DOCS_DIR may hold a file twice).
        if (!(error instanceof DocumentExistsError || error instanceof DuplicateContentError)) throw error;
        report.conflicting.push(document.docId);
      }
    }
    options.onDocument?.(++done, documents.size);
  }
  await db.markFilled();
  return report;
}

function assertSameBuild(inForce: IndexSettings, settings: IndexSettings): void {
  if (inForce.model.fingerprint !== settings.model.fingerprint) {
    throw new Error(
      `The database's collection is embedded with model "${inForce.model.id}", this index with "${settings.model.id}": ` +
        'vectors of two models are never mixed. Import into an empty database, or rebuild this index with that model.',
    );
  }
  if (inForce.chunking !== settings.chunking) {
    throw new Error(`The database's collection is cut into passages with other settings (${inForce.chunking}) than this index (${settings.chunking}).`);
  }
}
