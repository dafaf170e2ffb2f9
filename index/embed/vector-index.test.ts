import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unitVectors } from './test-support.ts';
import { VectorIndex } from './vector-index.ts';

const DIMS = 16;

const vectors = (count: number, seed = 1) => unitVectors(count, DIMS, seed);

function exactNeighbours(all: Float32Array[], query: Float32Array, k: number): number[] {
  const dot = (a: Float32Array) => a.reduce((s, x, i) => s + x * (query[i] as number), 0);
  return all
    .map((v, label) => ({ label, score: dot(v) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((h) => h.label);
}

const data = vectors(300);
const labels = data.map((_, i) => i);
const dir = mkdtempSync(join(tmpdir(), 'seogi-vector-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('VectorIndex', () => {
  it('scores a stored vector against itself at cosine similarity 1, best first', () => {
    const index = VectorIndex.build(data, labels, DIMS);
    const hits = index.search(data[42] as Float32Array, 5);
    expect(hits[0]?.label).toBe(42);
    expect(hits[0]?.score).toBeCloseTo(1, 5);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('finds the exact nearest neighbours on a small collection', () => {
    const index = VectorIndex.build(data, labels, DIMS);
    for (const query of vectors(10, 99)) {
      expect(index.search(query, 10).map((h) => h.label)).toEqual(exactNeighbours(data, query, 10));
    }
  });

  it('returns the same neighbours after writing the graph and reading it in place, or through bytes', async () => {
    const index = VectorIndex.build(data, labels, DIMS, { efSearch: 64 });
    const path = join(dir, 'round-trip.hnsw');
    const header = await index.writeGraph(path);
    expect(header).toEqual({ dims: DIMS, efSearch: 64, deleted: [] });
    const loaded = await VectorIndex.read(path, header);
    expect(loaded.dims).toBe(DIMS);
    expect(loaded.count).toBe(300);
    for (const query of vectors(5, 7)) expect(loaded.search(query, 8)).toEqual(index.search(query, 8));
    const bytes = index.toBytes();
    expect(Buffer.from(bytes.graph).equals(readFileSync(path))).toBe(true);
    const fromBytes = VectorIndex.fromBytes(bytes);
    expect(fromBytes.search(data[3] as Float32Array, 3)).toEqual(index.search(data[3] as Float32Array, 3));
  });

  it('searches with the efSearch it is read with, over the one written', async () => {
    const index = VectorIndex.build(data, labels, DIMS, { efSearch: 64 });
    const path = join(dir, 'ef.hnsw');
    const header = await index.writeGraph(path);
    expect((await VectorIndex.read(path, header, { efSearch: 300 })).toBytes().header.efSearch).toBe(300);
    expect(VectorIndex.fromBytes(index.toBytes(), { efSearch: 100 }).toBytes().header.efSearch).toBe(100);
  });

  it('removes a deleted label from results and counts, also after loading', () => {
    const index = VectorIndex.build(data, labels, DIMS);
    expect(index.markDelete(42)).toBe(true);
    expect(index.markDelete(42)).toBe(false);
    expect(index.markDelete(1000)).toBe(false);
    expect(index.search(data[42] as Float32Array, 5).map((h) => h.label)).not.toContain(42);
    expect(index.count).toBe(299);
    expect(index.labels()).not.toContain(42);
    expect(index.vector(42)).toBeUndefined();
    const loaded = VectorIndex.fromBytes(index.toBytes());
    expect(loaded.count).toBe(299);
    expect(loaded.search(data[42] as Float32Array, 5).map((h) => h.label)).not.toContain(42);
  });

  it('keeps a deleted label deleted when the graph is read from where it was written', async () => {
    const index = VectorIndex.build(data, labels, DIMS);
    index.markDelete(42);
    const path = join(dir, 'deleted.hnsw');
    const loaded = await VectorIndex.read(path, await index.writeGraph(path));
    expect(loaded.count).toBe(299);
    expect(loaded.labels()).not.toContain(42);
    expect(loaded.search(data[42] as Float32Array, 5).map((h) => h.label)).not.toContain(42);
  });

  it('drops deleted vectors for good when compacted', () => {
    const index = VectorIndex.build(data.slice(0, 10), labels.slice(0, 10), DIMS);
    index.markDelete(3);
    index.markDelete(7);
    const compacted = index.compact();
    expect(compacted.count).toBe(8);
    expect(compacted.labels()).toEqual([0, 1, 2, 4, 5, 6, 8, 9]);
    expect(compacted.search(data[5] as Float32Array, 1)[0]?.label).toBe(5);
  });

  it('returns every live vector when asked for more than it holds, and nothing when empty', () => {
    const index = VectorIndex.build(data.slice(0, 4), [10, 20, 30, 40], DIMS);
    index.markDelete(20);
    expect(index.search(data[0] as Float32Array, 50).map((h) => h.label).sort()).toEqual([10, 30, 40]);
    const empty = VectorIndex.fromBytes(VectorIndex.create(DIMS).toBytes());
    expect(empty.count).toBe(0);
    expect(empty.search(data[0] as Float32Array, 5)).toEqual([]);
  });

  it('grows past its initial capacity', () => {
    const index = VectorIndex.create(DIMS, {}, 1);
    data.forEach((v, i) => index.add(v, i));
    expect(index.count).toBe(300);
    expect(index.search(data[299] as Float32Array, 1)[0]?.label).toBe(299);
  });

  it('replaces the vector of a label added again, reviving it if it was deleted', () => {
    const index = VectorIndex.build(data.slice(0, 3), [0, 1, 2], DIMS);
    index.markDelete(1);
    index.add(data[100] as Float32Array, 1);
    expect(index.count).toBe(3);
    expect(index.search(data[100] as Float32Array, 1)[0]).toMatchObject({ label: 1 });
    Array.from(index.vector(1) as Float32Array).forEach((v, d) => expect(v).toBeCloseTo(data[100]?.[d] as number, 6));
  });

  it('keeps only labels the filter accepts', () => {
    const index = VectorIndex.build(data, labels, DIMS);
    const hits = index.search(data[0] as Float32Array, 5, (label) => label % 2 === 1);
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => h.label % 2 === 1)).toBe(true);
  });

  it('rejects vectors of the wrong size and a file that is not a graph', async () => {
    const index = VectorIndex.create(DIMS);
    expect(() => index.add(new Float32Array(3), 0)).toThrow(
      'Vector has 3 values, but the index holds 16-value vectors.',
    );
    const path = join(dir, 'not-a-graph.hnsw');
    writeFileSync(path, new Uint8Array([1, 2, 3]));
    await expect(VectorIndex.read(path, { dims: DIMS, efSearch: 10, deleted: [] })).rejects.toThrow();
  });

  it('removes the temp folders that killed processes left while reading or writing a graph, and no others', () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    const left = join(tmpdir(), `seogi-hnsw-${ended}-killed`);
    const running = join(tmpdir(), `seogi-hnsw-${process.ppid}-busy`);
    mkdirSync(left, { recursive: true });
    mkdirSync(running, { recursive: true });
    try {
      VectorIndex.build(data.slice(0, 10), labels.slice(0, 10), DIMS).toBytes();
      expect(existsSync(left)).toBe(false);
      expect(existsSync(running)).toBe(true);
    } finally {
      rmSync(left, { recursive: true, force: true });
      rmSync(running, { recursive: true, force: true });
    }
  });
});
