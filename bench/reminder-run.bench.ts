/**
 * A reminder run for 300 owners (100 of them by email, so 100 `users.lookupByEmail` calls at Tier 3) with
 * Slack's rate tiers enforced by the emulator, the bot in its own process (`scribe start`). While the run
 * goes, a person keeps using the bot: `/incident list` every 100 ms and `/incident declare` (the form)
 * every second. Printed: the run's duration, next to the floor the tiers set; the p99 of command acks
 * during the run, next to the same figure with the bot idle; and the slowest modal open.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPerson } from '#emulator/person.ts';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';
import { bareRemote } from '../test/helpers/git-repos.ts';
import { spawnBot } from '../test/helpers/spawn-bot.ts';
import { percentile, summary } from './lib/stats.ts';

const OWNERS = 300;
const BY_EMAIL = 100;
const FILES = 10;
const START_IN_S = 30;

const slack = await startSlackEmulator({ ackTimeoutMs: 10_000 });
const ana = addPerson(slack, 'ana');
const owners = Array.from({ length: OWNERS }, (_, i) => addPerson(slack, `owner${i}`, `owner${i}@example.com`));
const today = new Date().toISOString().slice(0, 10);
const ownerCell = (i: number) => (i < BY_EMAIL ? `owner${i}@example.com` : `<@${owners[i]!.id}>`);
const files: Record<string, string> = {};
for (let f = 0; f < FILES; f += 1) {
  const rows = [];
  for (let i = f; i < OWNERS; i += FILES) rows.push(`| P2 | Follow-up ${i} | ${ownerCell(i)} | ${today} |`);
  files[`RCAs/2030-04-${String(f + 10).padStart(2, '0')}-outage-${f}.md`] = `---
title: "Outage ${f}"
date: 2030-04-${String(f + 10).padStart(2, '0')}
severity: P2
services: [checkout]
status: resolved
---

# Outage ${f}

## Action Items

| Priority | Action | Owner | Due Date |
|----------|--------|-------|----------|
${rows.join('\n')}
`;
}
const work = mkdtempSync(join(tmpdir(), 'scribe-bench-remind-'));
const runAt = new Date(Date.now() + START_IN_S * 1000);
const configFile = join(work, 'scribe.yml');
writeFileSync(
  configFile,
  `reminders:\n  schedule: "${runAt.getUTCSeconds()} ${runAt.getUTCMinutes()} ${runAt.getUTCHours()} * * *"\n  timeZone: UTC\n`,
);
const bot = await spawnBot({
  SLACK_BOT_TOKEN: slack.botToken,
  SLACK_APP_TOKEN: slack.appToken,
  SLACK_API_URL: slack.apiUrl,
  SCRIBE_DATA_DIR: join(work, 'data'),
  SCRIBE_CONFIG: configFile,
  RCA_REPO: bareRemote(files),
});
await slack.waitForConnection();
const general = ana.createChannel('general');

const dms = new Set<string>();
let lastDmAt = 0;
const opens: number[] = [];
slack.callListeners.push((call) => {
  if (call.method === 'views.open' && call.ok) opens.push(performance.now());
  const channel = String(call.args['channel'] ?? '');
  if (
    call.method === 'chat.postMessage' &&
    call.ok &&
    owners.some((o) => o.id === channel || slack.workspace.imWith(o.id).id === channel)
  ) {
    dms.add(channel);
    lastDmAt = performance.now();
  }
});

async function ack(text: string): Promise<number> {
  const t0 = performance.now();
  await ana.slash('/incident', text, general.id);
  return performance.now() - t0;
}

/** Commands at a steady pace until `until` says stop; acks and command → modal-open times. */
async function useTheBot(until: () => boolean): Promise<{ acks: number[]; modal: number[] }> {
  const acks: number[] = [];
  const modal: number[] = [];
  for (let tick = 0; !until(); tick += 1) {
    const t0 = performance.now();
    if (tick % 10 === 0) {
      const seen = opens.length;
      acks.push(await ack('declare'));
      while (opens.length === seen && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 2));
      modal.push(opens.length > seen ? opens[seen]! - t0 : Number.POSITIVE_INFINITY);
    } else acks.push(await ack('list'));
    const wait = t0 + 100 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  return { acks, modal };
}

// The floor: the same commands with the bot idle, before the run.
const idleUntil = performance.now() + 5000;
const idle = await useTheBot(() => performance.now() > idleUntil || Date.now() > runAt.getTime() - 2000);
while (Date.now() < runAt.getTime() - 500) await new Promise((r) => setTimeout(r, 50));
const runStarted = performance.now();
const during = await useTheBot(() => dms.size >= OWNERS || performance.now() - runStarted > 240_000);
const runMs = lastDmAt - runStarted;
const logged = bot.logs
  .join('')
  .split('\n')
  .find((l) => l.includes('"reminder run done"'));
const loggedMs = logged ? (JSON.parse(logged) as { durationMs?: number }).durationMs : undefined;
// Tier 3 lets 50 lookups go at once and 50 a minute after; the other 200 owners need no lookup.
const floorMs = Math.max(0, Math.ceil(BY_EMAIL / 50) - 1) * 60_000;

console.log(
  `reminder run: ${dms.size}/${OWNERS} owners reminded (${BY_EMAIL} by email) in ${(runMs / 1000).toFixed(1)} s (the bot's log: ${loggedMs === undefined ? 'n/a' : `${(loggedMs / 1000).toFixed(1)} s`}); floor set by Tier 3 users.lookupByEmail: ${(floorMs / 1000).toFixed(0)} s`,
);
console.log(`  ${summary('command ack, bot idle (floor)', idle.acks)}`);
console.log(`  ${summary('command ack during the run', during.acks)}`);
console.log(`  ${summary('command → modal open during the run', during.modal)}`);
console.log(
  `  targets: ack p99 ≤ 10 ms ${percentile(during.acks, 99) <= 10 ? 'met' : 'MISSED'}; every modal within 1 s ${Math.max(...during.modal) <= 1000 ? 'met' : 'MISSED'}; everyone reminded ${dms.size >= OWNERS ? 'met' : 'MISSED'}`,
);
const problems = bot.logs
  .join('')
  .split('\n')
  .filter((l) => /"level":50/.test(l));
if (problems.length > 0) console.log(`  the bot logged ${problems.length} errors, e.g. ${problems[0]!.slice(0, 300)}`);
await bot.stop();
await slack.stop();
rmSync(work, { recursive: true, force: true });
