import { App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { type DurableEventsOptions, makeDurable } from '#adapters/slack/durable-events.ts';
import { createMemoryStore } from '../../helpers/memory-store.ts';

/** A receiver that delivers nothing by itself: the test hands the app its events. */
const quietReceiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };

/** With its bot's ids given, Bolt asks Slack nothing (no auth.test) before running a listener. */
const quietApp = () =>
  new App({
    token: 'xoxb-test',
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    receiver: quietReceiver,
    tokenVerificationEnabled: false,
  });

function appWithCommand() {
  const app = quietApp();
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
    durable(app, store);

    const first = await deliver(app, slashBody('1337.42.abc'));
    const again = await deliver(app, slashBody('1337.42.abc'));

    expect(first).toEqual({ text: 'ok' });
    expect(again).toBeUndefined();
    expect(ran).toEqual(['help']);
  });
});

const reactionBody = (eventId: string, type: 'reaction_added' | 'reaction_removed') => ({
  type: 'event_callback',
  event_id: eventId,
  team_id: 'T0TEAM',
  event: {
    type,
    user: 'U0ANA',
    reaction: 'pushpin',
    item: { type: 'message', channel: 'C0INC', ts: '1744044420.000100' },
    event_ts: '1744044421.000100',
  },
});

/** `makeDurable` over a memory store, at a fixed time, logging nothing, with `onArrival` when given. */
const durable = (
  app: App,
  store: ReturnType<typeof createMemoryStore>,
  onArrival?: DurableEventsOptions['onArrival'],
) =>
  makeDurable(app, {
    store,
    clock: { now: () => new Date('2025-04-07T14:00:00Z') },
    log: pino({ level: 'silent' }),
    ...(onArrival ? { onArrival } : {}),
  });

describe('makeDurable with onArrival', () => {
  function pinApp() {
    const app = quietApp();
    const log: string[] = [];
    app.event('reaction_added', async () => {
      log.push('listener: added');
    });
    app.event('reaction_removed', async () => {
      log.push('listener: removed');
    });
    return { app, log };
  }

  it('acks a pin only once its write is done, runs what is left after the ack and before a removal that follows, then marks it done', async () => {
    const store = createMemoryStore();
    const { app, log } = pinApp();
    const completed: string[] = [];
    const complete = store.completeEvent.bind(store);
    store.completeEvent = async (id) => {
      completed.push(id);
      await complete(id);
    };
    let finishAfter: () => void = () => undefined;
    durable(app, store, async (event, record) => {
      if (event['type'] !== 'reaction_added') return null;
      const { eventId } = record();
      log.push(`write ${eventId}`);
      const isNew = await store.recordEvent(eventId, record().body, record().receivedAt);
      return {
        isNew,
        after: () =>
          new Promise<void>((resolve) => {
            log.push('after: started');
            finishAfter = () => {
              log.push('after: done');
              resolve();
            };
          }),
      };
    });

    await deliver(app, reactionBody('Ev1', 'reaction_added'));
    log.push('acked Ev1');
    await deliver(app, reactionBody('Ev2', 'reaction_removed'));
    log.push('acked Ev2');
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['write Ev1', 'acked Ev1', 'after: started', 'acked Ev2']);
    expect(completed).toEqual([]);

    finishAfter();
    await new Promise((r) => setTimeout(r, 50));
    expect(log.slice(4)).toEqual(['after: done', 'listener: removed']);
    expect(completed.sort()).toEqual(['Ev1', 'Ev2']);

    await deliver(app, reactionBody('Ev1', 'reaction_added')); // a redelivery: written, known, nothing after
    await new Promise((r) => setTimeout(r, 20));
    expect(log.slice(6)).toEqual(['write Ev1']);
  });

  it('takes the usual path when onArrival declines, or when events of the message are still queued', async () => {
    const store = createMemoryStore();
    const { app, log } = pinApp();
    let declines = true;
    durable(app, store, async () => {
      log.push('onArrival');
      return declines ? null : { isNew: true, after: async () => undefined };
    });

    await deliver(app, reactionBody('Ev1', 'reaction_added'));
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['onArrival', 'listener: added']);

    declines = false;
    await Promise.all([
      deliver(app, reactionBody('Ev2', 'reaction_removed')),
      deliver(app, reactionBody('Ev3', 'reaction_added')),
    ]);
    await new Promise((r) => setTimeout(r, 20));
    // Ev2 (taken by onArrival: the queue was empty) then Ev3, behind it in the queue: the usual path.
    expect(log.slice(2)).toEqual(['onArrival', 'listener: added']);
  });

  it('runs the events of a message in the order they arrived, though an earlier inbox write finishes later', async () => {
    const store = createMemoryStore();
    const { app, log } = pinApp();
    const record = store.recordEvent.bind(store);
    // The removal's inbox write is slow; the pushpin put back meanwhile must not overtake it.
    store.recordEvent = async (id, body, at) => {
      if (id === 'Ev1') await new Promise((r) => setTimeout(r, 30));
      return record(id, body, at);
    };
    durable(app, store, async (event, received) => {
      if (event['type'] !== 'reaction_added') return null;
      log.push(`onArrival ${received().eventId}`);
      return { isNew: true, after: async () => undefined };
    });

    await Promise.all([
      deliver(app, reactionBody('Ev1', 'reaction_removed')),
      deliver(app, reactionBody('Ev2', 'reaction_added')),
    ]);
    await new Promise((r) => setTimeout(r, 20));

    expect(log).toEqual(['listener: removed', 'listener: added']);
  });

  it("neither acks nor loses an event whose write fails, and the message's next event still runs", async () => {
    const store = createMemoryStore();
    const { app, log } = pinApp();
    let fail = true;
    durable(app, store, async (event) => {
      if (event['type'] !== 'reaction_added') return null;
      if (fail) throw new Error('database unavailable');
      return { isNew: true, after: async () => undefined };
    });
    let acked = false;
    const failed = await app
      .processEvent({
        body: reactionBody('Ev1', 'reaction_added'),
        ack: async () => {
          acked = true;
        },
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failed).toBeInstanceOf(Error);
    expect(acked).toBe(false);

    fail = false;
    await deliver(app, reactionBody('Ev2', 'reaction_removed'));
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['listener: removed']);
  });
});
