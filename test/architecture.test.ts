import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layers, read from the import graph: the pure core (domain, rca, use-cases) imports no adapter
 * and no library that reaches Slack, git, the filesystem or a database; rca is a data format that
 * imports nothing else of ours; production code never imports test code; files stay small.
 */

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const PURE = ['src/domain/', 'src/rca/', 'src/use-cases/'];
const IMPURE_PACKAGES = /^(?:@slack\/|simple-git$|(?:node:)?fs(?:\/|$)|kysely$|better-sqlite3$|pg$)/;
const MAX_LINES = 300;
const MAX_MEDIAN = 50;
/** Files allowed past MAX_LINES for now, each with why; none today. */
const TOO_LONG_FOR_NOW: Record<string, string> = {};

type Files = Record<string, string>;
type Aliases = Record<string, string | Record<string, string>>;

/** What a file imports: static imports, re-exports and `import()` with a literal specifier. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm, /\bimport\s*\(\s*['"]([^'"]+)['"]/g];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  return found;
}

/** A specifier as a repository path (`src/domain/x.ts`), or as `pkg:name` for a package. */
function resolveImport(from: string, specifier: string, aliases: Aliases): string {
  if (specifier.startsWith('.')) return posix.normalize(posix.join(posix.dirname(from), specifier));
  if (specifier.startsWith('#')) {
    for (const [key, target] of Object.entries(aliases)) {
      const to = typeof target === 'string' ? target : (target['development'] ?? Object.values(target)[0]!);
      if (key === specifier) return posix.normalize(to);
      if (key.endsWith('*') && specifier.startsWith(key.slice(0, -1)))
        return posix.normalize(to.replace('*', specifier.slice(key.length - 1)));
    }
    return `unresolved:${specifier}`;
  }
  return `pkg:${specifier}`;
}

/** Every broken rule, as `file: what is wrong`. */
function findViolations(files: Files, aliases: Aliases): string[] {
  const problems: string[] = [];
  const sizes: number[] = [];
  for (const [file, source] of Object.entries(files)) {
    const lines = source.endsWith('\n') ? source.split('\n').length - 1 : source.split('\n').length;
    sizes.push(lines);
    if (lines > MAX_LINES && !(file in TOO_LONG_FOR_NOW))
      problems.push(`${file}: ${lines} lines, more than ${MAX_LINES}; split it by what it does`);
    for (const specifier of importsOf(source)) {
      const target = resolveImport(file, specifier, aliases);
      const pure = PURE.some((dir) => file.startsWith(dir));
      if (target.startsWith('unresolved:')) problems.push(`${file}: imports ${specifier}, which no alias names`);
      if (target.startsWith('test/')) problems.push(`${file}: imports test code (${specifier})`);
      if (pure && target.startsWith('src/adapters/'))
        problems.push(`${file}: the pure core imports an adapter (${specifier})`);
      if (pure && target.startsWith('pkg:') && IMPURE_PACKAGES.test(target.slice(4)))
        problems.push(`${file}: the pure core imports ${specifier}`);
      if (file.startsWith('src/rca/') && !target.startsWith('pkg:') && !target.startsWith('src/rca/'))
        problems.push(`${file}: rca imports code of ours outside src/rca (${specifier})`);
    }
  }
  const sorted = sizes.sort((a, b) => a - b);
  const median = sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
  if (median > MAX_MEDIAN) problems.push(`src: the median file has ${median} lines, more than ${MAX_MEDIAN}`);
  return problems;
}

function readSources(dir: string): Files {
  const files: Files = {};
  for (const entry of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
    if (!/\.(?:ts|js|mjs)$/.test(entry) || entry.endsWith('.d.ts')) continue;
    const path = relative(ROOT, join(ROOT, dir, entry))
      .split('\\')
      .join('/');
    files[path] = readFileSync(join(ROOT, path), 'utf8');
  }
  return files;
}

const ALIASES = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { imports: Aliases }).imports;

describe('architecture', () => {
  it('keeps the layers, the sizes and production code apart from tests', () => {
    const files = readSources('src');

    expect(Object.keys(files).length).toBeGreaterThan(100);
    expect(findViolations(files, ALIASES)).toEqual([]);
  });

  it('lists only files that are still too long in the allow-list', () => {
    const files = readSources('src');

    for (const file of Object.keys(TOO_LONG_FOR_NOW))
      expect(files[file]?.split('\n').length ?? 0, `${file} is short now: drop it from the list`).toBeGreaterThan(
        MAX_LINES,
      );
  });

  it('ships no test code: the image copies no test/ and the package lists none', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const packaged = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;

    expect(dockerfile.match(/^\s*COPY\b.*\btest\b.*$/gm) ?? []).toEqual([]);
    expect(packaged.filter((entry) => /(?:^|\/)test(?:\/|$)/.test(entry))).toEqual([]);
  });

  it('finds each kind of broken rule', () => {
    const files: Files = {
      'src/domain/a.ts': "import { x } from '#adapters/slack/x.ts';\nimport { readFileSync } from 'node:fs';\n",
      'src/use-cases/b.ts': "export { y } from '../adapters/git/y.ts';\nconst k = await import('kysely');\n",
      'src/rca/c.ts': "import type { D } from '#domain/d.ts';\nimport { unified } from 'unified';\n",
      'src/adapters/d.ts': "import { harness } from '#test/helpers/h.ts';\nimport '../../test/setup.ts';\n",
      'src/adapters/e.ts': 'x\n'.repeat(301),
      'src/adapters/f.ts': "import { z } from '#nowhere/z.ts';\n",
    };

    expect(findViolations(files, ALIASES)).toEqual([
      'src/domain/a.ts: the pure core imports an adapter (#adapters/slack/x.ts)',
      'src/domain/a.ts: the pure core imports node:fs',
      'src/use-cases/b.ts: the pure core imports an adapter (../adapters/git/y.ts)',
      'src/use-cases/b.ts: the pure core imports kysely',
      'src/rca/c.ts: rca imports code of ours outside src/rca (#domain/d.ts)',
      'src/adapters/d.ts: imports test code (#test/helpers/h.ts)',
      'src/adapters/d.ts: imports test code (../../test/setup.ts)',
      'src/adapters/e.ts: 301 lines, more than 300; split it by what it does',
      'src/adapters/f.ts: imports #nowhere/z.ts, which no alias names',
    ]);
  });

  it('finds a median file past 50 lines', () => {
    const files: Files = { 'src/a.ts': 'x\n'.repeat(40), 'src/b.ts': 'x\n'.repeat(51), 'src/c.ts': 'x\n'.repeat(60) };

    expect(findViolations(files, ALIASES)).toEqual(['src: the median file has 51 lines, more than 50']);
  });
});
