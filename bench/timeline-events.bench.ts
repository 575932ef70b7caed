/**
 * Reactions per second through Socket Mode: the bot runs in its own process (`scribe start`) against the
 * emulator here. Measured per event: delivery → ack, and delivery → the bot's confirmation reaction
 * (sent after the message is fetched and the entry stored complete), at a fixed 200 events/s.
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
const DATABASE = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function run(storeName: 'sqlite' | 'postgres'): Promise<void> {
  // Tiers off: this measures the bot's own path (ack, store, confirm) at 200 events/s, far past what Slack's
  // Tier 3 reactions.add (50 a minute) would let through; with them on it would measure the rate limit.
  const slack = await startSlackEmulator({ ackTimeoutMs: 10_000, enforceTiers: false });
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
  const total = RATE * SECONDS;
  const messages: string[] = [];
  for (let i = 0; i < total; i += 1) messages.push(await ana.post(channel, `Message ${i}`));

  const sent = new Map<string, number>();
  const acked: number[] = [];
  const complete: number[] = [];
  let done = 0;
  let resolveDone!: () => void;
  const allDone = new Promise<void>((r) => {
    resolveDone = r;
  });
  slack.callListeners.push((call) => {
    if (call.method !== 'reactions.add' || !call.ok) return;
    const start = sent.get(String(call.args['timestamp']));
    if (start === undefined) return;
    complete.push(performance.now() - start);
    done += 1;
    if (done === total) resolveDone();
  });

  const startedAt = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = startedAt + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const ts = messages[i]!;
    const t0 = performance.now();
    sent.set(ts, t0);
    ana.react(channel, ts, 'pushpin').then(() => acked.push(performance.now() - t0));
  }
  await Promise.race([allDone, new Promise((r) => setTimeout(r, 60_000))]);
  if (done < total)
    console.log(
      bot.logs.slice(-5).join(''),
      slack.calls
        .map((c) => c.method)
        .join(' ')
        .slice(-600),
    );
  const elapsed = (performance.now() - startedAt) / 1000;
  console.log(
    `${storeName}: ${total} reactions at a target ${RATE}/s, ${done} completed in ${elapsed.toFixed(1)} s (${(done / elapsed).toFixed(0)}/s)`,
  );
  console.log(`  ${summary('event → ack', acked)}`);
  console.log(`  ${summary('event → complete timeline entry', complete)}`);
  console.log(
    `  targets: ack p99 ≤ 10 ms ${percentile(acked, 99) <= 10 ? 'met' : 'MISSED'}; complete p99 ≤ 25 ms ${percentile(complete, 99) <= 25 ? 'met' : 'MISSED'}`,
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

if (process.env['BENCH_ONLY'] !== 'postgres') await run('sqlite');
if (process.env['BENCH_ONLY'] !== 'sqlite') await run('postgres');
