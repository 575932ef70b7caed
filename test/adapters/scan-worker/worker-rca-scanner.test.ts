import { afterAll, describe, expect, it } from 'vitest';
import { GitBlobSource } from '#adapters/git/git-blob-source.ts';
import { WorkerRcaScanner } from '#adapters/scan-worker/worker-rca-scanner.ts';
import type { IndexedFile } from '#domain/plan-reminders.ts';
import { scanInProcess } from '#use-cases/rca-index.ts';
import { git, tempDir } from '../../helpers/git-repos.ts';
import { rcaWithActions, repoWith, writeFiles } from '../../helpers/rca-files.ts';

const files = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [
    `RCAs/2025-01-${String(i + 1).padStart(2, '0')}-incident.md`,
    rcaWithActions(`Incident ${i}`, [
      [`Fix ${i}`, '@ana', '2025-04-07'],
      [`Alert ${i}`, 'Platform Engineering', '2025-05-01'],
    ]),
  ]),
);

describe('WorkerRcaScanner, running from the TypeScript source', () => {
  const dir = repoWith(files);
  const scanners: WorkerRcaScanner[] = [];
  const scanner = (options: ConstructorParameters<typeof WorkerRcaScanner>[1] = {}) => {
    const created = new WorkerRcaScanner({ kind: 'git', dir }, options);
    scanners.push(created);
    return created;
  };
  afterAll(async () => {
    for (const s of scanners) await s.close();
  });

  it.each(['working-tree', 'blobs'] as const)(
    'finds the same action items on its thread as the scan on this one, in batches (%s)',
    async (reading) => {
      const batches: IndexedFile[][] = [];
      const inProcess: IndexedFile[] = [];
      const worker = new WorkerRcaScanner({ kind: 'git', dir, reading }, { batchSize: 5 });
      scanners.push(worker);

      const paths = await worker.scan(['RCAs'], new Map(), { onBatch: (b) => void batches.push(b) });
      const expectedPaths = await scanInProcess(new GitBlobSource(dir)).scan(['RCAs'], new Map(), {
        onBatch: (b) => void inProcess.push(...b),
      });

      expect(paths).toEqual(expectedPaths);
      expect(batches.map((b) => b.length)).toEqual([5, 5, 2]);
      expect(batches.flat()).toEqual(inProcess);
      expect(inProcess.flatMap((f) => f.items.map((i) => i.action))).toContain('Alert 11');
    },
  );

  it('re-reads only the files whose blob is not the one it is told it knows', async () => {
    const listed = await new GitBlobSource(dir).listFiles(['RCAs']);
    const known = new Map(listed.map((f) => [f.path, f.blob]));
    known.set(listed[3]!.path, 'an older blob');
    known.set('RCAs/deleted.md', 'gone');
    const read: string[] = [];

    const paths = await scanner().scan(['RCAs'], known, { onBatch: (b) => void read.push(...b.map((f) => f.path)) });

    expect(read).toEqual([listed[3]!.path]);
    expect(paths).toEqual(listed.map((f) => f.path));
  });

  it('resolves only after every batch has been saved, however slowly', async () => {
    const saved: string[] = [];

    await scanner({ batchSize: 2 }).scan(['RCAs'], new Map(), {
      onBatch: async (batch) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        saved.push(...batch.map((f) => f.path));
      },
    });

    expect(saved).toEqual(Object.keys(files).sort());
  });

  it('rejects with the error of a save that failed, and scans again afterwards', async () => {
    const reused = scanner({ batchSize: 4 });

    const failed = reused.scan(['RCAs'], new Map(), {
      onBatch: () => {
        throw new Error('database is locked');
      },
    });

    await expect(failed).rejects.toThrow('database is locked');
    expect(await reused.scan(['RCAs'], new Map(), { onBatch: () => undefined })).toHaveLength(12);
  });

  it('rejects with what to check when the repository cannot be read', async () => {
    const broken = new WorkerRcaScanner({ kind: 'git', dir: tempDir() });
    scanners.push(broken);

    await expect(broken.scan(['RCAs'], new Map(), { onBatch: () => undefined })).rejects.toThrow(
      /check that it is a git repository/,
    );
  });

  it('reads a commit made after the worker started', async () => {
    const reused = scanner();
    await reused.scan(['RCAs'], new Map(), { onBatch: () => undefined });
    const extra = rcaWithActions('Late', [['Late fix', '@bo', '2025-06-01']]);
    writeFiles(dir, { 'RCAs/2025-02-01-late.md': extra });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'late');
    const read: IndexedFile[] = [];

    const paths = await reused.scan(['RCAs'], new Map(), { onBatch: (b) => void read.push(...b) });

    expect(paths).toContain('RCAs/2025-02-01-late.md');
    expect(read.find((f) => f.path === 'RCAs/2025-02-01-late.md')?.items.map((i) => i.action)).toEqual(['Late fix']);
  });
});
