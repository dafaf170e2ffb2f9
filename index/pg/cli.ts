import cliProgress from 'cli-progress';
import pg from 'pg';
import { readIndexConfig } from '../config.ts';
import { CollectionDb } from './collection-db.ts';
import { importIndex } from './import-index.ts';
import { databaseUrlProblem, describeDatabaseError } from './database-url.ts';
import { migrate } from './migrate.ts';

const USAGE = 'Usage: npm run db:migrate | npm run db:import   (with DATABASE_URL set)';

/**
 * `npm run db:migrate`: brings the schema of the database at DATABASE_URL up to date.
 * `npm run db:import`: copies the index in INDEX_DIR into that database, vectors included.
 */
async function main(command: string | undefined): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(`${USAGE}\n\ndb:migrate brings the schema up to date (servers do it at start too); db:import copies INDEX_DIR's index into the database.`);
    return 0;
  }
  if (command !== 'migrate' && command !== 'import') {
    console.error(USAGE);
    return 2;
  }
  if (!url) {
    console.error('Set DATABASE_URL to the PostgreSQL database of the collection, e.g. postgres://seogi@db.internal/seogi.');
    return 2;
  }
  const problem = databaseUrlProblem(url);
  if (problem) {
    console.error(`Invalid configuration: DATABASE_URL: ${problem}`);
    return 2;
  }
  try {
    if (command === 'migrate') {
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        const applied = await migrate(pool).catch((error: unknown) => {
          throw new Error(describeDatabaseError(error), { cause: error });
        });
        console.log(applied.length === 0 ? 'The schema is up to date.' : `Applied schema migrations ${applied.join(', ')}.`);
      } finally {
        await pool.end();
      }
      return 0;
    }
    const { indexDir } = readIndexConfig();
    const db = await CollectionDb.open(url);
    const bar = new cliProgress.SingleBar({ format: 'Importing documents [{bar}] {value}/{total}', stream: process.stderr, noTTYOutput: false }, cliProgress.Presets.shades_classic);
    try {
      const report = await importIndex(indexDir, db, {
        onDocument: (done, total) => (done === 1 ? bar.start(total, done) : bar.update(done)),
      });
      bar.stop();
      console.log(`Imported ${indexDir}: ${report.added.length} documents added, ${report.unchanged.length} already there.`);
      if (report.conflicting.length > 0) {
        console.log(`Not imported, as the database has other content under the same id: ${report.conflicting.join(', ')}.`);
      }
    } finally {
      bar.stop();
      await db.close();
    }
    return 0;
  } catch (error) {
    console.error(`${command === 'migrate' ? 'Could not migrate the database' : 'Could not import the index'}: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv[2]);
