import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { rewriteAsFormat3 } from '../tests/support/format-3-index.ts';
import { unitVectors } from './embed/test-support.ts';
import { VectorIndex } from './embed/vector-index.ts';
import { FORMAT_3_GRAPH_FILE, graphFileNames, readGraph } from './graph-files.ts';
import { graphFiles, INDEX_FILES } from './layout.ts';
import { GENERATIONS_DIR } from './store/generations.ts';
import { IndexStore } from './store/index-store.ts';
import { useTempDir } from './store/test-support.ts';

const DIMS = 8;
const data = unitVectors(40, DIMS, 3);

describe('readGraph', () => {
  const tempDir = useTempDir('seogi-graph-files-');
  afterEach(() => vi.restoreAllMocks());

  /** An index holding only a graph of `data`, with label 7 deleted; the graph and the committed generation's folder. */
  async function committedGraph() {
    const graph = VectorIndex.build(data, data.map((_, i) => i), DIMS, { efSearch: 32 });
    graph.markDelete(7);
    const store = new IndexStore({ dir: join(tempDir(), 'index'), metaSchema: z.object({}) });
    const { generation } = await store.commit(graphFiles(graph.toBytes()), {});
    return { graph, store, generationDir: join(store.dir, GENERATIONS_DIR, generation) };
  }

  it('has hnswlib read the committed graph file where it is, without a copy', async () => {
    const { graph, store, generationDir } = await committedGraph();
    const read = vi.spyOn(VectorIndex, 'read');
    const fromBytes = vi.spyOn(VectorIndex, 'fromBytes');
    const loaded = store.load();
    expect(graphFileNames(loaded.manifest)).toEqual([INDEX_FILES.graph, INDEX_FILES.graphHeader]);
    const fromFile = await readGraph(loaded);
    expect(read).toHaveBeenCalledWith(join(generationDir, INDEX_FILES.graph), { dims: DIMS, efSearch: 32, deleted: [7] }, {});
    expect(fromBytes).not.toHaveBeenCalled();
    expect(fromFile.labels()).toEqual(graph.labels());
    expect(fromFile.search(data[3] as Float32Array, 5)).toEqual(graph.search(data[3] as Float32Array, 5));
    expect((await readGraph(loaded, { efSearch: 64 })).toBytes().header.efSearch).toBe(64);
  });

  it('reads the one graph file of an index written in format 3', async () => {
    const { graph, store } = await committedGraph();
    rewriteAsFormat3(store.dir);
    const loaded = store.load();
    expect(loaded.manifest.formatVersion).toBe(3);
    expect(graphFileNames(loaded.manifest)).toEqual([FORMAT_3_GRAPH_FILE]);
    const read = await readGraph(loaded);
    expect(read.count).toBe(39);
    expect(read.labels()).toEqual(graph.labels());
    expect(read.search(data[3] as Float32Array, 5)).toEqual(graph.search(data[3] as Float32Array, 5));
  });

  it('refuses a graph file with a flipped byte before hnswlib reads it', async () => {
    const { store, generationDir } = await committedGraph();
    const path = join(generationDir, INDEX_FILES.graph);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
    writeFileSync(path, bytes);
    const read = vi.spyOn(VectorIndex, 'read');
    await expect(readGraph(store.load())).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('graph.hnsw does not match its checksum') });
    expect(read).not.toHaveBeenCalled();
  });
});
