import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { addPerson } from '#emulator/person.ts';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';
import { eventually } from '../helpers/bot-harness.ts';
import { tempDir } from '../helpers/git-repos.ts';
import { spawnBot } from '../helpers/spawn-bot.ts';

const OUTAGE_MS = 60_000;

/** The HTTP port `scribe start` chose (PORT=0), from its "running" log line. */
function portOf(logs: string[]): number {
  const line = logs
    .join('')
    .split('\n')
    .find((l) => l.includes('Incident Scribe is running'));
  return (JSON.parse(line!) as { port: number }).port;
}

async function readiness(port: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Slack away for a minute in the middle of an incident', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('keeps `scribe start` running, says so on /readyz, and puts every pushpin from before, during and after on the timeline once', async () => {
    const slack = await startSlackEmulator();
    cleanup.push(() => slack.stop());
    const ana = addPerson(slack, 'ana');
    const dataDir = tempDir();
    const bot = await spawnBot({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_APP_TOKEN: slack.appToken,
      SLACK_API_URL: slack.apiUrl,
      SCRIBE_DATA_DIR: dataDir,
    });
    cleanup.push(() => bot.stop());
    await slack.waitForConnection();
    const port = portOf(bot.logs);
    const general = ana.createChannel('general');
    await ana.slash('/incident', 'declare sev1 Payments down', general.id);
    const channel = await eventually(() => {
      const c = [...slack.workspace.channels.values()].find((x) => x.name.endsWith('payments-down'));
      expect(c?.pins.size).toBe(1);
      return c!;
    }, 30_000);
    const pin = async (ts: string) => {
      // While Slack is away the event cannot be delivered; Slack keeps it and retries after the reconnect.
      await ana.react(channel.id, ts, 'pushpin').catch(() => undefined);
      return ts;
    };
    const post = (text: string) => ana.post(channel.id, text);

    const before = [await pin(await post('Before 1')), await pin(await post('Before 2'))];
    const toPinDuring = [await post('During 1'), await post('During 2')];
    await eventually(() => expect(timelineTexts(dataDir)).toEqual(expect.arrayContaining(['Before 1', 'Before 2'])));
    const outage = slack.outage({ ms: OUTAGE_MS, mode: 'refuse' });
    await outage;
    await new Promise((r) => setTimeout(r, 2_000));
    const during = [await pin(toPinDuring[0]!), await pin(toPinDuring[1]!)];
    const whileAway = await readiness(port);
    await new Promise((r) => setTimeout(r, OUTAGE_MS - 2_000));
    await slack.waitForConnection(60_000);
    const after = [await pin(await post('After 1')), await pin(await post('After 2'))];

    await eventually(() => {
      expect(timelineTexts(dataDir).sort()).toEqual(
        ['Before 1', 'Before 2', 'During 1', 'During 2', 'After 1', 'After 2'].sort(),
      );
    }, 30_000);
    expect(bot.child.exitCode).toBeNull();
    expect(whileAway.status).toBe(503);
    expect(whileAway.body['problems']).toEqual(['slack disconnected']);
    expect((await readiness(port)).status).toBe(200);
    const keys = timelineKeys(dataDir);
    for (const ts of [...before, ...during, ...after]) expect(keys.filter((k) => k.endsWith(ts))).toHaveLength(1);
    const logs = bot.logs.join('');
    expect(logs).not.toMatch(/\n\s+at /);
    // Every library logs through the bot's JSON logger: no `[WARN] web-api:WebClient` lines.
    const notJson = logs.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
    expect(notJson).toEqual([]);
    expect(logs).toContain('slack disconnected; reconnecting until it answers');
    expect(logs).toContain('slack connected again');
  });
});

function rows(dataDir: string): { key: string; text: string }[] {
  const db = new SqliteDatabase(join(dataDir, 'scribe.sqlite'), { readonly: true });
  try {
    return db.prepare("select key, text from timeline_entries where kind = 'message' and pending = 0").all() as {
      key: string;
      text: string;
    }[];
  } finally {
    db.close();
  }
}

const timelineTexts = (dataDir: string) => rows(dataDir).map((r) => r.text);
const timelineKeys = (dataDir: string) => rows(dataDir).map((r) => r.key);
