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
 */
export function backgroundReactions(
  chat: Pick<Chat, 'react' | 'unreact'>,
  log: Logger,
): Pick<Chat, 'react' | 'unreact'> {
  const queue = new KeyedQueue();
  const send = (what: 'react' | 'unreact', channelId: string, ts: string, name: string) => {
    queue
      .run(`${channelId}:${ts}:${name}`, () => chat[what](channelId, ts, name))
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
