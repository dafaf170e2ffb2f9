import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { gatherModel } from './onnx.ts';

const { onnx } = onnxProto;

describe('gatherModel', () => {
  const embeddings = Float32Array.of(0, 0, 0, 1.5, -2, 0.25);
  const model = onnx.ModelProto.decode(gatherModel(embeddings, 3, 2));
  const graph = model.graph as onnxProto.onnx.GraphProto;

  it('writes a single Gather from the embeddings initializer by input_ids', () => {
    expect(graph.node).toHaveLength(1);
    const [node] = graph.node;
    expect(node?.opType).toBe('Gather');
    expect(node?.input).toEqual(['embeddings', 'input_ids']);
    expect(node?.output).toEqual(['last_hidden_state']);
    expect(Number(model.irVersion)).toBe(7);
    expect(Number(model.opsetImport[0]?.version)).toBe(13);
  });

  it('stores the matrix as a [vocab, dims] float initializer, little-endian', () => {
    const [init] = graph.initializer;
    expect(init?.dims?.map(Number)).toEqual([3, 2]);
    expect(init?.dataType).toBe(onnx.TensorProto.DataType.FLOAT);
    const raw = init?.rawData as Uint8Array;
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    expect(Array.from({ length: 6 }, (_, i) => view.getFloat32(i * 4, true))).toEqual(Array.from(embeddings));
  });

  it('declares int64 [batch, sequence] ids in and float [batch, sequence, dims] vectors out', () => {
    const shape = (value: onnxProto.onnx.IValueInfoProto | undefined) =>
      value?.type?.tensorType?.shape?.dim?.map((d) => d.dimParam || Number(d.dimValue));
    expect(graph.input[0]?.name).toBe('input_ids');
    expect(graph.input[0]?.type?.tensorType?.elemType).toBe(onnx.TensorProto.DataType.INT64);
    expect(shape(graph.input[0])).toEqual(['batch', 'sequence']);
    expect(graph.output[0]?.name).toBe('last_hidden_state');
    expect(shape(graph.output[0])).toEqual(['batch', 'sequence', 2]);
  });

  it('rejects a matrix whose size does not match vocabulary × dims', () => {
    expect(() => gatherModel(embeddings, 4, 2)).toThrow('Embedding matrix has 6 values, expected 4 × 2.');
  });
});
