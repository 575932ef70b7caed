import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { formatLintReports } from '#rca/format-lint-reports.ts';
import { type LintInput, lintFiles, noteName } from '#rca/lint-files.ts';
import type { LintCommandOptions } from './create-program.ts';
import { loadLintOptions } from './load-lint-options.ts';
import { describeReadError, readTextFile } from './read-text-file.ts';
import { createRcaFileFilter, listMarkdown } from './select-rca-files.ts';

/** `scribe rca lint <paths...>`: exit 1 when a file has an error, 0 otherwise (warnings included). */
export async function rcaLint(paths: string[], options: LintCommandOptions): Promise<number> {
  const lint = loadLintOptions();
  if (!lint.ok) {
    console.error(`scribe rca lint: the configuration has problems:\n  ${lint.errors.join('\n  ')}`);
    return 1;
  }
  const kinds: ('file' | 'dir')[] = [];
  for (const path of paths) {
    try {
      kinds.push((await stat(path)).isDirectory() ? 'dir' : 'file');
    } catch (error) {
      console.error(`scribe rca lint: cannot read ${path}: ${describeReadError(error as NodeJS.ErrnoException)}`);
      return 1;
    }
  }
  const root = resolve(options.root ?? (await findRoot(resolve(paths[0]!))));
  const filter = await createRcaFileFilter(root, lint.dirs, options.ignore ?? []);
  const files: string[] = [];
  for (const [i, path] of paths.entries()) {
    if (kinds[i] === 'file') {
      if (!filter.ignored(resolve(path))) files.push(path);
      continue;
    }
    for (const file of await listMarkdown(path))
      if (!filter.ignored(resolve(file)) && (await filter.isRca(resolve(file)))) files.push(file);
  }
  const inputs = await Promise.all(files.map(readInput));
  const notes = new Set((await listMarkdown(root)).map(noteName));
  for (const input of inputs) notes.add(noteName(input.path));
  let reports = lintFiles(inputs, lint.options, notes);
  // GitHub places an annotation by its path from the repository root, where the workflow runs.
  if (options.format === 'github') reports = reports.map((r) => ({ ...r, path: relative(process.cwd(), r.path) }));
  const summary = formatLintReports(reports, options.format);
  console.log(summary.text);
  return summary.errors > 0 ? 1 : 0;
}

async function readInput(path: string): Promise<LintInput> {
  const read = await readTextFile(path);
  return read.ok ? { path, source: read.source } : { path, source: null, readError: read.problem };
}

/** The nearest folder above `start` that is a git repository or an Obsidian vault; else its parent. */
async function findRoot(start: string): Promise<string> {
  let dir = start;
  for (;;) {
    for (const marker of ['.git', '.obsidian']) {
      try {
        await stat(join(dir, marker));
        return dir;
      } catch {
        /* keep looking */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return dirname(start);
    dir = parent;
  }
}
