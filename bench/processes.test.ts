import { describe, expect, it } from 'vitest';
import { parseMaxRss, readStatusBytes, runMeasured } from './processes.ts';

describe('parseMaxRss', () => {
  it('reads GNU time\'s peak resident set size, in bytes', () => {
    const report = '\tUser time (seconds): 4.17\n\tMaximum resident set size (kbytes): 311108\n\tExit status: 0\n';
    expect(parseMaxRss(report)).toBe(311108 * 1024);
  });

  it('gives undefined for a report without it', () => {
    expect(parseMaxRss('Command exited with non-zero status 1\n')).toBeUndefined();
  });
});

describe('readStatusBytes', () => {
  it('reads this process\'s resident memory from /proc, and nothing for a process that does not exist', () => {
    expect(readStatusBytes(process.pid, 'VmRSS')).toBeGreaterThan(1024 * 1024);
    expect(readStatusBytes(2 ** 22 + 1, 'VmRSS')).toBeUndefined();
  });
});

describe('runMeasured', () => {
  it('runs a script of the repository through tsx and returns its output, exit code and peak memory', async () => {
    const run = await runMeasured('bench/generate-collection.ts', ['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage: tsx bench/generate-collection.ts --out DIR');
    expect(run.peakRssBytes).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('reports a failing script\'s exit code and error output', async () => {
    const run = await runMeasured('bench/generate-collection.ts', ['--out', '/tmp/x', '--docs', '0']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('Could not generate the collection: --docs must be a positive whole number, got "0".');
  });
});
