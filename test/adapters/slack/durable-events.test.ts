import { App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { makeDurable } from '#adapters/slack/durable-events.ts';
import { createMemoryStore } from '../../helpers/memory-store.ts';

/** A receiver that delivers nothing by itself: the test hands the app its events. */
const quietReceiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };

function appWithCommand() {
  // With its bot's ids given, Bolt asks Slack nothing (no auth.test) before running a listener.
  const app = new App({
    token: 'xoxb-test',
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    receiver: quietReceiver,
    tokenVerificationEnabled: false,
  });
  const ran: string[] = [];
  app.command('/incident', async ({ ack, command }) => {
    ran.push(command.text);
    await ack({ text: 'ok' });
  });
  return { app, ran };
}

const slashBody = (trigger: string) => ({
  command: '/incident',
  text: 'help',
  trigger_id: trigger,
  user_id: 'U0ANA',
  channel_id: 'C0GENERAL',
  team_id: 'T0TEAM',
  response_url: 'https://hooks.slack.com/commands/T0TEAM/1/abc',
});

function deliver(app: App, body: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const event: ReceiverEvent = { body, ack: async (response?: unknown) => resolve(response) };
    app.processEvent(event).catch(reject);
  });
}

describe('makeDurable', () => {
  it('acks a command without waiting for its inbox row to be marked done, and drops a redelivery', async () => {
    const store = createMemoryStore();
    // Completions that never finish: the ack must not be behind them.
    store.completeEvent = () => new Promise<void>(() => undefined);
    const { app, ran } = appWithCommand();
    makeDurable(app, { store, clock: { now: () => new Date('2025-04-07T14:00:00Z') }, log: pino({ level: 'silent' }) });

    const first = await deliver(app, slashBody('1337.42.abc'));
    const again = await deliver(app, slashBody('1337.42.abc'));

    expect(first).toEqual({ text: 'ok' });
    expect(again).toBeUndefined();
    expect(ran).toEqual(['help']);
  });
});
