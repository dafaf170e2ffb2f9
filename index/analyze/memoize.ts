/**
 * `analyse` remembering its results by key: words recur throughout a text and from text to text, and looking one up
 * costs less than analysing it again (and makes no garbage). The memory is emptied whenever it holds `limit` results,
 * which bounds it on any collection. Results are shared: callers must not change them.
 */
export function memoize<T>(analyse: (key: string) => T, limit = 50_000): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) {
      if (results.size >= limit) results.clear();
      result = analyse(key);
      results.set(key, result);
    }
    return result;
  };
}
