import type { Handler } from 'hono';
import { detectLanguage } from '../../../retrieval/analyze/intent.ts';
import { workingText } from '../messages.ts';
import { replyFor } from '../reply.ts';
import type { ChatRuntime } from '../runtime.ts';
import { answerMessage, textMessage, type SlackMessage } from './blocks.ts';
import type { SlackClient } from './client.ts';
import type { SlackOptions } from './options.ts';
import { readSignedBody } from './signed-body.ts';

/** Default of {@link SlackOptions.inlineBudgetMs}: leaves half a second of Slack's 3 s for the network. */
export const DEFAULT_INLINE_BUDGET_MS = 2500;

/**
 * `POST /slack/commands`: a slash command such as `/seogi 로봇 기업 우대금리는?`. Answers in the response when the
 * answer is ready within the inline budget; otherwise acknowledges at once and posts the answer to `response_url`.
 */
export function slackCommandHandler(runtime: ChatRuntime, slack: SlackOptions, client: SlackClient): Handler {
  const budgetMs = slack.inlineBudgetMs ?? DEFAULT_INLINE_BUDGET_MS;
  return async (c) => {
    const body = await readSignedBody(c, slack.signingSecret, runtime);
    if (body instanceof Response) return body;
    const form = new URLSearchParams(body);
    // Slack checks the certificate of a command URL now and then with this empty, signed request.
    if (form.get('ssl_check') === '1') return c.body(null, 200);
    const question = (form.get('text') ?? '').trim();
    const reply = ({ message, responseType }: Outcome) => c.json({ response_type: responseType, ...message });
    // The bot's own words (usage, not ready, apology) are shown to the asker only; an answer as configured.
    const answering: Promise<Outcome> = replyFor(runtime, question, {
      command: form.get('command') || '/seogi',
      what: 'Slack: answering a slash command',
    }).then((outcome) => ('answer' in outcome ? { message: answerMessage(outcome.answer), responseType: slack.responseType } : privately(outcome.text)));
    const responseUrl = form.get('response_url');
    // Without a response_url there is no later: wait for the answer.
    if (!responseUrl) return reply(await answering);
    const ready = await within(answering, budgetMs);
    if (ready) return reply(ready);

    runtime.runInBackground('posting a slash command answer to response_url', async () => {
      const { message, responseType } = await answering;
      await client.respond(responseUrl, { response_type: responseType, ...message });
    });
    return reply(privately(workingText(detectLanguage(question))));
  };
}

/** What a slash command answers, and who sees it. */
interface Outcome {
  message: SlackMessage;
  responseType: SlackOptions['responseType'];
}

/** The bot's own words, shown only to the asker. */
function privately(text: string): Outcome {
  return { message: textMessage(text), responseType: 'ephemeral' };
}

/** The promise's value when it settles within `ms`, else undefined. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
