import { stat } from 'node:fs/promises';
import type SqliteDatabase from 'better-sqlite3';
import { Piscina } from 'piscina';
import { workerEntry } from '#src/worker-entry.ts';

/** SQLite's own threshold for an automatic checkpoint: 1,000 pages of 4 KiB. */
const WAL_BYTES = 1000 * 4096;
const EVERY_MS = 1000;

export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

/**
 * Takes WAL checkpoints off the thread that acks events. SQLite runs one automatically inside the
 * commit that takes the WAL past 1,000 pages: that commit then copies the pages into the database and
 * fsyncs both files, 2–17 ms on a 2-core machine (more when it is busy), with every event behind it
 * waiting. Here the connection's own checkpoints are off (`wal_autocheckpoint = 0`) and a worker
 * thread with a connection of its own checkpoints instead, once a second, without blocking a writer
 * (PASSIVE). The thread starts the first time the WAL passes those 1,000 pages (checked once a
 * second), so a store that writes little never starts one. Durability is unchanged: a commit is in
 * the WAL either way; a checkpoint only decides when it reaches the main file. If the thread fails,
 * SQLite's automatic checkpoints come back on.
 */
export function checkpointInBackground(database: SqliteDatabase.Database, file: string): BackgroundCheckpoints {
  database.pragma('wal_autocheckpoint = 0');
  let pool: Piscina | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const fallBack = () => {
    if (!stopped && database.open) database.pragma('wal_autocheckpoint = 1000');
    stopped = true;
  };
  const tick = async () => {
    if (stopped) return;
    if (!pool) {
      const size = await stat(`${file}-wal`).then(
        (s) => s.size,
        () => 0,
      );
      if (size <= WAL_BYTES || stopped) return;
      const { filename, execArgv } = workerEntry(new URL('./sqlite-checkpoint-task.ts', import.meta.url));
      pool = new Piscina({
        filename,
        name: 'checkpointTask',
        minThreads: 1,
        maxThreads: 1,
        idleTimeout: Number.POSITIVE_INFINITY,
        ...(execArgv ? { execArgv } : {}),
      });
    }
    await pool.run({ file }).catch(fallBack);
  };
  const timer = setInterval(() => {
    running = running.then(tick).catch(fallBack);
  }, EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      stopped = true;
      if (!pool) return;
      await pool.run('close').catch(() => undefined);
      await pool.destroy();
    },
  };
}
