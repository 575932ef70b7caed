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

/** A person's clone of the remote, to edit and push as someone other than the bot. */
export function humanClone(bare: string, branch = 'main'): string {
  const dir = join(tempDir('scribe-human-'), 'clone');
  git(tempDir(), 'clone', '-q', '--branch', branch, bare, dir);
  return dir;
}

/** Makes the bare remote refuse every push, as a protected branch or a pre-receive hook does. */
export function refusePushes(bare: string, reason = 'main is protected'): void {
  const hook = join(bare, 'hooks', 'pre-receive');
  writeFileSync(hook, `#!/bin/sh\necho "${reason}" >&2\nexit 1\n`, { mode: 0o755 });
}

/** Every subject on a branch, newest first, with the branch's file at a path. */
export function remoteCommits(bare: string, branch: string): string[] {
  return git(bare, 'log', '--format=%s', branch).trim().split('\n');
}
