import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { bareRemote, git, humanClone, refusePushes, remoteCommits, remoteFile, tempDir } from '../helpers/git-repos.ts';

const repoFor = (repo: string, dataDir = tempDir()) =>
  new SimpleGitRcaRepository({
    repo,
    dataDir,
    branch: 'main',
    authorName: 'Incident Scribe',
    authorEmail: 'scribe@example.com',
  });

const PATH = 'RCAs/2025-04-07-a.md';
const BRANCH = 'rca/2025-04-07-a';

describe('review branches', () => {
  it('continues the branch on every redraft instead of rebuilding it from main', async () => {
    const bare = bareRemote();
    const repo = repoFor(bare);
    await repo.prepare();

    const first = await repo.commitFile(PATH, '# A\n', 'Add A', BRANCH);
    const second = await repo.commitFile(PATH, '# A\n\nmore\n', 'Update A', BRANCH);

    expect([first, second].map((o) => o.committed && o.pushed)).toEqual([true, true]);
    expect(remoteCommits(bare, BRANCH)).toEqual(['Update A', 'Add A', 'seed']);
    expect(remoteFile(bare, PATH)).toBeNull();
  });

  it('reads the draft from the branch, with what people pushed to it', async () => {
    const bare = bareRemote();
    const repo = repoFor(bare);
    await repo.prepare();
    await repo.commitFile(PATH, '# A\n', 'Add A', BRANCH);
    const human = humanClone(bare, BRANCH);
    writeFileSync(join(human, PATH), '# A\n\nA human wrote this.\n');
    git(human, 'commit', '-qam', 'Human edit');
    git(human, 'push', '-q', 'origin', BRANCH);

    expect(await repo.pull(BRANCH)).toBe(true);
    const read = await repo.readFile(PATH, BRANCH);
    const outcome = await repo.commitFile(PATH, `${read}\nBot addition.\n`, 'Update A', BRANCH);

    expect(read).toBe('# A\n\nA human wrote this.\n');
    expect(await repo.readOwnLastVersion(PATH, BRANCH)).toBe('# A\n\nA human wrote this.\n\nBot addition.\n');
    expect(outcome).toMatchObject({ committed: true, pushed: true });
    expect(remoteCommits(bare, BRANCH)).toEqual(['Update A', 'Human edit', 'Add A', 'seed']);
    expect(await repo.pushPending()).toBe(0);
  });

  it('replays on the branch when someone pushed to it after the last pull, without force', async () => {
    const bare = bareRemote();
    const repo = repoFor(bare);
    await repo.prepare();
    await repo.commitFile(PATH, '# A\n\nbot\n', 'Add A', BRANCH);
    const human = humanClone(bare, BRANCH);
    writeFileSync(join(human, 'RCAs/notes.md'), 'notes\n');
    git(human, 'add', '.');
    git(human, 'commit', '-qm', 'Human notes');
    git(human, 'push', '-q', 'origin', BRANCH);

    const outcome = await repo.commitFile(PATH, '# A\n\nbot, again\n', 'Update A', BRANCH);

    expect(outcome).toMatchObject({ committed: true, pushed: true });
    expect(remoteCommits(bare, BRANCH)).toEqual(['Update A', 'Human notes', 'Add A', 'seed']);
    expect(remoteFile(bare, 'RCAs/notes.md', BRANCH)).toBe('notes\n');
  });

  it('keeps the human version on a conflict, sets its own commit aside, and leaves nothing pending', async () => {
    const bare = bareRemote();
    const repo = repoFor(bare);
    await repo.prepare();
    await repo.commitFile(PATH, '# A\n\nline\n', 'Add A', BRANCH);
    const human = humanClone(bare, BRANCH);
    writeFileSync(join(human, PATH), '# A\n\nhuman line\n');
    git(human, 'commit', '-qam', 'Human edit');
    git(human, 'push', '-q', 'origin', BRANCH);

    const outcome = await repo.commitFile(PATH, '# A\n\nbot line\n', 'Update A', BRANCH);

    expect(outcome).toMatchObject({ committed: true, pushed: false, pushFailure: 'conflict' });
    expect(remoteFile(bare, PATH, BRANCH)).toBe('# A\n\nhuman line\n');
    expect(await repo.readFile(PATH, BRANCH)).toBe('# A\n\nhuman line\n');
    expect(await repo.pushPending()).toBe(0);
    const aside = outcome.committed ? outcome.setAside! : '';
    expect(git(join(repo.dir), 'show', `${aside}:${PATH}`)).toBe('# A\n\nbot line\n');
  });

  it('says a refused push is refused, not unreachable', async () => {
    const bare = bareRemote();
    const repo = repoFor(bare);
    await repo.prepare();
    refusePushes(bare, 'GH006: Protected branch update failed for refs/heads/main.');

    const outcome = await repo.commitFile(PATH, '# A\n', 'Add A');

    expect(outcome).toMatchObject({ committed: true, pushed: false, pushFailure: 'refused' });
    expect(outcome.committed && outcome.pushError).toMatch(/hook declined|Protected branch/);
    expect(repo.state.remote).toBe('reachable');
  });

  it('pushes the branch again after the remote deleted it (a merged review), with no stale lease', async () => {
    const bare = bareRemote();
    const repo = repoFor(bare);
    await repo.prepare();
    await repo.commitFile(PATH, '# A\n', 'Add A', BRANCH);
    git(bare, 'branch', '-D', BRANCH);

    const outcome = await repo.commitFile(PATH, '# A\n\nredrafted\n', 'Update A', BRANCH);

    expect(outcome).toMatchObject({ committed: true, pushed: true });
    expect(remoteFile(bare, PATH, BRANCH)).toBe('# A\n\nredrafted\n');
    expect(await repo.pull(BRANCH)).toBe(true);
    expect(await repo.pushPending()).toBe(0);
  });

  it('starts the branch again from main once its review was merged and the branch deleted', async () => {
    const bare = bareRemote();
    const repo = repoFor(bare);
    await repo.prepare();
    await repo.commitFile(PATH, '# A\n', 'Add A', BRANCH);
    const human = humanClone(bare);
    git(human, 'fetch', '-q', 'origin', BRANCH);
    git(human, 'merge', '-q', '--no-ff', '-m', 'Merge the review', `origin/${BRANCH}`);
    writeFileSync(join(human, PATH), '# A\n\nedited on main after the merge\n');
    git(human, 'commit', '-qam', 'Edit on main');
    git(human, 'push', '-q', 'origin', 'main');
    git(bare, 'branch', '-D', BRANCH);

    await repo.pull(BRANCH);

    expect(await repo.readFile(PATH, BRANCH)).toBe('# A\n\nedited on main after the merge\n');
  });

  it('leaves the working tree on main while it writes a branch', async () => {
    const bare = bareRemote();
    const repo = repoFor(bare);
    await repo.prepare();

    await repo.commitFile(PATH, '# A\n', 'Add A', BRANCH);

    expect(git(repo.dir, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
    expect(() => readFileSync(join(repo.dir, PATH))).toThrow();
  });
});
