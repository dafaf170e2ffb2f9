import { describe, expect, it } from 'vitest';
import { answerFullOfMentions, answerWith, SEED_PASSAGE, seedCitation } from '../testing/answers.ts';
import { slackPings } from '../testing/mentions.ts';
import { answerMessage, escapeSlackText, MESSAGE_BLOCK_LIMIT, SECTION_TEXT_LIMIT, type SlackBlock } from './blocks.ts';

const sectionText = (block: SlackBlock | undefined) => (block?.type === 'section' ? block.text.text : undefined);
const contextText = (block: SlackBlock | undefined) => (block?.type === 'context' ? block.elements[0]?.text : undefined);

describe('answerMessage', () => {
  it('renders the answer, then each citation with its number, linked title and answering sentence', () => {
    const message = answerMessage(answerWith([seedCitation()]));
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: `${SEED_PASSAGE.sentence} [1]` } },
      { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: '*출처*' }] },
      {
        type: 'section',
        text: { type: 'mrkdwn', verbatim: true, text: `*[1]* <https://newsdao.kr/4601|AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!>\n>${SEED_PASSAGE.sentence}` },
      },
    ]);
    expect(message.text).toBe(`${SEED_PASSAGE.sentence} [1]`);
  });

  it('puts the short answer first, in bold and escaped, and leaves out passages the answer does not cite', () => {
    const short = { text: '최대 -1.2%p <@U1>', n: 1, start: 566, end: 575 };
    const message = answerMessage(answerWith([seedCitation()], { short, related: [seedCitation({ n: 2, chunkId: 'other#2' })] }));
    expect(sectionText(message.blocks?.[0])).toBe('*최대 -1.2%p &lt;@\u2060U1&gt;* [1]');
    expect(sectionText(message.blocks?.[1])).toBe(`${SEED_PASSAGE.sentence} [1]`);
    expect(message.text).toBe(`*최대 -1.2%p &lt;@\u2060U1&gt;* [1]\n${SEED_PASSAGE.sentence} [1]`);
    expect(message.blocks?.filter((b) => sectionText(b)?.startsWith('*['))).toHaveLength(1);
  });

  it('quotes the beginning of a passage that has no answering sentence, cut to the quote length', () => {
    const message = answerMessage(answerWith([seedCitation({ highlights: [] })]), { quoteChars: 40 });
    const quote = sectionText(message.blocks?.[2])?.split('\n>')[1];
    // Cut at 40 characters; the space before the cut is dropped.
    expect(quote).toBe('신규 자금 공급 방안 AI 분야를 위해 신규 자금 공급 방안을 모색하고…');
  });

  it('escapes &, < and > in document text so it cannot form links or mentions', () => {
    const citation = seedCitation({ title: 'R&D <정책> 안내', text: '<!channel> 금리 <https://evil.example|클릭> & 혜택', highlights: [] });
    const message = answerMessage(answerWith([citation], { answer: '금리 <@U123> & 혜택 [1]' }));
    expect(sectionText(message.blocks?.[0])).toBe('금리 &lt;@\u2060U123&gt; &amp; 혜택 [1]');
    expect(sectionText(message.blocks?.[2])).toBe(
      '*[1]* <https://newsdao.kr/4601|R&amp;D &lt;정책&gt; 안내>\n>&lt;!channel&gt; 금리 &lt;https://evil.example|클릭&gt; &amp; 혜택',
    );
  });

  it('links only http(s) sources and encodes a | inside the URL', () => {
    const blocks = answerMessage(
      answerWith([
        seedCitation({ n: 1, source: null }),
        seedCitation({ n: 2, source: 'javascript:alert(1)' }),
        seedCitation({ n: 3, source: 'https://example.com/a|b?x=1&y=2' }),
      ]),
    ).blocks;
    expect(sectionText(blocks?.[2])?.split('\n')[0]).toBe(`*[1]* ${SEED_PASSAGE.title}`);
    expect(sectionText(blocks?.[3])?.split('\n')[0]).toBe(`*[2]* ${SEED_PASSAGE.title}`);
    expect(sectionText(blocks?.[4])?.split('\n')[0]).toBe(`*[3]* <https://example.com/a%7Cb?x=1&amp;y=2|${SEED_PASSAGE.title}>`);
  });

  it('keeps a long Korean answer within 3000 characters per section', () => {
    const long = '산업은행은 로봇 기업에 우대금리를 제공합니다. '.repeat(200);
    const text = sectionText(answerMessage(answerWith([], { answer: long })).blocks?.[0]);
    // The cut falls after a space, which is dropped before the ellipsis.
    expect(text).toHaveLength(SECTION_TEXT_LIMIT - 1);
    expect(text?.endsWith('제공합니다. 산업은행은 로봇…')).toBe(true);
    expect(text?.startsWith('산업은행은 로봇 기업에 우대금리를 제공합니다. 산업은행은')).toBe(true);
  });

  it('does not cut an escaped entity in half at the section limit', () => {
    const text = sectionText(answerMessage(answerWith([], { answer: `가${'&'.repeat(1000)}` })).blocks?.[0]);
    expect(text).toBe(`가${'&amp;'.repeat(599)}…`);
  });

  it('keeps a message with many citations within 50 blocks and counts the ones left out', () => {
    const citations = Array.from({ length: 60 }, (_, i) => seedCitation({ n: i + 1 }));
    const blocks = answerMessage(answerWith(citations, { lang: 'en' })).blocks ?? [];
    expect(blocks).toHaveLength(MESSAGE_BLOCK_LIMIT);
    expect(sectionText(blocks[48])?.startsWith('*[47]* ')).toBe(true);
    expect(contextText(blocks[49])).toBe('…and 13 more sources');
  });

  it('shows the possibly related passages under their own heading when Seogi abstains', () => {
    const notFound = '문서에서 찾지 못했습니다. 이 질문에 답하는 내용이 문서에 없습니다.';
    const blocks = answerMessage(answerWith([], { answer: notFound, abstained: true, related: [seedCitation({ highlights: [] })] })).blocks;
    expect(sectionText(blocks?.[0])).toBe(notFound);
    expect(contextText(blocks?.[1])).toBe('*관련 있을 수 있는 문단*');
    expect(sectionText(blocks?.[2])?.startsWith('*[1]* <https://newsdao.kr/4601|')).toBe(true);
  });

  it('sends only the answer when there is nothing to cite', () => {
    const blocks = answerMessage(answerWith([], { answer: 'Not found in the documents: none of them answers this question.', abstained: true, lang: 'en' })).blocks;
    expect(blocks).toHaveLength(1);
  });
});

describe('answerMessage and mentions', () => {
  const textObjects = (blocks: SlackBlock[] = []) => blocks.flatMap((b) => (b.type === 'section' ? [b.text] : b.elements));

  it('finds the pings in document text when Slack would parse them (the oracle sees them)', () => {
    expect(slackPings('<!channel> @here <@U1>', false)).toEqual(expect.arrayContaining(['<!channel>', '<@U1>', '@here']));
    expect(slackPings('@here', true)).toEqual([]);
  });

  it('pings no one with <!channel>, <@U…>, @channel, @here or @username from the answer, short answer, titles and quotes', () => {
    const message = answerMessage(answerFullOfMentions());
    const objects = textObjects(message.blocks);
    expect(objects).toHaveLength(4);
    for (const object of objects) {
      // verbatim: Slack parses no mentions, channel names or URLs of its own in the text; only Seogi's own <url|title>.
      expect(object).toMatchObject({ type: 'mrkdwn', verbatim: true });
      expect(slackPings(object.text, false)).toEqual([]);
    }
    // The notification text is not a text object: it must hold no ping however Slack reads it.
    expect(slackPings(message.text, false)).toEqual([]);
  });

  it('still shows every mention as written, and leaves e-mail addresses alone', () => {
    const message = answerMessage(answerFullOfMentions());
    expect(textObjects(message.blocks).map((o) => o.text.replaceAll('\u2060', ''))).toEqual([
      '*&lt;!channel&gt; @everyone @all* [1]',
      '&lt;!everyone&gt; @channel 로봇 기업 우대금리는 -1.2%p입니다. @here [1]',
      '*출처*',
      '*[1]* <https://newsdao.kr/4601|&lt;!here&gt; @all 공지: @here 확인>\n>&lt;!channel&gt; 담당 @kim.reporter, 문의 hong@asiae.co.kr. x.@channel _@all_ (@Here) &lt;@U0BOSS&gt; **@group-ai**',
    ]);
    expect(sectionText(message.blocks?.[3])).toContain('문의 hong@asiae.co.kr.');
  });
});

describe('escapeSlackText', () => {
  it('escapes exactly the three control characters and leaves Korean and other punctuation alone', () => {
    expect(escapeSlackText('금리 -1.2%p & <우대> *굵게* _기울임_')).toBe('금리 -1.2%p &amp; &lt;우대&gt; *굵게* _기울임_');
  });
});
