import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { IndexStoreError } from './errors.ts';
import { acquireLock, isRunning, liveHolder, lockHolder, LOCK_FILE } from './lock.ts';
import { thrownBy, useTempDir } from './test-support.ts';

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('the child process did not start');
  return child.pid;
}

/**
 * A zombie and the process that keeps it one: a shell that starts a child and becomes `sleep`, which never collects
 * the child's exit status. Resolves once /proc shows the child ended.
 */
async function zombie(): Promise<{ pid: number; stop: () => void }> {
  const parent = spawn('/bin/sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))));
  const stateOf = () => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  };
  for (let tries = 0; stateOf() !== 'Z'; tries++) {
    if (tries > 200) throw new Error('the child did not become a zombie');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { pid, stop: () => parent.kill() };
}

describe('isRunning', () => {
  it('counts a running process and not one that has ended', async () => {
    expect(isRunning(process.pid)).toBe(true);
    expect(isRunning(await deadPid())).toBe(false);
  });

  it.runIf(process.platform === 'linux')('does not count a zombie, whose pid still takes signals, as running', async () => {
    const { pid, stop } = await zombie();
    try {
      expect(() => process.kill(pid, 0)).not.toThrow();
      expect(isRunning(pid)).toBe(false);
    } finally {
      stop();
    }
  });
});

describe('acquireLock', () => {
  const tempDir = useTempDir('seogi-lock-');
  let lockPath: string;
  beforeEach(() => {
    lockPath = join(tempDir(), LOCK_FILE);
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose holder is a zombie', async () => {
    const { pid, stop } = await zombie();
    try {
      writeFileSync(lockPath, JSON.stringify({ pid, hostname: hostname(), label: 'a Seogi server' }));
      expect(liveHolder(lockPath)).toBeUndefined();
      acquireLock(lockPath)();
    } finally {
      stop();
    }
  });

  it('records this process, its machine and what it is in the lock file, and removes it on release', () => {
    const release = acquireLock(lockPath, { label: 'npm run index' });
    expect(lockHolder(lockPath)).toEqual({ pid: process.pid, hostname: hostname(), label: 'npm run index', since: expect.any(String) });
    release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('names the holder in its refusal, and reads the bare pid that lock files of earlier versions hold', () => {
    writeFileSync(lockPath, JSON.stringify({ pid: process.ppid, hostname: hostname(), label: 'the Seogi server at http://127.0.0.1:3000' }));
    expect((thrownBy(() => acquireLock(lockPath)) as Error).message).toMatch(/^the Seogi server at http:\/\/127\.0\.0\.1:3000 \(pid \d+\) is writing the index/);
    const refusal = thrownBy(() => acquireLock(lockPath, { refusal: (holder) => `held by ${holder.pid}` })) as Error;
    expect(refusal.message).toBe(`held by ${process.ppid}`);
    writeFileSync(lockPath, `${process.ppid}\n`);
    expect(liveHolder(lockPath)).toEqual({ pid: process.ppid, hostname: hostname() });
  });

  it('takes a holder on another machine to be running, since it cannot be checked from here', () => {
    writeFileSync(lockPath, JSON.stringify({ pid: 1_999_999, hostname: `not-${hostname()}` }));
    expect(liveHolder(lockPath)).toMatchObject({ pid: 1_999_999 });
    expect(thrownBy(() => acquireLock(lockPath))).toMatchObject({ code: 'INDEX_LOCKED' });
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
    expect(lockHolder(lockPath)?.pid).toBe(process.pid);
    release();
  });

  it('takes over a lock file whose writer died before filling in its pid', () => {
    writeFileSync(lockPath, '');
    const release = acquireLock(lockPath);
    expect(lockHolder(lockPath)?.pid).toBe(process.pid);
    release();
  });

  it('does not delete a lock that another process took over in the meantime', () => {
    const release = acquireLock(lockPath);
    writeFileSync(lockPath, `${process.ppid}\n`);
    release();
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.ppid}\n`);
  });
});
