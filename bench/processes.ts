import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../index/config.ts';
import { SERVER_START_ARGS } from '../server/launch.ts';

/** What a finished child process did and cost. */
export interface MeasuredRun {
  exitCode: number | null;
  /** From start to exit, including Node's own start-up. */
  wallMs: number;
  /** Peak resident memory of the process, in bytes; undefined when it could not be measured. */
  peakRssBytes: number | undefined;
  stdout: string;
  stderr: string;
}

/** Options of {@link runMeasured}. */
export interface RunOptions {
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** The process is killed after this long. Default 10 minutes. */
  timeoutMs?: number;
  /** Node flags placed before `--import tsx`, e.g. `--cpu-prof`. Default none. */
  nodeFlags?: string[];
  /** The checkout the script is run in (another commit's, for before/after figures). Default this repository. */
  cwd?: string;
}

const GNU_TIME = '/usr/bin/time';

// Measured runs get their own process group (so a timeout can stop GNU time and the node process under it), which
// also keeps them out of reach of Ctrl-C: they are remembered here and stopped by stopMeasuredRuns().
const running = new Set<ChildProcess>();

/** Stops the measured runs still going, e.g. when the benchmark itself is interrupted. */
export function stopMeasuredRuns(): void {
  for (const child of running) killGroup(child);
}

/**
 * Runs a TypeScript entry point of this repository (`node --import tsx <script> …args`, what `npm run` runs through
 * tsx, without npm's extra process) and measures its wall time and peak RSS: from GNU time's report when
 * `/usr/bin/time` is there, else by polling the process's high-water mark in `/proc/<pid>/status`.
 * @throws Error when it runs past the timeout (it is killed first).
 */
export async function runMeasured(script: string, args: string[], options: RunOptions = {}): Promise<MeasuredRun> {
  const nodeArgs = [...(options.nodeFlags ?? []), '--import', 'tsx', script, ...args];
  const useTime = existsSync(GNU_TIME);
  const scratch = useTime ? await mkdtemp(join(tmpdir(), 'seogi-bench-')) : undefined;
  const timeReport = scratch && join(scratch, 'time.txt');
  const [command, commandArgs] = timeReport
    ? [GNU_TIME, ['-v', '-o', timeReport, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const started = performance.now();
  const child = spawn(command, commandArgs, {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  let polledPeak: number | undefined;
  const poll = timeReport
    ? undefined
    : setInterval(() => {
        const hwm = readStatusBytes(child.pid, 'VmHWM');
        if (hwm !== undefined) polledPeak = Math.max(polledPeak ?? 0, hwm);
      }, 50);
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child);
  }, timeoutMs);
  try {
    const exitCode = await exited(child);
    const wallMs = performance.now() - started;
    if (timedOut) throw new Error(`${script} ran for more than ${timeoutMs / 1000} s and was stopped.`);
    const peakRssBytes = timeReport ? parseMaxRss(await readFile(timeReport, 'utf8').catch(() => '')) : polledPeak;
    return { exitCode, wallMs, peakRssBytes, stdout: await stdout, stderr: await stderr };
  } finally {
    running.delete(child);
    clearTimeout(timer);
    if (poll) clearInterval(poll);
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** GNU time's "Maximum resident set size (kbytes)", in bytes. */
export function parseMaxRss(report: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** A field of `/proc/<pid>/status` given in kB (`VmRSS`, `VmHWM`), in bytes; undefined when unreadable. */
export function readStatusBytes(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A running server started by {@link startServer}. */
export interface RunningServer {
  url: string;
  pid: number | undefined;
  /** From spawning the process until `/readyz` first answered 200. */
  readyMs: number;
  /** Current resident memory of the server process, in bytes. */
  rssBytes(): number | undefined;
  /** The server's log so far (stdout and stderr). */
  log(): string;
  /** Sends SIGTERM and waits for the process to exit (killing it after 15 s). */
  stop(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface ServerOptions {
  indexDir: string;
  docsDir: string;
  /** File the server's stdout and stderr go to: a pipe into this process would compete with the load generator. */
  logPath: string;
  /** Node flags, e.g. `--cpu-prof`. Default none. */
  nodeFlags?: string[];
  /** Give up waiting for `/readyz` after this long. Default 120 s. */
  readyTimeoutMs?: number;
  /** More environment variables for the server (`ADMIN_TOKEN`). Default none. */
  env?: Record<string, string>;
  /**
   * The checkout to run (another commit's, for before/after figures) and how Node runs its server there. Default this
   * repository's compiled server, {@link SERVER_START_ARGS}, compiled first if it is not.
   */
  checkout?: { root: string; nodeArgs: readonly string[] };
}

let serverBuilt: Promise<void> | undefined;

/** Compiles the server as `npm start` does before starting it (`npm run build:server`), once per benchmark run. */
export function buildServer(): Promise<void> {
  serverBuilt ??= runMeasured('server/build.ts', []).then((run) => {
    if (run.exitCode !== 0) throw new Error(`Compiling the server failed:\n${tail(`${run.stdout}\n${run.stderr}`)}`);
  });
  return serverBuilt;
}

/**
 * Starts the server as `npm start` does (compiled, without the web build of `prestart`) on a free loopback port and
 * waits until `/readyz` answers 200.
 * @throws Error with the end of the server's log when it exits or is not ready in time.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (!options.checkout) await buildServer();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFd = openSync(options.logPath, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...(options.checkout?.nodeArgs ?? SERVER_START_ARGS)], {
    cwd: options.checkout?.root ?? PROJECT_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      INDEX_DIR: options.indexDir,
      DOCS_DIR: options.docsDir,
      // Unset and empty mean the same to the server: no rate limit, no question logging, no chat integrations.
      RATE_LIMIT_PER_MIN: '',
      LOG_QUESTIONS: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_BOT_TOKEN: '',
      MATTERMOST_TOKEN: '',
      ...options.env,
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const exit = exited(child);
  const log = () => (existsSync(options.logPath) ? readFileSync(options.logPath, 'utf8') : '');
  const server: RunningServer = {
    url,
    pid: child.pid,
    readyMs: 0,
    rssBytes: () => readStatusBytes(child.pid, 'VmRSS'),
    log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(force);
    },
  };
  const deadline = started + (options.readyTimeoutMs ?? 120_000);
  let gone = false;
  void exit.then(
    () => (gone = true),
    () => (gone = true),
  );
  while (!gone) {
    if (await isReady(url)) return { ...server, readyMs: performance.now() - started };
    if (performance.now() > deadline) {
      await server.stop();
      throw new Error(`The server was not ready within ${(options.readyTimeoutMs ?? 120_000) / 1000} s. Its log ends:\n${tail(log())}`);
    }
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`The server exited before it was ready (code ${child.exitCode}). Its log ends:\n${tail(log())}`);
}

async function isReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/readyz`);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('No free port.'))));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done(code));
  });
}

/** Stops a detached child and anything it started (GNU time does not pass signals on). */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function collect(stream: NodeJS.ReadableStream | null): Promise<string> {
  if (!stream) return Promise.resolve('');
  const parts: Buffer[] = [];
  stream.on('data', (part: Buffer) => parts.push(part));
  return new Promise((done) => stream.on('end', () => done(Buffer.concat(parts).toString('utf8'))));
}

function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
