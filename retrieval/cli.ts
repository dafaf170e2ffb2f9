import { parseArgs } from 'node:util';
import { readIndexConfig } from '../index/config.ts';
import { createProgressReporter } from '../index/progress.ts';
import { loadGlossary } from '../index/analyze/glossary.ts';
import { AnswerEngine, type RetrievalMode } from './answer-engine.ts';
import { openCollection } from './open-collection.ts';
import type { Answer } from '../contract/api.ts';

const USAGE = `Usage: npm run ask -- "question" [--json] [--top-k N] [--mode hybrid|lexical|dense]

Answers a question from the indexed documents (building the index first if there is none).
--json prints the answer in the shape of POST /api/ask.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'top-k': { type: 'string' },
      mode: { type: 'string', default: 'hybrid' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const question = positionals.join(' ').trim();
  if (values.help || question === '') {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const mode = values.mode as RetrievalMode;
  if (!['hybrid', 'lexical', 'dense'].includes(mode)) throw new Error(`--mode must be hybrid, lexical or dense, not "${mode}".`);
  const topK = values['top-k'] === undefined ? undefined : Number(values['top-k']);
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= 1 && topK <= 20)) throw new Error('--top-k must be a whole number from 1 to 20.');

  const config = readIndexConfig();
  const reporter = createProgressReporter();
  const { collection } = await openCollection(config, { onProgress: reporter.onProgress, onNotice: (m) => console.error(m) });
  reporter.stop();
  const engine = new AnswerEngine(() => collection, loadGlossary(config.glossaryPaths));
  const answer = await engine.ask({ question, topK }, mode);
  console.log(values.json ? JSON.stringify(answer, null, 2) : formatAnswer(answer));
}

/** The answer as a person reads it in a terminal: the short answer, the sentences, then each cited passage with its source. */
function formatAnswer(answer: Answer): string {
  const lines = [...(answer.short ? [`${answer.short.text} [${answer.short.n}]`, ''] : []), answer.answer, ''];
  for (const c of answer.abstained ? answer.related : answer.citations) {
    lines.push(`[${c.n}] ${c.title}${c.source ? ` — ${c.source}` : ''}`);
    lines.push(`    ${c.docId} ${c.start}–${c.end}: ${c.text.replace(/\s+/g, ' ').slice(0, 240)}${c.text.length > 240 ? '…' : ''}`);
  }
  if (answer.abstained && answer.related.length > 0) lines.splice(2, 0, answer.lang === 'ko' ? '관련 있을 수 있는 문단:' : 'Possibly related:');
  if (!answer.abstained && answer.related.length > 0) {
    lines.push('', answer.lang === 'ko' ? `관련 문단 ${answer.related.length}개 더 (--json)` : `${answer.related.length} more passages (--json)`);
  }
  lines.push('', `(${answer.tookMs} ms)`);
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
