import type { Git } from './run-git.ts';

/** The commit a ref names, or null when there is no such ref. */
export async function revParse(git: Git, ref: string): Promise<string | null> {
  try {
    return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim() || null;
  } catch {
    return null;
  }
}

export async function isAncestor(git: Git, ancestor: string, of: string): Promise<boolean> {
  return git(['merge-base', '--is-ancestor', ancestor, of]).then(
    () => true,
    () => false,
  );
}
