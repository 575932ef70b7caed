import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { StoreLocation } from '#adapters/store/scan-cache-writer.ts';
import { workerEntry } from '#src/worker-entry.ts';
import type { RcaScanner } from '#use-cases/rca-index.ts';
import type { ScanProgress } from '#use-cases/scan-rca-files.ts';
import { filesFromScanRowsJson } from '#use-cases/scan-row.ts';
import type { ScanBatch, ScanSourceSpec, ScanTask } from './scan-task.ts';

type RunOptions = NonNullable<Parameters<Piscina['run']>[1]>;

export interface WorkerScannerOptions {
  /**
   * How long the worker stays up after a scan, so the next refresh (an App Home opened, a draft)
   * skips its start-up: about half a second from source, under the 100 ms an incremental scan is for.
   */
  idleMs?: number;
  batchSize?: number;
  /**
   * The store the worker saves the scan-cache rows in, on a connection of its own (`store.location`),
   * so this thread only takes the files in; each batch then reaches `onBatch` marked saved. None (a
   * store in memory): `onBatch` saves them.
   */
  cache?: StoreLocation | null;
}

/**
 * The reminder scan on a worker thread, through piscina: one thread, started on the first scan and
 * let go after `idleMs` (ten minutes) without one, started again if it ever dies. Batches come back as the worker
 * makes them (saved by the worker when it is given the store's location) and are handed to `onBatch`
 * one at a time on this thread; the worker waits for them to be taken in before it sends more than two ahead.
 */
export class WorkerRcaScanner implements RcaScanner {
  private readonly pool: Piscina;

  constructor(
    private readonly source: ScanSourceSpec,
    private readonly options: WorkerScannerOptions = {},
  ) {
    const { filename, execArgv } = workerEntry(new URL('./scan-task.ts', import.meta.url));
    this.pool = new Piscina({
      filename,
      name: 'scanTask',
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: options.idleMs ?? 10 * 60_000,
      ...(execArgv ? { execArgv } : {}),
    });
  }

  async scan(
    dirs: string[],
    known: ReadonlyMap<string, string>,
    progress: ScanProgress,
    actionItemHeadings?: readonly string[],
  ): Promise<string[]> {
    const { port1, port2 } = new MessageChannel();
    let saved: Promise<void> = Promise.resolve();
    let failure: unknown = null;
    port1.on('message', (batch: ScanBatch) => {
      saved = saved
        .then(() => progress.onBatch(filesFromScanRowsJson(batch.files), batch.saved))
        .catch((error: unknown) => {
          failure ??= error;
        })
        .then(() => port1.postMessage('ack'));
    });
    try {
      const task: ScanTask = {
        source: this.source,
        dirs,
        known: known instanceof Map ? known : new Map(known),
        ...(actionItemHeadings && { actionItemHeadings }),
        batchSize: this.options.batchSize ?? progress.batchSize ?? 100,
        ...(this.options.cache && { cache: this.options.cache }),
        port: port2,
      };
      // piscina's TransferList type is inferred from MessagePort.postMessage's last overload, which takes options.
      const transferList = [port2] as unknown as RunOptions['transferList'];
      const paths = (await this.pool.run(task, { transferList })) as string[];
      await saved;
      if (failure !== null) throw failure;
      return paths;
    } finally {
      port1.close();
    }
  }

  /** Stops the worker; a scan under way rejects. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
