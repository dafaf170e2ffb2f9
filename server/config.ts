import { z } from 'zod';
import { describeConfigError, readIndexConfig, type IndexConfig } from '../index/config.ts';
import { databaseUrlProblem } from '../index/pg/database-url.ts';

/** Slack app settings; present when `SLACK_SIGNING_SECRET` is set. */
export interface SlackConfig {
  /** `SLACK_SIGNING_SECRET`: verifies that requests come from Slack. */
  signingSecret: string;
  /** `SLACK_BOT_TOKEN` (`xoxb-…`): needed to answer mentions and direct messages. Default none. */
  botToken?: string;
  /** `SLACK_API_URL`, default `https://slack.com/api`. */
  apiBaseUrl: string;
  /** `SLACK_RESPONSE_TYPE`: who sees slash-command answers. Default `ephemeral` (only the asker). */
  responseType: 'ephemeral' | 'in_channel';
}

/** Everything the server is configured with, read once at start-up. */
export interface ServerConfig {
  /** `HOST`, default `127.0.0.1` (this machine only; set `0.0.0.0` to serve the network). */
  host: string;
  /** `PORT`, default 3000; 0 picks a free port. */
  port: number;
  /** `ADMIN_TOKEN`: bearer token that allows adding and deleting documents. Default none: changes are refused. */
  adminToken?: string;
  /** `CORS_ORIGINS`: comma-separated origins allowed to call the API from a browser, or `*`. Default none: CORS off. */
  corsOrigins: string[];
  /** `RATE_LIMIT_PER_MIN`: API requests allowed per client and minute. Default none: no limit. */
  rateLimitPerMin?: number;
  /** `MAX_UPLOAD_BYTES`: largest document upload, in bytes. Default 5 MB. */
  maxUploadBytes: number;
  /**
   * `CHAT_MAX_BODY_BYTES`: largest request body of the Slack and Mattermost routes, in bytes. Default none: the chat
   * routes' own default, 256 KB (`DEFAULT_CHAT_MAX_BODY_BYTES`).
   */
  chatMaxBodyBytes?: number;
  /** `LOG_QUESTIONS=1` writes question text into the request log. Default off. */
  logQuestions: boolean;
  slack?: SlackConfig;
  /** `MATTERMOST_TOKEN`: the slash command's or outgoing webhook's token. Default none: Mattermost off. */
  mattermost?: { token: string };
  /** DOCS_DIR, INDEX_DIR and the embedding model: see `readIndexConfig`. */
  index: IndexConfig;
  /**
   * `DATABASE_URL`: the PostgreSQL database that holds the collection several servers share. Default none: the
   * collection is INDEX_DIR's, and this server is its only writer.
   */
  databaseUrl?: string;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api';

/** Unset and empty mean the same: an empty variable in a `.env` file or compose file is "not configured". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const integer = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number (${what})`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'], { error: 'must be 1 or 0' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const origin = z
  .string()
  .refine((value) => {
    if (value === '*') return true;
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'must be * or a comma-separated list of origins such as https://desk.example.com (scheme, host and port only, no trailing slash)');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api' });

const schema = z.object({
  HOST: optional(z.string().regex(/^[\w.:-]+$/, 'must be a host name or IP address such as 127.0.0.1 or 0.0.0.0')),
  PORT: optional(integer(0, 65535, 'a TCP port, 0 for any free one')),
  ADMIN_TOKEN: optional(
    z
      .string()
      .min(16, 'must be at least 16 characters (e.g. the output of `openssl rand -hex 24`)')
      .regex(/^[A-Za-z0-9._~+/-]+=*$/, 'may contain only letters, digits and . _ ~ + / - (then optional =)'),
  ),
  CORS_ORIGINS: optional(z.string().transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)).pipe(z.array(origin))),
  RATE_LIMIT_PER_MIN: optional(integer(1, 1_000_000, 'requests per minute and client')),
  MAX_UPLOAD_BYTES: optional(integer(1024, 1024 * 1024 * 1024, 'bytes')),
  CHAT_MAX_BODY_BYTES: optional(integer(1024, 16 * 1024 * 1024, 'bytes')),
  LOG_QUESTIONS: optional(flag),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, 'must be the signing secret from the Slack app settings')),
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xox[a-z]-[\w-]+$/, 'must be a bot token such as xoxb-…')),
  SLACK_API_URL: optional(httpUrl),
  SLACK_RESPONSE_TYPE: optional(z.enum(['ephemeral', 'in_channel'], { error: 'must be ephemeral or in_channel' })),
  MATTERMOST_TOKEN: optional(z.string().min(8, 'must be the token Mattermost shows for the slash command or webhook')),
  DATABASE_URL: optional(z.string().refine((url) => databaseUrlProblem(url) === undefined, 'must be a PostgreSQL URL such as postgres://seogi:secret@db.internal/seogi')),
}).refine((e) => !e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET, {
  path: ['SLACK_SIGNING_SECRET'],
  message: 'must be set when SLACK_BOT_TOKEN is: Slack requests cannot be verified without it',
});

/**
 * Reads the server configuration from environment variables, once, at start-up.
 * @throws Error `Invalid configuration: PORT: must be …`, naming every bad variable and what it must be.
 */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(describeConfigError(parsed.error));
  const e = parsed.data;
  const config: ServerConfig = {
    host: e.HOST ?? '127.0.0.1',
    port: e.PORT ?? DEFAULT_PORT,
    corsOrigins: e.CORS_ORIGINS ?? [],
    maxUploadBytes: e.MAX_UPLOAD_BYTES ?? DEFAULT_MAX_UPLOAD_BYTES,
    logQuestions: e.LOG_QUESTIONS ?? false,
    index: readIndexConfig(env),
  };
  if (e.ADMIN_TOKEN) config.adminToken = e.ADMIN_TOKEN;
  if (e.RATE_LIMIT_PER_MIN) config.rateLimitPerMin = e.RATE_LIMIT_PER_MIN;
  if (e.CHAT_MAX_BODY_BYTES) config.chatMaxBodyBytes = e.CHAT_MAX_BODY_BYTES;
  if (e.SLACK_SIGNING_SECRET) {
    config.slack = {
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiBaseUrl: (e.SLACK_API_URL ?? DEFAULT_SLACK_API_URL).replace(/\/+$/, ''),
      responseType: e.SLACK_RESPONSE_TYPE ?? 'ephemeral',
    };
    if (e.SLACK_BOT_TOKEN) config.slack.botToken = e.SLACK_BOT_TOKEN;
  }
  if (e.MATTERMOST_TOKEN) config.mattermost = { token: e.MATTERMOST_TOKEN };
  if (e.DATABASE_URL) config.databaseUrl = e.DATABASE_URL;
  return config;
}
