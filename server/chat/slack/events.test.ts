import { describe, expect, it } from 'vitest';
import { answerFullOfMentions } from '../testing/answers.ts';
import { slackPings } from '../testing/mentions.ts';
import { slackRequest } from '../testing/slack-request.ts';
import { useSlackTestbed } from '../testing/slack-testbed.ts';
import type { SlackBlock } from './blocks.ts';
import { questionFromSlackText, questionOf, type SlackMessageEvent } from './events.ts';

const bed = useSlackTestbed();

const BOT_USER = 'U0SEOGI';
const ROBOT_SOURCE = '<https://newsdao.kr/4601|AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!>';
/** The seed sentence that answers the rate question (article 000). */
const ROBOT_SENTENCE = '산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.';

/** The chat routes over the seed collection, posting to the fake Slack. */
function routes(ready = true) {
  return bed.routes({}, ready);
}

/** An Events API delivery of `event`, as Slack signs and sends it. */
function delivery(eventId: string, event: SlackMessageEvent, headers: Record<string, string> = {}): Request {
  const body = JSON.stringify({
    token: 'legacy',
    team_id: 'T0TEAM',
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    event,
    authorizations: [{ user_id: BOT_USER, is_bot: true }],
  });
  return slackRequest('/slack/events', body, { contentType: 'application/json', headers });
}

const mention = (text: string, extra: Partial<SlackMessageEvent> = {}): SlackMessageEvent => ({
  type: 'app_mention',
  channel: 'C0CHANNEL',
  user: 'U0ASKER',
  text,
  ts: '1700000123.000200',
  ...extra,
});

interface PostedMessage {
  channel: string;
  thread_ts: string;
  text: string;
  blocks: SlackBlock[];
}

/** Sends the requests, checks each is acknowledged with an empty 200, and waits for the replies they started. */
async function deliver(app: ReturnType<typeof routes>, ...requests: Request[]): Promise<PostedMessage[]> {
  for (const request of requests) {
    const res = await app.request(request);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  }
  await Promise.all(bed.tasks);
  return bed.slack.requests.map((r) => {
    expect(r.path).toBe('/api/chat.postMessage');
    return r.json as PostedMessage;
  });
}

describe('POST /slack/events', () => {
  it('answers the URL check with its challenge', async () => {
    const body = JSON.stringify({ token: 'legacy', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' });
    const res = await routes().request(slackRequest('/slack/events', body, { contentType: 'application/json' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('refuses an unsigned URL check, a stale one and one changed after signing', async () => {
    const body = JSON.stringify({ challenge: 'c', type: 'url_verification' });
    const requests = [
      slackRequest('/slack/events', body, { contentType: 'application/json', unsigned: true }),
      slackRequest('/slack/events', body, { contentType: 'application/json', timestamp: Math.floor(Date.now() / 1000) - 301 }),
      slackRequest('/slack/events', body, { contentType: 'application/json', bodyAfterSigning: body.replace('"c"', '"d"') }),
    ];
    for (const request of requests) expect((await routes().request(request)).status).toBe(401);
  });

  it('answers a mention once, in its thread, with the cited 1.2%p rate cut', async () => {
    const posted = await deliver(routes(), delivery('Ev0001', mention(`<@${BOT_USER}> what rate cut for robot firms?`)));
    expect(posted).toHaveLength(1);
    const [message] = posted;
    expect(message?.channel).toBe('C0CHANNEL');
    expect(message?.thread_ts).toBe('1700000123.000200');
    expect(bed.slack.requests[0]?.headers.authorization).toBe('Bearer xoxb-test');
    expect(message?.text).toBe(`*최대 -1.2%p* [1]\n${ROBOT_SENTENCE} [1]`);
    expect(message?.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', verbatim: true, text: '*최대 -1.2%p* [1]' } });
    expect(message?.blocks[3]).toEqual({ type: 'section', text: { type: 'mrkdwn', verbatim: true, text: `*[1]* ${ROBOT_SOURCE}\n>${ROBOT_SENTENCE}` } });
    expect(bed.logs).toEqual([]);
  });

  it('answers an event once although Slack delivers it three times', async () => {
    const event = mention(`<@${BOT_USER}> 로봇 기업 우대금리는?`);
    const posted = await deliver(
      routes(),
      delivery('Ev0002', event),
      delivery('Ev0002', event, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }),
      delivery('Ev0002', event, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' }),
    );
    expect(posted).toHaveLength(1);
    expect(posted[0]?.thread_ts).toBe('1700000123.000200');
  });

  it('answers a mention inside a thread in that thread', async () => {
    const posted = await deliver(routes(), delivery('Ev0003', mention(`<@${BOT_USER}> 로봇 기업 우대금리는?`, { ts: '1700000200.000300', thread_ts: '1700000100.000100' })));
    expect(posted.map((m) => m.thread_ts)).toEqual(['1700000100.000100']);
  });

  it('answers a direct message', async () => {
    const dm: SlackMessageEvent = { type: 'message', channel_type: 'im', channel: 'D0DIRECT', user: 'U0ASKER', text: '로봇 기업 우대금리는?', ts: '1700000300.000100' };
    const posted = await deliver(routes(), delivery('Ev0004', dm));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.channel).toBe('D0DIRECT');
    expect(JSON.stringify(posted[0]?.blocks)).toContain(ROBOT_SOURCE);
  });

  it("does not answer its own messages, other bots' or edits", async () => {
    const dm = { type: 'message', channel_type: 'im', channel: 'D0DIRECT', text: '로봇 기업 우대금리는?', ts: '1700000400.000100' };
    const posted = await deliver(
      routes(),
      delivery('Ev0005', { ...dm, user: BOT_USER }),
      delivery('Ev0006', { ...dm, ts: '1700000400.000200', bot_id: 'B0OTHER', subtype: 'bot_message' }),
      delivery('Ev0007', { ...dm, ts: '1700000400.000300', user: 'U0ASKER', subtype: 'message_changed' }),
      delivery('Ev0008', { ...dm, ts: '1700000400.000400', channel_type: 'channel', channel: 'C0CHANNEL', user: 'U0ASKER' }),
    );
    expect(posted).toEqual([]);
  });

  it('says in the thread that it is not ready while the index loads', async () => {
    const posted = await deliver(routes(false), delivery('Ev0009', mention(`<@${BOT_USER}> what rate cut for robot firms?`)));
    expect(posted).toEqual([
      {
        channel: 'C0CHANNEL',
        thread_ts: '1700000123.000200',
        text: 'Seogi is still loading its document index. Please ask again in a minute.',
        unfurl_links: false,
        unfurl_media: false,
      },
    ]);
  });

  it('logs, and keeps serving, when Slack refuses the reply', async () => {
    bed.slack.queue((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"not_in_channel"}'));
    const posted = await deliver(routes(), delivery('Ev0010', mention(`<@${BOT_USER}> 로봇 기업 우대금리는?`)));
    expect(posted).toHaveLength(1);
    expect(bed.logs).toEqual([
      'Chat: answering Slack event Ev0010 failed: chat.postMessage: Slack answered "not_in_channel": invite the bot to the channel (/invite @Seogi).',
    ]);
  });

  it('answers in the thread with document text that pings no one: no <!channel>, <@U…>, @channel or @here', async () => {
    const app = bed.routes({}, true, { ask: () => Promise.resolve(answerFullOfMentions()) });
    const [message, ...others] = await deliver(app, delivery('Ev0011', mention(`<@${BOT_USER}> 공지 담당자는?`)));
    expect(others).toEqual([]);
    expect(message?.channel).toBe('C0CHANNEL');
    expect(slackPings(message?.text ?? '', false)).toEqual([]);
    for (const block of message?.blocks ?? []) {
      for (const text of block.type === 'section' ? [block.text] : block.elements) {
        expect(text.verbatim).toBe(true);
        expect(slackPings(text.text, false)).toEqual([]);
      }
    }
    expect(message?.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', verbatim: true, text: '&lt;!everyone&gt; @\u2060channel 로봇 기업 우대금리는 -1.2%p입니다. @\u2060here [1]' },
    });
  });

  it('refuses a signed body that is not JSON with 400', async () => {
    const res = await routes().request(slackRequest('/slack/events', 'type=event_callback', { contentType: 'application/json' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_REQUEST');
  });
});

describe('questionFromSlackText', () => {
  it('drops mentions and turns links and entities back into plain text', () => {
    expect(questionFromSlackText(`<@${BOT_USER}>  로봇 기업 <https://newsdao.kr/4601|우대금리>는 &lt;1.2%p&gt; &amp; <#C0CHANNEL|finance>?`)).toBe(
      '로봇 기업 우대금리는 <1.2%p> & #finance?',
    );
    expect(questionFromSlackText('<@U0SEOGI|seogi> <!here> what rate cut for <https://example.com>?')).toBe('what rate cut for https://example.com?');
  });
});

describe('questionOf', () => {
  it('gives the question and thread of a mention, and nothing for a message not addressed to Seogi', () => {
    expect(questionOf(mention(`<@${BOT_USER}> 로봇 기업 우대금리는?`), BOT_USER)).toEqual({
      channel: 'C0CHANNEL',
      ts: '1700000123.000200',
      threadTs: '1700000123.000200',
      question: '로봇 기업 우대금리는?',
    });
    expect(questionOf({ type: 'message', channel: 'C0CHANNEL', text: 'hi', ts: '1.0' })).toBeUndefined();
  });
});
