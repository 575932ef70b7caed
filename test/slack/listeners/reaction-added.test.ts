import { describe, expect, it } from 'vitest';
import { reactionAdded } from '#adapters/slack/listeners/reaction-added.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import { buildOpenIncident } from '../../helpers/build-open-incident.ts';
import { buildReactionAdded } from '../../helpers/build-reaction-event.ts';

const KEY = 'msg:CINC1:1901784600.000100';

describe('reaction_added', () => {
  it('puts a logged message on the timeline, complete, without asking Slack for it', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await bed.messages.record({
      channelId: 'CINC1',
      ts: '1901784600.000100',
      threadTs: null,
      userId: 'UCAT',
      text: 'Rolled back',
      deleted: false,
      version: '1901784600.000100',
    });
    const { args } = buildReactionAdded();

    await reactionAdded(buildListenerContext(bed).ctx)(args);

    expect(await bed.store.getTimelineEntry(KEY)).toMatchObject({
      text: 'Rolled back',
      authorId: 'UCAT',
      pending: false,
    });
    expect(bed.chat.calls).not.toContain('fetchMessage');
    expect(bed.chat.reactions.has('CINC1:1901784600.000100:memo')).toBe(true);
  });

  it('fetches a message the log does not hold and completes the entry', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    bed.chat.messages.set('CINC1:1901784600.000100', { ts: '1901784600.000100', userId: 'UCAT', text: 'From Slack' });
    const { args } = buildReactionAdded();

    await reactionAdded(buildListenerContext(bed).ctx)(args);

    expect(await bed.store.getTimelineEntry(KEY)).toMatchObject({ text: 'From Slack', pending: false });
  });

  it('completes an entry left pending by a crash before its fetch when the pin is replayed', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    // The pin was written (pending: the log did not hold the message), then the bot stopped.
    await bed.messages.pin(
      {
        incidentId: 'inc-1',
        key: KEY,
        at: '2030-04-07T10:10:00.000Z',
        sortKey: '1901784600.000100',
        channelId: 'CINC1',
        ts: '1901784600.000100',
        reactorId: 'UBOB',
      },
      '2030-04-07T10:10:00.000Z',
    );
    bed.chat.messages.set('CINC1:1901784600.000100', { ts: '1901784600.000100', userId: 'UCAT', text: 'From Slack' });

    await reactionAdded(buildListenerContext(bed).ctx)(buildReactionAdded().args);

    expect(await bed.store.getTimelineEntry(KEY)).toMatchObject({ text: 'From Slack', pending: false });
  });

  it('asks Slack nothing for a pin of a message already on the timeline, complete', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    bed.chat.messages.set('CINC1:1901784600.000100', { ts: '1901784600.000100', userId: 'UCAT', text: 'From Slack' });
    const { ctx } = buildListenerContext(bed);
    await reactionAdded(ctx)(buildReactionAdded().args);
    const calls = bed.chat.calls.filter((c) => c === 'fetchMessage').length;

    await reactionAdded(ctx)(buildReactionAdded({ user: 'UDAN' }).args);

    expect(bed.chat.calls.filter((c) => c === 'fetchMessage')).toHaveLength(calls);
  });

  it('drops the entry again when the message is gone from Slack', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    await reactionAdded(buildListenerContext(bed).ctx)(buildReactionAdded().args);

    expect(await bed.store.getTimelineEntry(KEY)).toBeNull();
    expect(bed.store.roles.timeline.reactors.has(KEY)).toBe(false);
  });

  it('ignores other emoji and channels that are not an incident', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    const { ctx } = buildListenerContext(bed);

    await reactionAdded(ctx)(buildReactionAdded({ reaction: 'eyes' }).args);
    await reactionAdded(ctx)(buildReactionAdded({ channel: 'CGENERAL' }).args);

    expect(await bed.store.listTimeline('inc-1')).toEqual([]);
    expect(bed.store.roles.timeline.reactors.size).toBe(0);
  });

  it('follows the configured timeline emoji', async () => {
    const bed = buildDeps({ config: { timeline: { emoji: 'star' } } });
    await buildOpenIncident(bed);
    bed.chat.messages.set('CINC1:1901784600.000100', { ts: '1901784600.000100', userId: 'UCAT', text: 'Starred' });

    await reactionAdded(buildListenerContext(bed).ctx)(buildReactionAdded({ reaction: 'star' }).args);

    expect(bed.store.roles.timeline.reactors.get(KEY)).toEqual(new Set(['UBOB']));
    expect((await bed.store.getTimelineEntry(KEY))?.text).toBe('Starred');
  });
});
