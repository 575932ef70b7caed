import { readFileSync } from 'node:fs';
import type { GitClone } from './git-clone.ts';
import { branchRef } from './git-refs.ts';
import { repoPath } from './repo-path.ts';

/** A file as it is on `branch` (a review branch from git, the main branch from the working tree); null when absent. */
export async function readCloneFile(clone: GitClone, path: string, branch?: string): Promise<string | null> {
  const ref = branch && branch !== clone.branch ? await branchRef(clone.run, branch) : null;
  if (ref) {
    try {
      return await clone.run(['show', `${ref}:${repoPath(clone.dir, path, true)}`]);
    } catch {
      return null;
    }
  }
  // Synchronous on purpose: RCAs are a few KB, and fs.promises costs ~30× more per small file, which
  // dominates a scan of thousands (the scan yields to the event loop between batches instead).
  try {
    return readFileSync(repoPath(clone.dir, path), 'utf8');
  } catch {
    return null;
  }
}

/** The file as the bot (commits by `authorEmail`) last wrote it on `branch`; null when it never did. */
export async function readOwnLastVersion(
  clone: GitClone,
  authorEmail: string,
  path: string,
  branch?: string,
): Promise<string | null> {
  try {
    const ref = (branch && branch !== clone.branch ? await branchRef(clone.run, branch) : null) ?? 'HEAD';
    const sha = (await clone.run(['log', '-1', '--format=%H', `--author=<${authorEmail}>`, ref, '--', path])).trim();
    return sha ? await clone.run(['show', `${sha}:${path}`]) : null;
  } catch {
    return null;
  }
}
