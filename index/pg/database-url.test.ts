import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../tests/support/postgres.ts';
import { CollectionDb } from './collection-db.ts';
import { databaseUrlProblem, describeDatabaseError } from './database-url.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database?.drop());

describe('DATABASE_URL', () => {
  it('accepts PostgreSQL URLs with a host or a socket, and nothing else', () => {
    expect(databaseUrlProblem('postgres://seogi:secret@db.internal:5432/seogi')).toBeUndefined();
    expect(databaseUrlProblem('postgresql://root@localhost/seogi?host=/var/run/postgresql')).toBeUndefined();
    expect(databaseUrlProblem('postgres:///seogi?host=/var/run/postgresql')).toBeUndefined();
    for (const bad of ['not-a-url', 'postgresql:/bad', 'mysql://db/seogi', 'postgres://db internal/seogi']) {
      expect(databaseUrlProblem(bad), bad).toBe('must be a PostgreSQL URL such as postgres://seogi:secret@db.internal/seogi');
    }
  });

  it('says to create a database that does not exist', async () => {
    const missing = new URL(database.url);
    missing.pathname = `/${database.name}_missing`;
    await expect(CollectionDb.open(missing.toString())).rejects.toThrow(
      `database "${database.name}_missing" does not exist: create it (createdb NAME on the PostgreSQL server) or correct the name in DATABASE_URL.`,
    );
  });

  it("turns the driver's words for a missing password or user into what to put in DATABASE_URL", () => {
    expect(describeDatabaseError(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'))).toBe(
      'PostgreSQL asks for a password: put it in DATABASE_URL (postgres://user:password@host/database).',
    );
    expect(describeDatabaseError(new Error('no PostgreSQL user name specified in startup packet'))).toBe('DATABASE_URL names no user: postgres://user@host/database.');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' });
    expect(describeDatabaseError(refused)).toBe(
      'Nothing answers at the address in DATABASE_URL (connect ECONNREFUSED 127.0.0.1:5999): is PostgreSQL running there, and is the host right?',
    );
  });
});
