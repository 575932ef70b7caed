import type { Git } from './run-git.ts';

/**
 * A commit on top of `base` that changes one file, made without a checkout: the blob from stdin, the
 * tree in a temporary index (`indexFile`, never the working tree's), then `commit-tree`. The caller
 * moves the branch. Null when the file already has that content at `base`.
 */
export async function commitWithFile(
  git: Git,
  change: { base: string; path: string; content: string; message: string; indexFile: string },
): Promise<string | null> {
  const { base, path, content, message } = change;
  const before = await git(['show', `${base}:${path}`]).catch(() => null);
  if (before === content) return null;
  const blob = (await git(['hash-object', '-w', '--stdin', '--path', path], { input: content })).trim();
  const env = { GIT_INDEX_FILE: change.indexFile };
  await git(['read-tree', base], { env });
  await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], { env });
  const tree = (await git(['write-tree'], { env })).trim();
  return (await git(['commit-tree', tree, '-p', base, '-m', message])).trim();
}
