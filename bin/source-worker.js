// The first module of a worker thread started from the TypeScript sources (src/start-worker.ts): Node 20
// workers do not inherit the main thread's module hooks, so this registers tsx and the `development`
// condition again, then imports the worker's own module.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register('./development-condition.js', import.meta.url);
const entry = process.env['SCRIBE_WORKER_ENTRY'];
delete process.env['SCRIBE_WORKER_ENTRY'];
await import(entry);
