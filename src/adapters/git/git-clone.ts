import type { Git } from './run-git.ts';

/** Whether the remote answered the last time the bot asked it. */
export interface RemoteState {
  remote: 'none' | 'reachable' | 'unreachable';
  /** git's own words for the last failure. */
  detail?: string;
}

/**
 * The working clone the RCA repository's helpers share: where it is, its main branch, a git runner
 * bound to it, and the two things that change as it runs (what the remote last said, and a
 * working-tree update running beside a push).
 */
export interface GitClone {
  readonly dir: string;
  /** The remote's URL or path (credentials split out), or null for a repository of the bot's own. */
  readonly remote: string | null;
  /** The main branch, the one the working tree is checked out on. */
  readonly branch: string;
  readonly run: Git;
  /** The temporary index a review branch's tree is built in, never the working tree's. */
  readonly scratchIndex: string;
  /** Attempts at a push that the remote rejected because it moved on. */
  readonly pushAttempts: number;
  state: RemoteState;
  /** A working-tree update running beside a push: resolves to its error, if any. */
  checkout: Promise<unknown> | null;
}
