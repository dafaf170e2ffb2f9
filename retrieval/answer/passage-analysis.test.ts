import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../index/chunk.ts';
import { PROJECT_ROOT } from '../../index/config.ts';
import { loadDocuments } from '../../index/load/index.ts';
import type { Chunk } from '../../index/types.ts';
import { analyze } from '../../index/analyze/terms.ts';
import { ANALYSED_PASSAGES_KEPT, analyzePassage, openingHeadings } from './passage-analysis.ts';

const seedChunks = (await loadDocuments(join(PROJECT_ROOT, 'seeds'))).flatMap((doc) => chunkDocument(doc));

function chunk(n: number, text = '로봇 기업은 대출 금리를 1.2%p 우대받는다. 스타트업도 지원한다.'): Chunk {
  return { chunkId: `doc#${n}`, docId: 'doc', start: 100, end: 100 + text.length, text };
}

/** A term set without the keys of neighbouring words, which hold a space. */
const termsOnly = (set: ReadonlySet<string>) => new Set([...set].filter((t) => !t.includes(' ')));

describe('analyzePassage', () => {
  it('gives the sentences with offsets into the document, their terms and word positions', () => {
    const analysis = analyzePassage(chunk(0));
    expect(analysis.sentences.map((s) => [s.text, s.start, s.end])).toEqual([
      ['로봇 기업은 대출 금리를 1.2%p 우대받는다.', 100, 126],
      ['스타트업도 지원한다.', 127, 138],
    ]);
    expect(analysis.terms.has('로봇')).toBe(true);
    expect(analysis.sentences[1]?.terms.has('로봇')).toBe(false);
    expect(analysis.positions.get('로봇')).toEqual([0]);
  });

  it('holds the keys of neighbouring words, within a sentence and across its stopwords', () => {
    const { terms, sentences } = analyzePassage(chunk(9, '스타트업 코리아 펀드와 AI 및 펀드. 코리아 펀드.'));
    expect(sentences[0]?.terms.has('=스타트업 =코리아')).toBe(true);
    expect(sentences[0]?.terms.has('ai 펀드')).toBe(true);
    expect(sentences[1]?.terms.has('펀드 =코리아')).toBe(false);
    expect(terms.has('펀드 =코리아')).toBe(true);
  });

  it('gives every seed passage and sentence exactly the terms of analysing its own text', () => {
    expect(seedChunks.length).toBeGreaterThan(20);
    for (const seed of seedChunks) {
      const analysis = analyzePassage(seed);
      expect(termsOnly(analysis.terms)).toEqual(new Set(analyze(seed.text)));
      for (const sentence of analysis.sentences) expect(termsOnly(sentence.terms)).toEqual(new Set(analyze(sentence.text)));
    }
  });

  it('reuses the analysis of a recent passage and forgets the least recently used beyond its bound', () => {
    const first = chunk(1);
    const analysis = analyzePassage(first);
    expect(analyzePassage(first)).toBe(analysis);
    for (let n = 2; n <= ANALYSED_PASSAGES_KEPT + 1; n++) analyzePassage(chunk(n, '짧은 문장.'));
    const again = analyzePassage(first);
    expect(again).not.toBe(analysis);
    expect(again).toEqual(analysis);
    expect(again.sentences).toEqual(analysis.sentences);
  });
});

describe('analyzePassage sentences', () => {
  const passage = (text: string, start = 0) => ({ chunkId: `p${text.length}#0`, docId: 'p', start, end: start + text.length, text });

  it('splits a caption that repeats the title from the sentence it runs into', () => {
    const text = '정부, 공장 500개로 확대\n\n정부, 공장 500개로 확대 구윤철 장관은 19일 간담회를 개최했다.';
    const { sentences } = analyzePassage(passage(text), '정부, 공장 500개로 확대');
    expect(sentences.map((s) => [s.text, s.kind])).toEqual([
      ['정부, 공장 500개로 확대', 'headline'],
      ['정부, 공장 500개로 확대', 'headline'],
      ['구윤철 장관은 19일 간담회를 개최했다.', 'sentence'],
    ]);
  });

  it('quotes a sentence from past its leading connective or footnote marker, at exact offsets', () => {
    const text = '또한, 산업은행은 금리를 낮춘다.\n\n** 스타트업 코리아 펀드(2조원)';
    const { sentences } = analyzePassage(passage(text, 50));
    expect(sentences.map((s) => [s.kind, text.slice(s.quoteStart - 50, s.end - 50)])).toEqual([
      ['sentence', '산업은행은 금리를 낮춘다.'],
      ['footnote', '스타트업 코리아 펀드(2조원)'],
    ]);
  });

  it('gives each sentence the terms of its paragraph and the one before as its context', () => {
    const text = '카이스트에서 간담회가 열렸다.\n\n업계에서는 포스코 등이 참석했다.\n\n예산은 늘었다.';
    const [, attendees, budget] = analyzePassage(passage(text)).sentences;
    expect(attendees?.context.has('=카이스트')).toBe(true);
    expect(budget?.context.has('=카이스트')).toBe(false);
    expect(budget?.context.has('=업계에서')).toBe(false);
    expect(budget?.context.has('포스')).toBe(true);
  });

  it('gives every sentence the terms of its document\'s title as context, which names what the document is about', () => {
    const text = '보증 한도와 보증료\n\n기업당 한도는 5억 원이다.\n\n대상 장비\n\n중고 장비는 제외된다.\n\n신청 방법\n\n보증료는 연 0.5%이다.';
    const sentences = analyzePassage(passage(text), '2025년 협동로봇 리스 보증 프로그램 안내').sentences;
    expect(sentences.at(-1)?.context.has('=협동로봇')).toBe(true);
    expect(sentences.at(-1)?.terms.has('=협동로봇')).toBe(false);
    expect(analyzePassage(passage(`${text} `)).sentences.at(-1)?.context.has('=협동로봇')).toBe(false);
  });

  it('gives every sentence the headings its document opens with as context, as it does the title', () => {
    const notice = '강남세움복지관 공고 제 2024-08호\n\n2025년 시설관리원 용역업체 선정 입찰공고\n\n1. 입찰에 부치는 사항\n\n②기초금액 : 금72,300,000원';
    const heading = openingHeadings(notice, '강남세움복지관 공고 제 2024-08호');
    expect(heading).toBe('2025년 시설관리원 용역업체 선정 입찰공고');
    const field = analyzePassage(passage('③계약기간 : 2025년 1월 1일 ~ 2025년 12월 31일'), '공고 제 2024-08호', heading).sentences[0];
    expect(field?.context.has('=입찰공고')).toBe(true);
    // The headings end at the first sentence, field or numbered section.
    expect(openingHeadings('협동로봇 리스 안내\n\n기술보증기금 안내문\n\n보증료는 연 0.5%입니다.\n\n신청 방법', '협동로봇 리스 안내')).toBe('기술보증기금 안내문');
    expect(openingHeadings('공고\n\n①기초금액 : 금1,000원\n\n입찰 안내', '공고')).toBe('');
  });

  it('knows the subject a sentence opens with, and that an adverbial or a pointer is none', () => {
    const subjects = analyzePassage(passage('천지 북쪽의 장백폭포는 높이가 60m다. 업계에서는 포스코가 참석했다. 이 펀드는 크다. 1967년 정주영이 세웠다.')).sentences.map(
      (s) => (s.subject ? [...s.subject] : undefined),
    );
    expect(subjects).toEqual([['장백', '백폭', '폭포', '=장백폭포'], undefined, undefined, ['정주', '주영', '=정주영']]);
  });

  it('reads a notice\'s "label : value" lines as fields, with their labels, and not a time or a link', () => {
    const text = '②기초금액 : 금72,300,000원(※부가가치세 포함)\n\n회의 10:30 시작\n\nhttps://example.com\n\n보증료는 연 0.5%이다.';
    const { sentences } = analyzePassage(passage(text));
    expect(sentences.map((s) => s.kind)).toEqual(['field', 'headline', 'headline', 'sentence']);
    expect([...(sentences[0]?.labels ?? [])]).toEqual(['기초', '초금', '금액', '=기초금액']);
    expect(sentences[1]?.labels).toBeUndefined();
  });

  it('reads a table\'s rows with the terms of its header row, which names their cells', () => {
    const text = 'C반 기말고사\n\n이름 | 국어 | 영어\n\n개똥이 | 89 | 65\n\n칠득이 | 77 | 77\n\n합계\n\n12 | 3 | 4\n\n5 | 6 | 7';
    const { sentences } = analyzePassage(passage(text));
    expect(sentences.map((s) => [s.text, s.kind, s.header])).toEqual([
      ['C반 기말고사', 'headline', undefined],
      ['이름 | 국어 | 영어', 'row', undefined],
      ['개똥이 | 89 | 65', 'row', '이름 | 국어 | 영어'],
      ['칠득이 | 77 | 77', 'row', '이름 | 국어 | 영어'],
      ['합계', 'headline', undefined],
      ['12 | 3 | 4', 'row', undefined],
      // A first row of figures names no columns.
      ['5 | 6 | 7', 'row', undefined],
    ]);
    const row = sentences[3];
    expect(row?.terms.has('국어') && row.terms.has('칠득') && row.labels?.has('국어')).toBe(true);
    expect(row?.labels?.has('칠득')).toBe(false);
  });
});

