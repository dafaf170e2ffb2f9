import type { Answer, Citation } from '../../../contract/api.ts';

/** A seed passage (article 000, the policy-finance programme) and the sentence in it that answers the rate question. */
export const SEED_PASSAGE = {
  docId: '000_b1883f170ede4282',
  title: 'AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!',
  source: 'https://newsdao.kr/4601',
  text:
    '신규 자금 공급 방안\n\nAI 분야를 위해 신규 자금 공급 방안을 모색하고 있으며, 신규 자금 공급을 위해 산업은행이 AI 산업을 위한 특화된 ' +
    '프로그램을 구성할 예정입니다. 또한, 산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 ' +
    '자금을 제공할 예정입니다.',
  sentence: '또한, 산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.',
};

/** A citation of {@link SEED_PASSAGE} with its answering sentence highlighted, changed by `overrides`. */
export function seedCitation(overrides: Partial<Citation> = {}): Citation {
  const start = 424;
  const offset = SEED_PASSAGE.text.indexOf(SEED_PASSAGE.sentence);
  return {
    n: 1,
    docId: SEED_PASSAGE.docId,
    title: SEED_PASSAGE.title,
    source: SEED_PASSAGE.source,
    date: null,
    page: null,
    chunkId: `${SEED_PASSAGE.docId}#1`,
    text: SEED_PASSAGE.text,
    start,
    end: start + SEED_PASSAGE.text.length,
    score: 0.0323,
    highlights: [{ start: start + offset, end: start + offset + SEED_PASSAGE.sentence.length }],
    ...overrides,
  };
}

/** An answer citing `citations`, Korean unless `overrides` says otherwise. */
export function answerWith(citations: Citation[], overrides: Partial<Answer> = {}): Answer {
  return {
    answer: `${SEED_PASSAGE.sentence} [1]`,
    short: null,
    abstained: false,
    citations,
    related: [],
    usedHistory: false,
    lang: 'ko',
    tookMs: 12,
    ...overrides,
  };
}

/**
 * An answer whose every part — short answer, answer, title, quote — holds what could notify people in Slack or
 * Mattermost: `<!channel>`, `<@U…>`, `@channel`, `@all`, `@here`, `@username`, and an e-mail address that must stay as
 * it is.
 */
export function answerFullOfMentions(): Answer {
  return answerWith(
    [
      seedCitation({
        title: '<!here> @all 공지: @here 확인',
        text: '<!channel> 담당 @kim.reporter, 문의 hong@asiae.co.kr. x.@channel _@all_ (@Here) <@U0BOSS> **@group-ai**',
        highlights: [],
      }),
    ],
    { answer: '<!everyone> @channel 로봇 기업 우대금리는 -1.2%p입니다. @here [1]', short: { text: '<!channel> @everyone @all', n: 1, start: 0, end: 25 } },
  );
}
