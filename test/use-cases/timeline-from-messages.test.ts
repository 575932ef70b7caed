import { describe, expect, it } from 'vitest';
import { messageKey } from '#domain/timeline-entry.ts';
import {
  completeMessage,
  deleteMessage,
  editMessage,
  pinFromLog,
  pinMessage,
  pinOnArrival,
  unpinMessage,
} from '#use-cases/timeline-from-messages.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

const ref = { channelId: 'CINC1', ts: '1901784600.000100' };
const key = messageKey(ref.channelId, ref.ts);
const logged = {
  ...ref,
  threadTs: null,
  userId: 'UCAT',
  text: 'Rolled back the deploy',
  deleted: false,
  version: '1901784600.000100',
};

describe('pinOnArrival', () => {
  const arriving = (eventId: string) => () => ({ eventId, body: '{}', receivedAt: '2030-04-07T09:30:01.000Z' });

  it('writes the entry complete with its event, and names the author and confirms only in `after`', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await bed.messages.record(logged);
    bed.chat.names.set('UCAT', 'cat');

    const arrival = await pinOnArrival(bed.deps, ref, 'UBOB', arriving('Ev1'));

    expect(arrival?.isNew).toBe(true);
    expect(await bed.store.getTimelineEntry(key)).toMatchObject({ text: 'Rolled back the deploy', pending: false });
    expect(bed.chat.reactions.size).toBe(0);
    expect((await bed.store.pendingEvents()).map((e) => e.eventId)).toEqual(['Ev1']);
    await arrival!.after();
    expect((await bed.store.getTimelineEntry(key))?.authorName).toBe('cat');
    expect(bed.chat.reactions.has(`${key.slice(4)}:memo`)).toBe(true);
  });

  it("fetches a message the log does not hold in `after`, and a second pin of it if the first's fetch failed", async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const first = await pinOnArrival(bed.deps, ref, 'UBOB', arriving('Ev1'));
    expect((await bed.store.getTimelineEntry(key))?.pending).toBe(true);
    await expect(first!.after()).resolves.toBeUndefined(); // Slack has no such message: the entry goes
    expect(await bed.store.getTimelineEntry(key)).toBeNull();

    await pinOnArrival(bed.deps, ref, 'UBOB', arriving('Ev2'));
    bed.chat.messages.set(`${ref.channelId}:${ref.ts}`, { ts: ref.ts, userId: 'UCAT', text: 'From Slack' });
    const second = await pinOnArrival(bed.deps, ref, 'UDAN', arriving('Ev3'));
    await second!.after();
    expect(await bed.store.getTimelineEntry(key)).toMatchObject({ text: 'From Slack', pending: false });
  });

  it('leaves a channel that is no incident to the usual path, and a known event pins nothing', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await bed.messages.record(logged);

    expect(await pinOnArrival(bed.deps, { channelId: 'CGENERAL', ts: ref.ts }, 'UBOB', arriving('Ev1'))).toBeNull();
    await bed.store.recordEvent('Ev2', '{}', '2030-04-07T09:30:01.000Z');
    expect((await pinOnArrival(bed.deps, ref, 'UBOB', arriving('Ev2')))?.isNew).toBe(false);
    expect(await bed.store.getTimelineEntry(key)).toBeNull();
  });
});

describe('pinFromLog', () => {
  it('writes the entry complete from the log, names the author, and confirms with the emoji', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await bed.messages.record(logged);
    bed.chat.names.set('UCAT', 'cat');

    const result = await pinFromLog(bed.deps, 'inc-1', ref, 'UBOB');

    expect(result).toBe('added');
    expect(await bed.store.getTimelineEntry(key)).toMatchObject({
      text: 'Rolled back the deploy',
      authorId: 'UCAT',
      authorName: 'cat',
      pending: false,
      at: '2030-04-07T09:30:00.000Z',
    });
    expect(bed.chat.reactions.has(`${key.slice(4)}:memo`)).toBe(true);
    expect(bed.chat.calls).not.toContain('fetchMessage');
  });

  it('takes the author name from the cache without asking Slack', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await bed.messages.record(logged);
    await bed.names.setName('UCAT', 'cat (cached)', '2030-04-08T00:00:00.000Z');

    await pinFromLog(bed.deps, 'inc-1', ref, 'UBOB');

    expect((await bed.store.getTimelineEntry(key))?.authorName).toBe('cat (cached)');
    expect(bed.chat.calls).not.toContain('userName');
  });

  it('says a second pin of the same message is known', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await bed.messages.record(logged);

    await pinFromLog(bed.deps, 'inc-1', ref, 'UBOB');
    const second = await pinFromLog(bed.deps, 'inc-1', ref, 'UDAN');

    expect(second).toBe('known');
    expect(bed.store.roles.timeline.reactors.get(key)).toEqual(new Set(['UBOB', 'UDAN']));
  });

  it('writes a message the log does not hold pending, for completeMessage', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const result = await pinFromLog(bed.deps, 'inc-1', ref, 'UBOB');

    expect(result).toBe('unlogged');
    expect(await bed.store.getTimelineEntry(key)).toMatchObject({ pending: true, text: '' });
  });
});

describe('pinMessage and completeMessage', () => {
  it('completes a pending entry from what Slack says of the message', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    bed.chat.messages.set(`${ref.channelId}:${ref.ts}`, { ts: ref.ts, userId: 'UCAT', text: 'From Slack' });
    bed.chat.names.set('UCAT', 'cat');

    expect(await pinMessage(bed.deps, 'inc-1', ref, 'UBOB')).toBe(true);
    const result = await completeMessage(bed.deps, ref);

    expect(result).toBe('done');
    expect(await bed.store.getTimelineEntry(key)).toMatchObject({
      text: 'From Slack',
      authorName: 'cat',
      pending: false,
    });
  });

  it('removes the entry and its reactors when the message is gone', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await pinMessage(bed.deps, 'inc-1', ref, 'UBOB');

    const result = await completeMessage(bed.deps, ref);

    expect(result).toBe('gone');
    expect(await bed.store.getTimelineEntry(key)).toBeNull();
    expect(bed.store.roles.timeline.reactors.has(key)).toBe(false);
  });

  it('says absent when there is no entry to complete', async () => {
    const bed = buildDeps();

    expect(await completeMessage(bed.deps, ref)).toBe('absent');
  });
});

describe('unpinMessage', () => {
  it('keeps the entry while someone else still has the reaction on', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await pinMessage(bed.deps, 'inc-1', ref, 'UBOB');
    await pinMessage(bed.deps, 'inc-1', ref, 'UDAN');

    const removed = await unpinMessage(bed.deps, ref, 'UBOB');

    expect(removed).toBe(false);
    expect(await bed.store.getTimelineEntry(key)).not.toBeNull();
  });

  it('removes the entry and the confirmation when the last one comes off', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await bed.messages.record(logged);
    await pinFromLog(bed.deps, 'inc-1', ref, 'UBOB');

    const removed = await unpinMessage(bed.deps, ref, 'UBOB');

    expect(removed).toBe(true);
    expect(await bed.store.getTimelineEntry(key)).toBeNull();
    expect(bed.chat.reactions.size).toBe(0);
  });
});

describe('editMessage and deleteMessage', () => {
  it('carries an edit to the entry, and says false for a message not on the timeline', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await pinMessage(bed.deps, 'inc-1', ref, 'UBOB');

    expect(await editMessage(bed.deps, ref, 'Edited')).toBe(true);
    expect(await editMessage(bed.deps, { ...ref, ts: '1.000001' }, 'Edited')).toBe(false);
    expect((await bed.store.getTimelineEntry(key))?.text).toBe('Edited');
  });

  it('takes a deleted message off the timeline', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await pinMessage(bed.deps, 'inc-1', ref, 'UBOB');

    expect(await deleteMessage(bed.deps, ref)).toBe(true);
    expect(await bed.store.listTimeline('inc-1')).toEqual([]);
    expect(bed.store.roles.timeline.reactors.has(key)).toBe(false);
  });
});
