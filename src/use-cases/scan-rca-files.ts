import type { IndexedFile } from '#domain/plan-reminders.ts';
import { scanActionItems } from '#rca/scan-action-items.ts';
import type { RcaFileInfo } from '#src/ports.ts';

/** Where the RCA files come from: a git repository or a plain directory. */
export interface ScanSource {
  listFiles(dirs: string[]): Promise<RcaFileInfo[]>;
  /** The text of each file as it is at its blob, in any order; a file that cannot be read is left out. */
  readFiles(files: RcaFileInfo[]): AsyncIterable<{ path: string; text: string }>;
}

/** What a scan hands over as it goes, and how much at a time. */
export interface ScanProgress {
  onBatch(entries: IndexedFile[]): void | Promise<void>;
  batchSize?: number;
}

/**
 * Reads and scans the files under `dirs` whose blob is not the one in `known`, handing their action
 * items to `onBatch` as it goes. Resolves with every path an index should now hold, in listing order:
 * the unchanged ones and the ones read; files that are gone or unreadable are not among them.
 */
export async function scanRcaFiles(
  source: ScanSource,
  dirs: string[],
  known: ReadonlyMap<string, string>,
  progress: ScanProgress,
  actionItemHeadings?: readonly string[],
): Promise<string[]> {
  const batchSize = progress.batchSize ?? 100;
  const listed = await source.listFiles(dirs);
  const changed = listed.filter((file) => known.get(file.path) !== file.blob);
  const blobs = new Map(changed.map((file) => [file.path, file.blob]));
  const read = new Set<string>();
  let batch: IndexedFile[] = [];
  for await (const { path, text } of source.readFiles(changed)) {
    const scanned = scanActionItems(text, { frontMatter: 'title', ...(actionItemHeadings && { actionItemHeadings }) });
    batch.push({ path, blob: blobs.get(path) ?? '', title: scanned.title, items: scanned.actionItems });
    read.add(path);
    if (batch.length >= batchSize) {
      await progress.onBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await progress.onBatch(batch);
  return listed.filter((file) => read.has(file.path) || known.get(file.path) === file.blob).map((file) => file.path);
}
