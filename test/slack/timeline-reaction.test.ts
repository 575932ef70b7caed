import { describe, expect, it } from 'vitest';
import { timelineReaction } from '#adapters/slack/timeline-reaction.ts';

const added = {
  type: 'reaction_added',
  user: 'U1',
  reaction: 'pushpin',
  item: { type: 'message', channel: 'C1', ts: '1.000100' },
  event_ts: '2.000100',
};

describe('timelineReaction', () => {
  it('takes the message and the reactor of the timeline emoji on a message', () => {
    expect(timelineReaction(added, 'pushpin')).toEqual({ ref: { channelId: 'C1', ts: '1.000100' }, reactorId: 'U1' });
  });

  it('is null for another emoji, a removal, a file, or an event missing its parts', () => {
    expect(timelineReaction(added, 'star')).toBeNull();
    expect(timelineReaction({ ...added, type: 'reaction_removed' }, 'pushpin')).toBeNull();
    expect(timelineReaction({ ...added, item: { type: 'file', file: 'F1' } }, 'pushpin')).toBeNull();
    expect(timelineReaction({ ...added, item: { type: 'message', channel: 'C1' } }, 'pushpin')).toBeNull();
    expect(timelineReaction({ ...added, user: undefined }, 'pushpin')).toBeNull();
  });
});
