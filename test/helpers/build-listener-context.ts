import type { ListenerContext } from '#adapters/slack/listeners/listener-context.ts';
import type { ActionItemIndex } from '#src/ports/action-item-index.ts';
import type { TestBed } from './build-deps.ts';
import { MemoryUpdatePublisher } from './memory-update-publisher.ts';

/** What every listener is given, over a test bed's `Deps`, with the status updates it publishes recorded. */
export function buildListenerContext(
  bed: TestBed,
  options: { index?: ActionItemIndex } = {},
): { ctx: ListenerContext; updates: MemoryUpdatePublisher } {
  const updates = new MemoryUpdatePublisher();
  return { ctx: { deps: bed.deps, updates, ...(options.index ? { index: options.index } : {}) }, updates };
}
