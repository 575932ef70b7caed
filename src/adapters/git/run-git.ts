import { spawn } from 'node:child_process';

/** A git command that exited non-zero; the message is git's own (stderr, else stdout). */
export class GitCommandError extends Error {
  readonly code = 'GIT';
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly stdout: string,
  ) {
    super((stderr.trim() || stdout.trim() || `git ${args[0]} exited with ${exitCode}`).slice(0, 2000));
  }
}

/**
 * Runs one git command in `cwd` and resolves with its output once git exits: git as a small
 * function, for the plumbing on the commit path (most of it prints nothing, and simple-git waits
 * for output that never comes). `input` is written to git's stdin.
 */
export function runGit(
  cwd: string,
  args: string[],
  options: { env: Record<string, string>; input?: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = options.input;
    const child = spawn('git', args, {
      cwd,
      env: options.env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0) resolve(stdout);
      else reject(new GitCommandError(args, code, Buffer.concat(err).toString('utf8'), stdout));
    });
    if (child.stdin) {
      // git may exit before it reads its input (an error); that is its answer, not a crash.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

/** A git command runner bound to one repository (and its environment), as the helpers here take it. */
export type Git = (args: string[], options?: { env?: Record<string, string>; input?: string }) => Promise<string>;
