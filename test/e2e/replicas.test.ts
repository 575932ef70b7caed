import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { eventually } from '../helpers/bot-harness.ts';
import { bareRemote, git, tempDir } from '../helpers/git-repos.ts';
import { spawnBot } from '../helpers/spawn-bot.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';
import { addPerson } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!postgresFactory.available)('two bot processes on one PostgreSQL', () => {
  let slack: SlackEmulator;
  let bots: Awaited<ReturnType<typeof spawnBot>>[] = [];
  let ana: ReturnType<typeof addPerson>;
  let database: { databaseUrl: string; databaseSchema: string };

  beforeAll(async () => {
    slack = await startSlackEmulator();
    ana = addPerson(slack, 'ana');
    database = (await freshPostgresSchema())!;
    const bare = bareRemote();
    const seed = tempDir();
    git(seed, 'clone', '-q', bare, 'work');
    mkdirSync(join(seed, 'work/RCAs'), { recursive: true });
    writeFileSync(
      join(seed, 'work/RCAs/rca.md'),
      `---\ntitle: "Replica test"\n---\n\n# Replica test\n\n## Action Items\n\n| Priority | Action | Owner | Due Date |\n|---|---|---|---|\n| P1 | Rotate the keys | <@${ana.id}> | ${day(7)} |\n`,
    );
    git(join(seed, 'work'), 'add', '.');
    git(join(seed, 'work'), 'commit', '-qm', 'seed RCA');
    git(join(seed, 'work'), 'push', '-q', 'origin', 'main');
    const configFile = join(tempDir(), 'team.yml');
    writeFileSync(configFile, YAML.stringify({ reminders: { schedule: '*/2 * * * * *', timeZone: 'UTC' } }));
    const env = {
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_APP_TOKEN: slack.appToken,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: database.databaseUrl,
      DATABASE_SCHEMA: database.databaseSchema,
      RCA_REPO: bare,
      SCRIBE_CONFIG: configFile,
    };
    bots = await Promise.all([0, 1].map(() => spawnBot({ ...env, SCRIBE_DATA_DIR: tempDir() })));
    await eventually(() => expect(slack.connectionCount).toBe(2), 30_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await slack?.stop();
  });

  it('sends each reminder once though both run the job at the same moment', async () => {
    const dms = () => slack.workspace.imWith(ana.id).messages.filter((m) => m.text.includes('Rotate the keys'));
    const runsOf = (bot: (typeof bots)[number]) => bot.logs.join('').split('reminder run done').length - 1;
    await eventually(() => expect(dms().length).toBeGreaterThanOrEqual(1), 60_000);
    // The job runs (every 2 s, on whichever replica takes its lock) three more times after the reminder
    // went: none sends it again.
    const runs = () => bots.map(runsOf).reduce((a, b) => a + b, 0);
    const before = runs();
    await eventually(() => expect(runs()).toBeGreaterThanOrEqual(before + 3), 60_000);
    expect(dms()).toHaveLength(1);
  }, 150_000);

  it('handles an event once though Slack delivers it to both', async () => {
    const general = ana.createChannel('general');
    await ana.slash('/incident', 'declare sev2 Replicas', general.id);
    const channel = await eventually(() => {
      // Ana can post once the bot has invited her (Slack refuses a person's post elsewhere).
      const c = [...slack.workspace.channels.values()].find((x) => x.name.endsWith('replicas'));
      expect(c?.members.has(ana.id)).toBe(true);
      return c!;
    });
    const ts = await ana.post(channel.id, 'Seen by two replicas');

    await ana.react(channel.id, ts, 'pushpin');
    await slack.redeliver(slack.deliveries.at(-1)!);

    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    const rows = await eventually(async () => {
      const { rows } = await client.query(
        `select key, pending from ${database.databaseSchema}.timeline_entries where kind = 'message'`,
      );
      expect(rows).toEqual([{ key: `msg:${channel.id}:${ts}`, pending: 0 }]);
      return rows;
    }, 30_000);
    await client.end();
    expect(rows).toHaveLength(1);
    expect(slack.calls.filter((c) => c.method === 'conversations.create' && c.ok)).toHaveLength(1);
  });
});
