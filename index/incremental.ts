/**
 * What changes in an index when documents are added to it or removed from it while it serves: the chunk table,
 * postings and metadata after the change, computed from those before it without touching them, so that the change can
 * be committed to disk first and made visible after. Vectors are added to the live graph by the caller.
 */
import { contentMeta, type IndexMeta } from './layout.ts';
import type { Postings } from './postings.ts';
import type { Chunk, Document } from './types.ts';

/**
 * `current` with `added` (postings of new chunks numbered from 0) put in at ordinals `base`, `base + 1`, …; `base` is
 * at least the number of ordinals `current` has.
 */
export function withAddedPostings(current: Postings, added: Postings, base: number): Postings {
  if (base < current.lengths.length) throw new Error(`New chunks start at ordinal ${base}, inside the ${current.lengths.length} there are.`);
  const lengths = new Int32Array(base + added.lengths.length).fill(-1);
  lengths.set(current.lengths);
  lengths.set(added.lengths, base);
  const currentIds = termIds(current);
  const addedIds = termIds(added);
  return rebuild(current, lengths, [...current.terms, ...added.terms.filter((term) => !currentIds.has(term))], (term, push) => {
    const id = currentIds.get(term);
    if (id !== undefined) for (let i = current.offsets[id] as number; i < (current.offsets[id + 1] as number); i++) push(current.ordinals[i] as number, current.tfs[i] as number);
    const other = addedIds.get(term);
    if (other !== undefined) {
      for (let i = added.offsets[other] as number; i < (added.offsets[other + 1] as number); i++) push(base + (added.ordinals[i] as number), added.tfs[i] as number);
    }
  });
}

/** `current` without the chunks at `ordinals`: their lengths -1, out of every posting list; terms left with none go. */
export function withoutChunks(current: Postings, ordinals: ReadonlySet<number>): Postings {
  const lengths = current.lengths.slice();
  for (const ordinal of ordinals) if (ordinal < lengths.length) lengths[ordinal] = -1;
  const ids = termIds(current);
  return rebuild(current, lengths, current.terms, (term, push) => {
    const id = ids.get(term) as number;
    for (let i = current.offsets[id] as number; i < (current.offsets[id + 1] as number); i++) {
      const ordinal = current.ordinals[i] as number;
      if (!ordinals.has(ordinal)) push(ordinal, current.tfs[i] as number);
    }
  });
}

/** The documents, chunk table and metadata of an index after a document is added (its chunks appended). */
export function afterAdd(state: IndexState, document: Document, chunks: readonly Chunk[]): IndexState {
  const documents = new Map(state.documents).set(document.docId, document);
  const table = [...state.chunks, ...chunks];
  return { documents, chunks: table, meta: { ...state.meta, ...contentMeta([...documents.values()], table) } };
}

/** The documents, chunk table and metadata of an index after a document is removed (its chunks leave holes). */
export function afterRemove(state: IndexState, docId: string, ordinals: readonly number[]): IndexState {
  const documents = new Map(state.documents);
  documents.delete(docId);
  const table = [...state.chunks];
  for (const ordinal of ordinals) table[ordinal] = undefined;
  return { documents, chunks: table, meta: { ...state.meta, ...contentMeta([...documents.values()], table) } };
}

/** An index's documents, its chunk table by ordinal (holes for removed chunks) and its metadata. */
export interface IndexState {
  documents: ReadonlyMap<string, Document>;
  chunks: ReadonlyArray<Chunk | undefined>;
  meta: IndexMeta;
}

/** Postings of `terms` in that order, each term's list given by `fill` in ascending ordinals; empty terms are left out. */
function rebuild(
  current: Postings,
  lengths: Int32Array,
  terms: readonly string[],
  fill: (term: string, push: (ordinal: number, tf: number) => void) => void,
): Postings {
  const kept: string[] = [];
  const offsets: number[] = [0];
  let ordinals = new Uint32Array(Math.max(16, current.ordinals.length));
  let tfs = new Uint16Array(ordinals.length);
  let filled = 0;
  for (const term of terms) {
    fill(term, (ordinal, tf) => {
      if (filled === ordinals.length) {
        ordinals = grow(ordinals, new Uint32Array(ordinals.length * 2));
        tfs = grow(tfs, new Uint16Array(tfs.length * 2));
      }
      ordinals[filled] = ordinal;
      tfs[filled] = tf;
      filled += 1;
    });
    if (filled === offsets[offsets.length - 1]) continue;
    kept.push(term);
    offsets.push(filled);
  }
  return { terms: kept, offsets: Uint32Array.from(offsets), ordinals: ordinals.slice(0, filled), tfs: tfs.slice(0, filled), lengths };
}

function termIds(postings: Postings): Map<string, number> {
  return new Map(postings.terms.map((term, id) => [term, id]));
}

function grow<T extends Uint32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
