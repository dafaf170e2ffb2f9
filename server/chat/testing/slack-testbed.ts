import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { chatRoutes, type ChatService } from '../index.ts';
import type { SlackOptions } from '../slack/options.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { openSeedService, type SeedService } from './seed-service.ts';
import { TEST_SIGNING_SECRET } from './slack-request.ts';

/** The seed service and a fake Slack for a test file, and what the chat routes did in the current test. */
export interface SlackTestbed {
  seed: SeedService;
  slack: FakeSlack;
  /** Answers the routes posted after acknowledging (await them before looking at `slack.requests`). */
  tasks: Promise<void>[];
  /** Failures the routes reported. */
  logs: string[];
  /**
   * The chat routes over the seed collection, talking to the fake Slack; `ready: false` serves no collection yet, and
   * `service` answers instead of the seed collection.
   */
  routes(options?: Partial<SlackOptions>, ready?: boolean, service?: ChatService): Hono;
}

/**
 * Starts the seed service and the fake Slack once for the calling test file (vitest hooks), and gives each test a reset
 * fake Slack and empty task and log lists.
 */
export function useSlackTestbed(): SlackTestbed {
  let seed: SeedService | undefined;
  let slack: FakeSlack | undefined;
  let tasks: Promise<void>[] = [];
  let logs: string[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The Slack test bed is started by beforeAll; use it inside tests.');
    return value;
  };
  beforeAll(async () => {
    [seed, slack] = await Promise.all([openSeedService(), startFakeSlack()]);
  });
  afterAll(async () => {
    await Promise.all([seed?.dispose(), slack?.close()]);
  });
  beforeEach(() => {
    slack?.reset();
    tasks = [];
    logs = [];
  });
  return {
    get seed() {
      return started(seed);
    },
    get slack() {
      return started(slack);
    },
    get tasks() {
      return tasks;
    },
    get logs() {
      return logs;
    },
    routes(options = {}, ready = true, service) {
      return chatRoutes({
        service: () => (ready ? (service ?? started(seed).service) : undefined),
        slack: { signingSecret: TEST_SIGNING_SECRET, botToken: 'xoxb-test', apiBaseUrl: started(slack).apiBaseUrl, responseType: 'ephemeral', ...options },
        log: (message) => logs.push(message),
        onBackgroundTask: (task) => tasks.push(task),
      });
    },
  };
}
