import type { Chunk } from '../../index/types.ts';
import { coverage, type CoverageModel } from './coverage.ts';
import type { AnalyzedQuery } from '../analyze/query.ts';
import { analyzePassage, type PassageAnalysis } from './passage-analysis.ts';
import { proximity } from './proximity.ts';

/** A retrieved passage and its retrieval score. */
export interface Passage {
  chunk: Chunk;
  score: number;
}

/** How retrieved passages are re-ordered by how well they cover the question. */
export interface RerankOptions {
  /** Weight of coverage against the (max-normalised) retrieval score, 0–1. Default 0.5. */
  weight?: number;
}

/** A passage's analysis; the answer engine's reads it with its document's title, as answering does. */
export type AnalysePassage = (passage: Passage) => PassageAnalysis;

/**
 * Re-orders passages by a blend of their retrieval score and how well they hold the question: coverage of its
 * concepts over the whole passage and in its best sentence, and whether its neighbouring words stand together. Term
 * scores (BM25, cosine) reward many matches of a few words; an answer usually holds most of the question's distinct
 * concepts together, often in one sentence. The returned scores are the blended ones.
 */
export function rerankByCoverage(
  passages: readonly Passage[],
  query: AnalyzedQuery,
  model: CoverageModel,
  options: RerankOptions = {},
  analyse: AnalysePassage = (p) => analyzePassage(p.chunk),
): Passage[] {
  const weight = options.weight ?? 0.5;
  const top = Math.max(0, ...passages.map((p) => p.score));
  return passages
    .map((p) => {
      const analysis = analyse(p);
      const features = [
        coverage(model, analysis.terms),
        Math.max(0, ...analysis.sentenceTerms.map((terms) => coverage(model, terms))),
      ];
      const together = proximity(query.stems, analysis.positions);
      if (together !== undefined) features.push(together);
      const fit = features.reduce((a, b) => a + b, 0) / features.length;
      const retrieval = top > 0 ? p.score / top : 0;
      return { ...p, score: (1 - weight) * retrieval + weight * fit };
    })
    .sort((a, b) => b.score - a.score);
}
