import type { Deps } from './deps.ts';

/**
 * The reminder run's warning when the index holds no RCA file: the bot lists only `rca.dirs` in its
 * clone (`git ls-files -- <rca.dirs>`), so with none of them there it reminds no one and would say
 * nothing. Told once per start, not every run; told again after a run that found files.
 */
export function warnOnceWithoutRcaFiles(log: Deps['log'], dirs: readonly string[]): (files: number) => void {
  let told = false;
  return (files) => {
    if (files > 0) {
      told = false;
      return;
    }
    if (told) return;
    told = true;
    log.warn(
      { dirs },
      `the reminder run found no RCA file under rca.dirs (${dirs.join(', ')}) in the RCA repository, so it reminds no one; set rca.dirs in the configuration (SCRIBE_CONFIG) to the folders that hold the RCAs, e.g. [postmortems], or ['.'] for the whole repository (scribe remind --dry-run --repo <folder> shows what it reads)`,
    );
  };
}
