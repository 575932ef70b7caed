import { describe, expect, it } from 'vitest';
import { setImpactStart } from '#use-cases/set-impact-start.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

describe('setImpactStart', () => {
  it('records when impact began, in the bot time zone, at that time', async () => {
    const bed = buildDeps({ config: { rca: { timeZone: 'Europe/Berlin' } } });
    const incident = await buildOpenIncident(bed);

    const outcome = await setImpactStart(bed.deps, incident, '10:30', 'UANA');

    expect(outcome).toEqual({ ok: true, value: 'Impact began at 2030-04-07 08:30 UTC.' });
    expect(await bed.store.getTimelineEntry('started:inc-1')).toMatchObject({
      kind: 'started',
      at: '2030-04-07T08:30:00.000Z',
      detail: { to: '2030-04-07T08:30:00.000Z' },
    });
  });

  it('replaces an earlier start, keeping one entry', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    await setImpactStart(bed.deps, incident, '08:00', 'UANA');
    await setImpactStart(bed.deps, incident, '08:15', 'UANA');

    const started = (await bed.store.listTimeline('inc-1')).filter((e) => e.kind === 'started');
    expect(started.map((e) => e.at)).toEqual(['2030-04-07T08:15:00.000Z']);
  });

  it('warns that a start after the declaration counts the time to detect as 0', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const outcome = await setImpactStart(bed.deps, incident, '09:45', 'UANA');

    expect(outcome.ok && outcome.value).toContain('the time to detect counts as 0');
  });

  it('answers a time it cannot read with what to write, and records nothing', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const outcome = await setImpactStart(bed.deps, incident, 'teatime', 'UANA');

    expect(outcome.ok).toBe(false);
    expect(await bed.store.listTimeline('inc-1')).toEqual([]);
    expect(bed.changed).toEqual([]);
  });
});
