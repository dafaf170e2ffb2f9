import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { writeStdoutLine } from './log-lines.ts';
import { readServerConfig, type ServerConfig } from './config.ts';
import { openLiveCollection } from './live-collection.ts';
import type { SeogiService } from './service.ts';
import { openSharedCollection } from './shared-collection.ts';

/** How long in-flight requests may take to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
/** A client gets this long to send its headers, and its whole request (a 5 MB upload on a slow link fits). */
const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 60_000;

/** A structured line on stdout, in order with the request log. */
function log(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  writeStdoutLine({ time: new Date().toISOString(), level, msg, ...fields });
}

/** Ends the process once output is flushed; a timer (not holding the process open) makes sure it does end. */
function exit(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 500).unref();
}

/**
 * `npm start`: reads the configuration, listens at once (so `/healthz` answers while the index loads), opens the
 * collection in the background (building the index on a fresh checkout) and serves it once loaded. SIGTERM and SIGINT
 * stop accepting connections, let in-flight requests and chat replies finish, and exit 0.
 */
function main(): void {
  let config: ServerConfig;
  try {
    config = readServerConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    exit(1);
    return;
  }

  let live: (SeogiService & { close(): Promise<void> }) | undefined;
  let stopping = false;
  const background = new Set<Promise<void>>();
  const app = createApp({
    config,
    service: () => live,
    onBackgroundTask: (task) => {
      background.add(task);
      void task.finally(() => background.delete(task));
    },
  });

  // Only the HTTP/1 server is created (no http2/https options), so this is a node:http Server.
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info: AddressInfo) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    const url = `http://${host}:${info.port}`;
    log('info', 'listening', { url, port: info.port });
    open(url);
  }) as Server;
  // A client that sends slowly or stops half-way is answered 408 and cut off instead of holding a connection.
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${error.message}. Set HOST and PORT to a free address.`);
    exit(1);
  });

  // Opened once listening, so that the writer lock names the address other processes are told about.
  const open = (url: string) => {
    const onNotice = (message: string) => log('info', message);
    const opening = config.databaseUrl
      ? openSharedCollection(config.index, config.databaseUrl, { onNotice })
      : openLiveCollection(config.index, { label: `the Seogi server at ${url}`, onNotice });
    return opening.then(
      (collection) => {
        if (stopping) return void collection.close();
        live = collection;
        log('info', 'ready', { ...collection.stats() });
      },
      (error: unknown) => {
        console.error(`Could not open the ${config.databaseUrl ? 'collection in the database' : 'index'}: ${error instanceof Error ? error.message : String(error)}`);
        server.close();
        server.closeAllConnections();
        exit(1);
      },
    );
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('info', 'shutting down', { signal });
    const force = setTimeout(() => {
      log('warn', `requests still open after ${SHUTDOWN_GRACE_MS / 1000} s: closing them`);
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS).unref();
    // Keep-alive connections that go idle after their last response would otherwise hold close() open.
    const idle = setInterval(() => server.closeIdleConnections(), 100).unref();
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      void Promise.allSettled([...background])
        .then(() => live?.close())
        .then(() => {
          log('info', 'stopped');
          exit(0);
        });
    });
    server.closeIdleConnections();
  };
  // Not once: Ctrl-C in a terminal signals npm and the server together, and npm passes the signal on again; a second
  // signal must not end the process in the middle of stopping.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
