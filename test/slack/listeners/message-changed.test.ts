import { describe, expect, it } from 'vitest';
import { messageChanged } from '#adapters/slack/listeners/message-changed.ts';
import { pinMessage } from '#use-cases/timeline-from-messages.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import {
  buildMessageChanged,
  buildMessageDeleted,
  buildMessagePosted,
  buildMessageTombstoned,
} from '../../helpers/build-message-event.ts';
import { buildOpenIncident } from '../../helpers/build-open-incident.ts';

const TS = '1901784600.000100';
const KEY = `msg:CINC1:${TS}`;

async function arrange() {
  const bed = buildDeps();
  await buildOpenIncident(bed);
  await pinMessage(bed.deps, 'inc-1', { channelId: 'CINC1', ts: TS }, 'UBOB');
  return { bed, listener: messageChanged(buildListenerContext(bed).ctx) };
}

describe('message events', () => {
  it('carries an edit to the timeline entry', async () => {
    const { bed, listener } = await arrange();

    await listener(buildMessageChanged(TS, 'Rolled back, edited').args);

    expect((await bed.store.getTimelineEntry(KEY))?.text).toBe('Rolled back, edited');
  });

  it('takes a deleted message off the timeline', async () => {
    const { bed, listener } = await arrange();

    await listener(buildMessageDeleted(TS).args);

    expect(await bed.store.getTimelineEntry(KEY)).toBeNull();
  });

  it('treats a thread parent turned into a tombstone as a deletion', async () => {
    const { bed, listener } = await arrange();

    await listener(buildMessageTombstoned(TS).args);

    expect(await bed.store.getTimelineEntry(KEY)).toBeNull();
    expect(bed.store.roles.timeline.reactors.has(KEY)).toBe(false);
  });

  it('leaves the timeline alone for a new message', async () => {
    const { bed, listener } = await arrange();

    await listener(buildMessagePosted(TS, 'Same ts, new text').args);

    expect((await bed.store.getTimelineEntry(KEY))?.text).toBe('');
  });
});
