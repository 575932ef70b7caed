import { describe, expect, it } from 'vitest';
import { acknowledgeIncident } from '#use-cases/acknowledge-incident.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';
import { buildTimelineEntry } from '../helpers/build-timeline-entry.ts';

describe('acknowledgeIncident', () => {
  it('records the acknowledgement at the time of the command', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const outcome = await acknowledgeIncident(bed.deps, incident, 'UBOB');

    expect(outcome).toEqual({ ok: true, value: 'Acknowledged: the time to acknowledge is measured to now.' });
    expect(await bed.store.getTimelineEntry('acknowledged:inc-1')).toMatchObject({
      kind: 'acknowledged',
      authorId: 'UBOB',
      at: '2030-04-07T10:00:00.000Z',
    });
    expect(bed.changed).toEqual(['inc-1']);
  });

  it('only says when someone other than the declarer already acted on it', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);
    await bed.store.addTimelineEntry(buildTimelineEntry({ authorId: 'UBOB' }));

    const outcome = await acknowledgeIncident(bed.deps, incident, 'UCAT');

    expect(outcome).toEqual({ ok: true, value: 'Already acknowledged at 09:30 UTC.' });
    expect(await bed.store.getTimelineEntry('acknowledged:inc-1')).toBeNull();
  });
});
