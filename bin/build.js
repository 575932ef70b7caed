#!/usr/bin/env node
// `npm run build` (and `npm pack`, through prepack): compiles all of src/ to dist/ with tsc, points the
// `imports` aliases at the compiled files (`#rca/x.ts` becomes `./x.js` or `../rca/x.js`, so dist/ needs no
// alias and the sources keep plain ones that tsx, vitest and worker threads read as they are), then copies
// what tsc does not emit (JSON, licences, any file that is not TypeScript) beside it, so code that reads
// a file next to itself (`new URL('api-ref', import.meta.url)`) finds it in dist/ as in src/. Last, the
// commands a postmortem repository's CI runs on every push are bundled with their dependencies into one
// file each (esbuild): loading zod, yaml and remark from ~500 files was most of `scribe rca lint`'s time.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = join(root, 'node_modules/typescript/bin/tsc');
// tsc reports each `#alias/x.ts` import as TS2877 (it rewrites only relative `.ts` specifiers) and emits
// anyway; rewriteAliases below rewrites exactly those, so TS2877 is expected and any other error fails.
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { encoding: 'utf8' });
const errors = `${compiled.stdout}${compiled.stderr}`.split('\n').filter((line) => line && !line.includes('TS2877'));
if (errors.length > 0 || compiled.error) {
  console.error(errors.join('\n') || String(compiled.error));
  process.exit(1);
}
rewriteAliases(join(root, 'dist'));
cpSync(join(root, 'src'), join(root, 'dist'), {
  recursive: true,
  filter: (source) => !source.endsWith('.ts'),
});

// Bundled in place: the same path, so cli.ts imports them as before. Each is a leaf (nothing imports it
// back), so its private copy of src/rca and src/config is never compared against another one.
// `scribe remind` too: from one bundled module it starts in about 0.35 s over an empty folder, against
// about 0.5 s from its 290 modules (67 of them ours; the reminder-scan bench prints the time).
const { build } = await import('esbuild');
const LEAVES = ['commands/rca-lint.js', 'commands/rca-parse.js', 'commands/remind.js'];
for (const command of LEAVES) {
  const file = join(root, 'dist', command);
  await build({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // Smaller to read and compile at every start; no stack trace is ever shown, so nothing is lost.
    minify: true,
    // js-yaml (under gray-matter) loads esprima only for the !!js/function type, inside a try.
    external: ['esprima'],
    // gray-matter and ignore are CommonJS and require Node's built-ins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
}

/** Every `'#alias/…/x.ts'` in the compiled files, as a path relative to the file: `'../rca/x.js'`. */
function rewriteAliases(dist) {
  const imports = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).imports;
  const toDist = new Map();
  for (const [alias, target] of Object.entries(imports)) {
    if (typeof target === 'string' && alias.endsWith('/*') && target.startsWith('./src/'))
      toDist.set(alias.slice(0, -1), join(dist, target.slice('./src/'.length, -1)));
  }
  const specifier = /(['"])(#[\w-]+\/)([^'"\s]+)\.ts\1/g;
  for (const file of listJs(dist)) {
    const source = readFileSync(file, 'utf8');
    const rewritten = source.replace(specifier, (whole, quote, alias, rest) => {
      const base = toDist.get(alias);
      if (base === undefined) return whole;
      const path = relative(dirname(file), join(base, `${rest}.js`))
        .split(sep)
        .join('/');
      return `${quote}${path.startsWith('.') ? path : `./${path}`}${quote}`;
    });
    if (rewritten !== source) writeFileSync(file, rewritten);
  }
}

function listJs(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listJs(path) : entry.name.endsWith('.js') ? [path] : [];
  });
}
