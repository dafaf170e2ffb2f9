import { describe, expect, it } from 'vitest';
import { percentile, summarizeLatencies, timeEach } from './stats.ts';

describe('percentile', () => {
  const values = [15, 20, 35, 40, 50];

  it('takes the nearest rank, always a measured value', () => {
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 0)).toBe(15);
  });

  it('does not depend on the order of the values', () => {
    expect(percentile([50, 15, 40, 20, 35], 50)).toBe(35);
  });

  it('gives the second largest of 100 values as p99', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 99)).toBe(99);
  });

  it('refuses no values and percentiles outside 0–100', () => {
    expect(() => percentile([], 50)).toThrow('Cannot take a percentile of no values.');
    expect(() => percentile(values, 101)).toThrow('Percentile must be between 0 and 100, got 101.');
  });
});

describe('summarizeLatencies', () => {
  it('reports count, p50, p99, mean and max', () => {
    expect(summarizeLatencies([4, 1, 3, 2])).toEqual({ count: 4, p50: 2, p99: 4, mean: 2.5, max: 4 });
  });
});

describe('timeEach', () => {
  it('runs the task once per input, in order, and gives one duration each', async () => {
    const seen: string[] = [];
    const times = await timeEach(['가', '나', '다'], async (x) => {
      seen.push(x);
    });
    expect(seen).toEqual(['가', '나', '다']);
    expect(times).toHaveLength(3);
    expect(times.every((t) => t >= 0)).toBe(true);
  });
});
