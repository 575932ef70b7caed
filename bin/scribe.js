#!/usr/bin/env node
// Runs the compiled dist/ when there is one (the npm package and the Docker image are built), else the
// TypeScript sources through tsx, so a clean clone works after `npm ci` with no build step. Node's
// `--conditions=development` (the tests pass it) always picks the sources, even beside a built dist/.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.8+ keeps V8's compiled code between runs (in the OS temp folder, or NODE_COMPILE_CACHE); it never
// throws, and Node 20 has no such function.
module.enableCompileCache?.();

let entry = import.meta.resolve('#scribe-cli');
if (!entry.endsWith('.js') || !existsSync(fileURLToPath(entry))) {
  entry = new URL('../src/cli.ts', import.meta.url).href;
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    console.error('scribe: no compiled dist/ and no tsx to run the sources: run `npm ci`, or `npm run build`.');
    process.exit(1);
  }
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
