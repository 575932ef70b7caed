#!/usr/bin/env node
// `npm run build` (and `npm pack`, through prepack): compiles all of src/ to dist/ with tsc, then copies
// what tsc does not emit (JSON, licences, any file that is not TypeScript) beside it, so code that reads
// a file next to itself (`new URL('api-ref', import.meta.url)`) finds it in dist/ as in src/.
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
