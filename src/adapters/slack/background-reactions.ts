import type { Logger } from 'pino';
import type { Chat } from '#src/ports.ts';
import { KeyedQueue } from './keyed-queue.ts';

/**
 * The bot's reactions (the timeline's confirmation) sent in the background: `react` and `unreact`
 * resolve once the call is queued, the calls about one message's reaction go in the order they were
 * made (an unpin's removal never overtakes the pin's confirmation), and a failure is logged.
 *
 * Why: `reactions.add` is Tier 3 (50 a minute), so in a burst of pins the confirmations wait minutes
 * in the pacer. Awaited, each held its whole event open meanwhile (the Bolt listener's arguments, the
 * event body, the inbox row not yet completed): about 10 KB live per pin, which made every young-
 * generation GC copy them and doubled the GC time of a 1,000 pins/s burst (`npm run bench
 * timeline-events`, with --cpu-prof). Nothing is lost by not waiting: a confirmation was never sent
 * again after a crash anyway (a replayed pin finds its entry there and confirms nothing).
 *
 * At most `maxPending` wait at once (a minute of Tier 3 by default): past that a new confirmation is
 * left out, rather than queueing thousands that would reach Slack an hour late. The timeline entry is
 * written either way; only the :memo: is missing. A removal always goes (Slack's `no_reaction`, for
 * one that was left out, is ignored), so no :memo: stays on a message that left the timeline.
 */
export function backgroundReactions(
  chat: Pick<Chat, 'react' | 'unreact'>,
  log: Logger,
  maxPending = 50,
): Pick<Chat, 'react' | 'unreact'> {
  const queue = new KeyedQueue();
  let warned = false;
  const send = (what: 'react' | 'unreact', channelId: string, ts: string, name: string) => {
    const key = `${channelId}:${ts}:${name}`;
    if (what === 'react' && queue.size >= maxPending) {
      if (!warned)
        log.warn({ pending: queue.size }, 'so many reactions are waiting for Slack that new ones are left out');
      warned = true;
      return Promise.resolve();
    }
    if (queue.size === 0) warned = false;
    queue
      .run(key, () => chat[what](channelId, ts, name))
      .catch((error: unknown) =>
        log.warn(
          { err: error, channelId, ts, name },
          `the bot's ${what === 'react' ? '' : 'removal of its '}reaction failed`,
        ),
      );
    return Promise.resolve();
  };
  return {
    react: (channelId, ts, name) => send('react', channelId, ts, name),
    unreact: (channelId, ts, name) => send('unreact', channelId, ts, name),
  };
}
