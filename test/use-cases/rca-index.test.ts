import { describe, expect, it } from 'vitest';
import { RcaIndex, type ScanCache } from '#use-cases/rca-index.ts';

const BULLETS =
  '# Outage\n\n## Action Items\n\n- Better monitoring of namespaces.\n- Add an alert (@ops, due 2025-05-01)\n';

function memorySource(files: Record<string, string>) {
  const reads: string[] = [];
  return {
    reads,
    async listFiles() {
      return Object.keys(files).map((path) => ({ path, blob: 'blob-1' }));
    },
    async readFile(path: string) {
      reads.push(path);
      return files[path] ?? null;
    },
  };
}

function memoryCache(rows: { path: string; blob: string; data: string }[]): ScanCache & { rows: typeof rows } {
  return {
    rows,
    async loadScanCache() {
      return rows;
    },
    async saveScanEntries(entries) {
      for (const entry of entries) {
        const at = rows.findIndex((r) => r.path === entry.path);
        if (at === -1) rows.push(entry);
        else rows[at] = entry;
      }
    },
    async deleteScanPaths(paths) {
      rows.splice(0, rows.length, ...rows.filter((r) => !paths.includes(r.path)));
    },
  };
}

describe('RcaIndex', () => {
  it('reads again a file cached by an older scanner, so bullet lists it could not read are not lost', async () => {
    const source = memorySource({ 'RCAs/a.md': BULLETS });
    const cache = memoryCache([
      { path: 'RCAs/a.md', blob: 'blob-1', data: JSON.stringify({ title: 'Outage', items: [] }) },
    ]);

    const { files, parsed } = await new RcaIndex(source, cache, ['RCAs']).refresh();

    expect(parsed).toBe(1);
    expect(files[0]!.items.map((i) => i.action)).toEqual(['Better monitoring of namespaces.', 'Add an alert']);
  });

  it('keeps what it cached itself across restarts, and reads again when the headings change', async () => {
    const source = memorySource({ 'RCAs/a.md': BULLETS.replace('Action Items', 'Improvements') });
    const cache = memoryCache([]);
    await new RcaIndex(source, cache, ['RCAs']).refresh();

    const restarted = await new RcaIndex(source, cache, ['RCAs']).refresh();
    const otherHeadings = await new RcaIndex(source, cache, ['RCAs'], ['Improvements']).refresh();

    expect(restarted.parsed).toBe(0);
    expect(restarted.files[0]!.items).toEqual([]);
    expect(otherHeadings.parsed).toBe(1);
    expect(otherHeadings.files[0]!.items).toHaveLength(2);
  });
});
