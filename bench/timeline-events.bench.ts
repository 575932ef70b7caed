/**
 * Reactions through Socket Mode: the bot runs in its own process (`scribe start`) against the emulator
 * here, rate tiers on. Measured per event: delivery → ack at a fixed 200 events/s, and delivery → the
 * bot's confirmation reaction (sent after the message is fetched and the entry stored complete) at 10/s,
 * within the tiers of the calls it takes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { spawnBot } from '../test/helpers/spawn-bot.ts';
import { addPerson } from '#emulator/person.ts';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';
import { percentile, summary } from './lib/stats.ts';

const RATE = Number(process.env['BENCH_RATE'] ?? 200);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const COMPLETE_BATCH = 40;
const COMPLETE_RATE = 10;
const DATABASE = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function run(storeName: 'sqlite' | 'postgres'): Promise<void> {
  // Tiers on: the bot paces its calls to them itself, so the 200/s burst measures acks only, and the
  // complete entries are measured on a batch the tiers let through (see `fire` below).
  const slack = await startSlackEmulator({ ackTimeoutMs: 10_000 });
  const ana = addPerson(slack, 'ana');
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_APP_TOKEN: slack.appToken,
    SLACK_API_URL: slack.apiUrl,
    SCRIBE_DATA_DIR: mkdtempSync(join(tmpdir(), 'scribe-bench-')),
  };
  if (storeName === 'postgres') {
    const schema = `scribe_bench_${Date.now()}`;
    const client = new pg.Client({ connectionString: DATABASE });
    try {
      await client.connect();
    } catch {
      console.log(`postgres: skipped (no database at ${DATABASE})`);
      await slack.stop();
      return;
    }
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    env['DATABASE_URL'] = DATABASE;
    env['DATABASE_SCHEMA'] = schema;
  }
  const bot = await spawnBot(env);
  await slack.waitForConnection();
  const general = ana.createChannel('general');
  await ana.slash('/incident', 'declare sev2 Benchmark incident', general.id);
  let channel: string | undefined;
  while (!channel) {
    channel = [...slack.workspace.channels.values()].find((c) => c.name.includes('benchmark-incident'))?.id;
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 300));
  // Confirming an entry takes conversations.replies and reactions.add (Tier 3, 50 a minute each), which the
  // bot paces as Slack limits them: end to end it is measured on a batch within those limits, and the ack
  // path (nothing but the inbox write) on a burst far past them.
  const paced = await fire(slack, ana, channel, COMPLETE_BATCH, COMPLETE_RATE, true);
  const burst = await fire(slack, ana, channel, RATE * SECONDS, RATE, false);
  console.log(
    `${storeName}: ${paced.total} reactions at ${COMPLETE_RATE}/s, ${paced.done} completed; then ${burst.total} at a target ${RATE}/s, acked in ${burst.elapsed.toFixed(1)} s (${(burst.acked.length / burst.elapsed).toFixed(0)}/s)`,
  );
  console.log(`  ${summary('event → ack, 10/s (floor)', paced.acked)}`);
  console.log(`  ${summary(`event → ack, ${RATE}/s`, burst.acked)}`);
  console.log(`  ${summary('event → complete timeline entry, 10/s', paced.complete)}`);
  console.log(
    `  targets: ack p99 ≤ 10 ms ${percentile(burst.acked, 99) <= 10 ? 'met' : 'MISSED'}; complete p99 ≤ 25 ms ${percentile(paced.complete, 99) <= 25 ? 'met' : 'MISSED'}`,
  );
  const problems = bot.logs
    .join('')
    .split('\n')
    .filter((l) => /"level":(40|50)/.test(l));
  if (problems.length > 0)
    console.log(`  the bot logged ${problems.length} warnings/errors, e.g. ${problems[0]!.slice(0, 300)}`);
  await bot.stop();
  await slack.stop();
  rmSync(env['SCRIBE_DATA_DIR']!, { recursive: true, force: true });
}

/** Reacts to `total` new messages at `rate` a second; ack times, and complete-entry times when asked. */
async function fire(
  slack: Awaited<ReturnType<typeof startSlackEmulator>>,
  ana: ReturnType<typeof addPerson>,
  channel: string,
  total: number,
  rate: number,
  awaitComplete: boolean,
): Promise<{ total: number; done: number; elapsed: number; acked: number[]; complete: number[] }> {
  const messages: string[] = [];
  for (let i = 0; i < total; i += 1) messages.push(await ana.post(channel, `Message ${i}`));
  await new Promise((r) => setTimeout(r, 300));
  const sent = new Map<string, number>();
  const acked: number[] = [];
  const complete: number[] = [];
  let resolveDone!: () => void;
  const allDone = new Promise<void>((r) => {
    resolveDone = r;
  });
  const listener = (call: { method: string; ok: boolean; args: Record<string, unknown> }) => {
    if (call.method !== 'reactions.add' || !call.ok) return;
    const start = sent.get(String(call.args['timestamp']));
    if (start === undefined) return;
    complete.push(performance.now() - start);
    if (complete.length === total) resolveDone();
  };
  slack.callListeners.push(listener);
  const acks: Promise<void>[] = [];
  const startedAt = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = startedAt + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const ts = messages[i]!;
    const t0 = performance.now();
    sent.set(ts, t0);
    acks.push(ana.react(channel, ts, 'pushpin').then(() => void acked.push(performance.now() - t0)));
  }
  await Promise.all(acks);
  const elapsed = (performance.now() - startedAt) / 1000;
  if (awaitComplete) await Promise.race([allDone, new Promise((r) => setTimeout(r, 30_000))]);
  slack.callListeners.splice(slack.callListeners.indexOf(listener), 1);
  return { total, done: complete.length, elapsed, acked, complete };
}

if (process.env['BENCH_ONLY'] !== 'postgres') await run('sqlite');
if (process.env['BENCH_ONLY'] !== 'sqlite') await run('postgres');
