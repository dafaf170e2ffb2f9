/*
 * The float32 arithmetic of pooling token vectors into a sentence vector, shared by the transformers.js embedder and
 * the static model's table embedder: the two give the same vectors to the last bit only because they add and divide
 * in the same order, in float32.
 */

/** Adds the `sum.length` values of `values` from `offset` into `sum`. */
export function addInto(sum: Float32Array, values: Float32Array, offset: number): void {
  const dims = sum.length;
  let d = 0;
  // Unrolled: this loop runs once per token and dimension, the bulk of the work for a static model.
  for (; d + 4 <= dims; d += 4) {
    sum[d] = (sum[d] as number) + (values[offset + d] as number);
    sum[d + 1] = (sum[d + 1] as number) + (values[offset + d + 1] as number);
    sum[d + 2] = (sum[d + 2] as number) + (values[offset + d + 2] as number);
    sum[d + 3] = (sum[d + 3] as number) + (values[offset + d + 3] as number);
  }
  for (; d < dims; d++) sum[d] = (sum[d] as number) + (values[offset + d] as number);
}

/**
 * Scales `vector` to unit length, in place (a zero vector stays zero). Dividing a sum by its count first would not
 * change the direction, so a mean is normalized from its sum.
 */
export function normalizeInPlace(vector: Float32Array): Float32Array {
  let norm = 0;
  for (let d = 0; d < vector.length; d++) norm += (vector[d] as number) * (vector[d] as number);
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < vector.length; d++) vector[d] = (vector[d] as number) / norm;
  return vector;
}
