import { createHash } from 'node:crypto';
import type { CommitOutcome, PushFailure, RcaFileInfo, RcaRepository } from '#src/ports.ts';
import type { ScanSource } from '#use-cases/scan-rca-files.ts';

export interface MemoryCommit {
  sha: string;
  branch: string;
  path: string;
  content: string;
  message: string;
  pushed: boolean;
}

/**
 * `RcaRepository` in memory, for use cases that need only the port (the git behaviour itself is tested
 * against real repositories in test/git/): one file tree per branch, a branch that does not exist yet
 * reading as the main branch (as a review branch does before its first commit), a commit of unchanged
 * text refused as `unchanged`, blob ids computed as git computes them, and `readOwnLastVersion` giving
 * what the bot last committed, not what people changed after (`edit`). `pushFailure` makes the
 * following commits stay unpushed, as an unreachable or refusing remote does.
 */
export class MemoryRcaRepository implements RcaRepository {
  readonly branches = new Map<string, Map<string, string>>();
  readonly commits: MemoryCommit[] = [];
  private readonly own = new Map<string, string>();
  /** When set, commits are kept but not pushed, for this reason. */
  pushFailure: PushFailure | null = null;
  /** When false, `pull` says the remote could not be reached. */
  reachable = true;
  pulls = 0;

  constructor(
    readonly mainBranch = 'main',
    files: Record<string, string> = {},
  ) {
    this.branches.set(mainBranch, new Map(Object.entries(files)));
  }

  /** A person changes a file on a branch (a commit of theirs, not the bot's). */
  edit(path: string, content: string, branch = this.mainBranch): void {
    this.tree(branch).set(path, content);
  }

  async prepare(): Promise<void> {}

  async pull(): Promise<boolean> {
    this.pulls += 1;
    return this.reachable;
  }

  async readFile(path: string, branch?: string): Promise<string | null> {
    return this.treeOrMain(branch).get(path) ?? null;
  }

  async readOwnLastVersion(path: string, branch?: string): Promise<string | null> {
    return this.own.get(`${this.branches.has(branch ?? '') ? branch : this.mainBranch}:${path}`) ?? null;
  }

  async listFiles(dirs: string[]): Promise<RcaFileInfo[]> {
    const prefixes = dirs.map((d) => `${d.replace(/\/+$/, '')}/`);
    return [...this.tree(this.mainBranch).entries()]
      .filter(([path]) => path.endsWith('.md') && prefixes.some((p) => path.startsWith(p)))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, content]) => ({ path, blob: gitBlobId(content) }));
  }

  async head(): Promise<string | null> {
    return this.commits.at(-1)?.sha ?? null;
  }

  async changedPaths(from: string, to: string): Promise<string[] | null> {
    const start = this.commits.findIndex((c) => c.sha === from);
    const end = this.commits.findIndex((c) => c.sha === to);
    if (start < 0 || end < 0) return null;
    return [...new Set(this.commits.slice(start + 1, end + 1).map((c) => c.path))];
  }

  async commitFile(path: string, content: string, message: string, branch = this.mainBranch): Promise<CommitOutcome> {
    if (this.treeOrMain(branch).get(path) === content) return { committed: false, reason: 'unchanged' };
    if (!this.branches.has(branch)) this.branches.set(branch, new Map(this.tree(this.mainBranch)));
    this.tree(branch).set(path, content);
    this.own.set(`${branch}:${path}`, content);
    const sha = createHash('sha1').update(`${this.commits.length}:${branch}:${path}:${content}`).digest('hex');
    const pushed = this.pushFailure === null;
    this.commits.push({ sha, branch, path, content, message, pushed });
    if (pushed) return { committed: true, sha, pushed, branch };
    return { committed: true, sha, pushed, branch, pushFailure: this.pushFailure!, pushError: 'remote said no' };
  }

  async pushPending(): Promise<number> {
    if (this.pushFailure !== null) return new Set(this.commits.filter((c) => !c.pushed).map((c) => c.branch)).size;
    for (const commit of this.commits) commit.pushed = true;
    return 0;
  }

  /** Whether every commit on the branch reached the remote. */
  async isPushed(branch: string): Promise<boolean> {
    return this.commits.some((c) => c.branch === branch) && this.commits.every((c) => c.branch !== branch || c.pushed);
  }

  /** The main branch as the reminder scan reads it (`GitBlobSource` over a clone). */
  scanSource(): ScanSource {
    return {
      listFiles: (dirs) => this.listFiles(dirs),
      readFiles: async function* (this: MemoryRcaRepository, files: RcaFileInfo[]) {
        for (const file of files) {
          const text = this.tree(this.mainBranch).get(file.path);
          if (text !== undefined) yield { path: file.path, text };
        }
      }.bind(this),
    };
  }

  private tree(branch: string): Map<string, string> {
    const tree = this.branches.get(branch) ?? new Map<string, string>();
    this.branches.set(branch, tree);
    return tree;
  }

  private treeOrMain(branch: string | undefined): Map<string, string> {
    return this.branches.get(branch ?? this.mainBranch) ?? this.tree(this.mainBranch);
  }
}

/** The id git gives a file's content (`git hash-object`). */
export function gitBlobId(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
