import type { AllMiddlewareArgs, EnvelopedEvent, EventFromType, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type Answers, buildMiddlewareArgs } from './build-middleware-args.ts';

export type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

/**
 * An Events API event in its envelope, with what Bolt adds for an event of its type (`say`, and for
 * message events `message`, `sayStream` and `setStatus`, which record nothing: no listener of ours uses them).
 */
export function buildEventArgs<T extends string>(
  event: EventFromType<T>,
  eventId = 'Ev0001',
): { args: EventArgs<T>; answers: Answers } {
  const base = buildMiddlewareArgs();
  const body: EnvelopedEvent<EventFromType<T>> = {
    token: 'verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_901_784_600,
  };
  // Bolt's type adds members by conditional types on the event; the object has all of them.
  const args = {
    ...base.args,
    payload: event,
    event,
    body,
    message: event,
    say: base.say,
    sayStream: () => undefined,
    setStatus: async () => undefined,
  } as unknown as EventArgs<T>;
  return { args, answers: base.answers };
}
