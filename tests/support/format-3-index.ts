import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_3_GRAPH_FILE } from '../../index/graph-files.ts';
import { decodeDocuments, FORMAT_4_DOCUMENTS_FILE, INDEX_FILES } from '../../index/layout.ts';
import type { ManifestFile } from '../../index/store/manifest.ts';
import { describeContent } from '../../index/store/verified-read.ts';

/**
 * Rewrites the index committed in `indexDir` as Seogi wrote it in format 3, for tests that an upgrade keeps reading
 * it: the graph in one file, `vectors.hnsw`, holding a magic line, the header's length (4 bytes, little-endian), the
 * header's JSON and then hnswlib's own format; the documents whole, texts included, as one JSON array in UTF-16LE
 * (`documents.utf16le.json`). Everything else of format 3 is as this format has it.
 */
export function rewriteAsFormat3(indexDir: string): void {
  const manifestPath = join(indexDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { formatVersion: number; generation: string; files: Record<string, unknown> };
  const generationDir = join(indexDir, 'generations', manifest.generation);
  const read = (name: string) => readFileSync(join(generationDir, name));
  const header = read(INDEX_FILES.graphHeader);
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length);
  const vectors = Buffer.concat([Buffer.from('SEOGI-HNSW-1\n'), headerLength, header, read(INDEX_FILES.graph)]);
  writeFileSync(join(generationDir, FORMAT_3_GRAPH_FILE), vectors);
  const replaced: string[] = [INDEX_FILES.graphHeader, INDEX_FILES.graph];
  const written: Record<string, ManifestFile> = { [FORMAT_3_GRAPH_FILE]: describeContent(vectors) };
  if (INDEX_FILES.documents in manifest.files) {
    const documents = Buffer.from(JSON.stringify(decodeDocuments(read(INDEX_FILES.texts), read(INDEX_FILES.documents))), 'utf16le');
    writeFileSync(join(generationDir, FORMAT_4_DOCUMENTS_FILE), documents);
    replaced.push(INDEX_FILES.texts, INDEX_FILES.documents);
    written[FORMAT_4_DOCUMENTS_FILE] = describeContent(documents);
  }
  for (const name of replaced) rmSync(join(generationDir, name));
  const files = Object.entries(manifest.files).filter(([name]) => !replaced.includes(name));
  const format3 = {
    ...manifest,
    formatVersion: 3,
    files: { ...Object.fromEntries(files), ...written },
  };
  writeFileSync(manifestPath, `${JSON.stringify(format3, null, 2)}\n`);
}
