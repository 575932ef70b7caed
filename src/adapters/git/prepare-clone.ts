import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { classifyGitFailure } from './classify-git-failure.ts';
import { type CloneGitOptions, createSimpleGit } from './clone-git.ts';
import { firstLines } from './first-lines.ts';
import type { GitClone } from './git-clone.ts';
import { isRemoteUrl } from './git-remote.ts';
import { describeCloneFailure, describeMissingPath, RcaRepoSetupError } from './rca-repo-setup-error.ts';

/**
 * Clones or opens the clone and checks out the main branch. A remote that cannot be reached does not
 * stop the bot: the clone starts empty and is joined to the remote's history when it answers. A path
 * that does not exist, or a remote that answers "not found" or refuses the credentials, throws
 * `RcaRepoSetupError`.
 */
export async function prepareClone(clone: GitClone, options: CloneGitOptions): Promise<void> {
  const fresh = !existsSync(join(clone.dir, '.git'));
  if (fresh && clone.remote) await cloneOrStartOffline(clone, clone.remote, options);
  await mkdir(clone.dir, { recursive: true });
  const git = createSimpleGit(clone.dir, options);
  if (fresh && !clone.remote) await git.init(['--initial-branch', clone.branch]);
  const branches = await git.branchLocal();
  if (branches.all.length === 0) await clone.run(['symbolic-ref', 'HEAD', `refs/heads/${clone.branch}`]);
  else if (branches.current !== clone.branch && branches.all.includes(clone.branch)) await git.checkout(clone.branch);
  else if (!branches.all.includes(clone.branch)) await git.checkout(['-b', clone.branch]);
}

/** The clone at start: from the remote, or empty (joined later) when the remote does not answer. */
async function cloneOrStartOffline(clone: GitClone, remote: string, options: CloneGitOptions): Promise<void> {
  if (!isRemoteUrl(remote) && !existsSync(remote)) throw new RcaRepoSetupError(describeMissingPath(remote));
  await rm(clone.dir, { recursive: true, force: true });
  await mkdir(dirname(clone.dir), { recursive: true });
  try {
    await createSimpleGit(dirname(clone.dir), options).clone(remote, clone.dir);
    return;
  } catch (error) {
    const said = firstLines(error);
    const kind = classifyGitFailure(said);
    if (kind === 'not-found' || kind === 'auth') throw new RcaRepoSetupError(describeCloneFailure(remote, kind, said));
    clone.state = { remote: 'unreachable', detail: said };
  }
  await rm(clone.dir, { recursive: true, force: true });
  await mkdir(clone.dir, { recursive: true });
  const git = createSimpleGit(clone.dir, options);
  await git.init(['--initial-branch', clone.branch]);
  await git.addRemote('origin', remote);
}
