import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { summarizeBusiestProfile } from '../cpu-profile.ts';
import { startServer } from '../processes.ts';
import { readIndexConfig } from '../../index/config.ts';
import { loadGlossary } from '../../index/analyze/glossary.ts';
import { evalQuestions, generateQuestions } from '../questions.ts';
import { createRandom } from '../random.ts';
import { figure, type Figure } from '../report.ts';
import { loadSeedText, SEEDS_DIR } from '../seed-text.ts';
import { ensureSeedIndex, logPath, profileDir, type BenchContext } from '../workspace.ts';

/** Connections kept busy at once: each sends its next request as soon as the previous answer arrives. */
export const CONNECTIONS = 16;

/** Distinct questions the ask load draws from: more than the server can answer in a load test on this machine. */
const LOAD_QUESTIONS = 30_000;

/**
 * Closed-loop load on one server over the seed collection: `GET /healthz` (the cost of HTTP itself), then
 * `POST /api/ask` with distinct generated questions in turn (a fifth to a third English), each for `httpSeconds` over
 * {@link CONNECTIONS} loopback connections. Distinct, because repeated questions would be answered from the server's
 * cache. The evaluation questions (Korean and English, answerable and not) are asked once first, unmeasured, so the
 * measured run starts warm and the server is known to answer them with 200.
 */
export async function runHttpPart(context: BenchContext): Promise<Figure[]> {
  const indexDir = await ensureSeedIndex(context);
  const profiles = context.profile ? await profileDir(context, 'server-http') : undefined;
  const server = await startServer({
    indexDir,
    docsDir: SEEDS_DIR,
    logPath: await logPath(context, 'server-http.log'),
    nodeFlags: profiles ? ['--cpu-prof', '--cpu-prof-dir', profiles] : [],
  });
  const config = readIndexConfig({ INDEX_DIR: indexDir });
  const questions = generateQuestions(await loadSeedText(), loadGlossary(config.glossaryPaths), LOAD_QUESTIONS, createRandom(77));
  let health: AutocannonResult;
  let ask: AutocannonResult;
  try {
    await warmUp(server.url, evalQuestions());
    context.log(`GET /healthz: ${CONNECTIONS} connections, ${context.httpSeconds} s…`);
    health = await load({ url: `${server.url}/healthz`, requests: [{ method: 'GET' }] }, context.httpSeconds);
    context.log(`POST /api/ask (distinct questions in turn): ${CONNECTIONS} connections, ${context.httpSeconds} s…`);
    ask = await load({ url: `${server.url}/api/ask`, requests: [askRequest(questions)] }, context.httpSeconds);
  } finally {
    await server.stop();
  }
  if (profiles) context.profiles['server under POST /api/ask load'] = await summarizeBusiestProfile(profiles);

  const part = 'http' as const;
  const load16 = `${CONNECTIONS} connections, ${context.httpSeconds} s`;
  const failures = (r: AutocannonResult) => r.errors + r.timeouts + r.non2xx;
  return [
    figure({ part, id: 'http.healthz.rps', label: 'GET /healthz throughput', value: health.requests.average, unit: 'req/s', note: load16 }),
    figure({ part, id: 'http.healthz.p50', label: 'GET /healthz latency p50', value: health.latency.p50, unit: 'ms' }),
    figure({ part, id: 'http.healthz.p99', label: 'GET /healthz latency p99', value: health.latency.p99, unit: 'ms' }),
    figure({ part, id: 'http.ask.rps', label: 'POST /api/ask throughput', value: ask.requests.average, unit: 'req/s', note: `${load16}, distinct questions, ${englishShare(questions)}% English` }),
    figure({ part, id: 'http.ask.p50', label: 'POST /api/ask latency p50', value: ask.latency.p50, unit: 'ms' }),
    figure({ part, id: 'http.ask.p99', label: 'POST /api/ask latency p99', value: ask.latency.p99, unit: 'ms', target: { op: '<=', value: 50 } }),
    figure({
      part,
      id: 'http.ask.p99OverP50',
      label: 'POST /api/ask latency p99 / p50',
      value: ask.latency.p50 > 0 ? ask.latency.p99 / ask.latency.p50 : 0,
      unit: '×',
      target: { op: '<=', value: 3 },
    }),
    figure({
      part,
      id: 'http.ratio',
      label: 'throughput ratio ask / healthz',
      value: health.requests.average > 0 ? ask.requests.average / health.requests.average : 0,
      unit: '',
      target: { op: '>=', value: 0.3 },
    }),
    figure({
      part,
      id: 'http.failures',
      label: 'failed requests (errors, timeouts, non-2xx)',
      value: failures(health) + failures(ask),
      unit: '',
      target: { op: '<=', value: 0 },
      note: `of ${health.requests.total + ask.requests.total}`,
    }),
  ];
}

/** Closed-loop load on one URL over {@link CONNECTIONS} connections for `seconds`. */
export function load(options: { url: string; requests: AutocannonRequest[] }, seconds: number): Promise<AutocannonResult> {
  return Promise.resolve(autocannon({ ...options, connections: CONNECTIONS, duration: seconds, timeout: 10 }));
}

/** One request template whose body is the next question of the list, shared across connections. */
export function askRequest(questions: readonly string[]): AutocannonRequest {
  const bodies = questions.map((question) => JSON.stringify({ question }));
  let next = 0;
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] as string }),
  };
}

/** Asks every question once, in turn. @throws Error naming the first question not answered with 200. */
async function warmUp(url: string, questions: readonly string[]): Promise<void> {
  for (const question of questions) {
    const response = await fetch(`${url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`POST /api/ask "${question}" answered ${response.status}: ${body.slice(0, 200)}`);
  }
}

function englishShare(questions: readonly string[]): number {
  return Math.round((questions.filter((q) => !/\p{Script=Hangul}/u.test(q)).length / questions.length) * 100);
}
