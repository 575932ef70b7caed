import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { RcaFileInfo } from '#src/ports.ts';
import type { ScanSource } from '#use-cases/rca-index.ts';

/**
 * RCA files in a plain directory (a copy of a vault, a checkout): what `scribe remind --dry-run --repo`
 * reads. The configured RCA directories are used where they exist, else the whole directory.
 */
export class DirectorySource implements ScanSource {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async listFiles(dirs: string[]): Promise<RcaFileInfo[]> {
    const existing: string[] = [];
    for (const dir of dirs) {
      if (
        await stat(join(this.root, dir)).then(
          (s) => s.isDirectory(),
          () => false,
        )
      )
        existing.push(dir);
    }
    const out: RcaFileInfo[] = [];
    for (const dir of existing.length > 0 ? existing : ['.']) await this.walk(join(this.root, dir), out);
    return out.sort((a, b) => a.path.localeCompare(b.path));
  }

  async readFile(path: string): Promise<string | null> {
    try {
      return readFileSync(join(this.root, path), 'utf8');
    } catch {
      return null;
    }
  }

  private async walk(dir: string, out: RcaFileInfo[]): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await this.walk(full, out);
      else if (entry.name.toLowerCase().endsWith('.md')) {
        const info = await stat(full);
        out.push({ path: relative(this.root, full).split(sep).join('/'), blob: `${info.size}-${info.mtimeMs}` });
      }
    }
  }
}
