import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../index/config.ts';
import { formatProfileSummary, summarizeProfile, type CpuProfile } from './cpu-profile.ts';

const url = pathToFileURL(join(PROJECT_ROOT, 'index', 'embed', 'vector-index.ts')).href;
// Samples land in: add, add, idle, embed (line 120 of a library), add; each sample lasts until the next one.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
    { id: 2, callFrame: { functionName: 'add', url, lineNumber: 0 } },
    { id: 3, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    { id: 4, callFrame: { functionName: 'encode', url: 'file:///lib/tokenizers.js', lineNumber: 119 } },
  ],
  samples: [2, 2, 3, 4, 2],
  timeDeltas: [0, 1000, 3000, 5000, 2000],
};

describe('summarizeProfile', () => {
  const summary = summarizeProfile(profile);

  it('charges each sample the time until the next one and leaves idle time out of the ranking', () => {
    expect(summary.totalMs).toBe(11);
    expect(summary.busyMs).toBe(6);
    expect(summary.functions).toEqual([
      { name: 'add (index/embed/vector-index.ts)', ms: 4, share: 0.667 },
      { name: 'encode (/lib/tokenizers.js:120)', ms: 2, share: 0.333 },
    ]);
  });

  it('sums self time by file too', () => {
    expect(summary.files.map((f) => [f.name, f.ms])).toEqual([
      ['index/embed/vector-index.ts', 4],
      ['/lib/tokenizers.js', 2],
    ]);
  });

  it('formats the ranking with milliseconds and shares', () => {
    expect(formatProfileSummary('build', summary).split('\n').slice(0, 3)).toEqual([
      'build: 0.0 s sampled, 0.0 s busy',
      ' top functions by self time:',
      '        4 ms  66.7%  add (index/embed/vector-index.ts)',
    ]);
  });
});
