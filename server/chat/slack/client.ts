import type { SlackMessage } from './blocks.ts';

/** Options of {@link SlackClient}; all but `apiBaseUrl` have defaults. */
export interface SlackClientOptions {
  /** Base URL of Slack's Web API, `https://slack.com/api` in production; a loopback URL in tests. */
  apiBaseUrl: string;
  /** Bot token (`xoxb-…`) that chat.postMessage is called with. Default none: posting fails with a message saying so. */
  botToken?: string;
  /** Time limit of one attempt, in milliseconds. Default 5000. */
  timeoutMs?: number;
  /** Attempts after the first one, made on network errors, timeouts, 429 and 5xx answers. Default 2. */
  maxRetries?: number;
  /** Wait before the first retry when Slack asks for none (doubled at every further retry), in ms. Default 500. */
  retryDelayMs?: number;
  /** The longest `Retry-After` waited for, in ms; Slack asking for longer gives up at once. Default 30000. */
  maxRetryAfterMs?: number;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** How to wait between attempts. Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
}

/** A message posted with chat.postMessage. */
export interface SlackPost extends SlackMessage {
  channel: string;
  /** Posts the message as a reply in this thread. */
  thread_ts?: string;
}

/** A message sent to a slash command's `response_url`. */
export interface SlackResponse extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}

/** Slack refused a request, or could not be reached after the retries. */
export class SlackRequestError extends Error {
  override readonly name = 'SlackRequestError';
  constructor(
    message: string,
    /** The HTTP status of the last answer; undefined when there was none (network error, timeout). */
    readonly status?: number,
    /** Slack's error code (`channel_not_found`, `invalid_auth`, …) when its answer named one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** What to do about the Slack error codes a misconfigured app runs into. */
const HINTS: Record<string, string> = {
  not_authed: 'set SLACK_BOT_TOKEN to the app\'s Bot User OAuth Token (xoxb-…)',
  invalid_auth: 'SLACK_BOT_TOKEN is not valid: copy the Bot User OAuth Token (xoxb-…) again',
  token_revoked: 'the app was uninstalled or its token revoked: reinstall it and update SLACK_BOT_TOKEN',
  missing_scope: 'add the chat:write scope to the app and reinstall it',
  not_in_channel: 'invite the bot to the channel (/invite @Seogi)',
  channel_not_found: 'the channel does not exist or the bot cannot see it',
};

/**
 * A small client of Slack's Web API and of slash commands' `response_url`. Every attempt has a time limit; network
 * errors, timeouts, 429 (after its `Retry-After`) and 5xx answers are retried a bounded number of times; other 4xx
 * answers and Slack's `ok: false` are not, since sending the same request again would fail the same way.
 */
export class SlackClient {
  private readonly options: Required<Omit<SlackClientOptions, 'botToken'>> & Pick<SlackClientOptions, 'botToken'>;

  constructor(options: SlackClientOptions) {
    this.options = {
      apiBaseUrl: options.apiBaseUrl.replace(/\/+$/, ''),
      botToken: options.botToken,
      timeoutMs: options.timeoutMs ?? 5000,
      maxRetries: options.maxRetries ?? 2,
      retryDelayMs: options.retryDelayMs ?? 500,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
  }

  /**
   * Posts a message with chat.postMessage, without link previews (cited sources would otherwise unfurl).
   * @returns the `ts` of the new message.
   * @throws SlackRequestError when there is no bot token, Slack refuses the message, or can't be reached.
   */
  async postMessage(post: SlackPost): Promise<{ ts: string }> {
    const { botToken } = this.options;
    if (!botToken) throw new SlackRequestError('chat.postMessage: SLACK_BOT_TOKEN is not set, so Seogi cannot reply in Slack.');
    const response = await this.send('chat.postMessage', `${this.options.apiBaseUrl}/chat.postMessage`, { ...post, unfurl_links: false, unfurl_media: false }, {
      authorization: `Bearer ${botToken}`,
    });
    const result = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string; ts?: string };
    if (result.ok !== true) {
      const code = result.error ?? 'unknown_error';
      const hint = HINTS[code];
      throw new SlackRequestError(`chat.postMessage: Slack answered "${code}"${hint ? `: ${hint}` : ''}.`, response.status, code);
    }
    return { ts: result.ts ?? '' };
  }

  /** Sends a delayed answer to a slash command's `response_url` (valid for 30 minutes, up to five times). */
  async respond(responseUrl: string, message: SlackResponse): Promise<void> {
    const response = await this.send('response_url', responseUrl, message, {});
    await response.body?.cancel();
  }

  private async send(what: string, url: string, payload: object, headers: Record<string, string>): Promise<Response> {
    const { maxRetries, retryDelayMs, maxRetryAfterMs, timeoutMs } = this.options;
    const body = JSON.stringify(payload);
    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined;
      let failure: string;
      try {
        response = await this.options.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.ok) return response;
        const detail = (await response.text().catch(() => '')).slice(0, 200);
        failure = `HTTP ${response.status}${detail ? ` ${detail}` : ''}`;
        if (response.status !== 429 && response.status < 500) throw new SlackRequestError(`${what}: Slack answered ${failure}.`, response.status);
      } catch (error) {
        if (error instanceof SlackRequestError) throw error;
        failure = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describe(error);
      }
      if (attempt >= maxRetries) throw new SlackRequestError(`${what}: gave up after ${attempt + 1} attempts, last: ${failure}.`, response?.status);
      const retryAfter = response?.status === 429 ? retryAfterMs(response) : undefined;
      const wait = retryAfter ?? retryDelayMs * 2 ** attempt;
      if (wait > maxRetryAfterMs) throw new SlackRequestError(`${what}: Slack asked to wait ${wait} ms before retrying, longer than ${maxRetryAfterMs} ms.`, response?.status);
      await this.options.sleep(wait);
    }
  }
}

/** `Retry-After` in seconds (what Slack sends), as milliseconds; undefined when absent or unreadable. */
function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) * 1000 : undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
