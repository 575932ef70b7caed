import { describe, expect, it } from 'vitest';
import { reactionRemoved } from '#adapters/slack/listeners/reaction-removed.ts';
import { pinMessage } from '#use-cases/timeline-from-messages.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import { buildOpenIncident } from '../../helpers/build-open-incident.ts';
import { buildReactionRemoved } from '../../helpers/build-reaction-event.ts';

const ref = { channelId: 'CINC1', ts: '1901784600.000100' };
const KEY = 'msg:CINC1:1901784600.000100';

describe('reaction_removed', () => {
  it('takes the entry off when the last timeline reaction comes off', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await pinMessage(bed.deps, 'inc-1', ref, 'UBOB');
    await pinMessage(bed.deps, 'inc-1', ref, 'UCAT');
    const { ctx } = buildListenerContext(bed);

    await reactionRemoved(ctx)(buildReactionRemoved({ user: 'UBOB' }).args);
    const afterFirst = await bed.store.getTimelineEntry(KEY);
    await reactionRemoved(ctx)(buildReactionRemoved({ user: 'UCAT' }).args);

    expect(afterFirst).not.toBeNull();
    expect(await bed.store.getTimelineEntry(KEY)).toBeNull();
  });

  it('ignores other emoji', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await pinMessage(bed.deps, 'inc-1', ref, 'UBOB');

    await reactionRemoved(buildListenerContext(bed).ctx)(buildReactionRemoved({ reaction: 'eyes' }).args);

    expect(await bed.store.getTimelineEntry(KEY)).not.toBeNull();
  });
});
