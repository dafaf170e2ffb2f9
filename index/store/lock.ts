import { closeSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { IndexStoreError } from './errors.ts';

/** Name of the lock file inside the index directory while a commit is running. */
export const LOCK_FILE = 'commit.lock';

/** Who holds a lock, as its lock file records it. */
export interface LockHolder {
  pid: number;
  /** The machine it runs on: whether a holder still runs can only be checked on the same machine. */
  hostname: string;
  /** What it is, for messages ("the Seogi server at http://127.0.0.1:3000", "npm run index"). */
  label?: string;
  /** When it took the lock (ISO 8601). */
  since?: string;
}

/** Options of {@link acquireLock}. */
export interface LockOptions {
  /** What this process is, recorded for the messages of others who find the lock taken. Default none. */
  label?: string;
  /** The message of the `INDEX_LOCKED` error when a live holder has the lock. Default: names the holder and the file. */
  refusal?: (holder: LockHolder, path: string) => string;
}

/**
 * Whether a process of this machine runs (EPERM: it does, as another user's). A zombie — a process that has ended
 * but whose parent has not collected its exit status yet, as after a kill -9 of a writer whose parent is gone — does
 * not: signals still reach its pid, so its state is read from /proc where there is one.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** Whether /proc says the process has ended and waits to be reaped (state Z, or X: dead); false without /proc. */
function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // "pid (command) state …": the command may hold spaces and parentheses, so the state follows the last ")".
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}

/** The holder recorded in the lock file at `path`; undefined when there is none or it names no process. */
export function lockHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Lock files of earlier versions hold only the pid.
  if (/^\d+$/.test(text)) return validPid(Number(text)) ? { pid: Number(text), hostname: hostname() } : undefined;
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && validPid(holder.pid) && typeof holder.hostname === 'string' ? (holder as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The holder of the lock at `path` while it still holds it: a process that runs, or one on another machine, which
 * can't be checked and is taken to run. Undefined when the lock is free or was left by a process that has ended.
 */
export function liveHolder(path: string): LockHolder | undefined {
  const holder = lockHolder(path);
  return holder && (holder.hostname !== hostname() || isRunning(holder.pid)) ? holder : undefined;
}

function validPid(pid: number): boolean {
  return Number.isSafeInteger(pid) && pid > 0;
}

function tryCreate(path: string, label: string | undefined): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    const holder: LockHolder = { pid: process.pid, hostname: hostname(), ...(label ? { label } : {}), since: new Date().toISOString() };
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function defaultRefusal(holder: LockHolder, path: string): string {
  return (
    `${holder.label ?? 'Another process'} (pid ${holder.pid}) is writing the index (lock file ${path}). Wait for it to ` +
    'finish; if no such process is running, delete the lock file.'
  );
}

/**
 * Takes the lock at `path` (a file recording this process, created exclusively) and returns the function that
 * releases it. A lock left by a process that no longer runs on this machine, or one with no readable holder (its
 * writer died between creating and filling it), is taken over; a live holder's lock fails with `INDEX_LOCKED`.
 */
export function acquireLock(path: string, options: LockOptions = {}): () => void {
  if (!tryCreate(path, options.label)) {
    const holder = liveHolder(path);
    if (holder !== undefined) throw new IndexStoreError('INDEX_LOCKED', (options.refusal ?? defaultRefusal)(holder, path));
    rmSync(path, { force: true });
    if (!tryCreate(path, options.label)) {
      throw new IndexStoreError('INDEX_LOCKED', `Another process took the index lock ${path} at the same moment. Run one indexer at a time.`);
    }
  }
  return () => {
    const holder = lockHolder(path);
    if (holder?.pid === process.pid && holder.hostname === hostname()) unlinkSync(path);
  };
}
