import { Piscina } from 'piscina';
import { describe, expect, it } from 'vitest';
import { workerEntry } from '#src/worker-entry.ts';

describe('workerEntry', () => {
  it('runs a TypeScript task on a thread from the sources, with the imports aliases resolving to src/', async () => {
    const { filename, execArgv } = workerEntry(new URL('./fixtures/workers/slug-worker.ts', import.meta.url));
    const pool = new Piscina({ filename, name: 'slug', maxThreads: 1, ...(execArgv && { execArgv }) });

    const slug = await pool.run('Checkout Latency');
    await pool.destroy();

    expect(filename.endsWith('slug-worker.ts')).toBe(true);
    expect(slug).toBe('checkout-latency');
  });

  it('leaves a JavaScript module as it is, with no loader', () => {
    const url = new URL('./fixtures/workers/plain.js', import.meta.url);

    expect(workerEntry(url)).toEqual({ filename: url.pathname });
  });
});
