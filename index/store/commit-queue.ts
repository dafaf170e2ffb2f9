const tails = new Map<string, Promise<void>>();

/**
 * Runs `task` after every task queued earlier under the same `key` has settled, whatever their outcome. Keyed by index
 * directory so that two store instances on the same directory in one process take turns instead of tripping over
 * each other's lock file.
 */
export function runSerially<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (tails.get(key) ?? Promise.resolve()).then(task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
