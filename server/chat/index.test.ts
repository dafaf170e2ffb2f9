import { describe, expect, it } from 'vitest';
import { chatRoutes } from './index.ts';

describe('chatRoutes', () => {
  it('answers 404 NOT_CONFIGURED, naming the variable to set, for an integration that is not set up', async () => {
    const app = chatRoutes({ service: () => undefined });
    for (const path of ['/slack/commands', '/slack/events']) {
      const res = await app.request(path, { method: 'POST', body: 'text=hi' });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: 'NOT_CONFIGURED', message: 'The Slack bot is off: set SLACK_SIGNING_SECRET (and SLACK_BOT_TOKEN to answer mentions) and restart the server.' },
      });
    }
    const res = await app.request('/mattermost/commands', { method: 'POST', body: 'text=hi' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'NOT_CONFIGURED',
      message: 'The Mattermost integration is off: set MATTERMOST_TOKEN to the token of the slash command or outgoing webhook and restart the server.',
    });
  });

  it('serves Slack without Mattermost and the other way round, logging the requests it refuses', async () => {
    const logs: string[] = [];
    const log = (message: string) => void logs.push(message);
    const slack = { signingSecret: 'secret-123', apiBaseUrl: 'http://127.0.0.1:9/api', responseType: 'ephemeral' as const };
    const slackOnly = chatRoutes({ service: () => undefined, slack, log });
    expect((await slackOnly.request('/slack/commands', { method: 'POST', body: 'text=hi' })).status).toBe(401);
    expect((await slackOnly.request('/mattermost/commands', { method: 'POST', body: 'text=hi' })).status).toBe(404);
    const mattermostOnly = chatRoutes({ service: () => undefined, mattermost: { token: 'mm-token-123' }, log });
    expect((await mattermostOnly.request('/mattermost/commands', { method: 'POST', body: 'text=hi' })).status).toBe(401);
    expect((await mattermostOnly.request('/slack/events', { method: 'POST', body: '{}' })).status).toBe(404);
    expect(logs).toEqual([
      'Slack: refused a request to /slack/commands: the X-Slack-Request-Timestamp or X-Slack-Signature header is missing.',
      'Mattermost: refused a request to /mattermost/commands: its token is missing or is not MATTERMOST_TOKEN.',
    ]);
  });
});
