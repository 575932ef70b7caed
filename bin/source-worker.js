// The first module of a worker thread started from the TypeScript sources (src/start-worker.ts): Node 20
// workers do not inherit the main thread's module hooks, so this registers tsx again, then imports the
// worker's own module.
import { register } from 'tsx/esm/api';

register();
const entry = process.env['SCRIBE_WORKER_ENTRY'];
delete process.env['SCRIBE_WORKER_ENTRY'];
await import(entry);
