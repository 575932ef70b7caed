import { describe, expect, it } from 'vitest';
import { messageKey } from '#domain/timeline-entry.ts';
import type { LoggedMessage } from '#src/ports.ts';
import { addPinnedThreads } from '#use-cases/add-pinned-threads.ts';
import { pinFromLog } from '#use-cases/timeline-from-messages.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

const parent = '1901784600.000100';
const message = (ts: string, threadTs: string | null, text: string, userId = 'UCAT'): LoggedMessage => ({
  channelId: 'CINC1',
  ts,
  threadTs,
  userId,
  text,
  deleted: false,
  version: ts,
});

describe('addPinnedThreads', () => {
  it('adds the replies of pinned threads only, complete from the log', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);
    bed.chat.names.set('UDAN', 'dan');
    for (const m of [
      message(parent, parent, 'Parent'),
      message('1901784610.000100', parent, 'First reply', 'UDAN'),
      message('1901784620.000100', parent, 'Second reply'),
      message('1901784700.000100', '1901784700.000100', 'Unpinned parent'),
      message('1901784710.000100', '1901784700.000100', 'Reply nobody pinned'),
    ])
      await bed.messages.record(m);
    await pinFromLog(bed.deps, 'inc-1', { channelId: 'CINC1', ts: parent }, 'UBOB');

    const added = await addPinnedThreads(bed.deps, incident, 'UANA');

    expect(added).toBe(2);
    expect((await bed.store.listTimeline('inc-1')).map((e) => e.text)).toEqual([
      'Parent',
      'First reply',
      'Second reply',
    ]);
    expect((await bed.store.getTimelineEntry(messageKey('CINC1', '1901784610.000100')))?.authorName).toBe('dan');
  });

  it('adds nothing twice when asked again', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);
    await bed.messages.record(message(parent, parent, 'Parent'));
    await bed.messages.record(message('1901784610.000100', parent, 'Reply'));
    await pinFromLog(bed.deps, 'inc-1', { channelId: 'CINC1', ts: parent }, 'UBOB');
    await addPinnedThreads(bed.deps, incident, 'UANA');

    expect(await addPinnedThreads(bed.deps, incident, 'UANA')).toBe(0);
  });

  it('leaves out a deleted reply', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);
    await bed.messages.record(message(parent, parent, 'Parent'));
    await bed.messages.record({ ...message('1901784610.000100', parent, ''), deleted: true });
    await pinFromLog(bed.deps, 'inc-1', { channelId: 'CINC1', ts: parent }, 'UBOB');

    expect(await addPinnedThreads(bed.deps, incident, 'UANA')).toBe(0);
  });
});
