/**
 * A writer of JSON lines to `stream` that gathers the lines of one event-loop turn into one write: stdout to a file
 * or pipe is written synchronously, a system call per line, and under load many requests end in the same turn.
 * Whatever is still gathered when the process exits is written then.
 */
export function batchedLines(stream: Pick<NodeJS.WritableStream, 'write'>): (entry: object) => void {
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    stream.write(pending);
    pending = '';
  };
  process.on('exit', flush);
  return (entry) => {
    if (pending === '') setImmediate(flush);
    pending += `${JSON.stringify(entry)}\n`;
  };
}

/** One JSON line on stdout, in order with every other line written through it: the request log and the server's own. */
export const writeStdoutLine = batchedLines(process.stdout);
