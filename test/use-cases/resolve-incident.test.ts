import { describe, expect, it } from 'vitest';
import { reopenIncident } from '#use-cases/reopen-incident.ts';
import { resolveIncident } from '#use-cases/resolve-incident.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

describe('resolveIncident', () => {
  it('records the resolution with what people wrote, then asks for the RCA', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const outcome = await resolveIncident(bed.deps, incident, 'UANA', 'resolved:inc-1', {
      rootCause: '  A bad deploy ',
      impact: '',
    });

    expect(outcome.ok).toBe(true);
    expect(await bed.store.getIncident('inc-1')).toMatchObject({
      status: 'resolved',
      resolvedAt: '2030-04-07T10:00:00.000Z',
      rootCause: 'A bad deploy',
      impact: '',
    });
    expect(await bed.store.getTimelineEntry('resolved:inc-1')).toMatchObject({ kind: 'resolved' });
    expect(bed.rcaRequests).toEqual([{ incidentId: 'inc-1', by: 'UANA' }]);
    expect(bed.events.kinds()).toEqual(['resolved']);
  });

  it('refuses an incident already resolved, and asks for nothing', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed, { status: 'resolved' });

    const outcome = await resolveIncident(bed.deps, incident, 'UANA', 'resolved:inc-1');

    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('/incident rca') });
    expect(bed.rcaRequests).toEqual([]);
  });

  it('records a second resolution after a reopening as an entry of its own', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);
    await resolveIncident(bed.deps, incident, 'UANA', 'resolved:inc-1');
    await reopenIncident(bed.deps, (await bed.store.getIncident('inc-1'))!, 'UANA', 'T2');

    await resolveIncident(bed.deps, (await bed.store.getIncident('inc-1'))!, 'UANA', 'resolved:inc-1');

    const resolutions = (await bed.store.listTimeline('inc-1')).filter((e) => e.kind === 'resolved');
    expect(resolutions.map((e) => e.key)).toEqual(['resolved:inc-1', 'resolved:inc-1:1']);
  });
});
