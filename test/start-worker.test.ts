import { describe, expect, it } from 'vitest';
import { startWorker } from '#src/start-worker.ts';

describe('startWorker', () => {
  it('runs a TypeScript worker from the sources, with the imports aliases resolving to src/', async () => {
    const worker = startWorker(new URL('./fixtures/workers/slug-worker.ts', import.meta.url), {
      workerData: 'Checkout Latency',
    });

    const message = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();

    expect(message).toBe('checkout-latency');
  });
});
