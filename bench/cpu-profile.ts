import { readdir, readFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../index/config.ts';

/** The parts of a V8 `.cpuprofile` (as written by `node --cpu-prof`) that self time is computed from. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Time spent in one function (or file) itself, not in what it calls. */
export interface SelfTime {
  /** `name (file:line)` for a function, the file for a file; paths relative to the repository. */
  name: string;
  ms: number;
  /** Share of the busy (not idle) time, 0–1. */
  share: number;
}

/** Where a profile's time went. */
export interface ProfileSummary {
  totalMs: number;
  /** Sampled time the thread was not idle. */
  busyMs: number;
  functions: SelfTime[];
  files: SelfTime[];
}

/**
 * Sums a profile's samples by the function they landed in (self time) and by that function's file, largest first,
 * leaving out idle time. Each sample is charged the time until the next one, as Chrome DevTools does.
 */
export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    byNode.set(id, (byNode.get(id) ?? 0) + delta);
  });
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    const file = url ? displayPath(url) : '';
    // Code transpiled on load (tsx) reports line 0 for everything, so a line is only shown when there is one.
    const where = lineNumber > 0 ? `${file}:${lineNumber + 1}` : file;
    const name = file ? `${functionName || '(anonymous)'} (${where})` : functionName || '(anonymous)';
    functions.set(name, (functions.get(name) ?? 0) + us);
    const fileKey = file || functionName || '(native)';
    files.set(fileKey, (files.get(fileKey) ?? 0) + us);
  }
  const busy = total - idle;
  const rank = (times: Map<string, number>): SelfTime[] =>
    [...times]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: busy > 0 ? Math.round((us / busy) * 1000) / 1000 : 0 }));
  return { totalMs: Math.round(total / 1000), busyMs: Math.round(busy / 1000), functions: rank(functions), files: rank(files) };
}

/** Reads a `.cpuprofile` file and summarizes it. */
export async function summarizeProfileFile(path: string, top?: number): Promise<ProfileSummary> {
  return summarizeProfile(JSON.parse(await readFile(path, 'utf8')) as CpuProfile, top);
}

/**
 * Summarizes the busiest profile in a folder written by `node --cpu-prof --cpu-prof-dir`: one file per thread, and
 * the threads beside the main one (tsx's loader) are idle nearly all the time.
 * @throws Error when the folder holds no profile.
 */
export async function summarizeBusiestProfile(dir: string, top?: number): Promise<ProfileSummary> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
  const summaries = await Promise.all(files.map((name) => summarizeProfileFile(join(dir, name), top)));
  const busiest = summaries.sort((a, b) => b.busyMs - a.busyMs)[0];
  if (!busiest) throw new Error(`No .cpuprofile file in ${dir}: the profiled process did not exit normally.`);
  return busiest;
}

/**
 * Runs `task` under V8's sampling profiler in this process (as `--cpu-prof` would, but for just this stretch) and
 * returns its result with the profile.
 */
export async function profileWhile<T>(task: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const outcome = await task().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const { profile } = await session.post('Profiler.stop');
    if (!outcome.ok) throw outcome.error;
    return { result: outcome.value, profile: profile as CpuProfile };
  } finally {
    session.disconnect();
  }
}

/** A summary as text: the top functions by self time, then the top files. */
export function formatProfileSummary(title: string, summary: ProfileSummary): string {
  const line = (t: SelfTime) => `  ${String(t.ms).padStart(7)} ms ${(t.share * 100).toFixed(1).padStart(5)}%  ${t.name}`;
  return [
    `${title}: ${(summary.totalMs / 1000).toFixed(1)} s sampled, ${(summary.busyMs / 1000).toFixed(1)} s busy`,
    ' top functions by self time:',
    ...summary.functions.map(line),
    ' top files by self time:',
    ...summary.files.map(line),
  ].join('\n');
}

function displayPath(url: string): string {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(PROJECT_ROOT) ? relative(PROJECT_ROOT, path) : path;
}
