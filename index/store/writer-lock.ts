import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { IndexStoreError } from './errors.ts';
import { acquireLock, liveHolder, type LockHolder } from './lock.ts';

/** Name of the file naming the one process that may change the index in its directory. */
export const WRITER_LOCK_FILE = 'writer.lock';

/**
 * The right to change the index in one directory, which one process holds at a time: a server for as long as it
 * serves, `npm run index` for as long as it builds. Commits by any other process are refused while it is held, so two
 * writers can't each commit from their own copy and lose what the other added.
 */
export interface IndexWriter {
  /** The index directory it is the writer of. */
  readonly dir: string;
  /** Gives the right up; the process's exit gives it up too. A crashed holder's right is taken over. */
  release(): void;
}

/**
 * Becomes the writer of the index in `dir` (created when missing).
 * @param label what this process is, for the messages of those it keeps out ("the Seogi server at http://…")
 * @throws IndexStoreError `INDEX_LOCKED`, naming the live holder and what to do, when another process is the writer
 */
export function acquireWriter(dir: string, label: string): IndexWriter {
  const absolute = resolve(dir);
  mkdirSync(absolute, { recursive: true });
  const releaseLock = acquireLock(join(absolute, WRITER_LOCK_FILE), { label, refusal: (holder) => writerRefusal(holder, absolute) });
  if (!releasingOnExit) process.once('exit', releaseAll);
  releasingOnExit = true;
  held.add(releaseLock);
  const release = () => {
    if (held.delete(releaseLock)) releaseLock();
  };
  return { dir: absolute, release };
}

/** Locks this process holds, given up when it exits (one listener for them all). */
const held = new Set<() => void>();
let releasingOnExit = false;

function releaseAll(): void {
  for (const release of held) release();
  held.clear();
}

/** Becomes the writer when no other live process is; undefined, changing nothing, when one is. */
export function tryAcquireWriter(dir: string, label: string): IndexWriter | undefined {
  try {
    return acquireWriter(dir, label);
  } catch (error) {
    if (error instanceof IndexStoreError && error.code === 'INDEX_LOCKED') return undefined;
    throw error;
  }
}

/** The live process that is the writer of the index in `dir`, if any. */
export function currentWriter(dir: string): LockHolder | undefined {
  return liveHolder(join(resolve(dir), WRITER_LOCK_FILE));
}

/**
 * Refuses, with `INDEX_LOCKED`, when a live process other than this one is the writer of the index in `dir`. A
 * process that never asked to be the writer may still commit when there is none (a test, a one-off script).
 */
export function assertMayWrite(dir: string): void {
  const holder = currentWriter(dir);
  if (holder && !(holder.pid === process.pid && holder.hostname === hostname())) {
    throw new IndexStoreError('INDEX_LOCKED', writerRefusal(holder, resolve(dir)));
  }
}

/** "the Seogi server at http://127.0.0.1:3000 (pid 4242)", with the machine when it is another one. */
export function describeHolder(holder: LockHolder): string {
  const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`;
  return `${holder.label ?? 'another process'} (pid ${holder.pid}${where})`;
}

/** Why a process that is not the writer may not change the index, and what to do. */
function writerRefusal(holder: LockHolder, dir: string): string {
  return (
    `${capitalise(describeHolder(holder))} is writing the index in ${dir}. Stop it (Ctrl+C or SIGTERM) or let it ` +
    'finish, then try again; while a server runs, add and remove documents through its API (POST and DELETE ' +
    '/api/documents).'
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
