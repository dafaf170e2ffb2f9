/** What a side of the anchors comparison reports from its own process. */
export interface AnchorSide {
  /** Chunks in the collection searched. */
  chunks: number;
  /** Loading the index (Seogi) or building it from the chunk texts in memory (MiniSearch). */
  loadMs: number;
  /** Resident memory with the collection loaded and the first questions answered, after a full garbage collection. */
  rssBytes: number;
  /** One latency per timed question, in milliseconds. */
  latenciesMs: number[];
}

/** Resident memory after a full garbage collection (when Node runs with `--expose-gc`). */
export function residentAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().rss;
}
