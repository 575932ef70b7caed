import { splitCredentials } from '#adapters/git/git-remote.ts';

/**
 * The host and repository path (`owner/name`, or a GitLab `group/sub/project`) in a git remote URL:
 * `https://github.com/acme/postmortems.git`, `git@github.com:acme/postmortems.git`,
 * `ssh://git@gitlab.example.com:2222/sre/rcas.git`. Null for a local path.
 */
export function parseRepositoryUrl(url: string): { host: string; path: string } | null {
  const plain = splitCredentials(url).url;
  const web = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/.exec(plain);
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+?)(?:\.git)?\/?$/.exec(plain);
  const match = web ?? scp;
  return match ? { host: match[1]!, path: match[2]! } : null;
}
