import type { PushFailure } from '#src/ports.ts';
import { classifyGitFailure } from './classify-git-failure.ts';
import { fetchBranch, noteFailure } from './fetch-branches.ts';
import { firstLines } from './first-lines.ts';
import type { GitClone } from './git-clone.ts';
import { revParse } from './git-refs.ts';
import { integrateBranch, settleCheckout } from './integrate-branch.ts';

/** Null when pushed; otherwise why not, and the ref the bot's commit was set aside as on a conflict. */
export type PushResult = null | { kind: PushFailure; message: string; setAside?: string };

/**
 * Pushes a branch. A rejection because the remote moved on fetches that ref alone, replays the
 * bot's commit on the new tip and tries again; a review branch is pushed with a lease on the tip the
 * bot built on, so it never overwrites what someone pushed meanwhile. Null when pushed.
 */
export async function pushBranch(clone: GitClone, branch: string): Promise<PushResult> {
  try {
    return await pushWithRetries(clone, branch);
  } finally {
    await settleCheckout(clone);
  }
}

async function pushWithRetries(clone: GitClone, branch: string): Promise<PushResult> {
  let last = '';
  let source = `refs/heads/${branch}`;
  for (let attempt = 1; attempt <= clone.pushAttempts; attempt += 1) {
    const lease =
      branch === clone.branch
        ? []
        : [
            `--force-with-lease=refs/heads/${branch}:${(await revParse(clone.run, `refs/remotes/origin/${branch}`)) ?? ''}`,
          ];
    try {
      await clone.run(['push', ...lease, 'origin', `${source}:refs/heads/${branch}`]);
      clone.state = { remote: 'reachable' };
      return null;
    } catch (error) {
      last = firstLines(error);
      const kind = classifyGitFailure(last);
      if (kind !== 'rejected') return failed(clone, kind, last);
    }
    clone.state = { remote: 'reachable' };
    await settleCheckout(clone);
    // The first retry goes at once (the other writer has landed); later ones spread out.
    if (attempt > 1) await sleep(Math.random() * 30 * attempt);
    const fetched = await fetchBranch(clone, branch);
    if (!fetched.ok) return failed(clone, classifyGitFailure(fetched.error), fetched.error);
    // The working tree follows the replayed commit while it is pushed (`reset --keep` beside `push`).
    const integrated = await integrateBranch(clone, branch, fetched.tip, true);
    if (integrated.aside !== null)
      return {
        kind: 'conflict',
        message: `the remote's ${branch} changed the same lines; the bot's commit is set aside as ${integrated.aside}`,
        setAside: integrated.aside,
      };
    source = integrated.head ?? source;
  }
  return { kind: 'rejected', message: last };
}

function failed(clone: GitClone, kind: PushFailure, message: string): PushResult {
  noteFailure(clone, kind, message);
  return { kind, message };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
