import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { bareRemote, git, remoteFile, remoteLog, tempDir } from '../helpers/git-repos.ts';

const repoFor = (repo: string, dataDir = tempDir()) =>
  new SimpleGitRcaRepository({
    repo,
    dataDir,
    branch: 'main',
    authorName: 'Incident Scribe',
    authorEmail: 'scribe@example.com',
  });

describe('SimpleGitRcaRepository', () => {
  it('creates a local repository under the data directory when none is configured', async () => {
    const dataDir = tempDir();
    const repo = repoFor('', dataDir);
    await repo.prepare();

    const outcome = await repo.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'RCA draft: A');

    expect(outcome).toMatchObject({ committed: true, pushed: true });
    expect(git(join(dataDir, 'rca-repo'), 'log', '--format=%an <%ae> %s').trim()).toBe(
      'Incident Scribe <scribe@example.com> RCA draft: A',
    );
  });

  it('commits and pushes to a bare remote, exactly one commit', async () => {
    const bare = bareRemote();
    const repo = repoFor(bare);
    await repo.prepare();

    await repo.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'RCA draft: A');

    expect(remoteFile(bare, 'RCAs/2025-04-07-a.md')).toBe('# A\n');
    expect(remoteLog(bare)).toEqual(['RCA draft: A', 'seed']);
  });

  it('lets two writers race: both commits land', async () => {
    const bare = bareRemote();
    const one = repoFor(bare);
    const two = repoFor(bare);
    await Promise.all([one.prepare(), two.prepare()]);

    const outcomes = await Promise.all([
      one.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'RCA draft: A'),
      two.commitFile('RCAs/2025-04-07-b.md', '# B\n', 'RCA draft: B'),
    ]);

    expect(outcomes.map((o) => o.committed && o.pushed)).toEqual([true, true]);
    expect(remoteFile(bare, 'RCAs/2025-04-07-a.md')).toBe('# A\n');
    expect(remoteFile(bare, 'RCAs/2025-04-07-b.md')).toBe('# B\n');
    expect(remoteLog(bare).sort()).toEqual(['RCA draft: A', 'RCA draft: B', 'seed']);
  });

  it('leaves the loser of a race with a clean working tree at the remote tip, history linear', async () => {
    const bare = bareRemote();
    const one = repoFor(bare);
    const two = repoFor(bare);
    await Promise.all([one.prepare(), two.prepare()]);

    await Promise.all([
      one.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'RCA draft: A'),
      two.commitFile('RCAs/2025-04-07-b.md', '# B\n', 'RCA draft: B'),
    ]);

    const tip = git(bare, 'rev-parse', 'main').trim();
    const loser = [one, two].find((r) => git(r.dir, 'rev-parse', 'HEAD').trim() === tip)!;
    expect(loser).toBeDefined();
    expect(git(loser.dir, 'status', '--porcelain')).toBe('');
    expect(await loser.readFile('RCAs/2025-04-07-a.md')).toBe('# A\n');
    expect(await loser.readFile('RCAs/2025-04-07-b.md')).toBe('# B\n');
    expect(git(bare, 'rev-list', '--merges', '--count', 'main').trim()).toBe('0');
  });

  it('keeps the commit when the remote is unreachable, and pushes it once it is back, even after a restart', async () => {
    const bare = bareRemote();
    const dataDir = tempDir();
    const repo = repoFor(bare, dataDir);
    await repo.prepare();
    renameSync(bare, `${bare}.offline`);

    const outcome = await repo.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'RCA draft: A');
    const stillPending = await repo.pushPending();
    const restarted = repoFor(bare, dataDir);
    await restarted.prepare();
    renameSync(`${bare}.offline`, bare);
    const pendingAfter = await restarted.pushPending();

    expect(outcome).toMatchObject({ committed: true, pushed: false });
    expect(stillPending).toBe(1);
    expect(pendingAfter).toBe(0);
    expect(remoteFile(bare, 'RCAs/2025-04-07-a.md')).toBe('# A\n');
  });

  it('pushes a review branch when asked, leaving main alone', async () => {
    const bare = bareRemote();
    const repo = repoFor(bare);
    await repo.prepare();

    await repo.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'RCA draft: A', 'rca/2025-04-07-a');

    expect(remoteFile(bare, 'RCAs/2025-04-07-a.md', 'rca/2025-04-07-a')).toBe('# A\n');
    expect(remoteFile(bare, 'RCAs/2025-04-07-a.md')).toBeNull();
  });

  it('refuses to write outside the repository', async () => {
    const repo = repoFor('');
    await repo.prepare();

    await expect(repo.commitFile('../../etc/passwd', 'x', 'nope')).rejects.toThrow(/outside the RCA repository/);
    await expect(repo.commitFile('.git/config', 'x', 'nope')).rejects.toThrow(/outside the RCA repository/);
  });

  it('keeps credentials in a URL out of .git/config', async () => {
    const bare = bareRemote();
    const dataDir = tempDir();
    const repo = repoFor(`file://${bare}`, dataDir);
    await repo.prepare();
    const withCreds = new SimpleGitRcaRepository({
      repo: 'https://bot:s3cr3t-t0ken@git.example.com/acme/postmortems.git',
      dataDir: tempDir(),
      branch: 'main',
      authorName: 'a',
      authorEmail: 'b@c',
    });

    expect(withCreds.dir).toContain('rca-clone');
    expect(existsSync(join(dataDir, 'rca-clone/.git/config'))).toBe(true);
    expect(readFileSync(join(dataDir, 'rca-clone/.git/config'), 'utf8')).not.toContain('s3cr3t');
  });

  it('lists the markdown files under the RCA directories with their blob ids', async () => {
    const bare = bareRemote({
      'RCAs/a.md': '# A\n',
      'RCAs/sub/b.md': '# B\n',
      'Runbooks/r.md': '# R\n',
      'RCAs/notes.txt': 'x',
    });
    const repo = repoFor(bare);
    await repo.prepare();

    const files = await repo.listFiles(['RCAs']);

    expect(files.map((f) => f.path)).toEqual(['RCAs/a.md', 'RCAs/sub/b.md']);
    expect(files[0]!.blob).toMatch(/^[0-9a-f]{40}$/);
  });
});
