import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIndex, type SeedWorkspace } from '../../tests/support/seed-index.ts';
import { chunkDocument } from '../chunk.ts';
import { withAddedPostings, withoutChunks } from '../incremental.ts';
import { documentFiles, documentRecord, INDEX_FILES, indexMetaSchema, readDocuments, storeChunks, type StoredChunk } from '../layout.ts';
import type { Document } from '../types.ts';
import { toDocument } from '../load/index.ts';
import { buildPostings } from '../postings.ts';
import { decodePostings, encodePostings } from '../postings-codec.ts';
import { IndexStore, type DataFile, type LoadedIndex } from '../store/index-store.ts';
import type { IndexMeta } from '../layout.ts';
import { applyChange, readIndexText, textFiles } from './index-text.ts';

let workspace: SeedWorkspace;
let loaded: LoadedIndex<IndexMeta>;
beforeAll(async () => {
  workspace = await seedIndex();
  loaded = new IndexStore({ dir: workspace.config.indexDir, metaSchema: indexMetaSchema }).load();
}, 60_000);
afterAll(() => workspace?.dispose());

/** The document files a full build writes for `documents`. */
function documentFilesOf(documents: readonly Document[]): DataFile[] {
  return documentFiles(() => documents.map(documentRecord));
}

/** The bytes of a file as the store would write them. */
function bytesOf(files: readonly DataFile[], name: string): Buffer {
  const file = files.find((f) => f.name === name);
  const data = typeof file?.data === 'function' ? file.data() : file?.data;
  if (data === undefined) throw new Error(`no ${name}`);
  return Buffer.from(data);
}

describe('the text side of an index', () => {
  it('writes the committed files again byte for byte when nothing has changed', () => {
    const files = textFiles(readIndexText(loaded));
    for (const name of [INDEX_FILES.texts, INDEX_FILES.documents, INDEX_FILES.chunks, INDEX_FILES.postings]) expect(bytesOf(files, name).equals(loaded.read(name))).toBe(true);
  });

  it('writes after an add and a removal the bytes that encoding the whole changed index gives', async () => {
    const documents = readDocuments(loaded);
    const stored = JSON.parse(loaded.read(INDEX_FILES.chunks).toString('utf8')) as Array<StoredChunk | null>;
    const postings = decodePostings(loaded.read(INDEX_FILES.postings));
    const document = await toDocument({ relPath: 'lease.md', content: '# 로봇 리스 보증\n\n로봇 리스 보증의 보증료는 연 0.5%입니다.' });
    const chunks = chunkDocument(document, { maxChars: 600 });
    const base = stored.length;
    const added = applyChange(readIndexText(loaded), { kind: 'add', document, chunks: storeChunks(chunks) as StoredChunk[], postings: buildPostings(chunks), base });

    const gone = documents[0]!.docId;
    const ordinals = stored.flatMap((chunk, ordinal) => (chunk?.docId === gone ? [ordinal] : []));
    expect(ordinals.length).toBeGreaterThan(0);
    const removed = applyChange(added, { kind: 'remove', docId: gone, ordinals });

    const expectedDocuments = [...documents.slice(1), document];
    const expectedChunks = [...stored, ...storeChunks(chunks)].map((chunk, ordinal) => (ordinals.includes(ordinal) ? null : chunk));
    const expectedPostings = withoutChunks(withAddedPostings(postings, buildPostings(chunks), base), new Set(ordinals));
    const files = textFiles(removed);
    for (const name of [INDEX_FILES.texts, INDEX_FILES.documents]) expect(bytesOf(files, name).equals(bytesOf(documentFilesOf(expectedDocuments), name))).toBe(true);
    expect(bytesOf(files, INDEX_FILES.chunks).toString('utf8')).toBe(JSON.stringify(expectedChunks));
    expect(bytesOf(files, INDEX_FILES.postings).equals(Buffer.from(encodePostings(expectedPostings)))).toBe(true);
    // The text side it started from is left as it was.
    for (const name of [INDEX_FILES.texts, INDEX_FILES.documents]) {
      expect(bytesOf(textFiles(added), name).equals(bytesOf(documentFilesOf([...documents, document]), name))).toBe(true);
    }
  });

  it('refuses an add whose chunks would not follow the table', () => {
    const text = readIndexText(loaded);
    const document = readDocuments(loaded)[0]!;
    expect(() => applyChange(text, { kind: 'add', document, chunks: [], postings: buildPostings([]), base: text.chunks.length + 3 })).toThrow(/start at ordinal/);
  });
});
