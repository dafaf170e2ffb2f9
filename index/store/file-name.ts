/**
 * Why `name` cannot name a file inside an index generation, or `undefined` when it can. Names are plain relative
 * paths with `/` separators (`chunks.json`, `onnx/model.onnx`); anything that could escape the generation directory or
 * mean different files on different platforms is refused.
 */
function fileNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.includes('\0')) return 'it contains a NUL character';
  if (name.includes('\\')) return 'it contains a backslash (use `/` between folders)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'it is an absolute path';
  const segments = name.split('/');
  if (segments.includes('..')) return 'it contains a `..` segment';
  if (segments.some((segment) => segment === '' || segment === '.')) {
    return 'it has an empty or `.` segment';
  }
  return undefined;
}

/** Whether `name` is a valid index file name (see {@link assertFileName}). */
export function isFileName(name: string): boolean {
  return fileNameProblem(name) === undefined;
}

/**
 * Throws unless `name` is a plain relative path with `/` separators: not absolute, no `..`, `.` or empty segments, no
 * backslash, no NUL.
 */
export function assertFileName(name: string): void {
  const problem = fileNameProblem(name);
  if (problem !== undefined) {
    throw new Error(`Invalid index file name ${JSON.stringify(name)}: ${problem}.`);
  }
}
