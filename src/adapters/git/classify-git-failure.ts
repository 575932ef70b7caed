import type { PushFailure } from '#src/ports.ts';

/**
 * What a failed git command against the remote means, read from git's own wording (the messages of
 * `transport.c`, `http.c`, `connect.c`, `send-pack.c` and the forges' receive hooks), so each is told
 * to people as what it is and not as one "could not be reached".
 */
export function classifyGitFailure(message: string): PushFailure {
  if (NOT_FOUND.test(message)) return 'not-found';
  if (AUTH.test(message)) return 'auth';
  if (REJECTED.test(message)) return 'rejected';
  if (REFUSED.test(message)) return 'refused';
  return 'unreachable';
}

/** The remote moved on (a fast-forward or a lease failed): fetch the ref and replay, then push again. */
const REJECTED =
  /non-fast-forward|\(fetch first\)|\(stale info\)|Updates were rejected because|cannot lock ref|incorrect old value|failed to update ref/i;
/** Answered, but the forge or a hook said no: protected branches, pre-receive hooks, read-only mirrors. */
const REFUSED = /\[remote rejected\]|hook declined|protected branch|\bdenied\b|not allowed to push|read-only/i;
/**
 * HTTP 404 (`repository '…' not found`), GitHub and GitLab over ssh. A local path that went away is
 * left to "unreachable" (an unmounted volume comes back); start-up checks that a path exists.
 */
const NOT_FOUND = /repository '[^']*' not found|Repository not found|project you were looking for could not be found/i;
/** HTTP 401/403 and ssh keys the server does not know. */
const AUTH =
  /Authentication failed|Invalid username or password|could not read Username|could not read Password|terminal prompts disabled|Permission denied \(publickey|The requested URL returned error: 40[13]|HTTP Basic: Access denied|Host key verification failed/i;
