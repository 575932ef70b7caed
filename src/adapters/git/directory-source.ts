import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { RcaFileInfo } from '#src/ports.ts';
import type { ScanSource } from '#use-cases/scan-rca-files.ts';
import { existingRcaDirs } from './existing-rca-dirs.ts';
import { readWorkingTreeFiles } from './read-working-tree-files.ts';

/**
 * RCA files in a plain directory (a copy of a vault, a checkout): what `scribe remind --dry-run --repo`
 * reads. Only the configured RCA directories are read, as the bot's `git ls-files -- <rca.dirs>` reads
 * them: none of them in the folder, no files (the dry run says so; `rca.dirs: ['.']` reads it all).
 *
 * Synchronous on purpose: it runs on the command line or an index thread, where nothing else waits on
 * the thread, and each `fs.promises` call is a round trip through libuv's thread pool, which for ten
 * thousand files awaited one at a time left the process idle for seconds.
 */
export class DirectorySource implements ScanSource {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async listFiles(dirs: string[]): Promise<RcaFileInfo[]> {
    const out: RcaFileInfo[] = [];
    for (const dir of existingRcaDirs(this.root, dirs)) {
      const prefix = relative(this.root, join(this.root, dir)).split(sep).join('/');
      this.walk(join(this.root, dir), prefix === '' ? '' : `${prefix}/`, out);
    }
    // Code-unit order, the order git lists paths in.
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async *readFiles(files: RcaFileInfo[]): AsyncGenerator<{ path: string; text: string }> {
    yield* readWorkingTreeFiles(this.root, files);
  }

  private walk(dir: string, prefix: string, out: RcaFileInfo[]): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) this.walk(full, `${prefix}${entry.name}/`, out);
      else if (entry.name.toLowerCase().endsWith('.md')) {
        const info = statSync(full, { throwIfNoEntry: false });
        if (info) out.push({ path: `${prefix}${entry.name}`, blob: `${info.size}-${info.mtimeMs}` });
      }
    }
  }
}
