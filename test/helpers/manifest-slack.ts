import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { PROJECT_ROOT } from '#config/load-config.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import { type Harness, manifestScopes, startHarness } from './bot-harness.ts';
import { freshPostgresSchema } from './stores.ts';

/** An emulator that grants only manifest.yml's scopes and sends only its bot events (message.groups…). */
export async function manifestSlack(): Promise<SlackEmulator> {
  const manifest = YAML.parse(readFileSync(join(PROJECT_ROOT, 'manifest.yml'), 'utf8'));
  return startSlackEmulator({ scopes: manifestScopes(), events: manifest.settings.event_subscriptions.bot_events });
}

/** Each message of a channel as text and blocks, to search. */
export const textsIn = (h: Harness, channelId: string) =>
  h.slack.workspace.channels.get(channelId)!.messages.map((m) => `${m.text} ${JSON.stringify(m.blocks ?? [])}`);

/** An announcements channel and one that hears P1s only, the bot in both. */
export function broadcastChannels(slack: SlackEmulator, people: Harness['people'], ids: Record<string, string>) {
  for (const name of ['announce', 'sev1-only']) {
    const channel = people.cho.createChannel(name);
    channel.members.add(slack.workspace.botUserId);
    ids[name] = channel.id;
  }
  return { announcementsChannel: ids['announce']!, announcements: [{ channel: ids['sev1-only']!, minSeverity: 'P1' }] };
}

/**
 * A bot on `store` (a fresh PostgreSQL schema for `postgres`) against manifest.yml's Slack, announcing
 * to `broadcastChannels`, whose ids land in `ids`; `incident` adds to that part of the config.
 */
export async function startBroadcastHarness(
  store: 'sqlite' | 'postgres',
  options: { rcaRepo?: string; incident?: Record<string, unknown> } = {},
): Promise<{ h: Harness; ids: Record<string, string> }> {
  const pg = store === 'postgres' ? await freshPostgresSchema() : null;
  const ids: Record<string, string> = {};
  const h = await startHarness({
    slack: await manifestSlack(),
    ...(options.rcaRepo ? { rcaRepo: options.rcaRepo } : {}),
    ...(pg ?? {}),
    configFor: (slack, people) => ({ incident: { ...broadcastChannels(slack, people, ids), ...options.incident } }),
  });
  return { h, ids };
}
