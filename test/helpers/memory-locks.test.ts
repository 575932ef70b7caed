import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store.ts';

describe('MemoryLocks', () => {
  it('runs the holders of one name one at a time, in order, and lets the next in after a failure', async () => {
    const { roles } = createMemoryStore();
    const order: string[] = [];
    const step = (name: string, ms: number) => async () => {
      order.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`end ${name}`);
      if (name === 'b') throw new Error('b failed');
      return name;
    };

    const results = await Promise.allSettled([
      roles.locks.withLock('x', step('a', 20)),
      roles.locks.withLock('x', step('b', 1)),
      roles.locks.withLock('x', step('c', 1)),
    ]);

    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
