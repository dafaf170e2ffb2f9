import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type AppOptions } from '../../server/app.ts';
import { readServerConfig, type ServerConfig } from '../../server/config.ts';
import { openLiveCollection, type LiveCollection } from '../../server/live-collection.ts';
import type { AccessLogEntry } from '../../server/middleware/access-log/index.ts';
import { seedWorkspace, type SeedWorkspace } from '../support/seed-index.ts';

/** The admin token test servers are configured with. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** An app over the real service of a private seed collection, with what it logged. */
export interface SeedApp {
  app: OpenAPIHono;
  service: LiveCollection;
  config: ServerConfig;
  workspace: SeedWorkspace;
  /** Request log lines, in order. */
  log: AccessLogEntry[];
  /** Errors answered with a generic 500. */
  errors: unknown[];
}

/** Environment variables every test server starts from: the private collection and the admin token. */
export function seedEnv(workspace: SeedWorkspace, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { DOCS_DIR: workspace.config.docsDir, INDEX_DIR: workspace.config.indexDir, ADMIN_TOKEN, ...env };
}

/**
 * Copies the seeds into a temp DOCS_DIR, opens the live collection over a temp INDEX_DIR (building the index) and builds
 * the app over it, configured from `env` as `npm start` would be.
 */
export async function openSeedApp(env: NodeJS.ProcessEnv = {}, options: Partial<AppOptions> = {}): Promise<SeedApp> {
  const workspace = seedWorkspace();
  const service = await openLiveCollection(workspace.config);
  return { ...appOver(workspace, service, env, options), service, workspace };
}

/** Another app over an existing collection, e.g. a restart over the same folders. */
export function appOver(workspace: SeedWorkspace, service: LiveCollection, env: NodeJS.ProcessEnv = {}, options: Partial<AppOptions> = {}) {
  const config = readServerConfig(seedEnv(workspace, env));
  const log: AccessLogEntry[] = [];
  const errors: unknown[] = [];
  const app = createApp({
    config,
    service: () => service,
    log: (entry) => log.push(entry),
    reportError: (error) => errors.push(error),
    ...options,
  });
  return { app, config, log, errors };
}

/** A real HTTP server on a free loopback port. */
export interface Listening {
  url: string;
  close: () => Promise<void>;
}

export function listen(app: OpenAPIHono): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * The seed app (built from `env` as by {@link openSeedApp}) listening on a free loopback port for the calling test
 * file: started in `beforeAll`, closed and its workspace removed in `afterAll`.
 */
export function serveSeedApp(env: NodeJS.ProcessEnv = {}): { readonly seed: SeedApp; readonly server: Listening } {
  let seed: SeedApp | undefined;
  let server: Listening | undefined;
  beforeAll(async () => {
    seed = await openSeedApp(env);
    server = await listen(seed.app);
  });
  afterAll(async () => {
    await server?.close();
    seed?.workspace.dispose();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The seed app is started by beforeAll; use it inside tests.');
    return value;
  };
  return {
    get seed() {
      return started(seed);
    },
    get server() {
      return started(server);
    },
  };
}

/** Headers of an admin request. */
export function admin(headers: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${ADMIN_TOKEN}`, ...headers };
}

/** A JSON request init. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
