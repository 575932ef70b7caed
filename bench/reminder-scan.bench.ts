/**
 * The reminder scan over a generated repository of 10,000 RCAs: a cold scan (new index, nothing cached),
 * an incremental scan after 10 files changed (the running bot's case), the naive full unified parse of
 * a sample measured in the same run for comparison, event-loop delay and inbox-write latency while a
 * cold scan runs (what an ack would wait), and the heap after repeated scans.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { createSqliteStore } from '#adapters/store/create-store.ts';
import { parseRca } from '#rca/parse-rca.ts';
import { RcaIndex } from '#use-cases/rca-index.ts';
import { git } from '../test/helpers/git-repos.ts';
import { RCA_TEMPLATE } from '../test/helpers/template.ts';
import { writeGeneratedRcas } from './lib/generate-rcas.ts';
import { percentile } from './lib/stats.ts';

const COUNT = Number(process.env['BENCH_RCAS'] ?? 10_000);
const SAMPLE = Number(process.env['BENCH_NAIVE_SAMPLE'] ?? 500);
const template = RCA_TEMPLATE;

const root = mkdtempSync(join(tmpdir(), 'scribe-bench-scan-'));
const repoDir = join(root, 'rca-repo');
git(root, 'init', '-q', '--initial-branch', 'main', repoDir);
writeGeneratedRcas(repoDir, COUNT, template);
git(repoDir, 'add', '.');
git(repoDir, 'commit', '-qm', 'seed');
const repo = new SimpleGitRcaRepository({
  repo: '',
  dataDir: root,
  branch: 'main',
  authorName: 'b',
  authorEmail: 'b@b',
});
await repo.prepare();
const store = createSqliteStore(join(root, 'scribe.sqlite'));
await store.migrate();

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
// What an ack waits for besides the event loop: its inbox write, on the store the scan also writes to.
const inboxWrites: number[] = [];
let scanning = true;
const prober = (async () => {
  for (let i = 0; scanning; i += 1) {
    const start = performance.now();
    await store.recordEvent(`EvBench${i}`, '{}', new Date().toISOString());
    inboxWrites.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
})();
let t = performance.now();
const cold = new RcaIndex(repo, store, ['RCAs']);
const first = await cold.refresh();
const coldSeconds = (performance.now() - t) / 1000;
scanning = false;
await prober;
delay.disable();
const items = first.files.reduce((n, f) => n + f.items.length, 0);
console.log(
  `cold scan of ${first.files.length} RCAs (${items} action items, cache written to SQLite): ${coldSeconds.toFixed(2)} s (target ≤ 2 s)`,
);
console.log(
  `  event-loop delay while it ran: p50 ${(delay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms (an ack waits at most this long; target ack p99 ≤ 10 ms)`,
);

console.log(
  `  inbox writes while it ran: n=${inboxWrites.length}, p50 ${percentile(inboxWrites, 50).toFixed(1)} ms, p99 ${percentile(inboxWrites, 99).toFixed(1)} ms, max ${Math.max(...inboxWrites).toFixed(1)} ms`,
);

const files = first.files.slice(0, 10).map((f) => f.path);
for (const path of files)
  writeFileSync(
    join(repoDir, path),
    readFileSync(join(repoDir, path), 'utf8').replace('Follow-up 0', 'Follow-up zero'),
  );
git(repoDir, 'commit', '-qam', 'ten edits');
t = performance.now();
const incremental = await cold.refresh();
console.log(
  `incremental scan after 10 files changed, running index: ${(performance.now() - t).toFixed(1)} ms, ${incremental.parsed} files re-read (target ≤ 100 ms)`,
);

t = performance.now();
const restarted = await new RcaIndex(repo, store, ['RCAs']).refresh();
console.log(
  `scan after a restart (cache from the store, nothing re-read): ${(performance.now() - t).toFixed(0)} ms, ${restarted.parsed} files re-read`,
);

const sample = first.files.slice(0, SAMPLE).map((f) => readFileSync(join(repoDir, f.path), 'utf8'));
t = performance.now();
for (const source of sample) parseRca(source);
const naivePerDoc = (performance.now() - t) / sample.length;
console.log(
  `naive full unified parse: ${naivePerDoc.toFixed(2)} ms/doc on a ${SAMPLE}-file sample → ${((naivePerDoc * COUNT) / 1000).toFixed(1)} s for ${COUNT}; cold scan is ${((naivePerDoc * COUNT) / 1000 / coldSeconds).toFixed(0)}× faster`,
);

const heap: string[] = [];
for (let i = 0; i < 5; i += 1) {
  await cold.refresh();
  globalThis.gc?.();
  heap.push((process.memoryUsage().heapUsed / 1e6).toFixed(0));
}
console.log(
  `heap after each of 5 more scans: ${heap.join(', ')} MB (flat: the index holds one entry per file and drops files that are gone)`,
);
await store.close();
rmSync(root, { recursive: true, force: true });
