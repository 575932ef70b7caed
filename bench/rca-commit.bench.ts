/**
 * Render + commit + push of one RCA into a repository that already holds 10,000, next to raw
 * `git add/commit/push` on the same repository in the same run (the floor); two writers (separate
 * clones, as two replicas have) racing until both land, with what the loser repeats timed step by
 * step; and a draft on a review branch with its pull request opened against the local GitHub.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { GithubReviewRequests } from '#adapters/review/github-review-requests.ts';
import { renderRca } from '#rca/render-rca.ts';
import { startGithubFake } from '../test/fakes/github-fake.ts';
import { git } from '../test/helpers/git-repos.ts';
import { RCA_TEMPLATE } from '../test/helpers/template.ts';
import { generatedDraft, writeGeneratedRcas } from './lib/generate-rcas.ts';
import { percentile } from './lib/stats.ts';

const COUNT = Number(process.env['BENCH_RCAS'] ?? 10_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20);
const template = RCA_TEMPLATE;
const median = (values: number[]) => percentile(values, 50);
const ms = (value: number) => `${value.toFixed(1)} ms`;

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

// Every git command the bot runs, timed, by phase: its own steps next to raw git's.
let phase = 'setup';
const botSteps = new Map<string, Record<string, number[]>>();
const repoAt = (name: string) =>
  new SimpleGitRcaRepository({
    repo: bare,
    dataDir: join(root, name),
    branch: 'main',
    authorName: 'Incident Scribe',
    authorEmail: 'scribe@example.com',
    onCommand: (command, took) => {
      const steps = botSteps.get(phase) ?? {};
      const list = steps[command] ?? [];
      list.push(took);
      steps[command] = list;
      botSteps.set(phase, steps);
    },
  });
const describeSteps = (name: string) =>
  Object.entries(botSteps.get(name) ?? {})
    .map(([command, v]) => `${command} ${ms(median(v))} ×${v.length}`)
    .join(', ');
const one = repoAt('one');
t = performance.now();
await one.prepare();
console.log(`bot's first clone: ${((performance.now() - t) / 1000).toFixed(2)} s`);
// At start the bot also runs its housekeeping (`git gc --auto`), which packs a clone that came
// with loose objects (a clone from a local path hard-links them, 10,000 here).
t = performance.now();
await one.maintain();
console.log(`housekeeping at start: ${((performance.now() - t) / 1000).toFixed(2)} s`);

// The floor: a clone of the same remote, packed like the bot's, and the same three git commands run
// directly. Rounds alternate between the bot and raw git so both see the same machine load.
const rawDir = join(root, 'raw');
git(root, 'clone', '-q', bare, rawDir);
git(rawDir, 'gc', '-q');
const timed = (steps: Record<string, number[]>, name: string, run: () => void) => {
  const start = performance.now();
  run();
  const list = steps[name] ?? [];
  list.push(performance.now() - start);
  steps[name] = list;
};
const bot: number[] = [];
const render: number[] = [];
const raw: number[] = [];
const rawSteps: Record<string, number[]> = {};
const botRound = async (i: number) => {
  phase = 'pull';
  await one.pull();
  phase = 'single';
  const draft = generatedDraft(COUNT + i, Date.UTC(2026, 0, 1));
  const start = performance.now();
  const content = renderRca(draft, template);
  render.push(performance.now() - start);
  const outcome = await one.commitFile(`RCAs/${draft.date}-bench-${i}.md`, content, `Add RCA draft ${i}`);
  bot.push(performance.now() - start);
  if (!outcome.committed || !outcome.pushed) throw new Error(`round ${i} did not land: ${JSON.stringify(outcome)}`);
};
const rawRound = (i: number) => {
  git(rawDir, 'pull', '-q', '--rebase', 'origin', 'main');
  const file = `RCAs/raw-${i}.md`;
  const start = performance.now();
  timed(rawSteps, 'render + write', () =>
    writeFileSync(join(rawDir, file), renderRca(generatedDraft(COUNT + 500 + i, Date.UTC(2026, 5, 1)), template)),
  );
  timed(rawSteps, 'git add', () => git(rawDir, 'add', file));
  timed(rawSteps, 'git commit', () => git(rawDir, '-c', 'gc.auto=0', 'commit', '-q', '-m', `raw ${i}`));
  timed(rawSteps, 'git push', () => git(rawDir, 'push', '-q', 'origin', 'main'));
  raw.push(performance.now() - start);
};
// Who goes first alternates, so neither always runs right after the other's push.
for (let i = 0; i < ROUNDS; i += 1) {
  if (i % 2 === 0) {
    await botRound(i);
    rawRound(i);
  } else {
    rawRound(i);
    await botRound(i);
  }
}
const ratio = median(bot) / median(raw);
console.log(
  `render + commit + push, one writer, review provider off: median ${ms(median(bot))}, p90 ${ms(percentile(bot, 90))} (target ≤ 1.05× raw git)`,
);
console.log(`  raw git add + commit + push on the same repository (the floor here): median ${ms(median(raw))}`);
console.log(`  ratio to raw git: ${ratio.toFixed(2)}× (target ≤ 1.05×)`);
console.log(
  `  bot steps (median, count over ${ROUNDS} rounds): render ${ms(median(render))}, ${describeSteps('single')}`,
);
console.log(
  `  raw steps: ${Object.entries(rawSteps)
    .map(([name, v]) => `${name} ${ms(median(v))}`)
    .join(', ')}`,
);
await one.pull();

const two = repoAt('two');
await two.prepare();
await two.maintain();
const race: number[] = [];
for (let i = 0; i < Math.max(5, ROUNDS / 2); i += 1) {
  phase = 'pull';
  await Promise.all([one.pull(), two.pull()]);
  phase = 'race';
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
  `two racing writers, both landed: median ${ms(median(race))}, p90 ${ms(percentile(race, 90))} (target ≤ 400 ms)`,
);
console.log(`  bot steps in the races (both writers): ${describeSteps('race')}`);
phase = 'other';

// What the loser repeats, as raw git on the raw clone: its push is rejected, it fetches the one ref,
// replays its commit on the new tip (merge-tree + commit-tree, no checkout), moves its branch and
// working tree (reset --keep), and pushes again.
const loser: Record<string, number[]> = {};
for (let i = 0; i < Math.max(5, ROUNDS / 2); i += 1) {
  git(rawDir, 'pull', '-q', '--rebase', 'origin', 'main');
  writeFileSync(join(rawDir, `RCAs/loser-${i}.md`), `# loser ${i}\n`);
  git(rawDir, 'add', `RCAs/loser-${i}.md`);
  git(rawDir, '-c', 'gc.auto=0', 'commit', '-q', '-m', `loser ${i}`);
  await one.pull();
  await one.commitFile(`RCAs/winner-${i}.md`, `# winner ${i}\n`, `winner ${i}`);
  timed(loser, 'rejected push', () => {
    try {
      execFileSync('git', ['push', '-q', 'origin', 'main'], { cwd: rawDir, stdio: 'ignore' });
    } catch {}
  });
  timed(loser, 'fetch one ref', () =>
    git(rawDir, 'fetch', '-q', '--no-tags', 'origin', '+refs/heads/main:refs/remotes/origin/main'),
  );
  let tree = '';
  timed(loser, 'merge-tree', () => {
    tree = git(rawDir, 'merge-tree', '--write-tree', 'origin/main', 'main').trim();
  });
  let sha = '';
  timed(loser, 'commit-tree', () => {
    sha = git(rawDir, 'commit-tree', tree, '-p', 'origin/main', '-m', `loser ${i}`).trim();
  });
  timed(loser, 'reset --keep', () => git(rawDir, 'reset', '-q', '--keep', sha));
  timed(loser, 'push', () => git(rawDir, 'push', '-q', 'origin', 'main'));
}
const loserTotal = Object.values(loser)
  .map((v) => median(v))
  .reduce((x, y) => x + y, 0);
console.log(
  `  the loser's retry, raw git steps (median): ${Object.entries(loser)
    .map(([name, v]) => `${name} ${ms(median(v))}`)
    .join(', ')}; total ${ms(loserTotal)}`,
);
// Raw git cannot race faster than one writer landing and the other then retrying after it.
const raceFloor = median(raw) + loserTotal;
console.log(
  `  race floor here (raw add + commit + push, then the loser's raw retry): ${ms(raceFloor)}; the bot's race is ${(median(race) / raceFloor).toFixed(2)}× that`,
);

// A draft on a review branch, with and without its pull request opened (then updated) on the local GitHub.
const github = await startGithubFake({ repositories: ['acme/postmortems'], tokens: { bench: 'write' } });
const review = new GithubReviewRequests({
  repository: 'acme/postmortems',
  token: 'bench',
  apiUrl: github.apiUrl,
  log: pino({ level: 'silent' }),
});
phase = 'review';
const branchCommit: number[] = [];
const pullOpen: number[] = [];
const draftTotal: number[] = [];
for (let i = 0; i < ROUNDS; i += 1) {
  const draft = generatedDraft(COUNT + 300 + i, Date.UTC(2026, 4, 1));
  const branch = `rca/bench-${i % 4}`;
  const start = performance.now();
  const content = renderRca(draft, template);
  const outcome = await one.commitFile(`RCAs/bench-branch-${i % 4}.md`, content, `Draft ${i}`, branch);
  const committed = performance.now();
  const opened = await review.open({
    branch,
    base: 'main',
    title: draft.title,
    body: draft.summary,
    reviewers: [],
    labels: ['rca'],
  });
  const done = performance.now();
  if (!outcome.committed || !outcome.pushed || !opened.ok) throw new Error(`review round ${i} did not land`);
  branchCommit.push(committed - start);
  pullOpen.push(done - committed);
  draftTotal.push(done - start);
}
await github.close();
console.log(
  `a draft with its pull request, review provider github against the local fake: median ${ms(median(draftTotal))} (render + commit + push on the review branch ${ms(median(branchCommit))}, then the pull request opened or updated ${ms(median(pullOpen))})`,
);
console.log(`  bot steps on the review branch: ${describeSteps('review')}`);
rmSync(root, { recursive: true, force: true });
