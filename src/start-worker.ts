import { Worker, type WorkerOptions } from 'node:worker_threads';

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * A worker thread running the module at `url`, written as the source file beside the caller:
 * `startWorker(new URL('./scan-worker.ts', import.meta.url))`. From dist/ it runs the compiled `.js`;
 * from the sources it starts through bin/source-worker.js, which registers tsx in the worker (Node 20
 * workers do not inherit the main thread's module hooks).
 */
export function startWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  if (!FROM_SOURCES) return new Worker(new URL(url.href.replace(/\.ts$/, '.js')), options);
  const env = { ...(typeof options.env === 'object' ? options.env : process.env), SCRIBE_WORKER_ENTRY: url.href };
  return new Worker(new URL('../bin/source-worker.js', import.meta.url), { ...options, env });
}
