import { describe, expect, it } from 'vitest';
import { postStatusUpdate } from '#use-cases/post-status-update.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';
import { MemoryUpdatePublisher } from '../helpers/memory-update-publisher.ts';

const input = { text: ' Rolled back; errors falling ', status: null, nextInMinutes: null };

describe('postStatusUpdate', () => {
  it('records the update, publishes it here and in the broadcast channels, with the next one due', async () => {
    const bed = buildDeps({ config: { incident: { announcements: [{ channel: 'CANN', minSeverity: 'P2' }] } } });
    const incident = await buildOpenIncident(bed);
    const publisher = new MemoryUpdatePublisher();

    const outcome = await postStatusUpdate(bed.deps, publisher, incident, input, 'UANA', 'V1');

    expect(outcome).toEqual({ ok: true, value: 'Update posted here and in <#CANN>. Next update due at 11:00 UTC.' });
    expect(publisher.published).toEqual([
      {
        incidentId: 'inc-1',
        update: {
          text: 'Rolled back; errors falling',
          by: 'UANA',
          at: '2030-04-07T10:00:00.000Z',
          nextAt: '2030-04-07T11:00:00.000Z',
        },
        channels: ['CINC1', 'CANN'],
      },
    ]);
    expect(await bed.store.getTimelineEntry('update:V1')).toMatchObject({
      kind: 'update',
      text: 'Status update: Rolled back; errors falling',
      detail: { to: '2030-04-07T11:00:00.000Z' },
    });
  });

  it('names only the broadcast channels that got the update, and says why each other one did not', async () => {
    const bed = buildDeps({
      config: { incident: { announcementsChannel: '#announce', announcements: [{ channel: 'CLOCKED' }] } },
    });
    const incident = await buildOpenIncident(bed);
    const publisher = new MemoryUpdatePublisher();
    publisher.refusing.set('CLOCKED', 'not_in_channel');

    const outcome = await postStatusUpdate(bed.deps, publisher, incident, input, 'UANA', 'V1');

    expect(outcome).toEqual({
      ok: true,
      value:
        'Update posted here and in #announce. Next update due at 11:00 UTC.\nNot posted in <#CLOCKED>: the bot is not a member; invite it there with `/invite @Incident Scribe`.',
    });
  });

  it('changes the status with the update, and expects no more once mitigated', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);
    const publisher = new MemoryUpdatePublisher();

    const outcome = await postStatusUpdate(
      bed.deps,
      publisher,
      incident,
      { ...input, status: 'mitigated' },
      'UANA',
      'V1',
    );

    expect(outcome).toEqual({ ok: true, value: 'Update posted here.' });
    expect((await bed.store.getIncident('inc-1'))?.status).toBe('mitigated');
    expect(publisher.published[0]?.update.nextAt).toBeNull();
  });

  it('posts a redelivered form once', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);
    const publisher = new MemoryUpdatePublisher();

    await postStatusUpdate(bed.deps, publisher, incident, input, 'UANA', 'V1');
    const again = await postStatusUpdate(bed.deps, publisher, incident, input, 'UANA', 'V1');

    expect(again).toEqual({ ok: true, value: 'This update was already posted.' });
    expect(publisher.published).toHaveLength(1);
  });

  it('refuses an empty update, a resolved incident and a status it may not go to', async () => {
    const bed = buildDeps();
    const publisher = new MemoryUpdatePublisher();
    const open = await buildOpenIncident(bed);
    const resolved = await buildOpenIncident(bed, { id: 'inc-2', channelId: 'CINC2', status: 'resolved' });

    const empty = await postStatusUpdate(bed.deps, publisher, open, { ...input, text: ' ' }, 'UANA', 'V1');
    const closed = await postStatusUpdate(bed.deps, publisher, resolved, input, 'UANA', 'V2');
    const resolving = await postStatusUpdate(bed.deps, publisher, open, { ...input, status: 'resolved' }, 'UANA', 'V3');

    expect(empty).toEqual({ ok: false, message: expect.stringContaining('Write the update') });
    expect(closed).toEqual({ ok: false, message: expect.stringContaining('/incident reopen') });
    expect(resolving).toEqual({ ok: false, message: expect.stringContaining('/incident resolve') });
    expect(publisher.published).toEqual([]);
  });
});
