import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../index/analyze/glossary.ts';
import { buildIndex, type BuildReport } from '../../index/build.ts';
import { PROJECT_ROOT, readIndexConfig, type IndexConfig } from '../../index/config.ts';
import { AnswerEngine } from '../../retrieval/answer-engine.ts';
import { loadCollection } from '../../retrieval/load-collection.ts';

const SAMPLES = join(PROJECT_ROOT, 'tests/fixtures/samples');
const DOCUMENTS = [
  'notice-bid-2024-08.hwp',
  'notice-2023-745.hwpx',
  'table-exam.hwpx',
  'voucher-2025.pdf',
  'robot-lease-2025.docx',
  'robot-lease-2025.euckr.txt',
  'scanned-faq.pdf',
];

let root: string;
let config: IndexConfig;
let report: BuildReport;
let engine: AnswerEngine;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'seogi-samples-'));
  for (const name of DOCUMENTS) cpSync(join(SAMPLES, name), join(root, 'docs', name));
  config = readIndexConfig({ DOCS_DIR: join(root, 'docs'), INDEX_DIR: join(root, 'index') });
  report = await buildIndex(config);
  const { collection } = await loadCollection(config);
  engine = new AnswerEngine(() => collection, loadGlossary(config.glossaryPaths));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Asks a question and returns the answer with the ids of the documents it cites. */
async function ask(question: string): Promise<{ answer: string; cited: string[] }> {
  const answer = await engine.ask({ question });
  return { answer: answer.answer.replace(/\s+/g, ''), cited: answer.citations.map((citation) => citation.docId) };
}

describe('answering from a folder of PDF, HWP, HWPX, DOCX and CP949 files', () => {
  it('indexes every readable sample and refuses the scan, saying why', () => {
    expect(report.documents).toBe(6);
    expect(report.skippedFiles).toEqual([
      expect.objectContaining({ relPath: 'scanned-faq.pdf', code: 'NO_TEXT_LAYER', reason: expect.stringContaining('run OCR first') }),
    ]);
  });

  it('answers from the PDF, cited into it', async () => {
    const { answer, cited } = await ask('신청 기간은 언제까지인가요?');
    expect(answer).toContain('2025년3월4일(화)부터3월28일(금)18시까지');
    expect(cited[0]).toBe('voucher-2025');
    expect((await ask('정부 지원금은 총사업비의 몇 %인가요?')).answer).toContain('총사업비의70%이내');
  });

  it('answers from the Word file or the CP949 text of the same notice', async () => {
    const { answer, cited } = await ask('보증료는 얼마인가요?');
    expect(answer).toContain('연0.5%');
    expect(cited[0]).toMatch(/^robot-lease-2025(\.euckr)?$/);
    expect((await ask('기업당 보증 한도는?')).answer).toContain('최대5억원');
  });

  it('answers from the HWP bid notice, cited into it', async () => {
    const { answer, cited } = await ask('계약기간은?');
    expect(answer).toContain('2025년1월1일~2025년12월31일');
    expect(cited[0]).toBe('notice-bid-2024-08');
  });

  it('answers from the HWPX notice and its table, cited into them', async () => {
    const deadline = await ask('의견 제출 기한은?');
    expect(deadline.answer).toContain('2023년4월11일까지');
    expect(deadline.cited[0]).toBe('notice-2023-745');
    // The score table is found, row and header together; whether a row of figures is quoted as the answer is up to
    // the answer's sentence rules, which look for sentences.
    const found = await engine.ask({ question: '개똥이의 국어 점수는?' });
    const passages = [...found.citations, ...found.related];
    expect(passages[0]?.docId).toBe('table-exam');
    expect(passages[0]?.text).toContain('이름 | 국어 | 영어 | 수학\n\n개똥이 | 89 | 65 | 78');
  });
});
