import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown-to-text.ts';

const blocks = (markdown: string) => markdownToText(markdown).blocks.map(({ text, kind }) => ({ text, kind }));

describe('markdownToText', () => {
  it('turns headings, paragraphs and list items into blocks without their markers', () => {
    const markdown = [
      '# 설명서',
      '',
      '첫 문단은',
      '두 줄입니다.',
      '',
      '설치',
      '----',
      '',
      '- 글머리 항목',
      '* 별표 항목',
      '1. 번호 항목',
      '',
      '> 인용한 글',
      '',
      '***',
      '## 끝 ##',
    ].join('\n');
    expect(blocks(markdown)).toEqual([
      { text: '설명서', kind: 'heading' },
      { text: '첫 문단은 두 줄입니다.', kind: 'paragraph' },
      { text: '설치', kind: 'heading' },
      { text: '글머리 항목', kind: 'item' },
      { text: '별표 항목', kind: 'item' },
      { text: '1. 번호 항목', kind: 'item' },
      { text: '인용한 글', kind: 'paragraph' },
      { text: '끝', kind: 'heading' },
    ]);
  });

  it('reduces inline markup to its text and records links', () => {
    const { blocks: [block] } = markdownToText(
      '![그림](a.png) **굵게**, ~~취소~~, `코드`, \\*별표\\*, [링크](https://example.com "제목") &amp; <https://x.kr>',
    );
    expect(block?.text).toBe('굵게, 취소, 코드, *별표*, 링크 & https://x.kr');
    expect(block?.links).toEqual([
      { href: 'https://example.com', text: '링크' },
      { href: 'https://x.kr', text: 'https://x.kr' },
    ]);
  });

  it('keeps single stars and underscores, which Korean documents use as footnote marks', () => {
    expect(blocks('자금*, 인력 등을 지원한다.\n\n** 스타트업 펀드(2조원) 등')).toEqual([
      { text: '자금*, 인력 등을 지원한다.', kind: 'paragraph' },
      { text: '** 스타트업 펀드(2조원) 등', kind: 'paragraph' },
    ]);
  });

  it('keeps table rows and fenced code as blocks', () => {
    const markdown = '| 명령 | 설명 |\n|---|---|\n| npm start | 서버 실행 |\n\n```sh\nnpm run   index\n```';
    expect(blocks(markdown).map((block) => block.text)).toEqual(['명령 | 설명', 'npm start | 서버 실행', 'npm run index']);
  });
});
