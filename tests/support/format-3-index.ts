import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Rewrites the index committed in `indexDir` as Seogi wrote it in format 3, for tests that an upgrade keeps reading
 * it: the graph in one file, `vectors.hnsw`, holding a magic line, the header's length (4 bytes, little-endian), the
 * header's JSON and then hnswlib's own format. Everything else of format 3 is as format 4 has it.
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
  rmSync(join(generationDir, 'graph.json'));
  rmSync(join(generationDir, 'graph.hnsw'));
  const files = Object.entries(manifest.files).filter(([name]) => name !== 'graph.json' && name !== 'graph.hnsw');
  const format3 = {
    ...manifest,
    formatVersion: 3,
    files: { ...Object.fromEntries(files), 'vectors.hnsw': { bytes: vectors.length, sha256: createHash('sha256').update(vectors).digest('hex') } },
  };
  writeFileSync(manifestPath, `${JSON.stringify(format3, null, 2)}\n`);
}
