import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake Slack received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON (`undefined` when it isn't JSON). */
  json: unknown;
}

/** How the fake answers one request; by default 200 `{ok: true, ts}` for the Web API and 200 `ok` elsewhere. */
export type FakeReply = (request: RecordedRequest, res: ServerResponse) => void;

/** Slack's Web API and `response_url` endpoints, played by a server on 127.0.0.1 that records what it receives. */
export interface FakeSlack {
  /** `http://127.0.0.1:{port}/api`, to use as the API base URL. */
  apiBaseUrl: string;
  /** A `response_url` on the fake: `http://127.0.0.1:{port}/response/{id}`. */
  responseUrl: (id: string) => string;
  requests: RecordedRequest[];
  /** Answers the next requests with these replies, one each, before going back to the default. */
  queue: (...replies: FakeReply[]) => void;
  /** Forgets the recorded requests and the queued replies. */
  reset: () => void;
  close: () => Promise<void>;
}

/** Starts a fake Slack on a free loopback port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const requests: RecordedRequest[] = [];
  const queued: FakeReply[] = [];
  let posted = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, json };
      requests.push(recorded);
      const reply = queued.shift();
      if (reply) return reply(recorded, res);
      if (recorded.path.startsWith('/api/')) {
        posted += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ts: `1700000000.${String(posted).padStart(6, '0')}` }));
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiBaseUrl: `${base}/api`,
    responseUrl: (id) => `${base}/response/${id}`,
    requests,
    queue: (...replies) => void queued.push(...replies),
    reset: () => {
      requests.length = 0;
      queued.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
