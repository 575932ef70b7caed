import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type SimpleGit, simpleGit } from 'simple-git';
import type { CommitOutcome, RcaFileInfo, RcaRepository } from '#src/ports.ts';
import { gitEnvironment, isRemoteUrl, splitCredentials } from './git-remote.ts';

export interface GitRepositoryOptions {
  /** RCA_REPO: a remote URL or a local path; empty: a repository of the bot's own under `dataDir`. */
  repo: string;
  dataDir: string;
  branch: string;
  authorName: string;
  authorEmail: string;
  env?: NodeJS.ProcessEnv;
  /** Attempts at a push that the remote rejected because it moved on (fetch, rebase, retry). */
  pushAttempts?: number;
}

/** One writer at a time in this process; the store's lock does the same across replicas. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * The RCA repository through simple-git: a working clone under the data directory. A rejected push
 * fetches, rebases and retries with jitter; an unreachable remote leaves the commit in the clone, and
 * `pushPending` (on a schedule and at start) pushes it later, so a restart loses nothing.
 */
export class SimpleGitRcaRepository implements RcaRepository {
  readonly dir: string;
  private readonly remote: string | null;
  private readonly env: Record<string, string>;
  private readonly mutex = new Mutex();
  private git!: SimpleGit;

  constructor(private readonly options: GitRepositoryOptions) {
    const credentials = splitCredentials(options.repo);
    this.env = gitEnvironment(options.env ?? process.env, credentials);
    if (options.repo === '') {
      this.remote = null;
      this.dir = resolve(options.dataDir, 'rca-repo');
    } else {
      this.remote = isRemoteUrl(credentials.url) ? credentials.url : resolve(credentials.url);
      this.dir = resolve(options.dataDir, 'rca-clone');
    }
  }

  get hasRemote(): boolean {
    return this.remote !== null;
  }

  async prepare(): Promise<void> {
    await this.mutex.run(async () => {
      await mkdir(this.dir, { recursive: true });
      const fresh = !existsSync(join(this.dir, '.git'));
      if (fresh && this.remote) {
        await rm(this.dir, { recursive: true, force: true });
        await mkdir(dirname(this.dir), { recursive: true });
        await this.bare().clone(this.remote, this.dir);
      }
      this.git = simpleGit({
        baseDir: this.dir,
        // No automatic maintenance after each commit: it runs as a child holding git's output open, which
        // makes every commit wait for it. `maintain()` runs it from the retry schedule instead.
        config: [
          `user.name=${this.options.authorName}`,
          `user.email=${this.options.authorEmail}`,
          'gc.auto=0',
          'maintenance.auto=false',
        ],
        unsafe: UNSAFE,
        allowEnvironment: Object.keys(this.env),
        // Done when git's output closes, not 50 ms after a quiet command exits.
        completion: { onClose: true, onExit: false },
      }).env(this.env);
      if (fresh && !this.remote) await this.git.init(['--initial-branch', this.options.branch]);
      const branches = await this.git.branchLocal();
      if (branches.all.length === 0) await this.git.checkout(['--orphan', this.options.branch]).catch(() => undefined);
      else if (branches.current !== this.options.branch && branches.all.includes(this.options.branch))
        await this.git.checkout(this.options.branch);
      else if (!branches.all.includes(this.options.branch)) await this.git.checkout(['-b', this.options.branch]);
    });
  }

  async pull(): Promise<boolean> {
    if (!this.remote) return true;
    return this.mutex.run(() => this.syncWithRemote(this.options.branch));
  }

  async readFile(path: string): Promise<string | null> {
    // Synchronous on purpose: RCAs are a few KB, and fs.promises costs ~30× more per small file, which
    // dominates a scan of thousands (the scan yields to the event loop between batches instead).
    try {
      return readFileSync(this.inside(path), 'utf8');
    } catch {
      return null;
    }
  }

  async readOwnLastVersion(path: string): Promise<string | null> {
    try {
      const sha = (
        await this.git.raw(['log', '-1', '--format=%H', `--author=<${this.options.authorEmail}>`, '--', path])
      ).trim();
      return sha ? await this.git.show([`${sha}:${path}`]) : null;
    } catch {
      return null;
    }
  }

  async listFiles(dirs: string[]): Promise<RcaFileInfo[]> {
    const out = await this.git.raw(['ls-files', '-s', '-z', '--', ...dirs]);
    return out
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta = '', path = ''] = line.split('\t');
        return { path, blob: meta.split(' ')[1] ?? '' };
      })
      .filter((f) => f.path.toLowerCase().endsWith('.md'));
  }

  async head(): Promise<string | null> {
    try {
      return (await this.git.revparse(['HEAD'])).trim();
    } catch {
      return null;
    }
  }

  async changedPaths(from: string, to: string): Promise<string[] | null> {
    try {
      const out = await this.git.raw(['diff', '--name-only', '-z', `${from}..${to}`]);
      return out.split('\0').filter(Boolean);
    } catch {
      return null;
    }
  }

  async commitFile(
    path: string,
    content: string,
    message: string,
    branch = this.options.branch,
  ): Promise<CommitOutcome> {
    return this.mutex.run(async () => {
      const file = this.inside(path);
      if (branch !== this.options.branch) await this.git.checkout(['-B', branch, this.options.branch]);
      try {
        await mkdir(dirname(file), { recursive: true });
        const before = await readFile(file, 'utf8').catch(() => null);
        if (before === content) return { committed: false, reason: 'unchanged' } as CommitOutcome;
        await writeFile(file, content);
        // simple-git waits an extra 50 ms for output from a command that prints none, so neither
        // command here is quiet: --verbose makes `git add` print, and `git commit` prints its summary.
        await this.git.add(['--verbose', '--', path]);
        // Only this file is staged (every write goes through here, one at a time), so no pathspec:
        // a partial commit would re-read the whole index of a large repository.
        await this.git.raw(['commit', '--no-verify', '-m', message]);
        const sha = (await this.git.raw(['rev-parse', 'HEAD'])).trim();
        if (!this.remote) return { committed: true, sha, pushed: true, branch };
        const pushError = await this.push(branch);
        return pushError === null
          ? { committed: true, sha, pushed: true, branch }
          : { committed: true, sha, pushed: false, branch, pushError };
      } finally {
        if (branch !== this.options.branch) await this.git.checkout(this.options.branch);
      }
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
      this.git
        .raw(['-c', 'gc.auto=6700', '-c', 'gc.autoDetach=false', 'gc', '--auto', '--quiet'])
        .catch(() => undefined),
    );
  }

  async pushPending(): Promise<number> {
    if (!this.remote) return 0;
    return this.mutex.run(async () => {
      let pending = 0;
      for (const branch of await this.unpushedBranches()) {
        if ((await this.push(branch)) !== null) pending += 1;
      }
      return pending;
    });
  }

  /** Branches with commits the remote does not have. */
  private async unpushedBranches(): Promise<string[]> {
    const branches = (await this.git.branchLocal()).all;
    const out: string[] = [];
    for (const branch of branches) {
      const count = await this.git.raw(['rev-list', '--count', branch, '--not', '--remotes=origin']).catch(() => '0');
      if (Number(count.trim()) > 0) out.push(branch);
    }
    return out;
  }

  /** Pushes a branch; on rejection fetches, rebases and retries. Returns null when pushed, else why not. */
  private async push(branch: string): Promise<string | null> {
    const attempts = this.options.pushAttempts ?? 6;
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        await this.git.push('origin', `${branch}:refs/heads/${branch}`);
        return null;
      } catch (error) {
        lastError = firstLine(error);
        if (!isRejection(lastError)) return lastError;
      }
      await sleep(Math.random() * 40 * attempt);
      if (!(await this.rebaseOnto(branch))) return lastError;
    }
    return lastError;
  }

  private async rebaseOnto(branch: string): Promise<boolean> {
    try {
      await this.git.fetch('origin', branch);
      const current = (await this.git.branchLocal()).current;
      if (current !== branch) await this.git.checkout(branch);
      try {
        await this.git.rebase([`origin/${branch}`]);
      } catch (error) {
        await this.git.rebase(['--abort']).catch(() => undefined);
        throw error;
      } finally {
        if (current !== branch) await this.git.checkout(current);
      }
      return true;
    } catch {
      return false;
    }
  }

  private async syncWithRemote(branch: string): Promise<boolean> {
    try {
      await this.git.fetch('origin');
    } catch {
      return false;
    }
    const remoteHas = await this.git.raw(['rev-parse', '--verify', '--quiet', `origin/${branch}`]).then(
      () => true,
      () => false,
    );
    if (!remoteHas) return true;
    try {
      await this.git.rebase([`origin/${branch}`]);
      return true;
    } catch {
      await this.git.rebase(['--abort']).catch(() => undefined);
      return false;
    }
  }

  /** A repository-relative path, refused if it would leave the repository. */
  private inside(path: string): string {
    const full = resolve(this.dir, path);
    const rel = relative(this.dir, full);
    if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('.git') || resolve(this.dir, rel) !== full) {
      throw new Error(`Refusing to write outside the RCA repository: ${path}`);
    }
    return full;
  }

  private bare(): SimpleGit {
    return simpleGit({ unsafe: UNSAFE, allowEnvironment: Object.keys(this.env) }).env(this.env);
  }
}

/** Our own GIT_SSH_COMMAND (batch mode) and GIT_CONFIG_* (the credential header) are deliberate. */
const UNSAFE = { allowUnsafeSshCommand: true, allowUnsafeConfigEnvCount: true };

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n').slice(0, 3).join(' ');
}

function isRejection(message: string): boolean {
  return /\[(?:remote )?rejected\]|non-fast-forward|fetch first|failed to push some refs.*(?:rejected|behind)|Updates were rejected|cannot lock ref|incorrect old value/i.test(
    message,
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
