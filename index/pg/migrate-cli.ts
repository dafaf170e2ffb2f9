import pg from 'pg';
import { migrate } from './migrate.ts';

/** `npm run db:migrate`: brings the schema of the database at DATABASE_URL up to date. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to the PostgreSQL database of the collection, e.g. postgres://seogi@db.internal/seogi.');
    process.exitCode = 2;
    return;
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const applied = await migrate(pool);
    console.log(applied.length === 0 ? 'The schema is up to date.' : `Applied schema migrations ${applied.join(', ')}.`);
  } catch (error) {
    console.error(`Could not migrate the database: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

await main();
