import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './graph-builder.ts';
import { unitVectors } from './test-support.ts';
import { VectorIndex } from './vector-index.ts';

const DIMS = 8;

const vectors = (count: number) => unitVectors(count, DIMS, 7);

describe('GraphBuilder', () => {
  it('builds on its worker thread the very graph VectorIndex.build makes from the same vectors', async () => {
    const data = vectors(500);
    const labels = data.map((_, i) => 1000 + i);
    const builder = new GraphBuilder({ dims: DIMS, options: { M: 8, efConstruction: 50 }, capacity: data.length });
    builder.add(data.slice(0, 123), labels.slice(0, 123));
    builder.add(data.slice(123), labels.slice(123));
    const progress: number[] = [];
    const bytes = await builder.finish((added) => progress.push(added));
    const expected = VectorIndex.build(data, labels, DIMS, { M: 8, efConstruction: 50 }).toBytes();
    expect(Buffer.compare(Buffer.from(bytes.graph), Buffer.from(expected.graph))).toBe(0);
    expect(bytes.header).toEqual(expected.header);
    const graph = VectorIndex.fromBytes(bytes);
    expect(graph.count).toBe(500);
    expect(graph.search(data[42] as Float32Array, 1)[0]?.label).toBe(1042);
    expect(builder.sent).toBe(500);
    expect(progress[0]).toBe(0);
  });

  it('refuses a vector of the wrong size before handing it over', async () => {
    const builder = new GraphBuilder({ dims: DIMS, options: {}, capacity: 10 });
    try {
      expect(() => builder.add([new Float32Array(3)], [0])).toThrow('Vector has 3 values, but the graph holds 8-value vectors.');
      expect(() => builder.add(vectors(2), [0])).toThrow('Got 2 vectors but 1 labels.');
    } finally {
      await builder.close();
    }
  });

  it('reports a failure of the worker when finishing', async () => {
    const builder = new GraphBuilder({ dims: 0, options: {}, capacity: 10 });
    await expect(builder.finish()).rejects.toThrow('Building the HNSW graph failed: dims must be a positive integer, got 0.');
  });
});
