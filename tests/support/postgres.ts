import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';
import type { ProxyTarget } from './tcp-proxy.ts';

/** The server the tests use: `DATABASE_URL`, else the local one on its Unix socket, as the current user. */
const SERVER_URL = process.env.DATABASE_URL ?? `postgres://${userInfo().username}@localhost/postgres?host=/var/run/postgresql`;

/** A database made for one test file; `drop` removes it. */
export interface TestDatabase {
  url: string;
  /** Its name on the server. */
  name: string;
  /** Where the server listens: its Unix socket, or its TCP address. */
  server: ProxyTarget;
  /** The URL of the database reached through a proxy on `127.0.0.1:port` (see tests/support/tcp-proxy.ts). */
  urlThrough: (port: number) => string;
  drop: () => Promise<void>;
}

/**
 * Creates an empty database on the tests' PostgreSQL server. Fails, never skips, when no server answers: the tests of
 * the shared store are part of the suite.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `No PostgreSQL server answers at ${SERVER_URL} (${(error as Error).message}). Start one — as root on Debian: ` +
        '`apt-get install -y postgresql && pg_ctlcluster 15 main start && su postgres -c "createuser -s $(whoami)"` — ' +
        'or set DATABASE_URL to a server where this user may create databases.',
      { cause: error },
    );
  }
  const name = `seogi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const socketDir = url.searchParams.get('host');
  const server: ProxyTarget = socketDir?.startsWith('/')
    ? { path: `${socketDir}/.s.PGSQL.${url.port || 5432}` }
    : { host: url.hostname, port: Number(url.port || 5432) };
  return {
    url: url.toString(),
    name,
    server,
    urlThrough: (port) => {
      const through = new URL(url);
      through.hostname = '127.0.0.1';
      through.port = String(port);
      through.searchParams.delete('host');
      return through.toString();
    },
    drop: async () => {
      const client = new pg.Client({ connectionString: SERVER_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
