import { describe, expect, it } from 'vitest';
import { plainTextToText } from './plaintext-to-text.ts';

const texts = (text: string): string[] => plainTextToText(text).blocks.map((block) => block.text);

describe('plainTextToText', () => {
  it('makes every line of scraped text a block of its own', () => {
    const text = '정부, AI 팩토리 구축·확산 지원\n최대 10조원 보험·2000억 규모 대출 지원\n\'AI 대전환 릴레이 현장 간담회\'\n';
    expect(texts(text)).toEqual(['정부, AI 팩토리 구축·확산 지원', '최대 10조원 보험·2000억 규모 대출 지원', "'AI 대전환 릴레이 현장 간담회'"]);
  });

  it('joins hard-wrapped paragraphs, two-line ones included when the document wraps at the same width', () => {
    const text = [
      'This paragraph has been wrapped at seventy-two columns by a text editor',
      'so that it reads well in a terminal window, and it goes on over three',
      'lines.',
      '',
      'A second paragraph, wrapped at the same width, has only two lines in all',
      'of it.',
      '',
      'Short line',
      'Another short line',
    ].join('\n');
    expect(texts(text)).toEqual([
      'This paragraph has been wrapped at seventy-two columns by a text editor so that it reads well in a terminal ' +
        'window, and it goes on over three lines.',
      'A second paragraph, wrapped at the same width, has only two lines in all of it.',
      'Short line',
      'Another short line',
    ]);
  });

  it('does not join a full line with a following list or caption line', () => {
    const text = '산업부, 무보, 시중은행 등 20개 금융기관, 인공지능(AI) 자율제조 금융 협약 체결\n▲ 3대 금융 상품 개요';
    expect(texts(text)).toHaveLength(2);
  });

  it('treats lines of no-break spaces as blank and decodes entities', () => {
    expect(texts('첫 문단\n\u00a0\n둘째&nbsp;문단 &amp; 셋째\n')).toEqual(['첫 문단', '둘째 문단 & 셋째']);
  });

  it('leaves an ampersand that starts no entity alone', () => {
    expect(texts('R&D 예산과 AT&T')).toEqual(['R&D 예산과 AT&T']);
  });

  it('records bare URLs as links', () => {
    const [block] = plainTextToText('실시간 뉴스 속보는, https://newsdao.kr').blocks;
    expect(block?.links).toEqual([{ href: 'https://newsdao.kr', text: 'https://newsdao.kr' }]);
    expect(block?.linkChars).toBe('https://newsdao.kr'.length);
  });
});
