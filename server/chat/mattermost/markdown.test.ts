import { describe, expect, it } from 'vitest';
import { answerFullOfMentions, answerWith, SEED_PASSAGE, seedCitation } from '../testing/answers.ts';
import { mattermostMentions } from '../testing/mentions.ts';
import { answerMarkdown, escapeMarkdown, MATTERMOST_POST_LIMIT } from './markdown.ts';

describe('answerMarkdown', () => {
  it('renders the answer, then numbered sources with linked titles and quotes', () => {
    expect(answerMarkdown(answerWith([seedCitation()]))).toBe(
      [
        `${SEED_PASSAGE.sentence} \\[1\\]`,
        '',
        '**출처**',
        '',
        `**[1]** [AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!](https://newsdao.kr/4601)\n> ${SEED_PASSAGE.sentence}`,
      ].join('\n'),
    );
  });

  it('puts the short answer first, in bold and escaped, and leaves out passages the answer does not cite', () => {
    const short = { text: '포스코, LG전자 *등*', n: 1, start: 0, end: 12 };
    const text = answerMarkdown(answerWith([seedCitation()], { short, related: [seedCitation({ n: 2, chunkId: 'other#2' })] }));
    expect(text.split('\n').slice(0, 3)).toEqual(['**포스코, LG전자 \\*등\\*** \\[1\\]', '', `${SEED_PASSAGE.sentence} \\[1\\]`]);
    expect(text.match(/^\*\*\[\d+\]\*\*/gm)).toEqual(['**[1]**']);
  });

  it('escapes Markdown in document text and parentheses in source links', () => {
    const citation = seedCitation({ title: '[속보] *AI* 정책_금융', source: 'https://example.com/a_(b)', text: '# 제목 `코드` > 인용', highlights: [] });
    const lines = answerMarkdown(answerWith([citation], { answer: '**굵게** [1]' })).split('\n');
    expect(lines[0]).toBe('\\*\\*굵게\\*\\* \\[1\\]');
    expect(lines[4]).toBe('**[1]** [\\[속보\\] \\*AI\\* 정책\\_금융](https://example.com/a_%28b%29)');
    expect(lines[5]).toBe('> \\# 제목 \\`코드\\` \\> 인용');
  });

  it('stays within the post limit and counts the sources left out', () => {
    const citations = Array.from({ length: 100 }, (_, i) => seedCitation({ n: i + 1, highlights: [], text: '로봇 기업 우대금리 '.repeat(100) }));
    const text = answerMarkdown(answerWith(citations, { lang: 'en' }), { maxChars: 4000 });
    expect(text.length).toBeLessThanOrEqual(4000);
    const shown = text.match(/^\*\*\[\d+\]\*\*/gm) ?? [];
    expect(text.endsWith(`\n\n…and ${100 - shown.length} more sources`)).toBe(true);
    expect(shown.length).toBeGreaterThan(5);
    expect(answerMarkdown(answerWith(citations)).length).toBeLessThan(MATTERMOST_POST_LIMIT);
  });

  it('lists the possibly related passages when Seogi abstains', () => {
    const text = answerMarkdown(answerWith([], { answer: 'Not found in the documents: none of them answers this question.', abstained: true, lang: 'en', related: [seedCitation()] }));
    expect(text.split('\n').slice(0, 3)).toEqual(['Not found in the documents: none of them answers this question.', '', '**Possibly related**']);
  });
});

describe('answerMarkdown and mentions', () => {
  it('finds the mentions in document text when they are not neutralised (the oracle sees them)', () => {
    expect(mattermostMentions('@channel 금리 x.@here _@all_ @kim.reporter')).toEqual(expect.arrayContaining(['@channel', '@here', '@all', '@kim.reporter']));
    expect(mattermostMentions('문의 hong@asiae.co.kr, 금리 -1.2%p')).toEqual([]);
  });

  it('pings no one with @channel, @all, @here or @username from the answer, short answer, titles and quotes', () => {
    expect(mattermostMentions(answerMarkdown(answerFullOfMentions()))).toEqual([]);
  });

  it('still shows every mention as written, and leaves e-mail addresses alone', () => {
    const text = answerMarkdown(answerFullOfMentions());
    expect(text.replaceAll('\u2060', '').split('\n')).toEqual([
      '**\\<!channel\\> @everyone @all** \\[1\\]',
      '',
      '\\<!everyone\\> @channel 로봇 기업 우대금리는 -1.2%p입니다. @here \\[1\\]',
      '',
      '**출처**',
      '',
      '**[1]** [\\<!here\\> @all 공지: @here 확인](https://newsdao.kr/4601)',
      '> \\<!channel\\> 담당 @kim.reporter, 문의 hong@asiae.co.kr. x.@channel \\_@all\\_ (@Here) \\<@U0BOSS\\> \\*\\*@group-ai\\*\\*',
    ]);
    expect(text).toContain('문의 hong@asiae.co.kr.');
  });
});

describe('escapeMarkdown', () => {
  it('leaves Korean text and ordinary punctuation as they are', () => {
    expect(escapeMarkdown('최대 -1.2%p까지 우대된 금리로 (산업은행)')).toBe('최대 -1.2%p까지 우대된 금리로 (산업은행)');
  });
});
