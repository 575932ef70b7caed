import type { EventFromType } from '@slack/bolt';
import { buildEventArgs } from './build-event-args.ts';

export interface Reaction {
  user?: string;
  reaction?: string;
  channel?: string;
  ts?: string;
}

function item({ channel = 'CINC1', ts = '1901784600.000100' }: Reaction) {
  return { type: 'message' as const, channel, ts };
}

/** UBOB puts :pushpin: on a message in CINC1, unless told otherwise. */
export function buildReactionAdded(reaction: Reaction = {}) {
  const event: EventFromType<'reaction_added'> = {
    type: 'reaction_added',
    user: reaction.user ?? 'UBOB',
    reaction: reaction.reaction ?? 'pushpin',
    item_user: 'UCAT',
    item: item(reaction),
    event_ts: '1901784700.000100',
  };
  return buildEventArgs<'reaction_added'>(event);
}

/** UBOB takes :pushpin: off a message in CINC1, unless told otherwise. */
export function buildReactionRemoved(reaction: Reaction = {}) {
  const event: EventFromType<'reaction_removed'> = {
    type: 'reaction_removed',
    user: reaction.user ?? 'UBOB',
    reaction: reaction.reaction ?? 'pushpin',
    item_user: 'UCAT',
    item: item(reaction),
    event_ts: '1901784800.000100',
  };
  return buildEventArgs<'reaction_removed'>(event);
}
