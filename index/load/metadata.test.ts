import { describe, expect, it } from 'vitest';
import type { Block, Link } from './block.ts';
import type { BlockVerdict, BoilerplateReason } from './boilerplate.ts';
import { extractDate, extractMetadata, extractSource, extractTitle, parseCalendarDate } from './metadata.ts';
import type { MetadataInput } from './metadata.ts';

function verdict(text: string, reason?: BoilerplateReason, links: Link[] = [], kind: Block['kind'] = 'paragraph') {
  const block: Block = { text, kind, links, linkChars: 0 };
  const judged: BlockVerdict = reason ? { block, reason } : { block };
  return judged;
}
const input = (overrides: Partial<MetadataInput>): MetadataInput => ({
  relPath: 'news/article-1.txt',
  extracted: { meta: {} },
  verdicts: [],
  ...overrides,
});
const PARAGRAPH = verdict('정부가 2030년까지 AI 팩토리를 500개로 늘린다고 밝혔다.');

describe('extractTitle', () => {
  it('prefers the front-matter title', () => {
    const verdicts = [verdict('다른 제목', undefined, [], 'heading')];
    const title = extractTitle(input({ frontMatter: { title: '  AI  도입률 확대 ' }, verdicts }));
    expect(title).toBe('AI 도입률 확대');
  });

  it('takes a leading heading before the page title', () => {
    const title = extractTitle(
      input({ extracted: { pageTitle: '제목 - 신문', meta: {} }, verdicts: [verdict('제목', undefined, [], 'heading')] }),
    );
    expect(title).toBe('제목');
  });

  it('takes og:title, then <title>, when the text opens with no heading', () => {
    const verdicts = [PARAGRAPH];
    const extracted = { pageTitle: '페이지', meta: { 'og:title': '오지 제목' } };
    expect(extractTitle(input({ extracted, verdicts }))).toBe('오지 제목');
    expect(extractTitle(input({ extracted: { pageTitle: '페이지', meta: {} }, verdicts }))).toBe('페이지');
  });

  it('takes the first kept line as the headline when it is not a sentence, skipping boilerplate', () => {
    const verdicts = [verdict('본문 바로가기', 'chrome'), verdict('2030년까지 제조업 AI 도입률 40%로 확대'), PARAGRAPH];
    expect(extractTitle(input({ verdicts }))).toBe('2030년까지 제조업 AI 도입률 40%로 확대');
  });

  it('falls back to the file name without its extension when the text opens with a sentence', () => {
    expect(extractTitle(input({ verdicts: [PARAGRAPH] }))).toBe('article-1');
  });
});

describe('extractSource', () => {
  it('takes an absolute url from the front matter first', () => {
    const verdicts = [verdict('출처: 원문', 'credit', [{ href: 'https://a.kr/1', text: '원문' }])];
    expect(extractSource(input({ frontMatter: { url: 'https://fm.kr/p' }, verdicts }))).toBe('https://fm.kr/p');
    expect(extractSource(input({ frontMatter: { url: '/relative' }, verdicts }))).toBe('https://a.kr/1');
  });

  it('reads a credit line: its link, else a URL, else a bare domain as https', () => {
    expect(extractSource(input({ verdicts: [verdict('자료 제공 : 정책브리핑 korea.kr', 'credit')] }))).toBe('https://korea.kr');
    expect(extractSource(input({ verdicts: [verdict('출처: http://x.kr/a?b=1.', 'credit')] }))).toBe('http://x.kr/a?b=1');
  });

  it('prefers a credit line to the canonical link, and the canonical link to a copyright line', () => {
    const copyright = verdict('<ⓒ아시아경제(www.asiae.co.kr) 무단전재 배포금지>', 'copyright');
    const credit = verdict('출처 : 뉴스 news.kr', 'credit');
    const extracted = { meta: { canonical: 'https://page.kr/1' } };
    expect(extractSource(input({ extracted, verdicts: [copyright, credit] }))).toBe('https://news.kr');
    expect(extractSource(input({ extracted, verdicts: [copyright] }))).toBe('https://page.kr/1');
    expect(extractSource(input({ verdicts: [copyright] }))).toBe('https://www.asiae.co.kr');
  });

  it('ignores the domain of an e-mail address', () => {
    const byline = verdict('세종=이은주 기자 golden@asiae.co.kr', 'byline');
    expect(extractSource(input({ verdicts: [PARAGRAPH, byline] }))).toBeUndefined();
    expect(extractSource(input({ verdicts: [verdict('[저작권자ⓒ 뉴스스텝. 무단전재-재배포 금지]', 'copyright')] }))).toBeUndefined();
  });

  it('reads a link in the page furniture after the article, but not in the unrelated stories cut after it', () => {
    const footer = verdict('실시간 뉴스 속보는, https://newsdao.kr', 'notice', [
      { href: 'https://newsdao.kr', text: 'https://newsdao.kr' },
    ]);
    expect(extractSource(input({ verdicts: [PARAGRAPH, footer] }))).toBe('https://newsdao.kr');
    const cut = verdict('다른 기사 https://other.kr', 'after-article', [{ href: 'https://other.kr', text: 'x' }]);
    expect(extractSource(input({ verdicts: [PARAGRAPH, cut] }))).toBeUndefined();
  });
});

describe('extractDate', () => {
  it('reads a front-matter date, whether YAML made it a Date or a string', () => {
    expect(extractDate(input({ frontMatter: { date: new Date('2024-09-24T00:00:00Z') } }))).toBe('2024-09-24');
    expect(extractDate(input({ frontMatter: { date: '2024년 9월 4일' } }))).toBe('2024-09-04');
    expect(extractDate(input({ frontMatter: { date: '작년 가을' } }))).toBe('작년 가을');
  });

  it('reads a published-time meta tag', () => {
    const extracted = { meta: { 'article:published_time': '2025-09-19T10:00:00+09:00' } };
    expect(extractDate(input({ extracted }))).toBe('2025-09-19');
  });

  it('reads the first date of a byline and ignores dates in the article', () => {
    const verdicts = [verdict('2023년 1월 1일 시작된 사업이다.'), verdict('최선경 기자 / 기사승인 : 2024-09-24 16:40:08', 'byline')];
    expect(extractDate(input({ verdicts }))).toBe('2024-09-24');
    expect(extractDate(input({ verdicts: verdicts.slice(0, 1) }))).toBeUndefined();
  });
});

describe('parseCalendarDate', () => {
  it('reads dashed, dotted and Korean dates and rejects impossible ones', () => {
    expect(parseCalendarDate('입력 2024.9.24 16:40')).toBe('2024-09-24');
    expect(parseCalendarDate('2024-13-01')).toBeUndefined();
    expect(parseCalendarDate('25.12.06')).toBeUndefined();
  });
});

describe('extractMetadata', () => {
  it('leaves source and date out when the document names none', () => {
    expect(extractMetadata(input({ verdicts: [PARAGRAPH] }))).toEqual({ title: 'article-1' });
  });
});
