import { join, resolve } from 'node:path';
import type { CommitOutcome, RcaFileInfo, RcaRepository } from '#src/ports.ts';
import { type CloneGitOptions, createCloneGit } from './clone-git.ts';
import { commitRcaFile } from './commit-rca-file.ts';
import { fetchBranches } from './fetch-branches.ts';
import type { GitClone, RemoteState } from './git-clone.ts';
import { revParse } from './git-refs.ts';
import { gitEnvironment, isRemoteUrl, splitCredentials } from './git-remote.ts';
import { integrateBranch, restartIfMerged } from './integrate-branch.ts';
import { changedPaths, listMarkdownFiles } from './list-clone-files.ts';
import { Mutex } from './mutex.ts';
import { prepareClone } from './prepare-clone.ts';
import { pushBranch } from './push-branch.ts';
import { readCloneFile, readOwnLastVersion } from './read-clone-file.ts';
import { unpushedBranches } from './unpushed-branches.ts';

export interface GitRepositoryOptions {
  /** RCA_REPO: a remote URL or a local path; empty: a repository of the bot's own under `dataDir`. */
  repo: string;
  dataDir: string;
  branch: string;
  authorName: string;
  authorEmail: string;
  env?: NodeJS.ProcessEnv;
  /** Attempts at a push that the remote rejected because it moved on (fetch the ref, replay, retry). */
  pushAttempts?: number;
  /** Told how long each git command took (`push`, `fetch`, `merge-tree`…): the bench's steps. */
  onCommand?: (command: string, ms: number) => void;
}

/**
 * The RCA repository through simple-git: a working clone under the data directory, checked out on
 * the main branch. Review branches are written without a checkout (a temporary index, `commit-tree`,
 * `update-ref`), so the working tree of a large repository is never switched. A push the remote
 * rejects because it moved on fetches that one ref and replays the commit on the new tip with
 * `merge-tree` + `commit-tree`; an unreachable remote leaves the commit in the clone, and
 * `pushPending` (on a schedule and at start) pushes it later, so a restart loses nothing. The work is
 * done by the functions beside this file, over the shared `GitClone`; this class keeps the port and
 * the one-writer lock.
 */
export class SimpleGitRcaRepository implements RcaRepository {
  readonly dir: string;
  private readonly clone: GitClone;
  private readonly gitOptions: CloneGitOptions;
  private readonly mutex = new Mutex();

  constructor(private readonly options: GitRepositoryOptions) {
    const credentials = splitCredentials(options.repo);
    const remote =
      options.repo === '' ? null : isRemoteUrl(credentials.url) ? credentials.url : resolve(credentials.url);
    this.dir = resolve(options.dataDir, remote === null ? 'rca-repo' : 'rca-clone');
    this.gitOptions = {
      authorName: options.authorName,
      authorEmail: options.authorEmail,
      env: gitEnvironment(options.env ?? process.env, credentials),
      onCommand: options.onCommand,
    };
    this.clone = {
      dir: this.dir,
      remote,
      branch: options.branch,
      run: createCloneGit(this.dir, this.gitOptions),
      scratchIndex: join(this.dir, '.git', 'scribe-index'),
      pushAttempts: options.pushAttempts ?? 6,
      state: { remote: remote ? 'reachable' : 'none' },
      checkout: null,
    };
  }

  get hasRemote(): boolean {
    return this.clone.remote !== null;
  }

  get state(): RemoteState {
    return this.clone.state;
  }

  /** Clones or opens the clone (see `prepareClone`); throws `RcaRepoSetupError` for what a person must fix. */
  async prepare(): Promise<void> {
    await this.mutex.run(() => prepareClone(this.clone, this.gitOptions));
  }

  async pull(branch?: string): Promise<boolean> {
    if (!this.clone.remote) return true;
    return this.mutex.run(async () => {
      const main = this.options.branch;
      const names = [...new Set([main, ...(branch ? [branch] : [])])];
      const fetched = await fetchBranches(this.clone, names);
      if (fetched === null) return false;
      for (const name of names) await integrateBranch(this.clone, name, fetched.get(name) ?? null);
      if (branch && branch !== main && fetched.get(branch) === null) await restartIfMerged(this.clone, branch);
      return true;
    });
  }

  readFile(path: string, branch?: string): Promise<string | null> {
    return readCloneFile(this.clone, path, branch);
  }

  readOwnLastVersion(path: string, branch?: string): Promise<string | null> {
    return readOwnLastVersion(this.clone, this.options.authorEmail, path, branch);
  }

  listFiles(dirs: string[]): Promise<RcaFileInfo[]> {
    return listMarkdownFiles(this.clone.run, dirs);
  }

  head(): Promise<string | null> {
    return revParse(this.clone.run, 'HEAD');
  }

  changedPaths(from: string, to: string): Promise<string[] | null> {
    return changedPaths(this.clone.run, from, to);
  }

  async commitFile(
    path: string,
    content: string,
    message: string,
    branch = this.options.branch,
  ): Promise<CommitOutcome> {
    return this.mutex.run(async () => {
      const sha = await commitRcaFile(this.clone, { path, content, message, branch });
      if (sha === null) return { committed: false, reason: 'unchanged' };
      if (!this.clone.remote) return { committed: true, sha, pushed: true, branch };
      const failure = await pushBranch(this.clone, branch);
      if (failure === null) return { committed: true, sha, pushed: true, branch };
      return {
        committed: true,
        sha,
        pushed: false,
        branch,
        pushError: failure.message,
        pushFailure: failure.kind,
        ...(failure.setAside ? { setAside: failure.setAside } : {}),
      };
    });
  }

  /**
   * Housekeeping that commits skip (`git gc --auto`), run at start and when the schedule retries
   * pushes. In the foreground, under the writers' lock, so a pack is never being written while a
   * commit runs; it packs only when loose objects pile up (a clone from a local path hard-links
   * every object loose, and loose objects make each commit and push slower).
   */
  async maintain(): Promise<void> {
    await this.mutex.run(() =>
      this.clone
        .run(['-c', 'gc.auto=6700', '-c', 'gc.autoDetach=false', 'gc', '--auto', '--quiet'])
        .catch(() => undefined),
    );
  }

  async pushPending(): Promise<number> {
    if (!this.clone.remote) return 0;
    return this.mutex.run(async () => {
      let pending = 0;
      for (const branch of await unpushedBranches(this.clone.run)) {
        const failure = await pushBranch(this.clone, branch);
        if (failure !== null && failure.kind !== 'conflict') pending += 1;
      }
      return pending;
    });
  }

  async isPushed(branch: string): Promise<boolean> {
    if (!this.clone.remote) return true;
    const local = await revParse(this.clone.run, `refs/heads/${branch}`);
    return local !== null && local === (await revParse(this.clone.run, `refs/remotes/origin/${branch}`));
  }
}
