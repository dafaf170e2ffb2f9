/** Latency figures of a series of timings, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/**
 * The `p`-th percentile (0–100) of `values` by the nearest-rank method: the smallest value that at least `p`% of the
 * values are less than or equal to, so it is always one of the measured values.
 * @throws Error when `values` is empty or `p` is outside 0–100.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('Cannot take a percentile of no values.');
  if (!(p >= 0 && p <= 100)) throw new Error(`Percentile must be between 0 and 100, got ${p}.`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** p50, p99, mean and max of a series of timings. */
export function summarizeLatencies(values: readonly number[]): LatencySummary {
  const total = values.reduce((sum, v) => sum + v, 0);
  return {
    count: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    mean: values.length > 0 ? total / values.length : 0,
    max: Math.max(...values),
  };
}

/** Runs `task` once per input, one at a time, and returns each run's duration in milliseconds. */
export async function timeEach<T>(inputs: readonly T[], task: (input: T) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await task(input);
    times.push(performance.now() - started);
  }
  return times;
}
