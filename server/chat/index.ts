import { Hono, type Handler } from 'hono';
import { ApiError, errorResponse } from '../errors.ts';
import { limitBody } from '../middleware/body-limit/index.ts';
import { mattermostCommandHandler, type MattermostOptions } from './mattermost/commands.ts';
import { backgroundRunner, type ChatLogger, type ChatRuntime, type ChatService } from './runtime.ts';
import { SlackClient } from './slack/client.ts';
import { slackCommandHandler } from './slack/commands.ts';
import { slackEventHandler } from './slack/events.ts';
import type { SlackOptions } from './slack/options.ts';
import { RecentKeys } from './slack/recent-keys.ts';

export type { ChatService } from './runtime.ts';
export type { MattermostOptions } from './mattermost/commands.ts';
export type { SlackOptions } from './slack/options.ts';

/**
 * Default of {@link ChatOptions.maxBodyBytes}, 256 KB. What Slack and Mattermost send is a few KB (a question, ids, a
 * URL); this still takes Mattermost's longest post (16,383 characters, form-encoded) and a Slack event of a message of
 * some 20,000 Korean characters (the text and its rich-text blocks, JSON-escaped).
 */
export const DEFAULT_CHAT_MAX_BODY_BYTES = 256 * 1024;

/** What the chat routes need; every optional field has a default. */
export interface ChatOptions {
  /**
   * The service answering questions (only `ask` is used), or undefined while the index loads: questions are then
   * answered with a polite "not ready" message (status 200), never a 5xx.
   */
  service: () => ChatService | undefined;
  /** The Slack bot. Default none: the Slack routes answer 404 `NOT_CONFIGURED`. */
  slack?: SlackOptions;
  /** The Mattermost integration. Default none: its route answers 404 `NOT_CONFIGURED`. */
  mattermost?: MattermostOptions;
  /**
   * Largest request body the chat routes read, in bytes (`CHAT_MAX_BODY_BYTES`). A larger one is answered 413
   * `PAYLOAD_TOO_LARGE` before it is read and before its signature or token is checked: by its Content-Length, or as
   * soon as a chunked body passes the limit. Default {@link DEFAULT_CHAT_MAX_BODY_BYTES} (256 KB).
   */
  maxBodyBytes?: number;
  /** Milliseconds since the epoch, for Slack's five-minute signature window and forgetting old event ids. Default `Date.now`. */
  now?: () => number;
  /** The fetch Slack's Web API and `response_url` are called with. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Where failures are reported that no response can carry (a reply that could not be posted). Default `console.error`. */
  log?: ChatLogger;
  /**
   * Called with each piece of work done after a response was sent (an answer posted to Slack), e.g. to wait for them
   * before shutting down. The promise never rejects. Default: not observed.
   */
  onBackgroundTask?: (task: Promise<void>) => void;
}

/**
 * The chat integrations: `POST /slack/commands` (slash command), `POST /slack/events` (mentions and direct messages)
 * and `POST /mattermost/commands` (slash command or outgoing webhook). Every answer cites its sources.
 *
 * @example
 * app.route('/', chatRoutes({ service: () => live, slack: { signingSecret, botToken, apiBaseUrl: 'https://slack.com/api', responseType: 'ephemeral' } }));
 */
export function chatRoutes(options: ChatOptions): Hono {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, ...(error === undefined ? [] : [error])));
  const runtime: ChatRuntime = {
    service: options.service,
    now: options.now ?? Date.now,
    log,
    runInBackground: backgroundRunner(log, options.onBackgroundTask),
  };
  const app = new Hono();
  const { slack, mattermost } = options;
  // Per route, not app.use('*'): this app is mounted at '/', where a wildcard would reach every route of the server.
  const limit = limitBody({ maxBytes: options.maxBodyBytes ?? DEFAULT_CHAT_MAX_BODY_BYTES });
  if (slack) {
    const client = new SlackClient({ apiBaseUrl: slack.apiBaseUrl, botToken: slack.botToken, fetch: options.fetch });
    app.post('/slack/commands', limit, slackCommandHandler(runtime, slack, client));
    app.post('/slack/events', limit, slackEventHandler(runtime, slack, client, new RecentKeys({ now: runtime.now })));
  } else {
    const off = notConfigured('The Slack bot is off: set SLACK_SIGNING_SECRET (and SLACK_BOT_TOKEN to answer mentions) and restart the server.');
    app.post('/slack/commands', limit, off);
    app.post('/slack/events', limit, off);
  }
  app.post(
    '/mattermost/commands',
    limit,
    mattermost
      ? mattermostCommandHandler(runtime, mattermost)
      : notConfigured('The Mattermost integration is off: set MATTERMOST_TOKEN to the token of the slash command or outgoing webhook and restart the server.'),
  );
  return app;
}

function notConfigured(message: string): Handler {
  return (c) => errorResponse(c, new ApiError('NOT_CONFIGURED', message));
}
