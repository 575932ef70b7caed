import { type DigestGroups, digestGroups } from '#domain/digest-groups.ts';
import { type ItemOwner, type OwnedItem, ownedItems } from '#domain/owned-items.ts';
import { type IndexedFile, planReminders, type ReminderPlan } from '#domain/plan-reminders.ts';
import type { ActionItemIndex, PlanRequest } from '#src/ports/action-item-index.ts';
import type { ScanCache } from '#src/ports/store/scan-cache.ts';
import { BlobCache } from './blob-cache.ts';
import { scopeScanCache } from './scope-scan-cache.ts';
import { type ScanProgress, type ScanSource, scanRcaFiles } from './scan-rca-files.ts';
import { fromScanRow, scanReader, toScanRow } from './scan-row.ts';

/** Reads and scans the RCA files whose blob changed (see `scanRcaFiles`). */
export interface RcaScanner {
  scan(
    dirs: string[],
    known: ReadonlyMap<string, string>,
    progress: ScanProgress,
    actionItemHeadings?: readonly string[],
  ): Promise<string[]>;
}

/** A scanner on the calling thread: the bot's index thread's, and the command line's (nothing there waits on the event loop). */
export function scanInProcess(source: ScanSource): RcaScanner {
  return {
    scan: (dirs, known, progress, actionItemHeadings) =>
      scanRcaFiles(source, dirs, known, progress, actionItemHeadings),
  };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every RCA's action items, kept by git blob id: a refresh reads only files whose blob changed (the
 * store keeps the rest across restarts), and forgets files that are gone, so it never only grows.
 * What a scan yields is saved batch by batch as it arrives, each batch its own statement. Refreshes
 * run one at a time. The queries answer over the files as the last refresh left them, through the
 * domain's functions: the bot's index lives on a worker thread (`WorkerActionItemIndex`), with its
 * own connection to the store; the command line's and the tests' on their own thread.
 */
export class RcaIndex implements ActionItemIndex {
  private readonly files = new BlobCache<IndexedFile>();
  /** The files as the queries see them: named by `rename`, as of the last refresh. */
  private view: IndexedFile[] = [];
  private loaded = false;
  private running: Promise<unknown> = Promise.resolve();
  /** What the cached entries were read with: entries read by another scanner or other headings are read again. */
  private readonly reader: string;
  private readonly cache: ScanCache | null;

  /**
   * `scope` names the repository in the store's shared scan cache: '' for the main RCA repository,
   * another name (`private-repo`) for a second one, so neither index forgets the other's rows.
   * `rename`: how the queries name a file (the private repository's as `privateRepoFile` does), so an
   * answer's paths, item keys and snoozes say which repository an item lives in.
   */
  constructor(
    private readonly scanner: RcaScanner,
    cache: ScanCache | null,
    private readonly dirs: string[],
    private readonly actionItemHeadings?: readonly string[],
    scope = '',
    private readonly rename?: (path: string) => string,
  ) {
    this.reader = scanReader(actionItemHeadings);
    this.cache = cache && scopeScanCache(cache, scope);
  }

  refresh(): Promise<{ files: number; parsed: number }> {
    const next = this.running.then(
      () => this.scan(),
      () => this.scan(),
    );
    this.running = next.catch(() => undefined);
    return next;
  }

  /** The files as the last refresh left them, as the queries name them. */
  held(): IndexedFile[] {
    return this.view;
  }

  async plan(request: PlanRequest): Promise<ReminderPlan> {
    return planReminders({ ...request, files: this.view });
  }

  async digest(team: string, today: string): Promise<DigestGroups> {
    return digestGroups(this.view, team, today);
  }

  async ownedBy(me: ItemOwner, owners: Record<string, string>): Promise<OwnedItem[]> {
    return ownedItems(this.view, me, owners);
  }

  private async scan(): Promise<{ files: number; parsed: number }> {
    if (this.cache && !this.loaded) {
      const rows = await this.cache.loadScanCache();
      for (const [i, row] of rows.entries()) {
        const file = fromScanRow(row, this.reader);
        if (file) this.files.set(row.path, row.blob, file);
        if (i % 500 === 499) await yieldToEventLoop();
      }
      this.loaded = true;
    }
    const changed = new Map<string, { blob: string; value: IndexedFile }>();
    const cache = this.cache;
    const paths = await this.scanner.scan(
      this.dirs,
      this.files.blobs(),
      {
        onBatch: async (entries) => {
          for (const entry of entries) changed.set(entry.path, { blob: entry.blob, value: entry });
          if (cache) await cache.saveScanEntries(entries.map((entry) => toScanRow(entry, this.reader)));
          else await yieldToEventLoop();
        },
      },
      this.actionItemHeadings,
    );
    const removed = this.files.keep(paths, changed);
    if (cache && removed.length > 0) await cache.deleteScanPaths(removed);
    const files = this.files.values();
    const rename = this.rename;
    this.view = rename ? files.map((file) => ({ ...file, path: rename(file.path) })) : files;
    return { files: files.length, parsed: changed.size };
  }
}
