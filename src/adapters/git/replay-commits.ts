import type { Git } from './run-git.ts';

/**
 * The commits of `local` on top of `onto`, without a checkout: `merge-tree` computes the tree, and
 * `commit-tree` makes one commit with the original message (a single commit, the usual case) or a
 * merge (several, or histories that never met: a clone started while the remote was unreachable).
 * Null on a conflict.
 */
export async function replayCommits(git: Git, branch: string, local: string, onto: string): Promise<string | null> {
  const base = await git(['merge-base', local, onto]).then(
    (out) => out.trim(),
    () => '',
  );
  // A clean merge prints the tree alone and exits 0; a conflict exits 1 with the conflicted files.
  const tree = await git([
    'merge-tree',
    '--write-tree',
    ...(base ? [] : ['--allow-unrelated-histories']),
    onto,
    local,
  ]).then(
    (out) => out.trim(),
    () => '',
  );
  if (!/^[0-9a-f]{40,64}$/.test(tree)) return null;
  const count = base ? Number((await git(['rev-list', '--count', `${base}..${local}`])).trim()) : 0;
  if (count === 1) {
    const message = await git(['log', '-1', '--format=%B', local]);
    return (await git(['commit-tree', tree, '-p', onto, '-m', message.trimEnd()])).trim();
  }
  const merge = `Merge the remote's ${branch} into the drafts committed while it could not be reached`;
  return (await git(['commit-tree', tree, '-p', onto, '-p', local, '-m', merge])).trim();
}
