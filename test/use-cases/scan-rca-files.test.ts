import { describe, expect, it } from 'vitest';
import type { IndexedFile } from '#domain/plan-reminders.ts';
import { scanRcaFiles } from '#use-cases/scan-rca-files.ts';
import { gitBlobId, MemoryRcaRepository } from '../helpers/memory-rca-repository.ts';
import { rcaWithActions } from '../helpers/rca-files.ts';

const a = rcaWithActions('A', [['Add an alert', 'bob', '2030-04-10']]);
const b = rcaWithActions('B', [['Write a runbook', 'cat', '2030-04-20']]);

describe('scanRcaFiles', () => {
  it('reads only the files whose blob changed and gives every path an index should hold', async () => {
    const repo = new MemoryRcaRepository('main', { 'RCAs/a.md': a, 'RCAs/b.md': b, 'other/c.md': a });
    const batches: IndexedFile[][] = [];

    const paths = await scanRcaFiles(
      repo.scanSource(),
      ['RCAs'],
      new Map([
        ['RCAs/a.md', gitBlobId(a)],
        ['RCAs/gone.md', 'x'],
      ]),
      { onBatch: (entries) => void batches.push(entries) },
    );

    expect(paths).toEqual(['RCAs/a.md', 'RCAs/b.md']);
    expect(batches.flat().map((f) => [f.path, f.title, f.items.map((i) => i.action)])).toEqual([
      ['RCAs/b.md', 'B', ['Write a runbook']],
    ]);
  });

  it('hands the files over in batches of the size asked for', async () => {
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`RCAs/${i}.md`, a]));
    const sizes: number[] = [];

    await scanRcaFiles(new MemoryRcaRepository('main', files).scanSource(), ['RCAs'], new Map(), {
      onBatch: (entries) => void sizes.push(entries.length),
      batchSize: 2,
    });

    expect(sizes).toEqual([2, 2, 1]);
  });
});
