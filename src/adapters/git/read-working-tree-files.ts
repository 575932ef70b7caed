import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RcaFileInfo } from '#src/ports.ts';

/**
 * The files under `root`, read one after another and synchronously (see the sources for why); a file
 * that has gone since it was listed is passed over.
 */
export function* readWorkingTreeFiles(root: string, files: RcaFileInfo[]): Generator<{ path: string; text: string }> {
  for (const { path } of files) {
    let text: string;
    try {
      text = readFileSync(join(root, path), 'utf8');
    } catch {
      continue;
    }
    yield { path, text };
  }
}
