import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** What `action` throws; fails the test when it returns normally. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw, but it returned');
}

/** A fresh folder under the OS temp dir per test, removed after it. Call at the top of a `describe`. */
export function useTempDir(prefix: string): () => string {
  let current: string | undefined;
  afterEach(() => {
    if (current !== undefined) rmSync(current, { recursive: true, force: true });
    current = undefined;
  });
  return () => {
    current ??= mkdtempSync(join(tmpdir(), prefix));
    return current;
  };
}
