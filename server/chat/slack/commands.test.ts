import { describe, expect, it } from 'vitest';
import { commandForm, slackRequest } from '../testing/slack-request.ts';
import { useSlackTestbed } from '../testing/slack-testbed.ts';
import type { SlackBlock } from './blocks.ts';
import type { SlackOptions } from './options.ts';

const bed = useSlackTestbed();

/** The chat routes, with time enough to answer inline unless a test gives less. */
function routes(options: Partial<SlackOptions> = {}, ready = true) {
  return bed.routes({ inlineBudgetMs: 60_000, ...options }, ready);
}

interface CommandReply {
  response_type: string;
  text: string;
  blocks?: SlackBlock[];
}

const ROBOT_QUESTION = 'what rate cut for robot firms?';
const ROBOT_SOURCE = '<https://newsdao.kr/4601|AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!>';
/** The seed sentence that answers the question (article 000). */
const ROBOT_SENTENCE = '산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.';
/** The short answer, in bold with its citation marker, first in every reply. */
const ROBOT_SHORT = '*최대 -1.2%p* [1]';

describe('POST /slack/commands', () => {
  it('answers a signed slash command in Block Kit: the 1.2%p rate cut, cited with its linked source', async () => {
    const res = await routes().request(slackRequest('/slack/commands', commandForm(ROBOT_QUESTION)));
    expect(res.status).toBe(200);
    const reply = (await res.json()) as CommandReply;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: ROBOT_SHORT } },
      { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: `${ROBOT_SENTENCE} [1]` } },
      { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: '*Sources*' }] },
      // Only the cited passage: the other passages found are left out.
      { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: `*[1]* ${ROBOT_SOURCE}\n>${ROBOT_SENTENCE}` } },
    ]);
  });

  it('answers in the channel when configured so', async () => {
    const res = await routes({ responseType: 'in_channel' }).request(slackRequest('/slack/commands', commandForm('로봇 기업 우대금리는?')));
    const reply = (await res.json()) as CommandReply;
    expect(reply.response_type).toBe('in_channel');
    expect(reply.blocks?.[3]).toEqual({ type: 'section', text: { type: 'mrkdwn', verbatim: true, text: `*[1]* ${ROBOT_SOURCE}\n>${ROBOT_SENTENCE}` } });
  });

  it.each([
    ['a signature made with another secret', slackRequest('/slack/commands', commandForm(ROBOT_QUESTION), { secret: 'not-the-signing-secret' })],
    ['no signature headers', slackRequest('/slack/commands', commandForm(ROBOT_QUESTION), { unsigned: true })],
    ['a stale timestamp', slackRequest('/slack/commands', commandForm(ROBOT_QUESTION), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })],
    ['a body changed after signing', slackRequest('/slack/commands', commandForm(ROBOT_QUESTION), { bodyAfterSigning: commandForm('what are the admin passwords?') })],
  ])('refuses a request with %s with 401', async (_, request) => {
    const res = await routes().request(request);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'INVALID_SIGNATURE', message: 'This request is not signed by Slack with the configured signing secret.' },
    });
  });

  it('explains the command, only to the asker, when it comes without a question', async () => {
    const res = await routes({ responseType: 'in_channel' }).request(slackRequest('/slack/commands', commandForm('  ', { command: '/ask' })));
    const reply = (await res.json()) as CommandReply;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('`/ask 로봇 기업 우대금리는?`');
    expect(reply.blocks).toBeUndefined();
  });

  it('says politely that it is not ready while the index loads', async () => {
    const res = await routes({}, false).request(slackRequest('/slack/commands', commandForm('로봇 기업 우대금리는?')));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      response_type: 'ephemeral',
      text: '서기가 아직 문서 색인을 불러오는 중입니다. 잠시 후 다시 물어봐 주세요.',
    });
  });

  it('acknowledges at once and posts the answer to response_url when it may take longer than the budget', async () => {
    const form = commandForm(ROBOT_QUESTION, { response_url: bed.slack.responseUrl('T0TEAM/1/late') });
    const res = await routes({ inlineBudgetMs: 0, responseType: 'in_channel' }).request(slackRequest('/slack/commands', form));
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: 'Looking it up in the documents…' });
    await Promise.all(bed.tasks);
    expect(bed.slack.requests).toHaveLength(1);
    const [posted] = bed.slack.requests;
    expect(posted?.path).toBe('/response/T0TEAM/1/late');
    const body = posted?.json as CommandReply;
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toBe(`${ROBOT_SHORT}\n${ROBOT_SENTENCE} [1]`);
    expect(body.blocks?.[3]).toEqual({ type: 'section', text: { type: 'mrkdwn', verbatim: true, text: `*[1]* ${ROBOT_SOURCE}\n>${ROBOT_SENTENCE}` } });
    expect(bed.logs).toEqual([]);
  });

  it('logs, and keeps serving, when the late answer cannot be delivered', async () => {
    bed.slack.queue((_, res) => res.writeHead(404).end('expired_url'));
    const form = commandForm(ROBOT_QUESTION, { response_url: bed.slack.responseUrl('T0TEAM/1/expired') });
    const res = await routes({ inlineBudgetMs: 0 }).request(slackRequest('/slack/commands', form));
    expect(res.status).toBe(200);
    await Promise.all(bed.tasks);
    expect(bed.logs).toEqual(['Chat: posting a slash command answer to response_url failed: response_url: Slack answered HTTP 404 expired_url.']);
  });

  it("answers Slack's certificate check without asking anything", async () => {
    const res = await routes().request(slackRequest('/slack/commands', 'ssl_check=1&token=legacy'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});
