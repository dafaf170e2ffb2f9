import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { IndexStoreError } from './errors.ts';
import { acquireLock, LOCK_FILE } from './lock.ts';
import { thrownBy, useTempDir } from './test-support.ts';

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('the child process did not start');
  return child.pid;
}

describe('acquireLock', () => {
  const tempDir = useTempDir('seogi-lock-');
  let lockPath: string;
  beforeEach(() => {
    lockPath = join(tempDir(), LOCK_FILE);
  });

  it('writes this process id into the lock file and removes it on release', () => {
    const release = acquireLock(lockPath);
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('refuses with INDEX_LOCKED while a running process holds the lock, and leaves its lock alone', () => {
    writeFileSync(lockPath, `${process.ppid}\n`);
    const error = thrownBy(() => acquireLock(lockPath));
    expect(error).toBeInstanceOf(IndexStoreError);
    expect(error).toMatchObject({ name: 'IndexStoreError', code: 'INDEX_LOCKED' });
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    writeFileSync(lockPath, `${await deadPid()}\n`);
    const release = acquireLock(lockPath);
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.pid}\n`);
    release();
  });

  it('takes over a lock file whose writer died before filling in its pid', () => {
    writeFileSync(lockPath, '');
    const release = acquireLock(lockPath);
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.pid}\n`);
    release();
  });

  it('does not delete a lock that another process took over in the meantime', () => {
    const release = acquireLock(lockPath);
    writeFileSync(lockPath, `${process.ppid}\n`);
    release();
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.ppid}\n`);
  });
});
