import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import { gitEnvironment, isRemoteUrl, splitCredentials } from '#adapters/git/git-remote.ts';
import { describeError } from './describe-error.ts';
import { describeReadError } from './read-text-file.ts';

export type RcaCheckout =
  | { ok: true; dir: string; name: string; close(): Promise<void> }
  | { ok: false; message: string };

/**
 * The RCA repository as a folder to read: a local folder as it is, or a git URL cloned (shallow, the
 * configured branch) into a temporary folder that `close()` removes. `from` names where the repository
 * came from (`--repo`, `RCA_REPO`) for the messages.
 */
export async function openRcaCheckout(repo: string, branch: string, from: string): Promise<RcaCheckout> {
  if (!isRemoteUrl(repo)) {
    const dir = resolve(repo);
    try {
      if (!(await stat(dir)).isDirectory())
        return { ok: false, message: `${from} ${repo} is a file; give the RCA repository's folder or its git URL` };
    } catch (error) {
      const why = describeReadError(error as NodeJS.ErrnoException);
      return { ok: false, message: `${from} ${repo}: ${why}; give the RCA repository's folder or its git URL` };
    }
    return { ok: true, dir, name: dir, close: async () => undefined };
  }
  const { url, ...credentials } = splitCredentials(repo);
  const dir = await mkdtemp(join(tmpdir(), 'scribe-remind-'));
  const close = () => rm(dir, { recursive: true, force: true });
  try {
    const env = gitEnvironment(process.env, credentials);
    // Our own GIT_SSH_COMMAND (batch mode) and GIT_CONFIG_* (the credential header) are deliberate.
    const unsafe = { allowUnsafeSshCommand: true, allowUnsafeConfigEnvCount: true };
    await simpleGit({ unsafe, allowEnvironment: Object.keys(env) })
      .env(env)
      .clone(url, dir, ['--depth', '1', '--quiet', '--branch', branch]);
  } catch (error) {
    await close();
    const why = describeError(error).replace(/^fatal: /, '');
    return {
      ok: false,
      message: `cannot clone ${url} (${from}): ${why}. Check the URL and branch (rca.branch: ${branch}); over https set RCA_REPO_TOKEN, over ssh use a deploy key the ssh agent or GIT_SSH_COMMAND offers`,
    };
  }
  return { ok: true, dir, name: url, close };
}
