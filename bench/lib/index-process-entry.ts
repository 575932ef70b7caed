// The bench's floor for the cold scan's event-loop delay (see `scan-in-own-process.ts`): the index's
// queries, answered in a process of its own, one at a time.
import { indexTask } from '#adapters/scan-worker/index-thread.ts';

let queue: Promise<unknown> = Promise.resolve();
process.on('message', (message: { id: number; request: Parameters<typeof indexTask>[0] }) => {
  queue = queue.then(async () => {
    try {
      process.send?.({ id: message.id, value: await indexTask(message.request) });
    } catch (error) {
      process.send?.({ id: message.id, error: String(error) });
    }
  });
});
process.on('disconnect', () => process.exit(0));
