import type { PushFailure } from '#src/ports.ts';

/**
 * RCA_REPO names something that cannot work (no such path, no such repository, credentials refused):
 * the bot refuses to start with a message that says what was tried and what to do, never a stack.
 */
export class RcaRepoSetupError extends Error {
  readonly code = 'RCA_REPO';
}

/** The message for a clone that failed for a reason waiting will not fix. */
export function describeCloneFailure(url: string, kind: PushFailure, gitSaid: string): string {
  const tried = `RCA_REPO is ${url}; I tried \`git clone ${url}\` and git said: ${gitSaid}`;
  if (kind === 'not-found')
    return `${tried}\nThe server answered that there is no such repository. Check the owner and name in RCA_REPO, and that the repository exists; a private repository also answers "not found" to credentials that may not read it (give the deploy key or RCA_REPO_TOKEN access to it).`;
  return `${tried}\nThe server refused the credentials. Over HTTPS set RCA_REPO_TOKEN to a token that may push to the repository (and RCA_REPO_USER if it is not x-access-token); over SSH add the bot's public key as a deploy key with write access, and mount the key and known_hosts into the container.`;
}

export function describeMissingPath(path: string): string {
  return `RCA_REPO is ${path}, and there is no such directory. Set RCA_REPO to the repository's URL (https://… or git@…), to the path of an existing repository, or leave it empty for a repository of the bot's own under the data directory.`;
}
