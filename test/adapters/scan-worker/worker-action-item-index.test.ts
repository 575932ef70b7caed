import { afterAll, describe, expect, it } from 'vitest';
import { GitBlobSource } from '#adapters/git/git-blob-source.ts';
import { WorkerActionItemIndex } from '#adapters/scan-worker/worker-action-item-index.ts';
import { privateRepoFile } from '#domain/private-incident.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import { buildConfig } from '../../helpers/build-config.ts';
import { git, tempDir } from '../../helpers/git-repos.ts';
import { rcaWithActions, repoWith, writeFiles } from '../../helpers/rca-files.ts';
import { noteSkipped, STORE_FACTORIES } from '../../helpers/stores.ts';

const files = Object.fromEntries(
  Array.from({ length: 9 }, (_, i) => [
    `RCAs/2025-03-0${i + 1}-incident.md`,
    rcaWithActions(`Incident ${i}`, [
      [`Fix ${i}`, '<@U0ANA>', '2025-04-07'],
      [`Alert ${i}`, 'Platform Team', i % 2 === 0 ? '2025-03-01' : 'soon'],
    ]),
  ]),
);

const request = { today: '2025-04-07', lastRun: '2025-04-06', policy: buildConfig().reminders, snoozes: new Map() };
const ana = { userId: 'U0ANA', name: 'ana', email: null };

/** Starts indexes on threads of their own, each stopped after the file's tests. */
function startedIndexes() {
  const indexes: WorkerActionItemIndex[] = [];
  afterAll(async () => {
    for (const index of indexes) await index.close();
  });
  return (spec: ConstructorParameters<typeof WorkerActionItemIndex>[0]) => {
    const index = new WorkerActionItemIndex(spec);
    indexes.push(index);
    return index;
  };
}

for (const factory of STORE_FACTORIES) {
  noteSkipped(factory);
  describe.skipIf(!factory.available)(
    `WorkerActionItemIndex, the index on a thread of its own, on ${factory.name}`,
    () => {
      const started = startedIndexes();

      it('answers each query as the same index on this thread does', async () => {
        const dir = repoWith(files);
        const { store } = await factory.create();
        const worker = started({ source: { kind: 'git', dir }, dirs: ['RCAs'], cache: store.location! });
        const here = new RcaIndex(scanInProcess(new GitBlobSource(dir)), null, ['RCAs']);

        expect(await worker.refresh()).toEqual({ files: 9, parsed: 9 });
        await here.refresh();

        const plan = await worker.plan(request);
        expect(plan).toEqual(await here.plan(request));
        expect([...plan.reminders.keys()]).toEqual(['<@U0ANA>']);
        expect(plan.needsAttention.map((i) => i.action)).toContain('Alert 1');
        expect(await worker.digest('platform team', '2025-04-07')).toEqual(
          await here.digest('platform team', '2025-04-07'),
        );
        expect((await worker.ownedBy(ana, {})).map((i) => i.action)).toEqual(
          Array.from({ length: 9 }, (_, i) => `Fix ${i}`),
        );
        await store.close();
      });

      it('loads the scan cache on its thread after a restart, reads nothing again, and forgets files that are gone', async () => {
        const dir = repoWith(files);
        const { store } = await factory.create();
        const first = started({ source: { kind: 'git', dir }, dirs: ['RCAs'], cache: store.location! });
        await first.refresh();
        await first.close();
        git(dir, 'rm', '-q', 'RCAs/2025-03-01-incident.md');
        git(dir, 'commit', '-qm', 'gone');

        const restarted = started({ source: { kind: 'git', dir }, dirs: ['RCAs'], cache: store.location! });

        expect(await restarted.refresh()).toEqual({ files: 8, parsed: 0 });
        expect((await store.loadScanCache()).map((row) => row.path)).not.toContain('RCAs/2025-03-01-incident.md');
        expect((await restarted.ownedBy(ana, {})).map((i) => i.action)).not.toContain('Fix 0');
        await store.close();
      });

      it("keeps the private repository's rows under its scope, and names its files as the private repository's", async () => {
        const dir = repoWith(files);
        const { store } = await factory.create();
        const spec = { source: { kind: 'git', dir } as const, dirs: ['RCAs'], cache: store.location! };
        const main = started(spec);
        const secret = started({ ...spec, scope: 'private-repo', privateRepo: true });

        await Promise.all([main.refresh(), secret.refresh()]);

        const paths = (await store.loadScanCache()).map((row) => row.path);
        expect(paths).toHaveLength(18);
        expect(paths).toContain('/private-repo/RCAs/2025-03-01-incident.md');
        expect((await secret.ownedBy(ana, {}))[0]!.file).toBe(privateRepoFile('RCAs/2025-03-01-incident.md'));
        expect((await secret.plan(request)).reminders.get('<@U0ANA>')![0]!.key).toMatch(/^\/private-repo\/RCAs\//);
        await store.close();
      });
    },
  );
}

describe('WorkerActionItemIndex, with no scan cache', () => {
  const started = startedIndexes();

  it('finds the same items reading the working tree as reading blobs through git cat-file', async () => {
    const dir = repoWith(files);
    const tree = started({ source: { kind: 'git', dir, reading: 'working-tree' }, dirs: ['RCAs'] });
    const blobs = started({ source: { kind: 'git', dir, reading: 'blobs' }, dirs: ['RCAs'] });

    await Promise.all([tree.refresh(), blobs.refresh()]);

    expect(await blobs.plan(request)).toEqual(await tree.plan(request));
    expect(await blobs.ownedBy(ana, {})).toEqual(await tree.ownedBy(ana, {}));
    expect(await tree.ownedBy(ana, {})).toHaveLength(9);
  });

  it('reads a commit made after its thread started, and only that file', async () => {
    const dir = repoWith(files);
    const index = started({ source: { kind: 'git', dir }, dirs: ['RCAs'] });
    await index.refresh();
    writeFiles(dir, { 'RCAs/2025-04-01-late.md': rcaWithActions('Late', [['Late fix', '<@U0ANA>', '2025-06-01']]) });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'late');

    expect(await index.refresh()).toEqual({ files: 10, parsed: 1 });
    expect((await index.ownedBy(ana, {})).map((i) => i.action)).toContain('Late fix');
  });

  it('rejects with what to check when the repository cannot be read', async () => {
    const index = started({ source: { kind: 'git', dir: tempDir() }, dirs: ['RCAs'] });

    await expect(index.refresh()).rejects.toThrow(/check that it is a git repository/);
  });
});

describe('WorkerActionItemIndex, when its thread stops', () => {
  it('starts another thread, whose index loads what it holds again', async () => {
    const dir = repoWith(files);
    const index = new WorkerActionItemIndex({ source: { kind: 'git', dir }, dirs: ['RCAs'] });
    await index.refresh();
    const pool = (index as unknown as { pool: { threads: { terminate(): Promise<number> }[] } }).pool;

    await pool.threads[0]!.terminate();

    await expect.poll(async () => (await index.refresh()).parsed).toBe(9);
    await index.close();
  });
});
