import { open, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Files a postmortem repository keeps beside its RCAs that are not RCAs; `.scribeignore` adds more. */
const NOT_RCAS = ['README.md', 'CHANGELOG.md', 'CONTRIBUTING.md', 'CODE_OF_CONDUCT.md', 'LICENSE.md', 'SECURITY.md'];

export interface RcaFileFilter {
  /** True when `path` should not be linted: a README-like file, or one `.scribeignore`/`--ignore` names. */
  ignored(path: string): boolean;
  /** True for a file found in a folder walk that is an RCA: inside one of `rca.dirs`, or with front matter. */
  isRca(path: string): Promise<boolean>;
}

/** The filter for a lint run under `root`: gitignore-style patterns, as `.gitignore` and ESLint's ignores read. */
export async function createRcaFileFilter(root: string, dirs: string[], patterns: string[]): Promise<RcaFileFilter> {
  const matcher: Ignore = ignore()
    .add(NOT_RCAS)
    .add(await readScribeignore(root))
    .add(patterns);
  const inRoot = (path: string) => {
    const rel = relative(root, path).split(sep).join('/');
    return rel === '' || rel.startsWith('../') || rel === '..' ? null : rel;
  };
  return {
    ignored(path) {
      const rel = inRoot(path);
      return rel !== null && matcher.ignores(rel);
    },
    async isRca(path) {
      const rel = inRoot(path);
      if (rel !== null && dirs.some((dir) => rel.startsWith(`${dir.replace(/\/+$/, '')}/`))) return true;
      return hasFrontMatter(path);
    },
  };
}

async function readScribeignore(root: string): Promise<string> {
  try {
    return await readFile(join(root, '.scribeignore'), 'utf8');
  } catch {
    return '';
  }
}

async function hasFrontMatter(path: string): Promise<boolean> {
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(path);
    const { buffer, bytesRead } = await file.read(Buffer.alloc(8), 0, 8, 0);
    return /^(\uFEFF)?---[ \t]*\r?\n/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    await file?.close();
  }
}

/** Every `.md` file under `dir`, sorted, skipping hidden folders and node_modules. */
export async function listMarkdown(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listMarkdown(full)));
    else if (entry.name.toLowerCase().endsWith('.md')) out.push(full);
  }
  return out;
}
