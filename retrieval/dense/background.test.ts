import { describe, expect, it } from 'vitest';
import type { DenseRetriever } from '../collection.ts';
import { BACKGROUND_QUESTIONS, backgroundSimilarity } from './background.ts';

/**
 * A retriever whose best score for each background question is given by its position in the list: its "vector" of a
 * question is the question's position.
 */
function retrieverScoring(scores: readonly number[]): DenseRetriever & { calls: number } {
  const retriever = {
    model: 'test',
    calls: 0,
    async embed(query: string) {
      retriever.calls++;
      return Float32Array.of(BACKGROUND_QUESTIONS.indexOf(query));
    },
    nearest(vector: Float32Array) {
      return [{ ordinal: 0, score: scores[vector[0] as number] ?? 0 }];
    },
  };
  return retriever;
}

describe('backgroundSimilarity', () => {
  it('is the median best score of the background questions, so one on-topic outlier does not move it', async () => {
    const scores = BACKGROUND_QUESTIONS.map((_, i) => (i === 0 ? 0.95 : 0.1 + i * 0.001));
    const level = await backgroundSimilarity(retrieverScoring(scores));
    // Twelve questions: eleven score 0.101…0.111, one 0.95; the seventh smallest is 0.107.
    expect(BACKGROUND_QUESTIONS).toHaveLength(12);
    expect(level).toBeCloseTo(0.107, 9);
  });

  it('asks the retriever only once per collection', async () => {
    const retriever = retrieverScoring(BACKGROUND_QUESTIONS.map(() => 0.2));
    await backgroundSimilarity(retriever);
    await backgroundSimilarity(retriever);
    expect(retriever.calls).toBe(BACKGROUND_QUESTIONS.length);
  });
});
