import { describe, expect, it } from 'vitest';
import { recordChange } from '#use-cases/record-change.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

describe('recordChange', () => {
  it('writes the change once per key and says whether it was added', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const first = await recordChange(bed.deps, 'inc-1', 'status:T1', 'status', { from: 'a', to: 'b', byId: 'UANA' });
    const again = await recordChange(bed.deps, 'inc-1', 'status:T1', 'status', { from: 'a', to: 'c', byId: 'UANA' });

    expect([first, again]).toEqual([true, false]);
    expect(await bed.store.listTimeline('inc-1')).toEqual([
      expect.objectContaining({ key: 'status:T1', detail: { from: 'a', to: 'b' }, at: '2030-04-07T10:00:00.000Z' }),
    ]);
    expect(bed.events.kinds()).toEqual(['status']);
  });

  it('keeps the time it is given, for a change that happened earlier', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    await recordChange(
      bed.deps,
      'inc-1',
      'started:inc-1',
      'started',
      { to: 'x', byId: 'UANA' },
      '2030-04-07T08:00:00.000Z',
    );

    expect(await bed.store.getTimelineEntry('started:inc-1')).toMatchObject({
      at: '2030-04-07T08:00:00.000Z',
      sortKey: '1901779200.000000',
    });
  });

  it('publishes only declared, severity, status and resolved changes', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    await recordChange(bed.deps, 'inc-1', 'role:1', 'role', { role: 'comms', to: '<@UCAT>', byId: 'UANA' });
    await recordChange(bed.deps, 'inc-1', 'resolved:1', 'resolved', { to: 'resolved', byId: 'UANA' });

    expect(bed.events.kinds()).toEqual(['resolved']);
  });
});
