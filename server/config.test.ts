import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../index/config.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, readServerConfig } from './config.ts';

describe('readServerConfig', () => {
  it('serves this machine only on port 3000 with every optional feature off by default', () => {
    const config = readServerConfig({});
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 3000,
      corsOrigins: [],
      maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
      logQuestions: false,
      index: expect.objectContaining({ docsDir: join(PROJECT_ROOT, 'seeds'), indexDir: join(PROJECT_ROOT, 'data') }),
    });
    expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(5 * 1024 * 1024);
  });

  it('reads every server variable', () => {
    const config = readServerConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      ADMIN_TOKEN: 'a'.repeat(16),
      CORS_ORIGINS: 'https://desk.example.com, http://localhost:5173',
      RATE_LIMIT_PER_MIN: '120',
      MAX_UPLOAD_BYTES: '1048576',
      CHAT_MAX_BODY_BYTES: '65536',
      LOG_QUESTIONS: '1',
      MATTERMOST_TOKEN: 'mm-token-123',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      adminToken: 'aaaaaaaaaaaaaaaa',
      corsOrigins: ['https://desk.example.com', 'http://localhost:5173'],
      rateLimitPerMin: 120,
      maxUploadBytes: 1048576,
      chatMaxBodyBytes: 65536,
      logQuestions: true,
      mattermost: { token: 'mm-token-123' },
    });
    expect(config.slack).toBeUndefined();
  });

  it('reads the index part with readIndexConfig', () => {
    const config = readServerConfig({ INDEX_DIR: '/tmp/seogi-index', DOCS_DIR: '/tmp/seogi-docs' });
    expect(config.index.indexDir).toBe('/tmp/seogi-index');
    expect(config.index.docsDir).toBe('/tmp/seogi-docs');
  });

  it('sets up Slack with its defaults once the signing secret is there', () => {
    expect(readServerConfig({ SLACK_SIGNING_SECRET: 'abcdef0123456789' }).slack).toEqual({
      signingSecret: 'abcdef0123456789',
      apiBaseUrl: 'https://slack.com/api',
      responseType: 'ephemeral',
    });
    expect(
      readServerConfig({
        SLACK_SIGNING_SECRET: 'abcdef0123456789',
        SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
        SLACK_API_URL: 'http://127.0.0.1:9999/api/',
        SLACK_RESPONSE_TYPE: 'in_channel',
      }).slack,
    ).toEqual({
      signingSecret: 'abcdef0123456789',
      botToken: 'xoxb-1-2-abc',
      apiBaseUrl: 'http://127.0.0.1:9999/api',
      responseType: 'in_channel',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(readServerConfig({ PORT: '', ADMIN_TOKEN: '', CORS_ORIGINS: '' })).toMatchObject({ port: 3000, corsOrigins: [] });
    expect(readServerConfig({ ADMIN_TOKEN: '' }).adminToken).toBeUndefined();
  });

  it.each([
    [{ PORT: 'http' }, 'PORT: must be a whole number'],
    [{ PORT: '70000' }, 'PORT: must be at most 65535'],
    [{ HOST: 'my host' }, 'HOST: must be a host name or IP address'],
    [{ ADMIN_TOKEN: 'secret' }, 'ADMIN_TOKEN: must be at least 16 characters'],
    [{ ADMIN_TOKEN: 'sixteen chars with spaces' }, 'ADMIN_TOKEN: may contain only'],
    [{ CORS_ORIGINS: 'https://desk.example.com/' }, 'CORS_ORIGINS.0: must be * or a comma-separated list of origins'],
    [{ RATE_LIMIT_PER_MIN: '0' }, 'RATE_LIMIT_PER_MIN: must be at least 1'],
    [{ MAX_UPLOAD_BYTES: '5MB' }, 'MAX_UPLOAD_BYTES: must be a whole number'],
    [{ CHAT_MAX_BODY_BYTES: '1gb' }, 'CHAT_MAX_BODY_BYTES: must be a whole number'],
    [{ CHAT_MAX_BODY_BYTES: String(1024 ** 3) }, 'CHAT_MAX_BODY_BYTES: must be at most 16777216'],
    [{ LOG_QUESTIONS: 'maybe' }, 'LOG_QUESTIONS: must be 1 or 0'],
    [{ SLACK_SIGNING_SECRET: 's'.repeat(16), SLACK_API_URL: 'ftp://slack' }, 'SLACK_API_URL: must be an http(s) URL'],
    [{ SLACK_SIGNING_SECRET: 's'.repeat(16), SLACK_RESPONSE_TYPE: 'public' }, 'SLACK_RESPONSE_TYPE: must be ephemeral or in_channel'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }, 'SLACK_SIGNING_SECRET: must be set when SLACK_BOT_TOKEN is'],
    [{ EMBED_MODEL: 'not a model' }, 'EMBED_MODEL: must be a model name'],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => readServerConfig(env)).toThrow(`Invalid configuration: ${message}`);
  });

  it('names every bad server variable at once', () => {
    expect(() => readServerConfig({ PORT: '-1', LOG_QUESTIONS: 'on' })).toThrow(
      'Invalid configuration: PORT: must be a whole number (a TCP port, 0 for any free one); LOG_QUESTIONS: must be 1 or 0',
    );
  });
});
