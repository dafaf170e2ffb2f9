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
      const own = ownCopy(key);
      result = analyse(own);
      results.set(own, result);
    }
    return result;
  };
}

/**
 * A copy of `text` that holds on to no larger string. A word cut from a document's text is a slice of it, and all the
 * texts of an index are slices of one string (see `documentFiles`): kept as it is, one remembered word would keep the
 * texts of every index loaded since in memory.
 */
function ownCopy(text: string): string {
  // Joined and cut again, the text is laid out afresh; there is no direct way to ask for a flat copy.
  return ` ${text}`.slice(1);
}
