/**
 * The static model's sentence vectors computed straight from its embedding table, as model2vec does: the model is one
 * Gather over the table, so what transformers.js computes — the rows of the text's token ids, mean-pooled over the
 * tokens, then normalized — is the sum of those rows, normalized. Summed in the same order in float32, the result is
 * the same to the last bit, without building a `tokens × dims` matrix for every text.
 */
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import onnxProto from 'onnx-proto';
import { conventionsFor, type Embedder } from '../embedder.ts';
import { addInto, normalizeInPlace } from '../vector-math.ts';

const { onnx } = onnxProto;

/** A static model's embedding table: `vocabSize` rows of `dims` values, row-major. */
export interface EmbeddingTable {
  values: Float32Array;
  vocabSize: number;
  dims: number;
}

/**
 * Reads the embedding table out of a static model's `onnx/model.onnx` (see `gatherModel`).
 * @throws Error when the graph is not a single Gather over a float table, which this embedder cannot stand in for.
 */
export function readEmbeddingTable(modelPath: string): EmbeddingTable {
  const model = onnx.ModelProto.decode(readFileSync(modelPath));
  const nodes = model.graph?.node ?? [];
  const table = model.graph?.initializer?.[0];
  const [vocabSize, dims] = (table?.dims ?? []).map(Number);
  const gather = nodes.length === 1 && nodes[0]?.opType === 'Gather' && nodes[0].input?.[0] === table?.name;
  if (!gather || !table || table.dataType !== onnx.TensorProto.DataType.FLOAT || !vocabSize || !dims || table.rawData?.length !== vocabSize * dims * 4) {
    throw new Error(`${modelPath} is not a static embedding model (one Gather over a float table).`);
  }
  return { values: floatsOf(table.rawData), vocabSize, dims };
}

// ONNX raw tensor data is little-endian whatever the host; a copy puts the values on a Float32Array's alignment (one
// copy of the bytes, where reading value by value took twice as long).
function floatsOf(raw: Uint8Array): Float32Array {
  if (endianness() === 'LE') return new Float32Array(new Uint8Array(raw).buffer);
  const values = new Float32Array(raw.byteLength / 4);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(i * 4, true);
  return values;
}

/** Options of {@link createTableEmbedder}. */
export interface TableEmbedderOptions {
  /** The model name reported by the embedder. */
  model: string;
  /** The model's input ids of a text, special tokens included, truncated (`readStaticModelEncoder`). */
  encode: (text: string) => number[];
  /** Texts embedded between two turns of the event loop. Default 64. */
  batchSize?: number;
}

/**
 * The embedder of a static model from its table: for each text, the sum of the rows of its token ids, normalized to
 * unit length (the direction of their mean).
 * @throws Error at embedding when a text encodes to an id outside the table.
 */
export function createTableEmbedder(table: EmbeddingTable, options: TableEmbedderOptions): Embedder {
  const { values, vocabSize, dims } = table;
  const batchSize = options.batchSize ?? 64;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${batchSize}.`);
  const conventions = conventionsFor(options.model);
  const vector = (text: string): Float32Array => {
    const sum = new Float32Array(dims);
    for (const id of options.encode(text)) {
      if (!(id >= 0 && id < vocabSize)) throw new Error(`Token id ${id} is outside the embedding table of ${vocabSize} rows.`);
      addInto(sum, values, id * dims);
    }
    return normalizeInPlace(sum);
  };
  return {
    model: options.model,
    dims,
    async embed(texts, kind) {
      const prefix = conventions[kind];
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i++) {
        if (i > 0 && i % batchSize === 0) await yieldToEventLoop();
        vectors.push(vector(prefix + (texts[i] as string)));
      }
      return vectors;
    },
  };
}

/** Where a static model's table is, inside its model folder. */
export function staticModelGraph(modelDir: string): string {
  return join(modelDir, 'onnx', 'model.onnx');
}
