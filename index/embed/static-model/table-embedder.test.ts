import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatherModel } from './onnx.ts';
import { createTableEmbedder, readEmbeddingTable } from './table-embedder.ts';

const dir = mkdtempSync(join(tmpdir(), 'seogi-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Three rows of two values: id 0 → (1, 0), id 1 → (0, 2), id 2 → (3, 4).
const table = { values: Float32Array.from([1, 0, 0, 2, 3, 4]), vocabSize: 3, dims: 2 };

describe('readEmbeddingTable', () => {
  it('reads back the table a Gather model was written with', () => {
    const path = join(dir, 'model.onnx');
    writeFileSync(path, gatherModel(table.values, table.vocabSize, table.dims));
    expect(readEmbeddingTable(path)).toEqual(table);
  });

  it('refuses a file that is not a static model', () => {
    const path = join(dir, 'other.onnx');
    writeFileSync(path, new Uint8Array(0));
    expect(() => readEmbeddingTable(path)).toThrow(/not a static embedding model/);
  });
});

describe('createTableEmbedder', () => {
  it('gives the unit vector of the sum of the rows of the ids', async () => {
    const ids: Record<string, number[]> = { a: [0, 1], b: [2], c: [0, 0, 2] };
    const embedder = createTableEmbedder(table, { model: 'test', encode: (text) => ids[text] ?? [], batchSize: 1 });
    const [a, b, c] = await embedder.embed(['a', 'b', 'c'], 'passage');
    expect(Array.from(a as Float32Array)).toEqual([Math.fround(1 / Math.sqrt(5)), Math.fround(2 / Math.sqrt(5))]);
    expect(Array.from(b as Float32Array)).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(Array.from(c as Float32Array)).toEqual([Math.fround(5 / Math.sqrt(41)), Math.fround(4 / Math.sqrt(41))]);
    expect(embedder.dims).toBe(2);
  });

  it('gives a zero vector for a text without tokens and refuses an id outside the table', async () => {
    const embedder = createTableEmbedder(table, { model: 'test', encode: (text) => (text ? [7] : []) });
    expect(Array.from((await embedder.embed([''], 'query'))[0] as Float32Array)).toEqual([0, 0]);
    await expect(embedder.embed(['x'], 'query')).rejects.toThrow(/outside the embedding table/);
  });
});
