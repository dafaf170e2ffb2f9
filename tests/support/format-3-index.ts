import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
  const header = readFileSync(join(generationDir, 'graph.json'));
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length);
  const vectors = Buffer.concat([Buffer.from('SEOGI-HNSW-1\n'), headerLength, header, readFileSync(join(generationDir, 'graph.hnsw'))]);
  writeFileSync(join(generationDir, 'vectors.hnsw'), vectors);
  const record = (data: Buffer) => ({ bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
  const replaced = ['graph.json', 'graph.hnsw'];
  const written: Record<string, ReturnType<typeof record>> = { 'vectors.hnsw': record(vectors) };
  if ('documents.json' in manifest.files) {
    const texts = readFileSync(join(generationDir, 'texts.utf16le')).toString('utf16le');
    let at = 0;
    const stored = JSON.parse(readFileSync(join(generationDir, 'documents.json'), 'utf8')) as Array<{ textLength: number }>;
    const whole = stored.map(({ textLength, ...document }) => ({ ...document, text: texts.slice(at, (at += textLength)) }));
    const documents = Buffer.from(JSON.stringify(whole), 'utf16le');
    writeFileSync(join(generationDir, 'documents.utf16le.json'), documents);
    replaced.push('texts.utf16le', 'documents.json');
    written['documents.utf16le.json'] = record(documents);
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
