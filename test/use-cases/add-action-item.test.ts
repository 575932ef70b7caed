import { describe, expect, it } from 'vitest';
import { addActionItem } from '#use-cases/add-action-item.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

const request = { text: 'Add an alert', owner: '<@UBOB|bob>', due: 'next friday', priority: 'P2' };

describe('addActionItem', () => {
  it('keeps the item with its owner mention tidied and its due date as a day', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const outcome = await addActionItem(bed.deps, incident, request, 'UANA', 'T1');

    expect(outcome).toEqual({ ok: true, value: 'Action item added: Add an alert, owner <@UBOB>, due 2030-04-12.' });
    expect(await bed.store.listActionItems('inc-1')).toEqual([
      {
        id: 'action:T1',
        incidentId: 'inc-1',
        priority: 'P2',
        action: 'Add an alert',
        owner: '<@UBOB>',
        due: '2030-04-12',
        done: false,
        createdAt: '2030-04-07T10:00:00.000Z',
      },
    ]);
    expect((await bed.store.getTimelineEntry('action:T1'))?.text).toBe(
      'Action item: Add an alert (owner <@UBOB>, due 2030-04-12)',
    );
    expect(bed.rcaRequests).toEqual([]);
  });

  it('gives the item to the person who added it when no owner is named', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    await addActionItem(bed.deps, incident, { ...request, owner: null }, 'UANA', 'T1');

    expect((await bed.store.listActionItems('inc-1'))[0]?.owner).toBe('<@UANA>');
  });

  it('asks for a due date, and for one it can read', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const none = await addActionItem(bed.deps, incident, { ...request, due: null }, 'UANA', 'T1');
    const unreadable = await addActionItem(bed.deps, incident, { ...request, due: 'someday' }, 'UANA', 'T2');

    expect(none).toEqual({ ok: false, message: expect.stringContaining('due:2025-05-01') });
    expect(unreadable.ok).toBe(false);
    expect(await bed.store.listActionItems('inc-1')).toEqual([]);
  });

  it('refreshes the RCA when the incident is already resolved', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed, { status: 'resolved' });

    await addActionItem(bed.deps, incident, request, 'UANA', 'T1');

    expect(bed.rcaRequests).toEqual([{ incidentId: 'inc-1', by: 'UANA' }]);
  });
});
