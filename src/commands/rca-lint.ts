import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { lintOptionsFrom, loadConfig } from '#config/load-config.ts';
import { formatReports, type LintInput, lintFiles, noteName } from '#rca/lint-files.ts';
import type { Command } from './command.ts';

export const rcaLint: Command = {
  summary: 'Lint RCA files or directories (for a postmortem repository CI)',
  usage: '<path...> [--format text|json] [--root <dir>]',
  options: {
    format: { type: 'string', valueName: 'text|json', description: 'Output format (default text)' },
    root: {
      type: 'string',
      valueName: 'dir',
      description: 'Where wiki links may point (default: the repository root)',
    },
  },
  async run(values, positionals) {
    const format = (values['format'] as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') {
      console.error(`scribe rca lint: --format must be text or json, not "${format}"`);
      return 2;
    }
    if (positionals.length === 0) {
      console.error('scribe rca lint: give the files or directories to lint, e.g. `scribe rca lint RCAs/`');
      return 2;
    }
    const loaded = loadConfig();
    if (!loaded.ok) {
      console.error(`Configuration problems:\n  ${loaded.errors.join('\n  ')}`);
      return 1;
    }
    const inputs: LintInput[] = [];
    for (const path of positionals) inputs.push(...(await collect(path)));
    const root = (values['root'] as string | undefined) ?? (await findRoot(resolve(positionals[0]!)));
    const notes = new Set((await listMarkdown(root)).map(noteName));
    for (const input of inputs) notes.add(noteName(input.path));
    const reports = lintFiles(inputs, lintOptionsFrom(loaded.config), notes);
    const summary = formatReports(reports);
    console.log(format === 'json' ? JSON.stringify(reports, null, 2) : summary.text);
    return summary.errors > 0 ? 1 : 0;
  },
};

async function collect(path: string): Promise<LintInput[]> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      const files = await listMarkdown(path);
      return Promise.all(files.map((file) => readInput(file)));
    }
  } catch (error) {
    return [{ path, source: null, readError: (error as NodeJS.ErrnoException).code ?? String(error) }];
  }
  return [await readInput(path)];
}

async function readInput(path: string): Promise<LintInput> {
  try {
    return { path, source: await readFile(path, 'utf8') };
  } catch (error) {
    return { path, source: null, readError: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

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
