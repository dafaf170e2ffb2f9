import type { Context, Handler } from 'hono';
import { constantTimeEqual } from '../constant-time.ts';
import { ApiError, errorResponse } from '../../errors.ts';
import { parseJsonObject } from '../json-object.ts';
import { replyFor } from '../reply.ts';
import type { ChatRuntime } from '../runtime.ts';
import { answerMarkdown } from './markdown.ts';

/** How the Mattermost integration is set up. */
export interface MattermostOptions {
  /** `MATTERMOST_TOKEN`: the token Mattermost shows for the slash command or outgoing webhook. */
  token: string;
}

/** What Mattermost sends: a slash command (`command`) or an outgoing webhook (`trigger_word`), as form or JSON. */
type MattermostRequest = Record<string, string | undefined>;

/** Mattermost's answer: the post's Markdown, and where it goes. */
interface MattermostReply {
  text: string;
  /** `comment` answers an outgoing webhook's post in its thread. */
  response_type: 'ephemeral' | 'comment';
}

/**
 * `POST /mattermost/commands`: a Mattermost slash command or outgoing webhook. The token (the `token` field, and for
 * slash commands also `Authorization: Token …`) must match `MATTERMOST_TOKEN`; the answer is Markdown with numbered
 * sources.
 */
export function mattermostCommandHandler(runtime: ChatRuntime, options: MattermostOptions): Handler {
  return async (c) => {
    const request = await readRequest(c);
    if (!request) return errorResponse(c, new ApiError('INVALID_REQUEST', 'Expected a form or JSON body from a Mattermost slash command or outgoing webhook.'));
    if (!hasToken(c, request, options.token)) {
      runtime.log(`Mattermost: refused a request to ${c.req.path}: its token is missing or is not MATTERMOST_TOKEN.`);
      return errorResponse(c, new ApiError('INVALID_TOKEN'));
    }
    // A slash command's answer is seen by the asker only; an outgoing webhook's goes in the thread of the post.
    const responseType = request.command === undefined ? 'comment' : 'ephemeral';
    const reply = (text: string) => c.json({ text, response_type: responseType } satisfies MattermostReply);
    const outcome = await replyFor(runtime, questionOf(request), {
      command: request.command ?? request.trigger_word ?? '/seogi',
      what: 'Mattermost: answering a command',
    });
    return reply('answer' in outcome ? answerMarkdown(outcome.answer) : outcome.text);
  };
}

/** The body's fields, from JSON or a form; undefined when a JSON body is not an object. */
async function readRequest(c: Context): Promise<MattermostRequest | undefined> {
  const body = await c.req.text();
  if (!(c.req.header('content-type') ?? '').includes('application/json')) return Object.fromEntries(new URLSearchParams(body));
  const fields = parseJsonObject(body);
  return fields && Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
}

/** Every token the request carries must be the configured one, and it must carry at least one. */
function hasToken(c: Context, request: MattermostRequest, expected: string): boolean {
  const header = /^Token\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  const given = [request.token, header].filter((t): t is string => t !== undefined && t !== '');
  return given.length > 0 && given.every((token) => constantTimeEqual(expected, token));
}

/** The question: the command's text, or the webhook post without its trigger word. */
function questionOf(request: MattermostRequest): string {
  const text = (request.text ?? '').trim();
  const trigger = request.trigger_word;
  return (trigger && text.startsWith(trigger) ? text.slice(trigger.length) : text).trim();
}
