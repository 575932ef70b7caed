import { describe, expect, it } from 'vitest';
import { classifyGitFailure } from '#adapters/git/classify-git-failure.ts';

/** git's own wording, as git 2.39 and GitHub/GitLab print it. */
describe('classifyGitFailure', () => {
  it.each([
    [
      "To /r.git\n ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to '/r.git'",
      'rejected',
    ],
    [' ! [rejected]        main -> main (non-fast-forward)', 'rejected'],
    [' ! [rejected]        rca/x -> rca/x (stale info)', 'rejected'],
    [' ! [remote rejected] main -> main (pre-receive hook declined)', 'refused'],
    ['remote: error: GH006: Protected branch update failed for refs/heads/main.', 'refused'],
    ["remote: Repository not found.\nfatal: repository 'https://github.com/acme/nope.git/' not found", 'not-found'],
    ['ERROR: Repository not found.\nfatal: Could not read from remote repository.', 'not-found'],
    ["fatal: Authentication failed for 'https://github.com/acme/postmortems.git/'", 'auth'],
    ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'auth'],
    ['git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.', 'auth'],
    ["fatal: unable to access 'https://github.com/acme/p.git/': Could not resolve host: github.com", 'unreachable'],
    ["fatal: '/srv/git/p.git' does not appear to be a git repository", 'unreachable'],
    ['ssh: connect to host github.com port 22: Connection timed out', 'unreachable'],
  ])('reads %j as %s', (message, kind) => {
    expect(classifyGitFailure(message)).toBe(kind);
  });
});
