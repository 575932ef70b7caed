import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type SimpleGit, simpleGit } from 'simple-git';
import type { CommitOutcome, PushFailure, RcaFileInfo, RcaRepository } from '#src/ports.ts';
import { classifyGitFailure } from './classify-git-failure.ts';
import { commitWithFile } from './commit-with-file.ts';
import { aheadBehind, revParse } from './git-refs.ts';
import { gitEnvironment, isRemoteUrl, splitCredentials } from './git-remote.ts';
import { describeCloneFailure, describeMissingPath, RcaRepoSetupError } from './rca-repo-setup-error.ts';
import { replayCommits } from './replay-commits.ts';
import { type Git, runGit } from './run-git.ts';
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

/** Whether the remote answered the last time the bot asked it. */
export interface RemoteState {
  remote: 'none' | 'reachable' | 'unreachable';
  /** git's own words for the last failure. */
  detail?: string;
}

type PushResult = null | { kind: PushFailure; message: string; setAside?: string };

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
 * The RCA repository through simple-git: a working clone under the data directory, checked out on
 * the main branch. Review branches are written without a checkout (a temporary index, `commit-tree`,
 * `update-ref`), so the working tree of a large repository is never switched. A push the remote
 * rejects because it moved on fetches that one ref and replays the commit on the new tip with
 * `merge-tree` + `commit-tree`; an unreachable remote leaves the commit in the clone, and
 * `pushPending` (on a schedule and at start) pushes it later, so a restart loses nothing.
 */
export class SimpleGitRcaRepository implements RcaRepository {
  readonly dir: string;
  private readonly remote: string | null;
  private readonly env: Record<string, string>;
  private readonly mutex = new Mutex();
  private git!: SimpleGit;
  /** The temporary index a review branch's tree is built in, never the working tree's. */
  private readonly scratchIndex: string;
  private remoteState: RemoteState;
  /** A working-tree update running beside a push: resolves to its error, if any. */
  private checkout: Promise<unknown> | null = null;

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
    this.remoteState = { remote: this.remote ? 'reachable' : 'none' };
    this.scratchIndex = join(this.dir, '.git', 'scribe-index');
  }

  get hasRemote(): boolean {
    return this.remote !== null;
  }

  get state(): RemoteState {
    return this.remoteState;
  }

  /**
   * Clones or opens the clone. A remote that cannot be reached does not stop the bot: the clone starts
   * empty and is joined to the remote's history when it answers. A path that does not exist, or a
   * remote that answers "not found" or refuses the credentials, throws `RcaRepoSetupError`.
   */
  async prepare(): Promise<void> {
    await this.mutex.run(async () => {
      const fresh = !existsSync(join(this.dir, '.git'));
      if (fresh && this.remote) await this.cloneOrStartOffline(this.remote);
      await mkdir(this.dir, { recursive: true });
      this.git = this.client({});
      if (fresh && !this.remote) await this.git.init(['--initial-branch', this.options.branch]);
      const branches = await this.git.branchLocal();
      if (branches.all.length === 0) await this.run(['symbolic-ref', 'HEAD', `refs/heads/${this.options.branch}`]);
      else if (branches.current !== this.options.branch && branches.all.includes(this.options.branch))
        await this.git.checkout(this.options.branch);
      else if (!branches.all.includes(this.options.branch)) await this.git.checkout(['-b', this.options.branch]);
    });
  }

  async pull(branch?: string): Promise<boolean> {
    if (!this.remote) return true;
    return this.mutex.run(async () => {
      const names = [...new Set([this.options.branch, ...(branch ? [branch] : [])])];
      const fetched = await this.fetchRefs(names);
      if (fetched === null) return false;
      for (const name of names) await this.integrate(name, fetched.get(name) ?? null);
      if (branch && branch !== this.options.branch && fetched.get(branch) === null) await this.restartIfMerged(branch);
      return true;
    });
  }

  async readFile(path: string, branch?: string): Promise<string | null> {
    const ref = branch && branch !== this.options.branch ? await this.branchRef(branch) : null;
    if (ref) {
      try {
        return await this.run(['show', `${ref}:${this.inside(path, true)}`]);
      } catch {
        return null;
      }
    }
    // Synchronous on purpose: RCAs are a few KB, and fs.promises costs ~30× more per small file, which
    // dominates a scan of thousands (the scan yields to the event loop between batches instead).
    try {
      return readFileSync(this.inside(path), 'utf8');
    } catch {
      return null;
    }
  }

  async readOwnLastVersion(path: string, branch?: string): Promise<string | null> {
    try {
      const ref = (branch && branch !== this.options.branch ? await this.branchRef(branch) : null) ?? 'HEAD';
      const sha = (
        await this.run(['log', '-1', '--format=%H', `--author=<${this.options.authorEmail}>`, ref, '--', path])
      ).trim();
      return sha ? await this.run(['show', `${sha}:${path}`]) : null;
    } catch {
      return null;
    }
  }

  async listFiles(dirs: string[]): Promise<RcaFileInfo[]> {
    const out = await this.run(['ls-files', '-s', '-z', '--', ...dirs]);
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
    return this.revParse('HEAD');
  }

  async changedPaths(from: string, to: string): Promise<string[] | null> {
    try {
      const out = await this.run(['diff', '--name-only', '-z', `${from}..${to}`]);
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
      const sha =
        branch === this.options.branch
          ? await this.commitInWorkingTree(path, content, message)
          : await this.commitOnBranch(path, content, message, branch);
      if (sha === null) return { committed: false, reason: 'unchanged' };
      if (!this.remote) return { committed: true, sha, pushed: true, branch };
      const failure = await this.push(branch);
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
      this.run(['-c', 'gc.auto=6700', '-c', 'gc.autoDetach=false', 'gc', '--auto', '--quiet']).catch(() => undefined),
    );
  }

  async pushPending(): Promise<number> {
    if (!this.remote) return 0;
    return this.mutex.run(async () => {
      let pending = 0;
      for (const branch of await unpushedBranches(this.run)) {
        const failure = await this.push(branch);
        if (failure !== null && failure.kind !== 'conflict') pending += 1;
      }
      return pending;
    });
  }

  async isPushed(branch: string): Promise<boolean> {
    if (!this.remote) return true;
    const local = await this.revParse(`refs/heads/${branch}`);
    return local !== null && local === (await this.revParse(`refs/remotes/origin/${branch}`));
  }

  /** The main branch: the working tree is checked out there, so this is `git add` and `git commit`. */
  private async commitInWorkingTree(path: string, content: string, message: string): Promise<string | null> {
    const file = this.inside(path);
    await mkdir(dirname(file), { recursive: true });
    const before = await readFile(file, 'utf8').catch(() => null);
    if (before === content) return null;
    await writeFile(file, content);
    await this.run(['add', '--', path]);
    // Only this file is staged (every write goes through here, one at a time), so no pathspec:
    // a partial commit would re-read the whole index of a large repository. Quiet, as raw git is
    // (the summary's diffstat reads both trees); the branch's loose ref names the new commit, so no
    // `rev-parse` afterwards.
    await this.run(['commit', '-q', '--no-verify', '-m', message]);
    const ref = await readFile(join(this.dir, '.git', 'refs', 'heads', this.options.branch), 'utf8').catch(() => '');
    return ref.trim() || (await this.revParse('HEAD'))!;
  }

  /**
   * A review branch, continued from where it is (the remote's tip when people pushed to it, the bot's
   * own when it has unpushed drafts, the main branch the first time), without touching the working tree.
   */
  private async commitOnBranch(path: string, content: string, message: string, branch: string) {
    const local = await this.revParse(`refs/heads/${branch}`);
    const base = (await this.branchRef(branch)) ?? 'HEAD';
    const sha = await commitWithFile(this.run, {
      base,
      path: this.inside(path, true),
      content,
      message,
      indexFile: this.scratchIndex,
    });
    if (sha === null) return null;
    await this.run(['update-ref', `refs/heads/${branch}`, sha, ...(local ? [local] : [])]);
    return sha;
  }

  /**
   * Pushes a branch. A rejection because the remote moved on fetches that ref alone, replays the
   * bot's commit on the new tip and tries again; a review branch is pushed with a lease on the tip the
   * bot built on, so it never overwrites what someone pushed meanwhile. Null when pushed.
   */
  private async push(branch: string): Promise<PushResult> {
    try {
      return await this.pushWithRetries(branch);
    } finally {
      await this.settleCheckout();
    }
  }

  private async pushWithRetries(branch: string): Promise<PushResult> {
    const attempts = this.options.pushAttempts ?? 6;
    let last = '';
    let source = `refs/heads/${branch}`;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const lease =
        branch === this.options.branch
          ? []
          : [`--force-with-lease=refs/heads/${branch}:${(await this.revParse(`refs/remotes/origin/${branch}`)) ?? ''}`];
      try {
        await this.run(['push', ...lease, 'origin', `${source}:refs/heads/${branch}`]);
        this.remoteState = { remote: 'reachable' };
        return null;
      } catch (error) {
        last = firstLines(error);
        const kind = classifyGitFailure(last);
        if (kind !== 'rejected') return this.failed(kind, last);
      }
      this.remoteState = { remote: 'reachable' };
      await this.settleCheckout();
      // The first retry goes at once (the other writer has landed); later ones spread out.
      if (attempt > 1) await sleep(Math.random() * 30 * attempt);
      const fetched = await this.fetchRef(branch);
      if (!fetched.ok) return this.failed(classifyGitFailure(fetched.error), fetched.error);
      // The working tree follows the replayed commit while it is pushed (`reset --keep` beside `push`).
      const integrated = await this.integrate(branch, fetched.tip, true);
      if (integrated.aside !== null)
        return {
          kind: 'conflict',
          message: `the remote's ${branch} changed the same lines; the bot's commit is set aside as ${integrated.aside}`,
          setAside: integrated.aside,
        };
      source = integrated.head ?? source;
    }
    return { kind: 'rejected', message: last };
  }

  /** Waits for a working-tree update started beside a push. */
  private async settleCheckout(): Promise<void> {
    const pending = this.checkout;
    this.checkout = null;
    const error = pending ? await pending : null;
    if (error) throw error;
  }

  private failed(kind: PushFailure, message: string): PushResult {
    if (kind === 'unreachable') this.remoteState = { remote: 'unreachable', detail: message };
    return { kind, message };
  }

  /** Fetches one branch from the remote; its tip, or null when the remote has no such branch. */
  private async fetchRef(branch: string): Promise<{ ok: true; tip: string | null } | { ok: false; error: string }> {
    try {
      await this.run(['fetch', '--no-tags', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
      this.remoteState = { remote: 'reachable' };
      return { ok: true, tip: await this.revParse(`refs/remotes/origin/${branch}`) };
    } catch (error) {
      const message = firstLines(error);
      if (/couldn't find remote ref/i.test(message)) {
        this.remoteState = { remote: 'reachable' };
        // The remote deleted the branch (a merged review, say): forget its old tip, so the next push
        // leases on "no such branch" and creates it again.
        await this.run(['update-ref', '-d', `refs/remotes/origin/${branch}`]).catch(() => undefined);
        return { ok: true, tip: null };
      }
      this.failed(classifyGitFailure(message), message);
      return { ok: false, error: message };
    }
  }

  /**
   * A review branch the remote no longer has, whose commits are all in the main branch (its review
   * was merged and the branch deleted), starts again from the main branch: a redraft then reads the
   * RCA as it was merged, with the edits made on the main branch since.
   */
  private async restartIfMerged(branch: string): Promise<void> {
    const local = await this.revParse(`refs/heads/${branch}`);
    const main = await this.revParse(`refs/heads/${this.options.branch}`);
    if (local === null || main === null || local === main) return;
    const [onlyOnBranch = 1] = await aheadBehind(this.run, local, main);
    if (onlyOnBranch === 0) await this.run(['update-ref', `refs/heads/${branch}`, main, local]);
  }

  /** Several branches in one fetch (one connection); one by one when the remote lacks one of them. */
  private async fetchRefs(branches: string[]): Promise<Map<string, string | null> | null> {
    const tips = new Map<string, string | null>();
    if (branches.length > 1) {
      const specs = branches.map((b) => `+refs/heads/${b}:refs/remotes/origin/${b}`);
      const together = await this.run(['fetch', '--no-tags', 'origin', ...specs]).then(
        () => true,
        () => false,
      );
      if (together) {
        this.remoteState = { remote: 'reachable' };
        for (const b of branches) tips.set(b, await this.revParse(`refs/remotes/origin/${b}`));
        return tips;
      }
    }
    for (const b of branches) {
      const fetched = await this.fetchRef(b);
      if (!fetched.ok) return null;
      tips.set(b, fetched.tip);
    }
    return tips;
  }

  /**
   * Brings a local branch up to the remote's tip: a fast-forward when the bot has nothing of its
   * own, else its commits replayed on the tip. On a conflict the bot's commits are set aside under
   * `refs/scribe/set-aside/…` and the branch takes the remote's version; returns that ref, else null.
   */
  private async integrate(
    branch: string,
    remoteTip: string | null,
    beside = false,
  ): Promise<{ aside: string | null; head: string | null }> {
    const local = await this.revParse(`refs/heads/${branch}`);
    if (remoteTip === null || local === remoteTip) return { aside: null, head: local };
    // One command says who is ahead: commits only the bot has, and commits only the remote has.
    const [ahead = 0, behind = 0] = local === null ? [0, 1] : await aheadBehind(this.run, local, remoteTip);
    if (behind === 0) return { aside: null, head: local };
    if (local === null || ahead === 0) {
      await this.moveBranch(branch, remoteTip, local);
      return { aside: null, head: remoteTip };
    }
    const replayed = await replayCommits(this.run, branch, local, remoteTip, ahead);
    if (replayed !== null) {
      await this.moveBranch(branch, replayed, local, beside);
      return { aside: null, head: replayed };
    }
    const aside = `refs/scribe/set-aside/${branch}/${local.slice(0, 12)}`;
    await this.run(['update-ref', aside, local]);
    await this.moveBranch(branch, remoteTip, local);
    return { aside, head: remoteTip };
  }

  /** Points a branch at a commit; the checked-out one moves its working tree along (`reset --keep`). */
  private async moveBranch(branch: string, sha: string, old: string | null, beside = false): Promise<void> {
    if (branch !== this.options.branch) {
      await this.run(['update-ref', `refs/heads/${branch}`, sha, ...(old ? [old] : [])]);
      return;
    }
    // An unborn branch (a clone started offline) has no working tree to keep: check the tip out.
    const reset = this.run(old === null ? ['reset', '--hard', sha] : ['reset', '--keep', sha]);
    // Beside a push, the working tree catches up while the commit travels: `push` reads objects and
    // `reset` writes the index, so they never take the same lock. `settleCheckout` waits for it.
    if (beside)
      this.checkout = reset.then(
        () => null,
        (error: unknown) => error,
      );
    else await reset;
  }

  /** The clone at start: from the remote, or empty (joined later) when the remote does not answer. */
  private async cloneOrStartOffline(remote: string): Promise<void> {
    if (!isRemoteUrl(remote) && !existsSync(remote)) throw new RcaRepoSetupError(describeMissingPath(remote));
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(dirname(this.dir), { recursive: true });
    try {
      await this.client({}, dirname(this.dir)).clone(remote, this.dir);
      return;
    } catch (error) {
      const said = firstLines(error);
      const kind = classifyGitFailure(said);
      if (kind === 'not-found' || kind === 'auth')
        throw new RcaRepoSetupError(describeCloneFailure(remote, kind, said));
      this.remoteState = { remote: 'unreachable', detail: said };
    }
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
    const git = this.client({});
    await git.init(['--initial-branch', this.options.branch]);
    await git.addRemote('origin', remote);
  }

  /** One git command in the clone, with the bot's identity and no automatic maintenance. */
  private readonly run: Git = (args, options = {}) => {
    const started = performance.now();
    const done = runGit(this.dir, [...CONFIG.flatMap((c) => ['-c', c]), ...this.identity, ...args], {
      env: { ...this.env, ...(options.env ?? {}) },
      ...(options.input === undefined ? {} : { input: options.input }),
    });
    const onCommand = this.options.onCommand;
    if (!onCommand) return done;
    const report = () => onCommand(args[0] ?? '', performance.now() - started);
    done.then(report, report);
    return done;
  };

  private get identity(): string[] {
    return ['-c', `user.name=${this.options.authorName}`, '-c', `user.email=${this.options.authorEmail}`];
  }

  private client(extraEnv: Record<string, string>, baseDir = this.dir): SimpleGit {
    const env = { ...this.env, ...extraEnv };
    return simpleGit({
      baseDir,
      // No automatic maintenance after each commit: it runs as a child holding git's output open, which
      // makes every commit wait for it. `maintain()` runs it from the retry schedule instead.
      config: [
        `user.name=${this.options.authorName}`,
        `user.email=${this.options.authorEmail}`,
        'gc.auto=0',
        'maintenance.auto=false',
      ],
      unsafe: UNSAFE,
      allowEnvironment: Object.keys(env),
      // Done when git's output closes, not 50 ms after a quiet command exits.
      completion: { onClose: true, onExit: false },
    }).env(env);
  }

  /** Where a review branch is read from: the bot's own branch, else the remote's, else none yet. */
  private async branchRef(branch: string): Promise<string | null> {
    if (await this.revParse(`refs/heads/${branch}`)) return `refs/heads/${branch}`;
    if (await this.revParse(`refs/remotes/origin/${branch}`)) return `refs/remotes/origin/${branch}`;
    return null;
  }

  private revParse(ref: string): Promise<string | null> {
    return revParse(this.run, ref);
  }

  /** A repository-relative path (or the absolute one), refused if it would leave the repository. */
  private inside(path: string, relativePath = false): string {
    const full = resolve(this.dir, path);
    const rel = relative(this.dir, full);
    if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('.git') || resolve(this.dir, rel) !== full) {
      throw new Error(`Refusing to write outside the RCA repository: ${path}`);
    }
    return relativePath ? rel.split(sep).join('/') : full;
  }
}

/**
 * No automatic maintenance after each commit: it runs as a child holding git's output open, which
 * makes every commit wait for it. `maintain()` runs it from the retry schedule instead.
 */
const CONFIG = ['gc.auto=0', 'maintenance.auto=false'];

/** Our own GIT_SSH_COMMAND (batch mode) and GIT_CONFIG_* (the credential header) are deliberate. */
const UNSAFE = { allowUnsafeSshCommand: true, allowUnsafeConfigEnvCount: true };

function firstLines(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n').slice(0, 3).join(' ');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
