import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Those of `rca.dirs` that are folders in the repository at `root` (`.` is the root itself). */
export function existingRcaDirs(root: string, dirs: readonly string[]): string[] {
  return dirs.filter((dir) => statSync(join(resolve(root), dir), { throwIfNoEntry: false })?.isDirectory() ?? false);
}
