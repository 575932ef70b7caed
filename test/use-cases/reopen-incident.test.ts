import { describe, expect, it } from 'vitest';
import { reopenCount, reopenIncident } from '#use-cases/reopen-incident.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

describe('reopenIncident', () => {
  it('puts a resolved incident back to the first status and records the reopening', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed, { status: 'resolved', resolvedAt: '2030-04-07T09:50:00.000Z' });

    const outcome = await reopenIncident(bed.deps, incident, 'UANA', 'T1');

    expect(outcome).toEqual({ ok: true, value: expect.stringContaining('the status is investigating') });
    expect(await bed.store.getIncident('inc-1')).toMatchObject({ status: 'investigating', resolvedAt: null });
    expect(await reopenCount(bed.deps, 'inc-1')).toBe(1);
    expect(bed.changed).toEqual(['inc-1']);
  });

  it('refuses an incident that is not resolved', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed, { status: 'identified' });

    const outcome = await reopenIncident(bed.deps, incident, 'UANA', 'T1');

    expect(outcome).toEqual({
      ok: false,
      message: 'This incident is identified, not resolved: there is nothing to reopen.',
    });
    expect(await reopenCount(bed.deps, 'inc-1')).toBe(0);
  });
});
