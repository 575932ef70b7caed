import { relative, resolve, sep } from 'node:path';

/**
 * A repository-relative path (`relativePath`) or the absolute one, refused if it would leave the
 * repository or reach into `.git`.
 */
export function repoPath(dir: string, path: string, relativePath = false): string {
  const full = resolve(dir, path);
  const rel = relative(dir, full);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('.git') || resolve(dir, rel) !== full) {
    throw new Error(`Refusing to write outside the RCA repository: ${path}`);
  }
  return relativePath ? rel.split(sep).join('/') : full;
}
