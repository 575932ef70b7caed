import { App, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, type Person } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import type { Channel } from '#emulator/workspace.ts';
import { until } from './web-api-call.ts';

/** The SDK reports the cut connections these tests make on purpose; nothing to see. */
const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

/** Bolt's Socket Mode receiver against the emulator: what the emulator sends, Slack's SDK must understand. */
describe("the emulator's Socket Mode, as @slack/socket-mode reads it", () => {
  let slack: SlackEmulator;
  let app: App;
  let ana: Person;
  let channel: Channel;
  const texts: string[] = [];
  beforeEach(async () => {
    texts.length = 0;
    slack = await startSlackEmulator();
    ana = addPerson(slack, 'ana');
    channel = ana.createChannel('incidents');
    channel.members.add(slack.workspace.botUserId);
    const clientOptions = { slackApiUrl: slack.apiUrl };
    const receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      installerOptions: { clientOptions },
      logger: quiet,
    });
    app = new App({ token: slack.botToken, receiver, clientOptions, logger: quiet });
    app.message(async ({ message }) => {
      if ('text' in message && typeof message.text === 'string') texts.push(message.text);
    });
    await app.start();
    await slack.waitForConnection();
  });
  afterEach(async () => {
    await app.stop().catch(() => undefined);
    await slack.stop();
  });

  const opens = () => slack.calls.filter((c) => c.method === 'apps.connections.open').length;

  it('reconnects after a refresh_requested disconnect and receives what comes next', async () => {
    slack.disconnectSockets('refresh_requested', 0);
    // @slack/socket-mode waits its client ping timeout (5 s by default) before it reconnects.
    await until(() => opens() === 2 && slack.connected, 15_000);

    await ana.post(channel.id, 'after the refresh');

    expect(texts).toEqual(['after the refresh']);
  });

  it('gets the event that was cut mid-frame once it has reconnected', async () => {
    slack.cutNextEnvelope('mid-frame');

    await ana.post(channel.id, 'cut in half').catch(() => undefined);
    await until(() => texts.length === 1, 15_000);

    expect(texts).toEqual(['cut in half']);
    expect(opens()).toBe(2);
  });
});
