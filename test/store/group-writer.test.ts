import { describe, expect, it } from 'vitest';
import { GroupWriter } from '#adapters/store/group-writer.ts';

/** A write that waits until it is released, recording the batches it was given. */
function gatedWriter(concurrency: number) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const writer = new GroupWriter<number, number>(
    async (items) => {
      batches.push(items);
      await new Promise<void>((resolve) => gates.push(resolve));
      return items.map((i) => i * 10);
    },
    200,
    concurrency,
  );
  return { writer, batches, release: () => gates.shift()?.() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('grouped writes', () => {
  it('with one in flight, groups what arrives meanwhile into the next write', async () => {
    const { writer, batches, release } = gatedWriter(1);
    const results = [writer.submit(1), writer.submit(2), writer.submit(3)];
    await tick();
    expect(batches).toEqual([[1]]);
    release();
    await tick();
    expect(batches).toEqual([[1], [2, 3]]);
    release();
    expect(await Promise.all(results)).toEqual([10, 20, 30]);
  });

  it('with two allowed, starts a second write while the first waits, and groups the rest behind them', async () => {
    const { writer, batches, release } = gatedWriter(2);
    const results = [writer.submit(1)];
    results.push(writer.submit(2));
    await tick();
    expect(batches).toEqual([[1], [2]]);
    results.push(writer.submit(3), writer.submit(4));
    release();
    await tick();
    expect(batches).toEqual([[1], [2], [3, 4]]);
    release();
    release();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
  });

  it('fails only the batch whose write failed', async () => {
    let calls = 0;
    const writer = new GroupWriter<number, number>(async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
      return items;
    });
    const first = writer.submit(1);
    const second = writer.submit(2);
    await expect(first).rejects.toThrow('disk full');
    expect(await second).toBe(2);
  });
});

describe('grouped writes that wait first', () => {
  it('gathers what arrives within the delay into one write', async () => {
    const batches: number[][] = [];
    const writer = new GroupWriter<number, number>(
      async (items) => {
        batches.push(items);
        return items;
      },
      200,
      1,
      20,
    );
    const first = writer.submit(1);
    await new Promise((r) => setTimeout(r, 5));
    const second = writer.submit(2);
    expect(batches).toEqual([]);

    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(batches).toEqual([[1, 2]]);
  });
});
