import { describe, expect, it } from 'vitest';
import { publishIncidentEvent } from '#use-cases/publish-incident-event.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

describe('publishIncidentEvent', () => {
  it('publishes the incident as it now is, with the time and key', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await bed.store.updateIncident('inc-1', { severity: 'P1' });

    await publishIncidentEvent(bed.deps, 'severity', 'inc-1', 'sev:T1', { from: 'P2', to: 'P1' });

    expect(bed.events.published).toEqual([
      {
        kind: 'severity',
        key: 'sev:T1',
        at: '2030-04-07T10:00:00.000Z',
        incident: expect.objectContaining({ id: 'inc-1', severity: 'P1' }),
        detail: { from: 'P2', to: 'P1' },
      },
    ]);
  });

  it('publishes nothing for an incident that is not there', async () => {
    const bed = buildDeps();

    await publishIncidentEvent(bed.deps, 'status', 'inc-404', 'k');

    expect(bed.events.published).toEqual([]);
  });

  it('logs a publisher failure instead of throwing it', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    bed.events.failWith = new Error('outbox full');

    await expect(publishIncidentEvent(bed.deps, 'status', 'inc-1', 'k')).resolves.toBeUndefined();

    expect(bed.logs.find((l) => l.msg === 'could not queue the webhook event')).toMatchObject({ kind: 'status' });
  });
});
