import { existingRcaDirs } from '#adapters/git/existing-rca-dirs.ts';

/**
 * What `scribe remind --dry-run` says when none of the RCA directories is in the repository it
 * reads: the bot lists only those (`git ls-files -- <rca.dirs>`), so it would read no RCA there, and
 * the dry run reads none either rather than a different set of files. Null when one of them is there.
 */
export function rcaDirsWarning(dir: string, name: string, dirs: readonly string[]): string | null {
  if (existingRcaDirs(dir, dirs).length > 0) return null;
  const listed = dirs.length === 0 ? 'none set' : dirs.join(', ');
  return `none of rca.dirs (${listed}) is in ${name}: the bot would read no RCA there, and neither does this dry run; set rca.dirs in the configuration (SCRIBE_CONFIG) to the folders that hold the RCAs, e.g. [postmortems], or ['.'] for the whole repository`;
}
