/**
 * Render + commit + push of one RCA into a repository that already holds 10,000, and two writers
 * (separate clones, as two replicas have) racing to push at once until both land.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { renderRca } from '#rca/render-rca.ts';
import { git } from '../test/helpers/git-repos.ts';
import { RCA_TEMPLATE } from '../test/helpers/template.ts';
import { generatedDraft, writeGeneratedRcas } from './lib/generate-rcas.ts';
import { percentile } from './lib/stats.ts';

const COUNT = Number(process.env['BENCH_RCAS'] ?? 10_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20);
const template = RCA_TEMPLATE;

const root = mkdtempSync(join(tmpdir(), 'scribe-bench-git-'));
const seed = join(root, 'seed');
const bare = join(root, 'postmortems.git');
let t = performance.now();
git(root, 'init', '-q', '--initial-branch', 'main', seed);
writeGeneratedRcas(seed, COUNT, template);
git(seed, 'add', '.');
git(seed, 'commit', '-qm', 'seed');
git(root, 'clone', '-q', '--bare', seed, bare);
console.log(`repository with ${COUNT} RCAs built in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const repoAt = (name: string) =>
  new SimpleGitRcaRepository({
    repo: bare,
    dataDir: join(root, name),
    branch: 'main',
    authorName: 'Incident Scribe',
    authorEmail: 'scribe@example.com',
  });
const one = repoAt('one');
t = performance.now();
await one.prepare();
console.log(`bot's first clone: ${((performance.now() - t) / 1000).toFixed(2)} s`);
// At start the bot also runs its housekeeping (`git gc --auto`), which packs a clone that came
// with loose objects (a clone from a local path hard-links them, 10,000 here).
t = performance.now();
await one.maintain();
console.log(`housekeeping at start: ${((performance.now() - t) / 1000).toFixed(2)} s`);

const single: number[] = [];
for (let i = 0; i < ROUNDS; i += 1) {
  const draft = generatedDraft(COUNT + i, Date.UTC(2026, 0, 1));
  const start = performance.now();
  const content = renderRca(draft, template);
  const outcome = await one.commitFile(`RCAs/${draft.date}-bench-${i}.md`, content, `Add RCA draft ${i}`);
  single.push(performance.now() - start);
  if (!outcome.committed || !outcome.pushed) throw new Error(`round ${i} did not land: ${JSON.stringify(outcome)}`);
}
console.log(
  `render + commit + push, one writer: median ${percentile(single, 50).toFixed(1)} ms, p90 ${percentile(single, 90).toFixed(1)} ms (target ≤ 120 ms median)`,
);

// The floor on this machine: the same three git commands run directly, no library, no rendering.
const rawDir = join(root, 'raw');
git(root, 'clone', '-q', bare, rawDir);
const raw: number[] = [];
for (let i = 0; i < ROUNDS; i += 1) {
  git(rawDir, 'pull', '-q', '--rebase', 'origin', 'main');
  const file = `RCAs/raw-${i}.md`;
  const start = performance.now();
  writeFileSync(join(rawDir, file), renderRca(generatedDraft(COUNT + 500 + i, Date.UTC(2026, 5, 1)), template));
  git(rawDir, 'add', file);
  git(rawDir, '-c', 'gc.auto=0', 'commit', '-q', '-m', `raw ${i}`);
  git(rawDir, 'push', '-q', 'origin', 'main');
  raw.push(performance.now() - start);
}
console.log(
  `raw git add + commit + push on the same repository (the floor here): median ${percentile(raw, 50).toFixed(1)} ms`,
);
await one.pull();

const two = repoAt('two');
await two.prepare();
await two.maintain();
const race: number[] = [];
for (let i = 0; i < Math.max(5, ROUNDS / 2); i += 1) {
  const a = generatedDraft(COUNT + 100 + i, Date.UTC(2026, 2, 1));
  const b = generatedDraft(COUNT + 200 + i, Date.UTC(2026, 3, 1));
  const start = performance.now();
  const outcomes = await Promise.all([
    one.commitFile(`RCAs/${a.date}-race-a-${i}.md`, renderRca(a, template), `Race A ${i}`),
    two.commitFile(`RCAs/${b.date}-race-b-${i}.md`, renderRca(b, template), `Race B ${i}`),
  ]);
  race.push(performance.now() - start);
  if (!outcomes.every((o) => o.committed && o.pushed)) throw new Error(`race ${i}: ${JSON.stringify(outcomes)}`);
}
console.log(
  `two racing writers, both landed: median ${percentile(race, 50).toFixed(1)} ms, p90 ${percentile(race, 90).toFixed(1)} ms (target ≤ 400 ms)`,
);
rmSync(root, { recursive: true, force: true });
