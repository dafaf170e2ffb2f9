import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ErrorCode } from '../errors.ts';
import { errorResponses } from './responses.ts';

/** The chat webhooks, as `server/chat` serves them; their bodies are the chat tools' own formats, checked there. */
const chatPaths: Array<{ path: string; summary: string; description: string; mediaTypes: string[]; errors: ErrorCode[] }> = [
  {
    path: '/slack/commands',
    summary: 'Slack slash command',
    description:
      'Slack calls it for the slash command. Signed by Slack (`X-Slack-Signature`, `X-Slack-Request-Timestamp`, ' +
      'SLACK_SIGNING_SECRET); answers Block Kit JSON with the answer and its sources, or acknowledges and posts to ' +
      '`response_url` when answering takes longer.',
    mediaTypes: ['application/x-www-form-urlencoded'],
    errors: ['INVALID_REQUEST', 'INVALID_SIGNATURE', 'NOT_CONFIGURED', 'PAYLOAD_TOO_LARGE'],
  },
  {
    path: '/slack/events',
    summary: 'Slack Events API',
    description:
      'Slack calls it for `url_verification`, mentions and direct messages (same signature check); questions are ' +
      'acknowledged at once and answered in the thread with `chat.postMessage` (SLACK_BOT_TOKEN).',
    mediaTypes: ['application/json'],
    errors: ['INVALID_REQUEST', 'INVALID_SIGNATURE', 'NOT_CONFIGURED', 'PAYLOAD_TOO_LARGE'],
  },
  {
    path: '/mattermost/commands',
    summary: 'Mattermost slash command or outgoing webhook',
    description: 'Checked against MATTERMOST_TOKEN (`token` field or `Authorization: Token …`); answers `{text, response_type}` in Markdown.',
    mediaTypes: ['application/x-www-form-urlencoded', 'application/json'],
    errors: ['INVALID_REQUEST', 'INVALID_TOKEN', 'NOT_CONFIGURED', 'PAYLOAD_TOO_LARGE'],
  },
];

/** Adds the chat webhooks to the OpenAPI document, under the tag `Chat`. */
export function registerChatPaths(registry: OpenAPIHono['openAPIRegistry']): void {
  for (const chat of chatPaths) {
    registry.registerPath({
      method: 'post',
      path: chat.path,
      tags: ['Chat'],
      summary: chat.summary,
      description: chat.description,
      request: {
        body: {
          required: true,
          content: Object.fromEntries(chat.mediaTypes.map((type) => [type, { schema: { type: 'object' as const } }])),
        },
      },
      responses: {
        200: { description: 'The answer, an acknowledgement, or a polite "not ready yet" while the index loads.' },
        ...errorResponses(...chat.errors),
      },
    });
  }
}
