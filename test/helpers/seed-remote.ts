import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, tempDir } from './git-repos.ts';

/** Commits files (hand-written RCAs) to a bare remote's main branch, as a person would push them. */
export function seedRemote(bare: string, files: Record<string, string>): void {
  const work = join(tempDir(), 'work');
  git(tempDir(), 'clone', '-q', bare, work);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(work, path, '..'), { recursive: true });
    writeFileSync(join(work, path), content);
  }
  git(work, 'add', '.');
  git(work, 'commit', '-qm', 'seed RCAs');
  git(work, 'push', '-q', 'origin', 'main');
}
