/**
 * The static model's ONNX graph: one Gather that looks each input id up in the embedding matrix.
 * `input_ids` int64 [batch, sequence] → `last_hidden_state` float [batch, sequence, dims], the names and shapes
 * transformers.js expects of a BERT-style encoder, so its feature-extraction pipeline (tokenize, run, mean-pool,
 * normalize) serves the model unchanged.
 */
import { endianness } from 'node:os';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** ONNX IR version and default-domain opset written; both are read by onnxruntime 1.14 and later. */
const IR_VERSION = 7;
const OPSET = 13;

/**
 * Serializes a Gather model over `embeddings` (row-major, `vocabSize` rows of `dims` values).
 * @throws Error when the matrix size does not match `vocabSize × dims`.
 */
export function gatherModel(embeddings: Float32Array, vocabSize: number, dims: number): Uint8Array {
  if (embeddings.length !== vocabSize * dims) {
    throw new Error(`Embedding matrix has ${embeddings.length} values, expected ${vocabSize} × ${dims}.`);
  }
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'seogi',
    graph: {
      name: 'static_embeddings',
      node: [
        {
          name: 'lookup',
          opType: 'Gather',
          input: ['embeddings', 'input_ids'],
          output: ['last_hidden_state'],
          attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
        },
      ],
      initializer: [
        {
          name: 'embeddings',
          dataType: onnx.TensorProto.DataType.FLOAT,
          dims: [vocabSize, dims],
          rawData: littleEndianBytes(embeddings),
        },
      ],
      input: [tensorValue('input_ids', onnx.TensorProto.DataType.INT64, ['batch', 'sequence'])],
      output: [tensorValue('last_hidden_state', onnx.TensorProto.DataType.FLOAT, ['batch', 'sequence', dims])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function tensorValue(name: string, elemType: number, shape: (string | number)[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

// ONNX raw tensor data is little-endian whatever the host.
function littleEndianBytes(values: Float32Array): Uint8Array {
  if (endianness() === 'LE') return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}
