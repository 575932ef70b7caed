import type { EventFromType } from '@slack/bolt';
import { buildEventArgs } from './build-event-args.ts';

/** A person opened the bot's App Home (the Home tab unless told otherwise). */
export function buildAppHomeOpened(user = 'UBOB', tab: 'home' | 'messages' = 'home') {
  const event: EventFromType<'app_home_opened'> = {
    type: 'app_home_opened',
    user,
    channel: 'DBOB',
    tab,
    event_ts: '1901784600.000100',
  };
  return buildEventArgs<'app_home_opened'>(event);
}
