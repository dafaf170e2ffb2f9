/** BM25 parameters: `k1` saturates term frequency, `b` normalises by passage length. */
export interface BM25Params {
  k1: number;
  b: number;
}

/** Defaults suited to short passages of a few hundred characters. */
export const defaultBM25Params: BM25Params = { k1: 1.2, b: 0.75 };

/**
 * Inverse document frequency in its BM25 form, which never goes negative:
 * `ln(1 + (N - df + 0.5) / (df + 0.5))`.
 */
export function idf(df: number, totalChunks: number): number {
  return Math.log(1 + (totalChunks - df + 0.5) / (df + 0.5));
}

/** Score of one term in one passage. */
export function calcBM25Score(
  tf: number,
  df: number,
  totalChunks: number,
  length: number,
  avgLength: number,
  params: BM25Params = defaultBM25Params,
): number {
  return termScore(tf, idf(df, totalChunks), lengthNorm(length, avgLength, params), params);
}

/** The part of a passage's BM25 score that depends on its length alone: `k1 · (1 - b + b · length / avgLength)`. */
export function lengthNorm(length: number, avgLength: number, params: BM25Params = defaultBM25Params): number {
  const { k1, b } = params;
  return k1 * (1 - b + (b * length) / avgLength);
}

/**
 * {@link calcBM25Score} from its parts, worked out beforehand: a search computes the idf once per query term and the
 * length norm once per passage rather than once per posting.
 */
export function termScore(tf: number, termIdf: number, norm: number, params: BM25Params = defaultBM25Params): number {
  return scaledTermScore(termFactor(1, termIdf, params), tf, norm);
}

/** The part of a weighted term's score that is the same in every passage: `weight · idf · (k1 + 1)`. */
export function termFactor(weight: number, termIdf: number, params: BM25Params = defaultBM25Params): number {
  return weight * termIdf * (params.k1 + 1);
}

/** A term's score in one passage from its {@link termFactor}: the one division a search does per posting. */
export function scaledTermScore(factor: number, tf: number, norm: number): number {
  return (factor * tf) / (tf + norm);
}
