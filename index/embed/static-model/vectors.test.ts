import { describe, expect, it } from 'vitest';
import {
  addSeededVector,
  alignConcepts,
  baseVectors,
  blendContext,
  contextVectors,
  cosine,
  formFeatures,
  hashString,
  idfWeights,
  tokenMatrix,
} from './vectors.ts';

const DIMS = 64;
const row = (matrix: Float32Array, r: number, dims = DIMS) => matrix.subarray(r * dims, (r + 1) * dims);
const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

describe('hashString', () => {
  it('gives the same unsigned 32-bit value for the same text and seed', () => {
    expect(hashString('기업', 0)).toBe(1189086126);
    expect(hashString('기업', 1)).toBe(2752430451);
    expect(hashString('', 0)).toBe(0);
  });
});

describe('addSeededVector', () => {
  it('adds the same pseudo-random values for the same hash, within ±scale', () => {
    const a = new Float32Array(DIMS);
    const b = new Float32Array(DIMS);
    addSeededVector(42, 0.5, a, 0, DIMS);
    addSeededVector(42, 0.5, b, 0, DIMS);
    expect(a).toEqual(b);
    expect(Math.max(...a.map(Math.abs))).toBeLessThanOrEqual(0.5);
    expect(new Set(a).size).toBe(DIMS);
  });
});

describe('formFeatures', () => {
  it('describes a Korean form by itself, its syllable pairs and its syllables', () => {
    expect(formFeatures('기업')).toEqual([['w:기업', 1], ['b:기업', 0.6], ['s:기', 0.25], ['s:업', 0.25]]);
  });

  it('describes an English word by itself and its character 3- to 5-grams', () => {
    const features = formFeatures('rates').map(([f]) => f);
    expect(features).toHaveLength(13);
    expect(features).toContain('g:<ra');
    expect(features).toContain('g:ates>');
  });

  it('describes a number only by itself', () => {
    expect(formFeatures('2030')).toEqual([['w:2030', 1]]);
  });
});

describe('baseVectors', () => {
  // Wide vectors, so chance overlaps of random vectors (about ±1/√dims) stay small.
  const dims = 1024;
  const base = baseVectors(['자율제조', '제조', '정부', '정책'], dims, 7);

  it('makes unit-length rows', () => {
    for (let r = 0; r < 4; r++) expect(norm(row(base, r, dims))).toBeCloseTo(1, 5);
  });

  it('puts a compound nearer its part than words sharing one syllable are to each other', () => {
    const compound = cosine(row(base, 0, dims), row(base, 1, dims));
    const sharedSyllable = cosine(row(base, 2, dims), row(base, 3, dims));
    expect(compound).toBeGreaterThan(0.18);
    expect(compound).toBeGreaterThan(sharedSyllable + 0.12);
  });
});

describe('idfWeights', () => {
  it('computes ln((n + 1) / (df + 1)) + 1 per form, counting each text once', () => {
    const idf = idfWeights([Int32Array.of(0, 0, 1), Int32Array.of(0)], 3);
    expect(Array.from(idf)).toEqual([1, Math.log(3 / 2) + 1, Math.log(3) + 1].map(Math.fround));
  });
});

describe('contextVectors', () => {
  const base = baseVectors(['a', 'b', 'c', 'd'], DIMS, 1);
  const collection = (docs: Int32Array[]) => ({
    docs,
    tokenForm: Int32Array.of(0, 1, 2, 3),
    tokenWeight: new Float32Array(4).fill(1),
  });

  it('sums the other tokens of each block and subtracts the average neighbour', () => {
    const stats = contextVectors(collection([Int32Array.of(0, 1, 2, 3)]), base, DIMS, { block: 2, maxTokens: 100 });
    expect(Array.from(stats.counts)).toEqual([1, 1, 1, 1]);
    const average = (d: number) => [0, 1, 2, 3].reduce((s, r) => s + row(base, r)[d]!, 0) / 4;
    Array.from(row(stats.vectors, 0)).forEach((v, d) => expect(v).toBeCloseTo(row(base, 1)[d]! - average(d), 5));
    Array.from(row(stats.vectors, 3)).forEach((v, d) => expect(v).toBeCloseTo(row(base, 2)[d]! - average(d), 5));
  });

  it('samples every n-th text when the collection has more tokens than the budget', () => {
    const docs = [Int32Array.of(0, 1), Int32Array.of(2, 3), Int32Array.of(0, 3), Int32Array.of(1, 2)];
    const stats = contextVectors(collection(docs), base, DIMS, { block: 4, maxTokens: 4 });
    expect(Array.from(stats.counts)).toEqual([2, 1, 0, 1]);
  });
});

describe('blendContext', () => {
  it('leaves unseen forms on their spelling and leans frequent forms toward their company', () => {
    const base = baseVectors(['a', 'b'], DIMS, 1);
    const context = { vectors: new Float32Array(2 * DIMS), counts: Uint32Array.of(0, 8) };
    context.vectors.set(row(base, 0), DIMS);
    const out = blendContext(base, context, DIMS, 0.6);
    expect(row(out, 0)).toEqual(row(base, 0));
    expect(norm(row(out, 1))).toBeCloseTo(1, 5);
    expect(cosine(row(out, 1), row(base, 0))).toBeGreaterThan(cosine(row(base, 1), row(base, 0)) + 0.3);
  });
});

describe('alignConcepts', () => {
  // Forms: 0 로봇, 1 robot, 2 기보, 3 기술보증기금, 4 kibo; tokens are forms one to one.
  const dims = 1024;
  const dirs = baseVectors(['로봇', 'robot', '기보', '기술보증기금', 'kibo'], dims, 3);
  const tokenWeight = Float32Array.of(2, 3, 4, 5, 3);
  const out = alignConcepts(dirs, dims, {
    concepts: [
      { ko: [[0]], en: [[1]] },
      { ko: [[3], [2]], en: [[4]] },
    ],
    tokenForm: Int32Array.of(0, 1, 2, 3, 4),
    tokenWeight,
    isContent: () => true,
    formSeen: (form) => form === 0 || form === 2,
    pull: 1,
  });

  it('gives an English word its Korean equivalent’s direction and weight', () => {
    expect(cosine(row(out, 1, dims), row(dirs, 0, dims))).toBeCloseTo(1, 5);
    expect(tokenWeight[1]).toBeCloseTo(2, 5);
  });

  it('pulls Korean alternatives of one concept toward each other (unrelated vectors end at about 0.7)', () => {
    expect(cosine(row(dirs, 2, dims), row(dirs, 3, dims))).toBeLessThan(0.2);
    expect(cosine(row(out, 2, dims), row(out, 3, dims))).toBeGreaterThan(0.6);
    expect(tokenWeight[4]).toBeCloseTo(4.5, 5);
  });
});

describe('tokenMatrix', () => {
  it('scales each token’s form direction by the token weight', () => {
    const dirs = baseVectors(['a', 'b'], DIMS, 1);
    const matrix = tokenMatrix(dirs, Int32Array.of(1, 1, 0), Float32Array.of(0, 2, 0.5), DIMS);
    expect(norm(row(matrix, 0))).toBe(0);
    expect(norm(row(matrix, 1))).toBeCloseTo(2, 5);
    expect(cosine(row(matrix, 2), row(dirs, 0))).toBeCloseTo(1, 5);
  });
});
