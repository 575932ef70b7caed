import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/bot-harness.ts';
import { tempDir } from '../helpers/git-repos.ts';
import { spawnBot } from '../helpers/spawn-bot.ts';
import { addPerson } from '#emulator/person.ts';
import { type Delivery, startSlackEmulator } from '#emulator/slack-emulator.ts';

describe('a crash in the middle of a stream of reactions', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('keeps every acknowledged event after SIGKILL and a restart, none twice', async () => {
    const slack = await startSlackEmulator({ ackTimeoutMs: 2000 });
    cleanup.push(() => slack.stop());
    const ana = addPerson(slack, 'ana');
    const dataDir = tempDir();
    const env = {
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_APP_TOKEN: slack.appToken,
      SLACK_API_URL: slack.apiUrl,
      SCRIBE_DATA_DIR: dataDir,
    };
    let bot = await spawnBot(env);
    await slack.waitForConnection();
    const general = ana.createChannel('general');
    await ana.slash('/incident', 'declare sev1 Crash test', general.id);
    const channel = await eventually(() => {
      const c = [...slack.workspace.channels.values()].find((x) => x.name.endsWith('crash-test'));
      expect(c?.pins.size).toBe(1);
      return c!;
    }, 30_000);
    const messages: string[] = [];
    // 40: every reaction takes a conversations.replies and a reactions.add (Tier 3, 50 a minute), which
    // both processes pace; more would measure the rate limit, not the crash.
    for (let i = 0; i < 40; i += 1) messages.push(await ana.post(channel.id, `Line ${i}`));

    const acked = new Set<string>();
    const unacked: Delivery[] = [];
    const sends = messages.map(async (ts, i) => {
      await new Promise((r) => setTimeout(r, i * 12));
      const before = slack.deliveries.length;
      try {
        await ana.react(channel.id, ts, 'pushpin');
        acked.add(ts);
      } catch {
        const delivery = slack.deliveries
          .slice(before)
          .find((d) => (d.payload as { event?: { item?: { ts?: string } } }).event?.item?.ts === ts);
        if (delivery) unacked.push(delivery);
      }
    });
    await new Promise((r) => setTimeout(r, 250));
    bot.child.kill('SIGKILL');
    await Promise.all(sends);
    bot = await spawnBot(env);
    cleanup.push(() => bot.stop());
    await slack.waitForConnection();
    for (const delivery of unacked) await slack.redeliver(delivery, 1);

    const db = new SqliteDatabase(join(dataDir, 'scribe.sqlite'), { readonly: true });
    const rows = await eventually(() => {
      const found = db.prepare("select key, text, pending from timeline_entries where kind = 'message'").all() as {
        key: string;
        text: string;
        pending: number;
      }[];
      expect(found.length).toBe(messages.length);
      expect(found.filter((r) => r.pending === 1)).toEqual([]);
      return found;
    }, 120_000);
    db.close();

    expect(acked.size).toBeGreaterThan(10);
    expect(unacked.length).toBeGreaterThan(0);
    expect(unacked.length + acked.size).toBe(messages.length);
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const ts of acked) expect(keys).toContain(`msg:${channel.id}:${ts}`);
    expect(rows.map((r) => r.text).sort()).toEqual(messages.map((_, i) => `Line ${i}`).sort());
  });
});
