import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ArrivingEvent, Clock, IncidentStore } from '#src/ports.ts';
import { KeyedQueue } from './keyed-queue.ts';

export interface DurableEventsOptions {
  store: IncidentStore;
  clock: Clock;
  log: Logger;
  onAck?: (type: string, ackMs: number) => void;
  onDuplicate?: (type: string) => void;
  /** Events the bot acts on; the rest are acked and dropped unwritten. */
  isRelevant?: (event: Record<string, unknown>) => boolean;
  /**
   * Keeps a `message` event (new, edited, deleted) in the message log before its ack; the log write is
   * its durable record, so a plain new message costs that one grouped write and no inbox row.
   */
  logMessage?: (event: Record<string, unknown>) => Promise<void>;
  /**
   * Handles a relevant event in its inbox write, before the ack (a pushpin whose incident the bot
   * knows: the entry is written complete with the event): null leaves it to the usual path. `after`
   * (the confirmation, a name to look up) runs once it is acked, in order with the message's other
   * events, and the event is marked done when it has run.
   */
  onArrival?: (event: Record<string, unknown>, record: () => ArrivingEvent) => Promise<Arrival | null>;
}

/** What `onArrival` did: whether the event was new, and what is left to do after its ack. */
export interface Arrival {
  isNew: boolean;
  after(): Promise<void>;
}

export interface DurableEvents {
  queue: KeyedQueue;
  /**
   * Queues the events a crash left written but unprocessed (call once the app is started) and says how
   * many. They run in the background, in order per message: their Slack calls are paced like any other,
   * and the bot takes new events meanwhile.
   */
  replayPending(): Promise<number>;
  /** Stops taking new events: they are neither written nor acked, so Slack redelivers them elsewhere. */
  close(): void;
}

type Body = Record<string, unknown> & { event?: Record<string, unknown> };

/**
 * Write first, then ack: every Events API delivery is written to the store's inbox before Slack gets
 * its ack, so what was acked survives a crash, and a redelivery with a known event id is dropped (a
 * first delivery never is). Commands and interactions are deduplicated by trigger id. Listeners then
 * run through a per-message queue, after the ack.
 */
export function makeDurable(app: App, options: DurableEventsOptions): DurableEvents {
  const original = app.processEvent.bind(app);
  const queue = new KeyedQueue();
  let closed = false;
  const noAck = async () => undefined;

  /** What an acked event leads to: its listeners, then its inbox row marked done. */
  const handle = (body: Body, ackless: ReceiverEvent) => async () => {
    await original({ ...ackless, ack: noAck });
    const id = body['event_id'];
    if (typeof id === 'string') await options.store.completeEvent(id);
  };
  const process = (body: Body, ackless: ReceiverEvent) => queue.run(orderKey(body), handle(body, ackless));

  /**
   * An Events API delivery. It takes its place in its message's queue as it arrives, before its inbox
   * write, behind a gate that opens once it is written and acked: events about one message run in the
   * order they arrived, however their writes finish (a pushpin taken off and put back at once is
   * applied off, then on). When nothing of the message is queued before it, `onArrival` may handle it
   * in the write itself, and what it leaves (`after`) runs in that place; a message with events still
   * queued takes the usual path, so an ack never waits behind a Slack call.
   */
  const receive = async (body: Body, id: string | null, event: ReceiverEvent, started: number): Promise<void> => {
    const key = orderKey(body);
    const first = !queue.busy(key);
    let open: (task: (() => Promise<void>) | null) => void = () => undefined;
    const gate = new Promise<(() => Promise<void>) | null>((resolve) => {
      open = resolve;
    });
    queue
      .run(key, async () => {
        const task = await gate;
        if (task) await task();
      })
      .catch((error: unknown) => options.log.error({ err: error, eventId: id }, 'event handling failed'));
    let task: (() => Promise<void>) | null = null;
    try {
      const received = () => ({
        eventId: id!,
        body: JSON.stringify(body),
        receivedAt: options.clock.now().toISOString(),
      });
      const arrival =
        first && id !== null && options.onArrival ? await options.onArrival(body.event ?? {}, received) : null;
      if (arrival !== null) {
        await event.ack();
        if (!arrival.isNew) {
          options.onDuplicate?.('event_callback');
          return;
        }
        options.onAck?.('event_callback', performance.now() - started);
        task = async () => {
          await arrival.after();
          await options.store.completeEvent(id!);
        };
        return;
      }
      if (id !== null) {
        const { eventId, body: text, receivedAt } = received();
        if (!(await options.store.recordEvent(eventId, text, receivedAt))) {
          await event.ack();
          options.onDuplicate?.('event_callback');
          return;
        }
      }
      await event.ack();
      options.onAck?.('event_callback', performance.now() - started);
      task = handle(body, event);
    } finally {
      open(task);
    }
  };

  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    if (closed) return;
    const started = performance.now();
    const body = event.body as Body;
    const type =
      typeof body['type'] === 'string'
        ? (body['type'] as string)
        : typeof body['command'] === 'string'
          ? 'slash_command'
          : 'unknown';
    if (type === 'event_callback' && body.event?.['type'] === 'message' && options.logMessage)
      await options.logMessage(body.event);
    if (type === 'event_callback' && options.isRelevant && !options.isRelevant(body.event ?? {})) {
      await event.ack();
      return;
    }
    const id = typeof body['event_id'] === 'string' ? body['event_id'] : triggerKey(body);
    if (type === 'event_callback') return receive(body, id, event, started);
    if (id !== null) {
      const isNew = await options.store.recordEvent(id, '', options.clock.now().toISOString());
      if (!isNew) {
        await event.ack();
        options.onDuplicate?.(type);
        return;
      }
      // A command, shortcut or form is done with once recorded (a redelivery is dropped above): its
      // row is marked complete in the background, since completions wait to share a statement, and a
      // listener that must ack within 3 seconds (and open a form with its trigger) does not wait for
      // that. A crash before the mark leaves a row with no body, which the replay marks and skips.
      void options.store
        .completeEvent(id)
        .catch((error: unknown) => options.log.warn({ err: error, eventId: id }, 'could not mark a command done'));
    }
    // Commands, shortcuts and views answer through ack(); their listeners ack themselves.
    const ack = event.ack;
    await original({
      ...event,
      ack: async (response) => {
        options.onAck?.(type, performance.now() - started);
        await ack(response);
      },
    });
  };

  return {
    queue,
    async replayPending() {
      const pending = await options.store.pendingEvents();
      // Commands and forms (rows with no body) are only marked: all at once, as completions group.
      await Promise.all(
        pending.filter((row) => row.body === '').map((row) => options.store.completeEvent(row.eventId)),
      );
      for (const { eventId, body } of pending) {
        if (body === '') continue;
        options.log.info({ eventId }, 'replaying an event acknowledged before a restart');
        void process(JSON.parse(body) as Body, { body: JSON.parse(body), ack: noAck } as ReceiverEvent).catch((error) =>
          options.log.error({ err: error, eventId }, 'replayed event failed'),
        );
      }
      return pending.length;
    },
    close() {
      closed = true;
    },
  };
}

function triggerKey(body: Body): string | null {
  const trigger = body['trigger_id'];
  if (typeof trigger === 'string' && trigger !== '') return `trigger:${trigger}`;
  const view = body['view'] as { id?: string; hash?: string } | undefined;
  return body['type'] === 'view_submission' && view?.id ? `view:${view.id}:${view.hash ?? ''}` : null;
}

/** Events about the same message run in order; others in parallel. */
function orderKey(body: Body): string {
  const event = body.event ?? {};
  const item = event['item'] as { channel?: string; ts?: string } | undefined;
  if (item?.channel && item.ts) return `${item.channel}:${item.ts}`;
  const message = event['message'] as { ts?: string } | undefined;
  const ts = message?.ts ?? (event['deleted_ts'] as string | undefined) ?? (event['ts'] as string | undefined);
  return `${String(event['channel'] ?? '')}:${ts ?? String(body['event_id'] ?? '')}`;
}
