import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import { createSqliteStore } from '#adapters/store/create-store.ts';
import { loadConfig } from '#config/load-config.ts';
import { calendarDay } from '#domain/calendar-day.ts';
import { startBot } from '#src/main.ts';
import { dryRunReminders } from './remind-dry-run.ts';
import { renderPlainText } from './render-plain-text.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `scribe demo`: a short incident against the local Slack emulator, printed as it happens. */
export async function demo(): Promise<number> {
  const loaded = loadConfig({ ...process.env, SLACK_MODE: 'socket' });
  if (!loaded.ok) {
    console.error(`Configuration problems:\n  ${loaded.errors.join('\n  ')}`);
    return 1;
  }
  // Loaded only here: the demo is the emulator's one production user.
  const { startSlackEmulator } = await import('#emulator/slack-emulator.ts');
  const { addPerson } = await import('#emulator/person.ts');
  const dataDir = resolve(loaded.config.dataDir, 'demo');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const slack = await startSlackEmulator();
  const [ana, ben, cho] = ['ana', 'ben', 'cho'].map((name) => addPerson(slack, name)) as [
    ReturnType<typeof addPerson>,
    ReturnType<typeof addPerson>,
    ReturnType<typeof addPerson>,
  ];
  const config = {
    ...loaded.config,
    slack: { mode: 'socket' as const, apiUrl: slack.apiUrl },
    server: { port: 0 },
    dataDir,
    rca: { ...loaded.config.rca, repo: '' },
  };
  const logFile = join(dataDir, 'scribe.log');
  // People read the demo in a terminal: names, not Slack's <#C…> and <@U…> markup.
  const names = {
    channel: (id: string) => slack.workspace.channels.get(id)?.name,
    user: (id: string) => slack.workspace.users.get(id)?.name,
  };
  const say = (text: string) => console.log(renderPlainText(text, names));
  const bot = await startBot({
    config,
    secrets: { slackBotToken: slack.botToken, slackAppToken: slack.appToken },
    logDestination: createWriteStream(logFile, { flags: 'a' }),
  });
  // What the bot stored, read from its SQLite file, to tell the story.
  const store = createSqliteStore(join(dataDir, 'scribe.sqlite'));
  try {
    await slack.waitForConnection();
    say('▶ A local Slack is running; Incident Scribe is connected to it over Socket Mode.\n');
    const general = ana.createChannel('general');
    say('ana: /incident declare sev2 Checkout latency');
    say(`  → ${await ana.ask('/incident', 'declare sev2 Checkout latency', general.id)}`);
    const incident = (await store.listIncidents({}))[0]!;
    const channel = incident.channelId!;
    ben.join(channel);
    cho.join(channel);
    const alert = await ben.post(channel, 'p99 latency on checkout is 7s, error rate 13%');
    const cause = await cho.post(channel, 'Deploy v42 went out at 16:40; rolling back');
    const reply = await ben.post(channel, 'Rollback done, latency back to 180ms', cause);
    await ben.post(channel, 'Coffee, anyone?');
    for (const ts of [alert, cause, reply]) await ana.react(channel, ts, 'pushpin');
    say('ben, cho: messages in the channel; ana pins three of them (one a thread reply) with :pushpin:');
    for (const text of [
      'status identified',
      'note Paged the payments team',
      `action Add a latency alert on checkout owner:${ana.mention} due:"in 7 days" P1`,
      'status mitigated',
      'resolve Rolled back v42',
    ]) {
      say(`ana: /incident ${text.replace(ana.mention, '@ana')}`);
      say(`  → ${await ana.ask('/incident', text, channel)}`);
    }
    let resolved = await store.getIncident(incident.id);
    for (let i = 0; i < 100 && !resolved?.rcaPath; i += 1) {
      await pause(50);
      resolved = await store.getIncident(incident.id);
    }
    say('\n▶ Timeline');
    for (const entry of await store.listTimeline(incident.id)) {
      say(`  ${entry.at.slice(11, 16)}  ${entry.authorName ? `${entry.authorName}: ` : ''}${entry.text}`);
    }
    const repoDir = join(dataDir, 'rca-repo');
    say(`\n▶ RCA draft: ${join(repoDir, resolved?.rcaPath ?? '(not written)')}`);
    say('\n▶ git log');
    say((await simpleGit(repoDir).raw(['log', '--format=  %h %an: %s'])).trimEnd());
    const today = calendarDay(new Date(), config.reminders.timeZone);
    const { plan } = await dryRunReminders(repoDir, config, today);
    say(`\n▶ Reminders \`scribe remind --dry-run --repo ${repoDir}\` would send today (${today})`);
    if (plan.reminders.size === 0) say('  none');
    for (const [owner, items] of plan.reminders) {
      for (const item of items) say(`  ${owner}: ${item.action} (due ${item.due}, ${item.stage}) in ${item.file}`);
    }
    say(`\nLogs: ${logFile}. Next: create the Slack app from manifest.yml and run \`npm start\`.`);
    if (resolved?.rcaPath) {
      say(`\n▶ The RCA it committed, ${resolved.rcaPath}:\n`);
      console.log(readFileSync(join(repoDir, resolved.rcaPath), 'utf8').trimEnd());
    }
    return 0;
  } finally {
    await store.close();
    await bot.stop();
    await slack.stop();
    // Leave promptly even if a client library keeps a socket or timer open for a while.
    setTimeout(() => process.exit(process.exitCode ?? 0), 300).unref();
  }
}
