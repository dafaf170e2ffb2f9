/**
 * Worker thread that commits the generations of a served index (see generation-writer.ts): it keeps the index's
 * text side (see index-text.ts), applies each change to it, and writes, hashes and commits the new generation's files,
 * so that none of that whole-index work holds up the thread that answers requests.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { GraphHeader } from '../embed/vector-index.ts';
import { graphFiles, indexMetaSchema, keptModelFiles, type IndexMeta } from '../layout.ts';
import type { Postings } from '../postings.ts';
import { IndexStore, IndexStoreError } from '../store/index-store.ts';
import { applyChange, readIndexText, textFiles, type IndexChange, type IndexText } from './index-text.ts';

/** What the worker is started with. */
export interface CommitWorkerData {
  indexDir: string;
}

/** A change to commit. */
export interface CommitRequest {
  id: number;
  /** The generation the change is made to: the one the serving index shows. */
  from: string;
  /** None only to read `from` ahead of the first change. */
  change?: IndexChange;
  meta?: IndexMeta;
  /** The graph after the change: its header, and the file `VectorIndex.writeGraph` wrote the graph to. */
  vectors?: { header: GraphHeader; graphPath: string };
  /** Whether to send the postings after the change back. */
  wantPostings?: boolean;
}

/** The committed generation (with the postings, when asked for), or why the commit failed. */
export type CommitReply =
  | { id: number; generation: string; postings?: Postings }
  | { id: number; error: { name: string; message: string; code?: string } };

if (!parentPort) throw new Error('commit-worker.ts runs only as a worker thread.');
const port = parentPort;
const { indexDir } = workerData as CommitWorkerData;
const store = new IndexStore({ dir: indexDir, metaSchema: indexMetaSchema });
/** The text side of the generation last read or committed here. */
let current: { generation: string; text: IndexText } | undefined;

// Requests are handled one at a time, in order: each commit starts from the one before.
let queue = Promise.resolve();
port.on('message', (request: CommitRequest) => {
  queue = queue.then(() => answer(request));
});

async function answer(request: CommitRequest): Promise<void> {
  let reply: CommitReply;
  try {
    reply = { id: request.id, ...(await commit(request)) };
  } catch (error) {
    const { name, message, code } = error as Error & { code?: unknown };
    port.postMessage({ id: request.id, error: { name, message, ...(typeof code === 'string' ? { code } : {}) } } satisfies CommitReply);
    return;
  }
  port.postMessage(reply);
}

async function commit(request: CommitRequest): Promise<{ generation: string; postings?: Postings }> {
  const from = textOf(request.from);
  const { change, meta, vectors } = request;
  if (!change || !meta || !vectors) return { generation: request.from };
  const text = applyChange(from, change);
  const files = [...textFiles(text), ...graphFiles({ header: vectors.header, graph: await readFile(vectors.graphPath) }), ...keptModelFiles(meta.model)];
  const manifest = await store.commit(files, meta);
  current = { generation: manifest.generation, text };
  return { generation: manifest.generation, ...(request.wantPostings ? { postings: text.postings } : {}) };
}

/** The text side of generation `generation`, read from disk unless it is the one held. */
function textOf(generation: string): IndexText {
  if (current?.generation === generation) return current.text;
  current = undefined;
  const loaded = store.load();
  if (loaded.manifest.generation !== generation) {
    throw new IndexStoreError(
      'INDEX_MISMATCH',
      `The index in ${indexDir} is generation ${loaded.manifest.generation}, not ${generation}, which is being served: another process changed it.`,
    );
  }
  const text = readIndexText(loaded);
  current = { generation, text };
  return text;
}
