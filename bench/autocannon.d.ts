// The parts of autocannon 8's API the HTTP benchmark uses; the package ships no type declarations.
declare module 'autocannon' {
  interface AutocannonRequest {
    method?: string;
    path?: string;
    body?: string;
    headers?: Record<string, string>;
    /** Returns the request to send (or a falsy value to start the sequence over). */
    setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest | undefined;
  }

  interface AutocannonOptions {
    url: string;
    /** Concurrent connections. Default 10. */
    connections?: number;
    /** Seconds. Default 10. */
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: AutocannonRequest[];
    /** Seconds before a request counts as timed out. Default 10. */
    timeout?: number;
  }

  /** A histogram summary; latencies are in milliseconds, request counts per second. */
  interface AutocannonHistogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    total?: number;
  }

  interface AutocannonResult {
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    latency: AutocannonHistogram;
    requests: AutocannonHistogram & { total: number; sent: number };
  }

  interface AutocannonInstance extends PromiseLike<AutocannonResult> {
    stop(): void;
  }

  function autocannon(options: AutocannonOptions): AutocannonInstance;
  export default autocannon;
  export type { AutocannonHistogram, AutocannonOptions, AutocannonRequest, AutocannonResult };
}
