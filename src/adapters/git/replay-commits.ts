import type { Git } from './run-git.ts';

/**
 * The `count` commits of `local` on top of `onto`, without a checkout: `merge-tree` computes the
 * tree, and `commit-tree` makes one commit with the original message (a single commit, the usual
 * case, even from a clone started offline whose history never met the remote's) or a merge
 * (several). Null on a conflict.
 */
export async function replayCommits(
  git: Git,
  branch: string,
  local: string,
  onto: string,
  count: number,
): Promise<string | null> {
  // A clean merge prints the tree alone and exits 0; a conflict exits 1 with the conflicted files.
  // Unrelated histories are allowed: a clone started while the remote was unreachable has its own root.
  const tree = await git(['merge-tree', '--write-tree', '--allow-unrelated-histories', onto, local]).then(
    (out) => out.trim(),
    () => '',
  );
  if (!/^[0-9a-f]{40,64}$/.test(tree)) return null;
  if (count === 1) {
    const message = await git(['log', '-1', '--format=%B', local]);
    return (await git(['commit-tree', tree, '-p', onto, '-m', message.trimEnd()])).trim();
  }
  const merge = `Merge the remote's ${branch} into the drafts committed while it could not be reached`;
  return (await git(['commit-tree', tree, '-p', onto, '-p', local, '-m', merge])).trim();
}
