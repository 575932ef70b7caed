import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RcaRepoSetupError } from '#adapters/git/rca-repo-setup-error.ts';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { bareRemote, git, remoteCommits, remoteFile, tempDir } from '../helpers/git-repos.ts';
import { startHttpGitServer } from '../helpers/http-git-server.ts';

const repoFor = (repo: string, env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] }) =>
  new SimpleGitRcaRepository({
    repo,
    dataDir: tempDir(),
    branch: 'main',
    authorName: 'Incident Scribe',
    authorEmail: 'scribe@example.com',
    env,
  });

describe('the first start against the RCA remote', () => {
  const servers: { close(): void }[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });

  it('refuses a path that does not exist, naming RCA_REPO and what to do', async () => {
    const repo = repoFor('/nowhere/postmortems.git');

    const error = await repo.prepare().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RcaRepoSetupError);
    expect((error as Error).message).toMatch(
      /^RCA_REPO is \/nowhere\/postmortems\.git, and there is no such directory/,
    );
  });

  it('refuses a remote that answers "repository not found"', async () => {
    const { url, server } = await startHttpGitServer(404);
    servers.push(server);

    const error = await repoFor(url)
      .prepare()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RcaRepoSetupError);
    expect((error as Error).message).toContain(`I tried \`git clone ${url}\``);
    expect((error as Error).message).toMatch(/no such repository/);
  });

  it('refuses credentials the remote turns down, and says where the token and the deploy key go', async () => {
    const { url, server } = await startHttpGitServer(401);
    servers.push(server);

    const error = await repoFor(url, { PATH: process.env['PATH'], RCA_REPO_TOKEN: 'ghp_wrongwrongwrong' })
      .prepare()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RcaRepoSetupError);
    expect((error as Error).message).toMatch(/refused the credentials.*RCA_REPO_TOKEN.*deploy key/s);
    expect((error as Error).message).not.toContain('ghp_wrongwrongwrong');
  });

  it('starts when the remote cannot be reached, commits locally, and joins the remote once it answers', async () => {
    const bare = bareRemote({ 'RCAs/old.md': '# Old\n' });
    renameSync(bare, `${bare}.offline`);
    const repo = repoFor(`file://${bare}`);

    await repo.prepare();
    const offline = await repo.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'Add A');
    const stillPending = await repo.pushPending();
    renameSync(`${bare}.offline`, bare);
    const pendingAfter = await repo.pushPending();
    const pulled = await repo.pull();

    expect(offline).toMatchObject({ committed: true, pushed: false, pushFailure: 'unreachable' });
    expect(stillPending).toBe(1);
    expect(repo.state.remote).toBe('reachable');
    expect(pendingAfter).toBe(0);
    expect(pulled).toBe(true);
    expect(remoteFile(bare, 'RCAs/2025-04-07-a.md')).toBe('# A\n');
    expect(remoteFile(bare, 'RCAs/old.md')).toBe('# Old\n');
    expect(remoteCommits(bare, 'main')).toContain('seed');
    expect(existsSync(join(repo.dir, 'RCAs/old.md'))).toBe(true);
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
  });

  it('says the remote is unreachable until it answers', async () => {
    const bare = bareRemote();
    renameSync(bare, `${bare}.offline`);
    const repo = repoFor(`file://${bare}`);

    await repo.prepare();
    const before = repo.state;
    renameSync(`${bare}.offline`, bare);
    await repo.pull();

    expect(before).toMatchObject({ remote: 'unreachable' });
    expect(before.detail).toMatch(/does not appear to be a git repository|Could not read/);
    expect(repo.state.remote).toBe('reachable');
    expect(existsSync(join(repo.dir, 'README.md'))).toBe(true);
  });
});
