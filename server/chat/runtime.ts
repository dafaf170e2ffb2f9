import type { SeogiService } from '../service.ts';

/** What the chat bots need from Seogi: only answering. */
export type ChatService = Pick<SeogiService, 'ask'>;

/** Reports what the chat tool never shows: refused requests, and failures of work done after the acknowledgement. */
export type ChatLogger = (message: string, error?: unknown) => void;

/** What every chat route handler shares: the service, the clock, logging and background work. */
export interface ChatRuntime {
  /** The service, or undefined while the index is still loading. */
  service: () => ChatService | undefined;
  /** Milliseconds since the epoch. */
  now: () => number;
  log: ChatLogger;
  /**
   * Runs work after the response has been sent. A failure is logged, never thrown: a reply that could not be
   * delivered must not bring the server down.
   */
  runInBackground: (what: string, work: () => Promise<void>) => void;
}

/** Builds the runtime's `runInBackground` from a logger and an optional observer of the tasks. */
export function backgroundRunner(log: ChatLogger, observe?: (task: Promise<void>) => void): ChatRuntime['runInBackground'] {
  return (what, work) => {
    const task = Promise.resolve()
      .then(work)
      .catch((error: unknown) => log(`Chat: ${what} failed: ${errorMessage(error)}`, error));
    observe?.(task);
  };
}

/** An error's message, for a log line. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
