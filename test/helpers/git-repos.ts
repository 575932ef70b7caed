import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempDir(prefix = 'scribe-git-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
}

/** A bare "remote" with one commit on main holding the given files, like a team's postmortem repo. */
export function bareRemote(files: Record<string, string> = { 'README.md': '# Postmortems\n' }): string {
  const root = tempDir('scribe-remote-');
  const bare = join(root, 'postmortems.git');
  const seed = join(root, 'seed');
  git(root, 'init', '--bare', '--initial-branch', 'main', bare);
  git(root, 'init', '--initial-branch', 'main', seed);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(seed, path)), { recursive: true });
    writeFileSync(join(seed, path), content);
  }
  git(seed, 'add', '.');
  git(seed, 'commit', '-m', 'seed');
  git(seed, 'push', bare, 'main');
  return bare;
}

/** What the remote's main branch holds at a path, or null. */
export function remoteFile(bare: string, path: string, branch = 'main'): string | null {
  try {
    return git(bare, 'show', `${branch}:${path}`);
  } catch {
    return null;
  }
}

export function remoteLog(bare: string, branch = 'main'): string[] {
  return git(bare, 'log', '--format=%s', branch).trim().split('\n');
}
