import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedText, notReadyText, usageText } from './messages.ts';
import { replyFor } from './reply.ts';
import { backgroundRunner, type ChatRuntime, type ChatService } from './runtime.ts';
import { openSeedService, type SeedService } from './testing/seed-service.ts';

let seed: SeedService;

beforeAll(async () => {
  seed = await openSeedService();
});
afterAll(() => seed.dispose());

function runtime(service: ChatService | undefined, logged: string[] = []): ChatRuntime {
  const log = (message: string) => void logged.push(message);
  return { service: () => service, now: () => 0, log, runInBackground: backgroundRunner(log) };
}

const options = { command: '/seogi', what: 'Test: answering' };

describe('replyFor', () => {
  it("answers with the engine's answer, citing the seed sentence on the rate cut", async () => {
    const reply = await replyFor(runtime(seed.service), '로봇 기업 우대금리는?', options);
    if (!('answer' in reply)) throw new Error(`expected an answer, got "${reply.text}"`);
    expect(reply.answer.short?.text).toBe('최대 -1.2%p');
    expect(reply.answer.citations[0]?.docId).toBe('000_b1883f170ede4282');
  });

  it('sends the usage text, naming the command, when there is no question', async () => {
    expect(await replyFor(runtime(seed.service), '', options)).toEqual({ text: usageText('/seogi') });
  });

  it('speaks the language the answer engine reads in the question while the index loads', async () => {
    // English words around one Korean abbreviation: the engine answers in English, so the bot does too.
    const mixed = 'What is 무보?';
    expect((await seed.service.ask({ question: mixed })).lang).toBe('en');
    expect(await replyFor(runtime(undefined), mixed, options)).toEqual({ text: notReadyText('en') });
    expect(await replyFor(runtime(undefined), '무보는 뭐야?', options)).toEqual({ text: notReadyText('ko') });
  });

  it('apologises in the question’s language and logs the failure when answering throws', async () => {
    const logged: string[] = [];
    const failing: ChatService = { ask: () => Promise.reject(new Error('disk on fire')) };
    expect(await replyFor(runtime(failing, logged), '보증 한도는?', options)).toEqual({ text: failedText('ko') });
    expect(logged).toEqual(['Test: answering failed: disk on fire']);
  });
});
