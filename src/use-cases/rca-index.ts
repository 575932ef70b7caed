import type { IndexedFile } from '#domain/plan-reminders.ts';
import { SCANNER_VERSION, scanActionItems } from '#rca/scan-action-items.ts';
import type { RcaFileInfo } from '#src/ports.ts';

export interface ScanSource {
  listFiles(dirs: string[]): Promise<RcaFileInfo[]>;
  readFile(path: string): Promise<string | null>;
}

export interface ScanCache {
  loadScanCache(): Promise<{ path: string; blob: string; data: string }[]>;
  saveScanEntries(entries: { path: string; blob: string; data: string }[]): Promise<void>;
  deleteScanPaths(paths: string[]): Promise<void>;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every RCA's action items, kept by git blob id: a refresh reads only files whose blob changed (the
 * store keeps the rest across restarts), and forgets files that are gone, so it never only grows.
 * Files are read with the fast scanner, yielding to the event loop as it goes so Slack is still acked.
 */
export class RcaIndex {
  private files = new Map<string, IndexedFile>();
  private loaded = false;

  /** What the cached entries were read with: entries read by another scanner or other headings are read again. */
  private readonly reader: string;

  constructor(
    private readonly source: ScanSource,
    private readonly cache: ScanCache | null,
    private readonly dirs: string[],
    private readonly actionItemHeadings?: readonly string[],
  ) {
    this.reader = `${SCANNER_VERSION}:${actionItemHeadings?.join('|') ?? ''}`;
  }

  async refresh(): Promise<{ files: IndexedFile[]; parsed: number }> {
    if (this.cache && !this.loaded) {
      const rows = await this.cache.loadScanCache();
      for (const [i, row] of rows.entries()) {
        const { reader, ...data } = JSON.parse(row.data) as Pick<IndexedFile, 'title' | 'items'> & { reader?: string };
        if (reader === this.reader) this.files.set(row.path, { path: row.path, blob: row.blob, ...data });
        if (i % 500 === 499) await yieldToEventLoop();
      }
      this.loaded = true;
    }
    const listed = await this.source.listFiles(this.dirs);
    const next = new Map<string, IndexedFile>();
    const changed: IndexedFile[] = [];
    const rows: { path: string; blob: string; data: string }[] = [];
    for (const file of listed) {
      const known = this.files.get(file.path);
      if (known && known.blob === file.blob) {
        next.set(file.path, known);
        continue;
      }
      const text = await this.source.readFile(file.path);
      if (text === null) continue;
      const scanned = scanActionItems(text, {
        frontMatter: 'title',
        ...(this.actionItemHeadings && { actionItemHeadings: this.actionItemHeadings }),
      });
      const entry: IndexedFile = { path: file.path, blob: file.blob, title: scanned.title, items: scanned.actionItems };
      next.set(file.path, entry);
      changed.push(entry);
      if (this.cache)
        rows.push({
          path: file.path,
          blob: file.blob,
          data: JSON.stringify({ title: entry.title, items: entry.items, reader: this.reader }),
        });
      if (changed.length % 10 === 0) await yieldToEventLoop();
    }
    const removed = [...this.files.keys()].filter((path) => !next.has(path));
    this.files = next;
    if (this.cache) {
      if (changed.length > 0) {
        await this.cache.saveScanEntries(rows);
      }
      if (removed.length > 0) await this.cache.deleteScanPaths(removed);
    }
    return { files: [...next.values()], parsed: changed.length };
  }
}
