import { Piscina } from 'piscina';
import type { ActionItemIndex } from '#src/ports/action-item-index.ts';
import { workerEntry } from '#src/worker-entry.ts';
import type { IndexRequest, IndexThreadSpec } from './index-thread.ts';

/**
 * The bot's action-item index on a thread of its own (`index-thread.ts`), which keeps the files
 * between requests: the scan, the scan cache's load and writes, and the planning run there, and this
 * thread only sends the queries and takes in their answers (a plan, a digest, a person's items).
 * A piscina pool of exactly one thread, never let go while idle, so the index stays in it; requests
 * run there one at a time, in order. If the thread dies, the request under way rejects and piscina
 * starts another, whose index loads the scan cache again. The thread runs at a lower CPU priority
 * (`niceIncrement`, through piscina and `@napi-rs/nice` on Linux; the git processes it starts
 * inherit it), so on a busy machine the scheduler runs the thread that acks Slack first.
 */
export class WorkerActionItemIndex implements ActionItemIndex {
  private readonly pool: Piscina;

  constructor(
    private readonly spec: IndexThreadSpec,
    options: { niceIncrement?: number } = {},
  ) {
    const { filename, execArgv } = workerEntry(new URL('./index-thread.ts', import.meta.url));
    this.pool = new Piscina({
      filename,
      name: 'indexTask',
      minThreads: 1,
      maxThreads: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      niceIncrement: options.niceIncrement ?? 10,
      ...(execArgv ? { execArgv } : {}),
    });
  }

  refresh(): Promise<{ files: number; parsed: number }> {
    return this.call('refresh', []);
  }

  plan(...args: Parameters<ActionItemIndex['plan']>): ReturnType<ActionItemIndex['plan']> {
    return this.call('plan', args);
  }

  digest(...args: Parameters<ActionItemIndex['digest']>): ReturnType<ActionItemIndex['digest']> {
    return this.call('digest', args);
  }

  ownedBy(...args: Parameters<ActionItemIndex['ownedBy']>): ReturnType<ActionItemIndex['ownedBy']> {
    return this.call('ownedBy', args);
  }

  /** Stops the thread; a request under way rejects. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private call<T>(method: IndexRequest['method'], args: unknown[]): Promise<T> {
    return this.pool.run({ spec: this.spec, method, args } satisfies IndexRequest) as Promise<T>;
  }
}
