import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../index/config.ts';
import { SERVER_NODE_ARGS } from '../../server/launch.ts';

/** The server as a child process: node itself, or `npm start` as README gives it. */
export interface Started {
  child: ChildProcess;
  /** Resolves with the first stdout JSON line whose `msg` matches. */
  line: (msg: string | RegExp) => Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/**
 * Starts the server as its own process on a free loopback port, configured by `env` alone (plus PATH and HOME). With
 * `group`, in a process group of its own, as a terminal runs a command: `process.kill(-child.pid, signal)` then signals
 * npm and the server together, as Ctrl-C does.
 */
export function startServer(env: NodeJS.ProcessEnv, through: 'node' | 'npm' = 'node', options: { group?: boolean } = {}): Started {
  const [command, args] = through === 'node' ? [process.execPath, [...SERVER_NODE_ARGS]] : ['npm', ['start', '--silent']];
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.group ?? false,
  });
  let stdout = '';
  let stderr = '';
  const waiting: Array<{ msg: string | RegExp; resolve: (line: Record<string, unknown>) => void }> = [];
  const seen: Array<Record<string, unknown>> = [];
  const matches = (line: Record<string, unknown>, msg: string | RegExp) =>
    typeof line.msg === 'string' && (typeof msg === 'string' ? line.msg === msg : msg.test(line.msg));
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    const lines = stdout.split('\n');
    for (const text of lines.slice(seen.length, -1)) {
      // npm's own scripts (the page build before start) print plain lines before the server's JSON ones.
      const line = (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown>;
      seen.push(line);
      for (const w of waiting.filter((w) => matches(line, w.msg))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // On close rather than exit: under npm, the server (which shares the output pipes) may outlive npm for a moment.
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
  const line = (msg: string | RegExp) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const earlier = seen.find((l) => matches(l, msg));
      if (earlier) return resolve(earlier);
      waiting.push({ msg, resolve });
      void exited.then(({ code }) => reject(new Error(`server exited (${code}) before logging "${msg}":\n${stdout}\n${stderr}`)));
    });
  return { child, line, exited };
}
