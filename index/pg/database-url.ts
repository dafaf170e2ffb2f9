/**
 * What `DATABASE_URL` must look like: a PostgreSQL URL, e.g. `postgres://seogi@db.internal/seogi`, or without a host for
 * a local socket (`postgres:///seogi?host=/var/run/postgresql`).
 */
export const DATABASE_URL_PATTERN = /^postgres(ql)?:\/\/[^\s/]*(\/[^\s]*)?$/;

/** What is wrong with `url` as a `DATABASE_URL`, or undefined when it looks right. */
export function databaseUrlProblem(url: string): string | undefined {
  if (!DATABASE_URL_PATTERN.test(url)) return 'must be a PostgreSQL URL such as postgres://seogi:secret@db.internal/seogi';
  return undefined;
}

/**
 * A failure to reach or use the database, said so that the person running Seogi knows what to change. The driver's
 * own words are kept at the end.
 */
export function describeDatabaseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  if (/client password must be a string/.test(message)) {
    return 'PostgreSQL asks for a password: put it in DATABASE_URL (postgres://user:password@host/database).';
  }
  if (/no PostgreSQL user name specified/.test(message)) return 'DATABASE_URL names no user: postgres://user@host/database.';
  if (code === '3D000') return `${message}: create it (createdb NAME on the PostgreSQL server) or correct the name in DATABASE_URL.`;
  if (code === '28P01') return `${message}: correct the user or password in DATABASE_URL.`;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `Nothing answers at the address in DATABASE_URL (${message}): is PostgreSQL running there, and is the host right?`;
  }
  return message;
}
