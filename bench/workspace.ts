import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../index/config.ts';
import { indexMetaSchema } from '../index/layout.ts';
import { INDEX_FORMAT_VERSION, readManifest } from '../index/store/manifest.ts';
import { summarizeBusiestProfile, type ProfileSummary } from './cpu-profile.ts';
import type { Figure } from './report.ts';
import { runMeasured } from './processes.ts';
import { SEEDS_DIR } from './seed-text.ts';
import { generateCollection } from './synthetic-collection.ts';

/** A synthetic collection size the scale part measures. */
export interface CollectionSize {
  /** Short name used in figure ids and folder names, e.g. `100k`. */
  label: string;
  documents: number;
}

/** The sizes of a full run: the 2,000 documents (16,000 chunks) and 100,000 chunks. */
export const FULL_SIZES: readonly CollectionSize[] = [
  { label: '16k', documents: 2000 },
  { label: '100k', documents: 12_500 },
];

/** The sizes of a `--quick` run. */
export const QUICK_SIZES: readonly CollectionSize[] = [
  { label: '2k', documents: 250 },
  { label: '16k', documents: 2000 },
];

/** What the benchmark parts share: where to work, what to measure, and where findings go. */
export interface BenchContext {
  /** Scratch folder (git-ignored): collections, indexes, logs, profiles. */
  workDir: string;
  quick: boolean;
  /** Sizes of the scale part, smallest first; the last is the one start-up is measured on. */
  sizes: readonly CollectionSize[];
  /** Seconds each HTTP load test runs. */
  httpSeconds: number;
  /** Whether to record CPU profiles of index builds and of the server under load. */
  profile: boolean;
  /** CPU profile summaries, by what was profiled; parts add to it. */
  profiles: Record<string, ProfileSummary>;
  /** Progress lines for the terminal. */
  log(line: string): void;
  /** Figures of the parts that ran before, in this run: a later part may compare with them rather than measure again. */
  earlier: readonly Figure[];
  /** Another commit of Seogi measured beside this one (`--baseline REF`), for before/after figures. */
  baseline?: Baseline;
}

/** A checkout of another commit, measured with the same collections and questions in the same run. */
export interface Baseline {
  /** The commit, abbreviated, for labels and folder names. */
  commit: string;
  /** Its checkout (a git worktree in the temp folder, sharing this repository's node_modules). */
  root: string;
}

/**
 * A checkout of `ref` to measure beside the working tree: a detached git worktree in the system's temp folder (made
 * once per commit), with this repository's node_modules linked in.
 * @throws Error when `ref` names no commit.
 */
export async function prepareBaseline(ref: string): Promise<Baseline> {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  let commit: string;
  try {
    commit = git('rev-parse', '--short=12', `${ref}^{commit}`);
  } catch {
    throw new Error(`--baseline ${ref} names no commit of this repository.`);
  }
  // Outside the repository, so that the test runner and the linter do not take its files for this checkout's.
  const root = join(tmpdir(), `seogi-baseline-${commit}`);
  if (!existsSync(join(root, 'package.json'))) {
    await rm(root, { recursive: true, force: true });
    git('worktree', 'prune');
    git('worktree', 'add', '--detach', root, commit);
  }
  if (!existsSync(join(root, 'node_modules'))) await symlink(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { commit, root };
}

/** The default scratch folder, `bench/work/`. */
export const WORK_DIR = join(PROJECT_ROOT, 'bench', 'work');

/** Where the synthetic collection of a size is written. */
export function collectionDir(context: BenchContext, size: CollectionSize): string {
  return join(context.workDir, 'collections', `docs-${size.documents}`);
}

/** Where the index of a collection (`seeds` or a size label) is built. */
export function indexDir(context: BenchContext, name: string): string {
  return join(context.workDir, 'index', name);
}

/** A log file in the scratch folder, its folder created. */
export async function logPath(context: BenchContext, name: string): Promise<string> {
  await mkdir(join(context.workDir, 'logs'), { recursive: true });
  return join(context.workDir, 'logs', name);
}

/** A fresh folder for the CPU profiles of one process. */
export async function profileDir(context: BenchContext, name: string): Promise<string> {
  const dir = join(context.workDir, 'profiles', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** What one index build did and cost. */
export interface BuildMeasurement {
  documents: number;
  chunks: number;
  /** The build as it timed itself, loading documents to committing the index (the process time if it doesn't say). */
  buildMs: number;
  /** The whole `index/cli.ts` process, Node and tsx start-up included. */
  wallMs: number;
  peakRssBytes: number | undefined;
  /** Bytes of all files of the built index. */
  diskBytes: number;
  /** The build's CPU profile, when profiling. */
  profile?: ProfileSummary;
}

const INDEXED_SECONDS = /Indexed \d+ documents into \d+ chunks in ([\d.]+) s/;

/**
 * Builds an index from scratch (`--full`, into an emptied folder) the way `DOCS_DIR=… INDEX_DIR=… npm run index`
 * does, measuring time and peak memory.
 * @throws Error with the end of the build's output when it fails.
 */
export async function measureIndexBuild(
  context: BenchContext,
  docsDir: string,
  targetDir: string,
  profileAs?: string,
  root: string = PROJECT_ROOT,
): Promise<BuildMeasurement> {
  await rm(targetDir, { recursive: true, force: true });
  const profiles = profileAs ? await profileDir(context, profileAs) : undefined;
  const run = await runMeasured('index/cli.ts', ['--full'], {
    env: { DOCS_DIR: docsDir, INDEX_DIR: targetDir },
    nodeFlags: profiles ? ['--cpu-prof', '--cpu-prof-dir', profiles] : [],
    cwd: root,
  });
  if (run.exitCode !== 0) {
    const output = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-10).join('\n');
    throw new Error(`Building the index of ${docsDir} failed (exit code ${run.exitCode}):\n${output}`);
  }
  const { documents, chunks } = indexMetaSchema.parse(readManifest(targetDir).meta);
  // The build's own time leaves out Node's start-up; the whole process time stands in if the summary line changes.
  const reported = INDEXED_SECONDS.exec(run.stdout);
  return {
    documents,
    chunks,
    buildMs: reported ? Number(reported[1]) * 1000 : run.wallMs,
    wallMs: run.wallMs,
    peakRssBytes: run.peakRssBytes,
    diskBytes: await folderBytes(targetDir),
    ...(profiles ? { profile: await summarizeBusiestProfile(profiles) } : {}),
  };
}

/** The seed collection's index, built unless a committed one is already there. */
export async function ensureSeedIndex(context: BenchContext): Promise<string> {
  const dir = indexDir(context, 'seeds');
  if (!hasIndex(dir)) {
    context.log('Building the seed index…');
    await measureIndexBuild(context, SEEDS_DIR, dir);
  }
  return dir;
}

/** The index of a synthetic collection size, generated and built unless already there. */
export async function ensureSizeIndex(context: BenchContext, size: CollectionSize): Promise<{ docsDir: string; indexDir: string }> {
  const docs = collectionDir(context, size);
  const dir = indexDir(context, size.label);
  await generateCollection({ outDir: docs, documents: size.documents });
  if (!hasIndex(dir)) {
    context.log(`Building the ${size.label} index (not measured)…`);
    await measureIndexBuild(context, docs, dir);
  }
  return { docsDir: docs, indexDir: dir };
}

/** Whether a committed index of this version's format is in `dir`: one of an older format is built again, to measure this one. */
export function hasIndex(dir: string): boolean {
  try {
    // Throws for a missing or corrupt manifest and for one of a format this version does not read.
    return readManifest(dir).formatVersion === INDEX_FORMAT_VERSION;
  } catch {
    return false;
  }
}

/** The generation id of the committed index in `dir`, from its manifest alone (loading would read every file). */
export function indexGeneration(dir: string): string {
  return readManifest(dir).generation;
}

/** Total size of the files under `dir`, recursively. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}
