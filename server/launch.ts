/**
 * How the server is started. `npm start` runs the compiled server (`npm run build:server`, which `prestart` runs,
 * bundles it into {@link SERVER_BUILD}); package.json's start script spells the command out after `exec` (a test keeps
 * the two equal), so that the shell npm starts is replaced by Node and the SIGTERM npm passes on reaches the server.
 * Development and the tests run the same server from its TypeScript sources through tsx.
 */

/** Node flags the server runs with, compiled or not. */
export const SERVER_NODE_FLAGS = [
  // Answering a question allocates a lot of short-lived objects; a larger young generation collects them less
  // often (on the seed collection +14% questions/s and a lower p99 under load).
  '--max-semi-space-size=32',
] as const;

/** The compiled server, relative to the project root (git-ignored). */
export const SERVER_BUILD = '.build/server/main.mjs';

/** `npm start`: Node on the compiled server. */
export const SERVER_START_ARGS = [...SERVER_NODE_FLAGS, SERVER_BUILD] as const;

/** The server from its sources through tsx's loader, for development and tests. */
export const SERVER_NODE_ARGS = [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'] as const;
