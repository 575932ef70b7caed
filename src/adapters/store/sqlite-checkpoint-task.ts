/**
 * The worker-thread task of `checkpointInBackground`: a connection of its own to the bot's SQLite
 * file (kept between runs), moving the WAL into the database with PRAGMA wal_checkpoint(PASSIVE): as
 * much as no reader or writer holds back, waiting for none, so the bot's writes go on meanwhile.
 * "close" closes the connection. Answers the frames in the WAL and how many are now in the database.
 */
import SqliteDatabase from 'better-sqlite3';

let db: SqliteDatabase.Database | null = null;

export function checkpointTask(task: { file: string } | 'close'): { log: number; checkpointed: number } | null {
  if (task === 'close') {
    db?.close();
    db = null;
    return null;
  }
  db ??= new SqliteDatabase(task.file, { fileMustExist: true });
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  return row ?? null;
}
