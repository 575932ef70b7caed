import { type SimpleGit, simpleGit } from 'simple-git';
import { type Git, runGit } from './run-git.ts';

/** Who the bot's commits are by, and the environment (credentials, no prompts) every command gets. */
export interface CloneGitOptions {
  authorName: string;
  authorEmail: string;
  env: Record<string, string>;
  /** Told how long each git command took (`push`, `fetch`, `merge-tree`…): the bench's steps. */
  onCommand?: ((command: string, ms: number) => void) | undefined;
}

/**
 * No automatic maintenance after each commit: it runs as a child holding git's output open, which
 * makes every commit wait for it. `maintain()` runs it from the retry schedule instead.
 */
const CONFIG = ['gc.auto=0', 'maintenance.auto=false'];

/** Our own GIT_SSH_COMMAND (batch mode) and GIT_CONFIG_* (the credential header) are deliberate. */
const UNSAFE = { allowUnsafeSshCommand: true, allowUnsafeConfigEnvCount: true };

/** One git command in the clone, with the bot's identity and no automatic maintenance. */
export function createCloneGit(dir: string, options: CloneGitOptions): Git {
  const identity = ['-c', `user.name=${options.authorName}`, '-c', `user.email=${options.authorEmail}`];
  return (args, extra = {}) => {
    const started = performance.now();
    const done = runGit(dir, [...CONFIG.flatMap((c) => ['-c', c]), ...identity, ...args], {
      env: { ...options.env, ...(extra.env ?? {}) },
      ...(extra.input === undefined ? {} : { input: extra.input }),
    });
    const onCommand = options.onCommand;
    if (!onCommand) return done;
    const report = () => onCommand(args[0] ?? '', performance.now() - started);
    done.then(report, report);
    return done;
  };
}

/** simple-git over `baseDir`, for cloning and opening the clone (the commit path uses `createCloneGit`). */
export function createSimpleGit(baseDir: string, options: CloneGitOptions): SimpleGit {
  const env = options.env;
  return simpleGit({
    baseDir,
    config: [`user.name=${options.authorName}`, `user.email=${options.authorEmail}`, ...CONFIG],
    unsafe: UNSAFE,
    allowEnvironment: Object.keys(env),
    // Done when git's output closes, not 50 ms after a quiet command exits.
    completion: { onClose: true, onExit: false },
  }).env(env);
}
