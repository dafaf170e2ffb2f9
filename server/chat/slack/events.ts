import type { Handler } from 'hono';
import { ApiError, errorResponse } from '../../errors.ts';
import { parseJsonObject } from '../json-object.ts';
import { replyFor } from '../reply.ts';
import type { ChatRuntime } from '../runtime.ts';
import { answerMessage, textMessage } from './blocks.ts';
import type { SlackClient } from './client.ts';
import type { SlackOptions } from './options.ts';
import type { RecentKeys } from './recent-keys.ts';
import { readSignedBody } from './signed-body.ts';

/** The fields of a Slack message event that Seogi reads. */
export interface SlackMessageEvent {
  type: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
}

/** An Events API request body: the URL check when the app is set up, or an event. */
interface SlackEventsPayload {
  type?: string;
  challenge?: string;
  event_id?: string;
  event?: SlackMessageEvent;
  authorizations?: Array<{ user_id?: string }>;
}

/** A message Seogi answers, in the thread it belongs to. */
export interface SlackQuestion {
  channel: string;
  /** The message's own `ts`. */
  ts: string;
  /** The thread to answer in: the message's thread, or a new one under the message. */
  threadTs: string;
  question: string;
}

/**
 * `POST /slack/events`: the Events API. Answers the URL check with its challenge; acknowledges a mention
 * (`app_mention`) or a direct message (`message.im`) at once and answers it in its thread with chat.postMessage.
 * Slack re-delivers an event it thinks was missed, so each event is answered once; messages from bots, Seogi
 * included, are never answered, so two bots can't talk to each other forever.
 */
export function slackEventHandler(runtime: ChatRuntime, slack: SlackOptions, client: SlackClient, seen: RecentKeys): Handler {
  return async (c) => {
    const body = await readSignedBody(c, slack.signingSecret, runtime);
    if (body instanceof Response) return body;
    const payload: SlackEventsPayload | undefined = parseJsonObject(body);
    if (!payload) return errorResponse(c, new ApiError('INVALID_REQUEST', 'An Events API request must have a JSON object as its body.'));
    if (payload.type === 'url_verification') return c.json({ challenge: payload.challenge ?? '' });
    const target = payload.type === 'event_callback' && payload.event ? questionOf(payload.event, payload.authorizations?.[0]?.user_id) : undefined;
    if (!target) return c.body(null, 200);
    // Both an app_mention and a message event can arrive for one message, each with its own event_id.
    const keys = [`message:${target.channel}:${target.ts}`, ...(payload.event_id ? [`event:${payload.event_id}`] : [])];
    if (seen.firstSeen(...keys)) {
      runtime.runInBackground(`answering Slack event ${payload.event_id ?? target.ts}`, () => answerInThread(runtime, client, target));
    }
    return c.body(null, 200);
  };
}

/**
 * The question a message event asks Seogi, or undefined when it is not one to answer: not a mention or a direct
 * message, written by a bot, or an edit, deletion or other message subtype.
 */
export function questionOf(event: SlackMessageEvent, botUserId?: string): SlackQuestion | undefined {
  const addressed = event.type === 'app_mention' || (event.type === 'message' && event.channel_type === 'im');
  if (!addressed || event.bot_id || event.subtype || !event.channel || !event.ts) return undefined;
  if (botUserId && event.user === botUserId) return undefined;
  return { channel: event.channel, ts: event.ts, threadTs: event.thread_ts ?? event.ts, question: questionFromSlackText(event.text ?? '') };
}

/**
 * The plain question in a message's text: mentions of people (the bot's own included) and `@here` are dropped,
 * channel links and URLs become their names, and Slack's `&amp;`, `&lt;`, `&gt;` become characters again.
 */
export function questionFromSlackText(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      if (/^[@!]/.test(inner)) return ' ';
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

async function answerInThread(runtime: ChatRuntime, client: SlackClient, target: SlackQuestion): Promise<void> {
  const outcome = await replyFor(runtime, target.question, { command: '@Seogi', what: 'Slack: answering a mention' });
  const message = 'answer' in outcome ? answerMessage(outcome.answer) : textMessage(outcome.text);
  await client.postMessage({ channel: target.channel, thread_ts: target.threadTs, ...message });
}
