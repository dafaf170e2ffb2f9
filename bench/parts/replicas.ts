import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadGlossary } from '../../index/analyze/glossary.ts';
import { readIndexConfig } from '../../index/config.ts';
import { CollectionDb } from '../../index/pg/collection-db.ts';
import { importIndex } from '../../index/pg/import-index.ts';
import { freshDatabase, type TestDatabase } from '../../tests/support/postgres.ts';
import { startServer, type RunningServer } from '../processes.ts';
import { generateQuestions } from '../questions.ts';
import { createRandom } from '../random.ts';
import { figure, type Figure } from '../report.ts';
import { loadSeedText, SEEDS_DIR } from '../seed-text.ts';
import { percentile } from '../stats.ts';
import { ensureSeedIndex, ensureSizeIndex, logPath, type BenchContext } from '../workspace.ts';
import { askRequest, load } from './http.ts';

const ADMIN_TOKEN = 'bench-admin-token-0123456789';
/** Documents added through one server to time their arrival on the other. */
const LAG_SAMPLES = 40;
/** The collection size whose start-up from PostgreSQL is compared with INDEX_DIR's: the 16k chunks. */
const STARTUP_SIZE = '16k';

/**
 * Several servers on one PostgreSQL collection (`DATABASE_URL`, or the local server the tests use): how long a change
 * made through one server takes to be served by another (p50, p99), ask throughput of one server against two on this
 * machine, and start-up onto a 16k-chunk collection from the database against from INDEX_DIR.
 */
export async function runReplicasPart(context: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  const seedIndexDir = await ensureSeedIndex(context);
  const seeds = await freshDatabase();
  const spareDirs: string[] = [];
  const servers: RunningServer[] = [];
  const serve = async (name: string, indexDir?: string) => {
    const dir = indexDir ?? (await mkdtemp(join(context.workDir, 'replica-')));
    if (!indexDir) spareDirs.push(dir);
    const server = await startServer({ indexDir: dir, docsDir: SEEDS_DIR, logPath: await logPath(context, `server-${name}.log`), env: { DATABASE_URL: seeds.url, ADMIN_TOKEN } });
    servers.push(server);
    return server;
  };
  try {
    const a = await serve('replica-a', seedIndexDir);
    const b = await serve('replica-b');
    context.log(`change propagation: ${LAG_SAMPLES} adds through one server, each timed until the other serves it…`);
    const lags = await propagationLags(a.url, b.url);
    figures.push(
      figure({ part: 'replicas', id: 'replicas.lag.p50', label: 'change propagation to another server, p50', value: percentile(lags, 50), unit: 'ms', note: `${LAG_SAMPLES} adds` }),
      figure({ part: 'replicas', id: 'replicas.lag.p99', label: 'change propagation to another server, p99', value: percentile(lags, 99), unit: 'ms', target: { op: '<=', value: 2000 } }),
    );

    const config = readIndexConfig({ INDEX_DIR: seedIndexDir });
    const questions = generateQuestions(await loadSeedText(), loadGlossary(config.glossaryPaths), 30_000, createRandom(91));
    context.log(`POST /api/ask on one server, then on two at once: ${context.httpSeconds} s each…`);
    const one = await load({ url: `${a.url}/api/ask`, requests: [askRequest(questions)] }, context.httpSeconds);
    const two = await Promise.all([a, b].map((server, i) => load({ url: `${server.url}/api/ask`, requests: [askRequest(questions.slice(i * 15_000))] }, context.httpSeconds)));
    const twoRps = two.reduce((sum, r) => sum + r.requests.average, 0);
    figures.push(
      figure({ part: 'replicas', id: 'replicas.ask.oneServer.rps', label: 'POST /api/ask throughput, one server', value: one.requests.average, unit: 'req/s' }),
      figure({ part: 'replicas', id: 'replicas.ask.twoServers.rps', label: 'POST /api/ask throughput, two servers', value: twoRps, unit: 'req/s', note: 'both on this machine' }),
      figure({ part: 'replicas', id: 'replicas.ask.twoOverOne', label: 'throughput two servers / one', value: twoRps / one.requests.average, unit: '×' }),
      figure({
        part: 'replicas',
        id: 'replicas.ask.failures',
        label: 'failed asks (errors, timeouts, non-2xx)',
        value: [one, ...two].reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
        unit: '',
        target: { op: '<=', value: 0 },
      }),
    );
    await Promise.all(servers.splice(0).map((s) => s.stop()));

    const size = context.sizes.find((s) => s.label === STARTUP_SIZE) ?? context.sizes[0]!;
    figures.push(...(await startupFromDatabase(context, size)));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await seeds.drop();
    await Promise.all(spareDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
  return figures;
}

/** Adds documents through `writer` one at a time, and times each from its 201 until `reader` serves it. */
async function propagationLags(writer: string, reader: string): Promise<number[]> {
  const lags: number[] = [];
  for (let i = 0; i < LAG_SAMPLES; i++) {
    const id = `lag-${i}`;
    const body = JSON.stringify({ id, title: `전파 측정 ${i}`, text: `전파 측정 문서 ${i}입니다. 접수 번호는 ${1000 + i}번입니다.` });
    const res = await fetch(`${writer}/api/documents`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' }, body });
    if (res.status !== 201) throw new Error(`Adding ${id} answered ${res.status}: ${await res.text()}`);
    const acknowledged = performance.now();
    for (;;) {
      const seen = await fetch(`${reader}/api/documents/${id}`);
      await seen.arrayBuffer();
      if (seen.status === 200) break;
      if (performance.now() - acknowledged > 10_000) throw new Error(`${id} did not reach the other server within 10 s.`);
      await new Promise((done) => setTimeout(done, 2));
    }
    lags.push(performance.now() - acknowledged);
  }
  return lags;
}

/** Start-up to /readyz onto the same collection from the database (imported from the index) and from INDEX_DIR. */
async function startupFromDatabase(context: BenchContext, size: { label: string; documents: number }): Promise<Figure[]> {
  const { docsDir, indexDir } = await ensureSizeIndex(context, size);
  let database: TestDatabase | undefined;
  const empty = await mkdtemp(join(context.workDir, 'replica-start-'));
  try {
    database = await freshDatabase();
    const db = await CollectionDb.open(database.url);
    context.log(`${size.label}: importing the index into PostgreSQL…`);
    await importIndex(indexDir, db).finally(() => db.close());
    const fromDisk = await startServer({ indexDir, docsDir, logPath: await logPath(context, `server-start-disk-${size.label}.log`) });
    await fromDisk.stop();
    // A fresh INDEX_DIR: nothing but the database to start from.
    const fromDb = await startServer({ indexDir: empty, docsDir, logPath: await logPath(context, `server-start-db-${size.label}.log`), env: { DATABASE_URL: database.url } });
    await fromDb.stop();
    const id = (name: string) => `replicas.${size.label}.${name}`;
    return [
      figure({ part: 'replicas', id: id('startFromIndexDir'), label: `server start to /readyz from INDEX_DIR, ${size.label}`, value: fromDisk.readyMs / 1000, unit: 's' }),
      figure({ part: 'replicas', id: id('startFromDatabase'), label: `server start to /readyz from PostgreSQL, ${size.label}`, value: fromDb.readyMs / 1000, unit: 's' }),
      figure({ part: 'replicas', id: id('databaseOverIndexDir'), label: `start-up from PostgreSQL / from INDEX_DIR, ${size.label}`, value: fromDb.readyMs / fromDisk.readyMs, unit: '×' }),
    ];
  } finally {
    await database?.drop();
    await rm(empty, { recursive: true, force: true });
  }
}
