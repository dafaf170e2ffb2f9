import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../processes.ts';
import { createRandom, type Random } from '../random.ts';
import { figure, type Figure, type Target } from '../report.ts';
import { loadSeedText, SEEDS_DIR, varyNumbers, type SeedText } from '../seed-text.ts';
import { percentile } from '../stats.ts';
import { generateCollection } from '../synthetic-collection.ts';
import { hasIndex, indexDir, logPath, measureIndexBuild, type BenchContext } from '../workspace.ts';

/** The size of document the issue holds the server to: adding one must not stall it. */
const DOCUMENT_BYTES = 5_000_000;
/** How often `/healthz` is asked while the document is added. */
const POLL_EVERY_MS = 10;
/** The longest a health check may wait while a document is added. */
const STALL_TARGET: Target = { op: '<=', value: 100 };
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
/**
 * Documents of the synthetic collection the server holds while documents are added, from `INGEST_DOCUMENTS`; unset or
 * 0 means the seeds. The work of a commit grows with the index, so the stall is measured on a large one too (3000
 * documents of 5 paragraphs: 15,000 chunks).
 */
const COLLECTION_DOCUMENTS = Number(process.env['INGEST_DOCUMENTS'] ?? 0);
const COLLECTION_PARAGRAPHS = 5;

/**
 * Adds a 5 MB document (as Markdown, then as HTML) to a server over a copy of the seeds while `/healthz` is asked
 * every 10 ms, one request at a time: the slowest health check is how long the add held up everything else.
 */
export async function runIngestPart(context: BenchContext): Promise<Figure[]> {
  const root = join(context.workDir, 'ingest');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  if (COLLECTION_DOCUMENTS > 0) {
    const { docsDir, indexDir } = await syntheticIndex(context, COLLECTION_DOCUMENTS);
    cpSync(docsDir, join(root, 'docs'), { recursive: true });
    cpSync(indexDir, join(root, 'index'), { recursive: true });
  } else {
    cpSync(SEEDS_DIR, join(root, 'docs'), { recursive: true, filter: (src) => !src.endsWith('glossary.tsv') });
  }
  const server = await startServer({
    indexDir: join(root, 'index'),
    docsDir: join(root, 'docs'),
    logPath: await logPath(context, 'server-ingest.log'),
    env: { ADMIN_TOKEN, MAX_UPLOAD_BYTES: String(2 * DOCUMENT_BYTES) },
  });
  const seed = await loadSeedText();
  const random = createRandom(5);
  const figures: Figure[] = [];
  const size = COLLECTION_DOCUMENTS > 0 ? ` (${COLLECTION_DOCUMENTS} documents)` : '';
  try {
    for (let i = 0; i < 3; i++) {
      context.log(`Adding a one-line document${size} while /healthz is asked every ${POLL_EVERY_MS} ms…`);
      const { healthMs } = await addWhilePolling(server.url, { id: `line-${i}`, text: `${i}번째 공지: 로봇 기업 우대금리는 연 ${i + 1}%입니다.` });
      context.log(`  slowest /healthz ${Math.max(...healthMs).toFixed(0)} ms`);
      figures.push(figure({ part: 'ingest', id: `ingest.line${i}.healthz.max`, label: `GET /healthz slowest during a one-line add${size}`, value: Math.max(...healthMs), unit: 'ms', target: STALL_TARGET }));
    }
    for (const kind of ['markdown', 'html'] as const) {
      const body: Record<string, string> = kind === 'html' ? { html: bigDocument(seed, random, 'html') } : { text: bigDocument(seed, random, 'markdown') };
      context.log(`Adding a ${(DOCUMENT_BYTES / 1e6).toFixed(0)} MB ${kind} document while /healthz is asked every ${POLL_EVERY_MS} ms…`);
      const { addMs, healthMs, chunks } = await addWhilePolling(server.url, { id: `big-${kind}`, title: `big ${kind}`, ...body });
      context.log(`  slowest /healthz ${Math.max(...healthMs).toFixed(0)} ms, add ${(addMs / 1000).toFixed(1)} s`);
      const part = 'ingest' as const;
      const note = `${chunks} chunks; ${healthMs.length} health checks during the add`;
      figures.push(
        figure({ part, id: `ingest.${kind}.addMs`, label: `add a 5 MB ${kind} document`, value: addMs / 1000, unit: 's', note }),
        figure({ part, id: `ingest.${kind}.healthz.max`, label: `GET /healthz slowest during the ${kind} add`, value: Math.max(...healthMs), unit: 'ms', target: STALL_TARGET }),
        figure({ part, id: `ingest.${kind}.healthz.p99`, label: `GET /healthz p99 during the ${kind} add`, value: percentile(healthMs, 99), unit: 'ms' }),
      );
    }
  } finally {
    await server.stop();
  }
  return figures;
}

/** A synthetic collection of `documents` documents and its index, generated and built once and kept for later runs. */
async function syntheticIndex(context: BenchContext, documents: number): Promise<{ docsDir: string; indexDir: string }> {
  const docsDir = join(context.workDir, 'collections', `ingest-${documents}`);
  const dir = indexDir(context, `ingest-${documents}`);
  await generateCollection({ outDir: docsDir, documents, paragraphs: COLLECTION_PARAGRAPHS });
  if (!hasIndex(dir)) {
    context.log(`Building the index of ${documents} documents (not measured)…`);
    await measureIndexBuild(context, docsDir, dir);
  }
  return { docsDir, indexDir: dir };
}

/** Distinct seed sentences with other numbers, in paragraphs, up to {@link DOCUMENT_BYTES} of UTF-8. */
function bigDocument(seed: SeedText, random: Random, kind: 'markdown' | 'html'): string {
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < DOCUMENT_BYTES) {
    const sentences = Array.from({ length: random.between(2, 6) }, () => varyNumbers(seed.sentences[random.int(seed.sentences.length)] as string, random));
    const paragraph = kind === 'html' ? `<p>${sentences.join(' ')}</p>` : sentences.join(' ');
    paragraphs.push(paragraph);
    bytes += Buffer.byteLength(paragraph) + 2;
  }
  return kind === 'html' ? `<html><body><article>${paragraphs.join('\n')}</article></body></html>` : paragraphs.join('\n\n');
}

async function addWhilePolling(url: string, document: Record<string, string>): Promise<{ addMs: number; healthMs: number[]; chunks: number }> {
  const healthMs: number[] = [];
  let adding = true;
  const polling = (async () => {
    while (adding) {
      const started = performance.now();
      await (await fetch(`${url}/healthz`)).arrayBuffer();
      healthMs.push(performance.now() - started);
      await new Promise((done) => setTimeout(done, POLL_EVERY_MS));
    }
  })();
  const started = performance.now();
  const response = await fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(document),
  });
  const addMs = performance.now() - started;
  adding = false;
  await polling;
  const reply = (await response.json()) as { chunks?: number; error?: { message: string } };
  if (response.status !== 201) throw new Error(`Adding the document answered ${response.status}: ${reply.error?.message ?? ''}`);
  return { addMs, healthMs, chunks: reply.chunks ?? 0 };
}
