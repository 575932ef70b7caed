import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { commitWithFile } from './commit-with-file.ts';
import type { GitClone } from './git-clone.ts';
import { branchRef, revParse } from './git-refs.ts';
import { repoPath } from './repo-path.ts';

/**
 * Commits one file on `branch`: through the working tree on the main branch, without a checkout on a
 * review branch. The new commit, or null when the file already has that content there.
 */
export function commitRcaFile(
  clone: GitClone,
  change: { path: string; content: string; message: string; branch: string },
): Promise<string | null> {
  return change.branch === clone.branch ? commitInWorkingTree(clone, change) : commitOnBranch(clone, change);
}

/** The main branch: the working tree is checked out there, so this is `git add` and `git commit`. */
async function commitInWorkingTree(
  clone: GitClone,
  { path, content, message }: { path: string; content: string; message: string },
): Promise<string | null> {
  const file = repoPath(clone.dir, path);
  await mkdir(dirname(file), { recursive: true });
  const before = await readFile(file, 'utf8').catch(() => null);
  if (before === content) return null;
  await writeFile(file, content);
  await clone.run(['add', '--', path]);
  // Only this file is staged (every write goes through here, one at a time), so no pathspec:
  // a partial commit would re-read the whole index of a large repository. Quiet, as raw git is
  // (the summary's diffstat reads both trees); the branch's loose ref names the new commit, so no
  // `rev-parse` afterwards.
  await clone.run(['commit', '-q', '--no-verify', '-m', message]);
  const ref = await readFile(join(clone.dir, '.git', 'refs', 'heads', clone.branch), 'utf8').catch(() => '');
  return ref.trim() || (await revParse(clone.run, 'HEAD'))!;
}

/**
 * A review branch, continued from where it is (the remote's tip when people pushed to it, the bot's
 * own when it has unpushed drafts, the main branch the first time), without touching the working tree.
 */
async function commitOnBranch(
  clone: GitClone,
  { path, content, message, branch }: { path: string; content: string; message: string; branch: string },
): Promise<string | null> {
  const local = await revParse(clone.run, `refs/heads/${branch}`);
  const base = (await branchRef(clone.run, branch)) ?? 'HEAD';
  const sha = await commitWithFile(clone.run, {
    base,
    path: repoPath(clone.dir, path, true),
    content,
    message,
    indexFile: clone.scratchIndex,
  });
  if (sha === null) return null;
  await clone.run(['update-ref', `refs/heads/${branch}`, sha, ...(local ? [local] : [])]);
  return sha;
}
