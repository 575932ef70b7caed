/** Why the database in DATABASE_URL cannot be used, in one line that holds no password. */
export function databaseProblem(url: string, error: unknown): string {
  const host = URL.canParse(url) ? new URL(url).host : 'the host';
  const root = ((error as { cause?: unknown }).cause ?? error) as { code?: string; message?: string };
  const message = (root.message ?? String(root)).split('\n')[0]!.replaceAll(url, 'DATABASE_URL');
  const reason = root.code && !message.includes(root.code) ? `${message} (${root.code})` : message;
  return `Could not use the PostgreSQL database in DATABASE_URL (${host}): ${reason}. Check that it runs and is reachable from here, and the user, password and database name in the URL; or unset DATABASE_URL to use the SQLite file under SCRIBE_DATA_DIR.`;
}
