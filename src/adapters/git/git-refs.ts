import type { Git } from './run-git.ts';

/** The commit a ref names, or null when there is no such ref. */
export async function revParse(git: Git, ref: string): Promise<string | null> {
  try {
    return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim() || null;
  } catch {
    return null;
  }
}

/** How many commits only `local` has, and how many only `other` has (`rev-list --left-right --count`). */
export async function aheadBehind(git: Git, local: string, other: string): Promise<[number, number]> {
  const [ahead = '0', behind = '0'] = (await git(['rev-list', '--left-right', '--count', `${local}...${other}`]))
    .trim()
    .split(/\s+/);
  return [Number(ahead), Number(behind)];
}

/** Where a review branch is read from: the bot's own branch, else the remote's, else none yet. */
export async function branchRef(git: Git, branch: string): Promise<string | null> {
  if (await revParse(git, `refs/heads/${branch}`)) return `refs/heads/${branch}`;
  if (await revParse(git, `refs/remotes/origin/${branch}`)) return `refs/remotes/origin/${branch}`;
  return null;
}
