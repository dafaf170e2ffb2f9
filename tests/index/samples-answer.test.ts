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

/** Asks a question and returns the answer and its short answer, spaces removed, with the ids of the documents it cites. */
async function ask(question: string): Promise<{ answer: string; short: string; cited: string[]; abstained: boolean }> {
  const answer = await engine.ask({ question });
  return {
    answer: answer.answer.replace(/\s+/g, ''),
    short: answer.short?.text.replace(/\s+/g, '') ?? '',
    cited: answer.citations.map((citation) => citation.docId),
    abstained: answer.abstained,
  };
}

/** Each listed fact of the samples' README, asked as a user would: the question, the fact, the document it is in. */
const FACTS: Array<[question: string, fact: string, docId: RegExp]> = [
  ['기초금액은?', '②기초금액:금72,300,000원', /^notice-bid-2024-08$/],
  ['기초금액은 얼마야', '금72,300,000원', /^notice-bid-2024-08$/],
  ['입찰 기초금액은?', '②기초금액:금72,300,000원', /^notice-bid-2024-08$/],
  ['입찰의 기초금액은 얼마야?', '금72,300,000원', /^notice-bid-2024-08$/],
  ['입찰서 제출 기간은?', '2024.12.13(수)10:10~2024.12.20(금)17:00', /^notice-bid-2024-08$/],
  ['계약기간은?', '2025년1월1일~2025년12월31일', /^notice-bid-2024-08$/],
  ['What is the contract period?', '2025년1월1일~2025년12월31일', /^notice-bid-2024-08$/],
  ['의견 제출 기한은?', '2023년4월11일까지', /^notice-2023-745$/],
  ['채용 절차는?', '서류전형과면접전형', /^notice-2023-745$/],
  ['개똥이의 국어 점수는?', '개똥이|89|65|78', /^table-exam$/],
  ['신청 기간은 언제까지인가요?', '2025년3월4일(화)부터3월28일(금)18시까지', /^voucher-2025$/],
  ['기업당 최대 지원 금액은?', '기업당최대2억원', /^voucher-2025$/],
  ['What is the maximum voucher per company?', '최대2억원', /^voucher-2025$/],
  ['정부 지원금은 총사업비의 몇 %인가요?', '총사업비의70%이내', /^voucher-2025$/],
  ['기업당 보증 한도는?', '최대5억원', /^robot-lease-2025(\.euckr)?$/],
  ['What is the guarantee limit?', '최대5억원', /^robot-lease-2025(\.euckr)?$/],
  ['보증료는 얼마인가요?', '연0.5%', /^robot-lease-2025(\.euckr)?$/],
  ['협동로봇 리스 보증료는 얼마인가요?', '연0.5%', /^robot-lease-2025(\.euckr)?$/],
  ['스마트공장 인증 기업은 얼마나 감면받나요?', '0.2%p를추가로감면', /^robot-lease-2025(\.euckr)?$/],
];

describe('answering from a folder of PDF, HWP, HWPX, DOCX and CP949 files', () => {
  it('indexes every readable sample and refuses the scan, saying why', () => {
    expect(report.documents).toBe(6);
    expect(report.skippedFiles).toEqual([
      expect.objectContaining({ relPath: 'scanned-faq.pdf', code: 'NO_TEXT_LAYER', reason: expect.stringContaining('run OCR first') }),
    ]);
  });

  it.each(FACTS)('answers "%s" with "%s", cited into its document', async (question, fact, docId) => {
    const { answer, cited } = await ask(question);
    expect(answer).toContain(fact);
    expect(cited[0]).toMatch(docId);
  });

  it('gives the figure, the value of a field or the cell of a table asked for as the short answer', async () => {
    expect((await ask('기초금액은?')).short).toBe('금72,300,000원');
    expect((await ask('입찰서 제출 기간은?')).short).toBe('2024.12.13(수)10:10~2024.12.20(금)17:00');
    expect((await ask('입찰서 제출 기간은 언제야?')).short).toBe('2024.12.13(수)10:10~2024.12.20(금)17:00');
    expect((await ask('바우처 신청 마감일은?')).short).toBe('2025년3월4일(화)부터3월28일(금)');
    expect((await ask('보증료는 얼마인가요?')).short).toBe('연0.5%');
    expect((await ask('개똥이의 국어 점수는?')).short).toBe('89');
    expect((await ask('팔푼이의 수학 점수는?')).short).toBe('88');
  });

  it('quotes the sentence that names the thing asked, not one about its topic', async () => {
    const { answer, short } = await ask('협동로봇 리스 보증료는?');
    expect(answer.startsWith('보증료는연0.5%고정이며')).toBe(true);
    // Asked a fee, the short answer is the amount, as for "…보증료는 얼마인가요?".
    expect(short).toBe('연0.5%');
  });

  it('quotes the table row with its header in the cited passage', async () => {
    const found = await engine.ask({ question: '개똥이의 국어 점수는?' });
    expect(found.citations[0]?.docId).toBe('table-exam');
    expect(found.citations[0]?.text).toContain('이름 | 국어 | 영어 | 수학\n\n개똥이 | 89 | 65 | 78');
  });

  it('does not answer the same questions about what the samples do not cover', async () => {
    for (const question of ['조선 리스 보증료는 얼마인가요?', '드론 리스 보증 한도는?', '맹구의 국어 점수는?', '착공 기간은?']) {
      expect((await ask(question)).abstained, question).toBe(true);
    }
  });

  it('does not answer a question on one thing with a sentence about its neighbour', async () => {
    // The other end of the measure (최대 for 최소), another fee (보증료 for 수수료), an office named without the name of
    // its holder.
    // A limit (70% 이내) for a minimum, a sentence on the topic that does not name the fee asked.
    // A day asked of a field that gives a place.
    const questions = ['기업당 바우처 최소 금액은?', '협동로봇 리스 보증의 심사 수수료는 얼마야?', '서울 강남구청장 이름은?', '바우처 최소 지원 금액은 얼마야?', '리스 보증 수수료는?', '개찰 일시는?'];
    for (const question of questions) {
      expect((await ask(question)).abstained, question).toBe(true);
    }
  });

  it('does not quote another kind of the thing asked', async () => {
    expect((await ask('보증 기간은?')).answer).not.toContain('리스기간은');
    expect((await ask('리스 기간은?')).answer).toContain('리스기간은3년에서5년사이에서');
  });

  it('answers how much a deposit is with the share of the bid the notice sets, not the base amount beside it', async () => {
    const { answer, short, cited } = await ask('입찰보증금은 얼마야?');
    expect(answer).toContain('입찰금액의25/1000이상을납부하여야');
    expect(answer).not.toContain('기초금액');
    expect(short).toBe('25/1000이상');
    expect(cited[0]).toBe('notice-bid-2024-08');
  });
});
