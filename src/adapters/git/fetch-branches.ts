import type { PushFailure } from '#src/ports.ts';
import { classifyGitFailure } from './classify-git-failure.ts';
import { firstLines } from './first-lines.ts';
import type { GitClone } from './git-clone.ts';
import { revParse } from './git-refs.ts';

export type FetchedRef = { ok: true; tip: string | null } | { ok: false; error: string };

/** Fetches one branch from the remote; its tip, or null when the remote has no such branch. */
export async function fetchBranch(clone: GitClone, branch: string): Promise<FetchedRef> {
  try {
    await clone.run(['fetch', '--no-tags', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
    clone.state = { remote: 'reachable' };
    return { ok: true, tip: await revParse(clone.run, `refs/remotes/origin/${branch}`) };
  } catch (error) {
    const message = firstLines(error);
    if (/couldn't find remote ref/i.test(message)) {
      clone.state = { remote: 'reachable' };
      // The remote deleted the branch (a merged review, say): forget its old tip, so the next push
      // leases on "no such branch" and creates it again.
      await clone.run(['update-ref', '-d', `refs/remotes/origin/${branch}`]).catch(() => undefined);
      return { ok: true, tip: null };
    }
    noteFailure(clone, classifyGitFailure(message), message);
    return { ok: false, error: message };
  }
}

/** Several branches in one fetch (one connection); one by one when the remote lacks one of them. */
export async function fetchBranches(clone: GitClone, branches: string[]): Promise<Map<string, string | null> | null> {
  const tips = new Map<string, string | null>();
  if (branches.length > 1) {
    const specs = branches.map((b) => `+refs/heads/${b}:refs/remotes/origin/${b}`);
    const together = await clone.run(['fetch', '--no-tags', 'origin', ...specs]).then(
      () => true,
      () => false,
    );
    if (together) {
      clone.state = { remote: 'reachable' };
      for (const b of branches) tips.set(b, await revParse(clone.run, `refs/remotes/origin/${b}`));
      return tips;
    }
  }
  for (const b of branches) {
    const fetched = await fetchBranch(clone, b);
    if (!fetched.ok) return null;
    tips.set(b, fetched.tip);
  }
  return tips;
}

/** An unreachable remote is remembered (readiness reports it); other failures leave the state alone. */
export function noteFailure(clone: GitClone, kind: PushFailure, message: string): void {
  if (kind === 'unreachable') clone.state = { remote: 'unreachable', detail: message };
}
