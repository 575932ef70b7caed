import type { GitClone } from './git-clone.ts';
import { aheadBehind, revParse } from './git-refs.ts';
import { replayCommits } from './replay-commits.ts';

/**
 * Brings a local branch up to the remote's tip: a fast-forward when the bot has nothing of its
 * own, else its commits replayed on the tip. On a conflict the bot's commits are set aside under
 * `refs/scribe/set-aside/…` and the branch takes the remote's version; `aside` names that ref.
 * `beside`: the working tree follows while a push runs (see `moveBranch`).
 */
export async function integrateBranch(
  clone: GitClone,
  branch: string,
  remoteTip: string | null,
  beside = false,
): Promise<{ aside: string | null; head: string | null }> {
  const local = await revParse(clone.run, `refs/heads/${branch}`);
  if (remoteTip === null || local === remoteTip) return { aside: null, head: local };
  // One command says who is ahead: commits only the bot has, and commits only the remote has.
  const [ahead = 0, behind = 0] = local === null ? [0, 1] : await aheadBehind(clone.run, local, remoteTip);
  if (behind === 0) return { aside: null, head: local };
  if (local === null || ahead === 0) {
    await moveBranch(clone, branch, remoteTip, local);
    return { aside: null, head: remoteTip };
  }
  const replayed = await replayCommits(clone.run, branch, local, remoteTip, ahead);
  if (replayed !== null) {
    await moveBranch(clone, branch, replayed, local, beside);
    return { aside: null, head: replayed };
  }
  const aside = `refs/scribe/set-aside/${branch}/${local.slice(0, 12)}`;
  await clone.run(['update-ref', aside, local]);
  await moveBranch(clone, branch, remoteTip, local);
  return { aside, head: remoteTip };
}

/**
 * A review branch the remote no longer has, whose commits are all in the main branch (its review
 * was merged and the branch deleted), starts again from the main branch: a redraft then reads the
 * RCA as it was merged, with the edits made on the main branch since.
 */
export async function restartIfMerged(clone: GitClone, branch: string): Promise<void> {
  const local = await revParse(clone.run, `refs/heads/${branch}`);
  const main = await revParse(clone.run, `refs/heads/${clone.branch}`);
  if (local === null || main === null || local === main) return;
  const [onlyOnBranch = 1] = await aheadBehind(clone.run, local, main);
  if (onlyOnBranch === 0) await clone.run(['update-ref', `refs/heads/${branch}`, main, local]);
}

/** Waits for a working-tree update started beside a push, and throws its error if it failed. */
export async function settleCheckout(clone: GitClone): Promise<void> {
  const pending = clone.checkout;
  clone.checkout = null;
  const error = pending ? await pending : null;
  if (error) throw error;
}

/** Points a branch at a commit; the checked-out one moves its working tree along (`reset --keep`). */
async function moveBranch(clone: GitClone, branch: string, sha: string, old: string | null, beside = false) {
  if (branch !== clone.branch) {
    await clone.run(['update-ref', `refs/heads/${branch}`, sha, ...(old ? [old] : [])]);
    return;
  }
  // An unborn branch (a clone started offline) has no working tree to keep: check the tip out.
  const reset = clone.run(old === null ? ['reset', '--hard', sha] : ['reset', '--keep', sha]);
  // Beside a push, the working tree catches up while the commit travels: `push` reads objects and
  // `reset` writes the index, so they never take the same lock. `settleCheckout` waits for it.
  if (beside)
    clone.checkout = reset.then(
      () => null,
      (error: unknown) => error,
    );
  else await reset;
}
