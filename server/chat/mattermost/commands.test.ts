import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatRoutes } from '../index.ts';
import { answerFullOfMentions } from '../testing/answers.ts';
import { mattermostMentions } from '../testing/mentions.ts';
import { openSeedService, type SeedService } from '../testing/seed-service.ts';

let seed: SeedService;

beforeAll(async () => {
  seed = await openSeedService();
});
afterAll(() => seed.dispose());

const TOKEN = 'mm-token-0123456789';
const ROBOT_SOURCE = '[AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!](https://newsdao.kr/4601)';
/** The seed sentence that answers the rate question (article 000). */
const ROBOT_SENTENCE = '산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.';

function routes(ready = true) {
  return chatRoutes({ service: () => (ready ? seed.service : undefined), mattermost: { token: TOKEN }, log: () => undefined });
}

/** A slash command as Mattermost sends it: a form, with the token in the body and in `Authorization`. */
function slashCommand(text: string, { field = TOKEN, header = TOKEN }: { field?: string; header?: string | null } = {}): Request {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (header !== null) headers.authorization = `Token ${header}`;
  const body = new URLSearchParams({ channel_id: 'ch1', command: '/seogi', team_id: 'team1', text, token: field, user_name: 'asker' });
  return new Request('http://seogi.test/mattermost/commands', { method: 'POST', headers, body: body.toString() });
}

/** An outgoing webhook with JSON content, triggered by its trigger word. */
function outgoingWebhook(text: string, token = TOKEN): Request {
  const body = { channel_id: 'ch1', post_id: 'post1', team_id: 'team1', text, token, trigger_word: 'seogi', user_name: 'asker' };
  return new Request('http://seogi.test/mattermost/commands', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

interface Reply {
  text: string;
  response_type: string;
}

describe('POST /mattermost/commands', () => {
  it('answers a slash command with the right token, citing the 1.2%p rate cut in Markdown', async () => {
    const res = await routes().request(slashCommand('what rate cut for robot firms?'));
    expect(res.status).toBe(200);
    const reply = (await res.json()) as Reply;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text.split('\n').slice(0, 8)).toEqual([
      '**최대 -1.2%p** \\[1\\]',
      '',
      `${ROBOT_SENTENCE} \\[1\\]`,
      '',
      '**Sources**',
      '',
      `**[1]** ${ROBOT_SOURCE}`,
      `> ${ROBOT_SENTENCE}`,
    ]);
    // Only the passage the answer cites is listed; the other retrieved passages are left out.
    expect(reply.text.match(/^\*\*\[\d\]\*\* /gm)).toHaveLength(1);
  });

  it('answers an outgoing webhook in the thread of its post, without the trigger word', async () => {
    const res = await routes().request(outgoingWebhook('seogi 로봇 기업 우대금리는?'));
    expect(res.status).toBe(200);
    const reply = (await res.json()) as Reply;
    expect(reply.response_type).toBe('comment');
    expect(reply.text).toContain(ROBOT_SOURCE);
  });

  it.each([
    ['a wrong token in the body', slashCommand('로봇 기업 우대금리는?', { field: 'wrong-token-0000', header: null })],
    ['a wrong token in the Authorization header', slashCommand('로봇 기업 우대금리는?', { header: 'wrong-token-0000' })],
    ['no token at all', slashCommand('로봇 기업 우대금리는?', { field: '', header: null })],
    ['a wrong webhook token', outgoingWebhook('seogi 로봇 기업 우대금리는?', `${TOKEN}x`)],
  ])('refuses a request with %s with 401', async (_, request) => {
    const res = await routes().request(request);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'INVALID_TOKEN', message: 'This request does not carry the configured Mattermost token.' } });
  });

  it('accepts a slash command that carries the token only in the Authorization header', async () => {
    const res = await routes().request(slashCommand('로봇 기업 우대금리는?', { field: '' }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as Reply).text).toContain(ROBOT_SOURCE);
  });

  it('explains the command when it comes without a question', async () => {
    const reply = (await (await routes().request(slashCommand(' '))).json()) as Reply;
    expect(reply).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('`/seogi 로봇 기업 우대금리는?`') as unknown });
  });

  it('says politely that it is not ready while the index loads', async () => {
    const res = await routes(false).request(slashCommand('로봇 기업 우대금리는?'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: '서기가 아직 문서 색인을 불러오는 중입니다. 잠시 후 다시 물어봐 주세요.' });
  });

  it('answers a webhook in the channel with document text that pings no one: no @channel, @all, @here or @username', async () => {
    const app = chatRoutes({ service: () => ({ ask: () => Promise.resolve(answerFullOfMentions()) }), mattermost: { token: TOKEN }, log: () => undefined });
    for (const request of [outgoingWebhook('seogi 공지 담당자는?'), slashCommand('공지 담당자는?')]) {
      const res = await app.request(request);
      expect(res.status).toBe(200);
      const reply = (await res.json()) as Reply;
      expect(mattermostMentions(reply.text)).toEqual([]);
      expect(reply.text.split('\n')[2]).toBe('\\<!everyone\\> @\u2060channel 로봇 기업 우대금리는 -1.2%p입니다. @\u2060here \\[1\\]');
    }
  });

  it('refuses a JSON body that is not an object with 400', async () => {
    const request = new Request('http://seogi.test/mattermost/commands', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '["seogi"]' });
    expect((await routes().request(request)).status).toBe(400);
  });
});
