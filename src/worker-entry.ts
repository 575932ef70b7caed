import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * How to start a worker thread on the module at `url`, written as the TypeScript source beside the
 * caller (`workerEntry(new URL('./index-thread.ts', import.meta.url))`): the file to run and the
 * `execArgv` to run it with, for `new Worker` or piscina alike. From a build it is the compiled `.js`
 * beside it. From the sources the thread needs tsx's loader, which it does not inherit from a
 * `register()` call on the main thread: `--import tsx` is added to its `execArgv`, unless the process
 * was itself started with it (threads inherit that, with flags a thread may not be given explicitly,
 * such as `--expose-gc`).
 */
export function workerEntry(url: URL): { filename: string; execArgv?: string[] } {
  const source = url.pathname.endsWith('.ts');
  const filename = fileURLToPath(FROM_SOURCES || !source ? url : new URL(url.href.replace(/\.ts$/, '.js')));
  if (!FROM_SOURCES || !source || process.execArgv.some((arg) => arg.includes('tsx'))) return { filename };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename, execArgv: ['--import', tsx] };
}
