import { readdir, readFile } from 'node:fs/promises';
import type { Pool } from 'pg';

/** A schema change: the SQL of `migrations/NNN_name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** Any fixed number: servers starting together take this lock so that one of them migrates, the others wait. */
const MIGRATION_LOCK = 0x5e061;

/** The migrations shipped with Seogi, in order. */
export async function shippedMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: Number.parseInt(file.slice(0, 3), 10),
      name: file.slice(4, -4),
      sql: await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'),
    })),
  );
}

/**
 * Brings the database's schema up to date: applies, in order and each in its own transaction, the migrations it has
 * not had yet, and records them in `seogi_migrations`. Safe to run from several servers at once.
 * @returns the versions applied now (empty when the schema was current)
 * @throws Error when the database has a migration this version of Seogi does not know (it is older than the schema)
 */
export async function migrate(pool: Pool, migrations?: readonly Migration[]): Promise<number[]> {
  const all = migrations ?? (await shippedMigrations());
  const client = await pool.connect();
  // See CollectionDb: a connection that dies while checked out must fail its query, not end the process.
  let broken: Error | undefined;
  const onError = (error: Error) => (broken ??= error);
  client.on('error', onError);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS seogi_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM seogi_migrations');
    const done = new Set(rows.map((row) => row.version));
    const known = new Set(all.map((m) => m.version));
    const unknown = [...done].filter((version) => !known.has(version));
    if (unknown.length > 0) {
      throw new Error(
        `The database has schema migration ${Math.max(...unknown)}, which this version of Seogi does not know: it was ` +
          'set up by a newer Seogi. Run that version, or a database of its own for this one.',
      );
    }
    const applied: number[] = [];
    for (const migration of all) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO seogi_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Schema migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.off('error', onError);
    client.release(broken);
  }
}
