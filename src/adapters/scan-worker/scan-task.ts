import type { MessagePort } from 'node:worker_threads';
import { DirectorySource } from '#adapters/git/directory-source.ts';
import { type BlobReading, GitBlobSource } from '#adapters/git/git-blob-source.ts';
import { openScanCacheWriter, type ScanCacheWriter, type StoreLocation } from '#adapters/store/scan-cache-writer.ts';
import type { IndexedFile } from '#domain/plan-reminders.ts';
import { type ScanSource, scanRcaFiles } from '#use-cases/scan-rca-files.ts';
import { scanReader, scanRowsJson, toScanRow } from '#use-cases/scan-row.ts';

/** Where the worker reads the RCA files from: plain data, since it crosses to another thread. */
export type ScanSourceSpec = { kind: 'git'; dir: string; reading?: BlobReading } | { kind: 'directory'; root: string };

export interface ScanTask {
  source: ScanSourceSpec;
  dirs: string[];
  known: Map<string, string>;
  actionItemHeadings?: readonly string[];
  batchSize: number;
  /** The store to save the scan-cache rows in, on this thread's own connection; none: the main thread saves them. */
  cache?: StoreLocation;
  /**
   * Batches go out on it, and an `ack` comes back for each once the main thread has taken it in.
   * Each as one JSON string: one copy across, and one `JSON.parse` on the main thread, a fraction of
   * what deserializing the objects costs.
   */
  port: MessagePort;
}

/** A batch as it crosses to the main thread: the files as JSON (`scanRowsJson`), and whether they are saved already. */
export interface ScanBatch {
  files: string;
  saved: boolean;
}

/** Batches the main thread may have unsaved at once: enough to keep both threads busy, no more. */
const WINDOW = 2;

const SOURCES: { [K in ScanSourceSpec['kind']]: (spec: Extract<ScanSourceSpec, { kind: K }>) => ScanSource } = {
  git: (spec) => new GitBlobSource(spec.dir, spec.reading),
  directory: (spec) => new DirectorySource(spec.root),
};

/**
 * The scan as a worker thread runs it: git reads and the parser stay on this thread, and only the
 * results cross to the main one. Resolves once every batch has been acknowledged, so the caller has
 * saved them all by the time it sees the paths.
 */
export async function scanTask(task: ScanTask): Promise<string[]> {
  const source = (SOURCES[task.source.kind] as (spec: ScanSourceSpec) => ScanSource)(task.source);
  let credits = WINDOW;
  let wake: (() => void) | null = null;
  const waitForAck = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  task.port.on('message', () => {
    credits += 1;
    const resolve = wake;
    wake = null;
    resolve?.();
  });
  const location = task.cache;
  let writer: ScanCacheWriter | null = null;
  try {
    const reader = scanReader(task.actionItemHeadings);
    const paths = await scanRcaFiles(
      source,
      task.dirs,
      task.known,
      {
        batchSize: task.batchSize,
        onBatch: async (entries: IndexedFile[]) => {
          const rows = entries.map((entry) => toScanRow(entry, reader));
          if (location) {
            writer ??= openScanCacheWriter(location);
            await writer.saveScanEntries(rows);
          }
          while (credits === 0) await waitForAck();
          credits -= 1;
          const batch: ScanBatch = { files: scanRowsJson(rows), saved: location !== undefined };
          task.port.postMessage(batch);
        },
      },
      task.actionItemHeadings,
    );
    while (credits < WINDOW) await waitForAck();
    return paths;
  } finally {
    task.port.close();
    await (writer as ScanCacheWriter | null)?.close();
  }
}
