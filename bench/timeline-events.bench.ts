/**
 * Pushpins through Socket Mode: the bot runs in its own process (`scribe start`) against the emulator
 * here, rate tiers on. The messages are posted first (the bot logs them as they arrive); then they are
 * pinned at 10/s, 200/s and 1,000/s. Per pin: delivery → ack, and delivery → the entry complete in the
 * store (time, text, author), watched by polling the store every 2 ms; the Web API lookups it cost
 * (target 0 for logged messages); the store statements per event, from the bot's /metrics (on
 * PostgreSQL each statement is one round trip: node-postgres sends Parse/Bind/Execute/Sync together).
 *
 * The floors, measured in the same run: a bare Bolt app (no store, listeners that do nothing) pinned at
 * the same rates through the same emulator, which is what an ack costs before any write; and one row
 * inserted alone on each store, which is what the durable write before the ack costs at least.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addPerson } from '#emulator/person.ts';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';
import { spawnBot } from '../test/helpers/spawn-bot.ts';
import { postgresRawInserts, sqliteRawInserts } from './lib/raw-insert-floor.ts';
import { spawnBareBolt } from './lib/spawn-bare-bolt.ts';
import { percentile, summary } from './lib/stats.ts';
import { type CompletedKeys, watchCompletion } from './lib/watch-completion.ts';

const RATES = (process.env['BENCH_RATES'] ?? '200,1000').split(',').map(Number);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const FLOOR_PINS = 40;
const FLOOR_RATE = 10;
/** Pins sent first and not counted, so that neither the bot nor the floor is timed while its code warms up. */
const WARM_UP_PINS = 300;
const WARM_UP_RATE = 100;
const DATABASE = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const LOOKUPS = ['conversations.replies', 'conversations.history', 'chat.getPermalink', 'users.info'];
const TARGETS = { sqlite: { ack: 5, complete: 10 }, postgres: { ack: 10, complete: 20 } };

type Slack = Awaited<ReturnType<typeof startSlackEmulator>>;
type Person = ReturnType<typeof addPerson>;
const rates = [FLOOR_RATE, ...RATES];
const pinsAt = (rate: number) => (rate === FLOOR_RATE ? FLOOR_PINS : rate * SECONDS);

/** The ack floor: a bare Bolt app, no store write, pinned at each rate. p99 by rate. */
async function bareBoltFloor(): Promise<Map<number, number[]>> {
  const slack = await startSlackEmulator({ ackTimeoutMs: 10_000 });
  const ana = addPerson(slack, 'ana');
  const app = await spawnBareBolt({
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_APP_TOKEN: slack.appToken,
    SLACK_API_URL: slack.apiUrl,
  });
  await slack.waitForConnection();
  const channel = ana.createChannel('bare-floor');
  channel.members.add(slack.workspace.botUserId);
  const acks = new Map<number, number[]>();
  await pinPhase(slack, ana, channel.id, WARM_UP_PINS, WARM_UP_RATE, null, null);
  for (const rate of rates) {
    const phase = await pinPhase(slack, ana, channel.id, pinsAt(rate), rate, null, null);
    acks.set(rate, phase.acked);
  }
  await app.stop();
  await slack.stop();
  console.log('floor: a bare Bolt app (no store write, listeners that do nothing) through the same emulator');
  for (const rate of rates) console.log(`  ${summary(`event → ack, ${rate}/s`, acks.get(rate)!)}`);
  return acks;
}

async function run(storeName: 'sqlite' | 'postgres', bare: Map<number, number[]>): Promise<void> {
  const slack = await startSlackEmulator({ ackTimeoutMs: 10_000 });
  const ana = addPerson(slack, 'ana');
  const dataDir = mkdtempSync(join(tmpdir(), 'scribe-bench-'));
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_APP_TOKEN: slack.appToken,
    SLACK_API_URL: slack.apiUrl,
    SCRIBE_DATA_DIR: dataDir,
  };
  let completed: CompletedKeys;
  let closeReader: () => Promise<void> = async () => {};
  let rawInserts: number[];
  if (storeName === 'postgres') {
    const schema = `scribe_bench_${Date.now()}`;
    const client = new pg.Client({ connectionString: DATABASE, options: `-c search_path=${schema}` });
    try {
      await client.connect();
    } catch {
      console.log(`postgres: skipped (no database at ${DATABASE})`);
      await slack.stop();
      return;
    }
    await client.query(`CREATE SCHEMA ${schema}`);
    rawInserts = await postgresRawInserts(client);
    env['DATABASE_URL'] = DATABASE;
    env['DATABASE_SCHEMA'] = schema;
    completed = async (keys) =>
      (
        await client.query<{ key: string }>('select key from timeline_entries where pending = 0 and key = any($1)', [
          keys,
        ])
      ).rows.map((r) => r.key);
    closeReader = () => client.end();
  } else {
    rawInserts = await sqliteRawInserts(dataDir);
    const { default: Sqlite } = await import('better-sqlite3');
    let reader: InstanceType<typeof Sqlite> | undefined;
    completed = async (keys) => {
      reader ??= new Sqlite(join(dataDir, 'scribe.sqlite'), { readonly: true, fileMustExist: true });
      return (
        reader
          .prepare('select key from timeline_entries where pending = 0 and key in (select value from json_each(?))')
          .all(JSON.stringify(keys)) as { key: string }[]
      ).map((r) => r.key);
    };
    closeReader = async () => {
      reader?.close();
    };
  }
  const bot = await spawnBot(env);
  const port = Number(/"port":(\d+)/.exec(bot.logs.join(''))?.[1]);
  await slack.waitForConnection();
  const general = ana.createChannel('general');
  await ana.slash('/incident', 'declare sev2 Benchmark incident', general.id);
  let channel: string | undefined;
  while (!channel) {
    channel = [...slack.workspace.channels.values()].find((c) => c.name.includes('benchmark-incident'))?.id;
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 300));

  const statements = () => readStatements(port);
  const results: { rate: number; phase: Phase }[] = [];
  await pinPhase(slack, ana, channel, WARM_UP_PINS, WARM_UP_RATE, completed, statements);
  for (const rate of rates) {
    const phase = await pinPhase(slack, ana, channel, pinsAt(rate), rate, completed, statements);
    results.push({ rate, phase });
  }
  const target = TARGETS[storeName];
  const insert = percentile(rawInserts, 99);
  console.log(`${storeName}: messages posted and logged, then pinned at ${rates.join('/s, ')}/s`);
  console.log(
    `  floor: one row inserted alone${storeName === 'postgres' ? ' (synchronous_commit on, one round trip)' : ' (WAL, synchronous=NORMAL)'}, ${summary('', rawInserts).trim()}`,
  );
  for (const { rate, phase } of results) {
    const label = `${rate}/s`;
    console.log(
      `  ${rate} pins/s: ${phase.total} pins, ${phase.complete.length} completed, sent in ${phase.elapsed.toFixed(1)} s`,
    );
    console.log(`    ${summary(`event → ack, ${label}`, phase.acked)}`);
    console.log(`    ${summary(`event → complete entry, ${label}`, phase.complete)}`);
    console.log(
      `    Web API lookups per pin ${(phase.lookups / phase.total).toFixed(3)} (target 0; ${phase.lookupDetail || 'none'}); confirmation reactions sent during the phase ${phase.confirmations} (paced at Tier 3, after completion)`,
    );
    console.log(
      `    store statements per message logged ${(phase.postStatements / phase.total).toFixed(2)}, per pin ${(phase.pinStatements / phase.total).toFixed(2)}${storeName === 'postgres' ? ` (inbox pool ${(phase.pinInbox / phase.total).toFixed(2)}), each one round trip` : ''}`,
    );
  }
  for (const { rate, phase } of results.slice(1)) {
    const ack = percentile(phase.acked, 99);
    const complete = percentile(phase.complete, 99);
    const bareAck = percentile(bare.get(rate)!, 99);
    console.log(
      `  ${rate}/s targets: ack p99 ${ack.toFixed(1)} ms ≤ ${target.ack} ms ${ack <= target.ack ? 'met' : 'MISSED'} (floor: bare Bolt ack ${bareAck.toFixed(1)} ms + one insert ${insert.toFixed(1)} ms); complete p99 ${complete.toFixed(1)} ms ≤ ${target.complete} ms ${complete <= target.complete && phase.complete.length === phase.total ? 'met' : 'MISSED'} (floor the same ${(bareAck + insert).toFixed(1)} ms, plus the 2 ms poll)`,
    );
  }
  const problems = bot.logs
    .join('')
    .split('\n')
    .filter((l) => /"level":(40|50)/.test(l));
  if (problems.length > 0)
    console.log(`  the bot logged ${problems.length} warnings/errors, e.g. ${problems[0]!.slice(0, 300)}`);
  await bot.stop();
  await closeReader();
  await slack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

interface Phase {
  total: number;
  elapsed: number;
  acked: number[];
  complete: number[];
  lookups: number;
  lookupDetail: string;
  confirmations: number;
  postStatements: number;
  pinStatements: number;
  pinInbox: number;
}

/** Posts `total` messages, then pins each at `rate` a second; ack and completion times, calls, statements. */
async function pinPhase(
  slack: Slack,
  ana: Person,
  channel: string,
  total: number,
  rate: number,
  completed: CompletedKeys | null,
  readStatements: (() => Promise<{ inbox: number; main: number }>) | null,
): Promise<Phase> {
  const statements = readStatements ?? (async () => ({ inbox: 0, main: 0 }));
  const beforePosts = await statements();
  const messages: string[] = [];
  for (let i = 0; i < total; i += 1) messages.push(await ana.post(channel, `Message ${i} at ${rate}/s`));
  await new Promise((r) => setTimeout(r, 300));
  const beforePins = await statements();
  const firstCall = slack.calls.length;
  const watch = watchCompletion(completed ?? (async (keys) => keys), (ts) => `msg:${channel}:${ts}`);
  const acks: Promise<number>[] = [];
  const startedAt = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = startedAt + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const ts = messages[i]!;
    const t0 = performance.now();
    watch.expect(ts, t0);
    acks.push(ana.react(channel, ts, 'pushpin').then(() => performance.now() - t0));
  }
  const acked = await Promise.all(acks);
  const elapsed = (performance.now() - startedAt) / 1000;
  const complete = await watch.done(30_000);
  await new Promise((r) => setTimeout(r, 300));
  const afterPins = await statements();
  const calls = slack.calls.slice(firstCall);
  const lookups = calls.filter((c) => LOOKUPS.includes(c.method));
  const byMethod = new Map<string, number>();
  for (const c of lookups) byMethod.set(c.method, (byMethod.get(c.method) ?? 0) + 1);
  return {
    total,
    elapsed,
    acked,
    complete,
    lookups: lookups.length,
    lookupDetail: [...byMethod].map(([m, n]) => `${m} ${n}`).join(', '),
    confirmations: calls.filter((c) => c.method === 'reactions.add').length,
    postStatements: beforePins.inbox + beforePins.main - beforePosts.inbox - beforePosts.main,
    pinStatements: afterPins.inbox + afterPins.main - beforePins.inbox - beforePins.main,
    pinInbox: afterPins.inbox - beforePins.inbox,
  };
}

async function readStatements(port: number): Promise<{ inbox: number; main: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const count = (pool: string) =>
    Number(new RegExp(`scribe_store_statements_total\\{pool="${pool}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  return { inbox: count('inbox'), main: count('main') };
}

// BENCH_ONLY=sqlite or postgres runs one store (after the floor); BENCH_ONLY=floor, the floor alone.
const only = process.env['BENCH_ONLY'];
const bare = await bareBoltFloor();
if (!only || only === 'sqlite') await run('sqlite', bare);
if (!only || only === 'postgres') await run('postgres', bare);
