#!/usr/bin/env node
// `npm run build` (and `npm pack`, through prepack): compiles all of src/ to dist/ with tsc, then copies
// what tsc does not emit (JSON, licences, any file that is not TypeScript) beside it, so code that reads
// a file next to itself (`new URL('api-ref', import.meta.url)`) finds it in dist/ as in src/. Last, the
// commands a postmortem repository's CI runs on every push are bundled with their dependencies into one
// file each (esbuild): loading zod, yaml and remark from ~500 files was most of `scribe rca lint`'s time.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
cpSync(join(root, 'src'), join(root, 'dist'), {
  recursive: true,
  filter: (source) => !source.endsWith('.ts'),
});

// Bundled in place: the same path, so cli.ts imports them as before. Each is a leaf (nothing imports it
// back), so its private copy of src/rca and src/config is never compared against another one.
const { build } = await import('esbuild');
for (const command of ['commands/rca-lint.js', 'commands/rca-parse.js']) {
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
