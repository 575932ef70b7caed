import { describe, expect, it } from 'vitest';
import type { RcaFileInfo } from '#src/ports.ts';
import type { ScanCache } from '#src/ports/store/scan-cache.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import type { ScanSource } from '#use-cases/scan-rca-files.ts';
import { buildConfig } from '../helpers/build-config.ts';
import { rcaWithActions } from '../helpers/rca-files.ts';

/** A refresh's counts, with the files the index holds after it. */
const refreshed = async (index: RcaIndex) => ({ ...(await index.refresh()), files: index.held() });

/** Files in memory, keyed by their text as a blob would be; counts what it is asked to read. */
function memorySource(files: Map<string, string>) {
  const reads: string[] = [];
  const source: ScanSource = {
    async listFiles(): Promise<RcaFileInfo[]> {
      return [...files].map(([path, text]) => ({ path, blob: `blob:${text.length}:${text.slice(-30)}` }));
    },
    async *readFiles(wanted) {
      for (const { path } of wanted) {
        reads.push(path);
        const text = files.get(path);
        if (text !== undefined) yield { path, text };
      }
    },
  };
  return { source, reads };
}

/** A scan cache in memory that records each call, so a test can see how the writes were split. */
function memoryCache() {
  const rows = new Map<string, { path: string; blob: string; data: string }>();
  const saves: number[] = [];
  const deletes: string[][] = [];
  const cache: ScanCache = {
    async loadScanCache() {
      return [...rows.values()];
    },
    async saveScanEntries(entries) {
      saves.push(entries.length);
      for (const row of entries) rows.set(row.path, row);
    },
    async deleteScanPaths(paths) {
      deletes.push(paths);
      for (const path of paths) rows.delete(path);
    },
  };
  return { cache, rows, saves, deletes };
}

const BULLETS =
  '# Outage\n\n## Action Items\n\n- Better monitoring of namespaces.\n- Add an alert (@ops, due 2025-05-01)\n';

const corpus = (count: number) =>
  new Map(
    Array.from({ length: count }, (_, i) => [
      `RCAs/${String(i).padStart(4, '0')}.md`,
      rcaWithActions(`Incident ${i}`, [[`Fix ${i}`, '@ana', '2025-04-07']]),
    ]),
  );

describe('RcaIndex', () => {
  it('saves a cold scan batch by batch as it goes, never the whole cache in one write', async () => {
    const { source } = memorySource(corpus(250));
    const { cache, saves, rows } = memoryCache();

    const { files, parsed } = await refreshed(new RcaIndex(scanInProcess(source), cache, ['RCAs']));

    expect(parsed).toBe(250);
    expect(files.map((f) => f.items[0]?.action)).toEqual(Array.from({ length: 250 }, (_, i) => `Fix ${i}`));
    expect(saves).toEqual([100, 100, 50]);
    expect(rows.size).toBe(250);
  });

  it('after a restart reads nothing that the cache holds at the same blob', async () => {
    const files = corpus(30);
    const { cache } = memoryCache();
    await refreshed(new RcaIndex(scanInProcess(memorySource(files).source), cache, ['RCAs']));
    files.set('RCAs/0007.md', rcaWithActions('Incident 7', [['Fix 7 again', '@ana', '2025-04-07']]));
    const restarted = memorySource(files);

    const { files: indexed, parsed } = await refreshed(new RcaIndex(scanInProcess(restarted.source), cache, ['RCAs']));

    expect(restarted.reads).toEqual(['RCAs/0007.md']);
    expect(parsed).toBe(1);
    expect(indexed.find((f) => f.path === 'RCAs/0007.md')?.items[0]?.action).toBe('Fix 7 again');
    expect(indexed).toHaveLength(30);
  });

  it('forgets files that are gone, in the index and in the cache', async () => {
    const files = corpus(5);
    const { cache, rows, deletes } = memoryCache();
    const index = new RcaIndex(scanInProcess(memorySource(files).source), cache, ['RCAs']);
    await refreshed(index);
    files.delete('RCAs/0002.md');

    const { files: indexed } = await refreshed(index);

    expect(indexed.map((f) => f.path)).toEqual(['RCAs/0000.md', 'RCAs/0001.md', 'RCAs/0003.md', 'RCAs/0004.md']);
    expect(deletes).toEqual([['RCAs/0002.md']]);
    expect(rows.has('RCAs/0002.md')).toBe(false);
  });

  it('answers its queries over the files as it names them, so a renamed file keys its items by its new name', async () => {
    const files = new Map([['RCAs/a.md', rcaWithActions('Outage', [['Fix it', '<@U0ANA>', '2025-04-07']])]]);
    const index = new RcaIndex(
      scanInProcess(memorySource(files).source),
      null,
      ['RCAs'],
      undefined,
      '',
      (path) => `/other/${path}`,
    );
    const run = { today: '2025-04-07', lastRun: '2025-04-06', policy: buildConfig().reminders, snoozes: new Map() };

    const before = await index.ownedBy({ userId: 'U0ANA', name: null, email: null }, {});
    await index.refresh();

    expect(before).toEqual([]);
    expect((await index.ownedBy({ userId: 'U0ANA', name: null, email: null }, {})).map((i) => i.file)).toEqual([
      '/other/RCAs/a.md',
    ]);
    expect((await index.plan(run)).reminders.get('<@U0ANA>')?.map((i) => i.key)).toEqual(['/other/RCAs/a.md#fix it']);
    expect((await index.digest('<@u0ana>', '2025-04-07')).soon.map((i) => i.file)).toEqual(['/other/RCAs/a.md']);
    expect(index.held().map((f) => f.path)).toEqual(['/other/RCAs/a.md']);
  });

  it('runs refreshes one at a time, so two callers never scan the same files at once', async () => {
    const { source, reads } = memorySource(corpus(20));
    const index = new RcaIndex(scanInProcess(source), null, ['RCAs']);

    const [first, second] = await Promise.all([refreshed(index), refreshed(index)]);

    expect(first.parsed).toBe(20);
    expect(second.parsed).toBe(0);
    expect(reads).toHaveLength(20);
  });

  it('reads again a file cached by an older scanner, so bullet lists it could not read are not lost', async () => {
    const files = new Map([['RCAs/a.md', BULLETS]]);
    const { source } = memorySource(files);
    const [listed] = await source.listFiles([]);
    const { cache, rows } = memoryCache();
    rows.set('RCAs/a.md', {
      path: 'RCAs/a.md',
      blob: listed!.blob,
      data: JSON.stringify({ title: 'Outage', items: [] }),
    });

    const { files: indexed, parsed } = await refreshed(new RcaIndex(scanInProcess(source), cache, ['RCAs']));

    expect(parsed).toBe(1);
    expect(indexed[0]!.items.map((i) => i.action)).toEqual(['Better monitoring of namespaces.', 'Add an alert']);
  });

  it('keeps what it cached itself across restarts, and reads again when the headings change', async () => {
    const { source } = memorySource(new Map([['RCAs/a.md', BULLETS.replace('Action Items', 'Improvements')]]));
    const { cache } = memoryCache();
    await refreshed(new RcaIndex(scanInProcess(source), cache, ['RCAs']));

    const restarted = await refreshed(new RcaIndex(scanInProcess(source), cache, ['RCAs']));
    const otherHeadings = await refreshed(new RcaIndex(scanInProcess(source), cache, ['RCAs'], ['Improvements']));

    expect(restarted.parsed).toBe(0);
    expect(restarted.files[0]!.items).toEqual([]);
    expect(otherHeadings.parsed).toBe(1);
    expect(otherHeadings.files[0]!.items).toHaveLength(2);
  });
});
