import type { VectorHit, VectorIndex } from '../index/embed/vector-index.ts';

/** Every live vector of an index, row by row, for exact search. */
export interface VectorMatrix {
  labels: number[];
  dims: number;
  /** `labels.length` rows of `dims` values. */
  data: Float32Array;
}

/** Copies the live vectors of an index into one matrix. */
export function vectorMatrix(index: VectorIndex): VectorMatrix {
  const labels = index.labels();
  const data = new Float32Array(labels.length * index.dims);
  labels.forEach((label, row) => data.set(index.vector(label) as Float32Array, row * index.dims));
  return { labels, dims: index.dims, data };
}

/** The `k` rows most similar to `query` by dot product (cosine for unit vectors), most similar first. */
export function exactTopK(matrix: VectorMatrix, query: Float32Array, k: number): VectorHit[] {
  const { dims, data, labels } = matrix;
  const top: VectorHit[] = [];
  if (k < 1) return top;
  for (let row = 0; row < labels.length; row++) {
    let score = 0;
    const offset = row * dims;
    for (let d = 0; d < dims; d++) score += (data[offset + d] as number) * (query[d] as number);
    if (top.length === k && score <= (top[k - 1] as VectorHit).score) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1] as VectorHit).score < score) at -= 1;
    top.splice(at, 0, { label: labels[row] as number, score });
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * Share of the exact top `k` an approximate search found. A hit scoring as high as the exact k-th result counts as
 * found even when it is another label: vectors that tie are equally right answers.
 */
export function recallAtK(approximate: readonly VectorHit[], exact: readonly VectorHit[], k: number, tolerance = 1e-5): number {
  const wanted = exact.slice(0, k);
  if (wanted.length === 0) return 1;
  const kth = (wanted[wanted.length - 1] as VectorHit).score;
  const exactLabels = new Set(wanted.map((hit) => hit.label));
  const found = approximate.slice(0, k).filter((hit) => exactLabels.has(hit.label) || hit.score >= kth - tolerance).length;
  return Math.min(found, wanted.length) / wanted.length;
}
